//! `sharecast scenario list|new|import|export|history|restore|diff` and `sharecast settle --project P
//! --scenario NAME`, run as a user runs them (QProcess on the built binary). Checked: a scenario's
//! life in a project (new from a preset, exported, edited outside, imported again as a new
//! version, its history, its differences from the preset, restored); the input errors (exit 2,
//! a message on stderr, nothing stored); and the e-mail case: a scenario saved in one project,
//! sent as a .sharecast-scenario file and imported into another project holding the same data
//! settles to byte-identical CSV output. The edit changes the sharing tiers of Straw Proposal 7
//! (shares 0.2/0.3/0.4/0.5 → 0.25/0.35/0.45/0.55), so a plan with a positive payment is paid
//! differently and the comparisons with the unedited preset can fail.

#include "run_sharecast.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPreset = QStringLiteral("straw-proposal-7");

using Result = sharecast::testing::CliResult;

Result run(const QStringList& args)
{
    return sharecast::testing::runSharecast(args);
}

QString describe(const QStringList& args, const Result& r)
{
    return QStringLiteral("sharecast %1\nexit %2\nstdout:\n%3\nstderr:\n%4")
        .arg(args.join(u' '))
        .arg(r.exitCode)
        .arg(r.out, r.err);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

//! The exported JSON with the sharing tiers' shares raised by 0.05 (0.2/0.3/0.4/0.5 of the preset
//! become 0.25/0.35/0.45/0.55); empty when the JSON is not the preset's shape.
QByteArray withRaisedTiers(const QByteArray& json)
{
    QJsonDocument doc = QJsonDocument::fromJson(json);
    QJsonObject root = doc.object();
    QJsonObject sharing = root.value(QLatin1String("sharing")).toObject();
    QJsonArray tiers = sharing.value(QLatin1String("tiers")).toArray();
    const double before[] = {0.2, 0.3, 0.4, 0.5};
    const double after[] = {0.25, 0.35, 0.45, 0.55};
    if (tiers.size() != 4)
        return {};
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        QJsonObject t = tiers[i].toObject();
        if (t.value(QLatin1String("share")).toDouble() != before[i])
            return {};
        t[QLatin1String("share")] = after[i];
        tiers[i] = t;
    }
    sharing[QLatin1String("tiers")] = tiers;
    root[QLatin1String("sharing")] = sharing;
    root[QLatin1String("description")] = QStringLiteral("Straw Proposal 7 with every tier 5 points higher");
    doc.setObject(root);
    return doc.toJson();
}

} // namespace

#define RUN_OK(result, ...)                                                                                  \
    const QStringList result##Args{__VA_ARGS__};                                                             \
    const Result result = run(result##Args);                                                                 \
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result##Args, result)))

#define RUN_BAD(result, ...)                                                                                 \
    const QStringList result##Args{__VA_ARGS__};                                                             \
    const Result result = run(result##Args);                                                                 \
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result##Args, result)));                              \
    QVERIFY2(result.err.startsWith(QLatin1String("sharecast: ")), qPrintable(describe(result##Args, result)))

class TestScenarioCli : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString sampleDir_;

    QString path(const QString& name) const { return tmp_.filePath(name); }

    //! A new project holding the sample data (generated once per test run).
    QString sampleProject(const QString& name)
    {
        const QString p = path(name);
        const Result r = run({"import", "--project", p, "--experience", sampleDir_ + "/experience.csv",
                              "--quality", sampleDir_ + "/quality.csv"});
        return r.exitCode == 0 ? p : QString();
    }

    //! The sample project's settlement for 2024 under a scenario, or empty with a failure message.
    QByteArray settle(const QString& project, const QString& scenario, const QString& outName,
                      QString* problem)
    {
        const QString out = path(outName);
        const QStringList args{"settle", "--project", project, "--scenario", scenario,
                               "--year", "2024",      "--out", out};
        const Result r = run(args);
        if (r.exitCode != 0) {
            *problem = describe(args, r);
            return {};
        }
        return readAll(out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        sampleDir_ = path(QStringLiteral("sample"));
        const QStringList args{"generate-sample", "--out", sampleDir_};
        const Result r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(args, r)));
        QVERIFY(QFile::exists(sampleDir_ + "/experience.csv"));
        QVERIFY(QFile::exists(sampleDir_ + "/quality.csv"));
    }

    void scenarioLifeInAProject()
    {
        const QString p = sampleProject(QStringLiteral("life.sharecast"));
        QVERIFY(!p.isEmpty());

        RUN_OK(empty, "scenario", "list", "--project", p);
        QVERIFY2(empty.out.contains(QLatin1String("no scenarios")), qPrintable(empty.out));

        RUN_OK(added, "scenario", "new", "--project", p, "--preset", kPreset, "--name", "Base");
        QVERIFY2(added.out.contains(QLatin1String("'Base'")), qPrintable(added.out));
        RUN_OK(listed, "scenario", "list", "--project", p);
        QVERIFY2(listed.out.startsWith(QLatin1String("Base  version 1, saved ")), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QLatin1String("from preset straw-proposal-7")), qPrintable(listed.out));
        QCOMPARE(listed.out.count(u'\n'), 1);

        // Just made from the preset: only the name differs.
        RUN_OK(fresh, "scenario", "diff", "--project", p, "Base", "preset:" + kPreset);
        QVERIFY2(fresh.out.startsWith(QLatin1String("1 differing key(s)")), qPrintable(fresh.out));
        QVERIFY2(fresh.out.contains(QLatin1String("\"Base\"")), qPrintable(fresh.out));
        QVERIFY2(fresh.out.contains(QLatin1String("\"Medi-Cal Straw Proposal 7\"")), qPrintable(fresh.out));

        QString problem;
        const QByteArray presetCsv = settle(p, "preset:" + kPreset, "life-preset.csv", &problem);
        QVERIFY2(!presetCsv.isEmpty(), qPrintable(problem));
        const QByteArray v1Csv = settle(p, "Base", "life-v1.csv", &problem);
        QCOMPARE(v1Csv, presetCsv); // the stored scenario is the preset's content

        // Export, edit outside, import as a new version.
        const QString json = path(QStringLiteral("life.json"));
        RUN_OK(exported, "scenario", "export", "--project", p, "--name", "Base", "--out", json);
        const QByteArray v1Json = readAll(json);
        QVERIFY(v1Json.contains("\"name\": \"Base\""));
        const QByteArray editedJson = withRaisedTiers(v1Json);
        QVERIFY2(!editedJson.isEmpty(), "the exported JSON should carry the preset's four tiers");
        QVERIFY(writeAll(json, editedJson));
        RUN_OK(imported, "scenario", "import", "--project", p, "--file", json, "--replace");
        QVERIFY2(imported.out.contains(QLatin1String("version 2")), qPrintable(imported.out));
        RUN_OK(listed2, "scenario", "list", "--project", p);
        QVERIFY2(listed2.out.startsWith(QLatin1String("Base  version 2, ")), qPrintable(listed2.out));
        QCOMPARE(listed2.out.count(u'\n'), 1);

        RUN_OK(history, "scenario", "history", "--project", p, "--name", "Base");
        const QStringList lines = history.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QLatin1String("version 1  ")), qPrintable(history.out));
        QVERIFY2(lines[0].endsWith(QLatin1String("new from preset straw-proposal-7")),
                 qPrintable(history.out));
        QVERIFY2(lines[1].startsWith(QLatin1String("version 2  ")), qPrintable(history.out));
        QVERIFY2(lines[1].endsWith(QLatin1String("imported from life.json")), qPrintable(history.out));

        // The differences from the preset: the name, the description and the four tier shares.
        RUN_OK(diff, "scenario", "diff", "--project", p, "Base", "preset:" + kPreset);
        QVERIFY2(
            diff.out.startsWith(QString::fromUtf8("6 differing key(s): Base → preset:straw-proposal-7\n")),
            qPrintable(diff.out));
        const char* const changed[][3] = {
            {"sharing.tiers[0].share", "0.25", "0.2"},
            {"sharing.tiers[1].share", "0.35", "0.3"},
            {"sharing.tiers[2].share", "0.45", "0.4"},
            {"sharing.tiers[3].share", "0.55", "0.5"},
        };
        for (const auto& c : changed) {
            const QRegularExpression line(QStringLiteral("\\n  %1 +%2 → %3\\n")
                                              .arg(QRegularExpression::escape(QLatin1String(c[0])),
                                                   QRegularExpression::escape(QLatin1String(c[1])),
                                                   QRegularExpression::escape(QLatin1String(c[2]))));
            QVERIFY2(line.match(diff.out).hasMatch(), qPrintable(QLatin1String(c[0]) + u'\n' + diff.out));
        }
        QVERIFY2(diff.out.contains(QLatin1String("\n  description ")), qPrintable(diff.out));
        QVERIFY2(!diff.out.contains(QLatin1String("max_share")), qPrintable(diff.out));
        QVERIFY2(!diff.out.contains(QLatin1String("min_score")), qPrintable(diff.out));

        // A diff between a file and the stored scenario (no project needed for files).
        RUN_OK(fileDiff, "scenario", "diff", json, "preset:" + kPreset);
        QCOMPARE(fileDiff.out.section(u'\n', 1), diff.out.section(u'\n', 1));

        const QByteArray v2Csv = settle(p, "Base", "life-v2.csv", &problem);
        QVERIFY2(!v2Csv.isEmpty(), qPrintable(problem));
        QVERIFY2(v2Csv != v1Csv, "raising every tier's share must change some plan's payment");

        // Restore version 1: version 3, equal to the preset again but for the name.
        RUN_OK(restored, "scenario", "restore", "--project", p, "--name", "Base", "--version", "1");
        QVERIFY2(restored.out.contains(QLatin1String("version 3")), qPrintable(restored.out));
        RUN_OK(history3, "scenario", "history", "--project", p, "--name", "Base");
        QCOMPARE(history3.out.split(u'\n', Qt::SkipEmptyParts).size(), 3);
        QVERIFY2(history3.out.split(u'\n', Qt::SkipEmptyParts)[2].startsWith(QLatin1String("version 3  ")),
                 qPrintable(history3.out));
        RUN_OK(diff3, "scenario", "diff", "--project", p, "Base", "preset:" + kPreset);
        QVERIFY2(diff3.out.startsWith(QLatin1String("1 differing key(s)")), qPrintable(diff3.out));
        const QString json3 = path(QStringLiteral("life3.json"));
        RUN_OK(exported3, "scenario", "export", "--project", p, "--name", "Base", "--out", json3);
        QCOMPARE(readAll(json3), v1Json);
        QCOMPARE(settle(p, "Base", "life-v3.csv", &problem), v1Csv);
    }

    void diffOfTwoStoredScenarios()
    {
        const QString p = sampleProject(QStringLiteral("diff.sharecast"));
        QVERIFY(!p.isEmpty());
        RUN_OK(a, "scenario", "new", "--project", p, "--preset", kPreset, "--name", "A");
        RUN_OK(b, "scenario", "new", "--project", p, "--preset", kPreset, "--name", "B");
        RUN_OK(same, "scenario", "diff", "--project", p, "A", "A");
        QCOMPARE(same.out, QStringLiteral("no differences between A and A\n"));
        RUN_OK(names, "scenario", "diff", "--project", p, "A", "B");
        QCOMPARE(names.out, QString::fromUtf8("1 differing key(s): A → B\n  name  \"A\" → \"B\"\n"));

        // import also takes preset:NAME (under the preset's own name unless --name is given).
        RUN_OK(fromPreset, "scenario", "import", "--project", p, "--file", "preset:mssp-track-1");
        RUN_OK(listed, "scenario", "list", "--project", p);
        const QStringList lines = listed.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[2].startsWith(QLatin1String("MSSP Track 1 (one-sided)  version 1, ")),
                 qPrintable(listed.out));
        RUN_OK(same2, "scenario", "diff", "--project", p, "MSSP Track 1 (one-sided)", "preset:mssp-track-1");
        QVERIFY2(same2.out.startsWith(QLatin1String("no differences")), qPrintable(same2.out));
    }

    void inputErrorsExitTwoAndStoreNothing()
    {
        const QString p = sampleProject(QStringLiteral("errors.sharecast"));
        QVERIFY(!p.isEmpty());
        RUN_OK(added, "scenario", "new", "--project", p, "--preset", kPreset, "--name", "Base");
        const QString json = path(QStringLiteral("errors.json"));
        RUN_OK(exported, "scenario", "export", "--project", p, "--name", "Base", "--out", json);

        // Missing --project.
        for (const QStringList& args :
             {QStringList{"scenario", "list"},
              QStringList{"scenario", "new", "--preset", kPreset, "--name", "X"},
              QStringList{"scenario", "import", "--file", json},
              QStringList{"scenario", "export", "--name", "Base", "--out", json},
              QStringList{"scenario", "history", "--name", "Base"},
              QStringList{"scenario", "restore", "--name", "Base", "--version", "1"}}) {
            const Result r = run(args);
            QVERIFY2(r.exitCode == 2, qPrintable(describe(args, r)));
            QVERIFY2(r.err.contains(QLatin1String("needs --project")), qPrintable(describe(args, r)));
        }

        // An unknown scenario name.
        {
            RUN_BAD(r, "scenario", "export", "--project", p, "--name", "Nope", "--out", path("nope.json"));
            QVERIFY2(r.err.contains(QLatin1String("no scenario named 'Nope'")), qPrintable(r.err));
            QVERIFY(!QFile::exists(path("nope.json")));
        }
        {
            RUN_BAD(r, "scenario", "history", "--project", p, "--name", "Nope");
            QVERIFY2(r.err.contains(QLatin1String("'Nope'")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "scenario", "restore", "--project", p, "--name", "Nope", "--version", "1");
            QVERIFY2(r.err.contains(QLatin1String("'Nope'")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "scenario", "diff", "--project", p, "Base", "Nope");
            QVERIFY2(r.err.contains(QLatin1String("Nope")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "settle", "--project", p, "--scenario", "Nope", "--year", "2024", "--out",
                    path("nope.csv"));
            QVERIFY2(r.err.contains(QLatin1String("Nope")), qPrintable(r.err));
            QVERIFY(!QFile::exists(path("nope.csv")));
        }
        {
            RUN_BAD(r, "scenario", "restore", "--project", p, "--name", "Base", "--version", "7");
            QVERIFY2(r.err.contains(QLatin1String("7")), qPrintable(r.err));
        }

        // Bad files: not JSON, a JSON scenario with a value out of range, a damaged scenario file,
        // a missing file.
        const QString notJson = path(QStringLiteral("not.json"));
        QVERIFY(writeAll(notJson, "{ \"name\": \"Bad\", \n"));
        const QString outOfRange = path(QStringLiteral("range.json"));
        QVERIFY(writeAll(outOfRange, "{ \"name\": \"Range\", \"sharing\": { \"max_share\": 1.5 } }\n"));
        const QString archive = path(QStringLiteral("base.sharecast-scenario"));
        RUN_OK(exportedArchive, "scenario", "export", "--project", p, "--name", "Base", "--out", archive);
        QByteArray damagedBytes = readAll(archive);
        QVERIFY(damagedBytes.size() > 200);
        damagedBytes[damagedBytes.size() - 20] =
            static_cast<char>(damagedBytes[damagedBytes.size() - 20] ^ 0x04);
        const QString damaged = path(QStringLiteral("damaged.sharecast-scenario"));
        QVERIFY(writeAll(damaged, damagedBytes));
        const struct {
            QString file;
            const char* mentions;
        } badFiles[] = {
            {notJson, "not.json"},
            {outOfRange, "max_share"},
            {damaged, "damaged.sharecast-scenario"},
            {path(QStringLiteral("missing.json")), "missing.json"},
            {path(QStringLiteral("missing.sharecast-scenario")), "missing.sharecast-scenario"},
        };
        for (const auto& bad : badFiles) {
            for (const QStringList& args :
                 {QStringList{"scenario", "import", "--project", p, "--file", bad.file},
                  QStringList{"scenario", "import", "--project", p, "--file", bad.file, "--name", "Base",
                              "--replace"}}) {
                const Result r = run(args);
                QVERIFY2(r.exitCode == 2, qPrintable(describe(args, r)));
                QVERIFY2(r.err.contains(QLatin1String(bad.mentions)), qPrintable(describe(args, r)));
            }
        }

        // A duplicate name without --replace (from a file, and from a preset).
        {
            RUN_BAD(r, "scenario", "import", "--project", p, "--file", json);
            QVERIFY2(r.err.contains(QLatin1String("Base")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "scenario", "import", "--project", p, "--file", archive);
            QVERIFY2(r.err.contains(QLatin1String("Base")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "scenario", "new", "--project", p, "--preset", kPreset, "--name", "Base");
            QVERIFY2(r.err.contains(QLatin1String("Base")), qPrintable(r.err));
        }
        {
            RUN_BAD(r, "scenario", "new", "--project", p, "--preset", "no-such-preset", "--name", "Other");
            QVERIFY2(r.err.contains(QLatin1String("no-such-preset")), qPrintable(r.err));
        }

        // Nothing of that was stored.
        RUN_OK(listed, "scenario", "list", "--project", p);
        QCOMPARE(listed.out.count(u'\n'), 1);
        QVERIFY2(listed.out.startsWith(QLatin1String("Base  version 1, ")), qPrintable(listed.out));
        RUN_OK(history, "scenario", "history", "--project", p, "--name", "Base");
        QCOMPARE(history.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
        const QString again = path(QStringLiteral("errors-again.json"));
        RUN_OK(exportedAgain, "scenario", "export", "--project", p, "--name", "Base", "--out", again);
        QCOMPARE(readAll(again), readAll(json));
    }

    void scenarioSentByEmailSettlesIdentically()
    {
        // Sender: a project built by generate-sample (default seed).
        const QString senderDir = path(QStringLiteral("sender"));
        QVERIFY(QDir().mkpath(senderDir));
        const QString p1 = senderDir + QStringLiteral("/P1.sharecast");
        RUN_OK(generated, "generate-sample", "--out", senderDir + "/data", "--project", p1);

        // Receiver: a second project imported from the same files.
        const QString receiverDir = path(QStringLiteral("receiver"));
        QVERIFY(QDir().mkpath(receiverDir));
        const QString p2 = receiverDir + QStringLiteral("/P2.sharecast");
        RUN_OK(importedData, "import", "--project", p2, "--experience", senderDir + "/data/experience.csv",
               "--quality", senderDir + "/data/quality.csv");

        // The sender's scenario: new from the preset, edited as JSON, saved again.
        const QString name = QString::fromUtf8("Straw 7 — tiers +5");
        RUN_OK(added, "scenario", "new", "--project", p1, "--preset", kPreset, "--name", name);
        const QString json = senderDir + QStringLiteral("/edit.json");
        RUN_OK(exportedJson, "scenario", "export", "--project", p1, "--name", name, "--out", json);
        const QByteArray editedJson = withRaisedTiers(readAll(json));
        QVERIFY(!editedJson.isEmpty());
        QVERIFY(writeAll(json, editedJson));
        RUN_OK(replaced, "scenario", "import", "--project", p1, "--file", json, "--replace");
        QVERIFY2(replaced.out.contains(QLatin1String("version 2")), qPrintable(replaced.out));

        // Sent as a scenario file, saved by the receiver in another folder, imported there.
        const QString sent = senderDir + QStringLiteral("/tiers.sharecast-scenario");
        RUN_OK(exportedFile, "scenario", "export", "--project", p1, "--name", name, "--out", sent);
        QVERIFY(readAll(sent).startsWith("SHARECAST-SCENARIO\n"));
        const QString received = receiverDir + QStringLiteral("/from-colleague.sharecast-scenario");
        QVERIFY(QFile::copy(sent, received));
        RUN_OK(importedFile, "scenario", "import", "--project", p2, "--file", received);
        RUN_OK(listed, "scenario", "list", "--project", p2);
        QVERIFY2(listed.out.startsWith(name + QLatin1String("  version 1, ")), qPrintable(listed.out));

        // The same scenario on both sides: no differences, the same file bytes.
        RUN_OK(noDiff, "scenario", "diff", "--project", p2, name, sent);
        QVERIFY2(noDiff.out.startsWith(QLatin1String("no differences")), qPrintable(noDiff.out));
        const QString back = receiverDir + QStringLiteral("/back.sharecast-scenario");
        RUN_OK(exportedBack, "scenario", "export", "--project", p2, "--name", name, "--out", back);
        QCOMPARE(readAll(back), readAll(sent));

        // The settlements agree byte for byte, and differ from the unedited preset's.
        QString problem;
        const QByteArray s1 = settle(p1, name, "email-p1.csv", &problem);
        QVERIFY2(!s1.isEmpty(), qPrintable(problem));
        const QByteArray s2 = settle(p2, name, "email-p2.csv", &problem);
        QVERIFY2(!s2.isEmpty(), qPrintable(problem));
        QVERIFY2(s1.startsWith("plan_id,expected,actual,"), s1.left(200).constData());
        QCOMPARE(s1.count('\n'), 21); // header and the sample's 20 plans
        QCOMPARE(s2, s1);
        const QByteArray preset = settle(p1, "preset:" + kPreset, "email-preset.csv", &problem);
        QVERIFY2(!preset.isEmpty(), qPrintable(problem));
        QVERIFY2(preset != s1, "the edited scenario must settle differently from the preset");
        QCOMPARE(settle(p2, "preset:" + kPreset, "email-preset2.csv", &problem), preset);
    }
};

QTEST_GUILESS_MAIN(TestScenarioCli)
#include "tst_scenario_cli.moc"
