#pragma once
// Frames of plain calls, taken from and given back to the Vm's frame pool.
// Inline because the dispatch loop makes and ends one per Python call (every
// call of a recursive function like fib, and asyncio.sleep(0)); the rare
// cases are out of line in vm_call.cpp.

#include "core/vm/function.h"
#include "core/vm/generator.h"
#include "core/vm/vm.h"

#include <algorithm>
#include <cassert>
#include <new>
#include <vector>

namespace aw::vm::detail {

FrameObj* newFrame(Vm& vm);                    // a fresh frame, its one reference the caller's
void releaseFrameSlow(Vm& vm, FrameObj* f);    // blocks, locals or an exception to drop; or not poolable

// A frame with nothing in it but its code, builtins and globals of last use.
[[gnu::always_inline]] inline FrameObj* acquireFrame(Vm& vm) {
    if (vm.m_framePoolCount == 0) return newFrame(vm);
    return vm.m_framePool[--vm.m_framePoolCount];   // the pool's reference becomes the caller's
}

// Clears what a finished frame holds (it has no blocks, locals dict or
// exception left) and gives it to the pool. A pooled frame keeps the largest
// slot array it ever had. Only slots below the saved stack top can hold
// objects: the dispatch loop pops by moving out (a moved-from Value is None)
// and saves the frame before it releases it, so clearing [0, m_sp) clears it.
// The code object, the builtins and the globals stay: the first two live as
// long as the Vm (m_codeCache, m_builtins), a module's globals as long as its
// module, and the next call is most often of the same code, so the next
// makePlainFrame need not swap them. What else could keep a Python object
// alive (the function: its closure, its defaults) goes.
// poolFrameAt is that with the stack top given (the dispatch loop's, not yet saved).
[[gnu::always_inline]] inline void poolFrameAt(Vm& vm, FrameObj* f, Value* top) {
    Value* slots = f->m_slots.data();
#ifndef NDEBUG
    for (Value* p = top; p < slots + f->m_slots.size(); ++p) assert(!p->isObj());
#endif
    for (Value* p = slots; p < top; ++p) *p = Value();
    if (f->m_func.isObj()) {   // a function outlives its call (the caller's Value held it): decref inline
        Obj* fn = f->m_func.release_obj();
        if (--fn->m_refcount == 0) destroyObj(fn);
    }
    f->m_back = nullptr;
    f->m_owner = nullptr;
    f->m_entry = false;
    f->m_yieldedValue = false;
    f->m_announced = false;
    vm.m_framePool[vm.m_framePoolCount++] = f;   // the caller's reference becomes the pool's
}
[[gnu::always_inline]] inline void poolFrame(Vm& vm, FrameObj* f) {
    poolFrameAt(vm, f, f->m_slots.data() + std::min(size_t(f->m_sp), f->m_slots.size()));
}

// Whether a finished frame can go back to the pool as it is (poolFrame).
[[gnu::always_inline]] inline bool poolable(const Vm& vm, const FrameObj* f) {
    return f->m_refcount == 1 && f->m_blocks.empty() && f->m_locals.isNone() && f->m_excState.isNone() &&
           vm.m_framePoolCount < Vm::kFramePoolSize;
}

// Gives a finished frame back (reused when nothing else holds it).
[[gnu::always_inline]] inline void releaseFrame(Vm& vm, FrameObj* f) {
    if (poolable(vm, f)) {
        poolFrame(vm, f);
        return;
    }
    releaseFrameSlow(vm, f);
}

// A frame from the pool set up to run `code` of `func`: setFunc(f) writes
// its m_func; then its globals, builtins, instruction pointers and slots (the
// locals and the stack, empty). The caller writes the locals. (The caller
// reads code->m_nlocals before: after the frame's stores it would be read again.)
template <typename SetFunc>
[[gnu::always_inline]] inline FrameObj* acquireFrameFor(Vm& vm, FunctionObj* func, CodeObj* code, size_t nlocals,
                                                        SetFunc setFunc) {
    FrameObj* f = acquireFrame(vm);
    if (f->m_code.get() != code) f->m_code = code;
    setFunc(f);
    if (f->m_globals.objOrNull() != func->m_globals.objOrNull()) f->m_globals = func->m_globals;
    // Every frame's builtins are the Vm's (set once, before any code runs), or None when new.
    if (__builtin_expect(f->m_builtins.isNone(), 0)) f->m_builtins = vm.m_builtins;
    assert(f->m_builtins.objOrNull() == vm.m_builtins.objOrNull());
    f->m_ip = 0;
    f->m_lastIp = 0;
    const size_t total = nlocals + size_t(code->m_stackSize);
    if (f->m_slots.size() < total) f->m_slots.resize(total);
    f->m_stackBase = uint32_t(nlocals);
    f->m_sp = uint32_t(nlocals);
    return f;
}

// makeFrame's short path, for a code with m_plainArgs given its positional
// arguments (self, if not Unbound, first), the trailing ones it lacks being
// covered by `defaults` (null when none lack).
[[gnu::always_inline]] inline FrameObj* makePlainFrame(Vm& vm, FunctionObj* func, CodeObj* code, const Value& self, const Value* args,
                                size_t nargs, const std::vector<Value>* defaults) {
    const size_t nlocals = size_t(code->m_nlocals);
    FrameObj* f = acquireFrameFor(vm, func, code, nlocals, [&](FrameObj* fr) { fr->m_func = Value(func); });
    // A frame from the pool (or a new one) has only None below its stack:
    // the slots are written without releasing what they held.
    Value* locals = f->m_slots.data();
    size_t i = 0;
    if (!self.isUnbound()) ::new (static_cast<void*>(&locals[i++])) Value(self);
    for (size_t k = 0; k < nargs; ++k) ::new (static_cast<void*>(&locals[i++])) Value(args[k]);
    const size_t argcount = size_t(code->m_argcount);
    if (i < argcount) {   // the caller checked that defaults cover [i, argcount)
        const size_t firstDefault = argcount - defaults->size();
        for (; i < argcount; ++i) ::new (static_cast<void*>(&locals[i])) Value((*defaults)[i - firstDefault]);
    }
    for (; i < nlocals; ++i) ::new (static_cast<void*>(&locals[i])) Value(Value::unbound());
    return f;
}

// CALL_FUNCTION's short path (code->m_fastCall, exactly argcount positional
// arguments): the frame takes the function and the arguments over from the
// caller's stack (funcSlot, then the arguments above it), which is left with
// no object at and above funcSlot, so the caller's stack top becomes funcSlot.
[[gnu::always_inline]] inline FrameObj* makeFastCallFrame(Vm& vm, FunctionObj* func, CodeObj* code, Value* funcSlot) {
    const size_t nlocals = size_t(code->m_nlocals);
    FrameObj* f = acquireFrameFor(vm, func, code, nlocals, [&](FrameObj* fr) {
        ::new (static_cast<void*>(&fr->m_func)) Value(std::move(*funcSlot));   // over the pooled frame's None
    });
    Value* locals = f->m_slots.data();
    const size_t argcount = size_t(code->m_argcount);
    Value* args = funcSlot + 1;
    size_t i = 0;
    for (; i < argcount; ++i) ::new (static_cast<void*>(&locals[i])) Value(std::move(args[i]));
    for (; i < nlocals; ++i) ::new (static_cast<void*>(&locals[i])) Value(Value::unbound());
    return f;
}

}  // namespace aw::vm::detail
