#pragma once
//! Serialises the processes that change one project file: a lock file beside it (`P.lock`,
//! QLockFile, which tells a lock left by a dead process from one a live process holds). A second
//! Sharecast that wants to change the same project waits for the first to finish, for a bounded
//! time, and then refuses with a message that names the holder.

#include <QLockFile>
#include <QString>

#include <chrono>
#include <memory>

namespace sharecast::io {

//! Holds the lock of one project for as long as it lives. Within one process the lock is shared:
//! a second ProjectLock of a project this process already holds succeeds at once.
class ProjectLock {
public:
    //! How long a second process waits by default before it gives up.
    static constexpr std::chrono::milliseconds kDefaultWait{60000};

    //! Takes the lock of the project at projectPath, waiting up to `wait`. Throws ProjectError
    //! (an I/O failure, exit 1): "P is being changed by another Sharecast (pid N on HOST)" when
    //! a live process holds it, or why the lock file cannot be made.
    explicit ProjectLock(const QString& projectPath, std::chrono::milliseconds wait = kDefaultWait);
    ~ProjectLock();
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;

    //! The lock file's path for a project.
    static QString lockPath(const QString& projectPath);

private:
    std::shared_ptr<QLockFile> lock_;
};

} // namespace sharecast::io
