//! The crash-recovery file (core/io/project/recovery_file.h): what it holds reads back exactly; a
//! damaged or foreign file is refused naming the file; each window writes its own file, held by a
//! lock; a file is offered (claimed) only when the process that wrote it is gone, never while it
//! lives, whether that is another window of this process or another process.

#include "engine/error.h"
#include "io/project/recovery_file.h"
#include "io/scenario/presets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sharecast;
using namespace sharecast::io;

namespace {

RecoveryState sampleState(const QString& project)
{
    RecoveryState s;
    s.projectPath = canonicalProjectPath(project);
    s.savedAt = QDateTime::fromString(QStringLiteral("2025-03-04T10:11:12.345Z"), Qt::ISODateWithMs);
    s.pid = 4242;
    s.host = QStringLiteral("laptop");
    s.scenarioId = 3;
    s.storedName = QStringLiteral("Medi-Cal Straw Proposal 7");
    s.basedOnVersion = 2;
    s.basedOnSavedAt = QDateTime::fromString(QStringLiteral("2025-03-01T09:00:00.000Z"), Qt::ISODateWithMs);
    s.scenario = loadPreset(QStringLiteral("straw-proposal-7"));
    s.scenario.sharing.maxShare = 0.4;
    s.scenario.trend.byCos["other"].unitCost = 0.0425;
    return s;
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

//! A lock file as QLockFile writes it for process `pid` running `program` on this computer.
bool writeLockOf(const QString& file, qint64 pid, const QString& program)
{
    return writeBytes(
        file + QStringLiteral(".lock"),
        QStringLiteral("%1\n%2\n%3\n").arg(pid).arg(program, QSysInfo::machineHostName()).toUtf8());
}

} // namespace

class TestRecoveryFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString project(const char* name) const
    {
        const QString path = dir_.filePath(QLatin1String(name));
        if (!QFile::exists(path))
            writeBytes(path, "not opened by these tests");
        return path;
    }

    static QStringList recoveryFiles()
    {
        return QDir(recoveryDirectory())
            .entryList({QStringLiteral("*.") + QLatin1String(kRecoveryFileSuffix)}, QDir::Files, QDir::Name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        const QString recovery = dir_.filePath(QStringLiteral("recovery"));
        QDir(recovery).removeRecursively();
        setRecoveryDirectory(recovery);
        QCOMPARE(recoveryDirectory(), recovery);
    }

    void theStateReadsBackExactly()
    {
        const RecoveryState s = sampleState(project("p.sharecast"));
        const QByteArray bytes = encodeRecoveryFile(s);
        QVERIFY(bytes.startsWith("{\n  \"format\": \"sharecast-recovery\",\n  \"format_version\": 1,"));
        QVERIFY(decodeRecoveryFile(bytes, QStringLiteral("r")) == s);

        RecoveryState fresh = s; // a scenario not in the project yet
        fresh.scenarioId.reset();
        fresh.newScenario = true;
        fresh.basedOnVersion = 0;
        fresh.basedOnSavedAt = {};
        QVERIFY(decodeRecoveryFile(encodeRecoveryFile(fresh), QStringLiteral("r")) == fresh);
    }

    void aDamagedOrForeignFileIsRefusedNamingIt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = encodeRecoveryFile(sampleState(project("p.sharecast")));
        QTest::newRow("empty") << QByteArray() << "the file is empty";
        QTest::newRow("truncated") << good.left(good.size() / 2) << "";
        QTest::newRow("not JSON") << QByteArray("\x01\x02garbage") << "";
        QTest::newRow("another JSON file")
            << QByteArray("{\"name\": \"x\"}") << "not a Sharecast recovery file";
        QByteArray newer = good;
        newer.replace("\"format_version\": 1", "\"format_version\": 2");
        QTest::newRow("newer format") << newer << "written by a newer Sharecast";
        QByteArray noProject = good;
        noProject.replace("\"project\":", "\"projekt\":");
        QTest::newRow("missing key") << noProject << "the key is missing";
        QByteArray badScenario = good;
        badScenario.replace("\"max_share\": 0.4", "\"max_share\": 7");
        QTest::newRow("invalid scenario") << badScenario << "max_share";
        QByteArray inconsistent = good;
        inconsistent.replace("\"new_scenario\": false", "\"new_scenario\": true");
        QTest::newRow("new with an id") << inconsistent << "a new scenario has no scenario_id";
    }

    void aDamagedOrForeignFileIsRefusedNamingIt()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString file = dir_.filePath(QStringLiteral("damaged.sharecast-recovery"));
        QVERIFY(writeBytes(file, bytes));
        try {
            readRecoveryFile(file);
            QFAIL("a damaged file was read");
        } catch (const InputError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(file), e.what());
            QVERIFY2(message.contains(reason), e.what());
        }
    }

    //! Two windows on one project: two files, each locked by its window; neither is offered while
    //! its window lives; discard() removes a file and its lock.
    void eachWindowWritesItsOwnFile()
    {
        const QString p = project("p.sharecast");
        OwnRecoveryFile a(p), b(p);
        const QString pathA = a.claim(), pathB = b.claim();
        QVERIFY2(!pathA.isEmpty() && !pathB.isEmpty(), qPrintable(a.error() + b.error()));
        QVERIFY(pathA != pathB);
        QCOMPARE(a.claim(), pathA); // claimed once
        QVERIFY(QFileInfo(pathA).fileName().startsWith(QStringLiteral("p-")));
        QVERIFY(QFileInfo(pathA).fileName().contains(
            QStringLiteral("-%1-").arg(QCoreApplication::applicationPid())));
        QVERIFY(writeBytes(pathA, encodeRecoveryFile(sampleState(p))));
        QVERIFY(writeBytes(pathB, encodeRecoveryFile(sampleState(p))));
        QVERIFY(QFile::exists(pathA + QStringLiteral(".lock")));
        QVERIFY(OrphanedRecovery::claim(p).empty()); // their owner (this process) lives
        QVERIFY(OrphanedRecovery::claim({}).empty());
        a.discard();
        QVERIFY(!QFile::exists(pathA));
        QVERIFY(!QFile::exists(pathA + QStringLiteral(".lock")));
        QCOMPARE(recoveryFiles(), QStringList{QFileInfo(pathB).fileName()});
    }

    //! What a crash leaves (the file, and a lock whose process is gone) is claimed, newest first,
    //! by its project only; claimed files are not offered twice; remove() and setAside().
    void aFileWhoseWriterIsGoneIsOffered()
    {
        const QString p = project("p.sharecast"), q = project("q.sharecast");
        QString left[3];
        {
            OwnRecoveryFile a(p), b(p), c(q);
            left[0] = a.claim();
            left[1] = b.claim();
            left[2] = c.claim();
        } // the names are free again: now write what a crash would have left there
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForStarted());
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished());
        for (int i = 0; i < 3; ++i) {
            RecoveryState s = sampleState(i < 2 ? p : q);
            s.storedName = QStringLiteral("edit %1").arg(i);
            QVERIFY(writeBytes(left[i], encodeRecoveryFile(s)));
            QVERIFY(writeLockOf(left[i], pid, QStringLiteral("true")));
            QFile f(left[i]); // the newest last
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(i - 10),
                                  QFileDevice::FileModificationTime));
        }

        auto found = OrphanedRecovery::claim(p);
        QCOMPARE(found.size(), std::size_t{2});
        QCOMPARE(found[0]->path(), left[1]); // newest first
        QCOMPARE(found[1]->path(), left[0]);
        QCOMPARE(found[0]->read().storedName, QStringLiteral("edit 1"));
        QVERIFY(OrphanedRecovery::claim(p).empty());                  // claimed: not offered twice at once
        QCOMPARE(OrphanedRecovery::claim({}).size(), std::size_t{1}); // q's only

        found[0]->remove();
        QVERIFY(!QFile::exists(left[1]));
        const QString aside = found[1]->setAside();
        QCOMPARE(aside, QDir(recoveryDirectory()).filePath(QStringLiteral("set-aside/")) +
                            QFileInfo(left[0]).fileName());
        QCOMPARE(readRecoveryFile(aside).storedName, QStringLiteral("edit 0")); // kept as it was
        found.clear();
        QVERIFY(OrphanedRecovery::claim(p).empty()); // set aside: never offered again
        QCOMPARE(recoveryFiles(), QStringList{QFileInfo(left[2]).fileName()});
    }

    //! A file whose writer is another process that is still running is not offered.
    void aFileOfALiveProcessIsNotOffered()
    {
        const QString p = project("p.sharecast");
        QString path;
        {
            OwnRecoveryFile a(p);
            path = a.claim();
        }
        QProcess alive;
        alive.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(alive.waitForStarted());
        const QString program =
            QFileInfo(QStringLiteral("/proc/%1/exe").arg(alive.processId())).symLinkTarget();
        if (program.isEmpty()) {
            alive.kill();
            alive.waitForFinished();
            QSKIP("no /proc/PID/exe here to name the running program");
        }
        QVERIFY(writeBytes(path, encodeRecoveryFile(sampleState(p))));
        QVERIFY(writeLockOf(path, alive.processId(), QFileInfo(program).fileName()));
        QVERIFY(OrphanedRecovery::claim(p).empty());
        alive.kill();
        QVERIFY(alive.waitForFinished());
        QCOMPARE(OrphanedRecovery::claim(p).size(), std::size_t{1}); // gone now: offered
    }

    //! A name an earlier process with this process's id left behind is not taken over: the new
    //! window claims the next one, and the old file stays to be offered.
    void aLeftFileIsNeverOverwritten()
    {
        const QString p = project("p.sharecast");
        QString first;
        {
            OwnRecoveryFile a(p);
            first = a.claim();
        }
        QVERIFY(writeBytes(first, encodeRecoveryFile(sampleState(p))));
        OwnRecoveryFile b(p);
        const QString second = b.claim();
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(OrphanedRecovery::claim(p).size(), std::size_t{1});
    }
};

QTEST_GUILESS_MAIN(TestRecoveryFile)
#include "tst_recovery_file.moc"
