// The methods of dict and its views (dict_keys, dict_values, dict_items:
// runtime types that print as "dict_keys(['a'])", iterate, have len and `in`).

#include "core/runtime/runtime_util.h"

namespace aw::rt {

namespace {

struct DictViewObj : vm::NativeObj {
    vm::Ref<vm::DictObj> m_dict;
    vm::DictIterObj::Mode m_mode = vm::DictIterObj::Mode::Keys;
    void clearRefs() override { m_dict.reset(); NativeObj::clearRefs(); }
};

vm::DictObj* selfDict(Vm& vm, CallArgs& a, std::string_view name)
{
    if (!takeSelf(vm, a, vm.types().dict, name)) return nullptr;
    return a.self.as<vm::DictObj>();
}

Value raiseKeyError(Vm& vm, const Value& key)
{
    vm.restoreError(vm.newException(vm.types().KeyError, std::vector<Value>{key}));
    return Value::error();
}

Value dictGet(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "get");
    if (!d || !a.expect(vm, "get", 1, 2)) return Value::error();
    Value v = d->get(vm, a[0]);
    if (v.isError()) return v;
    if (v.isUnbound()) return a.npos == 2 ? a[1] : Value::none();
    return v;
}

Value dictSetdefault(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "setdefault");
    if (!d || !a.expect(vm, "setdefault", 1, 2)) return Value::error();
    Value v = d->get(vm, a[0]);
    if (v.isError()) return v;
    if (!v.isUnbound()) return v;
    Value dflt = a.npos == 2 ? a[1] : Value::none();
    if (!d->set(vm, a[0], dflt)) return Value::error();
    return dflt;
}

Value dictPop(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "pop");
    if (!d || !a.expect(vm, "pop", 1, 2)) return Value::error();
    Value out;
    const int r = d->remove(vm, a[0], &out);
    if (r < 0) return Value::error();
    if (r == 1) return out;
    if (a.npos == 2) return a[1];
    return raiseKeyError(vm, a[0]);
}

Value dictPopitem(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "popitem");
    if (!d || !a.expect(vm, "popitem", 0, 0)) return Value::error();
    if (d->size() == 0) return raiseKeyError(vm, vm.newStr("popitem(): dictionary is empty"));
    // The last live entry (LIFO).
    for (size_t i = d->m_entries.size(); i-- > 0;) {
        if (d->m_entries[i].key.isUnbound()) continue;
        Value key = d->m_entries[i].key;
        Value value;
        if (d->remove(vm, key, &value) < 0) return Value::error();
        return vm.newTuple({key, value});
    }
    return raiseKeyError(vm, vm.newStr("popitem(): dictionary is empty"));
}

Value makeView(Vm& vm, CallArgs& a, const char* name, vm::DictIterObj::Mode mode)
{
    auto* d = selfDict(vm, a, name);
    if (!d || !a.expect(vm, name, 0, 0)) return Value::error();
    vm::TypeObj* t = calleeType(a);
    if (!t) return vm.raise(vm.types().RuntimeError, "dict view type missing");
    auto* v = vm.heap().make<DictViewObj>(t);
    Value result(v);
    v->m_dict = d;
    v->m_mode = mode;
    return result;
}

Value dictKeys(Vm& vm, CallArgs& a) { return makeView(vm, a, "keys", vm::DictIterObj::Mode::Keys); }
Value dictValues(Vm& vm, CallArgs& a) { return makeView(vm, a, "values", vm::DictIterObj::Mode::Values); }
Value dictItems(Vm& vm, CallArgs& a) { return makeView(vm, a, "items", vm::DictIterObj::Mode::Items); }

Value dictCopy(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "copy");
    if (!d || !a.expect(vm, "copy", 0, 0)) return Value::error();
    Value out = vm.newDict();
    Value k, v;
    for (size_t i = 0; d->next(i, &k, &v);)
        if (!out.as<vm::DictObj>()->set(vm, k, v)) return Value::error();
    return out;
}

Value dictClear(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "clear");
    if (!d || !a.expect(vm, "clear", 0, 0)) return Value::error();
    d->clear();
    return Value::none();
}

Value dictFromkeys(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "fromkeys", 1, 2)) return Value::error();
    Value value = a.npos == 2 ? a[1] : Value::none();
    std::vector<Value> keys;
    if (!vm.collect(a[0], keys)) return Value::error();
    Value out = vm.newDict();
    for (const auto& k : keys)
        if (!out.as<vm::DictObj>()->set(vm, k, value)) return Value::error();
    return out;
}

// ---------------------------------------------------------------- views

DictViewObj* selfView(Vm& vm, const CallArgs& a)
{
    if (!a.self.isObj() || a.self.asObj()->kind() != vm::Kind::Native) {
        vm.raise(vm.types().TypeError, "a dict view is required");
        return nullptr;
    }
    return static_cast<DictViewObj*>(a.self.asObj());
}

vm::TypeObj* iterTypeFor(Vm& vm, vm::DictIterObj::Mode mode)
{
    switch (mode) {
    case vm::DictIterObj::Mode::Keys: return vm.types().dictKeyIterator;
    case vm::DictIterObj::Mode::Values: return vm.types().dictValueIterator;
    case vm::DictIterObj::Mode::Items: return vm.types().dictItemIterator;
    }
    return vm.types().dictKeyIterator;
}

Value viewIter(Vm& vm, CallArgs& a)
{
    auto* v = selfView(vm, a);
    if (!v) return Value::error();
    auto* it = vm.heap().make<vm::DictIterObj>(iterTypeFor(vm, v->m_mode), v->m_dict.get(), v->m_mode);
    return Value(it);
}

Value viewLen(Vm& vm, CallArgs& a)
{
    auto* v = selfView(vm, a);
    if (!v) return Value::error();
    return Value::integer(static_cast<int64_t>(v->m_dict->size()));
}

Value viewContains(Vm& vm, CallArgs& a)
{
    auto* v = selfView(vm, a);
    if (!v || !a.expect(vm, "__contains__", 1, 1)) return Value::error();
    vm::DictObj* d = v->m_dict.get();
    switch (v->m_mode) {
    case vm::DictIterObj::Mode::Keys: {
        const int r = d->contains(vm, a[0]);
        if (r < 0) return Value::error();
        return Value::boolean(r == 1);
    }
    case vm::DictIterObj::Mode::Items: {
        auto* t = a[0].asOrNull<vm::TupleObj>();
        if (!t || t->size() != 2) return Value::boolean(false);
        Value found = d->get(vm, (*t)[0]);
        if (found.isError()) return found;
        if (found.isUnbound()) return Value::boolean(false);
        const int eq = found.identical((*t)[1]) ? 1 : vm.equals(found, (*t)[1]);
        if (eq < 0) return Value::error();
        return Value::boolean(eq == 1);
    }
    case vm::DictIterObj::Mode::Values: {
        Value k, val;
        for (size_t i = 0; d->next(i, &k, &val);) {
            const int eq = val.identical(a[0]) ? 1 : vm.equals(val, a[0]);
            if (eq < 0) return Value::error();
            if (eq) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    }
    return Value::boolean(false);
}

Value viewRepr(Vm& vm, CallArgs& a)
{
    auto* v = selfView(vm, a);
    if (!v) return Value::error();
    const char* name = v->m_mode == vm::DictIterObj::Mode::Keys     ? "dict_keys"
                       : v->m_mode == vm::DictIterObj::Mode::Values ? "dict_values"
                                                                    : "dict_items";
    std::string out = std::string(name) + "([";
    Value k, val;
    bool first = true;
    for (size_t i = 0; v->m_dict->next(i, &k, &val);) {
        if (!first) out += ", ";
        first = false;
        std::string piece;
        if (v->m_mode == vm::DictIterObj::Mode::Items) {
            Value pair = vm.newTuple({k, val});
            if (!vm.reprString(pair, piece)) return Value::error();
        } else if (!vm.reprString(v->m_mode == vm::DictIterObj::Mode::Keys ? k : val, piece)) {
            return Value::error();
        }
        out += piece;
    }
    out += "])";
    return vm.newStr(out);
}

vm::TypeObj* makeViewType(Vm& vm, std::string_view name)
{
    vm::TypeObj* t = newNativeType(vm, name);
    vm.addMethod(t, "__iter__", viewIter);
    vm.addMethod(t, "__len__", viewLen);
    vm.addMethod(t, "__contains__", viewContains);
    vm.addMethod(t, "__repr__", viewRepr);
    return t;
}

}  // namespace

// dict(x) / d.update(x): a dict, an object with keys(), or an iterable of pairs.
bool dictUpdateFrom(Vm& vm, vm::DictObj* d, const Value& src)
{
    if (auto* other = src.asOrNull<vm::DictObj>()) {
        std::vector<std::pair<Value, Value>> entries;
        Value k, v;
        for (size_t i = 0; other->next(i, &k, &v);) entries.emplace_back(k, v);
        for (auto& [key, value] : entries)
            if (!d->set(vm, key, value)) return false;
        return true;
    }
    if (src.isObj() && src.asObj()->kind() != vm::Kind::List && src.asObj()->kind() != vm::Kind::Tuple) {
        Value keysFn = vm.getAttrOpt(src, "keys");
        if (keysFn.isError()) return false;
        if (!keysFn.isUnbound()) {
            Value keys = vm.call(keysFn, std::span<const Value>());
            if (keys.isError()) return false;
            std::vector<Value> ks;
            if (!vm.collect(keys, ks)) return false;
            for (const auto& key : ks) {
                Value value = vm.getItem(src, key);
                if (value.isError() || !d->set(vm, key, value)) return false;
            }
            return true;
        }
    }
    Value it = vm.getIter(src);
    if (it.isError()) return false;
    for (int64_t n = 0;; ++n) {
        Value item = vm.next(it);
        if (item.isError()) return false;
        if (item.isUnbound()) return true;
        std::vector<Value> pair;
        Value pairIt = vm.getIter(item);
        if (pairIt.isError()) {
            vm.clearError();
            vm.raise(vm.types().TypeError,
                     "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
            return false;
        }
        if (!vm.collect(item, pair)) return false;
        if (pair.size() != 2) {
            vm.raise(vm.types().ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length "
                                                + std::to_string(pair.size()) + "; 2 is required");
            return false;
        }
        if (!d->set(vm, pair[0], pair[1])) return false;
    }
}

bool dictUpdateKeywords(Vm& vm, vm::DictObj* d, const CallArgs& a)
{
    for (size_t i = 0; i < a.nkw; ++i)
        if (!d->set(vm, a.kwNames[i], a.kwValue(i))) return false;
    return true;
}

namespace {

Value dictUpdate(Vm& vm, CallArgs& a)
{
    auto* d = selfDict(vm, a, "update");
    if (!d) return Value::error();
    if (a.npos > 1)
        return vm.raise(vm.types().TypeError, "update expected at most 1 argument, got " + std::to_string(a.npos));
    if (a.npos == 1 && !dictUpdateFrom(vm, d, a[0])) return Value::error();
    if (!dictUpdateKeywords(vm, d, a)) return Value::error();
    return Value::none();
}

}  // namespace

void installDictMethods(Vm& vm)
{
    vm::TypeObj* t = vm.types().dict;
    vm.addMethod(t, "get", dictGet);
    vm.addMethod(t, "setdefault", dictSetdefault);
    vm.addMethod(t, "pop", dictPop);
    vm.addMethod(t, "popitem", dictPopitem);
    vm.addMethod(t, "update", dictUpdate);
    vm.addMethod(t, "copy", dictCopy);
    vm.addMethod(t, "clear", dictClear);
    vm.addClassMethod(t, "fromkeys", dictFromkeys);
    vm.addMethod(t, "keys", dictKeys)->m_data = Value(makeViewType(vm, "dict_keys"));
    vm.addMethod(t, "values", dictValues)->m_data = Value(makeViewType(vm, "dict_values"));
    vm.addMethod(t, "items", dictItems)->m_data = Value(makeViewType(vm, "dict_items"));
}

}  // namespace aw::rt
