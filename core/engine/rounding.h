#pragma once
//! Output rounding (methodology §0, §9a): applied once, when a number is written or shown.

#include <string>

namespace sharecast {

//! Decimal text of x rounded to `decimals` places from the double's exact binary value, ties
//! away from zero ("-0.00" is written "0.00"). Non-finite values give "nan"/"inf"/"-inf".
std::string formatFixed(double x, int decimals);

//! Money to cents (§9a).
inline std::string formatMoney(double x)
{
    return formatFixed(x, 2);
}
//! Rates to 10 decimals (§9a).
inline std::string formatRate(double x)
{
    return formatFixed(x, 10);
}
//! Members to 6 decimals (§9a).
inline std::string formatMembers(double x)
{
    return formatFixed(x, 6);
}

//! A fraction as a percent for messages and reasons, "59.51 %" from 0.5951 (formatFixed of
//! 100 · x with `decimals` places; rates are shown in percent, methodology §0).
std::string formatPercentText(double fraction, int decimals = 2);

//! The value of formatFixed(x, decimals) as a double (for on-screen figures and sums of
//! rounded amounts).
double roundTo(double x, int decimals);

} // namespace sharecast
