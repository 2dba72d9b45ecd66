#include "app/cli/command_line.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cmath>

namespace aw::app {

namespace {

struct VerbName {
    Verb verb;
    const char* name;
};
// The verbs that run a script, each with its own options (parseScriptVerb).
constexpr VerbName kScriptVerbs[] = {
    {Verb::Run, "run"},
    {Verb::Trace, "trace"},
    {Verb::State, "state"},
    {Verb::Export, "export"},
};
const QString kLessonsVerb = QStringLiteral("lessons");

QString verbName(Verb verb) {
    for (const VerbName& v : kScriptVerbs)
        if (v.verb == verb)
            return QString::fromLatin1(v.name);
    return QStringLiteral("awaitscope");
}

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
    return QCommandLineOption(QStringLiteral("budget"), QStringLiteral("Stop the run after N steps (trace events)."),
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
QCommandLineOption outOption() {
    return QCommandLineOption(QStringLiteral("out"), QStringLiteral("Write to FILE."), QStringLiteral("FILE"));
}
QCommandLineOption atOption() {
    return QCommandLineOption(QStringLiteral("at"), QStringLiteral("The step to show: a number, or 'end'."),
                              QStringLiteral("STEP"));
}
QCommandLineOption atTimeOption() {
    return QCommandLineOption(QStringLiteral("at-time"),
                              QStringLiteral("The last step at or before virtual time T."), QStringLiteral("T"));
}
QCommandLineOption viewOption() {
    return QCommandLineOption(QStringLiteral("view"), QStringLiteral("stage or timeline."), QStringLiteral("VIEW"));
}
QCommandLineOption fromOption() {
    return QCommandLineOption(QStringLiteral("from"), QStringLiteral("First step of a range."), QStringLiteral("STEP"));
}
QCommandLineOption toOption() {
    return QCommandLineOption(QStringLiteral("to"), QStringLiteral("Last step of a range."), QStringLiteral("STEP"));
}
QCommandLineOption widthOption() {
    return QCommandLineOption(QStringLiteral("width"), QStringLiteral("Image width."), QStringLiteral("W"));
}
QCommandLineOption themeOption() {
    return QCommandLineOption(QStringLiteral("theme"), QStringLiteral("light, dark or projector."),
                              QStringLiteral("THEME"));
}

QList<QCommandLineOption> allOptions() {
    return {helpOption(), versionOption(), interruptOption(), budgetOption(), lessonOption(), screenshotOption(),
            outOption(),  atOption(),      atTimeOption(),    viewOption(),   fromOption(),   toOption(),
            widthOption(), themeOption()};
}

CommandLine invalid(const QString& error) {
    CommandLine line;
    line.verb = Verb::Invalid;
    line.error = error;
    return line;
}

// The parsers below return an empty string when the value is good, else the one-line error.

QString parseTime(const QString& option, const QString& text, std::optional<double>& out) {
    bool ok = false;
    const double t = text.toDouble(&ok);
    if (!ok || !std::isfinite(t) || t < 0)
        return QStringLiteral("--%1 wants a time in seconds, 0 or more (got '%2')").arg(option, text);
    out = t;
    return {};
}

QString parseStep(const QString& option, const QString& text, std::optional<uint64_t>& out) {
    bool ok = false;
    const qulonglong n = text.toULongLong(&ok);
    if (!ok || text.startsWith(QLatin1Char('+')))
        return QStringLiteral("--%1 wants a step number, 0 or more (got '%2')").arg(option, text);
    out = n;
    return {};
}

QString parseBudget(const QString& text, std::optional<uint64_t>& out) {
    bool ok = false;
    const qulonglong n = text.toULongLong(&ok);
    if (!ok || n == 0)
        return QStringLiteral("--budget wants a whole number of steps, 1 or more (got '%1')").arg(text);
    out = n;
    return {};
}

// --at STEP|end (state, export).
QString parseAt(const QString& text, CommandLine& line) {
    if (text == QStringLiteral("end")) {
        line.atEnd = true;
        return {};
    }
    bool ok = false;
    const qulonglong n = text.toULongLong(&ok);
    if (!ok || text.startsWith(QLatin1Char('+')))
        return QStringLiteral("--at wants a step number or 'end' (got '%1')").arg(text);
    line.atStep = n;
    return {};
}

// Export's options: everything H6's verb_export.cpp needs, already checked.
QString parseExportOptions(const QCommandLineParser& parser, CommandLine& line) {
    if (!parser.isSet(QStringLiteral("view")))
        return QStringLiteral("export: which view? (--view stage or --view timeline)");
    line.view = parser.value(QStringLiteral("view"));
    if (line.view != QStringLiteral("stage") && line.view != QStringLiteral("timeline"))
        return QStringLiteral("--view wants 'stage' or 'timeline' (got '%1')").arg(line.view);

    if (!parser.isSet(QStringLiteral("out")))
        return QStringLiteral("export: where to? (--out FILE.png, .svg, .pdf or .gif)");
    line.out = parser.value(QStringLiteral("out"));
    const QString suffix = QFileInfo(line.out).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg") && suffix != QStringLiteral("pdf") &&
        suffix != QStringLiteral("gif"))
        return QStringLiteral("--out wants a file ending in .png, .svg, .pdf or .gif (got '%1')").arg(line.out);

    const bool at = parser.isSet(QStringLiteral("at")), atTime = parser.isSet(QStringLiteral("at-time"));
    if (at && atTime)
        return QStringLiteral("export: --at or --at-time, not both");
    if (at) {
        if (QString e = parseAt(parser.value(QStringLiteral("at")), line); !e.isEmpty())
            return e;
    } else if (atTime) {
        if (QString e = parseTime(QStringLiteral("at-time"), parser.value(QStringLiteral("at-time")), line.atTime);
            !e.isEmpty())
            return e;
    } else {
        line.atEnd = true;   // the default: the state at the end of the run
    }

    const bool from = parser.isSet(QStringLiteral("from")), to = parser.isSet(QStringLiteral("to"));
    if (from != to)
        return QStringLiteral("export: a range needs both --from STEP and --to STEP");
    if (from) {
        if (QString e = parseStep(QStringLiteral("from"), parser.value(QStringLiteral("from")), line.fromStep);
            !e.isEmpty())
            return e;
        if (QString e = parseStep(QStringLiteral("to"), parser.value(QStringLiteral("to")), line.toStep); !e.isEmpty())
            return e;
        if (*line.fromStep > *line.toStep)
            return QStringLiteral("export: --from %1 comes after --to %2").arg(*line.fromStep).arg(*line.toStep);
    }

    if (parser.isSet(QStringLiteral("width"))) {
        bool ok = false;
        const int w = parser.value(QStringLiteral("width")).toInt(&ok);
        if (!ok || w < 16 || w > 16384)
            return QStringLiteral("--width wants a whole number from 16 to 16384 (got '%1')")
                .arg(parser.value(QStringLiteral("width")));
        line.width = w;
    }
    if (parser.isSet(QStringLiteral("theme"))) {
        line.theme = parser.value(QStringLiteral("theme"));
        if (line.theme != QStringLiteral("light") && line.theme != QStringLiteral("dark") &&
            line.theme != QStringLiteral("projector"))
            return QStringLiteral("--theme wants 'light', 'dark' or 'projector' (got '%1')").arg(line.theme);
    }
    return {};
}

// run, trace, state, export: VERB [options] SCRIPT.py | --lesson ID.
CommandLine parseScriptVerb(const QStringList& arguments, Verb verb) {
    const QString name = verbName(verb);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QList<QCommandLineOption> options = {helpOption(), interruptOption(), budgetOption(), lessonOption()};
    switch (verb) {
    case Verb::Trace: options += outOption(); break;
    case Verb::State: options += atOption(); break;
    case Verb::Export:
        options += {viewOption(), atOption(), atTimeOption(), fromOption(), toOption(), outOption(), widthOption(),
                    themeOption()};
        break;
    default: break;
    }
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return invalid(parser.errorText());
    CommandLine line;
    if (parser.isSet(QStringLiteral("help"))) {
        line.verb = Verb::Help;
        line.helpFor = verb;
        return line;
    }
    const bool lesson = parser.isSet(QStringLiteral("lesson"));
    const QStringList positional = parser.positionalArguments();   // VERB, SCRIPT
    const int scripts = int(positional.size()) - 1 + (lesson ? 1 : 0);
    if (scripts < 1)
        return invalid(QStringLiteral("%1: which script? (awaitscope %1 SCRIPT.py, or --lesson ID)").arg(name));
    if (scripts > 1)
        return invalid(QStringLiteral("%1: one script at a time (got '%2' too)")
                           .arg(name, lesson && positional.size() > 1 ? positional[1] : positional.value(2)));
    line.verb = verb;
    line.script = positional.value(1);
    line.lesson = parser.value(QStringLiteral("lesson"));
    if (parser.isSet(QStringLiteral("interrupt-at")))
        if (QString e = parseTime(QStringLiteral("interrupt-at"), parser.value(QStringLiteral("interrupt-at")),
                                  line.interruptAt);
            !e.isEmpty())
            return invalid(e);
    if (parser.isSet(QStringLiteral("budget")))
        if (QString e = parseBudget(parser.value(QStringLiteral("budget")), line.budget); !e.isEmpty())
            return invalid(e);

    switch (verb) {
    case Verb::Trace:
        line.out = parser.value(QStringLiteral("out"));
        if (parser.isSet(QStringLiteral("out")) && line.out.isEmpty())
            return invalid(QStringLiteral("--out wants a file name"));
        break;
    case Verb::State:
        if (!parser.isSet(QStringLiteral("at")))
            return invalid(QStringLiteral("state: at which step? (--at STEP, or --at end)"));
        if (QString e = parseAt(parser.value(QStringLiteral("at")), line); !e.isEmpty())
            return invalid(e);
        break;
    case Verb::Export:
        if (QString e = parseExportOptions(parser, line); !e.isEmpty())
            return invalid(e);
        break;
    default: break;
    }
    return line;
}

CommandLine parseWindow(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = helpOption(), version = versionOption(), screenshot = screenshotOption(),
                             lesson = lessonOption(), budget = budgetOption();
    parser.addOptions({help, version, screenshot, lesson, budget});
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
    if (parser.isSet(budget))
        if (QString e = parseBudget(parser.value(budget), line.budget); !e.isEmpty())
            return invalid(e);
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
    scout.addOptions(allOptions());
    scout.parse(arguments);
    const QStringList positional = scout.positionalArguments();
    const QString first = positional.value(0);
    for (const VerbName& v : kScriptVerbs)
        if (first == QLatin1String(v.name))
            return parseScriptVerb(arguments, v.verb);
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
        return invalid(
            QStringLiteral("unknown command '%1' (commands: run, trace, state, export, lessons)").arg(first));
    return parseWindow(arguments);
}

QString helpText(Verb verb) {
    const QString common = QStringLiteral(
        "  --interrupt-at T  Press Ctrl+C at virtual time T (seconds).\n"
        "  --budget N        Stop after N steps (trace events); default 5000000.\n"
        "  --lesson ID       Run a built-in lesson (its number or id) instead of a file.\n"
        "  -h, --help        Show this help.\n");
    switch (verb) {
    case Verb::Run:
        return QStringLiteral(
                   "Usage: awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py\n"
                   "       awaitscope run [--interrupt-at T] [--budget N] --lesson ID\n"
                   "\n"
                   "Runs SCRIPT.py in the simulated world (virtual clock, simulated network) and\n"
                   "prints each line it prints as \"<virtual time>\\t<text>\", then\n"
                   "\"<time>\\t!Type: message\" if it ends with an uncaught exception.\n"
                   "\n"
                   "Options:\n") +
               common +
               QStringLiteral(
                   "\n"
                   "Exit status:\n"
                   "  0  the script ran to its end\n"
                   "  1  it ended with an uncaught exception (the traceback is on stderr)\n"
                   "  2  it could not be run: a syntax error, a missing or unreadable file, bad options\n"
                   "  3  it never ends: stopped at the step budget, or waiting with nothing left to wake it\n");
    case Verb::Trace:
        return QStringLiteral(
                   "Usage: awaitscope trace [--interrupt-at T] [--budget N] [--out FILE] SCRIPT.py | --lesson ID\n"
                   "\n"
                   "Runs the script and writes its trace, the events the views are built from,\n"
                   "one JSON object per event per line:\n"
                   "  {\"step\":0,\"kind\":\"program.start\",\"clock\":0,\"iter\":0,\"file\":\"a.py\"}\n"
                   "\"step\" counts from 0; \"clock\" and \"iter\" are the virtual time and the loop\n"
                   "iteration once the event has happened; the other fields depend on \"kind\".\n"
                   "Every field is described in docs/json-schema.md.\n"
                   "\n"
                   "Options:\n"
                   "  --out FILE        Write the lines to FILE (replaced whole, or left as it was\n"
                   "                    if writing fails) instead of stdout.\n") +
               common +
               QStringLiteral(
                   "\n"
                   "Exit status: 0 the trace was written (whatever the script did: its end is in\n"
                   "the trace), 2 the script could not be run or the file could not be written.\n");
    case Verb::State:
        return QStringLiteral(
                   "Usage: awaitscope state --at STEP|end [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID\n"
                   "\n"
                   "Runs the script and prints, as one JSON object, the state of the program\n"
                   "after step STEP of its trace (see: awaitscope trace): the tasks and what each\n"
                   "waits on, the loop, the ready queue, the timers, the sockets, the clock, the\n"
                   "output so far. Every field is described in docs/json-schema.md.\n"
                   "\n"
                   "Options:\n"
                   "  --at STEP         A step number (from 0), or 'end' for the last step.\n") +
               common +
               QStringLiteral(
                   "\n"
                   "Exit status: 0 printed, 2 the script could not be run, bad options, or STEP is\n"
                   "past the end of the run.\n");
    case Verb::Export:
        return QStringLiteral(
                   "Usage: awaitscope export --view stage|timeline --out FILE [options] SCRIPT.py | --lesson ID\n"
                   "\n"
                   "Runs the script and draws one view of it at one step into an image file,\n"
                   "with no window (no display needed).\n"
                   "\n"
                   "Options:\n"
                   "  --view VIEW       stage (the loop, the ready queue, timers, tasks) or\n"
                   "                    timeline (a row per task over virtual time).\n"
                   "  --out FILE        FILE.png, FILE.svg, FILE.pdf or FILE.gif (an animation of\n"
                   "                    the steps from --from to --to).\n"
                   "  --at STEP         The step to draw: a number (from 0), or 'end' (the default).\n"
                   "  --at-time T       The last step at or before virtual time T (seconds).\n"
                   "  --from STEP --to STEP\n"
                   "                    A range of steps (the timeline's span, the GIF's frames).\n"
                   "  --width W         The image's width (pixels; points for PDF).\n"
                   "  --theme THEME     light (the default), dark or projector.\n") +
               common;
    default: break;
    }
    return QStringLiteral(
        "Usage: awaitscope [--budget N] [SCRIPT.py | --lesson ID]\n"
        "       awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID\n"
        "       awaitscope trace [--out FILE] [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID\n"
        "       awaitscope state --at STEP|end [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID\n"
        "       awaitscope export --view stage|timeline --out FILE [options] SCRIPT.py | --lesson ID\n"
        "       awaitscope lessons\n"
        "\n"
        "Awaitscope runs Python asyncio programs in its own engine, in a simulated\n"
        "world with a virtual clock, and shows the event loop at work.\n"
        "\n"
        "With no command it opens the window (with SCRIPT.py in the editor, if given).\n"
        "\n"
        "Commands:\n"
        "  run SCRIPT.py     Run the script and print what it prints, with virtual times.\n"
        "  trace SCRIPT.py   Print the run's trace: one JSON object per event per line.\n"
        "  state SCRIPT.py   Print the state at one step of the run as JSON.\n"
        "  export SCRIPT.py  Draw the stage or the timeline into a PNG, SVG, PDF or GIF.\n"
        "  lessons           List the built-in lessons (id and title).\n"
        "  See: awaitscope COMMAND --help\n"
        "\n"
        "Options:\n"
        "  --lesson ID    Open a built-in lesson (its number or id).\n"
        "  --budget N     Stop runs after N steps (trace events); default 5000000.\n"
        "  -h, --help     Show this help.\n"
        "  -v, --version  Show the version.\n");
}

}  // namespace aw::app
