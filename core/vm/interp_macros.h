#pragma once
// The dispatch loop's macros (core/vm/interp.cpp only, which is their one
// user): they read and write execute()'s locals (vm, f, co, code, slots, sp,
// stackLimit, ip, in) and jump to its labels (error, stack_overflow,
// budget_spent, line_hook, the op_* targets and the kTargets table).
//
// interp.cpp is built with -fno-gcse -fno-crossjumping (core/CMakeLists.txt):
// GCC otherwise merges every DISPATCH() into one shared indirect jump.

#include <cassert>
#include <cstddef>
#include <new>

// Switches the loop's registers to frame f and back.
#define LOAD_FRAME()                                   \
    do {                                               \
        co = f->m_code.get();                          \
        code = co->m_code.data();                      \
        slots = f->m_slots.data();                     \
        sp = slots + f->m_sp;                          \
        stackLimit = slots + f->m_stackBase + co->m_stackSize; /* not the pooled array's size */ \
        ip = f->m_ip;                                  \
    } while (0)
#define SAVE_FRAME()                                   \
    do {                                               \
        f->m_sp = uint32_t(sp - slots);                \
        f->m_ip = ip;                                  \
    } while (0)
// A call's new frame becomes the running one: the caller's position saved,
// the new frame linked back to it and counted against the recursion limit.
// The caller then loads the new frame's registers (LOAD_FRAME, or by hand).
#define ENTER_FRAME(nf)                                \
    do {                                               \
        SAVE_FRAME();                                  \
        (nf)->m_back = f;                              \
        (nf)->m_entry = false;                         \
        vm.m_frame = (nf);                             \
        ++vm.m_depth;                                  \
        f = (nf);                                      \
    } while (0)
// Slots at and above the stack top never hold an object (values are popped
// by moving them out), so a push constructs over the old value unreleased.
#define PUSH(v)                                        \
    do {                                               \
        if (sp >= stackLimit) goto stack_overflow;     \
        assert(!sp->isObj());                          \
        ::new (static_cast<void*>(sp)) Value(v);       \
        ++sp;                                          \
    } while (0)
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-ptrdiff_t(n)])
#define ERROR_IF(cond) do { if (cond) goto error; } while (0)

// The step budget (Vm::Options::stepBudget) counts the loop's steps that can
// repeat: a frame entered or resumed, and a backward jump (a loop's turn).
// Straight-line code between two of those is bounded by the code's size, so
// an endless program is still cut, and the instructions in between pay
// nothing for the budget.
#define COUNT_STEP()                                                                               \
    do {                                                                                           \
        if (__builtin_expect(--vm.m_stepsLeft == 0, 0) && !vm.nextStepSlice()) goto budget_spent;  \
    } while (0)

// Threaded dispatch (GCC/Clang): the hot opcodes end with DISPATCH(), which
// fetches the next instruction and jumps straight to its case through a table
// of label addresses. Each such jump is its own indirect branch, which the CPU
// predicts from the opcode that jumps (the single `switch` jump was the
// loop's costliest instruction: most of its mispredictions). DISPATCH() does
// what the loop's head does, and a line start goes through the head's line hook.
#if defined(__GNUC__)
#define TARGET(name) case Opcode::name: op_##name:
#define SUPER_TARGET(name) op_##name:   // reached through kTargets only (no case: not an Opcode)
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        f->m_lastIp = ip;                                                                          \
        in = code[ip++];                                                                           \
        if (in.startsLine && vm.m_lineHook) goto line_hook;                                        \
        goto* kTargets[size_t(in.op)];                                                             \
    } while (0)
#else
#define TARGET(name) case Opcode::name:
#define SUPER_TARGET(name) case Opcode(superop::name):
#define DISPATCH() break
#endif
