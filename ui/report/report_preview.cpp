#include "ui/report/report_preview.h"

#include "engine/error.h"
#include "io/report/report_output.h"
#include "ui/document/project_document.h"

#include <QDir>
#include <QFileInfo>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace sharecast::ui {

ReportInfo printReport(ProjectDocument* document, QPrinter* printer, const ReportOptions& options,
                       QString* error)
{
    try {
        ReportOptions o = options;
        if (o.projectFile.isEmpty())
            o.projectFile = document->path();
        return renderReport(*document, o, printer);
    } catch (const InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return {};
    }
}

int showReportPreview(ProjectDocument* document, const ReportOptions& options, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::Letter));
    printer.setDocName(QObject::tr("Sharecast briefing"));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(QObject::tr("Report preview"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [document, options](QPrinter* p) { printReport(document, p, options); });
    return dialog.exec();
}

QString exportReport(ProjectDocument* document, const ReportOptions& options, const QString& pdfPath,
                     const QString& csvDir)
{
    try {
        ReportOptions o = options;
        if (o.projectFile.isEmpty())
            o.projectFile = document->path();
        QList<QPair<QString, QByteArray>> files;
        const ReportFigures figures = reportFigures(*document, o); // once, for the PDF and the CSV files
        const QByteArray pdf = renderReportPdf(*document, o, figures);
        if (pdf.isEmpty())
            return QObject::tr("%1: the report could not be drawn").arg(pdfPath);
        files.append({pdfPath, pdf});
        if (!csvDir.isEmpty()) {
            for (const auto& [name, bytes] : reportCsvFiles(*document, o, figures))
                files.append({QDir(csvDir).filePath(name), bytes});
            if (!QDir().mkpath(csvDir))
                return QObject::tr("%1: cannot create the folder").arg(csvDir);
        }
        return io::writeReportFiles(files);
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
}

} // namespace sharecast::ui
