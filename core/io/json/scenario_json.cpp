#include "io/json/scenario_json.h"

#include "engine/error.h"
#include "io/io_error.h"
#include "io/json/json.h"
#include "io/json/key_path.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sharecast::io {

namespace {

// ---------------------------------------------------------------------------------------------
// Reading: a walk over the DOM that knows the key path of every value (methodology §1.5,
// "Merging and strictness").

//! The value as an error message shows it.
std::string shown(const JsonValue& v)
{
    switch (v.type) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return v.boolean ? "true" : "false";
    case JsonType::Number: return v.text.empty() ? formatJsonNumber(v.number) : v.text;
    case JsonType::String: {
        std::string q = quoteJsonString(v.text);
        if (q.size() > 80) {
            std::size_t cut = 76;
            while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0u) == 0x80u)
                --cut; // do not split a UTF-8 sequence
            q = q.substr(0, cut) + "...\"";
        }
        return q;
    }
    case JsonType::Array: return "[...]";
    case JsonType::Object: return "{...}";
    }
    return {};
}

//! What the reader knows about the file: its name, for every error.
struct Context {
    std::string file;

    //! An error about value v at key path `path`.
    [[noreturn]] void fail(const JsonValue& v, const std::string& path, const std::string& reason) const
    {
        throw InputError(InputLocation{file, v.line, path, shown(v), true}, reason);
    }

    //! An error about a key (unknown, missing) at a line, with no value to show.
    [[noreturn]] void failAt(int line, const std::string& path, const std::string& reason) const
    {
        throw InputError(InputLocation{file, line, path, {}, false}, reason);
    }

    void expect(const JsonValue& v, const std::string& path, JsonType type) const
    {
        if (v.type == type)
            return;
        std::string reason = std::string("expected ") + describe(type) + ", found " + describe(v.type);
        if (v.isNull())
            reason += " (null is not allowed here; leave the key out to get its default)";
        fail(v, path, reason);
    }

    double number(const JsonValue& v, const std::string& path) const
    {
        expect(v, path, JsonType::Number);
        return v.number;
    }

    //! An integer (a year, a count): a number with no fractional part, within int's range.
    int integer(const JsonValue& v, const std::string& path) const
    {
        expect(v, path, JsonType::Number);
        if (v.number != std::floor(v.number))
            fail(v, path, "expected a whole number, found a fraction");
        if (v.number < static_cast<double>(std::numeric_limits<int>::min()) ||
            v.number > static_cast<double>(std::numeric_limits<int>::max()))
            fail(v, path, "the whole number is out of range");
        return static_cast<int>(v.number);
    }

    bool boolean(const JsonValue& v, const std::string& path) const
    {
        expect(v, path, JsonType::Bool);
        return v.boolean;
    }

    std::string string(const JsonValue& v, const std::string& path) const
    {
        expect(v, path, JsonType::String);
        return v.text;
    }

    //! A name that keys data (a COS, a rate cell): a non-empty string.
    std::string name(const JsonValue& v, const std::string& path) const
    {
        std::string s = string(v, path);
        if (s.empty())
            fail(v, path, "a name must not be empty");
        return s;
    }

    //! An enumeration by its JSON spelling; the spellings come from the engine's toString().
    template <class E>
    E choice(const JsonValue& v, const std::string& path, std::initializer_list<E> values) const
    {
        expect(v, path, JsonType::String);
        std::string allowed;
        for (E e : values) {
            if (v.text == toString(e))
                return e;
            allowed += (allowed.empty() ? "" : ", ") + std::string(toString(e));
        }
        fail(v, path, "not a valid choice (one of: " + allowed + ")");
    }

    //! An array whose every element is read by `element` (one of the readers above).
    template <class T>
    std::vector<T> list(const JsonValue& v, const std::string& path,
                        T (Context::*element)(const JsonValue&, const std::string&) const) const
    {
        expect(v, path, JsonType::Array);
        std::vector<T> out;
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out.push_back((this->*element)(v.items[i], elementPath(path, i)));
        return out;
    }

    //! A map keyed by data (rate cell or COS) whose every value is read by
    //! `element(value, path)`; it replaces the default wholesale.
    template <class F>
    auto keyed(const JsonValue& v, const std::string& path, F&& element) const
        -> std::map<std::string, std::invoke_result_t<F&, const JsonValue&, const std::string&>>
    {
        expect(v, path, JsonType::Object);
        std::map<std::string, std::invoke_result_t<F&, const JsonValue&, const std::string&>> out;
        for (const JsonMember& m : v.members) {
            if (m.key.empty())
                failAt(m.line, path, "a name must not be empty");
            out[m.key] = element(m.value, memberPath(path, m.key));
        }
        return out;
    }

    //! A value of the scenario's field type T, read by the reader that type calls for.
    template <class T> T as(const JsonValue& v, const std::string& path) const
    {
        if constexpr (std::is_same_v<T, double>)
            return number(v, path);
        else if constexpr (std::is_same_v<T, int>)
            return integer(v, path);
        else if constexpr (std::is_same_v<T, bool>)
            return boolean(v, path);
        else if constexpr (std::is_same_v<T, std::string>)
            return string(v, path);
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
            return list(v, path, &Context::name);
        else if constexpr (std::is_same_v<T, std::vector<double>>)
            return list(v, path, &Context::number);
        else if constexpr (std::is_same_v<T, std::vector<int>>)
            return list(v, path, &Context::integer);
        else {
            static_assert(std::is_same_v<T, std::map<std::string, double>>, "no reader for this type");
            return keyed(v, path, [this](const JsonValue& e, const std::string& p) { return number(e, p); });
        }
    }
};

//! One JSON object being read: checks its type and its keys on construction, then reads
//! members into the scenario's fields (absent keys leave the field's default untouched).
class ObjectReader {
public:
    ObjectReader(const Context& ctx, const JsonValue& v, std::string path,
                 std::initializer_list<std::string_view> keys)
        : ctx_(ctx), v_(v), path_(std::move(path))
    {
        ctx_.expect(v_, path_, JsonType::Object);
        for (const JsonMember& m : v_.members) {
            bool known = false;
            for (std::string_view k : keys)
                known = known || m.key == k;
            if (known)
                continue;
            std::string allowed;
            for (std::string_view k : keys)
                allowed += (allowed.empty() ? "" : ", ") + std::string(k);
            throw InputError(InputLocation{ctx_.file, m.line, memberPath(path_, m.key), m.key, true},
                             "unknown key (allowed here: " + allowed + ")");
        }
    }

    const Context& ctx() const { return ctx_; }
    const JsonValue* get(std::string_view key) const { return v_.find(key); }
    std::string at(std::string_view key) const { return memberPath(path_, key); }

    //! Fails unless the key is present (the few keys without a default).
    void require(std::string_view key) const
    {
        if (!get(key))
            ctx_.failAt(v_.line, at(key), "a required key is missing");
    }

    //! Reads the member under key into out, if present (see Context::as for the readers).
    template <class T> void read(std::string_view key, T& out) const
    {
        if (const JsonValue* v = get(key))
            out = ctx_.as<T>(*v, at(key));
    }
    //! Likewise for an optional field, which null resets to "none".
    template <class T> void read(std::string_view key, std::optional<T>& out) const
    {
        if (const JsonValue* v = get(key))
            out = v->isNull() ? std::nullopt : std::optional<T>(ctx_.as<T>(*v, at(key)));
    }
    template <class E> void readChoice(std::string_view key, E& out, std::initializer_list<E> values) const
    {
        if (const JsonValue* v = get(key))
            out = ctx_.choice(*v, at(key), values);
    }

    //! Calls f(reader, element, path) for every element of the array under key.
    template <class F> void forEach(std::string_view key, F&& f) const
    {
        const JsonValue* v = get(key);
        if (!v)
            return;
        ctx_.expect(*v, at(key), JsonType::Array);
        for (std::size_t i = 0; i < v->items.size(); ++i)
            f(v->items[i], elementPath(at(key), i));
    }

private:
    const Context& ctx_;
    const JsonValue& v_;
    std::string path_;
};

constexpr std::initializer_list<ThresholdMethod> kMethods = {
    ThresholdMethod::None, ThresholdMethod::Fixed, ThresholdMethod::Elected, ThresholdMethod::Confidence,
    ThresholdMethod::MsspTable};
constexpr std::initializer_list<Direction> kDirections = {Direction::Higher, Direction::Lower};

//! A trend entry: the whole pair, a missing component is 0 (§1.5, no fall-through).
TrendPair readTrendPair(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path, {"utilization", "unit_cost"});
    TrendPair t;
    o.read("utilization", t.utilization);
    o.read("unit_cost", t.unitCost);
    return t;
}

std::map<std::string, TrendPair> readTrendMap(const Context& ctx, const JsonValue& v, const std::string& path)
{
    return ctx.keyed(v, path,
                     [&ctx](const JsonValue& e, const std::string& p) { return readTrendPair(ctx, e, p); });
}

//! Trend table (§2.3): maps keyed by data replace the default wholesale.
void readTrend(const Context& ctx, const JsonValue& v, const std::string& path, TrendTable& t)
{
    const ObjectReader o(ctx, v, path, {"default", "by_cos", "by_rate_cell"});
    if (const JsonValue* d = o.get("default"))
        t.defaultTrend = readTrendPair(ctx, *d, o.at("default"));
    if (const JsonValue* m = o.get("by_cos"))
        t.byCos = readTrendMap(ctx, *m, o.at("by_cos"));
    if (const JsonValue* m = o.get("by_rate_cell")) {
        t.byRateCell =
            ctx.keyed(*m, o.at("by_rate_cell"), [&ctx](const JsonValue& cell, const std::string& p) {
                const ObjectReader c(ctx, cell, p, {"default", "by_cos"});
                RateCellTrend rc;
                if (const JsonValue* d = c.get("default"))
                    rc.defaultTrend = readTrendPair(ctx, *d, c.at("default"));
                if (const JsonValue* bc = c.get("by_cos"))
                    rc.byCos = readTrendMap(ctx, *bc, c.at("by_cos"));
                return rc;
            });
    }
}

ProgramChange readProgramChange(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path, {"cos", "rate_cells", "effective_year", "factor"});
    ProgramChange pc;
    if (const JsonValue* c = o.get("cos"))
        pc.cos = c->isNull() ? std::nullopt : std::optional(ctx.name(*c, o.at("cos")));
    o.read("rate_cells", pc.rateCells);
    o.require("effective_year");
    o.read("effective_year", pc.effectiveYear);
    o.require("factor");
    o.read("factor", pc.factor);
    return pc;
}

NewBenefit readNewBenefit(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path, {"cos", "price_year", "pmpm", "take_up", "trend"});
    NewBenefit b;
    o.require("cos");
    o.read("cos", b.cos);
    o.require("price_year");
    o.read("price_year", b.priceYear);
    o.require("pmpm");
    o.read("pmpm", b.pmpm);
    o.require("take_up");
    if (const JsonValue* t = o.get("take_up")) {
        // Keyed by year: "2022": 0.35.
        for (const auto& [key, value] : ctx.as<std::map<std::string, double>>(*t, o.at("take_up"))) {
            const std::string at = memberPath(o.at("take_up"), key);
            std::size_t used = 0;
            int year = 0;
            try {
                year = std::stoi(key, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != key.size() || key.empty())
                throw InputError(InputLocation{ctx.file, t->line, at, key, true},
                                 "a take-up is keyed by a year, e.g. \"2022\"");
            b.takeUp[year] = value;
        }
    }
    o.read("trend", b.trend);
    return b;
}

QualityMeasure readMeasure(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path,
                         {"id", "name", "weight", "direction", "threshold", "benchmark", "gate_min"});
    QualityMeasure m;
    o.require("id");
    o.read("id", m.id);
    o.read("name", m.name);
    o.read("weight", m.weight);
    o.readChoice("direction", m.direction, kDirections);
    o.require("threshold");
    o.read("threshold", m.threshold);
    o.require("benchmark");
    o.read("benchmark", m.benchmark);
    o.read("gate_min", m.gateMin);
    return m;
}

void readQuality(const Context& ctx, const JsonValue& v, const std::string& path, QualitySpec& q)
{
    const ObjectReader o(ctx, v, path,
                         {"scoring", "blend_weight", "improvement_max", "min_denominator", "min_measures",
                          "gate", "measures"});
    o.readChoice("scoring", q.scoring,
                 {QualityScoring::Attainment, QualityScoring::Improvement, QualityScoring::Max,
                  QualityScoring::Blend});
    o.read("blend_weight", q.blendWeight);
    o.read("improvement_max", q.improvementMax);
    o.read("min_denominator", q.minDenominator);
    o.read("min_measures", q.minMeasures);
    if (const JsonValue* g = o.get("gate")) {
        const ObjectReader gate(ctx, *g, o.at("gate"), {"enabled", "min_composite"});
        gate.read("enabled", q.gateEnabled);
        gate.read("min_composite", q.minComposite);
    }
    if (o.get("measures")) {
        q.measures.clear();
        o.forEach("measures", [&](const JsonValue& m, const std::string& p) {
            q.measures.push_back(readMeasure(ctx, m, p));
        });
    }
}

ResourceUseMeasure readResourceUseMeasure(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path, {"id", "numerator", "exposure", "per", "unit_cost", "direction"});
    ResourceUseMeasure m;
    o.require("id");
    o.read("id", m.id);
    o.require("numerator");
    o.read("numerator", m.numerator);
    o.read("exposure", m.exposure);
    o.read("per", m.per);
    o.require("unit_cost");
    o.read("unit_cost", m.unitCost);
    o.readChoice("direction", m.direction, kDirections);
    return m;
}

void readSharing(const Context& ctx, const JsonValue& v, const std::string& path, SharingSpec& s)
{
    const ObjectReader o(ctx, v, path,
                         {"max_share", "min_share", "quality_scaling", "quality_low", "quality_high", "tiers",
                          "first_dollar", "cap", "payment_reduction", "rate_on_failed_gate"});
    o.read("max_share", s.maxShare);
    o.read("min_share", s.minShare);
    o.readChoice(
        "quality_scaling", s.qualityScaling,
        {QualityScaling::None, QualityScaling::Multiply, QualityScaling::Tiers, QualityScaling::Linear});
    o.read("quality_low", s.qualityLow);
    o.read("quality_high", s.qualityHigh);
    if (o.get("tiers")) {
        s.tiers.clear();
        o.forEach("tiers", [&](const JsonValue& t, const std::string& p) {
            const ObjectReader tier(ctx, t, p, {"min_score", "share"});
            SharingTier st;
            tier.require("min_score");
            tier.read("min_score", st.minScore);
            tier.require("share");
            tier.read("share", st.share);
            s.tiers.push_back(st);
        });
    }
    o.read("first_dollar", s.firstDollar);
    o.read("cap", s.cap);
    o.read("payment_reduction", s.paymentReduction);
    o.readChoice("rate_on_failed_gate", s.rateOnFailedGate, {FailedGateRate::Scaled, FailedGateRate::Zero});
}

void readProjection(const Context& ctx, const JsonValue& v, const std::string& path, ProjectionSpec& p)
{
    const ObjectReader o(ctx, v, path,
                         {"start_year", "horizon", "enrollment_growth", "utilization_change",
                          "investment_pmpm", "quality_path", "rate_lag", "admin_load", "underwriting_gain",
                          "care_coordination_to_medical"});
    o.read("start_year", p.startYear);
    o.read("horizon", p.horizon);
    o.read("enrollment_growth", p.enrollmentGrowth);
    if (const JsonValue* u = o.get("utilization_change")) {
        const ObjectReader uc(ctx, *u, o.at("utilization_change"), {"default", "by_cos"});
        uc.read("default", p.utilizationChange.defaultRate);
        uc.read("by_cos", p.utilizationChange.byCos);
    }
    o.read("investment_pmpm", p.investmentPmpm);
    o.read("quality_path", p.qualityPath);
    o.read("rate_lag", p.rateLag);
    o.read("admin_load", p.adminLoad);
    o.read("underwriting_gain", p.underwritingGain);
    o.read("care_coordination_to_medical", p.careCoordinationToMedical);
}

Corridor readCorridor(const Context& ctx, const JsonValue& v, const std::string& path)
{
    const ObjectReader o(ctx, v, path, {"name", "cos", "target_pmpm", "bands"});
    Corridor c;
    o.read("name", c.name);
    o.require("cos");
    if (const JsonValue* cos = o.get("cos"))
        c.cos = ctx.name(*cos, o.at("cos"));
    o.require("target_pmpm");
    o.read("target_pmpm", c.targetPmpm);
    o.require("bands");
    o.forEach("bands", [&](const JsonValue& b, const std::string& p) {
        const ObjectReader band(ctx, b, p, {"from", "to", "state_share"});
        CorridorBand cb;
        band.require("from");
        band.read("from", cb.from);
        band.read("to", cb.to);
        band.require("state_share");
        band.read("state_share", cb.stateShare);
        c.bands.push_back(cb);
    });
    return c;
}

void readBlend(const Context& ctx, const JsonValue& v, const std::string& path,
               std::optional<BlendSpec>& blend)
{
    if (v.isNull()) {
        blend.reset();
        return;
    }
    const ObjectReader o(ctx, v, path, {"rate_cells", "rates", "projected_mix", "tolerance"});
    BlendSpec b = blend.value_or(BlendSpec{}); // a partly given blend keeps the other keys
    o.read("rate_cells", b.rateCells);
    o.read("rates", b.rates);
    o.read("projected_mix", b.projectedMix);
    o.read("tolerance", b.tolerance);
    blend = std::move(b);
}

//! Regional rates (docs/methodology.md "Regional rates"); null leaves them not configured.
void readRegionalRates(const Context& ctx, const JsonValue& v, const std::string& path,
                       std::optional<RegionalRatesSpec>& rates)
{
    if (v.isNull()) {
        rates.reset();
        return;
    }
    const ObjectReader o(ctx, v, path, {"regions", "blend", "adjustments", "budget_neutral"});
    RegionalRatesSpec r;
    o.require("regions");
    if (const JsonValue* regions = o.get("regions"))
        r.regions = ctx.keyed(*regions, o.at("regions"), [&ctx](const JsonValue& e, const std::string& p) {
            return ctx.list(e, p, &Context::name);
        });
    o.read("blend", r.blend);
    o.read("adjustments", r.adjustments);
    o.read("budget_neutral", r.budgetNeutral);
    rates = std::move(r);
}

//! MCP–CBO partnership terms (docs/methodology.md, "Partnerships"): terms replace wholesale.
void readPartnerships(const Context& ctx, const JsonValue& v, const std::string& path, PartnershipSpec& spec)
{
    const ObjectReader o(ctx, v, path, {"outcome_credit", "pmpm_factor", "terms"});
    o.readChoice("outcome_credit", spec.outcomeCredit, {OutcomeCredit::Target, OutcomeCredit::Linear});
    o.read("pmpm_factor", spec.pmpmFactor);
    if (const JsonValue* terms = o.get("terms"))
        spec.terms = ctx.keyed(*terms, o.at("terms"), [&ctx](const JsonValue& e, const std::string& p) {
            const ObjectReader t(
                ctx, e, p, {"pmpm", "outreach_fee", "outreach_cap", "outcome_bonus", "savings_pass_through"});
            PartnershipTerms out;
            t.read("pmpm", out.pmpm);
            t.read("outreach_fee", out.outreachFee);
            t.read("outreach_cap", out.outreachCap);
            t.read("outcome_bonus", out.outcomeBonus);
            t.read("savings_pass_through", out.savingsPassThrough);
            return out;
        });
}

//! Who set each assumption group (ASOP 41/56 disclosures): keyed by a top-level assumption key of
//! `groups` (the scenario's keys but those naming it, its years and the sources themselves).
void readAssumptionSources(const Context& ctx, const JsonValue& v, const std::string& path,
                           std::initializer_list<std::string_view> groups,
                           std::map<std::string, AssumptionSource>& sources)
{
    ctx.expect(v, path, JsonType::Object);
    for (const JsonMember& m : v.members) {
        bool known = false;
        for (std::string_view g : groups)
            known = known || (m.key == g && g != "name" && g != "description" && g != "performance_year" &&
                              g != "assumption_sources" && g != "by_year");
        if (!known)
            throw InputError(
                InputLocation{ctx.file, m.line, memberPath(path, m.key), m.key, true},
                "not an assumption group (use a top-level scenario key such as trend or sharing)");
    }
    sources = ctx.keyed(v, path, [&ctx](const JsonValue& e, const std::string& p) {
        const ObjectReader o(ctx, e, p, {"source", "owner"});
        AssumptionSource out;
        o.read("source", out.source);
        o.read("owner", out.owner);
        return out;
    });
}

//! The keys of the scenario object; by_year last.
const std::initializer_list<std::string_view> kScenarioKeys = {"name",
                                                               "description",
                                                               "performance_year",
                                                               "baseline",
                                                               "included_cos",
                                                               "excluded_cos",
                                                               "trend",
                                                               "program_changes",
                                                               "new_benefits",
                                                               "risk_adjustment",
                                                               "truncation",
                                                               "msr",
                                                               "mlr",
                                                               "quality",
                                                               "tcc_trend_gate",
                                                               "appropriateness",
                                                               "savings_basis",
                                                               "payment_model",
                                                               "resource_use",
                                                               "sharing",
                                                               "losses",
                                                               "fmap",
                                                               "projection",
                                                               "corridors",
                                                               "blend",
                                                               "mlr_remittance",
                                                               "federal_limits",
                                                               "uncertainty",
                                                               "regional_rates",
                                                               "partnerships",
                                                               "assumption_sources",
                                                               "by_year"};

//! The keys a by_year override may not hold: what names the scenario or its years.
const std::initializer_list<std::string_view> kNotPerYear = {"name", "description", "performance_year",
                                                             "assumption_sources", "by_year"};

//! The keys of the scenario object at `path` (§1.5, §11, §12) read over `base`: absent keys keep
//! base's values, lists and maps keyed by data given replace base's wholesale. by_year is left
//! to the caller.
Scenario readScenario(const Context& ctx, const JsonValue& root, const std::string& path, Scenario base,
                      std::initializer_list<std::string_view> keys)
{
    const ObjectReader o(ctx, root, path, keys);
    Scenario s = std::move(base);
    o.read("name", s.name);
    o.read("description", s.description);
    o.read("performance_year", s.performanceYear);
    if (const JsonValue* v = o.get("baseline")) {
        const ObjectReader b(ctx, *v, o.at("baseline"), {"years", "weights"});
        b.read("years", s.baseline.years);
        b.read("weights", s.baseline.weights);
    }
    o.read("included_cos", s.includedCos);
    o.read("excluded_cos", s.excludedCos);
    if (const JsonValue* v = o.get("trend"))
        readTrend(ctx, *v, o.at("trend"), s.trend);
    if (o.get("program_changes"))
        s.programChanges.clear();
    o.forEach("program_changes", [&](const JsonValue& v, const std::string& p) {
        s.programChanges.push_back(readProgramChange(ctx, v, p));
    });
    if (o.get("new_benefits"))
        s.newBenefits.clear();
    o.forEach("new_benefits", [&](const JsonValue& v, const std::string& p) {
        s.newBenefits.push_back(readNewBenefit(ctx, v, p));
    });
    if (const JsonValue* v = o.get("risk_adjustment")) {
        const ObjectReader r(ctx, *v, o.at("risk_adjustment"), {"enabled", "cap_up", "cap_down"});
        r.read("enabled", s.riskAdjustment.enabled);
        r.read("cap_up", s.riskAdjustment.capUp);
        r.read("cap_down", s.riskAdjustment.capDown);
    }
    if (const JsonValue* v = o.get("truncation")) {
        const ObjectReader t(ctx, *v, o.at("truncation"), {"enabled", "threshold"});
        t.read("enabled", s.truncation.enabled);
        t.read("threshold", s.truncation.threshold);
    }
    if (const JsonValue* v = o.get("msr")) {
        const ObjectReader m(ctx, *v, o.at("msr"), {"method", "rate", "z", "cv"});
        m.readChoice("method", s.msr.method, kMethods);
        m.read("rate", s.msr.rate);
        m.read("z", s.msr.z);
        m.read("cv", s.msr.cv);
    }
    if (const JsonValue* v = o.get("mlr")) {
        // §5: "same_as_msr" or any MSR method.
        const ObjectReader m(ctx, *v, o.at("mlr"), {"method", "rate"});
        if (const JsonValue* method = m.get("method")) {
            ctx.expect(*method, m.at("method"), JsonType::String);
            if (method->text == "same_as_msr") {
                s.mlr.sameAsMsr = true;
                s.mlr.method = ThresholdMethod::None;
            } else {
                std::string allowed = "same_as_msr";
                for (ThresholdMethod t : kMethods)
                    allowed += std::string(", ") + toString(t);
                bool found = false;
                for (ThresholdMethod t : kMethods)
                    if (method->text == toString(t)) {
                        s.mlr.sameAsMsr = false;
                        s.mlr.method = t;
                        found = true;
                    }
                if (!found)
                    ctx.fail(*method, m.at("method"), "not a valid choice (one of: " + allowed + ")");
            }
        }
        m.read("rate", s.mlr.rate);
    }
    if (const JsonValue* v = o.get("quality"))
        readQuality(ctx, *v, o.at("quality"), s.quality);
    if (const JsonValue* v = o.get("tcc_trend_gate")) {
        const ObjectReader g(ctx, *v, o.at("tcc_trend_gate"), {"enabled", "max_trend"});
        g.read("enabled", s.tccTrendGate.enabled);
        g.read("max_trend", s.tccTrendGate.maxTrend);
    }
    if (const JsonValue* v = o.get("appropriateness")) {
        const ObjectReader a(
            ctx, *v, o.at("appropriateness"),
            {"enabled", "max_denial_rate_increase", "max_grievance_rate_increase", "action"});
        a.read("enabled", s.appropriateness.enabled);
        a.read("max_denial_rate_increase", s.appropriateness.maxDenialRateIncrease);
        a.read("max_grievance_rate_increase", s.appropriateness.maxGrievanceRateIncrease);
        a.readChoice("action", s.appropriateness.action,
                     {GuardrailAction::Flag, GuardrailAction::Ineligible});
    }
    o.readChoice("savings_basis", s.savingsBasis, {SavingsBasis::Tcc, SavingsBasis::ResourceUse});
    o.readChoice("payment_model", s.paymentModel, {PaymentModel::Ffs, PaymentModel::Capitation});
    if (const JsonValue* v = o.get("resource_use")) {
        const ObjectReader r(ctx, *v, o.at("resource_use"), {"measures"});
        if (r.get("measures"))
            s.resourceUse.clear();
        r.forEach("measures", [&](const JsonValue& m, const std::string& p) {
            s.resourceUse.push_back(readResourceUseMeasure(ctx, m, p));
        });
    }
    if (const JsonValue* v = o.get("sharing"))
        readSharing(ctx, *v, o.at("sharing"), s.sharing);
    if (const JsonValue* v = o.get("losses")) {
        const ObjectReader l(ctx, *v, o.at("losses"),
                             {"enabled", "rate_method", "rate", "rate_min", "rate_max", "cap"});
        l.read("enabled", s.losses.enabled);
        l.readChoice("rate_method", s.losses.rateMethod,
                     {LossRateMethod::Fixed, LossRateMethod::OneMinusSharing});
        l.read("rate", s.losses.rate);
        l.read("rate_min", s.losses.rateMin);
        l.read("rate_max", s.losses.rateMax);
        l.read("cap", s.losses.cap);
    }
    if (const JsonValue* v = o.get("fmap")) {
        const ObjectReader f(ctx, *v, o.at("fmap"), {"default", "by_rate_cell"});
        f.read("default", s.fmap.defaultRate);
        f.read("by_rate_cell", s.fmap.byRateCell);
    }
    if (const JsonValue* v = o.get("projection"))
        readProjection(ctx, *v, o.at("projection"), s.projection);
    if (o.get("corridors"))
        s.corridors.clear();
    o.forEach("corridors", [&](const JsonValue& v, const std::string& p) {
        s.corridors.push_back(readCorridor(ctx, v, p));
    });
    if (const JsonValue* v = o.get("blend"))
        readBlend(ctx, *v, o.at("blend"), s.blend);
    if (const JsonValue* v = o.get("mlr_remittance")) {
        const ObjectReader m(ctx, *v, o.at("mlr_remittance"), {"enabled", "minimum"});
        m.read("enabled", s.mlrRemittance.enabled);
        m.read("minimum", s.mlrRemittance.minimum);
    }
    if (const JsonValue* v = o.get("federal_limits")) {
        const ObjectReader f(ctx, *v, o.at("federal_limits"),
                             {"enabled", "incentive_max", "ilos_cos", "ilos_max", "ilos_evaluation"});
        f.read("enabled", s.federalLimits.enabled);
        f.read("incentive_max", s.federalLimits.incentiveMax);
        f.read("ilos_cos", s.federalLimits.ilosCos);
        f.read("ilos_max", s.federalLimits.ilosMax);
        f.read("ilos_evaluation", s.federalLimits.ilosEvaluation);
    }
    if (const JsonValue* v = o.get("uncertainty")) {
        const ObjectReader u(ctx, *v, o.at("uncertainty"),
                             {"cv", "alpha", "true_savings", "draws", "seed", "trend_sd"});
        u.read("cv", s.uncertainty.cv);
        u.read("alpha", s.uncertainty.alpha);
        u.read("true_savings", s.uncertainty.trueSavings);
        u.read("draws", s.uncertainty.draws);
        if (const JsonValue* seed = u.get("seed")) {
            const double x = ctx.number(*seed, u.at("seed"));
            if (x != std::floor(x) || x < 0.0 || x > 9007199254740992.0)
                ctx.fail(*seed, u.at("seed"), "the seed must be a whole number from 0 to 2^53");
            s.uncertainty.seed = static_cast<std::uint64_t>(x);
        }
        u.read("trend_sd", s.uncertainty.trendSd);
    }
    if (const JsonValue* v = o.get("regional_rates"))
        readRegionalRates(ctx, *v, o.at("regional_rates"), s.regionalRates);
    if (const JsonValue* v = o.get("partnerships"))
        readPartnerships(ctx, *v, o.at("partnerships"), s.partnerships);
    if (const JsonValue* v = o.get("assumption_sources"))
        readAssumptionSources(ctx, *v, o.at("assumption_sources"), kScenarioKeys, s.assumptionSources);
    return s;
}

//! The line of the deepest value on a key path (as Scenario::validate() names keys, e.g.
//! `quality.measures[0].threshold`) that the file spells out; 0 when not even the first key is
//! in the file. Object keys may themselves hold dots ("by_cos.a.b"), so the longest key that
//! matches is taken.
int lineOfPath(const JsonValue& root, std::string_view path)
{
    const JsonValue* node = &root;
    int line = 0;
    std::string_view rest = path;
    while (!rest.empty()) {
        if (rest.front() == '[') {
            const std::size_t close = rest.find(']');
            if (close == std::string_view::npos || node->type != JsonType::Array)
                break;
            std::size_t index = 0;
            bool ok = close > 1;
            for (std::size_t k = 1; k < close && ok; ++k) {
                ok = rest[k] >= '0' && rest[k] <= '9';
                index = index * 10 + static_cast<std::size_t>(rest[k] - '0');
            }
            if (!ok || index >= node->items.size())
                break;
            node = &node->items[index];
            line = node->line;
            rest.remove_prefix(close + 1);
        } else if (node->type == JsonType::Object) {
            const JsonMember* best = nullptr;
            for (const JsonMember& m : node->members) {
                if (rest.substr(0, m.key.size()) != m.key)
                    continue;
                if (rest.size() != m.key.size() && rest[m.key.size()] != '.' && rest[m.key.size()] != '[')
                    continue;
                if (!best || m.key.size() > best->key.size())
                    best = &m;
            }
            if (!best)
                break;
            node = &best->value;
            line = best->line;
            rest.remove_prefix(best->key.size());
        } else {
            break;
        }
        if (!rest.empty() && rest.front() == '.')
            rest.remove_prefix(1);
    }
    return line;
}

// ---------------------------------------------------------------------------------------------
// Per-program-year overrides (docs/methodology.md, "Program years").

//! Scenario::validate() of s, its key paths prefixed by `path` and placed on the lines of `node`
//! (the object at `path`) when that object comes from a file.
void validateAt(const Context& ctx, const Scenario& s, const JsonValue& node, const std::string& path)
{
    try {
        s.validate();
    } catch (const InputError& e) {
        // validate() names the key; add the file and the line where that key is written.
        InputLocation where = e.where();
        where.file = ctx.file;
        where.line = lineOfPath(node, where.column);
        if (!path.empty()) {
            if (where.line == 0) // the key is the base's: the override's own line
                where.line = node.line;
            where.column = path + "." + where.column;
        }
        throw InputError(where, e.reason());
    }
}

//! The scenario for program year y: `partial` (the object at `path`, by_year.<y>) read over base
//! by the §1.5 merging rules, performance_year y, no by_year; validated.
Scenario mergeYear(const Context& ctx, const Scenario& base, Year y, const JsonValue& partial,
                   const std::string& path)
{
    ctx.expect(partial, path, JsonType::Object);
    for (const JsonMember& m : partial.members)
        for (std::string_view k : kNotPerYear)
            if (m.key == k)
                ctx.failAt(m.line, memberPath(path, m.key),
                           "a by_year override cannot set " + m.key +
                               " (it names the scenario or its years, not a year's terms)");
    Scenario s = readScenario(ctx, partial, path, base, kScenarioKeys);
    s.byYear.clear();
    s.performanceYear = y;
    validateAt(ctx, s, partial, path);
    return s;
}

//! Reads and checks by_year (the object at `path`) into s.byYear: every override merged over s
//! must validate for its year.
void readYearOverrides(const Context& ctx, const JsonValue& v, const std::string& path, Scenario& s)
{
    ctx.expect(v, path, JsonType::Object);
    std::map<Year, std::string> overrides;
    for (const JsonMember& m : v.members) {
        const std::optional<Year> y = byYearKey(m.key);
        if (!y)
            throw InputError(InputLocation{ctx.file, m.line, memberPath(path, m.key), m.key, true},
                             "a by_year key must be a year such as \"2024\"");
        mergeYear(ctx, s, *y, m.value, memberPath(path, m.key));
        overrides[*y] = writeJsonCompact(m.value);
    }
    s.byYear = std::move(overrides);
}

// ---------------------------------------------------------------------------------------------
// Writing: every key, in the order of the §1.5 example, then §11 and §12.

JsonValue num(double v)
{
    return JsonValue::fromNumber(v);
}
JsonValue str(const std::string& s)
{
    return JsonValue::fromString(s);
}
JsonValue flag(bool b)
{
    return JsonValue::fromBool(b);
}

JsonValue optNum(const std::optional<double>& v)
{
    return v ? num(*v) : JsonValue();
}

JsonValue strList(const std::vector<std::string>& list)
{
    JsonValue a = JsonValue::makeArray();
    for (const std::string& s : list)
        a.append(str(s));
    return a;
}

template <class T> JsonValue numList(const std::vector<T>& list)
{
    JsonValue a = JsonValue::makeArray();
    for (T v : list)
        a.append(num(static_cast<double>(v)));
    return a;
}

JsonValue numMap(const std::map<std::string, double>& map)
{
    JsonValue o = JsonValue::makeObject();
    for (const auto& [key, v] : map)
        o.add(key, num(v));
    return o;
}

JsonValue trendPair(const TrendPair& t)
{
    JsonValue o = JsonValue::makeObject();
    o.add("utilization", num(t.utilization));
    o.add("unit_cost", num(t.unitCost));
    return o;
}

JsonValue trendMap(const std::map<std::string, TrendPair>& map)
{
    JsonValue o = JsonValue::makeObject();
    for (const auto& [key, t] : map)
        o.add(key, trendPair(t));
    return o;
}

} // namespace

JsonValue scenarioToJson(const Scenario& s)
{
    JsonValue root = JsonValue::makeObject();
    root.add("name", str(s.name));
    root.add("description", str(s.description));
    root.add("performance_year", s.performanceYear ? num(*s.performanceYear) : JsonValue());

    JsonValue& baseline = root.add("baseline", JsonValue::makeObject());
    baseline.add("years", numList(s.baseline.years));
    baseline.add("weights", numList(s.baseline.weights));

    root.add("included_cos", s.includedCos ? strList(*s.includedCos) : JsonValue());
    root.add("excluded_cos", strList(s.excludedCos));

    JsonValue& trend = root.add("trend", JsonValue::makeObject());
    trend.add("default", trendPair(s.trend.defaultTrend));
    trend.add("by_cos", trendMap(s.trend.byCos));
    JsonValue& byCell = trend.add("by_rate_cell", JsonValue::makeObject());
    for (const auto& [cell, rc] : s.trend.byRateCell) {
        JsonValue& c = byCell.add(cell, JsonValue::makeObject());
        if (rc.defaultTrend) // absent means fall through (§2.3); null is not allowed for an object
            c.add("default", trendPair(*rc.defaultTrend));
        c.add("by_cos", trendMap(rc.byCos));
    }

    JsonValue& changes = root.add("program_changes", JsonValue::makeArray());
    for (const ProgramChange& pc : s.programChanges) {
        JsonValue& c = changes.append(JsonValue::makeObject());
        c.add("cos", pc.cos ? str(*pc.cos) : JsonValue());
        c.add("rate_cells", pc.rateCells ? strList(*pc.rateCells) : JsonValue());
        c.add("effective_year", num(pc.effectiveYear));
        c.add("factor", num(pc.factor));
    }

    JsonValue& benefits = root.add("new_benefits", JsonValue::makeArray());
    for (const NewBenefit& b : s.newBenefits) {
        JsonValue& o = benefits.append(JsonValue::makeObject());
        o.add("cos", str(b.cos));
        o.add("price_year", num(b.priceYear));
        o.add("pmpm", numMap(b.pmpm));
        std::map<std::string, double> takeUp;
        for (const auto& [year, value] : b.takeUp)
            takeUp[std::to_string(year)] = value;
        o.add("take_up", numMap(takeUp));
        o.add("trend", num(b.trend));
    }

    JsonValue& risk = root.add("risk_adjustment", JsonValue::makeObject());
    risk.add("enabled", flag(s.riskAdjustment.enabled));
    risk.add("cap_up", optNum(s.riskAdjustment.capUp));
    risk.add("cap_down", optNum(s.riskAdjustment.capDown));

    JsonValue& trunc = root.add("truncation", JsonValue::makeObject());
    trunc.add("enabled", flag(s.truncation.enabled));
    trunc.add("threshold", num(s.truncation.threshold));

    JsonValue& msr = root.add("msr", JsonValue::makeObject());
    msr.add("method", str(toString(s.msr.method)));
    msr.add("rate", num(s.msr.rate));
    msr.add("z", num(s.msr.z));
    msr.add("cv", num(s.msr.cv));

    JsonValue& mlr = root.add("mlr", JsonValue::makeObject());
    mlr.add("method", str(s.mlr.sameAsMsr ? "same_as_msr" : toString(s.mlr.method)));
    mlr.add("rate", num(s.mlr.rate));

    JsonValue& quality = root.add("quality", JsonValue::makeObject());
    quality.add("scoring", str(toString(s.quality.scoring)));
    quality.add("blend_weight", num(s.quality.blendWeight));
    quality.add("improvement_max", num(s.quality.improvementMax));
    quality.add("min_denominator", num(s.quality.minDenominator));
    quality.add("min_measures", num(s.quality.minMeasures));
    JsonValue& gate = quality.add("gate", JsonValue::makeObject());
    gate.add("enabled", flag(s.quality.gateEnabled));
    gate.add("min_composite", num(s.quality.minComposite));
    JsonValue& measures = quality.add("measures", JsonValue::makeArray());
    for (const QualityMeasure& m : s.quality.measures) {
        JsonValue& o = measures.append(JsonValue::makeObject());
        o.add("id", str(m.id));
        o.add("name", str(m.name));
        o.add("weight", num(m.weight));
        o.add("direction", str(toString(m.direction)));
        o.add("threshold", num(m.threshold));
        o.add("benchmark", num(m.benchmark));
        o.add("gate_min", optNum(m.gateMin));
    }

    JsonValue& tcc = root.add("tcc_trend_gate", JsonValue::makeObject());
    tcc.add("enabled", flag(s.tccTrendGate.enabled));
    tcc.add("max_trend", num(s.tccTrendGate.maxTrend));

    JsonValue& appr = root.add("appropriateness", JsonValue::makeObject());
    appr.add("enabled", flag(s.appropriateness.enabled));
    appr.add("max_denial_rate_increase", num(s.appropriateness.maxDenialRateIncrease));
    appr.add("max_grievance_rate_increase", num(s.appropriateness.maxGrievanceRateIncrease));
    appr.add("action", str(toString(s.appropriateness.action)));

    root.add("savings_basis", str(toString(s.savingsBasis)));
    root.add("payment_model", str(toString(s.paymentModel)));

    JsonValue& ru = root.add("resource_use", JsonValue::makeObject());
    JsonValue& ruMeasures = ru.add("measures", JsonValue::makeArray());
    for (const ResourceUseMeasure& m : s.resourceUse) {
        JsonValue& o = ruMeasures.append(JsonValue::makeObject());
        o.add("id", str(m.id));
        o.add("numerator", str(m.numerator));
        o.add("exposure", str(m.exposure));
        o.add("per", num(m.per));
        o.add("unit_cost", num(m.unitCost));
        o.add("direction", str(toString(m.direction)));
    }

    JsonValue& sharing = root.add("sharing", JsonValue::makeObject());
    sharing.add("max_share", num(s.sharing.maxShare));
    sharing.add("min_share", num(s.sharing.minShare));
    sharing.add("quality_scaling", str(toString(s.sharing.qualityScaling)));
    sharing.add("quality_low", num(s.sharing.qualityLow));
    sharing.add("quality_high", num(s.sharing.qualityHigh));
    JsonValue& tiers = sharing.add("tiers", JsonValue::makeArray());
    for (const SharingTier& t : s.sharing.tiers) {
        JsonValue& o = tiers.append(JsonValue::makeObject());
        o.add("min_score", num(t.minScore));
        o.add("share", num(t.share));
    }
    sharing.add("first_dollar", flag(s.sharing.firstDollar));
    sharing.add("cap", optNum(s.sharing.cap));
    sharing.add("payment_reduction", num(s.sharing.paymentReduction));
    sharing.add("rate_on_failed_gate", str(toString(s.sharing.rateOnFailedGate)));

    JsonValue& losses = root.add("losses", JsonValue::makeObject());
    losses.add("enabled", flag(s.losses.enabled));
    losses.add("rate_method", str(toString(s.losses.rateMethod)));
    losses.add("rate", num(s.losses.rate));
    losses.add("rate_min", num(s.losses.rateMin));
    losses.add("rate_max", num(s.losses.rateMax));
    losses.add("cap", optNum(s.losses.cap));

    JsonValue& fmap = root.add("fmap", JsonValue::makeObject());
    fmap.add("default", num(s.fmap.defaultRate));
    fmap.add("by_rate_cell", numMap(s.fmap.byRateCell));

    const ProjectionSpec& p = s.projection;
    JsonValue& proj = root.add("projection", JsonValue::makeObject());
    proj.add("start_year", p.startYear ? num(*p.startYear) : JsonValue());
    proj.add("horizon", num(p.horizon));
    proj.add("enrollment_growth", num(p.enrollmentGrowth));
    JsonValue& uc = proj.add("utilization_change", JsonValue::makeObject());
    uc.add("default", num(p.utilizationChange.defaultRate));
    uc.add("by_cos", numMap(p.utilizationChange.byCos));
    proj.add("investment_pmpm", num(p.investmentPmpm));
    proj.add("quality_path", p.qualityPath ? numList(*p.qualityPath) : JsonValue());
    proj.add("rate_lag", num(p.rateLag));
    proj.add("admin_load", num(p.adminLoad));
    proj.add("underwriting_gain", num(p.underwritingGain));
    proj.add("care_coordination_to_medical", flag(p.careCoordinationToMedical));

    JsonValue& corridors = root.add("corridors", JsonValue::makeArray());
    for (const Corridor& c : s.corridors) {
        JsonValue& o = corridors.append(JsonValue::makeObject());
        o.add("name", str(c.name));
        o.add("cos", str(c.cos));
        o.add("target_pmpm", num(c.targetPmpm));
        JsonValue& bands = o.add("bands", JsonValue::makeArray());
        for (const CorridorBand& b : c.bands) {
            JsonValue& band = bands.append(JsonValue::makeObject());
            band.add("from", num(b.from));
            band.add("to", optNum(b.to));
            band.add("state_share", num(b.stateShare));
        }
    }

    if (s.blend) {
        JsonValue& blend = root.add("blend", JsonValue::makeObject());
        blend.add("rate_cells", strList(s.blend->rateCells));
        blend.add("rates", numMap(s.blend->rates));
        blend.add("projected_mix", numMap(s.blend->projectedMix));
        blend.add("tolerance", num(s.blend->tolerance));
    } else {
        root.add("blend", JsonValue());
    }

    JsonValue& remit = root.add("mlr_remittance", JsonValue::makeObject());
    remit.add("enabled", flag(s.mlrRemittance.enabled));
    remit.add("minimum", num(s.mlrRemittance.minimum));

    JsonValue& fl = root.add("federal_limits", JsonValue::makeObject());
    fl.add("enabled", flag(s.federalLimits.enabled));
    fl.add("incentive_max", num(s.federalLimits.incentiveMax));
    fl.add("ilos_cos", strList(s.federalLimits.ilosCos));
    fl.add("ilos_max", num(s.federalLimits.ilosMax));
    fl.add("ilos_evaluation", num(s.federalLimits.ilosEvaluation));

    JsonValue& u = root.add("uncertainty", JsonValue::makeObject());
    u.add("cv", optNum(s.uncertainty.cv));
    u.add("alpha", num(s.uncertainty.alpha));
    u.add("true_savings", optNum(s.uncertainty.trueSavings));
    u.add("draws", num(static_cast<double>(s.uncertainty.draws)));
    u.add("seed", num(static_cast<double>(s.uncertainty.seed)));
    u.add("trend_sd", num(s.uncertainty.trendSd));

    if (s.regionalRates) {
        JsonValue& rr = root.add("regional_rates", JsonValue::makeObject());
        JsonValue& regions = rr.add("regions", JsonValue::makeObject());
        for (const auto& [region, counties] : s.regionalRates->regions)
            regions.add(region, strList(counties));
        rr.add("blend", num(s.regionalRates->blend));
        rr.add("adjustments", numMap(s.regionalRates->adjustments));
        rr.add("budget_neutral", flag(s.regionalRates->budgetNeutral));
    } else {
        root.add("regional_rates", JsonValue());
    }

    JsonValue& ps = root.add("partnerships", JsonValue::makeObject());
    ps.add("outcome_credit", str(toString(s.partnerships.outcomeCredit)));
    ps.add("pmpm_factor", num(s.partnerships.pmpmFactor));
    JsonValue& terms = ps.add("terms", JsonValue::makeObject());
    for (const auto& [partner, t] : s.partnerships.terms) {
        JsonValue& e = terms.add(partner, JsonValue::makeObject());
        const auto term = [&e](const char* key, const std::optional<double>& x) {
            if (x)
                e.add(key, num(*x));
        };
        term("pmpm", t.pmpm);
        term("outreach_fee", t.outreachFee);
        term("outreach_cap", t.outreachCap);
        term("outcome_bonus", t.outcomeBonus);
        term("savings_pass_through", t.savingsPassThrough);
    }
    JsonValue& sources = root.add("assumption_sources", JsonValue::makeObject());
    for (const auto& [group, source] : s.assumptionSources) {
        JsonValue& e = sources.add(group, JsonValue::makeObject());
        e.add("source", str(source.source));
        e.add("owner", str(source.owner));
    }
    JsonValue& byYear = root.add("by_year", JsonValue::makeObject());
    for (const auto& [year, text] : s.byYear)
        byYear.add(std::to_string(year), parseJson(text, "by_year." + std::to_string(year)));
    return root;
}

Scenario readScenarioJson(const QByteArray& bytes, const QString& fileName)
{
    const JsonValue root = parseJson(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), fileName.toStdString());
    return readScenarioJson(root, fileName);
}

Scenario readScenarioJson(const JsonValue& root, const QString& fileName)
{
    const Context ctx{fileName.toStdString()};
    Scenario s = readScenario(ctx, root, "", Scenario{}, kScenarioKeys);
    validateAt(ctx, s, root, "");
    if (const JsonValue* v = root.find("by_year"))
        readYearOverrides(ctx, *v, "by_year", s);
    return s;
}

Scenario readScenarioFile(const QString& path)
{
    const std::string file = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists())
        throw InputError(InputLocation{file, 0, {}, {}, false}, "the scenario file does not exist");
    if (info.isDir())
        throw InputError(InputLocation{file, 0, {}, {}, false}, "this is a folder, not a scenario file");
    const JsonLimits limits;
    if (info.size() > static_cast<qint64>(limits.maxBytes))
        throw InputError(InputLocation{file, 0, {}, {}, false},
                         "the file is larger than the limit of " +
                             std::to_string(limits.maxBytes / (std::size_t{1024} * 1024)) +
                             " MiB for a JSON file and is not read");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw readError(path, f.errorString());
    // Read at most one byte past the limit, so that a file that grew meanwhile is still refused.
    const QByteArray bytes = f.read(static_cast<qint64>(limits.maxBytes) + 1);
    if (f.error() != QFileDevice::NoError)
        throw readError(path, f.errorString());
    return readScenarioJson(bytes, path);
}

std::optional<Year> byYearKey(std::string_view key)
{
    if (key.empty() || key.size() > 4 || key.front() == '0' ||
        key.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    Year y = 0;
    for (char c : key)
        y = y * 10 + (c - '0');
    return y;
}

Scenario scenarioForYear(const Scenario& scenario, Year year)
{
    const auto it = scenario.byYear.find(year);
    const std::string path = memberPath("by_year", std::to_string(year));
    const JsonValue partial =
        it == scenario.byYear.end() ? JsonValue::makeObject() : parseJson(it->second, path);
    try {
        return mergeYear(Context{}, scenario, year, partial, it == scenario.byYear.end() ? "" : path);
    } catch (const InputError& e) {
        InputLocation where = e.where();
        where.line = 0; // the override is stored text, not a file
        throw InputError(where, e.reason());
    }
}

std::vector<Scenario> scenariosForYears(const Scenario& scenario, const std::vector<Year>& years)
{
    std::vector<Scenario> out;
    for (Year y : years)
        out.push_back(scenarioForYear(scenario, y));
    return out;
}

void validateYearOverrides(const Scenario& scenario)
{
    for (const auto& entry : scenario.byYear)
        scenarioForYear(scenario, entry.first);
}

QByteArray writeScenarioJson(const Scenario& scenario)
{
    const std::string text = writeJson(scenarioToJson(scenario));
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace sharecast::io
