#pragma once
//! A tornado (methodology §14): the metric at each key's low and high value, sorted by swing, and
//! its CSV. The one home of the ranges and the order, so that `sharecast sensitivity`, the
//! report's section "What drives the result" and its sensitivity.csv give the same numbers.

#include "engine/metric.h"
#include "engine/scenario.h"

#include <QByteArray>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sharecast::io {

//! One key to vary, with its range when given (`KEY=LOW:HIGH`); without one the §14 default.
struct SensitivityKey {
    std::string key;
    std::optional<double> low, high; //!< both or neither
};

//! One row of a tornado: the key's value in the scenario, its range, and the metric at both ends.
struct SensitivityRow {
    std::string key;
    std::optional<double> base; //!< null: the scenario leaves the key null (e.g. sharing.cap)
    double low = 0.0, high = 0.0;
    double metricLow = 0.0, metricHigh = 0.0; //!< dollars rounded to cents, as settle prints them
    double swing = 0.0;                       //!< |metricHigh − metricLow|, rounded to cents
};

//! A tornado of one metric: the metric of the scenario as it is, and one row per key, sorted by
//! swing (largest first), then key.
struct SensitivityTable {
    Metric metric;
    double metricBase = 0.0;
    std::vector<SensitivityRow> rows;
};

//! The default range of a key whose value is `base` (§14): base × (1 ∓ 0.10), or base ∓ 0.01
//! when the base is 0, as {low, high}; nullopt for a null key (it needs a range given).
std::optional<std::pair<double, double>> defaultSensitivityRange(std::optional<double> base);

//! The grid LOW + i (HIGH − LOW) / (N − 1), i = 0..N−1 (§14, table2); empty when n < 2.
std::vector<double> sensitivityGrid(double low, double high, int n);

//! The range of a key (§14): the given one, else base × (1 ∓ 0.10), or base ∓ 0.01 when the base
//! is 0. Throws InputError naming the key when there is no such key or it is null and no range is
//! given.
SensitivityRow sensitivityRange(const Scenario& scenario, const SensitivityKey& key);

//! The tornado of `metric` over `keys` (each once; throws InputError naming a key given twice), every
//! scenario evaluated on `threads` threads (0: every core). A value the scenario rules refuse, or
//! a key that does not exist, is an InputError naming the key.
SensitivityTable sensitivityTable(const Metric& metric, const MetricContext& context,
                                  const Scenario& scenario, const std::vector<SensitivityKey>& keys,
                                  int threads = 0);

//! `sharecast sensitivity`'s CSV: `key,base_value,low,high,metric_low,metric_base,metric_high,swing`,
//! key values as the shortest text that reads back to the same double, money to the cent.
QByteArray sensitivityCsv(const SensitivityTable& table);

} // namespace sharecast::io
