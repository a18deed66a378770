#pragma once
//! Writing a report's files together: all of them or none.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sharecast::io {

//! Writes every (path, bytes) pair through QSaveFile: each file is opened and written first and
//! committed only when all writes succeeded, so an error leaves every target as it was (short of
//! a failure between two commits). Returns an empty string on success, else a message naming
//! the file.
QString writeReportFiles(const QList<QPair<QString, QByteArray>>& files);

} // namespace sharecast::io
