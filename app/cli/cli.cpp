#include "cli/cli.h"

#include "version.h"

#include "cli/commands.h"
#include "cli/scenario_commands.h"
#include "cli/report_command.h"

#include <QMap>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <vector>

namespace sharecast::cli {

namespace {

//! One subcommand: its name, a one-line summary, its usage and its handler.
struct Command {
    QString name;
    QString summary;
    QString usage;
    std::function<int(const QStringList& args)> run;
};

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

const std::vector<Command>& commands();

QString generalUsage()
{
    QString text = QStringLiteral(
        "Usage: sharecast [P.sharecast]        open the workbench (on the sample project by default)\n"
        "       sharecast <command> [options]   run a command headless\n"
        "       sharecast --screenshot FILE.png [--size WxH]   save a picture of the workbench and quit\n"
        "       sharecast --help | --version\n\nCommands:\n");
    for (const Command& c : commands())
        text += QStringLiteral("  %1 %2\n").arg(c.name, -16).arg(c.summary);
    text += QStringLiteral("\nRun 'sharecast help <command>' for a command's options.\n");
    return text;
}

const Command* findCommand(const QString& name)
{
    for (const Command& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

int helpCommand(const QStringList& args)
{
    if (args.isEmpty()) {
        out() << generalUsage();
        return Ok;
    }
    const Command* c = findCommand(args.first());
    if (!c) {
        err() << "sharecast: unknown command '" << args.first() << "'\n\n" << generalUsage();
        return BadInput;
    }
    out() << c->usage << "\n";
    return Ok;
}

//! Parsed "--name value" options and "--flag" switches of one command.
struct Options {
    QMap<QString, QString> values;
    QString error;  //!< non-empty when the arguments are malformed
};

//! Parses args against the command's value options and switches; anything else is an error.
Options parseOptions(const QStringList& args, const QStringList& valueOptions, const QStringList& switches = {})
{
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (!a.startsWith(QLatin1String("--"))) {
            o.error = QStringLiteral("unexpected argument '%1'").arg(a);
            return o;
        }
        const QString name = a.mid(2);
        if (switches.contains(name)) {
            o.values.insert(name, QStringLiteral("1"));
        } else if (valueOptions.contains(name)) {
            if (i + 1 >= args.size()) {
                o.error = QStringLiteral("option '%1' needs a value").arg(a);
                return o;
            }
            if (o.values.contains(name)) {
                o.error = QStringLiteral("option '%1' given twice").arg(a);
                return o;
            }
            o.values.insert(name, args[++i]);
        } else {
            o.error = QStringLiteral("unknown option '%1'").arg(a);
            return o;
        }
    }
    return o;
}

int finish(const io::CommandResult& r)
{
    out() << r.out;
    err() << r.err;
    return r.exitCode;
}

int usageError(const QString& command, const QString& message)
{
    const Command* c = findCommand(command);
    err() << "sharecast " << command << ": " << message << "\n\n" << (c ? c->usage : QString()) << "\n";
    return BadInput;
}

int settleCommand(const QStringList& args)
{
    const Options o = parseOptions(args, {"project", "experience", "quality", "scenario", "year", "out", "explain"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("settle"), o.error);
    io::SettleRequest r;
    r.projectPath = o.values.value(QStringLiteral("project"));
    r.experiencePath = o.values.value(QStringLiteral("experience"));
    r.qualityPath = o.values.value(QStringLiteral("quality"));
    r.scenario = o.values.value(QStringLiteral("scenario"));
    r.outPath = o.values.value(QStringLiteral("out"));
    r.explainPlan = o.values.value(QStringLiteral("explain"));
    if (o.values.contains(QStringLiteral("year"))) {
        bool ok = false;
        const int y = o.values.value(QStringLiteral("year")).toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("settle"),
                              QStringLiteral("--year '%1' is not a year").arg(o.values.value(QStringLiteral("year"))));
        r.year = y;
    }
    return finish(io::runSettle(r));
}

int projectCommand(const QStringList& arguments)
{
    // --explain takes two values: the plan and the year.
    QStringList args = arguments;
    io::ProjectRequest r;
    const int explain = args.indexOf(QStringLiteral("--explain"));
    if (explain >= 0) {
        if (explain + 2 >= args.size())
            return usageError(QStringLiteral("project"), QStringLiteral("--explain needs PLAN_ID and YEAR"));
        r.explainPlan = args[explain + 1];
        bool ok = false;
        r.explainYear = args[explain + 2].toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("project"), QStringLiteral("--explain year '%1' is not a year").arg(args[explain + 2]));
        args.remove(explain, 3);
    }
    const Options o = parseOptions(args, {"project", "experience", "quality", "scenario", "out"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("project"), o.error);
    r.projectPath = o.values.value(QStringLiteral("project"));
    r.experiencePath = o.values.value(QStringLiteral("experience"));
    r.qualityPath = o.values.value(QStringLiteral("quality"));
    r.scenario = o.values.value(QStringLiteral("scenario"));
    r.outPath = o.values.value(QStringLiteral("out"));
    return finish(io::runProject(r));
}

int settleTotalsCommand(const QStringList& args)
{
    const Options o = parseOptions(args, {"input", "scenario", "out"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("settle-totals"), o.error);
    io::SettleTotalsRequest r;
    r.inputPath = o.values.value(QStringLiteral("input"));
    r.scenario = o.values.value(QStringLiteral("scenario"));
    r.outPath = o.values.value(QStringLiteral("out"));
    return finish(io::runSettleTotals(r));
}

int importCommand(const QStringList& args)
{
    const Options o = parseOptions(args, {"project", "experience", "quality", "members", "truncation"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("import"), o.error);
    io::ImportCommandRequest r;
    r.projectPath = o.values.value(QStringLiteral("project"));
    r.projectPath = o.values.value(QStringLiteral("project"));
    r.experiencePath = o.values.value(QStringLiteral("experience"));
    r.qualityPath = o.values.value(QStringLiteral("quality"));
    r.membersPath = o.values.value(QStringLiteral("members"));
    if (o.values.contains(QStringLiteral("truncation"))) {
        bool ok = false;
        r.truncationThreshold = o.values.value(QStringLiteral("truncation")).toDouble(&ok);
        if (!ok || !(r.truncationThreshold > 0))
            return usageError(QStringLiteral("import"), QStringLiteral("--truncation '%1' is not a positive amount")
                                                            .arg(o.values.value(QStringLiteral("truncation"))));
    }
    return finish(io::runImport(r));
}

int exportExperienceCommand(const QStringList& args)
{
    const Options o = parseOptions(args, {"project", "out"}, {"public"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("export-experience"), o.error);
    io::ExportExperienceRequest r;
    r.projectPath = o.values.value(QStringLiteral("project"));
    r.outPath = o.values.value(QStringLiteral("out"));
    r.suppressSmallCells = o.values.contains(QStringLiteral("public"));
    return finish(io::runExportExperience(r));
}

int generateSampleCommand(const QStringList& args)
{
    const Options o = parseOptions(args, {"seed", "out", "members", "project"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("generate-sample"), o.error);
    io::GenerateSampleRequest r;
    r.outDir = o.values.value(QStringLiteral("out"));
    r.projectPath = o.values.value(QStringLiteral("project"));
    bool ok = true;
    if (o.values.contains(QStringLiteral("seed")))
        r.seed = o.values.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usageError(QStringLiteral("generate-sample"), QStringLiteral("--seed must be a whole number"));
    if (o.values.contains(QStringLiteral("members")))
        r.members = o.values.value(QStringLiteral("members")).toLongLong(&ok);
    if (!ok || r.members < 0)
        return usageError(QStringLiteral("generate-sample"), QStringLiteral("--members must be a whole number >= 0"));
    return finish(io::runGenerateSample(r));
}

int scenarioCommand(const QStringList& args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("scenario"), QStringLiteral("needs an action"));
    const QString action = args.first();
    QStringList rest = args.mid(1);
    QStringList positional;
    for (int i = rest.size() - 1; i >= 0; --i)  // diff takes two scenario references
        if (!rest[i].startsWith(QLatin1String("--")) &&
            (i == 0 || !rest[i - 1].startsWith(QLatin1String("--")) || rest[i - 1] == QLatin1String("--replace"))) {
            positional.prepend(rest[i]);
            rest.removeAt(i);
        }
    const Options o = parseOptions(rest, {"project", "name", "file", "out", "preset", "version"}, {"replace"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("scenario"), o.error);
    return finish(io::runScenarioCommand(action, o.values, positional));
}

int presetsCommand(const QStringList& args)
{
    if (!args.isEmpty())
        return usageError(QStringLiteral("presets"), QStringLiteral("takes no arguments"));
    return finish(io::runListPresets());
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {QStringLiteral("settle"), QStringLiteral("Settle a performance year from cell experience"),
         QStringLiteral("Usage: sharecast settle --experience E.csv [--quality Q.csv] --scenario S.json|preset:NAME\n"
                        "                       [--year Y] --out R.csv [--explain PLAN_ID]\n"
                        "       sharecast settle --project P.sharecast --scenario ... (the project's data)\n\n"
                        "Writes one row per plan (methodology §2-§9); --explain prints that plan's trace.\n"
                        "Exit 0 on success, 2 on bad input (nothing is written)."),
         settleCommand},
        {QStringLiteral("project"), QStringLiteral("Project savings, payments and rates over the coming years"),
         QStringLiteral("Usage: sharecast project --experience E.csv [--quality Q.csv] --scenario S.json|preset:NAME\n"
                        "                        --out P.csv [--explain PLAN_ID YEAR]\n"
                        "       sharecast project --project P.sharecast --scenario ... (the project's data)\n\n"
                        "Writes one row per plan and year plus ALL rows (methodology §10-§11): counterfactual and\n"
                        "projected cost, savings, plan payment, rebased and non-rebased rates and their impact,\n"
                        "margins and the state's cost. --explain prints how one plan's year was built."),
         projectCommand},
        {QStringLiteral("settle-totals"), QStringLiteral("Settle entities from benchmark and actual totals"),
         QStringLiteral("Usage: sharecast settle-totals --input T.csv --scenario S.json|preset:NAME --out R.csv\n\n"
                        "Writes one row per entity (methodology §1.4). Exit 0 on success, 2 on bad input."),
         settleTotalsCommand},
        {QStringLiteral("import"), QStringLiteral("Import experience, quality or member data into a project"),
         QStringLiteral("Usage: sharecast import --project P.sharecast [--experience E.csv] [--quality Q.csv]\n"
                        "                       [--members M.csv [--truncation 250000]]\n\n"
                        "Creates the project when it does not exist. Every file is read and validated before\n"
                        "anything is stored; on any error nothing changes (exit 2, the message names file,\n"
                        "line, column and value). Member rows are aggregated to cells, with each member's cost\n"
                        "above the truncation threshold kept as excess_over_threshold."),
         importCommand},
        {QStringLiteral("export-experience"), QStringLiteral("Write a project's experience back to experience.csv"),
         QStringLiteral("Usage: sharecast export-experience --project P.sharecast --out E.csv [--public]\n\n"
                        "--public suppresses small cells for public briefings: counts from 1 to 10 and every\n"
                        "figure of a cell with fewer than 11 members are written as '*'."),
         exportExperienceCommand},
        {QStringLiteral("generate-sample"), QStringLiteral("Write the synthetic statewide Medi-Cal sample data"),
         QStringLiteral("Usage: sharecast generate-sample --out DIR [--seed S] [--members N] [--project P.sharecast]\n\n"
                        "Writes experience.csv and quality.csv (and members.csv with N member rows) of an\n"
                        "invented, clearly synthetic statewide dataset; the same seed gives the same bytes.\n"
                        "--project also builds a project from them, labelled as synthetic."),
         generateSampleCommand},
        {QStringLiteral("scenario"), QStringLiteral("Keep scenarios in a project: list, new, import, export, diff"),
         QStringLiteral("Usage: sharecast scenario list    --project P.sharecast\n"
                        "       sharecast scenario new     --project P --preset NAME [--name N]\n"
                        "       sharecast scenario import  --project P --file S.json|S.sharecast-scenario|preset:NAME\n"
                        "                                  [--name N] [--replace]\n"
                        "       sharecast scenario export  --project P --name N --out S.json|S.sharecast-scenario\n"
                        "       sharecast scenario history --project P --name N\n"
                        "       sharecast scenario restore --project P --name N --version V\n"
                        "       sharecast scenario diff    [--project P] A B\n\n"
                        "A and B are scenario names in the project, files (.json or .sharecast-scenario) or\n"
                        "preset:NAME; diff prints every differing key with both values. A project keeps every\n"
                        "saved version of a scenario; restore saves an earlier one again as the newest."),
         scenarioCommand},
        {QStringLiteral("report"), QStringLiteral("Write the PDF stakeholder briefing and CSV exports"),
         ui::reportCommandUsage(),
         [](const QStringList& args) { return ui::runReportCommand(args); }},
        {QStringLiteral("presets"), QStringLiteral("List the bundled scenario presets"),
         QStringLiteral("Usage: sharecast presets\n\nUse a preset as --scenario preset:NAME."), presetsCommand},
        {QStringLiteral("help"), QStringLiteral("Show this help, or one command's options"),
         QStringLiteral("Usage: sharecast help [COMMAND]"), helpCommand},
    };
    return list;
}

}  // namespace

bool wantsWorkbench(const QStringList& arguments)
{
    return arguments.size() <= 1 || arguments.value(1) == QLatin1String("--screenshot") ||
           (arguments.size() == 2 && arguments.value(1).endsWith(QLatin1String(".sharecast")));
}

int run(const QStringList& arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << generalUsage();
        return Ok;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "sharecast " << SHARECAST_VERSION << "\n";
        return Ok;
    }
    const Command* c = findCommand(first);
    if (!c) {
        err() << "sharecast: unknown command '" << first << "'\n\n" << generalUsage();
        err().flush();
        return BadInput;
    }
    const int code = c->run(arguments.mid(2));
    out().flush();
    err().flush();
    return code;
}

}  // namespace sharecast::cli
