#include "io/project/report_snapshot.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

    const QString connection =
        QStringLiteral("sharecast-snapshot-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            problem = QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("VACUUM INTO ?"));
            q.addBindValue(target);
            if (!q.exec())
                problem = QStringLiteral("%1: cannot read the project: %2").arg(path, q.lastError().text());
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

} // namespace sharecast::io
