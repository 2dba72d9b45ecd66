// How a run is bounded and steered from outside (core/run/runner.h
// RunOptions): the step budget counts trace events, the instruction budget
// behind it catches code that records none, a cancel flag set from another
// thread ends the run fast, progress is reported on the way, and "cancel
// task X at step k" gives what a script doing that cancellation gives.
#include "core/run/runner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace aw;

namespace {

std::string lessonSource(const char* folder) {
    QFile f(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(folder) + QStringLiteral("/script.py"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read lesson %s", folder);
    return f.readAll().toStdString();
}

std::optional<uint64_t> firstEvent(const trace::Trace& t, trace::EventKind kind, uint64_t from = 0) {
    for (uint64_t i = from; i < t.size(); ++i)
        if (t[i].kind == kind) return i;
    return std::nullopt;
}

// The trace ids of lesson 15's three delayed_task tasks, in creation order.
std::vector<uint32_t> delayedTasks(const trace::Trace& t) {
    std::vector<uint32_t> tasks;
    for (uint64_t i = 0; i < t.size(); ++i)
        if (t[i].kind == trace::EventKind::TaskCoro && t.text(t[i]) == "delayed_task") tasks.push_back(t[i].a);
    return tasks;
}

trace::Event lastEvent(const run::RunResult& r) { return (*r.trace)[r.trace->size() - 1]; }

// An async program that never ends: one task that yields to the loop forever.
const char* kEndlessAsync =
    "import asyncio\n"
    "async def spin():\n"
    "    while True:\n"
    "        await asyncio.sleep(0)\n"
    "asyncio.run(spin())\n";

}  // namespace

class TestRunLimits : public QObject {
    Q_OBJECT
private slots:
    void budgetCountsEvents() {
        run::RunOptions options;
        options.stepBudget = 5000;
        const run::RunResult r = run::runScript("print('spin')\nwhile True:\n    pass\n", "forever.py", options);
        QVERIFY(r.cut);
        QVERIFY(!r.cancelled);
        // The budget's events, then the program.cut that ends the trace (and nothing much between).
        QVERIFY2(r.trace->size() >= 5000 && r.trace->size() <= 5010, std::to_string(r.trace->size()).c_str());
        QCOMPARE(lastEvent(r).kind, trace::EventKind::ProgramCut);
        QCOMPARE(r.trace->text(lastEvent(r)), std::string_view("step budget exhausted: 5000 events"));
        QCOMPARE(run::formatRun(r), std::string("0.000\tspin\n0.000\t!Cut: step budget exhausted\n"));
    }

    void budgetCutsAnAsyncLoop() {
        run::RunOptions options;
        options.stepBudget = 20000;
        const run::RunResult r = run::runScript(kEndlessAsync, "endless.py", options);
        QVERIFY(r.cut);
        QVERIFY(r.trace->size() <= 20010);
        QCOMPARE(lastEvent(r).kind, trace::EventKind::ProgramCut);
    }

    // A loop inside one line records no event per turn: the VM's step
    // budget (a multiple of the event budget) still ends it.
    void instructionBackstop() {
        run::RunOptions options;
        options.stepBudget = 1000;
        QElapsedTimer wall;
        wall.start();
        const run::RunResult r = run::runScript("x = [0 for i in range(10**9)]\n", "comp.py", options);
        QVERIFY(r.cut);
        QVERIFY(r.trace->size() < 10);
        QVERIFY(r.trace->text(lastEvent(r)).find("VM steps") != std::string_view::npos);
        QVERIFY(wall.elapsed() < 10000);
    }

    // asyncio's internals spend many instructions per event (here gather over
    // thousands of tasks): a budget of just the run's events must be enough,
    // so the instruction backstop never cuts first.
    void instructionBackstopLeavesAsyncioRoom() {
        const char* source =
            "import asyncio\n"
            "async def worker(i):\n"
            "    await asyncio.sleep(i % 7 * 0.1)\n"
            "    return i * 2\n"
            "async def main():\n"
            "    r = await asyncio.gather(*[worker(i) for i in range(3000)])\n"
            "    print(sum(r))\n"
            "asyncio.run(main())\n";
        const run::RunResult plain = run::runScript(source, "gather.py");
        QVERIFY(!plain.cut);
        run::RunOptions options;
        options.stepBudget = plain.trace->size();
        const run::RunResult r = run::runScript(source, "gather.py", options);
        QVERIFY(!r.cut);
        QCOMPARE(run::formatRun(r), run::formatRun(plain));
    }

    void budgetLeavesOrdinaryRunsAlone() {
        const run::RunResult r = run::runScript(lessonSource("16-loop-scheduling-utilities"), "l16.py");
        QVERIFY(!r.cut);
        QCOMPARE(lastEvent(r).kind, trace::EventKind::ProgramEnd);
    }

    void cancelFlagStopsFast_data() {
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("async loop") << QByteArray(kEndlessAsync);
        QTest::newRow("top-level while") << QByteArray("x = 0\nwhile True:\n    x += 1\n");
    }
    void cancelFlagStopsFast() {
        QFETCH(QByteArray, source);
        std::atomic<bool> cancel{false};
        run::RunOptions options;
        options.stepBudget = 2'000'000'000;   // only the flag can end it
        options.cancel = &cancel;
        run::RunResult result;
        std::thread worker([&] { result = run::runScript(source.toStdString(), "endless.py", options); });
        QThread::msleep(300);
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        cancel = true;
        worker.join();
        const qint64 ms = sinceCancel.elapsed();
        qInfo("the run ended %lld ms after the flag was set", ms);
        QVERIFY2(ms < 100, std::to_string(ms).c_str());
        QVERIFY(result.cut);
        QVERIFY(result.cancelled);
        QCOMPARE(lastEvent(result).kind, trace::EventKind::ProgramCut);
        QCOMPARE(result.trace->text(lastEvent(result)), std::string_view("cancelled"));
    }

    void progressIsReported() {
        run::RunOptions options;
        options.stepBudget = 100'000;
        options.progressEvery = 10'000;
        std::vector<uint64_t> calls;
        options.progress = [&](uint64_t events, double) { calls.push_back(events); };
        const run::RunResult r = run::runScript(kEndlessAsync, "endless.py", options);
        QVERIFY(calls.size() >= 9);
        for (size_t i = 0; i < calls.size(); ++i) QCOMPARE(calls[i], uint64_t(10'000) * (i + 1));
        QVERIFY(calls.back() <= r.trace->size());
    }

    // Lesson 15 with the first task (delayed_task(2)) cancelled before the
    // loop runs the handle of its 2 s timer. The same as a script that does
    // loop.call_at(2.0, <cancel that task>) before running the loop (its
    // timer fires first at 2.0); vtrun.py on that script prints:
    void cancelTaskBeforeItsTimer() {
        const std::string source = lessonSource("15-task-cancellation");
        const run::RunResult plain = run::runScript(source, "l15.py");
        const trace::Trace& t = *plain.trace;
        const std::vector<uint32_t> tasks = delayedTasks(t);
        QCOMPARE(tasks.size(), size_t(3));
        const uint32_t taskA = tasks[0];
        uint64_t clock2 = 0;
        while (!(t[clock2].kind == trace::EventKind::WorldClock && t[clock2].x == 2.0)) ++clock2;
        const auto handleAt2 = firstEvent(t, trace::EventKind::HandleRun, clock2);
        QVERIFY(handleAt2);

        run::RunOptions options;
        options.cancelTask = run::CancelTaskAt{taskA, *handleAt2 - 1};
        const run::RunResult r = run::runScript(source, "l15.py", options);
        QCOMPARE(run::formatRun(r), std::string("0.000\tawaiting\n0.000\tawaiting\n0.000\tawaiting\n"
                                                "3.000\tcompleted after 3s\n3.000\tcompleted after 3s\n"));
        const auto request = firstEvent(*r.trace, trace::EventKind::TaskCancelReq);
        QVERIFY(request);
        QCOMPARE((*r.trace)[*request].a, taskA);
        QVERIFY(*request >= *handleAt2 - 1);
        QCOMPARE((*r.trace)[*request - 1].kind, trace::EventKind::Note);   // the note that says who did it
        QVERIFY(r.trace->text((*r.trace)[*request - 1]).find("intervention") != std::string_view::npos);
    }

    // Lesson 15 with the second task cancelled before the loop runs the first
    // step of the first task (all three are ready then). The same as
    // loop.call_soon(lambda: loop.call_soon(<cancel the second task>)): its
    // inner callback lands just ahead of the three first steps. vtrun.py:
    void cancelTaskBeforeItStarts() {
        const std::string source = lessonSource("15-task-cancellation");
        const run::RunResult plain = run::runScript(source, "l15.py");
        const trace::Trace& t = *plain.trace;
        const std::vector<uint32_t> tasks = delayedTasks(t);
        QCOMPARE(tasks.size(), size_t(3));
        // The first handle.run after the first iteration: the first task's first step.
        const auto secondIter = firstEvent(t, trace::EventKind::LoopIter, *firstEvent(t, trace::EventKind::LoopIter) + 1);
        const auto step = firstEvent(t, trace::EventKind::HandleRun, *secondIter);

        run::RunOptions options;
        options.cancelTask = run::CancelTaskAt{tasks[1], *step - 1};
        const run::RunResult r = run::runScript(source, "l15.py", options);
        QCOMPARE(run::formatRun(r), std::string("0.000\tawaiting\n0.000\tawaiting\n"
                                                "2.000\tcompleted after 2s\n3.000\tcompleted after 3s\n"));
    }

    // A task that has finished by step k is left alone, and a note says so.
    void cancelTaskAfterItEnded() {
        const std::string source = lessonSource("15-task-cancellation");
        const run::RunResult plain = run::runScript(source, "l15.py");
        const trace::Trace& t = *plain.trace;
        const uint32_t taskA = delayedTasks(t).at(0);
        uint64_t ended = 0;   // the step where it is done
        while (!(t[ended].kind == trace::EventKind::TaskState && t[ended].a == taskA && t.text(t[ended]) == "done"))
            ++ended;
        run::RunOptions options;
        options.cancelTask = run::CancelTaskAt{taskA, ended + 1};
        const run::RunResult r = run::runScript(source, "l15.py", options);
        QCOMPARE(run::formatRun(r), run::formatRun(plain));
        QVERIFY(!firstEvent(*r.trace, trace::EventKind::TaskCancelReq));
        bool noted = false;
        for (uint64_t i = 0; i < r.trace->size(); ++i)
            if ((*r.trace)[i].kind == trace::EventKind::Note)
                noted = noted || r.trace->text((*r.trace)[i]).find("nothing cancelled") != std::string_view::npos;
        QVERIFY(noted);
    }
};

QTEST_GUILESS_MAIN(TestRunLimits)
#include "tst_run_limits.moc"
