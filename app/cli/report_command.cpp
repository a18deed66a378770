//! `sharecast report`: the stakeholder briefing (PDF) and its CSV files, from a private snapshot
//! of the project (the project itself is only read).

#include "cli/arguments.h"
#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "io/project/project_store.h"
#include "io/project/report_snapshot.h"
#include "io/project/scenario_store.h"
#include "io/report/report_output.h"
#include "io/scenario/scenario_source.h"
#include "ui/document/project_document.h"
#include "ui/report/report_renderer.h"
#include "ui/report/report_workbook.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace sharecast::cli {

namespace {

//! The version the report's material changes are measured against (ASOP 41 §3.5).
struct EarlierVersion {
    Scenario scenario;
    QString description;
};

//! --since REF (any scenario), --since-version N (a saved version of the reported scenario), or by
//! default the reported stored scenario's previous version; none for a scenario saved once, a
//! preset or a file, or with --since none.
std::optional<EarlierVersion> earlierVersion(const Arguments& a, const io::ScenarioSource& primary,
                                             io::ProjectStore& store)
{
    const QString since = a.value(QStringLiteral("since"));
    if (a.has(QStringLiteral("since")) && a.has(QStringLiteral("since-version")))
        throw UsageError(QStringLiteral("--since and --since-version exclude each other"));
    if (since == QLatin1String("none"))
        return std::nullopt;
    if (!since.isEmpty()) {
        io::ScenarioSource s = io::resolveScenario(since, &store);
        return EarlierVersion{std::move(s.scenario), s.description};
    }
    if (!primary.storedId) {
        if (a.has(QStringLiteral("since-version")))
            throw InputError("--since-version needs a --scenario stored in the project");
        return std::nullopt;
    }
    io::ScenarioStore scenarios(store);
    const io::ScenarioInfo info = scenarios.info(*primary.storedId);
    int version = info.version - 1;
    if (a.has(QStringLiteral("since-version"))) {
        bool ok = false;
        version = a.value(QStringLiteral("since-version")).toInt(&ok);
        if (!ok || version < 1 || version >= info.version)
            throw InputError(
                QStringLiteral("--since-version %1: '%2' has versions 1 to %3; choose an earlier one")
                    .arg(a.value(QStringLiteral("since-version")), info.name)
                    .arg(info.version - 1 < 1 ? 0 : info.version - 1)
                    .toStdString());
    }
    if (version < 1)
        return std::nullopt;
    QString saved;
    for (const io::ScenarioVersionInfo& v : scenarios.history(info.id))
        if (v.version == version)
            saved = v.savedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    return EarlierVersion{scenarios.load(info.id, version),
                          QStringLiteral("version %1 of “%2”, saved %3").arg(version).arg(info.name, saved)};
}

//! The sections --sections leaves out (all but those listed; none without the option).
QStringList omittedSections(const Arguments& a)
{
    if (!a.has(QStringLiteral("sections")))
        return {};
    const QStringList wanted = a.value(QStringLiteral("sections")).split(u',', Qt::SkipEmptyParts);
    ui::checkSectionKeys(wanted);
    QStringList omitted;
    for (const ui::ReportSection& s : ui::reportSections())
        if (!wanted.contains(s.key))
            omitted << s.key;
    return omitted;
}

void report(const Arguments& a, CommandResult& result)
{
    const QString project = a.value(QStringLiteral("project"));
    const QString scenarioArg = a.value(QStringLiteral("scenario"));
    const QString pdf = a.value(QStringLiteral("pdf"));
    const QString csvDir = a.value(QStringLiteral("csv"));
    const QString xlsx = a.value(QStringLiteral("xlsx"));
    const QString compareArg = a.value(QStringLiteral("compare"));
    if (pdf.isEmpty() && xlsx.isEmpty())
        throw UsageError(QStringLiteral("report needs --pdf OUT.pdf, --xlsx OUT.xlsx or both"));
    if (a.has(QStringLiteral("audit-plan")) && xlsx.isEmpty())
        throw UsageError(QStringLiteral("--audit-plan goes with --xlsx"));
    if (!xlsx.isEmpty() && a.has(QStringLiteral("public")))
        throw UsageError(QStringLiteral(
            "--xlsx holds every plan's detail and its audit sheets: not in a --public report"));
    for (const QString& out : {pdf, xlsx}) {
        if (out.isEmpty())
            continue;
        const QFileInfo info(out);
        if (!info.absoluteDir().exists())
            throw InputError(QStringLiteral("%1: the folder does not exist").arg(out).toStdString());
        if (info.isDir())
            throw InputError(QStringLiteral("%1: is a folder, not a file").arg(out).toStdString());
    }
    if (!csvDir.isEmpty() && QFileInfo(csvDir).exists() && !QFileInfo(csvDir).isDir())
        throw InputError(QStringLiteral("%1: is a file, not a folder").arg(csvDir).toStdString());
    if (!QFileInfo::exists(project))
        throw InputError(QStringLiteral("%1: no such project file").arg(project).toStdString());
    std::optional<ui::ReportDrivers> drivers;
    if (a.has(QStringLiteral("sensitivity"))) {
        drivers.emplace();
        drivers->keys =
            parseVaryKeys(a.values(QStringLiteral("sensitivity")), QStringLiteral("--sensitivity"));
        if (a.has(QStringLiteral("sensitivity-metric")))
            drivers->metric = a.value(QStringLiteral("sensitivity-metric")).toStdString();
        if (a.has(QStringLiteral("sensitivity-plan")))
            drivers->plan = a.value(QStringLiteral("sensitivity-plan")).toStdString();
        drivers->shown = 15;
    } else if (a.has(QStringLiteral("sensitivity-metric")) || a.has(QStringLiteral("sensitivity-plan")))
        throw UsageError(
            QStringLiteral("--sensitivity-metric and --sensitivity-plan go with --sensitivity KEY…"));

    QTemporaryDir temp;
    if (!temp.isValid())
        throw OutputError(QStringLiteral("cannot create a temporary folder: %1").arg(temp.errorString()));
    const QString snapshot = temp.filePath(QStringLiteral("project.sharecast"));
    if (const QString problem = io::snapshotProject(project, snapshot); !problem.isEmpty())
        throw InputError(problem.toStdString());

    io::ScenarioSource primary, other;
    std::optional<EarlierVersion> earlier;
    {
        const std::unique_ptr<io::ProjectStore> store = io::ProjectStore::open(snapshot);
        primary = io::resolveScenario(scenarioArg, store.get());
        if (!compareArg.isEmpty())
            other = io::resolveScenario(compareArg, store.get());
        earlier = earlierVersion(a, primary, *store);
    }
    std::unique_ptr<ui::ProjectDocument> doc = ui::ProjectDocument::open(snapshot);
    if (primary.storedId)
        doc->selectScenario(*primary.storedId);
    else
        doc->setScenario(primary.scenario, QStringLiteral("report scenario"));
    doc->recalculate();
    if (!doc->calculationError().isEmpty())
        throw InputError(
            QStringLiteral("scenario '%1': %2").arg(scenarioArg, doc->calculationError()).toStdString());

    ui::ReportOptions options;
    options.suppressSmallCells = a.has(QStringLiteral("public"));
    options.scenarioSource = primary.description;
    options.projectFile = project;
    if (const QByteArray epoch = qgetenv("SOURCE_DATE_EPOCH"); !epoch.isEmpty())
        options.reportDate = QDateTime::fromSecsSinceEpoch(epoch.toLongLong(), QTimeZone::utc()).date();
    options.drivers = drivers;
    if (!compareArg.isEmpty()) {
        options.compare = other.scenario;
        options.compareSource = other.description;
    }
    if (earlier) {
        options.earlier = earlier->scenario;
        options.earlierSource = earlier->description;
    }
    options.omittedSections = omittedSections(a);
    // The figures (the Monte Carlo among them) are computed once, for the PDF and the CSV files.
    const ui::ReportFigures figures = ui::reportFigures(*doc, options);
    ui::ReportInfo info;
    QList<QPair<QString, QByteArray>> files;
    if (!pdf.isEmpty()) {
        const QByteArray bytes = ui::renderReportPdf(*doc, options, figures, &info);
        if (bytes.isEmpty())
            throw OutputError(QStringLiteral("%1: the report could not be drawn").arg(pdf));
        files.append({pdf, bytes});
    }
    if (!xlsx.isEmpty()) {
        std::vector<std::string> auditPlans;
        for (const QString& id : a.values(QStringLiteral("audit-plan")))
            auditPlans.push_back(id.toStdString());
        files.append({xlsx, ui::reportWorkbook(*doc, options, figures, auditPlans, xlsx)});
    }
    if (!csvDir.isEmpty())
        for (const auto& [name, csv] : ui::reportCsvFiles(*doc, options, figures))
            files.append({QDir(csvDir).filePath(name), csv});

    // Files are written only when everything succeeded, each atomically.
    const bool csvDirExisted = csvDir.isEmpty() || QFileInfo(csvDir).isDir();
    if (!csvDirExisted && !QDir().mkpath(csvDir))
        throw OutputError(QStringLiteral("%1: cannot create the folder").arg(csvDir));
    if (const QString problem = io::writeReportFiles(files); !problem.isEmpty()) {
        if (!csvDirExisted)
            QDir().rmdir(csvDir); // only the folder made here, and only while it is empty
        throw OutputError(problem);
    }
    for (const QString& p : info.problems)
        result.err += QStringLiteral("warning: %1\n").arg(p);
    for (const auto& [path, bytes] : files)
        result.out += path == pdf ? QStringLiteral("wrote %1 (%2 pages)\n").arg(pdf).arg(info.pages)
                                  : QStringLiteral("wrote %1\n").arg(path);
}

} // namespace

Command reportCommand()
{
    return {
        QStringLiteral("report"),
        QStringLiteral("Write the PDF stakeholder briefing, the Excel workbook and CSV exports"),
        QStringLiteral(
            "Usage: sharecast report --project P.sharecast --scenario NAME [--pdf OUT.pdf]\n"
            "                        [--xlsx OUT.xlsx [--audit-plan ID ...]]\n"
            "                        [--csv DIR] [--compare NAME] [--public]\n"
            "                        [--sensitivity KEY[=LOW:HIGH] ... [--sensitivity-metric M]\n"
            "                         [--sensitivity-plan P]]\n"
            "  --scenario NAME  a scenario stored in the project, preset:NAME, or a scenario file\n"
            "  --pdf OUT.pdf    the briefing (cover, executive summary, settlement, how much of it is\n"
            "                   chance, what drives the result with --sensitivity, projection, regional\n"
            "                   rates when the scenario has regional_rates, quality, assumptions, data\n"
            "                   provenance, methodology, disclosures)\n"
            "  --xlsx OUT.xlsx  the Excel workbook: sheets Settlement, Projection, Quality, Comparison\n"
            "                   (with --compare), Validity, Sensitivity (with --sensitivity),\n"
            "                   Assumptions, and an audit sheet per --audit-plan that rebuilds the\n"
            "                   plan's settlement as live formulas over its inputs (not in a public\n"
            "                   report); at least one of --pdf and --xlsx is needed\n"
            "  --audit-plan ID ...  the plans given audit sheets (default: the first plan paid, else\n"
            "                   the first plan)\n"
            "  --csv DIR        also write settlement.csv, projection.csv, assumptions.csv, trace.csv,\n"
            "                   validity.csv (comparison.csv with --compare, sensitivity.csv with\n"
            "                   --sensitivity, regional_rates.csv with regional_rates, as `sharecast\n"
            "                   rates --regional` writes it, not in a public report) into DIR\n"
            "                   (created when missing); validity.csv is what\n"
            "                   `sharecast validity` writes for the same\n"
            "                   project, scenario and year, with the scenario's uncertainty.draws and .seed\n"
            "  --compare NAME   add a comparison with a second scenario\n"
            "  --sensitivity KEY[=LOW:HIGH] ...\n"
            "                   add the section \"What drives the result\": a tornado of the metric over\n"
            "                   these keys (as `sharecast sensitivity --vary`: ±10 % of the value without\n"
            "                   a range, a null key needs one), its chart and the table of the 15 largest\n"
            "                   swings; with --csv also sensitivity.csv, exactly what `sharecast\n"
            "                   sensitivity --year Y` writes for the same keys, metric and plan, Y\n"
            "                   being the year the report settles\n"
            "  --sensitivity-metric M  the tornado's metric (default program_net; the metrics of\n"
            "                   `sharecast sensitivity --help`)\n"
            "  --sensitivity-plan P    a plan's metric instead of the statewide one; refused in a\n"
            "                   public report when the plan's figures are suppressed\n"
            "  --public         suppress small cells (counts 1-10, figures from fewer than 11 members),\n"
            "                   in the PDF and in every CSV file, validity.csv included\n"
            "  --since REF      report the material changes (scenario differences and headline figures)\n"
            "                   against REF (a stored scenario, preset:NAME or a file); `none` for none\n"
            "  --since-version N  against version N of the reported scenario; by default its previous\n"
            "                   version when the scenario is stored in the project with more than one\n"
            "  --sections LIST  only these sections, comma-separated: summary, comparison, settlement,\n"
            "                   chance, drivers, projection, regional, partnerships, quality,\n"
            "                   assumptions, provenance, methodology, disclosures, asop (the ASOP 41/56\n"
            "                   checklist); optional ones still need their figures\n"
            "The project is only read. Exit status 0 success, 2 bad input, 1 I/O failure."),
        {{{QStringLiteral("project")},
          {QStringLiteral("scenario")},
          {QStringLiteral("pdf")},
          {QStringLiteral("xlsx")},
          {QStringLiteral("audit-plan"), OptionSpec::kOneOrMore},
          {QStringLiteral("csv")},
          {QStringLiteral("compare")},
          {QStringLiteral("public"), 0},
          {QStringLiteral("sensitivity"), OptionSpec::kOneOrMore},
          {QStringLiteral("sensitivity-metric")},
          {QStringLiteral("sensitivity-plan")},
          {QStringLiteral("since")},
          {QStringLiteral("since-version")},
          {QStringLiteral("sections")}},
         0,
         {QStringLiteral("project"), QStringLiteral("scenario")}},
        Needs::Gui,
        report};
}

} // namespace sharecast::cli
