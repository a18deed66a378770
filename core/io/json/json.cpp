#include "io/json/json.h"

#include "engine/error.h"
#include "io/json/key_path.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace sharecast::io {

const char* describe(JsonType type)
{
    switch (type) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return "a boolean";
    case JsonType::Number: return "a number";
    case JsonType::String: return "a string";
    case JsonType::Array: return "an array";
    case JsonType::Object: return "an object";
    }
    return "a value";
}

JsonValue JsonValue::fromBool(bool b)
{
    JsonValue v;
    v.type = JsonType::Bool;
    v.boolean = b;
    return v;
}

JsonValue JsonValue::fromNumber(double d)
{
    JsonValue v;
    v.type = JsonType::Number;
    v.number = d;
    return v;
}

JsonValue JsonValue::fromString(std::string s)
{
    JsonValue v;
    v.type = JsonType::String;
    v.text = std::move(s);
    return v;
}

JsonValue JsonValue::makeArray()
{
    JsonValue v;
    v.type = JsonType::Array;
    return v;
}

JsonValue JsonValue::makeObject()
{
    JsonValue v;
    v.type = JsonType::Object;
    return v;
}

JsonValue& JsonValue::append(JsonValue v)
{
    items.push_back(std::move(v));
    return items.back();
}

JsonValue& JsonValue::add(std::string key, JsonValue v)
{
    members.push_back(JsonMember{std::move(key), 0, 0, std::move(v)});
    return members.back().value;
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    const JsonMember* m = findMember(key);
    return m ? &m->value : nullptr;
}

const JsonMember* JsonValue::findMember(std::string_view key) const
{
    for (const JsonMember& m : members)
        if (m.key == key)
            return &m;
    return nullptr;
}

namespace {

//! Length of the valid UTF-8 sequence starting at s[i] (1–4), or 0 when it is not valid
//! (overlong forms, surrogates and code points above U+10FFFF are invalid; RFC 3629).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned int cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void appendUtf8(std::string& out, unsigned int cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string sizeText(std::size_t bytes)
{
    constexpr std::size_t mib = std::size_t{1024} * 1024;
    if (bytes >= mib && bytes % mib == 0)
        return std::to_string(bytes / mib) + " MiB";
    return std::to_string(bytes) + " bytes";
}

//! One step of the key path to the value being parsed: an object key or an array index.
struct PathStep {
    const std::string* key = nullptr; //!< null for an array index
    std::size_t index = 0;
};

//! Recursive-descent parser over the bytes, tracking line, column and key path for errors.
class Parser {
public:
    Parser(std::string_view bytes, const std::string& fileName, const JsonLimits& limits)
        : s_(bytes), file_(fileName), limits_(limits)
    {
    }

    JsonValue parseDocument()
    {
        if (s_.size() > limits_.maxBytes)
            throw InputError(InputLocation{file_, 0, {}, {}, false}, "the file is larger than the limit of " +
                                                                         sizeText(limits_.maxBytes) +
                                                                         " for a JSON file and is not read");
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") { // UTF-8 byte-order mark
            pos_ = 3;
            lineStart_ = colPos_ = 3;
        }
        skipWhitespace();
        if (pos_ == s_.size())
            fail("", "the file holds no JSON value (it is empty)");
        JsonValue v = parseValue(0);
        skipWhitespace();
        if (pos_ != s_.size())
            fail(foundToken(), "unexpected text after the end of the JSON value");
        return v;
    }

private:
    std::string_view s_;
    const std::string& file_;
    JsonLimits limits_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::size_t colPos_ = 0; // byte position up to which col_ has been counted
    int col_ = 1;
    std::vector<PathStep> path_;

    //! 1-based column (in characters, not bytes) of byte position p on the current line.
    int columnAt(std::size_t p)
    {
        for (; colPos_ < p; ++colPos_)
            if ((static_cast<unsigned char>(s_[colPos_]) & 0xC0u) != 0x80u)
                ++col_;
        return col_;
    }

    std::string pathText() const
    {
        std::string out;
        for (const PathStep& step : path_)
            out = step.key ? memberPath(out, *step.key) : elementPath(out, step.index);
        return out;
    }

    [[noreturn]] void failAt(int line, int column, const std::string& found, const std::string& reason)
    {
        InputLocation where;
        where.file = file_;
        where.line = line;
        where.column = pathText();
        where.value = found;
        where.hasValue = !found.empty();
        throw InputError(where, reason + " (at character " + std::to_string(column) + " of the line)");
    }

    [[noreturn]] void fail(const std::string& found, const std::string& reason)
    {
        failAt(line_, columnAt(pos_), found, reason);
    }

    //! The text at the current position, for "found ..." in messages.
    std::string foundToken() const
    {
        if (pos_ >= s_.size())
            return "end of input";
        const unsigned char c = static_cast<unsigned char>(s_[pos_]);
        const auto isWordChar = [](unsigned char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                   ch == '_' || ch == '-' || ch == '+' || ch == '.';
        };
        if (c == '"') { // a whole string token, closing quote included, shortened when long
            std::size_t end = pos_ + 1;
            while (end < s_.size() && s_[end] != '"' && s_[end] != '\n' && end - pos_ < 40)
                end += s_[end] == '\\' ? 2 : 1;
            if (end < s_.size() && s_[end] == '"')
                ++end;
            end = std::min(end, s_.size());
            while (end < s_.size() && (static_cast<unsigned char>(s_[end]) & 0xC0u) == 0x80u)
                --end; // do not cut a UTF-8 sequence
            return std::string(s_.substr(pos_, end - pos_));
        }
        if (isWordChar(c)) {
            std::size_t end = pos_;
            while (end < s_.size() && end - pos_ < 40 && isWordChar(static_cast<unsigned char>(s_[end])))
                ++end;
            return std::string(s_.substr(pos_, end - pos_));
        }
        if (c >= 0x20 && c < 0x7F)
            return std::string(1, static_cast<char>(c));
        if (c >= 0x80) {
            const std::size_t len = utf8SequenceLength(s_, pos_);
            if (len > 0)
                return std::string(s_.substr(pos_, len));
        }
        static const char hex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 0xF];
    }

    void skipWhitespace()
    {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == ' ' || c == '\t') {
                ++pos_;
            } else if (c == '\n' || c == '\r') {
                ++pos_;
                if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n')
                    ++pos_;
                ++line_;
                lineStart_ = colPos_ = pos_;
                col_ = 1;
            } else {
                break;
            }
        }
    }

    JsonValue parseValue(int depth)
    {
        if (pos_ >= s_.size())
            fail("end of input", "expected a JSON value");
        JsonValue v;
        v.line = line_;
        v.column = columnAt(pos_);
        const char c = s_[pos_];
        if (c == '{') {
            parseObject(v, depth + 1);
        } else if (c == '[') {
            parseArray(v, depth + 1);
        } else if (c == '"') {
            v.type = JsonType::String;
            v.text = parseString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            parseNumber(v);
        } else if (s_.substr(pos_, 4) == "true" && !wordContinues(pos_ + 4)) {
            v.type = JsonType::Bool;
            v.boolean = true;
            pos_ += 4;
        } else if (s_.substr(pos_, 5) == "false" && !wordContinues(pos_ + 5)) {
            v.type = JsonType::Bool;
            pos_ += 5;
        } else if (s_.substr(pos_, 4) == "null" && !wordContinues(pos_ + 4)) {
            pos_ += 4;
        } else {
            fail(foundToken(), "expected a JSON value (object, array, string, number, true, false or null)");
        }
        return v;
    }

    bool wordContinues(std::size_t p) const
    {
        if (p >= s_.size())
            return false;
        const char c = s_[p];
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    void enter(int depth)
    {
        if (depth > limits_.maxDepth)
            fail(std::string(1, s_[pos_]),
                 "arrays and objects are nested deeper than " + std::to_string(limits_.maxDepth) + " levels");
    }

    //! Steps into an object or array at its opening bracket; true when `close` follows at once
    //! (the container is empty and has been read).
    bool openContainer(JsonValue& v, int depth, JsonType type, char close)
    {
        enter(depth);
        v.type = type;
        ++pos_; // '{' or '['
        skipWhitespace();
        if (pos_ < s_.size() && s_[pos_] == close) {
            ++pos_;
            return true;
        }
        return false;
    }

    //! After a member or element (whose path step is on path_): true at ',' (another follows),
    //! false at `close` (the container has been read); anything else is an error.
    bool nextInContainer(char close, const char* expected)
    {
        skipWhitespace();
        if (pos_ < s_.size() && s_[pos_] == ',') {
            path_.pop_back();
            ++pos_;
            skipWhitespace();
            return true;
        }
        if (pos_ < s_.size() && s_[pos_] == close) {
            path_.pop_back();
            ++pos_;
            return false;
        }
        fail(foundToken(), expected);
    }

    void parseObject(JsonValue& v, int depth)
    {
        if (openContainer(v, depth, JsonType::Object, '}'))
            return;
        std::unordered_set<std::string> keys;
        for (;;) {
            if (pos_ >= s_.size() || s_[pos_] != '"')
                fail(foundToken(), v.members.empty() ? "expected a key (a string in double quotes) or '}'"
                                                     : "expected a key (a string in double quotes)");
            JsonMember m;
            m.line = line_;
            m.column = columnAt(pos_);
            m.key = parseString();
            if (!keys.insert(m.key).second) {
                path_.push_back(PathStep{&m.key, 0});
                failAt(m.line, m.column, m.key, "the key is given twice in the same object");
            }
            skipWhitespace();
            if (pos_ >= s_.size() || s_[pos_] != ':')
                fail(foundToken(), "expected ':' after the key \"" + m.key + "\"");
            ++pos_;
            skipWhitespace();
            v.members.push_back(std::move(m));
            JsonMember& added = v.members.back();
            path_.push_back(PathStep{&added.key, 0});
            added.value = parseValue(depth);
            if (!nextInContainer('}', "expected ',' or '}' after a member of an object"))
                return;
        }
    }

    void parseArray(JsonValue& v, int depth)
    {
        if (openContainer(v, depth, JsonType::Array, ']'))
            return;
        for (;;) {
            path_.push_back(PathStep{nullptr, v.items.size()});
            v.items.push_back(parseValue(depth));
            if (!nextInContainer(']', "expected ',' or ']' after an element of an array"))
                return;
        }
    }

    unsigned int parseHex4()
    {
        if (pos_ + 4 > s_.size())
            fail(std::string(s_.substr(pos_ - 2)), "a \\u escape needs four hexadecimal digits");
        unsigned int cp = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char h = s_[pos_ + k];
            unsigned int d = 0;
            if (h >= '0' && h <= '9')
                d = static_cast<unsigned int>(h - '0');
            else if (h >= 'a' && h <= 'f')
                d = static_cast<unsigned int>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                d = static_cast<unsigned int>(h - 'A' + 10);
            else
                fail(std::string(s_.substr(pos_ - 2, 6)), "a \\u escape needs four hexadecimal digits");
            cp = cp * 16 + d;
        }
        pos_ += 4;
        return cp;
    }

    std::string parseString()
    {
        ++pos_; // opening quote
        std::string out;
        for (;;) {
            if (pos_ >= s_.size())
                fail("end of input", "the string is not closed (missing '\"')");
            const unsigned char c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c < 0x20)
                fail(foundToken(),
                     "a control character (such as a line break or tab) inside a string must be "
                     "written as an escape like \\n or \\t");
            if (c == '\\') {
                if (pos_ + 1 >= s_.size())
                    fail("end of input", "the string is not closed (missing '\"')");
                const char e = s_[pos_ + 1];
                pos_ += 2;
                switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    const std::size_t start = pos_ - 2;
                    unsigned int cp = parseHex4();
                    if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        pos_ = start;
                        fail(std::string(s_.substr(start, 6)),
                             "a low surrogate escape without a high surrogate before it");
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (s_.substr(pos_, 2) != "\\u") {
                            pos_ = start;
                            fail(std::string(s_.substr(start, 6)),
                                 "a high surrogate escape must be followed by a low surrogate escape");
                        }
                        pos_ += 2;
                        const unsigned int low = parseHex4();
                        if (low < 0xDC00 || low > 0xDFFF) {
                            pos_ = start;
                            fail(std::string(s_.substr(start, 12)),
                                 "a high surrogate escape must be followed by a low surrogate escape");
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    pos_ -= 2;
                    fail(std::string(s_.substr(pos_, 2)),
                         "not a valid escape in a JSON string (valid: \\\" \\\\ \\/ "
                         "\\b \\f \\n \\r \\t \\uXXXX)");
                }
                continue;
            }
            if (c >= 0x80) {
                const std::size_t len = utf8SequenceLength(s_, pos_);
                if (len == 0)
                    fail(foundToken(), "the text is not valid UTF-8");
                out.append(s_.substr(pos_, len));
                pos_ += len;
                continue;
            }
            out += static_cast<char>(c);
            ++pos_;
        }
    }

    //! Reads a number by the RFC 8259 grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    void parseNumber(JsonValue& v)
    {
        const std::size_t start = pos_;
        const auto digit = [&](std::size_t p) { return p < s_.size() && s_[p] >= '0' && s_[p] <= '9'; };
        const auto bad = [&](const std::string& reason) {
            std::size_t end = pos_;
            while (end < s_.size() && end - start < 40 &&
                   (digit(end) || wordContinues(end) || s_[end] == '.' || s_[end] == '-' || s_[end] == '+'))
                ++end;
            const std::string found(s_.substr(start, end - start));
            pos_ = start;
            fail(found, reason);
        };
        std::size_t p = pos_;
        if (s_[p] == '-')
            ++p;
        if (!digit(p))
            bad("not a valid number");
        const std::size_t intStart = p;
        if (s_[p] == '0') {
            ++p;
            if (digit(p))
                bad("not a valid number (leading zeros are not allowed)");
        } else {
            while (digit(p))
                ++p;
        }
        const std::size_t intEnd = p;
        std::size_t fracStart = p, fracEnd = p;
        if (p < s_.size() && s_[p] == '.') {
            ++p;
            if (!digit(p))
                bad("not a valid number (a digit must follow the decimal point)");
            fracStart = p;
            while (digit(p))
                ++p;
            fracEnd = p;
        }
        long long exponent = 0;
        if (p < s_.size() && (s_[p] == 'e' || s_[p] == 'E')) {
            ++p;
            bool negative = false;
            if (p < s_.size() && (s_[p] == '+' || s_[p] == '-'))
                negative = s_[p++] == '-';
            if (!digit(p))
                bad("not a valid number (the exponent has no digits)");
            while (digit(p)) {
                if (exponent < 1000000000)
                    exponent = exponent * 10 + (s_[p] - '0');
                ++p;
            }
            if (negative)
                exponent = -exponent;
        }
        pos_ = p;
        if (wordContinues(p) || (p < s_.size() && (s_[p] == '.' || s_[p] == '-' || s_[p] == '+')))
            bad("not a valid number");

        v.type = JsonType::Number;
        v.text = std::string(s_.substr(start, p - start));
        const auto [ptr, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
        if (ec == std::errc::result_out_of_range) {
            // Overflow is an error; underflow (a magnitude below the smallest double) reads as 0.
            // The decimal exponent of the leading significant digit decides which it was.
            long long leading = 0;
            bool found = false;
            for (std::size_t k = intStart; k < intEnd && !found; ++k, ++leading)
                found = s_[k] != '0';
            long long magnitude = 0;
            if (found) {
                magnitude = static_cast<long long>(intEnd - intStart) - leading + exponent;
            } else {
                long long k = 0;
                for (std::size_t q = fracStart; q < fracEnd; ++q, ++k)
                    if (s_[q] != '0')
                        break;
                magnitude = -k - 1 + exponent;
            }
            if (magnitude >= 0) {
                pos_ = start;
                fail(v.text, "the number is too large for a double (it is not finite)");
            }
            v.number = s_[start] == '-' ? -0.0 : 0.0;
        } else if (ec != std::errc() || ptr != v.text.data() + v.text.size() || !std::isfinite(v.number)) {
            pos_ = start;
            fail(v.text, "not a valid finite number");
        }
    }
};

//! Pretty printer (2-space indent) that checks what JSON cannot carry.
class Writer {
public:
    std::string out;

    void write(const JsonValue& v, int indent)
    {
        switch (v.type) {
        case JsonType::Null: out += "null"; return;
        case JsonType::Bool: out += v.boolean ? "true" : "false"; return;
        case JsonType::Number:
            if (!std::isfinite(v.number))
                failHere("JSON cannot hold a number that is not finite");
            out += formatJsonNumber(v.number);
            return;
        case JsonType::String: writeString(v.text); return;
        case JsonType::Array: writeArray(v, indent); return;
        case JsonType::Object: writeObject(v, indent); return;
        }
    }

private:
    std::vector<KeyPathStep> path_;

    [[noreturn]] void failHere(const std::string& reason) const
    {
        InputLocation where;
        where.column = keyPathText(path_);
        throw InputError(where, reason);
    }

    void writeString(const std::string& s)
    {
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t len = utf8SequenceLength(s, i);
            if (len == 0)
                failHere("JSON cannot hold text that is not valid UTF-8");
            i += len;
        }
        out += quoteJsonString(s);
    }

    static bool isScalar(const JsonValue& v)
    {
        return v.type != JsonType::Array && v.type != JsonType::Object;
    }

    void newline(int indent)
    {
        out += '\n';
        out.append(static_cast<std::size_t>(indent) * 2, ' ');
    }

    void writeArray(const JsonValue& v, int indent)
    {
        if (v.items.empty()) {
            out += "[]";
            return;
        }
        bool flat = true;
        for (const JsonValue& item : v.items)
            flat = flat && isScalar(item);
        out += '[';
        for (std::size_t i = 0; i < v.items.size(); ++i) {
            if (i)
                out += flat ? ", " : ",";
            if (!flat)
                newline(indent + 1);
            path_.push_back({{}, i});
            write(v.items[i], indent + 1);
            path_.pop_back();
        }
        if (!flat)
            newline(indent);
        out += ']';
    }

    void writeObject(const JsonValue& v, int indent)
    {
        if (v.members.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (std::size_t i = 0; i < v.members.size(); ++i) {
            if (i)
                out += ',';
            newline(indent + 1);
            path_.push_back({v.members[i].key, std::nullopt});
            writeString(v.members[i].key);
            out += ": ";
            write(v.members[i].value, indent + 1);
            path_.pop_back();
        }
        newline(indent);
        out += '}';
    }
};

} // namespace

JsonValue parseJson(std::string_view bytes, const std::string& fileName, const JsonLimits& limits)
{
    return Parser(bytes, fileName, limits).parseDocument();
}

std::string writeJson(const JsonValue& v)
{
    Writer w;
    w.write(v, 0);
    w.out += '\n';
    return w.out;
}

std::string writeJsonCompact(const JsonValue& v)
{
    switch (v.type) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return v.boolean ? "true" : "false";
    case JsonType::Number: return formatJsonNumber(v.number);
    case JsonType::String: return quoteJsonString(v.text);
    case JsonType::Array: {
        std::string s = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            s += (i ? ", " : "") + writeJsonCompact(v.items[i]);
        return s + "]";
    }
    case JsonType::Object: {
        std::string s = "{";
        for (std::size_t i = 0; i < v.members.size(); ++i)
            s += (i ? ", " : "") + quoteJsonString(v.members[i].key) + ": " +
                 writeJsonCompact(v.members[i].value);
        return s + "}";
    }
    }
    return "null";
}

std::string formatJsonNumber(double v)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc())
        return "0"; // cannot happen for a finite double in 64 characters
    return std::string(buf, ptr);
}

std::string quoteJsonString(std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace sharecast::io
