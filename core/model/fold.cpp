// The fold: what each program / code / loop / handle / future / task / world
// event does to the State. Synchronisation primitives are in fold_sync.cpp.
//
// The trace follows CPython's asyncio (core/aio/python), and some of what
// CPython does leaves no event, so the fold re-enacts it:
// - _run_once pops cancelled timers from the front of the heap (or, when
//   more than half of over 100 are cancelled, drops them all) before it
//   waits: done at loop.iter, with CPython's _timer_cancelled_count;
// - _run_once runs exactly the handles that were ready when its batch began
//   and silently skips the cancelled ones: the batch is remembered (size
//   taken at its first handle.run), so skipped handles leave the queue
//   before the next handle.run or at the next loop.iter;
// - a timer's callback text does not say which future it completes: the
//   timer that asyncio.sleep creates (`_set_result_unless_cancelled(...)`)
//   is scheduled right after its future is created, so a timer.new whose
//   previous event is a plain future.new is linked to that future.
#include "core/model/fold.h"

#include "core/model/fold_internal.h"

#include <algorithm>
#include <utility>

namespace aw::model {

using trace::Event;
using trace::EventKind;

namespace detail {

WaitKind waitKindOf(const State& state, Id future)
{
    if (future == 0) return WaitKind::None;
    if (state.task(future)) return WaitKind::Task;
    if (const FutureInfo* f = state.future(future)) {
        if (f->timer) return WaitKind::Timer;
        if (f->socket) return WaitKind::Socket;
        if (f->sync) return WaitKind::Sync;
    }
    return WaitKind::Future;
}

void refreshWaiters(State& state, Id future)
{
    const FutureInfo* f = state.future(future);
    const TaskInfo* t = f ? nullptr : state.task(future);
    if ((f && !f->awaitedBy) || (t && !t->awaitedBy)) return;   // nobody has awaited it yet
    const WaitKind kind = waitKindOf(state, future);
    for (TaskInfo& t : state.tasks)
        if (t.awaiting == future && (t.status == TaskStatus::Suspended || t.status == TaskStatus::Ready))
            t.waitKind = kind;
}

}  // namespace detail

namespace {

bool isFinished(TaskStatus s)
{
    return s == TaskStatus::Done || s == TaskStatus::Failed || s == TaskStatus::Cancelled;
}

// Ids that must stay listed even when finished: what unfinished tasks await, what sockets deliver to.
std::vector<Id> referencedIds(const State& state)
{
    std::vector<Id> ids;
    for (const TaskInfo& t : state.tasks)
        if (!isFinished(t.status) && t.awaiting) ids.push_back(t.awaiting);
    for (const SocketInfo& s : state.sockets) ids.push_back(s.future);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Drops the oldest-finished items beyond `keep` from `items` (a vector of TaskInfo or FutureInfo), except
// referenced ones. Returns how many finished items remain.
template <typename Vec, typename IsFinished>
std::size_t dropOldFinished(Vec& items, std::size_t keep, const std::vector<Id>& referenced, IsFinished isDone)
{
    std::vector<Step> finishedSteps;
    for (const auto& item : items)
        if (isDone(item)) finishedSteps.push_back(item.finished);
    if (finishedSteps.size() <= keep) return finishedSteps.size();
    // The keep-th newest finish step: everything finished before it goes (unless referenced).
    auto nth = finishedSteps.end() - static_cast<std::ptrdiff_t>(keep);
    std::nth_element(finishedSteps.begin(), nth, finishedSteps.end());
    const Step cutoff = *nth;
    std::size_t remaining = 0;
    auto out = items.begin();
    for (auto it = items.begin(); it != items.end(); ++it) {
        const bool done = isDone(*it);
        const bool drop = done && it->finished < cutoff && !std::binary_search(referenced.begin(), referenced.end(), it->id);
        if (drop) continue;
        if (done) ++remaining;
        if (out != it) *out = std::move(*it);
        ++out;
    }
    items.erase(out, items.end());
    return remaining;
}

void compactIfNeeded(State& state)
{
    FoldBookkeeping& f = state.fold;
    const bool futures = f.doneFutures >= std::max<std::size_t>(2 * kKeepDoneFutures, f.compactFuturesAt);
    const bool tasks = f.finishedTasks >= std::max<std::size_t>(2 * kKeepFinishedTasks, f.compactTasksAt);
    if (!futures && !tasks) return;
    const std::vector<Id> referenced = referencedIds(state);
    if (futures) {
        f.doneFutures = dropOldFinished(state.futures, kKeepDoneFutures, referenced,
                                        [](const FutureInfo& fu) { return fu.status != FutureStatus::Pending; });
        f.compactFuturesAt = 2 * f.doneFutures;   // many survivors (all referenced): wait for more before trying again
    }
    if (tasks) {
        f.finishedTasks = dropOldFinished(state.tasks, kKeepFinishedTasks, referenced,
                                          [](const TaskInfo& t) { return isFinished(t.status); });
        f.compactTasksAt = 2 * f.finishedTasks;
    }
}

template <typename Deque>
auto findHandle(Deque& entries, Id handle)
{
    return std::find_if(entries.begin(), entries.end(), [handle](const auto& e) { return e.handle == handle; });
}

// Pops the rest of the iteration's batch: _run_once pops every handle it took, running the live ones and
// skipping the cancelled ones, so whatever of the batch is still queued was cancelled. At the end of a run the
// batch may instead have been abandoned (KeyboardInterrupt raised by a handle): then live handles are left in
// it, and CPython keeps them all queued for the next run.
void finishBatch(State& state, bool atRunEnd)
{
    FoldBookkeeping& f = state.fold;
    if (f.batch == FoldBookkeeping::Batch::Running) {
        const std::size_t left = std::min<std::size_t>(f.batchLeft, state.ready.size());
        const bool allCancelled = std::all_of(state.ready.begin(), state.ready.begin() + static_cast<std::ptrdiff_t>(left),
                                              [](const ReadyEntry& r) { return r.cancelled; });
        if (!atRunEnd || allCancelled) state.ready.erase(state.ready.begin(), state.ready.begin() + static_cast<std::ptrdiff_t>(left));
    } else if (f.batch == FoldBookkeeping::Batch::Collecting && !atRunEnd) {
        // Nothing ran in the last iteration: its whole batch was cancelled handles.
        while (!state.ready.empty() && state.ready.front().cancelled) state.ready.pop_front();
    }
    f.batch = FoldBookkeeping::Batch::None;
    f.batchLeft = 0;
}

// The start of _run_once: drop cancelled timers as CPython does.
void dropCancelledTimers(State& state)
{
    constexpr std::size_t kMinScheduledTimerHandles = 100;    // base_events._MIN_SCHEDULED_TIMER_HANDLES
    constexpr double kMinCancelledFraction = 0.5;             // _MIN_CANCELLED_TIMER_HANDLES_FRACTION
    uint32_t& cancelled = state.fold.cancelledTimers;
    const std::size_t count = state.timers.size();
    if (count > kMinScheduledTimerHandles && double(cancelled) / double(count) > kMinCancelledFraction) {
        std::erase_if(state.timers, [](const TimerEntry& t) { return t.cancelled && !t.dropped; });
        cancelled = 0;
        return;
    }
    while (!state.timers.empty() && state.timers.front().cancelled && !state.timers.front().dropped) {
        state.timers.pop_front();
        if (cancelled > 0) --cancelled;
    }
}

void enterLoop(State& state, Id loop)
{
    if (state.loop.id == loop) return;
    // Another loop becomes the one shown (programs run one loop at a time).
    state.loop = LoopInfo{};
    state.loop.id = loop;
    state.loop.phase = LoopPhase::Idle;
}

void wakeWaiter(State& state, Id future)
{
    auto wake = [&](TaskInfo* t) {
        if (t && t->status == TaskStatus::Suspended && t->awaiting == future) {
            t->status = TaskStatus::Ready;
            return true;
        }
        return false;
    };
    Id first = 0;
    if (const FutureInfo* f = state.future(future)) first = f->awaitedBy;
    else if (const TaskInfo* t = state.task(future)) first = t->awaitedBy;
    if (wake(first ? state.task(first) : nullptr)) return;
    for (TaskInfo& t : state.tasks)
        if (wake(&t)) return;
}

std::vector<Frame>* framesOf(State& state, Id owner)
{
    if (owner == 0) return &state.topFrames;
    if (TaskInfo* t = state.task(owner)) return &t->frames;
    return &state.topFrames;   // a coroutine driven by hand, not by a task: shown with the top level
}

void setFinishedOutcome(State& state, const Event& e, std::string_view text, FutureStatus status, Step step)
{
    if (TaskInfo* t = state.task(e.a)) {
        t->outcome = text;
        t->callbacks.clear();   // scheduled now (handle.new/handle.ready follow)
        return;
    }
    if (FutureInfo* f = state.future(e.a)) {
        if (f->status == FutureStatus::Pending) ++state.fold.doneFutures;
        f->status = status;
        f->outcome = text;
        f->finished = step;
        f->callbacks.clear();
        compactIfNeeded(state);
    }
}

std::vector<std::string_view>* callbacksOf(State& state, Id id)
{
    if (TaskInfo* t = state.task(id)) return &t->callbacks;
    if (FutureInfo* f = state.future(id)) return &f->callbacks;
    return nullptr;
}

void applyTaskState(State& state, const Event& e, std::string_view what, Step step)
{
    TaskInfo* t = state.task(e.a);
    if (!t) return;
    if (what == "running") {
        t->status = TaskStatus::Running;
        t->awaiting = 0;
        t->waitKind = WaitKind::None;
        state.runningTask = t->id;
        return;
    }
    if (state.runningTask == t->id) state.runningTask = 0;
    if (what == "suspended") {
        t->status = TaskStatus::Suspended;
        return;
    }
    t->awaiting = 0;
    t->waitKind = WaitKind::None;
    if (what == "ready") {
        t->status = TaskStatus::Ready;
        return;
    }
    const TaskStatus finalStatus = what == "done" ? TaskStatus::Done : what == "failed" ? TaskStatus::Failed : TaskStatus::Cancelled;
    if (!isFinished(t->status)) {
        ++state.fold.finishedTasks;
        ++state.tasksFinished;
    }
    t->status = finalStatus;
    t->finished = step;
    compactIfNeeded(state);
}

void applyHandleRun(State& state, const Event& e)
{
    FoldBookkeeping& f = state.fold;
    if (f.batch != FoldBookkeeping::Batch::Running) {
        f.batch = FoldBookkeeping::Batch::Running;
        f.batchLeft = static_cast<uint32_t>(state.ready.size());
    }
    state.loop.runningHandle = e.a;
    state.loop.runningCallback = {};
    state.loop.phase = LoopPhase::RunningHandle;
    auto it = findHandle(state.ready, e.a);
    if (it == state.ready.end()) return;
    const ReadyEntry entry = *it;
    const auto popped = static_cast<uint32_t>(it - state.ready.begin()) + 1;   // it and the skipped ones before it
    f.batchLeft = f.batchLeft > popped ? f.batchLeft - popped : 0;
    state.ready.erase(state.ready.begin(), it + 1);
    state.loop.runningCallback = entry.callback;
    if (entry.reason == "socket") f.deliveringSocket = entry.target;   // it leaves when this handle is done
}

void insertTimer(State& state, TimerEntry timer)
{
    auto pos = std::upper_bound(state.timers.begin(), state.timers.end(), timer, [](const TimerEntry& a, const TimerEntry& b) {
        return a.when != b.when ? a.when < b.when : a.handle < b.handle;
    });
    state.timers.insert(pos, timer);
}

}  // namespace

void applyEvent(State& state, const trace::Trace& trace, Step step)
{
    const Event& e = trace[step];
    // Line events pack their columns into `s`: it is not a string id for them.
    const std::string_view text = e.kind == EventKind::Line ? std::string_view{} : trace.text(e);
    state.step = step;
    state.blockedInSleep = false;   // a time.sleep lasts exactly its world.clock event
    const Id newFuture = state.fold.newFuture;
    state.fold.newFuture = 0;

    switch (e.kind) {
    // program
    case EventKind::ProgramStart: break;
    case EventKind::Output: ++state.outputCount; break;
    case EventKind::Stderr: ++state.reportCount; break;
    case EventKind::Note: ++state.noteCount; break;
    case EventKind::Uncaught: state.uncaught = text; break;
    case EventKind::ProgramEnd:
        state.ended = true;
        state.exitCode = static_cast<int>(e.a);
        break;
    case EventKind::ProgramCut:
        state.cut = true;
        state.cutReason = text;
        break;

    // code
    case EventKind::Line: {
        const int line = static_cast<int>(e.b);
        if (TaskInfo* t = e.a ? state.task(e.a) : nullptr) {
            t->line = line;
            t->colStart = trace::columnStart(e);
            t->colEnd = trace::columnEnd(e);
        } else {
            state.topLine = line;
            state.topColStart = trace::columnStart(e);
            state.topColEnd = trace::columnEnd(e);
        }
        std::vector<Frame>* frames = framesOf(state, e.a);
        if (!frames->empty()) frames->back().line = line;
        break;
    }
    case EventKind::FramePush: framesOf(state, e.a)->push_back(Frame{text, static_cast<int>(e.b)}); break;
    case EventKind::FramePop: {
        std::vector<Frame>* frames = framesOf(state, e.a);
        if (!frames->empty()) frames->pop_back();
        break;
    }

    // loop
    case EventKind::LoopNew:
        // A new loop: what the previous one dropped at close is history now.
        std::erase_if(state.ready, [](const ReadyEntry& r) { return r.dropped; });
        std::erase_if(state.timers, [](const TimerEntry& t) { return t.dropped; });
        state.loop = LoopInfo{};
        state.loop.id = e.a;
        state.loop.phase = LoopPhase::Idle;
        state.fold.batch = FoldBookkeeping::Batch::None;
        state.fold.cancelledTimers = 0;
        break;
    case EventKind::LoopRun:
        enterLoop(state, e.a);
        state.loop.phase = LoopPhase::Running;
        state.loop.stopping = false;
        state.loop.runFuture = e.b;
        state.fold.batch = FoldBookkeeping::Batch::None;
        break;
    case EventKind::LoopRunEnd:
        enterLoop(state, e.a);
        finishBatch(state, true);
        state.loop.phase = LoopPhase::Stopped;
        state.loop.stopping = false;   // run_forever resets _stopping
        state.loop.runFuture = 0;
        state.loop.runningHandle = 0;
        state.loop.runningCallback = {};
        state.runningTask = 0;
        break;
    case EventKind::LoopIter:
        enterLoop(state, e.a);
        finishBatch(state, false);
        dropCancelledTimers(state);
        state.loop.iteration = e.b;
        state.loop.phase = LoopPhase::Running;
        break;
    case EventKind::LoopWait:
        enterLoop(state, e.a);
        state.loop.phase = LoopPhase::Polling;
        state.loop.waitUntil = e.x;
        state.loop.waitReason = text;
        state.fold.batch = FoldBookkeeping::Batch::Collecting;
        break;
    case EventKind::LoopStop:
        enterLoop(state, e.a);
        state.loop.stopping = true;
        break;
    case EventKind::LoopClose:
        enterLoop(state, e.a);
        state.loop.phase = LoopPhase::Closed;
        state.loop.runningHandle = 0;
        state.loop.runningCallback = {};
        break;

    // handles
    case EventKind::HandleNew:
        state.fold.newHandle = e.a;
        state.fold.newHandleCallback = text;
        break;
    case EventKind::HandleReady: {
        ReadyEntry r;
        r.handle = e.a;
        r.callback = state.fold.newHandle == e.a ? state.fold.newHandleCallback : std::string_view{};
        r.reason = text;
        r.target = e.b;
        r.since = step;
        state.ready.push_back(r);
        if (text == "done_callback" && r.callback.starts_with("Task.task_wakeup")) wakeWaiter(state, e.b);
        break;
    }
    case EventKind::TimerNew: {
        TimerEntry t;
        t.handle = e.a;
        t.when = e.x;
        t.callback = text;
        t.since = step;
        if (newFuture && text.starts_with("_set_result_unless_cancelled(")) {
            t.future = newFuture;
            if (FutureInfo* f = state.future(newFuture)) f->timer = e.a;
            detail::refreshWaiters(state, newFuture);
        }
        insertTimer(state, t);
        break;
    }
    case EventKind::TimerDue: {
        auto it = findHandle(state.timers, e.a);
        if (it == state.timers.end()) break;
        ReadyEntry r;
        r.handle = it->handle;
        r.callback = it->callback;
        r.reason = "timer";
        r.target = it->future;
        r.since = step;
        r.cancelled = it->cancelled;   // popped as due although cancelled: skipped when its turn comes
        state.timers.erase(it);
        state.ready.push_back(r);
        break;
    }
    case EventKind::HandleRun: applyHandleRun(state, e); break;
    case EventKind::HandleDone:
        if (Id socket = std::exchange(state.fold.deliveringSocket, 0))
            std::erase_if(state.sockets, [&](const SocketInfo& s) { return s.id == socket; });
        state.loop.runningHandle = 0;
        state.loop.runningCallback = {};
        if (state.loop.phase == LoopPhase::RunningHandle) state.loop.phase = LoopPhase::Running;
        state.runningTask = 0;
        break;
    case EventKind::HandleCancel: {
        auto timer = findHandle(state.timers, e.a);
        if (timer != state.timers.end()) {
            if (!timer->cancelled) ++state.fold.cancelledTimers;   // loop._timer_handle_cancelled
            timer->cancelled = true;
            break;
        }
        auto ready = findHandle(state.ready, e.a);
        if (ready != state.ready.end()) ready->cancelled = true;
        break;   // a handle that already ran: Handle.cancel() is a no-op for the loop
    }
    case EventKind::HandleDropped: {
        auto ready = findHandle(state.ready, e.a);
        if (ready != state.ready.end()) ready->dropped = true;
        auto timer = findHandle(state.timers, e.a);
        if (timer != state.timers.end()) timer->dropped = true;
        break;
    }

    // futures and tasks
    case EventKind::FutureNew: {
        FutureInfo f;
        f.id = e.a;
        f.kind = text;
        f.created = step;
        if (!state.futures.empty() && state.futures.back().id >= f.id) break;   // ids only grow; ignore a repeat
        state.futures.push_back(f);
        if (text == "Future") state.fold.newFuture = e.a;
        break;
    }
    case EventKind::TaskNew: {
        // future.new (kind Task) came first: a task is listed as a task, not a future.
        if (!state.futures.empty() && state.futures.back().id == e.a) state.futures.pop_back();
        if (state.task(e.a)) break;
        TaskInfo t;
        t.id = e.a;
        t.name = text;
        t.created = step;
        t.colorIndex = state.fold.tasksCreated++;
        auto pos = std::lower_bound(state.tasks.begin(), state.tasks.end(), t.id,
                                    [](const TaskInfo& x, Id id) { return x.id < id; });
        state.tasks.insert(pos, std::move(t));
        break;
    }
    case EventKind::TaskCoro:
        if (TaskInfo* t = state.task(e.a)) t->coro = text;
        break;
    case EventKind::TaskName:
        if (TaskInfo* t = state.task(e.a)) t->name = text;
        break;
    case EventKind::FutureCbAdd:
        if (auto* cbs = callbacksOf(state, e.a)) cbs->push_back(text);
        break;
    case EventKind::FutureCbRemove:
        if (auto* cbs = callbacksOf(state, e.a)) {
            uint32_t toRemove = e.b;
            std::erase_if(*cbs, [&](std::string_view cb) { return toRemove > 0 && cb == text && (--toRemove, true); });
        }
        break;
    case EventKind::TaskAwait:
        if (TaskInfo* t = state.task(e.a)) {
            t->awaiting = e.b;
            t->waitKind = detail::waitKindOf(state, e.b);
            if (FutureInfo* f = state.future(e.b); f && !f->awaitedBy) f->awaitedBy = e.a;
            if (TaskInfo* awaited = state.task(e.b); awaited && !awaited->awaitedBy) awaited->awaitedBy = e.a;
        }
        break;
    case EventKind::TaskState: applyTaskState(state, e, text, step); break;
    case EventKind::TaskCancelReq:
        if (TaskInfo* t = state.task(e.a)) t->cancelRequests = e.b;
        break;
    case EventKind::FutureResult: setFinishedOutcome(state, e, text, FutureStatus::Done, step); break;
    case EventKind::FutureException: setFinishedOutcome(state, e, text, FutureStatus::Failed, step); break;
    case EventKind::FutureCancelled: setFinishedOutcome(state, e, text, FutureStatus::Cancelled, step); break;
    case EventKind::SocketWait:
        for (SocketInfo& s : state.sockets)
            if (s.id == e.a) {
                s.future = e.b;
                s.request = text;
            }
        if (FutureInfo* f = state.future(e.b)) f->socket = e.a;
        detail::refreshWaiters(state, e.b);
        break;
    case EventKind::CtrlCHandled: state.ctrlCHandled = true; break;

    // world
    case EventKind::WorldClock:
        if (e.b == 0) {
            state.blockedInSleep = true;
            state.sleepFrom = state.clock;
        }
        state.clock = e.x;
        break;
    case EventKind::WorldCtrlC:
        state.ctrlCAt = e.x;
        state.ctrlCHandled = e.b != 0;
        break;
    case EventKind::WorldHang: state.hung = true; break;
    case EventKind::SocketOpen: {
        SocketInfo s;
        s.id = e.a;
        s.request = text;
        s.due = e.x;
        s.since = step;
        state.sockets.push_back(s);
        break;
    }
    case EventKind::SocketDone:
        for (SocketInfo& s : state.sockets)
            if (s.id == e.a) s.done = true;
        break;
    case EventKind::SocketClose:
        std::erase_if(state.sockets, [&](const SocketInfo& s) { return s.id == e.a; });
        break;

    default:
        // Queue/Lock/Semaphore/Event/Condition; a kind nobody folds changes nothing but the step.
        detail::applySyncEvent(state, trace, e, step);
        break;
    }
}

}  // namespace aw::model
