#include "error.h"

namespace sharecast {

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
        out += "column '" + where.column + "'" + (where.hasValue ? ", " : ": ");
    if (where.hasValue)
        out += "value '" + where.value + "': ";
    out += reason;
    return out;
}

InputError::InputError(InputLocation where, const std::string& reason)
    : std::runtime_error(formatInputError(where, reason)), where_(std::move(where)), reason_(reason)
{
}

InputError::InputError(const std::string& reason) : std::runtime_error(reason), reason_(reason) {}

}  // namespace sharecast
