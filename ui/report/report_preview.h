#pragma once
//! The report from the workbench: print preview, printing and File → Export report, through the
//! same renderer as `sharecast report`.

#include "ui/report/report_renderer.h"

#include <QString>

class QPrinter;
class QWidget;

namespace sharecast::ui {

class ProjectDocument;

//! Paints the report of the document's current scenario and results onto printer (connect it to
//! QPrintPreviewDialog::paintRequested, or call it with a printer from QPrintDialog). Landscape
//! tables are drawn rotated on portrait paper. Returns what was painted; pages is 0 and the
//! error is set when the results could not be calculated.
ReportInfo printReport(ProjectDocument* document, QPrinter* printer, const ReportOptions& options = {},
                       QString* error = nullptr);

//! Opens a modal print preview of the report over parent; returns the dialog's result.
int showReportPreview(ProjectDocument* document, const ReportOptions& options, QWidget* parent);

//! Writes the report as PDF to pdfPath and, when csvDir is not empty, its CSV files into csvDir
//! (created when missing), all atomically. Returns an empty string on success, else a message.
QString exportReport(ProjectDocument* document, const ReportOptions& options, const QString& pdfPath,
                     const QString& csvDir = {});

} // namespace sharecast::ui
