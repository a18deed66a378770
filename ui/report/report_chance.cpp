#include "ui/report/report_chance.h"

#include "engine/disclosure.h"
#include "engine/statewide_totals.h"
#include "ui/document/format.h"
#include "ui/report/report_assumptions.h"
#include "ui/report/report_format.h"

#include <QStringList>

#include <algorithm>
#include <set>

namespace sharecast::ui::report {

namespace {

const QString kStar = QString::fromLatin1(disclosure::kMark);

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

//! A plan and its size for prose: "Golden State Health (P01, 2.7 million members)", or
//! "P01 (2.7 million members)" when the plan has no name of its own.
QString planWithMembers(const ExperienceData& experience, const PlanValidity& p)
{
    const std::string name = experience.planName(p.planId);
    const QString members = QStringLiteral("%1 members").arg(membersInWords(p.members));
    return name == p.planId ? QStringLiteral("%1 (%2)").arg(text(p.planId), members)
                            : QStringLiteral("%1 (%2, %3)").arg(text(name), text(p.planId), members);
}

//! The plans whose figures the section may show (all of them outside public mode).
std::vector<const PlanValidity*> shownPlans(const ChanceInputs& in)
{
    std::vector<const PlanValidity*> shown;
    for (const PlanValidity& p : in.validity.plans)
        if (!io::isSuppressedPlan(p, in.csv))
            shown.push_back(&p);
    return shown;
}

//! "how often by chance" for one plan, in words.
QString falseRewardOf(const ChanceInputs& in, const PlanValidity& p)
{
    return QStringLiteral("%1 would clear its %2 MSR by chance %3 of the time")
        .arg(planWithMembers(in.experience, p), percent(p.msr), probability(p.pFalseReward));
}

} // namespace

Validity withMonteCarlo(Validity closedForms, const Settlement& settlement, const Scenario& scenario)
{
    MonteCarloOptions options;
    options.draws = scenario.uncertainty.draws;
    options.seed = scenario.uncertainty.seed;
    options.keepDraws = true;
    runPaymentMonteCarlo(closedForms, settlement, scenario, options);
    return closedForms;
}

QString confidenceLevel(const Validity& validity)
{
    return exactPercent(1.0 - validity.alpha);
}

QString chanceSummary(const ChanceInputs& in)
{
    const std::vector<const PlanValidity*> shown = shownPlans(in);
    std::vector<const PlanValidity*> sized;
    for (const PlanValidity* p : shown)
        if (p->members > 0.0)
            sized.push_back(p);
    if (sized.empty())
        return QStringLiteral("No plan with members is shown, so this section has no figures.");
    // Largest first; ties by plan order (stable).
    std::stable_sort(sized.begin(), sized.end(),
                     [](const PlanValidity* a, const PlanValidity* b) { return a->members > b->members; });
    const PlanValidity& largest = *sized.front();
    const PlanValidity& smallest = *sized.back();

    QStringList sentences;
    QString first = QStringLiteral("With no true savings, a plan the size of ") + falseRewardOf(in, largest);
    if (&smallest != &largest)
        first += QStringLiteral("; the smallest plan%1, %2, %3 of the time")
                     .arg(in.csv.suppressSmallCells ? QStringLiteral(" shown") : QString(),
                          planWithMembers(in.experience, smallest), probability(smallest.pFalseReward));
    sentences << first + u'.';

    int within = 0;
    QStringList withinIds;
    for (const PlanValidity* p : shown)
        if (p->straddlesMsr) {
            ++within;
            withinIds << text(p->planId);
        }
    const QString level = confidenceLevel(in.validity);
    const int total = static_cast<int>(shown.size());
    const QString of = in.csv.suppressSmallCells && total < static_cast<int>(in.validity.plans.size())
                           ? QStringLiteral("the %1 plans shown").arg(total)
                           : QStringLiteral("the %1 plans").arg(total);
    if (within == 0)
        sentences << QStringLiteral("None of %1 has a result within chance of its MSR: every %2 interval of "
                                    "the savings rate lies wholly above or below it.")
                         .arg(of, level);
    else
        sentences << QStringLiteral("%1 of %2 %3 within chance of the MSR: %4 %5 interval of the savings "
                                    "rate contains it (%6), so whether %7 cleared it says little about %8 "
                                    "performance.")
                         .arg(within)
                         .arg(of,
                              within == 1 ? QStringLiteral("has a result") : QStringLiteral("have results"),
                              within == 1 ? QStringLiteral("its") : QStringLiteral("their"), level,
                              withinIds.join(QStringLiteral(", ")),
                              within == 1 ? QStringLiteral("it") : QStringLiteral("they"),
                              within == 1 ? QStringLiteral("its") : QStringLiteral("their"));

    const Dollars paid = statewideTotals(in.settlement).payments;
    if (io::isValidityTotalWithheld(in.validity, in.csv))
        sentences << QStringLiteral("The statewide payment by chance is withheld in this public version: "
                                    "with the plans shown it would reveal a suppressed plan.");
    else {
        const PaymentDistribution& all = in.validity.all;
        sentences << QStringLiteral("By chance alone, with no plan truly saving, the program would pay "
                                    "plans %1 a year on average (95th percentile %2); around this year’s "
                                    "results, payments would range from %3 to %4 (5th to 95th percentile) "
                                    "against %5 paid.")
                         .arg(millions(all.chanceMean), millions(all.chanceP95), millions(all.p05),
                              millions(all.p95), millions(paid));
    }
    return sentences.join(u' ');
}

QString chanceMethod(const ChanceInputs& in)
{
    const std::vector<const PlanValidity*> shown = shownPlans(in);
    int scenarioCv = 0, member = 0, msrCv = 0;
    double lo = 0.0, hi = 0.0;
    std::set<std::string> why;
    for (const PlanValidity& p : in.validity.plans) {
        scenarioCv += p.cvSource == CvSource::Scenario ? 1 : 0;
        msrCv += p.cvSource == CvSource::MsrCv ? 1 : 0;
        member += p.cvSource == CvSource::MemberData ? 1 : 0;
        if (p.cvSource == CvSource::MsrCv)
            why.insert(p.cvNote);
    }
    bool first = true;
    for (const PlanValidity* p : shown)
        if (p->cvSource == CvSource::MemberData) {
            lo = first ? p->cv : std::min(lo, p->cv);
            hi = first ? p->cv : std::max(hi, p->cv);
            first = false;
        }
    const int n = static_cast<int>(in.validity.plans.size());
    auto plans = [n](int k) {
        return k == n ? QStringLiteral("every plan") : QStringLiteral("%1 of the %2 plans").arg(k).arg(n);
    };
    QStringList parts;
    if (scenarioCv > 0)
        parts << QStringLiteral("is the scenario’s assumed %1 (uncertainty.cv) for %2")
                     .arg(formatNumber(*in.scenario.uncertainty.cv, 2), plans(scenarioCv));
    if (member > 0) {
        QString range;
        if (!first)
            range = lo == hi
                        ? QStringLiteral(", c = %1").arg(formatNumber(lo, 2))
                        : QStringLiteral(", c from %1 to %2").arg(formatNumber(lo, 2), formatNumber(hi, 2));
        parts << QStringLiteral("was measured from the member-level cost data of the project for %1%2")
                     .arg(plans(member), range);
    }
    if (msrCv > 0) {
        QString reason;
        if (why.size() == 1) {
            QString note = text(*why.begin());
            note.remove(QStringLiteral("msr.cv ("));
            if (note.endsWith(u')'))
                note.chop(1);
            reason = QStringLiteral(": %1").arg(note);
        }
        parts << QStringLiteral("is the assumed coefficient of variation %1 (msr.cv) for %2%3")
                     .arg(formatNumber(in.scenario.msr.cv, 2), plans(msrCv), reason);
    }
    return QStringLiteral(
               "How the figures were made (methodology §13). The coefficient of variation c of a member’s "
               "annual cost %1. The standard error of a plan’s savings rate is σ = c · √(1/N + Σ w²/N_b), "
               "the performance year’s noise plus the benchmark’s own; the false-reward probability is "
               "1 − Φ(MSR/σ), the chance that a plan saving nothing clears its MSR; power is the chance of "
               "clearing it again if the observed savings rate were the true one. Payments come from a "
               "Monte Carlo of %2 draws with seed %3 (the scenario’s uncertainty.draws and .seed): each "
               "draw redraws every plan’s savings rate and applies the scenario’s sharing rules with the "
               "plan’s gates and quality as settled.")
        .arg(parts.join(QStringLiteral("; it ")), count(static_cast<double>(in.validity.draws)))
        .arg(in.validity.seed);
}

Table chanceTable(const ChanceInputs& in, const QString& caption)
{
    Table t;
    t.caption = caption;
    t.fontPt = 7.5;
    const QString level = confidenceLevel(in.validity);
    t.columns = {TableColumn{QStringLiteral("Plan"), Qt::AlignLeft},
                 TableColumn{QStringLiteral("Name"), Qt::AlignLeft, true}};
    for (const QString& h : {QStringLiteral("Members"), QStringLiteral("c"), QStringLiteral("σ (%)"),
                             QStringLiteral("Savings rate (%)"), QStringLiteral("%1 interval (%)").arg(level),
                             QStringLiteral("MSR (%)"), QStringLiteral("False reward (%)"),
                             QStringLiteral("Power (%)"), QStringLiteral("Members needed"),
                             QStringLiteral("Chance payment (mean)"), QStringLiteral("Payment p05 – p95")})
        t.columns.append(TableColumn{h, Qt::AlignRight});
    // Percent columns carry the unit in their header, so that the figures stay on one line.
    auto pct = [](double x) { return percent(x).remove(QStringLiteral(" %")); };
    auto chance = [](double x) { return probability(x, true).remove(QStringLiteral(" %")); };
    for (const PlanValidity& p : in.validity.plans) {
        QStringList cells{text(p.planId), text(in.experience.planName(p.planId))};
        const bool hide = io::isSuppressedPlan(p, in.csv);
        const QStringList figures{
            count(p.members),
            formatNumber(p.cv, 2),
            pct(p.sigma),
            p.savingsRate ? pct(*p.savingsRate) : QStringLiteral("NA"),
            p.ciLow && p.ciHigh ? QStringLiteral("%1 to %2").arg(pct(*p.ciLow), pct(*p.ciHigh))
                                : QStringLiteral("NA"),
            pct(p.msr),
            chance(p.pFalseReward),
            p.power ? chance(*p.power) : QStringLiteral("NA"),
            p.membersNeeded ? count(static_cast<double>(*p.membersNeeded)) : QStringLiteral("NA"),
            dollars(p.payment.chanceMean),
            QStringLiteral("%1 – %2").arg(dollars(p.payment.p05), dollars(p.payment.p95))};
        for (const QString& f : figures)
            cells << (hide ? kStar : f);
        t.rows.append(TableRow{cells, false, false});
    }
    const bool withheld = io::isValidityTotalWithheld(in.validity, in.csv);
    const PaymentDistribution& all = in.validity.all;
    QStringList statewide{QStringLiteral("Statewide"), QString()};
    for (int i = 0; i < 9; ++i)
        statewide << QString();
    statewide << (withheld ? kStar : dollars(all.chanceMean))
              << (withheld ? kStar : QStringLiteral("%1 – %2").arg(dollars(all.p05), dollars(all.p95)));
    t.rows.append(TableRow{statewide, true, true});
    t.notes << QStringLiteral(
                   "Members N = member months / 12. c: coefficient of variation of annual cost per member. "
                   "σ: standard error of the savings rate S with no true savings. Interval: S ∓ z·σ at "
                   "%1 confidence. False reward: probability that a plan with no true savings clears its "
                   "MSR, 1 − Φ(MSR/σ). Power: probability of clearing the MSR if the true savings rate "
                   "were S. Members needed: the enrollment at which the false-reward probability falls to "
                   "α = %2 with this MSR. Chance payment: mean payment when S is pure chance; payment "
                   "p05 – p95: 5th to 95th percentile around this year’s S. Statewide: the same "
                   "statistics of the sum over plans in each draw.")
                   .arg(level, exactPercent(in.validity.alpha))
            << QStringLiteral(
                   "Source: Sharecast §13 validity of the settlement above, %1 draws, seed %2; "
                   "validity.csv holds the same figures (rates to 10 decimals, money to the cent).")
                   .arg(count(static_cast<double>(in.validity.draws)))
                   .arg(in.validity.seed);
    return t;
}

std::vector<ChanceInterval> chanceIntervals(const ChanceInputs& in)
{
    std::vector<ChanceInterval> out;
    for (const PlanValidity& p : in.validity.plans) {
        ChanceInterval c;
        c.plan = text(p.planId);
        c.shown = !io::isSuppressedPlan(p, in.csv) && p.savingsRate && p.ciLow && p.ciHigh;
        if (c.shown) {
            c.rate = *p.savingsRate;
            c.low = *p.ciLow;
            c.high = *p.ciHigh;
        }
        c.msr = p.msr;
        c.straddles = p.straddlesMsr;
        out.push_back(c);
    }
    return out;
}

} // namespace sharecast::ui::report
