// awaitscope: the window, or a command-line verb (app/cli/verb_*.cpp).

#include "app/cli/command_line.h"
#include "app/cli/verbs.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const aw::app::CommandLine line = aw::app::parseCommandLine(arguments);
    if (line.verb == aw::app::Verb::Window)
        return aw::app::windowVerb(line, argc, argv);

    // Every other verb works without a display. Export paints (fonts, images),
    // which takes a QGuiApplication: offscreen, as it never shows a window.
    std::unique_ptr<QCoreApplication> app;
    if (line.verb == aw::app::Verb::Export) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("awaitscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Awaitscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWAITSCOPE_VERSION));
    switch (line.verb) {
    case aw::app::Verb::Run: return aw::app::runVerb(line);
    case aw::app::Verb::Trace: return aw::app::traceVerb(line);
    case aw::app::Verb::State: return aw::app::stateVerb(line);
    case aw::app::Verb::Export: return aw::app::exportVerb(line);
    case aw::app::Verb::Help: return aw::app::helpVerb(line);
    case aw::app::Verb::Version: return aw::app::versionVerb(line);
    case aw::app::Verb::Lessons: return aw::app::lessonsVerb(line);
    case aw::app::Verb::Invalid:
    case aw::app::Verb::Window: break;
    }
    return aw::app::invalidVerb(line);
}
