// The VM with the trace hooks the runner installs, timed without the rest of
// runScript, to see what each kind of code event costs on plain Python code:
//   BM_Fib30_NoHooks      fib(30), no trace at all
//   BM_Fib30_Lines        Line events only (CodeEventHooks::installLines)
//   BM_Fib30_LinesFrames  Line plus FramePush/FramePop (CodeEventHooks::install,
//                         what `awaitscope run` records)
// The hooks are the runner's own (core/run/code_event_hooks.h): script frames only.
#include "bench_scripts.h"
#include "core/aio/install.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/run/code_event_hooks.h"
#include "core/trace/recorder.h"
#include "core/vm/vm.h"

#include <benchmark/benchmark.h>

namespace {

enum class Hooks { None, Lines, LinesFrames };

void runFib(benchmark::State& state, Hooks hooks) {
    const std::string source = aw::bench::readScript("fib30.py");
    auto unit = aw::lang::compileModule(aw::lang::parse(source, "fib30.py"), "fib30.py");
    for (auto _ : state) {
        aw::trace::Trace trace;
        aw::trace::Recorder recorder(&trace);
        aw::run::CodeEventHooks codeEvents(recorder, "fib30.py");   // outlives the Vm
        aw::vm::Vm::Options options;
        options.stepBudget = ~uint64_t{0} >> 1;
        aw::vm::Vm vm(options);
        vm.setOutput([](std::string_view) {});
        aw::aio::AsyncioHost host;
        host.recorder = &recorder;
        aw::aio::installAsyncio(vm, host);
        if (hooks != Hooks::None)
            codeEvents.installLines(vm);
        if (hooks == Hooks::LinesFrames)
            codeEvents.installFrames(vm);
        aw::vm::Value m = vm.runModule(unit, "__main__");
        if (m.isError()) {
            state.SkipWithError("fib30.py failed");
            return;
        }
        state.counters["events"] = double(recorder.events());   // takes in what the VM wrote (recorder.h)
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
