// awaitscope [SCRIPT.py]: the window. The only verb that makes a QApplication
// (and so the only one that needs a display).

#include "app/cli/verbs.h"

#include "ui/lesson_list.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

namespace aw::app {

namespace {

// --screenshot FILE: show the window, run what is loaded, save the window as
// FILE and quit. For developers checking the window's look with no display
// server (xvfb-run or QT_QPA_PLATFORM=offscreen); not in --help.
void scheduleScreenshot(ui::MainWindow& window, const QString& file) {
    QObject::connect(&window, &ui::MainWindow::runFinished, &window, [&window, file] {
        // Let the console and the annotations lay out before grabbing.
        QTimer::singleShot(400, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "awaitscope: could not save the screenshot to %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
    QTimer::singleShot(500, &window, [&window] { window.runScript(); });
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
        window.resize(1280, 800);
        if (line.script.isEmpty() && line.lesson.isEmpty() && !ui::builtInLessons().isEmpty())
            window.loadLesson(ui::builtInLessons().first().folder);
    }
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
