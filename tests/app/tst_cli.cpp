//! The command-line front end: help, version, and the error path for unknown commands.

#include "run_sharecast.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

class TestCli : public QObject {
    Q_OBJECT

    using Result = sharecast::testing::CliResult;
    static Result run(const QStringList& args) { return sharecast::testing::runSharecast(args); }

    static QString data(const char* name)
    {
        return QStringLiteral(SHARECAST_TEST_DATA "/cli/") + QLatin1String(name);
    }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    //! Writes an experience CSV of plans P0…P(plans−1), each in regions R0…R(regions−1), one
    //! Child cell per year 2019–2024 (1,000 member months, inpatient and pharmacy costs).
    static bool writeCells(const QString& path, int plans, int regions)
    {
        QByteArray text =
            "plan_id,plan_name,region,rate_cell,year,member_months,cost_inpatient,cost_pharmacy\n";
        for (int plan = 0; plan < plans; ++plan)
            for (int region = 0; region < regions; ++region)
                for (int year = 2019; year <= 2024; ++year)
                    text += QStringLiteral("P%1,Plan %1,R%2,Child,%3,1000,100000.00,40000.00\n")
                                .arg(plan)
                                .arg(region)
                                .arg(year)
                                .toUtf8();
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }

    //! Runs the binary under a file-size limit of `blocks` (SIGXFSZ ignored), as /bin/sh's
    //! `trap '' XFSZ; ulimit -f N` would: writes past the limit fail with EFBIG, as on a full disk.
    static Result runLimited(const QStringList& args, int blocks)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        QStringList quoted;
        for (const QString& a : args)
            quoted << QStringLiteral("'%1'").arg(a);
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f %1; exec '%2' %3")
                                           .arg(blocks)
                                           .arg(QStringLiteral(SHARECAST_BINARY), quoted.join(u' '))});
        if (!p.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timed out")};
        if (p.exitStatus() != QProcess::NormalExit)
            return {-2, {}, QStringLiteral("crashed")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void helpListsCommands()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage: sharecast")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Commands:")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
    }

    void versionPrintsVersion()
    {
        const Result r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("sharecast ")), qPrintable(r.out));
        QVERIFY(r.out.trimmed().split(u' ').value(1).count(u'.') == 2);
    }

    void unknownCommandExitsTwoWithUsageOnStderr()
    {
        const Result r = run({QStringLiteral("no-such-command")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("unknown command 'no-such-command'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Usage: sharecast")), qPrintable(r.err));
    }

    void settleWritesTheRowWorkedByHand()
    {
        // E = (100,000 / 1,000 MM) × 1,000 MM = 100,000 (pharmacy excluded); A = 90,000;
        // G = 10,000; S = 0.1; N = 1,000 / 12 = 83.333333; ρ = 0.5; P = 5,000; net 5,000;
        // FMAP 0.6 → federal 3,000, state 2,000. No quality measures: Q NA, gate passes.
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        const Result r = run({"settle", "--experience", data("experience.csv"), "--scenario",
                              data("scenario.json"), "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines.value(0),
                 QByteArray("plan_id,expected,actual,gross_savings,savings_rate,members,msr,mlr,"
                            "quality_score,quality_gate,tcc_trend_gate,appropriateness_flag,eligible,"
                            "share_rate,plan_payment,program_net,federal_share,state_share"));
        QCOMPARE(lines.value(1),
                 QByteArray("P1,100000.00,90000.00,10000.00,0.1000000000,83.333333,0.0000000000,"
                            "0.0000000000,,1,,,1,0.5000000000,5000.00,5000.00,3000.00,2000.00"));
    }

    void settleExplainPrintsTheTrace()
    {
        const Result r = run({"settle", "--experience", data("experience.csv"), "--scenario",
                              data("scenario.json"), "--explain", "P1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* heading : {"Plan P1, performance year 2024", "Expected cost (§2)", "base 2023",
                                    "inpatient: base PMPM 100.000000", "Thresholds (§5)", "Quality (§6)",
                                    "share rate ρ 0.5000000000 (none): the plan share 50.0000 %",
                                    "plan payment P $5,000.00", "federal $3,000.00, state $2,000.00"})
            QVERIFY2(r.out.contains(QString::fromUtf8(heading)), heading);
    }

    void badInputExitsTwoNamesTheCellAndWritesNothing()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        const Result r = run({"settle", "--experience", data("experience_bad.csv"), "--scenario",
                              data("scenario.json"), "--out", out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("experience_bad.csv:3")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("member_months")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("'abc'")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void badInputLeavesAnExistingOutputUnchanged()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous results\n");
        }
        const Result r = run({"settle", "--experience", data("experience.csv"), "--scenario",
                              data("experience_bad.csv"), "--out", out});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(readAll(out), QByteArray("previous results\n"));
    }

    //! A full disk (a file-size limit of 2 KiB, SIGXFSZ ignored, as `ulimit -f 2` in a shell): every
    //! output command exits 1, names the file and leaves the previous file as it was. Before the
    //! fix, a buffered write came up short without an error and a 2,048-byte file replaced it.
    void fullDiskKeepsThePreviousFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("limitKiB");
        const QString experience = data("experience.csv");
        QTest::newRow("settle") << QStringList{"settle",     "--experience",        experience,
                                               "--scenario", data("scenario.json"), "--out"}
                                << 0;
        QTest::newRow("project") << QStringList{"project",    "--experience",        experience,
                                                "--scenario", data("scenario.json"), "--out"}
                                 << 1;
        QTest::newRow("settle-totals")
            << QStringList{"settle-totals",       "--input", data("totals.csv"), "--scenario",
                           "preset:mssp-track-1", "--out"}
            << 0;
    }
    void fullDiskKeepsThePreviousFile()
    {
#ifndef Q_OS_UNIX
        QSKIP("the file-size limit is a POSIX facility");
#else
        QFETCH(QStringList, args);
        QFETCH(int, limitKiB);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous results\n");
        }
        // The same command without the limit succeeds and writes more than the limit allows.
        const QString free = tmp.filePath(QStringLiteral("free.csv"));
        const Result unlimited = run(args + QStringList{free});
        QVERIFY2(unlimited.exitCode == 0, qPrintable(unlimited.err));
        QVERIFY(QFileInfo(free).size() > limitKiB * 1024);

        const Result r = runLimited(args + QStringList{out}, limitKiB * 2);
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(out + QStringLiteral(": cannot write")), qPrintable(r.err));
        QCOMPARE(readAll(out), QByteArray("previous results\n"));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), (QStringList{"free.csv", "r.csv"}));
#endif
    }

    //! A full disk inside the project (a file-size limit as `ulimit -f`, at the project's current
    //! size: it cannot grow): an import of 2,400 cells into a new project and into an existing one
    //! exits 1 naming the project as the user gave it; the new project is not created, the
    //! existing one is byte-identical, and nothing (no journal) is left beside either. Before the
    //! fix a hot journal stayed beside the project with pages of the failed import in the file.
    void fullDiskInsideTheProjectExitsOne()
    {
#ifndef Q_OS_UNIX
        QSKIP("the file-size limit is a POSIX facility");
#else
        QTemporaryDir tmp;
        const QString cells = tmp.filePath(QStringLiteral("cells.csv"));
        QVERIFY(writeCells(cells, 1, 400)); // 2,400 cells
        const QString fresh = tmp.filePath(QStringLiteral("new.sharecast"));
        const QString existing = tmp.filePath(QStringLiteral("old.sharecast"));
        const Result made = run({"import", "--project", existing, "--experience", data("experience.csv")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QByteArray before = readAll(existing);
        for (const QString& project : {fresh, existing}) {
            const QStringList args{"import", "--project", project, "--experience", cells};
            // /bin/sh's ulimit -f counts 512-byte blocks.
            const Result r = runLimited(args, static_cast<int>(before.size() / 512));
            QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
            QVERIFY2(r.err.contains(project + QStringLiteral(": cannot save")), qPrintable(r.err));
        }
        QCOMPARE(readAll(existing), before);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"cells.csv", "old.sharecast"}));
#endif
    }

    //! An input that exists but cannot be read (a device error: /proc/self/mem at offset 0 gives
    //! EIO; permission denied) is an I/O failure, exit 1, naming the file; a file that does not
    //! exist is bad input, exit 2. Before, all of them exited 2.
    void unreadableInputsExitOne_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        const QString mem = QStringLiteral("/proc/self/mem");
        const QString missing = QStringLiteral("/nonexistent/experience.csv");
        const QString scenario = data("scenario.json");
        const QString experience = data("experience.csv");
        QTest::newRow("experience csv")
            << QStringList{"settle", "--experience", mem, "--scenario", scenario, "--out", "@out"} << mem
            << 1;
        QTest::newRow("scenario json")
            << QStringList{"settle", "--experience", experience, "--scenario", mem, "--out", "@out"} << mem
            << 1;
        QTest::newRow("totals csv") << QStringList{"settle-totals",       "--input", mem,   "--scenario",
                                                   "preset:mssp-track-1", "--out",   "@out"}
                                    << mem << 1;
        QTest::newRow("import") << QStringList{"import", "--project", "@project", "--experience", mem} << mem
                                << 1;
        QTest::newRow("missing file")
            << QStringList{"settle", "--experience", missing, "--scenario", scenario, "--out", "@out"}
            << missing << 2;
        QTest::newRow("missing import")
            << QStringList{"import", "--project", "@project", "--experience", missing} << missing << 2;
    }
    void unreadableInputsExitOne()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        const QString project = tmp.filePath(QStringLiteral("p.sharecast"));
        args.replaceInStrings(QStringLiteral("@out"), out);
        args.replaceInStrings(QStringLiteral("@project"), project);
        const Result r = run(args);
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
        if (exitCode == 1)
            QVERIFY2(r.err.contains(QStringLiteral("cannot read")), qPrintable(r.err));
        QVERIFY(QDir(tmp.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    //! Permission denied on an input (as another user when the tests run as root): exit 1.
    void permissionDeniedExitsOne()
    {
#ifndef Q_OS_LINUX
        QSKIP("runs the command as another user with util-linux's setpriv");
#else
        QTemporaryDir tmp;
        QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadOther | QFile::ExeOther | QFile::WriteOther);
        const QString secret = tmp.filePath(QStringLiteral("secret.csv"));
        QVERIFY(QFile::copy(data("experience.csv"), secret));
        QVERIFY(QFile::setPermissions(secret, QFileDevice::Permissions()));
        const QStringList args{"settle",
                               "--experience",
                               secret,
                               "--scenario",
                               data("scenario.json"),
                               "--out",
                               tmp.filePath(QStringLiteral("r.csv"))};
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        if (geteuid() == 0) {
            if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                QSKIP("setpriv (util-linux) is not installed");
            p.start(QStringLiteral("setpriv"), QStringList{"--reuid=65534", "--regid=65534", "--clear-groups",
                                                           QStringLiteral(SHARECAST_BINARY)} +
                                                   args);
        } else {
            p.start(QStringLiteral(SHARECAST_BINARY), args);
        }
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (err.contains(QStringLiteral("Permission denied")) && !err.contains(secret))
            QSKIP("the build folder cannot be run by another user here");
        QVERIFY2(p.exitCode() == 1, qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
        QVERIFY2(err.contains(secret + QStringLiteral(": cannot read")), qPrintable(err));
#endif
    }

    //! SIGKILL in the middle of an import into a new project, and into an existing one: the dead
    //! process's files (a half-built project, its journal, the lock) are cleaned up by the next
    //! import, which succeeds; the project then holds exactly the datasets that were committed.
    void killDuringImportLeavesNothingBehind()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL is a POSIX signal");
#else
        QTemporaryDir tmp;
        const QString big = tmp.filePath(QStringLiteral("big.csv"));
        QVERIFY(writeCells(big, 20, 500)); // 60,000 cells (about 4 MB): long enough to kill mid-way
        const QString project = tmp.filePath(QStringLiteral("p.sharecast"));
        auto entries = [&] {
            QStringList names = QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden);
            names.removeAll(QStringLiteral("big.csv"));
            return names;
        };
        auto datasets = [&] {
            int n = -1;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
                db.setDatabaseName(project);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
                if (db.open()) {
                    QSqlQuery q(QStringLiteral("SELECT count(*) FROM dataset"), db);
                    if (q.next())
                        n = q.value(0).toInt();
                }
            }
            QSqlDatabase::removeDatabase(QStringLiteral("count"));
            return n;
        };
        // Kills an import once it has begun writing (a file beside the CSV appears), and returns
        // what the folder held just after the kill.
        auto killImport = [&] {
            const QStringList before = entries();
            QProcess p;
            p.start(QStringLiteral(SHARECAST_BINARY), {"import", "--project", project, "--experience", big});
            QVERIFY(p.waitForStarted());
            QElapsedTimer t;
            t.start();
            while (entries() == before && t.elapsed() < 20000)
                QThread::msleep(2);
            QThread::msleep(50);
            p.kill();
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        };

        // Into a new project: the half-built file is left by the kill, then cleaned up.
        killImport();
        const QStringList afterKill = entries();
        QVERIFY2(!afterKill.isEmpty(), "the import was not caught in the middle");
        QVERIFY2(!afterKill.contains(QStringLiteral("p.sharecast")), qPrintable(afterKill.join(u' ')));
        Result r = run({"import", "--project", project, "--experience", data("experience.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(entries(), QStringList{"p.sharecast"});
        QCOMPARE(datasets(), 1);

        // Into the existing project: its journal (or lock) is left, the next import rolls back.
        killImport();
        r = run({"scenario", "list", "--project", project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(datasets(), 1);
        r = run({"import", "--project", project, "--experience", data("experience.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(entries(), QStringList{"p.sharecast"});
        QCOMPARE(datasets(), 2);
#endif
    }

    //! Two processes creating the same new project at once (two `import --project P`): the second
    //! waits for the first (the project's lock), then imports into the project the first made. Both
    //! exit 0 and both datasets are in the project; nothing else is left in the folder. Before the
    //! fix one of them could exit 0 with a 4 KB file that was "not a Sharecast project".
    void concurrentImportsIntoANewProjectBothLand()
    {
        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("p.sharecast"));
        for (int trial = 0; trial < 6; ++trial) {
            QFile::remove(project);
            QProcess a, b;
            a.start(QStringLiteral(SHARECAST_BINARY),
                    {"import", "--project", project, "--experience", data("experience.csv")});
            b.start(QStringLiteral(SHARECAST_BINARY),
                    {"import", "--project", project, "--experience", data("experience.csv")});
            QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
            QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
            QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
                db.setDatabaseName(project);
                QVERIFY(db.open());
                QSqlQuery q(QStringLiteral("SELECT count(*) FROM dataset"), db);
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toInt(), 2);
            }
            QSqlDatabase::removeDatabase(QStringLiteral("check"));
            QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"p.sharecast"});
        }
    }

    //! A project on read-only media (a tmpfs remounted read-only; needs root, skipped otherwise):
    //! the commands that only read it work, in the current format and in the write-ahead-log
    //! format of earlier versions, and nothing is written beside it; a command that would change
    //! it exits 1 naming the project. Before the fix every one of them failed ("unable to open
    //! database file").
    void readOnlyMediaCanBeRead()
    {
#ifndef Q_OS_LINUX
        QSKIP("read-only mounts are made with Linux's mount");
#else
        QTemporaryDir tmp;
        const QString mnt = tmp.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(mnt));
        auto sh = [](const QString& command) {
            return QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        };
        if (sh(QStringLiteral("mount -t tmpfs -o size=16m tmpfs '%1' 2>/dev/null").arg(mnt)) != 0)
            QSKIP("cannot mount a tmpfs here (needs root)");
        const auto unmount = qScopeGuard([&] { sh(QStringLiteral("umount '%1'").arg(mnt)); });
        const QString current = mnt + QStringLiteral("/current.sharecast");
        const QString earlier = mnt + QStringLiteral("/earlier.sharecast");
        for (const QString& p : {current, earlier}) {
            const Result r = run({"import", "--project", p, "--experience", data("experience.csv")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("wal"));
            db.setDatabaseName(earlier);
            QVERIFY(db.open());
            QSqlQuery q(QStringLiteral("PRAGMA journal_mode = WAL"), db);
            QVERIFY(q.next() && q.value(0).toString() == QLatin1String("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("wal"));
        QCOMPARE(sh(QStringLiteral("mount -o remount,ro '%1'").arg(mnt)), 0);
        const QStringList before = QDir(mnt).entryList(QDir::Files | QDir::Hidden);

        for (const QString& p : {current, earlier}) {
            const Result list = run({"scenario", "list", "--project", p});
            QVERIFY2(list.exitCode == 0, qPrintable(list.err));
            const QString out = tmp.filePath(QStringLiteral("r.csv"));
            const Result settled =
                run({"settle", "--project", p, "--scenario", data("scenario.json"), "--out", out});
            QVERIFY2(settled.exitCode == 0, qPrintable(settled.err));
            QVERIFY(readAll(out).startsWith("plan_id,"));
            const Result exported =
                run({"export-experience", "--project", p, "--out", tmp.filePath(QStringLiteral("e.csv"))});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
            const Result changed = run({"scenario", "new", "--project", p, "--preset", "mssp-track-1"});
            QCOMPARE(changed.exitCode, 1);
            QVERIFY2(changed.err.contains(p), qPrintable(changed.err));
        }
        QCOMPARE(QDir(mnt).entryList(QDir::Files | QDir::Hidden), before);
#endif
    }

    //! Inputs that are not CSV at all: a 5 MB header with no line end, a 5 MB line of commas. Each
    //! is refused (exit 2) with a message that names the file and stays short; before, the first
    //! was echoed whole into a 5 MB message and the second held a field view per comma in memory.
    void hugeLinesAreRefusedBriefly()
    {
        QTemporaryDir tmp;
        const QString noNewline = tmp.filePath(QStringLiteral("header.csv"));
        const QString commas = tmp.filePath(QStringLiteral("commas.csv"));
        {
            QFile f(noNewline);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("plan_id,region,rate_cell,year,member_months," + QByteArray(5 << 20, 'x'));
            QFile g(commas);
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write("plan_id,region,rate_cell,year,member_months\n" + QByteArray(5 << 20, ',') + "\n");
        }
        for (const QString& file : {noNewline, commas}) {
            const Result r = run({"settle", "--experience", file, "--scenario", data("scenario.json"),
                                  "--out", tmp.filePath(QStringLiteral("r.csv"))});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(file), qPrintable(r.err.left(400)));
            QVERIFY2(r.err.size() < 2000,
                     qPrintable(QStringLiteral("%1 bytes: %2").arg(r.err.size()).arg(r.err.left(400))));
        }
    }

    void settleTotalsWritesTheRowWorkedByHand()
    {
        // Track 1 preset: N 12,000 lies between (10,000, 3.0 %) and (15,000, 2.7 %): MSR = 3.0 % − 0.3 % ×
        // 2,000/5,000 = 0.0288; S = 0.05; ρ = 0.5 × 80/100 = 0.4; P = 500,000 × 0.4 × 0.98 = 196,000 (cap
        // 1,000,000); net 304,000.
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("r.csv"));
        const Result r = run({"settle-totals", "--input", data("totals.csv"), "--scenario",
                              "preset:mssp-track-1", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readAll(out).split('\n').value(1),
                 QByteArray("ACO-1,10000000.00,9500000.00,500000.00,0.0500000000,12000.000000,0.0288000000,"
                            "0.0288000000,0.4000000000,196000.00,304000.00"));
    }

    void presetsAreListedAndLoad()
    {
        const Result r = run({"presets"});
        QCOMPARE(r.exitCode, 0);
        for (const char* name :
             {"straw-proposal-7", "iha-vbp4p", "mssp-track-1", "mssp-track-2", "mssp-track-3",
              "mssp-track-1-plus", "mssp-basic-a-b", "mssp-basic-c-e", "mssp-enhanced"})
            QVERIFY2(r.out.contains(QLatin1String(name)), name);
        QVERIFY2(!r.out.contains(QLatin1String("invalid")), qPrintable(r.out));
    }

    void unknownPresetAndOptionAreBadInput()
    {
        QTemporaryDir tmp;
        Result r = run({"settle-totals", "--input", data("totals.csv"), "--scenario", "preset:nope", "--out",
                        tmp.filePath("r.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no such preset")), qPrintable(r.err));
        r = run({"settle", "--bogus", "1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unknown option '--bogus'")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
