#include "settlement.h"

#include "error.h"
#include "rounding.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace sharecast {

namespace {

//! Rates of one plan × measure, keyed "plan\x1fmeasure".
using QualityLookup = std::unordered_map<std::string, MeasureRates>;

std::string qualityKey(const std::string& plan, const std::string& measure)
{
    std::string k;
    k.reserve(plan.size() + measure.size() + 1);
    k += plan;
    k += '\x1f';
    k += measure;
    return k;
}

QualityLookup buildQualityLookup(const QualityData* quality, const QualitySpec& spec, Year y)
{
    QualityLookup lookup;
    if (!quality || spec.measures.empty())
        return lookup;
    std::set<std::string> named;
    for (const QualityMeasure& m : spec.measures)
        named.insert(m.id);
    for (const QualityRecord& r : quality->records) {
        if ((r.year != y && r.year != y - 1) || !named.count(r.measureId))
            continue; // §1.2: measures the scenario does not name are ignored
        MeasureRates& rates = lookup[qualityKey(r.planId, r.measureId)];
        (r.year == y ? rates.rate : rates.priorRate) = r.reportableRate(spec.minDenominator);
    }
    return lookup;
}

void addTotals(PlanYearTotals& t, const ExperienceCell& c, const std::vector<int>& included, bool truncation)
{
    if (!t.present)
        t.riskScore = 0.0; // accumulates Σ risk·MM until finishTotals()
    t.present = true;
    t.memberMonths += c.memberMonths;
    t.actual += includedCost(c, included) - (truncation ? c.excessOverThreshold : 0.0);
    t.riskScore += c.riskScore * c.memberMonths; // divided by MM at the end
    t.claimsDenied += c.claimsDenied;
    t.claimsTotal += c.claimsTotal;
    t.grievances += c.grievances;
}

void finishTotals(PlanYearTotals& t)
{
    t.riskScore = t.memberMonths > 0.0 ? t.riskScore / t.memberMonths : 1.0;
}

//! The util_ column sums a resource-use measure reads.
struct ResourceUseColumns {
    int numerator = -1;
    int exposure = -1; //!< -1: member years
};

void collectNameWarnings(const Scenario& s, const ExperienceIndex& index, std::vector<std::string>& warnings)
{
    const ExperienceData& data = index.data();
    std::set<std::string> cosNamed;
    if (s.includedCos)
        cosNamed.insert(s.includedCos->begin(), s.includedCos->end());
    cosNamed.insert(s.excludedCos.begin(), s.excludedCos.end());
    for (const auto& [cos, t] : s.trend.byCos)
        cosNamed.insert(cos);
    for (const auto& [cell, rc] : s.trend.byRateCell)
        for (const auto& [cos, t] : rc.byCos)
            cosNamed.insert(cos);
    for (const ProgramChange& pc : s.programChanges)
        if (pc.cos)
            cosNamed.insert(*pc.cos);
    for (const NewBenefit& b : s.newBenefits)
        cosNamed.insert(b.cos);
    for (const std::string& cos : cosNamed)
        if (data.cosIndex(cos) < 0)
            warnings.push_back("COS '" + cos +
                               "' is named in the scenario but absent from the data; it contributes 0");

    std::set<std::string> cellsNamed;
    for (const auto& [cell, rc] : s.trend.byRateCell)
        cellsNamed.insert(cell);
    for (const ProgramChange& pc : s.programChanges)
        if (pc.rateCells)
            cellsNamed.insert(pc.rateCells->begin(), pc.rateCells->end());
    for (const auto& [cell, f] : s.fmap.byRateCell)
        cellsNamed.insert(cell);
    const auto& cells = index.rateCells();
    for (const NewBenefit& b : s.newBenefits) {
        for (const auto& [cell, pmpm] : b.pmpm)
            if (cell != "all")
                cellsNamed.insert(cell);
        if (b.pmpm.count("all") == 0)
            for (const std::string& cell : cells)
                if (b.pmpm.count(cell) == 0)
                    warnings.push_back("new benefit '" + b.cos + "' prices no PMPM for rate cell '" + cell +
                                       "' (and no \"all\"): its expected cost there is 0");
    }
    for (const std::string& cell : cellsNamed)
        if (!std::binary_search(cells.begin(), cells.end(), cell))
            warnings.push_back("rate cell '" + cell + "' is named in the scenario but absent from the data");
}

//! §1.1: excess_over_threshold above the cell's included cost is an input error (checked here,
//! where the scenario's included COS are known).
void checkExcess(const ExperienceData& data, const std::vector<int>& included)
{
    for (const ExperienceCell& c : data.cells) {
        const Dollars inc = includedCost(c, included);
        if (c.excessOverThreshold > inc * (1.0 + 1e-12) + 1e-9)
            throw InputError(InputLocation{data.sourceName, c.sourceLine, "excess_over_threshold",
                                           formatFixed(c.excessOverThreshold, 2), true},
                             "the excess over the threshold is above the cell's included cost (" +
                                 formatFixed(inc, 2) + ")");
    }
}

//! §12: corridors, the blend true-up and the MLR remittance over the plan's settled cells.
void addFurtherTools(PlanSettlement& ps, const Scenario& scenario, const ExperienceIndex& index, Year y)
{
    const ExperienceData& data = index.data();
    const PlanSeries* series = nullptr;
    for (const PlanSeries& p : index.plans())
        if (p.planId == ps.planId)
            series = &p;
    // The year-Y records of the settled cells.
    std::vector<const ExperienceCell*> settled;
    for (const CellResult& c : ps.cells)
        for (const CellSeries& cs : series->cells)
            if (cs.region == c.region && cs.rateCell == c.rateCell)
                settled.push_back(cs.cellFor(y));

    for (const Corridor& corridor : scenario.corridors) {
        const int s = data.cosIndex(corridor.cos);
        Dollars actual = 0.0;
        MemberMonths mm = 0.0;
        for (const ExperienceCell* c : settled) {
            mm += c->memberMonths;
            if (s >= 0)
                actual += c->cost[static_cast<std::size_t>(s)];
        }
        ps.corridors.push_back(settleCorridor(corridor, actual, mm));
    }
    if (scenario.blend) {
        std::vector<std::pair<std::string, MemberMonths>> mm;
        for (const std::string& cell : scenario.blend->rateCells) {
            MemberMonths sum = 0.0;
            for (const ExperienceCell* c : settled)
                if (c->rateCell == cell)
                    sum += c->memberMonths;
            mm.emplace_back(cell, sum);
        }
        ps.blend = trueUpBlend(*scenario.blend, mm);
    }
    if (scenario.mlrRemittance.enabled) {
        // §12's "included medical cost" is read as every COS the capitation covers (every cost_
        // column), not the shared-savings selection: revenue pays for all of them.
        Dollars medical = 0.0, revenue = 0.0;
        for (const ExperienceCell* c : settled) {
            for (Dollars v : c->cost)
                medical += v;
            revenue += c->capitationRevenue;
        }
        ps.mlrRemittance = computeMlrRemittance(scenario.mlrRemittance, medical, revenue);
    }
    if (scenario.federalLimits.enabled) {
        Dollars revenue = 0.0, ilos = 0.0;
        for (const ExperienceCell* c : settled) {
            revenue += c->capitationRevenue;
            for (const std::string& cos : scenario.federalLimits.ilosCos) {
                const int s = data.cosIndex(cos);
                if (s >= 0)
                    ilos += c->cost[static_cast<std::size_t>(s)];
            }
        }
        ps.federalLimits = checkFederalLimits(scenario.federalLimits, revenue, ps.payment.payment, ilos);
    }
}

} // namespace

Year defaultPerformanceYear(const Scenario& scenario, const ExperienceIndex& index)
{
    return scenario.performanceYear ? *scenario.performanceYear : index.maxYear();
}

Settlement settle(const ExperienceIndex& index, const QualityData* quality, const Scenario& scenario,
                  const SettlementOptions& options)
{
    const std::optional<Year> year = options.year ? options.year : scenario.performanceYear;
    if (!year)
        throw InputError("no performance year: give --year or the scenario's performance_year");
    if (scenario.msr.method == ThresholdMethod::Elected ||
        (!scenario.mlr.sameAsMsr && scenario.mlr.method == ThresholdMethod::Elected))
        throw InputError(InputLocation{{}, 0, "msr.method", "elected", true},
                         "the 'elected' method applies only to settlement from totals (settle-totals)");

    const ExperienceData& data = index.data();
    const Year y = *year;
    Settlement out;
    out.year = y;
    out.cosNames = data.cosNames;

    const BenchmarkContext ctx = BenchmarkContext::make(scenario, index, y);
    out.includedCos = ctx.includedCos;
    out.baseline = ctx.baseline;
    collectNameWarnings(scenario, index, out.warnings);
    if (scenario.byYear.count(y))
        out.warnings.push_back("by_year." + std::to_string(y) +
                               " is not applied: a single-year settlement uses the base scenario; "
                               "`settle --years` and the Program years view apply it");

    const bool ruBasis = scenario.savingsBasis == SavingsBasis::ResourceUse;
    // §1.5: a util_ column a resource-use measure names but the data lacks is an input error,
    // whichever savings basis is in force.
    std::vector<ResourceUseColumns> ruColumns;
    {
        for (std::size_t i = 0; i < scenario.resourceUse.size(); ++i) {
            const ResourceUseMeasure& m = scenario.resourceUse[i];
            ResourceUseColumns cols;
            cols.numerator = data.utilIndex(utilColumnName(m.numerator));
            if (cols.numerator < 0)
                throw InputError(InputLocation{{},
                                               0,
                                               "resource_use.measures[" + std::to_string(i) + "].numerator",
                                               m.numerator,
                                               true},
                                 "the experience data has no such util_ column");
            if (!exposureIsMemberYears(m)) {
                cols.exposure = data.utilIndex(utilColumnName(m.exposure));
                if (cols.exposure < 0)
                    throw InputError(
                        InputLocation{{},
                                      0,
                                      "resource_use.measures[" + std::to_string(i) + "].exposure",
                                      m.exposure,
                                      true},
                        "the experience data has no such util_ column");
            }
            ruColumns.push_back(cols);
        }
    }

    if (ctx.truncation)
        checkExcess(data, ctx.includedCos);

    const QualityLookup qualityLookup = buildQualityLookup(quality, scenario.quality, y);
    const double raLower =
        scenario.riskAdjustment.capDown ? 1.0 - *scenario.riskAdjustment.capDown : -INFINITY;
    const double raUpper = scenario.riskAdjustment.capUp ? 1.0 + *scenario.riskAdjustment.capUp : INFINITY;

    out.plans.reserve(index.plans().size());
    for (const PlanSeries& plan : index.plans()) {
        PlanSettlement ps;
        ps.planId = plan.planId;
        ps.resourceUseBasis = ruBasis;
        std::vector<ResourceUseTotals> ruCurrent(ruColumns.size()), ruPrior(ruColumns.size());
        PlanYearTotals ruRiskPrior; // §7 risk ratio: Y − 1 over the settled cells

        for (const CellSeries& series : plan.cells) {
            if (const ExperienceCell* prior = series.cellFor(y - 1))
                addTotals(ps.priorTotals, *prior, ctx.includedCos, ctx.truncation); // §8: all cells
            const ExperienceCell* cur = series.cellFor(y);
            if (!cur)
                continue;
            CellResult cell;
            cell.region = series.region;
            cell.rateCell = series.rateCell;
            cell.memberMonths = cur->memberMonths;
            cell.riskScore = cur->riskScore;
            cell.benchmark = computeCellBenchmark(series, *cur, ctx, options.trace);
            if (!cell.benchmark.settleable) { // §2.6: left out, with a warning
                ps.excludedCells.push_back(*series.region + " / " + *series.rateCell);
                out.warnings.push_back("plan " + plan.planId + ": cell " + *series.region + " / " +
                                       *series.rateCell + " has no baseline year and is left out");
                continue;
            }
            cell.includedCost = includedCost(*cur, ctx.includedCos); // §3
            cell.excess = ctx.truncation ? cur->excessOverThreshold : 0.0;
            cell.actual = cell.includedCost - cell.excess;
            addTotals(ps.currentTotals, *cur, ctx.includedCos, ctx.truncation);
            ps.expected += cell.benchmark.expected;
            ps.actual += cell.actual;

            if (ruBasis) {
                const ExperienceCell* prior = series.cellFor(y - 1);
                if (prior)
                    addTotals(ruRiskPrior, *prior, ctx.includedCos, ctx.truncation);
                for (std::size_t m = 0; m < ruColumns.size(); ++m) {
                    auto add = [&](ResourceUseTotals& t, const ExperienceCell& c) {
                        t.present = true;
                        t.numerator += c.util[static_cast<std::size_t>(ruColumns[m].numerator)];
                        t.exposure += ruColumns[m].exposure < 0
                                          ? memberYears(c.memberMonths)
                                          : c.util[static_cast<std::size_t>(ruColumns[m].exposure)];
                    };
                    add(ruCurrent[m], *cur);
                    if (prior)
                        add(ruPrior[m], *prior);
                }
            }
            ps.cells.push_back(std::move(cell));
        }
        finishTotals(ps.currentTotals);
        finishTotals(ps.priorTotals);
        finishTotals(ruRiskPrior);

        if (ps.cells.empty()) {
            out.warnings.push_back("plan " + plan.planId + " has no settleable cell in " + std::to_string(y) +
                                   " and is left out");
            continue;
        }

        // §4 savings
        ps.tccSavings = ps.expected - ps.actual;
        ps.members = memberYears(ps.currentTotals.memberMonths);

        // §7 resource-use savings
        if (ruBasis) {
            ps.resourceUseRiskFactor =
                ruRiskPrior.present
                    ? std::clamp(ps.currentTotals.riskScore / ruRiskPrior.riskScore, raLower, raUpper)
                    : 1.0;
            for (std::size_t m = 0; m < ruColumns.size(); ++m) {
                ResourceUseInput in;
                in.measure = &scenario.resourceUse[m];
                in.current = ruCurrent[m];
                in.prior = ruPrior[m];
                in.riskAdjust =
                    scenario.riskAdjustment.enabled && exposureIsMemberYears(scenario.resourceUse[m]);
                in.riskFactor = ps.resourceUseRiskFactor;
                ResourceUseResult r = computeResourceUse(in);
                if (!r.evaluable)
                    out.warnings.push_back("plan " + plan.planId + ": resource-use measure " + r.id +
                                           " has no year " + std::to_string(y - 1) + " data and saves 0");
                ps.resourceUseSavings += r.savings;
                ps.resourceUse.push_back(std::move(r));
            }
        }
        ps.grossSavings = ruBasis ? ps.resourceUseSavings : ps.tccSavings;
        if (ps.expected != 0.0)
            ps.savingsRate = ps.grossSavings / ps.expected;

        // §5 thresholds
        ps.msr = computeThreshold(msrInput(scenario, ps.members, std::nullopt));
        ps.mlr = computeThreshold(mlrInput(scenario, ps.members, std::nullopt));

        // §6 quality
        QualityInput qin;
        qin.spec = &scenario.quality;
        qin.rates.reserve(scenario.quality.measures.size());
        for (const QualityMeasure& m : scenario.quality.measures) {
            const auto it = qualityLookup.find(qualityKey(plan.planId, m.id));
            qin.rates.push_back(it == qualityLookup.end() ? MeasureRates{} : it->second);
        }
        ps.quality = computeQuality(qin);

        // §8 gates and eligibility
        ps.tccTrend = evaluateTccTrend(scenario.tccTrendGate, scenario.riskAdjustment.enabled,
                                       ps.currentTotals, ps.priorTotals);
        ps.appropriateness =
            evaluateAppropriateness(scenario.appropriateness, ps.currentTotals, ps.priorTotals);
        ps.eligible = !ps.quality.gateBlocks && ps.tccTrend.passed && !ps.appropriateness.blocks;
        ps.shareRate = planSharingRate(scenario.sharing, ps.quality.scalingScore(), ps.eligible);

        ps.payment =
            computePayment(SharingInput{&scenario.sharing, &scenario.losses, ps.expected, ps.grossSavings,
                                        ps.savingsRate, ps.msr.rate, ps.mlr.rate, ps.shareRate, ps.eligible});
        ps.transfers = settlementTransfers(scenario.paymentModel, scenario.losses.enabled, ps.grossSavings);
        ps.programNet =
            programNet(scenario.paymentModel, scenario.losses.enabled, ps.grossSavings, ps.payment.payment);

        // §9 split
        std::vector<SplitCell> split;
        split.reserve(ps.cells.size());
        for (const CellResult& c : ps.cells)
            split.push_back(SplitCell{*c.rateCell, c.benchmark.expected, c.benchmark.expected - c.actual,
                                      scenario.fmap.forRateCell(*c.rateCell), 0.0});
        ps.split = splitProgramNet(std::move(split), ps.expected, ps.payment.payment, ruBasis,
                                   ps.resourceUseSavings, ps.transfers);
        addFurtherTools(ps, scenario, index, y);
        if (ps.federalLimits) {
            const FederalLimitsResult& f = *ps.federalLimits;
            const std::string who = "plan " + plan.planId + ": ";
            if (f.noRevenue)
                out.warnings.push_back(who + "no capitation revenue: the federal limits cannot be checked");
            if (f.incentiveExceeded)
                out.warnings.push_back(who + "shared-savings payment " +
                                       formatFixed(*f.incentiveRatio * 100.0, 2) +
                                       " % of capitation revenue, above the limit of 42 CFR 438.6(b)(2)");
            if (f.ilosExceeded)
                out.warnings.push_back(who + "in lieu of services cost " +
                                       formatFixed(*f.ilosRatio * 100.0, 2) +
                                       " % of capitation, above the limit of 42 CFR 438.16(c)");
            else if (f.ilosEvaluationDue)
                out.warnings.push_back(
                    who + "in lieu of services cost " + formatFixed(*f.ilosRatio * 100.0, 2) +
                    " % of capitation: a retrospective evaluation is due (42 CFR 438.16(e))");
        }

        out.plans.push_back(std::move(ps));
    }
    return out;
}

TotalsSettlement settleTotals(const TotalsData& totals, const Scenario& scenario)
{
    if (scenario.savingsBasis == SavingsBasis::ResourceUse)
        throw InputError(InputLocation{{}, 0, "savings_basis", "resource_use", true},
                         "settlement from totals has no utilization data: use savings_basis 'tcc'");
    TotalsSettlement out;
    out.entities.reserve(totals.records.size());
    for (const TotalsRecord& rec : totals.records) {
        EntitySettlement e;
        e.entityId = rec.entityId;
        e.expected = rec.expected;
        e.actual = rec.actual;
        e.grossSavings = rec.expected - rec.actual;
        if (rec.expected != 0.0)
            e.savingsRate = e.grossSavings / rec.expected;
        e.members = rec.members;
        try {
            e.msr = computeThreshold(msrInput(scenario, rec.members, rec.electedMsr));
            e.mlr = computeThreshold(mlrInput(scenario, rec.members, rec.electedMsr));
        } catch (const InputError& err) {
            throw InputError(InputLocation{totals.sourceName, rec.sourceLine, "elected_msr", "", true},
                             err.reason());
        }
        e.qualityScore = rec.qualityScore;
        // §1.4: the file's gate counts only when the scenario's quality gate is enabled.
        e.qualityGate = scenario.quality.gateEnabled ? rec.qualityGate : true;
        e.eligible = e.qualityGate;
        e.shareRate = planSharingRate(scenario.sharing, rec.qualityScore, e.eligible);

        e.payment =
            computePayment(SharingInput{&scenario.sharing, &scenario.losses, e.expected, e.grossSavings,
                                        e.savingsRate, e.msr.rate, e.mlr.rate, e.shareRate, e.eligible});
        e.programNet =
            programNet(scenario.paymentModel, scenario.losses.enabled, e.grossSavings, e.payment.payment);
        out.entities.push_back(std::move(e));
    }
    return out;
}

} // namespace sharecast
