// Number and string literals: their forms, their values and CPython's errors.

#include "core/lang/lexer_impl.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace aw::lang {

namespace {

bool isDigitIn(char c, int base) {
    switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 10: return c >= '0' && c <= '9';
    default: return std::isxdigit(static_cast<unsigned char>(c)) != 0;
    }
}

// Keywords that may directly follow a number (`1if x else 2`, `0x1for`):
// CPython only warns about these.
bool keywordFollows(std::string_view rest) {
    static const char* const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (const char* k : kws)
        if (rest.substr(0, std::strlen(k)) == k) return true;
    return false;
}

}  // namespace

size_t Lexer::lexNumber(size_t start) {
    const size_t n = m_src.size();
    size_t i = start;
    auto at = [&](size_t k) -> char { return k < n ? m_src[k] : '\0'; };
    std::string digits;   // without underscores
    bool isFloat = false;
    int base = 10;

    // Reads digits of `base` with single underscores between them; returns
    // false if none were read.
    auto readDigits = [&](int b, const char* kindName) -> bool {
        bool any = false;
        while (true) {
            char c = at(i);
            if (isDigitIn(c, b)) {
                digits += c;
                ++i;
                any = true;
            } else if (c == '_' && any) {
                if (!isDigitIn(at(i + 1), b)) {
                    if (b != 10 && std::isdigit(static_cast<unsigned char>(at(i + 1))))
                        throw error(std::string("invalid digit '") + at(i + 1) + "' in " + kindName + " literal",
                                    m_line, colOf(i + 1));
                    throw error(std::string("invalid ") + kindName + " literal", m_line, colOf(i));
                }
                ++i;
            } else {
                return any;
            }
        }
    };

    auto checkEnd = [&]() {
        char c = at(i);
        if (c == 'j' || c == 'J')
            throw error("complex numbers (" + std::string(m_src.substr(start, i + 1 - start)) +
                            ") are not supported by Awaitscope",
                        m_line, colOf(start), colOf(i + 1));
        if ((std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
             static_cast<unsigned char>(c) >= 0x80) && !keywordFollows(m_src.substr(i))) {
            const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : base == 2 ? "binary" : "decimal";
            if (base != 10 && std::isdigit(static_cast<unsigned char>(c)))
                throw error(std::string("invalid digit '") + c + "' in " + kind + " literal", m_line, colOf(i));
            throw error(std::string("invalid ") + kind + " literal", m_line, colOf(i - 1));   // at the last digit
        }
    };

    if (at(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X' || at(i + 1) == 'o' || at(i + 1) == 'O' ||
                         at(i + 1) == 'b' || at(i + 1) == 'B')) {
        char p = static_cast<char>(std::tolower(static_cast<unsigned char>(at(i + 1))));
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        i += 2;
        if (at(i) == '_') ++i;   // 0x_1f is allowed
        if (!readDigits(base, kind)) {
            if (base != 16 && std::isdigit(static_cast<unsigned char>(at(i))))
                throw error(std::string("invalid digit '") + at(i) + "' in " + kind + " literal", m_line, colOf(i));
            throw error(std::string("invalid ") + kind + " literal", m_line, colOf(i) - 1);
        }
        checkEnd();
    } else {
        if (at(i) != '.') readDigits(10, "decimal");
        bool fracOrExp = false;
        if (at(i) == '.') {
            isFloat = fracOrExp = true;
            digits += '.';
            ++i;
            if (std::isdigit(static_cast<unsigned char>(at(i)))) readDigits(10, "decimal");
        }
        if (at(i) == 'e' || at(i) == 'E') {
            size_t save = i;
            std::string saveDigits = digits;
            digits += 'e';
            ++i;
            if (at(i) == '+' || at(i) == '-') digits += at(i++);
            if (!readDigits(10, "decimal")) {
                if (at(save + 1) == '+' || at(save + 1) == '-' || !keywordFollows(m_src.substr(save)))
                    throw error("invalid decimal literal", m_line,
                                (at(save + 1) == '+' || at(save + 1) == '-') ? colOf(i - 1) : colOf(start));
                i = save;   // `1else` : the e starts a keyword
                digits = saveDigits;
            } else {
                isFloat = fracOrExp = true;
            }
        }
        // "0123" is an error; "0123.5", "0e1" and "000" are fine.
        if (!fracOrExp && digits.size() > 1 && digits[0] == '0' &&
            digits.find_first_not_of('0') != std::string::npos && at(i) != 'j' && at(i) != 'J') {
            // CPython underlines the run of zeros (and underscores) only.
            size_t zerosEnd = start;
            while (zerosEnd < i && (m_src[zerosEnd] == '0' || m_src[zerosEnd] == '_')) ++zerosEnd;
            throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                        "for octal integers",
                        m_line, colOf(start), colOf(zerosEnd));
        }
        checkEnd();
    }

    Token& t = push(TokenKind::Number, std::string(m_src.substr(start, i - start)), m_line, colOf(start),
                    m_line, colOf(i));
    if (isFloat) {
        t.isFloat = true;
        t.floatValue = std::strtod(digits.c_str(), nullptr);   // overflow gives inf, as Python
    } else {
        errno = 0;
        const char* p = digits.c_str();
        unsigned long long v = std::strtoull(p, nullptr, base);
        if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX))
            throw error("integer literal too large: Awaitscope ints are 64-bit (at most 9223372036854775807)",
                        m_line, colOf(start), colOf(i));
        t.intValue = static_cast<int64_t>(v);
    }
    return i;
}

size_t Lexer::lexString(size_t start, size_t q, bool raw, bool isF) {
    const size_t n = m_src.size();
    const char quote = m_src[q];
    const bool triple = q + 2 < n && m_src[q + 1] == quote && m_src[q + 2] == quote;
    const int32_t startLine = m_line;
    const int32_t startCol = colOf(start);
    size_t bodyStart = q + (triple ? 3 : 1);
    const int32_t bodyLine = m_line;
    const int32_t bodyCol = colOf(bodyStart);
    size_t i = bodyStart;
    size_t bodyEnd = 0;
    while (true) {
        if (i >= n) {
            // CPython counts the line the input ends on, not one after a final newline.
            const int32_t lastLine = (n > 0 && m_src[n - 1] == '\n' && m_line > startLine) ? m_line - 1 : m_line;
            if (triple)
                throw error("unterminated triple-quoted string literal (detected at line " +
                                std::to_string(lastLine) + ")",
                            startLine, startCol);
            throw error("unterminated string literal (detected at line " + std::to_string(m_line) + ")",
                        startLine, startCol);
        }
        char c = m_src[i];
        if (c == quote) {
            if (!triple) { bodyEnd = i; i += 1; break; }
            if (i + 2 < n + 0 && m_src[i + 1] == quote && m_src[i + 2] == quote) {
                bodyEnd = i;
                i += 3;
                break;
            }
            ++i;
            continue;
        }
        if (c == '\\') {
            // Even in a raw string a backslash keeps the next character (quote
            // or newline) inside the literal.
            if (i + 1 < n) {
                char nx = m_src[i + 1];
                if (nx == '\n' || nx == '\r') {
                    i += (nx == '\r' && i + 2 < n && m_src[i + 2] == '\n') ? 3 : 2;
                    newLine(i);
                    continue;
                }
                i += 2;
                continue;
            }
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple)
                throw error("unterminated string literal (detected at line " + std::to_string(m_line) + ")",
                            startLine, startCol);
            i += (c == '\r' && i + 1 < n && m_src[i + 1] == '\n') ? 2 : 1;
            newLine(i);
            continue;
        }
        ++i;
    }
    std::string_view body = m_src.substr(bodyStart, bodyEnd - bodyStart);
    Token& t = push(TokenKind::String, std::string(m_src.substr(start, i - start)), startLine, startCol,
                    m_line, colOf(i));
    t.isFString = isF;
    t.isRaw = raw;
    t.bodyLine = bodyLine;
    t.bodyCol = bodyCol;
    // Normalise \r\n inside the literal to \n, as Python reads source in text mode.
    std::string text;
    text.reserve(body.size());
    for (size_t k = 0; k < body.size(); ++k) {
        if (body[k] == '\r') {
            text += '\n';
            if (k + 1 < body.size() && body[k + 1] == '\n') ++k;
        } else {
            text += body[k];
        }
    }
    if (isF || raw)
        t.value = std::move(text);
    else
        t.value = decodeEscapes(text, m_line, colOf(i));
    return i;
}

}  // namespace aw::lang
