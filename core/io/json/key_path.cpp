#include "io/json/key_path.h"

#include "engine/error.h"

#include <charconv>

namespace sharecast::io {

namespace {

//! True when the key can stand after a '.' without quoting.
bool isPlainKey(std::string_view key)
{
    return !key.empty() && key.find_first_of(".[]\"") == std::string_view::npos;
}

[[noreturn]] void malformed(std::string_view path, std::size_t at, const std::string& reason)
{
    throw InputError(InputLocation{{}, 0, std::string(path), std::string(path.substr(at)), true},
                     "not a key path: " + reason + " at character " + std::to_string(at + 1));
}

//! Reads the JSON string literal starting at path[pos] (a '"'); returns its value, moves pos past it.
std::string readQuoted(std::string_view path, std::size_t& pos)
{
    std::size_t end = pos + 1;
    while (end < path.size() && path[end] != '"')
        end += path[end] == '\\' ? 2 : 1;
    if (end >= path.size())
        malformed(path, pos, "a quoted key is not closed");
    const JsonValue v = parseJson(path.substr(pos, end + 1 - pos), "key path");
    pos = end + 1;
    return v.text;
}

} // namespace

std::string memberPath(std::string_view parent, std::string_view key)
{
    if (!isPlainKey(key))
        return std::string(parent) + '[' + quoteJsonString(key) + ']';
    return parent.empty() ? std::string(key) : std::string(parent) + '.' + std::string(key);
}

std::string elementPath(std::string_view parent, std::size_t index)
{
    return std::string(parent) + '[' + std::to_string(index) + ']';
}

std::vector<KeyPathStep> parseKeyPath(std::string_view path)
{
    std::vector<KeyPathStep> steps;
    std::size_t pos = 0;
    while (pos < path.size()) {
        const char c = path[pos];
        if (c == '[') {
            ++pos;
            if (pos < path.size() && path[pos] == '"') {
                steps.push_back({readQuoted(path, pos), std::nullopt});
            } else {
                std::size_t index = 0;
                const auto [end, ec] = std::from_chars(path.data() + pos, path.data() + path.size(), index);
                if (ec != std::errc() || end == path.data() + pos)
                    malformed(path, pos, "expected a list position or a quoted key after '['");
                pos = static_cast<std::size_t>(end - path.data());
                steps.push_back({{}, index});
            }
            if (pos >= path.size() || path[pos] != ']')
                malformed(path, pos, "expected ']'");
            ++pos;
            continue;
        }
        if (c == '.') {
            if (steps.empty())
                malformed(path, pos, "a path does not start with '.'");
            ++pos;
        } else if (!steps.empty()) {
            malformed(path, pos, "expected '.' or '[' between steps");
        }
        const std::size_t end = std::min(path.find_first_of(".[", pos), path.size());
        const std::string_view key = path.substr(pos, end - pos);
        if (!isPlainKey(key))
            malformed(path, pos,
                      key.empty() ? "an empty key must be quoted"
                                  : "a key holding '\"' or ']' must be quoted");
        steps.push_back({std::string(key), std::nullopt});
        pos = end;
    }
    if (steps.empty())
        malformed(path, 0, "the path is empty");
    return steps;
}

std::string keyPathText(const std::vector<KeyPathStep>& steps)
{
    std::string out;
    for (const KeyPathStep& s : steps)
        out = s.index ? elementPath(out, *s.index) : memberPath(out, s.key);
    return out;
}

const JsonValue* findAtPath(const JsonValue& root, const std::vector<KeyPathStep>& steps)
{
    const JsonValue* v = &root;
    for (const KeyPathStep& s : steps) {
        if (s.index) {
            if (v->type != JsonType::Array || *s.index >= v->items.size())
                return nullptr;
            v = &v->items[*s.index];
        } else {
            if (v->type != JsonType::Object)
                return nullptr;
            v = v->find(s.key);
            if (!v)
                return nullptr;
        }
    }
    return v;
}

} // namespace sharecast::io
