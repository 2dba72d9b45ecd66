// stateAt(k) over a 10-million-event trace of a real run (ping-pong: 1,000
// tasks, 1,250 rounds each, ~8 events a round). Target: under 2 ms for any k.
//   BM_StateAtRandom   random steps
//   BM_StateAtWorst    the step just before each checkpoint (the most folds)
//   BM_Build           indexing the whole trace (extend)
// The trace is made once (a run of ~30 s) and shared by the benchmarks.
#include "bench_memory.h"
#include "bench_scripts.h"
#include "core/model/state_index.h"
#include "core/run/runner.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <random>

namespace {

struct Fixture {
    std::shared_ptr<const aw::trace::Trace> trace;
    std::unique_ptr<aw::model::StateIndex> index;
    double traceResidentBytes = 0;
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture x;
        aw::run::RunOptions options;
        options.stepBudget = ~uint64_t{0} >> 1;
        const std::size_t before = aw::bench::residentBytes();
        aw::run::RunResult r = aw::run::runScript(aw::bench::pingPong(1000, 1250), "pingpong.py", options);
        x.traceResidentBytes = double(aw::bench::residentBytes() - before);
        x.trace = r.trace;
        x.index = std::make_unique<aw::model::StateIndex>(x.trace);
        x.index->extend();
        return x;
    }();
    return f;
}

void addCounters(benchmark::State& state, const Fixture& f) {
    state.counters["events"] = double(f.trace->size());
    state.counters["trace bytes/event"] = double(f.trace->memoryBytes()) / double(f.trace->size());
    state.counters["index MB"] = double(f.index->memoryBytes()) / 1e6;
}

void BM_StateAtRandom(benchmark::State& state) {
    Fixture& f = fixture();
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<aw::model::Step> pick(0, f.index->lastStep());
    for (auto _ : state) {
        aw::model::State s = f.index->stateAt(pick(rng));
        benchmark::DoNotOptimize(s);
    }
    addCounters(state, f);
}
BENCHMARK(BM_StateAtRandom)->Unit(benchmark::kMicrosecond);

void BM_StateAtWorst(benchmark::State& state) {
    Fixture& f = fixture();
    const aw::model::Step every = aw::model::Step(state.range(0));
    aw::model::Step k = every - 1;
    for (auto _ : state) {
        aw::model::State s = f.index->stateAt(k);
        benchmark::DoNotOptimize(s);
        k += every * 97;  // wander over the whole trace, always one step before a checkpoint
        if (k > f.index->lastStep())
            k = every - 1 + (k % every);
    }
    addCounters(state, f);
}
// The StateIndex default checkpoint interval (state_index.h).
BENCHMARK(BM_StateAtWorst)->Arg(4096)->Unit(benchmark::kMicrosecond);

void BM_Build(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        aw::model::StateIndex index(f.trace);
        index.extend();
        benchmark::DoNotOptimize(index.indexed());
    }
    addCounters(state, f);
    state.counters["run resident MB"] = f.traceResidentBytes / 1e6;
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
