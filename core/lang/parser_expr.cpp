// Expressions, by CPython's precedence: lambda / ternary, or, and, not,
// comparisons, | ^ & << >> + - * / // % @, unary, **, await, primaries, atoms.

#include "core/lang/lexer.h"
#include "core/lang/parser_impl.h"

namespace aw::lang {

using namespace ast;

namespace {

template <typename T>
std::unique_ptr<T> make(const SourceSpan& span) {
    auto e = std::make_unique<T>();
    e->span = span;
    return e;
}

struct BinOpInfo {
    const char* text;
    Operator op;
    int prec;
};

const BinOpInfo kBinOps[] = {
    {"|", Operator::BitOr, 1},      {"^", Operator::BitXor, 2},   {"&", Operator::BitAnd, 3},
    {"<<", Operator::LShift, 4},    {">>", Operator::RShift, 4},  {"+", Operator::Add, 5},
    {"-", Operator::Sub, 5},        {"*", Operator::Mult, 6},     {"/", Operator::Div, 6},
    {"//", Operator::FloorDiv, 6},  {"%", Operator::Mod, 6},      {"@", Operator::MatMult, 6},
};

const BinOpInfo* binOpAt(const Token& t) {
    if (t.kind != TokenKind::Op) return nullptr;
    for (const auto& b : kBinOps)
        if (t.text == b.text) return &b;
    return nullptr;
}

bool canStartExpression(const Token& t) {
    switch (t.kind) {
    case TokenKind::Number:
    case TokenKind::String:
        return true;
    case TokenKind::Name:
        return !isKeyword(t.text) || t.text == "True" || t.text == "False" || t.text == "None" ||
               t.text == "not" || t.text == "lambda" || t.text == "await";
    case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
               t.text == "~" || t.text == "*" || t.text == "...";
    default:
        return false;
    }
}

}  // namespace

ast::ExprPtr Parser::parseAssignmentRhs() {
    return atKw("yield") ? parseYieldExpression() : parseStarExpressions();
}

ast::ExprPtr Parser::parseStarExpressions() {
    const Token first = tok();
    ExprPtr e = parseStarExpression();
    if (!atOp(",")) return e;
    auto t = std::make_unique<Tuple>();
    t->elts.push_back(std::move(e));
    while (acceptOp(",")) {
        if (!canStartExpression(tok())) break;
        t->elts.push_back(parseStarExpression());
    }
    t->span = spanFrom(first);
    return t;
}

ast::ExprPtr Parser::parseStarExpression() {
    if (atOp("*")) {
        const Token first = tok();
        advance();
        auto s = std::make_unique<Starred>();
        s->value = parseBitOr();
        s->span = spanFrom(first);
        return s;
    }
    return parseExpression();
}

ast::ExprPtr Parser::parseStarNamedExpression() {
    if (atOp("*")) {
        const Token first = tok();
        advance();
        auto s = std::make_unique<Starred>();
        s->value = parseBitOr();
        s->span = spanFrom(first);
        return s;
    }
    return parseNamedExpression();
}

ast::ExprPtr Parser::parseNamedExpression() {
    const Token first = tok();
    if (atName() && peekTok().isOp(":=")) {
        auto target = make<Name>(first.span);
        target->id = first.text;
        target->ctx = ExprContext::Store;
        advance();
        advance();
        auto n = std::make_unique<NamedExpr>();
        n->target = std::move(target);
        n->value = parseExpression();
        n->span = spanFrom(first);
        return n;
    }
    ExprPtr e = parseExpression();
    if (atOp(":="))
        failAt(std::string("cannot use assignment expressions with ") + exprName(*e), e->span);
    return e;
}

ast::ExprPtr Parser::parseExpression() {
    DepthGuard guard(*this);
    if (atKw("lambda")) return parseLambda();
    const Token first = tok();
    ExprPtr body = parseDisjunction();
    if (!atKw("if")) return body;
    advance();
    auto e = std::make_unique<IfExp>();
    e->body = std::move(body);
    e->test = parseDisjunction();
    if (!acceptKw("else")) {
        if (atKind(TokenKind::Error)) failInvalid();
        failAt("expected 'else' after 'if' expression", spanFrom(first));
    }
    e->orelse = parseExpression();
    e->span = spanFrom(first);
    return e;
}

ast::ExprPtr Parser::parseYieldExpression() {
    const Token first = tok();
    advance();   // 'yield'
    if (acceptKw("from")) {
        auto y = std::make_unique<YieldFrom>();
        y->value = parseExpression();
        y->span = spanFrom(first);
        return y;
    }
    auto y = std::make_unique<Yield>();
    if (canStartExpression(tok())) y->value = parseStarExpressions();
    y->span = spanFrom(first);
    return y;
}

ast::ExprPtr Parser::parseDisjunction() {
    const Token first = tok();
    ExprPtr e = parseConjunction();
    if (!atKw("or")) return e;
    auto b = std::make_unique<BoolOp>();
    b->op = BoolOperator::Or;
    b->values.push_back(std::move(e));
    while (acceptKw("or")) b->values.push_back(parseConjunction());
    b->span = spanFrom(first);
    return b;
}

ast::ExprPtr Parser::parseConjunction() {
    const Token first = tok();
    ExprPtr e = parseInversion();
    if (!atKw("and")) return e;
    auto b = std::make_unique<BoolOp>();
    b->op = BoolOperator::And;
    b->values.push_back(std::move(e));
    while (acceptKw("and")) b->values.push_back(parseInversion());
    b->span = spanFrom(first);
    return b;
}

ast::ExprPtr Parser::parseInversion() {
    if (!atKw("not")) return parseComparison();
    DepthGuard guard(*this);
    const Token first = tok();
    advance();
    auto u = std::make_unique<UnaryOp>();
    u->op = UnaryOperator::Not;
    u->operand = parseInversion();
    u->span = spanFrom(first);
    return u;
}

ast::ExprPtr Parser::parseComparison() {
    const Token first = tok();
    ExprPtr left = parseBitOr();
    std::unique_ptr<Compare> cmp;
    while (true) {
        const Token& t = tok();
        CmpOp op;
        int width = 1;
        if (t.isOp("==")) op = CmpOp::Eq;
        else if (t.isOp("!=")) op = CmpOp::NotEq;
        else if (t.isOp("<")) op = CmpOp::Lt;
        else if (t.isOp("<=")) op = CmpOp::LtE;
        else if (t.isOp(">")) op = CmpOp::Gt;
        else if (t.isOp(">=")) op = CmpOp::GtE;
        else if (t.isKeyword("in")) op = CmpOp::In;
        else if (t.isKeyword("not")) {
            if (!peekTok().isKeyword("in")) {   // CPython has read the `not` and fails after it
                advance();
                failInvalid();
            }
            op = CmpOp::NotIn;
            width = 2;
        }
        else if (t.isKeyword("is")) {
            if (peekTok().isKeyword("not")) { op = CmpOp::IsNot; width = 2; }
            else op = CmpOp::Is;
        } else break;
        for (int k = 0; k < width; ++k) advance();
        if (!cmp) {
            cmp = std::make_unique<Compare>();
            cmp->left = std::move(left);
        }
        cmp->ops.push_back(op);
        cmp->comparators.push_back(parseBitOr());
    }
    if (!cmp) return left;
    cmp->span = spanFrom(first);
    return cmp;
}

ast::ExprPtr Parser::parseBitOr(int minPrec) {
    const Token first = tok();
    ExprPtr left = parseFactor();
    int chain = 0;
    while (const BinOpInfo* b = binOpAt(tok())) {
        if (b->prec < minPrec) break;
        if (m_depth + ++chain > kMaxTreeDepth) failTooDeep();   // the tree nests leftwards
        advance();
        auto e = std::make_unique<BinOp>();
        e->left = std::move(left);
        e->op = b->op;
        e->right = parseBitOr(b->prec + 1);
        e->span = spanFrom(first);
        left = std::move(e);
    }
    return left;
}

ast::ExprPtr Parser::parseFactor() {
    const Token& t = tok();
    UnaryOperator op;
    if (t.isOp("-")) op = UnaryOperator::USub;
    else if (t.isOp("+")) op = UnaryOperator::UAdd;
    else if (t.isOp("~")) op = UnaryOperator::Invert;
    else return parsePower();
    DepthGuard guard(*this);
    const Token first = t;
    advance();
    auto u = std::make_unique<UnaryOp>();
    u->op = op;
    u->operand = parseFactor();
    u->span = spanFrom(first);
    return u;
}

ast::ExprPtr Parser::parsePower() {
    const Token first = tok();
    ExprPtr e;
    if (atKw("await")) {
        advance();
        auto a = std::make_unique<Await>();
        a->value = parsePrimary();
        a->span = spanFrom(first);
        e = std::move(a);
    } else {
        e = parsePrimary();
    }
    if (!atOp("**")) return e;
    DepthGuard guard(*this);
    advance();
    auto b = std::make_unique<BinOp>();
    b->left = std::move(e);
    b->op = Operator::Pow;
    b->right = parseFactor();   // right-associative, and -x binds looser on the right: 2**-1
    b->span = spanFrom(first);
    return b;
}

ast::ExprPtr Parser::parsePrimary() {
    const Token first = tok();
    ExprPtr e = parseAtom();
    for (int chain = 1;; ++chain) {
        if (m_depth + chain > kMaxTreeDepth) failTooDeep();   // a.b.c... nests leftwards
        if (acceptOp(".")) {
            auto a = std::make_unique<Attribute>();
            a->value = std::move(e);
            a->attr = expectName();
            a->span = spanFrom(first);
            e = std::move(a);
        } else if (atOp("(")) {
            const Token open = tok();
            advance();
            auto c = std::make_unique<Call>();
            c->func = std::move(e);
            parseCallArguments(*c, open);
            c->span = spanFrom(first);
            e = std::move(c);
        } else if (acceptOp("[")) {
            auto s = std::make_unique<Subscript>();
            s->value = std::move(e);
            s->slice = parseSlices();
            expectOp("]");
            s->span = spanFrom(first);
            e = std::move(s);
        } else {
            return e;
        }
    }
}

void Parser::parseCallArguments(Call& call, const Token& open) {
    bool seenKeyword = false, seenKeywordUnpack = false;
    while (!atOp(")")) {
        const Token argStart = tok();
        if (acceptOp("*")) {
            auto s = std::make_unique<Starred>();
            s->value = parseExpression();
            s->span = spanFrom(argStart);
            if (seenKeywordUnpack)
                failAt("iterable argument unpacking follows keyword argument unpacking", s->span);
            call.args.push_back(std::move(s));
        } else if (acceptOp("**")) {
            Keyword k;
            k.value = parseExpression();
            k.span = spanFrom(argStart);
            seenKeywordUnpack = true;
            call.keywords.push_back(std::move(k));
        } else if (atName() && peekTok().isOp("=")) {
            Keyword k;
            k.arg = argStart.text;
            advance();
            advance();
            k.value = parseExpression();
            k.span = spanFrom(argStart);
            seenKeyword = true;
            call.keywords.push_back(std::move(k));
        } else {
            ExprPtr e = parseNamedExpression();
            if (atKw("for") || (atKw("async") && peekTok().isKeyword("for"))) {
                auto g = std::make_unique<GeneratorExp>();
                g->elt = std::move(e);
                g->generators = parseComprehensionClauses();
                bool sole = call.args.empty() && call.keywords.empty() && atOp(")");
                if (!sole) failAt("Generator expression must be parenthesized", spanFrom(argStart));
                advance();   // ')': a sole generator argument spans the call's parentheses
                g->span = spanFrom(open);
                call.args.push_back(std::move(g));
                return;
            }
            if (atOp("="))
                fail("expression cannot contain assignment, perhaps you meant \"==\"?", argStart.span.line,
                     argStart.span.col, tok().span.endCol);
            // CPython points just past the offending argument.
            if (seenKeywordUnpack)
                fail("positional argument follows keyword argument unpacking", tok().span.line, tok().span.col);
            if (seenKeyword) fail("positional argument follows keyword argument", tok().span.line, tok().span.col);
            call.args.push_back(std::move(e));
        }
        if (!acceptOp(",")) break;
    }
    if (!atOp(")") && canStartExpression(tok()) && !call.args.empty() && prevTok().kind != TokenKind::Op)
        failMissingComma(call.args.back()->span);
    expectOp(")");
}

ast::ExprPtr Parser::parseSlices() {
    const Token first = tok();
    ExprPtr s = parseSlice();
    if (!atOp(",") && s->kind != ExprKind::Starred) return s;
    auto t = std::make_unique<Tuple>();   // a[1:2, 3] and a[*b] index with a tuple
    t->elts.push_back(std::move(s));
    while (acceptOp(",")) {
        if (atOp("]")) break;
        t->elts.push_back(parseSlice());
    }
    t->span = spanFrom(first);
    return t;
}

ast::ExprPtr Parser::parseSlice() {
    const Token first = tok();
    ExprPtr lower;
    if (!atOp(":")) {
        lower = atOp("*") ? parseStarExpression() : parseNamedExpression();
        if (!atOp(":")) return lower;
    }
    advance();   // ':'
    auto s = std::make_unique<Slice>();
    s->lower = std::move(lower);
    if (!atOp(":") && !atOp(",") && !atOp("]")) s->upper = parseExpression();
    if (acceptOp(":")) {
        if (!atOp(",") && !atOp("]")) s->step = parseExpression();
    }
    s->span = spanFrom(first);
    return s;
}

std::vector<Comprehension> Parser::parseComprehensionClauses() {
    std::vector<Comprehension> gens;
    while (atKw("for") || (atKw("async") && peekTok().isKeyword("for"))) {
        Comprehension c;
        c.isAsync = acceptKw("async");
        advance();   // 'for'
        c.target = parseStarTargets();
        if (!atKw("in")) failInvalid();
        toStore(*c.target, TargetUse::Comprehension, true);
        advance();
        c.iter = parseDisjunction();
        while (acceptKw("if")) c.ifs.push_back(parseDisjunction());
        gens.push_back(std::move(c));
    }
    return gens;
}

ast::ExprPtr Parser::parseLambda() {
    const Token first = tok();
    advance();   // 'lambda'
    auto l = std::make_unique<Lambda>();
    parseParameters(l->args, false, ":");
    expectOp(":");
    l->body = parseExpression();
    l->span = spanFrom(first);
    return l;
}

ast::ExprPtr Parser::parseAtom() {
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::Name: {
        if (t.text == "True" || t.text == "False" || t.text == "None") {
            auto c = make<Constant>(t.span);
            c->ckind = t.text == "True" ? ConstantKind::True : t.text == "False" ? ConstantKind::False : ConstantKind::None;
            advance();
            return c;
        }
        if (isKeyword(t.text)) failInvalid();
        auto n = make<Name>(t.span);
        n->id = t.text;
        advance();
        return n;
    }
    case TokenKind::Number: {
        auto c = make<Constant>(t.span);
        if (t.isFloat) {
            c->ckind = ConstantKind::Float;
            c->floatValue = t.floatValue;
        } else {
            c->ckind = ConstantKind::Int;
            c->intValue = t.intValue;
        }
        advance();
        return c;
    }
    case TokenKind::String:
        return parseStrings();
    case TokenKind::Op:
        if (t.text == "(") return parseParenthesized();
        if (t.text == "[") return parseListDisplay();
        if (t.text == "{") return parseBraceDisplay();
        if (t.text == "...") {
            auto c = make<Constant>(t.span);
            c->ckind = ConstantKind::Ellipsis;
            advance();
            return c;
        }
        break;
    default:
        break;
    }
    failInvalid();
}

ast::ExprPtr Parser::parseStrings() {
    const Token first = tok();
    std::vector<const Token*> parts;
    while (atKind(TokenKind::String)) {
        parts.push_back(&tok());
        advance();
    }
    return makeStringExpr(parts, spanFrom(first));
}

ast::ExprPtr Parser::parseParenthesized() {
    const Token open = tok();
    advance();
    if (acceptOp(")")) return make<Tuple>(spanFrom(open));
    if (atKw("yield")) {
        ExprPtr y = parseYieldExpression();
        expectOp(")");
        return y;
    }
    ExprPtr e = parseStarNamedExpression();
    if (atKw("for") || (atKw("async") && peekTok().isKeyword("for"))) {
        if (e->kind == ExprKind::Starred) failAt("iterable unpacking cannot be used in comprehension", e->span);
        auto g = std::make_unique<GeneratorExp>();
        g->elt = std::move(e);
        g->generators = parseComprehensionClauses();
        expectOp(")");
        g->span = spanFrom(open);
        return g;
    }
    if (atOp(",")) {
        auto t = std::make_unique<Tuple>();
        t->elts.push_back(std::move(e));
        while (acceptOp(",")) {
            if (atOp(")")) break;
            t->elts.push_back(parseStarNamedExpression());
        }
        if (!atOp(")") && canStartExpression(tok()) && prevTok().kind != TokenKind::Op)
            failMissingComma(t->elts.back()->span);
        expectOp(")");
        t->span = spanFrom(open);
        return t;
    }
    if (!atOp(")") && canStartExpression(tok()) && !atOp("(") && !atOp("["))
        failMissingComma(e->span);
    expectOp(")");
    if (e->kind == ExprKind::Starred) failAt("cannot use starred expression here", e->span);
    return e;
}

ast::ExprPtr Parser::parseListDisplay() {
    const Token open = tok();
    advance();
    if (acceptOp("]")) return make<List>(spanFrom(open));
    ExprPtr e = parseStarNamedExpression();
    if (atKw("for") || (atKw("async") && peekTok().isKeyword("for"))) {
        if (e->kind == ExprKind::Starred) failAt("iterable unpacking cannot be used in comprehension", e->span);
        auto c = std::make_unique<ListComp>();
        c->elt = std::move(e);
        c->generators = parseComprehensionClauses();
        expectOp("]");
        c->span = spanFrom(open);
        return c;
    }
    auto l = std::make_unique<List>();
    l->elts.push_back(std::move(e));
    while (acceptOp(",")) {
        if (atOp("]")) break;
        l->elts.push_back(parseStarNamedExpression());
    }
    if (!atOp("]") && canStartExpression(tok()) && prevTok().kind != TokenKind::Op)
        failMissingComma(l->elts.back()->span);
    expectOp("]");
    l->span = spanFrom(open);
    return l;
}

ast::ExprPtr Parser::parseBraceDisplay() {
    const Token open = tok();
    advance();
    if (acceptOp("}")) return make<Dict>(spanFrom(open));

    bool isDict;
    ExprPtr firstKey, firstValue;
    const Token firstTok = tok();
    if (acceptOp("**")) {
        isDict = true;
        firstValue = parseBitOr();
    } else {
        firstKey = parseStarNamedExpression();
        isDict = acceptOp(":");
        if (isDict) firstValue = parseExpression();
    }

    if (atKw("for") || (atKw("async") && peekTok().isKeyword("for"))) {
        if (isDict) {
            if (!firstKey) fail("dict unpacking cannot be used in dict comprehension", firstTok.span.line, firstTok.span.col);
            auto c = std::make_unique<DictComp>();
            c->key = std::move(firstKey);
            c->value = std::move(firstValue);
            c->generators = parseComprehensionClauses();
            expectOp("}");
            c->span = spanFrom(open);
            return c;
        }
        if (firstKey->kind == ExprKind::Starred)
            failAt("iterable unpacking cannot be used in comprehension", firstKey->span);
        auto c = std::make_unique<SetComp>();
        c->elt = std::move(firstKey);
        c->generators = parseComprehensionClauses();
        expectOp("}");
        c->span = spanFrom(open);
        return c;
    }

    if (isDict) {
        auto d = std::make_unique<Dict>();
        d->keys.push_back(std::move(firstKey));
        d->values.push_back(std::move(firstValue));
        while (acceptOp(",")) {
            if (atOp("}")) break;
            if (acceptOp("**")) {
                d->keys.push_back(nullptr);
                d->values.push_back(parseBitOr());
            } else {
                d->keys.push_back(parseExpression());
                if (!atOp(":")) {
                    if (atOp(",") || atOp("}"))
                        failAt("':' expected after dictionary key", d->keys.back()->span);
                    failInvalid();
                }
                advance();
                d->values.push_back(parseExpression());
            }
        }
        if (!atOp("}") && canStartExpression(tok()) && prevTok().kind != TokenKind::Op)
            failMissingComma(d->values.back()->span);
        expectOp("}");
        d->span = spanFrom(open);
        return d;
    }
    auto s = std::make_unique<Set>();
    s->elts.push_back(std::move(firstKey));
    while (acceptOp(",")) {
        if (atOp("}")) break;
        s->elts.push_back(parseStarNamedExpression());
    }
    expectOp("}");
    s->span = spanFrom(open);
    return s;
}

}  // namespace aw::lang
