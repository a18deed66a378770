#include "audit_sheet.h"

#include "audit_writer.h"

#include "engine/error.h"
#include "engine/resource_use.h"
#include "engine/rounding.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace sharecast::io {

using namespace audit_columns;
using namespace audit;

namespace {

//! The MSR or MLR formula of §5 (inputs written as needed).
std::string thresholdFormula(AuditWriter& w, const char* what, ThresholdMethod method, double rate,
                             const MsrSpec& msr, const ThresholdResult& result, const std::string& members)
{
    const QString w8 = QString::fromUtf8(what);
    w.inputText("§5", w8 + QStringLiteral(" method"), QString::fromUtf8(toString(method)),
                QStringLiteral("the method chooses the formula below; changing it here changes nothing"));
    switch (method) {
    case ThresholdMethod::Fixed: return w.input("§5", w8 + QStringLiteral(" rate"), Unit::Rate, rate);
    case ThresholdMethod::Confidence: {
        const std::string z = w.input("§5", QStringLiteral("z (msr.z)"), Unit::Factor, msr.z);
        const std::string cv = w.input("§5", QStringLiteral("cv (msr.cv)"), Unit::Factor, msr.cv);
        return z + "*" + cv + "/SQRT(" + members + ")";
    }
    case ThresholdMethod::MsspTable: {
        const QString note = QStringLiteral("the MSSP table's rows bracketing N (a table lookup, an input)");
        const std::string lm =
            w.input("§5", QStringLiteral("table: members below N"), Unit::Members, result.lowerMembers, note);
        const std::string lr =
            w.input("§5", QStringLiteral("table: rate there"), Unit::Rate, result.lowerRate, note);
        const std::string um =
            w.input("§5", QStringLiteral("table: members above N"), Unit::Members, result.upperMembers, note);
        const std::string ur =
            w.input("§5", QStringLiteral("table: rate there"), Unit::Rate, result.upperRate, note);
        return "IF(" + um + "=" + lm + "," + lr + "," + lr + "+(" + ur + "-" + lr + ")*(" + members + "-" +
               lm + ")/(" + um + "-" + lm + "))";
    }
    case ThresholdMethod::None:
    case ThresholdMethod::Elected: break;
    }
    return "0";
}

//! The base-year cell records the audit reads: the plan's series of one settled cell.
const CellSeries* seriesOf(const ExperienceIndex& index, const PlanSettlement& plan, const CellResult& cell)
{
    for (const PlanSeries& p : index.plans())
        if (p.planId == plan.planId)
            for (const CellSeries& s : p.cells)
                if (s.region == cell.region && s.rateCell == cell.rateCell)
                    return &s;
    return nullptr;
}

} // namespace

std::string defaultAuditPlan(const Settlement& settlement)
{
    for (const PlanSettlement& p : settlement.plans)
        if (p.payment.payment != 0.0)
            return p.planId;
    return settlement.plans.empty() ? std::string() : settlement.plans.front().planId;
}

void writeAuditSheet(XlsxWorkbook& book, const QString& sheetName, const Settlement& settlement,
                     const PlanSettlement& plan, const Scenario& scenario, const ExperienceIndex& index)
{
    const ExperienceData& data = index.data();
    const Year y = settlement.year;
    XlsxSheet& sheet = book.addSheet(sheetName);
    sheet.columnWidth(kSection, kSection, 6);
    sheet.columnWidth(kStep, kStep, 58);
    sheet.columnWidth(kUnit, kUnit, 9);
    sheet.columnWidth(kValue, kEngine, 20);
    sheet.columnWidth(kDifference, kDifference, 12);
    sheet.columnWidth(kNote, kNote, 60);

    sheet.text(0, 0,
               QStringLiteral("Audit of plan %1, performance year %2: the settlement rebuilt as formulas")
                   .arg(q(plan.planId))
                   .arg(y),
               XlsxStyle::Title);
    sheet.text(
        1, 0,
        QStringLiteral("Inputs are the blue cells on yellow: change one and every formula below follows. "
                       "'Engine value' is what Sharecast computed; 'Difference' is value − engine. "
                       "Structural choices of the scenario (methods, which cells and base years exist) "
                       "are fixed in the formulas' shape."),
        XlsxStyle::Note);
    const QStringList headers{
        QStringLiteral("§"),     QStringLiteral("Step"),         QStringLiteral("Unit"),
        QStringLiteral("Value"), QStringLiteral("Engine value"), QStringLiteral("Difference"),
        QStringLiteral("Note")};
    for (int c = 0; c < headers.size(); ++c)
        sheet.text(3, c, headers[c], XlsxStyle::Header);
    sheet.freeze(4, 2);

    AuditWriter w(sheet, 4);

    // ---- Scenario inputs ----------------------------------------------------------------------
    w.heading(QStringLiteral("Scenario inputs"));
    const std::string yRef = w.input("§1.5", QStringLiteral("performance year Y"), Unit::Year, y);
    std::vector<std::string> weightRef;
    std::vector<std::string> baseYearRef;
    for (std::size_t b = 0; b < settlement.baseline.years.size(); ++b) {
        baseYearRef.push_back(w.input("§2.6", QStringLiteral("baseline year %1").arg(b + 1), Unit::Year,
                                      settlement.baseline.years[b]));
        weightRef.push_back(w.input("§2.6", QStringLiteral("weight of %1").arg(settlement.baseline.years[b]),
                                    Unit::Factor, settlement.baseline.weights[b]));
    }
    const std::string truncRef = w.input("§2.1", QStringLiteral("truncation enabled (1 yes, 0 no)"),
                                         Unit::Flag, scenario.truncation.enabled ? 1.0 : 0.0);
    const std::string raRef = w.input("§2.5", QStringLiteral("risk adjustment enabled (1 yes, 0 no)"),
                                      Unit::Flag, scenario.riskAdjustment.enabled ? 1.0 : 0.0);
    const std::string capUpRef = w.input("§2.5", QStringLiteral("risk adjustment cap_up (empty: none)"),
                                         Unit::Rate, scenario.riskAdjustment.capUp);
    const std::string capDownRef = w.input("§2.5", QStringLiteral("risk adjustment cap_down (empty: none)"),
                                           Unit::Rate, scenario.riskAdjustment.capDown);
    auto riskClamp = [&](const std::string& ratio) {
        return "MIN(MAX(" + ratio + ",IF(" + capDownRef + "=\"\",-1E+300,1-" + capDownRef + ")),IF(" +
               capUpRef + "=\"\",1E+300,1+" + capUpRef + "))";
    };

    // Trends per rate cell and COS of the plan's cells, as the scenario resolves them (§2.3).
    std::vector<int> baseCos; // included COS priced from experience
    for (std::size_t k = 0; k < settlement.includedCos.size(); ++k) {
        const int s = settlement.includedCos[k];
        if (!scenario.newBenefitFor(settlement.cosNames[static_cast<std::size_t>(s)]))
            baseCos.push_back(s);
    }
    std::set<std::string> rateCells;
    for (const CellResult& c : plan.cells)
        rateCells.insert(*c.rateCell);
    std::map<std::pair<std::string, int>, std::pair<std::string, std::string>> trendRef;
    for (const std::string& rc : rateCells)
        for (int s : baseCos) {
            const std::string& cos = settlement.cosNames[static_cast<std::size_t>(s)];
            const TrendPair t = scenario.trendFor(rc, cos);
            const QString label = q(rc) + QStringLiteral(" · ") + q(cos);
            const QString note =
                QStringLiteral("as the scenario resolves it: by_rate_cell, then by_cos, then default");
            const std::string u =
                w.input("§2.3", QStringLiteral("trend ") + label + QStringLiteral(": utilization u"),
                        Unit::Rate, t.utilization, note);
            const std::string k =
                w.input("§2.3", QStringLiteral("trend ") + label + QStringLiteral(": unit cost k"),
                        Unit::Rate, t.unitCost);
            trendRef[{rc, s}] = {u, k};
        }
    std::vector<std::pair<std::string, std::string>> changeRef; // effective year, factor
    for (std::size_t j = 0; j < scenario.programChanges.size(); ++j) {
        const ProgramChange& pc = scenario.programChanges[j];
        QString cells = QStringLiteral("every rate cell");
        if (pc.rateCells) {
            QStringList l;
            for (const std::string& c : *pc.rateCells)
                l << q(c);
            cells = l.join(QStringLiteral(", "));
        }
        const QString name = QStringLiteral("program change %1 (%2; %3)")
                                 .arg(j + 1)
                                 .arg(pc.cos ? q(*pc.cos) : QStringLiteral("every COS"), cells);
        const std::string effective =
            w.input("§2.4", name + QStringLiteral(": effective year"), Unit::Year, pc.effectiveYear,
                    QStringLiteral("applies to base year b when b < effective year ≤ Y"));
        changeRef.emplace_back(effective,
                               w.input("§2.4", name + QStringLiteral(": factor"), Unit::Factor, pc.factor));
    }

    // ---- §2–§3 per cell -----------------------------------------------------------------------
    std::vector<std::string> expectedCellRef, actualCellRef, mmRef, riskMmRef;
    std::vector<const CellSeries*> settledSeries;
    for (std::size_t ci = 0; ci < plan.cells.size(); ++ci) {
        const CellResult& cell = plan.cells[ci];
        const CellSeries* series = seriesOf(index, plan, cell);
        settledSeries.push_back(series);
        const ExperienceCell* cur = series ? series->cellFor(y) : nullptr;
        if (!cur || cell.benchmark.baseYears.size() != settlement.baseline.years.size())
            throw InputError("the audit sheet needs the settlement's trace (settle with trace on)");
        const QString cellName = q(*cell.region) + QStringLiteral(" / ") + q(*cell.rateCell);
        w.heading(QStringLiteral("Cell %1").arg(cellName));

        // One year's record of the cell as inputs: member months, risk score, excess, costs.
        struct RecordRefs {
            std::string mm, risk, excess;
            std::vector<std::string> cost; //!< per included COS
            std::string costOf(const std::vector<int>& included, int s) const
            {
                return cost[static_cast<std::size_t>(std::find(included.begin(), included.end(), s) -
                                                     included.begin())];
            }
        };
        auto recordInputs = [&](const ExperienceCell& rec) {
            const QString when = QString::number(rec.year);
            RecordRefs r;
            r.mm = w.input("§1.1", when + QStringLiteral(" member months"), Unit::Count, rec.memberMonths);
            r.risk = w.input("§1.1", when + QStringLiteral(" risk score"), Unit::Factor, rec.riskScore);
            r.excess = w.input("§1.1", when + QStringLiteral(" excess_over_threshold"), Unit::Money,
                               rec.excessOverThreshold);
            for (int s : settlement.includedCos)
                r.cost.push_back(w.input(
                    "§1.1", when + QStringLiteral(" cost_") + q(data.cosNames[static_cast<std::size_t>(s)]),
                    Unit::Money, rec.cost[static_cast<std::size_t>(s)]));
            return r;
        };
        const RecordRefs current = recordInputs(*cur);
        const std::string& mmY = current.mm;
        const std::string& riskY = current.risk;
        const std::string& excessY = current.excess;
        const std::vector<std::string>& costY = current.cost;
        mmRef.push_back(mmY);
        riskMmRef.push_back(riskY + "*" + mmY);

        // Base years.
        std::vector<std::string> availableWeights;
        for (std::size_t b = 0; b < settlement.baseline.years.size(); ++b)
            if (cell.benchmark.baseYears[b].available)
                availableWeights.push_back(weightRef[b]);
        std::vector<std::string> weightedTerms;
        for (std::size_t b = 0; b < settlement.baseline.years.size(); ++b) {
            const BaseYearTerm& term = cell.benchmark.baseYears[b];
            if (!term.available)
                continue;
            const ExperienceCell* base = series->cellFor(term.year);
            const QString by = QString::number(term.year);
            const RecordRefs baseRefs = recordInputs(*base);
            const std::string& mmB = baseRefs.mm;
            const std::string& riskB = baseRefs.risk;
            const std::string& excessB = baseRefs.excess;
            const std::vector<std::string>& costB = baseRefs.cost;
            const std::string included = "SUM(" + costB.front() + ":" + costB.back() + ")";
            const std::string tau =
                w.calc("§2.1", by + QStringLiteral(" truncation factor τ"), Unit::Factor,
                       "IF(" + truncRef + "=1,IF(" + included + ">0,1-" + excessB + "/" + included + ",1),1)",
                       term.truncationFactor);
            std::vector<std::string> terms;
            std::size_t traceIndex = 0;
            for (int s : baseCos) {
                const CosTerm& ct = term.cos[traceIndex++];
                const QString cos = q(data.cosNames[static_cast<std::size_t>(s)]);
                const std::string bp = w.calc(
                    "§2.2", by + QStringLiteral(" ") + cos + QStringLiteral(": base PMPM B"), Unit::Pmpm,
                    tau + "*" + baseRefs.costOf(settlement.includedCos, s) + "/" + mmB, ct.basePmpm);
                const auto& [u, k] = trendRef.at({*cell.rateCell, s});
                const std::string tf = w.calc(
                    "§2.3", by + QStringLiteral(" ") + cos + QStringLiteral(": trend factor T"), Unit::Factor,
                    "((1+" + u + ")*(1+" + k + "))^(" + yRef + "-" + baseYearRef[b] + ")", ct.trendFactor);
                std::vector<std::string> factors;
                for (std::size_t j = 0; j < scenario.programChanges.size(); ++j) {
                    const ProgramChange& pc = scenario.programChanges[j];
                    if (pc.cos && *pc.cos != data.cosNames[static_cast<std::size_t>(s)])
                        continue;
                    if (pc.rateCells && std::find(pc.rateCells->begin(), pc.rateCells->end(),
                                                  *cell.rateCell) == pc.rateCells->end())
                        continue;
                    const auto& [effective, factor] = changeRef[j];
                    factors.push_back("IF(AND(" + baseYearRef[b] + "<" + effective + "," + effective +
                                      "<=" + yRef + ")," + factor + ",1)");
                }
                std::string product = bp + "*" + tf;
                if (!factors.empty()) {
                    std::string f;
                    for (const std::string& x : factors)
                        f += (f.empty() ? "" : "*") + x;
                    product +=
                        "*" + w.calc("§2.4",
                                     by + QStringLiteral(" ") + cos + QStringLiteral(": program changes PC"),
                                     Unit::Factor, f, ct.programChange);
                }
                terms.push_back(w.calc("§2.6", by + QStringLiteral(" ") + cos + QStringLiteral(": B·T·PC"),
                                       Unit::Pmpm, product, ct.basePmpm * ct.trendFactor * ct.programChange));
            }
            const std::string sum =
                w.calc("§2.6", by + QStringLiteral(": Σ_s B·T·PC"), Unit::Pmpm, sumOf(terms),
                       term.riskFactor != 0.0 ? term.pmpm / term.riskFactor : std::optional<double>());
            const std::string ra =
                w.calc("§2.5", by + QStringLiteral(": risk factor RA = clamp(R_Y / R_b)"), Unit::Factor,
                       "IF(" + raRef + "=1," + riskClamp(riskY + "/" + riskB) + ",1)", term.riskFactor);
            const std::string pmpm =
                w.calc("§2.6", by + QStringLiteral(": PMPM = Σ·RA"), Unit::Pmpm, sum + "*" + ra, term.pmpm);
            const std::string wr =
                w.calc("§2.6", by + QStringLiteral(": renormalised weight w'"), Unit::Factor,
                       weightRef[b] + "/(" + sumOf(availableWeights) + ")", term.renormalisedWeight);
            weightedTerms.push_back(wr + "*" + pmpm);
        }
        // New benefits (add-ons).
        for (const AddOnTerm& a : cell.benchmark.addOns) {
            const QString cos = q(data.cosNames[static_cast<std::size_t>(a.cos)]);
            const QString note =
                QStringLiteral("new_benefits: the priced PMPM, take-up of Y and the add-on's trend, "
                               "looked up in the scenario (inputs)");
            const std::string priced =
                w.input("§2.6", QStringLiteral("new benefit ") + cos + QStringLiteral(": priced PMPM"),
                        Unit::Pmpm, a.pricedPmpm, note);
            const std::string take =
                w.input("§2.6", QStringLiteral("new benefit ") + cos + QStringLiteral(": take-up in Y"),
                        Unit::Rate, a.takeUp);
            const std::string tf =
                w.input("§2.6", QStringLiteral("new benefit ") + cos + QStringLiteral(": trend factor"),
                        Unit::Factor, a.trendFactor);
            weightedTerms.push_back(w.calc(
                "§2.6", QStringLiteral("new benefit ") + cos + QStringLiteral(": add-on PMPM"), Unit::Pmpm,
                priced + "*" + take + "*" + tf + "*IF(" + raRef + "=1," + riskY + ",1)", a.pmpm));
        }
        const std::string ePmpm = w.calc("§2.6", QStringLiteral("expected PMPM E_pmpm"), Unit::Pmpm,
                                         sumOf(weightedTerms), cell.benchmark.expectedPmpm);
        expectedCellRef.push_back(w.calc("§2.7", QStringLiteral("expected cost E_cell = E_pmpm · MM_Y"),
                                         Unit::Money, ePmpm + "*" + mmY, cell.benchmark.expected));
        actualCellRef.push_back(
            w.calc("§3", QStringLiteral("actual cost A_cell"), Unit::Money,
                   "SUM(" + costY.front() + ":" + costY.back() + ")-IF(" + truncRef + "=1," + excessY + ",0)",
                   cell.actual));
    }

    // ---- §4 savings -----------------------------------------------------------------------------
    w.heading(QStringLiteral("Plan %1: savings, thresholds, quality, sharing, split").arg(q(plan.planId)));
    const std::string eRef = w.calc("§2.7", QStringLiteral("expected cost E = Σ E_cell"), Unit::Money,
                                    sumOf(expectedCellRef), plan.expected);
    const std::string aRef = w.calc("§3", QStringLiteral("actual cost A = Σ A_cell"), Unit::Money,
                                    sumOf(actualCellRef), plan.actual);
    const std::string tccRef =
        w.calc("§4", QStringLiteral("TCC savings E − A"), Unit::Money, eRef + "-" + aRef, plan.tccSavings);
    const std::string mmTotal = w.calc("§4", QStringLiteral("member months Σ MM_Y"), Unit::Count,
                                       sumOf(mmRef), plan.currentTotals.memberMonths);
    const std::string nRef =
        w.calc("§4", QStringLiteral("members N = Σ MM_Y / 12"), Unit::Members, mmTotal + "/12", plan.members);
    const std::string riskYRef =
        w.calc("§8", QStringLiteral("plan risk score R_Y (MM-weighted)"), Unit::Factor,
               "(" + sumOf(riskMmRef) + ")/" + mmTotal, plan.currentTotals.riskScore);

    std::string gRef = tccRef;
    std::string gruRef;
    if (plan.resourceUseBasis) {
        // Plan totals of the settled cells in a year: Σ of a util_ column (or member years).
        auto totalOf = [&](Year year, int util) {
            double sum = 0.0;
            for (const CellSeries* cs : settledSeries)
                if (const ExperienceCell* c = cs->cellFor(year))
                    sum += util < 0 ? c->memberMonths / 12.0 : c->util[static_cast<std::size_t>(util)];
            return sum;
        };
        double priorRiskMm = 0.0, priorMm = 0.0;
        for (const CellSeries* cs : settledSeries)
            if (const ExperienceCell* c = cs->cellFor(y - 1)) {
                priorRiskMm += c->riskScore * c->memberMonths;
                priorMm += c->memberMonths;
            }
        std::string ruFactor = "1";
        if (priorMm > 0.0) {
            const std::string priorR =
                w.input("§7", QStringLiteral("plan risk score R_{Y−1} over the settled cells"), Unit::Factor,
                        priorRiskMm / priorMm, QStringLiteral("MM-weighted, from the cells' Y − 1 records"));
            ruFactor = w.calc("§7", QStringLiteral("plan risk ratio R_Y / R_{Y−1}, clamped by the caps"),
                              Unit::Factor, riskClamp(riskYRef + "/" + priorR), plan.resourceUseRiskFactor);
        }
        std::vector<std::string> savings;
        for (std::size_t m = 0; m < plan.resourceUse.size(); ++m) {
            const ResourceUseResult& r = plan.resourceUse[m];
            const ResourceUseMeasure& spec = scenario.resourceUse[m];
            const QString id = q(r.id);
            if (!r.evaluable) {
                savings.push_back(w.calc("§7",
                                         QStringLiteral("measure %1: savings g (no Y − 1 data: 0)").arg(id),
                                         Unit::Money, "0", r.savings));
                continue;
            }
            const std::string per =
                w.input("§7", QStringLiteral("measure %1: per").arg(id), Unit::Count, spec.per);
            const std::string unitCost =
                w.input("§7", QStringLiteral("measure %1: unit cost").arg(id), Unit::Money, spec.unitCost);
            const std::string sign =
                w.input("§7", QStringLiteral("measure %1: direction (1 lower, −1 higher)").arg(id),
                        Unit::Flag, spec.direction == Direction::Lower ? 1.0 : -1.0);
            const int numerator = data.utilIndex(utilColumnName(spec.numerator));
            const int exposureColumn =
                exposureIsMemberYears(spec) ? -1 : data.utilIndex(utilColumnName(spec.exposure));
            const QString total = QStringLiteral("plan total over the settled cells");
            const std::string num =
                w.input("§7", QStringLiteral("measure %1: %2 in Y").arg(id, q(spec.numerator)), Unit::Count,
                        totalOf(y, numerator), total);
            const std::string exposure =
                exposureColumn < 0
                    ? w.calc("§7", QStringLiteral("measure %1: exposure in Y (member years)").arg(id),
                             Unit::Members, mmTotal + "/12", r.exposure)
                    : w.input("§7", QStringLiteral("measure %1: %2 in Y").arg(id, q(spec.exposure)),
                              Unit::Count, totalOf(y, exposureColumn), total);
            const std::string num1 =
                w.input("§7", QStringLiteral("measure %1: %2 in Y − 1").arg(id, q(spec.numerator)),
                        Unit::Count, totalOf(y - 1, numerator), total);
            const std::string exposure1 = w.input(
                "§7", QStringLiteral("measure %1: exposure in Y − 1").arg(id),
                exposureColumn < 0 ? Unit::Members : Unit::Count, totalOf(y - 1, exposureColumn), total);
            const std::string rate = w.calc("§7", QStringLiteral("measure %1: rate x_Y").arg(id),
                                            Unit::Factor, num + "/" + exposure + "*" + per, r.rate);
            const std::string prior = w.calc("§7", QStringLiteral("measure %1: rate x_{Y−1}").arg(id),
                                             Unit::Factor, num1 + "/" + exposure1 + "*" + per, r.priorRate);
            const bool riskAdjust = exposureIsMemberYears(spec);
            const std::string expected = w.calc(
                "§7", QStringLiteral("measure %1: expected rate x̂").arg(id), Unit::Factor,
                riskAdjust ? prior + "*IF(" + raRef + "=1," + ruFactor + ",1)" : prior, r.expectedRate);
            savings.push_back(
                w.calc("§7", QStringLiteral("measure %1: savings g").arg(id), Unit::Money,
                       sign + "*(" + expected + "-" + rate + ")*" + exposure + "/" + per + "*" + unitCost,
                       r.savings));
        }
        gruRef = w.calc("§7", QStringLiteral("resource-use savings G_RU = Σ g"), Unit::Money, sumOf(savings),
                        plan.resourceUseSavings);
        gRef = gruRef;
    }
    gRef = w.calc("§4",
                  plan.resourceUseBasis ? QStringLiteral("gross savings G = G_RU (resource-use basis)")
                                        : QStringLiteral("gross savings G = E − A"),
                  Unit::Money, gRef, plan.grossSavings);
    const std::string sRef =
        w.calcOrNa("§4", QStringLiteral("savings rate S = G / E (empty: NA when E = 0)"), Unit::Rate,
                   "IF(" + eRef + "=0,\"\"," + gRef + "/" + eRef + ")", plan.savingsRate);

    // ---- §5 thresholds --------------------------------------------------------------------------
    const std::string msrRef = w.calc(
        "§5", QStringLiteral("minimum savings rate MSR"), Unit::Rate,
        thresholdFormula(w, "MSR", scenario.msr.method, scenario.msr.rate, scenario.msr, plan.msr, nRef),
        plan.msr.rate);
    const std::string mlrRef = scenario.mlr.sameAsMsr
                                   ? w.calc("§5", QStringLiteral("minimum loss rate MLR (same as the MSR)"),
                                            Unit::Rate, msrRef, plan.mlr.rate)
                                   : w.calc("§5", QStringLiteral("minimum loss rate MLR"), Unit::Rate,
                                            thresholdFormula(w, "MLR", scenario.mlr.method, scenario.mlr.rate,
                                                             scenario.msr, plan.mlr, nRef),
                                            plan.mlr.rate);

    // ---- §6 quality -----------------------------------------------------------------------------
    const QualitySpec& qs = scenario.quality;
    std::string qScaling; // Q for quality-scaled sharing ("" when NA)
    std::string qPass;
    if (!plan.quality.hasQualityStep) {
        qScaling = w.calc("§6", QStringLiteral("no quality measures: sharing uses Q = 100"), Unit::Score,
                          "100", 100.0);
        qPass = w.calc("§6", QStringLiteral("quality gate passes (1 yes, 0 no)"), Unit::Flag, "1", 1.0);
    } else {
        const std::string imax =
            w.input("§6", QStringLiteral("improvement_max"), Unit::Score, qs.improvementMax);
        const std::string bw = w.input("§6", QStringLiteral("blend_weight"), Unit::Factor, qs.blendWeight);
        const std::string minM = w.input("§6", QStringLiteral("min_measures"), Unit::Count, qs.minMeasures);
        const std::string gateOn = w.input("§6", QStringLiteral("quality gate enabled (1 yes, 0 no)"),
                                           Unit::Flag, qs.gateEnabled ? 1.0 : 0.0);
        const std::string minC =
            w.input("§6", QStringLiteral("gate min_composite"), Unit::Score, qs.minComposite);
        std::vector<std::string> rates, weighted, weights, gates;
        for (std::size_t i = 0; i < qs.measures.size(); ++i) {
            const QualityMeasure& m = qs.measures[i];
            const MeasureScore& ms = plan.quality.measures[i];
            const QString id = q(m.id);
            const std::string r = w.input(
                "§6", QStringLiteral("%1: rate r in Y (empty: not reportable)").arg(id), Unit::Rate, ms.rate);
            const std::string r0 = w.input("§6", QStringLiteral("%1: rate r0 in Y − 1 (empty: NA)").arg(id),
                                           Unit::Rate, ms.priorRate);
            const std::string d = w.input("§6", QStringLiteral("%1: direction (1 higher, −1 lower)").arg(id),
                                          Unit::Flag, m.direction == Direction::Lower ? -1.0 : 1.0);
            const std::string thr =
                w.input("§6", QStringLiteral("%1: threshold").arg(id), Unit::Rate, m.threshold);
            const std::string bm =
                w.input("§6", QStringLiteral("%1: benchmark").arg(id), Unit::Rate, m.benchmark);
            const std::string wt =
                w.input("§6", QStringLiteral("%1: weight").arg(id), Unit::Factor, m.weight);
            const std::string a = w.calc("§6", QStringLiteral("%1: attainment a").arg(id), Unit::Score,
                                         "IF(" + r + "=\"\",0,100*" +
                                             clamp01("(" + d + "*" + r + "-" + d + "*" + thr + ")/(" + d +
                                                     "*" + bm + "-" + d + "*" + thr + ")") +
                                             ")",
                                         ms.attainment);
            const std::string im = w.calc("§6", QStringLiteral("%1: improvement i").arg(id), Unit::Score,
                                          "IF(OR(" + r + "=\"\"," + r0 + "=\"\"),0,IF(" + d + "*" + r0 + "<" +
                                              d + "*" + bm + "," + imax + "*" +
                                              clamp01("(" + d + "*" + r + "-" + d + "*" + r0 + ")/(" + d +
                                                      "*" + bm + "-" + d + "*" + r0 + ")") +
                                              ",0))",
                                          ms.improvement);
            std::string score;
            switch (qs.scoring) {
            case QualityScoring::Attainment: score = a; break;
            case QualityScoring::Improvement: score = im; break;
            case QualityScoring::Max: score = "MAX(" + a + "," + im + ")"; break;
            case QualityScoring::Blend: score = bw + "*" + a + "+(1-" + bw + ")*" + im; break;
            }
            const std::string sc =
                w.calc("§6", QStringLiteral("%1: measure score").arg(id), Unit::Score, score, ms.score);
            rates.push_back(r);
            weighted.push_back("IF(" + r + "=\"\",0," + wt + "*" + sc + ")");
            weights.push_back("IF(" + r + "=\"\",0," + wt + ")");
            if (m.gateMin) {
                const std::string gm =
                    w.input("§6", QStringLiteral("%1: gate_min").arg(id), Unit::Rate, *m.gateMin);
                gates.push_back(
                    w.calc("§6", QStringLiteral("%1: measure gate passes").arg(id), Unit::Flag,
                           "IF(" + r + "=\"\",0,IF(" + d + "*" + r + ">=" + d + "*" + gm + ",1,0))",
                           ms.gatePassed ? 1.0 : 0.0));
            }
        }
        std::string countArgs;
        for (const std::string& r : rates)
            countArgs += (countArgs.empty() ? "" : ",") + r;
        const std::string count = w.calc("§6", QStringLiteral("reportable measures"), Unit::Count,
                                         "COUNT(" + countArgs + ")", plan.quality.reportableMeasures);
        const std::string ws = w.calc("§6", QStringLiteral("Σ weight · score (reportable)"), Unit::Score,
                                      sumOf(weighted), std::nullopt);
        const std::string sw =
            w.calc("§6", QStringLiteral("Σ weight (reportable)"), Unit::Factor, sumOf(weights), std::nullopt);
        qScaling =
            w.calcOrNa("§6", QStringLiteral("composite Q (empty: NA)"), Unit::Score,
                       "IF(AND(" + count + ">=MAX(1," + minM + ")," + sw + ">0)," + ws + "/" + sw + ",\"\")",
                       plan.quality.composite);
        std::string conditions = qScaling + "<>\"\"," + qScaling + ">=" + minC;
        for (const std::string& g : gates)
            conditions += "," + g + "=1";
        qPass = w.calc("§6", QStringLiteral("quality gate passes (1 yes, 0 no; a disabled gate passes)"),
                       Unit::Flag, "IF(" + gateOn + "=0,1,IF(AND(" + conditions + "),1,0))",
                       plan.quality.gatePassed ? 1.0 : 0.0);
    }

    // ---- §8 gates and eligibility ---------------------------------------------------------------
    std::string tccPass;
    const TccTrendResult& tcc = plan.tccTrend;
    if (!tcc.enabled) {
        tccPass = w.calc("§8", QStringLiteral("TCC trend gate (disabled: passes)"), Unit::Flag, "1", 1.0);
    } else if (!tcc.evaluable) {
        tccPass = w.input("§8", QStringLiteral("TCC trend gate passes (1 yes, 0 no)"), Unit::Flag, 0.0,
                          QStringLiteral("no year Y − 1 cost to compare with: the gate fails"));
    } else {
        const std::string priorA =
            w.input("§8", QStringLiteral("TCC gate: actual cost in Y − 1 (all the plan's cells)"),
                    Unit::Money, plan.priorTotals.actual);
        const std::string priorMm = w.input("§8", QStringLiteral("TCC gate: member months in Y − 1"),
                                            Unit::Count, plan.priorTotals.memberMonths);
        const std::string priorR = w.input("§8", QStringLiteral("TCC gate: risk score R_{Y−1}"), Unit::Factor,
                                           plan.priorTotals.riskScore);
        const std::string maxT =
            w.input("§8", QStringLiteral("TCC gate: max_trend"), Unit::Rate, scenario.tccTrendGate.maxTrend);
        const std::string trend = w.calc(
            "§8", QStringLiteral("TCC trend (A_Y/MM_Y)/(A_{Y−1}/MM_{Y−1})/(R_Y/R_{Y−1}) − 1"), Unit::Rate,
            "(" + aRef + "/" + mmTotal + ")/(" + priorA + "/" + priorMm + ")/IF(" + raRef + "=1," + riskYRef +
                "/" + priorR + ",1)-1",
            tcc.trend);
        tccPass = w.calc("§8", QStringLiteral("TCC trend gate passes (1 yes, 0 no)"), Unit::Flag,
                         "IF(" + trend + ">" + maxT + ",0,1)", tcc.passed ? 1.0 : 0.0);
    }
    std::string appBlocks;
    const AppropriatenessResult& app = plan.appropriateness;
    if (!app.enabled) {
        appBlocks = w.calc("§8", QStringLiteral("appropriateness guardrail (disabled: does not block)"),
                           Unit::Flag, "0", 0.0);
    } else if (!app.evaluable) {
        appBlocks =
            w.input("§8", QStringLiteral("appropriateness guardrail blocks sharing (1 yes, 0 no)"),
                    Unit::Flag, app.blocks ? 1.0 : 0.0,
                    QStringLiteral("no year Y − 1 data: the guardrail trips (it blocks when its action is "
                                   "ineligible)"));
    } else {
        const Appropriateness& g = scenario.appropriateness;
        const PlanYearTotals& cur = plan.currentTotals;
        const PlanYearTotals& prior = plan.priorTotals;
        const QString total = QStringLiteral(" (plan total over the settled cells)");
        const std::string denied =
            w.input("§8", QStringLiteral("claims denied in Y") + total, Unit::Count, cur.claimsDenied);
        const std::string claims = w.input("§8", QStringLiteral("claims in Y"), Unit::Count, cur.claimsTotal);
        const std::string griev =
            w.input("§8", QStringLiteral("grievances in Y"), Unit::Count, cur.grievances);
        const QString all = QStringLiteral(" (all the plan's cells of Y − 1)");
        const std::string denied1 =
            w.input("§8", QStringLiteral("claims denied in Y − 1") + all, Unit::Count, prior.claimsDenied);
        const std::string claims1 =
            w.input("§8", QStringLiteral("claims in Y − 1"), Unit::Count, prior.claimsTotal);
        const std::string griev1 =
            w.input("§8", QStringLiteral("grievances in Y − 1"), Unit::Count, prior.grievances);
        const std::string mm1 =
            w.input("§8", QStringLiteral("member months in Y − 1"), Unit::Count, prior.memberMonths);
        const std::string maxD =
            w.input("§8", QStringLiteral("max_denial_rate_increase"), Unit::Rate, g.maxDenialRateIncrease);
        const std::string maxG = w.input("§8", QStringLiteral("max_grievance_rate_increase (per 1,000 MM)"),
                                         Unit::Factor, g.maxGrievanceRateIncrease);
        const std::string blocking = w.input("§8", QStringLiteral("action ineligible (1) or flag (0)"),
                                             Unit::Flag, g.action == GuardrailAction::Ineligible ? 1.0 : 0.0);
        const std::string d = w.calc("§8", QStringLiteral("denial rate in Y"), Unit::Rate,
                                     "IF(" + claims + ">0," + denied + "/" + claims + ",0)", app.denialRate);
        const std::string d1 =
            w.calc("§8", QStringLiteral("denial rate in Y − 1"), Unit::Rate,
                   "IF(" + claims1 + ">0," + denied1 + "/" + claims1 + ",0)", app.priorDenialRate);
        const std::string gr = w.calc("§8", QStringLiteral("grievances per 1,000 MM in Y"), Unit::Factor,
                                      griev + "/" + mmTotal + "*1000", app.grievanceRate);
        const std::string gr1 = w.calc("§8", QStringLiteral("grievances per 1,000 MM in Y − 1"), Unit::Factor,
                                       griev1 + "/" + mm1 + "*1000", app.priorGrievanceRate);
        const std::string tripped =
            w.calc("§8", QStringLiteral("appropriateness guardrail flagged (1 yes, 0 no)"), Unit::Flag,
                   "IF(OR(" + d + "-" + d1 + ">" + maxD + "," + gr + "-" + gr1 + ">" + maxG + "),1,0)",
                   app.tripped ? 1.0 : 0.0);
        appBlocks =
            w.calc("§8", QStringLiteral("appropriateness guardrail blocks sharing (1 yes, 0 no)"), Unit::Flag,
                   "IF(AND(" + tripped + "=1," + blocking + "=1),1,0)", app.blocks ? 1.0 : 0.0);
    }
    const std::string eligible = w.calc(
        "§8", QStringLiteral("eligible (every blocking gate passes)"), Unit::Flag,
        "IF(AND(" + qPass + "=1," + tccPass + "=1," + appBlocks + "=0),1,0)", plan.eligible ? 1.0 : 0.0);

    // ---- §8 sharing rate and payment ------------------------------------------------------------
    const SharingSpec& sh = scenario.sharing;
    std::string rho;
    switch (sh.qualityScaling) {
    case QualityScaling::None: {
        rho = w.input("§8", QStringLiteral("max_share"), Unit::Rate, sh.maxShare);
        break;
    }
    case QualityScaling::Multiply: {
        const std::string maxS = w.input("§8", QStringLiteral("max_share"), Unit::Rate, sh.maxShare);
        rho = maxS + "*" + qScaling + "/100";
        break;
    }
    case QualityScaling::Tiers: {
        std::vector<SharingTier> tiers = sh.tiers;
        std::sort(tiers.begin(), tiers.end(),
                  [](const SharingTier& a, const SharingTier& b) { return a.minScore < b.minScore; });
        std::vector<std::pair<std::string, std::string>> refs;
        for (const SharingTier& t : tiers) {
            const std::string ms = w.input("§8", QStringLiteral("tier: min_score"), Unit::Score, t.minScore);
            const std::string s = w.input("§8", QStringLiteral("tier: share"), Unit::Rate, t.share);
            refs.emplace_back(ms, s);
        }
        std::string f = "0";
        for (const auto& [ms, s] : refs) // the highest tier at or below Q
            f = "IF(" + qScaling + ">=" + ms + "," + s + "," + f + ")";
        // Built inside out from the lowest tier, so the outermost test is the highest tier.
        rho = f;
        break;
    }
    case QualityScaling::Linear: {
        const std::string minS = w.input("§8", QStringLiteral("min_share"), Unit::Rate, sh.minShare);
        const std::string maxS = w.input("§8", QStringLiteral("max_share"), Unit::Rate, sh.maxShare);
        const std::string lo = w.input("§8", QStringLiteral("quality_low"), Unit::Score, sh.qualityLow);
        const std::string hi = w.input("§8", QStringLiteral("quality_high"), Unit::Score, sh.qualityHigh);
        rho = minS + "+(" + maxS + "-" + minS + ")*" +
              clamp01("(" + qScaling + "-" + lo + ")/(" + hi + "-" + lo + ")");
        break;
    }
    }
    const std::string zeroOnFail =
        w.input("§8", QStringLiteral("rate_on_failed_gate zero (1 yes, 0 scaled)"), Unit::Flag,
                sh.rateOnFailedGate == FailedGateRate::Zero ? 1.0 : 0.0);
    const std::string rhoRef =
        w.calc("§8", QStringLiteral("sharing rate ρ"), Unit::Rate,
               "IF(" + qScaling + "=\"\",0,IF(AND(" + zeroOnFail + "=1," + eligible + "=0),0," + rho + "))",
               plan.shareRate);

    const std::string firstDollar =
        w.input("§8", QStringLiteral("first_dollar (1 yes, 0 no)"), Unit::Flag, sh.firstDollar ? 1.0 : 0.0);
    const std::string reduction =
        w.input("§8", QStringLiteral("payment_reduction"), Unit::Rate, sh.paymentReduction);
    const std::string cap =
        w.input("§8", QStringLiteral("savings cap (fraction of E; empty: none)"), Unit::Rate, sh.cap);
    const SharingResult& pay = plan.payment;
    const bool savingsSide = pay.side == PaymentSide::Savings;
    const bool lossSide = pay.side == PaymentSide::Losses;
    const std::string basis =
        w.calc("§8", QStringLiteral("savings basis: G, or G − MSR·E when not first dollar"), Unit::Money,
               "IF(" + firstDollar + "=1," + gRef + "," + gRef + "-" + msrRef + "*" + eRef + ")",
               savingsSide ? std::optional<double>(pay.basis) : std::nullopt,
               savingsSide ? QString() : QStringLiteral("the savings side does not apply"));
    const std::string beforeCap = w.calc("§8", QStringLiteral("basis · ρ · (1 − payment_reduction)"),
                                         Unit::Money, basis + "*" + rhoRef + "*(1-" + reduction + ")",
                                         savingsSide ? std::optional<double>(pay.beforeCap) : std::nullopt);
    const std::string savingsPay =
        w.calc("§8", QStringLiteral("savings payment, capped at cap · E"), Unit::Money,
               "IF(" + cap + "=\"\"," + beforeCap + ",MIN(" + beforeCap + "," + cap + "*" + eRef + "))",
               savingsSide ? std::optional<double>(pay.payment) : std::nullopt);

    const LossSpec& ls = scenario.losses;
    const std::string lossesOn =
        w.input("§8", QStringLiteral("losses enabled (1 yes, 0 no)"), Unit::Flag, ls.enabled ? 1.0 : 0.0);
    std::string owed = "0";
    if (ls.enabled) {
        std::string lambda;
        if (ls.rateMethod == LossRateMethod::Fixed) {
            lambda = w.input("§8", QStringLiteral("loss rate λ (fixed)"), Unit::Rate, ls.rate);
        } else {
            const std::string lo = w.input("§8", QStringLiteral("losses rate_min"), Unit::Rate, ls.rateMin);
            const std::string hi = w.input("§8", QStringLiteral("losses rate_max"), Unit::Rate, ls.rateMax);
            lambda = w.calc("§8", QStringLiteral("loss rate λ = clamp(1 − ρ, rate_min, rate_max)"),
                            Unit::Rate, "MIN(MAX(1-" + rhoRef + "," + lo + ")," + hi + ")",
                            lossSide ? std::optional<double>(pay.rate) : std::nullopt);
        }
        const std::string lossCap =
            w.input("§8", QStringLiteral("loss cap (fraction of E; empty: none)"), Unit::Rate, ls.cap);
        const std::string lb = w.calc(
            "§8", QStringLiteral("loss basis: |G|, or |G| − MLR·E when not first dollar"), Unit::Money,
            "IF(" + firstDollar + "=1,ABS(" + gRef + "),ABS(" + gRef + ")-" + mlrRef + "*" + eRef + ")",
            lossSide ? std::optional<double>(pay.basis) : std::nullopt,
            lossSide ? QString() : QStringLiteral("the loss side does not apply"));
        owed = w.calc("§8", QStringLiteral("loss owed, capped at loss cap · E"), Unit::Money,
                      "IF(" + lossCap + "=\"\"," + lb + "*" + lambda + ",MIN(" + lb + "*" + lambda + "," +
                          lossCap + "*" + eRef + "))",
                      lossSide ? std::optional<double>(-pay.payment) : std::nullopt);
    }
    const std::string pRef = w.calc(
        "§8", QStringLiteral("plan payment P (savings when G > 0, S ≥ MSR, eligible; losses when S ≤ −MLR)"),
        Unit::Money,
        "IF(" + sRef + "=\"\",0,IF(AND(" + gRef + ">0," + sRef + ">=" + msrRef + "," + eligible + "=1)," +
            savingsPay + ",IF(AND(" + gRef + "<=0," + lossesOn + "=1," + sRef + "<=-" + mlrRef + "),-" +
            owed + ",0)))",
        pay.payment);

    // ---- §9 program net and split ---------------------------------------------------------------
    const std::string capitation =
        w.input("§9", QStringLiteral("payment model capitation (1) or ffs (0)"), Unit::Flag,
                scenario.paymentModel == PaymentModel::Capitation ? 1.0 : 0.0);
    const std::string transfers = w.calc(
        "§9", QStringLiteral("the settlement transfers (ffs, or G ≥ 0, or losses enabled)"), Unit::Flag,
        "IF(OR(" + capitation + "=0," + gRef + ">=0," + lossesOn + "=1),1,0)", plan.transfers ? 1.0 : 0.0);
    const std::string netRef =
        w.calc("§9", QStringLiteral("program net G − P (0 when nothing transfers)"), Unit::Money,
               "IF(" + transfers + "=1," + gRef + "-" + pRef + ",0)", plan.programNet);
    std::vector<std::string> fed, state;
    for (std::size_t ci = 0; ci < plan.cells.size(); ++ci) {
        const CellResult& cell = plan.cells[ci];
        const SplitCell& split = plan.split.cells[ci];
        const QString cellName = q(*cell.region) + QStringLiteral(" / ") + q(*cell.rateCell);
        const std::string fmap = w.input("§9", cellName + QStringLiteral(": FMAP"), Unit::Rate,
                                         scenario.fmap.forRateCell(*cell.rateCell));
        const std::string share = expectedCellRef[ci] + "/" + eRef;
        const std::string net =
            w.calc("§9", cellName + QStringLiteral(": net_cell"), Unit::Money,
                   "IF(" + transfers + "=1," +
                       (plan.resourceUseBasis ? "(" + gRef + "-" + pRef + ")*" + share
                                              : "(" + expectedCellRef[ci] + "-" + actualCellRef[ci] + ")-" +
                                                    pRef + "*" + share) +
                       ",0)",
                   split.net);
        fed.push_back(fmap + "*" + net);
        state.push_back("(1-" + fmap + ")*" + net);
    }
    const std::string fedRef = w.calc("§9", QStringLiteral("federal share Σ FMAP · net_cell"), Unit::Money,
                                      sumOf(fed), plan.split.federal);
    const std::string stateRef = w.calc("§9", QStringLiteral("state share Σ (1 − FMAP) · net_cell"),
                                        Unit::Money, sumOf(state), plan.split.state);

    // ---- §9a as reported ------------------------------------------------------------------------
    w.heading(QStringLiteral("As reported (§9a: money to cents, half away from zero)"));
    const std::pair<const char*, std::pair<std::string, double>> reported[] = {
        {"expected", {eRef, plan.expected}},           {"actual", {aRef, plan.actual}},
        {"gross_savings", {gRef, plan.grossSavings}},  {"plan_payment", {pRef, pay.payment}},
        {"program_net", {netRef, plan.programNet}},    {"federal_share", {fedRef, plan.split.federal}},
        {"state_share", {stateRef, plan.split.state}},
    };
    for (const auto& [name, value] : reported)
        w.calc("§9a", QString::fromUtf8(name), Unit::Money, "ROUND(" + value.first + ",2)",
               roundTo(value.second, 2));
}

} // namespace sharecast::io
