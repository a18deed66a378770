#include "io/json/scenario_edit.h"

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/key_path.h"
#include "io/json/scenario_json.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace sharecast::io {

namespace {

[[noreturn]] void fail(const std::string& key, const std::string& reason)
{
    throw InputError(InputLocation{{}, 0, key, {}, false}, reason);
}

//! The scenario with every optional object present at its defaults: where a key's parent object
//! is absent, its value is read from here.
JsonValue templateJson(const Scenario& s)
{
    Scenario t = s;
    if (!t.blend)
        t.blend = BlendSpec{};
    for (auto& [cell, trend] : t.trend.byRateCell)
        if (!trend.defaultTrend)
            trend.defaultTrend = TrendPair{};
    return scenarioToJson(t);
}

//! True when steps[0..i] reach into partnerships.terms, whose entries are partial (any partner,
//! any of its terms may be absent): a missing partner is created empty, a missing term as null.
bool isPartnershipTermStep(const std::vector<KeyPathStep>& steps, std::size_t i)
{
    static const std::vector<std::string> terms = {"pmpm", "outreach_fee", "outreach_cap", "outcome_bonus",
                                                   "savings_pass_through"};
    if (steps.size() < 3 || steps[0].key != "partnerships" || steps[1].key != "terms" || steps[0].index ||
        steps[1].index || steps[2].index)
        return false;
    return i == 2 ||
           (i == 3 && !steps[3].index && std::find(terms.begin(), terms.end(), steps[3].key) != terms.end());
}

//! The node at `key` in root (a copy of the scenario's JSON), absent parent objects filled from
//! the template: the node to read or replace.
JsonValue& nodeAt(JsonValue& root, const Scenario& scenario, const std::string& key)
{
    const std::vector<KeyPathStep> steps = parseKeyPath(key);
    if (steps.empty())
        fail(key, "a key names one assumption, e.g. sharing.max_share");
    JsonValue* node = &root;
    std::optional<JsonValue> tmpl;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const KeyPathStep& step = steps[i];
        const std::string parent = keyPathText(
            std::vector<KeyPathStep>(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(i)));
        if (node->isNull() && i > 0) { // an absent parent object: created with its defaults
            if (!tmpl)
                tmpl = templateJson(scenario);
            const JsonValue* d =
                findAtPath(*tmpl, std::vector<KeyPathStep>(steps.begin(),
                                                           steps.begin() + static_cast<std::ptrdiff_t>(i)));
            if (!d || d->isNull())
                fail(key, "'" + parent + "' is not set in the scenario, so it has no '" +
                              keyPathText({step}) + "'");
            *node = *d;
        }
        if (step.index) {
            if (node->type != JsonType::Array)
                fail(key, "'" + parent + "' is not a list");
            if (*step.index >= node->items.size())
                fail(key, "the scenario's '" + parent + "' has " + std::to_string(node->items.size()) +
                              " element(s); there is no [" + std::to_string(*step.index) + "]");
            node = &node->items[*step.index];
        } else {
            if (node->type != JsonType::Object)
                fail(key,
                     (parent.empty() ? std::string("the scenario") : "'" + parent + "'") + " has no members");
            JsonValue* next = nullptr;
            for (JsonMember& m : node->members)
                if (m.key == step.key)
                    next = &m.value;
            if (!next) { // an optional object the scenario leaves out: created with its defaults
                if (!tmpl)
                    tmpl = templateJson(scenario);
                const JsonValue* d =
                    findAtPath(*tmpl, std::vector<KeyPathStep>(
                                          steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(i) + 1));
                JsonValue made;
                if (!d && isPartnershipTermStep(steps, i)) {
                    made = i == 2 ? JsonValue::makeObject() : JsonValue();
                    d = &made;
                }
                if (!d)
                    fail(key, parent.empty()
                                  ? "no such key in a scenario"
                                  : "the scenario has no '" + step.key + "' entry in '" + parent + "'");
                next = &node->add(step.key, *d);
            }
            node = next;
        }
    }
    return *node;
}

} // namespace

std::optional<double> scenarioNumber(const Scenario& scenario, const std::string& key)
{
    JsonValue root = scenarioToJson(scenario);
    const JsonValue& v = nodeAt(root, scenario, key);
    if (v.isNull())
        return std::nullopt;
    if (v.type != JsonType::Number)
        fail(key, std::string("is ") + describe(v.type) + ", not a number");
    return v.number;
}

Scenario withScenarioNumber(const Scenario& scenario, const std::string& key, double value)
{
    JsonValue root = scenarioToJson(scenario);
    JsonValue& v = nodeAt(root, scenario, key);
    if (v.type != JsonType::Number && !v.isNull())
        fail(key, std::string("is ") + describe(v.type) + ", not a number");
    if (!std::isfinite(value))
        throw InputError(InputLocation{{}, 0, key, formatJsonNumber(0.0), false},
                         "the value must be a finite number");
    v = JsonValue::fromNumber(value);
    try {
        return readScenarioJson(root, QString());
    } catch (const InputError& e) {
        // Name the key varied and its value, whichever key the rules name.
        InputLocation where = e.where();
        where.file.clear();
        where.line = 0;
        throw InputError(where, e.reason() + " (with " + key + " = " + formatJsonNumber(value) + ")");
    }
}

namespace {
bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
} // namespace

std::vector<std::string> scenarioNumberKeys(const Scenario& scenario)
{
    static const std::vector<std::string> notVaried = {
        "performance_year",        "projection.start_year", "projection.horizon", "projection.rate_lag",
        "quality.min_denominator", "quality.min_measures",  "uncertainty.draws",  "uncertainty.seed"};
    std::vector<std::string> keys;
    const std::function<void(const JsonValue&, const std::string&)> walk = [&](const JsonValue& v,
                                                                               const std::string& path) {
        switch (v.type) {
        case JsonType::Number:
            if (std::find(notVaried.begin(), notVaried.end(), path) == notVaried.end() &&
                path.rfind("baseline.years", 0) != 0 && path.rfind("by_year", 0) != 0 &&
                path.rfind("partnerships", 0) != 0 && !endsWith(path, ".effective_year") &&
                !endsWith(path, ".price_year"))
                keys.push_back(path);
            break;
        case JsonType::Object:
            for (const JsonMember& m : v.members)
                walk(m.value, memberPath(path, m.key));
            break;
        case JsonType::Array:
            for (std::size_t i = 0; i < v.items.size(); ++i)
                walk(v.items[i], elementPath(path, i));
            break;
        default: break;
        }
    };
    walk(scenarioToJson(scenario), "");
    return keys;
}

} // namespace sharecast::io
