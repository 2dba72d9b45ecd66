#pragma once
// The state at one step as one JSON object: what `awaitscope state` prints.
// Stable: fields are only ever added. Keys are snake_case; ids are the trace's
// ids; a missing link is 0 (never null); times are seconds on the virtual
// clock; steps are event indexes (step k = after event k).
//
// {
//   "step": 42,                      event index this state is after
//   "clock": 2.0,                    virtual time
//   "iteration": 3,                  the loop iteration (0 before the first)
//   "loop": {
//     "id": 1,                       0: no loop yet
//     "phase": "running_handle",     none | idle | running | polling | running_handle | stopped | closed
//     "iteration": 3,
//     "running_handle": 13,          the handle whose callback runs now (0: none)
//     "running_callback": "Task.task_wakeup(<Future>)",
//     "wait_until": 2.0,             deadline of the current/last wait (-1: forever)
//     "wait_reason": "timer",        zero | timer | forever | "" (no wait yet)
//     "stopping": false,             loop.stop() was called in this run
//     "run_future": 2                run_until_complete's future (0: run_forever / not running)
//   },
//   "running_task": 4,               the task whose step runs now (0: none)
//   "top_line": 20, "top_col_start": 4, "top_col_end": 60,
//                                    line and column range (0-based, end exclusive) of the top-level code
//                                    or of the plain callback running now
//   "top_frames": [{"function": "main", "line": 3}],   frames of the top level, outermost first
//   "blocked_in_sleep": false,       this step is a time.sleep: the whole thread is frozen ...
//   "sleep_from": 0.0,               ... from this clock to "clock"
//   "tasks": [{                      every pending task and the recently finished ones, creation order
//     "id": 4, "name": "Task-2", "coro": "fetch_webpage",
//     "status": "suspended",         created | ready | running | suspended | done | failed | cancelled
//     "line": 7, "col_start": 4, "col_end": 26,   where it is (line 0: it has not run a line yet)
//     "awaiting": 9,                 the future it waits on (0: none)
//     "wait_kind": "timer",          none | timer | socket | future | task | sync
//     "cancel_requests": 0,
//     "outcome": "None",             result repr / "Type: message" / cancel message once finished
//     "callbacks": ["_wait.<locals>._on_completion"],   its done callbacks while pending
//     "frames": [{"function": "fetch_webpage", "line": 7}],
//     "created": 23, "finished": null,    steps (finished: null while pending)
//     "color_index": 1,              creation order of the task (palette index)
//     "awaited_by": 2                first task that awaited it (0: none)
//   }],
//   "futures": [{                    plain futures (not tasks): pending ones and the recently finished
//     "id": 9, "kind": "Future", "status": "pending",   pending | done | failed | cancelled
//     "outcome": "", "callbacks": ["Task.task_wakeup"],
//     "timer": 10, "socket": 0, "sync": 0,   what completes it (0: none known)
//     "awaited_by": 4, "created": 47, "finished": null
//   }],
//   "ready": [{                      the ready queue, front first
//     "handle": 13, "callback": "Task.task_wakeup(<Future>)",
//     "reason": "done_callback",     call_soon | task_start | yield | done_callback | error | socket | timer | ...
//     "target": 9,                   the task/future/socket that made it ready (0: none)
//     "since": 72,                   step it became ready
//     "cancelled": false,            cancelled: it will be skipped
//     "dropped": false               loop.close() discarded it
//   }],
//   "timers": [{                     the timer heap in firing order (when, then scheduling order)
//     "handle": 10, "when": 2.0, "callback": "_set_result_unless_cancelled(<Future>, None)",
//     "cancelled": false, "since": 48, "future": 9, "dropped": false
//   }],
//   "sockets": [{"id": 12, "request": "GET https://dev.to", "due": 0.9, "future": 11, "done": false, "since": 53}],
//   "syncs": [{"id": 5, "kind": "queue", "type": "Queue", "waiters": [14], "putters": [], "uses": 4,
//              "used_by": 0, "items": ["1"], "value": 0, "holder": 0}],
//                                    kind: queue | lock | semaphore | event | condition
//   "output": [{"step": 45, "clock": 0.0, "text": "..."}],   lines printed up to this step
//   "notes": [{"step": 7, "clock": 0.0, "text": "..."}],     notes (legacy API, ...) up to this step
//   "reports": [{"step": 90, "clock": 1.0, "text": "..."}],  asyncio's stderr reports up to this step
//   "tasks_finished": 3,             tasks finished so far (tasks[] keeps only the latest 256)
//   "ended": false, "exit_code": 0,
//   "cut": false, "cut_reason": "",
//   "hung": false,                   nothing left that could wake the program
//   "uncaught": "",                  "Type: message" when the program ended with one
//   "ctrl_c_at": -1,                 clock of the delivered Ctrl+C (-1: none)
//   "ctrl_c_handled": false          asyncio.run's handler took it (else KeyboardInterrupt)
// }

#include "core/model/state.h"
#include "core/model/state_index.h"

#include <string>
#include <string_view>

namespace aw::model {

// `index` provides the output, notes and reports up to state.step.
std::string stateToJson(const State& state, const StateIndex& index);

// `text` as a JSON string literal, quotes included (control characters escaped, UTF-8 passed through).
std::string jsonString(std::string_view text);

// A double as JSON: CPython-like shortest repr where possible ("2.0", "0.1"); never NaN/inf (they become null).
std::string jsonNumber(double value);

}  // namespace aw::model
