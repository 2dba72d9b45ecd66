#pragma once
// Random access to the state at any step of a trace: checkpoints every K
// events, so stateAt(k) copies one checkpoint and folds at most K events
// (target: under 2 ms for any k of a 10-million-event trace; see
// tests/bench/). Also the per-run lists that do not belong in every State:
// output lines and notes with their steps and clocks, and the clock and loop
// iteration at every step (derived once, for the step queries and the
// timeline).
//
// Built incrementally: extend() folds the events appended since the last
// call, so a trace arriving in chunks from the worker can be indexed as it
// grows. Not thread-safe: one thread calls extend() and stateAt().

#include "core/model/state.h"
#include "core/trace/trace.h"

#include <memory>
#include <string_view>
#include <vector>

namespace aw::model {

struct TimedText {
    Step step = 0;
    double clock = 0.0;
    std::string_view text;
};

class StateIndex {
public:
    // `trace` must outlive the index.
    explicit StateIndex(std::shared_ptr<const trace::Trace> trace, Step checkpointEvery = 4096);

    // Folds events [indexed(), limit) (limit clamped to trace size).
    void extend(Step limit = kNoStep);
    Step indexed() const;               // events folded so far
    Step size() const { return indexed(); }
    bool empty() const { return indexed() == 0; }
    Step lastStep() const { return indexed() == 0 ? 0 : indexed() - 1; }

    State stateAt(Step step) const;     // step clamped to lastStep()
    const State& finalState() const;    // the state at lastStep()

    double clockAt(Step step) const;
    uint64_t iterationAt(Step step) const;

    const std::vector<TimedText>& outputs() const;
    const std::vector<TimedText>& notes() const;
    const std::vector<TimedText>& reports() const;   // what asyncio wrote to stderr (Stderr events)

    // Checkpoints may use about this much memory (default 128 MiB), or as much
    // as the trace's events when that is more: when they outgrow it, K doubles
    // and every other checkpoint goes, so stateAt folds at most K events from
    // a copy.
    void setMemoryBudget(std::size_t bytes);
    Step checkpointEvery() const;       // the current K
    std::size_t checkpointCount() const;

    const trace::Trace& trace() const { return *m_trace; }
    std::shared_ptr<const trace::Trace> sharedTrace() const { return m_trace; }

    std::size_t memoryBytes() const;    // checkpoints and per-step tables

private:
    struct Impl;
    std::shared_ptr<const trace::Trace> m_trace;
    std::unique_ptr<Impl> m_impl;
public:
    ~StateIndex();
    StateIndex(StateIndex&&) noexcept;
    StateIndex& operator=(StateIndex&&) noexcept;
};

}  // namespace aw::model
