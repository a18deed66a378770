#include "cli/cli.h"

#include "cli/commands.h"
#include "engine/error.h"
#include "io/project/project_store.h"
#include "version.h"

#include <QApplication>
#include <QTextStream>

#include <memory>

namespace sharecast::cli {

namespace {

QString generalUsage()
{
    QString text = QStringLiteral(
        "Usage: sharecast [P.sharecast]        open the workbench (on the sample project by default)\n"
        "       sharecast <command> [options]   run a command headless\n"
        "       sharecast --screenshot FILE.png [--size WxH] [--tab NAME]   save a picture of the workbench "
        "and quit\n"
        "       sharecast --help | --version\n\nCommands:\n");
    for (const Command& c : commands())
        text += QStringLiteral("  %1 %2\n").arg(c.name, -16).arg(c.summary);
    text += QStringLiteral("\nRun 'sharecast help <command>' for a command's options.\n");
    return text;
}

CommandResult unknownCommand(const QString& name)
{
    return {BadInput, {}, QStringLiteral("sharecast: unknown command '%1'\n\n%2").arg(name, generalUsage())};
}

void help(const Arguments& a, CommandResult& result)
{
    if (a.positional().isEmpty()) {
        result.out += generalUsage();
        return;
    }
    const Command* c = findCommand(a.positional().first());
    if (!c) {
        result = unknownCommand(a.positional().first());
        return;
    }
    result.out += c->usage + u'\n';
}

//! A QApplication for a command that draws, when the process has none yet.
std::unique_ptr<QApplication> applicationFor(const Command& command)
{
    if (command.needs != Needs::Gui)
        return nullptr;
    if (!QCoreApplication::instance()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "sharecast";
        static char* argv[] = {name, nullptr};
        return std::make_unique<QApplication>(argc, argv);
    }
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        throw OutputError(
            QStringLiteral("the %1 command needs a QApplication, but a QCoreApplication already exists")
                .arg(command.name));
    return nullptr;
}

//! The one mapping of what a command throws to its exit code and message.
void runMapped(const Command& command, const QStringList& args, CommandResult& result)
{
    auto fail = [&result](int code, const QString& message) {
        result.exitCode = code;
        result.err += QStringLiteral("sharecast: %1\n").arg(message);
    };
    try {
        const Arguments arguments = Arguments::parse(args, command.arguments);
        for (const QString& name : command.arguments.required)
            if (arguments.value(name).isEmpty()) {
                QStringList options;
                for (const QString& r : command.arguments.required)
                    options << QStringLiteral("--") + r;
                const QString last = options.takeLast();
                throw UsageError(QStringLiteral("%1 needs %2 and %3")
                                     .arg(command.name, options.join(QStringLiteral(", ")), last));
            }
        const std::unique_ptr<QApplication> app = applicationFor(command);
        if (command.run)
            command.run(arguments, result);
        else
            help(arguments, result); // the one command whose work needs the table itself
    } catch (const UsageError& e) {
        result.exitCode = BadInput;
        result.err += QStringLiteral("sharecast %1: %2\n\n%3\n")
                          .arg(command.name, QString::fromUtf8(e.what()), command.usage);
    } catch (const InputError& e) {
        fail(BadInput, QString::fromUtf8(e.what()));
    } catch (const io::ProjectError& e) {
        fail(e.kind() == io::ProjectError::Kind::BadInput ? BadInput : Failure, QString::fromUtf8(e.what()));
    } catch (const OutputError& e) {
        fail(Failure, QString::fromUtf8(e.what()));
    } catch (const io::ReadError& e) {
        fail(Failure, QString::fromUtf8(e.what()));
    } catch (const std::bad_alloc&) {
        fail(Failure, QStringLiteral("out of memory"));
    } catch (const std::exception& e) {
        fail(Failure, QString::fromUtf8(e.what()));
    }
}

} // namespace

bool wantsWorkbench(const QStringList& arguments)
{
    return arguments.size() <= 1 || arguments.value(1) == QLatin1String("--screenshot") ||
           (arguments.size() == 2 && arguments.value(1).endsWith(QLatin1String(".sharecast")));
}

Needs needsOf(const QStringList& arguments)
{
    const Command* c = findCommand(arguments.value(1));
    return c ? c->needs : Needs::Core;
}

CommandResult execute(const QStringList& args)
{
    const QString name = args.value(0);
    if (name == QLatin1String("--help") || name == QLatin1String("-h"))
        return {Ok, generalUsage(), {}};
    if (name == QLatin1String("--version") || name == QLatin1String("-v"))
        return {Ok, QStringLiteral("sharecast %1\n").arg(QStringLiteral(SHARECAST_VERSION)), {}};
    const Command* command = findCommand(name);
    if (!command)
        return unknownCommand(name);
    CommandResult result;
    runMapped(*command, args.mid(1), result);
    return result;
}

int run(const QStringList& arguments)
{
    const CommandResult r = execute(arguments.mid(1));
    QTextStream(stdout) << r.out;
    QTextStream(stderr) << r.err;
    return r.exitCode;
}

} // namespace sharecast::cli
