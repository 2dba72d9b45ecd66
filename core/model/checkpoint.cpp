// Checkpoint: pack and unpack the tasks, futures and timers of a State.
#include "core/model/checkpoint.h"

#include "core/model/fold.h"

namespace aw::model {

namespace {

// Steps fit 32 bits: a trace holds at most Trace::kCapacity (2^28) events.
static_assert(trace::Trace::kCapacity < (std::size_t{1} << 32) - 1);
constexpr uint32_t kNoStep32 = ~uint32_t{0};
uint32_t packStep(Step s) { return s == kNoStep ? kNoStep32 : static_cast<uint32_t>(s); }
Step unpackStep(uint32_t s) { return s == kNoStep32 ? kNoStep : Step{s}; }

// A member added to TaskInfo, FutureInfo, TimerEntry or State must be packed or copied too: these fail to
// compile until the sizes are updated (checked on 64-bit targets, where they were measured).
constexpr bool k64 = sizeof(void*) == 8;
static_assert(!k64 || sizeof(TaskInfo) == 216, "TaskInfo changed: update Checkpoint's PackedTask");
static_assert(!k64 || sizeof(FutureInfo) == 120, "FutureInfo changed: update Checkpoint's PackedFuture");
static_assert(!k64 || sizeof(TimerEntry) == 56, "TimerEntry changed: update Checkpoint's PackedTimer");
static_assert(!k64 || sizeof(State) == 728, "State changed: update Checkpoint's constructor (copy the new member)");

uint32_t sizeOf(std::string_view s) { return static_cast<uint32_t>(s.size()); }

}  // namespace

Checkpoint::Checkpoint(const State& state)
{
    // Everything but the three packed lists, member by member (copying the State would copy them too).
    m_rest.step = state.step;
    m_rest.clock = state.clock;
    m_rest.loop = state.loop;
    m_rest.ready = state.ready;
    m_rest.sockets = state.sockets;
    m_rest.syncs = state.syncs;
    m_rest.runningTask = state.runningTask;
    m_rest.topLine = state.topLine;
    m_rest.topColStart = state.topColStart;
    m_rest.topColEnd = state.topColEnd;
    m_rest.topFrames = state.topFrames;
    m_rest.blockedInSleep = state.blockedInSleep;
    m_rest.sleepFrom = state.sleepFrom;
    m_rest.outputCount = state.outputCount;
    m_rest.noteCount = state.noteCount;
    m_rest.tasksFinished = state.tasksFinished;
    m_rest.reportCount = state.reportCount;
    m_rest.ended = state.ended;
    m_rest.exitCode = state.exitCode;
    m_rest.cut = state.cut;
    m_rest.cutReason = state.cutReason;
    m_rest.hung = state.hung;
    m_rest.uncaught = state.uncaught;
    m_rest.ctrlCAt = state.ctrlCAt;
    m_rest.ctrlCHandled = state.ctrlCHandled;
    m_rest.fold = state.fold;
    dropFoldCaches(m_rest);   // rebuilt by the first fold from the restored State

    m_timers.reserve(state.timers.size());
    for (const TimerEntry& t : state.timers)
        m_timers.push_back(PackedTimer{t.callback.data(), t.when, t.handle, sizeOf(t.callback), packStep(t.since),
                                       t.future, t.cancelled, t.dropped});

    std::size_t frames = 0, callbacks = 0;
    for (const TaskInfo& t : state.tasks) {
        frames += t.frames.size();
        callbacks += t.callbacks.size();
    }
    for (const FutureInfo& f : state.futures) callbacks += f.callbacks.size();
    m_frames.reserve(frames);
    m_callbacks.reserve(callbacks);
    auto packCallbacks = [&](const Callbacks& cbs) {
        Range r{static_cast<uint32_t>(m_callbacks.size()), static_cast<uint32_t>(cbs.size())};
        m_callbacks.insert(m_callbacks.end(), cbs.begin(), cbs.end());
        return r;
    };

    m_tasks.reserve(state.tasks.size());
    for (const TaskInfo& t : state.tasks) {
        PackedTask p;
        p.id = t.id;
        p.name = t.name.data();
        p.coro = t.coro.data();
        p.outcome = t.outcome.data();
        p.nameSize = sizeOf(t.name);
        p.coroSize = sizeOf(t.coro);
        p.outcomeSize = sizeOf(t.outcome);
        p.status = t.status;
        p.waitKind = t.waitKind;
        p.line = t.line;
        p.colStart = t.colStart;
        p.colEnd = t.colEnd;
        p.awaiting = t.awaiting;
        p.cancelRequests = t.cancelRequests;
        p.created = packStep(t.created);
        p.finished = packStep(t.finished);
        p.colorIndex = t.colorIndex;
        p.awaitedBy = t.awaitedBy;
        p.frames = Range{static_cast<uint32_t>(m_frames.size()), static_cast<uint32_t>(t.frames.size())};
        m_frames.insert(m_frames.end(), t.frames.begin(), t.frames.end());
        p.callbacks = packCallbacks(t.callbacks);
        m_tasks.push_back(p);
    }
    m_futures.reserve(state.futures.size());
    for (const FutureInfo& f : state.futures) {
        PackedFuture p;
        p.id = f.id;
        p.kind = f.kind.data();
        p.outcome = f.outcome.data();
        p.kindSize = sizeOf(f.kind);
        p.outcomeSize = sizeOf(f.outcome);
        p.status = f.status;
        p.callbacks = packCallbacks(f.callbacks);
        p.timer = f.timer;
        p.socket = f.socket;
        p.sync = f.sync;
        p.awaitedBy = f.awaitedBy;
        p.created = packStep(f.created);
        p.finished = packStep(f.finished);
        m_futures.push_back(p);
    }
}

State Checkpoint::restore() const
{
    State state = m_rest;
    auto callbacks = [&](Callbacks& out, Range r) {
        out.assign(m_callbacks.begin() + r.begin, m_callbacks.begin() + r.begin + r.count);
    };
    // Room to grow: the fold that follows creates tasks and futures, and a vector at capacity would move
    // every item at the first one.
    for (const PackedTimer& p : m_timers) {
        TimerEntry& t = state.timers.emplace_back();
        t.handle = p.handle;
        t.when = p.when;
        t.callback = {p.callback, p.callbackSize};
        t.cancelled = p.cancelled;
        t.since = unpackStep(p.since);
        t.future = p.future;
        t.dropped = p.dropped;
    }
    state.tasks.reserve(m_tasks.size() + m_tasks.size() / 8 + 16);
    state.futures.reserve(m_futures.size() + m_futures.size() / 8 + 16);
    state.tasks.resize(m_tasks.size());
    for (std::size_t i = 0; i < m_tasks.size(); ++i) {
        const PackedTask& p = m_tasks[i];
        TaskInfo& t = state.tasks[i];
        t.id = p.id;
        t.name = {p.name, p.nameSize};
        t.coro = {p.coro, p.coroSize};
        t.outcome = {p.outcome, p.outcomeSize};
        t.status = p.status;
        t.waitKind = p.waitKind;
        t.line = p.line;
        t.colStart = p.colStart;
        t.colEnd = p.colEnd;
        t.awaiting = p.awaiting;
        t.cancelRequests = p.cancelRequests;
        t.created = unpackStep(p.created);
        t.finished = unpackStep(p.finished);
        t.colorIndex = p.colorIndex;
        t.awaitedBy = p.awaitedBy;
        t.frames.assign(m_frames.begin() + p.frames.begin, m_frames.begin() + p.frames.begin + p.frames.count);
        callbacks(t.callbacks, p.callbacks);
    }
    state.futures.resize(m_futures.size());
    for (std::size_t i = 0; i < m_futures.size(); ++i) {
        const PackedFuture& p = m_futures[i];
        FutureInfo& f = state.futures[i];
        f.id = p.id;
        f.kind = {p.kind, p.kindSize};
        f.outcome = {p.outcome, p.outcomeSize};
        f.status = p.status;
        callbacks(f.callbacks, p.callbacks);
        f.timer = p.timer;
        f.socket = p.socket;
        f.sync = p.sync;
        f.awaitedBy = p.awaitedBy;
        f.created = unpackStep(p.created);
        f.finished = unpackStep(p.finished);
    }
    return state;
}

std::size_t Checkpoint::bytes() const
{
    auto vec = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    const State& s = m_rest;
    std::size_t n = sizeof(Checkpoint) + vec(m_tasks) + vec(m_futures) + vec(m_timers) + vec(m_frames) +
                    vec(m_callbacks) + vec(s.sockets) + vec(s.syncs) + heapBytes(s.topFrames) +
                    s.ready.size() * sizeof(ReadyEntry) + s.fold.handles.memoryBytes() +
                    vec(s.fold.hints.taskIds) + vec(s.fold.hints.futureIds);
    for (const SyncInfo& y : s.syncs) n += vec(y.waiters) + vec(y.items) + vec(y.putters);
    return n;
}

}  // namespace aw::model
