#pragma once
// Applying one trace event to a State: the only place that knows what each
// event means for the stage. fold.cpp has the program/loop/handle/task/world
// families; fold_sync.cpp has Queue/Lock/Semaphore/Event/Condition.

#include "core/model/state.h"
#include "core/trace/trace.h"

#include <memory>

namespace aw::model {

// Applies `trace[step]` to `state` (which must be the state at step-1, or the
// empty State for step 0) and sets state.step = step.
void applyEvent(State& state, const trace::Trace& trace, Step step);

// Frees what the fold keeps only to go faster (FoldBookkeeping::handles and ::hints) and rebuilds when it next
// needs it: a StateIndex checkpoint is smaller without them. The State compares equal before and after.
void dropFoldCaches(State& state);

// Applies events one after another to a State, like applyEvent, faster on a big State: while it folds, the
// timer heap is kept in sorted chunks (TimerStore: a new timer moves a few dozen entries, not half the heap),
// and `state.timers` is stale until sync() (or the destructor) writes it back. Everything else in the State is
// current after each apply(). StateIndex folds with it.
class Folder {
public:
    explicit Folder(State& state);      // `state` must outlive the Folder
    ~Folder();                          // syncs
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;

    void apply(const trace::Trace& trace, Step step);   // as applyEvent(state, trace, step)
    void sync();                        // makes state.timers current

private:
    struct Timers;
    State& m_state;
    std::unique_ptr<Timers> m_timers;
    bool m_synced = true;
};

}  // namespace aw::model
