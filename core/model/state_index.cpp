// StateIndex: checkpoints of the folded State every K events, and the per-run
// tables (clock and iteration change points, output lines, notes, reports).
//
// Memory: a checkpoint is a State packed by Checkpoint (checkpoint.h). K starts at the constructor's
// value and doubles (dropping every other checkpoint) whenever the
// checkpoints outgrow the budget (the larger of setMemoryBudget's and the
// trace's own size), so a long run with a big State keeps a
// bounded number of bytes at the price of folding more events per stateAt.
// The clock and the iteration are stored only where they change (a step and
// a value), and found by binary search.
#include "core/model/state_index.h"

#include "core/model/checkpoint.h"
#include "core/model/fold.h"

#include <algorithm>

namespace aw::model {

namespace {

template <typename T>
std::size_t vectorBytes(const std::vector<T>& v) { return v.capacity() * sizeof(T); }

// Heap bytes a State owns (roughly: containers' blocks, not allocator overhead).
std::size_t stateBytes(const State& s)
{
    std::size_t n = sizeof(State) + vectorBytes(s.tasks) + vectorBytes(s.futures) + vectorBytes(s.sockets) +
                    vectorBytes(s.syncs) + heapBytes(s.topFrames) + s.ready.size() * sizeof(ReadyEntry) +
                    s.timers.size() * sizeof(TimerEntry);
    for (const TaskInfo& t : s.tasks) n += heapBytes(t.frames) + heapBytes(t.callbacks);
    for (const FutureInfo& f : s.futures) n += heapBytes(f.callbacks);
    for (const SyncInfo& y : s.syncs) n += vectorBytes(y.waiters) + vectorBytes(y.items);
    n += s.fold.handles.memoryBytes() + vectorBytes(s.fold.hints.taskIds) + vectorBytes(s.fold.hints.futureIds);
    return n;
}

template <typename T>
struct ChangePoints {
    std::vector<Step> steps;    // increasing
    std::vector<T> values;      // the value from that step on
    T initial{};

    void record(Step step, T value) {
        if (value == (values.empty() ? initial : values.back())) return;
        steps.push_back(step);
        values.push_back(value);
    }
    T at(Step step) const {
        auto it = std::upper_bound(steps.begin(), steps.end(), step);
        return it == steps.begin() ? initial : values[static_cast<std::size_t>(it - steps.begin()) - 1];
    }
    std::size_t bytes() const { return vectorBytes(steps) + vectorBytes(values); }
};

}  // namespace

struct StateIndex::Impl {
    Step every = 4096;
    std::size_t budget = std::size_t{128} << 20;
    std::vector<Checkpoint> checkpoints;   // checkpoints[c] is the state at step c * every
    std::size_t checkpointBytes = 0;
    State current;                      // the state at indexed - 1
    Step indexed = 0;
    ChangePoints<double> clock;
    ChangePoints<uint64_t> iteration;
    std::vector<TimedText> outputs, notes, reports;

    // The budget grows with the trace: checkpoints may cost as much as the events they summarise, read at full
    // size (10M events are 240 MB), so a long run keeps K small enough for stateAt to stay fast. Not the trace's
    // stored size, which depends on how many events fit their 8-byte slots (core/trace/event_slot.h).
    void thinIfOverBudget(std::size_t events) {
        const std::size_t limit = std::max(budget, events * sizeof(trace::Event));
        while (checkpointBytes > limit && checkpoints.size() > 1) {
            every *= 2;
            std::vector<Checkpoint> kept;
            kept.reserve((checkpoints.size() + 1) / 2);
            checkpointBytes = 0;
            for (std::size_t c = 0; c < checkpoints.size(); c += 2) {
                checkpointBytes += checkpoints[c].bytes();
                kept.push_back(std::move(checkpoints[c]));
            }
            checkpoints = std::move(kept);
        }
    }
};

StateIndex::StateIndex(std::shared_ptr<const trace::Trace> trace, Step checkpointEvery)
    : m_trace(std::move(trace)), m_impl(std::make_unique<Impl>())
{
    m_impl->every = std::max<Step>(1, checkpointEvery);
}

StateIndex::~StateIndex() = default;
StateIndex::StateIndex(StateIndex&&) noexcept = default;
StateIndex& StateIndex::operator=(StateIndex&&) noexcept = default;

void StateIndex::extend(Step limit)
{
    Impl& d = *m_impl;
    const Step end = std::min<Step>(limit, m_trace->size());
    Folder folder(d.current);   // d.current.timers is stale until synced (at checkpoints and when done)
    for (Step s = d.indexed; s < end; ++s) {
        folder.apply(*m_trace, s);
        d.clock.record(s, d.current.clock);
        d.iteration.record(s, d.current.loop.iteration);
        const trace::Event& e = (*m_trace)[s];
        if (e.kind == trace::EventKind::Output) d.outputs.push_back({s, d.current.clock, m_trace->text(e)});
        else if (e.kind == trace::EventKind::Note) d.notes.push_back({s, d.current.clock, m_trace->text(e)});
        else if (e.kind == trace::EventKind::Stderr) d.reports.push_back({s, d.current.clock, m_trace->text(e)});
        d.indexed = s + 1;
        if (s % d.every == 0) {
            folder.sync();
            d.checkpoints.emplace_back(d.current);
            d.checkpointBytes += d.checkpoints.back().bytes();
            d.thinIfOverBudget(m_trace->size());
        }
    }
}

Step StateIndex::indexed() const { return m_impl->indexed; }

State StateIndex::stateAt(Step step) const
{
    const Impl& d = *m_impl;
    if (d.indexed == 0) return State{};
    step = std::min(step, lastStep());
    if (step == lastStep()) return d.current;
    State state = d.checkpoints[static_cast<std::size_t>(step / d.every)].restore();
    if (state.step < step) {
        Folder folder(state);
        for (Step s = state.step + 1; s <= step; ++s) folder.apply(*m_trace, s);
    }
    return state;
}

const State& StateIndex::finalState() const { return m_impl->current; }

double StateIndex::clockAt(Step step) const { return m_impl->clock.at(step); }
uint64_t StateIndex::iterationAt(Step step) const { return m_impl->iteration.at(step); }

const std::vector<TimedText>& StateIndex::outputs() const { return m_impl->outputs; }
const std::vector<TimedText>& StateIndex::notes() const { return m_impl->notes; }
const std::vector<TimedText>& StateIndex::reports() const { return m_impl->reports; }

void StateIndex::setMemoryBudget(std::size_t bytes)
{
    m_impl->budget = bytes;
    m_impl->thinIfOverBudget(m_trace->size());
}

Step StateIndex::checkpointEvery() const { return m_impl->every; }
std::size_t StateIndex::checkpointCount() const { return m_impl->checkpoints.size(); }

std::size_t StateIndex::memoryBytes() const
{
    const Impl& d = *m_impl;
    return sizeof(Impl) + d.checkpointBytes + vectorBytes(d.checkpoints) + stateBytes(d.current) + d.clock.bytes() +
           d.iteration.bytes() + vectorBytes(d.outputs) + vectorBytes(d.notes) + vectorBytes(d.reports);
}

}  // namespace aw::model
