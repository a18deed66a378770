#pragma once
//! How the workbench shows numbers: dollars with thousands separators, percents, millions.

#include <QString>

namespace sharecast::ui {

//! "$1,234,567.89" (cents, rounded as the files are: half away from zero); negatives "−$12.00".
QString formatDollars(double value);
//! "$12.3M" for charts and headlines.
QString formatMillions(double value, int decimals = 1);
//! Dollars in a sentence or a chart label, to two or three significant figures: "$2.1M",
//! "$140k", "$950", "−$1.4M" (formatMillions above $1M, else thousands, else whole dollars).
QString formatCompactDollars(double value);
//! "2.35 %" from a fraction.
QString formatPercent(double fraction, int decimals = 2);
//! A number with thousands separators.
QString formatNumber(double value, int decimals);

} // namespace sharecast::ui
