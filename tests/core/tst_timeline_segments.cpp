// The timeline's rows and segments, built straight from trace events:
// lesson 01 (two tasks wait on timers from 0 to 2.0 and finish at 2.0),
// time.sleep blocking, the three axes and their inverse, incremental builds.

#include "core/model/timeline_segments.h"
#include "core/run/runner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace aw;
using model::SegmentState;
using model::Step;
using model::TimelineAxis;
using trace::EventKind;

namespace {

std::shared_ptr<const trace::Trace> runLesson(const char* folder) {
    QFile file(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(folder) +
               QStringLiteral("/script.py"));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    const std::string source = file.readAll().toStdString();
    return run::runScript(source, "script.py").trace;
}

int rowNamed(const model::TimelineData& data, const std::string& name) {
    for (std::size_t i = 0; i < data.rows.size(); ++i)
        if (data.rows[i].name == name)
            return static_cast<int>(i);
    return -1;
}

// The segments of a row as "state@start" for readable failures.
QStringList states(const model::TimelineData& data, int row) {
    QStringList out;
    for (const auto& s : data.rows[row].segments)
        out << QString::fromUtf8(model::toString(s.state).data(), int(model::toString(s.state).size()));
    return out;
}

}  // namespace

class TstTimelineSegments : public QObject {
    Q_OBJECT
private slots:
    void lesson01TasksWaitOnTimersThenFinish() {
        auto trace = runLesson("01-event-loop-two-fetches");
        QVERIFY(trace);
        const model::TimelineData data = model::buildTimeline(*trace);
        QCOMPARE(data.steps, Step(trace->size()));
        QCOMPARE(data.endClock, 2.0);
        QCOMPARE(data.rows.front().kind, model::RowKind::TopLevel);

        for (const char* name : {"Task-2", "Task-3"}) {
            const int row = rowNamed(data, name);
            QVERIFY2(row >= 0, name);
            QCOMPARE(data.rows[row].coro, std::string_view("fetch_webpage"));
            QCOMPARE(states(data, row),
                     (QStringList{"ready", "running", "waiting on a timer", "ready", "running", "done"}));
            const model::Segment& wait = data.rows[row].segments[2];
            QCOMPARE(data.clockBefore(wait.start), 0.0);
            QCOMPARE(data.clockBefore(data.endOf(wait)), 2.0);
            const model::Segment& done = data.rows[row].segments.back();
            QCOMPARE(data.clockAfter(done.start), 2.0);
            QCOMPARE(done.end, model::kNoStep);  // done stays to the end of the run
            const std::string text = data.describe(row, wait);
            QVERIFY2(
                text.rfind(std::string(name) + " (fetch_webpage) waiting on a timer, 0.000–2.000 s, steps ", 0) == 0,
                text.c_str());
        }
        // Task-1 runs asyncio.wait: it waits on wait()'s own future, not on a timer.
        const int task1 = rowNamed(data, "Task-1");
        QVERIFY(task1 >= 0);
        QVERIFY(states(data, task1).contains("waiting on a future"));
        QCOMPARE(states(data, task1).last(), QString("done"));
        // The loop waits for the timers for the whole 2 seconds.
        const int loop = rowNamed(data, "event loop");
        QVERIFY(loop > 0);
        bool loopWaitedForTimer = false;
        for (const auto& s : data.rows[loop].segments)
            if (s.state == SegmentState::WaitTimer && data.clockBefore(s.start) == 0.0 &&
                data.clockBefore(data.endOf(s)) == 2.0)
                loopWaitedForTimer = true;
        QVERIFY(loopWaitedForTimer);
        // The top level: runs, sits inside run_until_complete, runs again, finishes.
        QCOMPARE(states(data, 0), (QStringList{"running", "waiting on a future", "running", "done"}));
        // Five printed lines, on the rows that printed them: Task-2, Task-3, Task-2, Task-3, the top level.
        QStringList printers;
        for (const auto& m : data.markers)
            if (m.kind == model::MarkerKind::Output)
                printers << QString::fromStdString(data.rows[m.row].name);
        QCOMPARE(printers, (QStringList{"Task-2", "Task-3", "Task-2", "Task-3", "top-level code"}));
        QCOMPARE(data.markers.front().kind, model::MarkerKind::Note);  // get_event_loop() made a loop
    }

    void timeSleepBlocksTheRunningTaskAndTheLoop() {
        trace::Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::LoopRun, 1, 2);
        t.append(EventKind::TaskNew, 2, 1, 0, "Task-1");
        t.append(EventKind::HandleRun, 3);
        t.append(EventKind::TaskState, 2, 0, 0, "running");
        t.append(EventKind::WorldClock, 0, 0, 1.5);  // step 6: time.sleep(1.5)
        t.append(EventKind::Line, 2, 5);
        t.append(EventKind::TaskState, 2, 0, 0, "done");
        t.append(EventKind::HandleDone, 3);
        t.append(EventKind::LoopRunEnd, 1);
        t.append(EventKind::ProgramEnd);
        const model::TimelineData data = model::buildTimeline(t);
        const int task = rowNamed(data, "Task-1");
        QCOMPARE(states(data, task), (QStringList{"ready", "running", "blocked in time.sleep", "running", "done"}));
        const model::Segment* blocked = data.segmentAt(task, 6);
        QVERIFY(blocked);
        QVERIFY(blocked->state == SegmentState::Blocked);
        QCOMPARE(blocked->start, Step(6));
        QCOMPARE(data.endOf(*blocked), Step(7));
        QCOMPARE(data.clockBefore(6), 0.0);
        QCOMPARE(data.clockAfter(6), 1.5);
        QVERIFY(data.segmentAt(rowNamed(data, "event loop"), 6)->state == SegmentState::Blocked);
        QVERIFY(data.segmentAt(0, 6)->state == SegmentState::WaitFuture);  // top level is inside the loop
        QVERIFY(data.describe(task, *blocked).find("blocked in time.sleep, 0.000–1.500 s, step 6") !=
                std::string::npos);
    }

    void waitKindsComeFromWhatCompletesTheFuture() {
        trace::Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::LoopRun, 1, 2);
        t.append(EventKind::TaskNew, 2, 1, 0, "Task-1");
        t.append(EventKind::TaskNew, 3, 1, 0, "Task-2");
        t.append(EventKind::TaskNew, 4, 1, 0, "Task-3");
        // Task-1 waits for a queue's getter future, Task-2 for a network response, Task-3 for Task-1.
        t.append(EventKind::TaskState, 2, 0, 0, "running");
        t.append(EventKind::FutureNew, 10, 1, 0, "Future");
        t.append(EventKind::SyncWaiterAdd, 20, 10);
        t.append(EventKind::TaskAwait, 2, 10);
        t.append(EventKind::TaskState, 2, 0, 0, "suspended");
        t.append(EventKind::TaskState, 3, 0, 0, "running");
        t.append(EventKind::SocketOpen, 30, 1, 0.5, "https://example.com");
        t.append(EventKind::FutureNew, 11, 1, 0, "Future");
        t.append(EventKind::SocketWait, 30, 11, 0, "GET https://example.com");
        t.append(EventKind::TaskAwait, 3, 11);
        t.append(EventKind::TaskState, 3, 0, 0, "suspended");
        t.append(EventKind::TaskState, 4, 0, 0, "running");
        t.append(EventKind::TaskAwait, 4, 2);
        t.append(EventKind::TaskState, 4, 0, 0, "suspended");
        t.append(EventKind::LoopWait, 1, 0, -1, "forever");
        const model::TimelineData data = model::buildTimeline(t);
        QVERIFY(data.rows[rowNamed(data, "Task-1")].segments.back().state == SegmentState::WaitSync);
        QVERIFY(data.rows[rowNamed(data, "Task-2")].segments.back().state == SegmentState::WaitSocket);
        const model::Segment& onTask = data.rows[rowNamed(data, "Task-3")].segments.back();
        QVERIFY(onTask.state == SegmentState::WaitTask);
        QCOMPARE(onTask.awaiting, 2u);
        QVERIFY(data.describe(rowNamed(data, "Task-3"), onTask).find("Task-3 waiting on Task-1") == 0);
        // The loop, with a socket in flight, waits for the network.
        QVERIFY(data.rows[rowNamed(data, "event loop")].segments.back().state == SegmentState::WaitSocket);
    }

    void topLevelTimeSleepBlocksTheTopRow() {
        trace::Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::WorldClock, 0, 0, 2.0);
        t.append(EventKind::Output, 0, 0, 0, "hi");
        t.append(EventKind::ProgramEnd);
        const model::TimelineData data = model::buildTimeline(t);
        QCOMPARE(states(data, 0), (QStringList{"running", "blocked in time.sleep", "running", "done"}));
        QCOMPARE(data.markers.size(), std::size_t(1));
        QCOMPARE(data.markers[0].row, 0u);
    }

    void axesMapStepsAndBack() {
        auto trace = runLesson("01-event-loop-two-fetches");
        QVERIFY(trace);
        const model::TimelineData data = model::buildTimeline(*trace);
        for (TimelineAxis axis : {TimelineAxis::Steps, TimelineAxis::Hybrid}) {
            double previous = -1;
            for (Step s = 0; s < data.steps; ++s) {
                const double u = data.axisPos(s, axis);
                QVERIFY(u > previous);
                previous = u;
                QCOMPARE(data.stepAtAxis(u, axis), s);
                QCOMPARE(data.stepAtAxis(u + 0.5, axis), s);  // inside the slot
            }
        }
        // Hybrid: the steps and the 2 seconds each take half of the axis.
        QCOMPARE(data.axisEnd(TimelineAxis::Hybrid), 2.0 * double(data.steps));
        QCOMPARE(data.axisEnd(TimelineAxis::Time), 2.0);
        // Time: the whole burst at 0 is at u=0, its first step is asked for;
        // a time inside the wait is the world.clock step's slot.
        QCOMPARE(data.stepAtAxis(0.0, TimelineAxis::Time), Step(0));
        const Step jump = data.clockChanges.at(0).step;
        QCOMPARE(data.stepAtAxis(1.0, TimelineAxis::Time), jump);
        QCOMPARE(data.stepAtAxis(2.0, TimelineAxis::Time), jump + 1);
        // The world.clock slot is wide on the hybrid axis: 1 step + 2 s.
        const double k = data.hybridTimeWeight();
        QCOMPARE(data.axisPos(jump + 1, TimelineAxis::Hybrid) - data.axisPos(jump, TimelineAxis::Hybrid), 1 + 2 * k);
    }

    void extendingInPiecesGivesTheSameData() {
        auto trace = runLesson("05-tasks-gather");
        QVERIFY(trace);
        const model::TimelineData whole = model::buildTimeline(*trace);
        model::TimelineBuilder builder(*trace);
        for (Step limit = 7; limit < trace->size() + 7; limit += 7)
            builder.extend(limit);
        const model::TimelineData& pieces = builder.data();
        QCOMPARE(pieces.rows.size(), whole.rows.size());
        for (std::size_t r = 0; r < whole.rows.size(); ++r) {
            QCOMPARE(pieces.rows[r].segments.size(), whole.rows[r].segments.size());
            for (std::size_t i = 0; i < whole.rows[r].segments.size(); ++i) {
                QCOMPARE(pieces.rows[r].segments[i].start, whole.rows[r].segments[i].start);
                QCOMPARE(pieces.rows[r].segments[i].end, whole.rows[r].segments[i].end);
                QVERIFY(pieces.rows[r].segments[i].state == whole.rows[r].segments[i].state);
            }
        }
        QCOMPARE(pieces.markers.size(), whole.markers.size());
    }

    void tenThousandTasksBuildInOnePassQuickly() {
        // 10,000 tasks each running, sleeping on a timer and finishing: ~1M events.
        trace::Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::LoopRun, 1, 2);
        const uint32_t tasks = 10'000;
        for (uint32_t round = 0; round < 10; ++round) {
            for (uint32_t i = 0; i < tasks; ++i) {
                const uint32_t id = 100 + i * 4;
                if (round == 0)
                    t.append(EventKind::TaskNew, id, 1, 0, "Task");
                t.append(EventKind::HandleRun, id + 1);
                t.append(EventKind::TaskState, id, 0, 0, "running");
                t.append(EventKind::FutureNew, id + 2, 1, 0, "Future");
                t.append(EventKind::TimerNew, id + 3, 1, round + 1.0, "_set_result_unless_cancelled(<Future>, None)");
                t.append(EventKind::TaskAwait, id, id + 2);
                t.append(EventKind::TaskState, id, 0, 0, "suspended");
                t.append(EventKind::HandleDone, id + 1);
            }
            t.append(EventKind::LoopWait, 1, 0, round + 1.0, "timer");
            t.append(EventKind::WorldClock, 0, 1, round + 1.0);
        }
        QElapsedTimer timer;
        timer.start();
        const model::TimelineData data = model::buildTimeline(t);
        const qint64 ms = timer.elapsed();
        qInfo("%zu events, %zu rows: %lld ms", t.size(), data.rows.size(), static_cast<long long>(ms));
        QCOMPARE(data.rows.size(), std::size_t(tasks + 2));
        QCOMPARE(data.rows.back().segments.size(), std::size_t(1 + 10 * 2));
        QVERIFY(data.rows.back().segments.back().state == SegmentState::WaitTimer);
        QVERIFY2(ms < 3000, "a 10-million-event trace must index in seconds, not minutes");
    }
};

QTEST_GUILESS_MAIN(TstTimelineSegments)
#include "tst_timeline_segments.moc"
