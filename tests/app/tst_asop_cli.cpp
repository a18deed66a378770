//! The report settings and the report's ASOP 41/56 checklist as a user reaches them from the
//! command line, on the golden case tests/golden/capitation_one_sided (its expected.csv and
//! NOTES.md give the settlement worked by hand): `sharecast settings`, then `sharecast report`
//! with the checklist, the responsible actuary's block, the material changes since the previous
//! version and a chosen set of sections.

#include "../ui/pdf_text.h"
#include "run_sharecast.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using sharecast::testing::pdfText;
using sharecast::testing::readFile;
using sharecast::testing::runSharecast;
using sharecast::testing::writeFile;

class TestAsopCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    const QString case_ = QStringLiteral(SHARECAST_SOURCE_DIR "/tests/golden/capitation_one_sided/");

    //! The case's scenario with sharing.max_share replaced (the case's own is 0.5).
    QString scenarioWithShare(double share, const QString& name)
    {
        QJsonObject o = QJsonDocument::fromJson(readFile(case_ + "scenario.json")).object();
        QJsonObject sharing = o.value(QStringLiteral("sharing")).toObject();
        sharing.insert(QStringLiteral("max_share"), share);
        o.insert(QStringLiteral("sharing"), sharing);
        const QString path = dir_.filePath(name);
        writeFile(path, QJsonDocument(o).toJson());
        return path;
    }

    QString report(const QStringList& extra, const QString& pdfName)
    {
        const QString pdf = dir_.filePath(pdfName);
        const auto r = runSharecast(
            QStringList{"report", "--project", project_, "--scenario", "Case", "--pdf", pdf} + extra);
        if (r.exitCode != 0)
            qWarning() << r.err;
        return r.exitCode == 0 ? pdfText(pdf) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath(QStringLiteral("case.sharecast"));
        auto r = runSharecast({"import", "--project", project_, "--experience", case_ + "experience.csv",
                               "--quality", case_ + "quality.csv"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runSharecast({"scenario", "import", "--project", project_, "--file",
                          scenarioWithShare(0.5, "v1.json"), "--name", "Case"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void settingsStartUnset()
    {
        const auto r = runSharecast({"settings", "--project", project_});
        QCOMPARE(r.exitCode, 0);
        for (const char* key :
             {"actuary_name", "actuary_credentials", "actuary_organization", "qualification_statement",
              "intended_users", "purpose", "reliance", "conflicts"})
            QVERIFY2(r.out.contains(QStringLiteral("%1: (not set)").arg(QLatin1String(key))),
                     qPrintable(r.out));
    }

    void unsetActuaryLeavesSignatureLinesAndUnfilledItems()
    {
        const QString text = report({"--sections", "disclosures,asop"}, "unset.pdf");
        QVERIFY(!text.isEmpty());
        QVERIFY(text.contains("Name and credentials: ____"));
        QVERIFY(text.contains("Signature: ____"));
        // Unfilled: the actuary, the qualification, who set the assumptions (the case's scenario
        // records none), the sensitivity tornado and the conflicts statement; the chance section is
        // left out by --sections, so uncertainty is unfilled too.
        QVERIFY2(text.contains("Unfilled: 6 of 14 items"), qPrintable(text));
        QVERIFY(text.contains("Responsible actuary"));
        QVERIFY(text.contains("UNFILLED"));
        static const QRegularExpression noSource(QStringLiteral("no source or owner\\s+recorded"));
        QVERIFY2(noSource.match(text).hasMatch(), qPrintable(text));
    }

    void badSettingChangesNothing()
    {
        const QByteArray before = readFile(project_);
        auto r =
            runSharecast({"settings", "--project", project_, "--set", "actuary_name=Jane Doe", "nosuch=1"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown setting 'nosuch'"), qPrintable(r.err));
        r = runSharecast({"settings", "--project", project_, "--set", "actuary_name"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("expected KEY=VALUE"), qPrintable(r.err));
        QCOMPARE(readFile(project_), before);
    }

    void settingsAreStoredAndPrinted()
    {
        const auto r = runSharecast(
            {"settings", "--project", project_, "--set", "actuary_name=Jane Doe",
             "actuary_credentials=FSA, MAAA", "actuary_organization=Office of the Actuary",
             "qualification_statement=I meet the qualification standards.", "conflicts=None known"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto shown = runSharecast({"settings", "--project", project_});
        QVERIFY(shown.out.contains("actuary_name: Jane Doe\n"));
        QVERIFY(shown.out.contains("actuary_credentials: FSA, MAAA\n"));
        QVERIFY(shown.out.contains("intended_users: (not set)\n"));

        const QString text = report({"--sections", "disclosures,asop"}, "set.pdf");
        QVERIFY(text.contains("Jane Doe, FSA, MAAA"));
        QVERIFY(text.contains("I meet the qualification standards."));
        QVERIFY(!text.contains("Name and credentials: ____"));
        // Intended users, purpose and reliance fall back to the standard wording (not unfilled).
        QVERIFY(text.contains("standard wording"));
        QVERIFY2(text.contains("Unfilled: 3 of 14 items"), qPrintable(text));
    }

    void materialChangesAgainstThePreviousVersion()
    {
        // Version 2 lowers the plan share from 50 % to 40 %. By hand (NOTES.md, plan A): G =
        // 320,000, first-dollar basis, P = 0.4 × 320,000 = 128,000 (the 10 % cap, 340,000, does not
        // bind) instead of 160,000; the other plans are paid nothing either way. The transfer to
        // the state, Σ T = 160,000 + 90,000 + 3,000 = 253,000 before, becomes 192,000 + 93,000 =
        // 285,000.
        auto r = runSharecast({"scenario", "import", "--project", project_, "--file",
                               scenarioWithShare(0.4, "v2.json"), "--name", "Case", "--replace"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = report({"--sections", "asop"}, "changes.pdf");
        QVERIFY2(text.contains("Headline figures against version 1 of “Case”"), qPrintable(text));
        static const QRegularExpression payments(
            QStringLiteral("Plan payments\\s+\\$160,000\\s+\\$128,000\\s+−\\$32,000"));
        QVERIFY2(payments.match(text).hasMatch(), qPrintable(text));
        static const QRegularExpression transfer(
            QStringLiteral("Transfer to the state\\s+\\$253,000\\s+\\$285,000\\s+\\$32,000"));
        QVERIFY2(transfer.match(text).hasMatch(), qPrintable(text));
        QVERIFY(text.contains("sharing.max_share"));
        static const QRegularExpression changed(QStringLiteral("assumption\\s+changed"));
        QVERIFY2(changed.match(text).hasMatch(), qPrintable(text));

        // --since none: earlier versions exist but none is chosen, so the item is unfilled.
        const QString none = report({"--sections", "asop", "--since", "none"}, "none.pdf");
        // Unfilled: who set the assumptions, uncertainty and sensitivity (sections left out), and
        // the material changes.
        QVERIFY2(none.contains("Unfilled: 4 of 14 items"), qPrintable(none));
        static const QRegularExpression listed(QStringLiteral(
            "Sensitivity\\s+testing;\\s+Material\\s+changes\\s+since\\s+the\\s+previous\\s+report\\."));
        QVERIFY2(listed.match(none).hasMatch(), qPrintable(none));
        // --since-version beyond the history is refused, naming it.
        r = runSharecast({"report", "--project", project_, "--scenario", "Case", "--pdf",
                          dir_.filePath("x.pdf"), "--since-version", "2"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--since-version 2"), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir_.filePath("x.pdf")));
    }

    void sectionsChooseWhatIsPrinted()
    {
        const QString text = report({"--sections", "summary,asop"}, "two.pdf");
        static const QRegularExpression toc(QStringLiteral(
            "1\\s+Executive summary\\s+2\\s+2\\s+Actuarial standards checklist \\(ASOP 41 and 56\\)"));
        QVERIFY2(toc.match(text).hasMatch(), qPrintable(text));
        // Left out: not in the contents.
        static const QRegularExpression settlementListed(QStringLiteral("\\d\\s+Settlement by plan"));
        QVERIFY(!settlementListed.match(text).hasMatch());
        const auto r = runSharecast({"report", "--project", project_, "--scenario", "Case", "--pdf",
                                     dir_.filePath("y.pdf"), "--sections", "summary,nosuch"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown report section 'nosuch'"), qPrintable(r.err));
    }

    void readOnlyProjectKeepsItsSettings()
    {
        const QString copy = dir_.filePath(QStringLiteral("ro.sharecast"));
        QVERIFY(QFile::copy(project_, copy));
        QVERIFY(QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        QFile probe(copy);
        if (probe.open(QIODevice::ReadWrite))
            QSKIP("this user can write read-only files (root): nothing to test");
        const QByteArray before = readFile(copy);
        const auto shown = runSharecast({"settings", "--project", copy});
        QCOMPARE(shown.exitCode, 0); // reading works on read-only media
        const auto r = runSharecast({"settings", "--project", copy, "--set", "purpose=x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(copy) || r.err.contains("ro.sharecast"), qPrintable(r.err));
        QCOMPARE(readFile(copy), before);
    }
};

QTEST_GUILESS_MAIN(TestAsopCli)
#include "tst_asop_cli.moc"
