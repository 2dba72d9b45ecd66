// `_awaitscope`: the native world module under the Python-written asyncio
// (core/aio/python/INTERFACE.md; executable spec tools/aio_cpython/_awaitscope.py).
// The clock and the Ctrl+C time are the Vm's World; the sockets, ids, SIGINT
// handler and trace are the per-run AioState every function here is bound to.

#include "core/aio/aio_state.h"

#include <cmath>
#include <limits>

namespace aw::aio {

using trace::EventKind;
using vm::CallArgs;
using vm::Value;
using vm::Vm;

namespace {

bool intArg(Vm& vm, const Value& v, std::string_view fname, int64_t& out) {
    if (!v.isIntLike()) {
        vm.raise(vm.types().TypeError, std::string(fname) + "() expects an int, not " + vm.typeName(v));
        return false;
    }
    out = v.asInt();
    return true;
}

bool numberArg(Vm& vm, const Value& v, std::string_view fname, double& out) {
    if (!v.isNumber()) {
        vm.raise(vm.types().TypeError, std::string(fname) + "() expects a number, not " + vm.typeName(v));
        return false;
    }
    out = v.toDouble();
    return true;
}

// A loop id (the trace's ids are 32-bit).
uint32_t id32(int64_t v) { return static_cast<uint32_t>(v); }

// Ends the run: nothing could ever wake the program. The unwind must not be
// catchable and no finally may run (vtrun's os._exit), which is what the
// Vm's cut does; the runner reports hung() before cut().
Value hang(Vm& vm, AioState& st) {
    st.m_recorder->event(EventKind::WorldHang);
    vm.markHung();
    vm.m_cut = true;
    vm.m_error = vm.newException(vm.types().budgetExceeded, "nothing left to wait for");
    return Value::error();
}

// The wait of INTERFACE.md `wait` steps 1-2 (loopWait) and of `sleep`.
// False with an exception pending (KeyboardInterrupt, the handler's error, a hang).
bool waitUntil(Vm& vm, AioState& st, double target, bool loopWait) {
    world::World& w = vm.world();
    if (w.interruptAt() && !w.interruptDelivered() && target >= *w.interruptAt()) {
        const double t = *w.interruptAt();
        w.markInterruptDelivered();
        if (t > w.now()) {
            // The clock moves only at world.clock events (trace.h), so the
            // state model sees the wait up to T like any other.
            st.m_recorder->event(EventKind::WorldClock, 0, loopWait ? 1 : 0, t);
            w.advanceTo(t);
        }
        const Value handler = st.m_sigintHandler;
        st.m_recorder->event(EventKind::WorldCtrlC, 0, handler.isNone() ? 0 : 1, t);
        if (handler.isNone()) {
            vm.raise(vm.types().KeyboardInterrupt, "");
            return false;
        }
        // The handler runs right here, before anything else (a real SIGINT
        // handler runs between two bytecodes of the waiting thread).
        Value r = vm.call(handler, {});
        if (r.isError()) return false;
        if (loopWait) return true;   // the loop woke up early, at T
        // time.sleep: PEP 475, the sleep goes on to its end.
    }
    if (std::isinf(target)) {
        hang(vm, st);
        return false;
    }
    if (target > w.now()) {
        st.m_recorder->event(EventKind::WorldClock, 0, loopWait ? 1 : 0, target);
        w.advanceTo(target);
    }
    return true;
}

// Step 3: the sockets of `loop` that are due now, removed, as a list of ids.
Value dueSockets(Vm& vm, AioState& st, uint32_t loop) {
    std::vector<Value> ids;
    for (const auto& s : st.m_network.takeDue(loop, vm.world().now())) {
        st.m_recorder->event(EventKind::SocketDone, s.id, loop);
        ids.push_back(Value::integer(s.id));
    }
    return vm.newList(std::move(ids));
}

// ---------------------------------------------------------------- clock & ids

Value fnNow(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "now", 0, 0)) return Value::error();
    return Value::number(vm.world().now());
}

Value fnNewId(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "new_id", 0, 0)) return Value::error();
    return Value::integer(++hostOf(a).m_nextId);
}

// describe_plain(callback): "qualname()" for a plain function or bound
// method scheduled with no arguments: exactly what _aio_base.describe_callback
// (callback, ()) gives for it, without running its Python (the loop asks for
// a description of every handle it schedules). None for anything else: the
// caller then asks describe_callback.
Value fnDescribePlain(Vm& vm, CallArgs& a) {
    Value args[1];
    if (!a.bind(vm, "describe_plain", {"callback"}, 1, args)) return Value::error();
    Value fn = args[0];
    if (auto* b = fn.asOrNull<vm::BoundMethodObj>()) fn = b->m_func;
    auto* f = fn.asOrNull<vm::FunctionObj>();
    if (!f || f->m_dict.is<vm::DictObj>()) return Value::none();   // a __dict__ could shadow __qualname__
    auto* q = f->m_qualname.asOrNull<vm::StrObj>();
    if (!q || q->m_text.empty()) return Value::none();
    return vm.newStr(q->m_text + "()");
}

// ---------------------------------------------------------------- waiting

Value fnWait(Vm& vm, CallArgs& a) {
    Value args[2];
    if (!a.bind(vm, "wait", {"loop_id", "deadline"}, 2, args)) return Value::error();
    int64_t loop = 0;
    if (!intArg(vm, args[0], "wait", loop)) return Value::error();
    double target = std::numeric_limits<double>::infinity();
    if (!args[1].isNone() && !numberArg(vm, args[1], "wait", target)) return Value::error();
    AioState& st = hostOf(a);
    if (auto due = st.m_network.earliestDue(id32(loop)); due && *due < target) target = *due;
    if (!waitUntil(vm, st, target, true)) return Value::error();
    return dueSockets(vm, st, id32(loop));
}

Value fnPoll(Vm& vm, CallArgs& a) {
    Value loopArg;
    if (!a.bind(vm, "poll", {"loop_id"}, 1, &loopArg)) return Value::error();
    int64_t loop = 0;
    if (!intArg(vm, loopArg, "poll", loop)) return Value::error();
    return dueSockets(vm, hostOf(a), id32(loop));
}

Value fnSleep(Vm& vm, CallArgs& a) {
    Value secsArg;
    if (!a.bind(vm, "sleep", {"secs"}, 1, &secsArg)) return Value::error();
    double secs = 0;
    if (!numberArg(vm, secsArg, "sleep", secs)) return Value::error();
    if (secs > 0 && !waitUntil(vm, hostOf(a), vm.world().now() + secs, false)) return Value::error();
    return Value::none();
}

Value fnGetSigintHandler(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "get_sigint_handler", 0, 0)) return Value::error();
    return hostOf(a).m_sigintHandler;
}

Value fnSetSigintHandler(Vm& vm, CallArgs& a) {
    Value fn;
    if (!a.bind(vm, "set_sigint_handler", {"handler"}, 1, &fn)) return Value::error();
    if (!fn.isNone() && !vm.isCallable(fn))
        return vm.raise(vm.types().TypeError, "signal handler must be callable or None");
    AioState& st = hostOf(a);
    Value old = st.m_sigintHandler;
    st.m_sigintHandler = fn;
    return old;
}

// ---------------------------------------------------------------- sockets

Value fnSocketOpen(Vm& vm, CallArgs& a) {
    Value args[3];
    if (!a.bind(vm, "socket_open", {"loop_id", "url", "latency"}, 3, args)) return Value::error();
    int64_t loop = 0;
    double latency = 0;
    if (!intArg(vm, args[0], "socket_open", loop) || !numberArg(vm, args[2], "socket_open", latency))
        return Value::error();
    std::string url;
    if (!vm.strString(args[1], url)) return Value::error();
    AioState& st = hostOf(a);
    const uint32_t sid = ++st.m_nextId;
    const double due = vm.world().now() + latency;   // one addition, as vtrun
    st.m_recorder->event(EventKind::SocketOpen, sid, id32(loop), due, url);
    st.m_network.open(sid, id32(loop), due, std::move(url));
    return Value::integer(sid);
}

Value fnSocketClose(Vm& vm, CallArgs& a) {
    Value sidArg;
    if (!a.bind(vm, "socket_close", {"sid"}, 1, &sidArg)) return Value::error();
    int64_t sid = 0;
    if (!intArg(vm, sidArg, "socket_close", sid)) return Value::error();
    AioState& st = hostOf(a);
    if (st.m_network.close(id32(sid))) st.m_recorder->event(EventKind::SocketClose, id32(sid));
    return Value::none();
}

Value fnSocketCloseAll(Vm& vm, CallArgs& a) {
    Value loopArg;
    if (!a.bind(vm, "socket_close_all", {"loop_id"}, 1, &loopArg)) return Value::error();
    int64_t loop = 0;
    if (!intArg(vm, loopArg, "socket_close_all", loop)) return Value::error();
    AioState& st = hostOf(a);
    for (uint32_t sid : st.m_network.closeAll(id32(loop))) st.m_recorder->event(EventKind::SocketClose, sid);
    return Value::none();
}

// ---------------------------------------------------------------- objects

bool isKind(const Value& v, vm::Kind k) { return v.isObj() && v.asObj()->kind() == k; }

Value fnIsCoroutine(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "iscoroutine", 1, 1)) return Value::error();
    return Value::boolean(isKind(a[0], vm::Kind::Coroutine));
}

Value fnIsGenerator(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "isgenerator", 1, 1)) return Value::error();
    return Value::boolean(isKind(a[0], vm::Kind::Generator));
}

// inspect.iscoroutinefunction: an async def (not an async generator), through
// bound methods and functools.partial.
int isCoroutineFunction(Vm& vm, const Value& f, int depth) {
    if (depth > 32 || !f.isObj()) return 0;
    if (auto* fn = f.asOrNull<vm::FunctionObj>()) {
        const uint32_t flags = fn->m_code->m_flags;
        return (flags & bytecode::kCoroutine) && !(flags & bytecode::kAsyncGenerator) ? 1 : 0;
    }
    if (auto* m = f.asOrNull<vm::BoundMethodObj>()) return isCoroutineFunction(vm, m->m_func, depth + 1);
    if (vm.typeName(f) == "partial") {
        Value inner = vm.getAttrOpt(f, "func");
        if (inner.isError()) return -1;
        if (inner.isUnbound()) return 0;
        return isCoroutineFunction(vm, inner, depth + 1);
    }
    return 0;
}

Value fnIsCoroutineFunction(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "iscoroutinefunction", 1, 1)) return Value::error();
    const int r = isCoroutineFunction(vm, a[0], 0);
    if (r < 0) return Value::error();
    return Value::boolean(r == 1);
}

// Remembers where a coroutine was defined while its frame still tells.
const AioState::CoroOrigin* coroOrigin(AioState& st, const Value& coro) {
    auto* g = static_cast<vm::GenObj*>(coro.asObj());
    auto it = st.m_origins.find(g);
    if (it != st.m_origins.end() && it->second.coro.identical(coro)) return &it->second;
    if (!g->m_frame) return nullptr;
    const auto& unit = g->m_frame->m_code->unit();
    auto& entry = st.m_origins[g];
    entry = AioState::CoroOrigin{coro, unit.filename, unit.firstLine};
    return &entry;
}

std::string coroName(Vm& vm, const Value& coro) {
    auto* g = static_cast<vm::GenObj*>(coro.asObj());
    if (auto* s = g->m_qualname.asOrNull<vm::StrObj>()) return s->text();
    if (auto* s = g->m_name.asOrNull<vm::StrObj>()) return s->text();
    std::string r;
    vm.reprString(coro, r);
    return r;
}

Value fnCoroName(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "coro_name", 1, 1)) return Value::error();
    const Value& coro = a[0];
    if (!vm::isGenLike(coro)) {
        // As the shim: __qualname__, __name__, else repr.
        for (const char* attr : {"__qualname__", "__name__"}) {
            Value v = vm.getAttrOpt(coro, attr);
            if (v.isError()) return v;
            if (v.is<vm::StrObj>()) return v;
        }
        return vm.repr(coro);
    }
    coroOrigin(hostOf(a), coro);
    return vm.newStr(coroName(vm, coro));
}

Value fnCoroRepr(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "coro_repr", 1, 1)) return Value::error();
    const Value& coro = a[0];
    if (!vm::isGenLike(coro)) return vm.repr(coro);
    auto* g = static_cast<vm::GenObj*>(coro.asObj());
    const std::string name = coroName(vm, coro) + "()";
    const AioState::CoroOrigin* origin = coroOrigin(hostOf(a), coro);
    if (!origin) return vm.newStr(name);
    if (g->m_frame)
        return vm.newStr(name + " running at " + origin->filename + ":" + std::to_string(vm.genLine(g)));
    return vm.newStr(name + " done, defined at " + origin->filename + ":" + std::to_string(origin->firstLine));
}

// "FILE:LINE" of a function the script defined (CPython's
// _format_callback_source); None for natives, classes, bound methods and the
// embedded asyncio modules' own functions.
Value fnFuncSource(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "func_source", 1, 1)) return Value::error();
    auto* fn = a[0].asOrNull<vm::FunctionObj>();
    if (!fn) return Value::none();
    const auto& unit = fn->m_code->unit();
    if (isEmbeddedFilename(unit.filename)) return Value::none();
    return vm.newStr(unit.filename + ":" + std::to_string(unit.firstLine));
}

Value fnSetAsyncgenHooks(Vm& vm, CallArgs& a) {
    Value args[2];
    if (!a.bind(vm, "set_asyncgen_hooks", {"firstiter", "finalizer"}, 2, args)) return Value::error();
    for (const Value& v : args)
        if (!v.isNone() && !vm.isCallable(v))
            return vm.raise(vm.types().TypeError, "callable or None expected, got " + vm.typeName(v));
    AioState& st = hostOf(a);
    Value old = vm.newTuple({st.m_firstIterHook, st.m_finalizerHook});
    st.m_firstIterHook = args[0];
    st.m_finalizerHook = args[1];
    return old;
}

// ---------------------------------------------------------------- output, trace

Value fnReport(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "report", 1, 1)) return Value::error();
    std::string text;
    if (!vm.strString(a[0], text)) return Value::error();
    AioState& st = hostOf(a);
    st.m_recorder->errorOutput(text);
    if (st.m_errorOutput) st.m_errorOutput(text + "\n");
    return Value::none();
}

std::optional<EventKind> kindOf(Vm& vm, AioState& st, const Value& kind) {
    auto* s = kind.asOrNull<vm::StrObj>();
    if (!s) return std::nullopt;
    auto it = st.m_kinds.find(s);
    if (it != st.m_kinds.end()) return it->second.kind;
    // Bound the cache: kinds built at run time (not constants) would grow it.
    if (st.m_kinds.size() > 4096) st.m_kinds.clear();
    auto k = trace::kindFromWireName(s->view());
    st.m_kinds.emplace(s, AioState::KindEntry{kind, k});
    (void)vm;
    return k;
}

Value fnTrace(Vm& vm, CallArgs& a) {
    Value args[5];
    if (!a.bind(vm, "trace", {"kind", "a", "b", "x", "s"}, 1, args)) return Value::error();
    AioState& st = hostOf(a);
    if (!st.m_recorder->enabled()) return Value::none();
    const auto kind = kindOf(vm, st, args[0]);
    int64_t ia = 0, ib = 0;
    double x = 0.0;
    if (!args[1].isUnbound() && !args[1].isNone() && !intArg(vm, args[1], "trace", ia)) return Value::error();
    if (!args[2].isUnbound() && !args[2].isNone() && !intArg(vm, args[2], "trace", ib)) return Value::error();
    if (!args[3].isUnbound() && !args[3].isNone() && !numberArg(vm, args[3], "trace", x)) return Value::error();
    std::string_view text;
    std::string owned;
    if (!args[4].isUnbound() && !args[4].isNone()) {
        if (auto* s = args[4].asOrNull<vm::StrObj>()) text = s->view();
        else if (!vm.strString(args[4], owned)) return Value::error();
        else text = owned;
    }
    if (!kind) {
        // A vocabulary mismatch between the modules and events.def: keep it visible.
        std::string k;
        if (auto* s = args[0].asOrNull<vm::StrObj>()) k = s->text();
        st.m_recorder->note("unknown trace kind '" + k + "': " + std::string(text));
        return Value::none();
    }
    // "Cancel task X at step k" (RunOptions::cancelTask): a loop is about to
    // run a handle (Handle._run writes handle.run first) and the trace has
    // reached step k, so the task is cancelled now, before the handle runs.
    if (*kind == EventKind::HandleRun && !cancelDueTask(vm, st)) return Value::error();
    st.m_recorder->event(*kind, static_cast<uint32_t>(ia), static_cast<uint32_t>(ib), x, text);
    // The run's limits (step budget, cancel flag) are watched by the recorder;
    // the loop writes events all the time, so this is where a loop is cut.
    if (st.m_recorder->stopRequested() != trace::Recorder::Stop::None) {
        vm.cutRun();
        return Value::error();
    }
    return Value::none();
}

}  // namespace


// Calls task.cancel() on the live task whose trace id is `id` (the
// intervention of RunOptions::cancelTask). A task that is done or unknown is
// left alone, and a note says so. False with an exception pending.
static bool cancelTask(Vm& vm, AioState& st, uint32_t id) {
    const std::string what = "cancel task " + std::to_string(id) + " at step " +
                             std::to_string(st.m_recorder->events() - 1);
    Value module = vm.importModule("_aio_tasks");
    if (module.isError()) return false;
    Value tasks = vm.getAttr(module, "_all_tasks");   // every Task not known to be done (_aio_tasks.py)
    if (tasks.isError()) return false;
    auto* list = tasks.asOrNull<vm::ListObj>();
    if (!list) {
        vm.raise(vm.types().RuntimeError, "_aio_tasks._all_tasks is not a list");
        return false;
    }
    const std::vector<Value> items = list->m_items;   // a copy: cancel() may change the list
    for (const Value& task : items) {
        Value taskId = vm.getAttr(task, "_aw_id");
        if (taskId.isError()) return false;
        if (!taskId.isIntLike() || taskId.asInt() != int64_t(id)) continue;
        Value done = vm.callMethod(task, "done", {});
        if (done.isError()) return false;
        const int isDone = vm.truthy(done);
        if (isDone < 0) return false;
        if (isDone) break;
        st.m_recorder->note("Awaitscope: " + what + " (an intervention: the script does not do this)");
        Value r = vm.callMethod(task, "cancel", {});
        return !r.isError();
    }
    st.m_recorder->note("Awaitscope: " + what + ": no such task is pending, nothing cancelled");
    return true;
}

bool cancelDueTask(Vm& vm, AioState& st) {
    const auto task = st.m_recorder->takeDueTaskCancel();
    return !task || cancelTask(vm, st, *task);
}

void addModuleFunctions(Vm& vm, vm::DictObj* module, AioState* st,
                        std::initializer_list<std::pair<const char*, vm::NativeFn>> fns) {
    for (const auto& [name, fn] : fns) {
        vm::NativeFunctionObj* f = vm.addFunction(module, name, fn);
        f->m_data = Value(st);
        f->m_qualname = std::string("_awaitscope.") + name;
    }
}

void addNativeFunctions(Vm& vm, vm::DictObj* module, AioState* st) {
    addModuleFunctions(vm, module, st, {
        {"now", fnNow},
        {"new_id", fnNewId},
        {"describe_plain", fnDescribePlain},
        {"wait", fnWait},
        {"poll", fnPoll},
        {"sleep", fnSleep},
        {"get_sigint_handler", fnGetSigintHandler},
        {"set_sigint_handler", fnSetSigintHandler},
        {"socket_open", fnSocketOpen},
        {"socket_close", fnSocketClose},
        {"socket_close_all", fnSocketCloseAll},
        {"iscoroutine", fnIsCoroutine},
        {"iscoroutinefunction", fnIsCoroutineFunction},
        {"isgenerator", fnIsGenerator},
        {"coro_name", fnCoroName},
        {"coro_repr", fnCoroRepr},
        {"func_source", fnFuncSource},
        {"set_asyncgen_hooks", fnSetAsyncgenHooks},
        {"report", fnReport},
        {"trace", fnTrace},
    });
}

}  // namespace aw::aio
