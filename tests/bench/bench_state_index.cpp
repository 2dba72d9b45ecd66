// stateAt(k) over 10-million-event traces of real runs. Target (issue #4):
// under 2 ms for any k. Two fixtures:
//   PingPong  ping-pong, 1,000 tasks x 1,250 rounds of sleep(0), ~8 events a
//             round: a big ready queue, no timers
//   Timers    scripts/timers.py, 1,000 tasks x 300 rounds of sleep(delay),
//             wait_for and timeout, ~9 million events: a big timer heap and a
//             handle.cancel for every sleep
// Benchmarks, for each fixture:
//   BM_StateAtRandom   random steps
//   BM_StateAtWorst    the step just before each checkpoint (the most folds)
//   BM_StateAtCheckpoint  a checkpoint's step (its restore alone, no fold)
//   BM_Build           indexing the whole trace (extend)
// Each trace is made once (a run of ~30-60 s) and shared by its benchmarks.
#include "bench_memory.h"
#include "bench_scripts.h"
#include "core/model/state_index.h"
#include "core/run/runner.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>

namespace {

struct Fixture {
    std::shared_ptr<const aw::trace::Trace> trace;
    std::unique_ptr<aw::model::StateIndex> index;
    double traceResidentBytes = 0;
};

Fixture makeFixture(const std::string& source, const std::string& filename) {
    Fixture x;
    aw::run::RunOptions options;
    options.stepBudget = ~uint64_t{0} >> 1;
    const std::size_t before = aw::bench::residentBytes();
    aw::run::RunResult r = aw::run::runScript(source, filename, options);
    x.traceResidentBytes = double(aw::bench::residentBytes() - before);
    x.trace = r.trace;
    x.index = std::make_unique<aw::model::StateIndex>(x.trace);
    x.index->extend();
    return x;
}

struct PingPong {
    static Fixture& get() {
        static Fixture f = makeFixture(aw::bench::pingPong(1000, 1250), "pingpong.py");
        return f;
    }
};

struct Timers {
    static Fixture& get() {
        static Fixture f = makeFixture(aw::bench::readScript("timers.py"), "timers.py");
        return f;
    }
};

void addCounters(benchmark::State& state, const Fixture& f) {
    state.counters["events"] = double(f.trace->size());
    state.counters["trace bytes/event"] = double(f.trace->memoryBytes()) / double(f.trace->size());
    state.counters["index MB"] = double(f.index->memoryBytes()) / 1e6;
    state.counters["K"] = double(f.index->checkpointEvery());
}

template <typename Which>
void BM_StateAtRandom(benchmark::State& state) {
    Fixture& f = Which::get();
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<aw::model::Step> pick(0, f.index->lastStep());
    for (auto _ : state) {
        aw::model::State s = f.index->stateAt(pick(rng));
        benchmark::DoNotOptimize(s);
    }
    addCounters(state, f);
}
BENCHMARK_TEMPLATE(BM_StateAtRandom, PingPong)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_StateAtRandom, Timers)->Unit(benchmark::kMicrosecond);

// Always one step before a checkpoint, wandering over the whole trace.
template <typename Which>
void BM_StateAtWorst(benchmark::State& state) {
    Fixture& f = Which::get();
    const aw::model::Step every = f.index->checkpointEvery();
    aw::model::Step k = every - 1;
    for (auto _ : state) {
        aw::model::State s = f.index->stateAt(k);
        benchmark::DoNotOptimize(s);
        k += every * 97;
        if (k > f.index->lastStep())
            k = every - 1 + (k % every);
    }
    addCounters(state, f);
}
BENCHMARK_TEMPLATE(BM_StateAtWorst, PingPong)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_StateAtWorst, Timers)->Unit(benchmark::kMicrosecond);

// Always at a checkpoint: its restore alone, no fold (the part of every stateAt that K does not bound).
template <typename Which>
void BM_StateAtCheckpoint(benchmark::State& state) {
    Fixture& f = Which::get();
    const aw::model::Step every = f.index->checkpointEvery();
    aw::model::Step k = every;
    for (auto _ : state) {
        aw::model::State s = f.index->stateAt(k);
        benchmark::DoNotOptimize(s);
        k += every * 97;
        if (k >= f.index->lastStep())
            k = every * (1 + (k % 7));
    }
    addCounters(state, f);
}
BENCHMARK_TEMPLATE(BM_StateAtCheckpoint, PingPong)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_StateAtCheckpoint, Timers)->Unit(benchmark::kMicrosecond);

template <typename Which>
void BM_Build(benchmark::State& state) {
    Fixture& f = Which::get();
    for (auto _ : state) {
        aw::model::StateIndex index(f.trace);
        index.extend();
        benchmark::DoNotOptimize(index.indexed());
    }
    addCounters(state, f);
    state.counters["run resident MB"] = f.traceResidentBytes / 1e6;
}
BENCHMARK_TEMPLATE(BM_Build, PingPong)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_TEMPLATE(BM_Build, Timers)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
