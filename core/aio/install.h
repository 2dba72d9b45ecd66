#pragma once
// Makes `import asyncio` / `import aiohttp` work in a Vm: registers the native
// world module `_awaitscope` (core/aio/python/INTERFACE.md) and every module
// written in Python under core/aio/python (compiled once per process).

#include <functional>
#include <string_view>

namespace aw::vm { class Vm; }
namespace aw::trace { class Trace; class Recorder; }

namespace aw::aio {

struct AsyncioHost {
    // Where asyncio's events go (may be null: record nothing). Borrowed: must
    // outlive the Vm's run.
    trace::Recorder* recorder = nullptr;
    // stderr text asyncio reports (`_awaitscope.report`), one message per call
    // ending with a newline. Never stdout.
    std::function<void(std::string_view)> errorOutput;
    // The ready queue and the commonest task step in C++ (ready_turn.cpp);
    // false leaves asyncio to its Python reference code.
    bool nativeLoop = true;
};

// Registers `_awaitscope` and the embedded modules in `vm`.
void installAsyncio(vm::Vm& vm, const AsyncioHost& host);
// The same, recording into `trace` (may be null) with a Recorder owned by the
// Vm's `_awaitscope` state; stderr reports only go to the trace.
void installAsyncio(vm::Vm& vm, trace::Trace* trace);

}  // namespace aw::aio
