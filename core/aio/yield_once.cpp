// `_awaitscope.yield_once()`: an awaitable that suspends its awaiter once with
// a bare yield (None), then returns None. asyncio.sleep(0) awaits one; the
// Python reference is `_Sleep0` in core/aio/python/_aio_tasks.py, whose
// __await__ is a generator. This one needs no frame: sleep(0) is the hottest
// await of a busy loop.
#include "core/aio/yield_once.h"

#include "core/vm/containers.h"
#include "core/vm/function.h"
#include "core/vm/vm.h"

namespace aw::aio {

using vm::CallArgs;
using vm::Value;
using vm::Vm;

namespace {

struct YieldOnceObj : vm::NativeObj {
    AW_RECYCLED_ALLOCATION(YieldOnceObj)
    bool m_yielded = false;
};

// A plain function rather than the type itself: a call of a native function
// is cheaper than a type call (no __init__ lookup), and this runs per sleep(0).
Value make(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "yield_once", 0, 0)) return Value::error();
    return Value(vm.heap().make<YieldOnceObj>(a.callee->m_data.as<vm::TypeObj>()));
}

// The first step yields None; the next one returns (exhausted).
Value step(Vm&, vm::Obj* self) {
    auto* y = static_cast<YieldOnceObj*>(self);
    if (y->m_yielded) return Value::unbound();
    y->m_yielded = true;
    return Value::none();
}

Value await(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__await__", 0, 0)) return Value::error();
    return a.self;
}

Value iter(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__iter__", 0, 0)) return Value::error();
    return a.self;
}

Value next(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__next__", 0, 0)) return Value::error();
    Value r = step(vm, a.self.asObj());
    if (r.isUnbound()) return vm.raiseValue(Value(vm.types().StopIteration));
    return r;
}

// send(x): the value sent in is ignored, as by a bare `yield` whose result is unused.
Value send(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "send", 1, 1)) return Value::error();
    Value r = step(vm, a.self.asObj());
    if (r.isUnbound()) return vm.raiseValue(Value(vm.types().StopIteration));
    return r;
}

}  // namespace

void installYieldOnceType(Vm& vm, vm::DictObj* module) {
    vm::TypeObj* t = vm.newType("yield_once", nullptr, vm::Kind::Native, "_awaitscope");
    t->m_builtin = true;
    t->m_subclassable = false;
    t->m_iternext = step;
    t->m_awaitsItself = true;   // its __await__ returns itself: `await` need not call it
    vm.addMethod(t, "__await__", await);
    vm.addMethod(t, "__iter__", iter);
    vm.addMethod(t, "__next__", next);
    vm.addMethod(t, "send", send);
    vm::NativeFunctionObj* f = vm.addFunction(module, "yield_once", make);
    f->m_data = Value(t);
    f->m_qualname = "_awaitscope.yield_once";
}

}  // namespace aw::aio
