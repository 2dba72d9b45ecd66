#pragma once
// float -> text exactly as CPython 3.11 does it: repr()/str(), format() and
// f-string specs, round(). CPython formats through David Gay's dtoa
// (Python/dtoa.c) and then PyOS_double_to_string (Python/pystrtod.c); here
// std::to_chars supplies dtoa's digits (mode 0: shortest round-trip; modes 2
// and 3: correctly rounded, ties to even, or for extreme precisions the exact
// decimal expansion rounded by hand) and format_float_short is ported line by
// line. Checked against python3 on ~100,000 random values and specs.
//
//   floatRepr(0.1 + 0.2) == "0.30000000000000004"    floatRepr(1e16) == "1e+16"
//   floatRepr(2.0) == "2.0"     floatRepr(-0.0) == "-0.0"    floatRepr(NAN) == "nan"
//   formatFloat(2.675, ".2f") == "2.67"    (2.675 is really 2.67499999...)
//   roundFloat(2.675, 2) == 2.67           roundHalfEven(0.5) == 0.0

#include "core/runtime/format_spec.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace aw::rt {

// Flags of PyOS_double_to_string (Include/pystrtod.h).
enum DoubleToStringFlags : unsigned {
    kDtsfSign = 0x01,      // always add the sign ('+' for non-negative)
    kDtsfAddDot0 = 0x02,   // "2" -> "2.0" when no exponent ('r' and 'g')
    kDtsfAlt = 0x04,       // '#': keep the trailing '.', keep 'g' zeros
    kDtsfNoNeg0 = 0x08,    // 'z': "-0.00" -> "0.00"
};

// PyOS_double_to_string(val, formatCode, precision, flags): formatCode is one
// of 'e' 'E' 'f' 'F' 'g' 'G' 'r' ('r' = repr, precision must be 0).
// inf/nan give "inf"/"-inf"/"nan" ("INF"/"NAN" for the upper-case codes).
std::string doubleToString(double val, char formatCode, int precision, unsigned flags = 0);

// repr(x) and str(x) of a float.
std::string floatRepr(double v);

// format(x, spec) / f"{x:spec}" for a float. An empty spec is str(x).
FormatResult formatFloat(double v, const FormatSpec& spec);
FormatResult formatFloat(double v, std::string_view spec);

// round(x, ndigits) for a float x (float.__round__ with ndigits given):
// correctly rounded half-even on the exact binary value, so
// roundFloat(2.675, 2) == 2.67 and roundFloat(0.125, 2) == 0.12.
// inf/nan come back unchanged; OverflowError "rounded value too large to
// represent" when rounding a finite value overflows (round(1.7e308, -308)).
struct RoundResult {
    double value = 0.0;
    std::optional<FormatError> error;
    bool ok() const { return !error; }
};
RoundResult roundFloat(double x, int64_t ndigits);

// round(x) with no ndigits: the nearest integral value, ties to even
// (round(0.5) == 0, round(1.5) == 2, round(-0.5) == -0.0). The caller turns
// it into an int with its float->int rules (OverflowError "cannot convert
// float infinity to integer", ValueError "cannot convert float NaN to integer").
double roundHalfEven(double x);

// printf-style '%' formatting of a float (`"%.2f" % x`): conversion is one
// of e E f F g G; precision -1 is the default 6. (%r and %s of a float are
// percentFormatText(floatRepr(x), spec).)
std::string percentFormatFloat(double v, const PercentSpec& spec);

}  // namespace aw::rt
