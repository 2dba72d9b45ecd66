// awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID
//
// stdout: the run in WORLD.md's format (what ../shared/conformance compares).
// stderr: what a person needs besides (the traceback, why the run was cut).
// Exit: 0 ran to the end, 1 uncaught exception, 2 could not run, 3 never ends.

#include "app/cli/run_outcome.h"
#include "app/cli/script_input.h"
#include "app/cli/verbs.h"

#include <cstdio>

namespace aw::app {

int runVerb(const CommandLine& line) {
    const ScriptInput input = loadScript(line);
    if (!input.ok) {
        writeTo(stderr, input.error);
        return 2;
    }
    const run::RunOptions options = runOptions(line);
    const run::RunResult result = run::runScript(input.source, input.filename, options);
    if (result.syntaxError) {
        writeSyntaxError(result, input);
        return 2;
    }
    writeTo(stdout, run::formatRun(result));
    std::fflush(stdout);  // the output first, then what went wrong (when both go to one terminal)
    return reportRunOutcome(result, options.stepBudget);
}

}  // namespace aw::app
