#pragma once
// How a run ended, as the exit status and the stderr lines every verb that
// runs a script shares (run, trace, state): 1 and the traceback for an
// uncaught exception, 3 and a sentence for a cut or a hang, 0 otherwise.

#include "core/run/runner.h"

#include <cstdint>

namespace aw::app {

int reportRunOutcome(const run::RunResult& result, uint64_t stepBudget);

}  // namespace aw::app
