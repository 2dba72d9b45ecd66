#include "core/run/code_event_hooks.h"

#include "core/trace/recorder.h"
#include "core/vm/vm.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace aw::run {

namespace {


// The hooks run for every line and every call, so what they need of a script
// unit is worked out once, when the unit first shows up: the common path is a
// pointer compare, a table read and the append.
struct ScriptUnit {
    std::shared_ptr<const bytecode::CodeUnit> unit;   // held: its address is the cache's key
    std::vector<uint32_t> columns;     // per instruction: its expression's packed column range
    std::vector<uint64_t> lineSlots;   // per instruction: its Line event's slot (Recorder::codeSlot), or 0
    bool framed = false;               // a function (not <module>): it gets frame events
    bool qualnameInterned = false;     // interned at its first frame event, as the trace always has
    uint32_t firstLine = 0;            // FramePush's b
    uint32_t qualname = 0;             // FramePush's text
    uint64_t pushSlot = 0;             // FramePush's slot, once the qualname is interned (or 0)
};

}  // namespace

struct CodeEventHooks::State {
    trace::Recorder* recorder = nullptr;   // with a trace
    std::string filename;
    std::unordered_map<const bytecode::CodeUnit*, std::unique_ptr<ScriptUnit>> scriptUnits{};
    // Consecutive lines mostly share a unit, or alternate between a script
    // unit and another (a task's coroutine and asyncio.sleep, every step).
    const bytecode::CodeUnit* lineUnit = nullptr;   // a script unit
    const uint32_t* lineColumns = nullptr;          // its ScriptUnit::columns
    const uint64_t* lineSlots = nullptr;            // and ::lineSlots
    uint32_t lineColumnCount = 0;
    const bytecode::CodeUnit* lastOtherUnit = nullptr;
    // Frame events, cached per code unit: recursion enters the same unit again and again.
    const bytecode::CodeUnit* frameUnit = nullptr;
    const bytecode::CodeUnit* recordedFrameUnit = nullptr;   // frameUnit if a script function, else null
    uint32_t frameFirstLine = 0;
    uint32_t frameQualname = 0;
    uint64_t framePushSlot = 0;   // 0: none (record FramePush the ordinary way)
    uint64_t framePopSlot = 0;
};

namespace {

using LineHookState = CodeEventHooks::State;

// The ScriptUnit of `frame`'s unit, or null when the unit is not the script's.
ScriptUnit* scriptUnit(LineHookState* s, const vm::FrameObj& frame) {
    const std::shared_ptr<const bytecode::CodeUnit>& unit = frame.m_code->m_unit;
    if (unit->filename != s->filename) return nullptr;
    std::unique_ptr<ScriptUnit>& known = s->scriptUnits[unit.get()];
    if (!known) {
        known = std::make_unique<ScriptUnit>();
        known->unit = unit;
        known->columns.reserve(unit->spans.size());
        known->lineSlots.reserve(unit->spans.size());
        for (const lang::SourceSpan& span : unit->spans) {   // to the end of the line if it goes on
            known->columns.push_back(trace::packColumns(span.col, span.endLine == span.line ? span.endCol : 0xFFFF));
            // The VM gives the line hook the line of the instruction at m_lastIp: span.line.
            known->lineSlots.push_back(s->recorder->codeSlot(trace::EventKind::Line, span.line, known->columns.back()));
        }
        known->framed = unit->name != "<module>";
        known->firstLine = static_cast<uint32_t>(std::max(unit->firstLine, 0));
    }
    return known.get();
}
// onLine when its common path does not apply: a stop requested, a unit other
// than the last line's, a new trace chunk or a limit check due.
[[gnu::noinline]] void onLineSlow(LineHookState* s, vm::Vm& vm, vm::FrameObj& frame, int32_t line) {
    // The recorder asks for the run to end (budget, cancel): cut it here, at
    // a line start, where the interpreter checks for a pending error.
    if (s->recorder->stopRequested() != trace::Recorder::Stop::None) {
        vm.cutRun();
        return;
    }
    const bytecode::CodeUnit* unit = frame.m_code->m_unit.get();
    if (unit != s->lineUnit) {
        if (unit == s->lastOtherUnit) return;
        const ScriptUnit* script = scriptUnit(s, frame);
        if (!script) {
            s->lastOtherUnit = unit;
            return;
        }
        s->lineUnit = unit;
        s->lineColumns = script->columns.data();
        s->lineSlots = script->lineSlots.data();
        s->lineColumnCount = static_cast<uint32_t>(script->columns.size());
    }
    const uint32_t ip = frame.m_lastIp;
    s->recorder->linePacked(line, ip < s->lineColumnCount ? s->lineColumns[ip] : 0);
}

void onLine(void* user, vm::Vm& vm, vm::FrameObj& frame, int32_t line) {
    auto* s = static_cast<LineHookState*>(user);
    if (frame.m_code->m_unit.get() == s->lineUnit && s->recorder->codeEventFits()) [[likely]] {
        const uint32_t ip = frame.m_lastIp;
        const uint64_t slot = __builtin_expect(ip < s->lineColumnCount, 1) ? s->lineSlots[ip] : 0;
        if (slot != 0) [[likely]] {
            s->recorder->fittingCode(slot);
            return;
        }
    }
    onLineSlow(s, vm, frame, line);
}

// onFrame when its common path does not apply: a unit other than the last
// frame event's, a new trace chunk or a limit check due.
[[gnu::noinline]] void onFrameSlow(LineHookState* s, vm::FrameObj& frame, bool entering) {
    const bytecode::CodeUnit* unit = frame.m_code->m_unit.get();
    if (unit != s->frameUnit) {
        ScriptUnit* script = scriptUnit(s, frame);
        s->frameUnit = unit;
        s->recordedFrameUnit = script && script->framed ? unit : nullptr;
        if (!s->recordedFrameUnit) return;
        if (!script->qualnameInterned) {
            script->qualname = s->recorder->intern(unit->qualname);
            script->qualnameInterned = true;
            script->pushSlot = s->recorder->codeSlot(trace::EventKind::FramePush, int32_t(script->firstLine), script->qualname);
        }
        s->frameFirstLine = script->firstLine;
        s->frameQualname = script->qualname;
        s->framePushSlot = script->pushSlot;
        s->framePopSlot = s->recorder->codeSlot(trace::EventKind::FramePop, 0, 0);
    }
    if (!s->recordedFrameUnit) return;
    if (entering) s->recorder->framePush(s->frameFirstLine, s->frameQualname);
    else s->recorder->framePop();
}

// Frame events for the functions of the user's script (the module's own
// frame is the top level itself, so it has none). A coroutine's frame is
// pushed when it first runs and popped when it finishes, under the task
// running then, so each task's events give its stack of the script's frames.
void onFrame(void* user, vm::Vm&, vm::FrameObj& frame, bool entering) {
    auto* s = static_cast<LineHookState*>(user);
    if (frame.m_code->m_unit.get() == s->recordedFrameUnit && s->recorder->codeEventFits()) [[likely]] {
        const uint64_t slot = entering ? s->framePushSlot : s->framePopSlot;
        if (slot != 0) [[likely]] {
            s->recorder->fittingCode(slot);
            return;
        }
    }
    onFrameSlow(s, frame, entering);
}

}  // namespace

CodeEventHooks::CodeEventHooks(trace::Recorder& recorder, std::string scriptFilename)
    : m_state(std::make_unique<State>()) {
    m_state->recorder = &recorder;
    m_state->filename = std::move(scriptFilename);
}

CodeEventHooks::~CodeEventHooks() = default;

void CodeEventHooks::installLines(vm::Vm& vm) { vm.setLineHook(onLine, m_state.get()); }

void CodeEventHooks::installFrames(vm::Vm& vm) { vm.setFrameHook(onFrame, m_state.get()); }

void CodeEventHooks::uninstall(vm::Vm& vm) {
    vm.setLineHook(nullptr, nullptr);
    vm.setFrameHook(nullptr, nullptr);
}

}  // namespace aw::run
