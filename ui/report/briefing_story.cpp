#include "ui/report/briefing_story.h"

#include "engine/rounding.h"
#include "engine/statewide_totals.h"
#include "ui/document/format.h"
#include "ui/report/report_drivers.h"
#include "ui/report/report_format.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>

namespace sharecast::ui {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

//! "a, b and c".
QString listInWords(QStringList items)
{
    if (items.size() <= 1)
        return items.value(0);
    const QString last = items.takeLast();
    return items.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

//! "1 plan", "12 plans".
QString plansCount(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 plan") : QStringLiteral("%1 plans").arg(n);
}

//! Rates in a sentence: one decimal, "1.2 %".
QString pct(double fraction)
{
    return formatPercent(fraction, 1);
}

//! A category of service or rate cell in words (the sample's abbreviations spelled out).
QString wordsOf(const std::string& name)
{
    static const std::map<std::string, QString> known = {
        {"ecm", QStringLiteral("enhanced care management")},
        {"ltc", QStringLiteral("long-term care")},
        {"LTC", QStringLiteral("long-term care")},
        {"LTC/Dual", QStringLiteral("long-term care (dual eligible)")},
        {"SPD", QStringLiteral("seniors and persons with disabilities")},
        {"SPD/Dual", QStringLiteral("seniors and persons with disabilities (dual eligible)")},
        {"ACA Expansion", QStringLiteral("the expansion adults")},
        {"community_supports", QStringLiteral("community supports")}};
    if (auto it = known.find(name); it != known.end())
        return it->second;
    return text(name).replace(u'_', u' ');
}

QString measureName(const Scenario& scenario, std::size_t i)
{
    if (i >= scenario.quality.measures.size())
        return QStringLiteral("a quality measure");
    const QualityMeasure& m = scenario.quality.measures[i];
    return m.name.empty() ? text(m.id) : text(m.name);
}

//! Why a plan needs attention, in words; empty when it does not.
QStringList attentionReasons(const PlanSettlement& p, const PlanValidity* v, const Scenario& scenario)
{
    QStringList why;
    const QualityResult& q = p.quality;
    if (q.gateBlocks) {
        QStringList tests;
        if (!q.composite)
            tests << QStringLiteral("too few quality measures could be reported (%1 of the %2 needed)")
                         .arg(q.reportableMeasures)
                         .arg(std::max(1, scenario.quality.minMeasures));
        else if (q.compositeBelowMinimum)
            tests << QStringLiteral("its quality score of %1 is below the minimum of %2")
                         .arg(formatNumber(*q.composite, 1), formatNumber(scenario.quality.minComposite, 1));
        for (std::size_t i = 0; i < q.measures.size(); ++i) {
            const MeasureScore& m = q.measures[i];
            if (m.gatePassed)
                continue;
            const bool lower = i < scenario.quality.measures.size() &&
                               scenario.quality.measures[i].direction == Direction::Lower;
            if (!m.reportable || !m.rate || !m.gateMin)
                tests << QStringLiteral("%1 was not reported").arg(measureName(scenario, i));
            else
                tests << QStringLiteral("%1 at %2, %3 %4")
                             .arg(measureName(scenario, i), formatPercent(*m.rate),
                                  lower ? QStringLiteral("above its limit of")
                                        : QStringLiteral("below its minimum of"),
                                  formatPercent(*m.gateMin));
        }
        why << QStringLiteral("failed the quality gate (%1), so it cannot share savings")
                   .arg(tests.join(QStringLiteral("; ")));
    }
    if (p.tccTrend.enabled && !p.tccTrend.passed)
        why << (p.tccTrend.evaluable
                    ? QStringLiteral("its cost per member grew %1, above the %2 limit")
                          .arg(formatPercent(p.tccTrend.trend), formatPercent(p.tccTrend.maxTrend))
                    : QStringLiteral("its cost growth could not be checked (no prior-year cost)"));
    const AppropriatenessResult& a = p.appropriateness;
    if (a.enabled && a.tripped) {
        QString detail;
        if (!a.evaluable)
            detail = QStringLiteral("no prior-year data to compare with");
        else {
            QStringList parts;
            parts << QStringLiteral("claim denials %1 of claims, from %2")
                         .arg(formatPercent(a.denialRate), formatPercent(a.priorDenialRate));
            parts << QStringLiteral("grievances %1 per 1,000 member months, from %2")
                         .arg(formatNumber(a.grievanceRate, 2), formatNumber(a.priorGrievanceRate, 2));
            detail = parts.join(QStringLiteral("; "));
        }
        why << QStringLiteral("tripped the guardrail on denied care (%1)%2")
                   .arg(detail, a.blocks ? QStringLiteral(", so it cannot share savings") : QString());
    }
    // Chance decides only for an eligible plan: one that failed a gate missed out for that.
    if (v && p.eligible && v->straddlesMsr && v->savingsRate && p.grossSavings != 0.0)
        why << QStringLiteral("its savings rate of %1 is within chance of its %2 minimum, so %3")
                   .arg(formatPercent(*v->savingsRate), formatPercent(v->msr),
                        p.payment.payment > 0.0 ? QStringLiteral("its payment may be luck")
                                                : QStringLiteral("missing out may be bad luck"));
    return why;
}

RebasingOutlook outlookOf(const Projection& pr)
{
    RebasingOutlook o;
    if (pr.all.empty())
        return o;
    o.firstYear = pr.all.front().year;
    o.lastYear = pr.all.back().year;
    for (const ProjectionYear& y : pr.all) {
        o.costNotRebased += y.stateCostNonRebased;
        o.costRebased += y.stateCostRebased;
        o.rateImpact += y.rateImpact;
        o.returned += y.programNet;
    }
    return o;
}

} // namespace

QString briefingMoney(double dollars)
{
    const double a = std::fabs(dollars);
    if (roundTo(a / 1e9, 2) >= 1.0)
        return QStringLiteral("$%1 billion").arg(formatNumber(a / 1e9, 2));
    if (roundTo(a / 1e6, 1) >= 1.0)
        return QStringLiteral("$%1 million").arg(formatNumber(a / 1e6, 1));
    return QStringLiteral("$%1").arg(formatNumber(a, 0));
}

QString assumptionInWords(const std::string& key, const Scenario& scenario)
{
    static const std::map<std::string, QString> exact = {
        {"msr.rate", QStringLiteral("the minimum savings rate")},
        {"msr.cv", QStringLiteral("the cost variation behind the minimum savings rate")},
        {"msr.z", QStringLiteral("the confidence level behind the minimum savings rate")},
        {"mlr.rate", QStringLiteral("the minimum loss rate")},
        {"sharing.max_share", QStringLiteral("the plans’ share of savings")},
        {"sharing.min_share", QStringLiteral("the lowest plan share")},
        {"sharing.cap", QStringLiteral("the cap on payments")},
        {"sharing.payment_reduction", QStringLiteral("the payment reduction")},
        {"sharing.quality_low", QStringLiteral("the quality score where sharing starts")},
        {"sharing.quality_high", QStringLiteral("the quality score for the full share")},
        {"losses.rate", QStringLiteral("the plans’ share of losses")},
        {"losses.cap", QStringLiteral("the cap on losses")},
        {"fmap.default", QStringLiteral("the federal matching rate")},
        {"quality.gate.min_composite", QStringLiteral("the minimum quality score")},
        {"risk_adjustment.cap_up", QStringLiteral("the cap on risk adjustment")},
        {"risk_adjustment.cap_down", QStringLiteral("the floor on risk adjustment")},
        {"truncation.threshold", QStringLiteral("the high-cost claim threshold")},
        {"tcc_trend_gate.max_trend", QStringLiteral("the limit on cost growth")},
        {"projection.enrollment_growth", QStringLiteral("enrollment growth")},
        {"projection.investment_pmpm", QStringLiteral("the care-management investment per member")},
        {"projection.admin_load", QStringLiteral("the administrative load in rates")},
        {"projection.underwriting_gain", QStringLiteral("the underwriting gain in rates")},
        {"projection.utilization_change.default", QStringLiteral("the projected change in use of care")},
        {"trend.default.unit_cost", QStringLiteral("the price trend")},
        {"trend.default.utilization", QStringLiteral("the utilization trend")}};
    if (auto it = exact.find(key); it != exact.end())
        return it->second;
    static const QRegularExpression byCos(
        QStringLiteral("^trend\\.by_cos\\.([^.]+)\\.(unit_cost|utilization)$"));
    static const QRegularExpression byCell(QStringLiteral(
        "^trend\\.by_rate_cell\\.([^.]+)\\.(?:default|by_cos\\.([^.]+))\\.(unit_cost|utilization)$"));
    static const QRegularExpression tier(QStringLiteral("^sharing\\.tiers\\[(\\d+)\\]\\.(share|min_score)$"));
    static const QRegularExpression util(
        QStringLiteral("^projection\\.utilization_change\\.by_cos\\.([^.]+)$"));
    static const QRegularExpression fmap(QStringLiteral("^fmap\\.by_rate_cell\\.(.+)$"));
    static const QRegularExpression measure(
        QStringLiteral("^quality\\.measures\\[(\\d+)\\]\\.(threshold|benchmark|gate_min|weight)$"));
    const QString k = text(key);
    auto trendWord = [](const QString& which) {
        return which == u"unit_cost" ? QStringLiteral("price trend") : QStringLiteral("utilization trend");
    };
    if (auto m = byCos.match(k); m.hasMatch())
        return QStringLiteral("the %1 %2")
            .arg(wordsOf(m.captured(1).toStdString()), trendWord(m.captured(2)));
    if (auto m = byCell.match(k); m.hasMatch())
        return QStringLiteral("the %1%2 for %3")
            .arg(m.captured(2).isEmpty() ? QString() : wordsOf(m.captured(2).toStdString()) + u' ',
                 trendWord(m.captured(3)), wordsOf(m.captured(1).toStdString()));
    if (auto m = tier.match(k); m.hasMatch())
        return m.captured(2) == u"share"
                   ? QStringLiteral("the plan share of quality tier %1").arg(m.captured(1).toInt() + 1)
                   : QStringLiteral("the quality score for tier %1").arg(m.captured(1).toInt() + 1);
    static const QRegularExpression benefit(
        QStringLiteral("^new_benefits\\[(\\d+)\\]\\.(pmpm|take_up|trend)(?:\\.(.+))?$"));
    if (auto m = benefit.match(k); m.hasMatch()) {
        const auto i = static_cast<std::size_t>(m.captured(1).toInt());
        const QString what = i < scenario.newBenefits.size() ? wordsOf(scenario.newBenefits[i].cos)
                                                             : QStringLiteral("a new benefit");
        const QString part = m.captured(3);
        if (m.captured(2) == u"pmpm")
            return part == u"all" || part.isEmpty()
                       ? QStringLiteral("the monthly price of %1 per member").arg(what)
                       : QStringLiteral("the monthly price of %1 per member in the %2 group")
                             .arg(what, wordsOf(part.toStdString()));
        if (m.captured(2) == u"take_up")
            return QStringLiteral("the take-up of %1%2")
                .arg(what, part.isEmpty() ? QString() : QStringLiteral(" in ") + part);
        return QStringLiteral("the price trend of %1").arg(what);
    }
    if (auto m = util.match(k); m.hasMatch())
        return QStringLiteral("the projected change in %1 use").arg(wordsOf(m.captured(1).toStdString()));
    if (auto m = fmap.match(k); m.hasMatch())
        return QStringLiteral("the federal matching rate for %1").arg(wordsOf(m.captured(1).toStdString()));
    if (auto m = measure.match(k); m.hasMatch()) {
        static const std::map<QString, QString> part = {
            {QStringLiteral("threshold"), QStringLiteral("threshold")},
            {QStringLiteral("benchmark"), QStringLiteral("target")},
            {QStringLiteral("gate_min"), QStringLiteral("minimum")},
            {QStringLiteral("weight"), QStringLiteral("weight")}};
        return QStringLiteral("the %1 of %2")
            .arg(part.at(m.captured(2)),
                 measureName(scenario, static_cast<std::size_t>(m.captured(1).toInt())));
    }
    QString words = k;
    words.replace(u'.', u' ').replace(u'_', u' ');
    return words;
}

BriefingStory briefingStory(const BriefingInputs& in)
{
    BriefingStory story;
    const Settlement& s = *in.settlement;
    const Scenario& sc = *in.scenario;
    const StatewideTotals t = statewideTotals(s);
    const bool capitation = sc.paymentModel == PaymentModel::Capitation;
    auto nameOf = [&](const std::string& id) {
        const std::string n = in.experience ? in.experience->planName(id) : std::string();
        return n.empty() || n == id ? text(id) : text(n);
    };

    int eligible = 0, paid = 0, owed = 0;
    for (const PlanSettlement& p : s.plans) {
        eligible += p.eligible ? 1 : 0;
        paid += p.payment.payment > 0.0 ? 1 : 0;
        owed += p.payment.payment < 0.0 ? 1 : 0;
    }
    const qsizetype n = static_cast<qsizetype>(s.plans.size());

    // What happened.
    const bool saved = t.grossSavings >= 0.0;
    story.headline =
        saved ? QStringLiteral("%1: %2 saved; %3 paid %4")
                    .arg(s.year)
                    .arg(briefingMoney(t.grossSavings), plansCount(paid), briefingMoney(t.payments))
              : QStringLiteral("%1: care cost %2 more than expected")
                    .arg(s.year)
                    .arg(briefingMoney(t.grossSavings));
    QStringList happened;
    happened << QStringLiteral(
                    "In %1, care for the %2 members of %3 cost %4, which is %5 (%6) %7 than the %8 "
                    "expected before the year began.")
                    .arg(s.year)
                    .arg(report::membersInWords(t.members), plansCount(n), briefingMoney(t.actual),
                         briefingMoney(t.grossSavings),
                         t.expected != 0.0 ? pct(std::fabs(t.grossSavings) / t.expected)
                                           : QStringLiteral("n/a"),
                         saved ? QStringLiteral("less") : QStringLiteral("more"), briefingMoney(t.expected));
    if (paid > 0)
        happened << QStringLiteral(
                        "%1 of the %2 met every condition to share in savings, and %3 of them saved "
                        "enough to be paid: %4 in all, %5 of the savings.")
                        .arg(eligible)
                        .arg(plansCount(n))
                        .arg(paid)
                        .arg(briefingMoney(t.payments), t.grossSavings > 0.0
                                                            ? pct(t.payments / t.grossSavings)
                                                            : QStringLiteral("none"));
    else
        happened << QStringLiteral(
                        "%1 of the %2 met every condition to share in savings; none saved enough to "
                        "be paid.")
                        .arg(eligible)
                        .arg(plansCount(n));
    if (owed > 0)
        happened << QStringLiteral("%1 owe part of their losses.").arg(plansCount(owed));
    story.happened = happened.join(u' ');

    // Who keeps what.
    const QString split = QStringLiteral("%1 of it the state’s and %2 the federal government’s (its matching "
                                         "share of Medi-Cal costs)")
                              .arg(briefingMoney(t.state), briefingMoney(t.federal));
    if (t.programNet >= 0.0)
        story.money = capitation
                          ? QStringLiteral("The plans are paid a fixed monthly amount per member, so "
                                           "they hold what they save; after keeping their share they "
                                           "return %1 to the program, %2.")
                                .arg(briefingMoney(t.programNet), split)
                          : QStringLiteral("After paying the plans their share, the program keeps %1, %2.")
                                .arg(briefingMoney(t.programNet), split);
    else
        story.money = QStringLiteral("After the settlement the program is %1 worse off, %2.")
                          .arg(briefingMoney(t.programNet), split);

    // Not rebasing against rebasing.
    story.outlook = outlookOf(*in.projection);
    story.hasProjection = !in.projection->all.empty();
    const RebasingOutlook& o = story.outlook;
    if (story.hasProjection) {
        const double extra = o.extraCost();
        const QString years = o.firstYear == o.lastYear
                                  ? QString::number(o.firstYear)
                                  : QStringLiteral("%1 to %2").arg(o.firstYear).arg(o.lastYear);
        QString parts;
        if (std::fabs(o.rateImpact - o.returned - extra) < 1.0 && o.rateImpact > 0.0)
            parts = QStringLiteral(" (%1 more in rates, less %2 %3 through the yearly settlements)")
                        .arg(briefingMoney(o.rateImpact), briefingMoney(o.returned),
                             capitation ? QStringLiteral("returned") : QStringLiteral("kept"));
        story.rebasing =
            QStringLiteral("Over %1, keeping rates where they would have been without the plans’ savings, "
                           "so that the plans keep an incentive to save, %2 the program %3%4 compared with "
                           "resetting rates each year to what care actually cost, state and federal funds "
                           "together: %5 of its %6 cost.")
                .arg(years, extra >= 0.0 ? QStringLiteral("costs") : QStringLiteral("saves"),
                     briefingMoney(extra) + (extra >= 0.0 ? QStringLiteral(" more") : QString()), parts,
                     pct(o.costRebased != 0.0 ? std::fabs(extra) / o.costRebased : 0.0),
                     briefingMoney(o.costRebased));
    } else {
        story.rebasing = QStringLiteral("There is no projection: the data end with the performance year.");
    }

    // What drives the result.
    if (in.drivers && !in.drivers->rows.empty() && in.drivers->rows.front().swing > 0.0) {
        QStringList top;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, in.drivers->rows.size()); ++i) {
            const io::SensitivityRow& r = in.drivers->rows[i];
            if (r.swing > 0.0)
                top << QStringLiteral("%1 (a swing of %2 over its range)")
                           .arg(assumptionInWords(r.key, sc), briefingMoney(r.swing));
        }
        QString metric = report::metricLabel(in.drivers->metric);
        metric = metric.at(0).toLower() + metric.mid(1);
        if (in.drivers->metric.kind == MetricKind::ProgramNet && !in.drivers->metric.plan)
            metric = capitation ? QStringLiteral("what the plans return to the program")
                                : QStringLiteral("what the program keeps");
        story.drivers = QStringLiteral("What moves %1 most: %2.").arg(metric, listInWords(top));
    } else {
        story.drivers = QStringLiteral("What moves the result most was not analysed for this briefing.");
    }

    // Plans needing attention.
    std::map<std::string, const PlanValidity*> validity;
    if (in.validity)
        for (const PlanValidity& v : in.validity->plans)
            validity[v.planId] = &v;
    int qualityFailed = 0, guardrail = 0, chance = 0;
    std::vector<std::pair<double, AttentionItem>> gated, chanceOnly; // with the savings at stake
    for (const PlanSettlement& p : s.plans) {
        const auto v = validity.find(p.planId);
        const PlanValidity* pv = v == validity.end() ? nullptr : v->second;
        qualityFailed += p.quality.gateBlocks ? 1 : 0;
        guardrail += p.appropriateness.enabled && p.appropriateness.tripped ? 1 : 0;
        chance += pv && p.eligible && pv->straddlesMsr && p.grossSavings != 0.0 ? 1 : 0;
        if (in.hiddenPlans.count(p.planId))
            continue;
        QStringList why = attentionReasons(p, pv, sc);
        if (why.isEmpty())
            continue;
        // Plans that failed a gate or tripped the guardrail first, then those only within chance.
        const bool gate = p.quality.gateBlocks || (p.tccTrend.enabled && !p.tccTrend.passed) ||
                          (p.appropriateness.enabled && p.appropriateness.tripped);
        (gate ? gated : chanceOnly)
            .emplace_back(std::abs(p.grossSavings), AttentionItem{p.planId, nameOf(p.planId), why});
    }
    // Within each group, the plans with the most at stake first (a short list shows those).
    for (auto* group : {&gated, &chanceOnly}) {
        std::stable_sort(group->begin(), group->end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [stake, item] : *group)
            story.attention.append(std::move(item));
    }

    // What to watch.
    QStringList watch;
    if (qualityFailed > 0)
        watch << QStringLiteral("%1 failed the quality gate and could not share savings")
                     .arg(plansCount(qualityFailed));
    if (guardrail > 0)
        watch << QStringLiteral(
                     "%1 tripped the guardrail on denied care, a sign that savings may come from care "
                     "withheld")
                     .arg(plansCount(guardrail));
    if (chance > 0)
        watch << QStringLiteral(
                     "%1 ended within chance of the minimum savings rate, so whether they were paid "
                     "is partly luck")
                     .arg(plansCount(chance));
    if (story.hasProjection && in.projection->all.size() > 1) {
        const ProjectionYear& a = in.projection->all.front();
        const ProjectionYear& b = in.projection->all.back();
        const double first = a.stateCostNonRebased - a.stateCostRebased;
        const double last = b.stateCostNonRebased - b.stateCostRebased;
        if (first >= 0.0 && last > first)
            watch << QStringLiteral("the yearly cost of not rebasing grows from %1 in %2 to %3 in %4")
                         .arg(briefingMoney(first))
                         .arg(a.year)
                         .arg(briefingMoney(last))
                         .arg(b.year);
    }
    if (watch.isEmpty())
        story.watch = QStringLiteral("Nothing stands out: every plan passed its gates.");
    else {
        story.watch = watch.join(QStringLiteral("; ")) + u'.';
        story.watch[0] = story.watch[0].toUpper();
    }
    return story;
}

} // namespace sharecast::ui
