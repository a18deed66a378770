#include "projection.h"

#include "error.h"
#include "quality.h"

#include <cmath>

namespace sharecast {

namespace {

//! Q for sharing in projection year t, and whether the quality gate lets the plan share.
struct QualityPath {
    std::vector<std::optional<Score>> score; //!< by t − 1
    std::vector<bool> gatePasses;            //!< by t − 1
};

QualityPath qualityPathFor(const Scenario& s, const QualityData* quality, const std::string& planId, Year y0,
                           std::vector<std::string>& warnings)
{
    const int h = s.projection.horizon;
    QualityPath path;
    path.score.assign(static_cast<std::size_t>(h), 100.0);
    path.gatePasses.assign(static_cast<std::size_t>(h), true);
    if (s.projection.qualityPath && !s.projection.qualityPath->empty()) {
        // §11: quality_path[t − 1]; a shorter path holds its last value.
        const auto& qp = *s.projection.qualityPath;
        for (int t = 1; t <= h; ++t) {
            const Score q = qp[static_cast<std::size_t>(std::min(t, static_cast<int>(qp.size())) - 1)];
            path.score[static_cast<std::size_t>(t - 1)] = q;
            path.gatePasses[static_cast<std::size_t>(t - 1)] =
                !s.quality.gateEnabled || q >= s.quality.minComposite;
        }
        return path;
    }
    if (s.quality.measures.empty() || !quality)
        return path; // §11: 100 when there is no quality data
    const std::optional<Year> latest = latestQualityYear(quality->records, s.quality, planId, y0);
    if (!latest) {
        warnings.push_back("plan " + planId +
                           ": no quality data; the projection uses a quality score of 100");
        return path;
    }
    // §11: the plan's latest composite, and its gate, carried forward.
    const QualityResult q = planQualityFor(quality->records, s.quality, planId, *latest);
    path.score.assign(static_cast<std::size_t>(h), q.composite);
    path.gatePasses.assign(static_cast<std::size_t>(h), !q.gateBlocks);
    return path;
}

//! The cumulative utilization factor of year t for an annual change c (§11, §13's shocks).
double utilizationFactor(Rate c, int t, const ProjectionOptions& options)
{
    if (options.utilizationShock.empty())
        return std::pow(1.0 + c, t);
    double f = 1.0;
    for (int tau = 1; tau <= t; ++tau)
        f *= 1.0 + c +
             (static_cast<std::size_t>(tau - 1) < options.utilizationShock.size()
                  ? options.utilizationShock[static_cast<std::size_t>(tau - 1)]
                  : 0.0);
    return f;
}

void addInto(ProjectionYear& sum, const ProjectionYear& y)
{
    sum.year = y.year;
    sum.memberMonths += y.memberMonths;
    sum.counterfactualCost += y.counterfactualCost;
    sum.projectedCost += y.projectedCost;
    sum.investment += y.investment;
    sum.benchmark += y.benchmark;
    sum.grossSavings += y.grossSavings;
    sum.payment.payment += y.payment.payment;
    sum.revenueRebased += y.revenueRebased;
    sum.revenueNonRebased += y.revenueNonRebased;
    sum.revenueCounterfactual += y.revenueCounterfactual;
    sum.rateImpact += y.rateImpact;
    sum.rateImpactFederal += y.rateImpactFederal;
    sum.rateImpactState += y.rateImpactState;
    sum.marginRebased += y.marginRebased;
    sum.marginNonRebased += y.marginNonRebased;
    sum.stateCostRebased += y.stateCostRebased;
    sum.stateCostNonRebased += y.stateCostNonRebased;
    sum.federalShareNonRebased += y.federalShareNonRebased;
    sum.netStateSavingNonRebased += y.netStateSavingNonRebased;
}

void finishRates(ProjectionYear& y)
{
    y.rateRebased = y.memberMonths > 0.0 ? y.revenueRebased / y.memberMonths : 0.0;
    y.rateNonRebased = y.memberMonths > 0.0 ? y.revenueNonRebased / y.memberMonths : 0.0;
}

} // namespace

Projection project(const ExperienceIndex& index, const QualityData* quality, const Scenario& s,
                   const ProjectionOptions& options)
{
    if (index.empty())
        throw InputError("no experience data to project");
    const ProjectionSpec& spec = s.projection;
    if (s.msr.method == ThresholdMethod::Elected ||
        (!s.mlr.sameAsMsr && s.mlr.method == ThresholdMethod::Elected))
        throw InputError(InputLocation{{}, 0, "msr.method", "elected", true},
                         "the 'elected' method applies only to settlement from totals");
    const ExperienceData& data = index.data();
    Projection out;
    out.startYear = spec.startYear ? *spec.startYear : index.maxYear(); // §11 Y0
    out.horizon = spec.horizon;
    out.cosNames = data.cosNames;
    const Year y0 = out.startYear;
    const int h = spec.horizon;

    // The projected COS: the included ones, and ecm when care coordination counts as medical (§10).
    int ecmPosition = -1;
    for (std::size_t i = 0; i < data.cosNames.size(); ++i) {
        const bool ecm = data.cosNames[i] == "ecm" && spec.careCoordinationToMedical;
        if (s.includesCos(data.cosNames[i]) || ecm) {
            if (ecm)
                ecmPosition = static_cast<int>(out.cos.size());
            out.cos.push_back(static_cast<int>(i));
        }
    }
    const std::size_t nk = out.cos.size();
    RateAssumptions assumptions{spec.adminLoad, spec.underwritingGain, spec.careCoordinationToMedical};

    out.all.resize(static_cast<std::size_t>(h));
    for (const PlanSeries& plan : index.plans()) {
        PlanProjection pp;
        pp.planId = plan.planId;
        const QualityPath qpath = qualityPathFor(s, quality, plan.planId, y0, out.warnings);

        struct CellWork {
            CellProjection cell;
            const CellSeries* series = nullptr;
            Rate fmap = 0.5;
        };
        std::vector<CellWork> cells;
        for (const CellSeries& series : plan.cells) {
            const ExperienceCell* start = series.cellFor(y0);
            if (!start)
                continue; // §11 projects from the start year's cells
            CellWork w;
            w.series = &series;
            w.fmap = s.fmap.forRateCell(*series.rateCell);
            CellProjection& c = w.cell;
            c.region = *series.region;
            c.rateCell = *series.rateCell;
            c.startMemberMonths = start->memberMonths;
            for (int cos : out.cos) {
                const std::string& name = data.cosNames[static_cast<std::size_t>(cos)];
                c.startPmpm.push_back(start->cost[static_cast<std::size_t>(cos)] / start->memberMonths);
                const TrendPair t = s.trendFor(c.rateCell, name);
                c.annualTrend.push_back((1.0 + t.utilization) * (1.0 + t.unitCost));
                const auto ch = spec.utilizationChange.byCos.find(name);
                c.utilizationChange.push_back(ch == spec.utilizationChange.byCos.end()
                                                  ? spec.utilizationChange.defaultRate
                                                  : ch->second);
            }
            // §11 costs for every year first: the rates look back rate_lag years.
            for (int t = 1; t <= h; ++t) {
                CellProjectionYear y;
                y.year = y0 + t;
                y.fmap = w.fmap;
                y.memberMonths = c.startMemberMonths * std::pow(1.0 + spec.enrollmentGrowth, t);
                for (std::size_t k = 0; k < nk; ++k) {
                    const std::string& name = data.cosNames[static_cast<std::size_t>(out.cos[k])];
                    const double pc = programChangeFactor(s, name, c.rateCell, y0, y0 + t);
                    const Dollars cf = c.startPmpm[k] * std::pow(c.annualTrend[k], t) * pc * y.memberMonths;
                    y.programChange.push_back(pc);
                    y.counterfactual.push_back(cf);
                    y.projected.push_back(cf * utilizationFactor(c.utilizationChange[k], t, options));
                }
                // Investment is care-management cost: part of projected cost (§11), paid from the
                // plan's margin, and not part of the capitation rates.
                y.investment = spec.investmentPmpm * y.memberMonths;
                c.years.push_back(std::move(y));
            }
            cells.push_back(std::move(w));
        }
        if (cells.empty()) {
            out.warnings.push_back("plan " + plan.planId + " has no cell in the start year " +
                                   std::to_string(y0) + " and is not projected");
            continue;
        }

        // Plan totals, payments and eligibility per year.
        pp.years.resize(static_cast<std::size_t>(h));
        for (int t = 1; t <= h; ++t) {
            ProjectionYear& py = pp.years[static_cast<std::size_t>(t - 1)];
            py.year = y0 + t;
            for (const CellWork& w : cells) {
                const CellProjectionYear& cy = w.cell.years[static_cast<std::size_t>(t - 1)];
                py.memberMonths += cy.memberMonths;
                for (std::size_t k = 0; k < nk; ++k) {
                    py.counterfactualCost += cy.counterfactual[k];
                    py.projectedCost += cy.projected[k];
                }
                py.investment += cy.investment;
            }
            py.projectedCost += py.investment;
            py.benchmark = py.counterfactualCost; // no rebasing inside the window
            py.grossSavings = py.benchmark - py.projectedCost;
            const double members = memberYears(py.memberMonths);
            py.msr = computeThreshold(msrInput(s, members, std::nullopt));
            py.mlr = computeThreshold(mlrInput(s, members, std::nullopt));
            py.qualityScore = qpath.score[static_cast<std::size_t>(t - 1)];
            py.eligible = qpath.gatePasses[static_cast<std::size_t>(t - 1)];
            py.shareRate = sharingRate(s.sharing, py.qualityScore);
            std::optional<Rate> savingsRate;
            if (py.benchmark != 0.0)
                savingsRate = py.grossSavings / py.benchmark;
            py.payment =
                computePayment(SharingInput{&s.sharing, &s.losses, py.benchmark, py.grossSavings, savingsRate,
                                            py.msr.rate, py.mlr.rate, py.shareRate, py.eligible});
        }

        // §10 rates per cell and year; revenue, margins and the state's cost.
        for (CellWork& w : cells) {
            CellProjection& c = w.cell;
            for (int t = 1; t <= h; ++t) {
                CellProjectionYear& cy = c.years[static_cast<std::size_t>(t - 1)];
                ProjectionYear& py = pp.years[static_cast<std::size_t>(t - 1)];
                const Year rateYear = y0 + t;
                Year base = rateYear - spec.rateLag;
                RateInput in{&s,          &c.rateCell, &data.cosNames, &out.cos,    {},
                             ecmPosition, base,        rateYear,       assumptions, options.trace};
                bool nonRebasedApplies = true;
                if (base <= y0) {
                    // Both paths rest on actual experience: no impact yet (§11).
                    const ExperienceCell* rec = w.series->cellFor(base);
                    if (!rec) { // a cell without the base year's record: its start year instead
                        rec = w.series->cellFor(y0);
                        in.baseYear = y0;
                    }
                    for (int cos : out.cos)
                        in.basePmpm.push_back(rec->cost[static_cast<std::size_t>(cos)] / rec->memberMonths);
                    cy.rebased = buildGrossRate(in);
                    cy.nonRebased = cy.rebased;
                } else {
                    const CellProjectionYear& by = c.years[static_cast<std::size_t>(base - y0 - 1)];
                    for (std::size_t k = 0; k < nk; ++k)
                        in.basePmpm.push_back(by.projected[k] / by.memberMonths);
                    cy.rebased = buildGrossRate(in);
                    in.basePmpm.clear();
                    for (std::size_t k = 0; k < nk; ++k)
                        in.basePmpm.push_back(by.counterfactual[k] / by.memberMonths);
                    cy.nonRebased = buildGrossRate(in);
                    // §10: plans that fail a blocking gate (in the base year) get the rebased rate.
                    nonRebasedApplies = pp.years[static_cast<std::size_t>(base - y0 - 1)].eligible;
                }
                py.nonRebasedApplies = nonRebasedApplies;
                const Pmpm nonRebasedRate = nonRebasedApplies ? cy.nonRebased.gross : cy.rebased.gross;
                const Dollars revReb = cy.rebased.gross * cy.memberMonths;
                const Dollars revNon = nonRebasedRate * cy.memberMonths;
                const Dollars revCf = cy.nonRebased.gross * cy.memberMonths; // counterfactual program cost
                py.revenueRebased += revReb;
                py.revenueNonRebased += revNon;
                py.revenueCounterfactual += revCf;
                const Dollars impact = revNon - revReb;
                py.rateImpact += impact;
                py.rateImpactFederal += cy.fmap * impact;
                py.rateImpactState += (1.0 - cy.fmap) * impact;
                // Margins net of the administrative load as applied in each rate.
                py.marginRebased += revReb - cy.rebased.adminLoad * revReb;
                py.marginNonRebased +=
                    revNon - (nonRebasedApplies ? cy.nonRebased.adminLoad : cy.rebased.adminLoad) * revNon;
                // The plan payment allocated to cells by benchmark share, as in §9.
                Dollars cellBenchmark = 0.0;
                for (std::size_t k = 0; k < nk; ++k)
                    cellBenchmark += cy.counterfactual[k];
                const Dollars cellPayment =
                    py.benchmark != 0.0 ? py.payment.payment * cellBenchmark / py.benchmark : 0.0;
                py.federalShareNonRebased += cy.fmap * (revNon + cellPayment);
            }
        }
        for (ProjectionYear& py : pp.years) {
            const Dollars p = py.payment.payment;
            py.marginRebased += -py.projectedCost + p; // Rev − A − admin·Rev + P (§11)
            py.marginNonRebased += -py.projectedCost + p;
            py.stateCostRebased = py.revenueRebased + p;
            py.stateCostNonRebased = py.revenueNonRebased + p;
            py.netStateSavingNonRebased = py.revenueCounterfactual - (py.revenueNonRebased + p);
            finishRates(py);
            addInto(out.all[static_cast<std::size_t>(py.year - y0 - 1)], py);
        }
        if (options.trace)
            for (CellWork& w : cells)
                pp.cells.push_back(std::move(w.cell));
        out.plans.push_back(std::move(pp));
    }
    for (ProjectionYear& a : out.all)
        finishRates(a);
    return out;
}

} // namespace sharecast
