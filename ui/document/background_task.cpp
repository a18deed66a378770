#include "ui/document/background_task.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace sharecast::ui {

void yieldToTheGuiThread()
{
#if defined(__linux__)
    // SCHED_IDLE: the thread (and the threads it starts, which inherit it) runs only on a core
    // nothing else wants, and gives way at once when the GUI thread or an edit's calculation
    // wakes. Where that is refused, a high nice value instead.
    const sched_param idle{};
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle) != 0) {
        static constexpr int kNice = 10;
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kNice);
    }
#endif
}

BackgroundTask::BackgroundTask(QThreadPool* pool, Priority priority, QObject* parent)
    : QObject(parent), pool_(pool), priority_(priority)
{
}

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
    current_ = QtConcurrent::run(
        pool_, [flag, background = priority_ == Priority::Background, work = std::move(work)]() -> Apply {
            if (background)
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
