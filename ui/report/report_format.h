#pragma once
//! How the report prints numbers: money rounded once to the cent (as the CSV files write it) and
//! shown to the dollar or in $ millions, percentages, counts and probabilities.

#include <QString>

namespace sharecast::ui::report {

//! Whole dollars of the amount rounded to cents: "$62,712,345,678", "−$1,204".
QString dollars(double x);

//! $ millions with one decimal: "$62,712.3M".
QString millions(double x);

//! Dollars and cents for PMPM rates: "$412.37".
QString pmpm(double x);

//! A fraction as a percent with a typographic minus: "3.25 %", "−0.50 %".
QString percent(double f, int decimals = 2);

//! A count with thousands separators: "12,345".
QString count(double n);

//! A probability as a percent to one decimal, with the ends said so that a rounded figure never
//! reads as impossible or certain: "0.3 %", "less than 0.1 %", "more than 99.9 %"; in a table
//! (`compact`) "<0.1 %" and ">99.9 %".
QString probability(double p, bool compact = false);

//! Members in words for prose: "2.7 million" from a million up, else "5,685".
QString membersInWords(double n);

} // namespace sharecast::ui::report
