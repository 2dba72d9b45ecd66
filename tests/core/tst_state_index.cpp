// StateIndex: random access to the state at any step must equal folding the
// trace from the start, whatever the checkpoint spacing, the order of the
// requests or the way the trace was indexed (at once or in chunks); the
// per-step tables (clock, iteration, output) agree with the fold; memory stays
// within its budget; and the JSON of a state is valid and says what the state
// says.
#include "core/model/fold.h"
#include "core/model/state_index.h"
#include "core/model/state_json.h"
#include "core/run/runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace aw::model;
using aw::trace::EventKind;
using aw::trace::Trace;

namespace {

aw::run::RunResult runLessonDir(const QString& dir)
{
    const QDir lessons(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
    QFile file(lessons.filePath(dir + QStringLiteral("/script.py")));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read lesson %s", qPrintable(dir));
    const QByteArray source = file.readAll();
    return aw::run::runScript(std::string_view(source.constData(), std::size_t(source.size())),
                              (dir + QStringLiteral("/script.py")).toStdString());
}

QStringList lessonDirs()
{
    return QDir(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString describe(const State& a, const State& b)
{
    return QStringLiteral("step %1 vs %2: tasks %3/%4 ready %5/%6 timers %7/%8 futures %9/%10")
        .arg(a.step).arg(b.step).arg(a.tasks.size()).arg(b.tasks.size()).arg(a.ready.size()).arg(b.ready.size())
        .arg(a.timers.size()).arg(b.timers.size()).arg(a.futures.size()).arg(b.futures.size());
}

// A synthetic program with `tasks` tasks that each sleep over and over: the big-state case (many pending
// tasks, futures and timers) with the event shapes asyncio writes. Folded while it is written, so each
// handle.run names the handle at the front of the ready queue.
std::shared_ptr<Trace> pingpongTrace(int tasks, int rounds)
{
    auto trace = std::make_shared<Trace>();
    Trace& t = *trace;
    State s;
    auto add = [&](EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view text = {}) {
        t.append(kind, a, b, x, text);
        applyEvent(s, t, t.size() - 1);
    };
    Id next = 1;
    const Id loop = next++;
    add(EventKind::ProgramStart, 0, 0, 0, "pingpong.py");
    add(EventKind::LoopNew, loop);
    std::vector<Id> ids;
    for (int i = 0; i < tasks; ++i) {
        const Id task = next++;
        ids.push_back(task);
        add(EventKind::FutureNew, task, loop, 0, "Task");
        add(EventKind::TaskNew, task, loop, 0, "Task-" + std::to_string(i + 1));
        add(EventKind::TaskCoro, task, 0, 0, "worker");
        const Id h = next++;
        add(EventKind::HandleNew, h, loop, 0, "Task._step()");
        add(EventKind::HandleReady, h, task, 0, "task_start");
    }
    add(EventKind::LoopRun, loop, 0, 0, "run_forever");
    double clock = 0;
    uint32_t iteration = 0;
    for (int r = 0; r < rounds; ++r) {
        add(EventKind::LoopIter, loop, ++iteration);
        add(EventKind::LoopWait, loop, 0, 0, "zero");
        std::vector<Id> timers;
        for (int i = 0; i < tasks; ++i) {
            const Id task = ids[std::size_t(i)];
            const Id handle = s.ready.front().handle;
            add(EventKind::HandleRun, handle);
            add(EventKind::TaskState, task, 0, 0, "running");
            add(EventKind::Line, task, 3 + uint32_t(r % 3), 0);
            const Id fut = next++;
            add(EventKind::FutureNew, fut, loop, 0, "Future");
            const Id timer = next++;
            timers.push_back(timer);
            add(EventKind::TimerNew, timer, loop, clock + 1.0 + 0.001 * i, "_set_result_unless_cancelled(<Future>, None)");
            add(EventKind::FutureCbAdd, fut, 0, 0, "Task.task_wakeup");
            add(EventKind::TaskAwait, task, fut);
            add(EventKind::TaskState, task, 0, 0, "suspended");
            add(EventKind::HandleDone, handle);
        }
        add(EventKind::LoopIter, loop, ++iteration);
        add(EventKind::LoopWait, loop, 0, clock + 1.0, "timer");
        clock += 1.0 + 0.001 * (tasks - 1);
        add(EventKind::WorldClock, 0, 1, clock);
        for (Id timer : timers) add(EventKind::TimerDue, timer, loop);
        for (Id timer : timers) {
            add(EventKind::HandleRun, timer);
            const Id fut = timer - 1;
            add(EventKind::FutureResult, fut, 0, 0, "None");
            const Id wake = next++;
            add(EventKind::HandleNew, wake, loop, 0, "Task.task_wakeup(<Future>)");
            add(EventKind::HandleReady, wake, fut, 0, "done_callback");
            add(EventKind::HandleDone, timer);
        }
    }
    return trace;
}

}  // namespace

class TestStateIndex : public QObject {
    Q_OBJECT
private slots:
    // For every lesson and several checkpoint spacings: stateAt(k) equals the fold from scratch for every k,
    // also when stepping backward (k-1, then k) and jumping around.
    void stateAtEqualsFoldFromScratch() {
        for (const QString& dir : lessonDirs()) {
            const auto run = runLessonDir(dir);
            QVERIFY2(run.trace, qPrintable(dir));
            const Trace& trace = *run.trace;
            std::vector<State> scratch;
            State s;
            for (Step k = 0; k < trace.size(); ++k) {
                applyEvent(s, trace, k);
                scratch.push_back(s);
            }
            for (Step every : {Step(1), Step(7), Step(64), Step(4096)}) {
                StateIndex index(run.trace, every);
                index.extend();
                QCOMPARE(index.indexed(), Step(trace.size()));
                QVERIFY(index.finalState() == scratch.back());
                for (Step k = 0; k < trace.size(); ++k) {
                    const State at = index.stateAt(k);
                    QVERIFY2(at == scratch[k], qPrintable(dir + QStringLiteral(" K=%1 ").arg(every) + describe(at, scratch[k])));
                    if (k > 0) {
                        QVERIFY(index.stateAt(k - 1) == scratch[k - 1]);   // step back ...
                        QVERIFY(index.stateAt(k) == scratch[k]);           // ... and forward again
                    }
                }
                // Backward from the end, and clamped past it.
                for (Step k = trace.size(); k-- > 0;) QVERIFY(index.stateAt(k) == scratch[k]);
                QVERIFY(index.stateAt(trace.size() + 100) == scratch.back());
            }
        }
    }

    // A state differing in one place is not equal (the comparison above can fail).
    void equalityNoticesDifferences() {
        const auto run = runLessonDir(QStringLiteral("01-event-loop-two-fetches"));
        StateIndex index(run.trace, 16);
        index.extend();
        const State a = index.stateAt(70);
        State b = a;
        QVERIFY(a == b);
        b.ready.back().cancelled = !b.ready.back().cancelled;
        QVERIFY(!(a == b));
        b = a;
        b.tasks[1].line += 1;
        QVERIFY(!(a == b));
        QVERIFY(!(index.stateAt(69) == a));
    }

    // Indexing in chunks (as the worker publishes the trace) gives the same index as all at once.
    void extendInChunks() {
        const auto run = runLessonDir(QStringLiteral("20-queue-producers-consumers"));
        const Step n = run.trace->size();
        StateIndex whole(run.trace, 32);
        whole.extend();
        StateIndex chunked(run.trace, 32);
        QVERIFY(chunked.empty());
        for (Step limit = 0; limit <= n; limit += 37) {
            chunked.extend(limit);
            QCOMPARE(chunked.indexed(), limit);
            if (limit > 0) QVERIFY(chunked.finalState() == whole.stateAt(limit - 1));
        }
        chunked.extend();
        QCOMPARE(chunked.indexed(), n);
        for (Step k = 0; k < n; k += 11) QVERIFY(chunked.stateAt(k) == whole.stateAt(k));
        QCOMPARE(chunked.outputs().size(), whole.outputs().size());
        QCOMPARE(chunked.iterationAt(n - 1), whole.iterationAt(n - 1));
    }

    // The clock/iteration tables and the output list agree with the fold and with the run's own output.
    void tablesAgreeWithTheFold() {
        for (const QString& dir : {QStringLiteral("03-sync-vs-async-sleep"), QStringLiteral("08-aiohttp-session-per-request"),
                                   QStringLiteral("17-blocking-call-starves-loop")}) {
            const auto run = runLessonDir(dir);
            StateIndex index(run.trace, 16);
            index.extend();
            State s;
            for (Step k = 0; k < run.trace->size(); ++k) {
                applyEvent(s, *run.trace, k);
                QCOMPARE(index.clockAt(k), s.clock);
                QCOMPARE(index.iterationAt(k), s.loop.iteration);
            }
            QCOMPARE(index.outputs().size(), run.lines.size());
            for (std::size_t i = 0; i < run.lines.size(); ++i) {
                QCOMPARE(std::string(index.outputs()[i].text), run.lines[i].text);
                QCOMPARE(index.outputs()[i].clock, run.lines[i].clock);
                QCOMPARE((*run.trace)[index.outputs()[i].step].kind, EventKind::Output);
            }
            QCOMPARE(index.stateAt(index.lastStep()).outputCount, uint64_t(run.lines.size()));
        }
    }

    // A big state: checkpoints grow sparser to stay within the memory budget, and stateAt stays exact.
    void memoryStaysWithinBudget() {
        const auto trace = pingpongTrace(300, 12);
        StateIndex index(trace, 64);
        const std::size_t budget = std::size_t(4) << 20;
        index.setMemoryBudget(budget);
        index.extend();
        QVERIFY(index.checkpointEvery() > 64);
        QVERIFY2(index.memoryBytes() < 2 * budget, qPrintable(QString::number(index.memoryBytes())));
        const State& last = index.finalState();
        QCOMPARE(last.tasks.size(), std::size_t(300));
        QVERIFY(last.futures.size() <= 300 + 2 * kKeepDoneFutures);

        State s;
        for (Step k = 0; k < trace->size(); ++k) {
            applyEvent(s, *trace, k);
            if (k % 997 == 0 || k + 1 == trace->size()) QVERIFY2(index.stateAt(k) == s, qPrintable(QString::number(k)));
        }
        // Every task is suspended on a timer, each in its own future.
        for (const TaskInfo& t : index.stateAt(trace->size() - 1).tasks) {
            QCOMPARE(toString(t.status), toString(TaskStatus::Ready));
            QCOMPARE(toString(t.waitKind), toString(WaitKind::Timer));
        }
    }

    // A run full of timers (sleeps of many lengths, wait_for and timeout that cancel their timers or time out, a
    // queue): stateAt equals the fold from scratch at every step, for checkpoints made with the fold's caches
    // dropped (rebuilt by the first fold from them), and the handle table the fold keeps matches one rebuilt
    // from the queues.
    void timerHeavyRunEqualsFoldFromScratch() {
        const std::string script =
            "import asyncio\n"
            "async def worker(i, queue):\n"
            "    seed = i * 7919 + 1\n"
            "    for k in range(8):\n"
            "        seed = (seed * 1103515245 + 12345) % 2147483648\n"
            "        delay = (seed >> 8) % 10 / 100\n"
            "        choice = (seed >> 16) % 4\n"
            "        if choice == 0:\n"
            "            try:\n"
            "                await asyncio.wait_for(asyncio.sleep(delay), 0.025)\n"
            "            except asyncio.TimeoutError:\n"
            "                pass\n"
            "        elif choice == 1:\n"
            "            try:\n"
            "                async with asyncio.timeout(0.025):\n"
            "                    await asyncio.sleep(delay)\n"
            "            except TimeoutError:\n"
            "                pass\n"
            "        elif choice == 2:\n"
            "            queue.put_nowait(k)\n"
            "            await asyncio.sleep(delay)\n"
            "        else:\n"
            "            await asyncio.sleep(delay)\n"
            "async def consumer(queue):\n"
            "    while (await queue.get()) is not None:\n"
            "        pass\n"
            "async def main():\n"
            "    queue = asyncio.Queue()\n"
            "    consumers = [asyncio.create_task(consumer(queue)) for _ in range(3)]\n"
            "    await asyncio.gather(*[worker(i, queue) for i in range(60)])\n"
            "    for _ in consumers:\n"
            "        queue.put_nowait(None)\n"
            "    await asyncio.gather(*consumers)\n"
            "    print('done')\n"
            "asyncio.run(main())\n";
        const auto run = aw::run::runScript(script, "timers.py");
        QVERIFY(run.trace);
        QCOMPARE(run.lines.size(), std::size_t(1));
        const Trace& trace = *run.trace;
        std::vector<std::unique_ptr<StateIndex>> indexes;
        for (Step every : {Step(7), Step(64), Step(1000)}) {
            indexes.push_back(std::make_unique<StateIndex>(run.trace, every));
            indexes.back()->extend();
        }
        State s;
        std::size_t cancels = 0, cancelledTimers = 0;
        for (Step k = 0; k < trace.size(); ++k) {
            applyEvent(s, trace, k);
            for (const auto& index : indexes) {
                const State at = index->stateAt(k);
                QVERIFY2(at == s, qPrintable(QStringLiteral("K=%1 ").arg(index->checkpointEvery()) + describe(at, s)));
                QVERIFY2(at.timers == s.timers, qPrintable(QString::number(k)));
            }
            if (trace[k].kind == EventKind::HandleCancel) ++cancels;
            cancelledTimers += std::count_if(s.timers.begin(), s.timers.end(), [](const TimerEntry& t) { return t.cancelled; });
            if (k % 101 == 0) {   // the table kept step by step holds what one rebuilt from the queues holds
                HandlePlaces rebuilt;
                for (const ReadyEntry& r : s.ready) rebuilt.addReady(r.handle);
                for (const TimerEntry& t : s.timers) rebuilt.addTimer(t.handle, t.when);
                QVERIFY2(rebuilt.sameAs(s.fold.handles), qPrintable(QString::number(k)));
            }
        }
        QVERIFY(cancels > 300);           // the case this test is for
        QVERIFY(cancelledTimers > 0);
        for (const auto& index : indexes) QVERIFY(index->finalState() == s);
    }

    // Folder (what StateIndex folds with) gives the State applyEvent gives, with the timers written back on sync.
    void folderEqualsApplyEvent() {
        for (const QString& dir : lessonDirs()) {
            const auto run = runLessonDir(dir);
            const Trace& trace = *run.trace;
            State one, many;
            Folder folder(many);
            for (Step k = 0; k < trace.size(); ++k) {
                applyEvent(one, trace, k);
                folder.apply(trace, k);
                if (k % 3 == 0 || k + 1 == trace.size()) {
                    folder.sync();
                    QVERIFY2(one == many, qPrintable(dir + QStringLiteral(" step %1").arg(k)));
                }
            }
        }
    }

    // Dropping the fold's caches (as checkpoints do) changes nothing a fold from that State gives.
    void droppedCachesAreRebuilt() {
        const auto trace = pingpongTrace(200, 5);
        State a, b;
        for (Step k = 0; k < trace->size(); ++k) {
            applyEvent(a, *trace, k);
            applyEvent(b, *trace, k);
            if (k % 50 == 0) dropFoldCaches(b);
            QVERIFY(a == b);
            const EventKind kind = (*trace)[k].kind;   // these consult the table, so they rebuild it
            if (k % 50 != 0 && (kind == EventKind::HandleReady || kind == EventKind::HandleRun || kind == EventKind::TimerDue))
                QVERIFY2(a.fold.handles.sameAs(b.fold.handles), qPrintable(QString::number(k)));
        }
    }

    // stateAt of a large state (1,000 pending tasks, futures and timers) equals the fold from scratch at steps
    // just before checkpoints, where it folds the most. Its speed is bench_state_index's business: a timed test
    // would only measure the machine CI runs on.
    void stateAtOfALargeStateEqualsTheFold() {
        const auto trace = pingpongTrace(1000, 6);
        StateIndex index(trace, 4096);
        index.extend();
        const Step n = trace->size();
        State s;
        int compared = 0;
        for (Step k = 0; k < n; ++k) {
            applyEvent(s, *trace, k);
            if (k % 4096 != 4095 && k + 1 != n) continue;
            QVERIFY2(index.stateAt(k) == s, qPrintable(QString::number(k)));
            ++compared;
        }
        QVERIFY(compared > 3);
    }

    // Lists longer than the room TaskInfo and FutureInfo keep for them in place (kInlineFrames,
    // kInlineCallbacks) move to the heap and back, through the fold and through checkpoints.
    void longFrameAndCallbackListsSurviveCheckpoints() {
        auto trace = std::make_shared<Trace>();
        Trace& t = *trace;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::FutureNew, 7, 1, 0, "Task");
        t.append(EventKind::TaskNew, 7, 1, 0, "Task-1");
        t.append(EventKind::FutureNew, 20, 1, 0, "Future");
        const char* functions[] = {"main", "fetch", "parse", "retry", "wait"};
        for (int i = 0; i < 5; ++i) {
            t.append(EventKind::FramePush, 7, uint32_t(10 * (i + 1)), 0, functions[i]);
            t.append(aw::trace::Event{EventKind::Line, 0, 0, 7, uint32_t(10 * (i + 1) + 1), aw::trace::packColumns(4, 8), 0.0});
        }
        const char* callbacks[] = {"Task.task_wakeup", "_log_done", "_release", "_log_done"};
        for (const char* cb : callbacks) {
            t.append(EventKind::FutureCbAdd, 20, 0, 0, cb);
            t.append(EventKind::FutureCbAdd, 7, 0, 0, cb);
        }
        t.append(EventKind::FutureCbRemove, 20, 1, 0, "_log_done");
        for (int i = 0; i < 3; ++i) t.append(EventKind::FramePop, 7);
        t.append(EventKind::FramePush, 7, 90, 0, "again");

        std::vector<State> scratch;
        State s;
        for (Step k = 0; k < t.size(); ++k) {
            applyEvent(s, t, k);
            scratch.push_back(s);
        }
        const State& end = scratch.back();
        const TaskInfo* task = end.task(7);
        QVERIFY(task);
        QCOMPARE(task->frames.size(), std::size_t(3));
        QCOMPARE(task->frames[1].function, std::string_view("fetch"));
        QCOMPARE(task->frames[1].line, 21);   // its Line event came after its push
        QCOMPARE(task->frames[2].function, std::string_view("again"));
        QCOMPARE(task->callbacks.size(), std::size_t(4));
        const FutureInfo* future = end.future(20);
        QVERIFY(future);
        QCOMPARE(future->callbacks.size(), std::size_t(3));   // the first _log_done left
        QCOMPARE(future->callbacks[1], std::string_view("_release"));
        QCOMPARE(future->callbacks[2], std::string_view("_log_done"));
        const State& deepest = scratch[2 + 1 + 2 * 5];   // after the fifth frame's Line
        QCOMPARE(deepest.task(7)->frames.size(), std::size_t(5));
        QCOMPARE(deepest.task(7)->frames[4].line, 51);
        for (Step every : {Step(1), Step(3), Step(5)}) {
            StateIndex index(trace, every);
            index.extend();
            for (Step k = 0; k < t.size(); ++k)
                QVERIFY2(index.stateAt(k) == scratch[k], qPrintable(QStringLiteral("K=%1 step %2").arg(every).arg(k)));
        }
    }

    // The JSON is valid, has the documented fields, and says what the state says.
    void jsonOfAState() {
        const auto run = runLessonDir(QStringLiteral("01-event-loop-two-fetches"));
        StateIndex index(run.trace, 16);
        index.extend();
        Step at = 0;
        for (Step k = 0; k < index.size(); ++k)
            if (index.stateAt(k).loop.waitReason == "timer") { at = k; break; }
        QVERIFY(at > 0);
        const State s = index.stateAt(at);
        const std::string json = stateToJson(s, index);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
        QVERIFY2(!doc.isNull(), qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromStdString(json)));
        const QJsonObject o = doc.object();
        for (const char* key : {"step", "clock", "iteration", "loop", "tasks", "ready", "timers", "sockets", "futures",
                                "syncs", "running_task", "top_line", "blocked_in_sleep", "output", "notes", "ended",
                                "cut", "uncaught"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value("step").toInteger(), qint64(at));
        QCOMPARE(o.value("loop").toObject().value("phase").toString(), QStringLiteral("polling"));
        QCOMPARE(o.value("loop").toObject().value("wait_until").toDouble(), 2.0);
        const QJsonArray tasks = o.value("tasks").toArray();
        QCOMPARE(tasks.size(), qsizetype(s.tasks.size()));
        QCOMPARE(tasks[1].toObject().value("wait_kind").toString(), QStringLiteral("timer"));
        QCOMPARE(tasks[1].toObject().value("finished").isNull(), true);
        QCOMPARE(o.value("timers").toArray().size(), qsizetype(2));
        QCOMPARE(o.value("timers").toArray()[0].toObject().value("callback").toString(),
                 QStringLiteral("_set_result_unless_cancelled(<Future>, None)"));
        const QJsonArray output = o.value("output").toArray();
        QCOMPARE(output.size(), qsizetype(2));   // the two "is fetching" lines so far
        QCOMPARE(output[0].toObject().value("text").toString(),
                 QStringLiteral("Task 1 is fetching content from https://www.example.com"));
        QCOMPARE(o.value("notes").toArray().size(), qsizetype(2));
        QVERIFY(json.find("\"clock\":0.0") != std::string::npos);
    }

    void jsonEscapes() {
        QCOMPARE(jsonString("a\"b\\c\n\t\x01"), std::string("\"a\\\"b\\\\c\\n\\t\\u0001\""));
        QCOMPARE(jsonString("é"), std::string("\"é\""));
        QCOMPARE(jsonNumber(2.0), std::string("2.0"));
        QCOMPARE(jsonNumber(0.1), std::string("0.1"));
        QCOMPARE(jsonNumber(-1.0), std::string("-1.0"));
        QCOMPARE(jsonNumber(1e300 * 1e300), std::string("null"));
    }
};

QTEST_GUILESS_MAIN(TestStateIndex)
#include "tst_state_index.moc"
