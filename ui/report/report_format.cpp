#include "ui/report/report_format.h"

#include "engine/rounding.h"
#include "ui/document/format.h"

namespace sharecast::ui::report {

QString dollars(double x)
{
    const QString s = formatNumber(roundTo(x, 2), 0);
    return s.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + s.mid(1) : QStringLiteral("$") + s;
}

QString millions(double x)
{
    return formatMillions(roundTo(x, 2), 1);
}

QString pmpm(double x)
{
    return formatDollars(x);
}

QString percent(double f, int decimals)
{
    return formatPercent(f, decimals).replace(u'-', QStringLiteral("−"));
}

QString count(double n)
{
    return formatNumber(n, 0);
}

QString probability(double p, bool compact)
{
    if (p < 0.0005)
        return compact ? QStringLiteral("<0.1 %") : QStringLiteral("less than 0.1 %");
    if (p >= 0.9995)
        return compact ? QStringLiteral(">99.9 %") : QStringLiteral("more than 99.9 %");
    return percent(p, 1);
}

QString membersInWords(double n)
{
    if (n >= 1e6)
        return QStringLiteral("%1 million").arg(formatNumber(n / 1e6, 1));
    return count(n);
}

} // namespace sharecast::ui::report
