#pragma once
// Frames and the objects that own suspended frames: generators, coroutines
// and async generators.
//
// A FrameObj is a heap object holding everything one activation needs: its
// code, ip, fast locals, cells, its own value stack and its block stack. A
// generator/coroutine keeps its frame between resumptions; the frame is
// suspended at YIELD_VALUE or YIELD_FROM and resumed later by vm.genSend /
// vm.genThrow. Frames of plain calls run in the same dispatch loop without
// C++ recursion (m_entry marks a frame whose return goes back to C++).

#include "core/vm/function.h"
#include "core/vm/value.h"

#include <vector>

namespace aw::vm {

struct DictObj;

enum class BlockType : uint8_t { SetupFinally, ExceptHandler };

struct Block {
    BlockType type;
    uint32_t handler = 0;     // jump target (SetupFinally)
    uint32_t level = 0;       // value-stack depth to restore
    Value prevExc;            // ExceptHandler: the exception handled before (None)
};

struct FrameObj : Obj {
    static constexpr Kind kKind = Kind::Frame;
    FrameObj() : Obj(kKind) {}

    Ref<CodeObj> m_code;
    Value m_func;                // FunctionObj (None for modules)
    Value m_globals;             // DictObj
    Value m_builtins;            // DictObj
    Value m_locals;              // DictObj for module/class bodies, None for functions
    std::vector<Value> m_slots;  // [fast locals | cells+frees (CellObj) | value stack]
    uint32_t m_sp = 0;           // index one past the stack top (in m_slots)
    uint32_t m_stackBase = 0;    // index of the first stack slot
    uint32_t m_ip = 0;           // next instruction
    uint32_t m_lastIp = 0;       // instruction being executed (line of tracebacks)
    std::vector<Block> m_blocks;
    Value m_excState;            // the exception being handled in this frame (None)
    FrameObj* m_back = nullptr;  // borrowed: the caller while running
    Obj* m_owner = nullptr;      // borrowed: the generator owning this frame, if any
    bool m_entry = false;        // returning goes back to C++
    bool m_yieldedValue = false; // async generator: last suspension was a `yield` (not an await)
    bool m_announced = false;    // the frame hook saw it enter (it owes a pop when the frame ends)

    Value* local(size_t i) { return &m_slots[i]; }
    int32_t line() const { return m_code->lineAt(m_lastIp); }
    void clearRefs() override;
};

// Generator (Kind::Generator), coroutine (Kind::Coroutine) and async
// generator (Kind::AsyncGenerator): the same struct, the kind tells.
struct GenObj : Obj {
    explicit GenObj(Kind k) : Obj(k) {}
    AW_RECYCLED_ALLOCATION(GenObj)
    Ref<FrameObj> m_frame;       // null once finished
    Value m_name, m_qualname;    // str
    bool m_running = false;
    bool m_started = false;      // has run at least once (coroutine "never awaited")
    bool m_closed = false;
    // Async generators: a running asend/athrow (ag_running_async).
    bool m_asyncRunning = false;
    bool m_hooksCalled = false;
    void clearRefs() override;
    bool finished() const { return !m_frame; }
};
inline bool isGenLike(const Value& v) {
    if (!v.isObj()) return false;
    Kind k = v.asObj()->kind();
    return k == Kind::Generator || k == Kind::Coroutine || k == Kind::AsyncGenerator;
}

// The awaitable an async generator's asend()/athrow()/aclose()/__anext__() returns.
struct AsyncGenOpObj : Obj {
    static constexpr Kind kKind = Kind::AsyncGenOp;
    enum class Op : uint8_t { Send, Throw, Close };
    enum class State : uint8_t { Init, Iter, Closed };
    AsyncGenOpObj(GenObj* g, Op op, Value arg) : Obj(kKind), m_gen(g), m_op(op), m_arg(std::move(arg)) {}
    Ref<GenObj> m_gen;
    Op m_op;
    State m_state = State::Init;
    Value m_arg;                 // asend value, or the exception for athrow
    void clearRefs() override { m_gen.reset(); m_arg = Value(); }
};

// What coroutine.__await__() returns: an iterator driving the coroutine.
struct CoroWrapperObj : Obj {
    static constexpr Kind kKind = Kind::CoroWrapper;
    explicit CoroWrapperObj(GenObj* c) : Obj(kKind), m_coro(c) {}
    Ref<GenObj> m_coro;
    void clearRefs() override { m_coro.reset(); }
};

}  // namespace aw::vm
