// The engine end to end through runScript (what `awaitscope run` does, less
// process start-up), with the full trace recorded.
//   BM_Fib30      recursive fib(30): 1.3 million Python calls, a Line event per line run
//   BM_PingPong   N tasks x N rounds of `await asyncio.sleep(0)` (the hottest asyncio path)
// Compare with CPython by `compare.sh`, which times both engines as processes.
#include "bench_scripts.h"
#include "core/run/runner.h"

#include <benchmark/benchmark.h>

namespace {

void runOrFail(benchmark::State& state, const std::string& source, const char* name) {
    aw::run::RunOptions options;
    options.stepBudget = ~uint64_t{0} >> 1;
    double events = 0;
    for (auto _ : state) {
        aw::run::RunResult r = aw::run::runScript(source, name, options);
        if (r.cut || !r.exceptionType.empty() || r.syntaxError) {
            state.SkipWithError("the script did not run to its end");
            return;
        }
        events += double(r.trace->size());
        benchmark::DoNotOptimize(r);
    }
    // Rates are over all iterations' time: count every iteration's events.
    state.counters["events"] = events / double(state.iterations());
    state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
}

void BM_Fib30(benchmark::State& state) {
    runOrFail(state, aw::bench::readScript("fib30.py"), "fib30.py");
}
BENCHMARK(BM_Fib30)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_PingPong(benchmark::State& state) {
    const int n = int(state.range(0));
    runOrFail(state, aw::bench::pingPong(n, n), "pingpong.py");
    state.counters["task steps/s"] =
        benchmark::Counter(double(n) * n * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PingPong)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
