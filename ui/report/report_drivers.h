#pragma once
//! The report's section "What drives the result" (methodology §14): a tornado of one metric over
//! the scenario's assumptions, computed once for the PDF and sensitivity.csv (the same rows as
//! `sharecast sensitivity`), the lead sentence written from its figures, its table and its chart.

#include "engine/metric.h"
#include "io/report/report_csv.h"
#include "io/report/sensitivity_table.h"
#include "ui/report/report_charts.h"
#include "ui/report/report_layout.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace sharecast::ui {

class ProjectDocument;

//! What the section varies and measures: chosen in the report dialog or by `report --sensitivity`.
struct ReportDrivers {
    //! The keys, each with its range when given; empty: every numeric assumption of the scenario
    //! (io::scenarioNumberKeys), each ±10 %.
    std::vector<io::SensitivityKey> keys;
    std::string metric = "program_net"; //!< as `sensitivity --metric` names it
    std::optional<std::string> plan;    //!< a plan's metric (`--plan`); null: statewide
    int shown = 15;                     //!< the rows of the chart and table (largest swings first)
};

namespace report {

//! The tornado of the document's scenario in the year the report settles, as `sharecast
//! sensitivity --year Y` computes it for the project's active data with the same keys, metric and
//! plan. Throws InputError naming a key that
//! does not exist, is null without a range or takes a refused value, an unknown metric, or a plan
//! whose figures a public report suppresses (`csv`): such a section is refused, not withheld.
io::SensitivityTable driversTornado(const ProjectDocument& document, const ReportDrivers& drivers,
                                    const io::ReportCsvOptions& csv);

//! The metric in words, capitalised: "Program net", "Plan payments of P03", "Rate impact in 2027".
QString metricLabel(const Metric& metric);

//! A key's value as the report prints it: rates (trends, shares, MSR, FMAP, caps) as a percent
//! "3.15 %", other numbers plainly "250,000", "1.6449".
QString keyValueText(const std::string& key, double value);

//! The lead paragraph: the base, the key that moves the metric most (from what at which value to
//! what at which value, and the swing), the next ones, and how many move it little or not at all.
QString driversSummary(const io::SensitivityTable& table, int shown);

//! How the figures were made: the ranges, one full settlement per value, and the same figures
//! from `sharecast sensitivity` for performance year `year`.
QString driversMethod(const io::SensitivityTable& table, const ReportDrivers& drivers, Year year);

//! The first `shown` rows: key, base value, low, high, the metric at low, base and high, swing.
Table driversTable(const io::SensitivityTable& table, int shown, const QString& caption);

//! The bars of the tornado chart, the first `shown` rows.
std::vector<TornadoBar> tornadoBars(const io::SensitivityTable& table, int shown);

} // namespace report
} // namespace sharecast::ui
