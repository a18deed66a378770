#pragma once
//! The report's section "How much of this is chance" (methodology §13): the Monte Carlo the
//! report runs, the paragraphs written from its figures (never by hand), the per-plan table and
//! the data of its two charts, with the public version's suppression applied.

#include "engine/experience.h"
#include "engine/scenario.h"
#include "engine/settlement.h"
#include "engine/validity.h"
#include "io/report/report_csv.h"
#include "ui/report/report_charts.h"
#include "ui/report/report_layout.h"

#include <QString>

#include <vector>

namespace sharecast::ui::report {

//! The closed forms of a settlement's validity completed by the §13 Monte Carlo, run here and
//! now with the scenario's uncertainty.draws and .seed, keeping each draw's statewide sums.
Validity withMonteCarlo(Validity closedForms, const Settlement& settlement, const Scenario& scenario);

//! What the section reads: the validity (with its Monte Carlo) of the settlement of `scenario`.
struct ChanceInputs {
    const Validity& validity;
    const Settlement& settlement;
    const Scenario& scenario;
    const ExperienceData& experience; //!< plan names
    const io::ReportCsvOptions& csv;  //!< public mode: the plans suppressed
};

//! The confidence level of the intervals, 1 − α: "90 %".
QString confidenceLevel(const Validity& validity);

//! The lead paragraph: how often the largest and the smallest plan shown would clear the MSR by
//! chance, how many plans are within chance of it, and the statewide payment by chance and
//! around the result against the payment made.
QString chanceSummary(const ChanceInputs& in);

//! Where c came from (member data, the scenario or msr.cv) and the Monte Carlo's draws and seed.
QString chanceMethod(const ChanceInputs& in);

//! One row per plan (suppressed plans starred) and the statewide row of the Monte Carlo.
Table chanceTable(const ChanceInputs& in, const QString& caption);

//! The plans of the interval chart, suppressed plans not shown.
std::vector<ChanceInterval> chanceIntervals(const ChanceInputs& in);

} // namespace sharecast::ui::report
