// The iteration builtins: len, range, the container constructors, iter/next,
// any/all, sorted, and the lazy iterator types enumerate, zip, map, filter,
// reversed (NativeObj subclasses: each is its own Python type and its own
// builtin name, as in CPython).

#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"

namespace aw::rt {

namespace {

// ---------------------------------------------------------------- iterator objects

struct EnumerateObj : vm::NativeObj {
    Value m_iter;
    int64_t m_count = 0;
    void clearRefs() override { m_iter = Value(); NativeObj::clearRefs(); }
};

struct ZipObj : vm::NativeObj {
    std::vector<Value> m_iters;
    bool m_strict = false;
    void clearRefs() override { m_iters.clear(); NativeObj::clearRefs(); }
};

struct MapObj : vm::NativeObj {
    Value m_func;
    std::vector<Value> m_iters;
    void clearRefs() override { m_func = Value(); m_iters.clear(); NativeObj::clearRefs(); }
};

struct FilterObj : vm::NativeObj {
    Value m_func;   // None: keep truthy items
    Value m_iter;
    void clearRefs() override { m_func = m_iter = Value(); NativeObj::clearRefs(); }
};

// reversed(): walks a list by index (it may shrink meanwhile, as CPython's
// list_reverseiterator allows), anything else from a snapshot.
struct ReversedObj : vm::NativeObj {
    Value m_list;                 // a ListObj, or None
    std::vector<Value> m_items;   // snapshot when not a list
    int64_t m_index = -1;         // next index to give
    void clearRefs() override { m_list = Value(); m_items.clear(); NativeObj::clearRefs(); }
};

// iter(callable, sentinel)
struct CallIterObj : vm::NativeObj {
    Value m_func, m_sentinel;
    bool m_done = false;
    void clearRefs() override { m_func = m_sentinel = Value(); NativeObj::clearRefs(); }
};

template <class T>
T* selfAs(Vm& vm, const CallArgs& a)
{
    if (!a.self.isObj() || a.self.asObj()->kind() != vm::Kind::Native) return nullptr;
    return static_cast<T*>(a.self.asObj());
}

Value enumerateNext(Vm& vm, vm::Obj* self)
{
    auto* e = static_cast<EnumerateObj*>(self);
    Value item = vm.next(e->m_iter);
    if (item.isError() || item.isUnbound()) return item;
    return vm.newTuple({Value::integer(e->m_count++), item});
}

std::string argumentRange(size_t n)
{
    return n == 1 ? "argument 1" : "arguments 1-" + std::to_string(n);
}

Value zipNext(Vm& vm, vm::Obj* self)
{
    auto* z = static_cast<ZipObj*>(self);
    if (z->m_iters.empty()) return Value::unbound();
    std::vector<Value> items;
    items.reserve(z->m_iters.size());
    for (size_t i = 0; i < z->m_iters.size(); ++i) {
        Value item = vm.next(z->m_iters[i]);
        if (item.isError()) return item;
        if (item.isUnbound()) {
            if (!z->m_strict) return Value::unbound();
            if (i > 0)
                return vm.raise(vm.types().ValueError, "zip() argument " + std::to_string(i + 1) + " is shorter than "
                                                           + argumentRange(i));
            for (size_t j = 1; j < z->m_iters.size(); ++j) {
                Value other = vm.next(z->m_iters[j]);
                if (other.isError()) return other;
                if (!other.isUnbound())
                    return vm.raise(vm.types().ValueError, "zip() argument " + std::to_string(j + 1)
                                                               + " is longer than " + argumentRange(j));
            }
            return Value::unbound();
        }
        items.push_back(std::move(item));
    }
    return vm.newTuple(std::move(items));
}

Value mapNext(Vm& vm, vm::Obj* self)
{
    auto* m = static_cast<MapObj*>(self);
    std::vector<Value> args;
    for (auto& it : m->m_iters) {
        Value item = vm.next(it);
        if (item.isError() || item.isUnbound()) return item;
        args.push_back(std::move(item));
    }
    return vm.call(m->m_func, std::span<const Value>(args.data(), args.size()));
}

Value filterNext(Vm& vm, vm::Obj* self)
{
    auto* f = static_cast<FilterObj*>(self);
    while (true) {
        Value item = vm.next(f->m_iter);
        if (item.isError() || item.isUnbound()) return item;
        Value test = item;
        if (!f->m_func.isNone()) {
            test = vm.call(f->m_func, {item});
            if (test.isError()) return test;
        }
        const int t = vm.truthy(test);
        if (t < 0) return Value::error();
        if (t) return item;
    }
}

Value reversedNext(Vm& vm, vm::Obj* self)
{
    auto* r = static_cast<ReversedObj*>(self);
    if (r->m_index < 0) return Value::unbound();
    if (auto* l = r->m_list.asOrNull<vm::ListObj>()) {
        if (r->m_index >= static_cast<int64_t>(l->size())) {
            r->m_index = -1;
            return Value::unbound();
        }
        return l->m_items[static_cast<size_t>(r->m_index--)];
    }
    return r->m_items[static_cast<size_t>(r->m_index--)];
}

Value callIterNext(Vm& vm, vm::Obj* self)
{
    auto* c = static_cast<CallIterObj*>(self);
    if (c->m_done) return Value::unbound();
    Value v = vm.call(c->m_func, std::span<const Value>());
    if (v.isError()) return v;
    const int eq = vm.equals(v, c->m_sentinel);
    if (eq < 0) return Value::error();
    if (eq) {
        c->m_done = true;
        return Value::unbound();
    }
    return v;
}

// __iter__ returns the iterator itself; __next__ goes through the type's fast hook.
Value iterSelf(Vm&, CallArgs& a) { return a.self; }

Value nextViaHook(Vm& vm, CallArgs& a)
{
    if (!a.self.isObj()) return vm.raise(vm.types().TypeError, "descriptor '__next__' needs an object");
    vm::TypeObj* t = vm.typeOf(a.self);
    Value v = t->m_iternext(vm, a.self.asObj());
    if (v.isUnbound()) return vm.raise(vm.types().StopIteration, "");
    return v;
}

vm::TypeObj* makeIterType(Vm& vm, std::string_view name, vm::IterNextFn next, vm::NativeFn ctor)
{
    vm::TypeObj* t = newNativeType(vm, name);
    t->m_iternext = next;
    t->m_ctor = ctor;
    vm.addMethod(t, "__iter__", iterSelf);
    vm.addMethod(t, "__next__", nextViaHook);
    return t;
}

vm::TypeObj* calledType(const CallArgs& a) { return a.self.asOrNull<vm::TypeObj>(); }

Value enumerateCtor(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "enumerate", {"iterable", "start"}, 1, args)) return Value::error();
    int64_t start = 0;
    if (!args[1].isUnbound() && !indexArg(vm, args[1], start)) return Value::error();
    Value it = vm.getIter(args[0]);
    if (it.isError()) return it;
    auto* e = vm.heap().make<EnumerateObj>(calledType(a));
    Value result(e);
    e->m_iter = it;
    e->m_count = start;
    return result;
}

Value zipCtor(Vm& vm, CallArgs& a)
{
    bool strict = false;
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwName(i) != "strict")
            return vm.raise(vm.types().TypeError, "zip() got an unexpected keyword argument '" + std::string(a.kwName(i)) + "'");
        const int t = vm.truthy(a.kwValue(i));
        if (t < 0) return Value::error();
        strict = t == 1;
    }
    auto* z = vm.heap().make<ZipObj>(calledType(a));
    Value result(z);
    z->m_strict = strict;
    for (size_t i = 0; i < a.npos; ++i) {
        Value it = vm.getIter(a[i]);
        if (it.isError()) return it;
        z->m_iters.push_back(it);
    }
    return result;
}

Value mapCtor(Vm& vm, CallArgs& a)
{
    if (a.nkw) return vm.raise(vm.types().TypeError, "map() takes no keyword arguments");
    if (a.npos < 2) return vm.raise(vm.types().TypeError, "map() must have at least two arguments.");
    auto* m = vm.heap().make<MapObj>(calledType(a));
    Value result(m);
    m->m_func = a[0];
    for (size_t i = 1; i < a.npos; ++i) {
        Value it = vm.getIter(a[i]);
        if (it.isError()) return it;
        m->m_iters.push_back(it);
    }
    return result;
}

Value filterCtor(Vm& vm, CallArgs& a)
{
    if (a.nkw) return vm.raise(vm.types().TypeError, "filter() takes no keyword arguments");
    if (a.npos != 2)
        return vm.raise(vm.types().TypeError, "filter expected 2 arguments, got " + std::to_string(a.npos));
    Value it = vm.getIter(a[1]);
    if (it.isError()) return it;
    auto* f = vm.heap().make<FilterObj>(calledType(a));
    Value result(f);
    f->m_func = a[0];
    f->m_iter = it;
    return result;
}

Value reversedCtor(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "reversed", 1, 1)) return Value::error();
    const Value& seq = a[0];
    // A user object with __reversed__ decides for itself.
    if (seq.isObj() && (seq.asObj()->kind() == vm::Kind::Instance || seq.asObj()->kind() == vm::Kind::Native)
        && !vm.typeOf(seq)->lookup("__reversed__").isUnbound())
        return vm.callMethod(seq, "__reversed__", {});
    auto* r = vm.heap().make<ReversedObj>(calledType(a));
    Value result(r);
    r->m_list = Value();
    if (auto* l = seq.asOrNull<vm::ListObj>()) {
        r->m_list = seq;
        r->m_index = static_cast<int64_t>(l->size()) - 1;
        return result;
    }
    const vm::Kind k = seq.isObj() ? seq.asObj()->kind() : vm::Kind::Native;
    const bool sequence = k == vm::Kind::Tuple || k == vm::Kind::Str || k == vm::Kind::Range || k == vm::Kind::Dict;
    bool userSequence = false;
    if (!sequence && seq.isObj() && seq.asObj()->kind() == vm::Kind::Instance) {
        vm::TypeObj* t = vm.typeOf(seq);
        userSequence = !t->lookup("__len__").isUnbound() && !t->lookup("__getitem__").isUnbound();
    }
    if (!sequence && !userSequence)
        return vm.raise(vm.types().TypeError, "'" + vm.typeName(seq) + "' object is not reversible");
    if (userSequence) {
        int64_t n = 0;
        if (!vm.lenOf(seq, n)) return Value::error();
        for (int64_t i = 0; i < n; ++i) {
            Value item = vm.getItem(seq, Value::integer(i));
            if (item.isError()) return item;
            r->m_items.push_back(item);
        }
    } else if (!vm.collect(seq, r->m_items)) {
        return Value::error();
    }
    r->m_index = static_cast<int64_t>(r->m_items.size()) - 1;
    return result;
}

// ---------------------------------------------------------------- builtins

Value builtinLen(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "len", 1, 1)) return Value::error();
    return vm.len(a[0]);
}

Value rangeCtor(Vm& vm, CallArgs& a)
{
    if (a.nkw) return vm.raise(vm.types().TypeError, "range() takes no keyword arguments");
    if (a.npos == 0) return vm.raise(vm.types().TypeError, "range expected at least 1 argument, got 0");
    if (a.npos > 3)
        return vm.raise(vm.types().TypeError, "range expected at most 3 arguments, got " + std::to_string(a.npos));
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < a.npos; ++i) {
        if (!a[i].isIntLike()) {
            // A user object with __index__ is an int for range().
            if (a[i].isObj() && !vm.typeOf(a[i])->lookup("__index__").isUnbound()) {
                Value r = vm.callMethod(a[i], "__index__", {});
                if (r.isError()) return r;
                if (!indexArg(vm, r, v[i])) return Value::error();
                continue;
            }
        }
        if (!indexArg(vm, a[i], v[i])) return Value::error();
    }
    if (a.npos == 1) return vm.newRange(0, v[0], 1);
    if (a.npos == 3 && v[2] == 0) return vm.raise(vm.types().ValueError, "range() arg 3 must not be zero");
    return vm.newRange(v[0], v[1], v[2]);
}

Value builtinIter(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "iter", 1, 2)) return Value::error();
    if (a.npos == 1) return vm.getIter(a[0]);
    if (!vm.isCallable(a[0])) return vm.raise(vm.types().TypeError, "iter(v, w): v must be callable");
    vm::TypeObj* t = calleeType(a);
    auto* c = vm.heap().make<CallIterObj>(t);
    Value result(c);
    c->m_func = a[0];
    c->m_sentinel = a[1];
    return result;
}

Value builtinNext(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "next", 1, 2)) return Value::error();
    // Without a default, a finished generator's return value rides out on
    // StopIteration(value), as CPython's next() raises it.
    if (a.npos < 2) return vm.nextOrStop(a[0]);
    Value v = vm.next(a[0]);
    if (v.isUnbound()) return a[1];
    return v;
}

Value anyAll(Vm& vm, CallArgs& a, bool isAny)
{
    if (!a.expect(vm, isAny ? "any" : "all", 1, 1)) return Value::error();
    Value it = vm.getIter(a[0]);
    if (it.isError()) return it;
    while (true) {
        Value item = vm.next(it);
        if (item.isError()) return item;
        if (item.isUnbound()) return Value::boolean(!isAny);
        const int t = vm.truthy(item);
        if (t < 0) return Value::error();
        if ((t == 1) == isAny) return Value::boolean(isAny);
    }
}

Value builtinAny(Vm& vm, CallArgs& a) { return anyAll(vm, a, true); }
Value builtinAll(Vm& vm, CallArgs& a) { return anyAll(vm, a, false); }

Value builtinSorted(Vm& vm, CallArgs& a)
{
    if (a.npos != 1) {
        if (a.npos == 0) return vm.raise(vm.types().TypeError, "sorted expected 1 argument, got 0");
        return vm.raise(vm.types().TypeError, "sorted expected 1 argument, got " + std::to_string(a.npos));
    }
    Value key = Value::none(), reverse = Value::boolean(false);
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwName(i) == "key") key = a.kwValue(i);
        else if (a.kwName(i) == "reverse") reverse = a.kwValue(i);
        else
            return vm.raise(vm.types().TypeError,
                            "sort() got an unexpected keyword argument '" + std::string(a.kwName(i)) + "'");
    }
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();
    const int rev = vm.truthy(reverse);
    if (rev < 0) return Value::error();
    if (key.isNone()) {
        if (!stableSort(vm, items, nullptr, rev == 1)) return Value::error();
    } else {
        std::vector<Value> keys;
        keys.reserve(items.size());
        for (auto& item : items) {
            Value k = vm.call(key, {item});
            if (k.isError()) return k;
            keys.push_back(std::move(k));
        }
        if (!stableSort(vm, items, &keys, rev == 1)) return Value::error();
    }
    return vm.newList(std::move(items));
}

// ---------------------------------------------------------------- container constructors

bool oneIterable(Vm& vm, const CallArgs& a, const char* name)
{
    if (a.nkw) {
        vm.raise(vm.types().TypeError, std::string(name) + "() takes no keyword arguments");
        return false;
    }
    if (a.npos > 1) {
        vm.raise(vm.types().TypeError,
                 std::string(name) + " expected at most 1 argument, got " + std::to_string(a.npos));
        return false;
    }
    return true;
}

Value listCtor(Vm& vm, CallArgs& a)
{
    if (!oneIterable(vm, a, "list")) return Value::error();
    std::vector<Value> items;
    if (a.npos == 1 && !vm.collect(a[0], items)) return Value::error();
    vm::TypeObj* t = calledType(a);
    if (t && t != vm.types().list) {
        auto* l = vm.heap().make<vm::ListObj>(t, std::move(items));
        return Value(l);
    }
    return vm.newList(std::move(items));
}

Value tupleCtor(Vm& vm, CallArgs& a)
{
    if (!oneIterable(vm, a, "tuple")) return Value::error();
    if (a.npos == 0) return vm.emptyTuple();
    if (a[0].is<vm::TupleObj>() && vm.typeOf(a[0]) == vm.types().tuple) return a[0];
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();
    return vm.newTuple(std::move(items));
}

Value setCtorImpl(Vm& vm, CallArgs& a, bool frozen)
{
    if (!oneIterable(vm, a, frozen ? "frozenset" : "set")) return Value::error();
    if (frozen && a.npos == 1 && a[0].isObj() && a[0].asObj()->kind() == vm::Kind::FrozenSet) return a[0];
    Value s = vm.newSet(frozen);
    if (a.npos == 1 && !s.as<vm::SetObj>()->update(vm, a[0])) return Value::error();
    return s;
}

Value setCtor(Vm& vm, CallArgs& a) { return setCtorImpl(vm, a, false); }
Value frozensetCtor(Vm& vm, CallArgs& a) { return setCtorImpl(vm, a, true); }

}  // namespace

bool dictUpdateFrom(Vm& vm, vm::DictObj* d, const Value& src);   // dict_methods.cpp
bool dictUpdateKeywords(Vm& vm, vm::DictObj* d, const CallArgs& a);

namespace {

Value dictCtor(Vm& vm, CallArgs& a)
{
    if (a.npos > 1)
        return vm.raise(vm.types().TypeError, "dict expected at most 1 argument, got " + std::to_string(a.npos));
    Value d = vm.newDict();
    if (a.npos == 1 && !dictUpdateFrom(vm, d.as<vm::DictObj>(), a[0])) return Value::error();
    if (!dictUpdateKeywords(vm, d.as<vm::DictObj>(), a)) return Value::error();
    return d;
}

}  // namespace

void installSequenceBuiltins(Vm& vm)
{
    vm::DictObj* b = vm.builtins();
    auto& t = vm.mutableTypes();
    t.list->m_ctor = listCtor;
    t.tuple->m_ctor = tupleCtor;
    t.set->m_ctor = setCtor;
    t.frozenset->m_ctor = frozensetCtor;
    t.dict->m_ctor = dictCtor;
    t.range->m_ctor = rangeCtor;
    vm.addFunction(b, "len", builtinLen);
    vm.addFunction(b, "next", builtinNext);
    vm.addFunction(b, "any", builtinAny);
    vm.addFunction(b, "all", builtinAll);
    vm.addFunction(b, "sorted", builtinSorted);
    vm.setAttrStr(b, "enumerate", Value(makeIterType(vm, "enumerate", enumerateNext, enumerateCtor)));
    vm.setAttrStr(b, "zip", Value(makeIterType(vm, "zip", zipNext, zipCtor)));
    vm.setAttrStr(b, "map", Value(makeIterType(vm, "map", mapNext, mapCtor)));
    vm.setAttrStr(b, "filter", Value(makeIterType(vm, "filter", filterNext, filterCtor)));
    vm.setAttrStr(b, "reversed", Value(makeIterType(vm, "reversed", reversedNext, reversedCtor)));
    vm::TypeObj* callIter = makeIterType(vm, "callable_iterator", callIterNext, nullptr);
    vm::NativeFunctionObj* iter = vm.addFunction(b, "iter", builtinIter);
    iter->m_data = Value(callIter);
}

}  // namespace aw::rt
