#pragma once
// The recursive-descent parser's state, shared by parser.cpp (tokens,
// errors, blocks), parser_stmt.cpp, parser_expr.cpp, parser_targets.cpp and
// fstring.cpp. Internal to core/lang.
//
// Spans follow CPython: a node runs from the first token of its grammar rule
// to the last token the rule consumed, so `(a) + b` starts at the "(" while
// the Name `a` inside starts one column later.

#include "core/lang/ast.h"
#include "core/lang/token.h"

#include <optional>
#include <string>
#include <vector>

namespace aw::lang {

// See parser.cpp: the deepest expression tree the parser builds.
constexpr int kMaxTreeDepth = 1000;

class Parser {
public:
    Parser(std::vector<Token> tokens, std::optional<SyntaxError> lexError);

    ast::Module parseModule();
    ast::ExprPtr parseEmbedded(int fstringDepth);   // see parseEmbeddedExpression
    int32_t currentLine() const { return tok().span.line; }   // how far the parser had read

private:
    friend class DepthGuard;
    using ExprPtr = ast::ExprPtr;
    using StmtPtr = ast::StmtPtr;
    using StmtList = ast::StmtList;

    // ---- tokens (parser.cpp)
    const Token& tok() const { return m_tokens[m_pos]; }
    const Token& peekTok(size_t k = 1) const;
    const Token& prevTok() const { return m_tokens[m_pos > 0 ? m_pos - 1 : 0]; }
    void advance();
    bool atOp(const char* s) const { return tok().isOp(s); }
    bool atKw(const char* s) const { return tok().isKeyword(s); }
    bool atKind(TokenKind k) const { return tok().kind == k; }
    bool acceptOp(const char* s);
    bool acceptKw(const char* s);
    void expectOp(const char* s);            // "invalid syntax" when missing
    void expectColon();                      // "expected ':'"
    std::string expectName();                // a non-keyword NAME
    bool atName() const;                     // a NAME that is not a keyword

    // ---- errors (parser.cpp)
    [[noreturn]] void fail(const std::string& msg, int32_t line, int32_t col, int32_t endCol = 0,
                           const char* type = "SyntaxError") const;
    [[noreturn]] void failAt(const std::string& msg, const SourceSpan& span) const;
    [[noreturn]] void failInvalid() const;   // "invalid syntax" at the current token
    [[noreturn]] void failMissingComma(const SourceSpan& before);   // "... forgot a comma?" from `before` on
    [[noreturn]] void failTooDeep() const;
    SourceSpan spanFrom(const Token& first) const;
    const Token& errorToken() const;         // the current token, or the last NEWLINE at end of input
    SourceSpan spanFrom(const SourceSpan& first) const;

    // ---- statements (parser_stmt.cpp)
    void parseStatement(StmtList& out);
    void parseSimpleStatements(StmtList& out);
    StmtPtr parseSimpleStatement();
    StmtPtr parseExpressionStatement();
    StmtPtr parseCompound();
    StmtList parseBlock(const std::string& what, int32_t line);
    StmtPtr parseIf(bool isElif);
    StmtPtr parseWhile();
    StmtPtr parseFor(const Token& first, bool isAsync);
    StmtPtr parseWith(const Token& first, bool isAsync);
    StmtPtr parseTry();
    StmtPtr parseFunctionDef(const Token& first, bool isAsync, ast::ExprList decorators);
    StmtPtr parseClassDef(ast::ExprList decorators);
    StmtPtr parseDecorated();
    StmtPtr parseImport();
    StmtPtr parseFromImport();
    StmtPtr parseRaise();
    bool looksLikeSoftKeywordStatement(const char* word) const;
    void parseParameters(ast::Arguments& args, bool allowAnnotations, const char* closer);

    // ---- expressions (parser_expr.cpp)
    ExprPtr parseStarExpressions();           // a, *b, c  (tuple without parens)
    ExprPtr parseStarExpression();
    ExprPtr parseStarNamedExpression();       // element of a display
    ExprPtr parseNamedExpression();           // x := v | expression
    ExprPtr parseExpression();                // ternary / lambda
    ExprPtr parseYieldExpression();
    ExprPtr parseDisjunction();
    ExprPtr parseConjunction();
    ExprPtr parseInversion();
    ExprPtr parseComparison();
    ExprPtr parseBitOr(int minPrec = 1);
    ExprPtr parseFactor();
    ExprPtr parsePower();
    ExprPtr parsePrimary();
    ExprPtr parseAtom();
    ExprPtr parseStrings();
    ExprPtr parseParenthesized();
    ExprPtr parseListDisplay();
    ExprPtr parseBraceDisplay();
    ExprPtr parseLambda();
    ExprPtr parseSlices();
    ExprPtr parseSlice();
    void parseCallArguments(ast::Call& call, const Token& open);
    std::vector<ast::Comprehension> parseComprehensionClauses();
    ExprPtr parseAssignmentRhs();             // yield_expr | star_expressions

    // ---- targets (parser_targets.cpp)
    ExprPtr parseStarTargets();               // for-loop / comprehension / with-as targets
    enum class TargetUse { Assign, Delete, For, With, Comprehension };
    void toStore(ast::Expr& e, TargetUse use, bool topLevel);
    void toDelete(ast::Expr& e);
    static const ast::Expr* firstInvalidTarget(const ast::Expr& e, bool forDelete);
    static const char* exprName(const ast::Expr& e);

    // ---- f-strings (fstring.cpp)
    ExprPtr makeStringExpr(const std::vector<const Token*>& parts, const SourceSpan& span);
    void parseFStringBody(const Token& t, ast::ExprList& values, std::string& pending,
                          const SourceSpan& whole);

    std::vector<Token> m_tokens;
    std::optional<SyntaxError> m_lexError;
    size_t m_pos = 0;
    int m_depth = 0;         // expression/statement recursion depth (stack guard)
    int m_blockDepth = 0;    // statically nested loops/try/with in the current function
    int m_fstringDepth = 0;
};

// Counts recursion so deeply nested code is a SyntaxError, not a stack overflow.
class DepthGuard {
public:
    // `extra` counts levels a loop adds without recursing (a + b + c ... is
    // as deep a tree as a nested expression).
    explicit DepthGuard(Parser& p, int extra = 0);
    ~DepthGuard() { m_parser.m_depth -= m_extra; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    Parser& m_parser;
    int m_extra;
};

// For f-string expressions: parses `text` (the source between braces) as one
// expression whose first byte sits at line/col.
ast::ExprPtr parseEmbeddedExpression(const std::string& text, int32_t line, int32_t col, int fstringDepth);

}  // namespace aw::lang
