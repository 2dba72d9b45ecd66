// The VM's line and frame hooks that record a run's code events (Line,
// FramePush, FramePop) for the user's script: what runScript installs, and
// what tests/bench/bench_vm_hooks.cpp times.
#pragma once

#include <memory>
#include <string>

namespace aw::trace {
class Recorder;
}
namespace aw::vm {
class Vm;
}

namespace aw::run {

// Line and frame events for the user's script only (units compiled from
// scriptFilename): frames of the embedded asyncio modules (and any other file)
// are the engine's, not the learner's code. The line hook also ends the run
// (at a line start) when the recorder asks it to stop (budget, cancel).
//
// Must outlive its installation: uninstall() (or destroy the Vm) first.
class CodeEventHooks {
public:
    CodeEventHooks(trace::Recorder& recorder, std::string scriptFilename);
    ~CodeEventHooks();
    CodeEventHooks(const CodeEventHooks&) = delete;
    CodeEventHooks& operator=(const CodeEventHooks&) = delete;

    // Both hooks: Line events and FramePush/FramePop.
    void install(vm::Vm& vm) {
        installLines(vm);
        installFrames(vm);
    }
    void installLines(vm::Vm& vm);    // the line hook: Line events
    void installFrames(vm::Vm& vm);   // the frame hook: FramePush/FramePop
    // Removes both hooks from `vm` (whichever object installed them).
    static void uninstall(vm::Vm& vm);

    struct State;

private:
    void installSink(vm::Vm& vm);   // the recorder's code event sink, into which the VM writes most events itself
    std::unique_ptr<State> m_state;   // the hooks' user pointer
};

}  // namespace aw::run
