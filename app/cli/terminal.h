#pragma once
//! The command line's two dealings with its terminal that differ by platform: an interruption
//! (Ctrl+C, SIGTERM) noticed while a long command runs, and a password read without echo.

#include <QString>

#include <functional>
#include <optional>

namespace sharecast::cli {

//! While alive, Ctrl+C and SIGTERM (Ctrl+Break on Windows) do not end the process but raise a flag
//! that interrupted() reads, so a long command can stop cleanly (cancel its query, leave the
//! project as it was) and exit non-zero. The previous handlers are restored on destruction.
class InterruptWatch {
public:
    InterruptWatch();
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

    //! True once an interruption arrived.
    static bool interrupted();
    //! interrupted() as a callable, for an ImportControl.
    std::function<bool()> flag() const { return &InterruptWatch::interrupted; }
};

//! Reads a line from the terminal without echoing it, after writing prompt to stderr; nullopt when
//! standard input is not a terminal (a script: nothing is read) or at the end of input.
std::optional<QString> readHiddenLine(const QString& prompt);

} // namespace sharecast::cli
