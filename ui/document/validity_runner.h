#pragma once
//! The §13 simulations of the open project, off the GUI thread: the payment Monte Carlo and the
//! projection fan, restarted whenever the document has new results, the run they replace
//! cancelled through its flag.

#include "engine/validity.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThreadPool;
class QTimer;

namespace sharecast::ui {

class BackgroundTask;
class ProjectDocument;

//! Runs the document's Monte Carlo and projection fan in the background and keeps their latest
//! results. New results cancel the runs under way at once; the new runs start when the edits
//! pause (kStartDelayMs after the latest results): not on every step of a slider drag, and not
//! while the charts of an edit are being drawn. It must go before the document (its runs read the
//! document's data): its destructor cancels them and waits.
class ValidityRunner : public QObject {
    Q_OBJECT
public:
    //! Starts both runs for the document's current results.
    explicit ValidityRunner(ProjectDocument* document, QObject* parent = nullptr);
    ~ValidityRunner() override;

    //! The validity of the document's current results: the closed forms at once, the Monte
    //! Carlo's payment columns and per-draw statewide sums once it has finished (monteCarloDone).
    const Validity& validity() const { return validity_; }
    //! How long after new results the runs start, in milliseconds.
    static constexpr int kStartDelayMs = 40;

    //! True while the Monte Carlo for the current results runs (or waits to start).
    bool monteCarloRunning() const;
    //! The draws the current (or last) Monte Carlo runs with: the scenario's.
    long monteCarloDraws() const { return validity_.draws; }

    //! The projection fan of the current scenario once it has finished (nullopt before, and when
    //! the projection cannot run).
    const std::optional<ProjectionFan>& fan() const { return fan_; }
    //! True while the projection fan for the current scenario runs (or waits to start).
    bool fanRunning() const;
    //! The draws of the projection fan for a scenario asking for `draws`: at most 10,000 (about a
    //! second on the statewide sample; more would only delay the band).
    static long fanDraws(long draws);

    //! True while either run is under way (what a screenshot waits for).
    bool busy() const { return monteCarloRunning() || fanRunning(); }
    //! Waits until both runs are done, starting them now if they wait to start (for tests and
    //! benchmarks; the workbench never blocks).
    void waitForDone();

Q_SIGNALS:
    //! A Monte Carlo started for new results (validity() holds their closed forms).
    void monteCarloStarted();
    //! The Monte Carlo of the current results has finished: validity() has its payment columns.
    void monteCarloFinished();
    //! A projection fan started for a new scenario (fan() is empty until it finishes).
    void fanStarted();
    //! The projection fan of the current scenario has finished.
    void fanFinished();

private:
    void restart();
    void startRuns(); //!< starts the runs restart() scheduled

    ProjectDocument* document_;
    std::unique_ptr<QThreadPool> pool_;
    std::unique_ptr<BackgroundTask> monteCarlo_, projectionFan_;
    Validity validity_;
    std::optional<ProjectionFan> fan_;
    std::optional<Scenario> ranFor_; //!< the scenario of the latest runs
    QTimer* startTimer_;             //!< restart() → startRuns(), once the edits pause
};

} // namespace sharecast::ui
