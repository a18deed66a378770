#pragma once
//! The small-cell disclosure rule of public outputs (methodology §0; CMS's cell-size suppression
//! policy): in a public briefing or export, a count from 1 to 10, and every figure derived from
//! fewer than 11 members, is shown as "*". Zero is shown: an empty cell identifies no one. Every
//! export, the report and the workbench ask these functions; none spells the rule again.

#include "types.h"

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

} // namespace sharecast::disclosure
