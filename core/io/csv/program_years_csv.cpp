#include "io/csv/program_years_csv.h"

#include "engine/error.h"
#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"
#include "io/csv/settlement_csv.h"

#include <map>

namespace sharecast::io {

QByteArray programSettlementCsv(const ProgramSettlement& program, const std::vector<Scenario>& scenarios)
{
    require(scenarios.size() == program.years.size(), "one scenario per program year is needed");
    const QStringList columns =
        scenarios.empty() ? settlementColumns(Scenario{}) : settlementColumns(scenarios[0]);
    for (std::size_t i = 1; i < scenarios.size(); ++i)
        if (settlementColumns(scenarios[i]) != columns)
            throw InputError(
                InputLocation{{}, 0, "by_year." + std::to_string(program.years[i].year), {}, false},
                "the scenario of this year gives other output columns than the first program "
                "year's (a corridor, the blend or the MLR remittance differs); a program is "
                "written with the same columns in every year");
    const QStringList header = QStringList{QStringLiteral("year")} + columns;

    CsvWriter w;
    w.addRow(header);
    for (std::size_t i = 0; i < program.years.size(); ++i) {
        const QString year = QString::number(program.years[i].year);
        for (const PlanSettlement& p : program.years[i].plans)
            w.addResultRow(header, QStringList{year} + settlementRow(p) + furtherToolsRow(p, scenarios[i]),
                           QStringLiteral("plan %1 in %2").arg(QString::fromStdString(p.planId), year));
    }
    for (const PlanProgramTotal& t : program.cumulative) {
        // The money columns summed, savings_rate = Σ G / Σ E; the rest (rates, flags, members,
        // the §12 columns) left empty.
        const std::map<QString, QString> values{
            {QStringLiteral("year"), QStringLiteral("cumulative")},
            {QStringLiteral("plan_id"), QString::fromStdString(t.planId)},
            {QStringLiteral("expected"), csvtext::money(t.expected)},
            {QStringLiteral("actual"), csvtext::money(t.actual)},
            {QStringLiteral("gross_savings"), csvtext::money(t.grossSavings)},
            {QStringLiteral("savings_rate"), csvtext::rate(t.savingsRate())},
            {QStringLiteral("plan_payment"), csvtext::money(t.payment)},
            {QStringLiteral("program_net"), csvtext::money(t.programNet)},
            {QStringLiteral("federal_share"), csvtext::money(t.federal)},
            {QStringLiteral("state_share"), csvtext::money(t.state)}};
        QStringList row;
        for (const QString& column : header) {
            const auto it = values.find(column);
            row << (it == values.end() ? QString() : it->second);
        }
        w.addResultRow(header, row,
                       QStringLiteral("plan %1, cumulative").arg(QString::fromStdString(t.planId)));
    }
    return w.bytes();
}

} // namespace sharecast::io
