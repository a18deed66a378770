#pragma once
//! Command-line front end: subcommands run headless, with no QApplication.

#include <QStringList>

namespace sharecast::cli {

//! Exit codes of every subcommand.
enum ExitCode { Ok = 0, Failure = 1, BadInput = 2 };

//! True when the arguments ask for the workbench (no subcommand, or only a project file).
bool wantsWorkbench(const QStringList& arguments);

//! Runs the subcommand named in arguments (arguments[0] is the program); returns the exit code.
int run(const QStringList& arguments);

}  // namespace sharecast::cli
