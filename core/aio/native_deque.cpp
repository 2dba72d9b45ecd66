// `_awaitscope.deque` (see native_deque.h). Error texts are collections.deque's.
#include "core/aio/native_deque.h"

#include "core/vm/containers.h"
#include "core/vm/function.h"
#include "core/vm/vm.h"

namespace aw::aio {

using vm::CallArgs;
using vm::Value;
using vm::Vm;

namespace {

DequeObj* self(const CallArgs& a) { return static_cast<DequeObj*>(a.self.asObj()); }

// Every item as a Python object (deferred step handles are made now).
bool materializeAll(Vm& vm, DequeObj* d) {
    for (auto& item : d->m_items)
        if (item.stepHandleId && materializeItem(vm, *d->m_host, item).isError()) return false;
    return true;
}

std::vector<Value> snapshot(const DequeObj* d) {
    std::vector<Value> out;
    out.reserve(d->m_items.size());
    for (const auto& item : d->m_items) out.push_back(item.value);
    return out;
}

Value take(Vm& vm, DequeObj* d, bool front) {
    auto& items = d->m_items;
    if (items.empty()) return vm.raise(vm.types().IndexError, "pop from an empty deque");
    DequeObj::Item item = std::move(front ? items.front() : items.back());
    if (front) items.pop_front();
    else items.pop_back();
    return item.stepHandleId ? materializeItem(vm, *d->m_host, item) : std::move(item.value);
}

Value dequeCtor(Vm& vm, CallArgs& a) {
    Value args[1];
    if (!a.bind(vm, "deque", {"iterable"}, 0, args)) return Value::error();
    auto* type = a.self.as<vm::TypeObj>();
    auto* d = vm.heap().make<DequeObj>(type);
    d->m_host = static_cast<AioState*>(type->m_hookUser);
    Value result(d);
    if (!args[0].isUnbound()) {
        Value it = vm.getIter(args[0]);
        if (it.isError()) return Value::error();
        for (;;) {
            Value x = vm.next(it);
            if (x.isError()) return Value::error();
            if (x.isUnbound()) break;
            d->m_items.push_back({std::move(x)});
        }
    }
    return result;
}

Value append(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "append", 1, 1)) return Value::error();
    self(a)->m_items.push_back({a[0]});
    return Value::none();
}

Value appendleft(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "appendleft", 1, 1)) return Value::error();
    self(a)->m_items.push_front({a[0]});
    return Value::none();
}

Value popleft(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "popleft", 0, 0)) return Value::error();
    return take(vm, self(a), true);
}

Value pop(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "pop", 0, 0)) return Value::error();
    return take(vm, self(a), false);
}

Value remove(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "remove", 1, 1)) return Value::error();
    DequeObj* d = self(a);
    Value keep(d);   // __eq__ may run Python code
    if (!materializeAll(vm, d)) return Value::error();
    for (size_t i = 0; i < d->m_items.size(); ++i) {
        Value item = d->m_items[i].value;
        int eq = item.identical(a[0]) ? 1 : vm.equals(item, a[0]);
        if (eq < 0) return Value::error();
        if (eq == 0) continue;
        if (i < d->m_items.size()) d->m_items.erase(d->m_items.begin() + std::ptrdiff_t(i));
        return Value::none();
    }
    return vm.raise(vm.types().ValueError, "deque.remove(x): x not in deque");
}

Value clear(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "clear", 0, 0)) return Value::error();
    std::deque<DequeObj::Item> old;
    old.swap(self(a)->m_items);   // destructors may run after the deque is consistent
    return Value::none();
}

Value len(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__len__", 0, 0)) return Value::error();
    return Value::integer(int64_t(self(a)->m_items.size()));
}

Value boolean(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__bool__", 0, 0)) return Value::error();
    return Value::boolean(!self(a)->m_items.empty());
}

// A snapshot, as _PyDeque's iter(list slice): changing the deque while
// iterating does not disturb the loop (collections.deque would raise).
Value iter(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__iter__", 0, 0)) return Value::error();
    if (!materializeAll(vm, self(a))) return Value::error();
    return vm.getIter(vm.newList(snapshot(self(a))));
}

Value getitem(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__getitem__", 1, 1)) return Value::error();
    if (!a[0].isIntLike())
        return vm.raise(vm.types().TypeError, "sequence index must be integer, not '" + vm.typeName(a[0]) + "'");
    auto& items = self(a)->m_items;
    int64_t i = a[0].asInt();
    if (i < 0) i += int64_t(items.size());
    if (i < 0 || i >= int64_t(items.size())) return vm.raise(vm.types().IndexError, "deque index out of range");
    auto& item = items[size_t(i)];
    return item.stepHandleId ? materializeItem(vm, *self(a)->m_host, item) : item.value;
}

Value repr(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "__repr__", 0, 0)) return Value::error();
    if (!materializeAll(vm, self(a))) return Value::error();
    Value list = vm.newList(snapshot(self(a)));
    std::string text;
    if (!vm.reprString(list, text)) return Value::error();
    return vm.newStr("deque(" + text + ")");
}

}  // namespace

vm::TypeObj* installDequeType(Vm& vm, vm::DictObj* module, AioState* host) {
    vm::TypeObj* t = vm.newType("deque", nullptr, vm::Kind::Native, "collections");
    t->m_hookUser = host;   // the type has no hooks; this is where its deques find their host
    t->m_builtin = true;
    t->m_subclassable = false;
    t->m_ctor = dequeCtor;
    const std::pair<const char*, vm::NativeFn> methods[] = {
        {"append", append}, {"appendleft", appendleft}, {"popleft", popleft}, {"pop", pop},
        {"remove", remove}, {"clear", clear}, {"__len__", len}, {"__bool__", boolean},
        {"__iter__", iter}, {"__getitem__", getitem}, {"__repr__", repr},
    };
    for (const auto& [name, fn] : methods) vm.addMethod(t, name, fn);
    vm.setAttrStr(module, "deque", Value(t));
    return t;
}

}  // namespace aw::aio
