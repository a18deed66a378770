#pragma once
//! The two I/O failures of Sharecast's files, as distinct from bad input (InputError, exit 2):
//! a file that exists but cannot be read, and an output that cannot be written. Both are exit 1
//! on the command line; what() names the file.

#include <QString>

#include <stdexcept>

namespace sharecast::io {

//! An output could not be written (disk full, file-size limit, read-only folder).
class WriteError : public std::runtime_error {
public:
    explicit WriteError(const QString& message) : std::runtime_error(message.toStdString()) {}
};

//! An input file that exists could not be read (permission denied, a device error): the file is
//! not at fault, the system is. A file that does not exist is bad input instead.
class ReadError : public std::runtime_error {
public:
    explicit ReadError(const QString& message) : std::runtime_error(message.toStdString()) {}
};

//! "FILE: cannot read: REASON".
inline ReadError readError(const QString& path, const QString& reason)
{
    return ReadError(QStringLiteral("%1: cannot read: %2").arg(path, reason));
}

} // namespace sharecast::io
