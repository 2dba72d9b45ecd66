#pragma once
// The format-spec mini-language of format() and f-strings, as CPython 3.11's
// Python/formatter_unicode.c implements it:
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// Text is UTF-8; widths, fills and precisions count code points. Errors are
// values carrying the Python exception type and CPython's exact message:
//
//   formatInt(1234, "010,").text == "00,001,234"
//   formatStr("a", "x").error->message ==
//       "Unknown format code 'x' for object of type 'str'"
//
// An EMPTY spec means str(value): formatInt/formatFloat/formatStr return the
// plain text, but for bool the caller must give "True"/"False" itself
// (format(True, "") == "True" while format(True, "d") == "1"), and a type
// without __format__ must raise TypeError "unsupported format string passed
// to NoneType.__format__" for a non-empty spec (object.__format__).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw::rt {

// A Python exception as a value: type is "ValueError", "OverflowError", ...
struct FormatError {
    std::string type;
    std::string message;
    bool operator==(const FormatError&) const = default;
};

struct FormatResult {
    std::string text;                   // UTF-8, meaningful when ok()
    std::optional<FormatError> error;
    bool ok() const { return !error; }
    static FormatResult success(std::string t) { return {std::move(t), std::nullopt}; }
    static FormatResult fail(FormatError e) { return {{}, std::move(e)}; }
};

// A parsed spec (InternalFormatSpec + 3.11's no_neg_0). align is already
// resolved: the type's default ('>' for numbers, '<' for str), or '=' when a
// leading '0' asked for zero padding of a right-aligned number.
struct FormatSpec {
    char32_t fill = U' ';
    char32_t align = U'>';
    char32_t sign = 0;          // '+', '-', ' ' or 0
    bool noNegZero = false;     // 'z'
    bool alternate = false;     // '#'
    int64_t width = -1;         // -1: none
    char32_t grouping = 0;      // ',' '_' or 0
    int64_t precision = -1;     // -1: none
    char32_t type = 0;          // 0: none given (the default type)
};

struct ParsedSpec {
    FormatSpec spec;
    std::optional<FormatError> error;
};

// parse_internal_render_format_spec. defaultType is 'd' for int, 0 for
// float, 's' for str; defaultAlign '>' for numbers, '<' for str. typeName
// ("int", "float", "str", "bool") only feeds the error messages.
ParsedSpec parseFormatSpec(std::string_view spec, char32_t defaultType, char32_t defaultAlign,
                           std::string_view typeName);

// format(value, spec) for the built-in types. typeName lets bool reuse the
// int path ("Unknown format code 's' for object of type 'bool'").
FormatResult formatInt(int64_t value, std::string_view spec, std::string_view typeName = "int");
FormatResult formatInt(int64_t value, const FormatSpec& spec, std::string_view typeName = "int");
FormatResult formatStr(std::string_view utf8, std::string_view spec);
FormatResult formatStr(std::string_view utf8, const FormatSpec& spec);
// formatFloat is in float_format.h.

// "Unknown format code 'x' for object of type 'str'" (with \x escapes for
// codes outside printable ASCII, as CPython).
FormatError unknownFormatCode(char32_t type, std::string_view typeName);

// A number ready for layout (calc_number_widths + fill_number):
//   [sign][prefix][digits grouped][.remainder]
// digits are the integer digits; remainder is what follows the '.' (or the
// exponent, '%', ...), hasDecimal says whether a '.' sits between them.
struct NumberParts {
    char signChar = 0;          // '-' if negative, else 0
    std::string prefix;         // "0x" etc. when '#' is given
    std::string digits;
    bool hasDecimal = false;
    std::string remainder;      // UTF-8 (the 'c' type puts its character here)
    char groupChar = 0;         // ',' '_' or 0
    int groupSize = 3;
    bool upper = false;         // 'X': upper-case prefix and digits
};
std::string layoutNumber(const NumberParts& parts, const FormatSpec& spec);

// Pads already-formatted text of `length` code points to spec.width with
// spec.fill, honouring '<' '>' '^' (calc_padding + fill_padding).
std::string padText(std::string_view utf8, int64_t length, const FormatSpec& spec);

// ---------------------------------------------------------------------------
// printf-style formatting: `"fmt" % args` (PyUnicode_Format in
// Objects/unicodeobject.c). parsePercentFormat splits the format into
// literal text and conversions; the VM walks the pieces IN ORDER and, for
// each spec, does what CPython does while it parses and formats:
//   1. mapping: the args must be a mapping, else TypeError "format requires
//      a mapping"; then, if key is set, args[key] (KeyError) is the value;
//   2. widthFromArg / precisionFromArg: fetch an int argument each ("* wants
//      int" TypeError otherwise) and apply setPercentWidthFromArg/...;
//   3. error set: raise it (ValueError "incomplete format", ...); it is
//      always the last piece;
//   4. fetch the value (unless keyed): TypeError "not enough arguments for
//      format string";
//   5. convert; !isPercentConversion -> percentUnsupportedCharacter(spec).
// After the pieces: unused positional arguments raise TypeError "not all
// arguments converted during string formatting".
//
//   "%-5s|%05.1f" -> [{spec -,5,s}, {"|"}, {spec 0,5,.1,f}]
//   "%%"          -> a literal "%"  (but "%5%" is a conversion '%', which
//                    fetches an argument and then fails as unsupported)

struct PercentSpec {
    bool mapping = false;             // '(' seen
    std::optional<std::string> key;   // "%(name)s": the mapping key (UTF-8)
    bool leftAlign = false;           // '-'
    bool plusSign = false;            // '+'
    bool spaceSign = false;           // ' '
    bool alternate = false;           // '#'
    bool zeroPad = false;             // '0'
    int64_t width = -1;               // -1: none
    bool widthFromArg = false;        // '*': next argument (negative = '-' flag)
    int64_t precision = -1;           // -1: none
    bool precisionFromArg = false;    // '.*': next argument (negative = 0)
    char32_t conversion = 's';        // d i u o x X e E f F g G c s r a, or anything (then unsupported)
    int64_t index = 0;                // code-point index of the conversion char, for the error
    // ValueError "incomplete format", "incomplete format key", "width too
    // big", "precision too big": the format ended or broke inside this spec.
    std::optional<FormatError> error;
};

struct PercentPiece {
    std::string literal;              // text to copy when !spec
    std::optional<PercentSpec> spec;
};

struct PercentFormat {
    std::vector<PercentPiece> pieces;
};

PercentFormat parsePercentFormat(std::string_view fmt);

// Applies '*' arguments the way CPython does: a negative width sets '-'.
void setPercentWidthFromArg(PercentSpec& spec, int64_t width);
void setPercentPrecisionFromArg(PercentSpec& spec, int64_t precision);

// The supported conversions: true for d i u o x X e E f F g G c s r a.
bool isPercentConversion(char32_t c);
// ValueError "unsupported format character 'y' (0x79) at index 3".
FormatError percentUnsupportedCharacter(const PercentSpec& spec);

// %d %i %u %o %x %X of an int (a float argument of %d/%i/%u is truncated by
// the caller first; %x/%o of a float is the caller's TypeError
// "%x format: an integer is required, not float").
std::string percentFormatInt(int64_t value, const PercentSpec& spec);
// %s %r %a (text = str()/repr()/ascii() of the argument) and %c (text = the
// one character): precision truncates, width pads with spaces.
std::string percentFormatText(std::string_view utf8, const PercentSpec& spec);
// %e %E %f %F %g %G is percentFormatFloat in float_format.h.

// Sign, prefix and padding of a formatted numeric body (unicode_format_arg_output).
// body may start with '-'; prefixLen is the length of "0x"/"0o" after it.
std::string percentPadNumber(std::string body, size_t prefixLen, const PercentSpec& spec);

// UTF-8 helpers shared by the formatting files.
void utf8Append(std::string& out, char32_t cp);
int64_t utf8CodePoints(std::string_view utf8);

}  // namespace aw::rt
