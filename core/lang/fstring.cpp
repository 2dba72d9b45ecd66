// String literals in the AST: implicit concatenation and f-strings, split
// the way CPython 3.11's Parser/string_parser.c splits them. Literal pieces
// and FormattedValues carry the whole literal's span (as in CPython); the
// expressions inside braces carry their true positions.

#include "core/lang/lexer.h"
#include "core/lang/parser_impl.h"

namespace aw::lang {

using namespace ast;

namespace {

constexpr int kMaxFStringNesting = 2;   // f"{x:{y}}" is fine, one level deeper is not

class FStringScanner {
public:
    FStringScanner(const Token& t, const SourceSpan& whole, int depth)
        : m_tok(t), m_body(t.value), m_whole(whole), m_depth(depth) {}

    // Parses pieces until the end of the body (top level) or an unmatched
    // '}' (inside a format spec), appending to values / pending.
    void pieces(size_t& i, bool inSpec, ExprList& values, std::string& pending);

private:
    std::pair<int32_t, int32_t> posAt(size_t i) const {
        int32_t line = m_tok.bodyLine, col = m_tok.bodyCol;
        for (size_t k = 0; k < i && k < m_body.size(); ++k) {
            if (m_body[k] == '\n') { ++line; col = 0; }
            else ++col;
        }
        return {line, col};
    }
    [[noreturn]] void fail(const std::string& msg) const {
        // CPython points f-string errors just past the literal.
        throw SyntaxError("SyntaxError", msg, m_whole.endLine, m_whole.endCol);
    }
    void flushLiteral(std::string& lit, std::string& pending, size_t litStart) const {
        if (lit.empty()) return;
        if (m_tok.isRaw) {
            pending += lit;
        } else {
            auto [line, col] = posAt(litStart);
            pending += decodeEscapes(lit, line, col);
        }
        lit.clear();
    }
    static void flushPending(std::string& pending, ExprList& values, const SourceSpan& span) {
        if (pending.empty()) return;
        auto c = std::make_unique<Constant>();
        c->ckind = ConstantKind::Str;
        c->strValue = std::move(pending);
        c->span = span;
        values.push_back(std::move(c));
        pending.clear();
    }
    void field(size_t& i, ExprList& values, std::string& pending);

    const Token& m_tok;
    const std::string& m_body;
    SourceSpan m_whole;
    int m_depth;
};

void FStringScanner::pieces(size_t& i, bool inSpec, ExprList& values, std::string& pending) {
    std::string lit;
    size_t litStart = i;
    while (i < m_body.size()) {
        char c = m_body[i];
        if (c == '{') {
            if (!inSpec && i + 1 < m_body.size() && m_body[i + 1] == '{') {
                lit += '{';
                i += 2;
                continue;
            }
            flushLiteral(lit, pending, litStart);
            field(i, values, pending);
            litStart = i;
            continue;
        }
        if (c == '}') {
            if (inSpec) break;
            if (i + 1 < m_body.size() && m_body[i + 1] == '}') {
                lit += '}';
                i += 2;
                continue;
            }
            fail("f-string: single '}' is not allowed");
        }
        if (c == '\\' && !m_tok.isRaw && i + 1 < m_body.size()) {
            // Keep an escape together so "\{" is not mistaken; \N{...} names
            // are rejected by decodeEscapes.
            if (m_body[i + 1] == 'N') {
                auto [line, col] = posAt(i);
                decodeEscapes("\\N", line, col);
            }
            lit += c;
            ++i;
            continue;
        }
        lit += c;
        ++i;
    }
    flushLiteral(lit, pending, litStart);
}

void FStringScanner::field(size_t& i, ExprList& values, std::string& pending) {
    if (m_depth >= kMaxFStringNesting) fail("f-string: expressions nested too deeply");
    const size_t open = i;
    const size_t exprStart = i + 1;
    size_t j = exprStart;
    std::vector<char> brackets;
    char quote = 0;
    bool tripleQuote = false;
    for (; j < m_body.size(); ++j) {
        char c = m_body[j];
        if (c == '\\') fail("f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote) {
                if (!tripleQuote) quote = 0;
                else if (j + 2 < m_body.size() && m_body[j + 1] == quote && m_body[j + 2] == quote) {
                    quote = 0;
                    j += 2;
                }
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            tripleQuote = j + 2 < m_body.size() && m_body[j + 1] == c && m_body[j + 2] == c;
            if (tripleQuote) j += 2;
            continue;
        }
        if (c == '[' || c == '(' || c == '{') { brackets.push_back(c); continue; }
        if (c == ']' || c == ')' || (c == '}' && !brackets.empty())) {
            if (brackets.empty()) fail(std::string("f-string: unmatched '") + c + "'");
            char o = brackets.back();
            if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}'))
                fail(std::string("f-string: closing parenthesis '") + c +
                     "' does not match opening parenthesis '" + o + "'");
            brackets.pop_back();
            continue;
        }
        if (c == '#') fail("f-string expression part cannot include '#'");
        if (!brackets.empty()) continue;
        char n = j + 1 < m_body.size() ? m_body[j + 1] : '\0';
        if ((c == '=' || c == '!' || c == '<' || c == '>') && n == '=') { ++j; continue; }
        if (c == '}' || c == '!' || c == ':' || c == '=') break;
    }
    if (quote) fail("f-string: unterminated string");
    if (!brackets.empty()) fail(std::string("f-string: unmatched '") + brackets.back() + "'");
    if (j >= m_body.size()) fail("f-string: expecting '}'");

    std::string text = m_body.substr(exprStart, j - exprStart);
    if (text.find_first_not_of(" \t\n\r\f") == std::string::npos) fail("f-string: empty expression not allowed");

    // CPython compiles "(" + text + ")" with the "(" sitting on the "{".
    auto [line, col] = posAt(open);
    auto fv = std::make_unique<FormattedValue>();
    fv->span = m_whole;
    fv->value = parseEmbeddedExpression("(" + text + ")", line, col, m_depth + 1);

    bool debug = false;
    if (m_body[j] == '=') {
        debug = true;
        ++j;
        while (j < m_body.size() && (m_body[j] == ' ' || m_body[j] == '\t' || m_body[j] == '\n')) ++j;
        pending += m_body.substr(exprStart, j - exprStart);
    }
    if (j < m_body.size() && m_body[j] == '!') {
        ++j;
        if (j >= m_body.size()) fail("f-string: expecting '}'");
        char conv = m_body[j];
        if (conv != 's' && conv != 'r' && conv != 'a')
            fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        fv->conversion = conv;
        ++j;
    }
    if (j < m_body.size() && m_body[j] == ':') {
        ++j;
        auto spec = std::make_unique<JoinedStr>();
        spec->span = m_whole;
        std::string specPending;
        FStringScanner inner(m_tok, m_whole, m_depth + 1);
        inner.pieces(j, true, spec->values, specPending);
        flushPending(specPending, spec->values, m_whole);
        fv->formatSpec = std::move(spec);
    }
    if (j >= m_body.size() || m_body[j] != '}') fail("f-string: expecting '}'");
    ++j;
    if (debug && !fv->conversion && !fv->formatSpec) fv->conversion = 'r';
    flushPending(pending, values, m_whole);
    values.push_back(std::move(fv));
    i = j;
}

}  // namespace

ast::ExprPtr Parser::makeStringExpr(const std::vector<const Token*>& parts, const SourceSpan& span) {
    bool anyF = false;
    for (const Token* t : parts) anyF = anyF || t->isFString;
    if (!anyF) {
        auto c = std::make_unique<Constant>();
        c->ckind = ConstantKind::Str;
        c->span = span;
        for (const Token* t : parts) c->strValue += t->value;
        return c;
    }
    auto j = std::make_unique<JoinedStr>();
    j->span = span;
    std::string pending;
    for (const Token* t : parts) {
        if (!t->isFString) {
            pending += t->value;
            continue;
        }
        parseFStringBody(*t, j->values, pending, span);
    }
    if (!pending.empty()) {
        auto c = std::make_unique<Constant>();
        c->ckind = ConstantKind::Str;
        c->strValue = std::move(pending);
        c->span = span;
        j->values.push_back(std::move(c));
    }
    return j;
}

void Parser::parseFStringBody(const Token& t, ExprList& values, std::string& pending, const SourceSpan& whole) {
    FStringScanner scanner(t, whole, m_fstringDepth);
    size_t i = 0;
    scanner.pieces(i, false, values, pending);
}

}  // namespace aw::lang
