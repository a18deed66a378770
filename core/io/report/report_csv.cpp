#include "io/report/report_csv.h"

#include "engine/disclosure.h"
#include "engine/error.h"
#include "engine/rounding.h"
#include "engine/statewide_totals.h"
#include "io/csv/csv_numbers.h"
#include "io/csv/csv_reader.h"
#include "io/csv/csv_writer.h"
#include "io/csv/projection_csv.h"
#include "io/csv/settlement_csv.h"
#include "io/csv/validity_csv.h"
#include "io/json/json.h"
#include "io/json/key_path.h"
#include "io/json/scenario_json.h"

#include <QBuffer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace sharecast::io {

namespace {

const QString kStar = QString::fromLatin1(disclosure::kMark);

using csvtext::money;
using csvtext::rate;
QString factor(double x)
{
    return QString::fromStdString(formatFixed(x, 10));
}
using csvtext::flag;
using csvtext::members;
QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

//! A row whose first `keep` fields stay and whose other non-empty fields become "*".
QStringList suppressRow(QStringList row, int keep)
{
    for (int i = keep; i < row.size(); ++i)
        row[i] = kStar;
    return row;
}

} // namespace

ReportCsvOptions reportCsvOptions(bool isPublic, const Settlement& settlement, const Projection* projection,
                                  const QualityData* quality, const Settlement* other)
{
    ReportCsvOptions options;
    options.suppressSmallCells = isPublic;
    options.quality = quality;
    if (!isPublic)
        return options;

    // One part per plan of either settlement, sized by its members; small in the settlement or
    // in any projection year it is suppressed for its own size.
    std::map<std::string, std::pair<double, bool>> plans; // id -> (members, small)
    auto add = [&](const std::string& id, double members, bool small) {
        auto& [size, isSmall] = plans[id];
        size = std::max(size, members);
        isSmall = isSmall || small;
    };
    for (const Settlement* s : {&settlement, other})
        if (s)
            for (const PlanSettlement& p : s->plans)
                add(p.planId, p.members, disclosure::isSmallMembership(p.members));
    if (projection)
        for (const PlanProjection& p : projection->plans)
            for (const ProjectionYear& y : p.years)
                add(p.planId, 0.0, disclosure::isSmallByMemberMonths(y.memberMonths));

    std::vector<std::string> ids;
    std::vector<double> sizes;
    std::vector<bool> primary;
    for (const auto& [id, plan] : plans) {
        ids.push_back(id);
        sizes.push_back(plan.first);
        primary.push_back(plan.second);
    }
    const disclosure::Suppression chosen = disclosure::complementarySuppression(sizes, primary);
    if (chosen.totalWithheld)
        throw InputError("no public version can be made: the only plan with members has fewer than "
                         "11, so every statewide figure would be that plan's");
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (chosen.suppressed[i])
            options.suppressedPlans.insert(ids[i]);
    return options;
}

namespace {

//! A plan of these members is suppressed in public mode: small, or chosen (a complement).
bool isSuppressedPlanOf(const std::string& planId, double members, const ReportCsvOptions& options)
{
    return options.suppressSmallCells &&
           (disclosure::isSmallMembership(members) || options.suppressedPlans.count(planId) > 0);
}

} // namespace

bool isSuppressedPlan(const PlanSettlement& plan, const ReportCsvOptions& options)
{
    return isSuppressedPlanOf(plan.planId, plan.members, options);
}

bool isSuppressedPlan(const PlanValidity& plan, const ReportCsvOptions& options)
{
    return isSuppressedPlanOf(plan.planId, plan.members, options);
}

bool isValidityTotalWithheld(const Validity& validity, const ReportCsvOptions& options)
{
    if (!options.suppressSmallCells)
        return false;
    std::vector<double> sizes;
    std::vector<bool> suppressed;
    for (const PlanValidity& p : validity.plans) {
        // The mean is the additive statistic: a plan whose mean payment by chance is zero (never
        // paid: not eligible, E = 0) is no complement to a suppressed plan that is paid.
        sizes.push_back(p.payment.chanceMean != 0.0 ? p.members : 0.0);
        suppressed.push_back(isSuppressedPlan(p, options));
    }
    return disclosure::revealsSuppressedPart(sizes, suppressed);
}

bool isSuppressedProjectionRow(const std::string& planId, const ProjectionYear& year,
                               const ReportCsvOptions& options)
{
    return options.suppressSmallCells && (disclosure::isSmallByMemberMonths(year.memberMonths) ||
                                          options.suppressedPlans.count(planId) > 0);
}

bool isProjectionTotalWithheld(const Projection& projection, std::size_t i, const ReportCsvOptions& options)
{
    if (!options.suppressSmallCells)
        return false;
    std::vector<double> sizes;
    std::vector<bool> suppressed;
    for (const PlanProjection& p : projection.plans)
        if (i < p.years.size()) {
            sizes.push_back(p.years[i].memberMonths);
            suppressed.push_back(isSuppressedProjectionRow(p.planId, p.years[i], options));
        }
    return disclosure::revealsSuppressedPart(sizes, suppressed) ||
           (i < projection.all.size() && disclosure::isSmallByMemberMonths(projection.all[i].memberMonths));
}

std::vector<bool> suppressedMeasures(const PlanSettlement& plan, Year year, const ReportCsvOptions& options)
{
    const std::size_t n = plan.quality.measures.size();
    if (!options.suppressSmallCells || !options.quality)
        return std::vector<bool>(n, false);
    std::vector<double> sizes;
    std::vector<bool> primary;
    for (const MeasureScore& m : plan.quality.measures) {
        auto small = [](const std::optional<long long>& d) {
            return d && disclosure::isSmallCount(static_cast<double>(*d));
        };
        const std::optional<long long> d = measureDenominator(*options.quality, plan.planId, year, m.id);
        const std::optional<long long> prior =
            measureDenominator(*options.quality, plan.planId, year - 1, m.id);
        // A measure scored without a known denominator still enters the composite.
        sizes.push_back(!m.reportable ? 0.0
                        : d           ? static_cast<double>(*d)
                                      : std::numeric_limits<double>::max());
        primary.push_back(small(d) || small(prior));
    }
    return disclosure::complementarySuppression(sizes, primary).suppressed;
}

QByteArray reportSettlementCsv(const Settlement& settlement, const Scenario& scenario,
                               const ReportCsvOptions& options)
{
    if (!options.suppressSmallCells)
        return settlementCsv(settlement, scenario);
    CsvWriter w;
    w.addRow(settlementColumns(scenario));
    for (const PlanSettlement& p : settlement.plans) {
        QStringList row = settlementRow(p) + furtherToolsRow(p, scenario);
        w.addRow(isSuppressedPlan(p, options) ? suppressRow(row, 1) : row);
    }
    return w.bytes();
}

QByteArray reportProjectionCsv(const Projection& projection, const ReportCsvOptions& options)
{
    if (!options.suppressSmallCells)
        return projectionCsv(projection);
    CsvWriter w;
    w.addRow(projectionColumns());
    for (const PlanProjection& plan : projection.plans)
        for (const ProjectionYear& y : plan.years) {
            const QStringList row = projectionRow(text(plan.planId), y);
            w.addRow(isSuppressedProjectionRow(plan.planId, y, options) ? suppressRow(row, 2) : row);
        }
    for (std::size_t i = 0; i < projection.all.size(); ++i) {
        const QStringList row = projectionRow(QStringLiteral("ALL"), projection.all[i]);
        w.addRow(isProjectionTotalWithheld(projection, i, options) ? suppressRow(row, 2) : row);
    }
    return w.bytes();
}

QByteArray reportValidityCsv(const Validity& validity, const ReportCsvOptions& options)
{
    const QByteArray full = validityCsv(validity);
    if (!options.suppressSmallCells)
        return full;
    // The public version is the full one with the suppressed rows starred: read it back row by
    // row (its rows are the plans in order, then ALL) so that every shown field stays identical.
    QByteArray bytes = full;
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);
    CsvReader reader(in, "validity.csv");
    CsvWriter w;
    std::size_t row = 0;
    for (bool header = true; reader.next(); header = false) {
        QStringList fields;
        for (std::string_view v : reader.fields())
            fields << QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
        if (header) {
            w.addRow(fields);
            continue;
        }
        const bool hide = row < validity.plans.size() ? isSuppressedPlan(validity.plans[row], options)
                                                      : isValidityTotalWithheld(validity, options);
        w.addRow(hide ? suppressRow(fields, 1) : fields);
        ++row;
    }
    return w.bytes();
}

// ---------------------------------------------------------------------------------------------
// Assumptions

namespace {

void flatten(const JsonValue& v, const std::string& keyPath, std::vector<AssumptionEntry>& out)
{
    const QString path = QString::fromStdString(keyPath);
    switch (v.type) {
    case JsonType::Null: out.push_back({path, QStringLiteral("null")}); return;
    case JsonType::Bool:
        out.push_back({path, v.boolean ? QStringLiteral("true") : QStringLiteral("false")});
        return;
    case JsonType::Number: out.push_back({path, QString::fromStdString(formatJsonNumber(v.number))}); return;
    case JsonType::String: out.push_back({path, QString::fromStdString(v.text)}); return;
    case JsonType::Array:
        if (v.items.empty())
            out.push_back({path, QStringLiteral("[]")});
        for (std::size_t i = 0; i < v.items.size(); ++i)
            flatten(v.items[i], elementPath(keyPath, i), out);
        return;
    case JsonType::Object:
        if (v.members.empty())
            out.push_back({path, QStringLiteral("{}")});
        for (const JsonMember& m : v.members)
            flatten(m.value, memberPath(keyPath, m.key), out);
        return;
    }
}

} // namespace

std::vector<AssumptionEntry> flattenScenario(const Scenario& scenario)
{
    std::vector<AssumptionEntry> out;
    flatten(scenarioToJson(scenario), {}, out);
    return out;
}

QByteArray assumptionsCsv(const Scenario& scenario)
{
    CsvWriter w;
    w.addRow({QStringLiteral("key"), QStringLiteral("value")});
    for (const AssumptionEntry& e : flattenScenario(scenario))
        w.addRow({e.key, e.value});
    return w.bytes();
}

// ---------------------------------------------------------------------------------------------
// Trace

namespace {

//! Collects one plan's trace rows, applying public-mode suppression.
class TraceBuilder {
public:
    TraceBuilder(std::vector<TraceEntry>& out, const PlanSettlement& plan, const ReportCsvOptions& options)
        : out_(out), planId_(text(plan.planId)), suppressPlan_(isSuppressedPlan(plan, options)),
          public_(options.suppressSmallCells)
    {
    }

    //! A figure: suppressed with the plan, or when `small` (it comes from fewer than 11 members).
    void figure(const QString& step, const QString& item, const QString& value, bool small = false)
    {
        add(step, item, (suppressPlan_ || (public_ && small)) ? kStar : value);
    }
    //! A count (members, member months, utilization): also suppressed when it is from 1 to 10.
    void count(const QString& step, const QString& item, double n, const QString& value, bool small = false)
    {
        figure(step, item, value, small || disclosure::isSmallCount(n));
    }
    //! A description (method names, reasons): never a figure, kept unless the plan is suppressed.
    void label(const QString& step, const QString& item, const QString& value)
    {
        add(step, item, suppressPlan_ && !value.isEmpty() ? kStar : value);
    }

private:
    void add(const QString& step, const QString& item, const QString& value)
    {
        out_.push_back({planId_, step, item, value});
    }
    std::vector<TraceEntry>& out_;
    QString planId_;
    bool suppressPlan_;
    bool public_;
};

QString cellKey(const std::string& region, const std::string& rateCell)
{
    return QStringLiteral("cell[%1|%2]").arg(text(region), text(rateCell));
}

QString opt(const std::optional<double>& x, QString (*format)(double))
{
    return x ? format(*x) : QString();
}

QString sideName(PaymentSide side)
{
    switch (side) {
    case PaymentSide::Savings: return QStringLiteral("savings");
    case PaymentSide::Losses: return QStringLiteral("losses");
    case PaymentSide::None: break;
    }
    return QStringLiteral("none");
}

void traceThreshold(TraceBuilder& t, const QString& step, const ThresholdResult& r)
{
    t.label(step, QStringLiteral("method"), QString::fromLatin1(toString(r.method)));
    t.count(step, QStringLiteral("members"), r.members, members(r.members));
    t.figure(step, QStringLiteral("rate"), rate(r.rate));
    if (r.method == ThresholdMethod::MsspTable) {
        t.figure(step, QStringLiteral("lower_members"),
                 QString::fromStdString(formatFixed(r.lowerMembers, 0)));
        t.figure(step, QStringLiteral("lower_rate"), rate(r.lowerRate));
        t.figure(step, QStringLiteral("upper_members"),
                 QString::fromStdString(formatFixed(r.upperMembers, 0)));
        t.figure(step, QStringLiteral("upper_rate"), rate(r.upperRate));
    }
}

void tracePlan(std::vector<TraceEntry>& out, const Settlement& s, const PlanSettlement& p,
               const ReportCsvOptions& o)
{
    TraceBuilder t(out, p, o);
    const QString bm = QStringLiteral("benchmark");
    const QString ac = QStringLiteral("actual");
    // A cell with fewer than 11 members in the year or a base year is suppressed whole, with its
    // complement among the plan's cells: the plan's totals minus the cells shown must not give it.
    std::vector<double> cellSizes;
    std::vector<bool> smallCells;
    for (const CellResult& c : p.cells) {
        bool small = disclosure::isSmallByMemberMonths(c.memberMonths);
        for (const BaseYearTerm& b : c.benchmark.baseYears)
            small = small || (b.available && disclosure::isSmallByMemberMonths(b.memberMonths));
        cellSizes.push_back(c.memberMonths);
        smallCells.push_back(small);
    }
    const std::vector<bool> hiddenCells =
        disclosure::complementarySuppression(cellSizes, smallCells).suppressed;
    for (std::size_t ci = 0; ci < p.cells.size(); ++ci) {
        const CellResult& c = p.cells[ci];
        const QString cell = cellKey(*c.region, *c.rateCell);
        const bool small = hiddenCells[ci];
        t.count(bm, cell + QStringLiteral(".member_months"), c.memberMonths,
                QString::fromStdString(formatFixed(c.memberMonths, 2)), small);
        t.figure(bm, cell + QStringLiteral(".risk_score"), factor(c.riskScore), small);
        for (const BaseYearTerm& b : c.benchmark.baseYears) {
            const QString base = cell + QStringLiteral(".base_year[%1]").arg(b.year);
            const bool smallBase = small;
            t.figure(bm, base + QStringLiteral(".available"), flag(b.available));
            t.figure(bm, base + QStringLiteral(".weight"), factor(b.weight));
            if (!b.available)
                continue;
            t.figure(bm, base + QStringLiteral(".renormalised_weight"), factor(b.renormalisedWeight));
            t.count(bm, base + QStringLiteral(".member_months"), b.memberMonths,
                    QString::fromStdString(formatFixed(b.memberMonths, 2)), smallBase);
            t.figure(bm, base + QStringLiteral(".risk_score"), factor(b.riskScore), smallBase);
            t.figure(bm, base + QStringLiteral(".truncation_factor"), factor(b.truncationFactor), smallBase);
            t.figure(bm, base + QStringLiteral(".risk_ratio"), factor(b.riskRatio), smallBase);
            t.figure(bm, base + QStringLiteral(".risk_factor"), factor(b.riskFactor), smallBase);
            for (const CosTerm& term : b.cos) {
                const QString cos =
                    base +
                    QStringLiteral(".cos[%1]").arg(text(s.cosNames[static_cast<std::size_t>(term.cos)]));
                t.figure(bm, cos + QStringLiteral(".base_pmpm"), factor(term.basePmpm), smallBase);
                t.figure(bm, cos + QStringLiteral(".trend_factor"), factor(term.trendFactor));
                t.figure(bm, cos + QStringLiteral(".program_change"), factor(term.programChange));
            }
            t.figure(bm, base + QStringLiteral(".term_pmpm"), factor(b.pmpm), smallBase);
        }
        for (const AddOnTerm& a : c.benchmark.addOns) {
            const QString cos =
                cell +
                QStringLiteral(".new_benefit[%1]").arg(text(s.cosNames[static_cast<std::size_t>(a.cos)]));
            t.figure(bm, cos + QStringLiteral(".priced_pmpm"), factor(a.pricedPmpm));
            t.figure(bm, cos + QStringLiteral(".take_up"), factor(a.takeUp));
            t.figure(bm, cos + QStringLiteral(".trend_factor"), factor(a.trendFactor));
            t.figure(bm, cos + QStringLiteral(".risk_factor"), factor(a.riskFactor), small);
            t.figure(bm, cos + QStringLiteral(".pmpm"), factor(a.pmpm), small);
        }
        t.figure(bm, cell + QStringLiteral(".expected_pmpm"), factor(c.benchmark.expectedPmpm), small);
        t.figure(bm, cell + QStringLiteral(".expected"), money(c.benchmark.expected), small);
        t.figure(ac, cell + QStringLiteral(".included_cost"), money(c.includedCost), small);
        t.figure(ac, cell + QStringLiteral(".excess"), money(c.excess), small);
        t.figure(ac, cell + QStringLiteral(".actual"), money(c.actual), small);
    }
    for (const std::string& excluded : p.excludedCells)
        t.label(bm, QStringLiteral("excluded_cell"), text(excluded));
    t.figure(bm, QStringLiteral("expected"), money(p.expected));
    t.figure(ac, QStringLiteral("actual"), money(p.actual));

    const QString sv = QStringLiteral("savings");
    t.figure(sv, QStringLiteral("tcc_savings"), money(p.tccSavings));
    t.figure(sv, QStringLiteral("gross_savings"), money(p.grossSavings));
    t.figure(sv, QStringLiteral("savings_rate"), opt(p.savingsRate, rate));
    t.count(sv, QStringLiteral("members"), p.members, members(p.members));

    traceThreshold(t, QStringLiteral("msr"), p.msr);
    traceThreshold(t, QStringLiteral("mlr"), p.mlr);

    const QString q = QStringLiteral("quality");
    t.label(q, QStringLiteral("has_quality_step"), flag(p.quality.hasQualityStep));
    t.figure(q, QStringLiteral("composite"), opt(p.quality.composite, rate));
    t.figure(q, QStringLiteral("reportable_measures"), QString::number(p.quality.reportableMeasures));
    t.label(q, QStringLiteral("gate_enabled"), flag(p.quality.gateEnabled));
    t.figure(q, QStringLiteral("gate_passed"), flag(p.quality.gatePassed));
    t.label(q, QStringLiteral("gate_reason"), text(p.quality.gateReason));
    const std::vector<bool> hiddenMeasures = suppressedMeasures(p, s.year, o);
    for (std::size_t mi = 0; mi < p.quality.measures.size(); ++mi) {
        const MeasureScore& m = p.quality.measures[mi];
        const QString measure = QStringLiteral("measure[%1]").arg(text(m.id));
        // A rate from a denominator of 1 to 10, this year or last, and everything derived from it
        // (and from its complement: the composite would give it away) is a small cell.
        const bool hide = hiddenMeasures[mi];
        t.figure(q, measure + QStringLiteral(".weight"), factor(m.weight));
        t.figure(q, measure + QStringLiteral(".reportable"), flag(m.reportable));
        t.figure(q, measure + QStringLiteral(".rate"), opt(m.rate, rate), hide);
        t.figure(q, measure + QStringLiteral(".prior_rate"), opt(m.priorRate, rate), hide);
        t.figure(q, measure + QStringLiteral(".attainment"), factor(m.attainment), hide);
        t.figure(q, measure + QStringLiteral(".improvement"), factor(m.improvement), hide);
        t.figure(q, measure + QStringLiteral(".improvement_applies"), flag(m.improvementApplies), hide);
        t.figure(q, measure + QStringLiteral(".score"), factor(m.score), hide);
        t.figure(q, measure + QStringLiteral(".gate_min"), opt(m.gateMin, rate));
        t.figure(q, measure + QStringLiteral(".gate_passed"), flag(m.gatePassed), hide);
    }

    if (p.tccTrend.enabled) {
        const QString g = QStringLiteral("tcc_trend_gate");
        t.figure(g, QStringLiteral("evaluable"), flag(p.tccTrend.evaluable));
        t.figure(g, QStringLiteral("pmpm"), factor(p.tccTrend.pmpm));
        t.figure(g, QStringLiteral("prior_pmpm"), factor(p.tccTrend.priorPmpm));
        t.figure(g, QStringLiteral("risk_ratio"), factor(p.tccTrend.riskRatio));
        t.figure(g, QStringLiteral("trend"), rate(p.tccTrend.trend));
        t.figure(g, QStringLiteral("max_trend"), rate(p.tccTrend.maxTrend));
        t.figure(g, QStringLiteral("passed"), flag(p.tccTrend.passed));
        t.label(g, QStringLiteral("reason"), text(p.tccTrend.reason));
    }
    if (p.appropriateness.enabled) {
        const QString g = QStringLiteral("appropriateness");
        const AppropriatenessResult& a = p.appropriateness;
        t.figure(g, QStringLiteral("evaluable"), flag(a.evaluable));
        t.figure(g, QStringLiteral("denial_rate"), rate(a.denialRate));
        t.figure(g, QStringLiteral("prior_denial_rate"), rate(a.priorDenialRate));
        t.figure(g, QStringLiteral("grievance_rate_per_1000_mm"), factor(a.grievanceRate));
        t.figure(g, QStringLiteral("prior_grievance_rate_per_1000_mm"), factor(a.priorGrievanceRate));
        t.figure(g, QStringLiteral("tripped"), flag(a.tripped));
        t.figure(g, QStringLiteral("blocks"), flag(a.blocks));
        t.label(g, QStringLiteral("reason"), text(a.reason));
    }
    if (p.resourceUseBasis) {
        const QString g = QStringLiteral("resource_use");
        t.figure(g, QStringLiteral("risk_factor"), factor(p.resourceUseRiskFactor));
        for (const ResourceUseResult& r : p.resourceUse) {
            const QString m = QStringLiteral("measure[%1]").arg(text(r.id));
            t.figure(g, m + QStringLiteral(".evaluable"), flag(r.evaluable));
            t.figure(g, m + QStringLiteral(".rate"), factor(r.rate));
            t.figure(g, m + QStringLiteral(".prior_rate"), factor(r.priorRate));
            t.figure(g, m + QStringLiteral(".expected_rate"), factor(r.expectedRate));
            t.figure(g, m + QStringLiteral(".risk_factor"), factor(r.riskFactor));
            t.count(g, m + QStringLiteral(".exposure"), r.exposure, factor(r.exposure));
            t.figure(g, m + QStringLiteral(".savings"), money(r.savings));
        }
        t.figure(g, QStringLiteral("savings"), money(p.resourceUseSavings));
    }

    const QString sh = QStringLiteral("sharing");
    t.figure(sh, QStringLiteral("eligible"), flag(p.eligible));
    t.figure(sh, QStringLiteral("share_rate"), rate(p.shareRate));
    t.figure(sh, QStringLiteral("side"), sideName(p.payment.side));
    t.label(sh, QStringLiteral("reason"), text(p.payment.reason));
    t.figure(sh, QStringLiteral("basis"), money(p.payment.basis));
    t.figure(sh, QStringLiteral("rate"), rate(p.payment.rate));
    t.figure(sh, QStringLiteral("reduction"), rate(p.payment.reduction));
    t.figure(sh, QStringLiteral("before_cap"), money(p.payment.beforeCap));
    t.figure(sh, QStringLiteral("cap"), p.payment.cap ? money(*p.payment.cap) : QString());
    t.figure(sh, QStringLiteral("cap_binds"), flag(p.payment.capBinds));
    t.figure(sh, QStringLiteral("payment"), money(p.payment.payment));
    t.figure(sh, QStringLiteral("program_net"), money(p.programNet));

    const QString sp = QStringLiteral("split");
    // Split cells follow the settled cells (§9); their size decides their suppression.
    for (std::size_t i = 0; i < p.split.cells.size(); ++i) {
        const SplitCell& c = p.split.cells[i];
        const bool hasCell = i < p.cells.size();
        const QString cell =
            hasCell ? cellKey(*p.cells[i].region, *p.cells[i].rateCell) : QStringLiteral("cell[%1]").arg(i);
        const bool small = hasCell && hiddenCells[i];
        t.figure(sp, cell + QStringLiteral(".fmap"), rate(c.fmap));
        t.figure(sp, cell + QStringLiteral(".net"), money(c.net), small);
    }
    t.figure(sp, QStringLiteral("federal"), money(p.split.federal));
    t.figure(sp, QStringLiteral("state"), money(p.split.state));

    for (const CorridorResult& c : p.corridors) {
        const QString g = QStringLiteral("corridor[%1]").arg(text(c.name));
        t.label(g, QStringLiteral("cos"), text(c.cos));
        t.figure(g, QStringLiteral("actual"), money(c.actual));
        t.figure(g, QStringLiteral("target"), money(c.target));
        t.figure(g, QStringLiteral("deviation"), rate(c.deviation));
        for (std::size_t i = 0; i < c.bands.size(); ++i)
            t.figure(g, QStringLiteral("band[%1].overlap").arg(i), rate(c.bands[i].overlap));
        t.figure(g, QStringLiteral("settlement"), money(c.settlement));
    }
    if (p.blend) {
        const QString g = QStringLiteral("blend");
        t.figure(g, QStringLiteral("blended_rate"), factor(p.blend->blendedRate));
        t.count(g, QStringLiteral("member_months"), p.blend->memberMonths, factor(p.blend->memberMonths));
        t.figure(g, QStringLiteral("at_cell_rates"), money(p.blend->atCellRates));
        t.figure(g, QStringLiteral("at_blended_rate"), money(p.blend->atBlendedRate));
        t.figure(g, QStringLiteral("difference"), money(p.blend->difference));
        t.figure(g, QStringLiteral("threshold"), money(p.blend->threshold));
        t.figure(g, QStringLiteral("true_up"), money(p.blend->trueUp));
    }
    if (p.mlrRemittance) {
        const QString g = QStringLiteral("mlr_remittance");
        t.figure(g, QStringLiteral("medical_cost"), money(p.mlrRemittance->medicalCost));
        t.figure(g, QStringLiteral("revenue"), money(p.mlrRemittance->revenue));
        t.figure(g, QStringLiteral("ratio"), opt(p.mlrRemittance->ratio, rate));
        t.figure(g, QStringLiteral("remittance"), money(p.mlrRemittance->remittance));
    }
}

} // namespace

std::vector<TraceEntry> settlementTrace(const Settlement& settlement, const ReportCsvOptions& options)
{
    std::vector<TraceEntry> out;
    for (const PlanSettlement& p : settlement.plans)
        tracePlan(out, settlement, p, options);
    return out;
}

QByteArray traceCsv(const Settlement& settlement, const ReportCsvOptions& options)
{
    CsvWriter w;
    w.addRow(
        {QStringLiteral("plan_id"), QStringLiteral("step"), QStringLiteral("item"), QStringLiteral("value")});
    for (const TraceEntry& e : settlementTrace(settlement, options))
        w.addRow({e.planId, e.step, e.item, e.value});
    return w.bytes();
}

// ---------------------------------------------------------------------------------------------
// Totals and comparison

QByteArray comparisonCsv(const Settlement& a, const Settlement& b, const ReportCsvOptions& options)
{
    static const char* const figures[] = {"expected",    "actual",        "gross_savings", "plan_payment",
                                          "program_net", "federal_share", "state_share"};
    QStringList header{QStringLiteral("plan_id")};
    for (const char* f : figures)
        header << QStringLiteral("%1_a").arg(QLatin1String(f)) << QStringLiteral("%1_b").arg(QLatin1String(f))
               << QStringLiteral("%1_difference").arg(QLatin1String(f));
    header << QStringLiteral("eligible_a") << QStringLiteral("eligible_b");
    CsvWriter w;
    w.addRow(header);

    auto values = [](const PlanSettlement& p) {
        return std::vector<double>{p.expected,   p.actual,        p.grossSavings, p.payment.payment,
                                   p.programNet, p.split.federal, p.split.state};
    };
    auto triple = [](QStringList& row, std::optional<double> x, std::optional<double> y) {
        row << (x ? money(*x) : QString()) << (y ? money(*y) : QString());
        row << (x && y ? money(roundTo(*y, 2) - roundTo(*x, 2)) : QString());
    };

    const StatewideTotals ta = statewideTotals(a), tb = statewideTotals(b);
    QStringList all{QStringLiteral("ALL")};
    const double av[] = {ta.expected,   ta.actual,  ta.grossSavings, ta.payments,
                         ta.programNet, ta.federal, ta.state};
    const double bv[] = {tb.expected,   tb.actual,  tb.grossSavings, tb.payments,
                         tb.programNet, tb.federal, tb.state};
    for (int i = 0; i < 7; ++i)
        triple(all, av[i], bv[i]);
    all << QString() << QString();

    std::map<std::string, std::pair<const PlanSettlement*, const PlanSettlement*>> plans;
    for (const PlanSettlement& p : a.plans)
        plans[p.planId].first = &p;
    for (const PlanSettlement& p : b.plans)
        plans[p.planId].second = &p;
    // The ALL row is withheld when it would give away the one suppressed plan with members.
    std::vector<double> sizes;
    std::vector<bool> hidden;
    for (const auto& [id, pair] : plans) {
        sizes.push_back(
            std::max(pair.first ? pair.first->members : 0.0, pair.second ? pair.second->members : 0.0));
        hidden.push_back((pair.first && isSuppressedPlan(*pair.first, options)) ||
                         (pair.second && isSuppressedPlan(*pair.second, options)));
    }
    w.addRow(disclosure::revealsSuppressedPart(sizes, hidden) ? suppressRow(all, 1) : all);

    for (const auto& [id, pair] : plans) {
        QStringList row{text(id)};
        const bool suppressed = (pair.first && isSuppressedPlan(*pair.first, options)) ||
                                (pair.second && isSuppressedPlan(*pair.second, options));
        const std::vector<double> va = pair.first ? values(*pair.first) : std::vector<double>();
        const std::vector<double> vb = pair.second ? values(*pair.second) : std::vector<double>();
        for (std::size_t i = 0; i < 7; ++i)
            triple(row, pair.first ? std::optional<double>(va[i]) : std::nullopt,
                   pair.second ? std::optional<double>(vb[i]) : std::nullopt);
        row << (pair.first ? flag(pair.first->eligible) : QString())
            << (pair.second ? flag(pair.second->eligible) : QString());
        w.addRow(suppressed ? suppressRow(row, 1) : row);
    }
    return w.bytes();
}

std::optional<long long> measureDenominator(const QualityData& quality, const std::string& planId, Year year,
                                            const std::string& measureId)
{
    for (const QualityRecord& r : quality.records)
        if (r.year == year && r.planId == planId && r.measureId == measureId)
            return r.denominator;
    return std::nullopt;
}

} // namespace sharecast::io
