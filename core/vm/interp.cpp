// The dispatch loop: every opcode of core/bytecode/opcodes.def.
//
// Plain Python-to-Python calls push a frame and continue in this loop (no C++
// recursion, so ~1000 Python frames cost no C++ stack); everything else
// (natives, dunders, generators) calls out through the Vm services and may
// re-enter execute() for its own frames.
//
// Only the loop and the frame unwinding live here: its macros (stack,
// frame switch, dispatch, step budget) are in interp_macros.h, and the
// out-of-line pieces (name errors, unpacking, MAKE_FUNCTION, with/await
// setup, ** merging, raise, LOAD_GLOBAL's miss) in interp_support.cpp, none
// of them on a hot path.
#include "core/vm/interp_macros.h"
#include "core/vm/interp_support.h"
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm::detail {

using bytecode::Opcode;

ExitKind execute(Vm& vm, FrameObj* entry, bool throwing, Value& result) {
    const BuiltinTypes& T = vm.types();
    const char stackMark = 0;
    if (vm.m_depth == 0) vm.m_stackBase = &stackMark;
    const bool cStackSpent =   // the stack grows down
        reinterpret_cast<std::uintptr_t>(vm.m_stackBase) - reinterpret_cast<std::uintptr_t>(&stackMark) >
        Vm::kCStackBudget;
    if (vm.m_depth >= vm.m_options.recursionLimit || cStackSpent) {
        // Entering here means a call from C++ (a native, a dunder, a resumed
        // generator): CPython words that limit as a C-level call's.
        if (!throwing) vm.raise(T.RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return ExitKind::Error;
    }
    entry->m_back = vm.m_frame;
    entry->m_entry = true;
    vm.m_frame = entry;
    ++vm.m_depth;

    FrameObj* f = entry;
    CodeObj* co;
    const Instr* code;
    Value* slots;
    Value* sp;
    Value* stackLimit;
    uint32_t ip;
    Instr in{};   // the instruction being executed
    bool addTb = true;

#if defined(__GNUC__)   // DISPATCH()'s jump table (interp_macros.h)
    static const void* const kTargets[] = {
#define OPCODE(name, doc) &&op_##name,
#include "core/bytecode/opcodes.def"
#undef OPCODE
        &&op_LOAD_FAST_LOAD_CONST, &&op_LOAD_FAST_ADD_CONST, &&op_LOAD_FAST_SUB_CONST,
        &&op_LOAD_FAST_COMPARE_CONST_JUMP, &&op_COMPARE_OP_JUMP, &&op_LOAD_FAST_RETURN, &&op_LOAD_CONST_RETURN,
    };
    static_assert(std::size(kTargets) == superop::kEnd);
#endif

    LOAD_FRAME();
    if (throwing) {
        addTb = true;
        goto error;
    }
    announceEnter(vm, f);
    COUNT_STEP();

    for (;;) {
        {
        f->m_lastIp = ip;
        in = code[ip++];
        if (in.startsLine && vm.m_lineHook) {
        line_hook:
            if (CodeEventSink* sink = vm.m_codeSink;   // the event written here (code_event_sink.h), or the hook's
                sink && sink->write != sink->limit && co->m_events.generation == sink->generation) {
                if (!co->m_events.recorded) goto line_done;
                if (const uint64_t slot = co->m_events.lineSlots[ip - 1]) {
                    *sink->write++ = slot | sink->ownerBits;
                    goto line_done;
                }
            }
            SAVE_FRAME();
            vm.m_lineHook(vm.m_lineHookUser, vm, *f, co->m_lines[ip - 1]);
            if (vm.hasError()) goto error;
        }
        line_done:
#if defined(__GNUC__)
        goto* kTargets[size_t(in.op)];   // not the switch: the superinstructions have no case
#endif
        switch (in.op) {
        TARGET(NOP) break;
        TARGET(POP_TOP) { { Value v = POP(); } DISPATCH(); }
        TARGET(ROT_TWO) std::swap(sp[-1], sp[-2]); break;
        TARGET(ROT_THREE) {
            Value top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(top);
            break;
        }
        TARGET(ROT_FOUR) {
            Value top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(sp[-4]);
            sp[-4] = std::move(top);
            break;
        }
        TARGET(DUP_TOP) { Value v = TOP(); PUSH(std::move(v)); break; }
        TARGET(DUP_TOP_TWO) {
            Value a = sp[-2], b = sp[-1];
            PUSH(std::move(a));
            PUSH(std::move(b));
            break;
        }
        TARGET(LOAD_CONST) PUSH(co->m_consts[in.arg]); DISPATCH();

        TARGET(LOAD_FAST) {
            const Value& v = slots[in.arg];
            if (__builtin_expect(v.isUnbound(), 0)) { unboundLocal(vm, co->m_varnames[in.arg]); goto error; }
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_FAST) slots[in.arg] = POP(); DISPATCH();
        TARGET(DELETE_FAST)
            if (slots[in.arg].isUnbound()) { unboundLocal(vm, co->m_varnames[in.arg]); goto error; }
            slots[in.arg] = Value::unbound();
            break;
        TARGET(LOAD_DEREF) {
            CellObj* cell = slots[co->m_nlocals + in.arg].as<CellObj>();
            if (cell->m_value.isUnbound()) { derefUnbound(vm, co, in.arg, false); goto error; }
            PUSH(cell->m_value);
            break;
        }
        TARGET(STORE_DEREF) slots[co->m_nlocals + in.arg].as<CellObj>()->m_value = POP(); break;
        TARGET(DELETE_DEREF) {
            CellObj* cell = slots[co->m_nlocals + in.arg].as<CellObj>();
            if (cell->m_value.isUnbound()) { derefUnbound(vm, co, in.arg, true); goto error; }
            cell->m_value = Value::unbound();
            break;
        }
        TARGET(LOAD_CLOSURE) PUSH(slots[co->m_nlocals + in.arg]); break;
        TARGET(LOAD_GLOBAL) {
            const DictObj* globals = f->m_globals.as<DictObj>();
            GlobalCacheEntry& c = co->m_globalCache[in.arg];
            if (c.globals == globals && globals->m_version == c.globalsVersion) {
                if (!c.builtins) { PUSH(globals->m_entries[c.entry].value); DISPATCH(); }
                const DictObj* builtins = f->m_builtins.as<DictObj>();
                if (c.builtins == builtins && builtins->m_version == c.builtinsVersion) {
                    PUSH(builtins->m_entries[c.entry].value);
                    DISPATCH();
                }
            }
            const Value& name = co->m_names[in.arg];
            Value v = loadGlobalSlow(globals, f->m_builtins.as<DictObj>(), name.as<StrObj>(), c);
            if (v.isUnbound()) { nameError(vm, name); goto error; }
            PUSH(std::move(v));
            break;
        }
        TARGET(STORE_GLOBAL) {
            Value v = POP();
            ERROR_IF(!f->m_globals.as<DictObj>()->set(vm, co->m_names[in.arg], std::move(v)));
            break;
        }
        TARGET(DELETE_GLOBAL) {
            int r = f->m_globals.as<DictObj>()->remove(vm, co->m_names[in.arg]);
            ERROR_IF(r < 0);
            if (r == 0) { nameError(vm, co->m_names[in.arg]); goto error; }
            break;
        }
        TARGET(LOAD_NAME) {
            const Value& name = co->m_names[in.arg];
            Value v = Value::unbound();
            if (f->m_locals.is<DictObj>()) v = f->m_locals.as<DictObj>()->getStr(name.as<StrObj>());
            if (v.isUnbound()) v = f->m_globals.as<DictObj>()->getStr(name.as<StrObj>());
            if (v.isUnbound()) v = f->m_builtins.as<DictObj>()->getStr(name.as<StrObj>());
            if (v.isUnbound()) { nameError(vm, name); goto error; }
            PUSH(std::move(v));
            break;
        }
        TARGET(STORE_NAME) {
            Value v = POP();
            DictObj* d = f->m_locals.is<DictObj>() ? f->m_locals.as<DictObj>() : f->m_globals.as<DictObj>();
            ERROR_IF(!d->set(vm, co->m_names[in.arg], std::move(v)));
            break;
        }
        TARGET(DELETE_NAME) {
            DictObj* d = f->m_locals.is<DictObj>() ? f->m_locals.as<DictObj>() : f->m_globals.as<DictObj>();
            int r = d->remove(vm, co->m_names[in.arg]);
            ERROR_IF(r < 0);
            if (r == 0) { nameError(vm, co->m_names[in.arg]); goto error; }
            break;
        }
        TARGET(LOAD_CLASSDEREF) {
            Value v = loadClassDeref(vm, f, slots, in.arg);
            ERROR_IF(v.isError());
            PUSH(std::move(v));
            break;
        }

        TARGET(LOAD_ATTR) {
            {
                Value obj = POP();
                Value v = vm.getAttr(obj, co->m_names[in.arg]);
                ERROR_IF(v.isError());
                PUSH(std::move(v));
            }
            DISPATCH();
        }
        TARGET(STORE_ATTR) {
            Value obj = POP();
            Value v = POP();
            ERROR_IF(!vm.setAttr(obj, co->m_names[in.arg], std::move(v)));
            break;
        }
        TARGET(DELETE_ATTR) {
            Value obj = POP();
            ERROR_IF(!vm.delAttr(obj, co->m_names[in.arg]));
            break;
        }
        TARGET(LOAD_METHOD) {
            {
                Value obj = POP();
                Value meth, self;
                ERROR_IF(!loadMethod(vm, obj, co->m_names[in.arg], meth, self));
                PUSH(std::move(meth));
                PUSH(std::move(self));
            }
            DISPATCH();
        }
        TARGET(CALL_FUNCTION) {   // the short path: frame_pool.h makeFastCallFrame
            Value* funcSlot = sp - in.arg - 1;
            if (funcSlot->is<FunctionObj>()) {
                FunctionObj* fn = funcSlot->as<FunctionObj>();
                CodeObj* pc = fn->m_code.get();
                if (pc->m_fastCall && uint32_t(pc->m_argcount) == in.arg && vm.m_depth < vm.m_options.recursionLimit) {
                    FrameObj* nf = makeFastCallFrame(vm, fn, pc, funcSlot);
                    sp = funcSlot;
                    ENTER_FRAME(nf);
                    co = pc;
                    code = pc->m_code.data();
                    slots = nf->m_slots.data();
                    sp = slots + pc->m_nlocals;
                    stackLimit = sp + pc->m_stackSize;
                    ip = 0;
                    if (__builtin_expect(vm.m_frameHook != nullptr, 0)) announceNew(vm, f);   // a new frame is not announced
                    COUNT_STEP();
                    DISPATCH();
                }
            }
            goto call_generic;
        }
        TARGET(CALL_METHOD)
        TARGET(CALL_FUNCTION_KW)
        call_generic: {
            {   // the call's Values end before DISPATCH() (a computed goto may skip destructors)
            size_t nargs = in.arg;
            Value kwnamesTuple;
            const Value* kwNames = nullptr;
            size_t nkw = 0;
            if (in.op == Opcode::CALL_FUNCTION_KW) {
                kwnamesTuple = POP();
                nkw = kwnamesTuple.as<TupleObj>()->size();
                kwNames = kwnamesTuple.as<TupleObj>()->m_items.data();
            }
            Value* argv = sp - nargs;
            size_t npos = nargs - nkw;
            Value self = Value::unbound();
            Value* funcSlot;
            size_t popCount;
            if (in.op == Opcode::CALL_METHOD) {
                self = argv[-1];
                funcSlot = argv - 2;
                popCount = nargs + 2;
            } else {
                funcSlot = argv - 1;
                popCount = nargs + 1;
            }
            Value& func = *funcSlot;
            // Inline Python frames.
            FunctionObj* pyf = nullptr;
            bool viaBound = false;
            if (func.is<FunctionObj>()) pyf = func.as<FunctionObj>();
            else if (func.is<BoundMethodObj>() && self.isUnbound() && func.as<BoundMethodObj>()->m_func.is<FunctionObj>()) {
                pyf = func.as<BoundMethodObj>()->m_func.as<FunctionObj>();
                viaBound = true;
            }
            if (pyf && !(pyf->m_code->m_flags & (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator))) {
                if (viaBound) self = func.as<BoundMethodObj>()->m_self;
                if (vm.m_depth >= vm.m_options.recursionLimit) {
                    vm.raise(T.RecursionError, "maximum recursion depth exceeded");
                    goto error;
                }
                CodeObj* pc = pyf->m_code.get();
                FrameObj* nf = pc->m_plainArgs && nkw == 0 &&
                                       npos + (self.isUnbound() ? 0 : 1) == size_t(pc->m_argcount)
                                   ? makePlainFrame(vm, pyf, pc, self, argv, npos, nullptr)
                                   : makeFrame(vm, pyf, self, argv, npos, argv + npos, kwNames, nkw);
                ERROR_IF(!nf);
                for (size_t i = 0; i < popCount; ++i) { Value dead = POP(); }
                ENTER_FRAME(nf);
                LOAD_FRAME();
                announceEnter(vm, f);
                COUNT_STEP();
                goto call_done;
            }
            SAVE_FRAME();
            Value r = callValue(vm, func, self, argv, npos, argv + npos, kwNames, nkw);
            for (size_t i = 0; i < popCount; ++i) { Value dead = POP(); }
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            }
        call_done:
            DISPATCH();
        }
        TARGET(CALL_FUNCTION_EX) {
            Value kwargs;
            if (in.arg & 1) kwargs = POP();
            Value args = POP();
            Value func = POP();
            SAVE_FRAME();
            Value r = callFunctionEx(vm, func, args, kwargs);
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        TARGET(BINARY_SUBSCR) {
            Value key = POP();
            Value obj = POP();
            if (obj.is<ListObj>() && key.isInt()) {
                auto& items = obj.as<ListObj>()->m_items;
                int64_t i = key.asInt();
                if (i < 0) i += int64_t(items.size());
                if (i >= 0 && i < int64_t(items.size())) { PUSH(items[size_t(i)]); break; }
            }
            SAVE_FRAME();
            Value v = vm.getItem(obj, key);
            ERROR_IF(v.isError());
            PUSH(std::move(v));
            break;
        }
        TARGET(STORE_SUBSCR) {
            Value key = POP();
            Value obj = POP();
            Value v = POP();
            SAVE_FRAME();
            ERROR_IF(!vm.setItem(obj, key, std::move(v)));
            break;
        }
        TARGET(DELETE_SUBSCR) {
            Value key = POP();
            Value obj = POP();
            SAVE_FRAME();
            ERROR_IF(!vm.delItem(obj, key));
            break;
        }
        TARGET(BUILD_SLICE) {
            Value step = in.arg == 3 ? POP() : Value();
            Value hi = POP();
            Value lo = POP();
            PUSH(Value(vm.heap().make<SliceObj>(T.slice, std::move(lo), std::move(hi), std::move(step))));
            break;
        }

        TARGET(BINARY_OP) {
            Value& a = sp[-2];
            Value& b = sp[-1];
            if (a.isInt() && b.isInt()) {   // the result is built over `a`, an int: nothing to release
                int64_t x = a.asInt(), y = b.asInt(), r;
                uint32_t op = in.arg & 0xFF;
                if (op == uint32_t(bytecode::BinaryOpArg::Add) && !__builtin_add_overflow(x, y, &r)) {
                    --sp; ::new (static_cast<void*>(&sp[-1])) Value(Value::integer(r)); DISPATCH();
                }
                if (op == uint32_t(bytecode::BinaryOpArg::Sub) && !__builtin_sub_overflow(x, y, &r)) {
                    --sp; ::new (static_cast<void*>(&sp[-1])) Value(Value::integer(r)); DISPATCH();
                }
                if (op == uint32_t(bytecode::BinaryOpArg::Mul) && !__builtin_mul_overflow(x, y, &r)) {
                    --sp; ::new (static_cast<void*>(&sp[-1])) Value(Value::integer(r)); DISPATCH();
                }
            }
            SAVE_FRAME();
            Value r = vm.binaryOp(a, b, in.arg);
            { Value dead = POP(); }
            { Value dead = POP(); }
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        TARGET(UNARY_POSITIVE)
        TARGET(UNARY_NEGATIVE)
        TARGET(UNARY_NOT)
        TARGET(UNARY_INVERT) {
            Value v = POP();
            SAVE_FRAME();
            Value r = vm.unaryOp(v, in.op);
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        TARGET(COMPARE_OP) {
            Value& a = sp[-2];
            Value& b = sp[-1];
            if (a.isInt() && b.isInt()) {
                int64_t x = a.asInt(), y = b.asInt();
                bool r;
                switch (bytecode::CompareOpArg(in.arg)) {
                case bytecode::CompareOpArg::Lt: r = x < y; break;
                case bytecode::CompareOpArg::Le: r = x <= y; break;
                case bytecode::CompareOpArg::Eq: r = x == y; break;
                case bytecode::CompareOpArg::Ne: r = x != y; break;
                case bytecode::CompareOpArg::Gt: r = x > y; break;
                default: r = x >= y; break;
                }
                --sp;
                ::new (static_cast<void*>(&sp[-1])) Value(Value::boolean(r));   // over an int
                DISPATCH();
            }
            SAVE_FRAME();
            Value r = vm.compare(a, b, bytecode::CompareOpArg(in.arg));
            { Value dead = POP(); }
            { Value dead = POP(); }
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        // The superinstructions (function.h superop): the run's fast path, else its first instruction.
        SUPER_TARGET(LOAD_FAST_LOAD_CONST) {
            const Value& v = slots[in.arg & 0xFFFF];
            if (__builtin_expect(v.isUnbound() || stackLimit - sp < 2, 0)) { in.arg &= 0xFFFF; goto op_LOAD_FAST; }
            ::new (static_cast<void*>(sp)) Value(v);
            ::new (static_cast<void*>(sp + 1)) Value(co->m_consts[in.arg >> 16]);
            sp += 2;
            ++ip;
            DISPATCH();
        }
        // LOAD_FAST; LOAD_CONST k; BINARY_OP (+ or -) with `overflows` its __builtin_*_overflow.
#define LOAD_FAST_ARITH_CONST(overflows)                                                                     \
        {                                                                                                     \
            const Value& v = slots[in.arg & 0xFFFF];                                                          \
            int64_t r;                                                                                        \
            if (__builtin_expect(!v.isInt() || stackLimit - sp < 2 || overflows(v.asInt(), int64_t(int16_t(in.arg >> 16)), &r), 0)) { \
                in.arg &= 0xFFFF;                                                                             \
                goto op_LOAD_FAST;                                                                            \
            }                                                                                                 \
            ::new (static_cast<void*>(sp)) Value(Value::integer(r));                                          \
            ++sp;                                                                                             \
            ip += 2;                                                                                          \
            DISPATCH();                                                                                       \
        }
        SUPER_TARGET(LOAD_FAST_ADD_CONST) LOAD_FAST_ARITH_CONST(__builtin_add_overflow)
        SUPER_TARGET(LOAD_FAST_SUB_CONST) LOAD_FAST_ARITH_CONST(__builtin_sub_overflow)
#undef LOAD_FAST_ARITH_CONST
        SUPER_TARGET(LOAD_FAST_COMPARE_CONST_JUMP) {
            const Value& v = slots[in.arg & 0xFFF];
            if (__builtin_expect(!v.isInt() || stackLimit - sp < 2, 0)) { in.arg &= 0xFFF; goto op_LOAD_FAST; }
            ip += 3;   // past the POP_JUMP_IF_*
            if (jumps(v.asInt(), int16_t(in.arg >> 16), (in.arg >> 12) & 7)) {
                const uint32_t target = code[ip - 1].arg;
                if (target < ip) { f->m_lastIp = ip - 1; COUNT_STEP(); }
                ip = target;
            }
            DISPATCH();
        }
        SUPER_TARGET(COMPARE_OP_JUMP) {
            if (__builtin_expect(!sp[-2].isInt() || !sp[-1].isInt(), 0)) { in.arg &= 0xFF; goto op_COMPARE_OP; }
            sp -= 2;   // ints: nothing to release
            ++ip;      // past the POP_JUMP_IF_*
            if (jumps(sp[0].asInt(), sp[1].asInt(), in.arg >> 8)) {
                const uint32_t target = code[ip - 1].arg;
                if (target < ip) { f->m_lastIp = ip - 1; COUNT_STEP(); }
                ip = target;
            }
            DISPATCH();
        }
        SUPER_TARGET(LOAD_FAST_RETURN) {
            const Value& v = slots[in.arg];
            if (__builtin_expect(v.isUnbound() || sp >= stackLimit, 0)) goto op_LOAD_FAST;
            ::new (static_cast<void*>(sp)) Value(v);
            ++sp;
            f->m_lastIp = ip++;
            goto op_RETURN_VALUE;
        }
        SUPER_TARGET(LOAD_CONST_RETURN) {
            if (__builtin_expect(sp >= stackLimit, 0)) goto op_LOAD_CONST;
            ::new (static_cast<void*>(sp)) Value(co->m_consts[in.arg]);
            ++sp;
            f->m_lastIp = ip++;
            goto op_RETURN_VALUE;
        }
        TARGET(IS_OP) {
            Value b = POP();
            Value a = POP();
            bool r = a.identical(b);
            PUSH(Value::boolean(in.arg ? !r : r));
            break;
        }
        TARGET(CONTAINS_OP) {
            Value b = POP();
            Value a = POP();
            SAVE_FRAME();
            int r = vm.contains(b, a);
            ERROR_IF(r < 0);
            PUSH(Value::boolean(in.arg ? !r : r));
            break;
        }

        TARGET(JUMP)
            if (in.arg < ip) COUNT_STEP();
            ip = in.arg;
            DISPATCH();
        TARGET(POP_JUMP_IF_FALSE)
        TARGET(POP_JUMP_IF_TRUE) {
            int t;
            {
                Value v = POP();
                if (v.isBool()) t = v.asBool();
                else {
                    SAVE_FRAME();
                    t = vm.truthy(v);
                    ERROR_IF(t < 0);
                }
            }
            if ((in.op == Opcode::POP_JUMP_IF_TRUE) == (t != 0)) {
                if (in.arg < ip) COUNT_STEP();
                ip = in.arg;
            }
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP)
        TARGET(JUMP_IF_TRUE_OR_POP) {
            SAVE_FRAME();
            int t = vm.truthy(TOP());
            ERROR_IF(t < 0);
            if ((in.op == Opcode::JUMP_IF_TRUE_OR_POP) == (t != 0)) {
                if (in.arg < ip) COUNT_STEP();
                ip = in.arg;
            } else {
                Value dead = POP();
            }
            break;
        }
        TARGET(GET_ITER) {
            Value v = POP();
            SAVE_FRAME();
            Value it = vm.getIter(v);
            ERROR_IF(it.isError());
            PUSH(std::move(it));
            break;
        }
        TARGET(FOR_ITER) {
            Value& it = TOP();
            if (it.is<SeqIterObj>()) {
                auto* si = it.as<SeqIterObj>();
                if (si->m_seq.is<RangeObj>()) {
                    auto* r = si->m_seq.as<RangeObj>();
                    if (si->m_index < r->length()) { int64_t v = r->at(si->m_index++); PUSH(Value::integer(v)); DISPATCH(); }
                } else if (si->m_seq.is<ListObj>()) {
                    auto& items = si->m_seq.as<ListObj>()->m_items;
                    if (size_t(si->m_index) < items.size()) { PUSH(items[size_t(si->m_index++)]); DISPATCH(); }
                }
            }
            {
                SAVE_FRAME();
                Value v = vm.next(it);
                ERROR_IF(v.isError());
                if (v.isUnbound()) {
                    Value dead = POP();
                    ip = in.arg;
                } else {
                    PUSH(std::move(v));
                }
            }
            DISPATCH();
        }

        TARGET(BUILD_TUPLE)
        TARGET(BUILD_LIST) {
            std::vector<Value> items;
            items.reserve(in.arg);
            for (Value* p = sp - in.arg; p < sp; ++p) items.push_back(std::move(*p));
            sp -= in.arg;
            PUSH(in.op == Opcode::BUILD_TUPLE ? vm.newTuple(std::move(items)) : vm.newList(std::move(items)));
            break;
        }
        TARGET(BUILD_SET) {
            Value s = vm.newSet();
            SAVE_FRAME();
            bool ok = true;
            for (Value* p = sp - in.arg; p < sp; ++p)
                if (ok && !s.as<SetObj>()->add(vm, *p)) ok = false;
            for (uint32_t i = 0; i < in.arg; ++i) { Value dead = POP(); }
            ERROR_IF(!ok);
            PUSH(std::move(s));
            break;
        }
        TARGET(BUILD_MAP) {
            Value d = vm.newDict();
            SAVE_FRAME();
            bool ok = true;
            for (Value* p = sp - 2 * in.arg; p < sp; p += 2)
                if (ok && !d.as<DictObj>()->set(vm, p[0], p[1])) ok = false;
            for (uint32_t i = 0; i < 2 * in.arg; ++i) { Value dead = POP(); }
            ERROR_IF(!ok);
            PUSH(std::move(d));
            break;
        }
        TARGET(BUILD_CONST_KEY_MAP) {
            Value keys = POP();
            Value d = vm.newDict();
            const auto& ks = keys.as<TupleObj>()->m_items;
            bool ok = true;
            Value* base = sp - in.arg;
            for (uint32_t i = 0; i < in.arg; ++i)
                if (ok && !d.as<DictObj>()->set(vm, ks[i], base[i])) ok = false;
            for (uint32_t i = 0; i < in.arg; ++i) { Value dead = POP(); }
            ERROR_IF(!ok);
            PUSH(std::move(d));
            break;
        }
        TARGET(BUILD_STRING) {
            std::string s;
            for (Value* p = sp - in.arg; p < sp; ++p) s += p->as<StrObj>()->m_text;
            for (uint32_t i = 0; i < in.arg; ++i) { Value dead = POP(); }
            PUSH(vm.newStr(s));
            break;
        }
        TARGET(LIST_APPEND) {
            Value v = POP();
            PEEK(in.arg).as<ListObj>()->m_items.push_back(std::move(v));
            break;
        }
        TARGET(SET_ADD) {
            Value v = POP();
            SAVE_FRAME();
            ERROR_IF(!PEEK(in.arg).as<SetObj>()->add(vm, v));
            break;
        }
        TARGET(MAP_ADD) {
            Value v = POP();
            Value k = POP();
            SAVE_FRAME();
            ERROR_IF(!PEEK(in.arg).as<DictObj>()->set(vm, k, std::move(v)));
            break;
        }
        TARGET(LIST_EXTEND) {
            Value it = POP();
            SAVE_FRAME();
            ERROR_IF(!listExtend(vm, PEEK(in.arg).as<ListObj>(), it));
            break;
        }
        TARGET(SET_UPDATE) {
            Value it = POP();
            SAVE_FRAME();
            ERROR_IF(!PEEK(in.arg).as<SetObj>()->update(vm, it));
            break;
        }
        TARGET(DICT_UPDATE)
        TARGET(DICT_MERGE) {
            Value m = POP();
            SAVE_FRAME();
            ERROR_IF(!mergeIntoDict(vm, PEEK(in.arg).as<DictObj>(), std::move(m), in.op == Opcode::DICT_MERGE,
                                    PEEK(in.arg + 2)));
            break;
        }
        TARGET(LIST_TO_TUPLE) {
            Value l = POP();
            PUSH(vm.newTuple(l.as<ListObj>()->m_items));
            break;
        }
        TARGET(FORMAT_VALUE) {
            Value spec = (in.arg & 4) ? POP() : Value();
            Value v = POP();
            SAVE_FRAME();
            Value r = formatValue(vm, v, in.arg & 3, spec);
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        TARGET(UNPACK_SEQUENCE) {
            Value seq = POP();
            SAVE_FRAME();
            std::vector<Value> items;
            ERROR_IF(!unpackItems(vm, seq, in.arg, false, items));
            for (size_t i = items.size(); i-- > 0;) PUSH(std::move(items[i]));
            break;
        }
        TARGET(UNPACK_EX) {
            Value seq = POP();
            SAVE_FRAME();
            std::vector<Value> items;   // in push order
            ERROR_IF(!unpackStarred(vm, seq, in.arg & 0xFF, in.arg >> 8, items));
            for (Value& v : items) PUSH(std::move(v));
            break;
        }

        TARGET(MAKE_FUNCTION) {
            Value* newSp;
            Value fn = makeFunction(vm, f, in.arg, sp, newSp);
            sp = newSp;
            PUSH(std::move(fn));
            break;
        }
        TARGET(RETURN_VALUE) {
            {
            Value r = POP();
            announceExit(vm, f);
            if (f->m_entry) {
                SAVE_FRAME();
                vm.m_frame = f->m_back;
                --vm.m_depth;
                f->m_back = nullptr;
                result = std::move(r);
                return ExitKind::Return;
            }
            FrameObj* back = f->m_back;
            vm.m_frame = back;
            --vm.m_depth;
            if (__builtin_expect(poolable(vm, f), 1)) {
                poolFrameAt(vm, f, sp);
            } else {
                SAVE_FRAME();   // releaseFrameSlow clears the slots below the saved stack top
                releaseFrameSlow(vm, f);
            }
            f = back;
            LOAD_FRAME();
            ::new (static_cast<void*>(sp)) Value(std::move(r));   // the call popped its operands: room
            ++sp;
            }
            DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS) {
            Value bc = vm.builtins()->getStr("__build_class__");
            if (bc.isUnbound()) { vm.raise(T.NameError, "__build_class__ not found"); goto error; }
            PUSH(std::move(bc));
            break;
        }

        TARGET(SETUP_FINALLY)
            f->m_blocks.push_back(Block{BlockType::SetupFinally, in.arg, uint32_t(sp - slots) - f->m_stackBase, Value()});
            break;
        TARGET(POP_BLOCK)
            if (!f->m_blocks.empty()) f->m_blocks.pop_back();
            break;
        TARGET(POP_EXCEPT) {
            if (f->m_blocks.empty() || f->m_blocks.back().type != BlockType::ExceptHandler) {
                vm.raise(T.RuntimeError, "popped block is not an except handler");
                goto error;
            }
            Value prev = std::move(f->m_blocks.back().prevExc);
            f->m_blocks.pop_back();
            f->m_excState = std::move(prev);
            break;
        }
        TARGET(RERAISE) {
            Value exc = POP();
            vm.m_error = std::move(exc);
            addTb = false;
            goto exception_unwind;
        }
        TARGET(RAISE_VARARGS) {
            SAVE_FRAME();
            if (in.arg == 0) {
                Value exc = vm.handledException();
                if (exc.isNone()) { vm.raise(T.RuntimeError, "No active exception to reraise"); goto error; }
                vm.m_error = exc;
                addTb = false;
                goto exception_unwind;
            }
            Value cause = in.arg == 2 ? POP() : Value::unbound();
            Value exc = POP();
            raiseWithCause(vm, std::move(exc), std::move(cause));
            goto error;
        }
        TARGET(JUMP_IF_NOT_EXC_MATCH) {
            Value type = POP();
            Value exc = POP();
            int m;
            ERROR_IF(!excMatches(vm, exc, type, m));
            if (!m) ip = in.arg;
            break;
        }
        TARGET(LOAD_ASSERTION_ERROR) PUSH(Value(T.AssertionError)); break;
        TARGET(SETUP_WITH)
        TARGET(BEFORE_ASYNC_WITH) {
            Value mgr = POP();
            SAVE_FRAME();
            Value exit, res;
            ERROR_IF(!enterContext(vm, mgr, in.op == Opcode::BEFORE_ASYNC_WITH, exit, res));
            PUSH(std::move(exit));
            if (in.op == Opcode::SETUP_WITH)
                f->m_blocks.push_back(Block{BlockType::SetupFinally, in.arg, uint32_t(sp - slots) - f->m_stackBase, Value()});
            PUSH(std::move(res));
            break;
        }
        TARGET(WITH_EXCEPT_START) {
            SAVE_FRAME();
            Value r = withExceptStart(vm, PEEK(2), TOP());
            ERROR_IF(r.isError());
            PUSH(std::move(r));
            break;
        }
        TARGET(SETUP_ASYNC_WITH)
            f->m_blocks.push_back(Block{BlockType::SetupFinally, in.arg, uint32_t(sp - slots) - f->m_stackBase - 1, Value()});
            break;

        TARGET(YIELD_VALUE) {
            Value v = POP();
            f->m_yieldedValue = true;
            SAVE_FRAME();
            vm.m_frame = f->m_back;
            --vm.m_depth;
            f->m_back = nullptr;
            result = std::move(v);
            return ExitKind::Yield;
        }
        TARGET(GET_YIELD_FROM_ITER) {
            SAVE_FRAME();
            Value it = yieldFromIter(vm, TOP(), co->m_flags & bytecode::kCoroutine);
            ERROR_IF(it.isError());
            TOP() = std::move(it);
            break;
        }
        TARGET(YIELD_FROM) {
            Value out;
            {
                Value v = POP();
                Value sub = TOP();
                SAVE_FRAME();
                GenStatus st = sendInto(vm, sub, v, out);
                if (st == GenStatus::Error) goto error;
                if (st == GenStatus::Returned) {
                    TOP() = std::move(out);
                    goto yield_from_done;
                }
            }
            // Suspend at this instruction: it runs again on resume with [sub, sent].
            ip = ip - 1;
            f->m_yieldedValue = false;
            SAVE_FRAME();
            vm.m_frame = f->m_back;
            --vm.m_depth;
            f->m_back = nullptr;
            result = std::move(out);
            return ExitKind::Yield;
        }
        yield_from_done:
            DISPATCH();
        TARGET(GET_AWAITABLE) {
            {
                Value obj = POP();
                SAVE_FRAME();
                Value it = getAwaitable(vm, obj, in.arg);
                ERROR_IF(it.isError());
                PUSH(std::move(it));
            }
            DISPATCH();
        }
        TARGET(GET_AITER) {
            Value obj = POP();
            SAVE_FRAME();
            Value it = asyncIter(vm, obj);
            ERROR_IF(it.isError());
            PUSH(std::move(it));
            break;
        }
        TARGET(GET_ANEXT) {
            SAVE_FRAME();
            Value awaitable = asyncNext(vm, TOP());
            ERROR_IF(awaitable.isError());
            PUSH(std::move(awaitable));
            break;
        }
        TARGET(END_ASYNC_FOR) {
            Value exc = POP();
            if (vm.typeOf(exc)->isSubtypeOf(T.StopAsyncIteration)) {
                if (!f->m_blocks.empty() && f->m_blocks.back().type == BlockType::ExceptHandler) {
                    Value prev = std::move(f->m_blocks.back().prevExc);
                    f->m_blocks.pop_back();
                    f->m_excState = std::move(prev);
                }
                Value aiter = POP();
                break;
            }
            vm.m_error = std::move(exc);
            addTb = false;
            goto exception_unwind;
        }

        TARGET(IMPORT_NAME) {
            Value fromlist = POP();
            Value level = POP();
            SAVE_FRAME();
            Value m = importName(vm, co->m_names[in.arg].as<StrObj>()->text(), fromlist);
            ERROR_IF(m.isError());
            PUSH(std::move(m));
            break;
        }
        TARGET(IMPORT_FROM) {
            Value m = TOP();
            SAVE_FRAME();
            Value v = importFrom(vm, m, co->m_names[in.arg]);
            ERROR_IF(v.isError());
            PUSH(std::move(v));
            break;
        }
        default:
            vm.raise(T.RuntimeError, "unknown opcode " + std::to_string(int(in.op)));
            goto error;
        }
        continue;
        }

    budget_spent:
        vm.m_stepsLeft = 1;
        vm.m_cut = true;
        if (!vm.hasError()) vm.m_error = vm.newException(T.budgetExceeded, "step budget exhausted");
        goto error;
    stack_overflow:
        vm.raise(T.RuntimeError, "value stack overflow in " + co->unit().qualname + " (compiler maxStack too small)");
        // fall through to error
    error:
        addTb = true;
    exception_unwind:
        if (!vm.hasError()) {
            if (vm.m_cut) vm.m_error = vm.newException(T.budgetExceeded, "step budget exhausted");
            else vm.raise(T.RuntimeError, "error without an exception");
        }
        if (addTb) addTraceback(vm, f);
        addTb = true;
        // Find a handler in this frame.
        {
            bool handled = false;
            while (!vm.m_cut && !f->m_blocks.empty()) {
                Block b = std::move(f->m_blocks.back());
                f->m_blocks.pop_back();
                Value* level = slots + f->m_stackBase + b.level;
                while (sp > level) { Value dead = POP(); }
                if (b.type == BlockType::ExceptHandler) {
                    f->m_excState = std::move(b.prevExc);
                    continue;
                }
                Value exc = vm.takeError();
                f->m_blocks.push_back(Block{BlockType::ExceptHandler, 0, uint32_t(sp - slots) - f->m_stackBase, f->m_excState});
                f->m_excState = exc;
                PUSH(std::move(exc));
                ip = b.handler;
                handled = true;
                break;
            }
            if (handled) continue;
        }
        // No handler: the frame ends.
        {
            Value* base = slots + f->m_stackBase;
            while (sp > base) { Value dead = POP(); }
            f->m_blocks.clear();
            SAVE_FRAME();
            announceExit(vm, f);
            if (f->m_entry) {
                vm.m_frame = f->m_back;
                --vm.m_depth;
                f->m_back = nullptr;
                return ExitKind::Error;
            }
            FrameObj* back = f->m_back;
            vm.m_frame = back;
            --vm.m_depth;
            releaseFrame(vm, f);
            f = back;
            LOAD_FRAME();
            goto error;
        }
    }
}

}  // namespace aw::vm::detail
