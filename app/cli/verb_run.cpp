// awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID
//
// stdout: the run in WORLD.md's format (what ../shared/conformance compares).
// stderr: what a person needs besides (the traceback, why the run was cut).
// Exit: 0 ran to the end, 1 uncaught exception, 2 could not run, 3 never ends.

#include "app/cli/verbs.h"

#include "core/run/runner.h"
#include "ui/lesson_list.h"
#include "ui/script_file.h"

#include <QFileInfo>

#include <cstdio>
#include <string>

namespace aw::app {

namespace {

void write(std::FILE* stream, const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stream);
}

// CPython's str(SyntaxError): "message (file.py, line 3)", which is what the
// oracle (vtrun.py) prints as its "!SyntaxError: ..." line on stdout.
std::string syntaxErrorLine(const lang::SyntaxError& e, const QString& path) {
    return "0.000\t!" + e.type + ": " + e.message + " (" + QFileInfo(path).fileName().toStdString() + ", line " +
           std::to_string(e.line) + ")\n";
}

// What the script wrote to stderr (asyncio's "Task exception was never
// retrieved", ...), once RunResult carries it: compiles with and without the field.
template <typename Result>
void writeErrorOutput(const Result& result) {
    if constexpr (requires { result.errorOutput; }) {
        const std::string& text = result.errorOutput;
        write(stderr, text);
        if (!text.empty() && text.back() != '\n')
            write(stderr, "\n");
    }
}

}  // namespace

int runVerb(const CommandLine& line) {
    QString path = line.script;
    // Tracebacks name the script by its absolute path, as CPython 3.11 does for `python3 SCRIPT.py`;
    // a lesson by its folder, as the lesson list shows it.
    std::string filename = QFileInfo(line.script).absoluteFilePath().toStdString();
    if (!line.lesson.isEmpty()) {
        const std::optional<ui::Lesson> lesson = ui::findLesson(line.lesson);
        if (!lesson) {
            write(stderr, "awaitscope: no lesson '" + line.lesson.toStdString() +
                              "' (awaitscope lessons lists them by number and id)\n");
            return 2;
        }
        path = lesson->scriptPath();
        filename = "lessons/" + lesson->folder.toStdString() + "/script.py";
    }
    const ui::ScriptFile script = ui::readScriptFile(path);
    if (!script.ok) {
        write(stderr, "awaitscope: cannot run '" + path.toStdString() + "': " + script.error.toStdString() + "\n");
        return 2;
    }
    run::RunOptions options;
    options.interruptAt = line.interruptAt;
    if (line.budget)
        options.stepBudget = *line.budget;
    const run::RunResult result = run::runScript(script.source, filename, options);

    if (result.syntaxError) {
        write(stdout, syntaxErrorLine(*result.syntaxError, QString::fromStdString(filename)));
        std::fflush(stdout);
        write(stderr, run::formatSyntaxError(*result.syntaxError, filename, script.source));
        return 2;
    }
    write(stdout, run::formatRun(result));
    std::fflush(stdout);  // the output first, then what went wrong (when both go to one terminal)
    writeErrorOutput(result);
    if (!result.exceptionType.empty()) {
        std::string traceback = result.traceback;
        if (traceback.empty())  // still say what ended the run
            traceback = result.exceptionType + (result.exceptionMessage.empty() ? "" : ": " + result.exceptionMessage);
        if (traceback.back() != '\n')
            traceback += '\n';
        write(stderr, traceback);
        return 1;
    }
    if (result.cut) {
        const uint64_t budget = options.stepBudget;
        write(stderr, "awaitscope: stopped after " + std::to_string(budget) +
                          " steps (the step budget); the program may never end\n");
        return 3;
    }
    if (result.hung) {
        write(stderr, "awaitscope: the program is waiting with nothing left that could wake it\n");
        return 3;
    }
    return 0;
}

}  // namespace aw::app
