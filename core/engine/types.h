#pragma once
//! Vocabulary types: every number in the engine says what it is.

#include <string>

namespace sharecast {

using Dollars = double;      //!< US dollars, unrounded inside the pipeline (methodology §0)
using Rate = double;         //!< a fraction: 0.02 is 2 %
using MemberMonths = double; //!< member months (MM); member years = MM / 12
using Pmpm = double;         //!< dollars per member per month
using Score = double;        //!< a quality score on the 0–100 scale
using Year = int;            //!< a calendar or rating year

//! Member years from member months (methodology §0).
constexpr double memberYears(MemberMonths mm)
{
    return mm / 12.0;
}

} // namespace sharecast
