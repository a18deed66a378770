#include "ui/assumptions/assumption_help.h"

#include <QCoreApplication>
#include <QHash>

namespace sharecast::ui {

namespace {

struct Entry {
    const char* label;
    const char* text;
    const char* section;
};

// In the order of the assumptions panel. Each sentence says what the value does to the result.
constexpr Entry kEntries[] = {
    {"Performance year", "The year whose actual cost is settled against the expected cost fixed before it.",
     "§2"},
    {"Baseline years", "The earlier years whose experience builds the expected cost, each with its weight.",
     "§2"},
    {"Risk adjustment", "Scales each baseline year's cost by how the members' risk score changed since.",
     "§2"},
    {"Risk cap up", "The most the risk adjustment may raise a baseline year's cost.", "§2"},
    {"Risk cap down", "The most the risk adjustment may lower a baseline year's cost.", "§2"},
    {"Truncate high-cost members",
     "Leaves each member's annual cost above the threshold out of expected and actual cost.", "§2"},
    {"Truncation threshold", "The annual cost of one member above which cost is left out when truncating.",
     "§2"},
    {"Included COS", "The categories of service the settlement counts; empty counts every one not excluded.",
     "§2"},
    {"Excluded COS",
     "Categories of service left out of expected and actual cost (pharmacy after a carve-out, say).", "§2"},
    {"Program changes: a factor on a COS's base cost for the base years before it took effect",
     "Adjusts base-year cost for a benefit or fee change that took effect later.", "§2.4"},
    {"Utilization",
     "The yearly growth in use of services applied from each base year to the performance year.", "§2.3"},
    {"Unit cost",
     "The yearly growth in the price of services applied from each base year to the performance year.",
     "§2.3"},
    {"By COS (replaces the default for that COS)",
     "Trend for one category of service instead of the default.", "§2.3"},
    {"By rate cell ('all': the cell's default; a COS row wins over it)",
     "Trend for one rate cell (and category) instead of the category's trend.", "§2.3"},
    {"Method", "How the minimum savings rate is set: none, a fixed rate, or from the plan's size.", "§5"},
    {"Fixed MSR", "Savings below this share of expected cost are treated as noise and not shared.", "§5"},
    {"Confidence z", "How many standard errors of cost the confidence-interval minimum savings rate spans.",
     "§5"},
    {"Coefficient of variation",
     "The spread of one member's annual cost, for the confidence-interval minimum savings rate.", "§5"},
    {"MLR method", "How the minimum loss rate is set (by default the same as the savings rate).", "§5"},
    {"Fixed MLR", "Losses below this share of expected cost are not shared.", "§5"},
    {"TCC trend gate", "Blocks sharing for a plan whose cost per member grew faster than the limit.", "§8"},
    {"Maximum TCC trend", "The growth in risk-adjusted cost per member above which the trend gate fails.",
     "§8"},
    {"Appropriateness guardrail",
     "Checks that savings did not come from denying care: rising denials or grievances trip it.", "§8"},
    {"Denial rate rise limit",
     "The rise in the share of claims denied, year on year, that trips the guardrail.", "§8"},
    {"Grievance rise limit", "The rise in grievances per 1,000 member months that trips the guardrail.",
     "§8"},
    {"When tripped", "Whether a tripped guardrail only flags the plan or also blocks its sharing.", "§8"},
    {"Scoring",
     "How a measure earns points: for attainment, for improvement, the better of the two, or a blend.", "§6"},
    {"Attainment weight (blend)", "In a blended score, the weight of attainment against improvement.", "§6"},
    {"Improvement score at most", "The most points a measure can earn for improvement alone.", "§6"},
    {"Minimum denominator", "A measure with fewer eligible members than this is not reportable.", "§6"},
    {"Minimum scored measures",
     "A plan with fewer reportable measures has no composite and fails the quality gate.", "§6"},
    {"Quality gate enabled", "Whether a plan must reach the quality minimums to share savings.", "§6"},
    {"Minimum composite", "The quality composite a plan must reach to share savings.", "§6"},
    {"Threshold scores 0, benchmark 100; a gate minimum every plan must reach",
     "Each quality measure: its weight, the rate scoring 0 and 100 points, and an optional minimum.", "§6"},
    {"Savings basis",
     "Whether savings are the total cost of care or the resource-use savings of chosen measures.", "§4, §7"},
    {"Measures (IHA style): savings = rate change × unit cost",
     "Resource-use measures: savings are the fall in each rate times its unit cost.", "§7"},
    {"Plan share (maximum)", "The largest share of savings a plan can earn.", "§8"},
    {"Minimum share (linear)", "The share a plan earns at the low quality score under linear scaling.", "§8"},
    {"Quality scaling",
     "How quality turns into the plan's share: none, in proportion, by tiers, or linearly.", "§8"},
    {"A plan failing a gate",
     "Whether a plan that fails a gate keeps its scaled share (for losses) or gets none.", "§8"},
    {"Linear: share 'minimum' at score", "The quality score at which linear scaling gives the minimum share.",
     "§8"},
    {"Linear: share 'maximum' at score", "The quality score at which linear scaling gives the maximum share.",
     "§8"},
    {"Tiers (used with tier scaling; each tier carries its own share)",
     "Quality tiers: from each composite score up, the share of savings a plan earns.", "§8"},
    {"Share from the first dollar",
     "Shares all savings once past the minimum rate, not only the part above it.", "§8"},
    {"Cap the payment", "Limits a plan's payment to a share of its expected cost.", "§8"},
    {"Cap (share of E)", "The most a plan can be paid, as a share of its expected cost.", "§8"},
    {"Payment reduction", "A cut applied to every payment before the cap (as MSSP's sequestration).", "§8"},
    {"Two-sided: plans share losses", "Makes plans pay back part of cost above the expected cost.", "§8"},
    {"Loss rate", "How a plan's share of losses is set: a fixed rate or one minus its savings share.", "§8"},
    {"Fixed loss rate", "The share of losses a plan pays back under the fixed method.", "§8"},
    {"Loss rate at least", "The lowest share of losses a plan pays back.", "§8"},
    {"Loss rate at most", "The highest share of losses a plan pays back.", "§8"},
    {"Cap the losses", "Limits what a plan pays back to a share of its expected cost.", "§8"},
    {"Loss cap (share of E)", "The most a plan pays back, as a share of its expected cost.", "§8"},
    {"Payment model",
     "Who holds the savings: the payer (fee for service) or the plan (capitation), which returns them.",
     "§9"},
    {"FMAP (default)",
     "The federal government's share of the program's net savings (federal medical assistance percentage).",
     "§9"},
    {"By rate cell", "A rate cell's own federal share, for populations matched at another rate.", "§9"},
    {"Start year", "The first year of experience the five-year projection starts from.", "§11"},
    {"Horizon", "How many years the projection runs.", "§11"},
    {"Rate lag", "How many years old the experience is when a capitation rate is built from it.", "§10"},
    {"Investment", "What plans spend each year on care management to lower use.", "§11"},
    {"Enrollment growth", "The yearly growth in member months in the projection.", "§11"},
    {"Utilization change a year",
     "The yearly fall (or rise) in use that the plans' care management achieves.", "§11"},
    {"Utilization change by COS (replaces the default for that COS)",
     "The projected change in use for one category of service instead of the default.", "§11"},
    {"Quality path", "The quality score each plan is assumed to reach in the projection years.", "§11"},
    {"Administrative load", "The share of the capitation rate for administration.", "§10"},
    {"Underwriting gain", "The share of the capitation rate for the plan's margin.", "§10"},
    {"Care coordination is medical cost",
     "Counts Enhanced Care Management as medical cost in the rate, not administration.", "§10"},
    {"One row per band: the state pays (or recoups) its share of the deviation from the target",
     "Risk corridors: bands of cost around the target and the state's share of the difference in each.",
     "§12"},
    {"Blend rate cells", "Pays one blended rate across rate cells, with a true-up when the mix moves.",
     "§12"},
    {"Tolerance", "How far the mix may move before the blended rate is trued up.", "§12"},
    {"Rate cells in the blend", "The rate cells paid the blended rate, with their expected shares.", "§12"},
    {"Remit below a minimum MLR",
     "Makes a plan return revenue when its medical loss ratio is below the minimum.", "§12"},
    {"Minimum MLR", "The medical loss ratio below which a plan remits the difference.", "§12"},
    {"Flag federal limits (42 CFR 438.6, 438.16)",
     "Flags payments above the federal limits on incentives and in-lieu-of services.", "§12"},
    {"Incentive payment at most (of capitation)",
     "The largest incentive payment federal rules allow, as a share of capitation.", "§12"},
    {"In lieu of services at most",
     "The largest cost of in-lieu-of services federal rules allow, as a share of capitation.", "§12"},
    {"Evaluation due above",
     "The share of capitation for in-lieu-of services above which an evaluation is due.", "§12"},
    {"Coefficient of variation c",
     "The spread of one member's annual cost, for the chance of a result by noise alone.", "§13"},
    {"α (1 − confidence)", "The chance of calling noise a saving that the statistical checks accept.", "§13"},
    {"True savings rate s", "The savings rate the power calculation asks the arrangement to detect.", "§13"},
    {"Monte Carlo draws", "How many random settlements the simulation draws.", "§13"},
    {"Seed", "The starting point of the random draws, so that a run can be repeated exactly.", "§13"},
    {"Fan shock sd", "The spread of the yearly trend shock that draws the projection's fan of outcomes.",
     "§13"},
};

QString anchorOf(int index)
{
    return QStringLiteral("field-%1").arg(index);
}

} // namespace

const QList<FieldHelp>& allFieldHelp()
{
    static const QList<FieldHelp> all = [] {
        QList<FieldHelp> out;
        int i = 0;
        for (const Entry& e : kEntries)
            out.append(FieldHelp{QString::fromUtf8(e.label), QCoreApplication::translate("FieldHelp", e.text),
                                 QString::fromUtf8(e.section), anchorOf(i++)});
        return out;
    }();
    return all;
}

FieldHelp fieldHelp(const QString& label)
{
    QString key = label;
    key.remove(u'&');
    if (key.endsWith(u':'))
        key.chop(1);
    for (const FieldHelp& h : allFieldHelp())
        if (h.label == key)
            return h;
    return {};
}

QString fieldToolTip(const FieldHelp& help)
{
    if (help.label.isEmpty())
        return {};
    return QStringLiteral("%1 (%2; F1 for help)").arg(help.text, help.section);
}

QString assumptionsHelpHtml()
{
    QString html =
        QStringLiteral("<h1>Assumptions</h1><p>Every field of the assumptions panel, in its order: what it "
                       "does and the section of the calculation specification (docs/methodology.md) "
                       "that defines it. Every edit recalculates at once and is one step of Edit ▸ "
                       "Undo.</p><table cellpadding='4'>");
    for (const FieldHelp& h : allFieldHelp())
        html += QStringLiteral("<tr><td valign='top'><a name='%1'></a><b>%2</b></td><td valign='top'>%3</td>"
                               "<td valign='top'>%4</td></tr>")
                    .arg(h.anchor, h.label.toHtmlEscaped(), h.text.toHtmlEscaped(), h.section);
    return html + QStringLiteral("</table>");
}

} // namespace sharecast::ui
