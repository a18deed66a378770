#pragma once
//! The ranges a sensitivity study varies a key over (methodology §14), as `sharecast sensitivity`
//! and `table2` choose them: the workbench's names for io/report/sensitivity_table.h's rules, so
//! the workbench and the command line agree.

#include <optional>
#include <vector>

namespace sharecast::ui {

//! A key's low and high value.
struct KeyRange {
    double low = 0.0;
    double high = 0.0;
};

//! The default range of a key with value `base` (§14): base × (1 ∓ 0.10), or ∓ 0.01 when the base
//! is 0; nullopt for a null key, which needs a range given by the user.
std::optional<KeyRange> defaultKeyRange(std::optional<double> base);

//! The grid LOW + i (HIGH − LOW) / (N − 1), i = 0..N−1 (§14, as table2); empty when n < 2.
std::vector<double> keyGrid(double low, double high, int n);

//! The tornado's swing |metricHigh − metricLow|, rounded to cents as the CSV prints it (so that
//! the workbench and `sharecast sensitivity` sort the keys alike).
double roundedSwing(double metricLow, double metricHigh);

} // namespace sharecast::ui
