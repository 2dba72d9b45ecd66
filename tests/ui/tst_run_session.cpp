// RunSession (ui/engine/run_session.h): a run on a worker thread that the
// window can watch (progress), stop (fast) and receive whole (the result
// with a StateIndex over its trace).
#include "ui/engine/run_session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace aw;

namespace {

std::string lessonSource(const char* folder) {
    QFile f(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(folder) + QStringLiteral("/script.py"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read lesson %s", folder);
    return f.readAll().toStdString();
}

// Never ends: a task that yields to the loop forever (only a budget or stop() ends it).
const char* kEndlessAsync =
    "import asyncio\n"
    "async def spin():\n"
    "    while True:\n"
    "        await asyncio.sleep(0)\n"
    "asyncio.run(spin())\n";

std::shared_ptr<const ui::FinishedRun> finishedRun(const QSignalSpy& spy) {
    return spy.last().at(0).value<std::shared_ptr<const ui::FinishedRun>>();
}

}  // namespace

class TestRunSession : public QObject {
    Q_OBJECT
private slots:
    void runsALessonAndIndexesIt() {
        ui::RunSession session;
        QSignalSpy finished(&session, &ui::RunSession::finished);
        QSignalSpy running(&session, &ui::RunSession::runningChanged);
        ui::RunRequest request;
        request.source = lessonSource("16-loop-scheduling-utilities");
        request.filename = QStringLiteral("lessons/16-loop-scheduling-utilities/script.py");
        session.start(request);
        QVERIFY(session.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!session.isRunning());
        QCOMPARE(running.size(), 2);   // true, then false
        const auto run = finishedRun(finished);
        QVERIFY(run);
        QVERIFY(!run->result.cut);
        QVERIFY(!run->result.cancelled);
        QVERIFY(run->index);
        QCOMPARE(run->index->size(), run->result.trace->size());   // the whole trace is indexed
        QVERIFY(run->index->finalState().ended);
        QCOMPARE(run->request.source, request.source);
        QVERIFY(!run->request.options.cancel);   // the job's flag does not leak out
    }

    void syntaxErrorHasNoIndex() {
        ui::RunSession session;
        QSignalSpy finished(&session, &ui::RunSession::finished);
        ui::RunRequest request;
        request.source = "x = (1,\n";
        request.filename = QStringLiteral("broken.py");
        session.start(request);
        QVERIFY(finished.wait(30000));
        const auto run = finishedRun(finished);
        QVERIFY(run->result.syntaxError);
        QVERIFY(!run->index);
    }

    void stopEndsAnEndlessRunFast() {
        ui::RunSession session;
        QSignalSpy finished(&session, &ui::RunSession::finished);
        QSignalSpy progress(&session, &ui::RunSession::progress);
        ui::RunRequest request;
        request.source = kEndlessAsync;
        request.filename = QStringLiteral("endless.py");
        request.options.stepBudget = 4'000'000'000;   // only stop() can end it in time
        session.start(request);
        QTest::qWait(700);
        QVERIFY(session.isRunning());
        QVERIFY(finished.isEmpty());
        // Throttled: at most 10 a second (and some, as the run is long).
        QVERIFY2(progress.size() >= 2 && progress.size() <= 8, std::to_string(progress.size()).c_str());
        QVERIFY(progress.last().at(0).toULongLong() > 0);

        QElapsedTimer sinceStop;
        sinceStop.start();
        session.stop();
        const qint64 stopReturned = sinceStop.elapsed();
        QVERIFY(finished.wait(5000));
        const qint64 ended = sinceStop.elapsed();
        qInfo("stop() returned after %lld ms; finished arrived after %lld ms", stopReturned, ended);
        QVERIFY(stopReturned < 100);
        QVERIFY2(ended < 2000, std::to_string(ended).c_str());   // 100 ms by hand; slow CI machines get room
        const auto run = finishedRun(finished);
        QVERIFY(run->result.cut);
        QVERIFY(run->result.cancelled);
        QVERIFY(run->index);
        QVERIFY(run->index->finalState().cut);
        QVERIFY(!session.isRunning());
    }

    void budgetCutIsReported() {
        ui::RunSession session;
        QSignalSpy finished(&session, &ui::RunSession::finished);
        ui::RunRequest request;
        request.source = kEndlessAsync;
        request.filename = QStringLiteral("endless.py");
        request.options.stepBudget = 50'000;
        session.start(request);
        QVERIFY(finished.wait(30000));
        const auto run = finishedRun(finished);
        QVERIFY(run->result.cut);
        QVERIFY(!run->result.cancelled);
        QVERIFY(run->index->finalState().cut);
        QVERIFY(run->result.trace->size() < 50'100);
    }

    // A new start() replaces the run in progress: only the new one reports.
    void startReplacesTheRunningOne() {
        ui::RunSession session;
        QSignalSpy finished(&session, &ui::RunSession::finished);
        ui::RunRequest endless;
        endless.source = kEndlessAsync;
        endless.filename = QStringLiteral("endless.py");
        endless.options.stepBudget = 4'000'000'000;
        session.start(endless);
        QTest::qWait(200);
        ui::RunRequest quick;
        quick.source = "print('hi')\n";
        quick.filename = QStringLiteral("quick.py");
        session.start(quick);
        QVERIFY(finished.wait(10000));
        QTest::qWait(300);   // the replaced run must not report after it either
        QCOMPARE(finished.size(), 1);
        const auto run = finishedRun(finished);
        QCOMPARE(run->request.filename, QStringLiteral("quick.py"));
        QCOMPARE(run->result.lines.size(), size_t(1));
        QVERIFY(!session.isRunning());
    }

    // Destroying a session with a run in progress stops it and waits for it, quickly.
    void destroyWhileRunning() {
        QElapsedTimer wall;
        {
            ui::RunSession session;
            ui::RunRequest request;
            request.source = kEndlessAsync;
            request.filename = QStringLiteral("endless.py");
            request.options.stepBudget = 4'000'000'000;
            session.start(request);
            QTest::qWait(200);
            wall.start();
        }
        QVERIFY2(wall.elapsed() < 2000, std::to_string(wall.elapsed()).c_str());
    }
};

QTEST_MAIN(TestRunSession)
#include "tst_run_session.moc"
