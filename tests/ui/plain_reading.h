#pragma once
//! The reading test of the executive summary and the Overview tab (issue 18): text for a state
//! Medicaid director has no section sign, no formula, no single-letter symbol of the methodology
//! and no acronym that the same text does not spell out in brackets on first use.

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace sharecast::testing {

//! What a director would stumble on in `text`: each problem names the token; empty when it reads
//! plainly.
inline QStringList plainReadingProblems(const QString& text)
{
    QStringList problems;
    if (text.contains(u'§'))
        problems << QStringLiteral("section sign §");
    if (text.contains(u'='))
        problems << QStringLiteral("formula sign =");
    // The methodology's symbols standing alone: E, A (before an operator or in brackets), G, P, T,
    // N, S, Q, R and the Greek ones.
    static const QRegularExpression symbol(
        QStringLiteral("(?<![\\p{L}\\p{N}$])([EGPTNSQRρλστ]|A(?=\\s*[−+·/()]))(?![\\p{L}\\p{N}’'])"));
    for (auto it = symbol.globalMatch(text); it.hasNext();)
        problems << QStringLiteral("symbol %1").arg(it.next().captured(1));
    static const QStringList acronyms = {"FMAP", "MSR", "MLR", "MCP", "TCC",  "CBP", "PMPM", "COS", "CBO",
                                         "ECM",  "LTC", "SPD", "ACA", "DHCS", "CMS", "ASOP", "NA",  "CSV"};
    for (const QString& a : acronyms) {
        const QRegularExpression word(QStringLiteral("(?<![\\p{L}])%1(?![\\p{L}])").arg(a));
        if (text.contains(word) && !text.contains(QStringLiteral("(%1)").arg(a)))
            problems << QStringLiteral("unexplained acronym %1").arg(a);
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace sharecast::testing
