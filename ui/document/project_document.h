#pragma once
//! One open project in the workbench: its data, its scenarios, the scenario being edited with its
//! undo history, and the results recalculated after every edit, off the GUI thread.

#include "engine/experience_index.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "ui/document/calculation.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <optional>

class QThreadPool;

namespace sharecast::ui {

class BackgroundTask;

//! The document behind the main window (one per open project). It owns the data; models and
//! chart controllers read it and listen to its signals; every edit of the scenario is an undo
//! command pushed through setScenario(). After an edit the results are recalculated on a worker
//! thread: until they arrive the document keeps (and shows) the previous ones, a newer edit
//! supersedes the calculation under way (whose results are dropped), and resultsChanged() is
//! emitted only for results of the current scenario.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    //! Opens a project file; throws io::ProjectError or InputError with a message naming the file.
    static std::unique_ptr<ProjectDocument> open(const QString& path, QObject* parent = nullptr);
    ~ProjectDocument() override;

    const QString& path() const { return path_; }
    //! The project's title (its metadata, else the file name).
    QString title() const;
    //! True for the bundled synthetic sample (and any project marked synthetic).
    bool isSynthetic() const;
    //! The notice to show with synthetic data (empty otherwise).
    QString notice() const;

    io::ProjectStore& store() { return *store_; }
    QUndoStack* undoStack() { return &undo_; }
    //! True when the scenario has edits not yet saved into the project.
    bool isModified() const { return !undo_.isClean(); }

    const ExperienceData& experience() const { return experience_; }
    const ExperienceIndex& index() const { return *index_; }
    const QualityData* quality() const { return hasQuality_ ? &quality_ : nullptr; }
    //! The active MCP–CBO partnerships dataset; null when the project has none.
    const PartnershipData* partnerships() const { return hasPartnerships_ ? &partnerships_ : nullptr; }
    QList<io::DatasetInfo> datasets() const { return store_->datasets(); }

    //! The project's scenarios.
    QList<io::ScenarioInfo> scenarios() const;
    //! The stored scenario being edited (nullopt while editing an unsaved preset copy).
    std::optional<qint64> scenarioId() const { return scenarioId_; }
    //! The scenario as edited.
    const Scenario& scenario() const { return scenario_; }
    //! The performance year settled (the scenario's, else the latest year of the data).
    Year performanceYear() const;

    //! The stored scenario being edited as the project holds it (its name, version and when that
    //! version was saved), as loaded or last saved; nullopt for a scenario not in the project.
    const std::optional<io::ScenarioInfo>& storedInfo() const { return stored_; }

    //! Switches to a stored scenario (clears the undo history; asks nothing: the caller saves).
    void selectScenario(qint64 id);
    //! Puts recovered edits back (crash recovery): the stored scenario storedId is selected and
    //! the edits become one undoable step on it, unsaved; a scenario the project does not hold
    //! (new, or deleted since) becomes an unsaved scenario of its own, added when saved. Nothing
    //! is written to the project.
    void recoverEdits(const Scenario& edited, std::optional<qint64> storedId);
    //! Replaces the edited scenario through an undo command; commands with the same mergeKey
    //! pushed in a row within 0.8 s of each other merge into one (a slider drag is one step;
    //! two entries typed into one field are two).
    void setScenario(const Scenario& scenario, const QString& text, int mergeKey = -1);
    //! Saves the edited scenario as a new version in the project and marks it clean.
    void saveScenario();
    //! Adds a new scenario (from a preset or a copy) and selects it.
    qint64 addScenario(const Scenario& scenario, std::optional<qint64> derivedFrom, const QString& preset);

    //! The latest results (recalculated after each change, off the GUI thread).
    const Settlement& settlement() const { return results_->settlement; }
    const Projection& projection() const { return results_->projection; }
    //! The closed forms of §13 for the latest settlement (the Monte Carlo runs elsewhere, off
    //! the GUI thread: see ValidityRunner).
    const Validity& validity() const { return results_->validity; }
    //! Member-level cost moments when the active experience came from members.csv (§13's c).
    const MemberMoments* memberMoments() const { return moments_ ? &*moments_ : nullptr; }
    //! The last calculation's error (empty when it succeeded).
    const QString& calculationError() const { return results_->error; }

    //! The partnership ledger of the performance year (docs/methodology.md, "Partnerships"),
    //! recalculated with the settlement (resultsChanged() says it changed); null when the project
    //! has no partnerships data, or the ledger could not be made (see partnershipError()).
    const PartnershipLedger* partnershipLedger() const
    {
        return results_->partnershipLedger ? &*results_->partnershipLedger : nullptr;
    }
    //! Why the partnership ledger could not be made (empty when it was, or there are no data).
    const QString& partnershipError() const { return results_->partnershipError; }
    //! The latest results as a whole, for work that outlives them on another thread (the Monte
    //! Carlo of a settlement): they stay as they are while it holds them.
    std::shared_ptr<const CalculationResults> results() const { return results_; }
    //! Milliseconds the last recalculation took.
    double lastCalculationMs() const { return results_->ms; }

    //! Recalculates now, on the calling (GUI) thread, superseding any calculation under way, and
    //! emits resultsChanged(): for whatever must read the results of the scenario just set (the
    //! report, the command line, tests).
    void recalculate();
    //! True from an edit until its results have replaced the previous ones.
    bool isCalculating() const;
    //! Blocks until the calculation under way has finished and its results are in (emitting
    //! resultsChanged()); returns at once when none runs.
    void waitForResults();

    //! Used by the undo command: sets the scenario without pushing a command.
    void applyScenario(const Scenario& scenario);

Q_SIGNALS:
    //! The edited scenario changed (an edit, undo, redo, or another scenario selected).
    void scenarioChanged();
    //! New results are available.
    void resultsChanged();
    //! The list of scenarios or datasets changed.
    void projectChanged();
    //! The edited scenario became modified, or saved (clean) again.
    void modifiedChanged();

private:
    explicit ProjectDocument(QObject* parent);
    void scheduleRecalculation(); //!< starts the scenario's calculation on the worker
    void applyResults(std::shared_ptr<const CalculationResults> results);
    CalculationData calculationData() const;
    void readStoredInfo(); //!< stored_ from the project, for scenarioId_

    QString path_;
    std::unique_ptr<io::ProjectStore> store_;
    ExperienceData experience_;
    std::unique_ptr<ExperienceIndex> index_;
    QualityData quality_;
    bool hasQuality_ = false;
    PartnershipData partnerships_;
    bool hasPartnerships_ = false;
    std::optional<qint64> scenarioId_;
    std::optional<io::ScenarioInfo> stored_;
    Scenario scenario_;
    QUndoStack undo_;
    std::optional<MemberMoments> moments_;
    std::shared_ptr<const CalculationResults> results_ = std::make_shared<const CalculationResults>();
    //! The worker the calculations run on, and the latest one (they read the data above: they
    //! go first, cancelled and waited for).
    std::unique_ptr<QThreadPool> pool_;
    std::unique_ptr<BackgroundTask> calculation_;
};

} // namespace sharecast::ui
