#pragma once
// Helpers of the dispatch loop (core/vm/interp.cpp): the frame hook's calls,
// inline, and out of line the cold or heavyweight parts of some opcodes, kept
// apart so the loop stays readable. Internal to core/vm.

#include "core/vm/vm.h"

#include <string>
#include <vector>

namespace aw::vm::detail {

// A frame's entry or exit written straight into the code event sink
// (code_event_sink.h); false: the frame hook must see it.
[[gnu::always_inline]] inline bool sinkFrameEvent(Vm& vm, const FrameObj* f, bool entering) {
    CodeEventSink* sink = vm.m_codeSink;
    if (!sink || sink->write == sink->limit) return false;
    const CodeEvents& ev = f->m_code->m_events;
    if (ev.generation != sink->generation) return false;
    if (!ev.recorded) return true;
    const uint64_t slot = entering ? ev.pushSlot : ev.popSlot;
    if (!slot) return false;
    *sink->write++ = slot | sink->ownerBits;
    return true;
}

// The frame hook (vm.h FrameHook): a frame is announced when it first runs
// and owes exactly one exit when it returns or an exception leaves it.
[[gnu::always_inline]] inline void announceNew(Vm& vm, FrameObj* f) {   // a frame not announced yet
    f->m_announced = true;
    if (!sinkFrameEvent(vm, f, true)) vm.m_frameHook(vm.m_frameHookUser, vm, *f, true);
}
[[gnu::always_inline]] inline void announceEnter(Vm& vm, FrameObj* f) {
    if (__builtin_expect(vm.m_frameHook != nullptr, 0) && !f->m_announced) announceNew(vm, f);
}
[[gnu::always_inline]] inline void announceExit(Vm& vm, FrameObj* f) {
    if (__builtin_expect(f->m_announced, 0)) {
        f->m_announced = false;
        if (vm.m_frameHook && !sinkFrameEvent(vm, f, false)) vm.m_frameHook(vm.m_frameHookUser, vm, *f, false);
    }
}

// A compare-and-jump superinstruction's condition as a mask over the three
// outcomes of comparing two ints: bit 0 x < y, bit 1 x == y, bit 2 x > y. It
// jumps when the outcome's bit is set: COMPARE_OP op's outcomes for a
// POP_JUMP_IF_TRUE, the others for a POP_JUMP_IF_FALSE.
inline uint32_t jumpMask(uint32_t compareOp, bool ifTrue) {
    static constexpr uint32_t kTrueOn[] = {0b001, 0b011, 0b010, 0b101, 0b100, 0b110};   // Lt Le Eq Ne Gt Ge
    return ifTrue ? kTrueOn[compareOp] : ~kTrueOn[compareOp] & 7;
}
[[gnu::always_inline]] inline bool jumps(int64_t x, int64_t y, uint32_t mask) {
    return (mask >> (uint32_t(x >= y) + uint32_t(x > y))) & 1;
}

// vm.loadCode's last step: the superinstructions (function.h superop) over
// co->m_code, and co->m_lines.
void fuseInstructions(CodeObj* co);

// LOAD_GLOBAL's lookup when its cache entry does not hold: finds the name
// and refills the entry (left empty when the name is missing).
Value loadGlobalSlow(const DictObj* globals, const DictObj* builtins, const StrObj* name, GlobalCacheEntry& c);
// UnboundLocalError / NameError for the name constant `name`.
Value unboundLocal(Vm& vm, const Value& name);
Value nameError(Vm& vm, const Value& name);
// The name of cell/free variable i of `code` (LOAD_DEREF errors).
std::string derefName(CodeObj* code, uint32_t i);
// LOAD_DEREF / DELETE_DEREF (del: true) of the empty cell or free variable i: the NameError pending.
void derefUnbound(Vm& vm, CodeObj* code, uint32_t i, bool del);
// LOAD_CLASSDEREF: the class body's local, else cell/free variable i (Error: NameError pending).
Value loadClassDeref(Vm& vm, FrameObj* f, Value* slots, uint32_t i);
// CALL_FUNCTION_EX: func(*args, **kwargs) (kwargs None when absent).
Value callFunctionEx(Vm& vm, const Value& func, const Value& args, const Value& kwargs);
// LIST_EXTEND: dst.extend(it), with `[*x]`'s TypeError.
bool listExtend(Vm& vm, ListObj* dst, const Value& it);
// UNPACK_EX: `before` items, a list of the middle ones, `after` items of seq, in push order (the last first).
bool unpackStarred(Vm& vm, const Value& seq, size_t before, size_t after, std::vector<Value>& items);
// UNPACK_SEQUENCE / UNPACK_EX: the items of `seq`, exactly `count` of them (or at least `count` with star).
bool unpackItems(Vm& vm, const Value& seq, size_t count, bool star, std::vector<Value>& items);
// JUMP_IF_NOT_EXC_MATCH: result = isinstance(exc, type); false with a TypeError pending for a bad type.
bool excMatches(Vm& vm, const Value& exc, const Value& type, int& result);
// MAKE_FUNCTION: pops the code object and the operands `flags` names from sp; newSp is the new top.
Value makeFunction(Vm& vm, FrameObj* f, uint32_t flags, Value* sp, Value*& newSp);
// SETUP_WITH / BEFORE_ASYNC_WITH: the bound exit and the enter result.
bool enterContext(Vm& vm, const Value& mgr, bool async, Value& exitOut, Value& enterResult);
// WITH_EXCEPT_START: exit(type(exc), exc, exc.__traceback__).
Value withExceptStart(Vm& vm, const Value& exitRef, const Value& excRef);
// GET_AWAITABLE: the iterator to await (arg 1/2: from __aenter__/__aexit__, for the message).
Value getAwaitable(Vm& vm, const Value& obj, uint32_t arg);
// GET_YIELD_FROM_ITER: the iterator `yield from v` delegates to (a generator,
// or a coroutine inside a coroutine, is its own).
Value yieldFromIter(Vm& vm, const Value& v, bool inCoroutine);
// FORMAT_VALUE: f-string field `v` with conversion (0 none, 1 !s, 2 !r, 3 !a) and spec.
Value formatValue(Vm& vm, Value v, uint32_t conversion, const Value& spec);
// GET_AITER: obj.__aiter__(), checked to have __anext__ ('async for' TypeErrors).
Value asyncIter(Vm& vm, const Value& obj);
// GET_ANEXT: the awaitable of aiter.__anext__() ('async for' TypeErrors).
Value asyncNext(Vm& vm, const Value& aiter);
// IMPORT_NAME: the module bound by `import name` (the top package for a
// dotted name without a fromlist) or `from name import ...`.
Value importName(Vm& vm, const std::string& name, const Value& fromlist);
// IMPORT_FROM: m.name, an ImportError for a missing one.
Value importFrom(Vm& vm, const Value& m, const Value& name);
// DICT_UPDATE (merge false) / DICT_MERGE (merge true, `f(**m)`: duplicate keys are an
// error naming `func`): folds mapping m into dst.
bool mergeIntoDict(Vm& vm, DictObj* dst, Value m, bool merge, const Value& func);
// RAISE_VARARGS 1/2: validates and instantiates exc (and cause, unbound when
// absent) and leaves the exception pending. Always "fails".
void raiseWithCause(Vm& vm, Value exc, Value cause);

}  // namespace aw::vm::detail
