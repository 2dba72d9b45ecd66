// Statements: simple statements, assignments and every compound statement.

#include "core/lang/lexer.h"
#include "core/lang/parser_impl.h"

#include <set>

namespace aw::lang {

using namespace ast;

namespace {

constexpr int kMaxStaticBlocks = 20;   // CPython's CO_MAXBLOCKS

template <typename T>
std::unique_ptr<T> makeStmt(const SourceSpan& span) {
    auto s = std::make_unique<T>();
    s->span = span;
    return s;
}

SourceSpan spanTo(const SourceSpan& first, const StmtList& last) {
    const SourceSpan& e = last.back()->span;
    return {first.line, first.col, e.endLine, e.endCol};
}

bool isAugAssignOp(const Token& t, Operator* op) {
    static const struct { const char* s; Operator op; } ops[] = {
        {"+=", Operator::Add}, {"-=", Operator::Sub}, {"*=", Operator::Mult}, {"@=", Operator::MatMult},
        {"/=", Operator::Div}, {"%=", Operator::Mod}, {"**=", Operator::Pow}, {"<<=", Operator::LShift},
        {">>=", Operator::RShift}, {"|=", Operator::BitOr}, {"^=", Operator::BitXor},
        {"&=", Operator::BitAnd}, {"//=", Operator::FloorDiv},
    };
    if (t.kind != TokenKind::Op) return false;
    for (const auto& o : ops)
        if (t.text == o.s) {
            *op = o.op;
            return true;
        }
    return false;
}

// Keeps the count of statically nested loops/try/with blocks (CPython's
// compiler limit) for the duration of one such statement.
struct BlockCounter {
    int& depth;
    BlockCounter(int& d) : depth(d) { ++depth; }
    ~BlockCounter() { --depth; }
};

}  // namespace

void Parser::parseStatement(StmtList& out) {
    DepthGuard guard(*this);
    if (StmtPtr s = parseCompound()) {
        out.push_back(std::move(s));
        return;
    }
    parseSimpleStatements(out);
}

void Parser::parseSimpleStatements(StmtList& out) {
    while (true) {
        out.push_back(parseSimpleStatement());
        if (!acceptOp(";")) break;
        if (atKind(TokenKind::Newline)) break;
    }
    if (!atKind(TokenKind::Newline)) failInvalid();
    advance();
}

// `match x:` and `type X = ...` use soft keywords: they are statements only
// when what follows cannot be an expression statement.
bool Parser::looksLikeSoftKeywordStatement(const char* word) const {
    if (!tok().isKeyword(word)) return false;
    const Token& next = peekTok();
    if (std::string(word) == "type")
        return next.kind == TokenKind::Name && !isKeyword(next.text) &&
               (peekTok(2).isOp("=") || peekTok(2).isOp("["));
    if (next.kind == TokenKind::Op &&
        !(next.text == "(" || next.text == "[" || next.text == "{" || next.text == "-" || next.text == "*" ||
          next.text == "~" || next.text == "+"))
        return false;
    if (next.kind == TokenKind::Newline || next.kind == TokenKind::EndMarker) return false;
    // Find the end of the logical line: a match statement's header ends in ':'.
    size_t i = m_pos + 1;
    while (i < m_tokens.size() && m_tokens[i].kind != TokenKind::Newline && m_tokens[i].kind != TokenKind::EndMarker &&
           m_tokens[i].kind != TokenKind::Error)
        ++i;
    return i > m_pos + 1 && m_tokens[i - 1].isOp(":") && m_tokens[i].kind == TokenKind::Newline;
}

ast::StmtPtr Parser::parseCompound() {
    const Token& t = tok();
    if (t.kind != TokenKind::Name && !t.isOp("@")) return nullptr;
    if (t.isKeyword("if")) return parseIf(false);
    if (t.isKeyword("while")) return parseWhile();
    if (t.isKeyword("for")) return parseFor(t, false);
    if (t.isKeyword("with")) return parseWith(t, false);
    if (t.isKeyword("try")) return parseTry();
    if (t.isKeyword("def")) return parseFunctionDef(t, false, {});
    if (t.isKeyword("class")) return parseClassDef({});
    if (t.isOp("@")) return parseDecorated();
    if (t.isKeyword("async")) {
        const Token& first = t;
        const Token& next = peekTok();
        if (next.isKeyword("def")) { advance(); return parseFunctionDef(first, true, {}); }
        if (next.isKeyword("for")) { advance(); return parseFor(first, true); }
        if (next.isKeyword("with")) { advance(); return parseWith(first, true); }
        advance();
        failInvalid();
    }
    if (looksLikeSoftKeywordStatement("match"))
        fail("match statements are not supported by Awaitscope", t.span.line, t.span.col, t.span.endCol);
    if (looksLikeSoftKeywordStatement("type"))
        fail("type aliases (the 'type' statement) are not supported by Awaitscope", t.span.line, t.span.col,
             t.span.endCol);
    return nullptr;
}

ast::StmtPtr Parser::parseIf(bool isElif) {
    const Token first = tok();
    advance();
    auto s = std::make_unique<If>();
    s->test = parseNamedExpression();
    expectColon();
    s->body = parseBlock(isElif ? "'elif' statement" : "'if' statement", first.span.line);
    if (atKw("elif")) {
        s->orelse.push_back(parseIf(true));
    } else if (atKw("else")) {
        int32_t line = tok().span.line;
        advance();
        expectColon();
        s->orelse = parseBlock("'else' statement", line);
    }
    s->span = spanTo(first.span, s->orelse.empty() ? s->body : s->orelse);
    return s;
}

ast::StmtPtr Parser::parseWhile() {
    const Token first = tok();
    advance();
    BlockCounter blocks(m_blockDepth);
    if (m_blockDepth > kMaxStaticBlocks) fail("too many statically nested blocks", first.span.line, first.span.col);
    auto s = std::make_unique<While>();
    s->test = parseNamedExpression();
    expectColon();
    s->body = parseBlock("'while' statement", first.span.line);
    if (atKw("else")) {
        int32_t line = tok().span.line;
        advance();
        expectColon();
        s->orelse = parseBlock("'else' statement", line);
    }
    s->span = spanTo(first.span, s->orelse.empty() ? s->body : s->orelse);
    return s;
}

ast::StmtPtr Parser::parseFor(const Token& firstRef, bool isAsync) {
    const Token first = firstRef;
    const int32_t forLine = tok().span.line;
    advance();   // 'for'
    BlockCounter blocks(m_blockDepth);
    if (m_blockDepth > kMaxStaticBlocks) fail("too many statically nested blocks", first.span.line, first.span.col);
    auto s = std::make_unique<For>();
    s->isAsync = isAsync;
    s->target = parseStarTargets();
    if (!atKw("in")) failInvalid();
    toStore(*s->target, TargetUse::For, true);
    advance();
    s->iter = parseStarExpressions();
    expectColon();
    s->body = parseBlock("'for' statement", forLine);
    if (atKw("else")) {
        int32_t line = tok().span.line;
        advance();
        expectColon();
        s->orelse = parseBlock("'else' statement", line);
    }
    s->span = spanTo(first.span, s->orelse.empty() ? s->body : s->orelse);
    return s;
}

ast::StmtPtr Parser::parseWith(const Token& firstRef, bool isAsync) {
    const Token first = firstRef;
    const int32_t withLine = tok().span.line;
    advance();   // 'with'
    BlockCounter blocks(m_blockDepth);
    if (m_blockDepth > kMaxStaticBlocks) fail("too many statically nested blocks", first.span.line, first.span.col);
    auto s = std::make_unique<With>();
    s->isAsync = isAsync;

    auto parseItem = [&]() {
        WithItem item;
        item.contextExpr = parseExpression();
        if (acceptKw("as")) {
            item.optionalVars = parseBitOr();   // a single target: `as b, c` is two items
            // The target ends at ',' ':' or ')': anything else is a bad target.
            if (!atOp(",") && !atOp(":") && !atOp(")")) failInvalid();
            toStore(*item.optionalVars, TargetUse::With, true);
        }
        s->items.push_back(std::move(item));
    };

    bool done = false;
    if (atOp("(")) {
        // `with (a as b, c as d):` — try the parenthesized form first, as
        // CPython's grammar does; fall back to `(a, b)` being an expression.
        size_t save = m_pos;
        try {
            advance();
            do {
                if (atOp(")")) break;
                parseItem();
            } while (acceptOp(","));
            expectOp(")");
            if (!atOp(":")) throw SyntaxError("SyntaxError", "", 0, 0);
            done = true;
        } catch (const SyntaxError&) {
            m_pos = save;
            s->items.clear();
        }
    }
    if (!done) {
        do {
            parseItem();
        } while (acceptOp(","));
    }
    expectColon();
    s->body = parseBlock("'with' statement", withLine);
    s->span = spanTo(first.span, s->body);
    return s;
}

ast::StmtPtr Parser::parseTry() {
    const Token first = tok();
    advance();
    BlockCounter blocks(m_blockDepth);
    if (m_blockDepth > kMaxStaticBlocks) fail("too many statically nested blocks", first.span.line, first.span.col);
    expectColon();
    auto s = std::make_unique<Try>();
    s->body = parseBlock("'try' statement", first.span.line);
    while (atKw("except")) {
        const Token ex = tok();
        advance();
        const bool star = acceptOp("*");
        if (!s->handlers.empty() && star != s->isStar)
            fail("cannot have both 'except' and 'except*' on the same 'try'", ex.span.line, ex.span.col);
        s->isStar = star;
        if (star && atOp(":")) fail("expected one or more exception types", tok().span.line, tok().span.col);
        ExceptHandler h;
        if (!atOp(":")) {
            h.type = parseExpression();
            if (atOp(",")) {
                const SourceSpan typeStart = h.type->span;
                while (acceptOp(",")) parseExpression();
                failAt("multiple exception types must be parenthesized", spanFrom(typeStart));
            }
            if (acceptKw("as")) h.name = expectName();
        }
        expectColon();
        h.body = parseBlock("'except' statement", ex.span.line);
        h.span = spanTo(ex.span, h.body);
        s->handlers.push_back(std::move(h));
    }
    if (atKw("else")) {
        if (s->handlers.empty()) failInvalid();
        int32_t line = tok().span.line;
        advance();
        expectColon();
        s->orelse = parseBlock("'else' statement", line);
    }
    if (atKw("finally")) {
        int32_t line = tok().span.line;
        advance();
        expectColon();
        s->finalbody = parseBlock("'finally' statement", line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
        fail("expected 'except' or 'finally' block", errorToken().span.line, errorToken().span.col);
    if (!s->finalbody.empty())
        s->span = spanTo(first.span, s->finalbody);
    else if (!s->orelse.empty())
        s->span = spanTo(first.span, s->orelse);
    else
        s->span = {first.span.line, first.span.col, s->handlers.back().span.endLine,
                   s->handlers.back().span.endCol};
    return s;
}

void Parser::parseParameters(Arguments& args, bool allowAnnotations, const char* closer) {
    bool seenSlash = false, seenDefault = false;
    std::optional<Token> bareStar;
    std::set<std::string> names;
    auto parseArg = [&]() {
        Arg a;
        const Token first = tok();
        a.name = expectName();
        if (!names.insert(a.name).second)
            fail("duplicate argument '" + a.name + "' in function definition", first.span.line, first.span.col,
                 first.span.endCol);
        if (allowAnnotations && acceptOp(":")) a.annotation = parseExpression();
        a.span = spanFrom(first);
        return a;
    };
    while (!atOp(closer)) {
        const Token t = tok();
        if (acceptOp("/")) {
            if (seenSlash) fail("/ may appear only once", t.span.line, t.span.col, t.span.endCol);
            if (bareStar || args.vararg) fail("/ must be ahead of *", t.span.line, t.span.col, t.span.endCol);
            if (args.args.empty()) fail("at least one argument must precede /", t.span.line, t.span.col, t.span.endCol);
            seenSlash = true;
            args.posonlyargs = std::move(args.args);
            args.args.clear();
        } else if (acceptOp("*")) {
            if (bareStar || args.vararg) fail("* argument may appear only once", t.span.line, t.span.col, t.span.endCol);
            if (atOp(",") || atOp(closer))
                bareStar = t;
            else
                args.vararg = parseArg();
            if (atOp("=")) fail("var-positional argument cannot have default value", tok().span.line, tok().span.col);
        } else if (acceptOp("**")) {
            args.kwarg = parseArg();
            if (atOp("=")) fail("var-keyword argument cannot have default value", tok().span.line, tok().span.col);
            acceptOp(",");
            if (!atOp(closer))
                fail("arguments cannot follow var-keyword argument", tok().span.line, tok().span.col);
            break;
        } else {
            Arg a = parseArg();
            ExprPtr def;
            if (acceptOp("=")) def = parseExpression();
            if (bareStar || args.vararg) {
                args.kwonlyargs.push_back(std::move(a));
                args.kwDefaults.push_back(std::move(def));
            } else {
                if (def) {
                    seenDefault = true;
                    args.defaults.push_back(std::move(def));
                } else if (seenDefault) {
                    failAt("non-default argument follows default argument", a.span);
                }
                args.args.push_back(std::move(a));
            }
        }
        if (!acceptOp(",")) break;
    }
    if (bareStar && args.kwonlyargs.empty())
        fail("named arguments must follow bare *", bareStar->span.line, bareStar->span.col, bareStar->span.endCol);
    if (!atOp(closer)) failInvalid();
}

ast::StmtPtr Parser::parseFunctionDef(const Token& firstRef, bool isAsync, ExprList decorators) {
    const Token first = firstRef;
    const int32_t defLine = tok().span.line;
    advance();   // 'def'
    auto s = std::make_unique<FunctionDef>();
    s->isAsync = isAsync;
    s->decorators = std::move(decorators);
    s->name = expectName();
    if (!atOp("(")) {
        if (atKind(TokenKind::Error)) failInvalid();
        fail("expected '('", tok().span.line, tok().span.col);
    }
    advance();
    parseParameters(s->args, true, ")");
    expectOp(")");
    if (acceptOp("->")) s->returns = parseExpression();
    expectColon();
    int savedBlocks = m_blockDepth;
    m_blockDepth = 0;
    s->body = parseBlock("function definition", defLine);
    m_blockDepth = savedBlocks;
    s->span = spanTo(first.span, s->body);
    return s;
}

ast::StmtPtr Parser::parseClassDef(ExprList decorators) {
    const Token first = tok();
    advance();
    auto s = std::make_unique<ClassDef>();
    s->decorators = std::move(decorators);
    s->name = expectName();
    if (atOp("(")) {
        const Token open = tok();
        advance();
        Call tmp;
        parseCallArguments(tmp, open);
        for (auto& a : tmp.args) {
            if (a->kind == ExprKind::GeneratorExp) failInvalid();
            s->bases.push_back(std::move(a));
        }
        s->keywords = std::move(tmp.keywords);
    }
    expectColon();
    int savedBlocks = m_blockDepth;
    m_blockDepth = 0;
    s->body = parseBlock("class definition", first.span.line);
    m_blockDepth = savedBlocks;
    s->span = spanTo(first.span, s->body);
    return s;
}

ast::StmtPtr Parser::parseDecorated() {
    ExprList decorators;
    while (acceptOp("@")) {
        decorators.push_back(parseNamedExpression());
        if (!atKind(TokenKind::Newline)) failInvalid();
        advance();
    }
    const Token& t = tok();
    if (t.isKeyword("def")) return parseFunctionDef(t, false, std::move(decorators));
    if (t.isKeyword("class")) return parseClassDef(std::move(decorators));
    if (t.isKeyword("async") && peekTok().isKeyword("def")) {
        const Token& first = t;
        advance();
        return parseFunctionDef(first, true, std::move(decorators));
    }
    failInvalid();
}

ast::StmtPtr Parser::parseImport() {
    const Token first = tok();
    advance();
    auto s = std::make_unique<Import>();
    do {
        Alias a;
        const Token start = tok();
        a.name = expectName();
        while (acceptOp(".")) a.name += "." + expectName();
        if (acceptKw("as")) a.asname = expectName();
        a.span = spanFrom(start);
        s->names.push_back(std::move(a));
    } while (acceptOp(","));
    s->span = spanFrom(first);
    return s;
}

ast::StmtPtr Parser::parseFromImport() {
    const Token first = tok();
    advance();
    auto s = std::make_unique<ImportFrom>();
    while (atOp(".") || atOp("...")) {
        s->level += atOp(".") ? 1 : 3;
        advance();
    }
    if (!atKw("import")) {
        s->module = expectName();
        while (acceptOp(".")) s->module += "." + expectName();
    }
    if (!acceptKw("import")) failInvalid();
    if (atOp("*"))
        fail("star imports are not supported by Awaitscope", tok().span.line, tok().span.col, tok().span.endCol);
    bool paren = acceptOp("(");
    do {
        if (paren && atOp(")")) break;
        if (!paren && !s->names.empty() && atKind(TokenKind::Newline))
            fail("trailing comma not allowed without surrounding parentheses", tok().span.line, tok().span.col);
        Alias a;
        const Token start = tok();
        a.name = expectName();
        if (acceptKw("as")) a.asname = expectName();
        a.span = spanFrom(start);
        s->names.push_back(std::move(a));
    } while (acceptOp(","));
    if (paren) {
        if (s->names.empty()) failInvalid();
        expectOp(")");
    }
    s->span = spanFrom(first);
    return s;
}

ast::StmtPtr Parser::parseRaise() {
    const Token first = tok();
    advance();
    auto s = std::make_unique<Raise>();
    if (!atOp(";") && !atKind(TokenKind::Newline)) {
        s->exc = parseExpression();
        if (acceptKw("from")) s->cause = parseExpression();
    }
    s->span = spanFrom(first);
    return s;
}

ast::StmtPtr Parser::parseSimpleStatement() {
    const Token first = tok();
    if (first.kind == TokenKind::Name) {
        const std::string& w = first.text;
        if (w == "pass") { advance(); return makeStmt<Pass>(first.span); }
        if (w == "break") { advance(); return makeStmt<Break>(first.span); }
        if (w == "continue") { advance(); return makeStmt<Continue>(first.span); }
        if (w == "return") {
            advance();
            auto s = std::make_unique<Return>();
            if (!atOp(";") && !atKind(TokenKind::Newline)) s->value = parseStarExpressions();
            if (s->value && s->value->kind == ExprKind::Starred)
                failAt("can't use starred expression here", s->value->span);
            s->span = spanFrom(first);
            return s;
        }
        if (w == "del") {
            advance();
            auto s = std::make_unique<Delete>();
            do {
                if (atOp(";") || atKind(TokenKind::Newline)) break;
                ExprPtr t = parseBitOr();
                toDelete(*t);
                s->targets.push_back(std::move(t));
            } while (acceptOp(","));
            if (s->targets.empty()) failInvalid();
            if (!atOp(";") && !atKind(TokenKind::Newline)) failInvalid();
            s->span = spanFrom(first);
            return s;
        }
        if (w == "global" || w == "nonlocal") {
            advance();
            std::vector<std::string> names;
            do {
                names.push_back(expectName());
            } while (acceptOp(","));
            if (w == "global") {
                auto s = std::make_unique<Global>();
                s->names = std::move(names);
                s->span = spanFrom(first);
                return s;
            }
            auto s = std::make_unique<Nonlocal>();
            s->names = std::move(names);
            s->span = spanFrom(first);
            return s;
        }
        if (w == "import") return parseImport();
        if (w == "from") return parseFromImport();
        if (w == "raise") return parseRaise();
        if (w == "assert") {
            advance();
            auto s = std::make_unique<Assert>();
            s->test = parseExpression();
            if (acceptOp(",")) s->msg = parseExpression();
            s->span = spanFrom(first);
            return s;
        }
    }
    return parseExpressionStatement();
}

ast::StmtPtr Parser::parseExpressionStatement() {
    const Token first = tok();
    if (first.kind == TokenKind::Indent || first.kind == TokenKind::Dedent) failInvalid();
    if ((first.isKeyword("print") || first.isKeyword("exec")) && peekTok().kind != TokenKind::Op &&
        peekTok().kind != TokenKind::Newline && peekTok().kind != TokenKind::Error &&
        !(peekTok().kind == TokenKind::Name && isKeyword(peekTok().text)))
        fail("Missing parentheses in call to '" + first.text + "'. Did you mean " + first.text + "(...)?",
             first.span.line, first.span.col);
    ExprPtr e = atKw("yield") ? parseYieldExpression() : parseStarExpressions();

    Operator aug;
    if (isAugAssignOp(tok(), &aug)) {
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript)
            failAt(std::string("'") + exprName(*e) + "' is an illegal expression for augmented assignment", e->span);
        toStore(*e, TargetUse::Assign, true);
        advance();
        auto s = std::make_unique<AugAssign>();
        s->target = std::move(e);
        s->op = aug;
        s->value = parseAssignmentRhs();
        s->span = spanFrom(first);
        return s;
    }

    if (atOp(":")) {
        if (e->kind == ExprKind::Tuple || e->kind == ExprKind::List) {
            std::string what = e->kind == ExprKind::Tuple ? "tuple" : "list";
            failAt("only single target (not " + what + ") can be annotated", e->span);
        }
        if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
            const Token& next = peekTok();
            if (next.kind == TokenKind::Newline || (next.kind == TokenKind::Name && isKeyword(next.text) &&
                                                    next.text != "not" && next.text != "lambda" &&
                                                    next.text != "await" && next.text != "None" &&
                                                    next.text != "True" && next.text != "False"))
                failInvalid();
            failAt("illegal target for annotation", e->span);
        }
        toStore(*e, TargetUse::Assign, true);
        advance();
        auto s = std::make_unique<AnnAssign>();
        s->target = std::move(e);
        s->annotation = parseExpression();
        if (acceptOp("=")) s->value = parseAssignmentRhs();
        s->span = spanFrom(first);
        return s;
    }

    if (atOp("=")) {
        auto s = std::make_unique<Assign>();
        ExprList chain;
        chain.push_back(std::move(e));
        while (acceptOp("=")) chain.push_back(parseAssignmentRhs());
        s->value = std::move(chain.back());
        chain.pop_back();
        for (size_t i = 0; i < chain.size(); ++i) {
            Expr& t = *chain[i];
            if (t.kind == ExprKind::Yield || t.kind == ExprKind::YieldFrom) {
                if (i > 0 || t.span.col == first.span.col)   // an unparenthesized yield
                    failAt("assignment to yield expression not possible", t.span);
            }
            if (const Expr* bad = firstInvalidTarget(t, false)) {
                // CPython's "Maybe you meant '=='" hint: a single `target = value`
                // whose last element is an operand-like expression.
                const Expr* last = &t;
                if (t.kind == ExprKind::Tuple && !static_cast<Tuple&>(t).elts.empty() &&
                    static_cast<Tuple&>(t).elts.front()->span.col == t.span.col &&
                    static_cast<Tuple&>(t).elts.front()->span.line == t.span.line)
                    last = static_cast<Tuple&>(t).elts.back().get();
                bool operandLike = last->kind != ExprKind::Compare && last->kind != ExprKind::BoolOp &&
                                   last->kind != ExprKind::IfExp && last->kind != ExprKind::Lambda &&
                                   last->kind != ExprKind::NamedExpr && last->kind != ExprKind::Starred &&
                                   last->kind != ExprKind::Tuple && last->kind != ExprKind::List &&
                                   !(last->kind == ExprKind::Constant &&
                                     static_cast<const Constant*>(last)->ckind != ConstantKind::Int &&
                                     static_cast<const Constant*>(last)->ckind != ConstantKind::Float &&
                                     static_cast<const Constant*>(last)->ckind != ConstantKind::Str &&
                                     static_cast<const Constant*>(last)->ckind != ConstantKind::Ellipsis);
                bool valueIsYield = s->value->kind == ExprKind::Yield || s->value->kind == ExprKind::YieldFrom;
                if (chain.size() == 1 && bad == last && operandLike && !valueIsYield)
                    failAt(std::string("cannot assign to ") + exprName(*bad) +
                               " here. Maybe you meant '==' instead of '='?",
                           bad->span);
            }
            toStore(t, TargetUse::Assign, true);
        }
        s->targets = std::move(chain);
        if (s->value->kind == ExprKind::Starred) failAt("can't use starred expression here", s->value->span);
        s->span = spanFrom(first);
        return s;
    }

    if (e->kind == ExprKind::Starred) failAt("can't use starred expression here", e->span);
    auto s = std::make_unique<ExprStmt>();
    s->value = std::move(e);
    s->span = spanFrom(first);
    return s;
}

}  // namespace aw::lang
