#pragma once
//! Runs the evaluations of a sensitivity study (methodology §14) off the GUI thread: a batch of
//! scenarios evaluated in chunks on every core, or a goal seek; cancellable between evaluations,
//! with progress, and a newer run makes an older one's results stale (they never arrive).

#include "engine/goal_seek.h"
#include "engine/metric.h"
#include "engine/scenario.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sharecast::ui {

//! One runner per pane of the Sensitivity view. The context's data must outlive the runner (the
//! runner waits for its work when destroyed).
class SensitivityRunner : public QObject {
    Q_OBJECT
public:
    explicit SensitivityRunner(QObject* parent = nullptr);
    ~SensitivityRunner() override;

    //! Makes scenario i of a batch (called on worker threads).
    using MakeScenario = std::function<Scenario(std::size_t)>;

    //! Starts evaluating `metric` for make(i), i in [0, count), in chunks; cancels the run in
    //! progress. Emits progress() after each chunk, then evaluated() or failed(). Returns the run.
    int evaluate(const Metric& metric, const MetricContext& context, std::size_t count, MakeScenario make);

    //! Starts a goal seek of `metric` over `key` in [low, high] to `target` (dollars), on `base`;
    //! cancels the run in progress. Emits sought() or failed(). Returns the run.
    int seek(const Metric& metric, const MetricContext& context, const Scenario& base, const std::string& key,
             double low, double high, double target);

    //! Stops the run in progress (between evaluations); emits cancelled(); its results never arrive.
    void cancel();
    //! Drops the run in progress without a signal (its results are stale, e.g. the scenario changed).
    void discard();
    //! True while a run's results are awaited.
    bool isRunning() const { return running_; }
    //! Blocks until every run started has stopped (its results are then queued): for the tests.
    void waitForWorkers();

    //! The number of evaluations per chunk (the cancel flag is checked between chunks).
    static std::size_t chunkSize();

Q_SIGNALS:
    void started(int run);
    //! done of total evaluations (total 0: unknown, as in a goal seek).
    void progress(int run, int done, int total);
    void evaluated(int run, const std::vector<double>& values);
    void sought(int run, const sharecast::GoalSeekResult& result);
    void failed(int run, const QString& message);
    void cancelled(int run);
    //! The run was dropped by discard() (its results are stale).
    void discarded(int run);

private:
    //! Stops the current run (raises its flag; what it still delivers is stale); its number, or
    //! nullopt when none runs.
    std::optional<int> stopRun();
    //! A new run: stops the previous one, returns its cancel flag.
    std::shared_ptr<std::atomic<bool>> beginRun();
    //! Delivers `deliver` on the GUI thread if run is still the current one.
    void post(int run, std::function<void()> deliver);

    int run_ = 0;
    bool running_ = false;
    std::shared_ptr<std::atomic<bool>> stop_;
    QList<QFuture<void>> workers_;
    //! The runs' own threads, behind the GUI thread and the document's recalculation (an edit
    //! never waits for a batch; see yieldToTheGuiThread()).
    QThreadPool pool_;
};

} // namespace sharecast::ui
