#pragma once
//! The one SQL statement that aggregates a warehouse table of member rows to Sharecast's cells in
//! the database (methodology §1.3, the exact aggregation rule), and the reading of its result.
//! Pure text in, text out: no connection, so every statement is unit-tested.

#include "io/csv/members_csv.h"

#include <QString>
#include <QStringList>

#include <string>
#include <utility>
#include <vector>

namespace sharecast::io {

//! A table named SCHEMA.TABLE, each part exactly as the database stores it (case-sensitive).
struct WarehouseTable {
    QString schema;
    QString table;
    //! "schema.table" as the user gave it, for messages.
    QString shown() const { return schema + u'.' + table; }
};

//! Parses "SCHEMA.TABLE" (a part may be double-quoted, "" inside quotes is one quote). Throws
//! InputError for any other shape.
WarehouseTable parseWarehouseTable(const QString& text);

//! An SQL identifier in double quotes, embedded quotes doubled (standard SQL).
QString quoteIdentifier(const QString& name);

//! The column map: Sharecast column name → table column name, in the map's order.
struct ColumnMap {
    QString fileName; //!< the JSON file it came from (for messages); empty when none
    std::vector<std::pair<std::string, QString>> entries;
};

//! Reads a column map from JSON text: one object whose members are strings. Throws InputError
//! naming the file, line and key.
ColumnMap parseColumnMap(const QByteArray& json, const QString& fileName);

//! Which table column feeds each Sharecast column of members.csv.
struct MemberColumns {
    QString memberId, planId, region, rateCell, year, memberMonths;
    QString riskScore;                  //!< empty: the table has none (every risk score is 1)
    std::vector<std::string> cosNames;  //!< in the table's column order
    QStringList costColumns;            //!< the table column of each COS
    std::vector<std::string> utilNames; //!< in the table's column order
    QStringList utilColumns;
};

//! Matches the table's columns (in their order) to members.csv's: a column map entry names the
//! table column of a Sharecast column; every other Sharecast column is the table column of the
//! same name; cost_<cos> and util_<name> are the table's columns so named plus the map's entries
//! so named. Other table columns are ignored. Throws InputError naming the table (or the map, its
//! key and the column) when a required column is missing or the map names a column the table
//! does not have.
MemberColumns resolveMemberColumns(const WarehouseTable& table, const QStringList& tableColumns,
                                   const ColumnMap& map);

//! One per-row validation rule counted by the statement: rows where `condition` holds break it.
struct RowCheck {
    std::string column;  //!< the Sharecast column
    QString tableColumn; //!< the table column
    QString condition;   //!< SQL over the table's alias m
    std::string reason;  //!< the message, as members.csv's reader words it
};

//! The aggregation statement and how to read its result.
struct MembersQuery {
    QString sql;
    MemberColumns columns;
    std::vector<RowCheck> checks; //!< counted in the result's last columns, in this order
    std::vector<char> included;   //!< per COS: summed into a member's cost
    QString truncation;           //!< the threshold's decimal text in the statement
};

//! Builds the statement over table (filtered by where when not empty): per member row, in
//! NUMERIC, member cost = Σ included COS, excess = cost − T when cost > T, truncated = the rest,
//! risk × months; per (plan, region, rate cell, year): COUNT(*), COUNT(DISTINCT member_id), exact
//! SUMs of months, risk × months, excess, cost, cost², truncated, truncated², blanks, every COS
//! and util, and every RowCheck. Standard SQL only (CAST, COALESCE, CASE, SUM, COUNT DISTINCT,
//! nested SELECT, GROUP BY).
MembersQuery buildMembersQuery(const WarehouseTable& table, const MemberColumns& columns,
                               const QString& where, const MemberAggregationOptions& options);

//! The first rows (at most limit) of the table that break check, with their keys: columns
//! member_id, plan_id, region, rate_cell, year, then the checked column, all as text.
QString offendingRowsQuery(const WarehouseTable& table, const MemberColumns& columns, const QString& where,
                           const RowCheck& check, int limit);

//! The first member × cell keys (at most limit) listed more than once, with their count.
QString duplicateRowsQuery(const WarehouseTable& table, const MemberColumns& columns, const QString& where,
                           int limit);

//! One result row of the statement, each column's text (NUMERIC sums as the database prints
//! them); isNull per column.
struct QueryRow {
    std::vector<std::string> text;
    std::vector<char> isNull;
};

//! A row-level problem found in the result: the check broken (index into MembersQuery::checks)
//! or, when check is -1, a member listed twice in one cell; rows: how many.
struct RowViolation {
    int check = -1;
    long long rows = 0;
};

//! The violations the statement counted, summed over cells; empty when none.
std::vector<RowViolation> countedViolations(const MembersQuery& query, const std::vector<QueryRow>& rows);

//! The cells of the statement's result: every exact sum converted once to the nearest double,
//! the risk score as Σ risk×months / Σ months, cells sorted by (plan, region, rate cell, year)
//! as members.csv's reader orders them; sourceLine 0. Call after countedViolations() found none.
//! Throws InputError naming sourceName when a sum is not a finite number or there are no rows.
MemberImport memberImportFromRows(const MembersQuery& query, const std::vector<QueryRow>& rows,
                                  const std::string& sourceName, const MemberAggregationOptions& options);

//! The canonical text of an import's cells, one line per cell with every figure in the shortest
//! text that reads back exactly: its SHA-256 is the warehouse dataset's digest.
QByteArray canonicalCellsText(const MemberImport& import);

} // namespace sharecast::io
