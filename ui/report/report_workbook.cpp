#include "report_workbook.h"

#include "engine/error.h"
#include "io/atomic_file.h"
#include "io/io_error.h"
#include "io/report/audit_sheet.h"
#include "io/report/csv_sheet.h"
#include "io/report/xlsx_workbook.h"
#include "ui/document/project_document.h"

#include <QMap>

namespace sharecast::ui {

namespace {

//! Quality (methodology §6): one row per plan and scenario measure with the plan's composite and
//! gate, from the settlement's trace.
void writeQualitySheet(io::XlsxWorkbook& book, const Settlement& settlement)
{
    using io::XlsxStyle;
    io::XlsxSheet& sheet = book.addSheet(QStringLiteral("Quality"));
    const QStringList header{
        QStringLiteral("plan_id"),     QStringLiteral("measure"),      QStringLiteral("weight"),
        QStringLiteral("reportable"),  QStringLiteral("rate"),         QStringLiteral("prior_rate"),
        QStringLiteral("attainment"),  QStringLiteral("improvement"),  QStringLiteral("score"),
        QStringLiteral("gate_min"),    QStringLiteral("measure_gate"), QStringLiteral("composite"),
        QStringLiteral("quality_gate")};
    int row = 1;
    for (const PlanSettlement& p : settlement.plans)
        for (const MeasureScore& m : p.quality.measures) {
            sheet.text(row, 0, QString::fromStdString(p.planId));
            sheet.text(row, 1, QString::fromStdString(m.id));
            sheet.number(row, 2, m.weight);
            sheet.number(row, 3, m.reportable ? 1 : 0);
            if (m.rate)
                sheet.number(row, 4, *m.rate, XlsxStyle::Percent);
            if (m.priorRate)
                sheet.number(row, 5, *m.priorRate, XlsxStyle::Percent);
            sheet.number(row, 6, m.attainment, XlsxStyle::Rate);
            sheet.number(row, 7, m.improvement, XlsxStyle::Rate);
            sheet.number(row, 8, m.score, XlsxStyle::Rate);
            if (m.gateMin)
                sheet.number(row, 9, *m.gateMin, XlsxStyle::Percent);
            sheet.number(row, 10, m.gatePassed ? 1 : 0);
            if (p.quality.composite)
                sheet.number(row, 11, *p.quality.composite, XlsxStyle::Rate);
            sheet.number(row, 12, p.quality.gatePassed ? 1 : 0);
            ++row;
        }
    sheet.table(0, row - 1, 0, QStringLiteral("QualityScores"), header);
    sheet.freeze(1, 2);
    sheet.columnWidth(0, static_cast<int>(header.size()) - 1, 14);
}

} // namespace

QString auditSheetName(const std::string& planId)
{
    QString name = QStringLiteral("Audit ") + QString::fromStdString(planId);
    for (QChar& c : name)
        if (QStringLiteral("[]:*?/\\'").contains(c))
            c = QLatin1Char('_');
    return name.left(31);
}

QByteArray reportWorkbook(const ProjectDocument& document, const ReportOptions& options,
                          const ReportFigures& figures, const std::vector<std::string>& auditPlans,
                          const QString& target)
{
    if (options.suppressSmallCells)
        throw InputError("the Excel workbook holds every plan's detail and is not made for a public report");
    if (!document.calculationError().isEmpty())
        throw InputError(document.calculationError().toStdString());
    const Settlement& settlement = document.settlement();
    std::vector<std::string> plans = auditPlans;
    if (plans.empty()) {
        const std::string first = io::defaultAuditPlan(settlement);
        if (!first.empty())
            plans.push_back(first);
    }
    std::vector<const PlanSettlement*> audited;
    for (const std::string& id : plans) {
        const auto it = std::find_if(settlement.plans.begin(), settlement.plans.end(),
                                     [&](const PlanSettlement& p) { return p.planId == id; });
        if (it == settlement.plans.end())
            throw InputError("audit plan '" + id + "' is not in the settlement of " +
                             std::to_string(settlement.year));
        audited.push_back(&*it);
    }

    QMap<QString, QByteArray> csv;
    for (const auto& [name, bytes] : reportCsvFiles(document, options, figures))
        csv.insert(name, bytes);

    io::XlsxWorkbook book(target);
    // Sheet, table, CSV file, frozen key columns.
    const struct {
        const char* sheet;
        const char* table;
        const char* file;
        int keys;
    } tables[] = {{"Settlement", "Settlement", "settlement.csv", 1},
                  {"Projection", "Projection", "projection.csv", 2},
                  {"Comparison", "Comparison", "comparison.csv", 1},
                  {"Validity", "Validity", "validity.csv", 1},
                  {"Sensitivity", "Sensitivity", "sensitivity.csv", 1},
                  {"Assumptions", "Assumptions", "assumptions.csv", 1}};
    for (const auto& t : tables) {
        if (!csv.contains(QLatin1String(t.file)))
            continue;
        io::writeCsvSheet(book, QLatin1String(t.sheet), QLatin1String(t.table),
                          csv.value(QLatin1String(t.file)), t.keys);
        if (QLatin1String(t.sheet) == QLatin1String("Projection"))
            writeQualitySheet(book, settlement);
    }
    for (const PlanSettlement* p : audited)
        io::writeAuditSheet(book, auditSheetName(p->planId), settlement, *p, document.scenario(),
                            document.index());
    return book.bytes();
}

QString exportReportWorkbook(const ProjectDocument& document, const QString& path,
                             const std::vector<std::string>& auditPlans)
{
    try {
        ReportOptions options;
        options.projectFile = document.path();
        const ReportFigures figures = reportFigures(document, options);
        return io::writeFileAtomically(path, reportWorkbook(document, options, figures, auditPlans, path));
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    } catch (const io::WriteError& e) {
        return QString::fromStdString(e.what());
    }
}

} // namespace sharecast::ui
