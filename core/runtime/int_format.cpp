#include "core/runtime/int_format.h"

namespace aw::rt {

std::string intMagnitudeDigits(int64_t value, int base)
{
    // 0 - (uint64_t)INT64_MIN is 2**63: the magnitude without overflow.
    uint64_t mag = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    if (mag == 0)
        return "0";
    std::string out;
    while (mag != 0) {
        const unsigned d = static_cast<unsigned>(mag % static_cast<unsigned>(base));
        out.push_back(static_cast<char>(d < 10 ? '0' + d : 'a' + (d - 10)));
        mag /= static_cast<unsigned>(base);
    }
    return std::string(out.rbegin(), out.rend());
}

std::string intToBaseString(int64_t value, int base)
{
    std::string out = value < 0 ? "-" : "";
    switch (base) {
    case 2: out += "0b"; break;
    case 8: out += "0o"; break;
    case 16: out += "0x"; break;
    default: break;
    }
    return out + intMagnitudeDigits(value, base);
}

}  // namespace aw::rt
