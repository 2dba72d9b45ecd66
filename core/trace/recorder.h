#pragma once
// The glue that writes a run's events into a Trace: program events from the
// runner, code events from the VM's line hook, world and asyncio events from
// the `_awaitscope` native module. It also remembers which task is running
// (from the `task.state` events asyncio writes), so a Line event can name
// its owner without the VM knowing what a task is.
//
// A Recorder without a trace (null) accepts every call and records nothing,
// so callers never need to check.

#include "core/trace/trace.h"

#include <cstdint>
#include <string_view>

namespace aw::trace {

class Recorder {
public:
    explicit Recorder(Trace* trace = nullptr) : m_trace(trace) {}

    Trace* trace() const { return m_trace; }
    bool enabled() const { return m_trace != nullptr; }

    // Any event. TaskState events also update currentOwner().
    void event(EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view s = {});

    // program
    void programStart(std::string_view filename) { event(EventKind::ProgramStart, 0, 0, 0.0, filename); }
    void output(std::string_view line) { event(EventKind::Output, 0, 0, 0.0, line); }
    void errorOutput(std::string_view text) { event(EventKind::Stderr, 0, 0, 0.0, text); }
    void uncaught(std::string_view typeAndMessage) { event(EventKind::Uncaught, 0, 0, 0.0, typeAndMessage); }
    void programEnd(uint32_t exitCode) { event(EventKind::ProgramEnd, exitCode); }
    void programCut(std::string_view why) { event(EventKind::ProgramCut, 0, 0, 0.0, why); }
    void note(std::string_view text) { event(EventKind::Note, 0, 0, 0.0, text); }

    // code: a line of user code reached, with the column range of its expression.
    void line(int32_t line, int32_t colStart, int32_t colEnd);

    // The task whose step is running (0: top level or a plain callback).
    uint32_t currentOwner() const { return m_owner; }

private:
    Trace* m_trace = nullptr;
    uint32_t m_owner = 0;
    uint32_t m_runningId = 0;   // interned "running" in m_trace's string table
};

}  // namespace aw::trace
