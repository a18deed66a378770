#include "io/project/project_build.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <filesystem>
#include <system_error>

namespace sharecast::io {

namespace {

//! The files SQLite may keep beside a database.
const char* const kSideFiles[] = {"-wal", "-shm", "-journal"};

void removeWithSideFiles(const QString& path)
{
    QFile::remove(path);
    for (const char* suffix : kSideFiles)
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

//! Checks the folder before the lock file is made in it.
static const QString& existingFolder(const QString& path)
{
    if (!QFileInfo(path).absoluteDir().exists())
        throw ProjectError(QStringLiteral("%1: the folder does not exist").arg(path).toStdString(),
                           ProjectError::Kind::BadInput);
    return path;
}

ProjectBuild::ProjectBuild(const QString& path) : path_(path)
{
    lock_.emplace(existingFolder(path));
    const QFileInfo target(path);
    // Under the lock no live process is building this project: any build file is a dead one's.
    const QStringList stale = target.absoluteDir().entryList(
        {target.fileName() + QStringLiteral(".building-*")}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : stale)
        QFile::remove(target.absoluteDir().filePath(name));
    building_ = target.absoluteDir().filePath(
        QStringLiteral("%1.building-%2")
            .arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12)));
    try {
        store_ = ProjectStore::create(building_, path_);
    } catch (...) {
        removeWithSideFiles(building_);
        throw;
    }
}

ProjectBuild::~ProjectBuild()
{
    if (!committed_)
        discard();
}

void ProjectBuild::discard()
{
    store_.reset();
    removeWithSideFiles(building_);
    lock_.reset();
}

void ProjectBuild::commit(ExistingFile existing)
{
    store_.reset(); // closes the database: its journal is folded into the file
    for (const char* suffix : kSideFiles)
        if (QFileInfo::exists(building_ + QLatin1String(suffix))) {
            discard();
            throw ProjectError(
                QStringLiteral("%1: the new project could not be closed cleanly").arg(path_).toStdString());
        }
    const QFileInfo target(path_);
    if (existing == ExistingFile::Refuse) {
        // QFile::rename never replaces an existing file, even one created a moment ago.
        if (target.exists() || !QFile::rename(building_, path_)) {
            const bool exists = QFileInfo::exists(path_);
            discard();
            throw ProjectError(exists
                                   ? QStringLiteral("%1: already exists").arg(path_).toStdString()
                                   : QStringLiteral("%1: cannot create the project").arg(path_).toStdString(),
                               exists ? ProjectError::Kind::BadInput : ProjectError::Kind::Failure);
        }
    } else {
        // A journal beside the old file (a write in progress, or a crash in one; -wal for files of
        // earlier versions) belongs to it: the new file must not inherit it.
        for (const char* journal : {"-journal", "-wal"})
            if (QFileInfo::exists(path_ + QLatin1String(journal))) {
                discard();
                throw ProjectError(
                    QStringLiteral("%1: is being written by Sharecast or another program, or was not "
                                   "closed cleanly (%1%2 exists); close it, or open and close it "
                                   "once, then try again")
                        .arg(path_, QLatin1String(journal))
                        .toStdString());
            }
        // One rename replaces the old file (rename(2); MoveFileEx with REPLACE_EXISTING on Windows).
        std::error_code ec;
        std::filesystem::rename(QFileInfo(building_).filesystemAbsoluteFilePath(),
                                target.filesystemAbsoluteFilePath(), ec);
        if (ec) {
            discard();
            throw ProjectError(QStringLiteral("%1: cannot write: %2")
                                   .arg(path_, QString::fromStdString(ec.message()))
                                   .toStdString());
        }
    }
    committed_ = true;
    lock_.reset();
}

} // namespace sharecast::io
