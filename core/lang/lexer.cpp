// The tokenizer: a port of the rules of CPython's Parser/tokenizer.c that a
// Python program can observe (indentation, implicit joining inside brackets,
// number and string forms, the error messages and where they point).

#include "core/lang/lexer.h"
#include "core/lang/lexer_impl.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace aw::lang {

namespace {

constexpr int kMaxIndent = 100;       // CPython's MAXINDENT
constexpr int kMaxParenLevel = 200;   // CPython's MAXLEVEL
constexpr int kTabSize = 8;

bool isIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

const char* const kOperators[] = {
    // longest first so the first match is the longest
    "**=", "//=", ">>=", "<<=", "...", "!=",
    "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=",
    "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*", "/", "%", "&", "|", "^",
    "~", "<", ">", "=", "@",
};

// Decodes one UTF-8 code point at s[i] (lenient: a bad byte is itself).
uint32_t codePointAt(std::string_view s, size_t i, size_t* len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    *len = static_cast<size_t>(n);
    return cp;
}

}  // namespace

const char* tokenKindName(TokenKind kind) {
    switch (kind) {
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Op: return "OP";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Error: return "ERRORTOKEN";
    }
    return "?";
}

bool isKeyword(std::string_view w) {
    static const char* const kw[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    };
    for (const char* k : kw)
        if (w == k) return true;
    return false;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

std::string decodeEscapes(std::string_view body, int32_t line, int32_t col) {
    std::string out;
    out.reserve(body.size());
    // CPython reports escape errors as "(unicode error)" at the string's end;
    // we point at the string (line/col given by the caller).
    auto fail = [&](size_t from, size_t to, const std::string& what) {
        throw SyntaxError("SyntaxError",
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                              std::to_string(from) + "-" + std::to_string(to) + ": " + what,
                          line, col);
    };
    auto hexVal = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        size_t start = i;
        char e = body[++i];
        switch (e) {
        case '\n': break;
        case '\r': if (i + 1 < body.size() && body[i + 1] == '\n') ++i; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = static_cast<uint32_t>(e - '0');
            for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                v = v * 8 + static_cast<uint32_t>(body[++i] - '0');
            appendUtf8(out, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int k = 0; k < digits; ++k) {
                int h = i + 1 < body.size() ? hexVal(body[i + 1]) : -1;
                if (h < 0) {
                    const char* what = e == 'x' ? "truncated \\xXX escape"
                                     : e == 'u' ? "truncated \\uXXXX escape"
                                                : "truncated \\UXXXXXXXX escape";
                    fail(start, i, what);
                }
                v = v * 16 + static_cast<uint32_t>(h);
                ++i;
            }
            if (v > 0x10ffff) fail(start, i, "illegal Unicode character");
            appendUtf8(out, v);
            break;
        }
        case 'N':
            throw SyntaxError("SyntaxError",
                              "\\N{...} escapes (named Unicode characters) are not supported by "
                              "Awaitscope; use \\u or \\U with the code point",
                              line, col);
        default:
            // An unknown escape keeps its backslash (CPython only warns).
            out += '\\';
            out += e;
            break;
        }
    }
    return out;
}

// ------------------------------------------------------------------- Lexer

Lexer::Lexer(std::string_view src) : m_src(src) {
    if (m_src.substr(0, 3) == "\xEF\xBB\xBF") m_src.remove_prefix(3);   // a UTF-8 BOM is not part of line 1
}

Lexer::Lexer(std::string_view src, int32_t firstLine, int32_t firstCol)
    : m_src(src), m_line(firstLine), m_firstLine(firstLine), m_firstCol(firstCol), m_embedded(true) {}

SyntaxError Lexer::error(const std::string& msg, int32_t line, int32_t col, int32_t endCol,
                         const char* type) const {
    // CPython's tokenizer errors (its syntaxerror(): unterminated strings,
    // bad numbers, unmatched brackets...) carry character columns, and
    // `python3 f.py` prints them as they are; the errors its parser raises
    // for the tokenizer (pegen tokenizer_error: EOF, line continuation,
    // indentation, '...' was never closed, invalid syntax) and all parser and
    // compiler errors keep byte columns. The printer pads one space per unit
    // either way, so the former are converted to characters here.
    const bool bytesInCPython = msg == "invalid syntax" || msg == "unexpected EOF while parsing" ||
                                msg == "unexpected character after line continuation character" ||
                                msg.find("was never closed") != std::string::npos ||
                                msg.rfind("leading zeros", 0) == 0 ||   // syntaxerror_known_range: bytes
                                std::string_view(type) != "SyntaxError";
    if (m_embedded || bytesInCPython) return SyntaxError(type, msg, line, col, endCol);
    size_t lineStart = 0;
    for (int32_t l = 1; l < line && lineStart < m_src.size(); ++l) {
        while (lineStart < m_src.size() && m_src[lineStart] != '\n' && m_src[lineStart] != '\r') ++lineStart;
        if (lineStart < m_src.size() && m_src[lineStart] == '\r' && lineStart + 1 < m_src.size() &&
            m_src[lineStart + 1] == '\n')
            ++lineStart;
        if (lineStart < m_src.size()) ++lineStart;
    }
    auto chars = [&](int32_t byteCol) {
        int32_t n = 0;
        for (int32_t i = 0; i < byteCol; ++i) {
            const size_t at = lineStart + size_t(i);
            if (at < m_src.size() && (static_cast<unsigned char>(m_src[at]) & 0xC0) == 0x80) continue;
            ++n;
        }
        return n;
    };
    return SyntaxError(type, msg, line, col > 0 ? chars(col) : col, endCol > 0 ? chars(endCol) : endCol);
}

int32_t Lexer::colOf(size_t pos) const {
    return static_cast<int32_t>(pos - m_lineStart) + (m_line == m_firstLine ? m_firstCol : 0);
}

void Lexer::newLine(size_t nextLineStart) {
    ++m_line;
    m_lineStart = nextLineStart;
}

Token& Lexer::push(TokenKind kind, std::string text, int32_t line, int32_t col, int32_t endLine,
                   int32_t endCol) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    t.span = {line, col, endLine, endCol};
    m_tokens.push_back(std::move(t));
    return m_tokens.back();
}

std::vector<Token> Lexer::run(std::optional<SyntaxError>* errorOut) {
    if (size_t nul = m_src.find('\0'); nul != std::string_view::npos) {
        int32_t line = 1;
        for (size_t k = 0; k < nul; ++k) line += m_src[k] == '\n';
        SyntaxError e("SyntaxError", "source code cannot contain null bytes", line, 0);
        if (!errorOut) throw e;
        *errorOut = e;
        Token t;
        t.kind = TokenKind::Error;
        t.span = {line, 0, line, 0};
        m_tokens.push_back(std::move(t));
        return std::move(m_tokens);
    }
    try {
        lexAll();
    } catch (SyntaxError& e) {
        if (!errorOut) throw;
        *errorOut = e;
        Token t;
        t.kind = TokenKind::Error;
        t.span = {e.line, e.col, e.line, e.col};
        m_tokens.push_back(std::move(t));
    }
    return std::move(m_tokens);
}

void Lexer::lexAll() {
    m_indents = {0};
    m_altIndents = {0};
    bool atLineStart = true;
    size_t i = 0;
    const size_t n = m_src.size();
    bool lineHasTokens = false;   // a NEWLINE is owed at the end of this logical line

    while (true) {
        if (atLineStart && !m_brackets.empty()) atLineStart = false;   // a continuation line
        if (atLineStart) {
            atLineStart = false;
            // Measure the indentation: col with tabs to multiples of 8, altcol with tabs as 1.
            int col = 0, altcol = 0;
            size_t j = i;
            while (j < n) {
                if (m_src[j] == ' ') { ++col; ++altcol; }
                else if (m_src[j] == '\t') { col = (col / kTabSize + 1) * kTabSize; ++altcol; }
                else if (m_src[j] == '\f') { col = altcol = 0; }
                else break;
                ++j;
            }
            // Blank lines and comment-only lines do not count for indentation.
            bool blank = j >= n || m_src[j] == '#' || m_src[j] == '\n' || m_src[j] == '\r' ||
                         (m_src[j] == '\\' && j + 1 < n && (m_src[j + 1] == '\n' || m_src[j + 1] == '\r'));
            if (!blank) {
                int32_t indentBytes = static_cast<int32_t>(j - i);
                if (col == m_indents.back()) {
                    if (altcol != m_altIndents.back())
                        throw error("inconsistent use of tabs and spaces in indentation", m_line, 0, 0, "TabError");
                } else if (col > m_indents.back()) {
                    if (static_cast<int>(m_indents.size()) >= kMaxIndent)
                        throw error("too many levels of indentation", m_line, 0, 0, "IndentationError");
                    if (altcol <= m_altIndents.back())
                        throw error("inconsistent use of tabs and spaces in indentation", m_line, 0, 0, "TabError");
                    m_indents.push_back(col);
                    m_altIndents.push_back(altcol);
                    push(TokenKind::Indent, std::string(m_src.substr(i, j - i)), m_line, 0, m_line, indentBytes);
                } else {
                    while (m_indents.size() > 1 && col < m_indents.back()) {
                        m_indents.pop_back();
                        m_altIndents.pop_back();
                        push(TokenKind::Dedent, "", m_line, indentBytes, m_line, indentBytes);
                    }
                    if (col != m_indents.back()) {
                        size_t eol = j;
                        while (eol < n && m_src[eol] != '\n' && m_src[eol] != '\r') ++eol;
                        throw error("unindent does not match any outer indentation level", m_line,
                                    colOf(eol), 0, "IndentationError");
                    }
                    if (altcol != m_altIndents.back())
                        throw error("inconsistent use of tabs and spaces in indentation", m_line, 0, 0, "TabError");
                }
            }
            i = j;
        }

        if (i >= n) break;
        char c = m_src[i];
        unsigned char uc = static_cast<unsigned char>(c);

        if (c == ' ' || c == '\t' || c == '\f') { ++i; continue; }
        if (c == '#') {
            while (i < n && m_src[i] != '\n' && m_src[i] != '\r') ++i;
            continue;
        }
        if (c == '\n' || c == '\r') {
            size_t len = (c == '\r' && i + 1 < n && m_src[i + 1] == '\n') ? 2 : 1;
            if (m_brackets.empty() && lineHasTokens) {
                push(TokenKind::Newline, "\n", m_line, colOf(i), m_line, colOf(i) + 1);
                lineHasTokens = false;
            }
            i += len;
            newLine(i);
            atLineStart = true;
            continue;
        }
        if (c == '\\') {
            size_t k = i + 1;
            if (k < n && (m_src[k] == '\n' || m_src[k] == '\r')) {
                k += (m_src[k] == '\r' && k + 1 < n && m_src[k + 1] == '\n') ? 2 : 1;
                if (k >= n)
                    throw error("unexpected EOF while parsing", m_line, colOf(i) + 1);
                i = k;
                newLine(i);
                continue;
            }
            if (k >= n) throw error("unexpected EOF while parsing", m_line, colOf(i) + 1);
            throw error("unexpected character after line continuation character", m_line, colOf(i) + 1);
        }

        lineHasTokens = true;

        // Identifiers, keywords, and string prefixes.
        if (isIdentStart(uc)) {
            size_t j = i;
            while (j < n && isIdentChar(static_cast<unsigned char>(m_src[j]))) ++j;
            std::string_view word = m_src.substr(i, j - i);
            if (j < n && (m_src[j] == '\'' || m_src[j] == '"') && word.size() <= 2) {
                bool raw = false, f = false, b = false, u = false, ok = true;
                for (char p : word) {
                    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(p)));
                    if (l == 'r' && !raw) raw = true;
                    else if (l == 'f' && !f) f = true;
                    else if (l == 'b' && !b) b = true;
                    else if (l == 'u' && !u) u = true;
                    else ok = false;
                }
                if (u && word.size() > 1) ok = false;
                if (ok && !(f && b)) {
                    const int32_t line = m_line, col = colOf(i);
                    i = lexString(i, j, raw || b, f);   // scanned first: an unterminated one says so
                    if (b)
                        throw error("bytes literals (b'...') are not supported by Awaitscope", line, col,
                                    line == m_line ? colOf(i) : 0);
                    continue;
                }
            }
            // Non-ASCII bytes are accepted as identifier characters; Python would
            // reject some of them (e.g. '€'), which we check for the common ones.
            for (size_t k = i; k < j;) {
                size_t len = 1;
                uint32_t cp = codePointAt(m_src, k, &len);
                if (cp >= 0x80 && !(cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) ) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)",
                                  static_cast<int>(len), m_src.data() + k, cp);
                    throw error(buf, m_line, colOf(k));
                }
                if (cp >= 0x2000 && cp <= 0x2BFF) {   // punctuation, symbols, arrows...
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)",
                                  static_cast<int>(len), m_src.data() + k, cp);
                    throw error(buf, m_line, colOf(k));
                }
                k += len;
            }
            push(TokenKind::Name, std::string(word), m_line, colOf(i), m_line, colOf(j));
            i = j;
            continue;
        }

        if (std::isdigit(uc) || (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(m_src[i + 1])))) {
            i = lexNumber(i);
            continue;
        }

        if (c == '\'' || c == '"') {
            i = lexString(i, i, false, false);
            continue;
        }

        // Operators and brackets.
        const char* op = nullptr;
        for (const char* cand : kOperators) {
            size_t len = std::strlen(cand);
            if (m_src.substr(i, len) == cand) { op = cand; break; }
        }
        if (!op) {
            if (uc >= 0x80) {
                size_t len = 1;
                uint32_t cp = codePointAt(m_src, i, &len);
                char buf[64];
                std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)",
                              static_cast<int>(len), m_src.data() + i, cp);
                throw error(buf, m_line, colOf(i));
            }
            if (c == '!') throw error("invalid syntax", m_line, colOf(i), colOf(i) + 1);
            if (uc < 0x20 || uc == 0x7f) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
                throw error(buf, m_line, colOf(i));
            }
            throw error("invalid syntax", m_line, colOf(i), colOf(i) + 1);
        }
        size_t len = std::strlen(op);
        int32_t col = colOf(i);
        if (len == 1 && std::strchr("([{", op[0])) {
            if (static_cast<int>(m_brackets.size()) >= kMaxParenLevel)
                throw error("too many nested parentheses", m_line, col);
            m_brackets.push_back({op[0], m_line, col});
        } else if (len == 1 && std::strchr(")]}", op[0])) {
            if (m_brackets.empty())
                throw error(std::string("unmatched '") + op[0] + "'", m_line, col);
            Bracket open = m_brackets.back();
            char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
            if (op[0] != want) {
                std::string msg = std::string("closing parenthesis '") + op[0] +
                                  "' does not match opening parenthesis '" + open.ch + "'";
                if (open.line != m_line) msg += " on line " + std::to_string(open.line);
                throw error(msg, m_line, col);
            }
            m_brackets.pop_back();
        }
        push(TokenKind::Op, op, m_line, col, m_line, col + static_cast<int32_t>(len));
        i += len;
    }

    // End of input: the last logical line gets its NEWLINE even without "\n".
    if (!m_brackets.empty()) {
        const Bracket& b = m_brackets.back();
        throw error(std::string("'") + b.ch + "' was never closed", b.line, b.col);
    }
    int32_t endCol = colOf(n);
    if (lineHasTokens) push(TokenKind::Newline, "", m_line, endCol, m_line, endCol + 1);
    int32_t eofLine = endCol == 0 ? m_line : m_line + 1;
    while (m_indents.size() > 1) {
        m_indents.pop_back();
        push(TokenKind::Dedent, "", eofLine, 0, eofLine, 0);
    }
    push(TokenKind::EndMarker, "", eofLine, 0, eofLine, 0);
}

std::vector<Token> tokenize(std::string_view source) {
    Lexer lexer(source);
    return lexer.run(nullptr);
}

}  // namespace aw::lang
