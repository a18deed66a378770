#pragma once
//! A consistent, private copy of a project file for read-only work (a report): the original is
//! only read, never migrated or written, even when another program has it open.

#include <QString>

namespace sharecast::io {

//! Copies the project at `path` into `target` (which must not exist) as one consistent snapshot
//! (SQLite `VACUUM INTO` over a read-only connection, so committed changes still in the
//! write-ahead log are included). Returns an empty string on success, else a message naming the
//! file; a file that is not an SQLite database is reported as not a Sharecast project.
QString snapshotProject(const QString& path, const QString& target);

} // namespace sharecast::io
