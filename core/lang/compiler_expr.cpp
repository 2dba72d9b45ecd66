// Expressions, assignment targets and conditional jumps.

#include "core/lang/compiler_impl.h"

#include <set>

namespace aw::lang::detail {

using namespace bytecode;
using ast::ExprContext;
using ast::ExprKind;

namespace {

bool isStarred(const ast::ExprPtr& e) { return e && e->kind == ExprKind::Starred; }

const char* exprDescription(const ast::Expr& e)
{
    switch (e.kind) {
    case ExprKind::Call: return "function call";
    case ExprKind::Constant: {
        auto& c = static_cast<const ast::Constant&>(e);
        switch (c.ckind) {
        case ast::ConstantKind::None: return "None";
        case ast::ConstantKind::True: return "True";
        case ast::ConstantKind::False: return "False";
        case ast::ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::GeneratorExp: return "generator expression";
    default: return "expression";
    }
}

void emitCompareOp(Compiler& c, ast::CmpOp op)
{
    using O = ast::CmpOp;
    switch (op) {
    case O::Eq: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Eq)); break;
    case O::NotEq: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Ne)); break;
    case O::Lt: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Lt)); break;
    case O::LtE: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Le)); break;
    case O::Gt: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Gt)); break;
    case O::GtE: c.emit(Opcode::COMPARE_OP, uint32_t(CompareOpArg::Ge)); break;
    case O::Is: c.emit(Opcode::IS_OP, 0); break;
    case O::IsNot: c.emit(Opcode::IS_OP, 1); break;
    case O::In: c.emit(Opcode::CONTAINS_OP, 0); break;
    case O::NotIn: c.emit(Opcode::CONTAINS_OP, 1); break;
    }
}

}  // namespace

void Compiler::checkStoreTarget(const ast::Expr& t, bool del)
{
    switch (t.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        return;
    case ExprKind::Starred:
        if (del)
            error("cannot delete starred", t.span);
        checkStoreTarget(*static_cast<const ast::Starred&>(t).value, del);
        return;
    case ExprKind::Tuple:
        for (const auto& e : static_cast<const ast::Tuple&>(t).elts)
            checkStoreTarget(*e, del);
        return;
    case ExprKind::List:
        for (const auto& e : static_cast<const ast::List&>(t).elts)
            checkStoreTarget(*e, del);
        return;
    default:
        error(std::string(del ? "cannot delete " : "cannot assign to ") + exprDescription(t), t.span);
    }
}

void Compiler::visitExpr(const ast::Expr& e)
{
    SpanGuard guard(*this, e.span);
    switch (e.kind) {
    case ExprKind::Name: {
        auto& n = static_cast<const ast::Name&>(e);
        emitNameOp(n.id, ExprContext::Load);
        break;
    }
    case ExprKind::Constant: {
        auto& c = static_cast<const ast::Constant&>(e);
        switch (c.ckind) {
        case ast::ConstantKind::None: loadConst(NoneConst{}); break;
        case ast::ConstantKind::True: loadConst(true); break;
        case ast::ConstantKind::False: loadConst(false); break;
        case ast::ConstantKind::Ellipsis: loadConst(EllipsisConst{}); break;
        case ast::ConstantKind::Int: loadConst(c.intValue); break;
        case ast::ConstantKind::Float: loadConst(c.floatValue); break;
        case ast::ConstantKind::Str: loadConst(c.strValue); break;
        }
        break;
    }
    case ExprKind::JoinedStr: visitFString(static_cast<const ast::JoinedStr&>(e)); break;
    case ExprKind::FormattedValue: visitFormattedValue(static_cast<const ast::FormattedValue&>(e)); break;
    case ExprKind::BinOp: {
        auto& b = static_cast<const ast::BinOp&>(e);
        visitExpr(*b.left);
        visitExpr(*b.right);
        emit(Opcode::BINARY_OP, operatorArg(b.op));
        break;
    }
    case ExprKind::UnaryOp: {
        auto& un = static_cast<const ast::UnaryOp&>(e);
        visitExpr(*un.operand);
        switch (un.op) {
        case ast::UnaryOperator::Invert: emit(Opcode::UNARY_INVERT); break;
        case ast::UnaryOperator::Not: emit(Opcode::UNARY_NOT); break;
        case ast::UnaryOperator::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case ast::UnaryOperator::USub: emit(Opcode::UNARY_NEGATIVE); break;
        }
        break;
    }
    case ExprKind::BoolOp: visitBoolOp(static_cast<const ast::BoolOp&>(e)); break;
    case ExprKind::Compare: visitCompare(static_cast<const ast::Compare&>(e)); break;
    case ExprKind::Call: visitCall(static_cast<const ast::Call&>(e)); break;
    case ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(e);
        visitExpr(*a.value);
        emitAttrOp(Opcode::LOAD_ATTR, a.attr);
        break;
    }
    case ExprKind::Subscript: visitSubscript(static_cast<const ast::Subscript&>(e)); break;
    case ExprKind::Slice: visitSlice(static_cast<const ast::Slice&>(e)); break;
    case ExprKind::Starred: error("can't use starred expression here", e.span);
    case ExprKind::List: visitSequence(static_cast<const ast::List&>(e).elts, Opcode::BUILD_LIST, false); break;
    case ExprKind::Tuple: visitSequence(static_cast<const ast::Tuple&>(e).elts, Opcode::BUILD_LIST, true); break;
    case ExprKind::Set: visitSequence(static_cast<const ast::Set&>(e).elts, Opcode::BUILD_SET, false); break;
    case ExprKind::Dict: visitDict(static_cast<const ast::Dict&>(e)); break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: visitComprehension(e); break;
    case ExprKind::Lambda: visitLambda(static_cast<const ast::Lambda&>(e)); break;
    case ExprKind::IfExp: {
        auto& i = static_cast<const ast::IfExp&>(e);
        int next = newLabel(), end = newLabel();
        visitJumpIf(*i.test, false, next);
        visitExpr(*i.body);
        emitJump(Opcode::JUMP, end);
        bind(next);
        visitExpr(*i.orelse);
        bind(end);
        break;
    }
    case ExprKind::Await:
    case ExprKind::Yield:
    case ExprKind::YieldFrom: visitAwaitLike(e); break;
    case ExprKind::NamedExpr: {
        auto& n = static_cast<const ast::NamedExpr&>(e);
        checkStoreTarget(*n.target, false);
        visitExpr(*n.value);
        emit(Opcode::DUP_TOP);
        visitStore(*n.target);
        break;
    }
    }
}

void Compiler::visitAwaitLike(const ast::Expr& e)
{
    if (e.kind == ExprKind::Await) {
        if (!isFunctionLike())
            error("'await' outside function", e.span);
        if (u().type != UnitType::AsyncFunction && u().type != UnitType::Comprehension)
            error("'await' outside async function", e.span);
        visitExpr(*static_cast<const ast::Await&>(e).value);
        emit(Opcode::GET_AWAITABLE, 0);
        loadConst(NoneConst{});
        emit(Opcode::YIELD_FROM);
        return;
    }
    if (!isFunctionLike())
        error("'yield' outside function", e.span);
    if (e.kind == ExprKind::Yield) {
        auto& y = static_cast<const ast::Yield&>(e);
        if (y.value)
            visitExpr(*y.value);
        else
            loadConst(NoneConst{});
        emit(Opcode::YIELD_VALUE);
        return;
    }
    if (u().type == UnitType::AsyncFunction)
        error("'yield from' inside async function", e.span);
    visitExpr(*static_cast<const ast::YieldFrom&>(e).value);
    emit(Opcode::GET_YIELD_FROM_ITER);
    loadConst(NoneConst{});
    emit(Opcode::YIELD_FROM);
}

void Compiler::visitFString(const ast::JoinedStr& e)
{
    if (e.values.empty()) {
        loadConst(std::string());
        return;
    }
    for (const auto& v : e.values)
        visitExpr(*v);
    if (e.values.size() > 1)
        emit(Opcode::BUILD_STRING, uint32_t(e.values.size()));
    else if (e.values[0]->kind != ExprKind::FormattedValue && e.values[0]->kind != ExprKind::Constant)
        emit(Opcode::BUILD_STRING, 1);
}

void Compiler::visitFormattedValue(const ast::FormattedValue& e)
{
    visitExpr(*e.value);
    uint32_t arg = 0;
    switch (e.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: break;
    }
    if (e.formatSpec) {
        visitExpr(*e.formatSpec);
        arg |= 4;
    }
    emit(Opcode::FORMAT_VALUE, arg);
}

void Compiler::visitBoolOp(const ast::BoolOp& e)
{
    int end = newLabel();
    Opcode jump = e.op == ast::BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
    for (size_t i = 0; i + 1 < e.values.size(); ++i) {
        visitExpr(*e.values[i]);
        emitJump(jump, end);
    }
    visitExpr(*e.values.back());
    bind(end);
}

// a < b < c: b is evaluated once and kept (DUP_TOP; ROT_THREE) for the next
// comparison; a false link short-circuits to the cleanup that drops it.
void Compiler::visitCompare(const ast::Compare& e)
{
    visitExpr(*e.left);
    const size_t n = e.ops.size();
    if (n == 1) {
        visitExpr(*e.comparators[0]);
        emitCompareOp(*this, e.ops[0]);
        return;
    }
    int cleanup = newLabel(), end = newLabel();
    for (size_t i = 0; i + 1 < n; ++i) {
        visitExpr(*e.comparators[i]);
        emit(Opcode::DUP_TOP);
        emit(Opcode::ROT_THREE);
        emitCompareOp(*this, e.ops[i]);
        emitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visitExpr(*e.comparators[n - 1]);
    emitCompareOp(*this, e.ops[n - 1]);
    emitJump(Opcode::JUMP, end);
    bind(cleanup);
    emit(Opcode::ROT_TWO);
    emit(Opcode::POP_TOP);
    bind(end);
}

// Jumps to `label` when e's truth equals `jumpIfTrue`, without building a
// bool for `not`, `and`, `or` (CPython's compiler_jump_if).
void Compiler::visitJumpIf(const ast::Expr& e, bool cond, int label)
{
    if (e.kind == ExprKind::UnaryOp && static_cast<const ast::UnaryOp&>(e).op == ast::UnaryOperator::Not) {
        visitJumpIf(*static_cast<const ast::UnaryOp&>(e).operand, !cond, label);
        return;
    }
    if (e.kind == ExprKind::BoolOp) {
        auto& b = static_cast<const ast::BoolOp&>(e);
        bool cond2 = b.op == ast::BoolOperator::Or;
        int next2 = label;
        if (cond2 != cond)
            next2 = newLabel();
        for (size_t i = 0; i + 1 < b.values.size(); ++i)
            visitJumpIf(*b.values[i], cond2, next2);
        visitJumpIf(*b.values.back(), cond, label);
        if (next2 != label)
            bind(next2);
        return;
    }
    visitExpr(e);
    SpanGuard g(*this, e.span);
    emitJump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
}

void Compiler::visitSubscript(const ast::Subscript& e)
{
    visitExpr(*e.value);
    visitExpr(*e.slice);
    emit(Opcode::BINARY_SUBSCR);
}

void Compiler::visitSlice(const ast::Slice& e)
{
    uint32_t n = 2;
    if (e.lower)
        visitExpr(*e.lower);
    else
        loadConst(NoneConst{});
    if (e.upper)
        visitExpr(*e.upper);
    else
        loadConst(NoneConst{});
    if (e.step) {
        visitExpr(*e.step);
        n = 3;
    }
    emit(Opcode::BUILD_SLICE, n);
}

// [a, *b, c] / (a, *b) / {a, *b}: plain elements are built in one go;
// from the first starred one on, the display grows with LIST_EXTEND/APPEND.
void Compiler::visitSequence(const ast::ExprList& elts, Opcode build, bool isTuple)
{
    bool anyStar = false;
    for (const auto& e : elts)
        anyStar = anyStar || isStarred(e);
    bool allConst = elts.size() > 2;
    for (const auto& e : elts)
        allConst = allConst && e->kind == ExprKind::Constant;
    if (build == Opcode::BUILD_SET && allConst) {
        // CPython folds this display into a frozenset constant and copies it
        // (BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1), so the set is
        // filled in the frozenset's order, which shows when it is printed.
        // The same order, without a frozenset constant: build, then copy.
        visitExprs(elts);
        emit(Opcode::BUILD_SET, uint32_t(elts.size()));
        emit(Opcode::BUILD_SET, 0);
        emit(Opcode::ROT_TWO);
        emit(Opcode::SET_UPDATE, 1);
        return;
    }
    if (!anyStar) {
        visitExprs(elts);
        emit(isTuple ? Opcode::BUILD_TUPLE : build, uint32_t(elts.size()));
        return;
    }
    const bool set = build == Opcode::BUILD_SET;
    bool seenStar = false;
    for (size_t i = 0; i < elts.size(); ++i) {
        const ast::Expr& elt = *elts[i];
        if (elt.kind == ExprKind::Starred) {
            if (!seenStar) {
                emit(build, uint32_t(i));
                seenStar = true;
            }
            visitExpr(*static_cast<const ast::Starred&>(elt).value);
            emit(set ? Opcode::SET_UPDATE : Opcode::LIST_EXTEND, 1);
        } else {
            visitExpr(elt);
            if (seenStar)
                emit(set ? Opcode::SET_ADD : Opcode::LIST_APPEND, 1);
        }
    }
    if (isTuple)
        emit(Opcode::LIST_TO_TUPLE);
}

void Compiler::visitDict(const ast::Dict& e)
{
    bool haveDict = false;
    size_t pending = 0;   // plain key/value pairs on the stack
    auto flush = [&]() {
        if (!pending)
            return;
        emit(Opcode::BUILD_MAP, uint32_t(pending));
        if (haveDict)
            emit(Opcode::DICT_UPDATE, 1);
        haveDict = true;
        pending = 0;
    };
    for (size_t i = 0; i < e.keys.size(); ++i) {
        if (!e.keys[i]) {
            flush();
            if (!haveDict) {
                emit(Opcode::BUILD_MAP, 0);
                haveDict = true;
            }
            visitExpr(*e.values[i]);
            emit(Opcode::DICT_UPDATE, 1);
        } else {
            visitExpr(*e.keys[i]);
            visitExpr(*e.values[i]);
            ++pending;
        }
    }
    flush();
    if (!haveDict)
        emit(Opcode::BUILD_MAP, 0);
}

void Compiler::visitCall(const ast::Call& e)
{
    // Keywords repeated literally are a compile-time error in CPython.
    std::set<std::string> seen;
    for (const auto& k : e.keywords) {
        if (k.arg && !seen.insert(*k.arg).second)
            error("keyword argument repeated: " + *k.arg, k.span);
    }
    bool plain = e.keywords.empty();
    for (const auto& a : e.args)
        plain = plain && !isStarred(a);
    if (plain && e.func->kind == ExprKind::Attribute) {
        auto& attr = static_cast<const ast::Attribute&>(*e.func);
        visitExpr(*attr.value);
        {
            SpanGuard g(*this, attr.span);
            emitAttrOp(Opcode::LOAD_METHOD, attr.attr);
        }
        visitExprs(e.args);
        emit(Opcode::CALL_METHOD, uint32_t(e.args.size()));
        return;
    }
    visitExpr(*e.func);
    callHelper(0, e.args, e.keywords);
}

// Arguments of a call whose callee (and `alreadyPushed` leading positional
// arguments, for classes) is on the stack.
void Compiler::callHelper(size_t pushed, const ast::ExprList& args, const std::vector<ast::Keyword>& keywords)
{
    bool ex = false;
    for (const auto& a : args)
        ex = ex || isStarred(a);
    for (const auto& k : keywords)
        ex = ex || !k.arg;
    if (!ex) {
        visitExprs(args);
        if (!keywords.empty()) {
            StrTuple names;
            for (const auto& k : keywords) {
                visitExpr(*k.value);
                names.items.push_back(*k.arg);
            }
            loadConst(names);
            emit(Opcode::CALL_FUNCTION_KW, uint32_t(pushed + args.size() + keywords.size()));
        } else {
            emit(Opcode::CALL_FUNCTION, uint32_t(pushed + args.size()));
        }
        return;
    }
    // Positional arguments as one tuple.
    {
        bool seenStar = false;
        for (size_t i = 0; i < args.size(); ++i) {
            const ast::Expr& a = *args[i];
            if (a.kind == ExprKind::Starred) {
                if (!seenStar) {
                    emit(Opcode::BUILD_LIST, uint32_t(pushed + i));
                    seenStar = true;
                }
                visitExpr(*static_cast<const ast::Starred&>(a).value);
                emit(Opcode::LIST_EXTEND, 1);
            } else {
                visitExpr(a);
                if (seenStar)
                    emit(Opcode::LIST_APPEND, 1);
            }
        }
        if (seenStar)
            emit(Opcode::LIST_TO_TUPLE);
        else
            emit(Opcode::BUILD_TUPLE, uint32_t(pushed + args.size()));
    }
    // Keyword arguments as one dict.
    if (!keywords.empty()) {
        bool haveDict = false;
        size_t pending = 0;
        auto flush = [&](size_t endIndex) {
            if (!pending)
                return;
            for (size_t j = endIndex - pending; j < endIndex; ++j) {
                SpanGuard g(*this, keywords[j].span);
                loadConst(*keywords[j].arg);
                visitExpr(*keywords[j].value);
            }
            emit(Opcode::BUILD_MAP, uint32_t(pending));
            if (haveDict)
                emit(Opcode::DICT_MERGE, 1);
            haveDict = true;
            pending = 0;
        };
        for (size_t i = 0; i < keywords.size(); ++i) {
            if (!keywords[i].arg) {
                flush(i);
                if (!haveDict) {
                    emit(Opcode::BUILD_MAP, 0);
                    haveDict = true;
                }
                visitExpr(*keywords[i].value);
                emit(Opcode::DICT_MERGE, 1);
            } else {
                ++pending;
            }
        }
        flush(keywords.size());
    }
    emit(Opcode::CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
}

void Compiler::visitUnpack(const ast::ExprList& elts, const ast::Expr& owner)
{
    size_t starIndex = elts.size();
    for (size_t i = 0; i < elts.size(); ++i) {
        if (isStarred(elts[i])) {
            if (starIndex != elts.size())
                error("multiple starred expressions in assignment", elts[i]->span);
            starIndex = i;
        }
    }
    {
        SpanGuard g(*this, owner.span);
        if (starIndex == elts.size()) {
            emit(Opcode::UNPACK_SEQUENCE, uint32_t(elts.size()));
        } else {
            size_t after = elts.size() - starIndex - 1;
            if (starIndex >= 256 || after >= (1u << 24))
                error("too many expressions in star-unpacking assignment", owner.span);
            emit(Opcode::UNPACK_EX, uint32_t(starIndex | (after << 8)));
        }
    }
    for (const auto& t : elts) {
        if (t->kind == ExprKind::Starred)
            visitStore(*static_cast<const ast::Starred&>(*t).value);
        else
            visitStore(*t);
    }
}

void Compiler::visitStore(const ast::Expr& t)
{
    SpanGuard guard(*this, t.span);
    switch (t.kind) {
    case ExprKind::Name: emitNameOp(static_cast<const ast::Name&>(t).id, ExprContext::Store); return;
    case ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(t);
        visitExpr(*a.value);
        SpanGuard g(*this, t.span);
        emitAttrOp(Opcode::STORE_ATTR, a.attr);
        return;
    }
    case ExprKind::Subscript: {
        auto& s = static_cast<const ast::Subscript&>(t);
        visitExpr(*s.value);
        visitExpr(*s.slice);
        SpanGuard g(*this, t.span);
        emit(Opcode::STORE_SUBSCR);
        return;
    }
    case ExprKind::Tuple: visitUnpack(static_cast<const ast::Tuple&>(t).elts, t); return;
    case ExprKind::List: visitUnpack(static_cast<const ast::List&>(t).elts, t); return;
    case ExprKind::Starred: error("starred assignment target must be in a list or tuple", t.span);
    default: checkStoreTarget(t, false); error("cannot assign to expression", t.span);
    }
}

void Compiler::visitDelete(const ast::Expr& t)
{
    SpanGuard guard(*this, t.span);
    switch (t.kind) {
    case ExprKind::Name: emitNameOp(static_cast<const ast::Name&>(t).id, ExprContext::Del); return;
    case ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(t);
        visitExpr(*a.value);
        SpanGuard g(*this, t.span);
        emitAttrOp(Opcode::DELETE_ATTR, a.attr);
        return;
    }
    case ExprKind::Subscript: {
        auto& s = static_cast<const ast::Subscript&>(t);
        visitExpr(*s.value);
        visitExpr(*s.slice);
        SpanGuard g(*this, t.span);
        emit(Opcode::DELETE_SUBSCR);
        return;
    }
    case ExprKind::Tuple:
        for (const auto& e : static_cast<const ast::Tuple&>(t).elts)
            visitDelete(*e);
        return;
    case ExprKind::List:
        for (const auto& e : static_cast<const ast::List&>(t).elts)
            visitDelete(*e);
        return;
    default: checkStoreTarget(t, true); error("cannot delete expression", t.span);
    }
}

}  // namespace aw::lang::detail
