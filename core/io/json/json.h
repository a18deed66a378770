#pragma once
//! A small strict JSON (RFC 8259) reader and writer for the scenario interchange form
//! (methodology §1.5). Unlike QJsonDocument it rejects duplicate keys, and every value keeps the
//! line and column where it starts, so errors can name the place in the file.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sharecast::io {

//! The kind of a JSON value.
enum class JsonType : unsigned char { Null, Bool, Number, String, Array, Object };

//! The name of a JSON type as error messages spell it ("a number", "an object", ...).
const char* describe(JsonType type);

struct JsonMember;

//! One JSON value and the 1-based line and column (in characters) where it starts in its file.
//! Objects keep their members in file (or insertion) order.
struct JsonValue {
    JsonType type = JsonType::Null;
    bool boolean = false;            //!< the value of a Bool
    double number = 0.0;             //!< the value of a Number
    std::string text;                //!< a String's value (UTF-8), or a Number's text as written
    std::vector<JsonValue> items;    //!< the elements of an Array
    std::vector<JsonMember> members; //!< the members of an Object, in order
    int line = 0;                    //!< 1-based line of the first character; 0 when built in code
    int column = 0;                  //!< 1-based column (characters) of the first character

    //! A Bool value.
    static JsonValue fromBool(bool b);
    //! A Number value; the writer prints the shortest text that reads back as exactly v.
    static JsonValue fromNumber(double v);
    //! A String value (UTF-8).
    static JsonValue fromString(std::string s);
    //! An empty Array.
    static JsonValue makeArray();
    //! An empty Object.
    static JsonValue makeObject();

    //! True for a null value.
    bool isNull() const { return type == JsonType::Null; }

    //! Appends an element to an Array; returns it.
    JsonValue& append(JsonValue v);
    //! Appends a member to an Object (the caller keeps keys unique); returns its value.
    JsonValue& add(std::string key, JsonValue v);
    //! The member of an Object with this key, or nullptr.
    const JsonValue* find(std::string_view key) const;
    //! The member record (key and its position) of an Object with this key, or nullptr.
    const JsonMember* findMember(std::string_view key) const;
};

//! One member of a JSON object: its key, where the key starts, and its value.
struct JsonMember {
    std::string key;
    int line = 0;   //!< line of the key
    int column = 0; //!< column of the key's opening quote
    JsonValue value;
};

//! Limits on what parseJson accepts (a scenario file is a few kilobytes).
struct JsonLimits {
    std::size_t maxBytes = 16u * 1024u * 1024u; //!< larger inputs are rejected unread
    int maxDepth = 200;                         //!< arrays and objects nested deeper are rejected
};

//! Parses one JSON document (a UTF-8 byte-order mark is accepted). Throws sharecast::InputError
//! naming fileName, the line, the key path reached (InputLocation::column) and the text found on
//! a syntax error, trailing text, a duplicate key in an object, an invalid escape or UTF-8
//! sequence, a number too large for a double, nesting deeper or input larger than the limits.
JsonValue parseJson(std::string_view bytes, const std::string& fileName, const JsonLimits& limits = {});

//! Writes v as pretty-printed UTF-8 JSON: 2-space indent, members in order, arrays of scalars on
//! one line, numbers in the shortest text that round-trips the double, a final newline. Throws
//! sharecast::InputError (naming the key path) for a non-finite number or a string that is not
//! valid UTF-8, neither of which JSON can carry.
std::string writeJson(const JsonValue& v);

//! Writes v on one line: `{"a": 1, "b": [true, null]}` (members in order, ", " and ": " between
//! items): how `scenario diff` shows a value and how a scenario keeps its by_year overrides.
//! Numbers as formatJsonNumber(), strings as quoteJsonString() (v must be writable JSON).
std::string writeJsonCompact(const JsonValue& v);

//! The shortest decimal text that reads back as exactly v (finite v; std::to_chars).
std::string formatJsonNumber(double v);

//! s as a JSON string literal, quotes included (s must be valid UTF-8).
std::string quoteJsonString(std::string_view s);

} // namespace sharecast::io
