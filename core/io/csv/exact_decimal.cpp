#include "io/csv/exact_decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace sharecast::io {

namespace {

using Limbs = std::array<std::uint64_t, 4>;

constexpr std::array<std::uint64_t, 20> kPow10 = [] {
    std::array<std::uint64_t, 20> p{};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i)
        p[i] = p[i - 1] * 10;
    return p;
}();

//! a × b as (high, low) 64-bit words.
inline std::uint64_t mulWide(std::uint64_t a, std::uint64_t b, std::uint64_t& high)
{
#if defined(__SIZEOF_INT128__)
    __extension__ using U128 = unsigned __int128;
    const U128 p = static_cast<U128>(a) * b;
    high = static_cast<std::uint64_t>(p >> 64);
    return static_cast<std::uint64_t>(p);
#else
    const std::uint64_t aL = a & 0xffffffffU, aH = a >> 32, bL = b & 0xffffffffU, bH = b >> 32;
    const std::uint64_t ll = aL * bL, lh = aL * bH, hl = aH * bL, hh = aH * bH;
    const std::uint64_t mid = (ll >> 32) + (lh & 0xffffffffU) + (hl & 0xffffffffU);
    high = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    return (mid << 32) | (ll & 0xffffffffU);
#endif
}

//! x += y; false on overflow.
bool addLimbs(Limbs& x, const Limbs& y)
{
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::uint64_t s = x[i] + y[i];
        const std::uint64_t c1 = s < x[i] ? 1 : 0;
        x[i] = s + carry;
        carry = c1 + (x[i] < s ? 1 : 0);
    }
    return carry == 0;
}

//! x −= y for y <= x.
void subLimbs(Limbs& x, const Limbs& y)
{
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::uint64_t d = x[i] - y[i];
        const std::uint64_t b1 = x[i] < y[i] ? 1 : 0;
        x[i] = d - borrow;
        borrow = b1 + (d < borrow ? 1 : 0);
    }
}

//! x ×= m; false on overflow.
bool mulSmall(Limbs& x, std::uint64_t m)
{
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        std::uint64_t high = 0;
        const std::uint64_t low = mulWide(x[i], m, high);
        x[i] = low + carry;
        carry = high + (x[i] < low ? 1 : 0);
    }
    return carry == 0;
}

//! x ×= 10^k; false on overflow.
bool scaleLimbs(Limbs& x, int k)
{
    for (; k > 0; k -= 19)
        if (!mulSmall(x, kPow10[static_cast<std::size_t>(std::min(k, 19))]))
            return false;
    return true;
}

//! The full product; false on overflow.
bool mulLimbs(const Limbs& a, const Limbs& b, Limbs& out)
{
    out = Limbs{};
    for (std::size_t i = 0; i < 4; ++i) {
        if (a[i] == 0)
            continue;
        std::uint64_t carry = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            std::uint64_t high = 0;
            const std::uint64_t low = mulWide(a[i], b[j], high);
            if (i + j >= 4) {
                if (low != 0 || high != 0 || carry != 0)
                    return false;
                continue;
            }
            std::uint64_t s = out[i + j] + low;
            high += s < low ? 1 : 0;
            const std::uint64_t t = s + carry;
            high += t < s ? 1 : 0;
            out[i + j] = t;
            carry = high;
        }
        if (carry != 0)
            return false;
    }
    return true;
}

int compareLimbs(const Limbs& a, const Limbs& b)
{
    for (std::size_t i = 4; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

//! x /= 10^9, returning the remainder (portable: 32-bit halves).
std::uint32_t divBillion(Limbs& x)
{
    constexpr std::uint64_t kBillion = 1000000000U;
    std::uint64_t rem = 0;
    for (std::size_t i = 4; i-- > 0;) {
        const std::uint64_t hi = (rem << 32) | (x[i] >> 32);
        const std::uint64_t qHi = hi / kBillion;
        rem = hi % kBillion;
        const std::uint64_t lo = (rem << 32) | (x[i] & 0xffffffffU);
        const std::uint64_t qLo = lo / kBillion;
        rem = lo % kBillion;
        x[i] = (qHi << 32) | qLo;
    }
    return static_cast<std::uint32_t>(rem);
}

//! Scales a or b so that both have the smaller exponent; false when that overflows (then the one
//! scaled is the larger value).
bool align(Limbs& a, int ea, Limbs& b, int eb, int& exponent, bool& aOverflowed)
{
    aOverflowed = false;
    if (ea > eb) {
        exponent = eb;
        aOverflowed = !scaleLimbs(a, ea - eb);
        return !aOverflowed;
    }
    exponent = ea;
    return scaleLimbs(b, eb - ea);
}

//! The magnitude (power of ten just above |value|) of decimal text, for telling an underflow from
//! an overflow; the text is a valid decimal.
int textMagnitude(std::string_view t)
{
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-'))
        ++i;
    int magnitude = 0;
    bool nonzero = false;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
        if (nonzero || t[i] != '0') {
            nonzero = true;
            ++magnitude;
        }
    if (i < t.size() && t[i] == '.')
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
            if (nonzero)
                continue;
            if (t[i] != '0')
                nonzero = true;
            else
                --magnitude;
        }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        long e = 0;
        const std::string_view rest = t.substr(i + 1);
        const char* first = rest.data();
        if (!rest.empty() && rest.front() == '+')
            ++first;
        std::from_chars(first, rest.data() + rest.size(), e);
        magnitude += static_cast<int>(std::clamp(e, -1000000L, 1000000L));
    }
    return magnitude;
}

} // namespace

DecimalText parseDecimalText(std::string_view text, Decimal& out)
{
    const char* p = text.data();
    const char* const end = p + text.size();
    bool negative = false;
    if (p != end && *p == '+') {
        ++p;
    } else if (p != end && *p == '-') {
        negative = true;
        ++p;
    }
    std::uint64_t mantissa = 0;
    int exponent = 0;
    int significant = 0;  // digits in mantissa
    int pendingZeros = 0; // fractional zeros not yet known to be significant
    bool anyDigit = false;
    bool tooMany = false;
    for (; p != end && *p >= '0' && *p <= '9'; ++p) {
        anyDigit = true;
        const auto d = static_cast<std::uint64_t>(*p - '0');
        if (significant == 0 && d == 0)
            continue; // a leading zero
        if (++significant > kMaxSignificantDigits)
            tooMany = true;
        else
            mantissa = mantissa * 10 + d;
    }
    if (p != end && *p == '.') {
        for (++p; p != end && *p >= '0' && *p <= '9'; ++p) {
            anyDigit = true;
            const auto d = static_cast<std::uint64_t>(*p - '0');
            if (d == 0) {
                if (significant == 0)
                    --exponent; // a leading zero of the fraction
                else
                    ++pendingZeros;
                continue;
            }
            significant += pendingZeros + 1;
            exponent -= pendingZeros + 1;
            if (significant > kMaxSignificantDigits) {
                tooMany = true;
            } else {
                mantissa = mantissa * kPow10[static_cast<std::size_t>(pendingZeros + 1)] + d;
            }
            pendingZeros = 0;
        }
    }
    if (!anyDigit)
        return DecimalText::NotANumber;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negativeExponent = false;
        if (p != end && (*p == '+' || *p == '-'))
            negativeExponent = *p++ == '-';
        if (p == end || *p < '0' || *p > '9')
            return DecimalText::NotANumber;
        int e = 0;
        for (; p != end && *p >= '0' && *p <= '9'; ++p)
            e = std::min(e * 10 + (*p - '0'), 1000000);
        exponent += negativeExponent ? -e : e;
    }
    if (p != end)
        return DecimalText::NotANumber;
    if (tooMany)
        return DecimalText::TooManyDigits;
    out.mantissa = mantissa;
    out.exponent = mantissa == 0 ? 0 : exponent;
    out.negative = negative && mantissa != 0;
    return DecimalText::Ok;
}

int compareDecimals(const Decimal& a, const Decimal& b)
{
    return ExactDecimal::compare(ExactDecimal(a), ExactDecimal(b));
}

Decimal shortestDecimal(double x)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, x);
    Decimal d;
    if (ec != std::errc() ||
        parseDecimal(std::string_view(buf, std::size_t(ptr - buf)), d) != DecimalText::Ok)
        throw std::invalid_argument("not a finite number: " + std::string(buf, std::size_t(ptr - buf)));
    return d;
}

DecimalLimit::DecimalLimit(double bound) : bound_(shortestDecimal(bound))
{
    // An integer bound B: m × 10^−k <= B exactly when m <= B × 10^k.
    Limbs b{bound_.mantissa, 0, 0, 0};
    if (bound_.exponent < 0 || !scaleLimbs(b, bound_.exponent) || b[1] != 0)
        return; // the general comparison
    integral_ = true;
    for (std::size_t k = 0; k < maxMantissa_.size(); ++k) {
        Limbs scaled = b;
        maxMantissa_[k] = scaleLimbs(scaled, static_cast<int>(k)) && scaled[1] == 0 ? scaled[0] : UINT64_MAX;
    }
}

void ExactDecimal::carryFromFirst(std::uint64_t w)
{
    for (std::size_t i = 1; i < 4; ++i)
        if (++limbs_[i] != 0)
            return;
    // Past 2^256: undo (the higher words wrapped to 0, all of them having been 2^64 − 1).
    limbs_[1] = limbs_[2] = limbs_[3] = UINT64_MAX;
    limbs_[0] -= w;
    throw ExactOverflow();
}

void ExactDecimal::addSameExponent(const Limbs& value)
{
    Limbs sum = limbs_;
    if (!addLimbs(sum, value))
        throw ExactOverflow();
    limbs_ = sum;
}

void ExactDecimal::addScaled(Limbs value, int exponent)
{
    if (isZero()) {
        limbs_ = value;
        exponent_ = exponent;
        return;
    }
    Limbs mine = limbs_;
    int common = 0;
    bool unused = false;
    if (!align(mine, exponent_, value, exponent, common, unused) || !addLimbs(mine, value))
        throw ExactOverflow();
    limbs_ = mine;
    exponent_ = common;
}

ExactDecimal ExactDecimal::minus(const ExactDecimal& other) const
{
    if (other.isZero())
        return *this;
    Limbs a = limbs_, b = other.limbs_;
    int common = 0;
    bool unused = false;
    if (!align(a, exponent_, b, other.exponent_, common, unused))
        throw ExactOverflow();
    subLimbs(a, b);
    ExactDecimal r;
    r.limbs_ = a;
    r.exponent_ = common;
    return r;
}

ExactDecimal ExactDecimal::product(const ExactDecimal& a, const ExactDecimal& b)
{
    ExactDecimal r;
    if (a.isZero() || b.isZero())
        return r;
    if (!mulLimbs(a.limbs_, b.limbs_, r.limbs_))
        throw ExactOverflow();
    r.exponent_ = a.exponent_ + b.exponent_;
    return r;
}

ExactDecimal ExactDecimal::product(const Decimal& a, const Decimal& b)
{
    ExactDecimal r;
    if (a.mantissa == 0 || b.mantissa == 0)
        return r;
    r.limbs_[0] = mulWide(a.mantissa, b.mantissa, r.limbs_[1]);
    r.exponent_ = a.exponent + b.exponent;
    return r;
}

int ExactDecimal::compare(const ExactDecimal& a, const ExactDecimal& b)
{
    if (a.isZero() || b.isZero())
        return a.isZero() ? (b.isZero() ? 0 : -1) : 1;
    Limbs x = a.limbs_, y = b.limbs_;
    int common = 0;
    bool aOverflowed = false;
    if (!align(x, a.exponent_, y, b.exponent_, common, aOverflowed))
        return aOverflowed ? 1 : -1; // the value scaled up is beyond 256 bits, the other within
    return compareLimbs(x, y);
}

std::string ExactDecimal::text() const
{
    if (isZero())
        return "0";
    std::string digits;
    Limbs x = limbs_;
    while (x != Limbs{}) {
        std::uint32_t chunk = divBillion(x);
        for (int k = 0; k < 9; ++k) {
            digits += static_cast<char>('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    std::reverse(digits.begin(), digits.end());
    if (exponent_ != 0)
        digits += "e" + std::to_string(exponent_);
    return digits;
}

double ExactDecimal::toDouble() const
{
    return nearestDouble(text());
}

double nearestDouble(std::string_view decimalText)
{
    const char* first = decimalText.data();
    const char* const last = first + decimalText.size();
    if (first != last && *first == '+')
        ++first;
    const char* digits = first != last && *first == '-' ? first + 1 : first;
    if (digits == last || !((*digits >= '0' && *digits <= '9') || *digits == '.'))
        throw std::invalid_argument("not a decimal number: " + std::string(decimalText));
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ptr != last || (ec != std::errc() && ec != std::errc::result_out_of_range))
        throw std::invalid_argument("not a decimal number: " + std::string(decimalText));
    if (ec == std::errc::result_out_of_range) {
        if (textMagnitude(decimalText) > 0)
            throw std::invalid_argument("beyond the range of a double: " + std::string(decimalText));
        return *first == '-' ? -0.0 : 0.0; // nearer to zero than to the smallest double
    }
    if (!std::isfinite(value))
        throw std::invalid_argument("beyond the range of a double: " + std::string(decimalText));
    return value;
}

} // namespace sharecast::io
