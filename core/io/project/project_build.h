#pragma once
//! The one way a whole project file is made (`sharecast import` into a new project,
//! `generate-sample --project`, the workbench's File ▸ New Project): built beside its name and
//! moved into place in one rename once complete, so that at every moment the name holds either
//! the previous file, whole, or the new one, whole — never nothing and never a half-made file.

#include "io/project/project_lock.h"
#include "io/project/project_store.h"

#include <QString>

#include <memory>
#include <optional>

namespace sharecast::io {

//! What commit() does when a file already has the project's name.
enum class ExistingFile {
    Refuse,  //!< keep it: ProjectError (bad input) "already exists"; the new project is discarded
    Replace, //!< replace it in the same rename (the old file is never deleted first)
};

//! A project being built. The constructor takes the project's lock (ProjectLock: a second process
//! building or changing the same project waits), removes what builds of dead processes left
//! behind, and creates an empty project under a unique temporary name in the target's folder;
//! fill it through store(), then commit(). Destroying an uncommitted build removes the temporary
//! file (and its SQLite side files); the lock is released once the build is committed or discarded.
class ProjectBuild {
public:
    //! Starts building the project that will be `path`. Throws ProjectError when the folder does
    //! not exist, another process holds the project's lock past the wait, or the temporary file
    //! cannot be created.
    explicit ProjectBuild(const QString& path);
    ~ProjectBuild();
    ProjectBuild(const ProjectBuild&) = delete;
    ProjectBuild& operator=(const ProjectBuild&) = delete;

    //! The project being built.
    ProjectStore& store() { return *store_; }

    //! Closes the project and moves it into place. Throws ProjectError: bad input when a file
    //! exists and `existing` is Refuse; an I/O failure when the file to replace is being written
    //! (its SQLite -journal or -wal file exists: replacing it then would pair the new file with
    //! the old journal) or the rename fails. On any failure the name keeps what it had and the build is
    //! discarded.
    void commit(ExistingFile existing);

    //! The final path.
    const QString& path() const { return path_; }

private:
    void discard();

    QString path_;
    std::optional<ProjectLock> lock_; //!< held from the start until commit() or discard
    QString building_;
    std::unique_ptr<ProjectStore> store_;
    bool committed_ = false;
};

} // namespace sharecast::io
