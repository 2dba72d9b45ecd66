#pragma once
// Pure text algorithms behind the str methods and the int()/float() parsers.
// No VM here: every function takes and returns plain C++ strings, so the rules
// (CPython's split on whitespace, its repr quoting, int literal syntax) are
// testable on their own. Python str values are UTF-8; methods that count or
// index characters work on code points (std::u32string).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw::rt::text {

// --- UTF-8 <-> code points (an invalid byte decodes to U+FFFD)
std::u32string decode(std::string_view utf8);
std::string encode(std::u32string_view cps);
void appendUtf8(std::string& out, char32_t cp);
size_t codePointCount(std::string_view utf8);
bool isAscii(std::string_view s);

// --- character classes as str.isspace() etc. define them (ASCII exact;
// Latin-1, Greek and Cyrillic letters; other scripts approximated).
bool isSpace(char32_t c);
bool isLineBreak(char32_t c);
bool isDecimal(char32_t c);
bool isDigitChar(char32_t c);
bool isNumericChar(char32_t c);
bool isAlphaChar(char32_t c);
bool isUpperChar(char32_t c);
bool isLowerChar(char32_t c);
bool isCasedChar(char32_t c);
bool isPrintableChar(char32_t c);
char32_t toUpper(char32_t c);
char32_t toLower(char32_t c);

// --- repr: CPython's quote choice and escapes ('it\'s' -> "it's")
std::string repr(std::string_view utf8);

// --- methods (code-point strings in, code-point strings out)
std::vector<std::u32string> split(const std::u32string& s, const std::u32string* sep, int64_t maxsplit);
std::vector<std::u32string> rsplit(const std::u32string& s, const std::u32string* sep, int64_t maxsplit);
enum class StripSide { Left, Right, Both };
std::u32string strip(const std::u32string& s, const std::u32string* chars, StripSide side);
std::u32string upper(const std::u32string& s);
std::u32string lower(const std::u32string& s);
std::u32string capitalize(const std::u32string& s);
std::u32string title(const std::u32string& s);
std::u32string swapcase(const std::u32string& s);
std::vector<std::u32string> splitlines(const std::u32string& s, bool keepends);
std::u32string expandtabs(const std::u32string& s, int64_t tabsize);
std::u32string zfill(const std::u32string& s, int64_t width);
enum class Align { Left, Right, Center };
std::u32string pad(const std::u32string& s, int64_t width, char32_t fill, Align align);
std::u32string replace(const std::u32string& s, const std::u32string& old, const std::u32string& rep, int64_t count);

// Python's slice-index adjustment for start/end of find/count/startswith:
// negative counts from the end, then clamped to [0, len].
void adjustRange(int64_t len, int64_t& start, int64_t& end);
// -1 when absent; start/end already adjusted.
int64_t find(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end);
int64_t rfind(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end);
int64_t count(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end);

// str.isdigit() & co: false for the empty string, as CPython.
bool allOf(const std::u32string& s, bool (*pred)(char32_t));
bool isUpperString(const std::u32string& s);
bool isLowerString(const std::u32string& s);
bool isTitleString(const std::u32string& s);
bool isIdentifier(const std::u32string& s);

// --- int()/float() literal parsing, CPython's syntax
enum class ParseStatus { Ok, Invalid, Overflow };
// base 0 means "from the prefix" (0x, 0o, 0b; a leading zero only for 0).
// Whitespace around, one sign, underscores between digits.
ParseStatus parseInt(std::string_view text, int base, int64_t& out);
// "inf", "-Infinity", "nan", "1_000.5", "1e3" with surrounding whitespace.
std::optional<double> parseFloat(std::string_view text);

}  // namespace aw::rt::text
