//! `sharecast import`, `export-experience` and `generate-sample`: data into and out of projects.

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "io/csv/experience_export.h"
#include "io/project/importer.h"
#include "io/project/project_build.h"
#include "io/project/project_lock.h"
#include "io/project/project_store.h"
#include "io/project/report_settings.h"
#include "io/scenario/scenario_source.h"
#include "sample/sample_generator.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace sharecast::cli {

namespace {

void import(const Arguments& a, CommandResult& result)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    if (projectPath.isEmpty())
        throw InputError("import needs --project");
    io::ImportRequest request;
    request.experiencePath = a.value(QStringLiteral("experience"));
    request.qualityPath = a.value(QStringLiteral("quality"));
    request.membersPath = a.value(QStringLiteral("members"));
    request.partnershipsPath = a.value(QStringLiteral("partnerships"));
    if (a.has(QStringLiteral("scenario"))) {
        // §1.3: members' costs are summed over the scenario's included COS and truncated at its
        // threshold, so that the aggregates (and §13's c) match what the scenario settles.
        if (request.membersPath.isEmpty())
            throw InputError(
                "--scenario goes with --members (it sets the COS and threshold of the aggregation)");
        const std::unique_ptr<io::ProjectStore> existing =
            QFileInfo::exists(projectPath) ? io::ProjectStore::openForReading(projectPath) : nullptr;
        const Scenario scenario =
            io::resolveScenario(a.value(QStringLiteral("scenario")), existing.get()).scenario;
        request.memberOptions.truncationThreshold = scenario.truncation.threshold;
        request.memberOptions.includedCos = scenario.includedCos;
        request.memberOptions.excludedCos = scenario.excludedCos;
    }
    if (const std::optional<double> t = a.number(QStringLiteral("truncation"))) {
        if (!(*t > 0))
            throw UsageError(QStringLiteral("--truncation '%1' is not a positive amount")
                                 .arg(a.value(QStringLiteral("truncation"))));
        request.memberOptions.truncationThreshold = *t;
    }
    if (request.experiencePath.isEmpty() && request.qualityPath.isEmpty() && request.membersPath.isEmpty() &&
        request.partnershipsPath.isEmpty())
        throw InputError("import needs --experience, --quality, --members or --partnerships");
    checkOutputPath(projectPath);

    io::PreparedImport prepared = io::prepareImport(request); // validate before touching the project
    io::ImportReport report;
    const io::ProjectLock lock(projectPath); // another Sharecast changing it: wait for it to finish
    if (QFileInfo::exists(projectPath)) {
        const std::unique_ptr<io::ProjectStore> store = io::ProjectStore::open(projectPath);
        report = io::storeImport(*store, std::move(prepared));
    } else {
        // A new project appears whole or not at all.
        io::ProjectBuild build(projectPath);
        report = io::storeImport(build.store(), std::move(prepared));
        build.commit(io::ExistingFile::Refuse);
    }
    for (const QString& line : report.summaries)
        result.out += QStringLiteral("imported %1\n").arg(line);
    for (const QString& w : report.warnings)
        result.err += QStringLiteral("warning: %1\n").arg(w);
}

void exportExperience(const Arguments& a, CommandResult&)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    const QString out = a.value(QStringLiteral("out"));
    if (projectPath.isEmpty() || out.isEmpty())
        throw InputError("export-experience needs --project and --out");
    checkOutputPath(out);
    const std::unique_ptr<io::ProjectStore> store = io::ProjectStore::openForReading(projectPath);
    const std::optional<io::DatasetInfo> active = store->activeDataset(io::DatasetKind::Experience);
    if (!active)
        throw InputError(
            QStringLiteral("%1: the project has no experience data").arg(projectPath).toStdString());
    io::ExportOptions options;
    options.suppressSmallCells = a.has(QStringLiteral("public"));
    writeOutput(out, io::experienceCsv(store->loadExperience(active->id), options));
}

//! The statewide summary generate-sample prints: members and PMPM by rate cell in the last year.
QString sampleSummary(const io::SampleSummary& summary)
{
    Year last = 0;
    for (const io::SampleCellTotal& t : summary.totals)
        last = std::max(last, t.year);
    QString text = QStringLiteral("synthetic statewide sample, seed %1: %2 plans; %3 by rate cell:\n")
                       .arg(summary.seed)
                       .arg(summary.plans.size())
                       .arg(last);
    for (const io::SampleCellTotal& t : summary.totals)
        if (t.year == last)
            text += QStringLiteral("  %1 %2 members, PMPM %3\n")
                        .arg(t.rateCell, -14)
                        .arg(QLocale::c().toString(t.members, 'f', 0), 12)
                        .arg(t.pmpm, 9, 'f', 2);
    text += QStringLiteral("  %1 %2 members\n")
                .arg(QStringLiteral("statewide"), -14)
                .arg(QLocale::c().toString(summary.statewideMembers(last), 'f', 0), 12);
    return text;
}

void generateSample(const Arguments& a, CommandResult& result)
{
    io::SampleOptions options;
    options.outDir = a.value(QStringLiteral("out"));
    if (const std::optional<unsigned long long> seed = a.unsignedInteger(QStringLiteral("seed")))
        options.seed = *seed;
    if (const std::optional<long long> members =
            a.integer(QStringLiteral("members"), QStringLiteral("a whole number"))) {
        if (*members < 0)
            throw UsageError(QStringLiteral("--members must be a whole number >= 0"));
        options.members = *members;
    }
    if (const std::optional<long long> scale =
            a.integer(QStringLiteral("scale"), QStringLiteral("a whole number"))) {
        if (*scale < 1 || *scale > io::kMaxScale)
            throw UsageError(
                QStringLiteral("--scale must be a whole number from 1 to %1").arg(io::kMaxScale));
        options.scale = static_cast<int>(*scale);
    }
    if (options.outDir.isEmpty())
        throw InputError("generate-sample needs --out DIR");
    const io::SampleSummary summary = io::generateSample(options);
    for (const QString& f : summary.files)
        result.out += QStringLiteral("wrote %1\n").arg(f);
    result.out += sampleSummary(summary);

    const QString projectPath = a.value(QStringLiteral("project"));
    if (projectPath.isEmpty())
        return;
    io::ImportRequest request;
    request.experiencePath = QDir(options.outDir).filePath(QStringLiteral("experience.csv"));
    request.qualityPath = QDir(options.outDir).filePath(QStringLiteral("quality.csv"));
    request.partnershipsPath = QDir(options.outDir).filePath(QStringLiteral("partnerships.csv"));
    io::ProjectBuild build(projectPath);
    io::importFiles(build.store(), request);
    build.store().setMetadata(
        QStringLiteral("title"),
        QStringLiteral("Synthetic statewide Medi-Cal sample (seed %1)").arg(options.seed));
    build.store().setMetadata(QStringLiteral("synthetic"), QStringLiteral("1"));
    // The sample's report settings are invented like its data, and say so, so that its report
    // shows a complete ASOP checklist as a real project's would.
    io::ReportSettings settings;
    settings.actuaryName = QStringLiteral("A. Sample (fictional)");
    settings.actuaryCredentials = QStringLiteral("FSA, MAAA (illustrative only)");
    settings.actuaryOrganization = QStringLiteral("Sharecast synthetic sample");
    settings.qualificationStatement = QStringLiteral(
        "Illustrative wording for the synthetic sample: the responsible actuary meets the Qualification "
        "Standards of the American Academy of Actuaries to render the actuarial opinion in this report. No "
        "actuary has reviewed these invented figures.");
    settings.intendedUsers = QStringLiteral("People evaluating Sharecast on its synthetic sample; not for "
                                            "any decision about a real plan or program");
    settings.purpose = QStringLiteral(
        "To show a shared-savings settlement, its five-year projection and its briefing on invented data");
    settings.reliance = QStringLiteral(
        "The experience, quality and partnership files written by sharecast generate-sample (invented, "
        "not audited)");
    settings.conflicts = QStringLiteral("None: every figure of the sample is invented");
    io::writeReportSettings(build.store(), settings);
    build.store().setMetadata(
        QStringLiteral("notice"),
        QStringLiteral("SYNTHETIC DATA: invented plans and figures generated by Sharecast "
                       "for demonstration; not real Medi-Cal experience."));
    build.commit(io::ExistingFile::Replace);
    result.out += QStringLiteral("wrote %1 (synthetic sample project)\n").arg(projectPath);
}

} // namespace

Command importCommand()
{
    return {QStringLiteral("import"),
            QStringLiteral("Import experience, quality, member or partnership data into a project"),
            QStringLiteral(
                "Usage: sharecast import --project P.sharecast [--experience E.csv] [--quality Q.csv]\n"
                "                       [--members M.csv [--scenario S.json|preset:NAME] [--truncation "
                "250000]]\n"
                "                       [--partnerships C.csv]\n\n"
                "Creates the project when it does not exist. Every file is read and validated before\n"
                "anything is stored; on any error nothing changes (exit 2, the message names file,\n"
                "line, column and value). Each file becomes the project's active dataset of its kind;\n"
                "--partnerships takes partnerships.csv, the plans' MCP–CBO partnerships (methodology,\n"
                "\"Partnerships\"). Member rows are aggregated to cells, with each member's cost\n"
                "above the truncation threshold kept as excess_over_threshold; with --scenario, a member's\n"
                "cost sums the scenario's included COS and the threshold is the scenario's (methodology\n"
                "§1.3), so that the cost statistics `validity` draws from them match what it settles.\n"
                "--truncation overrides the threshold (default 250000)."),
            {{{QStringLiteral("project")},
              {QStringLiteral("experience")},
              {QStringLiteral("quality")},
              {QStringLiteral("members")},
              {QStringLiteral("partnerships")},
              {QStringLiteral("scenario")},
              {QStringLiteral("truncation")}}},
            Needs::Core,
            import};
}

Command exportExperienceCommand()
{
    return {
        QStringLiteral("export-experience"),
        QStringLiteral("Write a project's experience back to experience.csv"),
        QStringLiteral("Usage: sharecast export-experience --project P.sharecast --out E.csv [--public]\n\n"
                       "--public suppresses small cells for public briefings: counts from 1 to 10 and every\n"
                       "figure of a cell with fewer than 11 members are written as '*'."),
        {{{QStringLiteral("project")}, {QStringLiteral("out")}, {QStringLiteral("public"), 0}}},
        Needs::Core,
        exportExperience};
}

Command generateSampleCommand()
{
    return {QStringLiteral("generate-sample"),
            QStringLiteral("Write the synthetic statewide Medi-Cal sample data"),
            QStringLiteral(
                "Usage: sharecast generate-sample --out DIR [--seed S] [--members N] [--scale K]\n"
                "                                [--project P.sharecast]\n\n"
                "Writes experience.csv, quality.csv and partnerships.csv (and members.csv with N member\n"
                "rows) of an invented, clearly synthetic statewide dataset; the same seed gives the same\n"
                "bytes. --scale K (1 to 100) makes a state K times larger: the 19 regions and 20 plans\n"
                "repeated K times, each copy with its own draws and named with \" 2\", \" 3\" … after the\n"
                "originals (--scale 10: 200 plans); the first copy is the sample itself. --project also\n"
                "builds a project from them, labelled as synthetic."),
            {{{QStringLiteral("seed")},
              {QStringLiteral("out")},
              {QStringLiteral("members")},
              {QStringLiteral("scale")},
              {QStringLiteral("project")}}},
            Needs::Core,
            generateSample};
}

} // namespace sharecast::cli
