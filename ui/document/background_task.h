#pragma once
//! A calculation that runs off the GUI thread and is restarted rather than queued: starting it
//! again cancels the run under way, whose result is dropped.

#include <QFuture>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThreadPool;

namespace sharecast::ui {

//! Puts the calling worker thread behind the GUI thread in the scheduler, for good: the edits a
//! user types come first and background work takes the CPU left. Call it only on threads of a
//! pool that runs nothing else (on Linux the SCHED_IDLE policy, or else a high nice value,
//! inherited by the threads the engine starts from it; elsewhere the pool's thread priority, set
//! by its owner).
void yieldToTheGuiThread();

//! One restartable background calculation. Its work runs on a pool thread (behind the GUI thread
//! in the scheduler, unless it is interactive) and returns what to do with its result on the GUI
//! thread; that is done only for the latest start().
class BackgroundTask : public QObject {
public:
    //! Where the work stands in the scheduler.
    enum class Priority {
        Background,  //!< behind the GUI thread (and behind interactive work): simulations, batches
        Interactive, //!< as the GUI thread: what an edit waits for (its results)
    };
    //! Applies a finished run's result (on the GUI thread); empty: nothing to apply.
    using Apply = std::function<void()>;
    //! The calculation: it watches the flag (raised: stop soon, e.g. by throwing) and returns how
    //! to apply its result. A run that throws applies nothing.
    using Work = std::function<Apply(const std::atomic<bool>& cancel)>;

    //! A task running on pool, whose threads run nothing else at another priority.
    explicit BackgroundTask(QThreadPool* pool, Priority priority = Priority::Background,
                            QObject* parent = nullptr);
    //! Cancels and waits for every run still going (they may read data about to go).
    ~BackgroundTask() override;

    //! Raises the flag of the run under way (its result will be dropped) and starts work.
    void start(Work work);
    //! Raises the flag of the run under way; its result will be dropped.
    void cancel();
    //! True from start() until the latest run's result is applied (or it is cancelled).
    bool isRunning() const { return running_; }
    //! Blocks until the latest run has finished and applies its result (tests and benchmarks).
    void waitForDone();

private:
    void finish(quint64 generation, const QFuture<Apply>& future);

    QThreadPool* pool_;
    Priority priority_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    bool running_ = false;
    QFuture<Apply> current_;
    std::vector<QFuture<Apply>> live_; //!< runs not yet seen finished, cancelled ones included
};

} // namespace sharecast::ui
