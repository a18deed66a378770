#pragma once
//! One subcommand of `sharecast`: its name, help text, the arguments it takes, whether it needs
//! a QApplication, and its work. Each command is declared, parsed and carried out in one file
//! (app/cli/*_command(s).cpp); commands.cpp lists them in the one table.

#include "cli/arguments.h"
#include "io/io_error.h"

#include <QString>

#include <functional>
#include <stdexcept>

namespace sharecast::cli {

//! The exit status of every subcommand (the README's promise).
enum ExitCode { Ok = 0, Failure = 1, BadInput = 2 };

//! What a command prints and how it ends.
struct CommandResult {
    int exitCode = Ok;
    QString out; //!< for stdout
    QString err; //!< for stderr: warnings, then the error that ended the command
};

//! An output could not be written (disk full, read-only folder): exit 1. The message names the file.
using OutputError = io::WriteError;

//! What a command needs from the application object main() creates before running it.
enum class Needs {
    Core, //!< headless: a QCoreApplication, no display
    Gui,  //!< it draws (the report's charts): a QApplication, offscreen when no platform is set
};

//! One subcommand.
struct Command {
    QString name;
    QString summary; //!< one line for `sharecast --help`
    QString usage;   //!< for `sharecast help NAME` and after a usage error
    ArgumentSpec arguments;
    Needs needs = Needs::Core;
    //! The work: appends what to print to result (out, and warnings to err). Reports a problem
    //! by throwing — UsageError, InputError, io::ProjectError or OutputError — which the one
    //! mapping in cli.cpp turns into the exit code and message; it never prints or exits.
    std::function<void(const Arguments& args, CommandResult& result)> run;
};

} // namespace sharecast::cli
