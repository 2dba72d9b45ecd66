// The VM with the trace hooks the runner installs, timed without the rest of
// runScript, to see what each kind of code event costs on plain Python code:
//   BM_Fib30_NoHooks      fib(30), no trace at all
//   BM_Fib30_Lines        Line events (what `awaitscope run` records)
//   BM_Fib30_LinesFrames  Line plus FramePush/FramePop (the VM's frame hook)
// The hooks below do what core/run/runner.cpp's do: script frames only.
#include "bench_scripts.h"
#include "core/aio/install.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/trace/recorder.h"
#include "core/vm/vm.h"

#include <benchmark/benchmark.h>

#include <algorithm>

namespace {

struct HookState {
    aw::trace::Recorder* recorder = nullptr;
    std::string filename;
    const aw::bytecode::CodeUnit* lastUnit = nullptr;
    bool lastIsScript = false;
    // Frame events, cached per code unit as the runner does.
    const aw::bytecode::CodeUnit* frameUnit = nullptr;
    bool frameRecorded = false;
    uint32_t frameQualname = 0;
};

bool isScript(HookState* s, const aw::vm::FrameObj& frame) {
    const aw::bytecode::CodeUnit* unit = frame.m_code->m_unit.get();
    if (unit != s->lastUnit) {
        s->lastUnit = unit;
        s->lastIsScript = unit->filename == s->filename;
    }
    return s->lastIsScript;
}

void onLine(void* user, aw::vm::Vm&, aw::vm::FrameObj& frame, int32_t line) {
    auto* s = static_cast<HookState*>(user);
    if (!isScript(s, frame))
        return;
    const aw::bytecode::CodeUnit* unit = s->lastUnit;
    int32_t start = 0, end = 0;
    if (frame.m_lastIp < unit->spans.size()) {
        const auto& span = unit->spans[frame.m_lastIp];
        start = span.col;
        end = span.endLine == span.line ? span.endCol : 0xFFFF;
    }
    s->recorder->line(line, start, end);
}

void onFrame(void* user, aw::vm::Vm&, aw::vm::FrameObj& frame, bool entering) {
    auto* s = static_cast<HookState*>(user);
    const aw::bytecode::CodeUnit* unit = frame.m_code->m_unit.get();
    if (unit != s->frameUnit) {
        s->frameUnit = unit;
        s->frameRecorded = unit->filename == s->filename && unit->name != "<module>";
        s->frameQualname = s->frameRecorded ? s->recorder->intern(unit->qualname) : 0;
    }
    if (!s->frameRecorded)
        return;
    if (entering)
        s->recorder->eventWithText(aw::trace::EventKind::FramePush, s->recorder->currentOwner(),
                                   uint32_t(std::max(unit->firstLine, 0)), s->frameQualname);
    else
        s->recorder->event(aw::trace::EventKind::FramePop, s->recorder->currentOwner());
}

enum class Hooks { None, Lines, LinesFrames };

void runFib(benchmark::State& state, Hooks hooks) {
    const std::string source = aw::bench::readScript("fib30.py");
    auto unit = aw::lang::compileModule(aw::lang::parse(source, "fib30.py"), "fib30.py");
    for (auto _ : state) {
        aw::trace::Trace trace;
        aw::trace::Recorder recorder(&trace);
        aw::vm::Vm::Options options;
        options.stepBudget = ~uint64_t{0} >> 1;
        aw::vm::Vm vm(options);
        vm.setOutput([](std::string_view) {});
        aw::aio::AsyncioHost host;
        host.recorder = &recorder;
        aw::aio::installAsyncio(vm, host);
        HookState hookState{&recorder, "fib30.py"};
        if (hooks != Hooks::None)
            vm.setLineHook(onLine, &hookState);
        if (hooks == Hooks::LinesFrames)
            vm.setFrameHook(onFrame, &hookState);
        aw::vm::Value m = vm.runModule(unit, "__main__");
        if (m.isError()) {
            state.SkipWithError("fib30.py failed");
            return;
        }
        state.counters["events"] = double(trace.size());
    }
}

void BM_Fib30_NoHooks(benchmark::State& state) {
    runFib(state, Hooks::None);
}
void BM_Fib30_Lines(benchmark::State& state) {
    runFib(state, Hooks::Lines);
}
void BM_Fib30_LinesFrames(benchmark::State& state) {
    runFib(state, Hooks::LinesFrames);
}
BENCHMARK(BM_Fib30_NoHooks)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Fib30_Lines)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Fib30_LinesFrames)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
