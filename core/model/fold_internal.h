// Internal seam between the generic fold (fold.cpp) and the synchronisation-primitive fold (fold_sync.cpp).
#pragma once

#include "core/model/state.h"
#include "core/trace/trace.h"

namespace aw::model::detail {

// Applies a Queue/Lock/Semaphore/Event/Condition event to `state`. Returns true when it handled the event
// (its kind belongs to the synchronisation primitives), false when the kind is not one of them.
bool applySyncEvent(State& state, const trace::Trace& trace, const trace::Event& e, Step step);

// What a task suspended on `future` waits on (Task, Timer, Socket, Sync, Future), from what the state knows of it.
WaitKind waitKindOf(const State& state, Id future);

// Recomputes TaskInfo::waitKind of the tasks suspended on `future`: call it after linking the future to a
// timer, socket or sync primitive (FutureInfo::timer/socket/sync) once a task may already await it.
void refreshWaiters(State& state, Id future);

} // namespace aw::model::detail
