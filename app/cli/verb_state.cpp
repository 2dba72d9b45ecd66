// awaitscope state --at STEP|end [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID
//
// The state after one step of the run, as the JSON object of
// core/model/state_json.h (docs/json-schema.md), on one line of stdout.
// Exit: as `run` (0, 1 uncaught exception, 3 cut or hung: the state is
// printed in every case), 2 could not run, or STEP is past the end.

#include "app/cli/run_outcome.h"
#include "app/cli/script_input.h"
#include "app/cli/verbs.h"

#include "core/model/state_index.h"
#include "core/model/state_json.h"

#include <cstdio>
#include <string>

namespace aw::app {

int stateVerb(const CommandLine& line) {
    const ScriptInput input = loadScript(line);
    if (!input.ok) {
        writeTo(stderr, input.error);
        return 2;
    }
    const run::RunOptions options = runOptions(line);
    const run::RunResult result = run::runScript(input.source, input.filename, options);
    if (result.syntaxError) {
        writeTo(stderr, run::formatSyntaxError(*result.syntaxError, input.filename, input.source));
        return 2;
    }
    model::StateIndex index(result.trace);
    index.extend();
    const model::Step last = index.lastStep();
    const model::Step step = line.atEnd ? last : line.atStep.value_or(last);
    if (step > last) {
        writeTo(stderr, "awaitscope: --at " + std::to_string(step) + " is past the end of the run (its last step is " +
                            std::to_string(last) + ")\n");
        return 2;
    }
    writeTo(stdout, model::stateToJson(index.stateAt(step), index) + "\n");
    std::fflush(stdout);
    return reportRunOutcome(result, options.stepBudget);
}

}  // namespace aw::app
