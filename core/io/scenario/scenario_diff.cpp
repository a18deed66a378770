#include "io/scenario/scenario_diff.h"

#include "io/json/json.h"
#include "io/json/key_path.h"
#include "io/json/scenario_json.h"

#include <algorithm>

namespace sharecast::io {

namespace {

bool same(const JsonValue& a, const JsonValue& b)
{
    return writeJsonCompact(a) == writeJsonCompact(b);
}

void diff(const std::string& path, const JsonValue* a, const JsonValue* b,
          std::vector<ScenarioDifference>& out)
{
    static const QString absent = QStringLiteral("(absent)");
    if (a && b && a->type == JsonType::Object && b->type == JsonType::Object) {
        std::vector<std::string> keys;
        for (const JsonMember& m : a->members)
            keys.push_back(m.key);
        for (const JsonMember& m : b->members)
            if (std::find(keys.begin(), keys.end(), m.key) == keys.end())
                keys.push_back(m.key);
        for (const std::string& k : keys)
            diff(memberPath(path, k), a->find(k), b->find(k), out);
        return;
    }
    if (a && b && a->type == JsonType::Array && b->type == JsonType::Array) {
        const std::size_t n = std::max(a->items.size(), b->items.size());
        for (std::size_t i = 0; i < n; ++i)
            diff(elementPath(path, i), i < a->items.size() ? &a->items[i] : nullptr,
                 i < b->items.size() ? &b->items[i] : nullptr, out);
        return;
    }
    if (a && b && same(*a, *b))
        return;
    out.push_back({QString::fromStdString(path), a ? QString::fromStdString(writeJsonCompact(*a)) : absent,
                   b ? QString::fromStdString(writeJsonCompact(*b)) : absent});
}

} // namespace

std::vector<ScenarioDifference> diffScenarios(const Scenario& a, const Scenario& b)
{
    const JsonValue ja = scenarioToJson(a);
    const JsonValue jb = scenarioToJson(b);
    std::vector<ScenarioDifference> out;
    diff({}, &ja, &jb, out);
    return out;
}

QString formatDifferences(const std::vector<ScenarioDifference>& d, const QString& leftName,
                          const QString& rightName)
{
    if (d.empty())
        return QStringLiteral("no differences between %1 and %2\n").arg(leftName, rightName);
    int width = 0;
    for (const ScenarioDifference& x : d)
        width = std::max(width, static_cast<int>(x.key.size()));
    QString text = QStringLiteral("%1 differing key(s): %2 → %3\n").arg(d.size()).arg(leftName, rightName);
    for (const ScenarioDifference& x : d)
        text += QStringLiteral("  %1  %2 → %3\n").arg(x.key.leftJustified(width), x.left, x.right);
    return text;
}

} // namespace sharecast::io
