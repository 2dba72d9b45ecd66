#include "app/cli/command_line.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cmath>

namespace aw::app {

namespace {

const QString kRunVerb = QStringLiteral("run");
const QString kLessonsVerb = QStringLiteral("lessons");

QCommandLineOption helpOption() {
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
}
QCommandLineOption versionOption() {
    return QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
}
QCommandLineOption interruptOption() {
    return QCommandLineOption(QStringLiteral("interrupt-at"),
                              QStringLiteral("Press Ctrl+C at virtual time T (seconds)."), QStringLiteral("T"));
}
QCommandLineOption budgetOption() {
    return QCommandLineOption(QStringLiteral("budget"),
                              QStringLiteral("Stop the run after N steps (instructions and events)."),
                              QStringLiteral("N"));
}
QCommandLineOption lessonOption() {
    return QCommandLineOption(QStringLiteral("lesson"),
                              QStringLiteral("A built-in lesson instead of a file: its number or id "
                                             "(see: awaitscope lessons)."),
                              QStringLiteral("ID"));
}
QCommandLineOption screenshotOption() {
    // Not for users: lets a developer see the window without a display server.
    QCommandLineOption option(QStringLiteral("screenshot"), QStringLiteral("Run, save the window as FILE, quit."),
                              QStringLiteral("FILE"));
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

CommandLine invalid(const QString& error) {
    CommandLine line;
    line.verb = Verb::Invalid;
    line.error = error;
    return line;
}

CommandLine parseRun(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = helpOption(), interrupt = interruptOption(), budget = budgetOption(),
                             lesson = lessonOption();
    parser.addOptions({help, interrupt, budget, lesson});
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    CommandLine line;
    if (parser.isSet(help)) {
        line.verb = Verb::Help;
        line.helpFor = Verb::Run;
        return line;
    }
    const QStringList positional = parser.positionalArguments();  // "run", SCRIPT
    const int scripts = int(positional.size()) - 1 + (parser.isSet(lesson) ? 1 : 0);
    if (scripts < 1)
        return invalid(QStringLiteral("run: which script? (awaitscope run SCRIPT.py, or --lesson ID)"));
    if (scripts > 1)
        return invalid(QStringLiteral("run: one script at a time (got '%1' too)")
                           .arg(parser.isSet(lesson) && positional.size() > 1 ? positional[1] : positional.value(2)));
    line.verb = Verb::Run;
    line.script = positional.value(1);
    line.lesson = parser.value(lesson);
    if (parser.isSet(interrupt)) {
        bool ok = false;
        const double t = parser.value(interrupt).toDouble(&ok);
        if (!ok || !std::isfinite(t) || t < 0)
            return invalid(QStringLiteral("--interrupt-at wants a time in seconds, 0 or more (got '%1')")
                               .arg(parser.value(interrupt)));
        line.interruptAt = t;
    }
    if (parser.isSet(budget)) {
        bool ok = false;
        const qulonglong n = parser.value(budget).toULongLong(&ok);
        if (!ok || n == 0)
            return invalid(QStringLiteral("--budget wants a whole number of steps, 1 or more (got '%1')")
                               .arg(parser.value(budget)));
        line.budget = n;
    }
    return line;
}

CommandLine parseWindow(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = helpOption(), version = versionOption(), screenshot = screenshotOption(),
                             lesson = lessonOption();
    parser.addOptions({help, version, screenshot, lesson});
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    CommandLine line;
    if (parser.isSet(help)) {
        line.verb = Verb::Help;
        return line;
    }
    if (parser.isSet(version)) {
        line.verb = Verb::Version;
        return line;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return invalid(QStringLiteral("the window opens one script at a time"));
    if (!positional.isEmpty() && parser.isSet(lesson))
        return invalid(QStringLiteral("open a script or a lesson, not both"));
    line.verb = Verb::Window;
    line.screenshot = parser.value(screenshot);
    line.lesson = parser.value(lesson);
    if (!positional.isEmpty())
        line.script = positional[0];
    return line;
}

}  // namespace

CommandLine parseCommandLine(const QStringList& arguments) {
    // First pass: every option known, only to find the verb (the first positional argument).
    QCommandLineParser scout;
    scout.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    scout.addOptions(
        {helpOption(), versionOption(), interruptOption(), budgetOption(), lessonOption(), screenshotOption()});
    scout.parse(arguments);
    const QStringList positional = scout.positionalArguments();
    const QString first = positional.value(0);
    if (first == kRunVerb)
        return parseRun(arguments);
    if (first == kLessonsVerb) {
        if (positional.size() > 1)
            return invalid(QStringLiteral("lessons takes no arguments"));
        CommandLine line;
        line.verb = Verb::Lessons;
        return line;
    }
    // Not a verb: a script for the window. A bare word that is no file is most
    // likely a mistyped verb, so say that rather than open an empty window.
    if (!first.isEmpty() && !first.endsWith(QStringLiteral(".py")) && !QFileInfo::exists(first))
        return invalid(QStringLiteral("unknown command '%1' (commands: run, lessons)").arg(first));
    return parseWindow(arguments);
}

QString helpText(Verb verb) {
    if (verb == Verb::Run) {
        return QStringLiteral(
            "Usage: awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py\n"
            "       awaitscope run [--interrupt-at T] [--budget N] --lesson ID\n"
            "\n"
            "Runs SCRIPT.py in the simulated world (virtual clock, simulated network) and\n"
            "prints each line it prints as \"<virtual time>\\t<text>\", then\n"
            "\"<time>\\t!Type: message\" if it ends with an uncaught exception.\n"
            "\n"
            "Options:\n"
            "  --interrupt-at T  Press Ctrl+C at virtual time T (seconds).\n"
            "  --budget N        Stop after N steps (instructions and events); default 5000000.\n"
            "  --lesson ID       Run a built-in lesson (its number or id) instead of a file.\n"
            "  -h, --help        Show this help.\n"
            "\n"
            "Exit status:\n"
            "  0  the script ran to its end\n"
            "  1  it ended with an uncaught exception (the traceback is on stderr)\n"
            "  2  it could not be run: a syntax error, a missing or unreadable file, bad options\n"
            "  3  it never ends: stopped at the step budget, or waiting with nothing left to wake it\n");
    }
    return QStringLiteral(
        "Usage: awaitscope [SCRIPT.py | --lesson ID]\n"
        "       awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID\n"
        "       awaitscope lessons\n"
        "\n"
        "Awaitscope runs Python asyncio programs in its own engine, in a simulated\n"
        "world with a virtual clock, and shows the event loop at work.\n"
        "\n"
        "With no command it opens the window (with SCRIPT.py in the editor, if given).\n"
        "\n"
        "Commands:\n"
        "  run SCRIPT.py  Run the script and print what it prints, with virtual times.\n"
        "                 See: awaitscope run --help\n"
        "  lessons        List the built-in lessons (id and title).\n"
        "\n"
        "Options:\n"
        "  --lesson ID    Open a built-in lesson (its number or id).\n"
        "  -h, --help     Show this help.\n"
        "  -v, --version  Show the version.\n");
}

}  // namespace aw::app
