#include "cli/commands.h"

#include "engine/error.h"
#include "engine/explain.h"
#include "engine/experience_index.h"
#include "engine/projection.h"
#include "engine/settlement.h"
#include "io/csv/csv_writer.h"
#include "io/csv/experience_csv.h"
#include "io/csv/experience_export.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "sample/sample_generator.h"
#include "io/scenario/scenario_file.h"
#include "io/project/scenario_store.h"
#include "io/scenario/presets.h"
#include "io/csv/projection_csv.h"
#include "io/csv/quality_csv.h"
#include "io/json/scenario_json.h"
#include "io/csv/settlement_csv.h"
#include "io/csv/totals_csv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

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

//! The scenario an argument names: a scenario of the project (when one is open and has that
//! name), a scenario file (.sharecast-scenario), a JSON file, or preset:NAME.
Scenario scenarioFor(const QString& projectPath, const QString& argument)
{
    if (!projectPath.isEmpty()) {
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(projectPath);
        ScenarioStore scenarios(*store);
        if (const std::optional<ScenarioInfo> info = scenarios.find(argument))
            return scenarios.load(info->id);
    }
    if (argument.endsWith(QStringLiteral(".sharecast-scenario")))
        return loadScenarioFile(argument);
    return loadScenarioArgument(argument);
}

//! Experience and quality from files or from a project's active datasets.
struct Inputs {
    ExperienceData experience;
    QualityData quality;
    bool hasQuality = false;
};

Inputs loadInputs(const QString& projectPath, const QString& experiencePath, const QString& qualityPath)
{
    Inputs in;
    if (!projectPath.isEmpty()) {
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(projectPath);
        const std::optional<DatasetInfo> active = store->activeDataset(DatasetKind::Experience);
        if (!active)
            throw InputError(projectPath.toStdString() + ": the project has no experience data");
        in.experience = store->loadExperience(active->id);
        if (const std::optional<DatasetInfo> q = store->activeDataset(DatasetKind::Quality)) {
            in.quality = store->loadQuality(q->id);
            in.hasQuality = true;
        }
    } else {
        in.experience = readExperienceFile(experiencePath);
        in.hasQuality = !qualityPath.isEmpty();
        if (in.hasQuality)
            in.quality = readQualityFile(qualityPath);
    }
    return in;
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
    if ((req.experiencePath.isEmpty() == req.projectPath.isEmpty()) || req.scenario.isEmpty())
        return badInput(QStringLiteral("settle needs --scenario and either --experience or --project"));
    if (!req.projectPath.isEmpty() && !req.qualityPath.isEmpty())
        return badInput(QStringLiteral("--quality goes with --experience; a project brings its own quality data"));
    if (req.outPath.isEmpty() && req.explainPlan.isEmpty())
        return badInput(QStringLiteral("settle needs --out (or --explain PLAN_ID)"));
    if (!req.outPath.isEmpty())
        if (const QString problem = checkOutputPath(req.outPath); !problem.isEmpty())
            return badInput(problem);
    try {
        const Scenario scenario = scenarioFor(req.projectPath, req.scenario);
        const Inputs inputs = loadInputs(req.projectPath, req.experiencePath, req.qualityPath);
        const ExperienceData& experience = inputs.experience;
        const bool hasQuality = inputs.hasQuality;
        const QualityData& quality = inputs.quality;
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
                return badInput(QStringLiteral("no settled plan '%1' in %2")
                                    .arg(req.explainPlan, req.projectPath.isEmpty() ? req.experiencePath : req.projectPath));
            result.out = QString::fromStdString(explainPlan(settlement, *plan, scenario));
        }
        if (!req.outPath.isEmpty())
            if (const QString problem = writeFileAtomically(req.outPath, settlementCsv(settlement, scenario)); !problem.isEmpty())
                return CommandResult{1, result.out, result.err + QStringLiteral("sharecast: %1\n").arg(problem)};
        return result;
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    } catch (const ProjectError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
}

CommandResult runProject(const ProjectRequest& req)
{
    if ((req.experiencePath.isEmpty() == req.projectPath.isEmpty()) || req.scenario.isEmpty())
        return badInput(QStringLiteral("project needs --scenario and either --experience or --project"));
    if (!req.projectPath.isEmpty() && !req.qualityPath.isEmpty())
        return badInput(QStringLiteral("--quality goes with --experience; a project brings its own quality data"));
    if (req.outPath.isEmpty() && req.explainPlan.isEmpty())
        return badInput(QStringLiteral("project needs --out (or --explain PLAN_ID YEAR)"));
    if (!req.outPath.isEmpty())
        if (const QString problem = checkOutputPath(req.outPath); !problem.isEmpty())
            return badInput(problem);
    try {
        const Scenario scenario = scenarioFor(req.projectPath, req.scenario);
        const Inputs inputs = loadInputs(req.projectPath, req.experiencePath, req.qualityPath);
        const ExperienceIndex index(inputs.experience);
        ProjectionOptions options;
        options.trace = !req.explainPlan.isEmpty();
        const Projection projection = project(index, inputs.hasQuality ? &inputs.quality : nullptr, scenario, options);
        CommandResult result;
        result.err = warningsText(projection.warnings);
        if (!req.explainPlan.isEmpty()) {
            const std::string text = explainProjection(projection, req.explainPlan.toStdString(), req.explainYear, scenario);
            if (text.empty())
                return badInput(QStringLiteral("no projection for plan '%1' in %2 (years %3–%4)")
                                    .arg(req.explainPlan)
                                    .arg(req.explainYear)
                                    .arg(projection.startYear + 1)
                                    .arg(projection.startYear + projection.horizon));
            result.out = QString::fromStdString(text);
        }
        if (!req.outPath.isEmpty())
            if (const QString problem = writeFileAtomically(req.outPath, projectionCsv(projection)); !problem.isEmpty())
                return CommandResult{1, result.out, result.err + QStringLiteral("sharecast: %1\n").arg(problem)};
        return result;
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    } catch (const ProjectError& e) {
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
        const Scenario scenario = scenarioFor({}, req.scenario);
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

CommandResult runImport(const ImportCommandRequest& req)
{
    if (req.projectPath.isEmpty())
        return badInput(QStringLiteral("import needs --project"));
    if (req.experiencePath.isEmpty() && req.qualityPath.isEmpty() && req.membersPath.isEmpty())
        return badInput(QStringLiteral("import needs --experience, --quality or --members"));
    if (const QString problem = checkOutputPath(req.projectPath); !problem.isEmpty())
        return badInput(problem);

    // A new project is built beside its final name and renamed into place only on success, so a
    // failed import never leaves a half-made file behind.
    const bool existed = QFileInfo::exists(req.projectPath);
    const QString target = existed ? req.projectPath : req.projectPath + QStringLiteral(".importing");
    if (!existed)
        QFile::remove(target);
    CommandResult result;
    try {
        ImportRequest request;
        request.experiencePath = req.experiencePath;
        request.qualityPath = req.qualityPath;
        request.membersPath = req.membersPath;
        request.memberOptions.truncationThreshold = req.truncationThreshold;
        PreparedImport prepared = prepareImport(request);  // validate before opening the project
        ImportReport report;
        {
            std::unique_ptr<ProjectStore> store = existed ? ProjectStore::open(target) : ProjectStore::create(target);
            report = storeImport(*store, std::move(prepared));
        }
        if (!existed && !QFile::rename(target, req.projectPath)) {
            QFile::remove(target);
            return CommandResult{1, {}, QStringLiteral("sharecast: %1: cannot create the project\n").arg(req.projectPath)};
        }
        for (const QString& line : report.summaries)
            result.out += QStringLiteral("imported %1\n").arg(line);
        for (const QString& w : report.warnings)
            result.err += QStringLiteral("warning: %1\n").arg(w);
        return result;
    } catch (const InputError& e) {
        if (!existed)
            QFile::remove(target);
        return badInput(QString::fromStdString(e.what()));
    } catch (const ProjectError& e) {
        if (!existed)
            QFile::remove(target);
        return badInput(QString::fromStdString(e.what()));
    }
}

CommandResult runExportExperience(const ExportExperienceRequest& req)
{
    if (req.projectPath.isEmpty() || req.outPath.isEmpty())
        return badInput(QStringLiteral("export-experience needs --project and --out"));
    if (const QString problem = checkOutputPath(req.outPath); !problem.isEmpty())
        return badInput(problem);
    try {
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(req.projectPath);
        const std::optional<DatasetInfo> active = store->activeDataset(DatasetKind::Experience);
        if (!active)
            return badInput(QStringLiteral("%1: the project has no experience data").arg(req.projectPath));
        ExportOptions options;
        options.suppressSmallCells = req.suppressSmallCells;
        const QByteArray bytes = experienceCsv(store->loadExperience(active->id), options);
        if (const QString problem = writeFileAtomically(req.outPath, bytes); !problem.isEmpty())
            return CommandResult{1, {}, QStringLiteral("sharecast: %1\n").arg(problem)};
        return {};
    } catch (const ProjectError& e) {
        return badInput(QString::fromStdString(e.what()));
    }
}

CommandResult runGenerateSample(const GenerateSampleRequest& req)
{
    if (req.outDir.isEmpty())
        return badInput(QStringLiteral("generate-sample needs --out DIR"));
    try {
        SampleOptions options;
        options.seed = req.seed;
        options.outDir = req.outDir;
        options.members = req.members;
        const SampleSummary summary = generateSample(options);
        CommandResult result;
        for (const QString& f : summary.files)
            result.out += QStringLiteral("wrote %1\n").arg(f);
        Year last = 0;
        for (const SampleCellTotal& t : summary.totals)
            last = std::max(last, t.year);
        result.out += QStringLiteral("synthetic statewide sample, seed %1: %2 plans; %3 by rate cell:\n")
                          .arg(summary.seed)
                          .arg(summary.plans.size())
                          .arg(last);
        for (const SampleCellTotal& t : summary.totals)
            if (t.year == last)
                result.out += QStringLiteral("  %1 %2 members, PMPM %3\n")
                                  .arg(t.rateCell, -14)
                                  .arg(QLocale::c().toString(t.members, 'f', 0), 12)
                                  .arg(t.pmpm, 9, 'f', 2);
        result.out += QStringLiteral("  %1 %2 members\n")
                          .arg(QStringLiteral("statewide"), -14)
                          .arg(QLocale::c().toString(summary.statewideMembers(last), 'f', 0), 12);
        if (!req.projectPath.isEmpty()) {
            // The project is built beside its name and renamed over it once complete.
            const QString building = req.projectPath + QStringLiteral(".building");
            QFile::remove(building);
            {
                ImportRequest request;
                request.experiencePath = QDir(req.outDir).filePath(QStringLiteral("experience.csv"));
                request.qualityPath = QDir(req.outDir).filePath(QStringLiteral("quality.csv"));
                std::unique_ptr<ProjectStore> store = ProjectStore::create(building);
                importFiles(*store, request);
                store->setMetadata(QStringLiteral("title"),
                                   QStringLiteral("Synthetic statewide Medi-Cal sample (seed %1)").arg(req.seed));
                store->setMetadata(QStringLiteral("synthetic"), QStringLiteral("1"));
                store->setMetadata(QStringLiteral("notice"),
                                   QStringLiteral("SYNTHETIC DATA: invented plans and figures generated by Sharecast "
                                                  "for demonstration; not real Medi-Cal experience."));
            }
            QFile::remove(req.projectPath);
            if (!QFile::rename(building, req.projectPath))
                return CommandResult{1, result.out, QStringLiteral("sharecast: %1: cannot write\n").arg(req.projectPath)};
            result.out += QStringLiteral("wrote %1 (synthetic sample project)\n").arg(req.projectPath);
        }
        return result;
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    } catch (const ProjectError& e) {
        return CommandResult{1, {}, QStringLiteral("sharecast: %1\n").arg(QString::fromStdString(e.what()))};
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
