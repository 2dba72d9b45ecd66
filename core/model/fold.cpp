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
//
// Speed (StateIndex::stateAt folds up to K events from a checkpoint, K in the
// tens of thousands on a big trace): no event scans the queues or the task
// list. Handles are found through FoldBookkeeping::handles (HandlePlaces),
// tasks and futures through a one-entry hint; Folder keeps the timer heap in
// chunks while it folds (TimerStore); compaction scans each list once.
#include "core/model/fold.h"

#include "core/model/fold_internal.h"
#include "core/model/timer_store.h"

#include <algorithm>
#include <deque>
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

// Drops the oldest-finished items beyond `keep` from `items` (state.tasks or state.futures), except those that
// must stay listed: what an unfinished task awaits, what a socket delivers to. Returns how many finished items
// remain. The candidates are found first (few: about `keep` of them), so the references are checked against
// them instead of being collected and sorted.
template <typename Vec, typename IsFinished>
std::size_t dropOldFinished(const State& state, Vec& items, std::size_t keep, IsFinished isDone)
{
    std::vector<Step> finishedSteps;
    for (const auto& item : items)
        if (isDone(item)) finishedSteps.push_back(item.finished);
    if (finishedSteps.size() <= keep) return finishedSteps.size();
    // The keep-th newest finish step: everything finished before it goes (unless referenced).
    auto nth = finishedSteps.end() - static_cast<std::ptrdiff_t>(keep);
    std::nth_element(finishedSteps.begin(), nth, finishedSteps.end());
    const Step cutoff = *nth;
    std::vector<Id> candidates;   // in id order, as `items` is
    for (const auto& item : items)
        if (isDone(item) && item.finished < cutoff) candidates.push_back(item.id);
    if (candidates.empty()) return finishedSteps.size();
    std::vector<char> spared(candidates.size(), 0);
    auto spare = [&](Id id) {
        if (id < candidates.front() || id > candidates.back()) return;   // most awaited futures are newer
        auto it = std::lower_bound(candidates.begin(), candidates.end(), id);
        if (it != candidates.end() && *it == id) spared[std::size_t(it - candidates.begin())] = 1;
    };
    for (const TaskInfo& t : state.tasks)
        if (!isFinished(t.status) && t.awaiting) spare(t.awaiting);
    for (const SocketInfo& s : state.sockets) spare(s.future);
    std::size_t remaining = 0;
    std::size_t next = 0;   // the next candidate, walked in step with `items`
    auto out = items.begin();
    for (auto it = items.begin(); it != items.end(); ++it) {
        const bool done = isDone(*it);
        const bool candidate = next < candidates.size() && candidates[next] == it->id;
        const bool drop = candidate && !spared[next];
        if (candidate) ++next;
        if (drop) continue;
        if (done) ++remaining;
        if (out != it) *out = std::move(*it);
        ++out;
    }
    items.erase(out, items.end());
    return remaining;
}

// Compaction scans every task and future, so it waits until half as many items as are pending have finished
// (at least twice the number kept): its cost per finished item stays constant however many are pending.
void compactIfNeeded(State& state)
{
    FoldBookkeeping& f = state.fold;
    const std::size_t pendingFutures = state.futures.size() - std::min(f.doneFutures, state.futures.size());
    const std::size_t pendingTasks = state.tasks.size() - std::min(f.finishedTasks, state.tasks.size());
    if (f.doneFutures >= std::max({2 * kKeepDoneFutures, f.compactFuturesAt, pendingFutures / 2})) {
        f.doneFutures = dropOldFinished(state, state.futures, kKeepDoneFutures,
                                        [](const FutureInfo& fu) { return fu.status != FutureStatus::Pending; });
        f.compactFuturesAt = 2 * f.doneFutures;   // many survivors (all referenced): wait for more before trying again
        f.hints.futureIds.clear();                  // rebuilt at the next lookup
    }
    if (f.finishedTasks >= std::max({2 * kKeepFinishedTasks, f.compactTasksAt, pendingTasks / 2})) {
        f.finishedTasks = dropOldFinished(state, state.tasks, kKeepFinishedTasks,
                                          [](const TaskInfo& t) { return isFinished(t.status); });
        f.compactTasksAt = 2 * f.finishedTasks;
        f.hints.taskIds.clear();
    }
}

// The ids of `items` (state.tasks or state.futures), in order; rebuilt when they no longer match in size (a
// State made by hand). Every change to the two lists keeps them in step (TaskNew, FutureNew, compaction).
template <typename Vec>
std::vector<Id>& idsOf(std::vector<Id>& ids, const Vec& items)
{
    if (ids.size() != items.size()) {
        ids.clear();
        ids.reserve(items.capacity());
        for (const auto& item : items) ids.push_back(item.id);
    }
    return ids;
}

// Tasks and futures by id: where the last lookup found one or the one after it (the loop runs a batch of tasks
// in the order they became ready, often creation order), or the newest (just created: its callbacks, its timer
// and its awaiter come next). Null when none of those is it.
template <typename Vec>
auto guessIn(Vec& items, std::size_t& hint, Id id) -> decltype(items.data())
{
    if (hint < items.size() && items[hint].id == id) return &items[hint];
    if (hint + 1 < items.size() && items[hint + 1].id == id) return &items[++hint];
    if (!items.empty() && items.back().id == id) {
        hint = items.size() - 1;
        return &items.back();
    }
    return nullptr;
}

// A binary search over the ids.
template <typename Vec>
auto searchIn(Vec& items, std::vector<Id>& idCache, std::size_t& hint, Id id) -> decltype(items.data())
{
    const std::vector<Id>& ids = idsOf(idCache, items);
    if (ids.empty()) return nullptr;
    // A lower bound without branches on the comparisons: the fold looks up ids in no order the branch predictor
    // could learn, and std::lower_bound's mispredictions made this a tenth of stateAt's time.
    const Id* base = ids.data();
    for (std::size_t n = ids.size(); n > 1;) {
        const std::size_t half = n / 2;
        base = base[half] < id ? base + half : base;
        n -= half;
    }
    base += *base < id;
    if (base == ids.data() + ids.size() || *base != id) return nullptr;
    hint = std::size_t(base - ids.data());
    return &items[hint];
}

template <typename Vec>
auto findIn(Vec& items, std::vector<Id>& idCache, std::size_t& hint, Id id) -> decltype(items.data())
{
    if (auto* item = guessIn(items, hint, id)) return item;
    return searchIn(items, idCache, hint, id);
}

TaskInfo* taskOf(State& state, Id id)
{
    return findIn(state.tasks, state.fold.hints.taskIds, state.fold.hints.task, id);
}

FutureInfo* futureOf(State& state, Id id)
{
    return findIn(state.futures, state.fold.hints.futureIds, state.fold.hints.future, id);
}

// An id names a task or a future (never both): both lists' guesses before either search, so that a future
// the guesses find costs no failed search of the tasks.
std::pair<TaskInfo*, FutureInfo*> taskOrFutureOf(State& state, Id id)
{
    FoldBookkeeping::Hints& h = state.fold.hints;
    if (FutureInfo* f = guessIn(state.futures, h.future, id)) return {nullptr, f};
    if (TaskInfo* t = guessIn(state.tasks, h.task, id)) return {t, nullptr};
    if (TaskInfo* t = searchIn(state.tasks, h.taskIds, h.task, id)) return {t, nullptr};
    return {nullptr, searchIn(state.futures, h.futureIds, h.future, id)};
}

// detail::waitKindOf, given what the id names (looked up already).
WaitKind waitKindOf(Id future, const TaskInfo* task, const FutureInfo* f)
{
    if (future == 0) return WaitKind::None;
    if (task) return WaitKind::Task;
    if (f) {
        if (f->timer) return WaitKind::Timer;
        if (f->socket) return WaitKind::Socket;
        if (f->sync) return WaitKind::Sync;
    }
    return WaitKind::Future;
}

// While events are folded in a row (Folder), the timer heap lives in a TimerStore (timer_store.h): a new timer
// moves a few dozen entries, where the deque moved half of them (a third of the fold's time on a trace with a
// thousand timers). Folder::sync() writes it back into State::timers.
using TimerKey = TimerStore::Key;
TimerKey keyOf(const TimerEntry& t) { return TimerStore::keyOf(t); }

// What one event is folded into: the State, and the timer store when a Folder keeps one (then State::timers is
// stale until the Folder syncs).
struct Fold {
    State& state;
    TimerStore* store = nullptr;
};

std::size_t timerCount(const Fold& f) { return f.store ? f.store->size() : f.state.timers.size(); }

template <typename Visit>
void forEachTimer(Fold& f, Visit visit)
{
    if (f.store)
        f.store->forEach(visit);
    else
        for (TimerEntry& t : f.state.timers) visit(t);
}

// The handle table describes `ready` and the timers unless this State was made by hand: then it is rebuilt.
HandlePlaces& handlePlaces(Fold& f)
{
    HandlePlaces& places = f.state.fold.handles;
    if (places.readyEntries() != f.state.ready.size() || places.timerEntries() != timerCount(f)) {
        places.clear();
        places.reserve(f.state.ready.size() + timerCount(f));
        for (const ReadyEntry& r : f.state.ready) places.addReady(r.handle);
        forEachTimer(f, [&](const TimerEntry& t) { places.addTimer(t.handle, t.when); });
    }
    return places;
}

// Every change to `ready` and the timers goes through these, which keep the handle table in step.
void pushReady(Fold& f, const ReadyEntry& entry)
{
    handlePlaces(f).addReady(entry.handle);
    f.state.ready.push_back(entry);
}

void popReady(Fold& f, std::size_t count)
{
    HandlePlaces& places = handlePlaces(f);
    std::deque<ReadyEntry>& ready = f.state.ready;
    count = std::min(count, ready.size());
    for (std::size_t i = 0; i < count; ++i) {   // one at a time: a range erase costs more than these pops
        places.removeReady(ready.front().handle);
        ready.pop_front();
    }
}

template <typename Pred>
void eraseReadyIf(Fold& f, Pred pred)
{
    HandlePlaces& places = handlePlaces(f);
    std::erase_if(f.state.ready, [&](const ReadyEntry& r) {
        if (!pred(r)) return false;
        places.removeReady(r.handle);
        return true;
    });
}

// How many entries of the handle the ready queue has (0: none, without looking at the queue).
std::size_t readyCount(Fold& f, Id handle)
{
    const HandlePlaces::Place* place = handlePlaces(f).find(handle);
    return place ? place->readyCount : 0;
}

bool timerBefore(const TimerEntry& a, const TimerEntry& b) { return keyOf(a) < keyOf(b); }

void insertTimer(Fold& f, const TimerEntry& timer)
{
    handlePlaces(f).addTimer(timer.handle, timer.when);
    if (f.store) {
        f.store->insert(timer);
        return;
    }
    std::deque<TimerEntry>& timers = f.state.timers;
    timers.insert(std::upper_bound(timers.begin(), timers.end(), timer, timerBefore), timer);
}

// The handle's timer, or null: found by (when, id), the heap's order, with `when` from the handle table.
TimerEntry* findTimer(Fold& f, Id handle)
{
    const HandlePlaces::Place* place = handlePlaces(f).find(handle);
    if (!place || place->timerCount == 0) return nullptr;
    const TimerKey key{place->when, handle};
    if (f.store) {
        if (TimerEntry* t = f.store->find(key)) return t;
    } else {
        std::deque<TimerEntry>& timers = f.state.timers;
        auto it = std::lower_bound(timers.begin(), timers.end(), key,
                                   [](const TimerEntry& t, const TimerKey& k) { return keyOf(t) < k; });
        if (it != timers.end() && it->handle == handle) return &*it;
    }
    // Not where the order says (a heap made by hand, out of order): look everywhere.
    TimerEntry* found = nullptr;
    forEachTimer(f, [&](TimerEntry& t) {
        if (!found && t.handle == handle) found = &t;
    });
    return found;
}

TimerEntry* frontTimer(Fold& f)
{
    if (f.store) return f.store->front();
    return f.state.timers.empty() ? nullptr : &f.state.timers.front();
}

// Erases `timer`, an entry findTimer or frontTimer gave.
void eraseTimer(Fold& f, const TimerEntry* timer)
{
    handlePlaces(f).removeTimer(timer->handle);
    if (f.store) {
        f.store->erase(timer);
        return;
    }
    std::deque<TimerEntry>& timers = f.state.timers;
    for (auto it = timers.begin(); it != timers.end(); ++it)
        if (&*it == timer) {
            timers.erase(it);
            return;
        }
}

template <typename Pred>
void eraseTimersIf(Fold& f, Pred pred)
{
    HandlePlaces& places = handlePlaces(f);
    auto erase = [&](const TimerEntry& t) {
        if (!pred(t)) return false;
        places.removeTimer(t.handle);
        return true;
    };
    if (f.store)
        f.store->eraseIf(erase);
    else
        std::erase_if(f.state.timers, erase);
}

// Pops the rest of the iteration's batch: _run_once pops every handle it took, running the live ones and
// skipping the cancelled ones, so whatever of the batch is still queued was cancelled. At the end of a run the
// batch may instead have been abandoned (KeyboardInterrupt raised by a handle): then live handles are left in
// it, and CPython keeps them all queued for the next run.
void finishBatch(Fold& fold, bool atRunEnd)
{
    State& state = fold.state;
    FoldBookkeeping& f = state.fold;
    if (f.batch == FoldBookkeeping::Batch::Running) {
        const std::size_t left = std::min<std::size_t>(f.batchLeft, state.ready.size());
        const bool allCancelled = std::all_of(state.ready.begin(), state.ready.begin() + static_cast<std::ptrdiff_t>(left),
                                              [](const ReadyEntry& r) { return r.cancelled; });
        if (!atRunEnd || allCancelled) popReady(fold, left);
    } else if (f.batch == FoldBookkeeping::Batch::Collecting && !atRunEnd) {
        // Nothing ran in the last iteration: its whole batch was cancelled handles.
        std::size_t cancelled = 0;
        while (cancelled < state.ready.size() && state.ready[cancelled].cancelled) ++cancelled;
        popReady(fold, cancelled);
    }
    f.batch = FoldBookkeeping::Batch::None;
    f.batchLeft = 0;
}

// The start of _run_once: drop cancelled timers as CPython does.
void dropCancelledTimers(Fold& f)
{
    constexpr std::size_t kMinScheduledTimerHandles = 100;    // base_events._MIN_SCHEDULED_TIMER_HANDLES
    constexpr double kMinCancelledFraction = 0.5;             // _MIN_CANCELLED_TIMER_HANDLES_FRACTION
    uint32_t& cancelled = f.state.fold.cancelledTimers;
    const std::size_t count = timerCount(f);
    if (count > kMinScheduledTimerHandles && double(cancelled) / double(count) > kMinCancelledFraction) {
        eraseTimersIf(f, [](const TimerEntry& t) { return t.cancelled && !t.dropped; });
        cancelled = 0;
        return;
    }
    for (TimerEntry* front = frontTimer(f); front && front->cancelled && !front->dropped; front = frontTimer(f)) {
        eraseTimer(f, front);
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
    if (auto [t, f] = taskOrFutureOf(state, future); f) first = f->awaitedBy;
    else if (t) first = t->awaitedBy;
    if (wake(first ? taskOf(state, first) : nullptr)) return;
    for (TaskInfo& t : state.tasks)
        if (wake(&t)) return;
}

Frames* framesOf(State& state, Id owner)
{
    if (owner == 0) return &state.topFrames;
    if (TaskInfo* t = taskOf(state, owner)) return &t->frames;
    return &state.topFrames;   // a coroutine driven by hand, not by a task: shown with the top level
}

void setFinishedOutcome(State& state, const Event& e, std::string_view text, FutureStatus status, Step step)
{
    auto [t, f] = taskOrFutureOf(state, e.a);
    if (t) {
        t->outcome = text;
        t->callbacks.clear();   // scheduled now (handle.new/handle.ready follow)
        return;
    }
    if (f) {
        if (f->status == FutureStatus::Pending) ++state.fold.doneFutures;
        f->status = status;
        f->outcome = text;
        f->finished = step;
        f->callbacks.clear();
        compactIfNeeded(state);
    }
}

Callbacks* callbacksOf(State& state, Id id)
{
    auto [t, f] = taskOrFutureOf(state, id);
    return t ? &t->callbacks : f ? &f->callbacks : nullptr;
}

void applyTaskState(State& state, const Event& e, std::string_view what, Step step)
{
    TaskInfo* t = taskOf(state, e.a);
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

void applyHandleRun(Fold& fold, const Event& e)
{
    State& state = fold.state;
    FoldBookkeeping& f = state.fold;
    if (f.batch != FoldBookkeeping::Batch::Running) {
        f.batch = FoldBookkeeping::Batch::Running;
        f.batchLeft = static_cast<uint32_t>(state.ready.size());
    }
    state.loop.runningHandle = e.a;
    state.loop.runningCallback = {};
    state.loop.phase = LoopPhase::RunningHandle;
    if (readyCount(fold, e.a) == 0) return;
    // Usually the front; cancelled handles before it are skipped.
    auto it = std::find_if(state.ready.begin(), state.ready.end(), [&](const ReadyEntry& r) { return r.handle == e.a; });
    if (it == state.ready.end()) return;
    const ReadyEntry entry = *it;
    const auto popped = static_cast<uint32_t>(it - state.ready.begin()) + 1;   // it and the skipped ones before it
    f.batchLeft = f.batchLeft > popped ? f.batchLeft - popped : 0;
    popReady(fold, popped);
    state.loop.runningCallback = entry.callback;
    if (entry.reason == "socket") f.deliveringSocket = entry.target;   // it leaves when this handle is done
}

// Whether applyOne uses the event's text. Looking it up is a read from the string table, a cache miss on a big
// trace, so the kinds that never use it skip it (Line events pack their columns into `s`: no string id at all).
// Listed by the kinds that skip, so that a kind added later reads its text.
bool foldReadsText(EventKind kind)
{
    switch (kind) {
    case EventKind::ProgramStart: case EventKind::Output: case EventKind::Stderr: case EventKind::Note:
    case EventKind::ProgramEnd: case EventKind::Line: case EventKind::FramePop:
    case EventKind::LoopNew: case EventKind::LoopRun: case EventKind::LoopRunEnd: case EventKind::LoopIter:
    case EventKind::LoopStop: case EventKind::LoopClose:
    case EventKind::HandleRun: case EventKind::HandleDone: case EventKind::HandleCancel: case EventKind::HandleDropped:
    case EventKind::TimerDue: case EventKind::TaskAwait: case EventKind::TaskCancelReq: case EventKind::CtrlCHandled:
    case EventKind::WorldClock: case EventKind::WorldCtrlC: case EventKind::WorldHang:
    case EventKind::SocketDone: case EventKind::SocketClose:
    // fold_sync.cpp reads the text of those that have one itself.
    case EventKind::SyncNew: case EventKind::SyncWaiterAdd: case EventKind::SyncWaiterRemove:
    case EventKind::SyncValue: case EventKind::QueuePut: case EventKind::QueueGet:
        return false;
    default:
        return true;
    }
}

void applyOne(Fold& fold, const trace::Trace& trace, Step step)
{
    State& state = fold.state;
    const Event& e = trace[step];
    const std::string_view text = foldReadsText(e.kind) ? trace.text(e) : std::string_view{};
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
        Frames* frames = &state.topFrames;   // as framesOf, with the task looked up once
        if (TaskInfo* t = e.a ? taskOf(state, e.a) : nullptr) {
            t->line = line;
            t->colStart = trace::columnStart(e);
            t->colEnd = trace::columnEnd(e);
            frames = &t->frames;
        } else {
            state.topLine = line;
            state.topColStart = trace::columnStart(e);
            state.topColEnd = trace::columnEnd(e);
        }
        if (!frames->empty()) frames->back().line = line;
        break;
    }
    case EventKind::FramePush: framesOf(state, e.a)->push_back(Frame{text, static_cast<int>(e.b)}); break;
    case EventKind::FramePop: {
        Frames* frames = framesOf(state, e.a);
        if (!frames->empty()) frames->pop_back();
        break;
    }

    // loop
    case EventKind::LoopNew:
        // A new loop: what the previous one dropped at close is history now.
        eraseReadyIf(fold, [](const ReadyEntry& r) { return r.dropped; });
        eraseTimersIf(fold, [](const TimerEntry& t) { return t.dropped; });
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
        finishBatch(fold, true);
        state.loop.phase = LoopPhase::Stopped;
        state.loop.stopping = false;   // run_forever resets _stopping
        state.loop.runFuture = 0;
        state.loop.runningHandle = 0;
        state.loop.runningCallback = {};
        state.runningTask = 0;
        break;
    case EventKind::LoopIter:
        enterLoop(state, e.a);
        finishBatch(fold, false);
        dropCancelledTimers(fold);
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
        pushReady(fold, r);
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
            if (FutureInfo* f = futureOf(state, newFuture)) {
                f->timer = e.a;
                if (f->awaitedBy) detail::refreshWaiters(state, newFuture);   // else nobody waits on it yet
            }
        }
        insertTimer(fold, t);
        break;
    }
    case EventKind::TimerDue: {
        const TimerEntry* it = findTimer(fold, e.a);
        if (!it) break;
        ReadyEntry r;
        r.handle = it->handle;
        r.callback = it->callback;
        r.reason = "timer";
        r.target = it->future;
        r.since = step;
        r.cancelled = it->cancelled;   // popped as due although cancelled: skipped when its turn comes
        eraseTimer(fold, it);
        pushReady(fold, r);
        break;
    }
    case EventKind::HandleRun: applyHandleRun(fold, e); break;
    case EventKind::HandleDone:
        if (Id socket = std::exchange(state.fold.deliveringSocket, 0))
            std::erase_if(state.sockets, [&](const SocketInfo& s) { return s.id == socket; });
        state.loop.runningHandle = 0;
        state.loop.runningCallback = {};
        if (state.loop.phase == LoopPhase::RunningHandle) state.loop.phase = LoopPhase::Running;
        state.runningTask = 0;
        break;
    case EventKind::HandleCancel: {
        // A handle that already ran (every asyncio.sleep cancels its fired timer): a no-op for the loop.
        if (TimerEntry* timer = findTimer(fold, e.a)) {
            if (!timer->cancelled) ++state.fold.cancelledTimers;   // loop._timer_handle_cancelled
            timer->cancelled = true;
            break;
        }
        // Queued twice, a handle is one object in CPython: cancelling it skips both.
        for (std::size_t left = readyCount(fold, e.a), i = 0; left > 0 && i < state.ready.size(); ++i)
            if (state.ready[i].handle == e.a) {
                state.ready[i].cancelled = true;
                --left;
            }
        break;
    }
    case EventKind::HandleDropped: {
        for (std::size_t left = readyCount(fold, e.a), i = 0; left > 0 && i < state.ready.size(); ++i)
            if (state.ready[i].handle == e.a) {
                state.ready[i].dropped = true;
                --left;
            }
        if (TimerEntry* timer = findTimer(fold, e.a)) timer->dropped = true;
        break;
    }

    // futures and tasks
    case EventKind::FutureNew: {
        FutureInfo f;
        f.id = e.a;
        f.kind = text;
        f.created = step;
        if (!state.futures.empty() && state.futures.back().id >= f.id) break;   // ids only grow; ignore a repeat
        idsOf(state.fold.hints.futureIds, state.futures).push_back(f.id);
        state.futures.push_back(f);
        if (text == "Future") state.fold.newFuture = e.a;
        break;
    }
    case EventKind::TaskNew: {
        // future.new (kind Task) came first: a task is listed as a task, not a future.
        if (!state.futures.empty() && state.futures.back().id == e.a) {
            idsOf(state.fold.hints.futureIds, state.futures).pop_back();
            state.futures.pop_back();
        }
        if (taskOf(state, e.a)) break;
        TaskInfo t;
        t.id = e.a;
        t.name = text;
        t.created = step;
        t.colorIndex = state.fold.tasksCreated++;
        std::vector<Id>& ids = idsOf(state.fold.hints.taskIds, state.tasks);
        auto pos = std::lower_bound(ids.begin(), ids.end(), t.id);
        state.tasks.insert(state.tasks.begin() + (pos - ids.begin()), std::move(t));
        ids.insert(pos, e.a);
        break;
    }
    case EventKind::TaskCoro:
        if (TaskInfo* t = taskOf(state, e.a)) t->coro = text;
        break;
    case EventKind::TaskName:
        if (TaskInfo* t = taskOf(state, e.a)) t->name = text;
        break;
    case EventKind::FutureCbAdd:
        if (auto* cbs = callbacksOf(state, e.a)) cbs->push_back(text);
        break;
    case EventKind::FutureCbRemove:
        if (auto* cbs = callbacksOf(state, e.a)) {
            uint32_t toRemove = e.b;
            cbs->erase(std::remove_if(cbs->begin(), cbs->end(),
                                      [&](std::string_view cb) { return toRemove > 0 && cb == text && (--toRemove, true); }),
                       cbs->end());
        }
        break;
    case EventKind::TaskAwait:
        if (TaskInfo* t = taskOf(state, e.a)) {
            t->awaiting = e.b;
            auto [awaited, f] = e.b ? taskOrFutureOf(state, e.b) : std::pair<TaskInfo*, FutureInfo*>{};
            t->waitKind = waitKindOf(e.b, awaited, f);
            if (f && !f->awaitedBy) f->awaitedBy = e.a;
            if (awaited && !awaited->awaitedBy) awaited->awaitedBy = e.a;
        }
        break;
    case EventKind::TaskState: applyTaskState(state, e, text, step); break;
    case EventKind::TaskCancelReq:
        if (TaskInfo* t = taskOf(state, e.a)) t->cancelRequests = e.b;
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

}  // namespace

void applyEvent(State& state, const trace::Trace& trace, Step step)
{
    Fold fold{state};
    applyOne(fold, trace, step);
}

void dropFoldCaches(State& state)
{
    state.fold.handles = HandlePlaces{};
    state.fold.hints = FoldBookkeeping::Hints{};
}

struct Folder::Timers {
    TimerStore store;
};

Folder::Folder(State& state) : m_state(state), m_timers(std::make_unique<Timers>(Timers{TimerStore(state.timers)})) {}

Folder::~Folder() { sync(); }

void Folder::apply(const trace::Trace& trace, Step step)
{
    Fold fold{m_state, &m_timers->store};
    applyOne(fold, trace, step);
    m_synced = false;
}

void Folder::sync()
{
    if (m_synced) return;
    m_timers->store.writeTo(m_state.timers);
    m_synced = true;
}

}  // namespace aw::model
