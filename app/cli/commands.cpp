#include "cli/commands.h"

#include "engine/error.h"
#include "io/scenario/presets.h"

namespace sharecast::cli {

namespace {

void listPresets(const Arguments&, CommandResult& result)
{
    for (const QString& name : io::presetNames()) {
        QString title;
        try {
            title = QString::fromStdString(io::loadPreset(name).name);
        } catch (const InputError& e) {
            title = QStringLiteral("(invalid: %1)").arg(QString::fromStdString(e.what()));
        }
        result.out += QStringLiteral("%1  %2\n").arg(name, -22).arg(title);
    }
}

Command presetsCommand()
{
    return {QStringLiteral("presets"),
            QStringLiteral("List the bundled scenario presets"),
            QStringLiteral("Usage: sharecast presets\n\nUse a preset as --scenario preset:NAME."),
            {},
            Needs::Core,
            listPresets};
}

//! `sharecast help [COMMAND]`: its work is in cli.cpp, which knows the general usage.
Command helpCommand()
{
    return {QStringLiteral("help"),
            QStringLiteral("Show this help, or one command's options"),
            QStringLiteral("Usage: sharecast help [COMMAND]"),
            {{}, 1, {}},
            Needs::Core,
            nullptr};
}

} // namespace

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        settleCommand(),
        projectCommand(),
        settleTotalsCommand(),
        importCommand(),
        exportExperienceCommand(),
        generateSampleCommand(),
        scenarioCommand(),
        reportCommand(),
        validityCommand(),
        sensitivityCommand(),
        table2Command(),
        goalSeekCommand(),
        ratesCommand(),
        partnershipsCommand(),
        presetsCommand(),
        settingsCommand(),
        helpCommand(),
    };
    return list;
}

const Command* findCommand(const QString& name)
{
    for (const Command& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace sharecast::cli
