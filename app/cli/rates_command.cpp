//! `sharecast rates --regional`: each county's rate moved toward its rating region's mean
//! (docs/methodology.md "Regional rates").

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/regional_rates.h"
#include "io/csv/regional_rates_csv.h"
#include "io/project/project_store.h"
#include "io/scenario/scenario_source.h"

#include <memory>

namespace sharecast::cli {

namespace {

void rates(const Arguments& a, CommandResult& result)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    if (!a.has(QStringLiteral("regional")))
        throw InputError("rates needs --regional (the regional rates of the scenario's regional_rates)");
    if (a.value(QStringLiteral("experience")).isEmpty() == projectPath.isEmpty() ||
        a.value(QStringLiteral("scenario")).isEmpty() || a.value(QStringLiteral("out")).isEmpty())
        throw InputError("rates --regional needs --scenario, --out and either --experience or --project");
    if (a.has(QStringLiteral("project")) && a.has(QStringLiteral("quality")))
        throw InputError("--quality goes with --experience; a project brings its own quality data");
    const QString out = a.value(QStringLiteral("out"));
    checkOutputPath(out);
    std::optional<Year> year;
    if (const std::optional<long long> y = a.integer(QStringLiteral("year"), QStringLiteral("a year")))
        year = static_cast<Year>(*y);

    const std::unique_ptr<io::ProjectStore> store =
        projectPath.isEmpty() ? nullptr : io::ProjectStore::openForReading(projectPath);
    const io::ScenarioSource resolved = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get());
    if (!resolved.scenario.regionalRates)
        throw InputError(QStringLiteral("%1: the scenario configures no regional rates (add a regional_rates "
                                        "object, see docs/methodology.md)")
                             .arg(a.value(QStringLiteral("scenario")))
                             .toStdString());
    const Inputs inputs = loadInputs(store.get(), a);
    const ExperienceIndex index(inputs.experience);
    const RegionalRates regional = regionalRatesFor(index, inputs.qualityOrNull(), resolved.scenario, year);
    result.err += warningsText(regional.warnings);
    writeOutput(out, io::regionalRatesCsv(regional));
}

} // namespace

Command ratesCommand()
{
    return {
        QStringLiteral("rates"),
        QStringLiteral("Regional rates: each county's rate moved toward its region's mean"),
        QStringLiteral(
            "Usage: sharecast rates --regional --experience E.csv [--quality Q.csv]\n"
            "                      --scenario S.json|preset:NAME [--year Y] --out F.csv\n"
            "       sharecast rates --regional --project P.sharecast --scenario ... (the project's data)\n\n"
            "Takes the rates the projection pays (methodology §10-§11: the non-rebased gross rate, or\n"
            "the rebased one for a plan failing a blocking gate) per plan, county (the experience's\n"
            "region), rate cell and rate year, and regionalises them by the scenario's regional_rates:\n"
            "the regional mean R is the member-month-weighted mean of the region's rates for that\n"
            "cell and year; new = ((1 - blend) * old + blend * R) * adjustment, scaled when\n"
            "budget_neutral so that the region's capitation dollars do not move. Writes one row per\n"
            "plan, county, rate cell and year: old, regional and new PMPM, change PMPM and dollars.\n"
            "--year keeps one rate year of the projection. Exit 0 on success, 2 on bad input (nothing\n"
            "is written, also when the scenario has no regional_rates), 1 when the output cannot be\n"
            "written."),
        {{{QStringLiteral("regional"), 0},
          {QStringLiteral("project")},
          {QStringLiteral("experience")},
          {QStringLiteral("quality")},
          {QStringLiteral("scenario")},
          {QStringLiteral("year")},
          {QStringLiteral("out")}}},
        Needs::Core,
        rates};
}

} // namespace sharecast::cli
