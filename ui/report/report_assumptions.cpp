#include "ui/report/report_assumptions.h"

#include "engine/rounding.h"
#include "io/report/report_csv.h"
#include "ui/document/format.h"

#include <QHash>
#include <QMap>

#include <map>

namespace sharecast::ui::report {

namespace {

//! How a value is written.
enum class Kind { Text, Percent, Points, Money, Pmpm, Year, Integer, Number, Score, Enum, Enabled, YesNo };

//! A readable label and the wording of one key pattern.
struct Rule {
    const char* label; //!< %1, %2: the data keys or list positions in the key
    Kind kind = Kind::Text;
    const char* nullText = "none";
    const char* emptyText = "none";
};

//! The label rules by key pattern (data keys as `*`, list positions as `[]`).
const QHash<QString, Rule>& rules()
{
    static const QHash<QString, Rule> r = {
        {"name", {"Scenario name", Kind::Text}},
        {"description", {"Description (the source of the assumptions)", Kind::Text, "none", "none"}},
        {"performance_year", {"Performance year", Kind::Year, "latest year of the data (%Y)"}},
        {"baseline.years", {"Baseline years", Kind::Year, "none", "the year before the performance year"}},
        {"baseline.weights",
         {"Baseline weights (in the order of the years)", Kind::Percent, "none", "equal weights"}},
        {"included_cos",
         {"Categories of service included", Kind::Text, "every category not excluded", "none"}},
        {"excluded_cos", {"Categories of service excluded", Kind::Text, "none", "none"}},
        {"trend.default.utilization", {"Utilization trend a year, every other category", Kind::Percent}},
        {"trend.default.unit_cost", {"Unit-cost trend a year, every other category", Kind::Percent}},
        {"trend.by_cos", {"Trend by category of service", Kind::Text, "none", "none (the default applies)"}},
        {"trend.by_cos.*.utilization", {"Utilization trend a year, %1", Kind::Percent}},
        {"trend.by_cos.*.unit_cost", {"Unit-cost trend a year, %1", Kind::Percent}},
        {"trend.by_rate_cell",
         {"Trend by rate cell", Kind::Text, "none", "none (the category trends apply)"}},
        {"trend.by_rate_cell.*.default.utilization",
         {"Utilization trend a year, rate cell %1, every other category", Kind::Percent}},
        {"trend.by_rate_cell.*.default.unit_cost",
         {"Unit-cost trend a year, rate cell %1, every other category", Kind::Percent}},
        {"trend.by_rate_cell.*.by_cos",
         {"Trend by category of service, rate cell %1", Kind::Text, "none", "none"}},
        {"trend.by_rate_cell.*.by_cos.*.utilization",
         {"Utilization trend a year, rate cell %1, %2", Kind::Percent}},
        {"trend.by_rate_cell.*.by_cos.*.unit_cost",
         {"Unit-cost trend a year, rate cell %1, %2", Kind::Percent}},
        {"program_changes", {"Program changes", Kind::Text, "none", "none"}},
        {"new_benefits", {"New benefits priced as PMPM add-ons", Kind::Text, "none", "none"}},
        {"new_benefits[].cos", {"New benefit %1: category of service", Kind::Text}},
        {"new_benefits[].price_year", {"New benefit %1: year its PMPMs are priced in", Kind::Year}},
        {"new_benefits[].pmpm", {"New benefit %1: PMPM by rate cell", Kind::Text, "none", "none"}},
        {"new_benefits[].pmpm.*", {"New benefit %1: PMPM, %2", Kind::Pmpm}},
        {"new_benefits[].take_up", {"New benefit %1: take-up by year", Kind::Text, "none", "none"}},
        {"new_benefits[].take_up.*", {"New benefit %1: take-up from %2", Kind::Percent}},
        {"new_benefits[].trend", {"New benefit %1: trend a year", Kind::Percent}},
        {"risk_adjustment.enabled", {"Risk adjustment of the baseline", Kind::Enabled}},
        {"risk_adjustment.cap_up", {"Cap on the upward risk adjustment", Kind::Percent, "no cap"}},
        {"risk_adjustment.cap_down", {"Cap on the downward risk adjustment", Kind::Percent, "no cap"}},
        {"truncation.enabled", {"Truncation of high-cost members", Kind::Enabled}},
        {"truncation.threshold", {"Truncation threshold (annual cost of a member)", Kind::Money}},
        {"msr.method", {"Minimum savings rate (MSR) method", Kind::Enum}},
        {"msr.rate", {"MSR under the fixed method", Kind::Percent}},
        {"msr.z", {"Confidence factor z (confidence-interval MSR)", Kind::Number}},
        {"msr.cv",
         {"Coefficient of variation of annual cost per member (confidence-interval MSR)", Kind::Number}},
        {"mlr.method", {"Minimum loss rate (MLR) method", Kind::Enum}},
        {"mlr.rate", {"MLR under the fixed method", Kind::Percent}},
        {"quality.scoring", {"Measure score", Kind::Enum}},
        {"quality.blend_weight", {"Weight of attainment in a blended measure score", Kind::Percent}},
        {"quality.improvement_max", {"Most points for improvement", Kind::Score}},
        {"quality.min_denominator", {"Smallest denominator of a reportable rate", Kind::Integer}},
        {"quality.min_measures", {"Fewest reportable measures for a composite", Kind::Integer}},
        {"quality.gate.enabled", {"Quality gate", Kind::Enabled}},
        {"quality.gate.min_composite", {"Lowest composite score that passes the quality gate", Kind::Score}},
        {"quality.measures", {"Quality measures", Kind::Text, "none", "none (no quality step)"}},
        {"tcc_trend_gate.enabled", {"Total-cost-of-care trend gate", Kind::Enabled}},
        {"tcc_trend_gate.max_trend", {"Highest risk-adjusted PMPM trend that passes", Kind::Percent}},
        {"appropriateness.enabled", {"Appropriateness guardrail (denials and grievances)", Kind::Enabled}},
        {"appropriateness.max_denial_rate_increase",
         {"Largest allowed rise in the claim denial rate", Kind::Points}},
        {"appropriateness.max_grievance_rate_increase",
         {"Largest allowed rise in grievances per 1,000 member months", Kind::Number}},
        {"appropriateness.action", {"When the guardrail trips", Kind::Enum}},
        {"savings_basis", {"Savings basis", Kind::Enum}},
        {"payment_model", {"Who holds the savings (payment model)", Kind::Enum}},
        {"sharing.rate_on_failed_gate", {"Share rate of a plan that fails a gate", Kind::Enum}},
        {"resource_use.measures", {"Resource-use measures", Kind::Text, "none", "none"}},
        {"sharing.max_share", {"Largest plan share of savings", Kind::Percent}},
        {"sharing.min_share", {"Smallest plan share (linear quality scaling)", Kind::Percent}},
        {"sharing.quality_scaling", {"Quality scaling of the plan share", Kind::Enum}},
        {"sharing.quality_low", {"Composite at the smallest share (linear scaling)", Kind::Score}},
        {"sharing.quality_high", {"Composite at the largest share (linear scaling)", Kind::Score}},
        {"sharing.tiers", {"Sharing tiers", Kind::Text, "none", "none"}},
        {"sharing.first_dollar", {"Savings shared from the first dollar once the MSR is met", Kind::YesNo}},
        {"sharing.cap", {"Cap on the payment, as a share of expected cost", Kind::Percent, "no cap"}},
        {"sharing.payment_reduction", {"Reduction of every payment (e.g. sequestration)", Kind::Percent}},
        {"losses.enabled", {"Shared losses", Kind::Enabled}},
        {"losses.rate_method", {"Loss-sharing rate method", Kind::Enum}},
        {"losses.rate", {"Loss-sharing rate (fixed method)", Kind::Percent}},
        {"losses.rate_min", {"Smallest loss-sharing rate (1 − sharing rate method)", Kind::Percent}},
        {"losses.rate_max", {"Largest loss-sharing rate (1 − sharing rate method)", Kind::Percent}},
        {"losses.cap", {"Cap on shared losses, as a share of expected cost", Kind::Percent, "no cap"}},
        {"fmap.default", {"FMAP, every other rate cell", Kind::Percent}},
        {"fmap.by_rate_cell", {"FMAP by rate cell", Kind::Text, "none", "none (the default applies)"}},
        {"fmap.by_rate_cell.*", {"FMAP, %1", Kind::Percent}},
        {"projection.start_year", {"Projection start year", Kind::Year, "latest experience year (%Y)"}},
        {"projection.horizon", {"Projection horizon (years)", Kind::Integer}},
        {"projection.enrollment_growth", {"Enrollment growth a year", Kind::Percent}},
        {"projection.utilization_change.default",
         {"Utilization change a year, every other category", Kind::Percent}},
        {"projection.utilization_change.by_cos",
         {"Utilization change by category of service", Kind::Text, "none", "none"}},
        {"projection.utilization_change.by_cos.*", {"Utilization change a year, %1", Kind::Percent}},
        {"projection.investment_pmpm", {"Care-management investment", Kind::Pmpm}},
        {"projection.quality_path",
         {"Composite score by projection year", Kind::Score, "each plan's latest composite", "none"}},
        {"projection.rate_lag", {"Rate-setting lag, base year to rate year (years)", Kind::Integer}},
        {"projection.admin_load", {"Administrative load of the gross rate", Kind::Percent}},
        {"projection.underwriting_gain", {"Underwriting gain of the gross rate", Kind::Percent}},
        {"projection.care_coordination_to_medical",
         {"Care coordination (ECM) counted as medical cost", Kind::YesNo}},
        {"corridors", {"Risk corridors", Kind::Text, "none", "none"}},
        {"corridors[].name", {"Risk corridor %1: name", Kind::Text}},
        {"corridors[].cos", {"Risk corridor %1: category of service", Kind::Text}},
        {"corridors[].target_pmpm", {"Risk corridor %1: target", Kind::Pmpm}},
        {"corridors[].bands", {"Risk corridor %1: bands", Kind::Text, "none", "none"}},
        {"corridors[].bands[].from", {"Risk corridor %1, band %2: deviation from", Kind::Percent}},
        {"corridors[].bands[].to",
         {"Risk corridor %1, band %2: deviation to", Kind::Percent, "no upper end"}},
        {"corridors[].bands[].state_share", {"Risk corridor %1, band %2: state share", Kind::Percent}},
        {"blend", {"Blended rate with a true-up", Kind::Text, "not used"}},
        {"blend.rate_cells", {"Blended rate cells", Kind::Text, "none", "none"}},
        {"blend.rates", {"Rates of the blended cells", Kind::Text, "none", "none"}},
        {"blend.rates.*", {"Rate of %1", Kind::Pmpm}},
        {"blend.projected_mix", {"Projected mix", Kind::Text, "none", "none"}},
        {"blend.projected_mix.*", {"Projected mix, %1", Kind::Percent}},
        {"blend.tolerance", {"True-up tolerance", Kind::Percent}},
        {"mlr_remittance.enabled", {"Medical loss ratio remittance", Kind::Enabled}},
        {"mlr_remittance.minimum", {"Minimum medical loss ratio", Kind::Percent}},
        {"federal_limits.enabled", {"Federal limits flagged (42 CFR 438.6(b)(2), 438.16)", Kind::Enabled}},
        {"federal_limits.incentive_max",
         {"Largest shared-savings payment, share of capitation", Kind::Percent}},
        {"federal_limits.ilos_cos",
         {"In lieu of services: categories of service", Kind::Text, "none", "none"}},
        {"federal_limits.ilos_max", {"Largest in-lieu-of-services cost, share of capitation", Kind::Percent}},
        {"federal_limits.ilos_evaluation",
         {"In-lieu-of-services share above which an evaluation is due", Kind::Percent}},
        {"uncertainty.cv",
         {"Coefficient of variation of annual cost per member (statistical validity)", Kind::Number,
          "from member data, else the MSR's"}},
        {"uncertainty.alpha", {"1 − confidence of the intervals (statistical validity)", Kind::Percent}},
        {"uncertainty.true_savings",
         {"True savings rate assumed for power", Kind::Percent, "each plan's observed savings rate"}},
        {"uncertainty.draws", {"Monte Carlo draws", Kind::Integer}},
        {"uncertainty.seed", {"Monte Carlo seed", Kind::Integer}},
        {"uncertainty.trend_sd", {"Standard deviation of the projection fan's annual shock", Kind::Percent}},
        {"regional_rates", {"Regional rates", Kind::Text, "not used"}},
        {"regional_rates.regions", {"Rating regions", Kind::Text, "none", "none"}},
        {"regional_rates.regions.*", {"Counties of region %1", Kind::Text, "none", "none"}},
        {"regional_rates.blend", {"Weight of the regional mean in a county's rate", Kind::Percent}},
        {"regional_rates.adjustments", {"County rate adjustments", Kind::Text, "none", "none"}},
        {"regional_rates.adjustments.*", {"Rate adjustment, %1", Kind::Number}},
        {"regional_rates.budget_neutral", {"Budget neutral by region, rate cell and year", Kind::YesNo}},
        {"partnerships.outcome_credit", {"Partner outcome bonus earned", Kind::Enum}},
        {"partnerships.pmpm_factor", {"Factor on every partner's PMPM", Kind::Number}},
        {"partnerships.terms",
         {"Partner terms set by the scenario", Kind::Text, "none", "none (the partnerships file's terms)"}},
        {"partnerships.terms.*", {"Terms of partner %1", Kind::Text, "none", "none"}},
        {"partnerships.terms.*.pmpm", {"PMPM paid to partner %1", Kind::Pmpm}},
        {"partnerships.terms.*.outreach_fee", {"Outreach fee per attempt, partner %1", Kind::Money}},
        {"partnerships.terms.*.outreach_cap", {"Outreach fees at most, partner %1", Kind::Money}},
        {"partnerships.terms.*.outcome_bonus", {"Outcome bonus offered to partner %1", Kind::Money}},
        {"partnerships.terms.*.savings_pass_through",
         {"Share of the plan's shared-savings payment passed to partner %1", Kind::Percent}},
        {"by_year",
         {"Terms by program year (by_year)", Kind::Text, "none", "none (the same terms every year)"}},
    };
    return r;
}

//! The enumerations in words.
QString enumText(const QString& key, const QString& v)
{
    static const QMap<QString, QString> methods = {{"none", "none (0 %)"},
                                                   {"fixed", "a fixed rate"},
                                                   {"elected", "elected by each entity"},
                                                   {"confidence", "confidence interval, z · cv / √N"},
                                                   {"mssp_table", "MSSP table by assigned members"},
                                                   {"same_as_msr", "the same as the MSR"}};
    static const QMap<QString, QString> scoring = {{"attainment", "attainment only"},
                                                   {"improvement", "improvement only"},
                                                   {"max", "the higher of attainment and improvement"},
                                                   {"blend", "a blend of attainment and improvement"}};
    static const QMap<QString, QString> scaling = {{"none", "none: the largest share"},
                                                   {"multiply", "largest share × composite / 100"},
                                                   {"tiers", "by tiers of the composite score"},
                                                   {"linear", "linear between two composite scores"}};
    static const QMap<QString, QString> other = {
        {"flag", "flag it only (no effect on payment)"},
        {"ineligible", "the plan is ineligible for a savings payment"},
        {"tcc", "total cost of care: expected minus actual cost"},
        {"resource_use", "resource use (IHA style)"},
        {"one_minus_sharing", "1 − the sharing rate, within the smallest and largest rate"},
        {"higher", "higher"},
        {"lower", "lower"},
        {"member_years", "member years"},
        {"ffs", "the payer (fee for service): it keeps G and pays P"},
        {"capitation", "the plan (capitation): it returns G − P to the state"},
        {"scaled", "as the composite scales it"},
        {"zero", "0 (CMS: no savings, losses at the largest rate)"}};
    static const QMap<QString, QString> credit = {
        {"target", "in full when the target is met, else nothing"},
        {"linear", "in proportion to the way from the baseline to the target"}};
    const QMap<QString, QString>* map = &other;
    if (key == u"partnerships.outcome_credit")
        map = &credit;
    else if (key.startsWith(u"msr.") || key.startsWith(u"mlr."))
        map = &methods;
    else if (key == u"quality.scoring")
        map = &scoring;
    else if (key == u"sharing.quality_scaling")
        map = &scaling;
    else if (key == u"losses.rate_method")
        return v == u"fixed" ? QStringLiteral("a fixed rate") : other.value(v, v);
    return map->value(v, v);
}

QString trimmedDecimal(const std::string& fixed)
{
    QString s = QString::fromStdString(fixed);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    if (s == u"-0")
        s = QStringLiteral("0");
    if (s.startsWith(u'-'))
        s.replace(0, 1, QStringLiteral("−"));
    return s;
}

QString dollarsText(double v, bool pmpm)
{
    QString s = formatDollars(v);
    if (s.endsWith(QStringLiteral(".00")))
        s.chop(3);
    return pmpm ? s + QStringLiteral(" PMPM") : s;
}

//! One value in words (v is the JSON scalar text).
QString valueText(const QString& listKey, const QString& v, Kind kind, const Rule* rule, Year dataYear)
{
    if (v == u"null") {
        QString t = QString::fromUtf8(rule ? rule->nullText : "none");
        return t.replace(QStringLiteral("%Y"), QString::number(dataYear));
    }
    if (v == u"[]" || v == u"{}")
        return QString::fromUtf8(rule ? rule->emptyText : "none");
    bool ok = false;
    const double x = v.toDouble(&ok);
    switch (kind) {
    case Kind::Percent: return ok ? exactPercent(x) : v;
    case Kind::Points:
        return ok ? trimmedDecimal(formatFixed(100.0 * x, 8)) + QStringLiteral(" percentage points") : v;
    case Kind::Money: return ok ? dollarsText(x, false) : v;
    case Kind::Pmpm: return ok ? dollarsText(x, true) : v;
    case Kind::Year:
    case Kind::Integer: return v;
    case Kind::Number:
    case Kind::Score: return ok ? trimmedDecimal(formatFixed(x, 10)) : v;
    case Kind::Enum: return enumText(listKey, v);
    case Kind::Enabled: return v == u"true" ? QStringLiteral("enabled") : QStringLiteral("disabled");
    case Kind::YesNo: return v == u"true" ? QStringLiteral("yes") : QStringLiteral("no");
    case Kind::Text: break;
    }
    return v;
}

//! One segment of a dotted key: a member name or a list position.
struct Segment {
    QString name;
    int index = -1;
};

QList<Segment> parseKey(const QString& key)
{
    QList<Segment> out;
    int i = 0;
    const int n = static_cast<int>(key.size());
    while (i < n) {
        if (key[i] == u'.') {
            ++i;
            continue;
        }
        if (key[i] == u'[') {
            const int close = static_cast<int>(key.indexOf(u']', i));
            QString inner = key.mid(i + 1, close - i - 1);
            if (inner.startsWith(u'"')) {
                // A quoted member name: read to the closing quote (escapes kept simple).
                int j = i + 2;
                QString name;
                while (j < n && key[j] != u'"') {
                    if (key[j] == u'\\' && j + 1 < n)
                        ++j;
                    name += key[j++];
                }
                out.append(Segment{name, -1});
                i = static_cast<int>(key.indexOf(u']', j)) + 1;
            } else {
                out.append(Segment{QString(), inner.toInt()});
                i = close + 1;
            }
            continue;
        }
        int j = i;
        while (j < n && key[j] != u'.' && key[j] != u'[')
            ++j;
        out.append(Segment{key.mid(i, j - i), -1});
        i = j;
    }
    return out;
}

//! The key's pattern (data keys `*`, positions `[]`) and what those stand for.
struct Pattern {
    QString text;
    QStringList captures;
};

Pattern patternOf(const QList<Segment>& segments)
{
    static const QStringList dataMaps = {"by_cos",  "by_rate_cell", "rates", "projected_mix",
                                         "regions", "adjustments",  "pmpm",  "take_up"};
    Pattern p;
    for (int i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        if (s.index >= 0) {
            p.text += QStringLiteral("[]");
            p.captures << QString::number(s.index + 1);
            continue;
        }
        const bool dataKey = i > 0 && segments[i - 1].index < 0 && dataMaps.contains(segments[i - 1].name) &&
                             !(i >= 2 && segments[i - 2].name == u"by_rate_cell" && s.name == u"by_cos") &&
                             !(i >= 2 && segments[i - 2].name == u"by_rate_cell" && s.name == u"default");
        if (!p.text.isEmpty())
            p.text += u'.';
        if (dataKey) {
            p.text += u'*';
            p.captures << s.name;
        } else {
            p.text += s.name;
        }
    }
    return p;
}

QString humanise(const QString& key)
{
    QString s = key;
    s.replace(u'_', u' ').replace(u'.', QStringLiteral(" › "));
    return s;
}

//! The group (methodology part) of a top-level key.
QString groupOf(const QString& top)
{
    static const QMap<QString, QString> groups = {
        {"name", "Scenario"},
        {"description", "Scenario"},
        {"performance_year", "Scenario"},
        {"baseline", "Expected cost: baseline, trend and adjustments (§2)"},
        {"included_cos", "Expected cost: baseline, trend and adjustments (§2)"},
        {"excluded_cos", "Expected cost: baseline, trend and adjustments (§2)"},
        {"trend", "Expected cost: baseline, trend and adjustments (§2)"},
        {"program_changes", "Expected cost: baseline, trend and adjustments (§2)"},
        {"new_benefits", "Expected cost: baseline, trend and adjustments (§2)"},
        {"payment_model", "Federal and state split (§9)"},
        {"federal_limits", "Further tools (§12)"},
        {"partnerships", "MCP–CBO partnerships"},
        {"risk_adjustment", "Expected cost: baseline, trend and adjustments (§2)"},
        {"truncation", "Expected cost: baseline, trend and adjustments (§2)"},
        {"msr", "Minimum savings and loss rates (§5)"},
        {"mlr", "Minimum savings and loss rates (§5)"},
        {"quality", "Quality composite and gate (§6)"},
        {"tcc_trend_gate", "Other gates (§8)"},
        {"appropriateness", "Other gates (§8)"},
        {"savings_basis", "Savings basis (§4, §7)"},
        {"resource_use", "Savings basis (§4, §7)"},
        {"sharing", "Sharing of savings and losses (§8)"},
        {"losses", "Sharing of savings and losses (§8)"},
        {"fmap", "Federal and state split (§9)"},
        {"projection", "Projection and rate setting (§10, §11)"},
        {"corridors", "Further tools (§12)"},
        {"blend", "Further tools (§12)"},
        {"mlr_remittance", "Further tools (§12)"},
        {"uncertainty", "How much of the result is chance (§13)"},
        {"regional_rates", "Regional rates"},
        {"assumption_sources", "Who set the assumptions"},
        {"by_year", "Terms by program year"}};
    return groups.value(top, QStringLiteral("Other"));
}

//! A column of a list shown as a table.
struct TableColumnRule {
    const char* field;
    const char* header;
    Kind kind;
    const char* nullText;
};

struct TableRule {
    const char* pattern;
    const char* title;
    std::vector<TableColumnRule> columns;
};

const std::vector<TableRule>& tableRules()
{
    static const std::vector<TableRule> t = {
        {"quality.measures",
         "Quality measures",
         {{"id", "Measure", Kind::Text, "—"},
          {"name", "Name", Kind::Text, "—"},
          {"weight", "Weight", Kind::Number, "—"},
          {"direction", "Better when", Kind::Enum, "—"},
          {"threshold", "Threshold (0 points; MPL)", Kind::Percent, "—"},
          {"benchmark", "Benchmark (100 points; HPL)", Kind::Percent, "—"},
          {"gate_min", "Gate minimum", Kind::Percent, "—"}}},
        {"sharing.tiers",
         "Sharing tiers",
         {{"min_score", "Composite from", Kind::Score, "—"}, {"share", "Plan share", Kind::Percent, "—"}}},
        {"program_changes",
         "Program changes",
         {{"cos", "Category of service", Kind::Text, "every category"},
          {"rate_cells", "Rate cells", Kind::Text, "every rate cell"},
          {"effective_year", "Effective year", Kind::Year, "—"},
          {"factor", "Factor on earlier base years", Kind::Number, "—"}}},
        {"resource_use.measures",
         "Resource-use measures",
         {{"id", "Measure", Kind::Text, "—"},
          {"numerator", "Numerator column", Kind::Text, "—"},
          {"exposure", "Exposure", Kind::Enum, "—"},
          {"per", "Rate per", Kind::Number, "—"},
          {"unit_cost", "Unit cost", Kind::Money, "—"},
          {"direction", "Better when", Kind::Enum, "—"}}},
    };
    return t;
}

} // namespace

QString assumptionGroupTitle(const QString& topKey)
{
    return groupOf(topKey);
}

QString exactPercent(double fraction)
{
    return trimmedDecimal(formatFixed(100.0 * fraction, 8)) + QStringLiteral(" %");
}

AssumptionDescription describeAssumptions(const Scenario& scenario, Year dataYear)
{
    AssumptionDescription d;
    d.name = QString::fromStdString(scenario.name);
    d.description = QString::fromStdString(scenario.description);
    const std::vector<io::AssumptionEntry> entries = io::flattenScenario(scenario);
    d.flattenedKeys = static_cast<int>(entries.size());

    QList<AssumptionGroup> groups;
    auto group = [&](const QString& title) -> AssumptionGroup& {
        for (AssumptionGroup& g : groups)
            if (g.title == title)
                return g;
        groups.append(AssumptionGroup{title, {}, {}});
        return groups.last();
    };

    // Tables: list key → (rule, rows by position, fields by position).
    struct TableBuild {
        const TableRule* rule = nullptr;
        QString key;
        std::map<int, std::map<QString, QStringList>> rows; // position → field → values
    };
    std::map<QString, TableBuild> tables;
    QStringList tableOrder;

    std::size_t i = 0;
    while (i < entries.size()) {
        const io::AssumptionEntry& e = entries[i];
        const QList<Segment> segments = parseKey(e.key);
        const Pattern pattern = patternOf(segments);
        const QString top = segments.isEmpty() ? e.key : segments.front().name;

        // Who set each group: shown in a table of its own (the report's "Who set the assumptions").
        if (top == u"assumption_sources") {
            ++i;
            continue;
        }

        // A program year's overrides (docs/methodology.md, "Program years"): one line per year,
        // each key it gives with its value as written.
        if (top == u"by_year" && segments.size() > 1) {
            const QString yearKey = QStringLiteral("by_year.") + segments[1].name;
            QStringList parts;
            while (i < entries.size() &&
                   (entries[i].key == yearKey || entries[i].key.startsWith(yearKey + u'.'))) {
                if (entries[i].key != yearKey)
                    parts << entries[i].key.mid(yearKey.size() + 1) + QStringLiteral(" = ") +
                                 entries[i].value;
                ++i;
            }
            group(groupOf(top))
                .items.append(AssumptionItem{
                    QStringLiteral("Program year %1 (over the terms above)").arg(segments[1].name),
                    parts.isEmpty() ? QStringLiteral("no change") : parts.join(QStringLiteral("; ")),
                    yearKey});
            continue;
        }

        // A list of objects shown as a table?
        const TableRule* tableRule = nullptr;
        for (const TableRule& t : tableRules())
            if (pattern.text.startsWith(QLatin1String(t.pattern) + QStringLiteral("[].")))
                tableRule = &t;
        if (tableRule) {
            const int depth = static_cast<int>(QString::fromLatin1(tableRule->pattern).count(u'.')) + 1;
            const int position = segments[depth].index;
            const QString field = segments[depth + 1].name;
            const QString listKey = QString::fromLatin1(tableRule->pattern);
            TableBuild& tb = tables[listKey];
            if (!tb.rule) {
                tb.rule = tableRule;
                tb.key = listKey;
                tableOrder << listKey;
                group(groupOf(top)); // keep the group order of the file
            }
            tb.rows[position][field] << e.value;
            ++i;
            continue;
        }

        // A list of scalars: its elements together.
        QString key = e.key;
        QString patternText = pattern.text;
        QStringList captures = pattern.captures;
        QStringList values{e.value};
        if (!segments.isEmpty() && segments.back().index >= 0) {
            key = e.key.left(e.key.lastIndexOf(u'['));
            patternText.chop(2);
            captures.removeLast();
            values.clear();
            while (i < entries.size() && entries[i].key.startsWith(key + u'[') &&
                   !entries[i].key.mid(key.size()).contains(u'.')) {
                values << entries[i].value;
                ++i;
            }
        } else {
            ++i;
        }

        const auto found = rules().constFind(patternText);
        const Rule* rule = found == rules().constEnd() ? nullptr : &found.value();
        if (!rule)
            d.uncoveredKeys << key;
        QString label = rule ? QString::fromUtf8(rule->label) : humanise(key);
        for (const QString& c : captures)
            label = label.arg(c);
        QStringList words;
        for (const QString& v : values)
            words << valueText(key, v, rule ? rule->kind : Kind::Text, rule, dataYear);
        if (key == u"description")
            continue; // printed in full as its own paragraph
        group(groupOf(top)).items.append(AssumptionItem{label, words.join(QStringLiteral(", ")), key});
    }

    for (const QString& listKey : tableOrder) {
        const TableBuild& tb = tables[listKey];
        AssumptionTable table;
        table.title = QString::fromUtf8(tb.rule->title);
        table.key = listKey;
        for (const TableColumnRule& c : tb.rule->columns)
            table.headers << QString::fromUtf8(c.header);
        for (const auto& [position, fields] : tb.rows) {
            QStringList row;
            for (const TableColumnRule& c : tb.rule->columns) {
                const auto f = fields.find(QString::fromLatin1(c.field));
                if (f == fields.end()) {
                    row << QString();
                    continue;
                }
                QStringList words;
                const Rule cellRule{c.header, c.kind, c.nullText, "none"};
                for (const QString& v : f->second)
                    words << valueText(listKey + u'.' + QLatin1String(c.field), v, c.kind, &cellRule,
                                       dataYear);
                row << words.join(QStringLiteral(", "));
            }
            for (const auto& [field, values] : fields) {
                bool known = false;
                for (const TableColumnRule& c : tb.rule->columns)
                    known = known || field == QLatin1String(c.field);
                if (!known)
                    d.uncoveredKeys << listKey + QStringLiteral("[%1].").arg(position) + field;
            }
            table.rows.append(row);
        }
        // The table goes to the group of its top-level key.
        group(groupOf(listKey.section(u'.', 0, 0))).tables.append(table);
    }
    d.groups = groups;
    return d;
}

} // namespace sharecast::ui::report
