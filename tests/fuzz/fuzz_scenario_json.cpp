//! libFuzzer target over the scenario's JSON form: the hand-written JSON parser
//! (core/io/json/json.h) and the scenario reader behind it (core/io/json/scenario_json.h), the
//! whole path from text to a validated Scenario that `--scenario FILE.json` and the presets take.
//! Built and run by tests/fuzz/build_and_run.sh scenario_json. Each input is checked twice:
//! - as JSON: a document that parses must write back (writeJson) and parse again to the same tree
//!   (types, values, keys and their order; positions aside);
//! - as a scenario: readScenarioJson either refuses it with an InputError or returns a scenario
//!   that writes back (writeScenarioJson) and reads again equal, as scenario_json.h promises.
//! Anything else (a crash, a sanitizer report, another exception, a mismatch) is a finding.

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/json/json.h"
#include "io/json/scenario_json.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what)
{
    std::fprintf(stderr, "%s\n", what);
    std::abort();
}

//! Same tree: types, values (numbers by value and sign, not by their text) and members in order.
bool sameTree(const sharecast::io::JsonValue& a, const sharecast::io::JsonValue& b)
{
    using sharecast::io::JsonType;
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case JsonType::Null: return true;
    case JsonType::Bool: return a.boolean == b.boolean;
    case JsonType::Number: return a.number == b.number && std::signbit(a.number) == std::signbit(b.number);
    case JsonType::String: return a.text == b.text;
    case JsonType::Array:
        if (a.items.size() != b.items.size())
            return false;
        for (std::size_t i = 0; i < a.items.size(); ++i)
            if (!sameTree(a.items[i], b.items[i]))
                return false;
        return true;
    case JsonType::Object:
        if (a.members.size() != b.members.size())
            return false;
        for (std::size_t i = 0; i < a.members.size(); ++i)
            if (a.members[i].key != b.members[i].key || !sameTree(a.members[i].value, b.members[i].value))
                return false;
        return true;
    }
    return false;
}

void checkJson(std::string_view text)
{
    sharecast::io::JsonValue tree;
    try {
        tree = sharecast::io::parseJson(text, "fuzz.json");
    } catch (const sharecast::InputError&) {
        return;
    }
    // What the parser accepts is finite and UTF-8, so writing it must succeed (an exception here
    // escapes and is reported) and read back to the same tree.
    const std::string again = sharecast::io::writeJson(tree);
    if (!sameTree(sharecast::io::parseJson(again, "again.json"), tree))
        finding("JSON round trip mismatch: a parsed document did not write and parse back equal");
}

void checkScenario(const QByteArray& bytes)
{
    sharecast::Scenario scenario;
    try {
        scenario = sharecast::io::readScenarioJson(bytes, QStringLiteral("fuzz.json"));
    } catch (const sharecast::InputError&) {
        return; // the expected outcome for almost every input
    }
    const QByteArray again = sharecast::io::writeScenarioJson(scenario);
    if (!(sharecast::io::readScenarioJson(again, QStringLiteral("again.json")) == scenario))
        finding("scenario round trip mismatch: a scenario read from JSON did not write and read back equal");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    checkJson(std::string_view(reinterpret_cast<const char*>(data), size));
    checkScenario(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
