//! The Excel workbook's audit sheets recalculated by LibreOffice (headless, a throwaway profile
//! set to recalculate every formula on load) and compared, formula by formula, with the engine's
//! values to the cent: on the sample project and on every golden cell case (methodology §2–§9).
//! Also: LibreOffice truly recalculates (a cached result written wrong comes back right), and the
//! recalculated payments equal the golden cases' expected.csv, worked out by hand.

#include "io/report/xlsx_workbook.h"
#include "run_sharecast.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace sharecast;
using sharecast::testing::readFile;
using sharecast::testing::runSharecast;
using sharecast::testing::writeFile;

namespace {

//! Splits one CSV line as LibreOffice writes it (fields quoted when they hold a comma or quote).
QStringList splitCsv(const QString& line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}

//! The rows of a CSV file (no field holds a line break on these sheets).
QList<QStringList> csvRows(const QString& path)
{
    QList<QStringList> rows;
    for (const QByteArray& line : readFile(path).split('\n'))
        if (!line.isEmpty())
            rows << splitCsv(QString::fromUtf8(line).remove(QLatin1Char('\r')));
    return rows;
}

QString soffice()
{
    return QStandardPaths::findExecutable(QStringLiteral("soffice"));
}

//! Converts every workbook to CSV, one file per sheet (`NAME-SHEET.csv` in outDir), with
//! LibreOffice in a fresh profile of its own that recalculates every formula when it loads an
//! xlsx file (Calc ▸ Formula ▸ Recalculation on file load: always). Values are written in full
//! precision, not as shown.
bool recalculateToCsv(const QStringList& workbooks, const QString& outDir, QString* error)
{
    QTemporaryDir profile;
    const QString user = profile.filePath(QStringLiteral("user"));
    QDir().mkpath(user);
    const QByteArray registry =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
        "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
        "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
        "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
        "<prop oor:name=\"ODFRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
        "</oor:items>\n";
    if (!writeFile(user + QStringLiteral("/registrymodifications.xcu"), registry)) {
        *error = QStringLiteral("cannot write the LibreOffice profile");
        return false;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // Tokens: comma, double quote, UTF-8, line 1, no column formats, language, quoted as text,
    // detect numbers, save as shown = false (full precision), formulas = false, trim = false,
    // sheet -1 = every sheet to its own file.
    QStringList args{
        QStringLiteral("-env:UserInstallation=") + QUrl::fromLocalFile(profile.path()).toString(),
        QStringLiteral("--headless"),
        QStringLiteral("--norestore"),
        QStringLiteral("--convert-to"),
        QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"),
        QStringLiteral("--outdir"),
        outDir};
    args << workbooks;
    p.start(soffice(), args);
    if (!p.waitForFinished(600000)) {
        *error = QStringLiteral("LibreOffice did not finish");
        p.kill();
        return false;
    }
    if (p.exitCode() != 0) {
        *error = QStringLiteral("LibreOffice failed: ") + QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

//! A number as LibreOffice writes it unformatted: percent-formatted cells keep their "%".
double number(QString text, bool* ok)
{
    const bool percent = text.endsWith(QLatin1Char('%'));
    if (percent)
        text.chop(1);
    const double x = text.toDouble(ok);
    return percent ? x / 100.0 : x;
}

double tolerance(const QString& unit, double engine)
{
    if (unit == QLatin1String("money") || unit == QLatin1String("PMPM"))
        return 0.005; // to the cent
    return 1e-9 * std::max(1.0, std::fabs(engine));
}

//! One audit sheet's comparison: every formula row with an engine value agrees.
struct AuditCheck {
    int compared = 0;
    QStringList failures;
    std::map<QString, double> reported; //!< the §9a rows: name → recalculated value
};

AuditCheck checkAudit(const QString& csvPath)
{
    AuditCheck out;
    const QList<QStringList> rows = csvRows(csvPath);
    if (rows.isEmpty()) {
        out.failures << QStringLiteral("%1: missing or empty").arg(csvPath);
        return out;
    }
    for (const QStringList& r : rows) {
        if (r.size() < 5)
            continue;
        const QString& section = r[0];
        const QString& step = r[1];
        const QString& unit = r[2];
        const QString& value = r[3];
        const QString& engine = r[4];
        if (engine == QLatin1String("NA")) {
            ++out.compared;
            if (!value.isEmpty())
                out.failures << QStringLiteral("%1 %2: %3, the engine NA").arg(section, step, value);
            continue;
        }
        bool okEngine = false;
        const double e = number(engine, &okEngine);
        if (!okEngine)
            continue; // a header, a heading, an input or a step the engine does not compute
        bool okValue = false;
        const double v = number(value, &okValue);
        ++out.compared;
        if (!okValue || !(std::fabs(v - e) <= tolerance(unit, e)))
            out.failures
                << QStringLiteral("%1 %2: recalculated %3, engine %4").arg(section, step, value, engine);
        if (section == QStringLiteral("§9a"))
            out.reported[step] = v;
    }
    return out;
}

} // namespace

class TestXlsxLibreOffice : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;

    //! Imports a golden case into a project, as a user does.
    QString importCase(const QString& dir)
    {
        const QString name = QFileInfo(dir).fileName();
        const QString project = tmp_.filePath(name + QStringLiteral(".sharecast"));
        QStringList args{QStringLiteral("import"), QStringLiteral("--project"), project,
                         QStringLiteral("--experience"), dir + QStringLiteral("/experience.csv")};
        if (QFileInfo::exists(dir + QStringLiteral("/quality.csv")))
            args << QStringLiteral("--quality") << dir + QStringLiteral("/quality.csv");
        const auto r = runSharecast(args);
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return r.exitCode == 0 ? project : QString();
    }

    //! The plan ids `settle` writes for the project and scenario.
    QStringList planIds(const QString& project, const QString& scenario)
    {
        const QString out = tmp_.filePath(QStringLiteral("plans.csv"));
        const auto r = runSharecast({QStringLiteral("settle"), QStringLiteral("--project"), project,
                                     QStringLiteral("--scenario"), scenario, QStringLiteral("--year"),
                                     QStringLiteral("2024"), QStringLiteral("--out"), out});
        QStringList ids;
        if (r.exitCode != 0) {
            qWarning().noquote() << r.err;
            return ids;
        }
        const QList<QStringList> rows = csvRows(out);
        for (qsizetype i = 1; i < rows.size(); ++i)
            ids << rows[i].value(0);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QVERIFY2(!soffice().isEmpty(),
                 "soffice not found: install libreoffice-calc-nogui (packaging/bootstrap.sh does)");
    }

    //! The check itself: a formula whose cached result is wrong must come back recalculated.
    void libreOfficeRecalculates()
    {
        const QString path = tmp_.filePath(QStringLiteral("stale.xlsx"));
        {
            io::XlsxWorkbook book(path);
            io::XlsxSheet& sheet = book.addSheet(QStringLiteral("Check"));
            sheet.number(0, 0, 2.5);
            sheet.formula(0, 1, "=A1*3", 999.0, io::XlsxStyle::Plain); // cached result deliberately wrong
            sheet.formula(0, 2, "=ROUND(1234.565,2)", 0.0, io::XlsxStyle::Money);
            io::writeWorkbook(book, path);
        }
        const QString out = tmp_.filePath(QStringLiteral("stale"));
        QDir().mkpath(out);
        QString error;
        QVERIFY2(recalculateToCsv({path}, out, &error), qPrintable(error));
        const QList<QStringList> rows = csvRows(out + QStringLiteral("/stale-Check.csv"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].value(1).toDouble(), 7.5);
        QCOMPARE(rows[0].value(2).toDouble(), 1234.57);
    }

    //! Every golden cell case (each plan audited) and the sample project, recalculated in one
    //! LibreOffice run.
    void auditSheetsMatchTheEngine()
    {
        struct Run {
            QString name, xlsx;
            QStringList plans;
            QString expected; //!< the case's expected.csv when it is `settle`'s output for 2024
        };
        QList<Run> runs;
        const QDir golden(QStringLiteral(SHARECAST_SOURCE_DIR "/tests/golden"));
        for (const QString& c : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString dir = golden.filePath(c);
            if (!QFileInfo::exists(dir + QStringLiteral("/experience.csv")))
                continue; // totals_mixed: settle-totals has no cells to audit
            if (readFile(dir + QStringLiteral("/expected.csv")).startsWith("plan_id,county,"))
                continue; // regional_rates: a rates case whose one year of data settles no plan
            const QString project = importCase(dir);
            QVERIFY2(!project.isEmpty(), qPrintable(c));
            const QString scenario = dir + QStringLiteral("/scenario.json");
            Run run{c, tmp_.filePath(c + QStringLiteral(".xlsx")), planIds(project, scenario), {}};
            QVERIFY2(!run.plans.isEmpty(), qPrintable(c));
            const QByteArray expected = readFile(dir + QStringLiteral("/expected.csv"));
            if (expected.startsWith("plan_id,expected,"))
                run.expected = dir + QStringLiteral("/expected.csv");
            QStringList args{QStringLiteral("report"),
                             QStringLiteral("--project"),
                             project,
                             QStringLiteral("--scenario"),
                             scenario,
                             QStringLiteral("--xlsx"),
                             run.xlsx,
                             QStringLiteral("--audit-plan")};
            const auto r = runSharecast(args + run.plans);
            QVERIFY2(r.exitCode == 0, qPrintable(c + QStringLiteral(": ") + r.err));
            runs << run;
        }
        QVERIFY(runs.size() >= 9);

        // The sample project, its default audit plan and every plan.
        const QString sample =
            QStringLiteral(SHARECAST_BINARY_DIR "/share/sharecast/sample/default.sharecast");
        QVERIFY2(QFileInfo::exists(sample), "the sample project is made by the build");
        const QString preset = QStringLiteral("preset:straw-proposal-7");
        Run sampleRun{QStringLiteral("sample"),
                      tmp_.filePath(QStringLiteral("sample.xlsx")),
                      planIds(sample, preset),
                      {}};
        QVERIFY(!sampleRun.plans.isEmpty());
        const QStringList sampleArgs{QStringLiteral("report"),
                                     QStringLiteral("--project"),
                                     sample,
                                     QStringLiteral("--scenario"),
                                     preset,
                                     QStringLiteral("--xlsx"),
                                     sampleRun.xlsx,
                                     QStringLiteral("--audit-plan")};
        const auto r = runSharecast(sampleArgs + sampleRun.plans);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        runs << sampleRun;

        const QString out = tmp_.filePath(QStringLiteral("csv"));
        QDir().mkpath(out);
        QStringList files;
        for (const Run& run : runs)
            files << run.xlsx;
        QString error;
        QVERIFY2(recalculateToCsv(files, out, &error), qPrintable(error));

        int totalCompared = 0;
        for (const Run& run : runs) {
            std::map<QString, std::map<QString, QString>> expected; // plan → column → value
            if (!run.expected.isEmpty()) {
                const QList<QStringList> rows = csvRows(run.expected);
                for (qsizetype i = 1; i < rows.size(); ++i)
                    for (qsizetype c = 1; c < rows[0].size(); ++c)
                        expected[rows[i][0]][rows[0][c]] = rows[i].value(c);
            }
            for (const QString& plan : run.plans) {
                const QString csv = out + QStringLiteral("/%1-Audit %2.csv").arg(run.name, plan);
                const AuditCheck check = checkAudit(csv);
                QVERIFY2(check.failures.isEmpty(),
                         qPrintable(run.name + QStringLiteral(" plan ") + plan + QStringLiteral(":\n") +
                                    check.failures.join(QLatin1Char('\n'))));
                QVERIFY2(check.compared >= 40, qPrintable(run.name + QStringLiteral(" plan ") + plan));
                QCOMPARE(check.reported.size(), std::size_t(7));
                totalCompared += check.compared;
                // The recalculated figures against the hand-worked expected.csv.
                if (expected.count(plan))
                    for (const auto& [column, value] : check.reported)
                        QVERIFY2(std::fabs(value - expected[plan][column].toDouble()) < 0.005,
                                 qPrintable(QStringLiteral("%1 plan %2 %3: %4, expected.csv %5")
                                                .arg(run.name, plan, column)
                                                .arg(value, 0, 'f', 2)
                                                .arg(expected[plan][column])));
            }
        }
        qInfo("compared %d formula cells", totalCompared);

        // A figure checked by hand: capitation_one_sided, plan A (NOTES.md): G = 320,000,
        // P = 0.5 · G = 160,000 (below the 10 % cap of 340,000), federal share of T = 160,000 by
        // the cells' FMAP 0.5 / 0.9 = 117,882.35.
        const AuditCheck a = checkAudit(out + QStringLiteral("/capitation_one_sided-Audit A.csv"));
        QCOMPARE(a.reported.at(QStringLiteral("plan_payment")), 160000.00);
        QVERIFY(std::fabs(a.reported.at(QStringLiteral("federal_share")) - 117882.35) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestXlsxLibreOffice)
#include "tst_xlsx_libreoffice.moc"
