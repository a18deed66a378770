#include "io/project/report_snapshot.h"

#include "io/project/project_store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sharecast::io {

QString snapshotProject(const QString& path, const QString& target)
{
    try {
        requireSqliteFile(path);
    } catch (const ProjectError& e) {
        return QString::fromUtf8(e.what());
    }

    // Read-only; on read-only media a file in write-ahead-log mode (earlier versions) cannot be
    // opened that way, and is read as an unchanging (immutable) file instead.
    QString problem;
    for (const bool immutable : {false, true}) {
        const QString connection =
            QStringLiteral("sharecast-snapshot-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            readOnlyConnection(db, path, immutable);
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
