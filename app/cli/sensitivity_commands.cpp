//! `sharecast sensitivity`, `table2` and `goal-seek`: what drives a result (methodology §14).
//! Every value is the metric of the scenario with the varied key(s) replaced and nothing else
//! changed, as `settle` or `project` would print it.

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/goal_seek.h"
#include "engine/metric.h"
#include "engine/rounding.h"
#include "io/csv/csv_writer.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "io/project/project_store.h"
#include "io/report/sensitivity_table.h"
#include "io/scenario/scenario_source.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace sharecast::cli {

namespace {

//! What the three commands share: the data, the scenario, the metric.
struct Study {
    std::unique_ptr<io::ProjectStore> store;
    Scenario scenario;
    Inputs inputs;
    std::unique_ptr<ExperienceIndex> index;
    Metric metric;
    MetricContext context;
};

Study loadStudy(const QString& command, const Arguments& a, bool needsOut)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    if (a.value(QStringLiteral("experience")).isEmpty() == projectPath.isEmpty() ||
        a.value(QStringLiteral("scenario")).isEmpty() || a.value(QStringLiteral("metric")).isEmpty() ||
        (needsOut && a.value(QStringLiteral("out")).isEmpty()))
        throw InputError(command.toStdString() + " needs --scenario, --metric" + (needsOut ? ", --out" : "") +
                         " and either --experience or --project");
    if (a.has(QStringLiteral("project")) && a.has(QStringLiteral("quality")))
        throw InputError("--quality goes with --experience; a project brings its own quality data");
    if (needsOut)
        checkOutputPath(a.value(QStringLiteral("out")));
    Study s;
    std::optional<std::string> plan;
    if (a.has(QStringLiteral("plan")))
        plan = a.value(QStringLiteral("plan")).toStdString();
    s.metric = parseMetric(a.value(QStringLiteral("metric")).toStdString(), plan);
    s.store = projectPath.isEmpty() ? nullptr : io::ProjectStore::openForReading(projectPath);
    s.scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), s.store.get()).scenario;
    s.inputs = loadInputs(s.store.get(), a);
    s.index = std::make_unique<ExperienceIndex>(s.inputs.experience);
    s.context.index = s.index.get();
    s.context.quality = s.inputs.qualityOrNull();
    s.context.year = settlementOptions(a, false).year;
    loadPartnerships(s.inputs, s.store.get(), a);
    s.context.partnerships = s.inputs.partnershipsOrNull();
    return s;
}

QString keyValue(double v)
{
    return QString::fromStdString(io::formatJsonNumber(v));
}

void sensitivity(const Arguments& a, CommandResult& result)
{
    const QStringList specs = a.values(QStringLiteral("vary"));
    if (specs.isEmpty())
        throw InputError("sensitivity needs --vary KEY[=LOW:HIGH] (one or more)");
    Study study = loadStudy(QStringLiteral("sensitivity"), a, true);
    const std::vector<io::SensitivityKey> keys = parseVaryKeys(specs, QStringLiteral("--vary"));
    const io::SensitivityTable table =
        io::sensitivityTable(study.metric, study.context, study.scenario, keys);
    writeOutput(a.value(QStringLiteral("out")), io::sensitivityCsv(table));
    result.out += QStringLiteral("wrote %1 (%2 keys, %3)\n")
                      .arg(a.value(QStringLiteral("out")))
                      .arg(table.rows.size())
                      .arg(QString::fromStdString(study.metric.name()));
}

//! The grid LOW + i (HIGH − LOW) / (N − 1), i = 0..N−1 (§14).
std::vector<double> grid(const KeySpec& k, const QString& option)
{
    const double n = k.numbers[2];
    if (n != std::floor(n) || n < 2 || n > 1000)
        throw UsageError(QStringLiteral("%1 %2: N must be a whole number from 2 to 1000")
                             .arg(option, QString::fromStdString(k.key)));
    return io::sensitivityGrid(k.numbers[0], k.numbers[1], static_cast<int>(n));
}

void table2(const Arguments& a, CommandResult& result)
{
    if (!a.has(QStringLiteral("x")) || !a.has(QStringLiteral("y")))
        throw InputError("table2 needs --x KEY=LOW:HIGH:N and --y KEY=LOW:HIGH:N");
    const KeySpec x = parseKeySpec(a.value(QStringLiteral("x")), QStringLiteral("--x"), 3, false);
    const KeySpec y = parseKeySpec(a.value(QStringLiteral("y")), QStringLiteral("--y"), 3, false);
    if (x.key == y.key)
        throw UsageError(
            QStringLiteral("--x and --y vary the same key %1").arg(QString::fromStdString(x.key)));
    const std::vector<double> xs = grid(x, QStringLiteral("--x")), ys = grid(y, QStringLiteral("--y"));
    Study study = loadStudy(QStringLiteral("table2"), a, true);
    const std::vector<double> values =
        metricValues(study.metric, study.context, xs.size() * ys.size(), [&](std::size_t i) {
            return io::withScenarioNumber(io::withScenarioNumber(study.scenario, x.key, xs[i / ys.size()]),
                                          y.key, ys[i % ys.size()]);
        });
    const QStringList header{"x_key", "x", "y_key", "y", "metric"};
    io::CsvWriter w;
    w.addRow(header);
    for (std::size_t i = 0; i < values.size(); ++i)
        w.addResultRow(header,
                       {QString::fromStdString(x.key), keyValue(xs[i / ys.size()]),
                        QString::fromStdString(y.key), keyValue(ys[i % ys.size()]),
                        QString::fromStdString(formatMetric(study.metric, values[i]))},
                       QStringLiteral("the grid"));
    writeOutput(a.value(QStringLiteral("out")), w.bytes());
    result.out += QStringLiteral("wrote %1 (%2 × %3, %4)\n")
                      .arg(a.value(QStringLiteral("out")))
                      .arg(xs.size())
                      .arg(ys.size())
                      .arg(QString::fromStdString(study.metric.name()));
}

void seekGoal(const Arguments& a, CommandResult& result)
{
    if (!a.has(QStringLiteral("vary")) || !a.has(QStringLiteral("target")))
        throw InputError("goal-seek needs --vary KEY=LOW:HIGH and --target T");
    const QStringList specs = a.values(QStringLiteral("vary"));
    if (specs.size() != 1)
        throw UsageError(QStringLiteral("goal-seek varies one key (--vary KEY=LOW:HIGH)"));
    const KeySpec k = parseKeySpec(specs[0], QStringLiteral("--vary"), 2, false);
    if (!(k.numbers[0] <= k.numbers[1]))
        throw UsageError(QStringLiteral("--vary %1: LOW must not be above HIGH").arg(specs[0]));
    const double target = parseNumber(a.value(QStringLiteral("target")), QStringLiteral("--target"),
                                      a.value(QStringLiteral("target")));
    Study study = loadStudy(QStringLiteral("goal-seek"), a, false);
    const GoalSeekResult r = goalSeek(
        [&](double v) {
            return metricValue(study.metric, study.context, io::withScenarioNumber(study.scenario, k.key, v));
        },
        k.numbers[0], k.numbers[1], target);
    const QString key = QString::fromStdString(k.key), metric = QString::fromStdString(study.metric.name());
    if (!r.found)
        throw InputError(
            QStringLiteral("%1 does not cross %2 for %3 from %4 to %5: it is %6 at %4 and %7 at %5")
                .arg(metric, QString::fromStdString(formatMetric(study.metric, target)), key,
                     keyValue(k.numbers[0]), keyValue(k.numbers[1]),
                     QString::fromStdString(formatMetric(study.metric, r.valueLow)),
                     QString::fromStdString(formatMetric(study.metric, r.valueHigh)))
                .toStdString());
    const QString value = QString::fromStdString(formatMetric(study.metric, r.value));
    result.out += QStringLiteral("%1=%2\n%3=%4\n").arg(key, keyValue(r.x), metric, value);
}

const QString kDataUsage = QStringLiteral("(--experience E.csv [--quality Q.csv] [--partnerships C.csv] | "
                                          "--project P.sharecast)\n"
                                          "           --scenario S.json|preset:NAME [--year Y]\n"
                                          "           --metric M [--plan P]");
const QString kMetrics = QStringLiteral(
    "Metrics: expected, actual, gross_savings, plan_payment, program_net, federal_share, state_share\n"
    "(statewide sums of the plans' figures in cents, or the plan's with --plan), rate_impact@YEAR,\n"
    "net_state_saving_nonrebased@YEAR and net_state_saving_rebased@YEAR (the projection's ALL row, or the\n"
    "plan's); partnership_payments (--plan: one plan's), cbo_sustainability@PARTNER,\n"
    "cbo_operating_revenue@PARTNER, cbo_gap@PARTNER and mcp_value@PARTNER (the partnership ledger of the\n"
    "settled year; --plan: that plan's contracts). Keys are paths into the scenario's JSON form, e.g. "
    "sharing.max_share, trend.default.unit_cost, "
    "quality.measures[0].weight.\n"
    "Every value equals what settle or project prints for the scenario with the key(s) replaced.\n"
    "Exit 0 on success, 2 on bad input (nothing is written), 1 when the output cannot be written.");

std::vector<OptionSpec> dataOptions()
{
    return {{QStringLiteral("project")},  {QStringLiteral("experience")},  {QStringLiteral("quality")},
            {QStringLiteral("scenario")}, {QStringLiteral("year")},        {QStringLiteral("metric")},
            {QStringLiteral("plan")},     {QStringLiteral("partnerships")}};
}

} // namespace

Command sensitivityCommand()
{
    std::vector<OptionSpec> options = dataOptions();
    options.push_back({QStringLiteral("vary"), OptionSpec::kOneOrMore});
    options.push_back({QStringLiteral("out")});
    return {
        QStringLiteral("sensitivity"),
        QStringLiteral("Tornado: the metric at each key's low and high value, sorted by swing"),
        QStringLiteral("Usage: sharecast sensitivity %1\n"
                       "           --vary KEY[=LOW:HIGH] ... --out T.csv\n\n"
                       "One row per key: key,base_value,low,high,metric_low,metric_base,metric_high,swing,\n"
                       "sorted by swing (descending), then key. Without a range a key varies by ±10 % of\n"
                       "its value (±0.01 when it is 0); a key that is null needs a range.\n%2")
            .arg(kDataUsage, kMetrics),
        {options},
        Needs::Core,
        sensitivity};
}

Command table2Command()
{
    std::vector<OptionSpec> options = dataOptions();
    options.push_back({QStringLiteral("x")});
    options.push_back({QStringLiteral("y")});
    options.push_back({QStringLiteral("out")});
    return {QStringLiteral("table2"),
            QStringLiteral("Two-way table: the metric over a grid of two keys"),
            QStringLiteral("Usage: sharecast table2 %1\n"
                           "           --x KEY=LOW:HIGH:N --y KEY=LOW:HIGH:N --out G.csv\n\n"
                           "Grid values LOW + i (HIGH − LOW) / (N − 1), i = 0..N−1 (2 ≤ N ≤ 1000); rows\n"
                           "x_key,x,y_key,y,metric with x outer and y inner.\n%2")
                .arg(kDataUsage, kMetrics),
            {options},
            Needs::Core,
            table2};
}

Command goalSeekCommand()
{
    std::vector<OptionSpec> options = dataOptions();
    options.push_back({QStringLiteral("vary")});
    options.push_back({QStringLiteral("target")});
    return {
        QStringLiteral("goal-seek"),
        QStringLiteral("Goal seek: the value of one key at which the metric reaches a target"),
        QStringLiteral("Usage: sharecast goal-seek %1\n"
                       "           --vary KEY=LOW:HIGH --target T\n\n"
                       "Finds KEY in [LOW, HIGH] where the metric (in cents) crosses T, by bisection on a\n"
                       "sign change, to 1e-9 relative; prints KEY=x then METRIC=value. A payment that jumps\n"
                       "where a savings rate crosses the MSR is found at the jump. Exit 2 when the metric\n"
                       "does not cross T in the range (the message gives the metric at LOW and HIGH).\n%2")
            .arg(kDataUsage, kMetrics),
        {options},
        Needs::Core,
        seekGoal};
}

} // namespace sharecast::cli
