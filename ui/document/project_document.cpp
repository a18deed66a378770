#include "ui/document/project_document.h"

#include "io/project/member_moments.h"
#include "io/scenario/presets.h"
#include "ui/document/background_task.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>
#include <QUndoCommand>

#include <utility>

namespace sharecast::ui {

namespace {

//! One edit of the scenario: undo restores the scenario before it, redo the one after.
class ChangeScenarioCommand : public QUndoCommand {
public:
    ChangeScenarioCommand(ProjectDocument* doc, Scenario before, Scenario after, const QString& text,
                          int mergeKey)
        : QUndoCommand(text), doc_(doc), before_(std::move(before)), after_(std::move(after)),
          mergeKey_(mergeKey)
    {
        last_.start();
    }
    void undo() override { doc_->applyScenario(before_); }
    void redo() override { doc_->applyScenario(after_); }
    int id() const override { return mergeKey_; }
    bool mergeWith(const QUndoCommand* other) override
    {
        // A drag (or arrow keys held on a field) sends a burst of changes: one step. Two entries
        // typed into the same field with a pause between them are two steps.
        const auto* o = static_cast<const ChangeScenarioCommand*>(other);
        if (o->mergeKey_ != mergeKey_ || mergeKey_ < 0 || last_.elapsed() > kBurstMs)
            return false;
        after_ = o->after_; // keep the first "before": the whole drag is one step
        last_.restart();
        return true;
    }

private:
    ProjectDocument* doc_;
    Scenario before_;
    Scenario after_;
    int mergeKey_;
    QElapsedTimer last_; //!< since the last change merged into this step
    static constexpr qint64 kBurstMs = 800;
};

} // namespace

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent), pool_(std::make_unique<QThreadPool>()),
      calculation_(std::make_unique<BackgroundTask>(pool_.get(), BackgroundTask::Priority::Interactive))
{
    // Two threads: a superseded calculation still finishing its step never delays the next one.
    pool_->setMaxThreadCount(2);
}

ProjectDocument::~ProjectDocument()
{
    calculation_.reset(); // cancels the calculation under way and waits for it: it reads the data
}

std::unique_ptr<ProjectDocument> ProjectDocument::open(const QString& path, QObject* parent)
{
    std::unique_ptr<ProjectDocument> doc(new ProjectDocument(parent));
    doc->path_ = path;
    doc->store_ = io::ProjectStore::open(path);
    const std::optional<io::DatasetInfo> experience = doc->store_->activeDataset(io::DatasetKind::Experience);
    if (!experience)
        throw io::ProjectError(path.toStdString() +
                               ": the project has no experience data; import some first");
    doc->experience_ = doc->store_->loadExperience(experience->id);
    doc->moments_ = io::activeMemberMoments(*doc->store_);
    doc->index_ = std::make_unique<ExperienceIndex>(doc->experience_);
    if (const std::optional<io::DatasetInfo> quality = doc->store_->activeDataset(io::DatasetKind::Quality)) {
        doc->quality_ = doc->store_->loadQuality(quality->id);
        doc->hasQuality_ = true;
    }
    if (const std::optional<io::DatasetInfo> partnerships =
            doc->store_->activeDataset(io::DatasetKind::Partnerships)) {
        doc->partnerships_ = doc->store_->loadPartnerships(partnerships->id);
        doc->hasPartnerships_ = true;
    }

    // Open the most recently saved scenario; a project without one starts from Straw Proposal 7.
    const QList<io::ScenarioInfo> scenarios = doc->scenarios();
    if (!scenarios.isEmpty()) {
        const io::ScenarioInfo* latest = &scenarios.front();
        for (const io::ScenarioInfo& s : scenarios)
            if (s.modified > latest->modified)
                latest = &s;
        doc->scenarioId_ = latest->id;
        doc->scenario_ = io::ScenarioStore(*doc->store_).load(latest->id);
    } else {
        Scenario s = io::loadPreset(QStringLiteral("straw-proposal-7"));
        doc->scenarioId_ = io::ScenarioStore(*doc->store_)
                               .add(s, std::nullopt, QStringLiteral("straw-proposal-7"),
                                    QStringLiteral("new from preset straw-proposal-7"));
        doc->scenario_ = s;
    }
    doc->readStoredInfo();
    connect(&doc->undo_, &QUndoStack::cleanChanged, doc.get(),
            [d = doc.get()] { Q_EMIT d->modifiedChanged(); });
    doc->recalculate();
    return doc;
}

QString ProjectDocument::title() const
{
    const QString t = store_->metadata(QStringLiteral("title"));
    return t.isEmpty() ? QFileInfo(path_).completeBaseName() : t;
}

bool ProjectDocument::isSynthetic() const
{
    return store_->metadata(QStringLiteral("synthetic")) == QLatin1String("1");
}

QString ProjectDocument::notice() const
{
    return isSynthetic() ? store_->metadata(QStringLiteral("notice")) : QString();
}

QList<io::ScenarioInfo> ProjectDocument::scenarios() const
{
    return io::ScenarioStore(*store_).list();
}

Year ProjectDocument::performanceYear() const
{
    return defaultPerformanceYear(scenario_, *index_);
}

void ProjectDocument::selectScenario(qint64 id)
{
    scenario_ = io::ScenarioStore(*store_).load(id);
    scenarioId_ = id;
    readStoredInfo();
    undo_.clear();
    Q_EMIT scenarioChanged();
    scheduleRecalculation();
}

void ProjectDocument::recoverEdits(const Scenario& edited, std::optional<qint64> storedId)
{
    bool stored = false;
    if (storedId)
        for (const io::ScenarioInfo& info : scenarios())
            stored = stored || info.id == *storedId;
    if (stored) {
        selectScenario(*storedId);
        setScenario(edited, tr("Recover the autosaved edits"));
        return;
    }
    // Not in the project: the whole scenario is the unsaved edit (saving adds it).
    scenarioId_.reset();
    stored_.reset();
    scenario_ = edited;
    undo_.clear();
    undo_.resetClean(); // modified, with nothing to undo
    Q_EMIT scenarioChanged();
    Q_EMIT projectChanged();
    scheduleRecalculation();
}

void ProjectDocument::readStoredInfo()
{
    stored_.reset();
    if (scenarioId_)
        stored_ = io::ScenarioStore(*store_).info(*scenarioId_);
}

void ProjectDocument::setScenario(const Scenario& scenario, const QString& text, int mergeKey)
{
    if (scenario == scenario_)
        return;
    undo_.push(new ChangeScenarioCommand(this, scenario_, scenario, text, mergeKey));
}

void ProjectDocument::applyScenario(const Scenario& scenario)
{
    scenario_ = scenario;
    Q_EMIT scenarioChanged();
    scheduleRecalculation();
}

void ProjectDocument::saveScenario()
{
    io::ScenarioStore store(*store_);
    if (scenarioId_)
        store.save(*scenarioId_, scenario_, QStringLiteral("saved from the workbench"));
    else
        scenarioId_ = store.add(scenario_);
    readStoredInfo();
    undo_.setClean();
    Q_EMIT projectChanged();
}

qint64 ProjectDocument::addScenario(const Scenario& scenario, std::optional<qint64> derivedFrom,
                                    const QString& preset)
{
    const qint64 id = io::ScenarioStore(*store_).add(scenario, derivedFrom, preset);
    selectScenario(id);
    Q_EMIT projectChanged(); // after the selection, so that views show the new one as current
    return id;
}

CalculationData ProjectDocument::calculationData() const
{
    return {index_.get(), quality(), memberMoments(), partnerships()};
}

void ProjectDocument::scheduleRecalculation()
{
    calculation_->start([this, data = calculationData(),
                         scenario = scenario_](const std::atomic<bool>& cancel) -> BackgroundTask::Apply {
        auto results = std::make_shared<const CalculationResults>(calculateResults(data, scenario, &cancel));
        return [this, results] { applyResults(results); };
    });
}

void ProjectDocument::recalculate()
{
    calculation_->cancel(); // superseded by this one
    applyResults(std::make_shared<const CalculationResults>(calculateResults(calculationData(), scenario_)));
}

bool ProjectDocument::isCalculating() const
{
    return calculation_->isRunning();
}

void ProjectDocument::waitForResults()
{
    calculation_->waitForDone();
}

void ProjectDocument::applyResults(std::shared_ptr<const CalculationResults> results)
{
    std::shared_ptr<const CalculationResults> previous = std::exchange(results_, std::move(results));
    Q_EMIT resultsChanged();
    // The previous results (a projection of every cell and year) are freed off the GUI thread,
    // unless work on another thread still holds them.
    QThreadPool::globalInstance()->start([previous = std::move(previous)]() mutable { previous.reset(); });
}

} // namespace sharecast::ui
