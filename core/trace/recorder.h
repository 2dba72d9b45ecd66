#pragma once
// The glue that writes a run's events into a Trace: program events from the
// runner, code events from the VM's line hook, world and asyncio events from
// the `_awaitscope` native module. It also remembers which task is running
// (from the `task.state` events asyncio writes), so a Line event can name
// its owner without the VM knowing what a task is.
//
// Every event of a run passes through here, so this is also where the run's
// limits are watched (the step budget in events, a cancel flag another
// thread may set, a periodic progress call) and where a due intervention
// ("cancel task X once the trace reaches step k") is found. The Recorder only
// says that the run should stop (stopRequested()); the code that holds the
// VM (the runner's line hook, `_awaitscope.trace`) cuts it.
//
// A Recorder without a trace (null) accepts every call and records nothing,
// so callers never need to check.

#include "core/trace/trace.h"
#include "core/vm/code_event_sink.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace aw::trace {

class Recorder {
public:
    enum class Stop : uint8_t {
        None,
        Budget,      // the trace holds the step budget's events
        Cancelled,   // the cancel flag was set
    };

    // The recorder is its trace's only writer from here on: it counts its
    // events by the trace's size.
    explicit Recorder(Trace* trace = nullptr) : m_trace(trace), m_base(trace ? trace->writerSize() : 0) {}
    ~Recorder() {
        if (m_trace) takeSinkEvents();
    }
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    Trace* trace() const { return m_trace; }
    bool enabled() const { return m_trace != nullptr; }

    // Any event. TaskState events also update currentOwner().
    void event(EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view s = {}) {
        if (!m_trace) return;
        append(Event{kind, 0, 0, a, b, s.empty() ? 0u : m_trace->strings().intern(s), x});
    }

    // Any event whose text the caller interned already (Trace::strings()), for hot paths.
    void eventWithText(EventKind kind, uint32_t a, uint32_t b, uint32_t textId) {
        if (!m_trace) return;
        append(Event{kind, 0, 0, a, b, textId, 0.0});
    }
    uint32_t intern(std::string_view text) { return m_trace ? m_trace->strings().intern(text) : 0u; }

    // program
    void programStart(std::string_view filename) { event(EventKind::ProgramStart, 0, 0, 0.0, filename); }
    void output(std::string_view line) { event(EventKind::Output, 0, 0, 0.0, line); }
    void errorOutput(std::string_view text) { event(EventKind::Stderr, 0, 0, 0.0, text); }
    void uncaught(std::string_view typeAndMessage) { event(EventKind::Uncaught, 0, 0, 0.0, typeAndMessage); }
    void programEnd(uint32_t exitCode) { event(EventKind::ProgramEnd, exitCode); }
    void programCut(std::string_view why) { event(EventKind::ProgramCut, 0, 0, 0.0, why); }
    void note(std::string_view text) { event(EventKind::Note, 0, 0, 0.0, text); }

    // code: a line of user code reached, with the column range of its expression.
    void line(int32_t line, int32_t colStart, int32_t colEnd) {
        if (!m_trace) return;
        linePacked(line, packColumns(colStart, colEnd));
    }

    // Code events for the VM's hooks (core/run/code_event_hooks): Line needs
    // the columns packed (packColumns), FramePush the qualname interned.
    void linePacked(int32_t line, uint32_t packedColumns) {
        appendKeepingOwner(Event{EventKind::Line, 0, 0, m_owner, lineNumber(line), packedColumns, 0.0});
    }
    void framePush(uint32_t firstLine, uint32_t qualnameId) {
        appendKeepingOwner(Event{EventKind::FramePush, 0, 0, m_owner, firstLine, qualnameId, 0.0});
    }
    void framePop() { appendKeepingOwner(Event{EventKind::FramePop, 0, 0, m_owner, 0, 0, 0.0}); }
    // The slot of a Line (b: the line, s: packed columns), FramePush (b: the
    // first line, s: the qualname's id) or FramePop event, less its owner; 0
    // when it has none (the trace's pair table is full: record it the ordinary way).
    uint64_t codeSlot(EventKind kind, int32_t b, uint32_t s) {
        if (kind == EventKind::FramePop) return slot::compact(kind, 0, 0);
        const uint32_t pair = m_trace->pairId(lineNumber(b), s);
        return pair == Trace::kNoPair ? 0 : slot::compact(kind, pair, 0);
    }

    // The VM's code event sink (core/vm/code_event_sink.h), for a recorder
    // with a trace. The VM writes its code events, as codeSlot()s, straight
    // into the trace's current chunk while the sink is open: up to the chunk's
    // end or the next limit check, and not once a stop is requested. The
    // recorder takes them in before it records or counts anything itself,
    // and reopens the sink after. So the trace's size (what readers see) may
    // lag what the VM wrote by up to a limit check's span (kCancelPollEvents
    // with a cancel flag) until the next event, events() or the recorder's end.
    vm::CodeEventSink& codeEventSink() { return m_sink; }
    void openCodeEventSink() {
        takeSinkEvents();
        openSink();
    }

    // The task whose step is running (0: top level or a plain callback).
    uint32_t currentOwner() const { return m_owner; }

    // ------------------------------------------------------------ limits
    // Stop once the trace holds `events` events (capped below Trace::kCapacity).
    void setStepBudget(uint64_t events);
    // Stop soon after `*flag` becomes true (polled every kCancelPollEvents events).
    void setCancelFlag(const std::atomic<bool>* flag);
    // `callback(events)` every `every` events (every > 0).
    void setProgress(std::function<void(uint64_t events)> callback, uint64_t every);
    // Polls the cancel flag now (for code that may run long between events).
    void pollCancel();
    Stop stopRequested() const { return m_stop; }
    uint64_t events() {   // recorded through it
        if (!m_trace) return 0;
        takeSinkEvents();
        return m_trace->writerSize() - m_base;
    }

    static constexpr uint64_t kCancelPollEvents = 1024;

    // ------------------------------------------------------------ interventions
    // Cancel task `task` (a trace id) once the trace holds event `step`.
    void setTaskCancel(uint32_t task, uint64_t step) { m_cancelTask = task; m_cancelStep = step; }
    // The task to cancel now, if that intervention is due; true only once.
    std::optional<uint32_t> takeDueTaskCancel() {
        if (!m_cancelTask || events() <= m_cancelStep) return std::nullopt;
        const uint32_t task = *m_cancelTask;
        m_cancelTask.reset();
        return task;
    }

private:
    void append(const Event& e) {
        if (e.kind == EventKind::TaskState) noteTaskState(e);
        appendKeepingOwner(e);
    }
    // Any event but a TaskState, the one kind that changes the owner.
    void appendKeepingOwner(const Event& e) {
        takeSinkEvents();
        m_trace->append(e);
        if (m_trace->writerSize() >= m_checkAt) [[unlikely]] check();   // reopens the sink (planNextCheck)
        else openSink();
    }
    // What the VM wrote through the sink, [m_sinkBase, m_sink.write), handed
    // to the trace (published).
    void takeSinkEvents() {
        if (m_sink.write != m_sinkBase) {
            m_trace->adoptWritten(m_sink.write);
            m_sinkBase = m_sink.write;
        }
    }
    // The sink, from the trace's writer position, with room for the events
    // that fit the chunk and come before m_fastUntil - 1 (the size at which
    // an event must go through appendKeepingOwner's check). What the VM wrote
    // must have been taken.
    void openSink() {
        uint64_t* const at = m_trace->writePosition();
        const uint64_t size = m_trace->writerSize();
        const uint64_t room = m_fastUntil > size + 1 ? m_fastUntil - size - 1 : 0;
        const uint64_t inChunk = uint64_t(m_trace->chunkEnd() - at);
        m_sink.write = m_sinkBase = at;
        m_sink.limit = at + (room < inChunk ? room : inChunk);
        m_sink.ownerBits = m_ownerBits;
    }
    static uint32_t lineNumber(int32_t line) { return static_cast<uint32_t>(line < 0 ? 0 : line); }
    void noteTaskState(const Event& e);
    void check();          // the slow path: budget, cancel flag, progress; sets m_checkAt
    void planNextCheck();

    Trace* m_trace = nullptr;
    uint32_t m_owner = 0;
    uint64_t m_ownerBits = 0;   // m_owner where a slot has it (event_slot.h)
    uint32_t m_runningId = 0;   // interned "running" in m_trace's string table

    uint64_t m_base = 0;        // the trace's size when this recorder took it
    // Where the next check() is due, as a trace size: the soonest of the
    // budget, the cancel poll and the progress call (events() units), plus m_base.
    uint64_t m_checkAt = ~uint64_t{0};
    uint64_t m_fastUntil = ~uint64_t{0};   // m_checkAt, or 0 once stopping (openSink())
    vm::CodeEventSink m_sink;
    uint64_t* m_sinkBase = nullptr;   // the trace's writer position when the sink was opened
    uint64_t m_budget = ~uint64_t{0};
    const std::atomic<bool>* m_cancel = nullptr;
    uint64_t m_nextCancelPoll = ~uint64_t{0};
    std::function<void(uint64_t)> m_progress;
    uint64_t m_progressEvery = 0;
    uint64_t m_nextProgress = ~uint64_t{0};
    Stop m_stop = Stop::None;

    std::optional<uint32_t> m_cancelTask;
    uint64_t m_cancelStep = 0;
};

}  // namespace aw::trace
