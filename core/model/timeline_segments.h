#pragma once
// The timeline's data: a row for the top-level code, a row per event loop
// and a row per task, each a run of segments coloured by what that row was
// doing (running, ready, waiting on a timer / socket / future / task /
// sync primitive, blocked in time.sleep, done, cancelled, failed), plus
// markers for printed lines and notes. Built from the trace events in one
// pass (TimelineBuilder::extend; no State is folded), incrementally, so a
// trace growing in the worker or a 10-million-event trace costs one scan.
//
// Steps and time. Segment bounds are steps: a segment covers the step slots
// [start, end). Slot s is "event s happening"; the clock only moves at
// world.clock events, so nearly all slots take no virtual time and a pure
// time axis would squeeze every burst of activity (often the whole program,
// at clock 0) into a line. The axis is therefore a choice (TimelineAxis):
//   Steps:  every slot one unit wide; readable bursts, waits look short.
//   Time:   x is virtual time; bursts collapse (the painter gives them 1 px).
//   Hybrid: (the default) x = steps + k * clock, k chosen so that the run's
//           virtual time and its steps each take half of the axis: a burst
//           of work at clock 0 stays readable AND a 2-second wait is visibly
//           long, which is what the lessons are about ("both tasks wait on
//           their timers together, then both finish at 2.0"). The ruler
//           shows clock values where they change.
// The slot of a world.clock event spans the clock jump (its left edge is at
// the old clock, its right at the new), so waits and time.sleep get width.

#include "core/model/state.h"
#include "core/trace/trace.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace aw::model {

enum class SegmentState : uint8_t {
    Running,     // a task's step / a loop's callback / the top-level code runs
    Ready,       // a task in the ready queue; a loop between callbacks
    WaitTimer,   // suspended on a future a timer completes (asyncio.sleep); a loop waiting for a timer
    WaitSocket,  // suspended on a network response; a loop waiting for the network
    WaitFuture,  // suspended on a plain future; the top-level code inside run_until_complete
    WaitTask,    // suspended on another task (await task, gather of tasks)
    WaitSync,    // suspended on a Queue/Lock/Semaphore/Event/Condition
    Blocked,     // time.sleep: the whole thread frozen
    Idle,        // a loop that is not running (created, stopped, between runs)
    Done,
    Cancelled,
    Failed,
};
std::string_view toString(SegmentState s);  // "running", "waiting on a timer", ...
bool isWaiting(SegmentState s);
bool isFinished(SegmentState s);  // Done, Cancelled, Failed

struct Segment {
    Step start = 0;      // first step slot
    Step end = kNoStep;  // one past the last slot; kNoStep: still open (runs to the end of the data)
    Id awaiting = 0;     // the future/task it waits on (waits only)
    SegmentState state = SegmentState::Running;
};

enum class RowKind : uint8_t { TopLevel, Loop, Task };

struct TimelineRow {
    RowKind kind = RowKind::Task;
    Id id = 0;                // task/loop id (0 for the top level)
    std::string name;         // "Task-2", "event loop", "top-level code"
    std::string_view coro;    // a task's coroutine qualname
    uint32_t colorIndex = 0;  // tasks: TaskInfo::colorIndex (creation order)
    Step created = 0;
    std::vector<Segment> segments;  // ordered, contiguous from `created`
};

enum class MarkerKind : uint8_t { Output, Stderr, Note, Uncaught };

struct Marker {
    Step step = 0;
    uint32_t row = 0;  // the row that was running when it happened
    MarkerKind kind = MarkerKind::Output;
    std::string_view text;
};

enum class TimelineAxis : uint8_t { Hybrid, Steps, Time };
std::string_view toString(TimelineAxis a);

struct ClockChange {
    Step step = 0;  // the world.clock event
    double before = 0.0, after = 0.0;
};

struct TimelineData {
    std::vector<TimelineRow> rows;              // top level first, then loops and tasks in creation order
    std::vector<Marker> markers;                // by step
    std::vector<ClockChange> clockChanges;      // by step
    Step steps = 0;                             // step slots covered (events read)
    double endClock = 0.0;                      // the clock after the last event
    std::unordered_map<Id, uint32_t> taskRows;  // task id -> its row

    // Clock before / after event `step` is applied (the left / right edge of its slot).
    double clockBefore(Step step) const;
    double clockAfter(Step step) const;
    // A segment's end step with kNoStep resolved to `steps`.
    Step endOf(const Segment& s) const { return s.end == kNoStep ? steps : s.end; }

    // The axis position of the left edge of slot `step` (step == steps: the right end).
    double axisPos(Step step, TimelineAxis axis) const;
    double axisEnd(TimelineAxis axis) const { return axisPos(steps, axis); }
    // The slot under axis position `u` (clamped to [0, steps-1]); Time axis:
    // the first slot at or after that time (a burst's first step).
    Step stepAtAxis(double u, TimelineAxis axis) const;
    // Hybrid's k: axis units per virtual second.
    double hybridTimeWeight() const;

    // The segment of `row` covering `step` (null: none, e.g. before the row exists).
    const Segment* segmentAt(uint32_t row, Step step) const;
    // "Task-2 waiting on a timer, 0.000–2.000 s, steps 51–66" (end shown inclusive).
    std::string describe(uint32_t row, const Segment& segment) const;
};

// Folds trace events into TimelineData; extend() may be called again as the trace grows.
class TimelineBuilder {
public:
    explicit TimelineBuilder(const trace::Trace& trace);
    void extend(Step limit = kNoStep);  // reads events [data().steps, limit)
    const TimelineData& data() const { return m_data; }
    TimelineData take() { return std::move(m_data); }

private:
    struct TaskTrack {
        uint32_t row = 0;
        Id awaiting = 0;
    };
    struct LoopTrack {
        uint32_t row = 0;
        bool running = false;
        bool waiting = false;
    };
    void apply(const trace::Event& e, Step step);
    void setState(uint32_t row, Step step, SegmentState state, Id awaiting = 0);
    SegmentState waitKindOf(Id future) const;
    uint32_t currentRow() const;

    const trace::Trace& m_trace;
    TimelineData m_data;
    std::unordered_map<Id, TaskTrack> m_tasks;
    std::unordered_map<Id, LoopTrack> m_loops;
    std::unordered_map<Id, SegmentState> m_futureWaits;   // plain futures a timer/socket completes
    std::unordered_map<Id, std::vector<Id>> m_awaitedBy;  // future -> tasks awaiting it, in await order
    std::unordered_set<Id> m_wakeups;                     // Task.task_wakeup handles not yet queued
    Id m_lastFuture = 0;  // the newest plain future (asyncio.sleep's timer completes it)
    Id m_runningTask = 0;
    Id m_activeLoop = 0;  // the loop inside run_until_complete/run_forever (0: none)
    bool m_loopInHandle = false;
    int m_openSockets = 0;
    // Rows in a time.sleep slot and the state they go back to at the next event.
    std::vector<std::pair<uint32_t, SegmentState>> m_blocked;
    bool m_uncaught = false;
    double m_clock = 0.0;
};

TimelineData buildTimeline(const trace::Trace& trace, Step limit = kNoStep);

}  // namespace aw::model
