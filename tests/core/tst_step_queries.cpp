// Step queries (core/model/step_queries.h): every search agrees with a plain scan of the trace, on lessons and
// on a script long enough to span many summary blocks, and the answers a learner would check by eye hold
// (lesson 01 reaches 2.0 s once, its output lines are where they were printed, ...).
#include "core/model/state_index.h"
#include "core/model/step_queries.h"
#include "core/run/runner.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using aw::model::Id;
using aw::model::kNoStep;
using aw::model::StateIndex;
using aw::model::Step;
using aw::model::StepQueries;
using aw::trace::Event;
using aw::trace::EventKind;
using aw::trace::Trace;

namespace {

std::string readLesson(const char* name) {
    QFile f(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(name) + QStringLiteral("/script.py"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read lesson %s", name);
    return f.readAll().toStdString();
}

struct Run {
    aw::run::RunResult result;
    std::unique_ptr<StateIndex> index;
    const Trace& trace() const { return *result.trace; }
};

Run runSource(const std::string& source) {
    Run run;
    run.result = aw::run::runScript(source, "script.py");
    if (!run.result.trace)
        qFatal("the script did not compile");
    run.index = std::make_unique<StateIndex>(run.result.trace, 256);
    run.index->extend();
    return run;
}

// The task ids of a run, in creation order, with their coroutine names.
struct TaskRef {
    Id id;
    std::string coro;
};
std::vector<TaskRef> tasksOf(const Trace& t) {
    std::vector<TaskRef> tasks;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i].kind == EventKind::TaskCoro)
            tasks.push_back({t[i].a, std::string(t.text(t[i]))});
    return tasks;
}

// The plain scans the queries must agree with.
template <typename Pred>
std::optional<Step> scanForward(const Trace& t, Step from, Pred pred) {
    for (Step s = from + 1; s < t.size(); ++s)
        if (pred(t[s]))
            return s;
    return std::nullopt;
}
template <typename Pred>
std::optional<Step> scanBackward(const Trace& t, Step from, Pred pred) {
    for (Step s = std::min<Step>(from, t.size()); s-- > 0;)
        if (pred(t[s]))
            return s;
    return std::nullopt;
}
auto lineOf(std::optional<Id> owner) {
    return [owner](const Event& e) { return e.kind == EventKind::Line && (!owner || e.a == *owner); };
}
// The events that belong to a task: the task and future events about it, and the code it runs.
bool namesTask(const Event& e, Id task) {
    if (e.a != task)
        return false;
    switch (e.kind) {
    case EventKind::Line:
    case EventKind::FramePush:
    case EventKind::FramePop:
    case EventKind::FutureNew:
    case EventKind::TaskNew:
    case EventKind::TaskCoro:
    case EventKind::TaskName:
    case EventKind::FutureCbAdd:
    case EventKind::FutureCbRemove:
    case EventKind::TaskAwait:
    case EventKind::TaskState:
    case EventKind::TaskCancelReq:
    case EventKind::FutureResult:
    case EventKind::FutureException:
    case EventKind::FutureCancelled:
    case EventKind::CtrlCHandled: return true;
    default: return false;
    }
}
auto kindIs(EventKind k) {
    return [k](const Event& e) { return e.kind == k; };
}

// Every query from every `stride`-th step (and the last few) against the scans.
void compareWithScans(const Run& run, Step stride) {
    const Trace& t = run.trace();
    const StepQueries q(*run.index);
    const auto tasks = tasksOf(t);
    std::vector<std::optional<Id>> owners{std::nullopt, Id{0}};
    for (const auto& task : tasks)
        owners.push_back(task.id);
    std::vector<Step> steps;
    for (Step s = 0; s < t.size(); s += stride)
        steps.push_back(s);
    for (Step s = t.size() > 3 ? t.size() - 3 : 0; s < t.size(); ++s)
        steps.push_back(s);
    for (const Step s : steps) {
        for (const auto& owner : owners) {
            QCOMPARE(q.nextLine(s, owner), scanForward(t, s, lineOf(owner)));
            QCOMPARE(q.previousLine(s, owner), scanBackward(t, s, lineOf(owner)));
        }
        QCOMPARE(q.nextIteration(s), scanForward(t, s, kindIs(EventKind::LoopIter)));
        QCOMPARE(q.previousIteration(s), scanBackward(t, s, kindIs(EventKind::LoopIter)));
        QCOMPARE(q.nextClockChange(s), scanForward(t, s, kindIs(EventKind::WorldClock)));
        QCOMPARE(q.previousClockChange(s), scanBackward(t, s, kindIs(EventKind::WorldClock)));
        QCOMPARE(q.nextEvent(s), s + 1 < t.size() ? std::optional<Step>(s + 1) : std::nullopt);
        QCOMPARE(q.previousEvent(s), s > 0 ? std::optional<Step>(s - 1) : std::nullopt);
    }
}

}  // namespace

class TestStepQueries : public QObject {
    Q_OBJECT
private slots:
    void agreesWithScansOnLessons_data() {
        QTest::addColumn<QString>("lesson");
        for (const char* l : {"01-event-loop-two-fetches", "05-tasks-gather", "15-task-cancellation",
                              "20-queue-producers-consumers", "21-semaphore-limits-requests"})
            QTest::newRow(l) << QString::fromLatin1(l);
    }
    void agreesWithScansOnLessons() {
        QFETCH(QString, lesson);
        const Run run = runSource(readLesson(lesson.toLatin1().constData()));
        QCOMPARE(run.index->indexed(), Step(run.trace().size()));
        compareWithScans(run, 1);
    }

    // Many tasks taking turns: thousands of events over many blocks, where a task's lines are far apart.
    void agreesWithScansOnALongRun() {
        const Run run = runSource(
            "import asyncio\n"
            "async def spin(n):\n"
            "    total = 0\n"
            "    for i in range(n):\n"
            "        total += i\n"
            "        await asyncio.sleep(0.01 * (n % 3))\n"
            "    return total\n"
            "async def main():\n"
            "    results = await asyncio.gather(*(spin(k) for k in range(60)))\n"
            "    print(sum(results))\n"
            "asyncio.run(main())\n");
        QCOMPARE(aw::run::formatRun(run.result), std::string("1.180\t34220\n"));  // vtrun.py prints the same
        QVERIFY(run.trace().size() > 20000);
        compareWithScans(run, 61);
        const Trace& t = run.trace();
        const StepQueries q(*run.index);
        const auto tasks = tasksOf(t);
        QCOMPARE(std::count_if(tasks.begin(), tasks.end(), [](const TaskRef& r) { return r.coro == "spin"; }), 60);
        for (const auto& task : tasks) {
            QCOMPARE(q.firstStepOfTask(task.id), scanForward(t, kNoStep, [&](const Event& e) {
                         return e.kind == EventKind::TaskNew && e.a == task.id;
                     }));
            QCOMPARE(q.lastStepOfTask(task.id),
                     scanBackward(t, kNoStep, [&](const Event& e) { return namesTask(e, task.id); }));
        }
    }

    void nextLineOfATaskSkipsOtherTasks() {
        const Run run = runSource(readLesson("01-event-loop-two-fetches"));
        const Trace& t = run.trace();
        const StepQueries q(*run.index);
        const auto tasks = tasksOf(t);
        QCOMPARE(tasks.size(), std::size_t(3));  // asyncio.wait's task, then the two fetches
        const Id first = tasks[1].id, second = tasks[2].id;
        QCOMPARE(tasks[1].coro, std::string("fetch_webpage"));
        // The first task's print line, then its await line; the second task's lines come between them
        // only after the first suspends, so from the first task's await, its next line is after 2.0 s.
        const auto print1 = q.nextLine(0, first);
        QVERIFY(print1);
        QCOMPARE(t[*print1].b, 6u);
        const auto await1 = q.nextLine(*print1, first);
        QVERIFY(await1);
        QCOMPARE(t[*await1].b, 7u);
        const auto after = q.nextLine(*await1, first);
        QVERIFY(after);
        QCOMPARE(t[*after].b, 8u);
        QCOMPARE(run.index->clockAt(*after), 2.0);
        const auto anyLine = q.nextLine(*await1);  // with no owner: the second task's print comes first
        QVERIFY(anyLine);
        QCOMPARE(t[*anyLine].a, second);
        QVERIFY(*anyLine < *after);
        // Back from the second completion line of task 1 to its await line.
        QCOMPARE(q.previousLine(*after, first), await1);
        QCOMPARE(q.previousLine(*print1, first), std::nullopt);
        // The top level's lines: the script's body, before and after run_until_complete.
        const auto top = q.previousLine(kNoStep, Id{0});
        QVERIFY(top);
        QCOMPARE(t[*top].b, 22u);
    }

    void previousFromZeroFindsNothing() {
        const Run run = runSource(readLesson("01-event-loop-two-fetches"));
        const StepQueries q(*run.index);
        QCOMPARE(q.previousEvent(0), std::nullopt);
        QCOMPARE(q.previousLine(0), std::nullopt);
        QCOMPARE(q.previousLine(0, Id{0}), std::nullopt);
        QCOMPARE(q.previousIteration(0), std::nullopt);
        QCOMPARE(q.previousClockChange(0), std::nullopt);
        const Step last = run.index->lastStep();
        QCOMPARE(q.nextEvent(last), std::nullopt);
        QCOMPARE(q.nextLine(last), std::nullopt);
        QCOMPARE(q.nextIteration(last), std::nullopt);
        QCOMPARE(q.nextClockChange(last), std::nullopt);
    }

    void stepAtTime() {
        const Run run = runSource(readLesson("01-event-loop-two-fetches"));
        const Trace& t = run.trace();
        const StepQueries q(*run.index);
        // The clock jumps from 0 to 2.0 once and the program ends at 2.0.
        const auto jump = q.nextClockChange(0);
        QVERIFY(jump);
        QCOMPARE(t[*jump].x, 2.0);
        QCOMPARE(q.nextClockChange(*jump), std::nullopt);
        QCOMPARE(q.stepAtTime(2.0), run.index->lastStep());
        QCOMPARE(q.stepAtTime(5.0), run.index->lastStep());
        QCOMPARE(q.stepAtTime(1.999), *jump - 1);
        QCOMPARE(q.stepAtTime(0.0), *jump - 1);
        QCOMPARE(q.stepAtTime(-1.0), Step(0));
        // In the long run, against clockAt at every step.
        const Run spin = runSource(
            "import asyncio\n"
            "async def tick(k):\n"
            "    for i in range(5):\n"
            "        await asyncio.sleep(0.1 * k)\n"
            "async def main():\n"
            "    await asyncio.gather(*(tick(k) for k in range(1, 8)))\n"
            "asyncio.run(main())\n");
        const StepQueries sq(*spin.index);
        for (double time : {0.0, 0.05, 0.1, 0.25, 0.3, 1.0, 2.0, 3.4, 3.5, 9.0}) {
            const Step s = sq.stepAtTime(time);
            QVERIFY2(spin.index->clockAt(s) <= time, qPrintable(QString::number(time)));
            if (s + 1 < spin.index->indexed())
                QVERIFY(spin.index->clockAt(s + 1) > time);
        }
    }

    void stepOfOutput() {
        const Run run = runSource(readLesson("01-event-loop-two-fetches"));
        const Trace& t = run.trace();
        const StepQueries q(*run.index);
        QCOMPARE(run.result.lines.size(), std::size_t(5));
        for (std::size_t i = 0; i < run.result.lines.size(); ++i) {
            const auto s = q.stepOfOutput(i);
            QVERIFY(s);
            QCOMPARE(t[*s].kind, EventKind::Output);
            QCOMPARE(std::string(t.text(t[*s])), run.result.lines[i].text);
            QCOMPARE(run.index->clockAt(*s), run.result.lines[i].clock);
        }
        QVERIFY(*q.stepOfOutput(0) < *q.stepOfOutput(1));
        QCOMPARE(q.stepOfOutput(5), std::nullopt);
    }

    void firstAndLastStepOfATask() {
        const Run run = runSource(readLesson("05-tasks-gather"));
        const Trace& t = run.trace();
        const StepQueries q(*run.index);
        const auto tasks = tasksOf(t);
        QVERIFY(tasks.size() >= 3);
        for (const auto& task : tasks) {
            const auto first = q.firstStepOfTask(task.id);
            QVERIFY(first);
            QCOMPARE(t[*first].kind, EventKind::TaskNew);
            QCOMPARE(t[*first].a, task.id);
            const auto last = q.lastStepOfTask(task.id);
            QVERIFY(last);
            QVERIFY(*last > *first);
            QCOMPARE(t[*last].a, task.id);
            // Nothing after it names the task: not as a task or future event, not as the owner of a line
            // or a frame; and it is no earlier than the task's finishing task.state.
            QCOMPARE(last, scanBackward(t, kNoStep, [&](const Event& e) { return namesTask(e, task.id); }));
            const auto finish = scanBackward(t, kNoStep, [&](const Event& e) {
                return e.kind == EventKind::TaskState && e.a == task.id && t.text(e) != "suspended" &&
                       t.text(e) != "running" && t.text(e) != "ready";
            });
            QVERIFY(finish);
            QVERIFY(*last >= *finish);
        }
        // A plain future and an unknown id are not tasks.
        const auto future = scanForward(
            t, kNoStep, [&](const Event& e) { return e.kind == EventKind::FutureNew && t.text(e) == "Future"; });
        QVERIFY(future);
        QCOMPARE(q.lastStepOfTask(t[*future].a), std::nullopt);
        QCOMPARE(q.firstStepOfTask(999999), std::nullopt);
        QCOMPARE(q.lastStepOfTask(999999), std::nullopt);
    }

    void followsAGrowingIndex() {
        // The worker appends and the index is extended in pieces: queries see what is indexed so far.
        auto result = aw::run::runScript(readLesson("01-event-loop-two-fetches"), "script.py");
        StateIndex index(result.trace, 64);
        const StepQueries q(index);
        index.extend(40);
        QCOMPARE(q.nextEvent(38), std::optional<Step>(39));
        QCOMPARE(q.nextEvent(39), std::nullopt);
        const auto early = q.previousLine(kNoStep);
        QVERIFY(early && *early < 40);
        QCOMPARE(q.nextClockChange(0), std::nullopt);  // the clock has not moved by step 39
        index.extend();
        QVERIFY(q.nextClockChange(0));
        QCOMPARE(q.previousLine(kNoStep), scanBackward(*result.trace, kNoStep, lineOf(std::nullopt)));
    }
};

QTEST_GUILESS_MAIN(TestStepQueries)
#include "tst_step_queries.moc"
