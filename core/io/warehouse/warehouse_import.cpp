#include "io/warehouse/warehouse_import.h"

#include "io/io_error.h"
#include "io/warehouse/members_query.h"

#include <QAtomicInteger>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace sharecast::io {

namespace {

QAtomicInteger<int> connectionCounter;

//! The server's words for an error (Qt's text adds its own prefix only when the server said
//! nothing).
QString serverText(const QSqlError& e)
{
    const QString text = e.databaseText().trimmed();
    return text.isEmpty() ? e.text().trimmed() : text;
}

//! One open QPSQL connection, removed again when destroyed; used only on the thread that made it.
class Connection {
public:
    Connection(const WarehouseUrl& url, const QString& password)
        : name_(QStringLiteral("sharecast-warehouse-%1").arg(connectionCounter.fetchAndAddOrdered(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name_);
        if (!db.isValid())
            throw ReadError(
                QStringLiteral("%1: cannot connect: Qt's PostgreSQL driver (QPSQL, Debian package "
                               "libqt6sql6-psql) is not installed")
                    .arg(url.shown()));
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.database);
        db.setUserName(url.user);
        db.setPassword(password); // empty: libpq reads PGPASSWORD or ~/.pgpass itself
        QStringList options = {QStringLiteral("application_name=sharecast"),
                               QStringLiteral("connect_timeout=15")};
        options << url.options; // later keywords win
        db.setConnectOptions(options.join(u';'));
        open_ = db.open();
        if (!open_)
            error_ = db.lastError();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name_, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool isOpen() const { return open_; }
    const QSqlError& error() const { return error_; }
    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }

private:
    QString name_;
    bool open_ = false;
    QSqlError error_;
};

//! While alive, polls control.cancelled and, once it turns true, cancels the statement of the
//! backend `pid` from a second connection (again every half second until the statement ends).
class Canceller {
public:
    Canceller(const ImportControl& control, const WarehouseUrl& url, const QString& password,
              const QString& pid)
    {
        if (!control.cancelled)
            return;
        thread_ = std::thread([this, cancelled = control.cancelled, url, password, pid] {
            std::unique_lock lock(mutex_);
            while (!done_) {
                if (cancelled()) {
                    requested_ = true;
                    lock.unlock();
                    if (!pid.isEmpty()) {
                        Connection second(url, password);
                        QSqlQuery q(second.db());
                        if (second.isOpen())
                            q.exec(QStringLiteral("SELECT pg_cancel_backend(%1)").arg(pid));
                    }
                    lock.lock();
                }
                wake_.wait_for(lock,
                               requested_ ? std::chrono::milliseconds(500) : std::chrono::milliseconds(100));
            }
        });
    }
    ~Canceller()
    {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable())
            thread_.join();
    }
    Canceller(const Canceller&) = delete;
    Canceller& operator=(const Canceller&) = delete;

    bool requested() const { return requested_; }

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    std::atomic<bool> requested_{false};
    std::thread thread_;
};

//! Runs sql on db (forward only, NUMERIC as text) and returns every row as text; throws ReadError
//! naming the source, or ImportCancelled when the canceller stopped it.
std::vector<QueryRow> run(const QSqlDatabase& db, const QString& sql, const QString& shown,
                          const Canceller& cancel, const QStringList& bound = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::HighPrecision);
    bool ok = false;
    if (bound.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        for (const QString& b : bound)
            q.addBindValue(b);
        ok = ok && q.exec();
    }
    if (cancel.requested())
        throw ImportCancelled();
    if (!ok)
        throw ReadError(
            QStringLiteral("%1: the database refused the query: %2").arg(shown, serverText(q.lastError())));
    std::vector<QueryRow> rows;
    while (q.next()) {
        QueryRow r;
        const int n = q.record().count();
        for (int i = 0; i < n; ++i) {
            r.isNull.push_back(q.isNull(i) ? 1 : 0);
            r.text.push_back(q.value(i).toString().toStdString());
        }
        rows.push_back(std::move(r));
    }
    if (cancel.requested())
        throw ImportCancelled();
    return rows;
}

//! "member_id 'M1', plan_id 'P01', region 'North', rate_cell 'Adult', year 2023".
std::string keysText(const QueryRow& r)
{
    static const char* const names[] = {"member_id", "plan_id", "region", "rate_cell", "year"};
    std::string t;
    for (int i = 0; i < 5; ++i) {
        if (i)
            t += ", ";
        t += names[i];
        t += r.isNull[i] ? std::string(" NULL") : " '" + r.text[i] + "'";
    }
    return t;
}

//! The error for the first violation counted: a few offending rows fetched and named.
[[noreturn]] void throwViolation(const QSqlDatabase& db, const WarehouseTable& table,
                                 const MembersQuery& query, const QString& where, const RowViolation& v,
                                 const QString& shown, const Canceller& cancel)
{
    constexpr int kShown = 3;
    const std::string file = shown.toStdString();
    if (v.check < 0) {
        const std::vector<QueryRow> rows =
            run(db, duplicateRowsQuery(table, query.columns, where, kShown), shown, cancel);
        std::string also;
        for (std::size_t i = 1; i < rows.size(); ++i)
            also += "; " + keysText(rows[i]);
        const QueryRow& r = rows.at(0);
        throw InputError(InputLocation{file, 0, "member_id", r.text[0], true},
                         "the member is listed " + r.text[5] +
                             " times for the same plan, region, rate cell and year (" + keysText(r) + "); " +
                             std::to_string(v.rows) + " extra row(s) in all" +
                             (also.empty() ? std::string() : ", also " + also.substr(2)));
    }
    const RowCheck& check = query.checks[static_cast<std::size_t>(v.check)];
    const std::vector<QueryRow> rows =
        run(db, offendingRowsQuery(table, query.columns, where, check, kShown), shown, cancel);
    std::string column = check.column;
    if (check.tableColumn.toStdString() != check.column)
        column += " (table column " + check.tableColumn.toStdString() + ")";
    const QueryRow& r = rows.at(0);
    std::string also;
    for (std::size_t i = 1; i < rows.size(); ++i)
        also += "; " + keysText(rows[i]) + (rows[i].isNull[5] ? ": NULL" : ": '" + rows[i].text[5] + "'");
    throw InputError(InputLocation{file, 0, column, r.isNull[5] ? "NULL" : r.text[5], true},
                     check.reason + " (row " + keysText(r) + "); " + std::to_string(v.rows) +
                         " row(s) in all" + (also.empty() ? std::string() : ", also " + also.substr(2)));
}

bool needsPassword(const QSqlError& e)
{
    return serverText(e).contains(QLatin1String("no password supplied"));
}

} // namespace

QString WarehouseUrl::shown() const
{
    return QStringLiteral("postgresql://%1%2:%3/%4")
        .arg(user.isEmpty() ? QString() : user + u'@', host)
        .arg(port)
        .arg(database);
}

WarehouseUrl parseWarehouseUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    const auto bad = [&](const std::string& reason, const QString& shownValue) {
        return InputError(InputLocation{"--members-from", 0, "", shownValue.toStdString(), true}, reason);
    };
    // Never echo a password: the URL is shown without it.
    const QString shownUrl =
        url.isValid() ? url.toString(QUrl::RemovePassword) : QStringLiteral("(not a URL)");
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        throw bad("give the warehouse as postgresql://[user@]host[:port]/database", shownUrl);
    const QUrlQuery query(url);
    if (!url.password().isEmpty() || query.hasQueryItem(QStringLiteral("password")))
        throw bad(
            "the URL carries a password: leave it out (Sharecast never stores or logs passwords) and give it "
            "through PGPASSWORD, ~/.pgpass or the password prompt",
            url.toString(QUrl::RemovePassword | QUrl::RemoveQuery));
    WarehouseUrl w;
    w.user = url.userName();
    w.host = url.host();
    w.port = url.port(5432);
    w.database = url.path().mid(1);
    if (w.host.isEmpty() || w.database.isEmpty() || w.database.contains(u'/'))
        throw bad("give the warehouse as postgresql://[user@]host[:port]/database", shownUrl);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
        w.options << key + u'=' + value;
    return w;
}

WarehouseMembers readWarehouseMembers(const WarehouseSource& source, const MemberAggregationOptions& options,
                                      const ImportControl& control)
{
    const auto step = [&](int done) {
        if (control.progress)
            control.progress(done, 4);
        if (control.cancelled && control.cancelled())
            throw ImportCancelled();
    };
    const WarehouseUrl url = parseWarehouseUrl(source.url);
    const WarehouseTable table = parseWarehouseTable(source.table);
    ColumnMap map;
    if (!source.columnMapPath.isEmpty()) {
        QFile f(source.columnMapPath);
        if (!f.exists())
            throw InputError(InputLocation{source.columnMapPath.toStdString(), 0, "", "", false},
                             "no such file");
        if (!f.open(QIODevice::ReadOnly))
            throw readError(source.columnMapPath, f.errorString());
        map = parseColumnMap(f.readAll(), source.columnMapPath);
    }
    const QString shown = url.shown();
    const QString sourceName = QStringLiteral("%1 table %2").arg(shown, table.shown());
    step(0);

    QString password = source.password;
    auto connection = std::make_unique<Connection>(url, password);
    if (!connection->isOpen() && password.isEmpty() && needsPassword(connection->error()) &&
        source.askPassword) {
        // None typed (no terminal, end of input): the error below says how to give one.
        if (const std::optional<QString> typed = source.askPassword(shown)) {
            password = *typed;
            connection.reset(); // one connection name at a time
            connection = std::make_unique<Connection>(url, password);
        }
    }
    if (!connection->isOpen()) {
        QString reason = serverText(connection->error());
        if (needsPassword(connection->error()))
            reason += QStringLiteral(
                " (the server wants a password: set PGPASSWORD or add it to ~/.pgpass; on a terminal, "
                "Sharecast asks for it)");
        throw ReadError(QStringLiteral("%1: cannot connect: %2").arg(shown, reason));
    }
    const QSqlDatabase db = connection->db();
    step(1);

    const Canceller none(ImportControl{}, url, password, {});
    // The backend to cancel; an engine without pg_backend_pid() runs the statement uncancellable
    // (a cancel then takes effect when it ends).
    QString pid;
    try {
        pid = QString::fromStdString(
            run(db, QStringLiteral("SELECT pg_backend_pid()"), shown, none).at(0).text.at(0));
    } catch (const ReadError&) {
    }
    if (!QRegularExpression(QStringLiteral("^[0-9]+$")).match(pid).hasMatch())
        pid.clear();
    const std::vector<QueryRow> names =
        run(db,
            QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND "
                           "table_name = ? ORDER BY ordinal_position"),
            shown, none, {table.schema, table.table});
    if (names.empty())
        throw InputError(InputLocation{sourceName.toStdString(), 0, "", "", false},
                         "no such table (or this user may not see its columns)");
    QStringList columns;
    for (const QueryRow& r : names)
        columns << QString::fromStdString(r.text.at(0));
    const MemberColumns memberColumns = resolveMemberColumns(table, columns, map);
    const MembersQuery query = buildMembersQuery(table, memberColumns, source.where, options);
    step(2);

    std::vector<QueryRow> rows;
    {
        const Canceller cancel(control, url, password, pid);
        rows = run(db, query.sql, shown, cancel);
        step(3);
        const std::vector<RowViolation> violations = countedViolations(query, rows);
        if (!violations.empty())
            throwViolation(db, table, query, source.where, violations.front(), sourceName, cancel);
    }
    WarehouseMembers out;
    out.members = memberImportFromRows(query, rows, sourceName.toStdString(), options);
    out.sourceName = sourceName;
    out.query = query.sql;
    out.canonical = canonicalCellsText(out.members);
    step(4);
    return out;
}

} // namespace sharecast::io
