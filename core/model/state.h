#pragma once
// The state of a run at one step: what the stage, the timeline cursor, the
// console and the `awaitscope state` verb show. A pure fold of trace events
// (core/model/fold.h); it holds no pointers into the VM, only ids and text
// that live in the trace's string table (string_views stay valid as long as
// the Trace does, because the table never moves its strings).
//
// Step k means "after event k has been applied": the state at step 0 has
// seen program.start. Ids are the trace's ids (tasks and futures share one id
// space; handles, timers and sockets have their own ids too, all from one
// counter, so an id names one thing).
//
// Bounded size (a program with a million futures must not make every State
// huge, since StateIndex keeps copies as checkpoints):
// - pending tasks and futures are always listed; so is any finished one that
//   an unfinished task still awaits, or that a listed socket delivers to;
// - finished plain futures: the kKeepDoneFutures most recently finished stay
//   listed (so the stage can show "done, result=..."); older ones are dropped
//   in batches (compaction runs when twice that many are done, or half as
//   many as are pending if that is more);
// - finished tasks: likewise, the kKeepFinishedTasks most recently finished;
// - sockets leave when closed or when the handle that delivers their
//   response is done; handles leave the ready queue when they run.
// Ids in `tasks` and `futures` are increasing (creation order = id order), so
// task()/future() are binary searches.

#include "core/model/handle_places.h"
#include "core/trace/trace.h"

#include <absl/container/inlined_vector.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

namespace aw::model {

using Id = uint32_t;
using Step = uint64_t;
inline constexpr Step kNoStep = ~Step{0};

inline constexpr std::size_t kKeepDoneFutures = 64;
inline constexpr std::size_t kKeepFinishedTasks = 256;

enum class TaskStatus : uint8_t {
    Created,    // task.new seen, its first step not yet run (it is in the ready queue)
    Ready,      // woken up: its next step is in the ready queue
    Running,    // its step is running now
    Suspended,  // waiting on `awaiting`
    Done,
    Failed,
    Cancelled,
};
std::string_view toString(TaskStatus s);  // "created", "ready", ...

enum class FutureStatus : uint8_t { Pending, Done, Failed, Cancelled };
std::string_view toString(FutureStatus s);

// What a suspended task waits on, derived from the future it awaits.
enum class WaitKind : uint8_t { None, Timer, Socket, Future, Task, Sync };
std::string_view toString(WaitKind w);

struct Frame {
    std::string_view function;  // qualname
    int line = 0;               // its current line (the first line until a Line event of its owner)
    bool operator==(const Frame&) const = default;
};

// A task's frames and a future's done callbacks, with room for the usual few in place: a task is a coroutine
// or two of the script deep while it waits (asyncio's own frames are not recorded), a future has one callback
// (the task that awaits it); deeper ones move to the heap. StateIndex::stateAt builds a
// State of a thousand tasks and futures each time, and folds thousands of events into it; as std::vectors these
// lists were three allocations per task and nearly half of stateAt's time went to malloc and free.
inline constexpr std::size_t kInlineFrames = 2;
inline constexpr std::size_t kInlineCallbacks = 2;
using Frames = absl::InlinedVector<Frame, kInlineFrames>;
using Callbacks = absl::InlinedVector<std::string_view, kInlineCallbacks>;

// Heap bytes such a list owns: none while its items fit in place (its object's size counts them then).
template <typename T, std::size_t N>
std::size_t heapBytes(const absl::InlinedVector<T, N>& list)
{
    return list.capacity() > N ? list.capacity() * sizeof(T) : 0;
}

struct TaskInfo {
    Id id = 0;
    std::string_view name;      // "Task-2"
    std::string_view coro;      // coroutine qualname, "fetch_webpage"
    TaskStatus status = TaskStatus::Created;
    int line = 0;               // the line this task is at (its last Line event), 0 before its first
    int colStart = 0, colEnd = 0;   // column range of the expression on that line (0-based, end exclusive)
    Id awaiting = 0;            // the future it awaits while Suspended, and while Ready after that future
                                //   completed (the one that woke it); 0 otherwise. Ready from a done
                                //   callback = its Task.task_wakeup handle is in the ready queue
    WaitKind waitKind = WaitKind::None;
    uint32_t cancelRequests = 0;
    std::string_view outcome;   // result repr / "Type: message" / cancel message once finished
    Frames frames;              // outermost first (frame.push/pop of its owner id); empty until the VM records frames
    Step created = 0;           // step of task.new
    Step finished = kNoStep;    // step it became Done/Failed/Cancelled
    uint32_t colorIndex = 0;    // creation order: the palette index the UI colours it with
    Callbacks callbacks;        // its done callbacks while pending (a Task is a Future)
    Id awaitedBy = 0;           // the first task that awaited this one (0: none yet)
    bool operator==(const TaskInfo&) const = default;
};

struct FutureInfo {
    Id id = 0;
    std::string_view kind;      // "Future", "Task", "_GatheringFuture"
    FutureStatus status = FutureStatus::Pending;
    std::string_view outcome;   // result repr / exception / cancel message
    Callbacks callbacks;        // done callbacks in registration order
    Id timer = 0;               // a timer handle that will complete it (asyncio.sleep), 0: none
    Id socket = 0;              // a socket whose response completes it, 0: none
    Id sync = 0;                // the Queue/Lock/... it is a waiter of, 0: none
    Id awaitedBy = 0;           // the first task that awaited it (0: none yet)
    Step created = 0;           // step of future.new
    Step finished = kNoStep;    // step its result/exception/cancellation was set
    bool operator==(const FutureInfo&) const = default;
};

// One entry of the loop's ready deque, in FIFO order.
struct ReadyEntry {
    Id handle = 0;
    std::string_view callback;  // "Task._step()", "after_delay(1)"
    std::string_view reason;    // call_soon, task_start, done_callback, timer, socket, ...
    Id target = 0;              // the task/future/socket that made it ready (0: none)
    Step since = 0;             // step it became ready
    bool cancelled = false;     // Handle.cancel(): it stays queued and is skipped when its turn comes, as in CPython
    bool dropped = false;       // loop.close() discarded it: it never runs (kept until the next loop.new)
    bool operator==(const ReadyEntry&) const = default;
};

struct TimerEntry {
    Id handle = 0;
    double when = 0.0;
    std::string_view callback;
    bool cancelled = false;     // cancelled timers stay in the heap until popped, as in CPython
    Step since = 0;
    Id future = 0;              // the future it completes (asyncio.sleep's), 0: unknown
    bool dropped = false;       // loop.close() discarded it: it never fires (kept until the next loop.new)
    bool operator==(const TimerEntry&) const = default;
};
// Timers are kept ordered by (when, handle id): the order they will fire
// (handle ids grow with scheduling order, and the port's TimerHandle compares
// (when, id)).

struct SocketInfo {
    Id id = 0;
    std::string_view request;   // "GET https://www.example.com"
    double due = 0.0;           // when its response arrives
    Id future = 0;              // the response future
    bool done = false;          // response arrived (listed until the handle delivering it is done)
    Step since = 0;             // step of socket.open
    bool operator==(const SocketInfo&) const = default;
};

enum class SyncKind : uint8_t { Queue, Lock, Semaphore, Event, Condition };
std::string_view toString(SyncKind k);

struct SyncInfo {
    Id id = 0;
    SyncKind kind = SyncKind::Lock;
    std::vector<Id> waiters;                // futures waiting, FIFO
    std::vector<std::string_view> items;    // Queue: item reprs, front first
    int64_t value = 0;                      // Semaphore value; Lock/Event: 1 locked/set; Queue: maxsize
    Id holder = 0;                          // Lock: the task that took it (0: unknown / free)
    // Added by fold_sync.cpp's author (H2):
    std::string_view type;                  // the class: "Queue", "LifoQueue", "PriorityQueue", "BoundedSemaphore", ...
    std::vector<Id> putters;                // Queue: put() futures waiting for room, FIFO (`waiters`: its get() futures)
    Id uses = 0;                            // Queue: the Event its join() waits on; Condition: its Lock (0: none)
    Id usedBy = 0;                          // the Queue/Condition that uses this one (0: none): drawn inside it
    bool operator==(const SyncInfo&) const = default;
};

// None: no loop yet. Idle: created, never run. Running: inside run_forever /
// run_until_complete, between handles. Polling: from loop.wait until the
// first handle of the iteration runs (the wait, the clock advance, timers
// becoming due). RunningHandle: a handle runs. Stopped: a run returned.
// Closed: loop.close().
enum class LoopPhase : uint8_t { None, Idle, Running, Polling, RunningHandle, Stopped, Closed };
std::string_view toString(LoopPhase p);

struct LoopInfo {
    Id id = 0;                  // 0: no loop yet
    LoopPhase phase = LoopPhase::None;
    uint64_t iteration = 0;
    Id runningHandle = 0;
    std::string_view runningCallback;
    double waitUntil = -1.0;    // the deadline of the current/last wait (-1 forever)
    std::string_view waitReason;  // zero / timer / forever
    bool stopping = false;      // loop.stop() called during this run
    Id runFuture = 0;           // run_until_complete's future (0: run_forever / not running)
    bool operator==(const LoopInfo&) const = default;
};

// What the fold needs to remember between events that no view shows; part
// of the State so that folding from a checkpoint equals folding from scratch.
struct FoldBookkeeping {
    enum class Batch : uint8_t { None, Collecting, Running };
    Batch batch = Batch::None;          // where _run_once is: after loop.wait, or running its ready batch
    uint32_t batchLeft = 0;             // handles of this iteration's batch not popped yet (front of `ready`)
    uint32_t cancelledTimers = 0;       // CPython's _timer_cancelled_count
    Id newHandle = 0;                   // the last handle.new, for the handle.ready that follows it
    std::string_view newHandleCallback;
    Id deliveringSocket = 0;            // the socket whose response the running handle delivers
    Id newFuture = 0;                   // the future of the previous event if it was a plain future.new
    uint32_t tasksCreated = 0;          // colour index of the next task
    std::size_t doneFutures = 0;        // finished plain futures in `futures`
    std::size_t finishedTasks = 0;      // finished tasks in `tasks`
    std::size_t compactFuturesAt = 0;   // compaction thresholds (see "Bounded size" above)
    std::size_t compactTasksAt = 0;
    HandlePlaces handles;               // where each handle of `ready` and `timers` is, by id (handle_places.h);
                                        //   a cache: rebuilt when it does not match them, never part of equality
    // Caches for finding tasks and futures by id, checked before use and never part of equality: where the
    // last ones looked up were (consecutive events mostly name the same ones: a task's Line events), and the
    // ids of `tasks` and `futures` in order (a binary search over 4-byte ids instead of 100-byte items).
    struct Hints {
        std::size_t task = 0;
        std::size_t future = 0;
        std::vector<Id> taskIds;
        std::vector<Id> futureIds;
        bool operator==(const Hints&) const { return true; }
    };
    Hints hints;
    bool operator==(const FoldBookkeeping&) const = default;
};

struct State {
    Step step = 0;
    double clock = 0.0;
    LoopInfo loop;
    std::vector<TaskInfo> tasks;        // creation order
    std::vector<FutureInfo> futures;    // pending and finished plain futures (not tasks), creation order
    // deques: the loop pops the ready queue and the timer heap from the front thousands of times per
    // iteration in big programs; a vector would move every entry each time. Index them like vectors.
    std::deque<ReadyEntry> ready;       // FIFO, front first
    std::deque<TimerEntry> timers;      // by (when, handle id): front fires first
    std::vector<SocketInfo> sockets;    // open, by opening order
    std::vector<SyncInfo> syncs;        // creation order
    Id runningTask = 0;                 // the task whose step runs now (0: none)
    int topLine = 0;                    // the top-level code's (or a plain callback's) current line
    int topColStart = 0, topColEnd = 0;
    Frames topFrames;                   // frames of owner 0, outermost first
    bool blockedInSleep = false;        // this step is a time.sleep: the whole thread is frozen
    double sleepFrom = 0.0;             //   ... from this clock to `clock`
    uint64_t outputCount = 0;           // output lines printed so far (StateIndex::outputs() has them)
    uint64_t noteCount = 0;
    uint64_t tasksFinished = 0;         // every task finished so far (`tasks` keeps only the latest of them)
    uint64_t reportCount = 0;           // stderr reports (StateIndex::reports() has them)
    bool ended = false;                 // program.end seen
    int exitCode = 0;                   //   ... with this exit code
    bool cut = false;                   // program.cut seen
    std::string_view cutReason;
    bool hung = false;                  // world.hang: nothing left that could wake the program
    std::string_view uncaught;          // "Type: message" when the program ended with one
    double ctrlCAt = -1.0;              // clock of the delivered Ctrl+C (-1: none yet)
    bool ctrlCHandled = false;          //   ... taken by asyncio.run's SIGINT handler (else KeyboardInterrupt)
    FoldBookkeeping fold;

    const TaskInfo* task(Id id) const;
    const FutureInfo* future(Id id) const;
    const SyncInfo* sync(Id id) const;
    TaskInfo* task(Id id);
    FutureInfo* future(Id id);
    SyncInfo* sync(Id id);

    bool operator==(const State&) const = default;
};

}  // namespace aw::model
