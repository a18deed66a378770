//! `sharecast settle`, `project` and `settle-totals`: run the engine on files or a project and
//! write its CSV (methodology §9a, §11, §1.4).

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/explain.h"
#include "engine/program_years.h"
#include "engine/projection.h"
#include "engine/settlement.h"
#include "io/csv/program_years_csv.h"
#include "io/csv/projection_csv.h"
#include "io/csv/settlement_csv.h"
#include "io/csv/totals_csv.h"
#include "io/json/scenario_json.h"
#include "io/project/project_store.h"
#include "io/scenario/scenario_source.h"

#include <memory>

namespace sharecast::cli {

namespace {

//! The project named by --project, opened once for reading; null when the data come from files.
std::unique_ptr<io::ProjectStore> projectArgument(const Arguments& a)
{
    const QString path = a.value(QStringLiteral("project"));
    return path.isEmpty() ? nullptr : io::ProjectStore::openForReading(path);
}

//! The checks settle and project share: one source of data, a scenario, an output.
void checkDataArguments(const QString& command, const Arguments& a, const QString& explainForm)
{
    if (a.value(QStringLiteral("experience")).isEmpty() == a.value(QStringLiteral("project")).isEmpty() ||
        a.value(QStringLiteral("scenario")).isEmpty())
        throw InputError(command.toStdString() + " needs --scenario and either --experience or --project");
    if (a.has(QStringLiteral("project")) && a.has(QStringLiteral("quality")))
        throw InputError("--quality goes with --experience; a project brings its own quality data");
    if (!a.has(QStringLiteral("out")) && !a.has(QStringLiteral("explain")))
        throw InputError(command.toStdString() + " needs --out (or --explain " + explainForm.toStdString() +
                         ")");
    if (a.has(QStringLiteral("out")))
        checkOutputPath(a.value(QStringLiteral("out")));
}

//! `settle --years`: each program year settled with its scenario (by_year merged), one CSV.
void settleProgramYears(const Arguments& a, CommandResult& result)
{
    if (a.has(QStringLiteral("year")))
        throw UsageError(QStringLiteral("--years and --year cannot both be given"));
    if (a.has(QStringLiteral("explain")))
        throw UsageError(QStringLiteral("--explain goes with --year (one year's trace), not with --years"));
    if (!a.has(QStringLiteral("out")))
        throw InputError("settle --years needs --out");
    checkDataArguments(QStringLiteral("settle"), a, QStringLiteral("PLAN_ID"));
    const std::vector<Year> years =
        parseProgramYears(a.value(QStringLiteral("years")), QStringLiteral("--years"));
    const std::unique_ptr<io::ProjectStore> store = projectArgument(a);
    const Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get()).scenario;
    const std::vector<Scenario> scenarios = io::scenariosForYears(scenario, years);
    const Inputs inputs = loadInputs(store.get(), a);
    const ExperienceIndex index(inputs.experience);
    const ProgramSettlement program = settleProgram(index, inputs.qualityOrNull(), scenarios);
    result.err += warningsText(program.warnings);
    writeOutput(a.value(QStringLiteral("out")), io::programSettlementCsv(program, scenarios));
}

void settle(const Arguments& a, CommandResult& result)
{
    if (a.has(QStringLiteral("years")))
        return settleProgramYears(a, result);
    checkDataArguments(QStringLiteral("settle"), a, QStringLiteral("PLAN_ID"));
    const QString projectPath = a.value(QStringLiteral("project"));
    const QString explain = a.value(QStringLiteral("explain"));
    const std::unique_ptr<io::ProjectStore> store = projectArgument(a);
    const Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get()).scenario;
    const Inputs inputs = loadInputs(store.get(), a);
    const ExperienceIndex index(inputs.experience);
    const Settlement settlement =
        sharecast::settle(index, inputs.qualityOrNull(), scenario, settlementOptions(a, !explain.isEmpty()));

    result.err += warningsText(settlement.warnings);
    if (!explain.isEmpty()) {
        const PlanSettlement* plan = findPlan(settlement, explain.toStdString());
        if (!plan)
            throw InputError(
                QStringLiteral("no settled plan '%1' in %2")
                    .arg(explain, projectPath.isEmpty() ? a.value(QStringLiteral("experience")) : projectPath)
                    .toStdString());
        result.out += QString::fromStdString(explainPlan(settlement, *plan, scenario));
    }
    if (a.has(QStringLiteral("out")))
        writeOutput(a.value(QStringLiteral("out")), io::settlementCsv(settlement, scenario));
}

void projectYears(const Arguments& a, CommandResult& result)
{
    checkDataArguments(QStringLiteral("project"), a, QStringLiteral("PLAN_ID YEAR"));
    const QStringList explain = a.values(QStringLiteral("explain"));
    int explainYear = 0;
    if (!explain.isEmpty()) {
        bool ok = false;
        explainYear = explain[1].toInt(&ok);
        if (!ok)
            throw UsageError(QStringLiteral("--explain year '%1' is not a year").arg(explain[1]));
    }
    const std::unique_ptr<io::ProjectStore> store = projectArgument(a);
    const Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get()).scenario;
    const Inputs inputs =
        loadInputs(store.get(), a.value(QStringLiteral("experience")), a.value(QStringLiteral("quality")));
    const ExperienceIndex index(inputs.experience);
    ProjectionOptions options;
    options.trace = !explain.isEmpty();
    const Projection projection = project(index, inputs.qualityOrNull(), scenario, options);

    result.err += warningsText(projection.warnings);
    if (!explain.isEmpty()) {
        const std::string text =
            explainProjection(projection, explain[0].toStdString(), explainYear, scenario);
        if (text.empty())
            throw InputError(QStringLiteral("no projection for plan '%1' in %2 (years %3–%4)")
                                 .arg(explain[0])
                                 .arg(explainYear)
                                 .arg(projection.startYear + 1)
                                 .arg(projection.startYear + projection.horizon)
                                 .toStdString());
        result.out += QString::fromStdString(text);
    }
    if (a.has(QStringLiteral("out")))
        writeOutput(a.value(QStringLiteral("out")), io::projectionCsv(projection));
}

void settleTotals(const Arguments& a, CommandResult& result)
{
    const QString out = a.value(QStringLiteral("out"));
    if (a.value(QStringLiteral("input")).isEmpty() || a.value(QStringLiteral("scenario")).isEmpty() ||
        out.isEmpty())
        throw InputError("settle-totals needs --input, --scenario and --out");
    checkOutputPath(out);
    const Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario"))).scenario;
    const TotalsData totals = io::readTotalsFile(a.value(QStringLiteral("input")));
    const TotalsSettlement settlement = sharecast::settleTotals(totals, scenario);
    result.err += warningsText(settlement.warnings);
    writeOutput(out, io::totalsSettlementCsv(settlement));
}

} // namespace

Command settleCommand()
{
    return {QStringLiteral("settle"),
            QStringLiteral("Settle a performance year from cell experience"),
            QStringLiteral(
                "Usage: sharecast settle --experience E.csv [--quality Q.csv] --scenario S.json|preset:NAME\n"
                "                       [--year Y] --out R.csv [--explain PLAN_ID]\n"
                "       sharecast settle ... --years 2022-2024|2023|2022,2024 --out R.csv\n"
                "       sharecast settle --project P.sharecast --scenario ... (the project's data)\n\n"
                "Writes one row per plan (methodology §2-§9); --explain prints that plan's trace.\n"
                "--years settles each program year with the scenario's by_year terms for it and\n"
                "writes a leading year column, one row per plan and year, then one 'cumulative'\n"
                "row per plan (docs/methodology.md, Program years).\n"
                "Exit 0 on success, 2 on bad input (nothing is written)."),
            {{{QStringLiteral("project")},
              {QStringLiteral("experience")},
              {QStringLiteral("quality")},
              {QStringLiteral("scenario")},
              {QStringLiteral("year")},
              {QStringLiteral("years")},
              {QStringLiteral("out")},
              {QStringLiteral("explain")}}},
            Needs::Core,
            settle};
}

Command projectCommand()
{
    return {
        QStringLiteral("project"),
        QStringLiteral("Project savings, payments and rates over the coming years"),
        QStringLiteral(
            "Usage: sharecast project --experience E.csv [--quality Q.csv] --scenario S.json|preset:NAME\n"
            "                        --out P.csv [--explain PLAN_ID YEAR]\n"
            "       sharecast project --project P.sharecast --scenario ... (the project's data)\n\n"
            "Writes one row per plan and year plus ALL rows (methodology §10-§11): counterfactual and\n"
            "projected cost, savings, plan payment, rebased and non-rebased rates and their impact,\n"
            "margins and the state's cost. --explain prints how one plan's year was built."),
        {{{QStringLiteral("project")},
          {QStringLiteral("experience")},
          {QStringLiteral("quality")},
          {QStringLiteral("scenario")},
          {QStringLiteral("out")},
          {QStringLiteral("explain"), 2}}},
        Needs::Core,
        projectYears};
}

Command settleTotalsCommand()
{
    return {QStringLiteral("settle-totals"),
            QStringLiteral("Settle entities from benchmark and actual totals"),
            QStringLiteral(
                "Usage: sharecast settle-totals --input T.csv --scenario S.json|preset:NAME --out R.csv\n\n"
                "Writes one row per entity (methodology §1.4). Exit 0 on success, 2 on bad input."),
            {{{QStringLiteral("input")}, {QStringLiteral("scenario")}, {QStringLiteral("out")}}},
            Needs::Core,
            settleTotals};
}

} // namespace sharecast::cli
