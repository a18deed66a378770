#include "projection.h"

#include "error.h"
#include "federal_split.h"
#include "parallel.h"
#include "quality.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace sharecast {

namespace {

//! Q for sharing in projection year t, and whether the quality gate lets the plan share.
struct QualityPath {
    std::vector<std::optional<Score>> score; //!< by t − 1
    std::vector<bool> gatePasses;            //!< by t − 1
};

QualityPath qualityPathFor(const Scenario& s, const std::vector<QualityRecord>* quality,
                           const std::string& planId, Year y0, std::vector<std::string>& warnings)
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
    const std::optional<Year> latest = latestQualityYear(*quality, s.quality, planId, y0);
    if (!latest) {
        warnings.push_back("plan " + planId +
                           ": no quality data; the projection uses a quality score of 100");
        return path;
    }
    // §11: the plan's latest composite, and its gate, carried forward.
    const QualityResult q = planQualityFor(*quality, s.quality, planId, *latest);
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
    sum.programNet += y.programNet;
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
    sum.netStateSavingRebased += y.netStateSavingRebased;
}

void finishRates(ProjectionYear& y)
{
    y.rateRebased = y.memberMonths > 0.0 ? y.revenueRebased / y.memberMonths : 0.0;
    y.rateNonRebased = y.memberMonths > 0.0 ? y.revenueNonRebased / y.memberMonths : 0.0;
}

} // namespace

ProjectionModel prepareProjection(const ExperienceIndex& index, const QualityData* quality, const Scenario& s,
                                  int threads)
{
    if (index.empty())
        throw InputError("no experience data to project");
    const ProjectionSpec& spec = s.projection;
    if (s.msr.method == ThresholdMethod::Elected ||
        (!s.mlr.sameAsMsr && s.mlr.method == ThresholdMethod::Elected))
        throw InputError(InputLocation{{}, 0, "msr.method", "elected", true},
                         "the 'elected' method applies only to settlement from totals");
    const ExperienceData& data = index.data();
    ProjectionModel m;
    m.scenario = &s;
    m.startYear = spec.startYear ? *spec.startYear : index.maxYear(); // §11 Y0
    m.horizon = spec.horizon;
    m.cosNames = data.cosNames;
    const Year y0 = m.startYear;
    const int h = spec.horizon;

    // The projected COS: the included ones, and ecm when care coordination counts as medical (§10).
    int ecmPosition = -1;
    for (std::size_t i = 0; i < data.cosNames.size(); ++i) {
        const bool ecm = data.cosNames[i] == "ecm" && spec.careCoordinationToMedical;
        if (s.includesCos(data.cosNames[i]) || ecm) {
            if (ecm)
                ecmPosition = static_cast<int>(m.cos.size());
            m.cos.push_back(static_cast<int>(i));
        }
    }
    const std::size_t nk = m.cos.size();
    const RateAssumptions assumptions{spec.adminLoad, spec.underwritingGain, spec.careCoordinationToMedical};
    // Each projected COS's annual utilization change c_s, and its class: one per distinct value.
    std::vector<Rate> utilizationChange;
    std::vector<int> changeClass;
    for (int cos : m.cos) {
        const auto ch = spec.utilizationChange.byCos.find(data.cosNames[static_cast<std::size_t>(cos)]);
        const Rate c =
            ch == spec.utilizationChange.byCos.end() ? spec.utilizationChange.defaultRate : ch->second;
        auto it = std::find(m.utilizationRates.begin(), m.utilizationRates.end(), c);
        if (it == m.utilizationRates.end())
            it = m.utilizationRates.insert(it, c);
        utilizationChange.push_back(c);
        changeClass.push_back(static_cast<int>(it - m.utilizationRates.begin()));
    }

    // Each plan's quality records, found once (a search per plan would grow with plans × records).
    std::unordered_map<std::string, std::vector<QualityRecord>> qualityOf;
    if (quality)
        for (const QualityRecord& r : quality->records)
            qualityOf[r.planId].push_back(r);
    const std::vector<QualityRecord> none;

    // The plans are independent: prepared on every core, each into its own slot, and gathered in
    // the index's order (parallelFor reports the first plan in that order that fails).
    struct Prepared {
        std::optional<ProjectionModel::Plan> plan;
        std::vector<std::string> warnings;
    };
    const std::vector<PlanSeries>& plans = index.plans();
    std::vector<Prepared> prepared(plans.size());
    parallelFor(plans.size(), threadCount(threads, plans.size()), [&](std::size_t p) {
        const PlanSeries& plan = plans[p];
        Prepared& out = prepared[p];
        ProjectionModel::Plan pm;
        pm.planId = plan.planId;
        const auto records = qualityOf.find(plan.planId);
        const QualityPath qpath =
            qualityPathFor(s, quality ? (records == qualityOf.end() ? &none : &records->second) : nullptr,
                           plan.planId, y0, out.warnings);

        for (const CellSeries& series : plan.cells) {
            const ExperienceCell* start = series.cellFor(y0);
            if (!start)
                continue; // §11 projects from the start year's cells
            ProjectionModel::Cell cm;
            CellProjection& c = cm.trace;
            const Rate fmap = s.fmap.forRateCell(*series.rateCell);
            c.region = *series.region;
            c.rateCell = *series.rateCell;
            c.startMemberMonths = start->memberMonths;
            c.startPmpm.reserve(nk);
            c.annualTrend.reserve(nk);
            c.years.reserve(static_cast<std::size_t>(h));
            cm.years.reserve(static_cast<std::size_t>(h));
            for (int cos : m.cos) {
                const std::string& name = data.cosNames[static_cast<std::size_t>(cos)];
                c.startPmpm.push_back(start->cost[static_cast<std::size_t>(cos)] / start->memberMonths);
                const TrendPair t = s.trendFor(c.rateCell, name);
                c.annualTrend.push_back((1.0 + t.utilization) * (1.0 + t.unitCost));
            }
            c.utilizationChange = utilizationChange;
            cm.changeClass = changeClass;
            // §11 counterfactual costs for every year first: the rates look back rate_lag years.
            for (int t = 1; t <= h; ++t) {
                CellProjectionYear y;
                y.programChange.reserve(nk);
                y.counterfactual.reserve(nk);
                y.year = y0 + t;
                y.fmap = fmap;
                y.memberMonths = c.startMemberMonths * std::pow(1.0 + spec.enrollmentGrowth, t);
                for (std::size_t k = 0; k < nk; ++k) {
                    const std::string& name = data.cosNames[static_cast<std::size_t>(m.cos[k])];
                    if (const NewBenefit* nb = s.includesCos(name) ? s.newBenefitFor(name) : nullptr) {
                        // A new benefit continues as its add-on: its own trend, take-up held at the
                        // last listed value, the start year's risk score when risk adjustment is on.
                        const double risk = s.riskAdjustment.enabled ? start->riskScore : 1.0;
                        y.programChange.push_back(1.0);
                        y.counterfactual.push_back(nb->pricedPmpm(c.rateCell).value_or(0.0) *
                                                   nb->takeUpIn(y.year) * nb->trendFactor(y.year) * risk *
                                                   y.memberMonths);
                        continue;
                    }
                    const double pc = programChangeFactor(s, name, c.rateCell, y0, y0 + t);
                    y.programChange.push_back(pc);
                    y.counterfactual.push_back(c.startPmpm[k] * std::pow(c.annualTrend[k], t) * pc *
                                               y.memberMonths);
                }
                // Investment is care-management cost: part of projected cost (§11), paid from the
                // plan's margin, and not part of the capitation rates.
                y.investment = spec.investmentPmpm * y.memberMonths;
                c.years.push_back(std::move(y));
            }
            // §10 rates: fixed where the base year is experience or counterfactual; a recipe where
            // the rebased rate rests on projected cost.
            for (int t = 1; t <= h; ++t) {
                ProjectionModel::CellYear cy;
                const Year rateYear = y0 + t;
                const Year base = rateYear - spec.rateLag;
                RateInput in{&s,          &c.rateCell, &data.cosNames, &m.cos,      {},
                             ecmPosition, base,        rateYear,       assumptions, true};
                in.basePmpm.reserve(nk);
                in.annualTrend = &c.annualTrend; // the cell's, looked up above
                if (base <= y0) {
                    // Both paths rest on actual experience: no impact yet (§11).
                    const ExperienceCell* rec = series.cellFor(base);
                    if (!rec) { // a cell without the base year's record: its start year instead
                        rec = series.cellFor(y0);
                        in.baseYear = y0;
                    }
                    for (int cos : m.cos)
                        in.basePmpm.push_back(rec->cost[static_cast<std::size_t>(cos)] / rec->memberMonths);
                    cy.rebased = buildGrossRate(in);
                    cy.nonRebased = cy.rebased;
                } else {
                    cy.baseInWindow = true;
                    cy.baseIndex = base - y0 - 1;
                    const CellProjectionYear& by = c.years[static_cast<std::size_t>(cy.baseIndex)];
                    cy.rebasedRecipe = rateRecipe(in);
                    for (std::size_t k = 0; k < nk; ++k)
                        in.basePmpm.push_back(by.counterfactual[k] / by.memberMonths);
                    cy.nonRebased = buildGrossRate(in);
                }
                for (double cf : c.years[static_cast<std::size_t>(t - 1)].counterfactual)
                    cy.counterfactualTotal += cf;
                cm.years.push_back(std::move(cy));
            }
            pm.cells.push_back(std::move(cm));
        }
        if (pm.cells.empty()) {
            out.warnings.push_back("plan " + plan.planId + " has no cell in the start year " +
                                   std::to_string(y0) + " and is not projected");
            return;
        }
        // Per year: totals that do not move with utilization, thresholds, quality and ρ.
        for (int t = 1; t <= h; ++t) {
            ProjectionModel::PlanYear py;
            for (const ProjectionModel::Cell& cell : pm.cells) {
                const CellProjectionYear& cy = cell.trace.years[static_cast<std::size_t>(t - 1)];
                py.memberMonths += cy.memberMonths;
                for (std::size_t k = 0; k < nk; ++k)
                    py.counterfactualCost += cy.counterfactual[k];
                py.investment += cy.investment;
            }
            const double members = memberYears(py.memberMonths);
            py.msr = computeThreshold(msrInput(s, members, std::nullopt));
            py.mlr = computeThreshold(mlrInput(s, members, std::nullopt));
            py.qualityScore = qpath.score[static_cast<std::size_t>(t - 1)];
            py.eligible = qpath.gatePasses[static_cast<std::size_t>(t - 1)];
            py.shareRate = planSharingRate(s.sharing, py.qualityScore, py.eligible);
            pm.years.push_back(py);
        }
        out.plan = std::move(pm);
    });
    for (Prepared& p : prepared) {
        m.warnings.insert(m.warnings.end(), p.warnings.begin(), p.warnings.end());
        if (p.plan)
            m.plans.push_back(std::move(*p.plan));
    }
    return m;
}

Projection evaluateProjection(const ProjectionModel& m, const ProjectionOptions& options)
{
    const Scenario& s = *m.scenario;
    Projection out;
    out.startYear = m.startYear;
    out.horizon = m.horizon;
    out.cosNames = m.cosNames;
    out.cos = m.cos;
    out.warnings = m.warnings;
    const Year y0 = m.startYear;
    const int h = m.horizon;
    const auto hs = static_cast<std::size_t>(h);
    const std::size_t nk = m.cos.size();

    // The cumulative utilization factor of each distinct c_s and year.
    std::vector<std::vector<double>> factor(m.utilizationRates.size(), std::vector<double>(hs));
    for (std::size_t i = 0; i < m.utilizationRates.size(); ++i)
        for (int t = 1; t <= h; ++t)
            factor[i][static_cast<std::size_t>(t - 1)] = utilizationFactor(m.utilizationRates[i], t, options);

    // The plans are independent: evaluated on options.threads threads, each into its own slot,
    // and summed in the model's order.
    out.plans.resize(m.plans.size());
    parallelFor(m.plans.size(), threadCount(options.threads, m.plans.size()), [&](std::size_t p) {
        const ProjectionModel::Plan& pm = m.plans[p];
        PlanProjection& pp = out.plans[p];
        pp.planId = pm.planId;
        const std::size_t nc = pm.cells.size();
        std::vector<Dollars> projected(nc * hs * nk, 0.0); // [cell][t − 1][k]
        std::vector<Pmpm> basePmpm(nk);
        auto at = [&](std::size_t cell, std::size_t t0, std::size_t k) -> Dollars& {
            return projected[(cell * hs + t0) * nk + k];
        };
        for (std::size_t ci = 0; ci < nc; ++ci) {
            const ProjectionModel::Cell& cell = pm.cells[ci];
            for (std::size_t t0 = 0; t0 < hs; ++t0)
                for (std::size_t k = 0; k < nk; ++k)
                    at(ci, t0, k) = cell.trace.years[t0].counterfactual[k] *
                                    factor[static_cast<std::size_t>(cell.changeClass[k])][t0];
        }

        // Plan totals, payments and eligibility per year.
        pp.years.resize(hs);
        for (std::size_t t0 = 0; t0 < hs; ++t0) {
            const ProjectionModel::PlanYear& fixed = pm.years[t0];
            ProjectionYear& py = pp.years[t0];
            py.year = y0 + static_cast<Year>(t0) + 1;
            py.memberMonths = fixed.memberMonths;
            py.counterfactualCost = fixed.counterfactualCost;
            py.investment = fixed.investment;
            for (std::size_t ci = 0; ci < nc; ++ci)
                for (std::size_t k = 0; k < nk; ++k)
                    py.projectedCost += at(ci, t0, k);
            py.projectedCost += py.investment;
            py.benchmark = py.counterfactualCost; // no rebasing inside the window
            py.grossSavings = py.benchmark - py.projectedCost;
            py.msr = fixed.msr;
            py.mlr = fixed.mlr;
            py.qualityScore = fixed.qualityScore;
            py.eligible = fixed.eligible;
            py.shareRate = fixed.shareRate;
            std::optional<Rate> savingsRate;
            if (py.benchmark != 0.0)
                savingsRate = py.grossSavings / py.benchmark;
            py.payment = computePayment(SharingInput{&s.sharing, &s.losses, py.benchmark, py.grossSavings,
                                                     savingsRate, py.msr.rate, py.mlr.rate, py.shareRate,
                                                     py.eligible, options.trace});
            py.transfers = settlementTransfers(s.paymentModel, s.losses.enabled, py.grossSavings);
            py.programNet = programNet(s.paymentModel, s.losses.enabled, py.grossSavings, py.payment.payment);
        }

        // §10 rates per cell and year; revenue, margins and the state's cost.
        for (std::size_t ci = 0; ci < nc; ++ci) {
            const ProjectionModel::Cell& cell = pm.cells[ci];
            CellProjection traced;
            if (options.trace)
                traced = cell.trace;
            for (std::size_t t0 = 0; t0 < hs; ++t0) {
                const ProjectionModel::CellYear& cy = cell.years[t0];
                const CellProjectionYear& year = cell.trace.years[t0];
                ProjectionYear& py = pp.years[t0];
                GrossRate moving; // the rebased rate on projected cost, when its base is projected
                const GrossRate* rebased = &cy.rebased;
                bool nonRebasedApplies = true;
                if (cy.baseInWindow) {
                    const auto b = static_cast<std::size_t>(cy.baseIndex);
                    const MemberMonths baseMm = cell.trace.years[b].memberMonths;
                    for (std::size_t k = 0; k < nk; ++k)
                        basePmpm[k] = at(ci, b, k) / baseMm;
                    moving = applyRateRecipe(cy.rebasedRecipe, basePmpm, options.trace);
                    rebased = &moving;
                    // §10: plans that fail a blocking gate (in the base year) get the rebased rate.
                    nonRebasedApplies = pm.years[b].eligible;
                }
                py.nonRebasedApplies = nonRebasedApplies;
                const Pmpm nonRebasedRate = nonRebasedApplies ? cy.nonRebased.gross : rebased->gross;
                const Dollars revReb = rebased->gross * year.memberMonths;
                const Dollars revNon = nonRebasedRate * year.memberMonths;
                const Dollars revCf = cy.nonRebased.gross * year.memberMonths; // counterfactual program cost
                py.revenueRebased += revReb;
                py.revenueNonRebased += revNon;
                py.revenueCounterfactual += revCf;
                const Dollars impact = revNon - revReb;
                py.rateImpact += impact;
                py.rateImpactFederal += year.fmap * impact;
                py.rateImpactState += (1.0 - year.fmap) * impact;
                // Margins net of the administrative load as applied in each rate.
                py.marginRebased += revReb - rebased->adminLoad * revReb;
                py.marginNonRebased +=
                    revNon - (nonRebasedApplies ? cy.nonRebased.adminLoad : rebased->adminLoad) * revNon;
                // The cell's part of the program net, as in §9: G_cell − P · E_cell / E.
                Dollars cellNet = 0.0;
                if (py.transfers) {
                    Dollars cellActual = year.investment;
                    for (std::size_t k = 0; k < nk; ++k)
                        cellActual += at(ci, t0, k);
                    const Dollars cellPayment =
                        py.benchmark != 0.0 ? py.payment.payment * cy.counterfactualTotal / py.benchmark
                                            : 0.0;
                    cellNet = cy.counterfactualTotal - cellActual - cellPayment;
                }
                py.federalShareNonRebased += year.fmap * (revNon - cellNet);
                if (options.trace) {
                    CellProjectionYear& ty = traced.years[t0];
                    for (std::size_t k = 0; k < nk; ++k)
                        ty.projected.push_back(at(ci, t0, k));
                    ty.rebased = *rebased;
                    ty.nonRebased = cy.nonRebased;
                }
            }
            if (options.trace)
                pp.cells.push_back(std::move(traced));
        }
        for (ProjectionYear& py : pp.years) {
            // §11 v2 cash flows. Rebased path: no arrangement. Non-rebased path: the year is
            // settled and the program net T goes to the state; the plan gives up T under
            // capitation and receives P under ffs (where the payer kept G).
            py.marginRebased += -py.projectedCost;
            py.marginNonRebased +=
                -py.projectedCost +
                (s.paymentModel == PaymentModel::Capitation ? -py.programNet : py.payment.payment);
            py.stateCostRebased = py.revenueRebased;
            py.stateCostNonRebased = py.revenueNonRebased - py.programNet;
            py.netStateSavingNonRebased = py.revenueCounterfactual - py.stateCostNonRebased;
            py.netStateSavingRebased = py.revenueCounterfactual - py.stateCostRebased;
            finishRates(py);
        }
    });
    out.all.resize(hs);
    for (const PlanProjection& pp : out.plans)
        for (const ProjectionYear& py : pp.years)
            addInto(out.all[static_cast<std::size_t>(py.year - y0 - 1)], py);
    for (ProjectionYear& a : out.all)
        finishRates(a);
    return out;
}

Projection project(const ExperienceIndex& index, const QualityData* quality, const Scenario& s,
                   const ProjectionOptions& options)
{
    return evaluateProjection(prepareProjection(index, quality, s), options);
}

} // namespace sharecast
