#include "cli/terminal.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace sharecast::cli {

namespace {

volatile std::sig_atomic_t interruptedFlag = 0;

extern "C" void onInterrupt(int)
{
    interruptedFlag = 1;
}

using Handler = void (*)(int);
Handler previousInt = SIG_DFL;
Handler previousTerm = SIG_DFL;

//! Turns the terminal's echo off (or back on); false when standard input is not a terminal.
bool setEcho(bool on)
{
#ifdef _WIN32
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (!_isatty(_fileno(stdin)) || !GetConsoleMode(in, &mode))
        return false;
    return SetConsoleMode(in, on ? (mode | ENABLE_ECHO_INPUT) : (mode & ~DWORD(ENABLE_ECHO_INPUT)));
#else
    termios t{};
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &t) != 0)
        return false;
    if (on)
        t.c_lflag |= ECHO;
    else
        t.c_lflag &= ~tcflag_t(ECHO);
    return tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
#endif
}

} // namespace

InterruptWatch::InterruptWatch()
{
    interruptedFlag = 0;
    previousInt = std::signal(SIGINT, onInterrupt);
    previousTerm = std::signal(SIGTERM, onInterrupt);
}

InterruptWatch::~InterruptWatch()
{
    std::signal(SIGINT, previousInt == SIG_ERR ? SIG_DFL : previousInt);
    std::signal(SIGTERM, previousTerm == SIG_ERR ? SIG_DFL : previousTerm);
}

bool InterruptWatch::interrupted()
{
    return interruptedFlag != 0;
}

std::optional<QString> readHiddenLine(const QString& prompt)
{
    if (!setEcho(false))
        return std::nullopt;
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    setEcho(true);
    std::fputs("\n", stderr);
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromLocal8Bit(line);
}

} // namespace sharecast::cli
