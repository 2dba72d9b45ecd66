// Block-stack constructs: try/except/finally, with, async with, async for,
// raise, assert, and the exit code run when return/break/continue leave
// blocks early. compiler.h documents every sequence emitted here.

#include "core/lang/compiler_impl.h"

namespace aw::lang::detail {

using namespace bytecode;
using ast::ExprContext;

namespace {
constexpr size_t kMaxBlocks = 20;   // CPython's CO_MAXBLOCKS
}

void Compiler::pushFBlock(FBlock b, const SourceSpan& span)
{
    if (u().fblocks.size() >= kMaxBlocks)
        error("too many statically nested blocks", span);
    u().fblocks.push_back(std::move(b));
}

void Compiler::callExitWithNones()
{
    loadConst(NoneConst{});
    emit(Opcode::DUP_TOP);
    emit(Opcode::DUP_TOP);
    emit(Opcode::CALL_FUNCTION, 3);
}

void Compiler::unwindFBlock(const FBlock& b, bool preserveTos)
{
    switch (b.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
        return;
    case FBlockKind::ExceptStarHandler:
        error("'break', 'continue' and 'return' cannot appear in an except* block", u().span);
    case FBlockKind::ForLoop:
        if (preserveTos)
            emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);   // the iterator (async for: the async iterator)
        return;
    case FBlockKind::TryExcept:
        emit(Opcode::POP_BLOCK);
        return;
    case FBlockKind::FinallyTry: {
        emit(Opcode::POP_BLOCK);
        if (preserveTos)
            pushFBlock(FBlock{FBlockKind::PopValue}, u().span);
        // The finally body runs in place; its own statements set the spans.
        int savedLine = u().lastStmtLine;
        visitStmts(*b.finalBody);
        u().lastStmtLine = savedLine;
        u().pendingLineStart = true;
        if (preserveTos)
            popFBlock();
        return;
    }
    case FBlockKind::FinallyEnd:
        if (preserveTos)
            emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);   // the exception
        emit(Opcode::POP_EXCEPT);
        return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
        emit(Opcode::POP_BLOCK);
        if (preserveTos)
            emit(Opcode::ROT_TWO);
        callExitWithNones();
        if (b.kind == FBlockKind::AsyncWith) {
            emit(Opcode::GET_AWAITABLE, 2);
            loadConst(NoneConst{});
            emit(Opcode::YIELD_FROM);
        }
        emit(Opcode::POP_TOP);
        return;
    case FBlockKind::HandlerCleanup:
        if (b.named)
            emit(Opcode::POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        if (b.named) {
            loadConst(NoneConst{});
            emitNameOp(b.handlerName, ExprContext::Store);
            emitNameOp(b.handlerName, ExprContext::Del);
        }
        return;
    case FBlockKind::PopValue:
        if (preserveTos)
            emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);
        return;
    }
}

bool Compiler::unwindFBlockStack(bool preserveTos, FBlock* loop)
{
    if (u().fblocks.empty())
        return false;
    FBlock top = u().fblocks.back();
    if (loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
        *loop = top;
        return true;
    }
    // Pop it while its exit code is emitted, so a `return` inside a finally
    // body does not run that finally body again.
    u().fblocks.pop_back();
    unwindFBlock(top, preserveTos);
    bool found = unwindFBlockStack(preserveTos, loop);
    u().fblocks.push_back(std::move(top));
    return found;
}

void Compiler::visitTry(const ast::Try& s)
{
    if (!s.finalbody.empty())
        visitTryFinally(s);
    else if (s.isStar)
        visitTryStar(s);
    else
        visitTryExcept(s);
}

void Compiler::visitTryFinally(const ast::Try& s)
{
    int end = newLabel(), exit = newLabel();
    emitJump(Opcode::SETUP_FINALLY, end);
    FBlock fb{FBlockKind::FinallyTry};
    fb.finalBody = &s.finalbody;
    pushFBlock(fb, s.span);
    if (!s.handlers.empty() && s.isStar)
        visitTryStar(s);
    else if (!s.handlers.empty())
        visitTryExcept(s);
    else
        visitStmts(s.body);
    emit(Opcode::POP_BLOCK);
    popFBlock();
    visitStmts(s.finalbody);
    emitJump(Opcode::JUMP, exit);

    bind(end);   // [exc]
    pushFBlock(FBlock{FBlockKind::FinallyEnd}, s.span);
    u().lastStmtLine = -1;   // the finally body's first line starts again here
    visitStmts(s.finalbody);
    popFBlock();
    emit(Opcode::RERAISE);
    bind(exit);
}

void Compiler::visitTryExcept(const ast::Try& s)
{
    int except = newLabel(), orelse = newLabel(), end = newLabel();
    emitJump(Opcode::SETUP_FINALLY, except);
    pushFBlock(FBlock{FBlockKind::TryExcept}, s.span);
    visitStmts(s.body);
    popFBlock();
    emit(Opcode::POP_BLOCK);
    emitJump(Opcode::JUMP, orelse);

    bind(except);   // [exc]
    pushFBlock(FBlock{FBlockKind::ExceptionHandler}, s.span);
    for (size_t i = 0; i < s.handlers.size(); ++i) {
        const ast::ExceptHandler& h = s.handlers[i];
        SpanGuard g(*this, h.span);
        if (!h.type && i + 1 < s.handlers.size())
            error("default 'except:' must be last", h.span);
        u().pendingLineStart = true;
        u().lastStmtLine = h.span.line;
        int next = newLabel();
        if (h.type) {
            emit(Opcode::DUP_TOP);
            visitExpr(*h.type);
            emitJump(Opcode::JUMP_IF_NOT_EXC_MATCH, next);
        }
        if (h.name) {
            int cleanupEnd = newLabel();
            emitNameOp(*h.name, ExprContext::Store);
            emitJump(Opcode::SETUP_FINALLY, cleanupEnd);
            FBlock hc{FBlockKind::HandlerCleanup};
            hc.named = true;
            hc.handlerName = *h.name;
            pushFBlock(hc, h.span);
            visitStmts(h.body);
            popFBlock();
            emit(Opcode::POP_BLOCK);
            emit(Opcode::POP_EXCEPT);
            loadConst(NoneConst{});
            emitNameOp(*h.name, ExprContext::Store);
            emitNameOp(*h.name, ExprContext::Del);
            emitJump(Opcode::JUMP, end);

            bind(cleanupEnd);   // [exc2]
            loadConst(NoneConst{});
            emitNameOp(*h.name, ExprContext::Store);
            emitNameOp(*h.name, ExprContext::Del);
            emit(Opcode::RERAISE);
        } else {
            emit(Opcode::POP_TOP);
            pushFBlock(FBlock{FBlockKind::HandlerCleanup}, h.span);
            visitStmts(h.body);
            popFBlock();
            emit(Opcode::POP_EXCEPT);
            emitJump(Opcode::JUMP, end);
        }
        bind(next);
    }
    popFBlock();
    emit(Opcode::RERAISE);   // no clause matched: [exc]
    bind(orelse);
    visitStmts(s.orelse);
    bind(end);
}

// try/except*: see compiler.h. A group is split clause by clause with
// BaseExceptionGroup.split(T); a naked exception matches a clause whole
// (wrapped as BaseExceptionGroup('', [exc])). Stack while the clauses run:
// [exc, rest]; rest stays the same object while nothing matches, so the
// original exception is re-raised untouched when no clause applies.
void Compiler::visitTryStar(const ast::Try& s)
{
    int except = newLabel(), orelse = newLabel(), end = newLabel();
    emitJump(Opcode::SETUP_FINALLY, except);
    pushFBlock(FBlock{FBlockKind::TryExcept}, s.span);
    visitStmts(s.body);
    popFBlock();
    emit(Opcode::POP_BLOCK);
    emitJump(Opcode::JUMP, orelse);

    bind(except);   // [exc]
    const uint32_t groupName = nameIndex("BaseExceptionGroup");
    emit(Opcode::DUP_TOP);   // [exc, rest]
    pushFBlock(FBlock{FBlockKind::ExceptStarHandler}, s.span);
    for (const ast::ExceptHandler& h : s.handlers) {
        SpanGuard g(*this, h.span);
        if (!h.type)
            error("expected one or more exception types", h.span);
        u().pendingLineStart = true;
        u().lastStmtLine = h.span.line;
        int next = newLabel(), naked = newLabel(), noMatch = newLabel(), body = newLabel();
        emit(Opcode::DUP_TOP);
        loadConst(NoneConst{});
        emit(Opcode::IS_OP, 0);
        emitJump(Opcode::POP_JUMP_IF_TRUE, next);        // everything handled already
        emit(Opcode::DUP_TOP);
        emit(Opcode::LOAD_GLOBAL, groupName);
        emitJump(Opcode::JUMP_IF_NOT_EXC_MATCH, naked);
        emit(Opcode::DUP_TOP);
        emitAttrOp(Opcode::LOAD_METHOD, "split");
        visitExpr(*h.type);
        emit(Opcode::CALL_METHOD, 1);                    // [exc, rest, (match, rest2)]
        emit(Opcode::UNPACK_SEQUENCE, 2);                // [exc, rest, rest2, match]
        emit(Opcode::DUP_TOP);
        loadConst(NoneConst{});
        emit(Opcode::IS_OP, 0);
        emitJump(Opcode::POP_JUMP_IF_TRUE, noMatch);
        emit(Opcode::ROT_THREE);                         // [exc, match, rest, rest2]
        emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);                           // [exc, match, rest2]
        emit(Opcode::ROT_TWO);                           // [exc, rest2, match]
        emitJump(Opcode::JUMP, body);

        bind(naked);                                     // [exc, rest]: not a group
        emit(Opcode::DUP_TOP);
        visitExpr(*h.type);
        emitJump(Opcode::JUMP_IF_NOT_EXC_MATCH, next);
        emit(Opcode::LOAD_GLOBAL, groupName);
        emit(Opcode::ROT_TWO);
        emit(Opcode::BUILD_LIST, 1);
        loadConst(std::string());
        emit(Opcode::ROT_TWO);
        emit(Opcode::CALL_FUNCTION, 2);                  // [exc, match]
        loadConst(NoneConst{});
        emit(Opcode::ROT_TWO);                           // [exc, None, match]
        emitJump(Opcode::JUMP, body);

        bind(noMatch);                                   // [exc, rest, rest2, None]
        emit(Opcode::POP_TOP);
        emit(Opcode::POP_TOP);
        emitJump(Opcode::JUMP, next);

        bind(body);                                      // [exc, rest, match]
        if (h.name) {
            int cleanup = newLabel();
            emitNameOp(*h.name, ExprContext::Store);
            emitJump(Opcode::SETUP_FINALLY, cleanup);
            visitStmts(h.body);
            emit(Opcode::POP_BLOCK);
            loadConst(NoneConst{});
            emitNameOp(*h.name, ExprContext::Store);
            emitNameOp(*h.name, ExprContext::Del);
            emitJump(Opcode::JUMP, next);
            bind(cleanup);                               // [exc, rest, exc2]
            loadConst(NoneConst{});
            emitNameOp(*h.name, ExprContext::Store);
            emitNameOp(*h.name, ExprContext::Del);
            emit(Opcode::RERAISE);
        } else {
            emit(Opcode::POP_TOP);
            visitStmts(h.body);
        }
        bind(next);                                      // [exc, rest]
    }
    popFBlock();
    {
        SpanGuard g(*this, s.handlers.back().span);
        int handled = newLabel();
        emit(Opcode::DUP_TOP);
        loadConst(NoneConst{});
        emit(Opcode::IS_OP, 0);
        emitJump(Opcode::POP_JUMP_IF_TRUE, handled);
        emit(Opcode::RERAISE);                           // what no clause handled (exc itself if none matched)
        bind(handled);                                   // [exc, None]
        emit(Opcode::POP_TOP);
        emit(Opcode::POP_TOP);
        emit(Opcode::POP_EXCEPT);
        emitJump(Opcode::JUMP, end);
    }
    bind(orelse);
    visitStmts(s.orelse);
    bind(end);
}

void Compiler::visitWith(const ast::With& s, size_t pos)
{
    const ast::WithItem& item = s.items[pos];
    int final = newLabel(), exit = newLabel();
    visitExpr(*item.contextExpr);
    {
        SpanGuard g(*this, item.contextExpr->span);
        emitJump(Opcode::SETUP_WITH, final);
    }
    pushFBlock(FBlock{FBlockKind::With}, s.span);
    if (item.optionalVars) {
        checkStoreTarget(*item.optionalVars, false);
        visitStore(*item.optionalVars);
    } else {
        emit(Opcode::POP_TOP);
    }
    if (pos + 1 == s.items.size())
        visitStmts(s.body);
    else
        visitWith(s, pos + 1);
    SpanGuard g(*this, item.contextExpr->span);
    markLineStart();   // leaving the block steps back to the `with` line (__exit__ runs)
    emit(Opcode::POP_BLOCK);
    popFBlock();
    callExitWithNones();
    emit(Opcode::POP_TOP);
    emitJump(Opcode::JUMP, exit);

    bind(final);   // [exit, exc]
    emit(Opcode::WITH_EXCEPT_START);
    int suppress = newLabel();
    emitJump(Opcode::POP_JUMP_IF_TRUE, suppress);
    emit(Opcode::RERAISE);
    bind(suppress);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::POP_TOP);
    bind(exit);
}

void Compiler::visitAsyncWith(const ast::With& s, size_t pos)
{
    const ast::WithItem& item = s.items[pos];
    int final = newLabel(), exit = newLabel();
    visitExpr(*item.contextExpr);
    {
        // The implicit awaits underline the context expression.
        SpanGuard g(*this, item.contextExpr->span);
        emit(Opcode::BEFORE_ASYNC_WITH);
        emit(Opcode::GET_AWAITABLE, 1);
        loadConst(NoneConst{});
        emit(Opcode::YIELD_FROM);
        emitJump(Opcode::SETUP_ASYNC_WITH, final);
    }
    pushFBlock(FBlock{FBlockKind::AsyncWith}, s.span);
    if (item.optionalVars) {
        checkStoreTarget(*item.optionalVars, false);
        visitStore(*item.optionalVars);
    } else {
        emit(Opcode::POP_TOP);
    }
    if (pos + 1 == s.items.size())
        visitStmts(s.body);
    else
        visitAsyncWith(s, pos + 1);
    SpanGuard g(*this, item.contextExpr->span);
    markLineStart();   // leaving the block steps back to the `with` line (__exit__ runs)
    emit(Opcode::POP_BLOCK);
    popFBlock();
    callExitWithNones();
    emit(Opcode::GET_AWAITABLE, 2);
    loadConst(NoneConst{});
    emit(Opcode::YIELD_FROM);
    emit(Opcode::POP_TOP);
    emitJump(Opcode::JUMP, exit);

    bind(final);   // [aexit, exc]
    emit(Opcode::WITH_EXCEPT_START);
    emit(Opcode::GET_AWAITABLE, 2);
    loadConst(NoneConst{});
    emit(Opcode::YIELD_FROM);
    int suppress = newLabel();
    emitJump(Opcode::POP_JUMP_IF_TRUE, suppress);
    emit(Opcode::RERAISE);
    bind(suppress);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::POP_TOP);
    bind(exit);
}

void Compiler::visitAsyncFor(const ast::For& s)
{
    if (u().type != UnitType::AsyncFunction)
        error("'async for' outside async function", s.span);
    int start = newLabel(), except = newLabel(), end = newLabel();
    pushFBlock(FBlock{FBlockKind::ForLoop, start, end}, s.span);
    visitExpr(*s.iter);
    {
        SpanGuard g(*this, s.iter->span);
        emit(Opcode::GET_AITER);
        bind(start);
        markLineStart();
        emitJump(Opcode::SETUP_FINALLY, except);
        emit(Opcode::GET_ANEXT);
        loadConst(NoneConst{});
        emit(Opcode::YIELD_FROM);
        emit(Opcode::POP_BLOCK);
    }
    visitStore(*s.target);
    visitStmts(s.body);
    emitJump(Opcode::JUMP, start);
    popFBlock();
    bind(except);   // [aiter, exc]
    emit(Opcode::END_ASYNC_FOR);
    visitStmts(s.orelse);
    bind(end);
}

void Compiler::visitRaise(const ast::Raise& s)
{
    uint32_t n = 0;
    if (s.exc) {
        visitExpr(*s.exc);
        ++n;
        if (s.cause) {
            visitExpr(*s.cause);
            ++n;
        }
    }
    emit(Opcode::RAISE_VARARGS, n);
}

void Compiler::visitAssert(const ast::Assert& s)
{
    int end = newLabel();
    visitJumpIf(*s.test, true, end);
    emit(Opcode::LOAD_ASSERTION_ERROR);
    if (s.msg) {
        visitExpr(*s.msg);
        emit(Opcode::CALL_FUNCTION, 1);
    }
    emit(Opcode::RAISE_VARARGS, 1);
    bind(end);
}

}  // namespace aw::lang::detail
