#include "io/project/project_store.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <QtEndian>

#include <cstring>
#include <initializer_list>

namespace sharecast::io {

namespace {

// Each schema version is one forward step; a file is migrated through every step it lacks.
// Version 1: datasets with provenance, experience cells, quality rates, run log, metadata.
const char* const kMigration1[] = {
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

// Version 2: member-level aggregates per cell (methodology §1.3) for the statistical tools.
const char* const kMigration2[] = {
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

// Version 3: scenarios as documents, with their lineage and every saved version (the archive of
// core/io/scenario/scenario_file.h as a blob).
const char* const kMigration3[] = {
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

// Version 4: member aggregates of costs truncated at the threshold (§13's c after truncation).
// Added columns only: a schema-3 file reads as having none.
const char* const kMigration4[] = {
    "ALTER TABLE member_aggregate ADD COLUMN truncated_sum REAL",
    "ALTER TABLE member_aggregate ADD COLUMN truncated_sum_squares REAL",
};

// Version 5: MCP–CBO partnerships (partnerships.csv), one row per record in file order. The
// dataset table is rebuilt so that its kind may be 'partnerships': SQLite cannot change a CHECK
// constraint in place, so the table is copied, dropped and the copy renamed (SQLite's own recipe
// for schema changes; migrate() turns foreign keys off around it, so that dropping the old table
// deletes no rows of the tables that refer to it, and checks them before committing).
const char* const kMigration5[] = {
    "CREATE TABLE dataset_v5 ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('experience', 'quality', 'members', 'partnerships')),"
    " source_name TEXT NOT NULL, source_size INTEGER NOT NULL, sha256 TEXT NOT NULL,"
    " row_count INTEGER NOT NULL, imported_at TEXT NOT NULL,"
    " warnings TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',"
    " active INTEGER NOT NULL DEFAULT 0)",
    "INSERT INTO dataset_v5 (id, kind, source_name, source_size, sha256, row_count, imported_at, warnings,"
    " summary, active) SELECT id, kind, source_name, source_size, sha256, row_count, imported_at, warnings,"
    " summary, active FROM dataset",
    "DROP TABLE dataset",
    "ALTER TABLE dataset_v5 RENAME TO dataset",
    "CREATE TABLE partnership ("
    " dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " plan_id TEXT NOT NULL, partner_id TEXT NOT NULL, partner_name TEXT NOT NULL, service TEXT NOT NULL,"
    " year INTEGER NOT NULL, members_engaged REAL NOT NULL, member_months REAL NOT NULL, pmpm REAL NOT NULL,"
    " outreach_attempts REAL NOT NULL, outreach_fee REAL NOT NULL, outreach_cap REAL,"
    " outcome_measure TEXT NOT NULL, outcome_baseline REAL, outcome_target REAL, outcome_actual REAL,"
    " outcome_bonus REAL NOT NULL, savings_pass_through REAL NOT NULL, operating_cost REAL NOT NULL,"
    " grant_ipp REAL NOT NULL, grant_path REAL NOT NULL, grant_other REAL NOT NULL,"
    " utilization_avoided REAL NOT NULL, source_line INTEGER NOT NULL,"
    " PRIMARY KEY (dataset_id, position))",
};

// Version 6: the statement of a dataset aggregated in a database (a warehouse import). Added
// column only: older files read as having none.
const char* const kMigration6[] = {
    "ALTER TABLE dataset ADD COLUMN source_query TEXT NOT NULL DEFAULT ''",
};

struct Migration {
    const char* const* statements;
    std::size_t count;
};

const Migration kMigrations[] = {
    {kMigration1, std::size(kMigration1)}, {kMigration2, std::size(kMigration2)},
    {kMigration3, std::size(kMigration3)}, {kMigration4, std::size(kMigration4)},
    {kMigration5, std::size(kMigration5)}, {kMigration6, std::size(kMigration6)},
};

//! The first schema with the partnership table.
constexpr int kPartnershipsSchema = 5;
//! The first schema with dataset.source_query.
constexpr int kQuerySchema = 6;
static_assert(std::size(kMigrations) == ProjectStore::kSchemaVersion);

QAtomicInteger<int> connectionCounter;

//! Text for a NOT NULL column: Qt Sql binds a null QString as SQL NULL, so empty text must be
//! made non-null.
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

//! Binds `values` to the prepared query q, in order, and runs it; a failure is a ProjectError
//! that names the project file.
void execWith(QSqlQuery& q, const QString& path, std::initializer_list<QVariant> values)
{
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        throw ProjectError(
            QStringLiteral("%1: cannot save: %2").arg(path, q.lastError().text()).toStdString());
}

QByteArray packDoubles(const std::vector<double>& values)
{
    QByteArray bytes(static_cast<qsizetype>(values.size() * sizeof(double)), Qt::Uninitialized);
    char* out = bytes.data();
    for (double v : values) {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        qToLittleEndian(bits, out);
        out += sizeof bits;
    }
    return bytes;
}

std::vector<double> unpackDoubles(const QByteArray& bytes)
{
    std::vector<double> values(static_cast<std::size_t>(bytes.size()) / sizeof(double));
    const char* in = bytes.constData();
    for (double& v : values) {
        const quint64 bits = qFromLittleEndian<quint64>(in);
        std::memcpy(&v, &bits, sizeof v);
        in += sizeof bits;
    }
    return values;
}

DatasetKind kindFromString(const QString& s)
{
    if (s == QLatin1String("quality"))
        return DatasetKind::Quality;
    if (s == QLatin1String("members"))
        return DatasetKind::Members;
    if (s == QLatin1String("partnerships"))
        return DatasetKind::Partnerships;
    return DatasetKind::Experience;
}

//! The role a dataset plays in the project; each role has at most one active dataset. Member-level
//! imports provide the experience cells, so experience and members share a role.
enum class Role { Experience, Quality, Partnerships };

Role roleOf(DatasetKind kind)
{
    switch (kind) {
    case DatasetKind::Experience:
    case DatasetKind::Members: return Role::Experience;
    case DatasetKind::Quality: return Role::Quality;
    case DatasetKind::Partnerships: return Role::Partnerships;
    }
    return Role::Experience;
}

//! Turns foreign keys off for the life of a migration (SQLite ignores the pragma inside a
//! transaction, so it wraps them all) and back on after it, however it ends.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(QSqlDatabase db) : db_(db)
    {
        QSqlQuery(db_).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() { QSqlQuery(db_).exec(QStringLiteral("PRAGMA foreign_keys = ON")); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    QSqlDatabase db_;
};

//! A transaction that rolls back unless committed; inside a Batch it leaves both to the batch.
class Transaction {
public:
    Transaction(QSqlDatabase db, const QString& path, bool nested = false)
        : db_(db), path_(path), done_(nested)
    {
        if (nested)
            return;
        if (!db_.transaction())
            throw ProjectError(QStringLiteral("%1: cannot start a transaction: %2")
                                   .arg(path_, db_.lastError().text())
                                   .toStdString());
    }
    ~Transaction()
    {
        if (!done_)
            db_.rollback();
    }
    void commit()
    {
        if (done_)
            return;
        if (!db_.commit())
            throw ProjectError(
                QStringLiteral("%1: cannot save: %2").arg(path_, db_.lastError().text()).toStdString());
        done_ = true;
    }

private:
    QSqlDatabase db_;
    QString path_;
    bool done_ = false;
};

} // namespace

QString toString(DatasetKind kind)
{
    switch (kind) {
    case DatasetKind::Experience: return QStringLiteral("experience");
    case DatasetKind::Quality: return QStringLiteral("quality");
    case DatasetKind::Members: return QStringLiteral("members");
    case DatasetKind::Partnerships: return QStringLiteral("partnerships");
    }
    return QStringLiteral("experience");
}

ProjectStore::Batch::Batch(ProjectStore& store) : store_(store)
{
    if (store_.inBatch_)
        throw ProjectError(QStringLiteral("%1: batches do not nest").arg(store_.name_).toStdString(),
                           ProjectError::Kind::BadInput);
    if (!store_.database().transaction())
        throw ProjectError(QStringLiteral("%1: cannot start a transaction: %2")
                               .arg(store_.name_, store_.database().lastError().text())
                               .toStdString());
    store_.inBatch_ = true;
}

ProjectStore::Batch::~Batch()
{
    if (!done_) {
        store_.database().rollback();
        store_.inBatch_ = false;
    }
}

void ProjectStore::Batch::commit()
{
    if (!store_.database().commit())
        throw ProjectError(QStringLiteral("%1: cannot save: %2")
                               .arg(store_.name_, store_.database().lastError().text())
                               .toStdString());
    done_ = true;
    store_.inBatch_ = false;
}

ProjectStore::ProjectStore(QString path)
    : path_(std::move(path)), name_(path_),
      connection_(QStringLiteral("sharecast-project-%1").arg(++connectionCounter))
{
}

ProjectStore::~ProjectStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

std::unique_ptr<ProjectStore> ProjectStore::create(const QString& path, const QString& shownAs)
{
    if (QFileInfo::exists(path))
        throw ProjectError(QStringLiteral("%1: already exists").arg(path).toStdString(),
                           ProjectError::Kind::BadInput);
    std::unique_ptr<ProjectStore> store(new ProjectStore(path));
    if (!shownAs.isEmpty())
        store->name_ = shownAs;
    store->openConnection(Access::Create);
    store->useRollbackJournal();
    store->migrate();
    store->setMetadata(QStringLiteral("application"), QStringLiteral("sharecast"));
    return store;
}

void readOnlyConnection(QSqlDatabase& db, const QString& path, bool immutable)
{
    if (immutable) {
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
            QStringLiteral("?mode=ro&immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    }
}

void requireSqliteFile(const QString& path)
{
    QFile f(path);
    if (!f.exists())
        throw ProjectError(QStringLiteral("%1: no such project file").arg(path).toStdString(),
                           ProjectError::Kind::BadInput);
    if (!f.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()).toStdString());
    if (f.read(16) != QByteArray("SQLite format 3\0", 16))
        throw ProjectError(
            QStringLiteral("%1: not a Sharecast project (not an SQLite database)").arg(path).toStdString(),
            ProjectError::Kind::BadInput);
}

void ProjectStore::checkIsProject() const
{
    if (schemaVersion() > 0 && metadata(QStringLiteral("application")) != QLatin1String("sharecast"))
        throw ProjectError(QStringLiteral("%1: not a Sharecast project").arg(name_).toStdString(),
                           ProjectError::Kind::BadInput);
    if (schemaVersion() == 0)
        throw ProjectError(QStringLiteral("%1: not a Sharecast project (no schema)").arg(name_).toStdString(),
                           ProjectError::Kind::BadInput);
    if (schemaVersion() > kSchemaVersion)
        throw ProjectError(
            QStringLiteral("%1: made by a newer Sharecast (schema %2; this version reads up to %3)")
                .arg(name_)
                .arg(schemaVersion())
                .arg(kSchemaVersion)
                .toStdString(),
            ProjectError::Kind::BadInput);
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString& path)
{
    requireSqliteFile(path);
    std::unique_ptr<ProjectStore> store(new ProjectStore(path));
    store->openConnection(Access::ReadWrite);
    store->checkIsProject();
    store->useRollbackJournal();
    store->migrate();
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::openForReading(const QString& path)
{
    requireSqliteFile(path);
    std::unique_ptr<ProjectStore> store(new ProjectStore(path));
    store->openConnection(Access::ReadOnly);
    try {
        (void)store->schemaVersion();
    } catch (const ProjectError&) {
        // A file in write-ahead-log mode (made by an earlier version) on read-only media: SQLite
        // cannot make the shared-memory file it wants, so read the file as it is, unchanging.
        store.reset(new ProjectStore(path));
        store->openConnection(Access::Immutable);
    }
    store->checkIsProject();
    if (store->schemaVersion() < kOldestReadableSchema)
        throw ProjectError(
            QStringLiteral("%1: made by an earlier Sharecast (schema %2): open it once where it can be "
                           "written, to bring it up to schema %3")
                .arg(path)
                .arg(store->schemaVersion())
                .arg(kSchemaVersion)
                .toStdString(),
            ProjectError::Kind::BadInput);
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::openOrCreate(const QString& path)
{
    return QFileInfo::exists(path) ? open(path) : create(path);
}

void ProjectStore::openConnection(Access access)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
    switch (access) {
    case Access::Create: db.setDatabaseName(path_); break;
    case Access::ReadWrite:
        db.setDatabaseName(path_);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        break;
    case Access::ReadOnly: readOnlyConnection(db, path_, false); break;
    case Access::Immutable: readOnlyConnection(db, path_, true); break;
    }
    if (!db.open())
        throw ProjectError(
            QStringLiteral("%1: cannot open: %2").arg(name_, db.lastError().text()).toStdString());
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void ProjectStore::useRollbackJournal()
{
    // A rollback journal, not a write-ahead log: a project is one file that can be read where it
    // cannot be written (read-only media, a shared drive) and leaves nothing beside it once
    // closed; a failed write is rolled back from the journal. Set only once the file is known to
    // be ours (it writes to the database header); a file in WAL mode (earlier versions) turns
    // back here when it is opened for writing.
    QSqlQuery q(database());
    q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

QSqlDatabase ProjectStore::database() const
{
    return QSqlDatabase::database(connection_, false);
}

int ProjectStore::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        throw ProjectError(QStringLiteral("%1: cannot read the schema version: %2")
                               .arg(name_, q.lastError().text())
                               .toStdString());
    return q.value(0).toInt();
}

void ProjectStore::migrate()
{
    const int from = schemaVersion();
    if (from > kSchemaVersion)
        throw ProjectError(
            QStringLiteral("%1: made by a newer Sharecast (schema %2; this version reads up to %3)")
                .arg(name_)
                .arg(from)
                .arg(kSchemaVersion)
                .toStdString(),
            ProjectError::Kind::BadInput);
    if (from == kSchemaVersion)
        return;
    const ForeignKeysOff keysOff(database());
    for (int v = from + 1; v <= kSchemaVersion; ++v) {
        Transaction t(database(), name_);
        QSqlQuery q(database());
        const Migration& m = kMigrations[v - 1];
        for (std::size_t i = 0; i < m.count; ++i)
            if (!q.exec(QString::fromLatin1(m.statements[i])))
                throw ProjectError(QStringLiteral("%1: cannot upgrade to schema %2: %3")
                                       .arg(name_)
                                       .arg(v)
                                       .arg(q.lastError().text())
                                       .toStdString());
        // A rebuilt table must leave every reference to it whole.
        if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")) || q.next())
            throw ProjectError(QStringLiteral("%1: cannot upgrade to schema %2: %3")
                                   .arg(name_)
                                   .arg(v)
                                   .arg(q.lastError().isValid() ? q.lastError().text()
                                                                : QStringLiteral("a dataset reference broke"))
                                   .toStdString());
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v));
        t.commit();
    }
}

QString ProjectStore::metadata(const QString& key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM project_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void ProjectStore::setMetadata(const QString& key, const QString& value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO project_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    execWith(q, name_, {key, text(value)});
}

void ProjectStore::logRun(const QString& command, const QString& detail)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO run_log (at, command, detail) VALUES (?, ?, ?)"));
    execWith(q, name_, {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), command, detail});
}

QList<DatasetInfo> ProjectStore::datasets() const
{
    QList<DatasetInfo> list;
    QSqlQuery q(database());
    q.exec(
        QStringLiteral("SELECT id, kind, source_name, source_size, sha256, row_count, imported_at, warnings, "
                       "summary, active, %1 FROM dataset ORDER BY id")
            .arg(schemaVersion() >= kQuerySchema ? QStringLiteral("source_query") : QStringLiteral("''")));
    while (q.next()) {
        DatasetInfo d;
        d.id = q.value(0).toLongLong();
        d.kind = kindFromString(q.value(1).toString());
        d.provenance.sourceName = q.value(2).toString();
        d.provenance.sourceSize = q.value(3).toLongLong();
        d.provenance.sha256 = q.value(4).toString();
        d.provenance.rowCount = q.value(5).toLongLong();
        d.provenance.importedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        const QString warnings = q.value(7).toString();
        d.provenance.warnings = warnings.isEmpty() ? QStringList() : warnings.split(u'\n');
        d.provenance.summary = q.value(8).toString();
        d.active = q.value(9).toBool();
        d.provenance.query = q.value(10).toString();
        list << d;
    }
    return list;
}

std::optional<DatasetInfo> ProjectStore::activeDataset(DatasetKind kind) const
{
    for (const DatasetInfo& d : datasets())
        if (d.active && roleOf(d.kind) == roleOf(kind))
            return d;
    return std::nullopt;
}

qint64 ProjectStore::insertDataset(DatasetKind kind, const Provenance& p)
{
    QSqlQuery q(database());
    // The new dataset replaces the active one of its role.
    QStringList sameRole;
    for (DatasetKind k :
         {DatasetKind::Experience, DatasetKind::Quality, DatasetKind::Members, DatasetKind::Partnerships})
        if (roleOf(k) == roleOf(kind))
            sameRole << QStringLiteral("'%1'").arg(toString(k));
    if (!q.exec(QStringLiteral("UPDATE dataset SET active = 0 WHERE kind IN (%1)")
                    .arg(sameRole.join(QStringLiteral(", ")))))
        throw ProjectError(
            QStringLiteral("%1: cannot save: %2").arg(name_, q.lastError().text()).toStdString());
    q.prepare(
        QStringLiteral("INSERT INTO dataset (kind, source_name, source_size, sha256, row_count, imported_at, "
                       "warnings, summary, source_query, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    execWith(q, name_,
             {toString(kind), text(p.sourceName), p.sourceSize, p.sha256, p.rowCount,
              (p.importedAt.isValid() ? p.importedAt : QDateTime::currentDateTimeUtc())
                  .toUTC()
                  .toString(Qt::ISODateWithMs),
              text(p.warnings.join(u'\n')), text(p.summary), text(p.query)});
    return q.lastInsertId().toLongLong();
}

void ProjectStore::insertCells(qint64 id, const ExperienceData& data)
{
    QSqlQuery q(database());
    q.prepare(
        QStringLiteral("INSERT INTO dataset_column (dataset_id, kind, position, name) VALUES (?, ?, ?, ?)"));
    auto addColumns = [&](const QString& kind, const std::vector<std::string>& names) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            execWith(q, name_, {id, kind, static_cast<qint64>(i), QString::fromStdString(names[i])});
        }
    };
    addColumns(QStringLiteral("cost"), data.cosNames);
    addColumns(QStringLiteral("util"), data.utilNames);

    q.prepare(QStringLiteral(
        "INSERT INTO experience_cell (dataset_id, plan_id, plan_name, region, rate_cell, year, "
        "member_months, "
        "risk_score, excess_over_threshold, capitation_revenue, admin_cost, claims_denied, claims_total, "
        "grievances, "
        "costs, utils, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ExperienceCell& c : data.cells) {
        const auto name = data.planNames.find(c.planId);
        execWith(q, name_,
                 {id, QString::fromStdString(c.planId),
                  text(name == data.planNames.end() ? QString() : QString::fromStdString(name->second)),
                  QString::fromStdString(c.region), QString::fromStdString(c.rateCell), c.year,
                  c.memberMonths, c.riskScore, c.excessOverThreshold, c.capitationRevenue, c.adminCost,
                  c.claimsDenied, c.claimsTotal, c.grievances, packDoubles(c.cost), packDoubles(c.util),
                  static_cast<qint64>(c.sourceLine)});
    }
}

qint64 ProjectStore::addExperience(const ExperienceData& data, const Provenance& provenance)
{
    Transaction t(database(), name_, inBatch_);
    const qint64 id = insertDataset(DatasetKind::Experience, provenance);
    insertCells(id, data);
    t.commit();
    return id;
}

qint64 ProjectStore::addQuality(const QualityData& data, const Provenance& provenance)
{
    Transaction t(database(), name_, inBatch_);
    const qint64 id = insertDataset(DatasetKind::Quality, provenance);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO quality_rate (dataset_id, plan_id, year, measure_id, numerator, "
                             "denominator, rate, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QualityRecord& r : data.records) {
        execWith(q, name_,
                 {id, QString::fromStdString(r.planId), r.year, QString::fromStdString(r.measureId),
                  r.numerator ? QVariant(static_cast<qint64>(*r.numerator)) : QVariant(),
                  r.denominator ? QVariant(static_cast<qint64>(*r.denominator)) : QVariant(),
                  r.rate ? QVariant(*r.rate) : QVariant(), static_cast<qint64>(r.sourceLine)});
    }
    t.commit();
    return id;
}

qint64 ProjectStore::addMembers(const MemberAggregates& agg, const ExperienceData& cells,
                                const Provenance& provenance)
{
    Transaction t(database(), name_, inBatch_);
    const qint64 id = insertDataset(DatasetKind::Members, provenance);
    insertCells(id, cells);
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO member_aggregate_setting (dataset_id, truncation_threshold, included_cos) "
        "VALUES (?, ?, ?)"));
    QStringList cos;
    for (const std::string& c : agg.includedCos)
        cos << QString::fromStdString(c);
    execWith(q, name_, {id, agg.truncationThreshold, text(cos.join(u','))});
    q.prepare(QStringLiteral(
        "INSERT INTO member_aggregate (dataset_id, plan_id, region, rate_cell, year, members, "
        "member_months, cost_sum, cost_sum_squares, excess_sum, truncated_sum, truncated_sum_squares) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const MemberCellAggregate& a : agg.cells) {
        execWith(q, name_,
                 {id, QString::fromStdString(a.planId), QString::fromStdString(a.region),
                  QString::fromStdString(a.rateCell), a.year, a.members, a.memberMonths, a.costSum,
                  a.costSumSquares, a.excessSum, a.truncatedSum ? QVariant(*a.truncatedSum) : QVariant(),
                  a.truncatedSumSquares ? QVariant(*a.truncatedSumSquares) : QVariant()});
    }
    t.commit();
    return id;
}

qint64 ProjectStore::addPartnerships(const PartnershipData& data, const Provenance& provenance)
{
    Transaction t(database(), name_, inBatch_);
    const qint64 id = insertDataset(DatasetKind::Partnerships, provenance);
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO partnership (dataset_id, position, plan_id, partner_id, partner_name, service, year, "
        "members_engaged, member_months, pmpm, outreach_attempts, outreach_fee, outreach_cap, "
        "outcome_measure, outcome_baseline, outcome_target, outcome_actual, outcome_bonus, "
        "savings_pass_through, operating_cost, grant_ipp, grant_path, grant_other, utilization_avoided, "
        "source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto optional = [](const std::optional<double>& v) { return v ? QVariant(*v) : QVariant(); };
    qint64 position = 0;
    for (const PartnershipRecord& r : data.records) {
        execWith(q, name_,
                 {id,
                  position++,
                  QString::fromStdString(r.planId),
                  QString::fromStdString(r.partnerId),
                  text(QString::fromStdString(r.partnerName)),
                  QString::fromStdString(r.service),
                  r.year,
                  r.membersEngaged,
                  r.memberMonths,
                  r.pmpm,
                  r.outreachAttempts,
                  r.outreachFee,
                  optional(r.outreachCap),
                  text(QString::fromStdString(r.outcomeMeasure)),
                  optional(r.outcomeBaseline),
                  optional(r.outcomeTarget),
                  optional(r.outcomeActual),
                  r.outcomeBonus,
                  r.savingsPassThrough,
                  r.operatingCost,
                  r.grantIpp,
                  r.grantPath,
                  r.grantOther,
                  r.utilizationAvoided,
                  static_cast<qint64>(r.sourceLine)});
    }
    t.commit();
    return id;
}

std::string ProjectStore::sourceNameOf(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT source_name FROM dataset WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        throw ProjectError(QStringLiteral("%1: no dataset %2").arg(name_).arg(id).toStdString(),
                           ProjectError::Kind::BadInput);
    return q.value(0).toString().toStdString();
}

ExperienceData ProjectStore::loadExperience(qint64 id) const
{
    ExperienceData data;
    data.sourceName = sourceNameOf(id);
    QSqlQuery q(database());

    q.prepare(
        QStringLiteral("SELECT kind, name FROM dataset_column WHERE dataset_id = ? ORDER BY kind, position"));
    q.addBindValue(id);
    q.exec();
    while (q.next())
        (q.value(0).toString() == QLatin1String("cost") ? data.cosNames : data.utilNames)
            .push_back(q.value(1).toString().toStdString());

    q.prepare(QStringLiteral(
        "SELECT plan_id, plan_name, region, rate_cell, year, member_months, risk_score, "
        "excess_over_threshold, "
        "capitation_revenue, admin_cost, claims_denied, claims_total, grievances, costs, utils, source_line "
        "FROM experience_cell WHERE dataset_id = ? ORDER BY id"));
    q.setForwardOnly(true);
    q.addBindValue(id);
    if (!q.exec())
        throw ProjectError(
            QStringLiteral("%1: cannot read: %2").arg(name_, q.lastError().text()).toStdString());
    while (q.next()) {
        ExperienceCell c;
        c.planId = q.value(0).toString().toStdString();
        const QString planName = q.value(1).toString();
        if (!planName.isEmpty())
            data.planNames.emplace(c.planId, planName.toStdString());
        c.region = q.value(2).toString().toStdString();
        c.rateCell = q.value(3).toString().toStdString();
        c.year = q.value(4).toInt();
        c.memberMonths = q.value(5).toDouble();
        c.riskScore = q.value(6).toDouble();
        c.excessOverThreshold = q.value(7).toDouble();
        c.capitationRevenue = q.value(8).toDouble();
        c.adminCost = q.value(9).toDouble();
        c.claimsDenied = q.value(10).toDouble();
        c.claimsTotal = q.value(11).toDouble();
        c.grievances = q.value(12).toDouble();
        c.cost = unpackDoubles(q.value(13).toByteArray());
        c.util = unpackDoubles(q.value(14).toByteArray());
        c.sourceLine = q.value(15).toLongLong();
        if (c.cost.size() != data.cosNames.size() || c.util.size() != data.utilNames.size())
            throw ProjectError(
                QStringLiteral("%1: damaged experience cell in dataset %2").arg(name_).arg(id).toStdString(),
                ProjectError::Kind::BadInput);
        data.cells.push_back(std::move(c));
    }
    return data;
}

QualityData ProjectStore::loadQuality(qint64 id) const
{
    QualityData data;
    data.sourceName = sourceNameOf(id);
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT plan_id, year, measure_id, numerator, denominator, rate, source_line "
                             "FROM quality_rate WHERE dataset_id = ? ORDER BY source_line"));
    q.addBindValue(id);
    q.exec();
    while (q.next()) {
        QualityRecord r;
        r.planId = q.value(0).toString().toStdString();
        r.year = q.value(1).toInt();
        r.measureId = q.value(2).toString().toStdString();
        if (!q.value(3).isNull())
            r.numerator = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            r.denominator = q.value(4).toLongLong();
        if (!q.value(5).isNull())
            r.rate = q.value(5).toDouble();
        r.sourceLine = q.value(6).toLongLong();
        data.records.push_back(std::move(r));
    }
    return data;
}

MemberAggregates ProjectStore::loadMemberAggregates(qint64 id) const
{
    MemberAggregates agg;
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT truncation_threshold, included_cos FROM member_aggregate_setting WHERE dataset_id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        agg.truncationThreshold = q.value(0).toDouble();
        for (const QString& c : q.value(1).toString().split(u',', Qt::SkipEmptyParts))
            agg.includedCos.push_back(c.toStdString());
    }
    const bool truncatedSums = schemaVersion() >= 4;
    q.prepare(QStringLiteral("SELECT plan_id, region, rate_cell, year, members, member_months, cost_sum, "
                             "cost_sum_squares, excess_sum%1 FROM member_aggregate WHERE dataset_id = ? "
                             "ORDER BY plan_id, region, rate_cell, year")
                  .arg(truncatedSums ? QStringLiteral(", truncated_sum, truncated_sum_squares") : QString()));
    q.addBindValue(id);
    q.exec();
    while (q.next()) {
        MemberCellAggregate a;
        a.planId = q.value(0).toString().toStdString();
        a.region = q.value(1).toString().toStdString();
        a.rateCell = q.value(2).toString().toStdString();
        a.year = q.value(3).toInt();
        a.members = q.value(4).toLongLong();
        a.memberMonths = q.value(5).toDouble();
        a.costSum = q.value(6).toDouble();
        a.costSumSquares = q.value(7).toDouble();
        a.excessSum = q.value(8).toDouble();
        if (truncatedSums && !q.value(9).isNull() && !q.value(10).isNull()) {
            a.truncatedSum = q.value(9).toDouble();
            a.truncatedSumSquares = q.value(10).toDouble();
        }
        agg.cells.push_back(std::move(a));
    }
    return agg;
}

PartnershipData ProjectStore::loadPartnerships(qint64 id) const
{
    PartnershipData data;
    data.sourceName = sourceNameOf(id);
    if (schemaVersion() < kPartnershipsSchema)
        return data; // a file read as it is, from before partnerships: it has none
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT plan_id, partner_id, partner_name, service, year, members_engaged, member_months, pmpm, "
        "outreach_attempts, outreach_fee, outreach_cap, outcome_measure, outcome_baseline, outcome_target, "
        "outcome_actual, outcome_bonus, savings_pass_through, operating_cost, grant_ipp, grant_path, "
        "grant_other, utilization_avoided, source_line FROM partnership WHERE dataset_id = ? ORDER BY "
        "position"));
    q.addBindValue(id);
    if (!q.exec())
        throw ProjectError(
            QStringLiteral("%1: cannot read: %2").arg(name_, q.lastError().text()).toStdString());
    const auto optional = [&q](int column) {
        return q.value(column).isNull() ? std::optional<double>() : q.value(column).toDouble();
    };
    while (q.next()) {
        PartnershipRecord r;
        r.planId = q.value(0).toString().toStdString();
        r.partnerId = q.value(1).toString().toStdString();
        r.partnerName = q.value(2).toString().toStdString();
        r.service = q.value(3).toString().toStdString();
        r.year = q.value(4).toInt();
        r.membersEngaged = q.value(5).toDouble();
        r.memberMonths = q.value(6).toDouble();
        r.pmpm = q.value(7).toDouble();
        r.outreachAttempts = q.value(8).toDouble();
        r.outreachFee = q.value(9).toDouble();
        r.outreachCap = optional(10);
        r.outcomeMeasure = q.value(11).toString().toStdString();
        r.outcomeBaseline = optional(12);
        r.outcomeTarget = optional(13);
        r.outcomeActual = optional(14);
        r.outcomeBonus = q.value(15).toDouble();
        r.savingsPassThrough = q.value(16).toDouble();
        r.operatingCost = q.value(17).toDouble();
        r.grantIpp = q.value(18).toDouble();
        r.grantPath = q.value(19).toDouble();
        r.grantOther = q.value(20).toDouble();
        r.utilizationAvoided = q.value(21).toDouble();
        r.sourceLine = static_cast<long>(q.value(22).toLongLong());
        data.records.push_back(std::move(r));
    }
    return data;
}

} // namespace sharecast::io
