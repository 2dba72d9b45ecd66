#pragma once
// int -> text in a base, for format() specs and the bin()/oct()/hex()
// builtins. Values are the engine's 64-bit ints; INT64_MIN is handled (its
// magnitude does not fit in int64_t, so the digits come from uint64_t).
//
//   intMagnitudeDigits(-255, 16) == "ff"
//   intToBaseString(-255, 16) == "-0xff"     (hex(-255))
//   intToBaseString(5, 2) == "0b101"         (bin(5))

#include <cstdint>
#include <string>

namespace aw::rt {

// The digits of |value| in base 2..36, lower case, no sign or prefix.
std::string intMagnitudeDigits(int64_t value, int base);

// What bin()/oct()/hex() return (base 2, 8, 16), and str() for base 10.
std::string intToBaseString(int64_t value, int base);

}  // namespace aw::rt
