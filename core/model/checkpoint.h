#pragma once
// A State stored compactly, for StateIndex's checkpoints. The checkpoints'
// memory is bounded (state_index.h), so their size sets K, the events
// stateAt may have to fold: on a run with a thousand live tasks a plain
// State copy (a 216-byte TaskInfo per task, its frames and callbacks in
// place, a 120-byte FutureInfo per future) would force K = 32768 where the
// fold needs K = 16384 to stay under 2 ms. Tasks, futures and timers are packed here (text as
// pointer + 32-bit length, steps as 32 bits, frames and callbacks in one
// shared array each) and unpacked by restore(); the rest of the State is
// kept as it is, but for the fold's caches (dropFoldCaches).
#include "core/model/state.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aw::model {

class Checkpoint {
public:
    explicit Checkpoint(const State& state);
    State restore() const;
    Step step() const { return m_rest.step; }
    std::size_t bytes() const;      // heap and object bytes, as StateIndex counts them

private:
    struct Range {
        uint32_t begin = 0;
        uint32_t count = 0;
    };
    // Text as a pointer and a 32-bit length, kept apart so that no padding follows each pointer.
    struct PackedTask {
        const char* name;
        const char* coro;
        const char* outcome;
        uint32_t nameSize, coroSize, outcomeSize;
        Id id;
        TaskStatus status;
        WaitKind waitKind;
        int line;
        int colStart, colEnd;
        Id awaiting;
        uint32_t cancelRequests;
        uint32_t created, finished;
        uint32_t colorIndex;
        Id awaitedBy;
        Range frames, callbacks;
    };

    struct PackedFuture {
        const char* kind;
        const char* outcome;
        uint32_t kindSize, outcomeSize;
        Id id;
        FutureStatus status;
        Range callbacks;
        Id timer, socket, sync, awaitedBy;
        uint32_t created, finished;
    };

    State m_rest;                           // everything but `tasks`, `futures` and `timers` (empty here)
    std::vector<PackedTask> m_tasks;
    std::vector<PackedFuture> m_futures;
    struct PackedTimer {
        const char* callback;
        double when;
        Id handle;
        uint32_t callbackSize;
        uint32_t since;
        Id future;
        bool cancelled, dropped;
    };
    std::vector<PackedTimer> m_timers;
    std::vector<Frame> m_frames;            // every task's frames, task after task
    std::vector<std::string_view> m_callbacks;   // every task's and future's callbacks
};

}  // namespace aw::model
