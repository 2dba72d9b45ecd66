// Statements: assignments, control flow, imports. Exception blocks live in
// compiler_except.cpp, definitions in compiler_func.cpp.

#include "core/lang/compiler_impl.h"

namespace aw::lang::detail {

using namespace bytecode;
using ast::ExprContext;
using ast::ExprKind;
using ast::StmtKind;

void Compiler::visitStmts(const ast::StmtList& body)
{
    for (const auto& s : body)
        visitStmt(*s);
}

void Compiler::visitStmt(const ast::Stmt& s)
{
    SpanGuard guard(*this, s.span);
    if (s.span.line != u().lastStmtLine) {
        u().pendingLineStart = true;
        u().lastStmtLine = s.span.line;
    }
    switch (s.kind) {
    case StmtKind::FunctionDef: visitFunctionDef(static_cast<const ast::FunctionDef&>(s)); break;
    case StmtKind::ClassDef: visitClassDef(static_cast<const ast::ClassDef&>(s)); break;
    case StmtKind::Return: visitReturn(static_cast<const ast::Return&>(s)); break;
    case StmtKind::Delete:
        for (const auto& t : static_cast<const ast::Delete&>(s).targets)
            visitDelete(*t);
        break;
    case StmtKind::Assign: {
        auto& a = static_cast<const ast::Assign&>(s);
        for (const auto& t : a.targets)
            checkStoreTarget(*t, false);
        visitExpr(*a.value);
        for (size_t i = 0; i < a.targets.size(); ++i) {
            if (i + 1 < a.targets.size())
                emit(Opcode::DUP_TOP);
            visitStore(*a.targets[i]);
        }
        break;
    }
    case StmtKind::AugAssign: visitAugAssign(static_cast<const ast::AugAssign&>(s)); break;
    case StmtKind::AnnAssign: {
        auto& a = static_cast<const ast::AnnAssign&>(s);
        checkStoreTarget(*a.target, false);
        if (a.value) {
            visitExpr(*a.value);
            visitStore(*a.target);
        }
        break;
    }
    case StmtKind::For: {
        auto& f = static_cast<const ast::For&>(s);
        if (f.isAsync)
            visitAsyncFor(f);
        else
            visitFor(f);
        break;
    }
    case StmtKind::While: visitWhile(static_cast<const ast::While&>(s)); break;
    case StmtKind::If: visitIf(static_cast<const ast::If&>(s)); break;
    case StmtKind::With: {
        auto& w = static_cast<const ast::With&>(s);
        if (w.isAsync) {
            if (u().type != UnitType::AsyncFunction)
                error("'async with' outside async function", s.span);
            visitAsyncWith(w, 0);
        } else {
            visitWith(w, 0);
        }
        break;
    }
    case StmtKind::Raise: visitRaise(static_cast<const ast::Raise&>(s)); break;
    case StmtKind::Try: visitTry(static_cast<const ast::Try&>(s)); break;
    case StmtKind::Assert: visitAssert(static_cast<const ast::Assert&>(s)); break;
    case StmtKind::Import: visitImport(static_cast<const ast::Import&>(s)); break;
    case StmtKind::ImportFrom: visitImportFrom(static_cast<const ast::ImportFrom&>(s)); break;
    case StmtKind::Global:
    case StmtKind::Nonlocal: break;
    case StmtKind::Pass:
        emit(Opcode::NOP);   // gives the line its own step, as CPython's line events do
        break;
    case StmtKind::ExprStmt: {
        auto& e = *static_cast<const ast::ExprStmt&>(s).value;
        if (e.kind == ExprKind::Constant)
            break;   // a docstring or a bare constant does nothing, as in CPython
        visitExpr(e);
        emit(Opcode::POP_TOP);
        break;
    }
    case StmtKind::Break: visitBreakContinue(s, true); break;
    case StmtKind::Continue: visitBreakContinue(s, false); break;
    }
}

void Compiler::visitReturn(const ast::Return& s)
{
    if (!isFunctionLike())
        error("'return' outside function", s.span);
    if (s.value && u().scope->isCoroutine && u().scope->isGenerator)
        error("'return' with value in async generator", s.span);
    if (s.value) {
        visitExpr(*s.value);
        unwindFBlockStack(true, nullptr);
    } else {
        unwindFBlockStack(false, nullptr);
        loadConst(NoneConst{});
    }
    emit(Opcode::RETURN_VALUE);
}

void Compiler::visitBreakContinue(const ast::Stmt& s, bool isBreak)
{
    FBlock loop;
    if (!unwindFBlockStack(false, &loop))
        error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s.span);
    if (isBreak) {
        unwindFBlock(loop, false);
        emitJump(Opcode::JUMP, loop.exit);
    } else {
        emitJump(Opcode::JUMP, loop.start);
    }
}

void Compiler::visitFor(const ast::For& s)
{
    int start = newLabel(), cleanup = newLabel(), end = newLabel();
    pushFBlock(FBlock{FBlockKind::ForLoop, start, end}, s.span);
    visitExpr(*s.iter);
    emit(Opcode::GET_ITER);
    bind(start);
    markLineStart();   // each iteration re-enters the `for` line
    emitJump(Opcode::FOR_ITER, cleanup);
    visitStore(*s.target);
    visitStmts(s.body);
    {
        SpanGuard g(*this, s.span);
        emitJump(Opcode::JUMP, start);
    }
    bind(cleanup);
    popFBlock();
    visitStmts(s.orelse);
    bind(end);
}

void Compiler::visitWhile(const ast::While& s)
{
    int loop = newLabel(), anchor = newLabel(), end = newLabel();
    bind(loop);
    pushFBlock(FBlock{FBlockKind::WhileLoop, loop, end}, s.span);
    bool alwaysTrue = false;
    if (s.test->kind == ExprKind::Constant) {
        auto& c = static_cast<const ast::Constant&>(*s.test);
        alwaysTrue = c.ckind == ast::ConstantKind::True || (c.ckind == ast::ConstantKind::Int && c.intValue != 0);
    }
    if (!alwaysTrue)
        visitJumpIf(*s.test, false, anchor);
    else
        emit(Opcode::NOP);   // keeps the `while` line visible to the tracer
    visitStmts(s.body);
    {
        SpanGuard g(*this, s.span);
        emitJump(Opcode::JUMP, loop);
    }
    popFBlock();
    bind(anchor);
    visitStmts(s.orelse);
    bind(end);
}

void Compiler::visitIf(const ast::If& s)
{
    int next = newLabel();
    visitJumpIf(*s.test, false, next);
    visitStmts(s.body);
    if (!s.orelse.empty()) {
        int end = newLabel();
        emitJump(Opcode::JUMP, end);
        bind(next);
        visitStmts(s.orelse);
        bind(end);
    } else {
        bind(next);
    }
}

void Compiler::visitImport(const ast::Import& s)
{
    for (const auto& alias : s.names) {
        SpanGuard g(*this, alias.span);
        loadConst(int64_t(0));
        loadConst(NoneConst{});
        emit(Opcode::IMPORT_NAME, nameIndex(alias.name));
        if (alias.asname) {
            // `import a.b.c as d` binds d to the innermost module.
            size_t dot = alias.name.find('.');
            if (dot != std::string::npos) {
                while (true) {
                    size_t pos = dot + 1;
                    dot = alias.name.find('.', pos);
                    std::string attr = alias.name.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
                    emit(Opcode::IMPORT_FROM, nameIndex(attr));
                    if (dot == std::string::npos)
                        break;
                    emit(Opcode::ROT_TWO);
                    emit(Opcode::POP_TOP);
                }
                emitNameOp(*alias.asname, ExprContext::Store);
                emit(Opcode::POP_TOP);
            } else {
                emitNameOp(*alias.asname, ExprContext::Store);
            }
        } else {
            // `import a.b` binds `a` (IMPORT_NAME with no fromlist gives the top package).
            emitNameOp(alias.name.substr(0, alias.name.find('.')), ExprContext::Store);
        }
    }
}

void Compiler::visitImportFrom(const ast::ImportFrom& s)
{
    StrTuple fromlist;
    for (const auto& alias : s.names)
        fromlist.items.push_back(alias.name);
    loadConst(int64_t(s.level));
    loadConst(fromlist);
    emit(Opcode::IMPORT_NAME, nameIndex(s.module));
    for (const auto& alias : s.names) {
        SpanGuard g(*this, alias.span);
        emit(Opcode::IMPORT_FROM, nameIndex(alias.name));
        emitNameOp(alias.asname ? *alias.asname : alias.name, ExprContext::Store);
    }
    emit(Opcode::POP_TOP);
}

namespace {
uint32_t binaryOpArg(ast::Operator op)
{
    using O = ast::Operator;
    using B = BinaryOpArg;
    switch (op) {
    case O::Add: return uint32_t(B::Add);
    case O::Sub: return uint32_t(B::Sub);
    case O::Mult: return uint32_t(B::Mul);
    case O::MatMult: return uint32_t(B::MatMul);
    case O::Div: return uint32_t(B::TrueDiv);
    case O::Mod: return uint32_t(B::Mod);
    case O::Pow: return uint32_t(B::Pow);
    case O::LShift: return uint32_t(B::LShift);
    case O::RShift: return uint32_t(B::RShift);
    case O::BitOr: return uint32_t(B::Or);
    case O::BitXor: return uint32_t(B::Xor);
    case O::BitAnd: return uint32_t(B::And);
    case O::FloorDiv: return uint32_t(B::FloorDiv);
    }
    return 0;
}
}  // namespace

uint32_t operatorArg(ast::Operator op) { return binaryOpArg(op); }

void Compiler::visitAugAssign(const ast::AugAssign& s)
{
    const ast::Expr& t = *s.target;
    const uint32_t op = binaryOpArg(s.op) | kInplace;
    switch (t.kind) {
    case ExprKind::Name: {
        auto& n = static_cast<const ast::Name&>(t);
        {
            SpanGuard g(*this, t.span);
            emitNameOp(n.id, ExprContext::Load);
        }
        visitExpr(*s.value);
        emit(Opcode::BINARY_OP, op);
        SpanGuard g(*this, t.span);
        emitNameOp(n.id, ExprContext::Store);
        break;
    }
    case ExprKind::Attribute: {
        auto& a = static_cast<const ast::Attribute&>(t);
        visitExpr(*a.value);
        {
            SpanGuard g(*this, t.span);
            emit(Opcode::DUP_TOP);
            emitAttrOp(Opcode::LOAD_ATTR, a.attr);
        }
        visitExpr(*s.value);
        emit(Opcode::BINARY_OP, op);
        SpanGuard g(*this, t.span);
        emit(Opcode::ROT_TWO);
        emitAttrOp(Opcode::STORE_ATTR, a.attr);
        break;
    }
    case ExprKind::Subscript: {
        auto& sub = static_cast<const ast::Subscript&>(t);
        visitExpr(*sub.value);
        visitExpr(*sub.slice);
        {
            SpanGuard g(*this, t.span);
            emit(Opcode::DUP_TOP_TWO);
            emit(Opcode::BINARY_SUBSCR);
        }
        visitExpr(*s.value);
        emit(Opcode::BINARY_OP, op);
        SpanGuard g(*this, t.span);
        emit(Opcode::ROT_THREE);
        emit(Opcode::STORE_SUBSCR);
        break;
    }
    default:
        checkStoreTarget(t, false);
        error("'" + std::string("expression") + "' is an illegal expression for augmented assignment", t.span);
    }
}

}  // namespace aw::lang::detail
