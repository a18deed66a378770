#include "io/report/sensitivity_table.h"

#include "engine/error.h"
#include "engine/rounding.h"
#include "io/csv/csv_writer.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace sharecast::io {

std::optional<std::pair<double, double>> defaultSensitivityRange(std::optional<double> base)
{
    if (!base)
        return std::nullopt;
    if (*base == 0.0) // §14: base ∓ 0.01 when the base is 0
        return std::pair{-0.01, 0.01};
    return std::pair{*base * (1.0 - 0.10), *base * (1.0 + 0.10)}; // base × (1 ∓ 0.10)
}

std::vector<double> sensitivityGrid(double low, double high, int n)
{
    std::vector<double> g;
    for (int i = 0; i < n && n >= 2; ++i)
        g.push_back(low + i * (high - low) / (n - 1));
    return g;
}

SensitivityRow sensitivityRange(const Scenario& scenario, const SensitivityKey& key)
{
    SensitivityRow r;
    r.key = key.key;
    r.base = scenarioNumber(scenario, key.key);
    if (key.low && key.high) {
        r.low = *key.low;
        r.high = *key.high;
    } else if (const auto range = defaultSensitivityRange(r.base)) {
        std::tie(r.low, r.high) = *range;
    } else {
        throw InputError(InputLocation{{}, 0, key.key, "null", true},
                         "the scenario leaves this key null (not used); give a range KEY=LOW:HIGH");
    }
    return r;
}

SensitivityTable sensitivityTable(const Metric& metric, const MetricContext& context,
                                  const Scenario& scenario, const std::vector<SensitivityKey>& keys,
                                  int threads)
{
    SensitivityTable t;
    t.metric = metric;
    for (const SensitivityKey& k : keys) {
        if (std::any_of(t.rows.begin(), t.rows.end(),
                        [&](const SensitivityRow& r) { return r.key == k.key; }))
            throw InputError(InputLocation{{}, 0, k.key, {}, false}, "this key is varied twice");
        t.rows.push_back(sensitivityRange(scenario, k));
    }
    // Every low and high, then the base, evaluated together on every core.
    const std::size_t n = t.rows.size();
    const std::vector<double> values = metricValues(
        metric, context, 2 * n + 1,
        [&](std::size_t i) {
            if (i == 2 * n)
                return scenario;
            const SensitivityRow& r = t.rows[i / 2];
            return withScenarioNumber(scenario, r.key, i % 2 == 0 ? r.low : r.high);
        },
        threads);
    t.metricBase = values.back();
    for (std::size_t i = 0; i < n; ++i) {
        SensitivityRow& r = t.rows[i];
        r.metricLow = values[2 * i];
        r.metricHigh = values[2 * i + 1];
        r.swing = roundTo(std::fabs(r.metricHigh - r.metricLow), 2);
    }
    std::stable_sort(t.rows.begin(), t.rows.end(), [](const SensitivityRow& x, const SensitivityRow& y) {
        return x.swing != y.swing ? x.swing > y.swing : x.key < y.key;
    });
    return t;
}

QByteArray sensitivityCsv(const SensitivityTable& table)
{
    auto keyValue = [](double v) { return QString::fromStdString(formatJsonNumber(v)); };
    auto money = [&table](double v) { return QString::fromStdString(formatMetric(table.metric, v)); };
    const QStringList header{"key",        "base_value",  "low",         "high",
                             "metric_low", "metric_base", "metric_high", "swing"};
    CsvWriter w;
    w.addRow(header);
    for (const SensitivityRow& r : table.rows)
        w.addResultRow(header,
                       {QString::fromStdString(r.key), r.base ? keyValue(*r.base) : QString(),
                        keyValue(r.low), keyValue(r.high), money(r.metricLow), money(table.metricBase),
                        money(r.metricHigh), money(r.swing)},
                       QString::fromStdString(r.key));
    return w.bytes();
}

} // namespace sharecast::io
