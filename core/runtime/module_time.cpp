// The `time` module of the simulated world (WORLD.md "Clock"): every clock
// reads the virtual clock; time.sleep blocks the whole thread — the clock
// jumps and nothing else (no task, callback or timer) runs meanwhile.

#include "core/runtime/float_format.h"
#include "core/runtime/runtime_util.h"

#include <cmath>

namespace aw::rt {

namespace {

Value timeTime(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "time", 0, 0)) return Value::error();
    return Value::number(vm.world().wallTime());
}

Value timeMonotonic(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "monotonic", 0, 0)) return Value::error();
    return Value::number(vm.world().now());
}

// round(x * 1e9) as the oracle computes the *_ns clocks.
Value nanoseconds(Vm& vm, double seconds)
{
    int64_t out = 0;
    if (!floatToInt(vm, roundHalfEven(seconds * 1e9), out)) return Value::error();
    return Value::integer(out);
}

Value timeTimeNs(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "time_ns", 0, 0)) return Value::error();
    return nanoseconds(vm, vm.world().wallTime());
}

Value timeMonotonicNs(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "monotonic_ns", 0, 0)) return Value::error();
    return nanoseconds(vm, vm.world().now());
}

Value timeSleep(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "sleep", 1, 1)) return Value::error();
    const Value& s = a[0];
    if (!s.isNumber())
        return vm.raise(vm.types().TypeError, "'" + vm.typeName(s) + "' object cannot be interpreted as an integer");
    const double secs = s.toDouble();
    if (std::isnan(secs)) return vm.raise(vm.types().ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return vm.raise(vm.types().ValueError, "sleep length must be non-negative");
    // With asyncio installed (core/aio), the world's sleep is `_awaitscope.sleep`
    // (core/aio/python/INTERFACE.md): it records the clock and, when a SIGINT
    // handler is registered (asyncio.run), calls it at T and sleeps on (PEP 475).
    Value world = vm.importModule("_awaitscope");
    if (!world.isError()) {
        Value sleep = vm.getAttr(world, "sleep");
        if (sleep.isError()) return sleep;
        return vm.call(sleep, {Value::number(secs)});
    }
    if (!vm.errorMatches(vm.types().ModuleNotFoundError)) return Value::error();
    vm.clearError();
    // Ctrl+C during the sleep: the clock stops at T and KeyboardInterrupt comes out here.
    if (!vm.world().sleep(secs)) return vm.raise(vm.types().KeyboardInterrupt, "");
    return Value::none();
}

Value makeTimeModule(Vm& vm)
{
    Value m = vm.newModule("time");
    vm::DictObj* d = m.as<vm::ModuleObj>()->m_dict.get();
    vm.addFunction(d, "time", timeTime);
    vm.addFunction(d, "monotonic", timeMonotonic);
    vm.addFunction(d, "perf_counter", timeMonotonic);
    vm.addFunction(d, "time_ns", timeTimeNs);
    vm.addFunction(d, "monotonic_ns", timeMonotonicNs);
    vm.addFunction(d, "perf_counter_ns", timeMonotonicNs);
    vm.addFunction(d, "sleep", timeSleep);
    return m;
}

}  // namespace

void registerTimeModule(Vm& vm)
{
    vm.registerModule("time", makeTimeModule);
}

}  // namespace aw::rt
