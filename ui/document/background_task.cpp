#include "ui/document/background_task.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace sharecast::ui {

namespace {

//! Puts the calling pool thread behind the GUI thread: the edits a user types come first and the
//! simulation takes the CPU left. On Linux, where thread priorities of the normal scheduler do
//! nothing, the thread's own nice value does it, and the threads the engine starts from it
//! inherit it; elsewhere the pool's thread priority (set by its owner) does.
void yieldToTheGuiThread()
{
#if defined(__linux__)
    static constexpr int kNice = 10;
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kNice);
#endif
}

} // namespace

BackgroundTask::BackgroundTask(QThreadPool* pool, QObject* parent) : QObject(parent), pool_(pool) {}

BackgroundTask::~BackgroundTask()
{
    cancel();
    for (QFuture<Apply>& f : live_)
        f.waitForFinished();
}

void BackgroundTask::cancel()
{
    if (cancel_)
        cancel_->store(true);
    running_ = false;
    ++generation_; // whatever is under way applies nothing
}

void BackgroundTask::start(Work work)
{
    cancel();
    std::erase_if(live_, [](const QFuture<Apply>& f) { return f.isFinished(); });
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancel_ = flag;
    running_ = true;
    const quint64 generation = generation_;
    current_ = QtConcurrent::run(pool_, [flag, work = std::move(work)]() -> Apply {
        yieldToTheGuiThread();
        try {
            return work(*flag);
        } catch (...) { // cancelled (or failed: the work reports its own errors through Apply)
            return {};
        }
    });
    live_.push_back(current_);
    auto* watcher = new QFutureWatcher<Apply>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->future());
    });
    watcher->setFuture(current_);
}

void BackgroundTask::waitForDone()
{
    if (!running_)
        return;
    current_.waitForFinished();
    finish(generation_, current_);
}

void BackgroundTask::finish(quint64 generation, const QFuture<Apply>& future)
{
    if (generation != generation_ || !running_)
        return;
    running_ = false;
    if (const Apply apply = future.result())
        apply();
}

} // namespace sharecast::ui
