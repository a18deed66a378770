#pragma once
//! Exact decimal arithmetic for the member aggregates (methodology §1.3's exact-sum rule): the value
//! a field's text writes, exact sums and products of such values, and the one conversion of an
//! exact decimal to the nearest double.

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sharecast::io {

//! The most significant digits a summed field may have (leading zeros and trailing fractional
//! zeros not counted): its mantissa then fits in 64 bits.
inline constexpr int kMaxSignificantDigits = 19;

//! A decimal as written: mantissa × 10^exponent, with its sign.
struct Decimal {
    std::uint64_t mantissa = 0;
    int exponent = 0;
    bool negative = false; //!< only for a nonzero mantissa ("-0" is 0)
};

//! What parseDecimal() found.
enum class DecimalText {
    Ok,
    NotANumber,    //!< not digits with an optional point and exponent (and one optional sign)
    TooManyDigits, //!< more than kMaxSignificantDigits significant digits
};

//! Reads text strictly as parseFiniteNumber() does ("12", "+5", "-0.5", ".5", "5.", "1e-3"; no
//! spaces, "NaN", "inf" or hexadecimal), keeping the exact value ("1.50" may come back as 150 × 10⁻²
//! or 15 × 10⁻¹: the same value). Does not check the range of double.
inline DecimalText parseDecimal(std::string_view text, Decimal& out)
{
    // The usual field, at most 19 characters of digits and one point: read here, in one pass (it
    // has at most 19 digits, so its mantissa fits); anything else by the general reader.
    DecimalText parseDecimalText(std::string_view text, Decimal & out);
    if (text.empty() || text.size() > static_cast<std::size_t>(kMaxSignificantDigits))
        return parseDecimalText(text, out);
    std::uint64_t mantissa = 0;
    int fraction = -1; // digits after the point, -1 before it
    for (const char c : text) {
        const auto d = static_cast<unsigned>(c - '0');
        if (d < 10) {
            mantissa = mantissa * 10 + d;
            fraction += fraction >= 0 ? 1 : 0;
        } else if (c == '.' && fraction < 0) {
            fraction = 0;
        } else {
            return parseDecimalText(text, out);
        }
    }
    if (text.size() == 1 && fraction == 0)
        return DecimalText::NotANumber; // "."
    out.mantissa = mantissa;
    out.exponent = mantissa == 0 || fraction < 0 ? 0 : -fraction;
    out.negative = false;
    return DecimalText::Ok;
}

//! Three-way exact comparison of two non-negative decimals (the signs are ignored).
int compareDecimals(const Decimal& a, const Decimal& b);

//! The shortest decimal that reads back as x (std::to_chars), exactly: 250000.0 → 25 × 10⁴.
//! x must be finite.
Decimal shortestDecimal(double x);

//! An upper bound (a member's 12 months, a risk score's 100, an amount's 1e12) that decimals are
//! checked against exactly; quick for the usual integer bound and a few decimal places.
class DecimalLimit {
public:
    //! The bound's shortest decimal (shortestDecimal()).
    explicit DecimalLimit(double bound);
    //! Whether |d| is above the bound.
    bool exceededBy(const Decimal& d) const
    {
        if (integral_ && d.exponent <= 0 && d.exponent > -static_cast<int>(maxMantissa_.size()))
            return d.mantissa > maxMantissa_[static_cast<std::size_t>(-d.exponent)];
        return compareDecimals(d, bound_) > 0;
    }

private:
    Decimal bound_;
    bool integral_ = false; //!< the bound is an integer below 2^64
    //! For exponent −k, the largest mantissa within an integral bound.
    std::array<std::uint64_t, 20> maxMantissa_{};
};

//! Thrown when an exact sum or product would need more than 77 decimal digits (256 bits): values
//! of wildly different scales (1e12 and 1e-70) cannot be summed exactly.
class ExactOverflow : public std::overflow_error {
public:
    ExactOverflow() : std::overflow_error("exact sum needs more than 256 bits") {}
};

//! A non-negative exact decimal, a 256-bit unsigned mantissa × 10^exponent, that sums exactly:
//! adding a value of a smaller exponent rescales the sum (throwing ExactOverflow when the result
//! would not fit). The order of additions changes neither the value nor its nearest double.
class ExactDecimal {
public:
    ExactDecimal() = default;
    //! The value of a non-negative decimal (the sign is ignored).
    explicit ExactDecimal(const Decimal& d)
    {
        if (d.mantissa != 0) {
            limbs_[0] = d.mantissa;
            exponent_ = d.exponent;
        }
    }

    //! Adds a non-negative decimal. Throws ExactOverflow.
    void add(const Decimal& d)
    {
        if (d.mantissa == 0)
            return;
        if (isZero()) {
            *this = ExactDecimal(d);
            return;
        }
        if (d.exponent == exponent_) {
            addWord(d.mantissa);
            return;
        }
        addScaled(Limbs{d.mantissa, 0, 0, 0}, d.exponent);
    }
    //! Adds another exact decimal. Throws ExactOverflow.
    void add(const ExactDecimal& other)
    {
        if (other.isZero())
            return;
        if (other.exponent_ == exponent_ && !isZero()) {
            addSameExponent(other.limbs_);
            return;
        }
        addScaled(other.limbs_, other.exponent_);
    }
    //! this − other, for other <= this.
    ExactDecimal minus(const ExactDecimal& other) const;
    //! The exact product. Throws ExactOverflow.
    static ExactDecimal product(const ExactDecimal& a, const ExactDecimal& b);
    //! The exact product of two decimals (at most 128 bits: it cannot overflow).
    static ExactDecimal product(const Decimal& a, const Decimal& b);
    //! Three-way comparison.
    static int compare(const ExactDecimal& a, const ExactDecimal& b);

    bool isZero() const { return (limbs_[0] | limbs_[1] | limbs_[2] | limbs_[3]) == 0; }
    //! The exact value as decimal text: the mantissa's digits, then "e" and the exponent when it is
    //! not 0 ("12345e-2"); "0" for zero.
    std::string text() const;
    //! The double nearest the exact value (ties to even), via nearestDouble(text()).
    double toDouble() const;

private:
    using Limbs = std::array<std::uint64_t, 4>; // least significant first
    void addWord(std::uint64_t w)
    {
        limbs_[0] += w;
        if (limbs_[0] < w)
            carryFromFirst(w);
    }
    void carryFromFirst(std::uint64_t w);
    void addSameExponent(const Limbs& value);
    void addScaled(Limbs value, int exponent);

    Limbs limbs_{};
    int exponent_ = 0;
};

//! The double nearest an exact decimal written as text (digits with an optional point and
//! exponent, one optional sign: "12345e-2", PostgreSQL NUMERIC's "123.4500"), rounding half to
//! even (std::from_chars, which is correctly rounded). The one conversion of an exact sum, for the
//! CSV import and the warehouse import alike. Throws std::invalid_argument when text is not such a
//! number or its value lies beyond double's range.
double nearestDouble(std::string_view decimalText);

} // namespace sharecast::io
