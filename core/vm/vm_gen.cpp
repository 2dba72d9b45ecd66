// Generators, coroutines and async generators: resuming suspended frames,
// throw/close, the yield-from delegation, and their Python-visible methods.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm {

namespace detail {

namespace {

const char* genWord(const GenObj* g) {
    switch (g->kind()) {
    case Kind::Coroutine: return "coroutine";
    case Kind::AsyncGenerator: return "async generator";
    default: return "generator";
    }
}

bool suspendedAtYieldFrom(const FrameObj* f) {
    return f->m_ip < f->m_code->m_code.size() && f->m_code->m_code[f->m_ip].op == bytecode::Opcode::YIELD_FROM &&
           f->m_sp > f->m_stackBase;
}

void finish(GenObj* g) {
    if (g->m_frame) {
        FrameObj* f = g->m_frame.get();
        f->m_owner = nullptr;
        g->m_frame.reset();
    }
}

// Runs the generator's frame once; the Error case converts a leaking StopIteration.
GenStatus run(Vm& vm, GenObj* g, bool throwing, Value& out) {
    FrameObj* f = g->m_frame.get();
    Ref<GenObj> keep(g);
    g->m_running = true;
    g->m_started = true;
    Value result;
    ExitKind k = execute(vm, f, throwing, result);
    g->m_running = false;
    if (k == ExitKind::Yield) { out = std::move(result); return GenStatus::Yielded; }
    if (k == ExitKind::Return && g->m_frame) {
        // A finished coroutine's frame goes back to the frame pool, like a
        // function's: `await asyncio.sleep(0)` makes and ends one per step.
        FrameObj* frame = g->m_frame.get();
        frame->incref();
        finish(g);
        releaseFrame(vm, frame);
        out = std::move(result);
        return GenStatus::Returned;
    }
    finish(g);
    if (k == ExitKind::Return) { out = std::move(result); return GenStatus::Returned; }
    const BuiltinTypes& T = vm.types();
    bool stopIter = vm.errorMatches(T.StopIteration);
    bool stopAsync = g->kind() == Kind::AsyncGenerator && vm.errorMatches(T.StopAsyncIteration);
    if ((stopIter || stopAsync) && !vm.cut()) {
        Value orig = vm.takeError();
        Value e = vm.newException(T.RuntimeError, std::string(genWord(g)) + " raised " + (stopIter ? "StopIteration" : "StopAsyncIteration"));
        e.as<ExceptionObj>()->m_cause = orig;
        e.as<ExceptionObj>()->m_context = orig;
        e.as<ExceptionObj>()->m_suppressContext = true;
        vm.restoreError(e);
    }
    return GenStatus::Error;
}

Value stopIteration(Vm& vm, const Value& value) {
    Value e = value.isNone() ? vm.newException(vm.types().StopIteration, std::vector<Value>{})
                             : vm.newException(vm.types().StopIteration, std::vector<Value>{value});
    e.as<ExceptionObj>()->m_value = value;
    return vm.raiseValue(e);
}

// The exception object for throw(typ[, val[, tb]]).
Value makeThrown(Vm& vm, const Value& typ, const Value& val) {
    const BuiltinTypes& T = vm.types();
    if (typ.is<TypeObj>() && typ.as<TypeObj>()->isSubtypeOf(T.BaseException)) {
        if (val.is<ExceptionObj>() && vm.typeOf(val)->isSubtypeOf(typ.as<TypeObj>())) return val;
        if (val.isNone() || val.isUnbound()) return vm.call(typ, {});
        if (val.is<TupleObj>()) return vm.call(typ, std::span<const Value>(val.as<TupleObj>()->m_items));
        return vm.call(typ, {val});
    }
    if (typ.is<ExceptionObj>()) {
        if (!val.isNone() && !val.isUnbound())
            return vm.raise(T.TypeError, "instance exception may not have a separate value");
        return typ;
    }
    return vm.raise(T.TypeError, "exceptions must be classes or instances deriving from BaseException, not " + vm.typeName(typ));
}

GenStatus asyncOpSend(Vm& vm, AsyncGenOpObj* op, const Value& value, bool throwing, const Value& exc, Value& out);

}  // namespace

Value makeGenerator(Vm& vm, FrameObj* frame, FunctionObj* func) {
    const BuiltinTypes& T = vm.types();
    uint32_t flags = func->m_code->m_flags;
    Kind k = (flags & bytecode::kAsyncGenerator) ? Kind::AsyncGenerator
             : (flags & bytecode::kCoroutine)     ? Kind::Coroutine
                                                   : Kind::Generator;
    TypeObj* t = k == Kind::AsyncGenerator ? T.asyncGenerator : k == Kind::Coroutine ? T.coroutine : T.generator;
    auto* g = vm.heap().make<GenObj>(t, k);
    g->m_frame = frame;
    frame->m_owner = g;
    g->m_name = func->m_name;
    g->m_qualname = func->m_qualname;
    return Value(g);
}

GenStatus sendInto(Vm& vm, const Value& sub, const Value& value, Value& out) {
    if (sub.isObj()) {
        Obj* o = sub.asObj();
        switch (o->kind()) {
        case Kind::Generator: case Kind::Coroutine:
            return vm.genSend(static_cast<GenObj*>(o), value, out);
        case Kind::CoroWrapper:
            return vm.genSend(static_cast<CoroWrapperObj*>(o)->m_coro.get(), value, out);
        case Kind::AsyncGenOp:
            return asyncOpSend(vm, static_cast<AsyncGenOpObj*>(o), value, false, Value(), out);
        default: break;
        }
    }
    Value r;
    if (value.isNone()) {
        r = vm.next(sub);
        if (r.isUnbound()) { out = Value(); return GenStatus::Returned; }
    } else {
        r = vm.callMethod(sub, "send", {value});
    }
    if (r.isError()) {
        if (vm.errorMatches(vm.types().StopIteration)) {
            Value e = vm.takeError();
            out = e.as<ExceptionObj>()->m_value;
            return GenStatus::Returned;
        }
        return GenStatus::Error;
    }
    out = std::move(r);
    return GenStatus::Yielded;
}

namespace {

// Throws into whatever a YIELD_FROM delegates to. Unbound status-less: returns false when sub has no throw.
GenStatus throwInto(Vm& vm, const Value& sub, const Value& exc, Value& out, bool& handled) {
    handled = true;
    if (sub.isObj()) {
        Obj* o = sub.asObj();
        switch (o->kind()) {
        case Kind::Generator: case Kind::Coroutine:
            return vm.genThrow(static_cast<GenObj*>(o), exc, out);
        case Kind::CoroWrapper:
            return vm.genThrow(static_cast<CoroWrapperObj*>(o)->m_coro.get(), exc, out);
        case Kind::AsyncGenOp:
            return asyncOpSend(vm, static_cast<AsyncGenOpObj*>(o), Value(), true, exc, out);
        default: break;
        }
    }
    Value thr = vm.getAttrOpt(sub, "throw");
    if (thr.isError()) return GenStatus::Error;
    if (thr.isUnbound()) { handled = false; return GenStatus::Error; }
    Value r = vm.call(thr, {exc});
    if (r.isError()) {
        if (vm.errorMatches(vm.types().StopIteration)) {
            Value e = vm.takeError();
            out = e.as<ExceptionObj>()->m_value;
            return GenStatus::Returned;
        }
        return GenStatus::Error;
    }
    out = std::move(r);
    return GenStatus::Yielded;
}

bool closeSub(Vm& vm, const Value& sub) {
    if (sub.isObj()) {
        Obj* o = sub.asObj();
        if (o->kind() == Kind::Generator || o->kind() == Kind::Coroutine) return vm.genClose(static_cast<GenObj*>(o));
        if (o->kind() == Kind::CoroWrapper) return vm.genClose(static_cast<CoroWrapperObj*>(o)->m_coro.get());
    }
    Value cl = vm.getAttrOpt(sub, "close");
    if (cl.isError()) return false;
    if (cl.isUnbound()) return true;
    return !vm.call(cl, {}).isError();
}

GenStatus asyncOpSend(Vm& vm, AsyncGenOpObj* op, const Value& value, bool throwing, const Value& exc, Value& out) {
    const BuiltinTypes& T = vm.types();
    GenObj* g = op->m_gen.get();
    Ref<AsyncGenOpObj> keep(op);
    if (op->m_state == AsyncGenOpObj::State::Closed) {
        vm.raise(T.RuntimeError, op->m_op == AsyncGenOpObj::Op::Send ? "cannot reuse already awaited __anext__()/asend()"
                                                                     : "cannot reuse already awaited aclose()/athrow()");
        return GenStatus::Error;
    }
    GenStatus st;
    if (op->m_state == AsyncGenOpObj::State::Init) {
        if (g->m_asyncRunning) {
            vm.raise(T.RuntimeError, op->m_op == AsyncGenOpObj::Op::Send ? "anext(): asynchronous generator is already running"
                                                                         : "athrow(): asynchronous generator is already running");
            return GenStatus::Error;
        }
        if (g->finished() || g->m_closed) {
            op->m_state = AsyncGenOpObj::State::Closed;
            if (op->m_op == AsyncGenOpObj::Op::Close) { out = Value(); return GenStatus::Returned; }
            vm.raiseValue(Value(T.StopAsyncIteration));
            return GenStatus::Error;
        }
        op->m_state = AsyncGenOpObj::State::Iter;
        g->m_asyncRunning = true;
        if (op->m_op == AsyncGenOpObj::Op::Send) {
            st = vm.genSend(g, value.isNone() ? op->m_arg : value, out);
        } else {
            Value e = op->m_op == AsyncGenOpObj::Op::Close ? vm.call(Value(T.GeneratorExit), {}) : op->m_arg;
            if (e.isError()) return GenStatus::Error;
            if (op->m_op == AsyncGenOpObj::Op::Close) g->m_closed = true;
            st = vm.genThrow(g, e, out);
        }
    } else if (throwing) {
        st = vm.genThrow(g, exc, out);
    } else {
        st = vm.genSend(g, value, out);
    }
    // Unwrap: a `yield` of the async generator ends this operation with the value.
    if (st == GenStatus::Yielded) {
        bool asyncYield = g->m_frame && g->m_frame->m_yieldedValue;
        if (!asyncYield) return GenStatus::Yielded;   // an await inside the generator passes through
        op->m_state = AsyncGenOpObj::State::Closed;
        g->m_asyncRunning = false;
        if (op->m_op == AsyncGenOpObj::Op::Close) {
            vm.raise(T.RuntimeError, "async generator ignored GeneratorExit");
            return GenStatus::Error;
        }
        return GenStatus::Returned;   // out is the yielded value
    }
    op->m_state = AsyncGenOpObj::State::Closed;
    g->m_asyncRunning = false;
    if (st == GenStatus::Returned) {
        if (op->m_op == AsyncGenOpObj::Op::Close) { out = Value(); return GenStatus::Returned; }
        vm.raiseValue(Value(T.StopAsyncIteration));
        return GenStatus::Error;
    }
    if (op->m_op == AsyncGenOpObj::Op::Close &&
        (vm.errorMatches(T.GeneratorExit) || vm.errorMatches(T.StopAsyncIteration))) {
        vm.clearError();
        out = Value();
        return GenStatus::Returned;
    }
    return GenStatus::Error;
}

}  // namespace
}  // namespace detail

GenStatus Vm::genSend(GenObj* g, const Value& value, Value& out) {
    const BuiltinTypes& T = m_types;
    if (g->m_running) {
        raise(T.ValueError, std::string(detail::genWord(g)) + " already executing");
        return GenStatus::Error;
    }
    if (g->finished()) {
        if (g->kind() == Kind::Coroutine) {
            raise(T.RuntimeError, "cannot reuse already awaited coroutine");
            return GenStatus::Error;
        }
        out = Value();
        return GenStatus::Returned;
    }
    FrameObj* f = g->m_frame.get();
    if (!g->m_started) {
        if (!value.isNone()) {
            raise(T.TypeError, std::string("can't send non-None value to a just-started ") + detail::genWord(g));
            return GenStatus::Error;
        }
    } else {
        f->m_slots[f->m_sp++] = value;
    }
    return detail::run(*this, g, false, out);
}

GenStatus Vm::genThrow(GenObj* g, const Value& excIn, Value& out) {
    const BuiltinTypes& T = m_types;
    Ref<GenObj> keep(g);
    Value exc = excIn;
    if (exc.is<TypeObj>()) {
        exc = call(exc, {});
        if (exc.isError()) return GenStatus::Error;
    }
    if (!exc.is<ExceptionObj>()) {
        raise(T.TypeError, "exceptions must be classes or instances deriving from BaseException, not " + typeName(exc));
        return GenStatus::Error;
    }
    if (g->m_running) {
        raise(T.ValueError, std::string(detail::genWord(g)) + " already executing");
        return GenStatus::Error;
    }
    if (g->finished() || !g->m_started) {
        detail::finish(g);
        m_error = exc;
        return GenStatus::Error;
    }
    FrameObj* f = g->m_frame.get();
    if (detail::suspendedAtYieldFrom(f)) {
        Value sub = f->m_slots[f->m_sp - 1];
        bool isGenExit = exc.asObj()->type()->isSubtypeOf(T.GeneratorExit);
        GenStatus st = GenStatus::Error;
        bool handled = false;
        if (isGenExit) {
            g->m_running = true;
            bool ok = detail::closeSub(*this, sub);
            g->m_running = false;
            if (!ok) {
                // the close error is raised in our frame instead
                exc = takeError();
            }
        } else {
            g->m_running = true;
            st = detail::throwInto(*this, sub, exc, out, handled);
            g->m_running = false;
        }
        if (handled) {
            if (st == GenStatus::Yielded) return st;
            if (st == GenStatus::Returned) {
                // the delegation ended: continue after YIELD_FROM with the result
                f->m_slots[f->m_sp - 1] = std::move(out);
                f->m_ip += 1;
                return detail::run(*this, g, false, out);
            }
            // error: raised in our frame at the YIELD_FROM
            return detail::run(*this, g, true, out);
        }
    }
    m_error = exc;
    return detail::run(*this, g, true, out);
}

bool Vm::genClose(GenObj* g) {
    if (g->finished()) return true;
    if (!g->m_started) {
        detail::finish(g);
        return true;
    }
    Value exc = newException(m_types.GeneratorExit, std::vector<Value>{});
    Value out;
    GenStatus st = genThrow(g, exc, out);
    if (st == GenStatus::Yielded) {
        raise(m_types.RuntimeError, std::string(detail::genWord(g)) + " ignored GeneratorExit");
        return false;
    }
    if (st == GenStatus::Returned) return true;
    if (errorMatches(m_types.GeneratorExit) || errorMatches(m_types.StopIteration)) {
        clearError();
        return true;
    }
    return false;
}

int32_t Vm::genLine(const GenObj* g) const {
    if (!g->m_frame) return 0;
    const FrameObj* f = g->m_frame.get();
    if (!g->m_started) return f->m_code->unit().firstLine;
    return f->m_code->lineAt(f->m_lastIp);
}

namespace detail {

namespace {

GenObj* selfGen(CallArgs& a) { return static_cast<GenObj*>(a.self.asObj()); }

Value statusToValue(Vm& vm, GenStatus st, Value& out) {
    if (st == GenStatus::Yielded) return out;
    if (st == GenStatus::Returned) return stopIteration(vm, out);
    return Value::error();
}

Value gIter(Vm&, CallArgs& a) { return a.self; }
Value gNext(Vm& vm, CallArgs& a) {
    Value out;
    return statusToValue(vm, vm.genSend(selfGen(a), Value(), out), out);
}
Value gSend(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "send", 1, 1)) return Value::error();
    Value out;
    return statusToValue(vm, vm.genSend(selfGen(a), a[0], out), out);
}
Value gThrow(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "throw", 1, 3)) return Value::error();
    Value exc = makeThrown(vm, a[0], a.size() > 1 ? a[1] : Value());
    if (exc.isError()) return exc;
    Value out;
    return statusToValue(vm, vm.genThrow(selfGen(a), exc, out), out);
}
Value gClose(Vm& vm, CallArgs& a) {
    if (!vm.genClose(selfGen(a))) return Value::error();
    return Value();
}
Value cAwait(Vm& vm, CallArgs& a) {
    return Value(vm.heap().make<CoroWrapperObj>(vm.types().coroWrapper, selfGen(a)));
}

GenObj* wrapped(CallArgs& a) { return static_cast<CoroWrapperObj*>(a.self.asObj())->m_coro.get(); }
Value wNext(Vm& vm, CallArgs& a) { Value out; return statusToValue(vm, vm.genSend(wrapped(a), Value(), out), out); }
Value wSend(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "send", 1, 1)) return Value::error();
    Value out;
    return statusToValue(vm, vm.genSend(wrapped(a), a[0], out), out);
}
Value wThrow(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "throw", 1, 3)) return Value::error();
    Value exc = makeThrown(vm, a[0], a.size() > 1 ? a[1] : Value());
    if (exc.isError()) return exc;
    Value out;
    return statusToValue(vm, vm.genThrow(wrapped(a), exc, out), out);
}
Value wClose(Vm& vm, CallArgs& a) { return vm.genClose(wrapped(a)) ? Value() : Value::error(); }

Value newOp(Vm& vm, GenObj* g, AsyncGenOpObj::Op op, Value arg) {
    if (!g->m_hooksCalled) {   // sys.set_asyncgen_hooks' firstiter (asyncio's loop)
        g->m_hooksCalled = true;
        TypeObj* t = vm.types().asyncGenerator;
        if (t->m_onFirstIter && !t->m_onFirstIter(t->m_hookUser, vm, *g)) return Value::error();
    }
    return Value(vm.heap().make<AsyncGenOpObj>(vm.types().asyncGenOp, g, op, std::move(arg)));
}
Value agAiter(Vm&, CallArgs& a) { return a.self; }
Value agAnext(Vm& vm, CallArgs& a) { return newOp(vm, selfGen(a), AsyncGenOpObj::Op::Send, Value()); }
Value agAsend(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "asend", 1, 1)) return Value::error();
    return newOp(vm, selfGen(a), AsyncGenOpObj::Op::Send, a[0]);
}
Value agAthrow(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "athrow", 1, 3)) return Value::error();
    Value exc = makeThrown(vm, a[0], a.size() > 1 ? a[1] : Value());
    if (exc.isError()) return exc;
    return newOp(vm, selfGen(a), AsyncGenOpObj::Op::Throw, exc);
}
Value agAclose(Vm& vm, CallArgs& a) { return newOp(vm, selfGen(a), AsyncGenOpObj::Op::Close, Value()); }

AsyncGenOpObj* selfOp(CallArgs& a) { return static_cast<AsyncGenOpObj*>(a.self.asObj()); }
Value opNext(Vm& vm, CallArgs& a) {
    Value out;
    return statusToValue(vm, asyncOpSend(vm, selfOp(a), Value(), false, Value(), out), out);
}
Value opSend(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "send", 1, 1)) return Value::error();
    Value out;
    return statusToValue(vm, asyncOpSend(vm, selfOp(a), a[0], false, Value(), out), out);
}
Value opThrow(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "throw", 1, 3)) return Value::error();
    Value exc = makeThrown(vm, a[0], a.size() > 1 ? a[1] : Value());
    if (exc.isError()) return exc;
    Value out;
    return statusToValue(vm, asyncOpSend(vm, selfOp(a), Value(), true, exc, out), out);
}
Value opClose(Vm&, CallArgs& a) {
    selfOp(a)->m_state = AsyncGenOpObj::State::Closed;
    return Value();
}

}  // namespace

void installGenerators(Vm& vm) {
    const BuiltinTypes& T = vm.types();
    vm.addMethod(T.generator, "__iter__", gIter);
    vm.addMethod(T.generator, "__next__", gNext);
    vm.addMethod(T.generator, "send", gSend);
    vm.addMethod(T.generator, "throw", gThrow);
    vm.addMethod(T.generator, "close", gClose);
    vm.addMethod(T.coroutine, "send", gSend);
    vm.addMethod(T.coroutine, "throw", gThrow);
    vm.addMethod(T.coroutine, "close", gClose);
    vm.addMethod(T.coroutine, "__await__", cAwait);
    vm.addMethod(T.coroWrapper, "__iter__", gIter);
    vm.addMethod(T.coroWrapper, "__next__", wNext);
    vm.addMethod(T.coroWrapper, "send", wSend);
    vm.addMethod(T.coroWrapper, "throw", wThrow);
    vm.addMethod(T.coroWrapper, "close", wClose);
    vm.addMethod(T.asyncGenerator, "__aiter__", agAiter);
    vm.addMethod(T.asyncGenerator, "__anext__", agAnext);
    vm.addMethod(T.asyncGenerator, "asend", agAsend);
    vm.addMethod(T.asyncGenerator, "athrow", agAthrow);
    vm.addMethod(T.asyncGenerator, "aclose", agAclose);
    vm.addMethod(T.asyncGenOp, "__await__", gIter);
    vm.addMethod(T.asyncGenOp, "__iter__", gIter);
    vm.addMethod(T.asyncGenOp, "__next__", opNext);
    vm.addMethod(T.asyncGenOp, "send", opSend);
    vm.addMethod(T.asyncGenOp, "throw", opThrow);
    vm.addMethod(T.asyncGenOp, "close", opClose);
}

}  // namespace detail
}  // namespace aw::vm
