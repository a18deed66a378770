#pragma once
//! Member-level experience read from a PostgreSQL-compatible warehouse (methodology §1.3): the
//! aggregation runs in the database as one statement (members_query.h), so only the cells cross
//! the network, through Qt SQL's QPSQL driver.

#include "io/csv/csv_reader.h"
#include "io/csv/members_csv.h"

#include <QString>

#include <functional>
#include <optional>

namespace sharecast::io {

//! Asks the user for the password of a connection (shown: the URL); nullopt when there is no one
//! to ask (no terminal) or they give none.
using PasswordPrompt = std::function<std::optional<QString>(const QString& shown)>;

//! Where member rows come from in a warehouse.
struct WarehouseSource {
    QString url;           //!< postgresql://[user@]host[:port]/database[?option=value…], no password
    QString table;         //!< SCHEMA.TABLE
    QString columnMapPath; //!< JSON: Sharecast column → table column; empty: the same names
    QString where;         //!< an SQL condition on the table's columns; empty: every row
    //! The password, held only in memory; empty: libpq's own (PGPASSWORD, ~/.pgpass), then
    //! askPassword when the server wants one.
    QString password;
    PasswordPrompt askPassword;
};

//! The connection parts of a URL (never a password).
struct WarehouseUrl {
    QString user, host, database;
    int port = 5432;
    QStringList options; //!< libpq keywords from the query string, "key=value"
    //! postgresql://[user@]host:port/database, as the project records it.
    QString shown() const;
};

//! Parses postgresql://[user@]host[:port]/database[?key=value&…]. Throws InputError for another
//! scheme, a missing database, or a password (in the URL or as ?password=): passwords come from
//! PGPASSWORD, ~/.pgpass or the prompt and are never stored.
WarehouseUrl parseWarehouseUrl(const QString& url);

//! The members read from a warehouse and their provenance.
struct WarehouseMembers {
    MemberImport members;
    QString sourceName;   //!< "postgresql://user@host:port/db table schema.table"
    QString query;        //!< the aggregation statement as run
    QByteArray canonical; //!< canonicalCellsText() of the members: its SHA-256 is the digest
};

//! Connects, finds the table's columns (information_schema.columns), runs the aggregation and
//! checks its counts; on a violation a follow-up query fetches a few offending rows and the
//! InputError names the table, column, value and the row's keys. control.cancelled is polled while
//! the statement runs: when it turns true a second connection cancels the statement in the server
//! (pg_cancel_backend) and ImportCancelled is thrown. control.progress reports steps (of 4).
//! Throws ReadError when the server cannot be reached or refuses the statement, InputError for
//! bad input, ImportCancelled.
WarehouseMembers readWarehouseMembers(const WarehouseSource& source, const MemberAggregationOptions& options,
                                      const ImportControl& control = {});

} // namespace sharecast::io
