// The end of BaseEventLoop._run_once in C++: run exactly the handles that are
// ready now (`_awaitscope.run_ready(ready)`), and for the commonest handle of
// all, a Task's step (Handle(Task._step) of an exact Task), do what
// Handle._run, Task._step, Task._run_step and the bare-yield branch of
// Task._handle_yield do, without running their Python. Every other handle,
// and every rarer turn of a step (a future awaited, the coroutine returning or
// raising, a cancellation pending), goes to the same Python methods the
// reference path runs (_aw_run_body, _handle_yield, _aw_returned, _aw_raised,
// _aw_run_failed), so the behaviour and the trace are the reference's.
// The reference is `_run_ready_py` in core/aio/python/_aio_base_events.py.
#include "core/aio/aio_state.h"
#include "core/aio/native_deque.h"
#include "core/aio/yield_once.h"

#include "core/vm/containers.h"
#include "core/vm/function.h"
#include "core/vm/generator.h"
#include "core/vm/str.h"

namespace aw::aio {

using trace::EventKind;
using vm::CallArgs;
using vm::DictObj;
using vm::Value;
using vm::Vm;

namespace {

// Attribute names read and written here (AioState::ReadyTurn::keys).
enum Key {
    kCancelled, kCallback, kArgs, kAwId, kState, kMustCancel, kCoro, kFutWaiter, kLoop, kClosed,
    kReady, kContext, kRepr, kSourceTraceback, kKeyCount
};
constexpr const char* kKeyNames[kKeyCount] = {
    "_cancelled", "_callback", "_args", "_aw_id", "_state", "_must_cancel", "_coro", "_fut_waiter",
    "_loop", "_closed", "_ready", "_context", "_repr", "_source_traceback",
};
static_assert(kKeyCount <= sizeof(AioState::ReadyTurn::keys) / sizeof(Value));

struct Turn {
    Turn(Vm& v, AioState& s) : vm(v), st(s), t(s.m_turn) {}
    Vm& vm;
    AioState& st;
    AioState::ReadyTurn& t;

    // vm.hash(loop) for the _current_tasks dict, for the loop last seen.
    Value hashedLoop;
    int64_t loopHash = 0;
    bool hashLoop(const Value& loop) {
        if (!hashedLoop.isNone() && hashedLoop.identical(loop)) return true;
        if (!vm.hash(loop, loopHash)) return false;
        hashedLoop = loop;
        return true;
    }

    // The loop last scheduled on, its _ready and its _aw_id.
    Value readyOfLoop, loopReady, loopIdValue;

    const vm::StrObj* key(Key k) const { return t.keys[k].as<vm::StrObj>(); }
    Value get(DictObj* d, Key k) const { return d->getStrHinted(key(k), t.keyHints[k]); }
    bool set(DictObj* d, Key k, Value v) const {
        if (d->replaceHinted(key(k), t.keyHints[k], v)) return true;
        return d->set(vm, t.keys[k], std::move(v));
    }

    // An event as `_awaitscope.trace` records it: nothing without a trace, and
    // a cut when the run's limits are reached. False: the run is cut.
    bool emit(EventKind kind, int64_t a, int64_t b, uint32_t text) {
        trace::Recorder& r = *st.m_recorder;
        if (!r.enabled()) return true;
        r.eventWithText(kind, static_cast<uint32_t>(a), static_cast<uint32_t>(b), text);
        if (r.stopRequested() == trace::Recorder::Stop::None) return true;
        vm.cutRun();
        return false;
    }
    bool emitHandleRun(int64_t handleId) {
        if (st.m_recorder->enabled() && !cancelDueTask(vm, st)) return false;
        return emit(EventKind::HandleRun, handleId, 0, 0);
    }

    bool isExitException(const Value& exc) const {
        return vm.isInstance(exc, vm.types().KeyboardInterrupt) || vm.isInstance(exc, vm.types().SystemExit);
    }

    // The handle being run: a Handle object, or a deferred one made on demand.
    struct Running {
        Value handle;        // None while deferred
        Value task;
        int64_t id = 0;
        // Known already for a deferred handle (DequeObj::Item); else read from the task.
        Value loop, coro;
        int64_t taskId = 0;
        bool known = false;
    };
    Value handleOf(Running& r) {
        if (r.handle.isNone()) r.handle = makeStepHandle(r.task, r.id);
        return r.handle;
    }
    Value callHandle(Running& r, const char* method, std::initializer_list<Value> args) {
        Value h = handleOf(r);
        if (h.isError()) return h;
        return vm.callMethod(h, method, args);
    }

    bool runOne(const Value& handle);
    bool runTaskStep(Running& r);
    int stepCoroutine(const Value& task, int64_t taskId, vm::GenObj* coro, const Value& loop);
    bool scheduleYield(const Value& task, int64_t taskId, const Value& loop, const Value& coro);
    Value makeStepHandle(const Value& task, int64_t id);
    Value taskState(DictObj* td);
};

// One handle popped from the ready queue. False with an exception pending.
bool Turn::runOne(const Value& handle) {
    if (handle.is<vm::InstanceObj>() && vm.typeOf(handle) == t.handleType.get()) {
        DictObj* hd = handle.as<vm::InstanceObj>()->m_dict.get();
        if (hd) {
            Value cancelled = get(hd, kCancelled);
            if (cancelled.isBool()) {
                if (cancelled.asBool()) return true;
                Value cb = get(hd, kCallback);
                Value args = get(hd, kArgs);
                auto* bm = cb.asOrNull<vm::BoundMethodObj>();
                auto* tuple = args.asOrNull<vm::TupleObj>();
                if (bm && tuple && tuple->m_items.empty() && bm->m_func.identical(t.taskStep) &&
                    bm->m_self.is<vm::InstanceObj>() && vm.typeOf(bm->m_self) == t.taskType.get())
                {
                    Value id = get(hd, kAwId);
                    if (id.isInt()) {
                        Running r{handle, bm->m_self, id.asInt(), Value(), Value(), 0, false};
                        return runTaskStep(r);
                    }
                }
            }
        }
    }
    // The reference: `if handle._cancelled: continue` then `handle._run()`.
    Value cancelled = vm.getAttr(handle, "_cancelled");
    if (cancelled.isError()) return false;
    const int skip = vm.truthy(cancelled);
    if (skip < 0) return false;
    if (skip) return true;
    return !vm.callMethod(handle, "_run", {}).isError();
}

// The task's _state: set in its dict once done, the class default before.
Value Turn::taskState(DictObj* td) {
    Value v = get(td, kState);
    if (!v.isUnbound()) return v;
    if (t.typeEpoch != vm::typeDictEpoch()) {
        t.stateDefault = t.taskType->lookup(key(kState));
        t.typeEpoch = vm::typeDictEpoch();
    }
    return t.stateDefault;
}

// Handle._run with Task._step as its callback (no arguments).
bool Turn::runTaskStep(Running& r) {
    const Value task = r.task;
    const int64_t handleId = r.id;
    if (!emitHandleRun(handleId)) return false;

    // Task._step's opening, natively only when it has nothing to decide: not
    // done, no cancellation to deliver, a plain coroutine, no task running.
    // (The intervention above may have just asked for a cancellation.)
    DictObj* td = task.as<vm::InstanceObj>()->m_dict.get();
    Value loop = r.loop, coro = r.coro;
    int64_t taskId = r.taskId;
    bool plain = false;
    if (td) {
        if (!r.known) {
            loop = get(td, kLoop);
            coro = get(td, kCoro);
            const Value id = get(td, kAwId);
            taskId = id.isInt() ? id.asInt() : 0;
        }
        const Value stateV = taskState(td);
        const Value mustCancel = get(td, kMustCancel);
        plain = stateV.identical(t.pending) && mustCancel.isBool() && !mustCancel.asBool() &&
                coro.isObj() && coro.asObj()->kind() == vm::Kind::Coroutine && !loop.isUnbound();
        if (plain) {
            auto* current = t.currentTasks.as<DictObj>();
            if (!hashLoop(loop)) return false;
            if (current->size() != 0) {   // else no task is running, certainly not on this loop
                Value now = current->getHashed(vm, loop, loopHash);
                if (now.isError()) return false;
                plain = now.isUnbound();
            }
        }
    }
    if (!plain) return !callHandle(r, "_aw_run_body", {}).isError();

    // self._fut_waiter = None (already None after a bare yield); _enter_task(self._loop, self)
    if (!get(td, kFutWaiter).isNone() && !set(td, kFutWaiter, Value::none())) return false;
    auto* current = t.currentTasks.as<DictObj>();
    if (!current->setHashed(vm, loop, loopHash, task)) return false;

    int outcome = stepCoroutine(task, taskId, static_cast<vm::GenObj*>(coro.asObj()), loop);
    if (outcome < 0 && vm.cut()) return false;   // a cut unwinds without finally blocks

    // finally: _leave_task(self._loop, self)
    Value error;
    if (outcome < 0) error = vm.takeError();
    Value now = current->getHashed(vm, loop, loopHash);
    if (now.isError()) return false;
    if (now.identical(task)) {
        if (current->removeHashed(vm, loop, loopHash) < 0) return false;
    } else {
        // Somebody else is registered as running: the reference raises.
        Value tasksModule = vm.importModule("_aio_tasks");
        if (tasksModule.isError()) return false;
        Value leave = vm.getAttr(tasksModule, "_leave_task");
        if (leave.isError() || vm.call(leave, {loop, task}).isError()) {
            if (vm.cut()) return false;
            error = vm.takeError();   // an exception in finally replaces the step's
        }
    }

    if (!error.isNone()) {
        // Handle._run's except clauses.
        if (isExitException(error)) {
            if (!emit(EventKind::HandleDone, handleId, 0, t.raisedText)) return false;
            vm.restoreError(std::move(error));
            return false;
        }
        return !callHandle(r, "_aw_run_failed", {error}).isError();
    }
    return emit(EventKind::HandleDone, handleId, 0, 0);
}

// Task._run_step(coro, None) after _step's opening. 0 done; -1 an exception
// is pending (the step's, to go through _step's finally and Handle._run).
int Turn::stepCoroutine(const Value& task, int64_t id, vm::GenObj* coro, const Value& loop) {
    if (!emit(EventKind::TaskState, id, 0, t.runningText)) return -1;
    Value keepCoro(coro);
    Value out;
    switch (vm.genSend(coro, Value::none(), out)) {
    case vm::GenStatus::Yielded:
        if (out.isNone()) return scheduleYield(task, id, loop, Value(coro)) ? 0 : -1;
        return vm.callMethod(task, "_handle_yield", {out}).isError() ? -1 : 0;
    case vm::GenStatus::Returned:
        return vm.callMethod(task, "_aw_returned", {out}).isError() ? -1 : 0;
    case vm::GenStatus::Error: {
        if (vm.cut()) return -1;
        Value exc = vm.takeError();
        if (vm.callMethod(task, "_aw_raised", {exc}).isError()) return -1;
        if (isExitException(exc)) {   // the reference re-raises these
            vm.restoreError(std::move(exc));
            return -1;
        }
        return 0;
    }
    }
    return 0;
}

// _handle_yield(None): self._loop._call_soon_internal(self._step, (), 'yield',
// self._aw_id), then the task is ready. A closed loop or an unusual loop goes
// to the reference, which raises or copes.
bool Turn::scheduleYield(const Value& task, int64_t id, const Value& loop, const Value& coro) {
    DictObj* ld = loop.is<vm::InstanceObj>() ? loop.as<vm::InstanceObj>()->m_dict.get() : nullptr;
    Value closed, ready, loopId;
    if (ld) {
        closed = get(ld, kClosed);
        // A loop's _ready and _aw_id are set once, in BaseEventLoop.__init__.
        if (!readyOfLoop.isNone() && readyOfLoop.identical(loop)) {
            ready = loopReady;
            loopId = loopIdValue;
        } else {
            ready = get(ld, kReady);
            loopId = get(ld, kAwId);
            readyOfLoop = loop;
            loopReady = ready;
            loopIdValue = loopId;
        }
    }
    auto* deque = ready.is<vm::NativeObj>() && vm.typeOf(ready) == t.dequeType.get()
                      ? static_cast<DequeObj*>(ready.asObj())
                      : nullptr;
    if (!deque || !closed.isBool() || closed.asBool() || !loopId.isInt())
        return !vm.callMethod(task, "_handle_yield", {Value::none()}).isError();

    // Handle(self._step, (), loop, None), deferred (native_deque.h).
    const int64_t handleId = ++st.m_nextId;
    if (!emit(EventKind::HandleNew, handleId, loopId.asInt(), t.stepText)) return false;
    if (!emit(EventKind::HandleReady, handleId, id, t.yieldText)) return false;
    deque->m_items.push_back({task, handleId, loop, coro, id});
    return emit(EventKind::TaskState, id, 0, t.readyText);
}

// The Handle object of a deferred Handle(task._step): the attributes of
// Handle.__init__, in its order.
Value Turn::makeStepHandle(const Value& task, int64_t id) {
    DictObj* td = task.as<vm::InstanceObj>()->m_dict.get();
    Value loop = td ? get(td, kLoop) : Value::unbound();
    if (loop.isUnbound()) return vm.raise(vm.types().RuntimeError, "a deferred step handle lost its task's loop");
    auto* h = vm.heap().make<vm::InstanceObj>(t.handleType.get());
    Value handle(h);
    Value dict = vm.newDict();
    h->m_dict = dict.as<DictObj>();
    DictObj* hd = h->m_dict.get();
    if (!set(hd, kContext, Value::none()) || !set(hd, kLoop, loop) ||
        !set(hd, kCallback, vm.newBoundMethod(t.taskStep, task)) || !set(hd, kArgs, vm.emptyTuple()) ||
        !set(hd, kCancelled, Value::boolean(false)) || !set(hd, kRepr, Value::none()) ||
        !set(hd, kSourceTraceback, Value::none()) || !set(hd, kAwId, Value::integer(id)))
        return Value::error();
    return handle;
}

// A thousand tasks take turns, so each step's first touch of its task (the
// object, its dict's index and entries) and of its coroutine's frame is a
// cache miss, and each of those lines is only found by reading the one
// before. The ready queue says which tasks come next: ask for the lines of
// the task three steps ahead, then one level deeper for the next two, so
// they are in cache when their turn comes.
void prefetchAhead(const AioState::ReadyTurn& t, const std::deque<DequeObj::Item>& items) {
    // Deferred step handles only (their value is a Task instance); the kind
    // check reads the object, so the farthest stage does without it.
    auto step = [&](size_t i) -> const DequeObj::Item* {
        return i < items.size() && items[i].stepHandleId ? &items[i] : nullptr;
    };
    if (const auto* it = step(2)) {
        __builtin_prefetch(it->value.objOrNull());
        __builtin_prefetch(it->coro.objOrNull());
    }
    if (const auto* it = step(1); it && it->value.is<vm::InstanceObj>()) {
        __builtin_prefetch(it->value.as<vm::InstanceObj>()->m_dict.get());
        if (it->coro.isObj()) __builtin_prefetch(static_cast<vm::GenObj*>(it->coro.asObj())->m_frame.get());
    }
    if (const auto* it = step(0); it && it->value.is<vm::InstanceObj>()) {
        if (const DictObj* d = it->value.as<vm::InstanceObj>()->m_dict.get(); d && !d->m_index.empty()) {
            const size_t mask = d->m_index.size() - 1;
            for (Key k : {kState, kMustCancel, kFutWaiter})
                __builtin_prefetch(&d->m_index[size_t(t.keys[k].as<vm::StrObj>()->hash()) & mask]);
            __builtin_prefetch(d->m_entries.data());
        }
        if (it->coro.isObj())
            if (vm::FrameObj* f = static_cast<vm::GenObj*>(it->coro.asObj())->m_frame.get())
                __builtin_prefetch(f->m_slots.data());
    }
}

// run_ready(ready): `ntodo = len(ready)`, then that many `ready.popleft()`, each
// skipped when cancelled and run otherwise.
Value fnRunReady(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "run_ready", 1, 1)) return Value::error();
    AioState& st = hostOf(a);
    if (!st.m_turn.registered || !a[0].is<vm::NativeObj>() || vm.typeOf(a[0]) != st.m_turn.dequeType.get())
        return vm.raise(vm.types().TypeError, "run_ready() needs fast_register() and an _awaitscope.deque");
    Value keep = a[0];
    auto* ready = static_cast<DequeObj*>(keep.asObj());
    Turn turn(vm, st);
    const size_t ntodo = ready->m_items.size();
    for (size_t i = 0; i < ntodo; ++i) {
        if (ready->m_items.empty()) return vm.raise(vm.types().IndexError, "pop from an empty deque");
        DequeObj::Item item = std::move(ready->m_items.front());
        ready->m_items.pop_front();
        prefetchAhead(st.m_turn, ready->m_items);
        if (item.stepHandleId) {
            Turn::Running r{Value::none(), std::move(item.value), item.stepHandleId,
                            std::move(item.loop), std::move(item.coro), item.taskId, true};
            if (!turn.runTaskStep(r)) return Value::error();
        } else if (!turn.runOne(item.value)) {
            return Value::error();
        }
    }
    return Value::none();
}

// fast_register(Handle, Task, Task._step, _PENDING, _current_tasks, step_text)
Value fnFastRegister(Vm& vm, CallArgs& a) {
    Value args[6];
    if (!a.bind(vm, "fast_register", {"handle", "task", "step", "pending", "current_tasks", "step_text"}, 6, args))
        return Value::error();
    if (!args[0].is<vm::TypeObj>() || !args[1].is<vm::TypeObj>() || !args[4].is<DictObj>() ||
        !args[5].is<vm::StrObj>())
        return vm.raise(vm.types().TypeError, "fast_register(): bad arguments");
    AioState& st = hostOf(a);
    AioState::ReadyTurn& t = st.m_turn;
    t.handleType = args[0].as<vm::TypeObj>();
    t.taskType = args[1].as<vm::TypeObj>();
    t.taskStep = args[2];
    t.pending = args[3];
    t.currentTasks = args[4];
    trace::Recorder& r = *st.m_recorder;
    t.stepText = r.intern(args[5].as<vm::StrObj>()->view());
    t.runningText = r.intern("running");
    t.readyText = r.intern("ready");
    t.yieldText = r.intern("yield");
    t.raisedText = r.intern("raised");
    for (int k = 0; k < kKeyCount; ++k) t.keys[k] = vm.intern(kKeyNames[k]);
    t.registered = true;
    return Value::none();
}

}  // namespace

Value materializeItem(Vm& vm, AioState& host, DequeObj::Item& item) {
    if (!item.stepHandleId) return item.value;
    Turn turn(vm, host);
    Value h = turn.makeStepHandle(item.value, item.stepHandleId);
    if (h.isError()) return h;
    item = DequeObj::Item{h};
    return h;
}

void addReadyTurn(Vm& vm, DictObj* module, AioState* st) {
    st->m_turn.dequeType = installDequeType(vm, module, st);
    installYieldOnceType(vm, module);
    addModuleFunctions(vm, module, st, {{"run_ready", fnRunReady}, {"fast_register", fnFastRegister}});
}

}  // namespace aw::aio
