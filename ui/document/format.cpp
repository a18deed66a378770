#include "ui/document/format.h"

#include "engine/rounding.h"

#include <QLocale>

#include <cmath>

namespace sharecast::ui {

namespace {
QString grouped(const std::string& fixed)
{
    // fixed is "-1234567.89": insert separators into the integer part.
    QString s = QString::fromStdString(fixed);
    const bool negative = s.startsWith(u'-');
    if (negative)
        s.remove(0, 1);
    int dot = s.indexOf(u'.');
    if (dot < 0)
        dot = s.size();
    for (int i = dot - 3; i > 0; i -= 3)
        s.insert(i, u',');
    return negative ? QStringLiteral("−") + s : s;
}
} // namespace

QString formatDollars(double value)
{
    QString s = grouped(formatMoney(value));
    return s.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + s.mid(1) : QStringLiteral("$") + s;
}

QString formatMillions(double value, int decimals)
{
    QString s = grouped(formatFixed(value / 1e6, decimals));
    return s.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + s.mid(1) + u'M'
                                             : QStringLiteral("$") + s + u'M';
}

QString formatCompactDollars(double value)
{
    const double a = std::fabs(value);
    if (a >= 999.5e3)
        return formatMillions(value, a >= 99.95e6 ? 0 : 1);
    QString s;
    if (a >= 999.5)
        s = grouped(formatFixed(a / 1e3, a >= 99.95e3 ? 0 : 1)) + u'k';
    else
        s = grouped(formatFixed(a, 0));
    // A value that rounds to nothing has no sign.
    const bool negative = value < 0.0 && s != QLatin1String("0");
    return (negative ? QStringLiteral("−$") : QStringLiteral("$")) + s;
}

QString formatPercent(double fraction, int decimals)
{
    return QString::fromStdString(formatFixed(100.0 * fraction, decimals)) + QStringLiteral(" %");
}

QString formatNumber(double value, int decimals)
{
    return grouped(formatFixed(value, decimals));
}

} // namespace sharecast::ui
