//! One writer at a time per project (core/io/project/project_lock.h): a held lock makes a second
//! writer wait, then refuse naming the holder; a lock shared within the process; what a killed
//! build left behind is removed by the next build, under the lock.

#include "io/project/project_build.h"
#include "io/project/project_lock.h"
#include "io/project/project_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sharecast::io;
using namespace std::chrono_literals;

class TestProjectLock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aHeldLockMakesTheSecondWriterWaitThenRefuse()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.sharecast"));
        QLockFile other(ProjectLock::lockPath(project)); // as another Sharecast holds it
        QVERIFY(other.tryLock(0));
        QElapsedTimer waited;
        waited.start();
        try {
            ProjectLock lock(project, 300ms);
            QFAIL("took a lock another holder has");
        } catch (const ProjectError& e) {
            QVERIFY(waited.elapsed() >= 250);
            QCOMPARE(e.kind(), ProjectError::Kind::Failure);
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QLatin1String("is being changed by another Sharecast (pid ")),
                     e.what());
            QVERIFY2(message.contains(QString::number(QCoreApplication::applicationPid())), e.what());
        }
        other.unlock();
        ProjectLock lock(project, 300ms); // free again
        QVERIFY(QFile::exists(ProjectLock::lockPath(project)));
    }

    void sharedWithinTheProcessAndReleased()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.sharecast"));
        {
            ProjectLock outer(project, 0ms);
            ProjectLock inner(project, 0ms); // e.g. an import that builds a new project
            ProjectBuild build(project);     // which takes the lock as well
            build.commit(ExistingFile::Refuse);
        }
        QVERIFY(!QFile::exists(ProjectLock::lockPath(project)));
        QLockFile other(ProjectLock::lockPath(project));
        QVERIFY(other.tryLock(0));
    }

    //! A build killed mid-way leaves `P.building-…` and SQLite's side files; the next build of the
    //! same project, holding the lock, knows no live process owns them and removes them.
    void leftoversOfAKilledBuildAreRemoved()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.sharecast"));
        for (const char* name :
             {"p.sharecast.building-0123456789ab", "p.sharecast.building-0123456789ab-wal",
              "p.sharecast.building-0123456789ab-shm", "other.sharecast.building-0123456789ab"}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("left by a killed import") > 0);
        }
        {
            ProjectBuild build(project);
            build.commit(ExistingFile::Refuse);
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{"other.sharecast.building-0123456789ab", "p.sharecast"}));
    }
};

QTEST_GUILESS_MAIN(TestProjectLock)
#include "tst_project_lock.moc"
