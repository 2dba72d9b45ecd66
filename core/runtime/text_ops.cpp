#include "core/runtime/text_ops.h"

#include <charconv>
#include <cctype>
#include <cmath>
#include <limits>

namespace aw::rt::text {

// ---------------------------------------------------------------- UTF-8

std::u32string decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if ((b & 0xE0) == 0xC0) { extra = 1; cp = b & 0x1F; }
        else if ((b & 0xF0) == 0xE0) { extra = 2; cp = b & 0x0F; }
        else if ((b & 0xF8) == 0xF0) { extra = 3; cp = b & 0x07; }
        else { out.push_back(0xFFFD); ++i; continue; }
        bool ok = true;
        for (int k = 1; ok && k <= extra; ++k) {
            if (i + k >= s.size()) { ok = false; break; }
            const unsigned char c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) { ok = false; break; }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) { out.push_back(0xFFFD); ++i; continue; }
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp)
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

std::string encode(std::u32string_view cps)
{
    std::string out;
    out.reserve(cps.size());
    for (char32_t c : cps)
        appendUtf8(out, c);
    return out;
}

size_t codePointCount(std::string_view s)
{
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

bool isAscii(std::string_view s)
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

// ---------------------------------------------------------------- classes

bool isSpace(char32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool isLineBreak(char32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E
        || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isDecimal(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9)
        || (c >= 0x966 && c <= 0x96F) || (c >= 0xFF10 && c <= 0xFF19);
}

bool isDigitChar(char32_t c)
{
    return isDecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070
        || (c >= 0x2074 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468);
}

bool isNumericChar(char32_t c)
{
    return isDigitChar(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2189)
        || c == 0x3007 || c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94
        || c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}

bool isUpperChar(char32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
    if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
    if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
    if (c == 0x178) return true;
    if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
    if (c >= 0x391 && c <= 0x3A9) return c != 0x3A2;
    if (c >= 0x400 && c <= 0x42F) return true;
    return false;
}

bool isLowerChar(char32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x137) return c % 2 == 1;
    if (c == 0x138) return true;
    if (c >= 0x139 && c <= 0x148) return c % 2 == 0;
    if (c == 0x149) return true;
    if (c >= 0x14A && c <= 0x177) return c % 2 == 1;
    if (c >= 0x179 && c <= 0x17E) return c % 2 == 0;
    if (c == 0x17F) return true;
    if (c >= 0x3AC && c <= 0x3CE) return true;
    if (c >= 0x430 && c <= 0x45F) return true;
    return false;
}

bool isCasedChar(char32_t c) { return isUpperChar(c) || isLowerChar(c); }

bool isAlphaChar(char32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (isCasedChar(c)) return true;
    return (c >= 0x180 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387 && c != 0x375)
        || (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) || (c >= 0x5D0 && c <= 0x5EA)
        || (c >= 0x620 && c <= 0x64A) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA)
        || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

bool isPrintableChar(char32_t c)
{
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    if (c <= 0xA0 || c == 0xAD) return false;
    if (isSpace(c)) return false;   // the Unicode spaces other than ' ' are "separators"
    if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F))
        return false;
    if (c == 0xFEFF || (c >= 0xD800 && c <= 0xF8FF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF) return false;
    return true;
}

char32_t toUpper(char32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c == 0xB5) return 0x39C;
    if (c == 0xFF) return 0x178;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0x17F) return 'S';
    if (isLowerChar(c) && c >= 0x100 && c <= 0x17E && c != 0x138 && c != 0x149) return c - 1;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x3B1 && c <= 0x3C9) return c - 32;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t toLower(char32_t c)
{
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c == 0x178) return 0xFF;
    if (isUpperChar(c) && c >= 0x100 && c <= 0x17E) return c + 1;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

// ---------------------------------------------------------------- repr

std::string repr(std::string_view utf8)
{
    const std::u32string s = decode(utf8);
    bool hasSingle = false, hasDouble = false;
    for (char32_t c : s) {
        hasSingle |= c == '\'';
        hasDouble |= c == '"';
    }
    const char quote = (hasSingle && !hasDouble) ? '"' : '\'';
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back(quote);
    for (char32_t c : s) {
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out.push_back(hex[(c >> 4) & 0xF]);
            out.push_back(hex[c & 0xF]);
        } else if (c < 0x7F || isPrintableChar(c)) {
            appendUtf8(out, c);
        } else {
            int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
            out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
            for (int k = digits - 1; k >= 0; --k)
                out.push_back(hex[(c >> (4 * k)) & 0xF]);
        }
    }
    out.push_back(quote);
    return out;
}

// ---------------------------------------------------------------- split

std::vector<std::u32string> split(const std::u32string& s, const std::u32string* sep, int64_t maxsplit)
{
    std::vector<std::u32string> parts;
    if (maxsplit < 0)
        maxsplit = std::numeric_limits<int64_t>::max();
    const size_t n = s.size();
    if (!sep) {
        size_t i = 0;
        while (true) {
            while (i < n && isSpace(s[i])) ++i;
            if (i == n) break;
            if (maxsplit == 0) {
                // The rest, leading whitespace dropped, trailing kept (CPython).
                parts.push_back(s.substr(i));
                break;
            }
            size_t j = i;
            while (j < n && !isSpace(s[j])) ++j;
            parts.push_back(s.substr(i, j - i));
            --maxsplit;
            i = j;
        }
        return parts;
    }
    size_t start = 0;
    while (maxsplit > 0) {
        const size_t pos = s.find(*sep, start);
        if (pos == std::u32string::npos) break;
        parts.push_back(s.substr(start, pos - start));
        start = pos + sep->size();
        --maxsplit;
    }
    parts.push_back(s.substr(start));
    return parts;
}

std::vector<std::u32string> rsplit(const std::u32string& s, const std::u32string* sep, int64_t maxsplit)
{
    std::vector<std::u32string> parts;
    if (maxsplit < 0)
        maxsplit = std::numeric_limits<int64_t>::max();
    if (!sep) {
        size_t i = s.size();
        while (true) {
            while (i > 0 && isSpace(s[i - 1])) --i;
            if (i == 0) break;
            if (maxsplit == 0) {
                parts.push_back(s.substr(0, i));
                break;
            }
            size_t j = i;
            while (j > 0 && !isSpace(s[j - 1])) --j;
            parts.push_back(s.substr(j, i - j));
            --maxsplit;
            i = j;
        }
    } else {
        size_t end = s.size();
        while (maxsplit > 0 && end >= sep->size()) {
            const size_t pos = s.rfind(*sep, end - sep->size());
            if (pos == std::u32string::npos) break;
            parts.push_back(s.substr(pos + sep->size(), end - pos - sep->size()));
            end = pos;
            --maxsplit;
        }
        parts.push_back(s.substr(0, end));
    }
    return {parts.rbegin(), parts.rend()};
}

std::u32string strip(const std::u32string& s, const std::u32string* chars, StripSide side)
{
    auto strippable = [&](char32_t c) {
        return chars ? chars->find(c) != std::u32string::npos : isSpace(c);
    };
    size_t b = 0, e = s.size();
    if (side != StripSide::Right)
        while (b < e && strippable(s[b])) ++b;
    if (side != StripSide::Left)
        while (e > b && strippable(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// ---------------------------------------------------------------- case

std::u32string upper(const std::u32string& s)
{
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (c == 0xDF) { out += U"SS"; continue; }   // ß has no one-letter capital
        out.push_back(toUpper(c));
    }
    return out;
}

std::u32string lower(const std::u32string& s)
{
    std::u32string out(s);
    for (char32_t& c : out) c = toLower(c);
    return out;
}

std::u32string capitalize(const std::u32string& s)
{
    std::u32string out = lower(s);
    if (!out.empty()) out[0] = toUpper(s[0]);
    return out;
}

std::u32string title(const std::u32string& s)
{
    std::u32string out;
    out.reserve(s.size());
    bool previousCased = false;
    for (char32_t c : s) {
        const char32_t m = previousCased ? toLower(c) : toUpper(c);
        out.push_back(m);
        previousCased = isCasedChar(m);
    }
    return out;
}

std::u32string swapcase(const std::u32string& s)
{
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (isUpperChar(c)) out.push_back(toLower(c));
        else if (c == 0xDF) out += U"SS";
        else if (isLowerChar(c)) out.push_back(toUpper(c));
        else out.push_back(c);
    }
    return out;
}

// ---------------------------------------------------------------- layout

std::vector<std::u32string> splitlines(const std::u32string& s, bool keepends)
{
    std::vector<std::u32string> lines;
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        size_t j = i;
        while (j < n && !isLineBreak(s[j])) ++j;
        size_t eol = j;
        if (j < n) {
            eol = (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? j + 2 : j + 1;
        }
        lines.push_back(s.substr(i, (keepends ? eol : j) - i));
        i = eol;
    }
    return lines;
}

std::u32string expandtabs(const std::u32string& s, int64_t tabsize)
{
    std::u32string out;
    int64_t column = 0;
    for (char32_t c : s) {
        if (c == '\t') {
            if (tabsize > 0) {
                const int64_t spaces = tabsize - column % tabsize;
                out.append(static_cast<size_t>(spaces), U' ');
                column += spaces;
            }
        } else {
            out.push_back(c);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return out;
}

std::u32string zfill(const std::u32string& s, int64_t width)
{
    const int64_t len = static_cast<int64_t>(s.size());
    if (width <= len) return s;
    std::u32string out(static_cast<size_t>(width - len), U'0');
    out += s;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        out[0] = s[0];
        out[static_cast<size_t>(width - len)] = U'0';
    }
    return out;
}

std::u32string pad(const std::u32string& s, int64_t width, char32_t fill, Align align)
{
    const int64_t len = static_cast<int64_t>(s.size());
    if (width <= len) return s;
    const int64_t marg = width - len;
    int64_t left = 0;
    if (align == Align::Right) left = marg;
    else if (align == Align::Center) left = marg / 2 + (marg & width & 1);   // CPython's centring rule
    std::u32string out(static_cast<size_t>(left), fill);
    out += s;
    out.append(static_cast<size_t>(marg - left), fill);
    return out;
}

std::u32string replace(const std::u32string& s, const std::u32string& old, const std::u32string& rep, int64_t count)
{
    if (count < 0) count = std::numeric_limits<int64_t>::max();
    std::u32string out;
    if (old.empty()) {
        // "ab".replace("", "-") == "-a-b-"
        for (size_t i = 0; i <= s.size(); ++i) {
            if (count > 0) { out += rep; --count; }
            if (i < s.size()) out.push_back(s[i]);
        }
        return out;
    }
    size_t start = 0;
    while (count > 0) {
        const size_t pos = s.find(old, start);
        if (pos == std::u32string::npos) break;
        out.append(s, start, pos - start);
        out += rep;
        start = pos + old.size();
        --count;
    }
    out.append(s, start, std::u32string::npos);
    return out;
}

// ---------------------------------------------------------------- search

void adjustRange(int64_t len, int64_t& start, int64_t& end)
{
    if (end > len) end = len;
    else if (end < 0) { end += len; if (end < 0) end = 0; }
    if (start < 0) { start += len; if (start < 0) start = 0; }
}

int64_t find(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end)
{
    const int64_t m = static_cast<int64_t>(sub.size());
    if (end - start < m) return -1;
    const std::u32string_view window(s.data() + start, static_cast<size_t>(end - start));
    const size_t pos = window.find(sub);
    return pos == std::u32string_view::npos ? -1 : start + static_cast<int64_t>(pos);
}

int64_t rfind(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end)
{
    const int64_t m = static_cast<int64_t>(sub.size());
    if (end - start < m) return -1;
    const std::u32string_view window(s.data() + start, static_cast<size_t>(end - start));
    const size_t pos = window.rfind(sub);
    return pos == std::u32string_view::npos ? -1 : start + static_cast<int64_t>(pos);
}

int64_t count(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end)
{
    if (end - start < static_cast<int64_t>(sub.size())) return 0;
    if (sub.empty()) return end - start + 1;
    const std::u32string_view window(s.data() + start, static_cast<size_t>(end - start));
    int64_t n = 0;
    size_t pos = 0;
    while ((pos = window.find(sub, pos)) != std::u32string_view::npos) {
        ++n;
        pos += sub.size();
    }
    return n;
}

// ---------------------------------------------------------------- predicates

bool allOf(const std::u32string& s, bool (*pred)(char32_t))
{
    if (s.empty()) return false;
    for (char32_t c : s)
        if (!pred(c)) return false;
    return true;
}

bool isUpperString(const std::u32string& s)
{
    bool cased = false;
    for (char32_t c : s) {
        if (isLowerChar(c)) return false;
        cased |= isUpperChar(c);
    }
    return cased;
}

bool isLowerString(const std::u32string& s)
{
    bool cased = false;
    for (char32_t c : s) {
        if (isUpperChar(c)) return false;
        cased |= isLowerChar(c);
    }
    return cased;
}

bool isTitleString(const std::u32string& s)
{
    bool cased = false, previousCased = false;
    for (char32_t c : s) {
        if (isUpperChar(c)) {
            if (previousCased) return false;
            previousCased = cased = true;
        } else if (isLowerChar(c)) {
            if (!previousCased) return false;
            previousCased = cased = true;
        } else {
            previousCased = false;
        }
    }
    return cased;
}

bool isIdentifier(const std::u32string& s)
{
    if (s.empty()) return false;
    if (!(s[0] == '_' || isAlphaChar(s[0]))) return false;
    for (char32_t c : s)
        if (!(c == '_' || isAlphaChar(c) || isDecimal(c))) return false;
    return true;
}

// ---------------------------------------------------------------- parsing

namespace {

std::string_view trimPythonSpace(std::string_view t)
{
    // Only ASCII whitespace matters in practice; non-ASCII spaces are rare in
    // number literals, and CPython's own strip of them would accept them too.
    auto sp = [](char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); };
    size_t b = 0, e = t.size();
    while (b < e && sp(t[b])) ++b;
    while (e > b && sp(t[e - 1])) --e;
    return t.substr(b, e - b);
}

int digitValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

}  // namespace

ParseStatus parseInt(std::string_view text, int base, int64_t& out)
{
    std::string_view t = trimPythonSpace(text);
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    if (t.empty()) return ParseStatus::Invalid;
    bool prefixed = false;
    if (t.size() >= 2 && t[0] == '0') {
        const char p = static_cast<char>(t[1] | 0x20);
        const int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixBase && (base == 0 || base == prefixBase)) {
            base = prefixBase;
            t.remove_prefix(2);
            prefixed = true;
        }
    }
    bool leadingZeroRule = false;
    if (base == 0) {
        base = 10;
        leadingZeroRule = true;   // "010" is not a literal; "000" is
    }
    // After a prefix an underscore may come first ("0x_ff"); otherwise digits
    // and single underscores between them.
    if (prefixed && !t.empty() && t[0] == '_') t.remove_prefix(1);
    if (t.empty() || t.front() == '_' || t.back() == '_') return ParseStatus::Invalid;
    unsigned __int128 acc = 0;
    bool overflow = false;
    bool nonZeroSeen = false;
    bool firstIsZero = t[0] == '0';
    char previous = 0;
    for (char c : t) {
        if (c == '_') {
            if (previous == '_') return ParseStatus::Invalid;
            previous = c;
            continue;
        }
        const int d = digitValue(c);
        if (d >= base) return ParseStatus::Invalid;
        if (d != 0) nonZeroSeen = true;
        if (!overflow) {
            acc = acc * static_cast<unsigned>(base) + static_cast<unsigned>(d);
            if (acc > static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + 1) overflow = true;
        }
        previous = c;
    }
    if (leadingZeroRule && !prefixed && firstIsZero && nonZeroSeen) return ParseStatus::Invalid;
    if (overflow) return ParseStatus::Overflow;
    const unsigned __int128 limit = static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max());
    if (!negative && acc > limit) return ParseStatus::Overflow;
    out = negative ? static_cast<int64_t>(-static_cast<__int128>(acc)) : static_cast<int64_t>(acc);
    return ParseStatus::Ok;
}

std::optional<double> parseFloat(std::string_view text)
{
    std::string_view t = trimPythonSpace(text);
    std::string clean;
    size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) clean.push_back(t[i++]);
    std::string rest;
    for (size_t k = i; k < t.size(); ++k) rest.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(t[k]))));
    const bool negative = !clean.empty() && clean[0] == '-';
    if (rest == "inf" || rest == "infinity")
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    if (rest == "nan")
        return negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
    // Validate: digits[.digits][e[sign]digits] with single underscores between digits.
    auto isDig = [](char c) { return c >= '0' && c <= '9'; };
    size_t k = 0;
    auto digits = [&](std::string& dst) {
        size_t n = 0;
        while (k < rest.size()) {
            if (isDig(rest[k])) { dst.push_back(rest[k++]); ++n; }
            else if (rest[k] == '_' && n > 0 && k + 1 < rest.size() && isDig(rest[k + 1])) ++k;
            else break;
        }
        return n;
    };
    size_t intDigits = digits(clean);
    size_t fracDigits = 0;
    if (k < rest.size() && rest[k] == '.') {
        clean.push_back('.');
        ++k;
        fracDigits = digits(clean);
    }
    if (intDigits + fracDigits == 0) return std::nullopt;
    if (k < rest.size() && rest[k] == 'e') {
        clean.push_back('e');
        ++k;
        if (k < rest.size() && (rest[k] == '+' || rest[k] == '-')) clean.push_back(rest[k++]);
        if (digits(clean) == 0) return std::nullopt;
    }
    if (k != rest.size()) return std::nullopt;
    double value = 0.0;
    const char* first = clean.data();
    if (*first == '+') ++first;
    const auto result = std::from_chars(first, clean.data() + clean.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
        // Overflow gives inf in CPython, underflow gives 0.0.
        bool bigExp = clean.find('e') != std::string::npos && clean.find("e-") == std::string::npos;
        double mag = bigExp || intDigits > 300 ? std::numeric_limits<double>::infinity() : 0.0;
        return negative ? -mag : mag;
    }
    if (result.ec != std::errc()) return std::nullopt;
    return value;
}

}  // namespace aw::rt::text
