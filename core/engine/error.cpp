#include "error.h"

namespace sharecast {

namespace {

//! Text echoed in a message, cut to a readable length: a 50 MB field is named, not repeated.
std::string clip(const std::string& text, std::size_t kMaxEcho)
{
    if (text.size() <= kMaxEcho)
        return text;
    std::size_t cut = kMaxEcho;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u)
        --cut; // not inside a UTF-8 sequence
    return text.substr(0, cut) + "… (" + std::to_string(text.size()) + " bytes)";
}

} // namespace

std::string formatInputError(const InputLocation& where, const std::string& reason)
{
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0)
            out += ":" + std::to_string(where.line);
        out += ": ";
    } else if (where.line > 0) {
        out += "line " + std::to_string(where.line) + ": ";
    }
    if (!where.column.empty())
        out += "column '" + clip(where.column, 1024) + "'" + (where.hasValue ? ", " : ": ");
    if (where.hasValue)
        out += "value '" + clip(where.value, 160) + "': ";
    out += reason;
    return out;
}

InputError::InputError(InputLocation where, const std::string& reason)
    : std::runtime_error(formatInputError(where, reason)), where_(std::move(where)), reason_(reason)
{
}

InputError::InputError(const std::string& reason) : std::runtime_error(reason), reason_(reason) {}

} // namespace sharecast
