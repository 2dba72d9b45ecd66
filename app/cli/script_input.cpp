#include "app/cli/script_input.h"

#include "ui/lesson_list.h"
#include "ui/script_file.h"

#include <QFileInfo>

#include <cstdio>

namespace aw::app {

void writeTo(std::FILE* stream, const std::string& text) { std::fwrite(text.data(), 1, text.size(), stream); }

ScriptInput loadScript(const CommandLine& line) {
    ScriptInput input;
    QString path = line.script;
    // Tracebacks name the script by its absolute path, as CPython 3.11 does for `python3 SCRIPT.py`;
    // a lesson by its folder, as the lesson list shows it.
    input.filename = QFileInfo(line.script).absoluteFilePath().toStdString();
    if (!line.lesson.isEmpty()) {
        const std::optional<ui::Lesson> lesson = ui::findLesson(line.lesson);
        if (!lesson) {
            input.error = "awaitscope: no lesson '" + line.lesson.toStdString() +
                          "' (awaitscope lessons lists them by number and id)\n";
            return input;
        }
        path = lesson->scriptPath();
        input.filename = "lessons/" + lesson->folder.toStdString() + "/script.py";
    }
    ui::ScriptFile script = ui::readScriptFile(path);
    if (!script.ok) {
        input.error = "awaitscope: cannot run '" + path.toStdString() + "': " + script.error.toStdString() + "\n";
        return input;
    }
    input.ok = true;
    input.source = std::move(script.source);
    return input;
}

run::RunOptions runOptions(const CommandLine& line) {
    run::RunOptions options;
    options.interruptAt = line.interruptAt;
    if (line.budget)
        options.stepBudget = *line.budget;
    return options;
}

void writeSyntaxError(const run::RunResult& result, const ScriptInput& input) {
    const lang::SyntaxError& e = *result.syntaxError;
    // CPython's str(SyntaxError): "message (file.py, line 3)", which is what the
    // oracle (vtrun.py) prints as its "!SyntaxError: ..." line on stdout.
    writeTo(stdout, "0.000\t!" + e.type + ": " + e.message + " (" +
                        QFileInfo(QString::fromStdString(input.filename)).fileName().toStdString() + ", line " +
                        std::to_string(e.line) + ")\n");
    std::fflush(stdout);
    writeTo(stderr, run::formatSyntaxError(e, input.filename, input.source));
}

}  // namespace aw::app
