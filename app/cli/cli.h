#pragma once
//! The command line of `sharecast`: with no subcommand the workbench opens; with one, it runs
//! headless through the one parser, the one table of subcommands and the one exception →
//! exit-code mapping (0 success, 2 bad input, 1 I/O failure).

#include "cli/command.h"

#include <QStringList>

namespace sharecast::cli {

//! True when the arguments ask for the workbench (no subcommand, or only a project file, or
//! --screenshot).
bool wantsWorkbench(const QStringList& arguments);

//! What the subcommand named in arguments (arguments[0] is the program) needs from the
//! application object; Core for --help, --version and unknown commands.
Needs needsOf(const QStringList& arguments);

//! Runs the subcommand named in args (without the program name) and returns what it printed and
//! its exit code, printing nothing. A Gui command creates a QApplication (offscreen when no
//! platform is set) when there is no application object; a plain QCoreApplication is an error.
CommandResult execute(const QStringList& args);

//! Runs the subcommand named in arguments (arguments[0] is the program), prints its output and
//! returns the exit code.
int run(const QStringList& arguments);

} // namespace sharecast::cli
