#pragma once
// "Where is the next ...?": searches over a trace for the transport bar, the
// keyboard and the command line. Each returns the step found, or nullopt when
// there is none in that direction (the caller stays put). `from` itself never
// counts as found: next* looks at (from, end], previous* at [0, from).

#include "core/model/state.h"
#include "core/model/state_index.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace aw::model {

class StepQueries {
public:
    explicit StepQueries(const StateIndex& index) : m_index(index) {}

    std::optional<Step> nextEvent(Step from) const;
    std::optional<Step> previousEvent(Step from) const;

    // A Line event; owner nullopt = any owner, 0 = the top level (and plain
    // callbacks), otherwise only lines run by that task.
    std::optional<Step> nextLine(Step from, std::optional<Id> owner = std::nullopt) const;
    std::optional<Step> previousLine(Step from, std::optional<Id> owner = std::nullopt) const;

    std::optional<Step> nextIteration(Step from) const;      // a loop.iter event
    std::optional<Step> previousIteration(Step from) const;

    std::optional<Step> nextClockChange(Step from) const;    // a world.clock event
    std::optional<Step> previousClockChange(Step from) const;

    // The last step whose clock is <= t (the first step when t is before every event).
    Step stepAtTime(double t) const;

    std::optional<Step> firstStepOfTask(Id task) const;      // its task.new
    std::optional<Step> lastStepOfTask(Id task) const;       // its last event (finished or not)

    std::optional<Step> stepOfOutput(std::size_t lineIndex) const;   // output line n (0-based)

private:
    // A summary of each block of kBlockEvents events, so a search skips the blocks that cannot hold what it
    // looks for and reads at most one block's events per candidate block (see step_queries.cpp). Built on
    // first use and extended as the index grows: about 40 bytes per 512 events.
    static constexpr Step kBlockEvents = 512;
    struct BlockSummary {
        uint64_t kinds = 0;                  // bit k: an event of EventKind k is in the block
        std::array<uint64_t, 4> owners{};    // Bloom filter of the task/owner ids of its task and code events
    };
    void summarise() const;
    // The first matching step in [start, end), the last in [0, end); only blocks that may hold `kinds`
    // (and, when given, `owner`) are read.
    template <typename Match>
    std::optional<Step> searchForward(Step start, uint64_t kinds, std::optional<Id> owner, Match match) const;
    template <typename Match>
    std::optional<Step> searchBackward(Step end, uint64_t kinds, std::optional<Id> owner, Match match) const;

    const StateIndex& m_index;
    mutable std::vector<BlockSummary> m_blocks;
    mutable Step m_summarised = 0;           // events [0, m_summarised) are in m_blocks
};

}  // namespace aw::model
