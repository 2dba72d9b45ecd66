#pragma once
// What every verb that runs a script does first: find the script (a file or
// a built-in lesson), read it as UTF-8, and turn the command line's run
// options into the engine's. One place, so run, trace, state and export
// refuse the same inputs with the same words.

#include "app/cli/command_line.h"
#include "core/run/runner.h"

#include <QString>

#include <string>

namespace aw::app {

struct ScriptInput {
    bool ok = false;
    std::string source;     // UTF-8
    std::string filename;   // as tracebacks name it: the absolute path, or "lessons/NN-slug/script.py"
    std::string error;      // when !ok: the whole stderr line, "awaitscope: cannot run 'x.py': no such file\n"
};

ScriptInput loadScript(const CommandLine& line);

// --interrupt-at and --budget as RunOptions.
run::RunOptions runOptions(const CommandLine& line);

// Writes a run's syntax error the way `awaitscope run` does: the oracle's
// one line on stdout, CPython's report on stderr.
void writeSyntaxError(const run::RunResult& result, const ScriptInput& input);

void writeTo(std::FILE* stream, const std::string& text);

}  // namespace aw::app
