// The state model: folding the trace of real lessons gives the stage what
// CPython's asyncio had at each step (ready queue order, timers, task states,
// wait kinds, the blocked thread of time.sleep), and stays bounded in size.
#include "core/model/fold.h"
#include "core/model/state.h"
#include "core/run/runner.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <algorithm>
#include <optional>
#include <string>

using namespace aw::model;
using aw::trace::Event;
using aw::trace::EventKind;
using aw::trace::Trace;

namespace {

// Runs lessons/<prefix>*/script.py (the prefix is the lesson number, "01").
std::shared_ptr<const Trace> runLesson(const QString& prefix)
{
    const QDir lessons(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
    const QStringList dirs = lessons.entryList({prefix + QStringLiteral("-*")}, QDir::Dirs);
    if (dirs.size() != 1) qFatal("no single lesson %s", qPrintable(prefix));
    QFile file(lessons.filePath(dirs.front() + QStringLiteral("/script.py")));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read lesson %s", qPrintable(prefix));
    const QByteArray source = file.readAll();
    const auto result = aw::run::runScript(std::string_view(source.constData(), std::size_t(source.size())),
                                           (dirs.front() + QStringLiteral("/script.py")).toStdString());
    if (!result.trace) qFatal("lesson %s did not compile", qPrintable(prefix));
    return result.trace;
}

// The states after every step, folded from scratch.
std::vector<State> foldAll(const Trace& trace)
{
    std::vector<State> states;
    State s;
    for (Step k = 0; k < trace.size(); ++k) {
        applyEvent(s, trace, k);
        states.push_back(s);
    }
    return states;
}

std::optional<Step> findEvent(const Trace& trace, EventKind kind, Step from = 0)
{
    for (Step k = from; k < trace.size(); ++k)
        if (trace[k].kind == kind) return k;
    return std::nullopt;
}

const TaskInfo* taskByCoroName(const State& s, std::string_view coro, int nth = 0)
{
    for (const TaskInfo& t : s.tasks)
        if (t.coro == coro && nth-- == 0) return &t;
    return nullptr;
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT
private slots:
    // Lesson 16: run_forever stops after the call_soon callbacks; the 2 s and 3 s timers are still in the heap
    // when the loop stops, and loop.close() drops them (they stay listed as dropped: they never fired).
    void lesson16TimersOutliveTheStoppedLoop() {
        const auto trace = runLesson("16");
        const auto states = foldAll(*trace);
        const auto runEnd = findEvent(*trace, EventKind::LoopRunEnd);
        QVERIFY(runEnd);
        const State& stopped = states[*runEnd];
        QCOMPARE(toString(stopped.loop.phase), toString(LoopPhase::Stopped));
        QCOMPARE(stopped.timers.size(), std::size_t(2));
        QCOMPARE(stopped.timers[0].when, 2.0);
        QCOMPARE(stopped.timers[0].callback, std::string_view("after_delay(2)"));
        QCOMPARE(stopped.timers[1].when, 3.0);
        QCOMPARE(stopped.timers[1].callback, std::string_view("after_delay(3)"));
        QVERIFY(!stopped.timers[0].dropped && !stopped.timers[1].dropped);
        QVERIFY(stopped.ready.empty());
        QCOMPARE(stopped.clock, 0.0);

        const State& last = states.back();
        QVERIFY(last.ended);
        QCOMPARE(toString(last.loop.phase), toString(LoopPhase::Closed));
        QCOMPARE(last.timers.size(), std::size_t(2));
        QVERIFY(last.timers[0].dropped && last.timers[1].dropped);
        QCOMPARE(last.outputCount, uint64_t(1));   // only "Triggered after 1s"
    }

    // Lesson 14: g1.cancel() before the loop runs: the four group-A tasks are cancelled at their first step,
    // without running a line of fetch_page; group B runs to the end.
    void lesson14GroupACancelledWithoutALine() {
        const auto trace = runLesson("14");
        const auto states = foldAll(*trace);
        const State& last = states.back();
        int cancelled = 0, done = 0;
        for (const TaskInfo& t : last.tasks) {
            if (t.coro != "fetch_page") continue;
            if (t.cancelRequests > 0) {
                ++cancelled;
                QCOMPARE(toString(t.status), toString(TaskStatus::Cancelled));
                QCOMPARE(t.line, 0);
                for (Step k = 0; k < trace->size(); ++k)
                    QVERIFY(!((*trace)[k].kind == EventKind::Line && (*trace)[k].a == t.id));
            } else {
                ++done;
                QCOMPARE(toString(t.status), toString(TaskStatus::Done));
                QVERIFY(t.line > 0);
                QCOMPARE(t.outcome.substr(0, 7), std::string_view("'SITEB/"));
            }
        }
        QCOMPARE(cancelled, 4);
        QCOMPARE(done, 4);
        // While they wait for their first step, the cancelled tasks are "created" with a cancel request.
        const auto firstRun = findEvent(*trace, EventKind::HandleRun);
        QVERIFY(firstRun);
        const State& before = states[*firstRun - 1];
        const TaskInfo* a0 = taskByCoroName(before, "fetch_page", 0);
        QVERIFY(a0);
        QCOMPARE(toString(a0->status), toString(TaskStatus::Created));
        QCOMPARE(a0->cancelRequests, 1u);
    }

    // Lesson 13: the done callback `notify` is scheduled when the task finishes and runs in the next loop
    // iteration; while the task is pending the callback hangs on it.
    void lesson13CallbackRunsOneIterationAfterTheTask() {
        const auto trace = runLesson("13");
        const auto states = foldAll(*trace);
        std::optional<Step> taskDone, notifyRun;
        for (Step k = 1; k < trace->size(); ++k) {
            const TaskInfo* before = taskByCoroName(states[k - 1], "fetch_data");
            const TaskInfo* after = taskByCoroName(states[k], "fetch_data");
            if (!taskDone && before && after && before->status != TaskStatus::Done && after->status == TaskStatus::Done)
                taskDone = k;
            if ((*trace)[k].kind == EventKind::HandleRun && states[k].loop.runningCallback.starts_with("notify("))
                notifyRun = k;
        }
        QVERIFY(taskDone);
        QVERIFY(notifyRun);
        QVERIFY(*notifyRun > *taskDone);
        QCOMPARE(states[*notifyRun].loop.iteration, states[*taskDone].loop.iteration + 1);

        const State& atDone = states[*taskDone];
        const TaskInfo* task = taskByCoroName(atDone, "fetch_data");
        QCOMPARE(task->outcome, std::string_view("'result-server1'"));
        QVERIFY(task->callbacks.empty());
        QCOMPARE(atDone.ready.size(), std::size_t(2));
        QVERIFY(atDone.ready[0].callback.starts_with("notify("));
        QCOMPARE(atDone.ready[0].reason, std::string_view("done_callback"));
        QCOMPARE(atDone.ready[0].target, task->id);
        QVERIFY(atDone.ready[1].callback.starts_with("_run_until_complete_cb("));

        std::optional<Step> result;
        for (Step k = 0; k < *taskDone; ++k)
            if ((*trace)[k].kind == EventKind::FutureResult && (*trace)[k].a == task->id) result = k;
        QVERIFY(result);
        const TaskInfo* pending = taskByCoroName(states[*result - 1], "fetch_data");
        QCOMPARE(toString(pending->status), toString(TaskStatus::Running));
        QVERIFY(std::find(pending->callbacks.begin(), pending->callbacks.end(), std::string_view("notify")) !=
                pending->callbacks.end());
    }

    // Lesson 03: time.sleep(2) at the top level freezes the thread before any loop exists: the clock jumps
    // by 2 s in one step that is marked blocked, and the next step is not.
    void lesson03ClockJumpsWhileBlocked() {
        const auto trace = runLesson("03");
        const auto states = foldAll(*trace);
        std::optional<Step> sleep;
        for (Step k = 0; k < trace->size() && !sleep; ++k)
            if ((*trace)[k].kind == EventKind::WorldClock && (*trace)[k].b == 0) sleep = k;
        QVERIFY(sleep);
        const State& blocked = states[*sleep];
        QVERIFY(blocked.blockedInSleep);
        QCOMPARE(blocked.sleepFrom, 0.0);
        QCOMPARE(blocked.clock, 2.0);
        QCOMPARE(blocked.loop.id, 0u);
        QCOMPARE(toString(blocked.loop.phase), toString(LoopPhase::None));
        QCOMPARE(blocked.outputCount, uint64_t(1));
        QVERIFY(!states[*sleep - 1].blockedInSleep);
        QCOMPARE(states[*sleep - 1].clock, 0.0);
        QVERIFY(!states[*sleep + 1].blockedInSleep);
        QCOMPARE(states[*sleep + 1].clock, 2.0);
        for (Step k = 0; k < trace->size(); ++k)
            if (k != *sleep) QVERIFY(!states[k].blockedInSleep);
        QCOMPARE(states.back().clock, 3.0);
    }

    // Lesson 01: the ready queue is FIFO: the two task_start handles queued by asyncio.wait() run in the
    // order they were queued, and at every step the first live entry is the next handle to run.
    void lesson01ReadyQueueOrderIsRunOrder() {
        const auto trace = runLesson("01");
        const auto states = foldAll(*trace);
        // After Task-1's first step: Task-2's and Task-3's starts are queued, in creation order.
        const auto suspended = std::find_if(states.begin(), states.end(), [](const State& s) {
            const TaskInfo* wait = taskByCoroName(s, "wait");
            return wait && wait->status == TaskStatus::Suspended;
        });
        QVERIFY(suspended != states.end());
        QCOMPARE(suspended->ready.size(), std::size_t(2));
        const TaskInfo* t2 = taskByCoroName(*suspended, "fetch_webpage", 0);
        const TaskInfo* t3 = taskByCoroName(*suspended, "fetch_webpage", 1);
        QCOMPARE(suspended->ready[0].target, t2->id);
        QCOMPARE(suspended->ready[1].target, t3->id);
        QCOMPARE(suspended->ready[0].reason, std::string_view("task_start"));
        std::vector<Id> runOrder;
        for (Step k = suspended->step; k < trace->size() && runOrder.size() < 2; ++k)
            if ((*trace)[k].kind == EventKind::HandleRun) runOrder.push_back((*trace)[k].a);
        QCOMPARE(runOrder, (std::vector<Id>{suspended->ready[0].handle, suspended->ready[1].handle}));

    }

    // Every lesson: the next handle to run is always the first live entry of the ready queue, a timer that
    // becomes due is at the front of the heap with its time reached, and nothing is left running at the end.
    void everyLessonRunsHandlesInQueueOrder() {
        const QDir lessons(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
        for (const QString& dir : lessons.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString lesson = dir.left(2);
            const auto t = runLesson(lesson);
            const auto all = foldAll(*t);
            for (Step k = 1; k < t->size(); ++k) {
                const Event& e = (*t)[k];
                const State& before = all[k - 1];
                const QString where = lesson + QStringLiteral(" step %1").arg(k);
                if (e.kind == EventKind::HandleRun) {
                    const auto live = std::find_if(before.ready.begin(), before.ready.end(),
                                                   [](const ReadyEntry& r) { return !r.cancelled; });
                    QVERIFY2(live != before.ready.end(), qPrintable(where));
                    QVERIFY2(live->handle == e.a, qPrintable(where));
                }
                if (e.kind == EventKind::TimerDue) {
                    QVERIFY2(!before.timers.empty() && before.timers.front().handle == e.a, qPrintable(where));
                    QVERIFY2(before.timers.front().when <= before.clock, qPrintable(where));
                }
            }
            const State& last = all.back();
            QVERIFY2(last.ended || last.cut, qPrintable(lesson));
            QCOMPARE(last.runningTask, 0u);
            QCOMPARE(last.loop.runningHandle, 0u);
            for (const TaskInfo& task : last.tasks) QVERIFY2(task.status != TaskStatus::Running, qPrintable(lesson));
        }
    }

    // Lesson 01: each fetch_webpage task sleeping in asyncio.sleep waits on a timer that completes its future;
    // the wait() task waits on a plain future; when the timer fires the task becomes ready before it runs.
    void lesson01WaitKinds() {
        const auto trace = runLesson("01");
        const auto states = foldAll(*trace);
        const auto loopWaitTimer = std::find_if(states.begin(), states.end(),
                                                [](const State& s) { return s.loop.waitReason == "timer"; });
        QVERIFY(loopWaitTimer != states.end());
        const State& s = *loopWaitTimer;
        QCOMPARE(toString(s.loop.phase), toString(LoopPhase::Polling));
        QCOMPARE(s.loop.waitUntil, 2.0);
        QCOMPARE(s.timers.size(), std::size_t(2));
        for (int i = 0; i < 2; ++i) {
            const TaskInfo* t = taskByCoroName(s, "fetch_webpage", i);
            QCOMPARE(toString(t->status), toString(TaskStatus::Suspended));
            QCOMPARE(toString(t->waitKind), toString(WaitKind::Timer));
            QCOMPARE(t->line, 7);
            const FutureInfo* f = s.future(t->awaiting);
            QVERIFY(f);
            QCOMPARE(f->timer, s.timers[std::size_t(i)].handle);
            QCOMPARE(s.timers[std::size_t(i)].future, f->id);
        }
        const TaskInfo* waiter = taskByCoroName(s, "wait");
        QCOMPARE(toString(waiter->waitKind), toString(WaitKind::Future));
        QCOMPARE(s.topLine, 20);

        // The first timer fires: its future's done callback makes the task ready.
        std::optional<Step> woke;
        for (Step k = s.step; k < trace->size() && !woke; ++k)
            if (taskByCoroName(states[k], "fetch_webpage", 0)->status == TaskStatus::Ready) woke = k;
        QVERIFY(woke);
        QCOMPARE((*trace)[*woke].kind, EventKind::HandleReady);
        QCOMPARE(states[*woke].clock, 2.0);
        QCOMPARE(states.back().clock, 2.0);
        QVERIFY(states.back().ended);
        QCOMPARE(states.back().outputCount, uint64_t(5));
    }

    // Lesson 08: a task waiting for an aiohttp response waits on a socket; the socket leaves once its
    // response is delivered.
    void lesson08SocketWait() {
        const auto trace = runLesson("08");
        const auto states = foldAll(*trace);
        bool sawSocketWait = false;
        for (const State& s : states)
            for (const TaskInfo& t : s.tasks)
                if (t.status == TaskStatus::Suspended && t.waitKind == WaitKind::Socket) {
                    sawSocketWait = true;
                    const FutureInfo* f = s.future(t.awaiting);
                    QVERIFY(f);
                    if (f->status != FutureStatus::Pending) continue;   // delivered: the socket has gone
                    QVERIFY2(std::any_of(s.sockets.begin(), s.sockets.end(),
                                         [&](const SocketInfo& k) { return k.id == f->socket && k.future == f->id; }),
                             qPrintable(QStringLiteral("step %1 task %2 future %3").arg(s.step).arg(t.id).arg(f->id)));
                }
        QVERIFY(sawSocketWait);
        const auto open = findEvent(*trace, EventKind::SocketOpen);
        QVERIFY(open);
        QCOMPARE(states[*open].sockets.size(), std::size_t(1));
        QVERIFY(states.back().sockets.empty());
    }

    // Lesson 19: wait_for's 2.5 s sleep timer is cancelled while it is still in the heap: it stays there,
    // marked cancelled, until the loop pops it at the start of an iteration (no event says so).
    void lesson19CancelledTimerStaysUntilPopped() {
        const auto trace = runLesson("19");
        const auto states = foldAll(*trace);
        bool checked = false;
        for (Step k = 1; k < trace->size() && !checked; ++k) {
            const Event& e = (*trace)[k];
            if (e.kind != EventKind::HandleCancel) continue;
            const auto& timers = states[k].timers;
            auto it = std::find_if(timers.begin(), timers.end(), [&](const TimerEntry& t) { return t.handle == e.a; });
            if (it == timers.end()) continue;   // sleep's h.cancel() after its timer ran: not in the heap
            QVERIFY(it->cancelled);
            QVERIFY(!std::any_of(states[k - 1].timers.begin(), states[k - 1].timers.end(),
                                 [&](const TimerEntry& t) { return t.handle == e.a && t.cancelled; }));
            // It leaves at a loop.iter, never through timer.due.
            Step gone = k;
            while (gone < trace->size() && std::any_of(states[gone].timers.begin(), states[gone].timers.end(),
                                                       [&](const TimerEntry& t) { return t.handle == e.a; }))
                ++gone;
            QVERIFY(gone < trace->size());
            QCOMPARE((*trace)[gone].kind, EventKind::LoopIter);
            for (Step j = k; j <= gone; ++j)
                QVERIFY(!((*trace)[j].kind == EventKind::TimerDue && (*trace)[j].a == e.a));
            checked = true;
        }
        QVERIFY(checked);
    }

    // A cancelled handle in the ready queue is skipped: it leaves when a later handle runs or at the next
    // iteration, as CPython's _run_once pops it without running it.
    void cancelledReadyHandleIsSkipped() {
        auto trace = std::make_shared<Trace>();
        Trace& t = *trace;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::HandleNew, 2, 1, 0, "a()");
        t.append(EventKind::HandleReady, 2, 0, 0, "call_soon");
        t.append(EventKind::HandleNew, 3, 1, 0, "b()");
        t.append(EventKind::HandleReady, 3, 0, 0, "call_soon");
        t.append(EventKind::HandleNew, 4, 1, 0, "c()");
        t.append(EventKind::HandleReady, 4, 0, 0, "call_soon");
        t.append(EventKind::HandleCancel, 2);           // 8
        t.append(EventKind::HandleCancel, 4);           // 9
        t.append(EventKind::LoopRun, 1, 0, 0, "run_forever");
        t.append(EventKind::LoopIter, 1, 1);
        t.append(EventKind::LoopWait, 1, 0, 0, "zero");
        t.append(EventKind::HandleRun, 3);              // 13: a() skipped
        t.append(EventKind::HandleNew, 5, 1, 0, "d()");
        t.append(EventKind::HandleReady, 5, 0, 0, "call_soon");
        t.append(EventKind::HandleDone, 3);             // 16
        t.append(EventKind::LoopIter, 1, 2);            // 17: c() skipped at the end of the batch
        State s;
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(s, t, k);
            if (k == 9) {
                QCOMPARE(s.ready.size(), std::size_t(3));
                QVERIFY(s.ready[0].cancelled && !s.ready[1].cancelled && s.ready[2].cancelled);
            }
            if (k == 13) {
                QCOMPARE(s.ready.size(), std::size_t(1));
                QCOMPARE(s.ready[0].handle, 4u);
                QCOMPARE(s.loop.runningCallback, std::string_view("b()"));
                QCOMPARE(toString(s.loop.phase), toString(LoopPhase::RunningHandle));
            }
            if (k == 16) {
                QCOMPARE(s.ready.size(), std::size_t(2));
                QCOMPARE(toString(s.loop.phase), toString(LoopPhase::Running));
            }
        }
        QCOMPARE(s.ready.size(), std::size_t(1));
        QCOMPARE(s.ready[0].handle, 5u);
        QCOMPARE(s.loop.iteration, uint64_t(2));
    }

    // handle.cancel finds its handle however it is queued (the fold looks it up by id, HandlePlaces):
    // queued twice, both entries are skipped (CPython queues one object twice); already run, nothing changes;
    // a cancelled timer stays in the heap, counted, and when popped as due it enters the ready queue cancelled.
    void cancelFindsTheHandleWhereverItIs() {
        Trace t;
        t.append(EventKind::ProgramStart);                          // 0
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::HandleNew, 2, 1, 0, "a()");
        t.append(EventKind::HandleReady, 2, 0, 0, "call_soon");
        t.append(EventKind::HandleNew, 3, 1, 0, "b()");
        t.append(EventKind::HandleReady, 3, 0, 0, "call_soon");     // 5
        t.append(EventKind::HandleReady, 2, 0, 0, "call_soon");     // a() queued again
        t.append(EventKind::TimerNew, 4, 1, 2.0, "later()");
        t.append(EventKind::TimerNew, 5, 1, 1.0, "sooner()");
        t.append(EventKind::TimerNew, 6, 1, 1.0, "tie()");          // same when: after 5 (ids order ties)
        t.append(EventKind::HandleCancel, 2);                       // 10: both a() entries
        t.append(EventKind::HandleCancel, 6);                       // 11: a timer in the heap
        t.append(EventKind::HandleCancel, 6);                       // 12: again: counted once
        t.append(EventKind::HandleCancel, 99);                      // 13: never queued
        t.append(EventKind::LoopRun, 1, 0, 0, "run_forever");
        t.append(EventKind::LoopIter, 1, 1);                        // 15
        t.append(EventKind::LoopWait, 1, 0, 0, "zero");
        t.append(EventKind::HandleRun, 3);                          // 17: the first a() skipped
        t.append(EventKind::HandleDone, 3);
        t.append(EventKind::HandleCancel, 3);                       // 19: b() already ran
        t.append(EventKind::LoopIter, 1, 2);                        // 20: the second a() skipped
        t.append(EventKind::LoopWait, 1, 0, 1.0, "timer");
        t.append(EventKind::WorldClock, 0, 1, 1.0);
        t.append(EventKind::TimerDue, 5, 1);                        // 23
        t.append(EventKind::TimerDue, 6, 1);                        // 24: cancelled, popped as due
        t.append(EventKind::HandleRun, 5);                          // 25
        t.append(EventKind::HandleDone, 5);
        t.append(EventKind::LoopIter, 1, 3);                        // 27: the cancelled tie() leaves
        State s;
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(s, t, k);
            if (k == 9) {
                QCOMPARE(s.timers.size(), std::size_t(3));
                QCOMPARE(s.timers[0].handle, 5u);
                QCOMPARE(s.timers[1].handle, 6u);
                QCOMPARE(s.timers[2].handle, 4u);
            }
            if (k == 13) {
                QCOMPARE(s.ready.size(), std::size_t(3));
                QVERIFY(s.ready[0].cancelled && !s.ready[1].cancelled && s.ready[2].cancelled);
                QVERIFY(!s.timers[0].cancelled && s.timers[1].cancelled && !s.timers[2].cancelled);
                QCOMPARE(s.fold.cancelledTimers, 1u);
            }
            if (k == 17) {
                QCOMPARE(s.ready.size(), std::size_t(1));
                QCOMPARE(s.ready[0].handle, 2u);
                QVERIFY(s.ready[0].cancelled);
            }
            if (k == 19) {
                QCOMPARE(s.ready.size(), std::size_t(1));
                QCOMPARE(s.timers.size(), std::size_t(3));
                QVERIFY(!s.timers[0].cancelled && s.timers[1].cancelled && !s.timers[2].cancelled);
            }
            if (k == 20) QVERIFY(s.ready.empty());
            if (k == 24) {
                QCOMPARE(s.ready.size(), std::size_t(2));
                QVERIFY(!s.ready[0].cancelled);
                QCOMPARE(s.ready[1].handle, 6u);
                QVERIFY(s.ready[1].cancelled);
                QCOMPARE(s.timers.size(), std::size_t(1));
                QCOMPARE(s.timers[0].handle, 4u);
            }
        }
        QVERIFY(s.ready.empty());
        QCOMPARE(s.timers.size(), std::size_t(1));
        HandlePlaces expected;
        expected.addTimer(4, 2.0);
        QVERIFY(s.fold.handles.sameAs(expected));
    }

    // A State made by hand (no handle table yet) is folded as if it had been folded: the table is rebuilt.
    void cancelOnAStateMadeByHand() {
        Trace t;
        t.append(EventKind::HandleCancel, 7);
        t.append(EventKind::HandleCancel, 8);
        State s;
        ReadyEntry r;
        r.handle = 7;
        s.ready.push_back(r);
        TimerEntry a, b;
        a.handle = 9;
        a.when = 1.0;
        b.handle = 8;
        b.when = 3.0;
        s.timers = {a, b};
        applyEvent(s, t, 0);
        QVERIFY(s.ready[0].cancelled);
        applyEvent(s, t, 1);
        QVERIFY(!s.timers[0].cancelled && s.timers[1].cancelled);
    }

    // Many timers through Folder (which keeps them in chunks, TimerStore) come out in the order applyEvent
    // keeps them in, with the same ones cancelled and popped.
    void folderKeepsTheTimerOrder() {
        Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        uint32_t seed = 12345;
        auto random = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
        Id next = 10;
        std::vector<Id> live;
        double clock = 0;
        for (int i = 0; i < 3000; ++i) {
            const uint32_t r = random();
            if (r % 3 != 0 || live.empty()) {
                const Id h = next++;
                t.append(EventKind::TimerNew, h, 1, clock + double(random() % 50) / 10.0, "cb()");
                live.push_back(h);
            } else if (r % 2 == 0) {
                t.append(EventKind::HandleCancel, live[random() % live.size()]);
            } else {
                clock += 0.1;
                t.append(EventKind::LoopIter, 1, Id(i));
            }
        }
        State one, many;
        Folder folder(many);
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(one, t, k);
            folder.apply(t, k);
            if (k % 97 == 0 || k + 1 == t.size()) {
                folder.sync();
                QVERIFY2(one == many, qPrintable(QString::number(k)));
                QVERIFY(std::is_sorted(many.timers.begin(), many.timers.end(), [](const TimerEntry& a, const TimerEntry& b) {
                    return a.when != b.when ? a.when < b.when : a.handle < b.handle;
                }));
            }
        }
        QVERIFY(one.timers.size() > 200);
    }

    // A program making many futures: finished ones are dropped beyond a bound, pending ones never.
    void finishedFuturesAreBounded() {
        Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        Id next = 2;
        std::vector<Id> pending;
        for (int i = 0; i < 5000; ++i) {
            const Id id = next++;
            t.append(EventKind::FutureNew, id, 1, 0, "Future");
            if (i % 100 == 0) pending.push_back(id);
            else t.append(EventKind::FutureResult, id, 0, 0, "None");
        }
        State s;
        std::size_t most = 0;
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(s, t, k);
            most = std::max(most, s.futures.size());
        }
        QVERIFY(most <= 2 * kKeepDoneFutures + pending.size() + 1);
        for (Id id : pending) {
            QVERIFY(s.future(id));
            QCOMPARE(toString(s.future(id)->status), toString(FutureStatus::Pending));
        }
        const std::size_t done = std::count_if(s.futures.begin(), s.futures.end(),
                                               [](const FutureInfo& f) { return f.status == FutureStatus::Done; });
        QVERIFY(done >= kKeepDoneFutures);
        QVERIFY(s.future(next - 1));   // the most recently finished is still there
        QVERIFY(!s.future(3));         // an early finished one is gone
    }

    // Frames follow frame.push/pop of their owner, and a Line moves the innermost frame's line.
    void framesFollowPushPopAndLines() {
        Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::FramePush, 0, 1, 0, "<module>");
        t.append(EventKind::FramePush, 0, 5, 0, "helper");
        t.append(aw::trace::Event{EventKind::Line, 0, 0, 0, 6, aw::trace::packColumns(4, 9), 0.0});
        t.append(EventKind::FutureNew, 7, 1, 0, "Task");
        t.append(EventKind::TaskNew, 7, 1, 0, "Task-1");
        t.append(EventKind::FramePush, 7, 10, 0, "worker");
        t.append(aw::trace::Event{EventKind::Line, 0, 0, 7, 11, aw::trace::packColumns(8, 20), 0.0});
        t.append(EventKind::FramePop, 0);
        State s;
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(s, t, k);
            if (k == 3) {
                QCOMPARE(s.topFrames.size(), std::size_t(2));
                QCOMPARE(s.topFrames[1].function, std::string_view("helper"));
                QCOMPARE(s.topFrames[1].line, 6);
                QCOMPARE(s.topFrames[0].line, 1);
                QCOMPARE(s.topLine, 6);
                QCOMPARE(s.topColStart, 4);
                QCOMPARE(s.topColEnd, 9);
            }
        }
        QCOMPARE(s.topFrames.size(), std::size_t(1));
        QCOMPARE(s.topLine, 6);
        const TaskInfo* task = s.task(7);
        QVERIFY(task);
        QVERIFY(s.futures.empty());   // its future.new made it a task, not a future
        QCOMPARE(task->frames.size(), std::size_t(1));
        QCOMPARE(task->frames[0].function, std::string_view("worker"));
        QCOMPARE(task->frames[0].line, 11);
        QCOMPARE(task->line, 11);
        QCOMPARE(task->colStart, 8);
        QCOMPARE(task->colEnd, 20);
    }

    void lookupsAndNames() {
        State s;
        for (Id id = 10; id < 20000; id += 2) {
            TaskInfo t;
            t.id = id;
            s.tasks.push_back(t);
        }
        QVERIFY(s.task(10));
        QCOMPARE(s.task(19998)->id, 19998u);
        QVERIFY(!s.task(11));
        QVERIFY(!s.task(20000));
        QVERIFY(!s.future(10));
        QCOMPARE(toString(TaskStatus::Suspended), std::string_view("suspended"));
        QCOMPARE(toString(WaitKind::Timer), std::string_view("timer"));
        QCOMPARE(toString(LoopPhase::RunningHandle), std::string_view("running_handle"));
        QCOMPARE(toString(FutureStatus::Cancelled), std::string_view("cancelled"));
        QCOMPARE(toString(SyncKind::Semaphore), std::string_view("semaphore"));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
