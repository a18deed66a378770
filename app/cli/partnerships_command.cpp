//! `sharecast partnerships`: the MCP–CBO partnership ledger of a settled year (docs/methodology.md,
//! "Partnerships") as CSV, and optionally its funding flows.

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/funding_flows.h"
#include "engine/partnership_ledger.h"
#include "engine/settlement.h"
#include "io/csv/partnerships_ledger_csv.h"
#include "io/project/project_store.h"
#include "io/scenario/scenario_source.h"

#include <memory>

namespace sharecast::cli {

namespace {

void partnerships(const Arguments& a, CommandResult& result)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    if (a.value(QStringLiteral("experience")).isEmpty() == projectPath.isEmpty() ||
        a.value(QStringLiteral("scenario")).isEmpty() || a.value(QStringLiteral("out")).isEmpty())
        throw InputError("partnerships needs --scenario, --out and either --project or --experience with "
                         "--partnerships");
    if (!projectPath.isEmpty() && a.has(QStringLiteral("quality")))
        throw InputError("--quality goes with --experience; a project brings its own quality data");
    if (projectPath.isEmpty() && !a.has(QStringLiteral("partnerships")))
        throw InputError("partnerships with --experience needs --partnerships C.csv");
    const QString out = a.value(QStringLiteral("out"));
    checkOutputPath(out);
    const QString flowsPath = a.value(QStringLiteral("flows"));
    if (!flowsPath.isEmpty())
        checkOutputPath(flowsPath);

    const std::unique_ptr<io::ProjectStore> store =
        projectPath.isEmpty() ? nullptr : io::ProjectStore::openForReading(projectPath);
    const Scenario scenario = io::resolveScenario(a.value(QStringLiteral("scenario")), store.get()).scenario;
    Inputs inputs = loadInputs(store.get(), a);
    loadPartnerships(inputs, store.get(), a);
    if (!inputs.hasPartnerships)
        throw InputError(projectPath.toStdString() +
                         ": the project has no partnerships data (sharecast import --partnerships)");
    const ExperienceIndex index(inputs.experience);
    const Settlement settlement =
        settle(index, inputs.qualityOrNull(), scenario, settlementOptions(a, false));
    const PartnershipLedger ledger = partnershipLedger(inputs.partnerships, settlement, scenario);

    result.err += warningsText(settlement.warnings);
    result.err += warningsText(ledger.warnings);
    const QByteArray ledgerBytes = io::partnershipLedgerCsv(ledger);
    QByteArray flowBytes;
    if (!flowsPath.isEmpty())
        flowBytes = io::fundingFlowsCsv(fundingFlows(ledger), ledger.year);
    writeOutput(out, ledgerBytes);
    if (!flowsPath.isEmpty())
        writeOutput(flowsPath, flowBytes);
}

} // namespace

Command partnershipsCommand()
{
    return {QStringLiteral("partnerships"),
            QStringLiteral("The MCP-CBO partnership ledger of a settled year: the three wins"),
            QStringLiteral(
                "Usage: sharecast partnerships --experience E.csv [--quality Q.csv] --partnerships C.csv\n"
                "                             --scenario S.json|preset:NAME [--year Y] --out L.csv\n"
                "                             [--flows F.csv]\n"
                "       sharecast partnerships --project P.sharecast --scenario ... (the project's data)\n\n"
                "Settles the year (--year, else the scenario's performance_year) and writes one row per\n"
                "contract (plan x partner x service), partner, plan and the state: the partner's revenue by\n"
                "source, its sustainability without grants, the value to the plan after the settlement,\n"
                "member outcomes and the federal and state funds (docs/methodology.md, Partnerships).\n"
                "--flows writes the funding flows (funders -> streams -> plans -> partners).\n"
                "Exit 0 on success, 2 on bad input (nothing is written)."),
            {{{QStringLiteral("project")},
              {QStringLiteral("experience")},
              {QStringLiteral("quality")},
              {QStringLiteral("partnerships")},
              {QStringLiteral("scenario")},
              {QStringLiteral("year")},
              {QStringLiteral("out")},
              {QStringLiteral("flows")}}},
            Needs::Core,
            partnerships};
}

} // namespace sharecast::cli
