// Assignment and deletion targets: CPython parses a target as an expression
// and then checks it, naming what cannot be assigned ("function call", ...).

#include "core/lang/parser_impl.h"

namespace aw::lang {

using namespace ast;

// for-loop, comprehension and with-as targets: `a, *b, c.d` — operands of
// `|` so that the `in` of `for x in y` is not taken as a comparison.
ast::ExprPtr Parser::parseStarTargets() {
    const Token first = tok();
    auto one = [&]() -> ExprPtr {
        if (atOp("*")) {
            const Token star = tok();
            advance();
            auto s = std::make_unique<Starred>();
            s->value = parseBitOr();
            s->span = spanFrom(star);
            return s;
        }
        return parseBitOr();
    };
    ExprPtr e = one();
    if (!atOp(",")) return e;
    auto t = std::make_unique<Tuple>();
    t->elts.push_back(std::move(e));
    while (acceptOp(",")) {
        if (atKw("in") || atOp("=") || atOp(":") || atOp(")") || atOp(",")) break;
        t->elts.push_back(one());
    }
    t->span = spanFrom(first);
    return t;
}

const char* Parser::exprName(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
        switch (static_cast<const Constant&>(e).ckind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

const ast::Expr* Parser::firstInvalidTarget(const Expr& e, bool forDelete) {
    switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        return nullptr;
    case ExprKind::Starred:
        if (forDelete) return &e;
        return firstInvalidTarget(*static_cast<const Starred&>(e).value, forDelete);
    case ExprKind::Tuple:
        for (const auto& x : static_cast<const Tuple&>(e).elts)
            if (const Expr* bad = firstInvalidTarget(*x, forDelete)) return bad;
        return nullptr;
    case ExprKind::List:
        for (const auto& x : static_cast<const List&>(e).elts)
            if (const Expr* bad = firstInvalidTarget(*x, forDelete)) return bad;
        return nullptr;
    default:
        return &e;
    }
}

void Parser::toStore(Expr& e, TargetUse use, bool topLevel) {
    switch (e.kind) {
    case ExprKind::Name: static_cast<Name&>(e).ctx = ExprContext::Store; return;
    case ExprKind::Attribute: static_cast<Attribute&>(e).ctx = ExprContext::Store; return;
    case ExprKind::Subscript: static_cast<Subscript&>(e).ctx = ExprContext::Store; return;
    case ExprKind::Starred:
        if (topLevel) failAt("starred assignment target must be in a list or tuple", e.span);
        static_cast<Starred&>(e).ctx = ExprContext::Store;
        toStore(*static_cast<Starred&>(e).value, use, false);
        return;
    case ExprKind::Tuple: {
        auto& t = static_cast<Tuple&>(e);
        t.ctx = ExprContext::Store;
        bool starred = false;
        for (auto& x : t.elts) {
            if (x->kind == ExprKind::Starred) {
                if (starred) failAt("multiple starred expressions in assignment", x->span);
                starred = true;
            }
            toStore(*x, use, false);
        }
        return;
    }
    case ExprKind::List: {
        auto& l = static_cast<List&>(e);
        l.ctx = ExprContext::Store;
        bool starred = false;
        for (auto& x : l.elts) {
            if (x->kind == ExprKind::Starred) {
                if (starred) failAt("multiple starred expressions in assignment", x->span);
                starred = true;
            }
            toStore(*x, use, false);
        }
        return;
    }
    default:
        failAt(std::string("cannot assign to ") + exprName(e), e.span);
    }
}

void Parser::toDelete(Expr& e) {
    switch (e.kind) {
    case ExprKind::Name: static_cast<Name&>(e).ctx = ExprContext::Del; return;
    case ExprKind::Attribute: static_cast<Attribute&>(e).ctx = ExprContext::Del; return;
    case ExprKind::Subscript: static_cast<Subscript&>(e).ctx = ExprContext::Del; return;
    case ExprKind::Tuple:
        static_cast<Tuple&>(e).ctx = ExprContext::Del;
        for (auto& x : static_cast<Tuple&>(e).elts) toDelete(*x);
        return;
    case ExprKind::List:
        static_cast<List&>(e).ctx = ExprContext::Del;
        for (auto& x : static_cast<List&>(e).elts) toDelete(*x);
        return;
    default:
        failAt(std::string("cannot delete ") + exprName(e), e.span);
    }
}

}  // namespace aw::lang
