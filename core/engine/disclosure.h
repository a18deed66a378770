#pragma once
//! The small-cell disclosure rule of public outputs (methodology §0; CMS's cell-size suppression
//! policy): in a public briefing or export, a count from 1 to 10, and every figure derived from
//! fewer than 11 members, is shown as "*". Zero is shown: an empty cell identifies no one. Every
//! export, the report and the workbench ask these functions; none spells the rule again.

#include "types.h"

#include <vector>

namespace sharecast::disclosure {

//! The fewest members whose figures may be published.
inline constexpr double kMinMembers = 11.0;

//! The largest count that is suppressed (counts 1 to kMaxSmallCount are).
inline constexpr double kMaxSmallCount = 10.0;

//! What a suppressed figure is shown as.
inline constexpr char kMark[] = "*";

//! True when a count (members, a denominator, claims) must be suppressed: 1 to 10.
constexpr bool isSmallCount(double count)
{
    return count >= 1.0 && count <= kMaxSmallCount;
}

//! True when figures derived from this many members (member years) must be suppressed:
//! more than none and fewer than 11.
constexpr bool isSmallMembership(double members)
{
    return members > 0.0 && members < kMinMembers;
}

//! isSmallMembership() of a cell or plan given its member months (members = MM / 12).
constexpr bool isSmallByMemberMonths(MemberMonths memberMonths)
{
    return isSmallMembership(memberYears(memberMonths));
}

//! Complementary suppression. A published total over parts (the statewide row over plans, a
//! plan's figure over its cells, a composite over its measures) gives away a suppressed part when
//! it is the only suppressed part with members: the total minus the shown parts is that part. So
//! when exactly one part with members is suppressed for its own size (`primary`), the smallest
//! other part with members (by `sizes`; the first such on ties) is suppressed with it; the two
//! then show only their sum. `suppressed` has one flag per part. `totalWithheld` is true when no
//! such complement exists (no other part has members): the total itself must then be withheld.
struct Suppression {
    std::vector<bool> suppressed;
    bool totalWithheld = false;
};

//! The parts to suppress among parts of the given sizes (members, denominators: any measure of
//! size in which a smaller part is the less informative complement), given the primary ones.
inline Suppression complementarySuppression(const std::vector<double>& sizes,
                                            const std::vector<bool>& primary)
{
    Suppression out;
    out.suppressed = primary;
    out.suppressed.resize(sizes.size(), false);
    int withMembers = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i)
        withMembers += out.suppressed[i] && sizes[i] > 0.0 ? 1 : 0;
    if (withMembers != 1)
        return out;
    std::size_t best = sizes.size();
    for (std::size_t i = 0; i < sizes.size(); ++i)
        if (!out.suppressed[i] && sizes[i] > 0.0 && (best == sizes.size() || sizes[i] < sizes[best]))
            best = i;
    if (best == sizes.size())
        out.totalWithheld = true;
    else
        out.suppressed[best] = true;
    return out;
}

//! True when a total over parts that have `sizes` gives away a suppressed part: exactly one
//! suppressed part has members (checked again where the parts of a total are not those the
//! suppression was chosen on, e.g. a projection year in which the complement has no members).
inline bool revealsSuppressedPart(const std::vector<double>& sizes, const std::vector<bool>& suppressed)
{
    int withMembers = 0;
    for (std::size_t i = 0; i < sizes.size() && i < suppressed.size(); ++i)
        withMembers += suppressed[i] && sizes[i] > 0.0 ? 1 : 0;
    return withMembers == 1;
}

} // namespace sharecast::disclosure
