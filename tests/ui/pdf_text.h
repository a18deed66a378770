#pragma once
//! What the report tests read of a PDF: its text, through poppler's pdftotext.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace sharecast::testing {

//! The PDF's text, laid out as on the page; pages are separated by form feeds (empty when
//! pdftotext fails).
inline QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace sharecast::testing
