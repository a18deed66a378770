#pragma once
//! The one spelling of a key path into a JSON document — in input errors, `scenario diff`,
//! assumptions.csv and the sensitivity keys alike: object members joined by '.', list elements
//! as `[i]` (`quality.measures[2].threshold`); a member whose key is empty or holds '.', '[',
//! ']' or '"' is written as a JSON string in brackets (`trend.by_cos["a.b"].unit_cost`), so
//! every path reads back to the steps that made it.

#include "io/json/json.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sharecast::io {

//! The path of member `key` of the object at `parent` (parent empty: the document's root).
std::string memberPath(std::string_view parent, std::string_view key);

//! The path of element `index` of the list at `parent`.
std::string elementPath(std::string_view parent, std::size_t index);

//! One step of a key path: an object member (key) or a list element (index).
struct KeyPathStep {
    std::string key;                  //!< the member's key, when index is empty
    std::optional<std::size_t> index; //!< the element's position

    bool operator==(const KeyPathStep&) const = default;
};

//! The steps of a path as memberPath() and elementPath() write it. Throws sharecast::InputError
//! naming the path and the character where it is malformed.
std::vector<KeyPathStep> parseKeyPath(std::string_view path);

//! The path that the steps spell (the inverse of parseKeyPath).
std::string keyPathText(const std::vector<KeyPathStep>& steps);

//! The value at the path in a document, or nullptr when the document has no such value.
const JsonValue* findAtPath(const JsonValue& root, const std::vector<KeyPathStep>& steps);

} // namespace sharecast::io
