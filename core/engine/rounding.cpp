#include "rounding.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace sharecast {

std::string formatFixed(double x, int decimals)
{
    if (std::isnan(x))
        return "nan";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    if (decimals < 0)
        decimals = 0;

    // glibc prints the exact decimal expansion of a double; a binary fraction of at most 1074
    // bits ends within 1074 decimal places, but money magnitudes need far fewer: 60 extra digits
    // beyond the rounding position are exact for every |x| >= 2^-60 and, below that, the digits
    // past the position are all that matter (any non-zero tail only rounds up when the first
    // dropped digit is >= 5, which the 60 digits show exactly).
    const bool negative = std::signbit(x);
    const double mag = std::fabs(x);
    char buf[512];
    // A short print decides the rounding unless printf's own rounding at its last digit could
    // have carried into the digit that decides ours: when every printed digit after that one is
    // 9 (a carry may be due) or 0 (a carry may have happened, or an exact tie), the long, exact
    // print decides.
    int keep = decimals + 20;
    std::snprintf(buf, sizeof buf, "%.*f", keep, mag);
    {
        const char* tail = std::strchr(buf, '.') + 1 + decimals + 1;
        const bool allNines = std::strspn(tail, "9") == std::strlen(tail);
        const bool allZeros = std::strspn(tail, "0") == std::strlen(tail);
        if (allNines || allZeros) {
            keep = decimals + 60 > 400 ? 400 : decimals + 60;
            std::snprintf(buf, sizeof buf, "%.*f", keep, mag);
        }
    }
    std::string digits(buf);
    const std::size_t dot = digits.find('.');
    std::string intPart = digits.substr(0, dot);
    std::string frac = digits.substr(dot + 1);

    const bool roundUp = frac.size() > static_cast<std::size_t>(decimals) && frac[decimals] >= '5';
    std::string kept = intPart + frac.substr(0, decimals); // all digits, no point
    if (roundUp) {
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0) {
            if (kept[i] == '9') {
                kept[i] = '0';
                --i;
            } else {
                ++kept[i];
                break;
            }
        }
        if (i < 0)
            kept.insert(kept.begin(), '1');
    }
    const std::size_t intLen = kept.size() - static_cast<std::size_t>(decimals);
    std::string out = kept.substr(0, intLen);
    if (decimals > 0)
        out += "." + kept.substr(intLen);

    bool allZero = true;
    for (char c : out)
        if (c != '0' && c != '.') {
            allZero = false;
            break;
        }
    if (negative && !allZero)
        out.insert(out.begin(), '-');
    return out;
}

double roundTo(double x, int decimals)
{
    const std::string s = formatFixed(x, decimals);
    return std::strtod(s.c_str(), nullptr);
}

std::string formatPercentText(double fraction, int decimals)
{
    return formatFixed(100.0 * fraction, decimals) + " %";
}

} // namespace sharecast
