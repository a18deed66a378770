#include "cli.h"

#include "version.h"

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

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {QStringLiteral("help"), QStringLiteral("Show this help, or one command's options"),
         QStringLiteral("Usage: sharecast help [COMMAND]"), helpCommand},
    };
    return list;
}

}  // namespace

bool wantsWorkbench(const QStringList& arguments) { return arguments.size() <= 1; }

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
