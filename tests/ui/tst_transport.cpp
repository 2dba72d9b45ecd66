// The transport bar over a real run: each action moves the StepCursor where
// StepQueries says, the slider and the labels follow, every action names its
// shortcut, and playback moves at its speed, pauses at the end, restarts
// from the end, and in real time plays a virtual second as a wall second.

#include "core/model/state_index.h"
#include "core/model/step_queries.h"
#include "core/run/runner.h"
#include "ui/settings/app_settings.h"
#include "ui/transport/playback.h"
#include "ui/transport/step_cursor.h"
#include "ui/transport/transport_bar.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

using namespace aw;
using aw::ui::PlaybackSpeed;

namespace {

std::shared_ptr<const model::StateIndex> indexOf(const char* source) {
    run::RunResult result = run::runScript(source, "t.py");
    if (!result.trace)
        return nullptr;
    auto index = std::make_shared<model::StateIndex>(result.trace);
    index->extend();
    return index;
}

const char* const kTwoTasks = R"(import asyncio

async def work(name, delay):
    print(name, 'starts')
    await asyncio.sleep(delay)
    print(name, 'ends')

async def main():
    await asyncio.gather(work('a', 0.2), work('b', 0.4))

asyncio.run(main())
)";

}  // namespace

class TestTransport : public QObject {
    Q_OBJECT

private slots:
    void testActionsFollowStepQueries() {
        auto index = indexOf(kTwoTasks);
        QVERIFY(index && index->size() > 20);
        ui::StepCursor cursor;
        ui::Playback playback(&cursor);
        ui::TransportBar bar(&cursor, &playback);
        QVERIFY(!bar.forwardAction()->isEnabled());   // no run yet
        cursor.setRun(index);
        const model::StepQueries queries(*index);

        QCOMPARE(cursor.step(), model::Step(0));
        QVERIFY(!bar.backAction()->isEnabled());
        bar.forwardAction()->trigger();
        QCOMPARE(cursor.step(), *queries.nextEvent(0));
        bar.lineForwardAction()->trigger();
        QCOMPARE(index->trace()[cursor.step()].kind, trace::EventKind::Line);
        const model::Step line = cursor.step();
        bar.nextIterationAction()->trigger();
        QCOMPARE(cursor.step(), *queries.nextIteration(line));
        QCOMPARE(index->trace()[cursor.step()].kind, trace::EventKind::LoopIter);
        const model::Step iteration = cursor.step();
        bar.previousIterationAction()->trigger();
        QCOMPARE(cursor.step(), queries.previousIteration(iteration).value_or(iteration));
        bar.endAction()->trigger();
        QCOMPARE(cursor.step(), index->lastStep());
        QVERIFY(!bar.forwardAction()->isEnabled());
        QVERIFY(!bar.endAction()->isEnabled());
        bar.backAction()->trigger();
        QCOMPARE(cursor.step(), index->lastStep() - 1);
        bar.lineBackAction()->trigger();
        QCOMPARE(index->trace()[cursor.step()].kind, trace::EventKind::Line);
        bar.restartAction()->trigger();
        QCOMPARE(cursor.step(), model::Step(0));

        // The slider covers every step and moves the cursor; the labels say where.
        QCOMPARE(bar.slider()->maximum(), int(index->lastStep()));
        bar.slider()->setValue(7);
        QCOMPARE(cursor.step(), model::Step(7));
        QCOMPARE(bar.stepText(), QStringLiteral("Step 7 / %1").arg(index->lastStep()));
        cursor.toEnd();
        QCOMPARE(bar.slider()->value(), int(index->lastStep()));
        QCOMPARE(bar.clockText(), QStringLiteral("0.400 s"));
    }

    void testEveryActionHasAShortcutInItsTooltip() {
        ui::StepCursor cursor;
        ui::Playback playback(&cursor);
        ui::TransportBar bar(&cursor, &playback);
        int actions = 0;
        for (QAction* action : bar.menuActions()) {
            if (!action)
                continue;
            ++actions;
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->toolTip()));
        }
        QCOMPARE(actions, 11);
        QCOMPARE(bar.playAction()->shortcut(), QKeySequence(Qt::Key_Space));
        QCOMPARE(bar.forwardAction()->shortcut(), QKeySequence(Qt::Key_Right));
        QCOMPARE(bar.lineForwardAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Right));
        QCOMPARE(bar.nextIterationAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Right));
        QVERIFY(bar.nextIterationAction()->shortcuts().contains(QKeySequence(Qt::Key_PageDown)));
        QCOMPARE(bar.restartAction()->shortcut(), QKeySequence(Qt::Key_Home));
        QCOMPARE(bar.endAction()->shortcut(), QKeySequence(Qt::Key_End));
    }

    void testPlaybackAtSpeedPausesAtTheEnd() {
        auto index = indexOf(kTwoTasks);
        QVERIFY(index);
        ui::StepCursor cursor;
        ui::Playback playback(&cursor);
        ui::TransportBar bar(&cursor, &playback);
        cursor.setRun(index);
        playback.setSpeed(PlaybackSpeed::times(8));
        QCOMPARE(playback.tickMs(), 31);
        QCOMPARE(bar.speedBox()->currentText(), PlaybackSpeed::times(8).label());
        playback.setSpeed(PlaybackSpeed::times(0.25));
        QCOMPARE(playback.tickMs(), 1000);
        playback.faster();
        QCOMPARE(playback.speed(), PlaybackSpeed::times(0.5));
        playback.slower();
        playback.slower();   // already the slowest: stays
        QCOMPARE(playback.speed(), PlaybackSpeed::times(0.25));

        // Steps one event per tick: at 8× a few ticks move a few steps, never jump.
        cursor.setStep(index->lastStep() - 3);
        playback.setSpeed(PlaybackSpeed::times(8));
        QSignalSpy moved(&cursor, &ui::StepCursor::stepChanged);
        QSignalSpy playing(&playback, &ui::Playback::playingChanged);
        bar.playAction()->trigger();
        QVERIFY(playback.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!playback.isPlaying(), 3000);
        QCOMPARE(cursor.step(), index->lastStep());
        QCOMPARE(moved.count(), 3);
        QCOMPARE(playing.count(), 2);
        // Play at the end starts again from step 0.
        playback.play();
        QVERIFY(cursor.step() <= 1);
        playback.pause();
    }

    void testRealTimePlaysAVirtualSecondAsASecond() {
        auto index = indexOf(kTwoTasks);   // ends at 0.4 s of virtual time
        QVERIFY(index);
        ui::StepCursor cursor;
        ui::Playback playback(&cursor);
        cursor.setRun(index);
        playback.setSpeed(PlaybackSpeed::realTimeSpeed());
        QElapsedTimer wall;
        wall.start();
        playback.play();
        // After 0.1 s of wall time nothing at 0.2 s has happened yet.
        QTest::qWait(100);
        QVERIFY(cursor.clock() < 0.2);
        QTRY_VERIFY_WITH_TIMEOUT(!playback.isPlaying(), 5000);
        QCOMPARE(cursor.step(), index->lastStep());
        QVERIFY2(wall.elapsed() >= 380, qPrintable(QString::number(wall.elapsed())));
        QVERIFY2(wall.elapsed() < 2500, qPrintable(QString::number(wall.elapsed())));
    }

    // A new run stops playback and lands on the step asked for, clamped.
    void testNewRunPausesAndClamps() {
        auto index = indexOf(kTwoTasks);
        auto small = indexOf("print('x')\n");
        QVERIFY(index && small);
        ui::StepCursor cursor;
        ui::Playback playback(&cursor);
        cursor.setRun(index);
        playback.play();
        QVERIFY(playback.isPlaying());
        cursor.setRun(small, 1000);
        QVERIFY(!playback.isPlaying());
        QCOMPARE(cursor.step(), small->lastStep());
        cursor.setRun(nullptr);
        QVERIFY(!cursor.hasRun());
        QVERIFY(!cursor.forward());
    }
};

QTEST_MAIN(TestTransport)
#include "tst_transport.moc"
