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

//! One restartable background calculation. Its work runs on a pool thread, behind the GUI thread
//! in the scheduler, and returns what to do with its result on the GUI thread; that is done only
//! for the latest start().
class BackgroundTask : public QObject {
public:
    //! Applies a finished run's result (on the GUI thread); empty: nothing to apply.
    using Apply = std::function<void()>;
    //! The calculation: it watches the flag (raised: stop soon, e.g. by throwing) and returns how
    //! to apply its result. A run that throws applies nothing.
    using Work = std::function<Apply(const std::atomic<bool>& cancel)>;

    explicit BackgroundTask(QThreadPool* pool, QObject* parent = nullptr);
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
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    bool running_ = false;
    QFuture<Apply> current_;
    std::vector<QFuture<Apply>> live_; //!< runs not yet seen finished, cancelled ones included
};

} // namespace sharecast::ui
