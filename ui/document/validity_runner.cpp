#include "ui/document/validity_runner.h"

#include "ui/document/background_task.h"
#include "ui/document/project_document.h"

#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <exception>

namespace sharecast::ui {

namespace {

//! The fan's largest number of draws in the workbench: a draw evaluates the prepared projection
//! (about 0.1 ms on the statewide sample), so the scenario's default 10,000 draws take about a
//! second off the GUI thread; more would only delay the band.
constexpr long kMaxFanDraws = 10000;

} // namespace

ValidityRunner::ValidityRunner(ProjectDocument* document, QObject* parent)
    : QObject(parent), document_(document), pool_(std::make_unique<QThreadPool>())
{
    pool_->setMaxThreadCount(2); // one run of each kind; the engine spreads each over the cores
    pool_->setThreadPriority(QThread::LowestPriority); // the edits come first (see BackgroundTask)
    monteCarlo_ = std::make_unique<BackgroundTask>(pool_.get());
    projectionFan_ = std::make_unique<BackgroundTask>(pool_.get());
    startTimer_ = new QTimer(this);
    startTimer_->setSingleShot(true);
    startTimer_->setInterval(kStartDelayMs);
    connect(startTimer_, &QTimer::timeout, this, &ValidityRunner::startRuns);
    connect(document_, &ProjectDocument::resultsChanged, this, &ValidityRunner::restart);
    restart();
    startRuns(); // the project's first results: at once
}

ValidityRunner::~ValidityRunner()
{
    // The tasks go first: they cancel their runs and wait for them (the runs read the document).
    monteCarlo_.reset();
    projectionFan_.reset();
}

bool ValidityRunner::monteCarloRunning() const
{
    // (Results that are an error have a validity without plans: no Monte Carlo.)
    return (startTimer_->isActive() && !validity_.plans.empty()) || monteCarlo_->isRunning();
}

bool ValidityRunner::fanRunning() const
{
    return (startTimer_->isActive() && document_->calculationError().isEmpty()) ||
           projectionFan_->isRunning();
}

long ValidityRunner::fanDraws(long draws)
{
    return std::clamp(draws, 1L, kMaxFanDraws);
}

void ValidityRunner::waitForDone()
{
    if (startTimer_->isActive())
        startRuns();
    monteCarlo_->waitForDone();
    projectionFan_->waitForDone();
}

void ValidityRunner::restart()
{
    // Both runs depend on the scenario alone (the data are the document's for its whole life):
    // results recalculated for the same scenario keep what has run or is running.
    const Scenario& scenario = document_->scenario();
    if (ranFor_ && *ranFor_ == scenario)
        return;
    ranFor_ = scenario;

    // The closed forms of the new results are shown at once; the runs of the previous ones stop
    // now, and the new ones start when the edits pause.
    validity_ = document_->validity();
    validity_.draws = scenario.uncertainty.draws;
    validity_.seed = scenario.uncertainty.seed;
    fan_.reset();
    monteCarlo_->cancel();
    projectionFan_->cancel();
    startTimer_->start();
    Q_EMIT monteCarloStarted();
    Q_EMIT fanStarted();
}

void ValidityRunner::startRuns()
{
    startTimer_->stop();
    if (!document_->calculationError().isEmpty())
        return;
    const Scenario scenario = document_->scenario();

    // The payment Monte Carlo of the document's results.
    if (!validity_.plans.empty()) {
        MonteCarloOptions options;
        options.draws = scenario.uncertainty.draws;
        options.seed = scenario.uncertainty.seed;
        options.keepDraws = true; // the histogram of the statewide payment
        // The settlement is the document's, shared (not copied): it stays while the run holds it.
        monteCarlo_->start([this, v = validity_, results = document_->results(), scenario,
                            options](const std::atomic<bool>& cancel) mutable -> BackgroundTask::Apply {
            options.cancel = &cancel;
            try {
                runPaymentMonteCarlo(v, results->settlement, scenario, options);
            } catch (const std::exception&) { // not run: the status says so (cancelling is no exception)
                return [this] { Q_EMIT monteCarloFinished(); };
            }
            return [this, v = std::move(v)]() mutable {
                validity_ = std::move(v);
                Q_EMIT monteCarloFinished();
            };
        });
    }

    // The projection fan of the scenario.
    MonteCarloOptions options;
    options.draws = fanDraws(scenario.uncertainty.draws);
    options.seed = scenario.uncertainty.seed;
    projectionFan_->start([this, index = &document_->index(), quality = document_->quality(), scenario,
                           options](const std::atomic<bool>& cancel) mutable -> BackgroundTask::Apply {
        options.cancel = &cancel;
        ProjectionFan fan;
        try {
            fan = projectionFan(*index, quality, scenario, options);
        } catch (const std::exception&) { // no band: the status says the fan has not run
            return [this] { Q_EMIT fanFinished(); };
        }
        return [this, fan = std::move(fan)]() mutable {
            fan_ = std::move(fan);
            Q_EMIT fanFinished();
        };
    });
}

} // namespace sharecast::ui
