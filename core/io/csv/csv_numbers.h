#pragma once
//! The text of numbers in Sharecast's CSV outputs (methodology §9a): money to cents, rates to 10
//! decimals, members to 6, NA as an empty field. One home for every writer.

#include "engine/rounding.h"

#include <QString>

#include <optional>

namespace sharecast::io::csvtext {

inline QString money(double x)
{
    return QString::fromStdString(formatMoney(x));
}
inline QString rate(double x)
{
    return QString::fromStdString(formatRate(x));
}
inline QString rate(const std::optional<double>& x)
{
    return x ? rate(*x) : QString();
}
inline QString members(double x)
{
    return QString::fromStdString(formatMembers(x));
}
inline QString flag(bool b)
{
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

} // namespace sharecast::io::csvtext
