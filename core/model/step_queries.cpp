// Searches over the trace: "the next line of this task", "the previous loop iteration", "the step at 2.0 s".
//
// A trace may hold ten million events, and a key press must answer at once, so the searches do not read
// every event. The trace is cut into blocks of kBlockEvents events, each summarised once (lazily, and
// extended as the index grows) by the set of event kinds it holds and a small Bloom filter of the task ids
// its task and code events name. A search walks the summaries and reads the events of a block only when the
// block may hold a match: a sparse kind (world.clock, loop.iter, task.new) costs a walk over the summaries,
// a dense one (line) finds its match in the first blocks it reads. The clock is monotonic, so the step at a
// time is a binary search over StateIndex::clockAt.
#include "core/model/step_queries.h"

#include <algorithm>

namespace aw::model {
namespace {

using trace::Event;
using trace::EventKind;

static_assert(static_cast<int>(EventKind::Count) <= 64, "BlockSummary::kinds has one bit per event kind");

constexpr uint64_t bit(EventKind k) {
    return uint64_t{1} << static_cast<unsigned>(k);
}

// Events that belong to one task (or, for code events, to the top level when the owner is 0): `a` names it.
constexpr uint64_t kCodeKinds = bit(EventKind::Line) | bit(EventKind::FramePush) | bit(EventKind::FramePop);
constexpr uint64_t kTaskKinds = kCodeKinds | bit(EventKind::FutureNew) | bit(EventKind::TaskNew) |
                                bit(EventKind::TaskCoro) | bit(EventKind::TaskName) | bit(EventKind::FutureCbAdd) |
                                bit(EventKind::FutureCbRemove) | bit(EventKind::TaskAwait) | bit(EventKind::TaskState) |
                                bit(EventKind::TaskCancelReq) | bit(EventKind::FutureResult) |
                                bit(EventKind::FutureException) | bit(EventKind::FutureCancelled) |
                                bit(EventKind::CtrlCHandled);

bool isTaskEvent(const Event& e) {
    return (kTaskKinds & bit(e.kind)) != 0;
}

// Two bits of a 256-bit Bloom filter per id (Fibonacci hashing): with the few dozen ids a block names, a
// block that does not name an id is skipped about 98% of the time.
struct OwnerBits {
    unsigned first, second;
};
OwnerBits ownerBits(Id id) {
    const uint64_t h = uint64_t{id} * 0x9E3779B97F4A7C15ull;
    return {static_cast<unsigned>(h >> 56), static_cast<unsigned>((h >> 48) & 0xFF)};
}

// The first step a next* query looks at (kNoStep, "no step", has none after it).
Step after(Step from) {
    return from == kNoStep ? kNoStep : from + 1;
}

}  // namespace

void StepQueries::summarise() const {
    const Step n = m_index.indexed();
    const trace::Trace& trace = m_index.trace();
    for (Step s = m_summarised; s < n; ++s) {
        const std::size_t block = s / kBlockEvents;
        if (block >= m_blocks.size())
            m_blocks.resize(block + 1);
        BlockSummary& summary = m_blocks[block];
        const Event& e = trace[s];
        summary.kinds |= bit(e.kind);
        if (isTaskEvent(e)) {
            const auto [first, second] = ownerBits(e.a);
            summary.owners[first / 64] |= uint64_t{1} << (first % 64);
            summary.owners[second / 64] |= uint64_t{1} << (second % 64);
        }
    }
    m_summarised = n;
}

namespace {

bool mayHold(const uint64_t kinds, const std::array<uint64_t, 4>& owners, uint64_t blockKinds,
             std::optional<Id> owner) {
    if ((kinds & blockKinds) == 0)
        return false;
    if (!owner)
        return true;
    const auto [first, second] = ownerBits(*owner);
    return (owners[first / 64] >> (first % 64) & 1) && (owners[second / 64] >> (second % 64) & 1);
}

}  // namespace

template <typename Match>
std::optional<Step> StepQueries::searchForward(Step start, uint64_t kinds, std::optional<Id> owner, Match match) const {
    summarise();
    const Step n = m_summarised;
    if (start >= n)
        return std::nullopt;
    const trace::Trace& trace = m_index.trace();
    for (std::size_t b = start / kBlockEvents; b < m_blocks.size(); ++b) {
        if (!mayHold(kinds, m_blocks[b].owners, m_blocks[b].kinds, owner))
            continue;
        const Step end = std::min<Step>(n, (b + 1) * kBlockEvents);
        for (Step s = std::max<Step>(start, b * kBlockEvents); s < end; ++s)
            if (match(trace[s]))
                return s;
    }
    return std::nullopt;
}

template <typename Match>
std::optional<Step> StepQueries::searchBackward(Step end, uint64_t kinds, std::optional<Id> owner, Match match) const {
    summarise();
    end = std::min(end, m_summarised);
    if (end == 0)
        return std::nullopt;
    const trace::Trace& trace = m_index.trace();
    for (std::size_t b = (end - 1) / kBlockEvents + 1; b-- > 0;) {
        if (!mayHold(kinds, m_blocks[b].owners, m_blocks[b].kinds, owner))
            continue;
        const Step lo = b * kBlockEvents;
        for (Step s = std::min<Step>(end, lo + kBlockEvents); s-- > lo;)
            if (match(trace[s]))
                return s;
    }
    return std::nullopt;
}

std::optional<Step> StepQueries::nextEvent(Step from) const {
    const Step n = m_index.indexed();
    if (from == kNoStep || from + 1 >= n)
        return std::nullopt;
    return from + 1;
}

std::optional<Step> StepQueries::previousEvent(Step from) const {
    const Step n = m_index.indexed();
    if (from == 0 || n == 0)
        return std::nullopt;
    return std::min(from - 1, n - 1);
}

std::optional<Step> StepQueries::nextLine(Step from, std::optional<Id> owner) const {
    return searchForward(after(from), bit(EventKind::Line), owner,
                         [owner](const Event& e) { return e.kind == EventKind::Line && (!owner || e.a == *owner); });
}

std::optional<Step> StepQueries::previousLine(Step from, std::optional<Id> owner) const {
    return searchBackward(from, bit(EventKind::Line), owner,
                          [owner](const Event& e) { return e.kind == EventKind::Line && (!owner || e.a == *owner); });
}

std::optional<Step> StepQueries::nextIteration(Step from) const {
    return searchForward(after(from), bit(EventKind::LoopIter), std::nullopt,
                         [](const Event& e) { return e.kind == EventKind::LoopIter; });
}

std::optional<Step> StepQueries::previousIteration(Step from) const {
    return searchBackward(from, bit(EventKind::LoopIter), std::nullopt,
                          [](const Event& e) { return e.kind == EventKind::LoopIter; });
}

std::optional<Step> StepQueries::nextClockChange(Step from) const {
    return searchForward(after(from), bit(EventKind::WorldClock), std::nullopt,
                         [](const Event& e) { return e.kind == EventKind::WorldClock; });
}

std::optional<Step> StepQueries::previousClockChange(Step from) const {
    return searchBackward(from, bit(EventKind::WorldClock), std::nullopt,
                          [](const Event& e) { return e.kind == EventKind::WorldClock; });
}

Step StepQueries::stepAtTime(double t) const {
    const Step n = m_index.indexed();
    if (n == 0 || !(m_index.clockAt(0) <= t))
        return 0;
    // The virtual clock never goes back: find the last step whose clock is <= t.
    Step lo = 0, hi = n - 1;  // clockAt(lo) <= t holds throughout
    while (lo < hi) {
        const Step mid = lo + (hi - lo + 1) / 2;
        if (m_index.clockAt(mid) <= t)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

std::optional<Step> StepQueries::firstStepOfTask(Id task) const {
    return searchForward(0, bit(EventKind::TaskNew), task,
                         [task](const Event& e) { return e.kind == EventKind::TaskNew && e.a == task; });
}

std::optional<Step> StepQueries::lastStepOfTask(Id task) const {
    if (!firstStepOfTask(task))
        return std::nullopt;  // not a task (a plain future or a handle has events too)
    return searchBackward(kNoStep, kTaskKinds, task, [task](const Event& e) { return isTaskEvent(e) && e.a == task; });
}

std::optional<Step> StepQueries::stepOfOutput(std::size_t lineIndex) const {
    const auto& outputs = m_index.outputs();
    if (lineIndex >= outputs.size())
        return std::nullopt;
    return outputs[lineIndex].step;
}

}  // namespace aw::model
