#include "core/runtime/float_format.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace aw::rt {

namespace {

// What _Py_dg_dtoa returns: the significant digits without trailing zeros
// and the position of the decimal point (value = 0.DIGITS * 10**decpt).
// Zero is "0" with decpt 1; a mode-3 result that rounds to nothing is ""
// with decpt = -ndigits (dtoa's "no_digits" exit).
struct DtoaDigits {
    std::string digits;
    int decpt = 0;
    bool negative = false;
};

void stripTrailingZeros(std::string& s)
{
    while (!s.empty() && s.back() == '0')
        s.pop_back();
}

// Parses std::to_chars scientific output "d.ddde+XX" into digits + decpt.
DtoaDigits parseScientific(const char* first, const char* last)
{
    DtoaDigits out;
    const char* p = first;
    const char* e = static_cast<const char*>(std::memchr(first, 'e', size_t(last - first)));
    for (; p != e; ++p)
        if (*p != '.')
            out.digits.push_back(*p);
    int exp10 = 0;
    std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), last, exp10);
    out.decpt = exp10 + 1;
    stripTrailingZeros(out.digits);
    return out;
}

// Mode 0: the shortest digit string that reads back as |v|.
DtoaDigits shortestDigits(double v)
{
    std::array<char, 64> buf{};
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::scientific);
    return parseScientific(buf.data(), r.ptr);
}

// The exact decimal expansion of |v| (a double has at most 767 significant
// decimal digits), from which modes 2 and 3 round.
DtoaDigits exactDigits(double v)
{
    std::string buf(800, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::scientific, 766);
    return parseScientific(buf.data(), r.ptr);
}

// Keeps `keep` leading digits of the exact expansion, rounding half-even
// (ties are exact here because the expansion is exact), as dtoa does.
DtoaDigits roundDigits(DtoaDigits d, long long keep, int ndigitsMode3)
{
    const long long len = static_cast<long long>(d.digits.size());
    if (keep >= len)
        return d;
    if (keep < 0) {
        d.digits.clear();
        d.decpt = -ndigitsMode3;
        return d;
    }
    const char next = d.digits[size_t(keep)];
    const bool rest = keep + 1 < len;   // digits are stripped, so any rest is nonzero
    bool up = next > '5' || (next == '5' && rest);
    if (next == '5' && !rest)
        up = keep > 0 && ((d.digits[size_t(keep - 1)] - '0') % 2 == 1);
    d.digits.resize(size_t(keep));
    if (up) {
        long long i = keep - 1;
        while (i >= 0 && d.digits[size_t(i)] == '9') {
            d.digits[size_t(i)] = '0';
            --i;
        }
        if (i < 0) {
            d.digits.insert(d.digits.begin(), '1');
            d.digits.resize(size_t(keep > 0 ? keep : 1));
            d.decpt += 1;
        } else {
            d.digits[size_t(i)] += 1;
        }
        stripTrailingZeros(d.digits);
    } else {
        stripTrailingZeros(d.digits);
        if (d.digits.empty())
            d.decpt = -ndigitsMode3;   // only mode 3 can round everything away
    }
    return d;
}

// Fast path for modes 2 and 3: std::to_chars with a precision rounds the
// exact binary value correctly with ties to even, which is what dtoa
// computes. Used while the digits fit a small buffer; otherwise (and for the
// negative ndigits of round()) the exact expansion is rounded by hand.
bool roundedDigits(double v, int mode, int ndigits, DtoaDigits& out)
{
    std::array<char, 400> buf{};
    if (mode == 2) {
        if (ndigits < 1 || ndigits > 350)
            return false;
        auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::scientific,
                               ndigits - 1);
        if (r.ec != std::errc())
            return false;
        out = parseScientific(buf.data(), r.ptr);
        return true;
    }
    if (ndigits < 0 || ndigits > 60 || std::fabs(v) >= 1e50)
        return false;
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::fixed, ndigits);
    if (r.ec != std::errc())
        return false;
    std::string digits;
    long long intLen = -1;
    for (const char* p = buf.data(); p != r.ptr; ++p) {
        if (*p == '.')
            intLen = static_cast<long long>(digits.size());
        else
            digits.push_back(*p);
    }
    if (intLen < 0)
        intLen = static_cast<long long>(digits.size());
    size_t zeros = 0;
    while (zeros < digits.size() && digits[zeros] == '0')
        ++zeros;
    out.digits = digits.substr(zeros);
    out.decpt = static_cast<int>(intLen - static_cast<long long>(zeros));
    stripTrailingZeros(out.digits);
    if (out.digits.empty())
        out.decpt = -ndigits;   // dtoa's "no_digits": everything rounded away
    return true;
}

// _Py_dg_dtoa(d, mode, ndigits) for a finite d.
DtoaDigits dtoa(double v, int mode, int ndigits)
{
    const bool negative = std::signbit(v);
    DtoaDigits d;
    if (v == 0.0) {
        d.digits = "0";
        d.decpt = 1;
    } else if (mode == 0) {
        d = shortestDigits(v);
    } else if (!roundedDigits(v, mode, ndigits, d)) {
        d = exactDigits(v);
        const long long keep = mode == 2 ? static_cast<long long>(ndigits)
                                         : static_cast<long long>(d.decpt) + ndigits;
        d = roundDigits(std::move(d), keep, ndigits);
    }
    d.negative = negative;
    return d;
}

// format_float_short from Python/pystrtod.c, for a finite value.
std::string formatFloatShort(double d, char formatCode, int mode, int precision, bool alwaysAddSign,
                             bool addDot0IfInteger, bool useAltFormatting, bool noNegativeZero, bool upper)
{
    DtoaDigits dd = dtoa(d, mode, precision);
    const std::string& digits = dd.digits;
    const long long digitsLen = static_cast<long long>(digits.size());
    long long decpt = dd.decpt;
    bool sign = dd.negative;

    // 'z': a result that shows as zero loses its minus sign.
    if (noNegativeZero && sign && (digitsLen == 0 || (digitsLen == 1 && digits[0] == '0')))
        sign = false;

    bool useExp = false;
    long long exp = 0;
    long long vdigitsEnd = digitsLen;
    switch (formatCode) {
    case 'e':
        useExp = true;
        vdigitsEnd = precision;
        break;
    case 'f':
        vdigitsEnd = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (addDot0IfInteger ? precision - 1 : precision))
            useExp = true;
        if (useAltFormatting)
            vdigitsEnd = precision;
        break;
    case 'r':
        // repr switches to exponent form at 1e16.
        if (decpt <= -4 || decpt > 16)
            useExp = true;
        break;
    default:
        break;
    }
    if (useExp) {
        exp = decpt - 1;
        decpt = 1;
    }
    const long long vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && addDot0IfInteger)
        vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
    else
        vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

    std::string out;
    out.reserve(size_t(8 + vdigitsEnd - vdigitsStart));
    if (sign)
        out.push_back('-');
    else if (alwaysAddSign)
        out.push_back('+');

    // Exactly one of these places the decimal point.
    if (decpt <= 0) {
        out.append(size_t(decpt - vdigitsStart), '0');
        out.push_back('.');
        out.append(size_t(0 - decpt), '0');
    } else {
        out.append(size_t(0 - vdigitsStart), '0');
    }
    if (0 < decpt && decpt <= digitsLen) {
        out.append(digits, 0, size_t(decpt));
        out.push_back('.');
        out.append(digits, size_t(decpt), std::string::npos);
    } else {
        out.append(digits);
    }
    if (digitsLen < decpt) {
        out.append(size_t(decpt - digitsLen), '0');
        out.push_back('.');
        out.append(size_t(vdigitsEnd - decpt), '0');
    } else {
        out.append(size_t(vdigitsEnd - digitsLen), '0');
    }
    if (out.back() == '.' && !useAltFormatting)
        out.pop_back();

    if (useExp) {
        out.push_back(upper ? 'E' : 'e');
        out.push_back(exp < 0 ? '-' : '+');
        const long long a = exp < 0 ? -exp : exp;
        if (a < 10)
            out.push_back('0');
        out += std::to_string(a);
    }
    return out;
}

}  // namespace

std::string doubleToString(double val, char formatCode, int precision, unsigned flags)
{
    bool upper = false;
    int mode = 0;
    switch (formatCode) {
    case 'E':
        upper = true;
        formatCode = 'e';
        [[fallthrough]];
    case 'e':
        mode = 2;
        precision++;
        break;
    case 'F':
        upper = true;
        formatCode = 'f';
        [[fallthrough]];
    case 'f':
        mode = 3;
        break;
    case 'G':
        upper = true;
        formatCode = 'g';
        [[fallthrough]];
    case 'g':
        mode = 2;
        if (precision == 0)
            precision = 1;   // precision 0 makes no sense for 'g'
        break;
    case 'r':
    default:
        formatCode = 'r';
        mode = 0;
        precision = 0;
        break;
    }

    if (std::isnan(val) || std::isinf(val)) {
        std::string out;
        // The sign of a nan is ignored, as dtoa does.
        if (std::isinf(val) && val < 0)
            out.push_back('-');
        else if (flags & kDtsfSign)
            out.push_back('+');
        out += std::isnan(val) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return out;
    }
    return formatFloatShort(val, formatCode, mode, precision, flags & kDtsfSign, flags & kDtsfAddDot0,
                            flags & kDtsfAlt, flags & kDtsfNoNeg0, upper);
}

std::string floatRepr(double v)
{
    return doubleToString(v, 'r', 0, kDtsfAddDot0);
}

// format_float_internal from Python/formatter_unicode.c.
FormatResult formatFloat(double v, const FormatSpec& spec)
{
    char32_t type = spec.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return FormatResult::fail(unknownFormatCode(type, "float"));
    }
    if (spec.precision > 0x7fffffff)
        return FormatResult::fail({"ValueError", "precision too big"});
    int precision = static_cast<int>(spec.precision);
    int defaultPrecision = 6;
    unsigned flags = 0;
    if (spec.alternate)
        flags |= kDtsfAlt;
    if (spec.noNegZero)
        flags |= kDtsfNoNeg0;
    if (type == 0) {
        // No type: like repr() without a precision, else like 'g' but with
        // at least one digit after the point.
        flags |= kDtsfAddDot0;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n')
        type = 'g';   // 'n' is 'g' in the C locale
    bool addPct = false;
    if (type == '%') {
        type = 'f';
        v *= 100;
        addPct = true;
    }
    if (precision < 0)
        precision = defaultPrecision;
    else if (type == 'r')
        type = 'g';

    std::string body = doubleToString(v, static_cast<char>(type), precision, flags);
    if (addPct)
        body.push_back('%');

    NumberParts parts;
    size_t index = 0;
    if (!body.empty() && body[0] == '-') {
        parts.signChar = '-';
        index = 1;
    }
    size_t pos = index;
    while (pos < body.size() && body[pos] >= '0' && body[pos] <= '9')
        ++pos;
    parts.digits = body.substr(index, pos - index);
    parts.hasDecimal = pos < body.size() && body[pos] == '.';
    parts.remainder = body.substr(parts.hasDecimal ? pos + 1 : pos);
    // 'n' uses the current locale, which is the C locale here: no grouping.
    parts.groupChar = spec.type == 'n' ? 0 : static_cast<char>(spec.grouping);
    parts.groupSize = 3;
    return FormatResult::success(layoutNumber(parts, spec));
}

FormatResult formatFloat(double v, std::string_view spec)
{
    if (spec.empty())
        return FormatResult::success(floatRepr(v));
    ParsedSpec parsed = parseFormatSpec(spec, 0, '>', "float");
    if (parsed.error)
        return FormatResult::fail(*parsed.error);
    return formatFloat(v, parsed.spec);
}

// double_round from Objects/floatobject.c: round to a decimal string with
// dtoa mode 3, then read it back.
RoundResult roundFloat(double x, int64_t ndigits)
{
    // Beyond these every digit (or none) survives; CPython's NDIGITS_MAX/MIN.
    constexpr int64_t kNdigitsMax = static_cast<int64_t>((53 - (-1021)) * 0.30103);
    constexpr int64_t kNdigitsMin = -static_cast<int64_t>((1024 + 1) * 0.30103);
    RoundResult res;
    if (!std::isfinite(x) || ndigits > kNdigitsMax) {
        res.value = x;
        return res;
    }
    if (ndigits < kNdigitsMin) {
        res.value = 0.0 * x;
        return res;
    }
    if (x == 0.0) {
        res.value = x;
        return res;
    }
    DtoaDigits d = dtoa(x, 3, static_cast<int>(ndigits));
    std::string text;
    if (d.negative)
        text.push_back('-');
    text += "0" + d.digits + "e" + std::to_string(static_cast<long long>(d.decpt) - static_cast<long long>(d.digits.size()));
    // strtod: from_chars rejects a leading '-' on nothing, so parse the magnitude.
    double mag = 0.0;
    const char* first = text.data() + (d.negative ? 1 : 0);
    auto r = std::from_chars(first, text.data() + text.size(), mag);
    if (r.ec == std::errc::result_out_of_range || std::isinf(mag)) {
        res.error = FormatError{"OverflowError", "rounded value too large to represent"};
        return res;
    }
    res.value = d.negative ? -mag : mag;
    return res;
}

double roundHalfEven(double x)
{
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5)
        rounded = 2.0 * std::round(x / 2.0);   // a tie: go to the even neighbour
    return rounded;
}

// formatfloat from Objects/unicodeobject.c.
std::string percentFormatFloat(double v, const PercentSpec& spec)
{
    const int prec = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    std::string body = doubleToString(v, static_cast<char>(spec.conversion), prec,
                                      spec.alternate ? unsigned(kDtsfAlt) : 0u);
    return percentPadNumber(std::move(body), 0, spec);
}

}  // namespace aw::rt
