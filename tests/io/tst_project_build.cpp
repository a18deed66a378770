//! Building a whole project file (core/io/project/project_build.h): the name holds the old file
//! or the new one, whole, at every moment; a failed or abandoned build leaves nothing behind.

#include "io/project/project_build.h"
#include "io/project/project_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sharecast::io;

namespace {

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QString titleOf(const QString& path)
{
    return ProjectStore::open(path)->metadata(QStringLiteral("title"));
}

} // namespace

class TestProjectBuild : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newProjectAppearsOnlyOnCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            ProjectBuild build(path);
            build.store().setMetadata(QStringLiteral("title"), QStringLiteral("new"));
            QVERIFY(!QFile::exists(path)); // not there while it is being built
            build.commit(ExistingFile::Refuse);
        }
        QCOMPARE(entries(dir.path()), QStringList{"p.sharecast"});
        QCOMPARE(titleOf(path), QStringLiteral("new"));
    }

    void abandonedBuildLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        try {
            ProjectBuild build(path);
            build.store().setMetadata(QStringLiteral("title"), QStringLiteral("half"));
            throw std::runtime_error("the import failed");
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(entries(dir.path()), QStringList{});
    }

    void refuseKeepsAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("someone else's file\n") > 0);
        f.close();
        ProjectBuild build(path);
        try {
            build.commit(ExistingFile::Refuse);
            QFAIL("replaced an existing file");
        } catch (const ProjectError& e) {
            QCOMPARE(e.kind(), ProjectError::Kind::BadInput);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("already exists")), e.what());
        }
        QCOMPARE(entries(dir.path()), QStringList{"p.sharecast"});
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("someone else's file\n"));
    }

    void replaceSwapsInOneStep()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            ProjectBuild old(path);
            old.store().setMetadata(QStringLiteral("title"), QStringLiteral("old"));
            old.commit(ExistingFile::Refuse);
        }
        ProjectBuild build(path);
        build.store().setMetadata(QStringLiteral("title"), QStringLiteral("new"));
        QCOMPARE(titleOf(path), QStringLiteral("old")); // the old file is whole until the swap
        build.commit(ExistingFile::Replace);
        QCOMPARE(titleOf(path), QStringLiteral("new"));
        QCOMPARE(entries(dir.path()), QStringList{"p.sharecast"});
    }

    //! A project being written (its -journal file exists) is not replaced: the new file would be
    //! paired with the old journal.
    void replaceRefusesAFileInUse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            ProjectBuild old(path);
            old.store().setMetadata(QStringLiteral("title"), QStringLiteral("old"));
            old.commit(ExistingFile::Refuse);
        }
        const std::unique_ptr<ProjectStore> open = ProjectStore::open(path);
        ProjectStore::Batch writing(*open);
        open->setMetadata(QStringLiteral("note"), QStringLiteral("in use"));
        QVERIFY(QFile::exists(path + QStringLiteral("-journal")));
        ProjectBuild build(path);
        try {
            build.commit(ExistingFile::Replace);
            QFAIL("replaced a project in use");
        } catch (const ProjectError& e) {
            QCOMPARE(e.kind(), ProjectError::Kind::Failure);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("-journal exists")), e.what());
        }
        QCOMPARE(open->metadata(QStringLiteral("title")), QStringLiteral("old"));
        const QStringList left = entries(dir.path());
        QVERIFY2(left.filter(QStringLiteral("building")).isEmpty(), qPrintable(left.join(u' ')));
    }

    void missingFolderIsBadInput()
    {
        QTemporaryDir dir;
        try {
            ProjectBuild build(dir.filePath(QStringLiteral("nowhere/p.sharecast")));
            QFAIL("built in a folder that does not exist");
        } catch (const ProjectError& e) {
            QCOMPARE(e.kind(), ProjectError::Kind::BadInput);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("does not exist")), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestProjectBuild)
#include "tst_project_build.moc"
