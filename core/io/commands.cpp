#include "io/commands.h"

#include "engine/error.h"
#include "engine/explain.h"
#include "engine/experience_index.h"
#include "engine/settlement.h"
#include "io/csv_writer.h"
#include "io/experience_csv.h"
#include "io/presets.h"
#include "io/quality_csv.h"
#include "io/scenario_json.h"
#include "io/settlement_csv.h"
#include "io/totals_csv.h"

#include <QDir>
#include <QFileInfo>

namespace sharecast::io {

namespace {

CommandResult badInput(const QString& message)
{
    return CommandResult{2, {}, QStringLiteral("sharecast: %1\n").arg(message)};
}

QString warningsText(const std::vector<std::string>& warnings)
{
    QString text;
    for (const std::string& w : warnings)
        text += QStringLiteral("warning: %1\n").arg(QString::fromStdString(w));
    return text;
}

//! Checks before any work that the output can be written to (its folder exists).
QString checkOutputPath(const QString& path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QStringLiteral("%1: the folder does not exist").arg(path);
    if (info.isDir())
        return QStringLiteral("%1: is a folder, not a file").arg(path);
    return {};
}

}  // namespace

CommandResult runSettle(const SettleRequest& req)
{
    if (req.experiencePath.isEmpty() || req.scenario.isEmpty())
        return badInput(QStringLiteral("settle needs --experience and --scenario"));
    if (req.outPath.isEmpty() && req.explainPlan.isEmpty())
        return badInput(QStringLiteral("settle needs --out (or --explain PLAN_ID)"));
    if (!req.outPath.isEmpty())
        if (const QString problem = checkOutputPath(req.outPath); !problem.isEmpty())
            return badInput(problem);
    try {
        const Scenario scenario = loadScenarioArgument(req.scenario);
        const ExperienceData experience = readExperienceFile(req.experiencePath);
        QualityData quality;
        const bool hasQuality = !req.qualityPath.isEmpty();
        if (hasQuality)
            quality = readQualityFile(req.qualityPath);

        const ExperienceIndex index(experience);
        SettlementOptions options;
        options.year = req.year;
        options.trace = !req.explainPlan.isEmpty();
        const Settlement settlement = settle(index, hasQuality ? &quality : nullptr, scenario, options);

        CommandResult result;
        result.err = warningsText(settlement.warnings);
        if (!req.explainPlan.isEmpty()) {
            const PlanSettlement* plan = findPlan(settlement, req.explainPlan.toStdString());
            if (!plan)
                return badInput(QStringLiteral("no settled plan '%1' in %2").arg(req.explainPlan, req.experiencePath));
            result.out = QString::fromStdString(explainPlan(settlement, *plan, scenario));
        }
        if (!req.outPath.isEmpty())
            if (const QString problem = writeFileAtomically(req.outPath, settlementCsv(settlement)); !problem.isEmpty())
                return CommandResult{1, result.out, result.err + QStringLiteral("sharecast: %1\n").arg(problem)};
        return result;
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
}

CommandResult runSettleTotals(const SettleTotalsRequest& req)
{
    if (req.inputPath.isEmpty() || req.scenario.isEmpty() || req.outPath.isEmpty())
        return badInput(QStringLiteral("settle-totals needs --input, --scenario and --out"));
    if (const QString problem = checkOutputPath(req.outPath); !problem.isEmpty())
        return badInput(problem);
    try {
        const Scenario scenario = loadScenarioArgument(req.scenario);
        const TotalsData totals = readTotalsFile(req.inputPath);
        const TotalsSettlement settlement = settleTotals(totals, scenario);
        CommandResult result;
        result.err = warningsText(settlement.warnings);
        if (const QString problem = writeFileAtomically(req.outPath, totalsSettlementCsv(settlement)); !problem.isEmpty())
            return CommandResult{1, {}, result.err + QStringLiteral("sharecast: %1\n").arg(problem)};
        return result;
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
}

CommandResult runListPresets()
{
    CommandResult result;
    for (const QString& name : presetNames()) {
        QString title;
        try {
            title = QString::fromStdString(loadPreset(name).name);
        } catch (const InputError& e) {
            title = QStringLiteral("(invalid: %1)").arg(QString::fromStdString(e.what()));
        }
        result.out += QStringLiteral("%1  %2\n").arg(name, -22).arg(title);
    }
    return result;
}

}  // namespace sharecast::io
