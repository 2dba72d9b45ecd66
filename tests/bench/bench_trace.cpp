// Recording cost and memory of the trace itself.
//   BM_AppendLine      Line events through Recorder::line (a run's come mostly from the VM's
//                      code event sink, one store each: core/vm/code_event_sink.h)
//   BM_AppendMixed     a ping-pong-like mix with interned strings (8 events a round)
//   BM_TenMillion      a 10-million-event trace: bytes per event (target <= 24) and
//                      the whole trace's resident size (target < 300 MB)
#include "bench_memory.h"
#include "core/trace/recorder.h"

#include <benchmark/benchmark.h>

namespace {

using aw::trace::EventKind;

void BM_AppendLine(benchmark::State& state) {
    for (auto _ : state) {
        aw::trace::Trace trace;
        aw::trace::Recorder rec(&trace);
        for (int i = 0; i < 1'000'000; ++i)
            rec.line(7 + (i & 1), 4, 20);
        benchmark::DoNotOptimize(trace.size());
    }
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_AppendLine)->Unit(benchmark::kMillisecond);

// One round of a task through the ready queue, as asyncio records it.
void appendRound(aw::trace::Recorder& rec, uint32_t task, uint32_t handle) {
    rec.event(EventKind::HandleNew, handle, 1, 0.0, "Task.__step()");
    rec.event(EventKind::HandleReady, handle, task, 0.0, "yield");
    rec.event(EventKind::TaskState, task, 0, 0.0, "ready");
    rec.event(EventKind::HandleDone, handle - 1, 0, 0.0, {});
    rec.event(EventKind::HandleRun, handle, 0, 0.0, {});
    rec.event(EventKind::TaskState, task, 0, 0.0, "running");
    rec.line(7, 4, 20);
    rec.line(8, 8, 30);
}

void BM_AppendMixed(benchmark::State& state) {
    for (auto _ : state) {
        aw::trace::Trace trace;
        aw::trace::Recorder rec(&trace);
        for (uint32_t i = 0; i < 125'000; ++i)
            appendRound(rec, 2 + (i % 1000) * 2, 3000 + i);
        benchmark::DoNotOptimize(trace.size());
    }
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_AppendMixed)->Unit(benchmark::kMillisecond);

void BM_TenMillion(benchmark::State& state) {
    for (auto _ : state) {
        const std::size_t before = aw::bench::residentBytes();
        auto trace = std::make_unique<aw::trace::Trace>();
        aw::trace::Recorder rec(trace.get());
        rec.programStart("pingpong.py");
        // Distinct strings too (printed lines), as a real run has some.
        for (uint32_t i = 0; trace->size() < 10'000'000; ++i) {
            appendRound(rec, 2 + (i % 1000) * 2, 3000 + i);
            if (i % 1000 == 0)
                rec.output("line " + std::to_string(i));
        }
        const std::size_t after = aw::bench::residentBytes();
        const double events = double(trace->size());
        state.counters["events"] = events;
        state.counters["trace bytes/event"] = double(trace->memoryBytes()) / events;
        state.counters["resident bytes/event"] = double(after - before) / events;
        state.counters["resident MB"] = double(after - before) / 1e6;
    }
}
BENCHMARK(BM_TenMillion)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
