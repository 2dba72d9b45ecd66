// The window, offscreen: it builds, shows the built-in lessons, loads one
// into the editor, runs it on the worker thread without blocking, and marks
// a syntax error in the editor and the console. (Stepping through a run:
// tst_stepping.)

#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/lesson_list.h"
#include "ui/main_window.h"
#include "ui/transport/step_cursor.h"
#include "ui/transport/transport_bar.h"
#include "ui/window/run_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using aw::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("AwaitscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    // Every lessons/<folder>/script.py on disk is compiled in, in folder order.
    static QStringList lessonFoldersOnDisk() {
        QStringList folders;
        const QDir dir(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
        for (const QString& folder : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (QFile::exists(dir.filePath(folder + QStringLiteral("/script.py"))))
                folders.append(folder);
        }
        return folders;
    }

    void testBuiltInLessons() {
        const QStringList onDisk = lessonFoldersOnDisk();
        QVERIFY(onDisk.size() >= 16);
        const auto lessons = aw::ui::builtInLessons();
        QStringList compiledIn;
        for (const auto& lesson : lessons)
            compiledIn.append(lesson.folder);
        QCOMPARE(compiledIn, onDisk);
        QCOMPARE(lessons.first().folder, QStringLiteral("01-event-loop-two-fetches"));
        QCOMPARE(lessons.first().scriptPath(), QStringLiteral(":/lessons/01-event-loop-two-fetches/script.py"));
        for (const auto& lesson : lessons)
            QVERIFY2(lesson.title.startsWith(lesson.folder.left(2) + QStringLiteral("  ")), qPrintable(lesson.title));
        // The resource holds the file's bytes.
        QFile resource(lessons[1].scriptPath()),
            disk(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + lessons[1].folder + QStringLiteral("/script.py"));
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QVERIFY(disk.open(QIODevice::ReadOnly));
        QCOMPARE(resource.readAll(), disk.readAll());
    }

    void testLessonTitle_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("title");
        QTest::newRow("heading") << QStringLiteral("05-tasks-gather")
                                 << QStringLiteral("# Two tasks with gather\n\nText.\n")
                                 << QStringLiteral("05  Two tasks with gather");
        QTest::newRow("first level-one heading wins")
            << QStringLiteral("06-futures") << QStringLiteral("Intro\n## Not this\n# A box  \n# Later\n")
            << QStringLiteral("06  A box");
        QTest::newRow("no lesson.md") << QStringLiteral("05-tasks-gather") << QString()
                                      << QStringLiteral("05  Tasks gather");
        QTest::newRow("module name keeps its case")
            << QStringLiteral("07-asyncio-run-result") << QString() << QStringLiteral("07  asyncio run result");
        QTest::newRow("empty heading") << QStringLiteral("22-forgotten-await") << QStringLiteral("# \n")
                                       << QStringLiteral("22  Forgotten await");
        QTest::newRow("no number") << QStringLiteral("scratch") << QString() << QStringLiteral("scratch");
    }
    void testLessonTitle() {
        QFETCH(QString, folder);
        QFETCH(QString, markdown);
        QFETCH(QString, title);
        QCOMPARE(aw::ui::lessonTitle(folder, markdown), title);
    }

    void testConstructs() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.editor()->isVisible());
        QVERIFY(window.console()->isVisible());
        QCOMPARE(window.lessonList()->lessonCount(), int(lessonFoldersOnDisk().size()));
        QVERIFY(window.runAction()->isEnabled());
        QVERIFY(!window.stopAction()->isEnabled());
        // Every action can be reached from the keyboard, and says how in its tooltip.
        for (const QAction* action : window.actions()) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->toolTip()));
        }
        QCOMPARE(window.runAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+R")));
    }

    // F10 hides the script, console and lesson panels for a projector; F10 again brings them back.
    void testPresentationLayout() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.editor()->isVisible());
        window.setPresentationLayout(true);
        QTRY_VERIFY(!window.editor()->isVisible());
        QVERIFY(!window.console()->isVisible());
        window.setPresentationLayout(false);
        QTRY_VERIFY(window.editor()->isVisible());
        QVERIFY(window.console()->isVisible());
    }

    void testLoadLessonFromResources() {
        MainWindow window;
        QVERIFY(window.loadLesson(QStringLiteral("05-tasks-gather")));
        QFile script(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/05-tasks-gather/script.py"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QCOMPARE(window.editor()->text(), QString::fromUtf8(script.readAll()).replace(QStringLiteral("\r\n"), "\n"));
        QVERIFY(!window.editor()->isModified());
        QCOMPARE(window.scriptName(), QStringLiteral("05-tasks-gather.py"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("05-tasks-gather")));
        QCOMPARE(window.lessonList()->currentRow(), 4);
        QVERIFY(!window.loadLesson(QStringLiteral("99-no-such-lesson")));
    }

    // Clicking a lesson in the list loads it.
    void testClickLesson() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.lessonDock()->raise();   // it shares its place with the lesson text
        auto* list = window.lessonList();
        QTRY_VERIFY(list->isVisible());
        const QRect rect = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.scriptName(), QStringLiteral("02-first-coroutine.py"));
        QVERIFY(window.editor()->text().contains(QStringLiteral("async def")));
    }

    void testRunShowsTimedOutput() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setText(QStringLiteral("import time\n\nprint('first')\ntime.sleep(2)\nprint('second')\n"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        // Ctrl+R typed into the editor reaches the Run action (QScintilla must not eat it).
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        // A run starts at its first step: nothing printed yet, then everything at the end.
        QVERIFY(!window.console()->lines().contains(QStringLiteral("   0.000  first")));
        window.transport()->endAction()->trigger();
        const QStringList lines = window.console()->lines();
        QVERIFY2(lines.contains(QStringLiteral("   0.000  first")), qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("   2.000  second")), qPrintable(lines.join('\n')));
        QVERIFY(window.runAction()->isEnabled());
        QVERIFY(!window.stopAction()->isEnabled());
        QCOMPARE(window.editor()->errorLine(), 0);
    }

    // The window stays responsive while the engine works: Run returns at once,
    // Stop ends the run within a moment and shows what was recorded.
    void testRunIsOffTheGuiThread() {
        MainWindow window;
        window.editor()->setText(QStringLiteral("while True:\n    pass\n"));
        QSignalSpy running(window.runController(), &aw::ui::RunController::runningChanged);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QElapsedTimer clock;
        clock.start();
        window.runScript();
        QVERIFY2(clock.elapsed() < 1000, "run must not wait for the engine");
        QTRY_VERIFY_WITH_TIMEOUT(window.runController()->isRunning(), 5000);
        QVERIFY(!window.runAction()->isEnabled());
        QVERIFY(window.stopAction()->isEnabled());
        clock.restart();
        window.stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 2000);
        QVERIFY2(clock.elapsed() < 1000, "stop must end the run at once");
        QVERIFY(!window.runController()->isRunning());
        QVERIFY(window.runAction()->isEnabled());
        QVERIFY(running.count() >= 2);
        QVERIFY(window.currentRun()->result.cancelled);
        window.transport()->endAction()->trigger();
        QVERIFY2(window.console()->toPlainText().contains(QStringLiteral("Stopped")),
                 qPrintable(window.console()->toPlainText()));
    }

    void testRuntimeErrorIsMarked() {
        MainWindow window;
        window.editor()->setText(QStringLiteral("print('a')\nx = {}\nprint(x['missing'])\n"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.runScript();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        window.transport()->endAction()->trigger();   // the traceback comes at the step it happens
        const QString text = window.console()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Traceback (most recent call last):")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("KeyError: 'missing'")), qPrintable(text));
        QCOMPARE(window.editor()->errorLine(), 3);
        QCOMPARE(window.editor()->errorAnnotation(), QStringLiteral("KeyError: 'missing'"));
    }

    void testSyntaxErrorAnnotation() {
        MainWindow window;
        window.show();
        window.editor()->setText(QStringLiteral("print('ok')\nx = (1,\n"));
        QSignalSpy finished(&window, &MainWindow::runFinished);
        window.runScript();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(window.editor()->errorLine(), 2);
        QCOMPARE(window.editor()->errorAnnotation(), QStringLiteral("SyntaxError: '(' was never closed"));
        int line = -1, index = -1;
        window.editor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);
        QCOMPARE(index, 4);  // the caret column: the '(' that is never closed
        const QString console = window.console()->toPlainText();
        QVERIFY2(console.contains(QStringLiteral("SyntaxError: '(' was never closed")), qPrintable(console));
        QVERIFY2(console.contains(QStringLiteral("x = (1,")), qPrintable(console));
        // Editing the script removes the stale mark.
        window.editor()->append(QStringLiteral("2)\n"));
        QCOMPARE(window.editor()->errorLine(), 0);
        QVERIFY(window.editor()->errorAnnotation().isEmpty());
    }

    void testSaveWithQSaveFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.editor()->setText(QStringLiteral("print('saved')"));
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        QVERIFY(window.saveFile(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("print('saved')\n"));
        QCOMPARE(window.scriptName(), QStringLiteral("mine.py"));
        QVERIFY(!window.editor()->isModified());

        MainWindow second;
        QVERIFY(second.openFile(path));
        QCOMPARE(second.editor()->text(), QStringLiteral("print('saved')\n"));
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
    }

    void testSessionRestoresLastScript() {
        {
            MainWindow window;
            window.show();
            QVERIFY(window.loadLesson(QStringLiteral("07-asyncio-run-result")));
            window.close();  // saves the session
        }
        MainWindow again;
        again.restoreSession();
        QCOMPARE(again.scriptName(), QStringLiteral("07-asyncio-run-result.py"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
