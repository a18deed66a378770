//! `sharecast validity`: how much of a settlement is chance (methodology §13).

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/explain.h"
#include "engine/settlement.h"
#include "engine/validity.h"
#include "io/csv/validity_csv.h"
#include "io/project/member_moments.h"
#include "io/project/project_store.h"
#include "io/scenario/scenario_source.h"

#include <algorithm>
#include <memory>

namespace sharecast::cli {

namespace {

void validity(const Arguments& a, CommandResult& result)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    const QString explain = a.value(QStringLiteral("explain"));
    if (a.value(QStringLiteral("experience")).isEmpty() == projectPath.isEmpty() ||
        a.value(QStringLiteral("scenario")).isEmpty() ||
        (a.value(QStringLiteral("out")).isEmpty() && explain.isEmpty()))
        throw InputError(
            "validity needs --scenario, --out (or --explain PLAN_ID) and either --experience or --project");
    if (a.has(QStringLiteral("project")) && a.has(QStringLiteral("quality")))
        throw InputError("--quality goes with --experience; a project brings its own quality data");
    if (a.has(QStringLiteral("out")))
        checkOutputPath(a.value(QStringLiteral("out")));
    if (a.has(QStringLiteral("projection-out")))
        checkOutputPath(a.value(QStringLiteral("projection-out")));

    const std::unique_ptr<io::ProjectStore> store =
        projectPath.isEmpty() ? nullptr : io::ProjectStore::openForReading(projectPath);
    Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get()).scenario;
    // --draws and --seed override the scenario's (§13), within the same ranges.
    if (const std::optional<long long> k =
            a.integer(QStringLiteral("draws"), QStringLiteral("a number of draws"))) {
        if (*k < 1 || *k > UncertaintySpec::kMaxDraws)
            throw UsageError(QStringLiteral("--draws '%1' must be from 1 to %2")
                                 .arg(a.value(QStringLiteral("draws")))
                                 .arg(UncertaintySpec::kMaxDraws));
        scenario.uncertainty.draws = static_cast<int>(*k);
    }
    if (const std::optional<unsigned long long> seed = a.unsignedInteger(QStringLiteral("seed"))) {
        if (*seed > (1ULL << 53))
            throw UsageError(QStringLiteral("--seed '%1' must be from 0 to 2^53 (9007199254740992)")
                                 .arg(a.value(QStringLiteral("seed"))));
        scenario.uncertainty.seed = *seed;
    }

    const Inputs inputs = loadInputs(store.get(), a);
    const ExperienceIndex index(inputs.experience);
    const Settlement settlement =
        sharecast::settle(index, inputs.qualityOrNull(), scenario, settlementOptions(a, false));
    result.err += warningsText(settlement.warnings);

    // Member-level moments (for c) are read only here: the other commands have no use for them.
    const std::optional<MemberMoments> moments = store ? io::activeMemberMoments(*store) : std::nullopt;
    MonteCarloOptions mc;
    mc.draws = scenario.uncertainty.draws;
    mc.seed = scenario.uncertainty.seed;
    const Validity v = assessValidity(settlement, index, scenario, moments ? &*moments : nullptr, mc);
    if (!explain.isEmpty()) {
        const auto plan = std::find_if(v.plans.begin(), v.plans.end(), [&](const PlanValidity& p) {
            return p.planId == explain.toStdString();
        });
        if (plan == v.plans.end())
            throw InputError(
                QStringLiteral("no settled plan '%1' in %2")
                    .arg(explain, projectPath.isEmpty() ? a.value(QStringLiteral("experience")) : projectPath)
                    .toStdString());
        result.out += QString::fromStdString(explainValidity(v, *plan));
    }
    QByteArray fan;
    if (a.has(QStringLiteral("projection-out")))
        fan = io::projectionFanCsv(projectionFan(index, inputs.qualityOrNull(), scenario, mc));
    if (a.has(QStringLiteral("out")))
        writeOutput(a.value(QStringLiteral("out")), io::validityCsv(v));
    if (a.has(QStringLiteral("projection-out")))
        writeOutput(a.value(QStringLiteral("projection-out")), fan);
}

} // namespace

Command validityCommand()
{
    return {
        QStringLiteral("validity"),
        QStringLiteral("How much of a settlement is chance: confidence, false rewards, Monte Carlo"),
        QStringLiteral(
            "Usage: sharecast validity --experience E.csv [--quality Q.csv] --scenario S.json|preset:NAME\n"
            "                         [--year Y] [--draws K] [--seed N] --out V.csv\n"
            "                         [--projection-out F.csv] [--explain PLAN_ID]\n"
            "       sharecast validity --project P.sharecast --scenario ... (the project's data)\n\n"
            "Writes one row per settled plan then ALL (methodology §13): members, the coefficient of\n"
            "variation c, the standard error sigma of the savings rate, MSR and MLR, the confidence\n"
            "interval, the probabilities of a reward or penalty by chance, power, the members needed,\n"
            "and the Monte Carlo of the payment by chance and around the result. --draws and --seed\n"
            "override the scenario's uncertainty.draws and .seed; the same seed gives the same output\n"
            "on any machine and number of threads. --projection-out writes the projection fan\n"
            "(p05, p50, p95 per year and metric) under a common annual utilization shock. --explain\n"
            "prints how one plan's figures come about: c and its source, sigma and its parts.\n"
            "Exit 0 on success, 2 on bad input (nothing is written), 1 when an output cannot be written."),
        {{{QStringLiteral("project")},
          {QStringLiteral("experience")},
          {QStringLiteral("quality")},
          {QStringLiteral("scenario")},
          {QStringLiteral("year")},
          {QStringLiteral("draws")},
          {QStringLiteral("seed")},
          {QStringLiteral("out")},
          {QStringLiteral("projection-out")},
          {QStringLiteral("explain")}}},
        Needs::Core,
        validity};
}

} // namespace sharecast::cli
