#pragma once
//! The table of subcommands. Each is made in its own file; adding one is a new file and a line
//! in commands.cpp, adding an option to one touches only its file.

#include "cli/command.h"

#include <vector>

namespace sharecast::cli {

Command settleCommand();           //!< settle_commands.cpp
Command projectCommand();          //!< settle_commands.cpp
Command settleTotalsCommand();     //!< settle_commands.cpp
Command importCommand();           //!< project_commands.cpp
Command exportExperienceCommand(); //!< project_commands.cpp
Command generateSampleCommand();   //!< project_commands.cpp
Command scenarioCommand();         //!< scenario_command.cpp
Command reportCommand();           //!< report_command.cpp
Command validityCommand();         //!< validity_command.cpp
Command sensitivityCommand();      //!< sensitivity_commands.cpp
Command table2Command();           //!< sensitivity_commands.cpp
Command goalSeekCommand();         //!< sensitivity_commands.cpp
Command ratesCommand();            //!< rates_command.cpp
Command partnershipsCommand();     //!< partnerships_command.cpp
Command settingsCommand();         //!< settings_command.cpp

//! Every subcommand, in the order `sharecast --help` lists them.
const std::vector<Command>& commands();

//! The subcommand called name, or nullptr.
const Command* findCommand(const QString& name);

} // namespace sharecast::cli
