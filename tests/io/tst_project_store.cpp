//! The project file (core/io/project/project_store.h): one SQLite database with a schema version in
//! PRAGMA user_version, migrated forward on open. Checked here: create/open/reopen, metadata,
//! rejection of files that are not (this version's) projects without touching them, the migration
//! of version-1 and version-4 files built by the test from the frozen schemas of those versions,
//! the active-dataset rules, lossless storage of every figure (doubles compared exactly: SQLite
//! REAL and the cost BLOBs hold IEEE-754 binary64 unchanged), and batches that store all or
//! nothing.

#include "io/project/project_store.h"
#include "io_test_support.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>

using sharecast::ExperienceCell;
using sharecast::ExperienceData;
using sharecast::PartnershipData;
using sharecast::PartnershipRecord;
using sharecast::QualityData;
using sharecast::QualityRecord;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

// The version-1 schema exactly as Sharecast 1 wrote it (frozen copy of kMigration1 in
// core/io/project/project_store.cpp). Never edit: files in the field were made by these statements.
const char* const kFrozenV1Schema[] = {
    "CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE dataset ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('experience', 'quality', 'members')),"
    " source_name TEXT NOT NULL, source_size INTEGER NOT NULL, sha256 TEXT NOT NULL,"
    " row_count INTEGER NOT NULL, imported_at TEXT NOT NULL,"
    " warnings TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',"
    " active INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE dataset_column ("
    " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL CHECK (kind IN ('cost', 'util')), position INTEGER NOT NULL, name TEXT NOT NULL,"
    " PRIMARY KEY (dataset_id, kind, position))",
    "CREATE TABLE experience_cell ("
    " id INTEGER PRIMARY KEY,"
    " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
    " plan_id TEXT NOT NULL, plan_name TEXT NOT NULL DEFAULT '', region TEXT NOT NULL, rate_cell TEXT NOT "
    "NULL,"
    " year INTEGER NOT NULL, member_months REAL NOT NULL, risk_score REAL NOT NULL,"
    " excess_over_threshold REAL NOT NULL, capitation_revenue REAL NOT NULL, admin_cost REAL NOT NULL,"
    " claims_denied REAL NOT NULL, claims_total REAL NOT NULL, grievances REAL NOT NULL,"
    " costs BLOB NOT NULL, utils BLOB NOT NULL, source_line INTEGER NOT NULL,"
    " UNIQUE (dataset_id, plan_id, region, rate_cell, year))",
    "CREATE TABLE quality_rate ("
    " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
    " plan_id TEXT NOT NULL, year INTEGER NOT NULL, measure_id TEXT NOT NULL,"
    " numerator INTEGER, denominator INTEGER, rate REAL, source_line INTEGER NOT NULL,"
    " PRIMARY KEY (dataset_id, plan_id, year, measure_id))",
    "CREATE TABLE run_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, command TEXT NOT NULL, detail TEXT NOT "
    "NULL)",
};

// The version-2 additions (for hand-made files of a later version).
const char* const kV2Additions[] = {
    "CREATE TABLE member_aggregate ("
    " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
    " plan_id TEXT NOT NULL, region TEXT NOT NULL, rate_cell TEXT NOT NULL, year INTEGER NOT NULL,"
    " members INTEGER NOT NULL, member_months REAL NOT NULL,"
    " cost_sum REAL NOT NULL, cost_sum_squares REAL NOT NULL, excess_sum REAL NOT NULL,"
    " PRIMARY KEY (dataset_id, plan_id, region, rate_cell, year))",
    "CREATE TABLE member_aggregate_setting ("
    " dataset_id INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,"
    " truncation_threshold REAL NOT NULL, included_cos TEXT NOT NULL)",
};

// The version-3 and version-4 additions exactly as those versions wrote them (frozen copies of
// kMigration3 and kMigration4). Never edit.
const char* const kV3Additions[] = {
    "CREATE TABLE scenario ("
    " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL, modified_at TEXT NOT NULL,"
    " derived_from INTEGER REFERENCES scenario(id) ON DELETE SET NULL,"
    " preset TEXT NOT NULL DEFAULT '', current_version INTEGER NOT NULL)",
    "CREATE TABLE scenario_version ("
    " scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,"
    " version INTEGER NOT NULL, saved_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', archive BLOB NOT NULL,"
    " PRIMARY KEY (scenario_id, version))",
};
const char* const kV4Additions[] = {
    "ALTER TABLE member_aggregate ADD COLUMN truncated_sum REAL",
    "ALTER TABLE member_aggregate ADD COLUMN truncated_sum_squares REAL",
};

// Where two byte strings differ, for failure messages ("" when equal).
QString byteDiff(const QByteArray& got, const QByteArray& want)
{
    if (got == want)
        return {};
    QStringList at;
    const qsizetype n = std::min(got.size(), want.size());
    for (qsizetype i = 0; i < n && at.size() < 8; ++i)
        if (got[i] != want[i])
            at << QStringLiteral("byte %1: %2 -> %3")
                      .arg(i)
                      .arg(static_cast<unsigned char>(want[i]))
                      .arg(static_cast<unsigned char>(got[i]));
    return QStringLiteral("the file changed (%1 bytes before, %2 after; %3)")
        .arg(want.size())
        .arg(got.size())
        .arg(at.join(QStringLiteral(", ")));
}

// Runs work on a plain SQLite connection to path (created when absent), outside ProjectStore.
// Returns the first SQL error, or an empty string.
QString withSqlite(const QString& path, const std::function<QString(QSqlDatabase&)>& work)
{
    static int counter = 0;
    const QString name = QStringLiteral("tst-raw-%1").arg(++counter);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            error = db.lastError().text();
        else
            error = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString execAll(QSqlDatabase& db, const QStringList& statements)
{
    QSqlQuery q(db);
    for (const QString& s : statements)
        if (!q.exec(s))
            return s + QStringLiteral(": ") + q.lastError().text();
    return {};
}

QStringList statements(const char* const* list, std::size_t n)
{
    QStringList out;
    for (std::size_t i = 0; i < n; ++i)
        out << QString::fromLatin1(list[i]);
    return out;
}

QVariant scalar(const QString& path, const QString& sql)
{
    QVariant value;
    withSqlite(path, [&](QSqlDatabase& db) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            value = q.value(0);
        return QString();
    });
    return value;
}

// Little-endian IEEE-754 binary64, the on-disk form of the costs/utils BLOBs.
QByteArray packed(const std::vector<double>& values)
{
    QByteArray out;
    for (double v : values) {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        char le[8];
        qToLittleEndian(bits, le);
        out.append(le, 8);
    }
    return out;
}

// Figures chosen to catch any lossy step: non-terminating binary fractions, 17-digit values, the
// extremes of double, a subnormal, and integers beyond 2^53's neighbourhood.
ExperienceData awkwardExperience()
{
    ExperienceData d;
    d.sourceName = "experience.csv";
    d.cosNames = {"inpatient", "pharmacy"};
    d.utilNames = {"ed_visits"};
    d.planNames = {{"P1", "Alpha, \"Best\"\nPlan"}, {"P2", "Salud Año"}};
    ExperienceCell a;
    a.planId = "P1";
    a.region = "Los Angeles, North";
    a.rateCell = "SPD/Dual";
    a.year = 2023;
    a.memberMonths = 0.1;
    a.riskScore = 1.0 / 3.0;
    a.cost = {1234567.89, 1e-7};
    a.excessOverThreshold = 1e-7;
    a.util = {123456789012.34};
    a.capitationRevenue = 1.7976931348623157e308;
    a.adminCost = 4.9406564584124654e-324; // smallest subnormal
    a.claimsDenied = 0.5;
    a.claimsTotal = 9007199254740993.0; // rounds to 2^53 + 2 as a double; stored as written
    a.grievances = 2.0 / 3.0;
    a.sourceLine = 2;
    ExperienceCell b;
    b.planId = "P2";
    b.region = " spaced ";
    b.rateCell = "Child";
    b.year = 2024;
    b.memberMonths = 120.0;
    b.riskScore = 1.0;
    b.cost = {0.0, 100.25};
    b.util = {0.0};
    b.sourceLine = 5;
    ExperienceCell c = b;
    c.planId = "P3"; // no plan name
    c.year = 1999;
    c.memberMonths = 1e15 + 0.125;
    c.sourceLine = 6;
    d.cells = {a, b, c};
    return d;
}

Provenance provenance(const QString& name, const QDateTime& at = QDateTime())
{
    Provenance p;
    p.sourceName = name;
    p.sourceSize = 4321;
    p.sha256 = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    p.rowCount = 3;
    p.importedAt = at.isValid() ? at : QDateTime(QDate(2025, 2, 3), QTime(4, 5, 6, 789), QTimeZone::utc());
    p.summary = name + QStringLiteral(": a summary");
    return p;
}

// Partnership records chosen to catch any lossy step or reordering: not sorted by plan (file
// order must be kept), text with quotes, commas, a line break and non-ASCII letters, an empty
// partner name, the extremes of double, a subnormal, 17-digit values, a cap of 0 beside an absent
// cap, an outcome term without a measurement and a record without an outcome term.
PartnershipData awkwardPartnerships()
{
    PartnershipData d;
    d.sourceName = "partnerships.csv";
    PartnershipRecord a;
    a.planId = "P2";
    a.partnerId = "cbo-1";
    a.partnerName = "Año Nuevo Meals, \"Inc.\"\nKitchen";
    a.service = "community_supports:medically_tailored_meals";
    a.year = 2024;
    a.membersEngaged = 1.0 / 3.0;
    a.memberMonths = 0.1;
    a.pmpm = 1234.5678901234567;
    a.outreachAttempts = 12345678901.0;
    a.outreachFee = 1e-7;
    a.outreachCap = 1.7976931348623157e308;
    a.outcomeMeasure = "ed_visits_per_1000";
    a.outcomeBaseline = 1850.25;
    a.outcomeTarget = 1600.0;
    a.outcomeActual = 1e-300;
    a.outcomeBonus = 250000.01;
    a.savingsPassThrough = 0.15;
    a.operatingCost = 4.9406564584124654e-324; // smallest subnormal
    a.grantIpp = 1.5e6;
    a.grantPath = 2.0 / 3.0;
    a.grantOther = 0.0;
    a.utilizationAvoided = 9007199254740993.0; // rounds to 2^53 + 2 as a double; stored as written
    a.sourceLine = 7;
    PartnershipRecord b;
    b.planId = "P1";
    b.partnerId = "cbo-2";
    b.partnerName = ""; // the reader fills it with the id; the store keeps what it is given
    b.service = "ecm";
    b.year = 2022;
    b.sourceLine = 3; // no cap, no outcome term, every figure 0
    PartnershipRecord c = b;
    c.partnerName = "cbo-2";
    c.year = 2023;
    c.pmpm = 355.0;
    c.outreachCap = 0.0;
    c.outcomeMeasure = "housing_retention_rate";
    c.outcomeBaseline = 0.7;
    c.outcomeTarget = 0.8;
    c.outcomeBonus = 60000.0; // not yet measured: no actual
    c.sourceLine = 4;
    d.records = {a, b, c};
    return d;
}

QString activeId(const ProjectStore& store, DatasetKind kind)
{
    const std::optional<DatasetInfo> d = store.activeDataset(kind);
    return d ? QString::number(d->id) : QStringLiteral("none");
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            auto store = ProjectStore::create(path);
            QCOMPARE(store->path(), path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion);
            QCOMPARE(store->metadata(QStringLiteral("application")), QStringLiteral("sharecast"));
            QVERIFY(store->datasets().isEmpty());
            QVERIFY(!store->activeDataset(DatasetKind::Experience));
            QVERIFY(!store->activeDataset(DatasetKind::Quality));
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), ProjectStore::kSchemaVersion);
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion);
            QCOMPARE(ProjectStore::kSchemaVersion, 6);
        }
        {
            auto store = ProjectStore::openOrCreate(path); // exists: opened, not recreated
            store->setMetadata(QStringLiteral("name"), QStringLiteral("kept"));
        }
        QCOMPARE(ProjectStore::openOrCreate(path)->metadata(QStringLiteral("name")), QStringLiteral("kept"));
        const QString other = dir.filePath(QStringLiteral("new.sharecast"));
        QCOMPARE(ProjectStore::openOrCreate(other)->schemaVersion(), ProjectStore::kSchemaVersion);
        QVERIFY(QFile::exists(other));
    }

    //! A warehouse import's provenance keeps its statement (schema 6); a file's has none.
    void provenanceKeepsTheQuery()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.sharecast"));
        Provenance p = provenance(QStringLiteral("postgresql://u@h:5432/db table s.t"));
        p.query = QStringLiteral("SELECT r.plan_id\nFROM (SELECT 1) AS r");
        {
            auto store = ProjectStore::create(path);
            store->addExperience(ExperienceData{}, provenance(QStringLiteral("experience.csv")));
            store->addExperience(ExperienceData{}, p);
        }
        const auto store = ProjectStore::openForReading(path);
        const QList<DatasetInfo> d = store->datasets();
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].provenance.query, QString());
        QCOMPARE(d[1].provenance.query, p.query);
        QCOMPARE(d[1].provenance.sourceName, p.sourceName);
    }

    void createRefusesAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("my notes\n");
        f.close();
        try {
            ProjectStore::create(path);
            QFAIL("no ProjectError");
        } catch (const ProjectError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(path), e.what());
        }
        QCOMPARE(fileBytes(path), QByteArray("my notes\n"));
    }

    // clang-format off
    void metadata_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << "name" << "Medi-Cal SSP 2025" << "Medi-Cal SSP 2025";
        QTest::newRow("unicode") << "name" << QString::fromUtf8("Año fiscal — prueba ✓") << QString::fromUtf8("Año fiscal — prueba ✓");
        QTest::newRow("multi-line") << "synthetic_notice" << "line 1\nline 2, \"quoted\"" << "line 1\nline 2, \"quoted\"";
        QTest::newRow("empty text") << "note" << QStringLiteral("") << "";
        // A null QString is Qt's empty text too: storing it must not fail on the NOT NULL column.
        QTest::newRow("null text") << "note" << QString() << "";
        QTest::newRow("SQL in the value") << "note" << "'); DROP TABLE dataset; --" << "'); DROP TABLE dataset; --";
        QTest::newRow("long") << "note" << QString(100000, u'x') << QString(100000, u'x');
    }
    // clang-format on
    void metadata()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            auto store = ProjectStore::create(path);
            QCOMPARE(store->metadata(key), QString()); // unset: empty
            store->setMetadata(key, QStringLiteral("first"));
            try {
                store->setMetadata(key, value); // overwrites
            } catch (const ProjectError& e) {
                QFAIL(e.what());
            }
            QCOMPARE(store->metadata(key), expected);
        }
        auto store = ProjectStore::open(path);
        QCOMPARE(store->metadata(key), expected);
        QCOMPARE(store->metadata(QStringLiteral("application")), QStringLiteral("sharecast"));
        QCOMPARE(store->metadata(QStringLiteral("no such key")), QString());
        QCOMPARE(store->datasets().size(), 0); // the SQL-looking value did nothing
    }

    // clang-format off
    void openRejects_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("message");  // a fragment of the error, besides the path

        QTest::newRow("missing file") << "missing" << "no such project file";
        QTest::newRow("text file") << "text" << "not a Sharecast project";
        QTest::newRow("empty file") << "empty" << "not a Sharecast project";
        QTest::newRow("SQLite, no schema") << "sqlite-plain" << "not a Sharecast project";
        QTest::newRow("SQLite, other program's user_version") << "sqlite-foreign-version" << "not a Sharecast project";
        QTest::newRow("SQLite, our tables, other application") << "sqlite-other-application" << "not a Sharecast project";
        QTest::newRow("newer schema (made by a newer Sharecast)") << "newer" << "newer Sharecast";
        QTest::newRow("newer schema, rollback journal") << "newer-rollback" << "newer Sharecast";
    }
    // clang-format on
    void openRejects()
    {
        QFETCH(QString, setup);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.sharecast"));
        const QStringList v1 = statements(kFrozenV1Schema, std::size(kFrozenV1Schema));
        const QStringList v2 = v1 + statements(kV2Additions, std::size(kV2Additions));
        QString error;
        if (setup == QLatin1String("text") || setup == QLatin1String("empty")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            if (setup == QLatin1String("text"))
                f.write("plan_id,region\nP1,North\n");
        } else if (setup == QLatin1String("sqlite-plain")) {
            error = withSqlite(path, [](QSqlDatabase& db) {
                return execAll(db,
                               {"CREATE TABLE t (a INTEGER, b TEXT)", "INSERT INTO t VALUES (1, 'kept')"});
            });
        } else if (setup == QLatin1String("sqlite-foreign-version")) {
            error = withSqlite(path, [](QSqlDatabase& db) {
                return execAll(db, {"CREATE TABLE t (a INTEGER)", "INSERT INTO t VALUES (7)",
                                    "PRAGMA user_version = 5"});
            });
        } else if (setup == QLatin1String("sqlite-other-application")) {
            error = withSqlite(path, [&](QSqlDatabase& db) {
                return execAll(
                    db, v2 + QStringList{"INSERT INTO project_meta VALUES ('application', 'othertool')",
                                         "PRAGMA user_version = 2"});
            });
        } else if (setup == QLatin1String("newer")) {
            ProjectStore::create(path)->setMetadata(QStringLiteral("name"),
                                                    QStringLiteral("from the future"));
            error = withSqlite(path, [](QSqlDatabase& db) {
                return execAll(
                    db, {QStringLiteral("PRAGMA user_version = %1").arg(ProjectStore::kSchemaVersion + 1)});
            });
        } else if (setup == QLatin1String("newer-rollback")) {
            error = withSqlite(path, [&](QSqlDatabase& db) {
                return execAll(
                    db, v2 + QStringList{"CREATE TABLE future_table (x)",
                                         "INSERT INTO project_meta VALUES ('application', 'sharecast')",
                                         QStringLiteral("PRAGMA user_version = %1")
                                             .arg(ProjectStore::kSchemaVersion + 1)});
            });
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const bool existed = QFile::exists(path);
        const QByteArray before = fileBytes(path);
        const QStringList entriesBefore = folderEntries(dir.path());
        try {
            ProjectStore::open(path);
            QFAIL("no ProjectError");
        } catch (const ProjectError& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(path), e.what());
            QVERIFY2(what.contains(message), e.what());
        }
        QCOMPARE(QFile::exists(path), existed);
        // Nothing written: not the file (byte for byte) and no file beside it (journal, WAL).
        const QString changed = byteDiff(fileBytes(path), before);
        QVERIFY2(changed.isEmpty(), qPrintable(changed));
        QCOMPARE(folderEntries(dir.path()), entriesBefore);
    }

    //! A schema-3 project (member aggregates without truncated sums, no partnerships) reads as it
    //! is, also for reading only, and its aggregates come back without truncated sums; opened for
    //! writing, it is brought up to the current schema with those sums absent (NULL) and its data
    //! unchanged.
    void schema3ReadsWithoutTruncatedSums()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        {
            auto store = ProjectStore::create(path);
            MemberAggregates agg;
            agg.truncationThreshold = 1000.0;
            agg.includedCos = {"inpatient"};
            agg.cells.push_back(MemberCellAggregate{"P1", "North", "Adult", 2023, 2, 24.0, 3000.0, 5000000.0,
                                                    1000.0, 2000.0, 2000000.0});
            ExperienceData cells = awkwardExperience();
            cells.cells.resize(1);
            store->addMembers(agg, cells, provenance(QStringLiteral("members.csv")));
        }
        // As schema 3 wrote it: no truncated columns, no partnership table.
        const QString e = withSqlite(path, [](QSqlDatabase& db) {
            return execAll(db, {"ALTER TABLE member_aggregate DROP COLUMN truncated_sum",
                                "ALTER TABLE member_aggregate DROP COLUMN truncated_sum_squares",
                                "DROP TABLE partnership", "PRAGMA user_version = 3"});
        });
        QVERIFY2(e.isEmpty(), qPrintable(e));
        {
            auto reading = ProjectStore::openForReading(path);
            QCOMPARE(reading->schemaVersion(), 3);
            const MemberAggregates m = reading->loadMemberAggregates(1);
            QCOMPARE(m.cells.size(), std::size_t(1));
            QVERIFY(m.cells[0].costSumSquares == 5000000.0);
            QVERIFY(!m.cells[0].truncatedSum && !m.cells[0].truncatedSumSquares);
            QVERIFY(!reading->activeDataset(DatasetKind::Partnerships));
            QVERIFY(reading->loadPartnerships(1).records.empty());
        }
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion);
            const MemberAggregates m = store->loadMemberAggregates(1);
            QCOMPARE(m.cells.size(), std::size_t(1));
            QVERIFY(m.cells[0].excessSum == 1000.0);
            QVERIFY(!m.cells[0].truncatedSum);
        }
        // Schema 2 is still refused for reading only.
        QVERIFY(withSqlite(path, [](QSqlDatabase& db) {
                    return execAll(db, {"PRAGMA user_version = 2"});
                }).isEmpty());
        QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectStore::openForReading(path));
    }

    //! A file written by Sharecast 1 (schema version 1) opens, is migrated to version 2, and its
    //! data reads back exactly as stored.
    void migrationFromVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sharecast"));
        const std::vector<double> costs1{100000.1, 40000.0};
        const std::vector<double> costs2{1234567.89, 1e-7};
        const QString error = withSqlite(path, [&](QSqlDatabase& db) {
            QString e =
                execAll(db, statements(kFrozenV1Schema, std::size(kFrozenV1Schema)) +
                                QStringList{"PRAGMA user_version = 1",
                                            "INSERT INTO project_meta VALUES ('application', 'sharecast')",
                                            "INSERT INTO project_meta VALUES ('name', 'Legacy project')"});
            if (!e.isEmpty())
                return e;
            QSqlQuery q(db);
            q.prepare(
                "INSERT INTO dataset (id, kind, source_name, source_size, sha256, row_count, imported_at, "
                "warnings, summary, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (const QVariantList& row :
                 {QVariantList{1, "experience", "experience_2023.csv", 1234, QString(64, u'a'), 2,
                               "2024-03-01T10:20:30.456Z", "first warning\nsecond warning",
                               "experience_2023.csv: 2 cells", 1},
                  QVariantList{2, "quality", "quality.csv", 77, QString(64, u'b'), 3,
                               "2024-03-02T00:00:00.000Z", "", "quality.csv: 3 rates", 1}}) {
                for (const QVariant& v : row)
                    q.addBindValue(v);
                if (!q.exec())
                    return q.lastError().text();
            }
            e = execAll(db, {"INSERT INTO dataset_column VALUES (1, 'cost', 0, 'inpatient')",
                             "INSERT INTO dataset_column VALUES (1, 'cost', 1, 'pharmacy')",
                             "INSERT INTO dataset_column VALUES (1, 'util', 0, 'ed_visits')",
                             "INSERT INTO run_log (at, command, detail) VALUES ('2024-03-01T10:20:30.456Z', "
                             "'import', 'old')"});
            if (!e.isEmpty())
                return e;
            q.prepare("INSERT INTO experience_cell (dataset_id, plan_id, plan_name, region, rate_cell, year, "
                      "member_months, risk_score, excess_over_threshold, capitation_revenue, admin_cost, "
                      "claims_denied, claims_total, grievances, costs, utils, source_line) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (const QVariantList& row :
                 {QVariantList{1, "P1", "Fresno Valley Health", "Fresno", "Child", 2023, 1000.0, 0.95, 12.5,
                               500000.0, 25000.0, 3.0, 100.0, 2.0, packed(costs1), packed({7.0}), 2},
                  QVariantList{1, "P2", "", "Los Angeles", "Adult", 2023, 0.1, 1.0 / 3.0, 1e-7,
                               123456789012.34, 0.0, 0.0, 0.0, 0.0, packed(costs2), packed({0.5}), 3}}) {
                for (const QVariant& v : row)
                    q.addBindValue(v);
                if (!q.exec())
                    return q.lastError().text();
            }
            q.prepare("INSERT INTO quality_rate VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            for (const QVariantList& row :
                 {QVariantList{2, "P1", 2023, "CIS-10", 40, 50, QVariant(), 2},
                  QVariantList{2, "P1", 2023, "PPC", QVariant(), QVariant(), 0.85, 3},
                  QVariantList{2, "P2", 2023, "CIS-10", QVariant(), QVariant(), QVariant(), 4}}) {
                for (const QVariant& v : row)
                    q.addBindValue(v);
                if (!q.exec())
                    return q.lastError().text();
            }
            return QString();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(scalar(path, "PRAGMA user_version").toInt(), 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'member_aggregate'").toInt(),
                 0);

        ExperienceData expected;
        expected.cosNames = {"inpatient", "pharmacy"};
        expected.utilNames = {"ed_visits"};
        expected.planNames = {{"P1", "Fresno Valley Health"}};
        ExperienceCell c1;
        c1.planId = "P1";
        c1.region = "Fresno";
        c1.rateCell = "Child";
        c1.year = 2023;
        c1.memberMonths = 1000.0;
        c1.riskScore = 0.95;
        c1.excessOverThreshold = 12.5;
        c1.capitationRevenue = 500000.0;
        c1.adminCost = 25000.0;
        c1.claimsDenied = 3.0;
        c1.claimsTotal = 100.0;
        c1.grievances = 2.0;
        c1.cost = costs1;
        c1.util = {7.0};
        c1.sourceLine = 2;
        ExperienceCell c2;
        c2.planId = "P2";
        c2.region = "Los Angeles";
        c2.rateCell = "Adult";
        c2.year = 2023;
        c2.memberMonths = 0.1;
        c2.riskScore = 1.0 / 3.0;
        c2.excessOverThreshold = 1e-7;
        c2.capitationRevenue = 123456789012.34;
        c2.cost = costs2;
        c2.util = {0.5};
        c2.sourceLine = 3;
        expected.cells = {c1, c2};

        for (int pass = 0; pass < 2; ++pass) { // migrated once; the second open finds the current version
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion);
            QCOMPARE(store->metadata(QStringLiteral("name")), QStringLiteral("Legacy project"));
            const QList<DatasetInfo> sets = store->datasets();
            QCOMPARE(sets.size(), 2);
            QCOMPARE(sets[0].id, qint64(1));
            QCOMPARE(toString(sets[0].kind), QStringLiteral("experience"));
            QCOMPARE(sets[0].provenance.sourceName, QStringLiteral("experience_2023.csv"));
            QCOMPARE(sets[0].provenance.sourceSize, qint64(1234));
            QCOMPARE(sets[0].provenance.sha256, QString(64, u'a'));
            QCOMPARE(sets[0].provenance.rowCount, qint64(2));
            QCOMPARE(sets[0].provenance.importedAt,
                     QDateTime(QDate(2024, 3, 1), QTime(10, 20, 30, 456), QTimeZone::utc()));
            QCOMPARE(sets[0].provenance.warnings, (QStringList{"first warning", "second warning"}));
            QCOMPARE(sets[0].provenance.summary, QStringLiteral("experience_2023.csv: 2 cells"));
            QVERIFY(sets[0].active);
            QCOMPARE(toString(sets[1].kind), QStringLiteral("quality"));
            QVERIFY(sets[1].provenance.warnings.isEmpty());
            QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("1"));
            QCOMPARE(activeId(*store, DatasetKind::Quality), QStringLiteral("2"));

            const ExperienceData loaded = store->loadExperience(1);
            QCOMPARE(QString::fromStdString(loaded.sourceName), QStringLiteral("experience_2023.csv"));
            const QString diff = experienceDiff(loaded, expected);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));

            const QualityData quality = store->loadQuality(2);
            QCOMPARE(quality.records.size(), std::size_t(3));
            QCOMPARE(quality.records[0].numerator, std::optional<long long>(40));
            QCOMPARE(quality.records[0].denominator, std::optional<long long>(50));
            QVERIFY(!quality.records[0].rate);
            QVERIFY(!quality.records[1].numerator && !quality.records[1].denominator);
            QVERIFY(quality.records[1].rate && *quality.records[1].rate == 0.85);
            QVERIFY(!quality.records[2].numerator && !quality.records[2].rate);
            QCOMPARE(quality.records[2].sourceLine, 4L);

            // A version-1 dataset has no member aggregates.
            const MemberAggregates none = store->loadMemberAggregates(1);
            QVERIFY(none.cells.empty());
            QVERIFY(none.includedCos.empty());
        }
        QCOMPARE(scalar(path, "PRAGMA user_version").toInt(), ProjectStore::kSchemaVersion);
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'scenario_version'").toInt(),
                 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'member_aggregate'").toInt(),
                 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'member_aggregate_setting'")
                     .toInt(),
                 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM run_log").toInt(), 1);

        // The migrated file takes version-2 data.
        {
            auto store = ProjectStore::open(path);
            MemberAggregates agg;
            agg.truncationThreshold = 250000.0;
            agg.includedCos = {"inpatient"};
            agg.cells.push_back(MemberCellAggregate{"P1", "Fresno", "Child", 2023, 3, 30.0, 321900.0,
                                                    102402410000.0, 70000.0, std::nullopt, std::nullopt});
            ExperienceData cells = expected;
            cells.cells.resize(1);
            const qint64 id = store->addMembers(agg, cells, provenance(QStringLiteral("members.csv")));
            QCOMPARE(id, qint64(3));
        }
        auto store = ProjectStore::open(path);
        QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("3"));
        QCOMPARE(store->loadMemberAggregates(3).cells.size(), std::size_t(1));
        const QString diff = experienceDiff(store->loadExperience(1), expected); // the old data unchanged
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    //! A project of schema 4 (the last before partnerships), built from that version's frozen
    //! statements with a dataset of each kind, every table filled and a scenario: read only, it
    //! reads as it is, without partnerships, and is not touched; opened for writing, it is
    //! brought up to schema 5 with every row of every table kept (the dataset table is rebuilt
    //! with foreign keys off, so dropping the old one deletes nothing) and the rebuilt table's
    //! references whole (deleting a dataset still deletes its rows), and it takes partnerships.
    void migrationFromVersion4()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sharecast"));
        const QStringList v4 = statements(kFrozenV1Schema, std::size(kFrozenV1Schema)) +
                               statements(kV2Additions, std::size(kV2Additions)) +
                               statements(kV3Additions, std::size(kV3Additions)) +
                               statements(kV4Additions, std::size(kV4Additions));
        const QString error = withSqlite(path, [&](QSqlDatabase& db) {
            return execAll(
                db,
                v4 + QStringList{
                         "PRAGMA user_version = 4",
                         "INSERT INTO project_meta VALUES ('application', 'sharecast')",
                         "INSERT INTO project_meta VALUES ('name', 'Schema 4 project')",
                         "INSERT INTO dataset VALUES (1, 'experience', 'experience.csv', 1234, 'aa', 2, "
                         "'2024-03-01T10:20:30.456Z', 'a warning', 'experience.csv: 2 cells', 0)",
                         "INSERT INTO dataset VALUES (2, 'quality', 'quality.csv', 77, 'bb', 1, "
                         "'2024-03-02T00:00:00.000Z', '', 'quality.csv: 1 rate', 1)",
                         "INSERT INTO dataset VALUES (3, 'members', 'members.csv', 999, 'cc', 3, "
                         "'2024-03-03T00:00:00.000Z', '', 'members.csv: 3 rows', 1)",
                         "INSERT INTO dataset_column VALUES (1, 'cost', 0, 'inpatient')",
                         "INSERT INTO dataset_column VALUES (3, 'cost', 0, 'inpatient')",
                         "INSERT INTO experience_cell (dataset_id, plan_id, plan_name, region, rate_cell, "
                         "year, member_months, risk_score, excess_over_threshold, capitation_revenue, "
                         "admin_cost, claims_denied, claims_total, grievances, costs, utils, source_line) "
                         "VALUES (1, 'P1', 'Fresno Valley Health', 'Fresno', 'Child', 2023, 1000.5, 0.95, "
                         "12.5, 500000.25, 25000, 3, 100, 2, X'000000000000F03F', X'', 2)",
                         "INSERT INTO experience_cell (dataset_id, plan_id, plan_name, region, rate_cell, "
                         "year, member_months, risk_score, excess_over_threshold, capitation_revenue, "
                         "admin_cost, claims_denied, claims_total, grievances, costs, utils, source_line) "
                         "VALUES (3, 'P1', '', 'Fresno', 'Child', 2023, 36, 1, 0, 0, 0, 0, 0, 0, "
                         "X'0000000000005940', X'', 0)",
                         "INSERT INTO quality_rate VALUES (2, 'P1', 2023, 'CIS-10', 40, 50, NULL, 2)",
                         "INSERT INTO member_aggregate VALUES (3, 'P1', 'Fresno', 'Child', 2023, 3, 36, "
                         "300, 50000, 0, 300, 50000)",
                         "INSERT INTO member_aggregate_setting VALUES (3, 250000, 'inpatient')",
                         "INSERT INTO scenario VALUES (1, 'Base', '', '2024-03-04T00:00:00.000Z', "
                         "'2024-03-04T00:00:00.000Z', NULL, 'straw-proposal-7', 1)",
                         "INSERT INTO scenario_version VALUES (1, 1, '2024-03-04T00:00:00.000Z', 'first', "
                         "X'0102030405')",
                         "INSERT INTO run_log (at, command, detail) VALUES ('2024-03-01T10:20:30.456Z', "
                         "'import', 'old')"});
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList tables = {
            "project_meta",     "dataset",          "dataset_column",           "experience_cell",
            "quality_rate",     "member_aggregate", "member_aggregate_setting", "scenario",
            "scenario_version", "run_log"};
        const auto rows = [&] {
            QStringList out;
            for (const QString& t : tables)
                out << QStringLiteral("%1:%2").arg(t).arg(scalar(path, "SELECT count(*) FROM " + t).toInt());
            return out;
        };
        const QStringList rowsBefore = rows();
        QCOMPARE(rowsBefore.join(u' '),
                 QStringLiteral("project_meta:2 dataset:3 dataset_column:2 experience_cell:2 quality_rate:1 "
                                "member_aggregate:1 member_aggregate_setting:1 scenario:1 scenario_version:1 "
                                "run_log:1"));
        const QByteArray bytes = fileBytes(path);
        const QStringList entries = folderEntries(dir.path());

        const auto sameDatasets = [](const ProjectStore& store) {
            const QList<DatasetInfo> sets = store.datasets();
            QStringList out;
            for (const DatasetInfo& d : sets)
                out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                           .arg(d.id)
                           .arg(toString(d.kind), d.provenance.sourceName)
                           .arg(d.provenance.sourceSize)
                           .arg(d.provenance.sha256, d.provenance.importedAt.toString(Qt::ISODateWithMs),
                                d.provenance.summary)
                           .arg(d.active);
            return out.join(u'|');
        };
        const QString datasetsV4 = QStringLiteral(
            "1 experience experience.csv 1234 aa 2024-03-01T10:20:30.456Z experience.csv: 2 cells 0|"
            "2 quality quality.csv 77 bb 2024-03-02T00:00:00.000Z quality.csv: 1 rate 1|"
            "3 members members.csv 999 cc 2024-03-03T00:00:00.000Z members.csv: 3 rows 1");

        {
            auto reading = ProjectStore::openForReading(path);
            QCOMPARE(reading->schemaVersion(), 4);
            QCOMPARE(sameDatasets(*reading), datasetsV4);
            QVERIFY(!reading->activeDataset(DatasetKind::Partnerships));
            const PartnershipData none = reading->loadPartnerships(1);
            QVERIFY(none.records.empty());
            QCOMPARE(QString::fromStdString(none.sourceName), QStringLiteral("experience.csv"));
            QCOMPARE(reading->loadExperience(1).cells.size(), std::size_t(1));
        }
        QVERIFY2(byteDiff(fileBytes(path), bytes).isEmpty(), qPrintable(byteDiff(fileBytes(path), bytes)));
        QCOMPARE(folderEntries(dir.path()), entries);

        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion);
            QCOMPARE(sameDatasets(*store), datasetsV4);
            QCOMPARE(store->metadata(QStringLiteral("name")), QStringLiteral("Schema 4 project"));
            QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("3"));
            QCOMPARE(activeId(*store, DatasetKind::Quality), QStringLiteral("2"));
            QCOMPARE(activeId(*store, DatasetKind::Partnerships), QStringLiteral("none"));
            const ExperienceData e = store->loadExperience(1);
            QCOMPARE(e.cells.size(), std::size_t(1));
            QVERIFY(e.cells[0].memberMonths == 1000.5 && e.cells[0].capitationRevenue == 500000.25);
            QCOMPARE(e.cells[0].cost, std::vector<double>{1.0});
            const MemberAggregates m = store->loadMemberAggregates(3);
            QCOMPARE(m.cells.size(), std::size_t(1));
            QVERIFY(m.cells[0].truncatedSum && *m.cells[0].truncatedSum == 300.0);
            QVERIFY(store->loadQuality(2).records.at(0).numerator == 40);
            // Foreign keys are back on for the store's own writes.
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QCOMPARE(rows(), rowsBefore);
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'dataset_v5'").toInt(), 0);
        QVERIFY(scalar(path, "SELECT sql FROM sqlite_master WHERE name = 'dataset'")
                    .toString()
                    .contains(QStringLiteral("'partnerships'")));
        QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'partnership'").toInt(), 1);
        QCOMPARE(scalar(path, "SELECT archive FROM scenario_version").toByteArray(),
                 QByteArray("\x01\x02\x03\x04\x05"));

        // The migrated file takes partnerships, and its tables still refer to the rebuilt one.
        {
            auto store = ProjectStore::open(path);
            QCOMPARE(store->schemaVersion(), ProjectStore::kSchemaVersion); // migrated once
            const qint64 id =
                store->addPartnerships(awkwardPartnerships(), provenance(QStringLiteral("partnerships.csv")));
            QCOMPARE(id, qint64(4));
            QCOMPARE(activeId(*store, DatasetKind::Partnerships), QStringLiteral("4"));
            QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("3"));
            const QString diff = partnershipsDiff(store->loadPartnerships(id), awkwardPartnerships());
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM dataset WHERE id = 3")));
        }
        QCOMPARE(scalar(path, "SELECT count(*) FROM member_aggregate").toInt(), 0);
        QCOMPARE(scalar(path, "SELECT count(*) FROM member_aggregate_setting").toInt(), 0);
        QCOMPARE(scalar(path, "SELECT count(*) FROM experience_cell WHERE dataset_id = 3").toInt(), 0);
        QCOMPARE(scalar(path, "SELECT count(*) FROM experience_cell WHERE dataset_id = 1").toInt(), 1);
    }

    //! Every field of a partnerships dataset reads back exactly, in file order, an absent optional
    //! field as absent (NULL in the file); also after reopening, and for reading only.
    void partnershipsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        const PartnershipData data = awkwardPartnerships();
        qint64 id = 0, qid = 0;
        {
            auto store = ProjectStore::create(path);
            QualityData q;
            q.records = {QualityRecord{"P1", 2023, "M", 1, 2, std::nullopt, 2}};
            qid = store->addQuality(q, provenance(QStringLiteral("quality.csv")));
            id = store->addPartnerships(data, provenance(QStringLiteral("partnerships.csv")));
            const QString diff = partnershipsDiff(store->loadPartnerships(id), data);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        for (int pass = 0; pass < 2; ++pass) {
            auto store = pass == 0 ? ProjectStore::open(path) : ProjectStore::openForReading(path);
            const PartnershipData loaded = store->loadPartnerships(id);
            const QString diff = partnershipsDiff(loaded, data);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QCOMPARE(QString::fromStdString(loaded.sourceName), QStringLiteral("partnerships.csv"));
            const QList<DatasetInfo> sets = store->datasets();
            QCOMPARE(sets.size(), 2);
            QCOMPARE(toString(sets[1].kind), QStringLiteral("partnerships"));
            QVERIFY(sets[1].active);
            QCOMPARE(sets[1].provenance.summary, QStringLiteral("partnerships.csv: a summary"));
            QCOMPARE(activeId(*store, DatasetKind::Partnerships), QString::number(id));
            QCOMPARE(activeId(*store, DatasetKind::Quality), QString::number(qid));
            QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("none"));
            QVERIFY(store->loadPartnerships(qid).records.empty()); // a dataset of another kind
            QVERIFY_THROWS_EXCEPTION(ProjectError, store->loadPartnerships(999));
        }
        // Absent optional fields are SQL NULL, not 0; a cap of 0 is 0.
        QCOMPARE(scalar(path, "SELECT count(*) FROM partnership WHERE outreach_cap IS NULL").toInt(), 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM partnership WHERE outreach_cap = 0").toInt(), 1);
        QCOMPARE(scalar(path, "SELECT count(*) FROM partnership WHERE outcome_actual IS NULL").toInt(), 2);
        QCOMPARE(scalar(path, "SELECT count(*) FROM partnership WHERE outcome_baseline IS NULL").toInt(), 1);

        // A dataset without records.
        auto store = ProjectStore::open(path);
        PartnershipData empty;
        const qint64 emptyId = store->addPartnerships(empty, provenance(QStringLiteral("empty.csv")));
        QVERIFY(store->loadPartnerships(emptyId).records.empty());
        QCOMPARE(activeId(*store, DatasetKind::Partnerships), QString::number(emptyId));
        QCOMPARE(store->loadPartnerships(id).records.size(), std::size_t(3)); // inactive, still there
    }

    //! Every figure and name of an experience dataset reads back exactly, also after reopening.
    void experienceRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        const ExperienceData data = awkwardExperience();
        qint64 id = 0;
        {
            auto store = ProjectStore::create(path);
            id = store->addExperience(data, provenance(QStringLiteral("experience.csv")));
            const QString diff = experienceDiff(store->loadExperience(id), data);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        auto store = ProjectStore::open(path);
        const ExperienceData loaded = store->loadExperience(id);
        const QString diff = experienceDiff(loaded, data);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(QString::fromStdString(loaded.sourceName), QStringLiteral("experience.csv"));

        // A dataset without util columns (empty BLOBs) and without cost columns.
        ExperienceData bare;
        ExperienceCell cell;
        cell.planId = "P";
        cell.region = "R";
        cell.rateCell = "C";
        cell.year = 2023;
        cell.memberMonths = 12.0;
        cell.sourceLine = 2;
        bare.cells = {cell};
        const qint64 bareId = store->addExperience(bare, provenance(QStringLiteral("bare.csv")));
        const QString bareDiff = experienceDiff(store->loadExperience(bareId), bare);
        QVERIFY2(bareDiff.isEmpty(), qPrintable(bareDiff));

        QVERIFY_THROWS_EXCEPTION(ProjectError, store->loadExperience(999));
        QVERIFY_THROWS_EXCEPTION(ProjectError, store->loadQuality(999));
    }

    void provenanceRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        Provenance p = provenance(QStringLiteral("Año 2023 (final).csv"));
        p.sourceSize = 5000000000LL; // beyond 32 bits
        p.rowCount = 12345678901LL;
        p.warnings = QStringList{"plan 'P1' has more than one plan_name", "no cost_<cos> columns"};
        p.summary = QString::fromUtf8("experience.csv: 3 cells, 2 plans, years 2022–2023");
        // A local time is stored as the same instant in UTC.
        p.importedAt = QDateTime(QDate(2025, 6, 30), QTime(23, 59, 59, 1), QTimeZone(3600 * 5));
        {
            auto store = ProjectStore::create(path);
            store->addExperience(awkwardExperience(), p);
        }
        auto store = ProjectStore::open(path);
        const QList<DatasetInfo> sets = store->datasets();
        QCOMPARE(sets.size(), 1);
        const Provenance& got = sets[0].provenance;
        QCOMPARE(got.sourceName, p.sourceName);
        QCOMPARE(got.sourceSize, p.sourceSize);
        QCOMPARE(got.sha256, p.sha256);
        QCOMPARE(got.rowCount, p.rowCount);
        QCOMPARE(got.importedAt, p.importedAt); // the same instant, to the millisecond
        QCOMPARE(got.importedAt.timeSpec(), Qt::UTC);
        QCOMPARE(got.warnings, p.warnings);
        QCOMPARE(got.summary, p.summary);
        QCOMPARE(toString(sets[0].kind), QStringLiteral("experience"));
        QVERIFY(sets[0].active);
    }

    void qualityAndMembersRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        QualityData q;
        q.sourceName = "quality.csv";
        QualityRecord r1{"P1", 2023, "CIS-10", 40, 50, std::nullopt, 2};
        QualityRecord r2{"P1", 2023, "PPC", std::nullopt, std::nullopt, 0.1, 3};
        QualityRecord r3{"P2", 2024, "CIS-10", std::nullopt, std::nullopt, std::nullopt, 4};
        QualityRecord r4{"P2", 2024, "W30", 0, 0, std::nullopt, 5};
        QualityRecord r5{"P2", 2024, "BIG", 9000000000LL, 9000000001LL, std::nullopt, 6};
        q.records = {r1, r2, r3, r4, r5};

        MemberAggregates agg;
        agg.truncationThreshold = 250000.5;
        agg.includedCos = {"inpatient", "pharmacy"};
        agg.cells = {
            MemberCellAggregate{"P1", "North", "Adult", 2023, 3, 30.0, 321900.0, 102402410000.0, 70000.0,
                                251900.0, 62502410000.0},
            MemberCellAggregate{"P1", "North", "Child", 2023, 2, 15.0, 300.0, 90000.0, 0.0, 300.0, 90000.0},
            // Without truncated sums (as an import by an earlier version would have been).
            MemberCellAggregate{"P2", "South", "Adult", 2024, 2, 21.0, 1.0 / 3.0, 0.1, 1e-7, std::nullopt,
                                std::nullopt}};
        ExperienceData cells = awkwardExperience();
        qint64 qid = 0, mid = 0;
        {
            auto store = ProjectStore::create(path);
            qid = store->addQuality(q, provenance(QStringLiteral("quality.csv")));
            mid = store->addMembers(agg, cells, provenance(QStringLiteral("members.csv")));
        }
        auto store = ProjectStore::open(path);
        const QualityData got = store->loadQuality(qid);
        QCOMPARE(QString::fromStdString(got.sourceName), QStringLiteral("quality.csv"));
        QCOMPARE(got.records.size(), q.records.size());
        for (std::size_t i = 0; i < q.records.size(); ++i) {
            const QualityRecord& a = got.records[i];
            const QualityRecord& b = q.records[i];
            QCOMPARE(QString::fromStdString(a.planId), QString::fromStdString(b.planId));
            QCOMPARE(a.year, b.year);
            QCOMPARE(QString::fromStdString(a.measureId), QString::fromStdString(b.measureId));
            QCOMPARE(a.numerator, b.numerator);
            QCOMPARE(a.denominator, b.denominator);
            QCOMPARE(a.rate.has_value(), b.rate.has_value());
            if (a.rate)
                QVERIFY(*a.rate == *b.rate);
            QCOMPARE(a.sourceLine, b.sourceLine);
        }

        const MemberAggregates m = store->loadMemberAggregates(mid);
        QVERIFY(m.truncationThreshold == agg.truncationThreshold);
        QCOMPARE(m.includedCos, agg.includedCos);
        QCOMPARE(m.cells.size(), agg.cells.size());
        for (std::size_t i = 0; i < m.cells.size(); ++i) {
            const MemberCellAggregate& a = m.cells[i];
            const MemberCellAggregate& b = agg.cells[i];
            QCOMPARE(QString::fromStdString(a.planId + "|" + a.region + "|" + a.rateCell),
                     QString::fromStdString(b.planId + "|" + b.region + "|" + b.rateCell));
            QCOMPARE(a.year, b.year);
            QCOMPARE(a.members, b.members);
            QVERIFY(a.memberMonths == b.memberMonths);
            QVERIFY(a.costSum == b.costSum);
            QVERIFY(a.costSumSquares == b.costSumSquares);
            QVERIFY(a.excessSum == b.excessSum);
            QVERIFY(a.truncatedSum == b.truncatedSum);
            QVERIFY(a.truncatedSumSquares == b.truncatedSumSquares);
        }
        const QString diff = experienceDiff(store->loadExperience(mid), cells);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(store->loadMemberAggregates(qid).cells.size(), std::size_t(0));
    }

    //! One active dataset per role: experience and members share the experience role (a new
    //! import of either replaces the other); quality is separate.
    void activeDatasets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        auto store = ProjectStore::create(path);
        QualityData q;
        q.records = {QualityRecord{"P1", 2023, "M", 1, 2, std::nullopt, 2}};
        const auto actives = [&] {
            QStringList out;
            for (const DatasetInfo& d : store->datasets())
                if (d.active)
                    out << QStringLiteral("%1:%2").arg(toString(d.kind)).arg(d.id);
            return out.join(u' ');
        };
        const qint64 e1 = store->addExperience(awkwardExperience(), provenance("e1.csv"));
        QCOMPARE(actives(), QStringLiteral("experience:1"));
        QCOMPARE(activeId(*store, DatasetKind::Experience), QString::number(e1));
        QCOMPARE(activeId(*store, DatasetKind::Quality), QStringLiteral("none"));

        const qint64 e2 = store->addExperience(awkwardExperience(), provenance("e2.csv"));
        QCOMPARE(actives(), QStringLiteral("experience:2"));
        QCOMPARE(activeId(*store, DatasetKind::Experience), QString::number(e2));

        const qint64 q1 = store->addQuality(q, provenance("q1.csv"));
        QCOMPARE(actives(), QStringLiteral("experience:2 quality:3"));
        QCOMPARE(activeId(*store, DatasetKind::Quality), QString::number(q1));
        QCOMPARE(activeId(*store, DatasetKind::Experience), QString::number(e2));

        const qint64 m1 = store->addMembers(MemberAggregates{}, awkwardExperience(), provenance("m1.csv"));
        QCOMPARE(actives(), QStringLiteral("quality:3 members:4"));
        QCOMPARE(activeId(*store, DatasetKind::Experience),
                 QString::number(m1)); // members count as experience
        QCOMPARE(activeId(*store, DatasetKind::Members), QString::number(m1));
        QCOMPARE(activeId(*store, DatasetKind::Quality), QString::number(q1));

        const qint64 q2 = store->addQuality(q, provenance("q2.csv"));
        QCOMPARE(actives(), QStringLiteral("members:4 quality:5"));
        QCOMPARE(activeId(*store, DatasetKind::Quality), QString::number(q2));

        const qint64 e3 = store->addExperience(awkwardExperience(), provenance("e3.csv"));
        QCOMPARE(actives(), QStringLiteral("quality:5 experience:6"));
        QCOMPARE(activeId(*store, DatasetKind::Experience), QString::number(e3));
        QCOMPARE(activeId(*store, DatasetKind::Members), QString::number(e3));

        // Partnerships have a role of their own: importing them changes no other active dataset,
        // and the next partnerships import replaces them.
        const qint64 c1 = store->addPartnerships(awkwardPartnerships(), provenance("c1.csv"));
        QCOMPARE(actives(), QStringLiteral("quality:5 experience:6 partnerships:7"));
        const qint64 c2 = store->addPartnerships(awkwardPartnerships(), provenance("c2.csv"));
        QCOMPARE(actives(), QStringLiteral("quality:5 experience:6 partnerships:8"));
        QCOMPARE(activeId(*store, DatasetKind::Partnerships), QString::number(c2));
        const qint64 e4 = store->addExperience(awkwardExperience(), provenance("e4.csv"));
        QCOMPARE(actives(), QStringLiteral("quality:5 partnerships:8 experience:9"));
        QCOMPARE(store->loadPartnerships(c1).records.size(), std::size_t(3));

        // Inactive datasets stay loadable.
        QCOMPARE(store->datasets().size(), 9);
        QCOMPARE(store->loadExperience(e1).cells.size(), std::size_t(3));
        store.reset();
        auto reopened = ProjectStore::open(path);
        QCOMPARE(activeId(*reopened, DatasetKind::Experience), QString::number(e4));
        QCOMPARE(activeId(*reopened, DatasetKind::Quality), QString::number(q2));
        QCOMPARE(activeId(*reopened, DatasetKind::Partnerships), QString::number(c2));
    }

    void batchRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        QualityData q;
        q.records = {QualityRecord{"P1", 2023, "M", 1, 2, std::nullopt, 2}};
        ProjectStore::create(path)->addExperience(awkwardExperience(), provenance("before.csv"));
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());
        {
            auto store = ProjectStore::open(path);
            {
                ProjectStore::Batch batch(*store);
                store->addExperience(awkwardExperience(), provenance("e.csv"));
                store->addQuality(q, provenance("q.csv"));
                store->addPartnerships(awkwardPartnerships(), provenance("c.csv"));
                store->logRun(QStringLiteral("import"), QStringLiteral("never saved"));
                QCOMPARE(store->datasets().size(), 4); // visible inside the batch
                QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectStore::Batch{*store}); // batches do not nest
            }                                                                        // destroyed uncommitted
            QCOMPARE(store->datasets().size(), 1);
            QCOMPARE(activeId(*store, DatasetKind::Experience), QStringLiteral("1"));
            QCOMPARE(activeId(*store, DatasetKind::Quality), QStringLiteral("none"));
            QCOMPARE(activeId(*store, DatasetKind::Partnerships), QStringLiteral("none"));
        }
        QCOMPARE(scalar(path, "SELECT count(*) FROM partnership").toInt(), 0);
        const QString changed = byteDiff(fileBytes(path), before);
        QVERIFY2(changed.isEmpty(), qPrintable(changed));
        QCOMPARE(scalar(path, "SELECT count(*) FROM run_log").toInt(), 0);

        {
            auto store = ProjectStore::open(path);
            ProjectStore::Batch batch(*store);
            const qint64 e = store->addExperience(awkwardExperience(), provenance("e.csv"));
            const qint64 qq = store->addQuality(q, provenance("q.csv"));
            batch.commit();
            QCOMPARE(activeId(*store, DatasetKind::Experience), QString::number(e));
            QCOMPARE(activeId(*store, DatasetKind::Quality), QString::number(qq));
            // After a batch, plain adds are their own transactions again.
            store->setMetadata(QStringLiteral("name"), QStringLiteral("after"));
            ProjectStore::Batch next(*store); // a new batch may start
            next.commit();
        }
        auto store = ProjectStore::open(path);
        QCOMPARE(store->datasets().size(), 3);
        QCOMPARE(store->metadata(QStringLiteral("name")), QStringLiteral("after"));
    }

    void runLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sharecast"));
        const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1);
        {
            auto store = ProjectStore::create(path);
            store->logRun(QStringLiteral("import"), QStringLiteral("experience.csv: 3 cells"));
            store->logRun(QStringLiteral("settle"), QString::fromUtf8("años 2023–2024"));
        }
        const QDateTime end = QDateTime::currentDateTimeUtc().addMSecs(1);
        QStringList rows;
        withSqlite(path, [&](QSqlDatabase& db) {
            QSqlQuery q(db);
            q.exec("SELECT at, command, detail FROM run_log ORDER BY id");
            while (q.next()) {
                const QDateTime at = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
                rows << QStringLiteral("%1|%2|%3")
                            .arg(at >= start && at <= end ? "now" : q.value(0).toString(),
                                 q.value(1).toString(), q.value(2).toString());
            }
            return QString();
        });
        QCOMPARE(rows, (QStringList{"now|import|experience.csv: 3 cells",
                                    QString::fromUtf8("now|settle|años 2023–2024")}));
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_project_store.moc"
