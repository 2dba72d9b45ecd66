#include "core/run/code_event_hooks.h"

#include "core/trace/recorder.h"
#include "core/vm/vm.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace aw::run {

namespace {

// What the events of a script unit need, worked out once, when the unit
// first shows up: its code objects' descriptions for the VM's code event
// sink (vm::CodeEvents) point into it.
struct ScriptUnit {
    std::shared_ptr<const bytecode::CodeUnit> unit;   // held: its address is the cache's key
    std::vector<uint32_t> columns;     // per instruction: its expression's packed column range
    std::vector<uint64_t> lineSlots;   // per instruction: its Line event's slot (Recorder::codeSlot), or 0
    bool framed = false;               // a function (not <module>): it gets frame events
    bool qualnameInterned = false;     // interned at its first frame event, as the trace always has
    uint32_t firstLine = 0;            // FramePush's b
    uint32_t qualname = 0;             // FramePush's text
    uint64_t pushSlot = 0;             // FramePush's slot, once the qualname is interned (or 0)
    uint64_t popSlot = 0;              // FramePop's
};

}  // namespace

// The hooks are called for what the VM does not write into the sink itself:
// a code object not described yet, every event while the sink is closed (a
// new chunk, a limit check due, a stop requested), and a slot of 0.
struct CodeEventHooks::State {
    trace::Recorder* recorder = nullptr;   // with a trace
    std::string filename;
    std::unordered_map<const bytecode::CodeUnit*, std::unique_ptr<ScriptUnit>> scriptUnits{};
    // Consecutive lines mostly share a unit, or alternate between a script
    // unit and another (a task's coroutine and asyncio.sleep, every step).
    const bytecode::CodeUnit* lineUnit = nullptr;   // a script unit
    const uint32_t* lineColumns = nullptr;          // its ScriptUnit::columns
    uint32_t lineColumnCount = 0;
    const bytecode::CodeUnit* lastOtherUnit = nullptr;
    // Frame events, cached per code unit: recursion enters the same unit again and again.
    const bytecode::CodeUnit* frameUnit = nullptr;
    const bytecode::CodeUnit* recordedFrameUnit = nullptr;   // frameUnit if a script function, else null
    uint32_t frameFirstLine = 0;
    uint32_t frameQualname = 0;
};

namespace {

using LineHookState = CodeEventHooks::State;

// The ScriptUnit of `code`'s unit, or null when the unit is not the script's.
ScriptUnit* scriptUnit(LineHookState* s, const vm::CodeObj& code) {
    const std::shared_ptr<const bytecode::CodeUnit>& unit = code.m_unit;
    if (unit->filename != s->filename) return nullptr;
    std::unique_ptr<ScriptUnit>& known = s->scriptUnits[unit.get()];
    if (!known) {
        known = std::make_unique<ScriptUnit>();
        known->unit = unit;
        known->columns.reserve(unit->spans.size());
        // One slot per instruction (a line start may be anywhere); none past the spans.
        known->lineSlots.assign(std::max(unit->spans.size(), unit->code.size()), 0);
        for (size_t ip = 0; ip < unit->spans.size(); ++ip) {   // to the end of the line if it goes on
            const lang::SourceSpan& span = unit->spans[ip];
            known->columns.push_back(trace::packColumns(span.col, span.endLine == span.line ? span.endCol : 0xFFFF));
            // The VM gives the line hook the line of the instruction at m_lastIp: span.line.
            known->lineSlots[ip] = s->recorder->codeSlot(trace::EventKind::Line, span.line, known->columns.back());
        }
        known->framed = unit->name != "<module>";
        known->firstLine = static_cast<uint32_t>(std::max(unit->firstLine, 0));
        known->popSlot = known->framed ? s->recorder->codeSlot(trace::EventKind::FramePop, 0, 0) : 0;
    }
    return known.get();
}

// `code` described for the current sink (vm::CodeEvents), if it is not yet.
void describe(LineHookState* s, vm::CodeObj& code) {
    vm::CodeEvents& events = code.m_events;
    const uint32_t generation = s->recorder->codeEventSink().generation;
    if (events.generation == generation) return;
    events = vm::CodeEvents{};
    events.generation = generation;
    const ScriptUnit* script = scriptUnit(s, code);
    if (!script) return;   // not recorded: the VM skips its hooks while the sink is open
    events.recorded = true;
    events.lineSlots = script->lineSlots.data();
    events.pushSlot = script->pushSlot;
    events.popSlot = script->popSlot;
}

void onLine(void* user, vm::Vm& vm, vm::FrameObj& frame, int32_t line) {
    auto* s = static_cast<LineHookState*>(user);
    describe(s, *frame.m_code);
    // The recorder asks for the run to end (budget, cancel): cut it here, at
    // a line start, where the interpreter checks for a pending error.
    if (s->recorder->stopRequested() != trace::Recorder::Stop::None) {
        vm.cutRun();
        return;
    }
    const bytecode::CodeUnit* unit = frame.m_code->m_unit.get();
    if (unit != s->lineUnit) {
        if (unit == s->lastOtherUnit) return;
        const ScriptUnit* script = scriptUnit(s, *frame.m_code);
        if (!script) {
            s->lastOtherUnit = unit;
            return;
        }
        s->lineUnit = unit;
        s->lineColumns = script->columns.data();
        s->lineColumnCount = static_cast<uint32_t>(script->columns.size());
    }
    const uint32_t ip = frame.m_lastIp;
    s->recorder->linePacked(line, ip < s->lineColumnCount ? s->lineColumns[ip] : 0);
}

// Frame events for the functions of the user's script (the module's own
// frame is the top level itself, so it has none). A coroutine's frame is
// pushed when it first runs and popped when it finishes, under the task
// running then, so each task's events give its stack of the script's frames.
void onFrame(void* user, vm::Vm&, vm::FrameObj& frame, bool entering) {
    auto* s = static_cast<LineHookState*>(user);
    vm::CodeObj& code = *frame.m_code;
    describe(s, code);
    const bytecode::CodeUnit* unit = code.m_unit.get();
    if (unit != s->frameUnit) {
        ScriptUnit* script = scriptUnit(s, code);
        s->frameUnit = unit;
        s->recordedFrameUnit = script && script->framed ? unit : nullptr;
        if (!s->recordedFrameUnit) return;
        if (!script->qualnameInterned) {
            script->qualname = s->recorder->intern(unit->qualname);
            script->qualnameInterned = true;
            script->pushSlot = s->recorder->codeSlot(trace::EventKind::FramePush, int32_t(script->firstLine), script->qualname);
        }
        code.m_events.pushSlot = script->pushSlot;   // described before the qualname was interned
        s->frameFirstLine = script->firstLine;
        s->frameQualname = script->qualname;
    }
    if (!s->recordedFrameUnit) return;
    if (entering) s->recorder->framePush(s->frameFirstLine, s->frameQualname);
    else s->recorder->framePop();
}

}  // namespace

CodeEventHooks::CodeEventHooks(trace::Recorder& recorder, std::string scriptFilename)
    : m_state(std::make_unique<State>()) {
    m_state->recorder = &recorder;
    m_state->filename = std::move(scriptFilename);
}

CodeEventHooks::~CodeEventHooks() = default;

void CodeEventHooks::installLines(vm::Vm& vm) {
    vm.setLineHook(onLine, m_state.get());
    installSink(vm);
}

void CodeEventHooks::installFrames(vm::Vm& vm) {
    vm.setFrameHook(onFrame, m_state.get());
    installSink(vm);
}

void CodeEventHooks::installSink(vm::Vm& vm) {
    if (vm.codeEventSink() == &m_state->recorder->codeEventSink()) return;
    vm.setCodeEventSink(&m_state->recorder->codeEventSink());
    m_state->recorder->openCodeEventSink();
}

void CodeEventHooks::uninstall(vm::Vm& vm) {
    vm.setLineHook(nullptr, nullptr);
    vm.setFrameHook(nullptr, nullptr);
    vm.setCodeEventSink(nullptr);
}

}  // namespace aw::run
