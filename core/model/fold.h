#pragma once
// Applying one trace event to a State: the only place that knows what each
// event means for the stage. fold.cpp has the program/loop/handle/task/world
// families; fold_sync.cpp has Queue/Lock/Semaphore/Event/Condition.

#include "core/model/state.h"
#include "core/trace/trace.h"

namespace aw::model {

// Applies `trace[step]` to `state` (which must be the state at step-1, or the
// empty State for step 0) and sets state.step = step.
void applyEvent(State& state, const trace::Trace& trace, Step step);

}  // namespace aw::model
