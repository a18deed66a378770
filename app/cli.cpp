#include "cli.h"

#include "version.h"

#include "io/commands.h"

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
        "Usage: sharecast                      open the workbench\n"
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
    const Options o = parseOptions(args, {"experience", "quality", "scenario", "year", "out", "explain"});
    if (!o.error.isEmpty())
        return usageError(QStringLiteral("settle"), o.error);
    io::SettleRequest r;
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
                        "                       [--year Y] --out R.csv [--explain PLAN_ID]\n\n"
                        "Writes one row per plan (methodology §2-§9); --explain prints that plan's trace.\n"
                        "Exit 0 on success, 2 on bad input (nothing is written)."),
         settleCommand},
        {QStringLiteral("settle-totals"), QStringLiteral("Settle entities from benchmark and actual totals"),
         QStringLiteral("Usage: sharecast settle-totals --input T.csv --scenario S.json|preset:NAME --out R.csv\n\n"
                        "Writes one row per entity (methodology §1.4). Exit 0 on success, 2 on bad input."),
         settleTotalsCommand},
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
    return arguments.size() <= 1 || arguments.value(1) == QLatin1String("--screenshot");
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
