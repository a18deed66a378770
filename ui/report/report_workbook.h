#pragma once
//! The report as an Excel workbook (`sharecast report --xlsx`, File ▸ Export to Excel): sheets
//! for the settlement, projection, comparison, quality, validity and sensitivity of the report's
//! figures, the assumptions, and one audit sheet per chosen plan that rebuilds its settlement
//! (methodology §2–§9) as live formulas (io/report/audit_sheet.h).

#include "ui/report/report_renderer.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace sharecast::ui {

class ProjectDocument;

//! The workbook's bytes for the document's current results and these report figures; `target`
//! names the file in errors. `auditPlans` are the plans given audit sheets, in order; empty:
//! io::defaultAuditPlan() (the first plan paid, else the first plan). Throws InputError for a
//! plan not in the settlement, for a public report (the workbook holds every plan's detail), or
//! when the results could not be calculated; io::WriteError when the workbook cannot be made.
QByteArray reportWorkbook(const ProjectDocument& document, const ReportOptions& options,
                          const ReportFigures& figures, const std::vector<std::string>& auditPlans,
                          const QString& target);

//! Writes the workbook of the document's current results (a report with default options) to
//! path, atomically; returns an empty string on success, else the problem (naming the file).
QString exportReportWorkbook(const ProjectDocument& document, const QString& path,
                             const std::vector<std::string>& auditPlans);

//! The name of a plan's audit sheet: "Audit " and the plan id, cut to Excel's 31 characters, with
//! the characters a sheet name may not hold replaced by '_'.
QString auditSheetName(const std::string& planId);

} // namespace sharecast::ui
