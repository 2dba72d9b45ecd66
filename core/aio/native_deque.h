#pragma once
// `_awaitscope.deque`: the part of collections.deque asyncio uses (the loop's
// ready queue, the waiters of locks and queues). The Python reference is
// `_PyDeque` in core/aio/python/_aio_base.py; the CPython stand-in uses
// collections.deque. Native because the loop pops and pushes a handle per
// task step, and core/aio/ready_turn.cpp works on it directly.
//
// A deque may hold a *deferred step handle*: the Handle(task._step) that a
// task's bare yield schedules, kept as (task, handle id) until somebody
// could see it. Nobody else holds a reference to such a handle, so making the
// Handle object only when Python code looks into the deque (pop, iteration,
// indexing, repr, remove) cannot be told apart from making it at once; the
// native ready turn runs most of them without ever making one.

#include "core/vm/vm.h"

#include <deque>

namespace aw::aio {

struct AioState;

struct DequeObj : vm::NativeObj {
    struct Item {
        vm::Value value;            // the item; for a deferred step handle, the task
        int64_t stepHandleId = 0;   // non-zero: a deferred Handle(value._step) with this _aw_id
        // A deferred step handle also carries the task's _loop, _coro and
        // _aw_id, which never change after Task.__init__ (CPython's C Task
        // makes _loop and _coro read-only), so running it reads less.
        vm::Value loop, coro;
        int64_t taskId = 0;

        Item(vm::Value v) : value(std::move(v)) {}   // NOLINT: an item is its value
        Item(vm::Value task, int64_t handleId, vm::Value l, vm::Value c, int64_t id)
            : value(std::move(task)), stepHandleId(handleId), loop(std::move(l)), coro(std::move(c)), taskId(id) {}
    };
    std::deque<Item> m_items;
    AioState* m_host = nullptr;     // makes deferred handles (ready_turn.cpp)

    void clearRefs() override {
        m_items.clear();
        vm::NativeObj::clearRefs();
    }
};

// Makes the type and puts `deque` into the module dict; returns the type.
vm::TypeObj* installDequeType(vm::Vm& vm, vm::DictObj* module, AioState* host);

// The Handle object of `item` (made and stored in place if it was deferred).
// Error with an exception pending.
vm::Value materializeItem(vm::Vm& vm, AioState& host, DequeObj::Item& item);

}  // namespace aw::aio
