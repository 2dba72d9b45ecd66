#pragma once
// Hand-built States for the stage's tests (layout and view): one of each
// region, lesson 01 with its two timers, a thread blocked in time.sleep, and
// n tasks for the level of detail. Names live in a deque that never moves,
// because a State holds string_views.

#include "core/model/state.h"

#include <deque>
#include <string>

namespace fixtures {
using namespace aw::model;

inline TaskInfo task(Id id, const char* name, const char* coro, TaskStatus st, int line, Id awaiting = 0,
                     WaitKind wk = WaitKind::None, uint32_t color = 0) {
    TaskInfo t;
    t.id = id; t.name = name; t.coro = coro; t.status = st; t.line = line; t.awaiting = awaiting;
    t.waitKind = wk; t.colorIndex = color;
    return t;
}

// Lesson 01 just after both sleeps have scheduled their timers: the two tasks
// await their sleep futures, the wait() task awaits its waiter future.
inline State lessonOneTwoTimers() {
    State s;
    s.step = 57; s.clock = 0.0;
    s.loop.id = 1; s.loop.phase = LoopPhase::RunningHandle; s.loop.iteration = 2;
    s.loop.runningHandle = 30; s.loop.runningCallback = "Task.__step()";
    s.tasks.push_back(task(3, "Task-1", "wait", TaskStatus::Suspended, 0, 20, WaitKind::Future, 0));
    s.tasks.push_back(task(5, "Task-2", "fetch_webpage", TaskStatus::Suspended, 7, 12, WaitKind::Timer, 1));
    s.tasks.push_back(task(7, "Task-3", "fetch_webpage", TaskStatus::Running, 7, 0, WaitKind::None, 2));
    s.tasks.back().status = TaskStatus::Suspended; s.tasks.back().awaiting = 14; s.tasks.back().waitKind = WaitKind::Timer;
    FutureInfo f20; f20.id = 20; f20.kind = "Future"; f20.callbacks = {"_on_completion"};
    FutureInfo f12; f12.id = 12; f12.kind = "Future"; f12.timer = 13; f12.callbacks = {"Task.__wakeup"};
    FutureInfo f14; f14.id = 14; f14.kind = "Future"; f14.timer = 15; f14.callbacks = {"Task.__wakeup"};
    s.futures = {f20, f12, f14};
    TimerEntry t1; t1.handle = 13; t1.when = 2.0; t1.callback = "futures._set_result_unless_cancelled(<Future #12>)";
    TimerEntry t2; t2.handle = 15; t2.when = 2.0; t2.callback = "futures._set_result_unless_cancelled(<Future #14>)";
    s.timers = {t1, t2};
    s.runningTask = 0;
    s.topLine = 20;
    return s;
}

// A busier moment: ready queue with reasons, a cancelled timer, sockets, a queue, finished tasks.
inline State busy() {
    State s;
    s.step = 812; s.clock = 1.25;
    s.loop.id = 1; s.loop.phase = LoopPhase::RunningHandle; s.loop.iteration = 14;
    s.loop.runningHandle = 90; s.loop.runningCallback = "Task.__step()";
    s.tasks.push_back(task(3, "Task-1", "main", TaskStatus::Suspended, 31, 40, WaitKind::Future, 0));
    s.tasks.push_back(task(5, "producer-1", "producer", TaskStatus::Running, 12, 0, WaitKind::None, 1));
    s.tasks.push_back(task(7, "consumer-1", "consumer", TaskStatus::Suspended, 19, 60, WaitKind::Sync, 2));
    s.tasks.push_back(task(9, "fetch-a", "fetch", TaskStatus::Suspended, 25, 70, WaitKind::Socket, 3));
    s.tasks.push_back(task(11, "watchdog", "watch", TaskStatus::Suspended, 40, 5, WaitKind::Task, 4));
    s.tasks.push_back(task(13, "Task-6", "worker", TaskStatus::Ready, 8, 0, WaitKind::None, 5));
    s.tasks.push_back(task(15, "Task-7", "worker", TaskStatus::Done, 9, 0, WaitKind::None, 6));
    s.tasks.back().outcome = "42";
    s.tasks.push_back(task(17, "Task-8", "worker", TaskStatus::Failed, 9, 0, WaitKind::None, 7));
    s.tasks.push_back(task(19, "Task-9", "worker", TaskStatus::Cancelled, 9, 0, WaitKind::None, 8));
    s.runningTask = 5;
    FutureInfo g; g.id = 40; g.kind = "_GatheringFuture"; g.callbacks = {"Task.__wakeup"};
    FutureInfo q; q.id = 60; q.kind = "Future"; q.sync = 50; q.callbacks = {"Task.__wakeup"};
    FutureInfo r; r.id = 70; r.kind = "Future"; r.socket = 71; r.callbacks = {"Task.__wakeup", "_log_done", "_release"};
    s.futures = {g, q, r};
    ReadyEntry a; a.handle = 91; a.callback = "Task.__step()"; a.reason = "task_start"; a.target = 13;
    ReadyEntry b; b.handle = 92; b.callback = "Task.__wakeup(<Future #33>)"; b.reason = "done_callback"; b.target = 33;
    ReadyEntry c; c.handle = 93; c.callback = "after_delay(1)"; c.reason = "timer";
    ReadyEntry d; d.handle = 94; d.callback = "print_tick()"; d.reason = "call_soon";
    s.ready = {a, b, c, d};
    TimerEntry t1; t1.handle = 80; t1.when = 1.5; t1.callback = "_set_result_unless_cancelled";
    TimerEntry t2; t2.handle = 81; t2.when = 2.0; t2.callback = "after_delay(2)"; t2.cancelled = true;
    TimerEntry t3; t3.handle = 82; t3.when = 5.0; t3.callback = "_timeout_handler";
    s.timers = {t1, t2, t3};
    SocketInfo so; so.id = 71; so.request = "GET https://www.python.org"; so.due = 1.75; so.future = 70;
    SocketInfo so2; so2.id = 72; so2.request = "GET https://www.example.com"; so2.due = 1.2; so2.future = 73; so2.done = true;
    s.sockets = {so, so2};
    SyncInfo qu; qu.id = 50; qu.kind = SyncKind::Queue; qu.items = {"'job-1'", "'job-2'"}; qu.value = 0;
    qu.waiters = {};
    SyncInfo lk; lk.id = 51; lk.kind = SyncKind::Lock; lk.value = 1; lk.holder = 5; lk.waiters = {60};
    s.syncs = {qu, lk};
    s.outputCount = 5;
    return s;
}

inline State sleeping() {
    State s = lessonOneTwoTimers();
    s.blockedInSleep = true; s.sleepFrom = 0.0; s.clock = 2.0;
    s.tasks[2].status = TaskStatus::Running; s.tasks[2].awaiting = 0; s.tasks[2].waitKind = WaitKind::None;
    s.runningTask = 7;
    s.timers.pop_back();
    return s;
}

// Storage for names of many tasks (string_views need it to live).
inline std::deque<std::string>& names() { static std::deque<std::string> n; return n; }

inline State many(int n) {
    State s;
    s.step = 1'000'000; s.clock = 3.0;
    s.loop.id = 1; s.loop.phase = LoopPhase::Polling; s.loop.iteration = 20'000; s.loop.waitUntil = 3.5;
    s.tasks.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        names().push_back("Task-" + std::to_string(i + 2));
        const Id id = static_cast<Id>(10 + i * 4);
        TaskStatus st = i % 10 == 0 ? TaskStatus::Done : (i % 7 == 0 ? TaskStatus::Ready : TaskStatus::Suspended);
        WaitKind wk = st == TaskStatus::Suspended ? (i % 3 == 0 ? WaitKind::Socket : WaitKind::Timer) : WaitKind::None;
        s.tasks.push_back(task(id, names().back().c_str(), "worker", st, 12, st == TaskStatus::Suspended ? id + 1 : 0, wk,
                               static_cast<uint32_t>(i)));
        if (wk == WaitKind::Timer) {
            TimerEntry t; t.handle = id + 2; t.when = 3.0 + i * 0.001; t.callback = "_set_result_unless_cancelled";
            s.timers.push_back(t);
            FutureInfo f; f.id = id + 1; f.kind = "Future"; f.timer = id + 2; f.callbacks = {"Task.__wakeup"};
            s.futures.push_back(f);
        }
        if (st == TaskStatus::Ready) {
            ReadyEntry r; r.handle = id + 3; r.callback = "Task.__step()"; r.reason = "done_callback"; r.target = id;
            s.ready.push_back(r);
        }
    }
    return s;
}

}  // namespace fixtures
