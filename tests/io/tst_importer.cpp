//! Imports into a project (core/io/project/importer.h, and `sharecast import` in app/cli/commands.h):
//! methodology §0 "an import either succeeds whole or changes nothing" and §1's error locations.
//! Every failed or cancelled import is checked against the project file's bytes, read with QFile
//! after the store is closed, before and after. A successful import is checked for its provenance
//! (file name, size, SHA-256 from QCryptographicHash, rows, time within the test's run), its summary
//! and for storing exactly the cells the reader read (doubles compared with ==: storage is exact).

#include "cli/cli.h"
#include "io/csv/experience_csv.h"
#include "io/csv/partnerships_csv.h"
#include "io/csv/quality_csv.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "io_test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using sharecast::ExperienceData;
using sharecast::InputError;
using namespace sharecast::io;
namespace cli = sharecast::cli;
using namespace sharecast::testing;

namespace {

// 3 cells, 2 plans, years 2022–2023, 2 COS; blanks: risk_score 1 (line 2), util_ed_visits 1 (line 3).
const QByteArray kExperience = "plan_id,plan_name,region,rate_cell,year,member_months,risk_score,cost_"
                               "inpatient,cost_pharmacy,util_ed_visits\n"
                               "P1,Fresno Valley Health,Fresno,Child,2022,1000,,100000.5,40000,12\n"
                               "P1,Fresno Valley Health,Fresno,Child,2023,1100,1.02,110000,42000,\n"
                               "P2,\"Sierra, North\",Fresno,Adult,2023,500,0.95,90000,30000,7\n";

// 3 rates (one NA), 2 plans, 2 measures, year 2023.
const QByteArray kQuality = "plan_id,year,measure_id,numerator,denominator,rate\n"
                            "P1,2023,CIS-10,40,50,\n"
                            "P2,2023,CIS-10,,,0.85\n"
                            "P2,2023,PPC,,,\n";

// 4 member rows in 3 cells, 2 plans, years 2023–2024; blanks: risk_score 1, amounts 1.
const QByteArray kMembers =
    "member_id,plan_id,region,rate_cell,year,member_months,risk_score,cost_inpatient,util_ed\n"
    "M1,P1,North,Adult,2023,12,1.5,300000,2\n"
    "M2,P1,North,Adult,2023,6,,100,\n"
    "M3,P1,North,Child,2023,12,0.5,10,0\n"
    "M1,P2,South,Adult,2024,12,1,20,1\n";

// 3 records: 2 contracts (P1 × cbo-1 × meals over 2023–2024, P2 × cbo-2 × ecm), 2 partners,
// 2 plans, years 2023–2024; an outcome not yet measured, a record with no cap and no outcome term.
const QByteArray kPartnerships =
    "plan_id,partner_id,partner_name,service,year,members_engaged,member_months,pmpm,outreach_attempts,"
    "outreach_fee,outreach_cap,outcome_measure,outcome_baseline,outcome_target,outcome_actual,outcome_bonus,"
    "savings_pass_through,operating_cost,grant_ipp,grant_path,grant_other,utilization_avoided\n"
    "P1,cbo-1,\"Meals, Inc.\",community_supports:medically_tailored_meals,2023,120,312,1080.5,300,35,20000,"
    "ed_visits_per_1000,1420,1250,1330,75000,0,350000,100000,150000,0,348000\n"
    "P1,cbo-1,\"Meals, Inc.\",community_supports:medically_tailored_meals,2024,200,520,1125,400,35,20000,"
    "ed_visits_per_1000,1420,1250,,75000,0.01,600000,0,0,0,580000\n"
    "P2,cbo-2,Care Partners,ecm,2024,50,400,350,0,0,,,,,,0,0.1,150000,0,0,0,175000\n";

// An experience file of `rows` distinct cells (several 1 MiB read blocks when large).
QByteArray bigExperience(int rows)
{
    QByteArray out =
        "plan_id,region,rate_cell,year,member_months,risk_score,cost_inpatient,cost_rx,util_ed\n";
    out.reserve(rows * 64);
    for (int i = 0; i < rows; ++i)
        out += QStringLiteral("P%1,R%2,Adult,%3,%4.5,1.%5,%6.25,%7,%8\n")
                   .arg(i % 50)
                   .arg(i / 50)
                   .arg(2020 + i % 4)
                   .arg(i % 997 + 1)
                   .arg(i % 100, 2, 10, QLatin1Char('0'))
                   .arg(i * 13)
                   .arg(i % 7)
                   .arg(i % 11)
                   .toLatin1();
    return out;
}

} // namespace

class TestImporter : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString template_; // a project holding one experience and one quality import

    //! A fresh copy of the template project at name.
    QString projectCopy(const QString& name)
    {
        const QString path = dir_.filePath(name);
        QFile::remove(path);
        return QFile::copy(template_, path) ? path : QString();
    }

    //! A request of the given files' bytes, written under dir with their usual names (an empty
    //! file is not part of the request).
    static ImportRequest requestOf(const QTemporaryDir& dir, const QByteArray& experience,
                                   const QByteArray& quality, const QByteArray& members,
                                   const QByteArray& partnerships)
    {
        ImportRequest request;
        const std::pair<QString*, std::pair<const char*, const QByteArray*>> files[] = {
            {&request.experiencePath, {"experience.csv", &experience}},
            {&request.qualityPath, {"quality.csv", &quality}},
            {&request.membersPath, {"members.csv", &members}},
            {&request.partnershipsPath, {"partnerships.csv", &partnerships}}};
        for (const auto& [path, file] : files)
            if (!file.second->isEmpty())
                *path = writeFile(dir.filePath(QString::fromLatin1(file.first)), *file.second);
        return request;
    }

    //! Imports request into a copy of the template and checks that it fails with an InputError at
    //! file (name), line, column and value, named in the message too, and that the project file
    //! and its folder are byte for byte as before (no dataset of the request stored).
    void expectImportFails(const ImportRequest& request, const QString& file, long line,
                           const QString& column, const QString& value)
    {
        const QString path = projectCopy(QStringLiteral("malformed.sharecast"));
        QVERIFY(!path.isEmpty());
        const QByteArray before = fileBytes(path);
        const QStringList entries = folderEntries(dir_.path());
        {
            auto store = ProjectStore::open(path);
            const auto datasets = store->datasets().size();
            try {
                importFiles(*store, request);
                QFAIL("no InputError");
            } catch (const InputError& e) {
                const auto& where = e.where();
                QCOMPARE(QFileInfo(QString::fromStdString(where.file)).fileName(), file);
                QCOMPARE(where.line, line);
                QCOMPARE(QString::fromStdString(where.column), column);
                QCOMPARE(QString::fromStdString(where.value), value);
                // The message names them too.
                const QString what = QString::fromStdString(e.what());
                if (line > 0)
                    QVERIFY2(what.contains(QStringLiteral("%1:%2").arg(file).arg(line)), e.what());
                if (!column.isEmpty())
                    QVERIFY2(what.contains(column), e.what());
                if (!value.isEmpty())
                    QVERIFY2(what.contains(value), e.what());
            }
            QCOMPARE(store->datasets().size(), datasets);
        }
        QVERIFY2(fileBytes(path) == before, "a failed import changed the project file");
        QCOMPARE(folderEntries(dir_.path()), entries);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        template_ = dir_.filePath(QStringLiteral("template.sharecast"));
        const QString e = writeFile(dir_.filePath(QStringLiteral("base_experience.csv")), kExperience);
        const QString q = writeFile(dir_.filePath(QStringLiteral("base_quality.csv")), kQuality);
        QVERIFY(!e.isEmpty() && !q.isEmpty());
        auto store = ProjectStore::create(template_);
        ImportRequest request;
        request.experiencePath = e;
        request.qualityPath = q;
        QCOMPARE(importFiles(*store, request).datasetIds.size(), 2);
    }

    // clang-format off
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("experience");  // empty: not part of the import
        QTest::addColumn<QByteArray>("quality");
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<QString>("file");           // file named by the error
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");

        const QByteArray eh = "plan_id,plan_name,region,rate_cell,year,member_months,cost_inpatient,util_ed\n";
        const QByteArray e2 = "P1,One,Fresno,Child,2023,100,10,1\n";  // a good line 2
        const QByteArray qh = "plan_id,year,measure_id,numerator,denominator,rate\n";
        const QByteArray q2 = "P1,2023,CIS-10,40,50,\n";
        const QByteArray mh = "member_id,plan_id,region,rate_cell,year,member_months,risk_score,cost_inpatient,util_ed\n";
        const QByteArray m2 = "M1,P1,North,Adult,2023,12,1,100,1\n";
        const QByteArray none;

        QTest::newRow("experience: bad number") << eh + e2 + "P1,One,Fresno,Adult,2023,12x,10,1\n" << none << none
            << "experience.csv" << 3L << "member_months" << "12x";
        QTest::newRow("experience: negative") << eh + e2 + "P1,One,Fresno,Adult,2023,12,-10,1\n" << none << none
            << "experience.csv" << 3L << "cost_inpatient" << "-10";
        QTest::newRow("experience: unknown column") << QByteArray("plan_id,region,rate_cell,year,member_months,colour\n") + "P,R,C,2023,1,red\n"
            << none << none << "experience.csv" << 1L << "colour" << "colour";
        QTest::newRow("experience: duplicate cell key") << eh + e2 + "P1,One,Fresno,Adult,2023,5,1,1\n" + "P1,One,Fresno,Child,2023,7,1,1\n"
            << none << none << "experience.csv" << 4L << "plan_id, region, rate_cell, year" << "P1 | Fresno | Child | 2023";
        QTest::newRow("experience: empty required field") << eh + e2 + "P1,One,,Adult,2023,12,10,1\n" << none << none
            << "experience.csv" << 3L << "region" << "";
        // The quoted plan_name of line 2 holds a line break: the bad record starts on physical line 4.
        QTest::newRow("experience: quoted newline first") << eh + "P1,\"One\nHealth\",Fresno,Child,2023,100,10,1\n"
                                                                  "P1,One,Fresno,Adult,2023,100,abc,1\n"
            << none << none << "experience.csv" << 4L << "cost_inpatient" << "abc";
        QTest::newRow("experience: BOM and CRLF") << "\xEF\xBB\xBF" + QByteArray(eh).replace("\n", "\r\n")
                                                         + QByteArray(e2).replace("\n", "\r\n")
                                                         + "P2,Two,Fresno,Child,2023,100,10,-2\r\n"
            << none << none << "experience.csv" << 3L << "util_ed" << "-2";

        QTest::newRow("quality: bad number") << none << qh + q2 + "P1,2023,PPC,4o,50,\n" << none
            << "quality.csv" << 3L << "numerator" << "4o";
        QTest::newRow("quality: negative") << none << qh + q2 + "P1,2023,PPC,-1,50,\n" << none
            << "quality.csv" << 3L << "numerator" << "-1";
        QTest::newRow("quality: unknown column") << none << QByteArray("plan_id,year,measure_id,rate,score\n") << none
            << "quality.csv" << 1L << "score" << "score";
        QTest::newRow("quality: duplicate key") << none << qh + q2 + "P2,2023,CIS-10,1,2,\n" + "P1,2023,CIS-10,,,0.5\n" << none
            << "quality.csv" << 4L << "plan_id, year, measure_id" << "P1 | 2023 | CIS-10";
        QTest::newRow("quality: empty required field") << none << qh + q2 + "P1,2023,,1,2,\n" << none
            << "quality.csv" << 3L << "measure_id" << "";
        QTest::newRow("quality: quoted newline first") << none << qh + "P1,2023,\"CIS\n10\",40,50,\nP1,2023,PPC,,,1.5\n" << none
            << "quality.csv" << 4L << "rate" << "1.5";
        QTest::newRow("quality: BOM and CRLF") << none << "\xEF\xBB\xBF" + QByteArray(qh).replace("\n", "\r\n")
                                                           + "P1,2023,A,1,2,\r\nP1,2023,B,3,2,\r\n" << none
            << "quality.csv" << 3L << "numerator" << "3";

        QTest::newRow("members: bad number") << none << none << mh + m2 + "M2,P1,North,Adult,2023,12,1,1e,1\n"
            << "members.csv" << 3L << "cost_inpatient" << "1e";
        QTest::newRow("members: negative") << none << none << mh + m2 + "M2,P1,North,Adult,2023,12,1,5,-1\n"
            << "members.csv" << 3L << "util_ed" << "-1";
        QTest::newRow("members: unknown column") << none << none << QByteArray("member_id,plan_id,region,rate_cell,year,member_months,age\n")
            << "members.csv" << 1L << "age" << "age";
        QTest::newRow("members: member listed twice") << none << none << mh + m2 + "M2,P1,North,Adult,2023,12,1,5,1\n" + m2
            << "members.csv" << 4L << "member_id" << "M1";
        QTest::newRow("members: empty required field") << none << none << mh + m2 + "M2,,North,Adult,2023,12,1,5,1\n"
            << "members.csv" << 3L << "plan_id" << "";
        QTest::newRow("members: member_months 13") << none << none << mh + m2 + "M2,P1,North,Adult,2023,13,1,5,1\n"
            << "members.csv" << 3L << "member_months" << "13";
        QTest::newRow("members: quoted newline first") << none << none << mh + "\"M\n1\",P1,North,Adult,2023,12,1,100,1\n"
                                                                                "M2,P1,North,Adult,2023,12,0,5,1\n"
            << "members.csv" << 4L << "risk_score" << "0";
        QTest::newRow("members: BOM and CRLF") << none << none << "\xEF\xBB\xBF" + QByteArray(mh).replace("\n", "\r\n")
                                                                   + QByteArray(m2).replace("\n", "\r\n")
                                                                   + "M2,P1,North,Adult,2023,0,1,5,1\r\n"
            << "members.csv" << 3L << "member_months" << "0";

        // Several files: the good ones are not stored either.
        QTest::newRow("good experience, bad quality") << kExperience << qh + q2 + "P1,2023,PPC,60,50,\n" << none
            << "quality.csv" << 3L << "numerator" << "60";
        QTest::newRow("good quality, bad members") << none << kQuality << mh + "M1,P1,North,Adult,2023,12,1,100,x\n"
            << "members.csv" << 2L << "util_ed" << "x";
        QTest::newRow("experience and members together") << kExperience << none << kMembers
            << "" << 0L << "" << "";
    }
    // clang-format on
    void malformed()
    {
        QFETCH(QByteArray, experience);
        QFETCH(QByteArray, quality);
        QFETCH(QByteArray, members);
        QFETCH(QString, file);
        QFETCH(long, line);
        QFETCH(QString, column);
        QFETCH(QString, value);

        QTemporaryDir inputs;
        expectImportFails(requestOf(inputs, experience, quality, members, {}), file, line, column, value);
    }

    // clang-format off
    //! partnerships.csv goes in with the other files or not at all: an error on its line N (or in
    //! another file of the import) leaves the project byte for byte as it was.
    void malformedPartnerships_data()
    {
        QTest::addColumn<QByteArray>("experience");    // empty: not part of the import
        QTest::addColumn<QByteArray>("quality");
        QTest::addColumn<QByteArray>("partnerships");
        QTest::addColumn<QString>("file");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");

        const QByteArray ph = kPartnerships.left(kPartnerships.indexOf('\n') + 1);
        const QByteArray p2 = "P1,cbo-1,Meals,community_supports:medically_tailored_meals,2023,120,312,1080.5,300,35,20000,"
                              "ed_visits_per_1000,1420,1250,1330,75000,0,350000,100000,150000,0,348000\n";
        const QByteArray badPmpm = ph + p2 + "P1,cbo-1,Meals,community_supports:medically_tailored_meals,2024,200,520,11x5,400,35,"
                                             "20000,ed_visits_per_1000,1420,1250,,75000,0.01,600000,0,0,0,580000\n";
        const QByteArray none;

        QTest::newRow("partnerships: bad number") << none << none << badPmpm
            << "partnerships.csv" << 3L << "pmpm" << "11x5";
        QTest::newRow("partnerships: empty required field") << none << none
            << ph + p2 + ",cbo-2,Care,ecm,2024,50,400,350,0,0,,,,,,0,0.1,150000,0,0,0,175000\n"
            << "partnerships.csv" << 3L << "plan_id" << "";
        QTest::newRow("partnerships: bad year") << none << none
            << ph + "P2,cbo-2,Care,ecm,20x4,50,400,350,0,0,,,,,,0,0.1,150000,0,0,0,175000\n"
            << "partnerships.csv" << 2L << "year" << "20x4";
        // Several files: the good ones are not stored either.
        QTest::newRow("good experience and quality, bad partnerships") << kExperience << kQuality << badPmpm
            << "partnerships.csv" << 3L << "pmpm" << "11x5";
        QTest::newRow("good partnerships, bad quality") << none
            << QByteArray("plan_id,year,measure_id,numerator,denominator,rate\nP1,2023,PPC,60,50,\n") << kPartnerships
            << "quality.csv" << 2L << "numerator" << "60";
    }
    // clang-format on
    void malformedPartnerships()
    {
        QFETCH(QByteArray, experience);
        QFETCH(QByteArray, quality);
        QFETCH(QByteArray, partnerships);
        QFETCH(QString, file);
        QFETCH(long, line);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QTemporaryDir inputs;
        expectImportFails(requestOf(inputs, experience, quality, {}, partnerships), file, line, column,
                          value);
    }

    //! A partnerships import: its provenance (name, size, SHA-256, rows, summary), the records
    //! exactly as the reader read them, active beside the project's experience and quality.
    void partnershipsImport()
    {
        QTemporaryDir inputs;
        const QString file = writeFile(inputs.filePath(QStringLiteral("partnerships.csv")), kPartnerships);
        const QString path = projectCopy(QStringLiteral("partnerships.sharecast"));
        ImportRequest request;
        request.partnershipsPath = file;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        ImportReport report;
        {
            auto store = ProjectStore::open(path);
            report = importFiles(*store, request);
        }
        const QDateTime end = QDateTime::currentDateTimeUtc();
        QCOMPARE(report.summaries,
                 QStringList{QString::fromUtf8(
                     "partnerships.csv: 2 contracts, 2 partners, 2 plans, years 2023–2024")});
        QCOMPARE(report.datasetIds.size(), 1);

        auto store = ProjectStore::open(path);
        const std::optional<DatasetInfo> active = store->activeDataset(DatasetKind::Partnerships);
        QVERIFY(active);
        QCOMPARE(active->id, report.datasetIds[0]);
        QCOMPARE(toString(active->kind), QStringLiteral("partnerships"));
        const Provenance& p = active->provenance;
        QCOMPARE(p.sourceName, QStringLiteral("partnerships.csv"));
        QCOMPARE(p.sourceSize, qint64(kPartnerships.size()));
        QCOMPARE(p.sha256, QString::fromLatin1(
                               QCryptographicHash::hash(kPartnerships, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(p.rowCount, qint64(3));
        QCOMPARE(p.summary, report.summaries[0]);
        QVERIFY(p.importedAt >= start && p.importedAt <= end);
        // The template's experience and quality stay active beside it.
        QCOMPARE(store->activeDataset(DatasetKind::Experience)->provenance.sourceName,
                 QStringLiteral("base_experience.csv"));
        QCOMPARE(store->activeDataset(DatasetKind::Quality)->provenance.sourceName,
                 QStringLiteral("base_quality.csv"));

        const sharecast::PartnershipData read = readPartnershipsFile(file);
        QCOMPARE(read.records.size(), std::size_t(3));
        const sharecast::PartnershipData loaded = store->loadPartnerships(active->id);
        const QString diff = partnershipsDiff(loaded, read);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(QString::fromStdString(loaded.sourceName), QStringLiteral("partnerships.csv"));
        QVERIFY(!loaded.records[1].outcomeActual);
        QVERIFY(!loaded.records[2].outreachCap);

        // One contract, partner and plan, one year: said in the singular.
        const qsizetype firstRowEnd = kPartnerships.indexOf('\n', kPartnerships.indexOf('\n') + 1);
        const QString one =
            writeFile(inputs.filePath(QStringLiteral("one.csv")), kPartnerships.left(firstRowEnd + 1));
        request.partnershipsPath = one;
        QCOMPARE(prepareImport(request).report.summaries,
                 QStringList{QStringLiteral("one.csv: 1 contract, 1 partner, 1 plan, years 2023")});
    }

    //! `sharecast import --partnerships`: the file goes in, or nothing changes and the error names
    //! the file, line, column and value.
    void commandImportsPartnerships()
    {
        QTemporaryDir work;
        const QString good = writeFile(work.filePath(QStringLiteral("partnerships.csv")), kPartnerships);
        QByteArray badBytes = kPartnerships;
        badBytes.replace(",1080.5,", ",1O80.5,");
        QVERIFY(QDir(work.path()).mkpath(QStringLiteral("bad")));
        const QString bad = writeFile(work.filePath(QStringLiteral("bad/partnerships.csv")), badBytes);
        const QString project = work.filePath(QStringLiteral("p.sharecast"));
        QVERIFY(QFile::copy(template_, project));

        const QByteArray before = fileBytes(project);
        cli::CommandResult r = cli::execute({QStringLiteral("import"), QStringLiteral("--project"), project,
                                             QStringLiteral("--partnerships"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("partnerships.csv:2")) &&
                     r.err.contains(QStringLiteral("pmpm")) && r.err.contains(QStringLiteral("1O80.5")),
                 qPrintable(r.err));
        QVERIFY(fileBytes(project) == before);

        r = cli::execute({QStringLiteral("import"), QStringLiteral("--project"), project,
                          QStringLiteral("--partnerships"), good});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QString::fromUtf8("imported partnerships.csv: 2 contracts, 2 partners, 2 plans, "
                                             "years 2023–2024")),
            qPrintable(r.out));
        auto store = ProjectStore::openForReading(project);
        QCOMPARE(store->datasets().size(), 3);
        QCOMPARE(store->loadPartnerships(store->activeDataset(DatasetKind::Partnerships)->id).records.size(),
                 std::size_t(3));
    }

    //! The byte comparison above can see an import: a successful one changes the file.
    void successChangesTheFile()
    {
        QTemporaryDir inputs;
        ImportRequest request;
        request.qualityPath = writeFile(inputs.filePath(QStringLiteral("quality.csv")), kQuality);
        const QString path = projectCopy(QStringLiteral("success.sharecast"));
        const QByteArray before = fileBytes(path);
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(importFiles(*store, request).datasetIds.size(), 1);
        }
        QVERIFY(fileBytes(path) != before);
    }

    // clang-format off
    void cancel_data()
    {
        QTest::addColumn<int>("cancelAt");  // the poll that cancels; 0: the last poll of the import
        QTest::newRow("first poll") << 1;
        QTest::newRow("second poll") << 2;
        QTest::newRow("last poll") << 0;
    }
    // clang-format on
    void cancel()
    {
        QFETCH(int, cancelAt);
        QTemporaryDir inputs;
        ImportRequest request;
        request.experiencePath =
            writeFile(inputs.filePath(QStringLiteral("experience.csv")), bigExperience(80000));
        request.qualityPath = writeFile(inputs.filePath(QStringLiteral("quality.csv")), kQuality);
        const qint64 total = QFileInfo(request.experiencePath).size() + QFileInfo(request.qualityPath).size();
        QVERIFY(total > 2 * (qint64(1) << 20)); // several read blocks

        // A full run counts the polls and checks progress: non-decreasing, ending at the total.
        int polls = 0;
        QList<QPair<qint64, qint64>> progress;
        ImportControl counting;
        counting.cancelled = [&] { return ++polls < 0; };
        counting.progress = [&](qint64 read, qint64 of) { progress.append({read, of}); };
        prepareImport(request, counting);
        QVERIFY(polls >= 3);
        QVERIFY(!progress.isEmpty());
        for (int i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].first >= progress[i - 1].first);
        QCOMPARE(progress.last(), qMakePair(total, total));

        const QString path = projectCopy(QStringLiteral("cancel.sharecast"));
        const QByteArray before = fileBytes(path);
        const int stopAt = cancelAt == 0 ? polls : cancelAt;
        {
            auto store = ProjectStore::open(path);
            int calls = 0;
            ImportControl control;
            control.cancelled = [&] { return ++calls >= stopAt; };
            QVERIFY_THROWS_EXCEPTION(ImportCancelled, importFiles(*store, request, control));
            QCOMPARE(calls, stopAt);
            QCOMPARE(store->datasets().size(), 2);
        }
        QVERIFY2(fileBytes(path) == before, "a cancelled import changed the project file");
    }

    // clang-format off
    void provenance_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QStringList>("summary");  // fragments the summary must hold

        QTest::newRow("small") << kExperience << qint64(3)
            << QStringList{"experience.csv: 3 cells", "2 plans", QString::fromUtf8("years 2022–2023"),
                           "2 categories of service", "blanks counted as default", "risk_score 1", "util_ed_visits 1"};
        QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF" + QByteArray(kExperience).replace("\n", "\r\n") << qint64(3)
            << QStringList{"3 cells", "2 plans", QString::fromUtf8("years 2022–2023"), "risk_score 1"};
        // 80,000 cells (about 3 MB) over several 1 MiB blocks: the digest must cover every block.
        QTest::newRow("several read blocks") << bigExperience(80000) << qint64(80000)
            << QStringList{"80000 cells", "50 plans", QString::fromUtf8("years 2020–2023"), "2 categories of service"};
    }
    // clang-format on
    void provenance()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, rows);
        QFETCH(QStringList, summary);
        QTemporaryDir inputs;
        const QString experiencePath = writeFile(inputs.filePath(QStringLiteral("experience.csv")), bytes);
        const QString qualityPath = writeFile(inputs.filePath(QStringLiteral("quality.csv")), kQuality);
        const QString path = inputs.filePath(QStringLiteral("p.sharecast"));
        ImportRequest request;
        request.experiencePath = experiencePath;
        request.qualityPath = qualityPath;

        const QDateTime start = QDateTime::currentDateTimeUtc();
        ImportReport report;
        {
            auto store = ProjectStore::create(path);
            report = importFiles(*store, request);
        }
        const QDateTime end = QDateTime::currentDateTimeUtc();
        QCOMPARE(report.datasetIds.size(), 2);
        QCOMPARE(report.summaries.size(), 2);
        QVERIFY(report.warnings.isEmpty());

        auto store = ProjectStore::open(path);
        const QList<DatasetInfo> sets = store->datasets();
        QCOMPARE(sets.size(), 2);
        const DatasetInfo& e = sets[0];
        QCOMPARE(e.id, report.datasetIds[0]);
        QCOMPARE(toString(e.kind), QStringLiteral("experience"));
        QVERIFY(e.active);
        QCOMPARE(e.provenance.sourceName, QStringLiteral("experience.csv"));
        QCOMPARE(e.provenance.sourceSize, qint64(bytes.size()));
        QCOMPARE(e.provenance.sourceSize, QFileInfo(experiencePath).size());
        QCOMPARE(e.provenance.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(e.provenance.rowCount, rows);
        QVERIFY2(e.provenance.importedAt >= start && e.provenance.importedAt <= end,
                 qPrintable(e.provenance.importedAt.toString(Qt::ISODateWithMs)));
        QCOMPARE(e.provenance.summary, report.summaries[0]);
        for (const QString& fragment : summary)
            QVERIFY2(e.provenance.summary.contains(fragment),
                     qPrintable(e.provenance.summary + " lacks " + fragment));

        const DatasetInfo& q = sets[1];
        QCOMPARE(toString(q.kind), QStringLiteral("quality"));
        QCOMPARE(q.provenance.sourceName, QStringLiteral("quality.csv"));
        QCOMPARE(q.provenance.sourceSize, qint64(kQuality.size()));
        QCOMPARE(q.provenance.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(kQuality, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(q.provenance.rowCount, qint64(3));
        QVERIFY(q.provenance.importedAt >= start && q.provenance.importedAt <= end);
        for (const char* fragment : {"quality.csv: 3 rates", "2 plans", "2 measures", "years 2023"})
            QVERIFY2(q.provenance.summary.contains(QString::fromLatin1(fragment)),
                     qPrintable(q.provenance.summary));

        // Stored exactly as the reader read the file.
        const ExperienceData read = readExperienceFile(experiencePath);
        const ExperienceData loaded = store->loadExperience(e.id);
        const QString diff = experienceDiff(loaded, read);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(QString::fromStdString(loaded.sourceName), QStringLiteral("experience.csv"));
        const sharecast::QualityData qualityRead = readQualityFile(qualityPath);
        const sharecast::QualityData qualityLoaded = store->loadQuality(q.id);
        QCOMPARE(qualityLoaded.records.size(), qualityRead.records.size());
        for (std::size_t i = 0; i < qualityRead.records.size(); ++i) {
            const auto& a = qualityLoaded.records[i];
            const auto& b = qualityRead.records[i];
            QCOMPARE(a.planId, b.planId);
            QCOMPARE(a.year, b.year);
            QCOMPARE(a.measureId, b.measureId);
            QCOMPARE(a.numerator, b.numerator);
            QCOMPARE(a.denominator, b.denominator);
            QVERIFY(a.rate == b.rate);
            QCOMPARE(a.sourceLine, b.sourceLine);
        }

        // The import is in the run log, with its summaries.
        QSqlQuery log(store->database());
        QVERIFY(log.exec(QStringLiteral("SELECT command, detail FROM run_log")));
        QVERIFY(log.next());
        QCOMPARE(log.value(0).toString(), QStringLiteral("import"));
        QCOMPARE(log.value(1).toString(), report.summaries.join(u'\n'));
        QVERIFY(!log.next());
    }

    void membersImport()
    {
        QTemporaryDir inputs;
        const QString membersPath = writeFile(inputs.filePath(QStringLiteral("members.csv")), kMembers);
        const QString path = projectCopy(QStringLiteral("members.sharecast"));
        ImportRequest request;
        request.membersPath = membersPath;
        request.memberOptions.truncationThreshold = 250000.0;
        const PreparedImport prepared = prepareImport(request);
        QVERIFY(prepared.members);
        const QDateTime start = QDateTime::currentDateTimeUtc();
        qint64 id = 0;
        {
            auto store = ProjectStore::open(path);
            const ImportReport report = storeImport(*store, prepared);
            QCOMPARE(report.datasetIds.size(), 1);
            id = report.datasetIds[0];
        }
        const QDateTime end = QDateTime::currentDateTimeUtc();
        auto store = ProjectStore::open(path);
        const std::optional<DatasetInfo> active = store->activeDataset(DatasetKind::Experience);
        QVERIFY(active);
        QCOMPARE(active->id, id);
        QCOMPARE(toString(active->kind), QStringLiteral("members"));
        const Provenance& p = active->provenance;
        QCOMPARE(p.sourceName, QStringLiteral("members.csv"));
        QCOMPARE(p.sourceSize, qint64(kMembers.size()));
        QCOMPARE(p.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(kMembers, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(p.rowCount, qint64(4));
        QVERIFY(p.importedAt >= start.addMSecs(-60000) && p.importedAt <= end); // prepared a moment earlier
        for (const QString& fragment :
             {QStringLiteral("members.csv: 4 member rows aggregated to 3 cells"), QStringLiteral("2 plans"),
              QString::fromUtf8("years 2023–2024"), QStringLiteral("truncation at 250000.00"),
              QStringLiteral("risk_score 1, amounts 1")})
            QVERIFY2(p.summary.contains(fragment), qPrintable(p.summary + " lacks " + fragment));
        // The quality dataset of the template stays active beside it.
        QCOMPARE(toString(store->activeDataset(DatasetKind::Quality)->kind), QStringLiteral("quality"));

        const QString diff = experienceDiff(store->loadExperience(id), prepared.members->cells);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const MemberAggregates agg = store->loadMemberAggregates(id);
        QCOMPARE(agg.cells.size(), std::size_t(3));
        // Cell (P1, North, Adult, 2023): M1 300000 (excess 50000) and M2 100; Σ² = 9·10¹⁰ + 10⁴.
        QCOMPARE(agg.cells[0].members, qint64(2));
        QVERIFY(agg.cells[0].memberMonths == 18.0);
        QVERIFY(agg.cells[0].costSum == 300100.0);
        QVERIFY(agg.cells[0].costSumSquares == 90000010000.0);
        QVERIFY(agg.cells[0].excessSum == 50000.0);
        QVERIFY(agg.truncationThreshold == 250000.0);
        QCOMPARE(agg.includedCos, std::vector<std::string>{"inpatient"});
    }

    // clang-format off
    void command_data()
    {
        QTest::addColumn<QString>("project");     // none | existing | text | missing-folder | empty-path
        QTest::addColumn<QByteArray>("experience");
        QTest::addColumn<QByteArray>("quality");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");     // in out (success) or err (failure)
        QTest::addColumn<int>("datasets");        // in the project afterwards; -1: no project file

        const QByteArray bad = "plan_id,region,rate_cell,year,member_months\nP1,R,C,2023,-4\n";
        QTest::newRow("new project") << "none" << kExperience << kQuality << 0 << "imported experience.csv: 3 cells" << 2;
        QTest::newRow("new project, quality only") << "none" << QByteArray() << kQuality << 0 << "imported quality.csv: 3 rates" << 1;
        QTest::newRow("new project, bad experience") << "none" << bad << kQuality << 2 << "experience.csv:2: column 'member_months', value '-4'" << -1;
        QTest::newRow("new project, bad quality") << "none" << kExperience << QByteArray("plan_id,year\n") << 2 << "quality.csv:1" << -1;
        QTest::newRow("new project, missing input") << "none" << QByteArray("(missing)") << QByteArray() << 2 << "no such file" << -1;
        QTest::newRow("existing project") << "existing" << kExperience << QByteArray() << 0 << "imported experience.csv" << 3;
        QTest::newRow("existing project, bad experience") << "existing" << bad << QByteArray() << 2 << "experience.csv:2" << 2;
        QTest::newRow("not a project") << "text" << kExperience << QByteArray() << 2 << "not a Sharecast project" << -1;
        QTest::newRow("folder missing") << "missing-folder" << kExperience << QByteArray() << 2 << "does not exist" << -1;
        QTest::newRow("no project named") << "empty-path" << kExperience << QByteArray() << 2 << "needs --project" << -1;
        QTest::newRow("no input named") << "none" << QByteArray() << QByteArray() << 2 << "needs --experience" << -1;
    }
    // clang-format on
    void command()
    {
        QFETCH(QString, project);
        QFETCH(QByteArray, experience);
        QFETCH(QByteArray, quality);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(int, datasets);

        QTemporaryDir work;
        const QString inputs = work.filePath(QStringLiteral("in"));
        const QString projects = work.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(inputs) && QDir().mkpath(projects));
        struct {
            QString projectPath, experiencePath, qualityPath;
        } request;
        if (experience == "(missing)")
            request.experiencePath = work.filePath(QStringLiteral("in/experience.csv"));
        else if (!experience.isEmpty())
            request.experiencePath =
                writeFile(work.filePath(QStringLiteral("in/experience.csv")), experience);
        if (!quality.isEmpty())
            request.qualityPath = writeFile(work.filePath(QStringLiteral("in/quality.csv")), quality);
        request.projectPath = work.filePath(QStringLiteral("out/p.sharecast"));
        if (project == QLatin1String("existing"))
            QVERIFY(QFile::copy(template_, request.projectPath));
        else if (project == QLatin1String("text"))
            QVERIFY(!writeFile(request.projectPath, "not a project\n").isEmpty());
        else if (project == QLatin1String("missing-folder"))
            request.projectPath = work.filePath(QStringLiteral("nowhere/p.sharecast"));
        else if (project == QLatin1String("empty-path"))
            request.projectPath.clear();

        const bool existed = QFileInfo::exists(request.projectPath);
        const QByteArray before = fileBytes(request.projectPath);
        const QStringList entries = folderEntries(projects);
        QStringList args{QStringLiteral("import")};
        for (const auto& [option, value] :
             {std::pair{"--project", request.projectPath}, std::pair{"--experience", request.experiencePath},
              std::pair{"--quality", request.qualityPath}})
            if (!value.isEmpty())
                args << QLatin1String(option) << value;
        const cli::CommandResult result = cli::execute(args);
        QVERIFY2(
            result.exitCode == exitCode,
            qPrintable(QStringLiteral("exit %1: %2%3").arg(result.exitCode).arg(result.out, result.err)));
        QVERIFY2((exitCode == 0 ? result.out : result.err).contains(message),
                 qPrintable(result.out + result.err));

        if (exitCode != 0) {
            // Nothing left behind, nothing changed.
            QCOMPARE(folderEntries(projects), entries);
            QCOMPARE(QFileInfo::exists(request.projectPath), existed);
            if (existed)
                QVERIFY2(fileBytes(request.projectPath) == before,
                         "a failed import changed the project file");
        } else {
            QCOMPARE(folderEntries(projects), QStringList{"p.sharecast"}); // no p.sharecast.importing
        }
        if (datasets >= 0) {
            auto store = ProjectStore::open(request.projectPath);
            QCOMPARE(store->datasets().size(), datasets);
        } else if (project != QLatin1String("text") && !request.projectPath.isEmpty()) {
            QVERIFY(!QFileInfo::exists(request.projectPath));
        }
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
