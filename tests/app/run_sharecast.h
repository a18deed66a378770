#pragma once
//! Runs the built `sharecast` binary as a user runs it from a shell, for the command-line tests.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace sharecast::testing {

//! What a run printed and how it ended: exit code, or −1 when it timed out, −2 when it crashed.
struct CliResult {
    int exitCode;
    QString out;
    QString err;
};

//! Runs SHARECAST_BINARY with args, without a display (subcommands must not need one).
inline CliResult runSharecast(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SHARECAST_BINARY), args);
    if (!p.waitForFinished(120000))
        return {-1, {}, QStringLiteral("timed out")};
    if (p.exitStatus() != QProcess::NormalExit)
        return {-2, {}, QStringLiteral("crashed")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

//! Writes text to path; false when it cannot.
inline bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

//! The bytes of path (empty when it cannot be read).
inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! The lines of a file written with LF line ends, without the final empty one.
inline QList<QByteArray> fileLines(const QString& path)
{
    QList<QByteArray> l = readFile(path).split('\n');
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace sharecast::testing
