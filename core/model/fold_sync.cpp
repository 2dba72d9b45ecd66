// The fold of the synchronisation primitives: Queue (and LifoQueue, PriorityQueue), Lock, Event, Condition,
// Semaphore (and BoundedSemaphore). The asyncio port (core/aio/python/_aio_locks.py, _aio_queues.py) reports
// them with the sync.* and queue.* events of core/trace/events.def; this keeps State::syncs in step with the
// Python objects and marks the futures that wait on them.
#include "core/model/fold_internal.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace aw::model::detail {
namespace {

using trace::EventKind;

// sync.new's class name -> the kind the stage draws ("BoundedSemaphore" is a Semaphore, "LifoQueue" a Queue).
std::optional<SyncKind> kindOfClass(std::string_view type) {
    if (type.ends_with("Queue"))
        return SyncKind::Queue;
    if (type == "Lock")
        return SyncKind::Lock;
    if (type == "Event")
        return SyncKind::Event;
    if (type == "Condition")
        return SyncKind::Condition;
    if (type.ends_with("Semaphore"))
        return SyncKind::Semaphore;
    return std::nullopt;
}

// Values the port writes are small integers (counters, maxsize, 0/1), carried in the event's double.
int64_t toInteger(double x) {
    if (!std::isfinite(x))
        return 0;
    return static_cast<int64_t>(std::llround(x));
}

bool eraseFirst(std::vector<Id>& ids, Id id) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
        return false;
    ids.erase(it);
    return true;
}

// Queue items that leave: `end` says from where (queue.get's b).
void removeItem(std::vector<std::string_view>& items, uint32_t end, std::string_view text) {
    if (items.empty())
        return;
    switch (end) {
    case 1:  // LifoQueue: the back
        items.pop_back();
        return;
    case 2: {  // PriorityQueue: items are listed in put order; the smallest leaves, found by its text
        auto it = std::find(items.begin(), items.end(), text);
        items.erase(it != items.end() ? it : items.begin());
        return;
    }
    default:  // Queue: the front
        items.erase(items.begin());
        return;
    }
}

void onNew(State& state, const trace::Trace& trace, const trace::Event& e) {
    const std::string_view type = trace.text(e);
    const auto kind = kindOfClass(type);
    if (e.a == 0 || !kind)
        return;  // a subclass that skipped our __init__, or a class this fold does not know
    SyncInfo info;
    info.id = e.a;
    info.kind = *kind;
    info.type = type;
    info.uses = e.b;
    if (*kind == SyncKind::Queue || *kind == SyncKind::Semaphore)
        info.value = toInteger(e.x);
    if (SyncInfo* existing = state.sync(e.a))
        *existing = std::move(info);
    else
        state.syncs.push_back(std::move(info));
    if (e.b != 0)
        if (SyncInfo* used = state.sync(e.b))
            used->usedBy = e.a;
}

void onWaiterAdd(State& state, const trace::Event& e) {
    SyncInfo* sync = state.sync(e.a);
    if (!sync)
        return;
    const bool putter = sync->kind == SyncKind::Queue && e.x == 1.0;
    (putter ? sync->putters : sync->waiters).push_back(e.b);
    if (FutureInfo* future = state.future(e.b))
        future->sync = e.a;
    // The task awaits the waiter right after this event (task.await), and fold.cpp derives its WaitKind from
    // FutureInfo::sync then; a task already suspended on it is marked now.
    refreshWaiters(state, e.b);
}

void onWaiterRemove(State& state, const trace::Event& e) {
    SyncInfo* sync = state.sync(e.a);
    if (!sync)
        return;
    if (!eraseFirst(sync->waiters, e.b))
        eraseFirst(sync->putters, e.b);
    if (FutureInfo* future = state.future(e.b); future && future->sync == e.a)
        future->sync = 0;
}

void onValue(State& state, const trace::Event& e) {
    SyncInfo* sync = state.sync(e.a);
    if (!sync)
        return;
    sync->value = toInteger(e.x);
    // A lock is taken inside acquire(), which runs in the step of the task taking it.
    if (sync->kind == SyncKind::Lock)
        sync->holder = sync->value != 0 ? state.runningTask : 0;
}

}  // namespace

bool applySyncEvent(State& state, const trace::Trace& trace, const trace::Event& e, Step) {
    switch (e.kind) {
    case EventKind::SyncNew: onNew(state, trace, e); return true;
    case EventKind::SyncWaiterAdd: onWaiterAdd(state, e); return true;
    case EventKind::SyncWaiterRemove: onWaiterRemove(state, e); return true;
    case EventKind::SyncValue: onValue(state, e); return true;
    case EventKind::QueuePut:
        if (SyncInfo* queue = state.sync(e.a))
            queue->items.push_back(trace.text(e));
        return true;
    case EventKind::QueueGet:
        if (SyncInfo* queue = state.sync(e.a))
            removeItem(queue->items, e.b, trace.text(e));
        return true;
    default: return false;
    }
}

}  // namespace aw::model::detail
