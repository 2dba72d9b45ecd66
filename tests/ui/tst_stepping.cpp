// Stepping through a lesson in the window, offscreen: the transport's actions
// move the step, and at every step the stage lays out what the model says
// (ready-queue entries in FIFO order, timers, task cards and the arrows to
// what each task awaits) and the editor marks each live task's line.

#include "core/model/state_index.h"
#include "core/model/step_queries.h"
#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/engine/run_session.h"
#include "ui/main_window.h"
#include "ui/stage/stage_view.h"
#include "ui/transport/step_cursor.h"
#include "ui/transport/transport_bar.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace aw;
using aw::ui::MainWindow;
using aw::ui::StageItemKind;

class TestStepping : public QObject {
    Q_OBJECT

    static void runLesson(MainWindow& window, const QString& folder) {
        QVERIFY(window.loadLesson(folder));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(window.currentRun());
        QVERIFY(window.currentRun()->index);
        QVERIFY(window.cursor()->lastStep() > 10);
    }

    // The stage at the cursor's step shows the model's state at that step.
    static void checkStageMatchesModel(MainWindow& window) {
        const model::Step step = window.cursor()->step();
        const model::State state = window.currentRun()->index->stateAt(step);
        const ui::StageLayout& layout = window.stage()->currentLayout();
        const QString where = QStringLiteral("step %1").arg(step);
        QCOMPARE(window.stage()->state().step, state.step);

        // Ready queue: every entry (or a prefix, when the lane overflows into "+N more"), in FIFO order.
        const auto readyItems = layout.ofKind(StageItemKind::ReadyEntry);
        const bool readyOverflow = layout.find(QStringLiteral("ready-more")) != nullptr;
        if (readyOverflow)
            QVERIFY2(readyItems.size() < state.ready.size(), qPrintable(where));
        else
            QVERIFY2(readyItems.size() == state.ready.size(), qPrintable(where));
        for (std::size_t i = 0; i < readyItems.size(); ++i) {
            QCOMPARE(readyItems[i]->key, QStringLiteral("ready:%1").arg(state.ready[i].handle));
            QCOMPARE(readyItems[i]->modelId, state.ready[i].handle);
        }
        // Timers: every pending timer is on the axis (nothing else is).
        if (!layout.find(QStringLiteral("timers-more"))) {
            const auto timerItems = layout.ofKind(StageItemKind::Timer);
            for (const model::TimerEntry& timer : state.timers)
                QVERIFY2(layout.find(QStringLiteral("timer:%1").arg(timer.handle)), qPrintable(where));
            for (const ui::StageItem* item : timerItems) {
                const bool inModel = std::any_of(state.timers.begin(), state.timers.end(),
                                                 [&](const model::TimerEntry& t) { return t.handle == item->modelId; });
                QVERIFY2(inModel, qPrintable(where + QStringLiteral(": stray ") + item->key));
            }
        }
        // Tasks: a card for each live one, in the done row once finished; an arrow to what a suspended one awaits.
        for (const model::TaskInfo& task : state.tasks) {
            const ui::StageItem* item = layout.find(QStringLiteral("task:%1").arg(task.id));
            const bool finished = task.status == model::TaskStatus::Done || task.status == model::TaskStatus::Failed ||
                                  task.status == model::TaskStatus::Cancelled;
            if (!item) {
                QVERIFY2(finished && layout.find(QStringLiteral("done-more")),
                         qPrintable(where + QStringLiteral(": no item for task %1").arg(task.id)));
                continue;
            }
            QCOMPARE(item->modelId, task.id);
            if (finished) {
                QVERIFY2(item->kind == StageItemKind::DoneTask, qPrintable(where));
            } else {
                QVERIFY2(item->kind == StageItemKind::TaskCard || item->kind == StageItemKind::TaskChip,
                         qPrintable(where));
                QCOMPARE(item->colorIndex, task.colorIndex);
            }
            if (!finished && task.status == model::TaskStatus::Suspended && task.awaiting != 0 &&
                item->kind == StageItemKind::TaskCard) {
                const ui::StageItem* arrow = layout.find(QStringLiteral("arrow:%1->%2").arg(task.id).arg(task.awaiting));
                QVERIFY2(arrow && arrow->kind == StageItemKind::Arrow,
                         qPrintable(where + QStringLiteral(": no arrow from task %1").arg(task.id)));
            }
        }
        // No card for a task the model does not have.
        for (const ui::StageItem* card : layout.ofKind(StageItemKind::TaskCard))
            QVERIFY2(state.task(card->modelId), qPrintable(where + QStringLiteral(": stray ") + card->key));
    }

    // The editor's markers: each live task's line carries its colour slot (or the "many" marker).
    static void checkEditorMarkers(MainWindow& window) {
        const model::State state = window.currentRun()->index->stateAt(window.cursor()->step());
        const QString where = QStringLiteral("step %1").arg(window.cursor()->step());
        const ui::CodeEditor* editor = window.editor();
        const std::vector<int> many = editor->linesWithTaskMarker(ui::CodeEditor::kTaskSlots);
        std::vector<int> expectedLines;
        for (const model::TaskInfo& task : state.tasks) {
            const bool live = task.status != model::TaskStatus::Done && task.status != model::TaskStatus::Failed &&
                              task.status != model::TaskStatus::Cancelled;
            if (!live || task.line <= 0)
                continue;
            expectedLines.push_back(task.line);
            const std::vector<int> own = editor->linesWithTaskMarker(int(task.colorIndex % ui::CodeEditor::kTaskSlots));
            const bool marked = std::find(own.begin(), own.end(), task.line) != own.end() ||
                                std::find(many.begin(), many.end(), task.line) != many.end();
            QVERIFY2(marked, qPrintable(where + QStringLiteral(": task %1 line %2 unmarked").arg(task.id).arg(task.line)));
        }
        // And no task marker on a line no task is at.
        for (int slot = 0; slot <= ui::CodeEditor::kTaskSlots; ++slot) {
            for (int line : editor->linesWithTaskMarker(slot))
                QVERIFY2(std::find(expectedLines.begin(), expectedLines.end(), line) != expectedLines.end(),
                         qPrintable(where + QStringLiteral(": stray marker on line %1").arg(line)));
        }
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AwaitscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_stepping"));
        QSettings().clear();
    }

    void testStepThroughLesson_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("01") << QStringLiteral("01-event-loop-two-fetches");
        QTest::newRow("05") << QStringLiteral("05-tasks-gather");
        QTest::newRow("13") << QStringLiteral("13-done-callbacks");
    }
    void testStepThroughLesson() {
        QFETCH(QString, folder);
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        runLesson(window, folder);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(window.cursor()->step(), model::Step(0));   // a first run starts at the beginning
        QVERIFY(!window.transport()->backAction()->isEnabled());
        const model::Step last = window.cursor()->lastStep();

        // Forward with the action, one event at a time, to the end.
        bool sawTask = false, sawTimer = false, sawReady = false, sawArrow = false;
        for (model::Step k = 0; k < last; ++k) {
            window.transport()->forwardAction()->trigger();
            QCOMPARE(window.cursor()->step(), k + 1);
            checkStageMatchesModel(window);
            checkEditorMarkers(window);
            if (QTest::currentTestFailed())
                return;
            const ui::StageLayout& layout = window.stage()->currentLayout();
            sawTask |= !layout.ofKind(StageItemKind::TaskCard).empty();
            sawTimer |= !layout.ofKind(StageItemKind::Timer).empty();
            sawReady |= !layout.ofKind(StageItemKind::ReadyEntry).empty();
            for (const ui::StageItem* arrow : layout.ofKind(StageItemKind::Arrow))
                sawArrow |= arrow->key.startsWith(QStringLiteral("arrow:")) && arrow->key != QStringLiteral("arrow:ready->loop");
        }
        QVERIFY(!window.transport()->forwardAction()->isEnabled());
        QVERIFY(sawTask && sawReady);
        if (folder.startsWith(QStringLiteral("01")))
            QVERIFY(sawTimer || sawArrow);

        // Back again with the action: the same states, in reverse.
        for (model::Step k = last; k > last / 2; --k) {
            window.transport()->backAction()->trigger();
            QCOMPARE(window.cursor()->step(), k - 1);
            checkStageMatchesModel(window);
            checkEditorMarkers(window);
            if (QTest::currentTestFailed())
                return;
        }
        // Home and End.
        window.transport()->restartAction()->trigger();
        QCOMPARE(window.cursor()->step(), model::Step(0));
        window.transport()->endAction()->trigger();
        QCOMPARE(window.cursor()->step(), last);
        checkStageMatchesModel(window);
    }

    // Keys reach the transport when the stage has the focus.
    void testKeyboardSteps() {
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        runLesson(window, QStringLiteral("03-sync-vs-async-sleep"));
        if (QTest::currentTestFailed())
            return;
        window.activateWindow();
        window.stage()->setFocus();
        QTest::keyClick(window.stage(), Qt::Key_Right);
        QTRY_COMPARE(window.cursor()->step(), model::Step(1));
        QTest::keyClick(window.stage(), Qt::Key_End);
        QCOMPARE(window.cursor()->step(), window.cursor()->lastStep());
        QTest::keyClick(window.stage(), Qt::Key_Left);
        QCOMPARE(window.cursor()->step(), window.cursor()->lastStep() - 1);
        // Shift+Left lands on a line event, Ctrl+Left on a loop iteration.
        QTest::keyClick(window.stage(), Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(window.currentRun()->index->trace()[window.cursor()->step()].kind, trace::EventKind::Line);
        QTest::keyClick(window.stage(), Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(window.currentRun()->index->trace()[window.cursor()->step()].kind, trace::EventKind::LoopIter);
        QTest::keyClick(window.stage(), Qt::Key_Home);
        QCOMPARE(window.cursor()->step(), model::Step(0));
    }

    // The console shows what was printed up to the step shown, no more.
    void testConsoleFollowsTheStep() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        runLesson(window, QStringLiteral("03-sync-vs-async-sleep"));
        if (QTest::currentTestFailed())
            return;
        const auto& outputs = window.currentRun()->index->outputs();
        QVERIFY(outputs.size() >= 3);
        auto printed = [&] {
            int n = 0;
            for (const QString& line : window.console()->lines())
                n += line.trimmed().isEmpty() || line.startsWith(QStringLiteral("        ")) ? 0 : 1;
            return n;
        };
        QCOMPARE(printed(), 0);
        QCOMPARE(window.console()->linesToCome(), int(outputs.size()));
        window.cursor()->setStep(outputs[1].step);
        QCOMPARE(printed(), 2);
        QVERIFY(window.console()->lines().contains(QStringLiteral("   0.000  ") +
                                                   QString::fromUtf8(outputs[0].text.data(), outputs[0].text.size())));
        window.cursor()->setStep(outputs[1].step - 1);
        QCOMPARE(printed(), 1);
        window.cursor()->toEnd();
        QCOMPARE(printed(), int(outputs.size()));
        QCOMPARE(window.console()->linesToCome(), 0);
    }

    // Ctrl+C at the clock shown re-runs and lands where the interrupt is delivered.
    void testInterruptHere() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        runLesson(window, QStringLiteral("15-task-cancellation"));
        if (QTest::currentTestFailed())
            return;
        const model::Step at = model::StepQueries(*window.currentRun()->index).stepAtTime(2.5);
        window.cursor()->setStep(at);
        const double clock = window.cursor()->clock();
        QVERIFY(clock > 0.0 && clock <= 2.5);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.interruptAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(*window.currentRun()->request.options.interruptAt, clock);
        const auto& trace = window.currentRun()->index->trace();
        QCOMPARE(trace[window.cursor()->step()].kind, trace::EventKind::WorldCtrlC);
        QCOMPARE(window.cursor()->clock(), clock);
    }

    // Run again after an edit keeps the step number (clamped to the new run).
    void testRerunKeepsTheStep() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setText(QStringLiteral("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n"
                                                "    print('done')\n\nasyncio.run(main())\n"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.runScript();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const model::Step middle = window.cursor()->lastStep() / 2;
        window.cursor()->setStep(middle);
        window.editor()->setText(window.editor()->text().replace(QStringLiteral("'done'"), QStringLiteral("'end'")));
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(window.cursor()->step(), middle);
        // A much shorter script: clamped to its last step.
        window.cursor()->toEnd();
        window.editor()->setText(QStringLiteral("print('short')\n"));
        window.runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
        QCOMPARE(window.cursor()->step(), window.cursor()->lastStep());
    }

    // An endless program is cut and says so; Stop ends a run at once.
    void testEndlessProgramIsCut() {
        MainWindow window;
        window.show();
        window.editor()->setText(QStringLiteral("import asyncio\n\nasync def spin():\n    while True:\n"
                                                "        await asyncio.sleep(0)\n\nasyncio.run(spin())\n"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.runScript();
        QTRY_VERIFY_WITH_TIMEOUT(window.stopAction()->isEnabled(), 10000);
        window.stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(window.currentRun()->result.cut);
        window.cursor()->toEnd();
        QVERIFY2(window.console()->toPlainText().contains(QStringLiteral("Stopped")),
                 qPrintable(window.console()->toPlainText()));
        QVERIFY(window.runAction()->isEnabled());
    }
};

QTEST_MAIN(TestStepping)
#include "tst_stepping.moc"
