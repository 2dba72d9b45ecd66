// The parser's entry points, token helpers and error reporting. The grammar
// itself lives in parser_stmt.cpp, parser_expr.cpp and parser_targets.cpp.

#include "core/lang/parser.h"
#include "core/lang/lexer_impl.h"
#include "core/lang/parser_impl.h"

#include <algorithm>
#include <limits>

namespace aw::lang {

namespace {
// Each level costs about a dozen C++ frames (expression -> disjunction ->
// ... -> atom), and the compiler recurses over the tree as deep again, so
// this bounds both well below a thread's stack. CPython's own limits are
// 200 nested brackets (the lexer checks that) and its parser's MAXSTACK.
constexpr int kMaxDepth = kMaxTreeDepth;
}  // namespace

DepthGuard::DepthGuard(Parser& p, int extra) : m_parser(p), m_extra(extra + 1) {
    m_parser.m_depth += m_extra;
    if (m_parser.m_depth > kMaxDepth) p.failTooDeep();
}

void Parser::failTooDeep() const {
    const Token& t = tok();
    fail("expression too deeply nested (Awaitscope allows " + std::to_string(kMaxDepth) + " levels)", t.span.line,
         t.span.col);
}

Parser::Parser(std::vector<Token> tokens, std::optional<SyntaxError> lexError)
    : m_tokens(std::move(tokens)), m_lexError(std::move(lexError)) {}

const Token& Parser::peekTok(size_t k) const {
    size_t i = m_pos + k;
    return i < m_tokens.size() ? m_tokens[i] : m_tokens.back();
}

void Parser::advance() {
    if (tok().kind == TokenKind::Error) failInvalid();
    if (m_pos + 1 < m_tokens.size()) ++m_pos;
}

bool Parser::acceptOp(const char* s) {
    if (!atOp(s)) return false;
    advance();
    return true;
}

bool Parser::acceptKw(const char* s) {
    if (!atKw(s)) return false;
    advance();
    return true;
}

void Parser::expectOp(const char* s) {
    if (!acceptOp(s)) failInvalid();
}

void Parser::expectColon() {
    if (acceptOp(":")) return;
    // CPython says "expected ':'" only when the header line ends there.
    if (tok().kind != TokenKind::Newline) failInvalid();
    // CPython points just after the previous token ("if x\n": at the newline).
    const Token& p = prevTok();
    fail("expected ':'", p.span.endLine, p.span.endCol, p.span.endCol);
}

bool Parser::atName() const {
    return tok().kind == TokenKind::Name && !isKeyword(tok().text);
}

std::string Parser::expectName() {
    if (!atName()) failInvalid();
    std::string s = tok().text;
    advance();
    return s;
}

void Parser::fail(const std::string& msg, int32_t line, int32_t col, int32_t endCol, const char* type) const {
    throw SyntaxError(type, msg, line, col, endCol);
}

void Parser::failAt(const std::string& msg, const SourceSpan& span) const {
    // A span that goes on past its first line: INT32_MAX tells formatSyntaxError
    // to underline to the end of that line, as CPython does.
    throw SyntaxError("SyntaxError", msg, span.line, span.col,
                      span.endLine == span.line ? span.endCol : std::numeric_limits<int32_t>::max());
}

void Parser::failInvalid() const {
    const Token& t = tok();
    // A lexical error the parser ran into is the real cause.
    if (t.kind == TokenKind::Error && m_lexError) throw *m_lexError;
    if (t.kind == TokenKind::Indent) fail("unexpected indent", t.span.line, t.span.endCol > 0 ? t.span.endCol - 1 : 0, 0, "IndentationError");
    if (t.kind == TokenKind::Dedent) fail("unindent does not match any outer indentation level", t.span.line, t.span.col, 0, "IndentationError");
    if (t.kind == TokenKind::EndMarker) {
        const Token& p = errorToken();
        fail("invalid syntax", p.span.line, p.span.col);
    }
    if (t.kind == TokenKind::Newline) fail("invalid syntax", t.span.line, t.span.col, t.span.col + 1);
    // A token running onto later lines (a triple-quoted string) is underlined to its line's end.
    fail("invalid syntax", t.span.line, t.span.col,
         t.span.endLine == t.span.line ? t.span.endCol : std::numeric_limits<int32_t>::max());
}

void Parser::failMissingComma(const SourceSpan& before) {
    // CPython's invalid_expression rule underlines from the element before the
    // gap to the end of the expression after it (`[1 2]` -> "1 2"). Its PEG
    // parser backtracks to the longest expression that parses there; when
    // ours cannot parse one, the first token is the shortest such expression.
    // The trial parse only measures: the position is restored so that
    // currentLine() (see parse()) still tells how far the real parse read.
    SourceSpan after = tok().span;
    const size_t pos = m_pos;
    try {
        parseExpression();
        after = prevTok().span;
    } catch (const SyntaxError&) {
    }
    // Reading on to the token where the lexer failed makes CPython report the
    // lexer's error ("'[' was never closed") instead.
    if (m_lexError && tok().kind == TokenKind::Error) throw *m_lexError;
    m_pos = pos;
    failAt("invalid syntax. Perhaps you forgot a comma?", {before.line, before.col, after.endLine, after.endCol});
}

SourceSpan Parser::spanFrom(const Token& first) const { return spanFrom(first.span); }

const Token& Parser::errorToken() const {
    // At the end of input CPython reports errors at the last NEWLINE, not at
    // the DEDENT/ENDMARKER tokens that follow it.
    size_t i = m_pos;
    if (m_tokens[i].kind != TokenKind::EndMarker && m_tokens[i].kind != TokenKind::Dedent) return m_tokens[i];
    size_t k = i;
    while (k < m_tokens.size() && m_tokens[k].kind == TokenKind::Dedent) ++k;
    if (k < m_tokens.size() && m_tokens[k].kind != TokenKind::EndMarker) return m_tokens[i];
    while (i > 0 && m_tokens[i].kind != TokenKind::Newline) --i;
    return m_tokens[i];
}

SourceSpan Parser::spanFrom(const SourceSpan& first) const {
    const Token& last = prevTok();
    return {first.line, first.col, last.span.endLine, last.span.endCol};
}

ast::Module Parser::parseModule() {
    ast::Module mod;
    while (!atKind(TokenKind::EndMarker)) {
        if (atKind(TokenKind::Newline)) {   // only from a lone ';'-free blank: never, but be safe
            advance();
            continue;
        }
        parseStatement(mod.body);
    }
    return mod;
}

// An indented block after `header:` (or the simple statements on the same
// line). `what` names the header for CPython's "expected an indented block
// after ..." message.
ast::StmtList Parser::parseBlock(const std::string& what, int32_t line) {
    StmtList body;
    if (!atKind(TokenKind::Newline)) {
        parseSimpleStatements(body);
        return body;
    }
    advance();
    if (!atKind(TokenKind::Indent)) {
        if (tok().kind == TokenKind::Error) failInvalid();
        const Token& t = errorToken();
        fail("expected an indented block after " + what + " on line " + std::to_string(line), t.span.line,
             t.span.col, t.span.col + 1, "IndentationError");
    }
    advance();
    while (!atKind(TokenKind::Dedent) && !atKind(TokenKind::EndMarker)) parseStatement(body);
    if (atKind(TokenKind::Dedent)) advance();
    return body;
}

ast::ExprPtr parseEmbeddedExpression(const std::string& text, int32_t line, int32_t col, int fstringDepth) {
    // `text` is "(" + expression + ")", the "(" sitting on the "{".
    try {
        Lexer lexer(text, line, col);
        std::optional<SyntaxError> err;
        std::vector<Token> tokens = lexer.run(&err);
        Parser p(std::move(tokens), std::move(err));
        return p.parseEmbedded(fstringDepth);
    } catch (SyntaxError& e) {
        if (e.message.rfind("f-string", 0) != 0) {
            e.message = "f-string: " + e.message;
            throw SyntaxError(e.type, e.message, e.line, e.col, e.endCol);
        }
        throw;
    }
}

ast::ExprPtr Parser::parseEmbedded(int fstringDepth) {
    m_fstringDepth = fstringDepth;
    ExprPtr e = atKw("yield") ? parseYieldExpression() : parseStarExpressions();
    if (!atKind(TokenKind::Newline)) failInvalid();
    return e;
}

ast::Module parse(std::string_view source, const std::string& filename) {
    (void)filename;   // messages carry line and column; the runner adds the file name
    Lexer lexer(source);
    std::optional<SyntaxError> err;
    std::vector<Token> tokens = lexer.run(&err);
    Parser parser(std::move(tokens), err);
    try {
        return parser.parseModule();
    } catch (const SyntaxError& e) {
        // CPython tokenizes the rest of the file after a syntax error, and a
        // tokenizer error found there is what it reports. An unclosed bracket
        // is only found that way when the parser had read on past its line.
        // Indentation errors found by the parser are reported as they are.
        if (err && e.message != "unexpected indent" && e.message != "unexpected unindent") {
            const bool unclosed = err->message.size() > 16 &&
                                  err->message.compare(err->message.size() - 16, 16, "was never closed") == 0;
            const int32_t readTo = std::max(e.line, parser.currentLine());
            if (!unclosed || readTo > err->line || (e.line == err->line && e.col == err->col)) throw *err;
        }
        throw;
    }
}

}  // namespace aw::lang
