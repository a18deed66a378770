#include "ui/document/sensitivity_runner.h"

#include "io/json/scenario_edit.h"
#include "ui/document/background_task.h"

#include <QMetaObject>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <thread>

namespace sharecast::ui {

namespace {

//! Thrown inside a goal seek's metric when the run is cancelled.
struct Stopped {};

} // namespace

SensitivityRunner::SensitivityRunner(QObject* parent) : QObject(parent)
{
    pool_.setMaxThreadCount(2); // a stopped run finishing its chunk never delays the next one
    pool_.setThreadPriority(QThread::LowPriority);
}

SensitivityRunner::~SensitivityRunner()
{
    if (stop_)
        stop_->store(true);
    waitForWorkers();
}

std::size_t SensitivityRunner::chunkSize()
{
    // A few evaluations per core: a chunk takes a fraction of a second, so Cancel answers quickly.
    return 4 * std::max(1u, std::thread::hardware_concurrency());
}

std::shared_ptr<std::atomic<bool>> SensitivityRunner::beginRun()
{
    if (stop_)
        stop_->store(true);
    workers_.erase(std::remove_if(workers_.begin(), workers_.end(),
                                  [](const QFuture<void>& f) { return f.isFinished(); }),
                   workers_.end());
    stop_ = std::make_shared<std::atomic<bool>>(false);
    ++run_;
    running_ = true;
    Q_EMIT started(run_);
    return stop_;
}

void SensitivityRunner::post(int run, std::function<void()> deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, run, deliver = std::move(deliver)] {
            if (run == run_ && running_)
                deliver();
        },
        Qt::QueuedConnection);
}

int SensitivityRunner::evaluate(const Metric& metric, const MetricContext& context, std::size_t count,
                                MakeScenario make)
{
    auto stop = beginRun();
    const int run = run_;
    workers_ << QtConcurrent::run(&pool_, [this, run, stop, metric, context, count, make = std::move(make)] {
        yieldToTheGuiThread();
        std::vector<double> values;
        values.reserve(count);
        const std::size_t chunk = chunkSize();
        try {
            for (std::size_t from = 0; from < count; from += chunk) {
                if (stop->load())
                    return;
                const std::size_t n = std::min(chunk, count - from);
                const std::vector<double> part =
                    metricValues(metric, context, n, [&](std::size_t i) { return make(from + i); });
                values.insert(values.end(), part.begin(), part.end());
                const int done = static_cast<int>(values.size());
                post(run, [this, run, done, count] { Q_EMIT progress(run, done, static_cast<int>(count)); });
            }
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            post(run, [this, run, message] {
                running_ = false;
                Q_EMIT failed(run, message);
            });
            return;
        }
        post(run, [this, run, values = std::move(values)] {
            running_ = false;
            Q_EMIT evaluated(run, values);
        });
    });
    return run;
}

int SensitivityRunner::seek(const Metric& metric, const MetricContext& context, const Scenario& base,
                            const std::string& key, double low, double high, double target)
{
    auto stop = beginRun();
    const int run = run_;
    workers_ << QtConcurrent::run(&pool_, [this, run, stop, metric, context, base, key, low, high, target] {
        yieldToTheGuiThread();
        int done = 0;
        try {
            const GoalSeekResult r = goalSeek(
                [&](double v) {
                    if (stop->load())
                        throw Stopped{};
                    const double m = metricValue(metric, context, io::withScenarioNumber(base, key, v));
                    ++done;
                    post(run, [this, run, done] { Q_EMIT progress(run, done, 0); });
                    return m;
                },
                low, high, target);
            post(run, [this, run, r] {
                running_ = false;
                Q_EMIT sought(run, r);
            });
        } catch (const Stopped&) {
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            post(run, [this, run, message] {
                running_ = false;
                Q_EMIT failed(run, message);
            });
        }
    });
    return run;
}

std::optional<int> SensitivityRunner::stopRun()
{
    if (!running_)
        return std::nullopt;
    if (stop_)
        stop_->store(true);
    running_ = false;
    return run_++; // whatever the stopped run still delivers is stale
}

void SensitivityRunner::cancel()
{
    if (const std::optional<int> run = stopRun())
        Q_EMIT cancelled(*run);
}

void SensitivityRunner::discard()
{
    if (const std::optional<int> run = stopRun())
        Q_EMIT discarded(*run);
}

void SensitivityRunner::waitForWorkers()
{
    for (QFuture<void>& f : workers_)
        f.waitForFinished();
    workers_.clear();
}

} // namespace sharecast::ui
