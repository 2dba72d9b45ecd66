// `_awaitscope.heappush`, `heappop`, `heapify`: CPython's C heapq
// (Modules/_heapqmodule.c), which real asyncio uses, for the timer heap and
// PriorityQueue. _aio_heapq.py stays as the reference and is what runs when
// the loop runs in Python only (RunOptions::nativeLoop = false).
//
// Why: on a timer-heavy program the Python sift loops and a Python call of
// TimerHandle.__lt__ for every comparison were a large part of the run. Two
// TimerHandles are compared here as their __lt__ does, `(_when, _seq)`, while
// TimerHandle's __lt__ is still the function _aio_events.py registered;
// anything else goes through the VM's `<`, which calls its __lt__.
#include "core/aio/aio_state.h"

#include "core/bytecode/code_unit.h"
#include "core/vm/containers.h"
#include "core/vm/function.h"
#include "core/vm/type.h"

namespace aw::aio {

using vm::CallArgs;
using vm::ListObj;
using vm::Value;
using vm::Vm;

namespace {

// Whether TimerHandle's __lt__ is still the registered function, as of now.
void recheckLessThan(AioState::TimerOrder& t) {
    t.current = t.timerType->lookup("__lt__").identical(t.lessThan);
    t.typeEpoch = vm::typeDictEpoch();
}

// a < b as TimerHandle.__lt__ computes it, when both are TimerHandles whose __lt__ is the registered one and
// whose _when and _seq are in their instance dicts: 1 or 0, -1 with an exception set, 2 when it does not apply.
int timerLess(Vm& vm, AioState::TimerOrder& t, const Value& a, const Value& b) {
    if (!t.timerType || !a.is<vm::InstanceObj>() || !b.is<vm::InstanceObj>()) return 2;
    if (a.asObj()->type() != t.timerType.get() || b.asObj()->type() != t.timerType.get()) return 2;
    if (t.typeEpoch != vm::typeDictEpoch()) recheckLessThan(t);
    if (!t.current) return 2;
    vm::DictObj* da = a.as<vm::InstanceObj>()->m_dict.get();
    vm::DictObj* db = b.as<vm::InstanceObj>()->m_dict.get();
    if (!da || !db) return 2;
    const auto* when = t.whenKey.as<vm::StrObj>();
    const auto* seq = t.seqKey.as<vm::StrObj>();
    const Value wa = da->getStrHinted(when, t.whenHint), wb = db->getStrHinted(when, t.whenHint);
    const Value sa = da->getStrHinted(seq, t.seqHint), sb = db->getStrHinted(seq, t.seqHint);
    if (!wa.isNumber() || !wb.isNumber() || !sa.isNumber() || !sb.isNumber()) return 2;
    // if self._when == other._when: return self._seq < other._seq
    // return self._when < other._when
    const int same = vm.equals(wa, wb);
    if (same < 0) return -1;
    return same ? vm.compareBool(sa, sb, bytecode::CompareOpArg::Lt) : vm.compareBool(wa, wb, bytecode::CompareOpArg::Lt);
}

// a < b: 1 or 0, -1 with an exception set.
int less(Vm& vm, AioState& st, const Value& a, const Value& b) {
    const int r = timerLess(vm, st.m_timerOrder, a, b);
    if (r != 2) return r;
    Value keepA = a, keepB = b;   // a comparison may run Python code that changes the list
    return vm.compareBool(keepA, keepB, bytecode::CompareOpArg::Lt);
}

bool changedSize(Vm& vm, const ListObj* heap, std::size_t size) {
    if (heap->size() == size) return false;
    vm.raise(vm.types().RuntimeError, "list changed size during iteration");
    return true;
}

// Follows the path to the root, moving parents down until `pos`'s item fits.
bool siftDown(Vm& vm, AioState& st, ListObj* heap, std::size_t startpos, std::size_t pos) {
    const std::size_t size = heap->size();
    if (pos >= size) {
        vm.raise(vm.types().IndexError, "index out of range");
        return false;
    }
    while (pos > startpos) {
        const std::size_t parentpos = (pos - 1) >> 1;
        const int cmp = less(vm, st, heap->m_items[pos], heap->m_items[parentpos]);
        if (cmp < 0 || changedSize(vm, heap, size)) return false;
        if (cmp == 0) break;
        std::swap(heap->m_items[parentpos], heap->m_items[pos]);
        pos = parentpos;
    }
    return true;
}

// Bubbles the smaller child up until a leaf, then sifts `pos`'s item down to its place.
bool siftUp(Vm& vm, AioState& st, ListObj* heap, std::size_t pos) {
    const std::size_t endpos = heap->size();
    const std::size_t startpos = pos;
    if (pos >= endpos) {
        vm.raise(vm.types().IndexError, "index out of range");
        return false;
    }
    const std::size_t limit = endpos >> 1;   // the smallest position without a child
    while (pos < limit) {
        std::size_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            const int cmp = less(vm, st, heap->m_items[childpos], heap->m_items[childpos + 1]);
            if (cmp < 0 || changedSize(vm, heap, endpos)) return false;
            childpos += cmp == 0;
        }
        std::swap(heap->m_items[childpos], heap->m_items[pos]);
        pos = childpos;
    }
    return siftDown(vm, st, heap, startpos, pos);
}

ListObj* heapArg(Vm& vm, const Value& v) {
    if (v.is<ListObj>()) return v.as<ListObj>();
    vm.raise(vm.types().TypeError, "heap argument must be a list");
    return nullptr;
}

Value fnHeappush(Vm& vm, CallArgs& a) {
    Value args[2];
    if (!a.bind(vm, "heappush", {"heap", "item"}, 2, args)) return Value::error();
    ListObj* heap = heapArg(vm, args[0]);
    if (!heap) return Value::error();
    heap->m_items.push_back(args[1]);
    if (!siftDown(vm, hostOf(a), heap, 0, heap->size() - 1)) return Value::error();
    return Value::none();
}

Value fnHeappop(Vm& vm, CallArgs& a) {
    Value args[1];
    if (!a.bind(vm, "heappop", {"heap"}, 1, args)) return Value::error();
    ListObj* heap = heapArg(vm, args[0]);
    if (!heap) return Value::error();
    if (heap->m_items.empty()) return vm.raise(vm.types().IndexError, "index out of range");
    Value last = std::move(heap->m_items.back());
    heap->m_items.pop_back();
    if (heap->m_items.empty()) return last;
    Value first = std::exchange(heap->m_items[0], std::move(last));
    if (!siftUp(vm, hostOf(a), heap, 0)) return Value::error();
    return first;
}

Value fnHeapify(Vm& vm, CallArgs& a) {
    Value args[1];
    if (!a.bind(vm, "heapify", {"heap"}, 1, args)) return Value::error();
    ListObj* heap = heapArg(vm, args[0]);
    if (!heap) return Value::error();
    for (std::size_t i = heap->size() / 2; i-- > 0;)
        if (!siftUp(vm, hostOf(a), heap, i)) return Value::error();
    return Value::none();
}

// heap_register(TimerHandle, TimerHandle.__lt__)
Value fnHeapRegister(Vm& vm, CallArgs& a) {
    Value args[2];
    if (!a.bind(vm, "heap_register", {"timer_handle", "less_than"}, 2, args)) return Value::error();
    if (!args[0].is<vm::TypeObj>()) return vm.raise(vm.types().TypeError, "heap_register(): bad arguments");
    AioState::TimerOrder& t = hostOf(a).m_timerOrder;
    t.timerType = args[0].as<vm::TypeObj>();
    t.lessThan = args[1];
    t.whenKey = vm.intern("_when");
    t.seqKey = vm.intern("_seq");
    recheckLessThan(t);
    return Value::none();
}

}  // namespace

void addNativeHeapq(Vm& vm, vm::DictObj* module, AioState* st) {
    addModuleFunctions(vm, module, st,
                       {{"heappush", fnHeappush}, {"heappop", fnHeappop}, {"heapify", fnHeapify},
                        {"heap_register", fnHeapRegister}});
}

}  // namespace aw::aio
