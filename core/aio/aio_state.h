#pragma once
// The per-run state behind `_awaitscope`: ids, the simulated network, the
// SIGINT handler, the async generator hooks, the trace. One object per Vm,
// held by every native function of the module (their m_data), so nothing is
// global.

#include "core/aio/install.h"
#include "core/trace/recorder.h"
#include "core/vm/vm.h"
#include "core/world/network.h"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace aw::aio {

struct AioState : vm::NativeObj {
    uint32_t m_nextId = 0;
    world::Network m_network;
    vm::Value m_sigintHandler;                 // None: the default (KeyboardInterrupt)
    vm::Value m_firstIterHook, m_finalizerHook;

    trace::Recorder* m_recorder = nullptr;     // never null once installed
    std::unique_ptr<trace::Recorder> m_ownRecorder;
    std::function<void(std::string_view)> m_errorOutput;
    bool m_nativeLoop = true;                  // AsyncioHost::nativeLoop

    // trace(kind, ...) is hot: the kind strings are constants of the asyncio
    // modules' code, so the lookup is cached per str object (the Value keeps
    // the object alive, so an address is never reused for other text).
    struct KindEntry {
        vm::Value str;
        std::optional<trace::EventKind> kind;
    };
    std::unordered_map<const vm::Obj*, KindEntry> m_kinds;

    // Where each coroutine handed to asyncio was defined, for coro_repr's
    // "done, defined at FILE:LINE" after its frame is gone.
    struct CoroOrigin {
        vm::Value coro;
        std::string filename;
        int32_t firstLine = 0;
    };
    std::unordered_map<const vm::Obj*, CoroOrigin> m_origins;

    // What the native ready-queue turn (ready_turn.cpp) needs to recognise a
    // handle that runs a Task's step, given by _aio_tasks.py at import
    // (`fast_register`). Until then run_ready runs every handle in Python.
    struct ReadyTurn {
        bool registered = false;
        vm::Ref<vm::TypeObj> handleType, taskType, dequeType;
        vm::Value taskStep;        // the function Task._step
        vm::Value pending;         // _aio_base._PENDING, the str a pending future's _state is
        vm::Value currentTasks;    // _aio_tasks._current_tasks (dict loop -> task)
        uint32_t stepText = 0, runningText = 0, readyText = 0, yieldText = 0, raisedText = 0;
        vm::Value keys[16];        // interned attribute names (ready_turn.cpp's Key)
        uint32_t keyHints[16] = {};   // each name's entry index in the last dict it was found in
        vm::Value stateDefault;    // Task's class-level _state (Future._state), as of typeEpoch
        uint64_t typeEpoch = 0;
    };
    ReadyTurn m_turn;

    // What the native heapq (native_heapq.cpp) needs to compare two TimerHandles without calling their
    // __lt__, given by _aio_events.py at import (`heap_register`).
    struct TimerOrder {
        vm::Ref<vm::TypeObj> timerType;
        vm::Value lessThan;        // the function TimerHandle.__lt__ as registered
        vm::Value whenKey, seqKey; // interned "_when", "_seq"
        uint32_t whenHint = 0, seqHint = 0;
        bool current = false;      // timerType's __lt__ is still lessThan, as of typeEpoch
        uint64_t typeEpoch = 0;
    };
    TimerOrder m_timerOrder;

    // The Vm whose built-in types carry our hooks (core/aio/vm_hooks.cpp).
    vm::Vm* m_vm = nullptr;
    std::vector<vm::Ref<vm::TypeObj>> m_hookedTypes;

    ~AioState() override;
    void clearRefs() override {
        m_hookedTypes.clear();
        m_turn = ReadyTurn{};
        m_timerOrder = TimerOrder{};
        m_sigintHandler = m_firstIterHook = m_finalizerHook = vm::Value();
        m_kinds.clear();
        m_origins.clear();
        vm::NativeObj::clearRefs();
    }
};

// The file names the embedded modules are compiled under ("<asyncio>/NAME.py").
std::string embeddedFilename(std::string_view module);
bool isEmbeddedFilename(std::string_view filename);

// Installs the coroutine "never awaited" and async generator firstiter hooks.
void installVmHooks(vm::Vm& vm, AioState* state);

// The AioState a native function of `_awaitscope` is bound to (its m_data: addModuleFunctions).
inline AioState& hostOf(const vm::CallArgs& a) { return *static_cast<AioState*>(a.callee->m_data.asObj()); }

// Adds native functions to `module`'s dict, each bound to `state` and named `_awaitscope.NAME`.
void addModuleFunctions(vm::Vm& vm, vm::DictObj* module, AioState* state,
                        std::initializer_list<std::pair<const char*, vm::NativeFn>> fns);

// Adds the native functions of `_awaitscope` to `module`'s dict, bound to `state`.
void addNativeFunctions(vm::Vm& vm, vm::DictObj* module, AioState* state);
// Adds `deque`, `yield_once`, `fast_register` and `run_ready` (ready_turn.cpp).
void addReadyTurn(vm::Vm& vm, vm::DictObj* module, AioState* state);

// Adds `heappush`, `heappop`, `heapify` and `heap_register` (native_heapq.cpp).
void addNativeHeapq(vm::Vm& vm, vm::DictObj* module, AioState* state);

// Runs the "cancel task X at step k" intervention if it is due: called just
// before a handle.run event. False with an exception pending.
bool cancelDueTask(vm::Vm& vm, AioState& st);

}  // namespace aw::aio
