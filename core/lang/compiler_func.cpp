// Definitions that make a new code unit: functions, lambdas, class bodies
// and comprehensions (see compiler.h for the sequences).

#include "core/lang/compiler_impl.h"

namespace aw::lang::detail {

using namespace bytecode;
using ast::ExprContext;
using ast::ExprKind;

namespace {
bool isDocstring(const ast::StmtList& body)
{
    if (body.empty() || body[0]->kind != ast::StmtKind::ExprStmt)
        return false;
    auto& v = *static_cast<const ast::ExprStmt&>(*body[0]).value;
    return v.kind == ExprKind::Constant && static_cast<const ast::Constant&>(v).ckind == ast::ConstantKind::Str;
}
}  // namespace

// Positional defaults as a tuple, keyword-only defaults as a dict; returns
// the MAKE_FUNCTION bits for what was pushed.
uint32_t Compiler::visitDefaults(const ast::Arguments& args)
{
    uint32_t flags = 0;
    if (!args.defaults.empty()) {
        visitExprs(args.defaults);
        emit(Opcode::BUILD_TUPLE, uint32_t(args.defaults.size()));
        flags |= kMakeDefaults;
    }
    uint32_t nkw = 0;
    for (size_t i = 0; i < args.kwonlyargs.size() && i < args.kwDefaults.size(); ++i) {
        if (!args.kwDefaults[i])
            continue;
        loadConst(mangle(args.kwonlyargs[i].name));
        visitExpr(*args.kwDefaults[i]);
        ++nkw;
    }
    if (nkw) {
        emit(Opcode::BUILD_MAP, nkw);
        flags |= kMakeKwDefaults;
    }
    return flags;
}

// The cell-or-free index, in the current unit, of a child's free variable.
uint32_t Compiler::closureIndex(const std::string& name)
{
    Unit& unit = u();
    auto cell = unit.cellvars.find(name);
    if (cell != unit.cellvars.end())
        return cell->second;
    auto free = unit.freevars.find(name);
    if (free != unit.freevars.end())
        return uint32_t(unit.code->cellvars.size()) + free->second;
    throw SyntaxError("SystemError", "compiler: no cell for free variable '" + name + "'", unit.span.line, unit.span.col);
}

void Compiler::makeClosure(const std::shared_ptr<const CodeUnit>& code, uint32_t flags)
{
    if (!code->freevars.empty()) {
        for (const auto& name : code->freevars)
            emit(Opcode::LOAD_CLOSURE, closureIndex(name));
        emit(Opcode::BUILD_TUPLE, uint32_t(code->freevars.size()));
        flags |= kMakeClosure;
    }
    loadConst(code);
    emit(Opcode::MAKE_FUNCTION, flags);
}

void Compiler::visitFunctionDef(const ast::FunctionDef& s)
{
    visitExprs(s.decorators);
    uint32_t flags = visitDefaults(s.args);
    const Scope* scope = m_table.scopeFor(&s);
    enterUnit(scope, s.isAsync ? UnitType::AsyncFunction : UnitType::Function, s.name, s.span);
    if (!s.decorators.empty())
        u().code->firstLine = s.decorators.front()->span.line;   // co_firstlineno counts decorators
    visitStmts(s.body);
    if (!s.body.empty())
        u().span = s.body.back()->span;
    loadConst(NoneConst{});
    emit(Opcode::RETURN_VALUE);
    auto code = exitUnit();
    makeClosure(code, flags);
    for (size_t i = 0; i < s.decorators.size(); ++i)
        emit(Opcode::CALL_FUNCTION, 1);
    emitNameOp(s.name, ExprContext::Store);
}

void Compiler::visitLambda(const ast::Lambda& e)
{
    uint32_t flags = visitDefaults(e.args);
    const Scope* scope = m_table.scopeFor(&e);
    enterUnit(scope, UnitType::Lambda, "<lambda>", e.span);
    u().pendingLineStart = true;
    visitExpr(*e.body);
    if (scope->isGenerator) {
        emit(Opcode::POP_TOP);
        loadConst(NoneConst{});
    }
    emit(Opcode::RETURN_VALUE);
    auto code = exitUnit();
    makeClosure(code, flags);
}

void Compiler::visitClassDef(const ast::ClassDef& s)
{
    visitExprs(s.decorators);
    emit(Opcode::LOAD_BUILD_CLASS);
    const Scope* scope = m_table.scopeFor(&s);
    enterUnit(scope, UnitType::Class, s.name, s.span);
    if (!s.decorators.empty())
        u().code->firstLine = s.decorators.front()->span.line;
    u().pendingLineStart = true;
    u().lastStmtLine = s.span.line;
    emit(Opcode::LOAD_NAME, nameIndex("__name__"));
    emit(Opcode::STORE_NAME, nameIndex("__module__"));
    loadConst(u().code->qualname);
    emit(Opcode::STORE_NAME, nameIndex("__qualname__"));
    if (isDocstring(s.body)) {
        auto& doc = static_cast<const ast::Constant&>(*static_cast<const ast::ExprStmt&>(*s.body[0]).value);
        SpanGuard g(*this, doc.span);
        loadConst(doc.strValue);
        emit(Opcode::STORE_NAME, nameIndex("__doc__"));
    }
    visitStmts(s.body);
    if (!s.body.empty())
        u().span = s.body.back()->span;
    if (scope->needsClassClosure) {
        emit(Opcode::LOAD_CLOSURE, u().cellvars.at("__class__"));
        emit(Opcode::DUP_TOP);
        emit(Opcode::STORE_NAME, nameIndex("__classcell__"));
    } else {
        loadConst(NoneConst{});
    }
    emit(Opcode::RETURN_VALUE);
    auto code = exitUnit();
    makeClosure(code, 0);
    loadConst(s.name);
    callHelper(2, s.bases, s.keywords);
    for (size_t i = 0; i < s.decorators.size(); ++i)
        emit(Opcode::CALL_FUNCTION, 1);
    emitNameOp(s.name, ExprContext::Store);
}

void Compiler::visitComprehension(const ast::Expr& e)
{
    const std::vector<ast::Comprehension>* gens = nullptr;
    const ast::Expr* elt = nullptr;
    const ast::Expr* val = nullptr;
    const char* name = "<genexpr>";
    switch (e.kind) {
    case ExprKind::ListComp: {
        auto& c = static_cast<const ast::ListComp&>(e);
        gens = &c.generators;
        elt = c.elt.get();
        name = "<listcomp>";
        break;
    }
    case ExprKind::SetComp: {
        auto& c = static_cast<const ast::SetComp&>(e);
        gens = &c.generators;
        elt = c.elt.get();
        name = "<setcomp>";
        break;
    }
    case ExprKind::DictComp: {
        auto& c = static_cast<const ast::DictComp&>(e);
        gens = &c.generators;
        elt = c.key.get();
        val = c.value.get();
        name = "<dictcomp>";
        break;
    }
    default: {
        auto& c = static_cast<const ast::GeneratorExp&>(e);
        gens = &c.generators;
        elt = c.elt.get();
        break;
    }
    }
    const bool genexp = e.kind == ExprKind::GeneratorExp;
    const Scope* scope = m_table.scopeFor(&e);
    const bool isAsync = scope->isCoroutine;
    const UnitType outer = u().type;
    if (isAsync && !genexp && outer != UnitType::AsyncFunction && outer != UnitType::Comprehension)
        error("asynchronous comprehension outside of an asynchronous function", e.span);

    enterUnit(scope, UnitType::Comprehension, name, e.span);
    u().pendingLineStart = true;
    switch (e.kind) {
    case ExprKind::ListComp: emit(Opcode::BUILD_LIST, 0); break;
    case ExprKind::SetComp: emit(Opcode::BUILD_SET, 0); break;
    case ExprKind::DictComp: emit(Opcode::BUILD_MAP, 0); break;
    default: break;
    }
    comprehensionGenerator(*gens, 0, 0, e, elt, val);
    if (genexp)
        loadConst(NoneConst{});
    emit(Opcode::RETURN_VALUE);
    auto code = exitUnit();

    makeClosure(code, 0);
    const ast::Comprehension& first = (*gens)[0];
    visitExpr(*first.iter);
    emit(first.isAsync ? Opcode::GET_AITER : Opcode::GET_ITER);
    emit(Opcode::CALL_FUNCTION, 1);
    if (isAsync && !genexp) {
        emit(Opcode::GET_AWAITABLE, 0);
        loadConst(NoneConst{});
        emit(Opcode::YIELD_FROM);
    }
}

void Compiler::comprehensionElement(const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val, int depth)
{
    switch (e.kind) {
    case ExprKind::GeneratorExp:
        visitExpr(*elt);
        emit(Opcode::YIELD_VALUE);
        emit(Opcode::POP_TOP);
        break;
    case ExprKind::ListComp:
        visitExpr(*elt);
        emit(Opcode::LIST_APPEND, uint32_t(depth + 1));
        break;
    case ExprKind::SetComp:
        visitExpr(*elt);
        emit(Opcode::SET_ADD, uint32_t(depth + 1));
        break;
    default:
        visitExpr(*elt);
        visitExpr(*val);
        emit(Opcode::MAP_ADD, uint32_t(depth + 1));
        break;
    }
}

void Compiler::comprehensionGenerator(const std::vector<ast::Comprehension>& gens, size_t index, int depth,
                                      const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val)
{
    const ast::Comprehension& gen = gens[index];
    if (gen.isAsync) {
        asyncComprehensionGenerator(gens, index, depth, e, elt, val);
        return;
    }
    int start = newLabel(), ifCleanup = newLabel(), anchor = newLabel();
    if (index == 0) {
        emit(Opcode::LOAD_FAST, varIndex(".0"));
    } else {
        visitExpr(*gen.iter);
        emit(Opcode::GET_ITER);
    }
    bind(start);
    {
        SpanGuard g(*this, gen.iter->span);
        emitJump(Opcode::FOR_ITER, anchor);
    }
    visitStore(*gen.target);
    ++depth;
    for (const auto& cond : gen.ifs)
        visitJumpIf(*cond, false, ifCleanup);
    if (index + 1 < gens.size())
        comprehensionGenerator(gens, index + 1, depth, e, elt, val);
    else
        comprehensionElement(e, elt, val, depth);
    bind(ifCleanup);
    emitJump(Opcode::JUMP, start);
    bind(anchor);
}

void Compiler::asyncComprehensionGenerator(const std::vector<ast::Comprehension>& gens, size_t index, int depth,
                                           const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val)
{
    const ast::Comprehension& gen = gens[index];
    int start = newLabel(), except = newLabel(), ifCleanup = newLabel();
    if (index == 0) {
        emit(Opcode::LOAD_FAST, varIndex(".0"));
    } else {
        visitExpr(*gen.iter);
        emit(Opcode::GET_AITER);
    }
    bind(start);
    {
        SpanGuard g(*this, gen.iter->span);
        emitJump(Opcode::SETUP_FINALLY, except);
        emit(Opcode::GET_ANEXT);
        loadConst(NoneConst{});
        emit(Opcode::YIELD_FROM);
        emit(Opcode::POP_BLOCK);
    }
    // Counts towards the nesting limit as in CPython; nothing to unwind.
    pushFBlock(FBlock{FBlockKind::ExceptionHandler}, e.span);
    visitStore(*gen.target);
    ++depth;
    for (const auto& cond : gen.ifs)
        visitJumpIf(*cond, false, ifCleanup);
    if (index + 1 < gens.size())
        comprehensionGenerator(gens, index + 1, depth, e, elt, val);
    else
        comprehensionElement(e, elt, val, depth);
    bind(ifCleanup);
    emitJump(Opcode::JUMP, start);
    popFBlock();
    bind(except);
    emit(Opcode::END_ASYNC_FOR);
}

}  // namespace aw::lang::detail
