#pragma once
//! Crash recovery of the workbench: the scenario edits not yet saved into a project, autosaved
//! to a per-user folder so that a workbench that closes unexpectedly loses at most a few seconds
//! of work (the project file itself is never written by an autosave).
//!
//! The folder is `<AppDataLocation>/recovery` (QStandardPaths; setRecoveryDirectory() moves it,
//! for tests). Each workbench window writes one file per open project, named after the project
//! (a hash of its canonical path), the process id and a number:
//! `<key>-<pid>-<n>.sharecast-recovery`. While its window lives the file is held by a lock file
//! beside it (`….lock`, QLockFile, which tells a lock left by a dead process from one a live
//! process holds): a file whose owner is alive is never offered to another window, and two
//! windows on one project never write the same file. Every write is atomic (AtomicFile).
//!
//! The file is JSON (io/json/json.h), the scenario in its JSON form (io/json/scenario_json.h):
//!
//!     { "format": "sharecast-recovery", "format_version": 1,
//!       "project": "/home/a/p.sharecast", "saved_at": "2025-03-04T10:11:12.345Z",
//!       "pid": 4242, "host": "laptop",
//!       "scenario_id": 3, "stored_name": "Medi-Cal Straw Proposal 7", "new_scenario": false,
//!       "based_on_version": 2, "based_on_saved_at": "2025-03-01T09:00:00.000Z",
//!       "scenario": { ...every key of the edited scenario... } }

#include "engine/scenario.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace sharecast::io {

//! The file name suffix of a recovery file, without the dot.
inline constexpr char kRecoveryFileSuffix[] = "sharecast-recovery";

//! The format version this build writes and the newest it reads.
inline constexpr int kRecoveryFormatVersion = 1;

//! Larger files are refused unread (a recovery file is a few kilobytes).
inline constexpr qint64 kMaxRecoveryFileBytes = qint64{4} * 1024 * 1024;

//! What a recovery file holds: the edited scenario and what it was based on.
struct RecoveryState {
    QString projectPath;              //!< the project's canonical path
    QDateTime savedAt;                //!< when the file was written (UTC)
    qint64 pid = 0;                   //!< the workbench process that wrote it
    QString host;                     //!< and its computer
    std::optional<qint64> scenarioId; //!< the stored scenario edited; nullopt for a new one
    QString storedName;               //!< its name in the project when the edits began
    bool newScenario = false;         //!< a scenario not yet saved into the project at all
    int basedOnVersion = 0;           //!< the stored version the edits start from (0: new)
    QDateTime basedOnSavedAt;         //!< when that version was saved (UTC; invalid: new)
    Scenario scenario;                //!< the scenario as edited

    bool operator==(const RecoveryState&) const = default;
};

//! The file's bytes. Throws InputError for a scenario JSON cannot carry (a non-finite number).
QByteArray encodeRecoveryFile(const RecoveryState& state);

//! The state in a file's bytes. Throws InputError naming fileName and what is wrong: not JSON,
//! not a recovery file, a newer format version, a missing or mistyped key, an invalid scenario.
RecoveryState decodeRecoveryFile(const QByteArray& bytes, const QString& fileName);

//! Reads a recovery file; a missing, unreadable or oversized file is an InputError naming it.
RecoveryState readRecoveryFile(const QString& path);

//! The folder of recovery files (created when first written to).
QString recoveryDirectory();

//! Moves the folder of recovery files (tests point it at a temporary folder); an empty path
//! goes back to the per-user default.
void setRecoveryDirectory(const QString& path);

//! A project's canonical path: the one spelling its recovery files are known by (the absolute
//! clean path when the file does not exist).
QString canonicalProjectPath(const QString& projectPath);

//! The recovery file a workbench window writes for one open project. It claims a file name and
//! its lock on the first claim() and holds both until discard() or its destruction, which
//! remove the file: only a process that ends without either leaves its file behind.
class OwnRecoveryFile {
public:
    explicit OwnRecoveryFile(const QString& projectPath);
    ~OwnRecoveryFile();
    OwnRecoveryFile(const OwnRecoveryFile&) = delete;
    OwnRecoveryFile& operator=(const OwnRecoveryFile&) = delete;

    //! The path to write to, claimed (locked) on first use; empty, with error() saying why,
    //! when the folder cannot be created or no lock can be taken.
    QString claim();
    //! Removes the file and gives up its name and lock (a later claim() takes a new one).
    void discard();

    //! The claimed path (empty before claim()).
    const QString& path() const { return path_; }
    const QString& error() const { return error_; }

private:
    QString project_;
    QString path_;
    QString error_;
    std::unique_ptr<QLockFile> lock_;
};

//! A recovery file of a workbench that is gone, claimed (its lock taken) so that no other
//! window offers it at the same time. Destroying it releases the claim and leaves the file.
class OrphanedRecovery {
public:
    //! The recovery files whose owner is gone, newest first, each claimed: of one project (by its
    //! path), or of every project when projectPath is empty. Files that a live workbench holds
    //! are left alone.
    static std::vector<std::unique_ptr<OrphanedRecovery>> claim(const QString& projectPath);

    ~OrphanedRecovery();
    OrphanedRecovery(const OrphanedRecovery&) = delete;
    OrphanedRecovery& operator=(const OrphanedRecovery&) = delete;

    const QString& path() const { return path_; }
    //! The file's state; throws InputError when it cannot be read.
    RecoveryState read() const;
    //! Deletes the file (the user discarded the edits, or they were recovered).
    void remove();
    //! Moves the file into the folder's `set-aside` subfolder, where nothing offers it again;
    //! returns its new path, or an empty string when it could not be moved (it then stays).
    QString setAside();

private:
    OrphanedRecovery(QString path, std::unique_ptr<QLockFile> lock);

    QString path_;
    std::unique_ptr<QLockFile> lock_;
};

} // namespace sharecast::io
