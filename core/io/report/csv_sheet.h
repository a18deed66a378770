#pragma once
//! A CSV table of the report (settlement.csv, projection.csv, …) as a worksheet of the Excel
//! workbook: numbers as numbers, money in dollars and rates in percent by column name, the header
//! row and the key columns frozen, the whole as a named Excel table with filter buttons.

#include "io/report/xlsx_workbook.h"

#include <QByteArray>
#include <QString>

namespace sharecast::io {

//! The number format of a report column, from its name: money (`expected`, `plan_payment`,
//! `*_pmpm`, …), percent (`savings_rate`, `msr`, `share_rate`, …), members, or general; a
//! comparison column (`NAME_a`, `NAME_b`, `NAME_difference`) as NAME.
XlsxStyle csvColumnStyle(const QString& column);

//! Adds sheet `sheetName` holding `csv` (a header row, then data) as the Excel table
//! `tableName`, with the header row and the first `keyColumns` columns frozen. Fields that are
//! numbers become numbers; others (plan ids, "*" of a suppressed cell) stay text; empty stays
//! empty. Throws InputError when csv is not CSV.
void writeCsvSheet(XlsxWorkbook& book, const QString& sheetName, const QString& tableName,
                   const QByteArray& csv, int keyColumns);

} // namespace sharecast::io
