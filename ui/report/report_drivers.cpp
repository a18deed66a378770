#include "ui/report/report_drivers.h"

#include "engine/error.h"
#include "engine/settlement.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/report/report_format.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <set>

namespace sharecast::ui::report {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

//! Money for prose: $ millions from a million up, else to the dollar.
QString amount(double x)
{
    return std::fabs(x) >= 1e6 ? millions(x) : dollars(x);
}

//! The rows shown: the first `shown` (all when `shown` is 0 or more than there are).
std::size_t shownCount(const io::SensitivityTable& table, int shown)
{
    return shown > 0 ? std::min(table.rows.size(), static_cast<std::size_t>(shown)) : table.rows.size();
}

//! "msr.rate" in the text, as the keys are written elsewhere in the report.
QString keyName(const std::string& key)
{
    return text(key);
}

} // namespace

io::SensitivityTable driversTornado(const ProjectDocument& document, const ReportDrivers& drivers,
                                    const io::ReportCsvOptions& csv)
{
    const Metric metric = parseMetric(drivers.metric, drivers.plan);
    if (metric.plan && csv.suppressSmallCells) {
        bool suppressed = csv.suppressedPlans.count(*metric.plan) > 0;
        for (const PlanSettlement& p : document.settlement().plans)
            suppressed = suppressed || (p.planId == *metric.plan && io::isSuppressedPlan(p, csv));
        if (suppressed)
            throw InputError("plan " + *metric.plan +
                             ": its figures are suppressed in a public report (fewer than 11 members, or "
                             "suppressed with such a plan), so “What drives the result” cannot show its " +
                             metric.name() + "; choose a statewide metric or an internal report");
    }
    std::vector<io::SensitivityKey> keys = drivers.keys;
    if (keys.empty())
        for (const std::string& k : io::scenarioNumberKeys(document.scenario()))
            keys.push_back(io::SensitivityKey{k, {}, {}});
    MetricContext context;
    context.index = &document.index();
    context.quality = document.quality();
    // The year the report settles (the scenario's, else the data's last), as `sharecast
    // sensitivity --year` with that year.
    context.year = document.performanceYear();
    return io::sensitivityTable(metric, context, document.scenario(), keys);
}

QString metricLabel(const Metric& metric)
{
    QString name;
    switch (metric.kind) {
    case MetricKind::Expected: name = QStringLiteral("Expected cost"); break;
    case MetricKind::Actual: name = QStringLiteral("Actual cost"); break;
    case MetricKind::GrossSavings: name = QStringLiteral("Gross savings"); break;
    case MetricKind::PlanPayment: name = QStringLiteral("Plan payments"); break;
    case MetricKind::ProgramNet: name = QStringLiteral("Program net"); break;
    case MetricKind::FederalShare: name = QStringLiteral("Federal share"); break;
    case MetricKind::StateShare: name = QStringLiteral("State share"); break;
    case MetricKind::RateImpact: name = QStringLiteral("Rate impact of not rebasing"); break;
    case MetricKind::NetStateSavingNonRebased: name = QStringLiteral("Net state saving, not rebased"); break;
    case MetricKind::NetStateSavingRebased: name = QStringLiteral("Net state saving, rebased"); break;
    case MetricKind::PartnershipPayments: name = QStringLiteral("Payments to partners"); break;
    case MetricKind::CboSustainability: name = QStringLiteral("Sustainability without grants"); break;
    case MetricKind::CboOperatingRevenue: name = QStringLiteral("Partner operating revenue"); break;
    case MetricKind::CboGap: name = QStringLiteral("Partner gap when grants end"); break;
    case MetricKind::McpValue: name = QStringLiteral("Value to the plan"); break;
    }
    if (metric.partner)
        name += QStringLiteral(" of partner %1").arg(text(*metric.partner));
    if (metric.isProjection())
        name += QStringLiteral(" in %1").arg(metric.year);
    if (metric.plan)
        name += QStringLiteral(" of %1").arg(text(*metric.plan));
    return name;
}

QString keyValueText(const std::string& key, double value)
{
    // The last name of the key, without a list index: `share` of `sharing.tiers[2].share`.
    std::string last = key.substr(key.find_last_of('.') == std::string::npos ? 0 : key.find_last_of('.') + 1);
    last = last.substr(0, last.find('['));
    static const std::set<std::string> rates = {"unit_cost",
                                                "utilization",
                                                "rate",
                                                "share",
                                                "max_share",
                                                "min_share",
                                                "cap",
                                                "cap_up",
                                                "cap_down",
                                                "rate_min",
                                                "rate_max",
                                                "payment_reduction",
                                                "max_trend",
                                                "admin_load",
                                                "underwriting_gain",
                                                "enrollment_growth",
                                                "utilization_change",
                                                "max_denial_rate_increase"};
    if (rates.count(last) || key.rfind("fmap.", 0) == 0 || key.rfind("trend.", 0) == 0)
        return percent(value, value != 0.0 && std::fabs(value) < 0.001 ? 3 : 2);
    QString s = formatNumber(value, 4);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    return s;
}

QString driversSummary(const io::SensitivityTable& table, int shown)
{
    const QString metric = metricLabel(table.metric);
    QStringList sentences;
    sentences << QStringLiteral("Under the scenario as it stands, %1 is %2.")
                     .arg(metric.at(0).toLower() + metric.mid(1), amount(table.metricBase));
    const std::size_t n = table.rows.size();
    std::size_t still = 0;
    for (const io::SensitivityRow& r : table.rows)
        still += r.swing == 0.0 ? 1 : 0;
    if (n == 0 || table.rows.front().swing == 0.0) {
        sentences << QStringLiteral("None of the %1 assumptions varied moves it.").arg(n);
        return sentences.join(u' ');
    }
    const io::SensitivityRow& top = table.rows.front();
    sentences << QStringLiteral("It moves most with %1: from %2 at %3 to %4 at %5, a swing of %6")
                     .arg(keyName(top.key), amount(top.metricLow), keyValueText(top.key, top.low),
                          amount(top.metricHigh), keyValueText(top.key, top.high), amount(top.swing));
    QStringList next;
    for (std::size_t i = 1; i < std::min<std::size_t>(n, 4); ++i)
        if (table.rows[i].swing > 0.0)
            next << QStringLiteral("%1 (%2)").arg(keyName(table.rows[i].key), amount(table.rows[i].swing));
    if (!next.isEmpty()) {
        const QString last = next.takeLast();
        sentences.last() +=
            QStringLiteral("; then with %1")
                .arg(next.isEmpty() ? last
                                    : next.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last);
    }
    sentences.last() += u'.';
    if (still > 0)
        sentences
            << QStringLiteral("%1 of the %2 assumptions varied do not move it at all.").arg(still).arg(n);
    const std::size_t s = shownCount(table, shown);
    if (s < n)
        sentences << QStringLiteral(
                         "The chart and table show the %1 largest swings; sensitivity.csv lists all %2.")
                         .arg(s)
                         .arg(n);
    return sentences.join(u' ');
}

QString driversMethod(const io::SensitivityTable& table, const ReportDrivers& drivers, Year year)
{
    QStringList given;
    for (const io::SensitivityKey& k : drivers.keys)
        if (k.low && k.high)
            given << QStringLiteral("%1 from %2 to %3")
                         .arg(keyName(k.key), keyValueText(k.key, *k.low), keyValueText(k.key, *k.high));
    QString ranges = QStringLiteral("Each range is the assumption’s value ∓ 10 % (∓ 0.01 when it is 0)");
    if (!given.isEmpty())
        ranges =
            QStringLiteral("The ranges given were %1; every other range is the assumption’s value ∓ 10 % "
                           "(∓ 0.01 when it is 0)")
                .arg(given.join(QStringLiteral(", ")));
    QStringList vary;
    for (const io::SensitivityKey& k : drivers.keys)
        vary << (k.low && k.high ? QStringLiteral("%1=%2:%3")
                                       .arg(keyName(k.key), text(io::formatJsonNumber(*k.low)),
                                            text(io::formatJsonNumber(*k.high)))
                                 : keyName(k.key));
    const bool listed = !vary.isEmpty() && vary.size() <= 6;
    const QString command =
        QStringLiteral("“sharecast sensitivity --year %1 --metric %2%3 --vary %4”")
            .arg(year)
            .arg(text(table.metric.name()),
                 table.metric.plan ? QStringLiteral(" --plan %1").arg(text(*table.metric.plan)) : QString(),
                 listed ? vary.join(u' ') : QStringLiteral("KEY…"));
    return QStringLiteral(
               "How the figures were made (methodology §14). Each assumption was set to its low and then "
               "to its high value, every other assumption as in the scenario, and the year settled again "
               "in full: %1 settlements. %2. The swing is the difference between the two results. A "
               "tornado moves one assumption at a time; assumptions that move together (all the trends, "
               "say) can move the result further than any one of them. The figures are those of %3%4 on "
               "the same project and scenario.")
        .arg(2 * table.rows.size() + 1)
        .arg(ranges, command,
             listed ? QString()
                    : QStringLiteral(" with the %1 keys of sensitivity.csv").arg(table.rows.size()));
}

Table driversTable(const io::SensitivityTable& table, int shown, const QString& caption)
{
    Table t;
    t.caption = caption;
    t.fontPt = 7.5;
    const QString metric = metricLabel(table.metric);
    t.columns = {TableColumn{QStringLiteral("Assumption (key)"), Qt::AlignLeft, true, true}};
    for (const QString& h : {QStringLiteral("In scenario"), QStringLiteral("Low"), QStringLiteral("High"),
                             QStringLiteral("At low"), QStringLiteral("As it stands"),
                             QStringLiteral("At high"), QStringLiteral("Swing")})
        t.columns.append(TableColumn{h, Qt::AlignRight});
    const std::size_t s = shownCount(table, shown);
    for (std::size_t i = 0; i < s; ++i) {
        const io::SensitivityRow& r = table.rows[i];
        t.rows.append(
            TableRow{{keyName(r.key), r.base ? keyValueText(r.key, *r.base) : QStringLiteral("not set"),
                      keyValueText(r.key, r.low), keyValueText(r.key, r.high), dollars(r.metricLow),
                      dollars(table.metricBase), dollars(r.metricHigh), dollars(r.swing)}});
    }
    t.notes << QStringLiteral(
                   "%1 with the assumption at its low value, as the scenario stands, and at its high "
                   "value; swing: the difference between the two. Rates are shown as percents. "
                   "Money to the dollar; sensitivity.csv carries cents and the key values in full.")
                   .arg(metric);
    if (s < table.rows.size()) {
        double rest = 0.0;
        for (std::size_t i = s; i < table.rows.size(); ++i)
            rest = std::max(rest, table.rows[i].swing);
        t.notes << (rest == 0.0 ? QStringLiteral("The other %1 assumptions varied do not move it.")
                                      .arg(table.rows.size() - s)
                                : QStringLiteral("The other %1 assumptions varied swing it by %2 or less.")
                                      .arg(table.rows.size() - s)
                                      .arg(dollars(rest)));
    }
    t.notes << QStringLiteral(
                   "Source: Sharecast §14 sensitivity of %1 over %2 assumptions (sensitivity.csv, as "
                   "“sharecast sensitivity” writes it).")
                   .arg(text(table.metric.name()))
                   .arg(table.rows.size());
    return t;
}

std::vector<TornadoBar> tornadoBars(const io::SensitivityTable& table, int shown)
{
    std::vector<TornadoBar> bars;
    for (std::size_t i = 0; i < shownCount(table, shown); ++i) {
        const io::SensitivityRow& r = table.rows[i];
        bars.push_back(TornadoBar{keyName(r.key), r.metricLow, r.metricHigh, keyValueText(r.key, r.low),
                                  keyValueText(r.key, r.high)});
    }
    return bars;
}

} // namespace sharecast::ui::report
