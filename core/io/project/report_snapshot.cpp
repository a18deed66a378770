#include "io/project/report_snapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace sharecast::io {

QString snapshotProject(const QString& path, const QString& target)
{
    QFile f(path);
    if (!f.exists())
        return QStringLiteral("%1: no such project file").arg(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read: %2").arg(path, f.errorString());
    if (f.read(16) != QByteArray("SQLite format 3\0", 16))
        return QStringLiteral("%1: not a Sharecast project (not an SQLite database)").arg(path);
    f.close();

    // Read-only; on read-only media a file in write-ahead-log mode (earlier versions) cannot be
    // opened that way, and is read as an unchanging (immutable) file instead.
    QString problem;
    for (const bool immutable : {false, true}) {
        const QString connection =
            QStringLiteral("sharecast-snapshot-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            if (immutable) {
                db.setDatabaseName(
                    QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
                    QStringLiteral("?mode=ro&immutable=1"));
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            } else {
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            }
            if (!db.open()) {
                problem = QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text());
            } else {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("VACUUM INTO ?"));
                q.addBindValue(target);
                problem =
                    q.exec()
                        ? QString()
                        : QStringLiteral("%1: cannot read the project: %2").arg(path, q.lastError().text());
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        if (problem.isEmpty())
            break;
        QFile::remove(target); // whatever a failed attempt left
    }
    return problem;
}

} // namespace sharecast::io
