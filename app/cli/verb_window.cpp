// awaitscope [SCRIPT.py]: the window. The only verb that makes a QApplication
// (and so the only one that needs a display).

#include "app/cli/verbs.h"

#include "core/model/step_queries.h"
#include "ui/lesson_list.h"
#include "ui/main_window.h"
#include "ui/stage/stage_view.h"
#include "ui/transport/step_cursor.h"

#include <QApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

namespace aw::app {

namespace {

// Where a screenshot is taken, from AWAITSCOPE_SCREENSHOT_STEP: "N" (a step),
// "end", "+N" (N steps after where the run landed) or "t=T" (the last step at
// virtual time T). Unset: where the run landed.
model::Step screenshotStep(const ui::StepCursor& cursor, const QString& spec) {
    const QString s = spec.trimmed();
    if (s.isEmpty())
        return cursor.step();
    if (s == QStringLiteral("end"))
        return cursor.lastStep();
    if (s.startsWith(QStringLiteral("t=")))
        return model::StepQueries(*cursor.index()).stepAtTime(s.mid(2).toDouble());
    if (s.startsWith(QLatin1Char('+')))
        return cursor.step() + s.mid(1).toULongLong();
    return s.toULongLong();
}

// --screenshot FILE: show the window, run what is loaded, go to a step, save
// the window as FILE and quit. For developers checking the window's look
// with no display server (xvfb-run or QT_QPA_PLATFORM=offscreen); not in
// --help. Environment: AWAITSCOPE_SCREENSHOT_STEP (see screenshotStep),
// AWAITSCOPE_SCREENSHOT_INTERRUPT=T (run with Ctrl+C at T, landing where it
// is delivered), AWAITSCOPE_SCREENSHOT_THEME=light|dark|projector,
// AWAITSCOPE_SCREENSHOT_SIZE=WxH (default 1280x720), AWAITSCOPE_SCREENSHOT_LAYOUT=present
// (the presentation layout, F10).
void scheduleScreenshot(ui::MainWindow& window, const QString& file) {
    const QString stepSpec = qEnvironmentVariable("AWAITSCOPE_SCREENSHOT_STEP");
    const QString interrupt = qEnvironmentVariable("AWAITSCOPE_SCREENSHOT_INTERRUPT");
    QObject::connect(&window, &ui::MainWindow::runFinished, &window, [&window, file, stepSpec] {
        if (window.cursor()->hasRun())
            window.cursor()->setStep(screenshotStep(*window.cursor(), stepSpec));
        // Let the console, the annotations and the stage's animation settle before grabbing.
        QTimer::singleShot(window.stage()->animationMs() + 400, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "awaitscope: could not save the screenshot to %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
    QTimer::singleShot(500, &window, [&window, interrupt] {
        bool ok = false;
        const double at = interrupt.toDouble(&ok);
        if (ok)
            window.runWithInterrupt(at);
        else
            window.runScript();
    });
    QTimer::singleShot(60000, &window, [] {
        std::fprintf(stderr, "awaitscope: the run did not finish within a minute; no screenshot\n");
        QCoreApplication::exit(1);
    });
}

}  // namespace

int windowVerb(const CommandLine& line, int& argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("awaitscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Awaitscope"));
    QApplication::setOrganizationName(QStringLiteral("Awaitscope"));
    QApplication::setApplicationVersion(QStringLiteral(AWAITSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("awaitscope"));

    ui::MainWindow window;
    if (line.screenshot.isEmpty()) {
        window.restoreSession();
    } else {
        // A screenshot does not depend on (or change) the user's session.
        const QStringList size = qEnvironmentVariable("AWAITSCOPE_SCREENSHOT_SIZE", QStringLiteral("1280x720"))
                                     .split(QLatin1Char('x'));
        window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1280,
                      size.value(1).toInt() > 0 ? size.value(1).toInt() : 720);
        bool themeOk = false;
        const ui::ThemeId theme = ui::themeFromName(qEnvironmentVariable("AWAITSCOPE_SCREENSHOT_THEME"), &themeOk);
        if (themeOk)
            window.setTheme(theme);
        if (qEnvironmentVariable("AWAITSCOPE_SCREENSHOT_LAYOUT") == QLatin1String("present"))
            window.setPresentationLayout(true);
        if (line.script.isEmpty() && line.lesson.isEmpty() && !ui::builtInLessons().isEmpty())
            window.loadLesson(ui::builtInLessons().first().folder);
    }
    if (line.budget)
        window.setStepBudgetOverride(*line.budget);
    if (!line.script.isEmpty())
        window.openFile(QDir::current().absoluteFilePath(line.script));
    if (!line.lesson.isEmpty()) {
        const std::optional<ui::Lesson> lesson = ui::findLesson(line.lesson);
        if (!lesson) {
            std::fprintf(stderr, "awaitscope: no lesson '%s' (awaitscope lessons lists them)\n", qPrintable(line.lesson));
            return 2;
        }
        window.loadLesson(lesson->folder);
    }
    if (!line.screenshot.isEmpty())
        scheduleScreenshot(window, line.screenshot);
    window.show();
    return app.exec();
}

}  // namespace aw::app
