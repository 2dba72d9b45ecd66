#include "app/cli/run_outcome.h"

#include "app/cli/script_input.h"

#include <cstdio>
#include <string>

namespace aw::app {

int reportRunOutcome(const run::RunResult& result, uint64_t stepBudget) {
    // What the script wrote to stderr (asyncio's "Task exception was never retrieved", ...).
    writeTo(stderr, result.errorOutput);
    if (!result.errorOutput.empty() && result.errorOutput.back() != '\n')
        writeTo(stderr, "\n");
    if (!result.exceptionType.empty()) {
        std::string traceback = result.traceback;
        if (traceback.empty())  // still say what ended the run
            traceback = result.exceptionType + (result.exceptionMessage.empty() ? "" : ": " + result.exceptionMessage);
        if (traceback.back() != '\n')
            traceback += '\n';
        writeTo(stderr, traceback);
        return 1;
    }
    if (result.cut) {
        writeTo(stderr, "awaitscope: stopped after " + std::to_string(stepBudget) +
                            " steps (the step budget); the program may never end\n");
        return 3;
    }
    if (result.hung) {
        writeTo(stderr, "awaitscope: the program is waiting with nothing left that could wake it\n");
        return 3;
    }
    return 0;
}

}  // namespace aw::app
