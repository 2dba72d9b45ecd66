#include "core/runtime/format_spec.h"

#include "core/runtime/float_format.h"
#include "core/runtime/int_format.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace aw::rt {

namespace {

// Decodes valid UTF-8 (the VM's strings are valid); a stray byte is taken
// as its own code point so that nothing is lost.
std::u32string decodeUtf8(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        char32_t cp = c;
        if (c >= 0xF0 && c < 0xF8) {
            extra = 3;
            cp = c & 0x07;
        } else if (c >= 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        }
        if (extra != 0 && i + size_t(extra) >= s.size()) {
            out.push_back(c);
            ++i;
            continue;
        }
        for (int k = 1; k <= extra; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += size_t(extra) + 1;
    }
    return out;
}

std::string encodeUtf8(std::u32string_view cps)
{
    std::string out;
    for (char32_t c : cps)
        utf8Append(out, c);
    return out;
}

bool isAlignment(char32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

bool isSign(char32_t c)
{
    return c == ' ' || c == '+' || c == '-';
}

// "'x'" for printable ASCII, "'\xe9'" otherwise, as CPython's %c / \x%x.
std::string quotedCode(char32_t c)
{
    if (c > 32 && c < 128)
        return std::string("'") + static_cast<char>(c) + "'";
    char buf[32];
    std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(c));
    return buf;
}

FormatError valueError(std::string msg)
{
    return FormatError{"ValueError", std::move(msg)};
}

// get_integer: decimal digits into *result; the count consumed, or -1 on
// overflow of Py_ssize_t.
int getInteger(const std::u32string& s, size_t& pos, int64_t& result)
{
    int64_t acc = 0;
    int n = 0;
    for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n) {
        const int64_t digit = s[pos] - '0';
        if (acc > (INT64_MAX - digit) / 10)
            return -1;
        acc = acc * 10 + digit;
    }
    result = acc;
    return n;
}

// _PyUnicode_InsertThousandsGrouping: the digits with separators, padded
// with zeros (and separators between them) up to minWidth characters.
std::string groupDigits(std::string_view digits, int64_t minWidth, char sep, int groupSize)
{
    minWidth = std::max<int64_t>(0, minWidth);
    int64_t remaining = static_cast<int64_t>(digits.size());
    int64_t pos = remaining;   // end of the not-yet-copied digits
    std::vector<std::string> chunks;   // right to left
    auto take = [&](int64_t len, bool withSep) {
        const int64_t nZeros = std::max<int64_t>(0, len - remaining);
        const int64_t nChars = std::max<int64_t>(0, std::min(remaining, len));
        std::string chunk(size_t(nZeros), '0');
        chunk.append(digits.substr(size_t(pos - nChars), size_t(nChars)));
        if (withSep)
            chunk.push_back(sep);
        chunks.push_back(std::move(chunk));
        pos -= nChars;
        remaining -= nChars;
    };
    bool useSep = false;
    bool finished = false;
    if (sep != 0) {
        for (;;) {
            const int64_t len = std::min<int64_t>(groupSize, std::max<int64_t>(std::max(remaining, minWidth), 1));
            take(len, useSep);
            useSep = true;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) {
                finished = true;
                break;
            }
            minWidth -= 1;   // the separator's width
        }
    }
    if (!finished)
        take(std::max<int64_t>(std::max(remaining, minWidth), 1), useSep);
    std::string out;
    for (auto it = chunks.rbegin(); it != chunks.rend(); ++it)
        out += *it;
    return out;
}

std::string fillString(char32_t fill, int64_t n)
{
    std::string one;
    utf8Append(one, fill);
    std::string out;
    out.reserve(one.size() * size_t(std::max<int64_t>(n, 0)));
    for (int64_t i = 0; i < n; ++i)
        out += one;
    return out;
}

char toUpperAscii(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

void utf8Append(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int64_t utf8CodePoints(std::string_view utf8)
{
    int64_t n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

FormatError unknownFormatCode(char32_t type, std::string_view typeName)
{
    return valueError("Unknown format code " + quotedCode(type) + " for object of type '" + std::string(typeName) + "'");
}

ParsedSpec parseFormatSpec(std::string_view specText, char32_t defaultType, char32_t defaultAlign,
                           std::string_view typeName)
{
    ParsedSpec out;
    FormatSpec& f = out.spec;
    f.align = defaultAlign;
    f.type = defaultType;
    const std::u32string s = decodeUtf8(specText);
    const size_t end = s.size();
    size_t pos = 0;
    bool alignSpecified = false;
    bool fillSpecified = false;

    if (end - pos >= 2 && isAlignment(s[pos + 1])) {
        f.align = s[pos + 1];
        f.fill = s[pos];
        fillSpecified = alignSpecified = true;
        pos += 2;
    } else if (end - pos >= 1 && isAlignment(s[pos])) {
        f.align = s[pos];
        alignSpecified = true;
        ++pos;
    }
    if (end - pos >= 1 && isSign(s[pos]))
        f.sign = s[pos++];
    if (end - pos >= 1 && s[pos] == 'z') {
        f.noNegZero = true;
        ++pos;
    }
    if (end - pos >= 1 && s[pos] == '#') {
        f.alternate = true;
        ++pos;
    }
    // '0' before the width: zero padding, which for numbers (default '>')
    // also means '=' alignment; a str keeps its left alignment (3.10+).
    if (!fillSpecified && end - pos >= 1 && s[pos] == '0') {
        f.fill = '0';
        if (!alignSpecified && defaultAlign == '>')
            f.align = '=';
        ++pos;
    }
    int consumed = getInteger(s, pos, f.width);
    if (consumed < 0) {
        out.error = valueError("Too many decimal digits in format string");
        return out;
    }
    if (consumed == 0)
        f.width = -1;
    if (end - pos >= 1 && s[pos] == ',') {
        f.grouping = ',';
        ++pos;
    }
    if (end - pos >= 1 && s[pos] == '_') {
        if (f.grouping != 0) {
            out.error = valueError("Cannot specify both ',' and '_'.");
            return out;
        }
        f.grouping = '_';
        ++pos;
    }
    if (end - pos >= 1 && s[pos] == ',') {
        out.error = valueError("Cannot specify both ',' and '_'.");
        return out;
    }
    if (end - pos >= 1 && s[pos] == '.') {
        ++pos;
        consumed = getInteger(s, pos, f.precision);
        if (consumed < 0) {
            out.error = valueError("Too many decimal digits in format string");
            return out;
        }
        if (consumed == 0) {
            out.error = valueError("Format specifier missing precision");
            return out;
        }
    }
    if (end - pos > 1) {
        out.error = valueError("Invalid format specifier '" + std::string(specText) + "' for object of type '" +
                               std::string(typeName) + "'");
        return out;
    }
    if (end - pos == 1)
        f.type = s[pos++];

    if (f.grouping != 0) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;   // PEP 378
        case 'b': case 'o': case 'x': case 'X':
            if (f.grouping == '_')
                break;   // PEP 515: '_' every four digits
            [[fallthrough]];
        default: {
            std::string msg = "Cannot specify '";
            msg.push_back(static_cast<char>(f.grouping));
            msg += "' with " + quotedCode(f.type) + ".";
            out.error = valueError(std::move(msg));
            return out;
        }
        }
    }
    return out;
}

std::string layoutNumber(const NumberParts& p, const FormatSpec& spec)
{
    std::string sign;
    switch (spec.sign) {
    case '+':
        sign = p.signChar == '-' ? "-" : "+";
        break;
    case ' ':
        sign = p.signChar == '-' ? "-" : " ";
        break;
    default:
        if (p.signChar == '-')
            sign = "-";
    }
    const int64_t nDecimal = p.hasDecimal ? 1 : 0;
    const int64_t nonDigit = static_cast<int64_t>(sign.size() + p.prefix.size()) + nDecimal +
                             utf8CodePoints(p.remainder);
    const int64_t minWidth = (spec.fill == '0' && spec.align == '=') ? spec.width - nonDigit : 0;
    std::string grouped;
    if (!p.digits.empty())
        grouped = groupDigits(p.digits, minWidth, p.groupChar, p.groupSize);
    const int64_t padding = spec.width - (nonDigit + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (spec.align) {
        case '<': rpad = padding; break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    std::string out = fillString(spec.fill, lpad);
    out += sign;
    for (char c : p.prefix)
        out.push_back(p.upper ? toUpperAscii(c) : c);
    out += fillString(spec.fill, spad);
    for (char c : grouped)
        out.push_back(p.upper ? toUpperAscii(c) : c);
    if (p.hasDecimal)
        out.push_back('.');
    out += p.remainder;
    out += fillString(spec.fill, rpad);
    return out;
}

std::string padText(std::string_view utf8, int64_t length, const FormatSpec& spec)
{
    const int64_t total = spec.width > length ? spec.width : length;
    int64_t lpad = 0;
    if (spec.align == '>')
        lpad = total - length;
    else if (spec.align == '^')
        lpad = (total - length) / 2;
    const int64_t rpad = total - length - lpad;
    std::string out = fillString(spec.fill, lpad);
    out.append(utf8);
    out += fillString(spec.fill, rpad);
    return out;
}

// format_long_internal, after _PyLong_FormatAdvancedWriter's dispatch.
FormatResult formatInt(int64_t value, const FormatSpec& spec, std::string_view typeName)
{
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return formatFloat(static_cast<double>(value), spec);   // PyNumber_Float first
    default:
        return FormatResult::fail(unknownFormatCode(spec.type, typeName));
    }
    if (spec.precision != -1)
        return FormatResult::fail(valueError("Precision not allowed in integer format specifier"));
    if (spec.noNegZero)
        return FormatResult::fail(valueError("Negative zero coercion (z) not allowed in integer format specifier"));

    NumberParts parts;
    if (spec.type == 'c') {
        if (spec.sign != 0)
            return FormatResult::fail(valueError("Sign not allowed with integer format specifier 'c'"));
        if (spec.alternate)
            return FormatResult::fail(
                valueError("Alternate form (#) not allowed with integer format specifier 'c'"));
        if (value < 0 || value > 0x10ffff)
            return FormatResult::fail(FormatError{"OverflowError", "%c arg not in range(0x110000)"});
        // The character is "remainder": copied, never grouped or zero-filled.
        utf8Append(parts.remainder, static_cast<char32_t>(value));
        return FormatResult::success(layoutNumber(parts, spec));
    }
    int base = 10;
    const char* prefix = "";
    switch (spec.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    if (spec.alternate)
        parts.prefix = prefix;
    if (value < 0)
        parts.signChar = '-';
    parts.digits = intMagnitudeDigits(value, base);
    parts.upper = spec.type == 'X';
    // 'n' uses the current (C) locale: no separators.
    parts.groupChar = spec.type == 'n' ? 0 : static_cast<char>(spec.grouping);
    parts.groupSize = (base == 10) ? 3 : 4;
    return FormatResult::success(layoutNumber(parts, spec));
}

FormatResult formatInt(int64_t value, std::string_view spec, std::string_view typeName)
{
    if (spec.empty())
        return FormatResult::success(std::to_string(value));
    ParsedSpec parsed = parseFormatSpec(spec, 'd', '>', typeName);
    if (parsed.error)
        return FormatResult::fail(*parsed.error);
    return formatInt(value, parsed.spec, typeName);
}

// format_string_internal.
FormatResult formatStr(std::string_view utf8, const FormatSpec& spec)
{
    if (spec.type != 's')
        return FormatResult::fail(unknownFormatCode(spec.type, "str"));
    if (spec.sign == ' ')
        return FormatResult::fail(valueError("Space not allowed in string format specifier"));
    if (spec.sign != 0)
        return FormatResult::fail(valueError("Sign not allowed in string format specifier"));
    if (spec.noNegZero)
        return FormatResult::fail(valueError("Negative zero coercion (z) not allowed in string format specifier"));
    if (spec.alternate)
        return FormatResult::fail(valueError("Alternate form (#) not allowed in string format specifier"));
    if (spec.align == '=')
        return FormatResult::fail(valueError("'=' alignment not allowed in string format specifier"));

    int64_t len = utf8CodePoints(utf8);
    std::string_view text = utf8;
    std::string truncated;
    if (spec.precision >= 0 && len > spec.precision) {
        const std::u32string cps = decodeUtf8(utf8);
        truncated = encodeUtf8(std::u32string_view(cps).substr(0, size_t(spec.precision)));
        text = truncated;
        len = spec.precision;
    }
    return FormatResult::success(padText(text, len, spec));
}

FormatResult formatStr(std::string_view utf8, std::string_view spec)
{
    if (spec.empty())
        return FormatResult::success(std::string(utf8));
    ParsedSpec parsed = parseFormatSpec(spec, 's', '<', "str");
    if (parsed.error)
        return FormatResult::fail(*parsed.error);
    return formatStr(utf8, parsed.spec);
}

// ---------------------------------------------------------------------------
// printf-style formatting (PyUnicode_Format and its helpers).

bool isPercentConversion(char32_t c)
{
    switch (c) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G': case 'c': case 's': case 'r': case 'a':
        return true;
    default:
        return false;
    }
}

FormatError percentUnsupportedCharacter(const PercentSpec& spec)
{
    const char32_t c = spec.conversion;
    char buf[96];
    std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %lld",
                  (c >= 31 && c <= 126) ? static_cast<char>(c) : '?', static_cast<unsigned>(c),
                  static_cast<long long>(spec.index));
    return valueError(buf);
}

void setPercentWidthFromArg(PercentSpec& spec, int64_t width)
{
    if (width < 0) {
        spec.leftAlign = true;
        width = -width;
    }
    spec.width = width;
}

void setPercentPrecisionFromArg(PercentSpec& spec, int64_t precision)
{
    spec.precision = precision < 0 ? 0 : precision;
}

// unicode_format_arg_parse, for every conversion of the format at once.
PercentFormat parsePercentFormat(std::string_view fmt)
{
    PercentFormat out;
    const std::u32string s = decodeUtf8(fmt);
    const size_t n = s.size();
    std::u32string literal;
    auto flushLiteral = [&]() {
        if (!literal.empty()) {
            out.pieces.push_back(PercentPiece{encodeUtf8(literal), std::nullopt});
            literal.clear();
        }
    };
    size_t pos = 0;
    while (pos < n) {
        if (s[pos] != '%') {
            literal.push_back(s[pos++]);
            continue;
        }
        ++pos;   // past '%'
        if (pos < n && s[pos] == '%') {
            literal.push_back('%');
            ++pos;
            continue;
        }
        flushLiteral();
        PercentSpec spec;
        auto incomplete = [&](const char* msg) {
            spec.error = valueError(msg);
            out.pieces.push_back(PercentPiece{{}, std::move(spec)});
            return out;
        };
        if (pos < n && s[pos] == '(') {
            spec.mapping = true;
            // The key runs to the matching ')': parentheses nest.
            size_t depth = 1;
            const size_t keyStart = ++pos;
            while (pos < n && depth > 0) {
                if (s[pos] == ')')
                    --depth;
                else if (s[pos] == '(')
                    ++depth;
                ++pos;
            }
            if (depth > 0)
                return incomplete("incomplete format key");
            spec.key = encodeUtf8(std::u32string_view(s).substr(keyStart, pos - 1 - keyStart));
        }
        for (; pos < n; ++pos) {
            const char32_t c = s[pos];
            if (c == '-')
                spec.leftAlign = true;
            else if (c == '+')
                spec.plusSign = true;
            else if (c == ' ')
                spec.spaceSign = true;
            else if (c == '#')
                spec.alternate = true;
            else if (c == '0')
                spec.zeroPad = true;
            else
                break;
        }
        if (pos < n && s[pos] == '*') {
            spec.widthFromArg = true;
            ++pos;
        } else if (pos < n && s[pos] >= '0' && s[pos] <= '9') {
            if (getInteger(s, pos, spec.width) < 0)
                return incomplete("width too big");
        }
        if (pos < n && s[pos] == '.') {
            ++pos;
            spec.precision = 0;
            if (pos < n && s[pos] == '*') {
                spec.precisionFromArg = true;
                ++pos;
            } else if (pos < n && s[pos] >= '0' && s[pos] <= '9') {
                if (getInteger(s, pos, spec.precision) < 0 || spec.precision > 0x7fffffff)
                    return incomplete("precision too big");
            }
        }
        if (pos < n && (s[pos] == 'h' || s[pos] == 'l' || s[pos] == 'L'))
            ++pos;   // C length modifiers are accepted and ignored
        if (pos >= n)
            return incomplete("incomplete format");
        spec.conversion = s[pos];
        spec.index = static_cast<int64_t>(pos);
        ++pos;
        out.pieces.push_back(PercentPiece{{}, std::move(spec)});
    }
    flushLiteral();
    return out;
}

// unicode_format_arg_output for a numeric conversion (arg->sign set).
std::string percentPadNumber(std::string body, size_t prefixLen, const PercentSpec& spec)
{
    size_t pindex = 0;
    int64_t len = static_cast<int64_t>(body.size());
    char sign = 0;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        sign = body[0];
        --len;
        ++pindex;
    } else if (spec.plusSign) {
        sign = '+';
    } else if (spec.spaceSign) {
        sign = ' ';
    }
    const char fill = spec.zeroPad ? '0' : ' ';
    int64_t width = spec.width < len ? len : spec.width;
    std::string out;
    if (sign) {
        if (fill != ' ')
            out.push_back(sign);
        if (width > len)
            --width;
    }
    if (prefixLen) {
        if (fill != ' ') {
            out.append(body, pindex, prefixLen);
            pindex += prefixLen;
        }
        width = std::max<int64_t>(0, width - static_cast<int64_t>(prefixLen));
        len -= static_cast<int64_t>(prefixLen);
    }
    if (width > len && !spec.leftAlign) {
        out.append(size_t(width - len), fill);
        width = len;
    }
    if (fill == ' ') {
        if (sign)
            out.push_back(sign);
        if (prefixLen) {
            out.append(body, pindex, prefixLen);
            pindex += prefixLen;
        }
    }
    out.append(body, pindex, size_t(len));
    if (width > len)
        out.append(size_t(width - len), ' ');
    return out;
}

// _PyUnicode_FormatLong + the numeric output.
std::string percentFormatInt(int64_t value, const PercentSpec& spec)
{
    int base = 10;
    const char* prefix = "";
    switch (spec.conversion) {
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    std::string digits = intMagnitudeDigits(value, base);
    if (spec.precision > static_cast<int64_t>(digits.size()))
        digits.insert(0, size_t(spec.precision) - digits.size(), '0');   // precision = minimum digits
    std::string body = value < 0 ? "-" : "";
    const size_t prefixLen = (spec.alternate && base != 10) ? 2 : 0;
    if (prefixLen)
        body += prefix;
    body += digits;
    if (spec.conversion == 'X')
        for (char& c : body)
            c = toUpperAscii(c);
    return percentPadNumber(std::move(body), prefixLen, spec);
}

std::string percentFormatText(std::string_view utf8, const PercentSpec& spec)
{
    int64_t len = utf8CodePoints(utf8);
    std::string text(utf8);
    if (spec.precision >= 0 && len > spec.precision) {
        const std::u32string cps = decodeUtf8(utf8);
        text = encodeUtf8(std::u32string_view(cps).substr(0, size_t(spec.precision)));
        len = spec.precision;
    }
    if (spec.width <= len)
        return text;
    const std::string pad(size_t(spec.width - len), ' ');
    return spec.leftAlign ? text + pad : pad + text;
}

}  // namespace aw::rt
