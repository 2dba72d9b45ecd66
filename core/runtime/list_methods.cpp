// The methods of list, and tuple's index/count (they share the search).

#include "core/runtime/runtime_util.h"

#include <algorithm>

namespace aw::rt {

namespace {

vm::ListObj* selfList(Vm& vm, CallArgs& a, std::string_view name)
{
    if (!takeSelf(vm, a, vm.types().list, name)) return nullptr;
    return a.self.as<vm::ListObj>();
}

// PyObject_RichCompareBool: identity first, then ==.
int same(Vm& vm, const Value& a, const Value& b)
{
    if (a.identical(b)) return 1;
    return vm.equals(a, b);
}

// CPython's slice-index clamp for index(x, start, end).
void clampRange(int64_t len, int64_t& start, int64_t& end)
{
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (end < 0) { end += len; if (end < 0) end = 0; }
    if (end > len) end = len;
}

Value listAppend(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "append");
    if (!l || !a.expect(vm, "append", 1, 1)) return Value::error();
    l->m_items.push_back(a[0]);
    return Value::none();
}

Value listExtend(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "extend");
    if (!l || !a.expect(vm, "extend", 1, 1)) return Value::error();
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();   // a copy first: l.extend(l) is fine
    for (auto& v : items) l->m_items.push_back(std::move(v));
    return Value::none();
}

Value listInsert(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "insert");
    if (!l || !a.expect(vm, "insert", 2, 2)) return Value::error();
    int64_t i = 0;
    if (!indexArg(vm, a[0], i)) return Value::error();
    const int64_t n = static_cast<int64_t>(l->size());
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    l->m_items.insert(l->m_items.begin() + i, a[1]);
    return Value::none();
}

Value listPop(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "pop");
    if (!l || !a.expect(vm, "pop", 0, 1)) return Value::error();
    int64_t i = -1;
    if (a.npos == 1 && !indexArg(vm, a[0], i)) return Value::error();
    const int64_t n = static_cast<int64_t>(l->size());
    if (n == 0) return vm.raise(vm.types().IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm.raise(vm.types().IndexError, "pop index out of range");
    Value v = std::move(l->m_items[static_cast<size_t>(i)]);
    l->m_items.erase(l->m_items.begin() + i);
    return v;
}

Value listRemove(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "remove");
    if (!l || !a.expect(vm, "remove", 1, 1)) return Value::error();
    for (size_t i = 0; i < l->size(); ++i) {
        Value item = l->m_items[i];   // keep it alive across __eq__
        const int eq = same(vm, item, a[0]);
        if (eq < 0) return Value::error();
        if (eq && i < l->size()) {
            l->m_items.erase(l->m_items.begin() + static_cast<int64_t>(i));
            return Value::none();
        }
    }
    return vm.raise(vm.types().ValueError, "list.remove(x): x not in list");
}

Value seqIndex(Vm& vm, CallArgs& a, const std::vector<Value>& items, bool isList)
{
    const char* name = "index";
    if (!a.expect(vm, name, 1, 3)) return Value::error();
    int64_t start = 0, end = INT64_MAX;
    if (a.npos > 1 && !indexArg(vm, a[1], start)) return Value::error();
    if (a.npos > 2 && !indexArg(vm, a[2], end)) return Value::error();
    clampRange(static_cast<int64_t>(items.size()), start, end);
    for (int64_t i = start; i < end && i < static_cast<int64_t>(items.size()); ++i) {
        Value item = items[static_cast<size_t>(i)];
        const int eq = same(vm, item, a[0]);
        if (eq < 0) return Value::error();
        if (eq) return Value::integer(i);
    }
    if (!isList) return vm.raise(vm.types().ValueError, "tuple.index(x): x not in tuple");
    std::string r;
    if (!vm.reprString(a[0], r)) return Value::error();
    return vm.raise(vm.types().ValueError, r + " is not in list");
}

Value seqCount(Vm& vm, CallArgs& a, const std::vector<Value>& items)
{
    if (!a.expect(vm, "count", 1, 1)) return Value::error();
    int64_t n = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        const int eq = same(vm, item, a[0]);
        if (eq < 0) return Value::error();
        n += eq;
    }
    return Value::integer(n);
}

Value listIndex(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "index");
    if (!l) return Value::error();
    return seqIndex(vm, a, l->m_items, true);
}

Value listCount(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "count");
    if (!l) return Value::error();
    return seqCount(vm, a, l->m_items);
}

Value listSort(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "sort");
    if (!l) return Value::error();
    if (a.npos) return vm.raise(vm.types().TypeError, "sort() takes no positional arguments");
    Value key = Value::none(), reverse = Value::boolean(false);
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwName(i) == "key") key = a.kwValue(i);
        else if (a.kwName(i) == "reverse") reverse = a.kwValue(i);
        else
            return vm.raise(vm.types().TypeError,
                            "sort() got an unexpected keyword argument '" + std::string(a.kwName(i)) + "'");
    }
    const int rev = vm.truthy(reverse);
    if (rev < 0) return Value::error();
    // Sort a copy (as CPython empties the list meanwhile), then put it back.
    std::vector<Value> items = l->m_items;
    std::vector<Value> keys;
    if (!key.isNone()) {
        keys.reserve(items.size());
        for (auto& item : items) {
            Value k = vm.call(key, {item});
            if (k.isError()) return k;
            keys.push_back(std::move(k));
        }
    }
    if (!stableSort(vm, items, key.isNone() ? nullptr : &keys, rev == 1)) return Value::error();
    l->m_items = std::move(items);
    return Value::none();
}

Value listReverse(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "reverse");
    if (!l || !a.expect(vm, "reverse", 0, 0)) return Value::error();
    std::reverse(l->m_items.begin(), l->m_items.end());
    return Value::none();
}

Value listCopy(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "copy");
    if (!l || !a.expect(vm, "copy", 0, 0)) return Value::error();
    return vm.newList(l->m_items);
}

Value listClear(Vm& vm, CallArgs& a)
{
    auto* l = selfList(vm, a, "clear");
    if (!l || !a.expect(vm, "clear", 0, 0)) return Value::error();
    std::vector<Value> old;
    old.swap(l->m_items);   // release after the list is consistent (destructors may run code)
    return Value::none();
}

Value tupleIndex(Vm& vm, CallArgs& a)
{
    if (!takeSelf(vm, a, vm.types().tuple, "index")) return Value::error();
    return seqIndex(vm, a, a.self.as<vm::TupleObj>()->m_items, false);
}

Value tupleCount(Vm& vm, CallArgs& a)
{
    if (!takeSelf(vm, a, vm.types().tuple, "count")) return Value::error();
    return seqCount(vm, a, a.self.as<vm::TupleObj>()->m_items);
}

}  // namespace

void installListMethods(Vm& vm)
{
    vm::TypeObj* t = vm.types().list;
    vm.addMethod(t, "append", listAppend);
    vm.addMethod(t, "extend", listExtend);
    vm.addMethod(t, "insert", listInsert);
    vm.addMethod(t, "pop", listPop);
    vm.addMethod(t, "remove", listRemove);
    vm.addMethod(t, "index", listIndex);
    vm.addMethod(t, "count", listCount);
    vm.addMethod(t, "sort", listSort);
    vm.addMethod(t, "reverse", listReverse);
    vm.addMethod(t, "copy", listCopy);
    vm.addMethod(t, "clear", listClear);
}

void installTupleMethods(Vm& vm)
{
    vm.addMethod(vm.types().tuple, "index", tupleIndex);
    vm.addMethod(vm.types().tuple, "count", tupleCount);
}

}  // namespace aw::rt
