#pragma once
//! The one error type of the core: an input problem located by file, line, column and value.

#include <stdexcept>
#include <string>

namespace sharecast {

//! Where in an input a problem was found; any part may be empty (line 0 = not applicable).
struct InputLocation {
    std::string file;   //!< file name as the user gave it
    long line = 0;      //!< 1-based physical line (header = line 1); 0 when not applicable
    std::string column; //!< column name, or JSON key path
    std::string value;  //!< the offending text
    bool hasValue = false;
};

//! Thrown where input enters the core; what() is a complete, user-readable message.
class InputError : public std::runtime_error {
public:
    InputError(InputLocation where, const std::string& reason);
    explicit InputError(const std::string& reason);

    const InputLocation& where() const { return where_; }
    const std::string& reason() const { return reason_; }

private:
    InputLocation where_;
    std::string reason_;
};

//! Formats "file:line: column 'c', value 'v': reason" from whichever parts are known.
std::string formatInputError(const InputLocation& where, const std::string& reason);

//! Throws InputError(reason) unless cond holds (QuantLib's QL_REQUIRE, without the macro).
inline void require(bool cond, const std::string& reason)
{
    if (!cond)
        throw InputError(reason);
}

} // namespace sharecast
