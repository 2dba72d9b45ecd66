#include "core/model/timeline_segments.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aw::model {

using trace::EventKind;

std::string_view toString(SegmentState s) {
    switch (s) {
    case SegmentState::Running: return "running";
    case SegmentState::Ready: return "ready";
    case SegmentState::WaitTimer: return "waiting on a timer";
    case SegmentState::WaitSocket: return "waiting on a socket";
    case SegmentState::WaitFuture: return "waiting on a future";
    case SegmentState::WaitTask: return "waiting on a task";
    case SegmentState::WaitSync: return "waiting on a lock or queue";
    case SegmentState::Blocked: return "blocked in time.sleep";
    case SegmentState::Idle: return "not running";
    case SegmentState::Done: return "done";
    case SegmentState::Cancelled: return "cancelled";
    case SegmentState::Failed: return "failed";
    }
    return "?";
}

bool isWaiting(SegmentState s) {
    return s == SegmentState::WaitTimer || s == SegmentState::WaitSocket || s == SegmentState::WaitFuture ||
           s == SegmentState::WaitTask || s == SegmentState::WaitSync;
}

bool isFinished(SegmentState s) {
    return s == SegmentState::Done || s == SegmentState::Cancelled || s == SegmentState::Failed;
}

std::string_view toString(TimelineAxis a) {
    switch (a) {
    case TimelineAxis::Hybrid: return "steps and time";
    case TimelineAxis::Steps: return "steps";
    case TimelineAxis::Time: return "virtual time";
    }
    return "?";
}

// ---- TimelineData -------------------------------------------------------

double TimelineData::clockBefore(Step step) const {
    // The last change strictly before `step`.
    auto it = std::lower_bound(clockChanges.begin(), clockChanges.end(), step,
                               [](const ClockChange& c, Step s) { return c.step < s; });
    return it == clockChanges.begin() ? 0.0 : std::prev(it)->after;
}

double TimelineData::clockAfter(Step step) const {
    auto it = std::upper_bound(clockChanges.begin(), clockChanges.end(), step,
                               [](Step s, const ClockChange& c) { return s < c.step; });
    return it == clockChanges.begin() ? 0.0 : std::prev(it)->after;
}

double TimelineData::hybridTimeWeight() const {
    // Time and steps each take half of the axis (see the header).
    return endClock > 0.0 && steps > 0 ? static_cast<double>(steps) / endClock : 0.0;
}

double TimelineData::axisPos(Step step, TimelineAxis axis) const {
    switch (axis) {
    case TimelineAxis::Steps: return static_cast<double>(step);
    case TimelineAxis::Time: return clockBefore(step);
    case TimelineAxis::Hybrid: break;
    }
    return static_cast<double>(step) + hybridTimeWeight() * clockBefore(step);
}

Step TimelineData::stepAtAxis(double u, TimelineAxis axis) const {
    if (steps == 0)
        return 0;
    // axisPos is non-decreasing in the step: binary search over slots.
    Step lo = 0, hi = steps;  // answer in [0, steps)
    if (axis == TimelineAxis::Time) {
        // The first slot whose left edge is at or after u (a burst's first
        // step); a u strictly inside a clock jump belongs to the jump's slot.
        Step first = 0, last = steps;
        while (first < last) {
            const Step mid = first + (last - first) / 2;
            if (axisPos(mid, axis) < u)
                first = mid + 1;
            else
                last = mid;
        }
        if (first > 0 && (first == steps || axisPos(first, axis) > u))
            --first;
        return std::min(first, steps - 1);
    }
    // The last slot whose left edge is at or before u.
    while (lo < hi) {
        const Step mid = lo + (hi - lo + 1) / 2;
        if (axisPos(mid, axis) <= u)
            lo = mid;
        else
            hi = mid - 1;
    }
    return std::min(lo, steps - 1);
}

const Segment* TimelineData::segmentAt(uint32_t row, Step step) const {
    if (row >= rows.size())
        return nullptr;
    const auto& segs = rows[row].segments;
    auto it = std::upper_bound(segs.begin(), segs.end(), step, [](Step s, const Segment& g) { return s < g.start; });
    if (it == segs.begin())
        return nullptr;
    --it;
    return step < endOf(*it) ? &*it : nullptr;
}

namespace {

std::string seconds(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", t);
    return buf;
}

// What a row's state means in words; the loop and the top level say it their own way.
std::string stateWords(const TimelineData& data, const TimelineRow& row, const Segment& seg) {
    if (row.kind == RowKind::Loop) {
        switch (seg.state) {
        case SegmentState::Running: return "running a callback";
        case SegmentState::Ready: return "choosing the next callback";
        case SegmentState::WaitTimer: return "waiting for the next timer";
        case SegmentState::WaitSocket: return "waiting for the network";
        case SegmentState::WaitFuture: return "waiting with nothing scheduled";
        case SegmentState::Done: return "closed";
        default: break;
        }
    } else if (row.kind == RowKind::TopLevel) {
        switch (seg.state) {
        case SegmentState::WaitFuture: return "inside the event loop (run_until_complete / asyncio.run)";
        case SegmentState::Done: return "finished";
        case SegmentState::Failed: return "ended with an uncaught exception";
        default: break;
        }
    } else if (seg.state == SegmentState::WaitTask && seg.awaiting != 0) {
        auto it = data.taskRows.find(seg.awaiting);
        if (it != data.taskRows.end())
            return "waiting on " + data.rows[it->second].name;
    }
    return std::string(toString(seg.state));
}

}  // namespace

std::string TimelineData::describe(uint32_t rowIndex, const Segment& seg) const {
    if (rowIndex >= rows.size())
        return {};
    const TimelineRow& row = rows[rowIndex];
    const Step end = endOf(seg);
    const std::string who = row.name + (row.coro.empty() ? "" : " (" + std::string(row.coro) + ")");
    if (isFinished(seg.state) || (row.kind == RowKind::Loop && seg.state == SegmentState::Done))
        return who + " " + stateWords(*this, row, seg) + " at " + seconds(clockAfter(seg.start)) + " s, step " +
               std::to_string(seg.start);
    std::string text = who + " " + stateWords(*this, row, seg) + ", " + seconds(clockBefore(seg.start)) + "–" +
                       seconds(clockBefore(end)) + " s, ";
    const Step last = end > seg.start ? end - 1 : seg.start;
    text += last == seg.start ? "step " + std::to_string(seg.start)
                              : "steps " + std::to_string(seg.start) + "–" + std::to_string(last);
    return text;
}

// ---- TimelineBuilder ----------------------------------------------------

TimelineBuilder::TimelineBuilder(const trace::Trace& trace) : m_trace(trace) {
    TimelineRow top;
    top.kind = RowKind::TopLevel;
    top.name = "top-level code";
    m_data.rows.push_back(std::move(top));
}

TimelineData buildTimeline(const trace::Trace& trace, Step limit) {
    TimelineBuilder builder(trace);
    builder.extend(limit);
    return builder.take();
}

void TimelineBuilder::extend(Step limit) {
    const Step end = std::min<Step>(limit, m_trace.size());
    for (Step step = m_data.steps; step < end; ++step)
        apply(m_trace[step], step);
    if (end > m_data.steps)
        m_data.steps = end;
    m_data.endClock = m_clock;
}

void TimelineBuilder::setState(uint32_t row, Step step, SegmentState state, Id awaiting) {
    auto& segs = m_data.rows[row].segments;
    if (!segs.empty()) {
        Segment& last = segs.back();
        if (last.state == state && last.awaiting == awaiting)
            return;
        if (last.start == step) {
            // Two changes in one slot: the later one wins, and may rejoin the one before.
            segs.pop_back();
            if (!segs.empty() && segs.back().state == state && segs.back().awaiting == awaiting) {
                segs.back().end = kNoStep;
                return;
            }
            if (!segs.empty())
                segs.back().end = step;
        } else {
            last.end = step;
        }
    }
    segs.push_back(Segment{step, kNoStep, awaiting, state});
}

SegmentState TimelineBuilder::waitKindOf(Id future) const {
    if (m_tasks.count(future))
        return SegmentState::WaitTask;
    auto it = m_futureWaits.find(future);
    return it == m_futureWaits.end() ? SegmentState::WaitFuture : it->second;
}

uint32_t TimelineBuilder::currentRow() const {
    if (m_runningTask != 0) {
        auto it = m_tasks.find(m_runningTask);
        if (it != m_tasks.end())
            return it->second.row;
    }
    if (m_activeLoop != 0 && m_loopInHandle) {
        auto it = m_loops.find(m_activeLoop);
        if (it != m_loops.end())
            return it->second.row;
    }
    return 0;
}

void TimelineBuilder::apply(const trace::Event& e, Step step) {
    // A time.sleep slot lasts one step: its rows go back to what they were doing.
    for (const auto& [row, previous] : m_blocked)
        setState(row, step, previous);
    m_blocked.clear();
    // A loop waiting (select) wakes at the first event that is not the clock moving.
    if (e.kind != EventKind::WorldClock) {
        for (auto& [id, loop] : m_loops) {
            if (!loop.waiting)
                continue;
            loop.waiting = false;
            setState(loop.row, step, SegmentState::Ready);
        }
    }
    if (step == 0)
        setState(0, 0, SegmentState::Running);

    auto addMarker = [&](MarkerKind kind) {
        m_data.markers.push_back(Marker{step, currentRow(), kind, m_trace.text(e)});
    };
    auto loopRow = [&](Id loop) -> LoopTrack* {
        auto it = m_loops.find(loop);
        return it == m_loops.end() ? nullptr : &it->second;
    };

    switch (e.kind) {
    case EventKind::Output: addMarker(MarkerKind::Output); break;
    case EventKind::Stderr: addMarker(MarkerKind::Stderr); break;
    case EventKind::Note: addMarker(MarkerKind::Note); break;
    case EventKind::Uncaught:
        addMarker(MarkerKind::Uncaught);
        m_uncaught = true;
        break;
    case EventKind::ProgramEnd: setState(0, step, m_uncaught ? SegmentState::Failed : SegmentState::Done); break;

    case EventKind::LoopNew: {
        if (m_loops.count(e.a))
            break;
        TimelineRow row;
        row.kind = RowKind::Loop;
        row.id = e.a;
        row.name = m_loops.empty() ? "event loop" : "event loop " + std::to_string(m_loops.size() + 1);
        row.created = step;
        m_data.rows.push_back(std::move(row));
        const auto index = static_cast<uint32_t>(m_data.rows.size() - 1);
        m_loops[e.a] = LoopTrack{index, false, false};
        setState(index, step, SegmentState::Idle);
        break;
    }
    case EventKind::LoopRun:
        if (LoopTrack* loop = loopRow(e.a)) {
            loop->running = true;
            m_activeLoop = e.a;
            m_loopInHandle = false;
            setState(loop->row, step, SegmentState::Ready);
            if (m_runningTask == 0)
                setState(0, step, SegmentState::WaitFuture);
        }
        break;
    case EventKind::LoopRunEnd:
        if (LoopTrack* loop = loopRow(e.a)) {
            loop->running = false;
            setState(loop->row, step, SegmentState::Idle);
            if (m_activeLoop == e.a) {
                m_activeLoop = 0;
                m_loopInHandle = false;
                if (m_runningTask == 0)
                    setState(0, step, SegmentState::Running);
            }
        }
        break;
    case EventKind::LoopWait:
        if (LoopTrack* loop = loopRow(e.a)) {
            const std::string_view reason = m_trace.text(e);
            if (reason == "timer" || reason == "forever") {
                loop->waiting = true;
                const SegmentState wait = reason == "timer"   ? SegmentState::WaitTimer
                                          : m_openSockets > 0 ? SegmentState::WaitSocket
                                                              : SegmentState::WaitFuture;
                setState(loop->row, step, wait);
            }
        }
        break;
    case EventKind::LoopClose:
        if (LoopTrack* loop = loopRow(e.a))
            setState(loop->row, step, SegmentState::Done);
        break;
    case EventKind::HandleRun:
        if (LoopTrack* loop = loopRow(m_activeLoop)) {
            m_loopInHandle = true;
            setState(loop->row, step, SegmentState::Running);
        }
        break;
    case EventKind::HandleDone:
        if (LoopTrack* loop = loopRow(m_activeLoop)) {
            m_loopInHandle = false;
            setState(loop->row, step, SegmentState::Ready);
        }
        break;

    case EventKind::FutureNew:
        if (m_trace.text(e) == "Future")
            m_lastFuture = e.a;
        break;
    case EventKind::TimerNew:
        // asyncio.sleep: loop.create_future() then call_later(delay, _set_result_unless_cancelled, future).
        if (m_lastFuture != 0 && m_trace.text(e).starts_with("_set_result_unless_cancelled"))
            m_futureWaits[m_lastFuture] = SegmentState::WaitTimer;
        break;
    case EventKind::SocketWait: m_futureWaits[e.b] = SegmentState::WaitSocket; break;
    case EventKind::SyncWaiterAdd: m_futureWaits[e.b] = SegmentState::WaitSync; break;  // Queue/Lock/... waiter
    case EventKind::SocketOpen: ++m_openSockets; break;
    case EventKind::SocketDone: m_openSockets = std::max(0, m_openSockets - 1); break;

    case EventKind::TaskNew: {
        if (m_tasks.count(e.a))
            break;
        TimelineRow row;
        row.kind = RowKind::Task;
        row.id = e.a;
        row.name = std::string(m_trace.text(e));
        row.colorIndex = static_cast<uint32_t>(m_tasks.size());
        row.created = step;
        m_data.rows.push_back(std::move(row));
        const auto index = static_cast<uint32_t>(m_data.rows.size() - 1);
        m_tasks[e.a] = TaskTrack{index, 0};
        m_data.taskRows[e.a] = index;
        setState(index, step, SegmentState::Ready);
        break;
    }
    case EventKind::TaskCoro:
        if (auto it = m_tasks.find(e.a); it != m_tasks.end())
            m_data.rows[it->second.row].coro = m_trace.text(e);
        break;
    case EventKind::TaskName:
        if (auto it = m_tasks.find(e.a); it != m_tasks.end())
            m_data.rows[it->second.row].name = std::string(m_trace.text(e));
        break;
    case EventKind::TaskAwait:
        if (auto it = m_tasks.find(e.a); it != m_tasks.end()) {
            it->second.awaiting = e.b;
            m_awaitedBy[e.b].push_back(e.a);
        }
        break;
    case EventKind::HandleNew:
        if (m_trace.text(e).starts_with("Task.task_wakeup"))
            m_wakeups.insert(e.a);
        break;
    case EventKind::HandleReady: {
        // A task's wake-up callback queued: the task is ready from here (asyncio
        // records no task.state for it). One task per wake-up, in await order.
        if (m_wakeups.erase(e.a) == 0)
            break;
        auto waiters = m_awaitedBy.find(e.b);
        if (waiters == m_awaitedBy.end())
            break;
        auto& list = waiters->second;
        while (!list.empty()) {
            const Id task = list.front();
            list.erase(list.begin());
            auto it = m_tasks.find(task);
            if (it == m_tasks.end() || it->second.awaiting != e.b)
                continue;  // it moved on meanwhile
            const auto& segs = m_data.rows[it->second.row].segments;
            if (segs.empty() || !isWaiting(segs.back().state))
                continue;
            setState(it->second.row, step, SegmentState::Ready);
            break;
        }
        if (list.empty())
            m_awaitedBy.erase(waiters);
        break;
    }
    case EventKind::TaskState: {
        auto it = m_tasks.find(e.a);
        if (it == m_tasks.end())
            break;
        TaskTrack& task = it->second;
        const std::string_view what = m_trace.text(e);
        if (what == "running") {
            m_runningTask = e.a;
            task.awaiting = 0;
            setState(task.row, step, SegmentState::Running);
            break;
        }
        if (m_runningTask == e.a)
            m_runningTask = 0;
        if (what == "suspended")
            setState(task.row, step, waitKindOf(task.awaiting), task.awaiting);
        else if (what == "ready")
            setState(task.row, step, SegmentState::Ready);
        else if (what == "done")
            setState(task.row, step, SegmentState::Done);
        else if (what == "failed")
            setState(task.row, step, SegmentState::Failed);
        else if (what == "cancelled")
            setState(task.row, step, SegmentState::Cancelled);
        break;
    }

    case EventKind::WorldClock: {
        if (e.x != m_clock)
            m_data.clockChanges.push_back(ClockChange{step, m_clock, e.x});
        m_clock = e.x;
        if (e.b != 0)
            break;
        // time.sleep: whatever runs now is frozen for this slot, and the loop with it.
        auto block = [&](uint32_t row) {
            const auto& segs = m_data.rows[row].segments;
            const SegmentState previous = segs.empty() ? SegmentState::Running : segs.back().state;
            m_blocked.emplace_back(row, previous);
            setState(row, step, SegmentState::Blocked);
        };
        if (m_runningTask != 0)
            block(m_tasks[m_runningTask].row);
        if (LoopTrack* loop = loopRow(m_activeLoop); loop && m_loopInHandle)
            block(loop->row);
        if (m_runningTask == 0 && !(m_activeLoop != 0 && m_loopInHandle))
            block(0);
        break;
    }
    default: break;
    }
}

}  // namespace aw::model
