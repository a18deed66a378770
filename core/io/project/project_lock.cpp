#include "io/project/project_lock.h"

#include "io/project/project_store.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace sharecast::io {

QString ProjectLock::lockPath(const QString& projectPath)
{
    return projectPath + QStringLiteral(".lock");
}

namespace {

//! The locks this process holds, by lock file, so that a nested ProjectLock shares the first.
QMutex heldMutex;
QHash<QString, std::weak_ptr<QLockFile>> held;

} // namespace

ProjectLock::ProjectLock(const QString& projectPath, std::chrono::milliseconds wait)
{
    const QString file = QFileInfo(lockPath(projectPath)).absoluteFilePath();
    QMutexLocker guard(&heldMutex);
    if ((lock_ = held.value(file).lock()))
        return;
    auto lock = std::make_shared<QLockFile>(file);
    // An import of a statewide members file can take minutes: a lock is stale only when the
    // process that holds it is gone, never by its age.
    lock->setStaleLockTime(0);
    if (lock->tryLock(wait)) {
        held.insert(file, lock);
        lock_ = std::move(lock);
        return;
    }
    switch (lock->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host, application;
        lock->getLockInfo(&pid, &host, &application);
        throw ProjectError(
            QStringLiteral("%1: is being changed by another Sharecast (pid %2 on %3); try again when "
                           "it has finished")
                .arg(projectPath)
                .arg(pid)
                .arg(host.isEmpty() ? QStringLiteral("this computer") : host)
                .toStdString());
    }
    case QLockFile::PermissionError:
        throw ProjectError(
            QStringLiteral("%1: cannot change the project: no permission to create %2 in its folder")
                .arg(projectPath, lockPath(projectPath))
                .toStdString());
    default:
        throw ProjectError(QStringLiteral("%1: cannot lock the project (creating %2 failed)")
                               .arg(projectPath, lockPath(projectPath))
                               .toStdString());
    }
}

ProjectLock::~ProjectLock() = default;

} // namespace sharecast::io
