// The `functools` module: partial (with CPython's repr and .func/.args/
// .keywords, as asyncio callbacks print it), reduce, wraps/update_wrapper,
// and cache/lru_cache (an unbounded memo: same results, no eviction).

#include "core/runtime/runtime_util.h"

namespace aw::rt {

namespace {

struct PartialObj : vm::NativeObj {
    Value m_func;
    Value m_args;       // tuple
    Value m_keywords;   // dict
    void clearRefs() override { m_func = m_args = m_keywords = Value(); NativeObj::clearRefs(); }
};

struct CacheObj : vm::NativeObj {
    Value m_func;
    Value m_cache;      // dict: args tuple (+ keyword pairs) -> result
    void clearRefs() override { m_func = m_cache = Value(); NativeObj::clearRefs(); }
};

PartialObj* selfPartial(Vm& vm, const CallArgs& a)
{
    if (!a.self.isObj() || a.self.asObj()->kind() != vm::Kind::Native || vm.typeOf(a.self)->m_name != "partial") {
        vm.raise(vm.types().TypeError, "a functools.partial object is required");
        return nullptr;
    }
    return static_cast<PartialObj*>(a.self.asObj());
}

Value partialCtor(Vm& vm, CallArgs& a)
{
    if (a.npos < 1) return vm.raise(vm.types().TypeError, "type 'partial' takes at least one argument");
    Value func = a[0];
    if (!vm.isCallable(func)) return vm.raise(vm.types().TypeError, "the first argument must be callable");
    std::vector<Value> args;
    Value keywords = vm.newDict();
    // partial(partial(f, 1), 2) flattens to partial(f, 1, 2), as CPython does.
    if (func.isObj() && func.asObj()->kind() == vm::Kind::Native && vm.typeOf(func) == a.self.asOrNull<vm::TypeObj>()) {
        auto* inner = static_cast<PartialObj*>(func.asObj());
        args = inner->m_args.as<vm::TupleObj>()->m_items;
        Value k, v;
        for (size_t i = 0; inner->m_keywords.as<vm::DictObj>()->next(i, &k, &v);)
            keywords.as<vm::DictObj>()->set(vm, k, v);
        func = inner->m_func;
    }
    for (size_t i = 1; i < a.npos; ++i) args.push_back(a[i]);
    for (size_t i = 0; i < a.nkw; ++i)
        if (!keywords.as<vm::DictObj>()->set(vm, a.kwNames[i], a.kwValue(i))) return Value::error();
    auto* p = vm.heap().make<PartialObj>(a.self.as<vm::TypeObj>());
    Value result(p);
    p->m_func = func;
    p->m_args = vm.newTuple(std::move(args));
    p->m_keywords = keywords;
    return result;
}

Value partialCall(Vm& vm, CallArgs& a)
{
    auto* p = selfPartial(vm, a);
    if (!p) return Value::error();
    std::vector<Value> args = p->m_args.as<vm::TupleObj>()->m_items;
    for (size_t i = 0; i < a.npos; ++i) args.push_back(a[i]);
    // Stored keywords, overridden by the call's own.
    Value merged = vm.newDict();
    auto* md = merged.as<vm::DictObj>();
    Value k, v;
    for (size_t i = 0; p->m_keywords.as<vm::DictObj>()->next(i, &k, &v);) md->set(vm, k, v);
    for (size_t i = 0; i < a.nkw; ++i) md->set(vm, a.kwNames[i], a.kwValue(i));
    std::vector<Value> names, values;
    for (size_t i = 0; md->next(i, &k, &v);) {
        names.push_back(k);
        values.push_back(v);
    }
    return vm.callKw(p->m_func, args, names, values);
}

Value partialRepr(Vm& vm, CallArgs& a)
{
    auto* p = selfPartial(vm, a);
    if (!p) return Value::error();
    std::string out = "functools.partial(";
    std::string piece;
    if (!vm.reprString(p->m_func, piece)) return Value::error();
    out += piece;
    for (const Value& arg : p->m_args.as<vm::TupleObj>()->m_items) {
        piece.clear();
        if (!vm.reprString(arg, piece)) return Value::error();
        out += ", " + piece;
    }
    Value k, v;
    for (size_t i = 0; p->m_keywords.as<vm::DictObj>()->next(i, &k, &v);) {
        piece.clear();
        if (!vm.reprString(v, piece)) return Value::error();
        std::string name;
        if (!vm.strString(k, name)) return Value::error();
        out += ", " + name + "=" + piece;
    }
    return vm.newStr(out + ")");
}

Value partialFunc(Vm& vm, CallArgs& a)
{
    auto* p = selfPartial(vm, a);
    return p ? p->m_func : Value::error();
}

Value partialArgs(Vm& vm, CallArgs& a)
{
    auto* p = selfPartial(vm, a);
    return p ? p->m_args : Value::error();
}

Value partialKeywords(Vm& vm, CallArgs& a)
{
    auto* p = selfPartial(vm, a);
    return p ? p->m_keywords : Value::error();
}

Value fReduce(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "reduce", 2, 3)) return Value::error();
    Value it = vm.getIter(a[1]);
    if (it.isError()) return it;
    Value acc = a.npos == 3 ? a[2] : Value::unbound();
    while (true) {
        Value item = vm.next(it);
        if (item.isError()) return item;
        if (item.isUnbound()) break;
        if (acc.isUnbound()) {
            acc = item;
            continue;
        }
        acc = vm.call(a[0], {acc, item});
        if (acc.isError()) return acc;
    }
    if (acc.isUnbound()) return vm.raise(vm.types().TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

// Copies __module__, __name__, __qualname__, __doc__ and __dict__ from
// wrapped to wrapper and sets wrapper.__wrapped__; attributes that cannot be
// read or set are skipped, as functools.update_wrapper does.
bool copyWrapperAttributes(Vm& vm, const Value& wrapper, const Value& wrapped)
{
    for (std::string_view name : {"__module__", "__name__", "__qualname__", "__doc__"}) {
        Value v = vm.getAttrOpt(wrapped, name);
        if (v.isError()) { vm.clearError(); continue; }
        if (v.isUnbound()) continue;
        if (!vm.setAttr(wrapper, name, v)) vm.clearError();
    }
    Value src = vm.getAttrOpt(wrapped, "__dict__");
    if (src.isError()) vm.clearError();
    Value dst = vm.getAttrOpt(wrapper, "__dict__");
    if (dst.isError()) vm.clearError();
    if (src.is<vm::DictObj>() && dst.is<vm::DictObj>()) {
        Value k, v;
        for (size_t i = 0; src.as<vm::DictObj>()->next(i, &k, &v);) dst.as<vm::DictObj>()->set(vm, k, v);
    }
    if (!vm.setAttr(wrapper, "__wrapped__", wrapped)) vm.clearError();
    return true;
}

Value fUpdateWrapper(Vm& vm, CallArgs& a)
{
    Value args[4];
    if (!a.bind(vm, "update_wrapper", {"wrapper", "wrapped", "assigned", "updated"}, 2, args)) return Value::error();
    copyWrapperAttributes(vm, args[0], args[1]);
    return args[0];
}

// The decorator wraps(wrapped) returns: m_data holds `wrapped`.
Value wrapsDecorator(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "update_wrapper", 1, 1)) return Value::error();
    copyWrapperAttributes(vm, a[0], a.callee->m_data);
    return a[0];
}

Value fWraps(Vm& vm, CallArgs& a)
{
    Value args[3];
    if (!a.bind(vm, "wraps", {"wrapped", "assigned", "updated"}, 1, args)) return Value::error();
    return vm.newNative("update_wrapper", wrapsDecorator, Value::unbound(), args[0]);
}

// ---------------------------------------------------------------- cache

Value cacheCall(Vm& vm, CallArgs& a)
{
    if (!a.self.isObj() || a.self.asObj()->kind() != vm::Kind::Native)
        return vm.raise(vm.types().TypeError, "a cache wrapper is required");
    auto* c = static_cast<CacheObj*>(a.self.asObj());
    std::vector<Value> keyItems(a.pos, a.pos + a.npos);
    if (a.nkw) {
        keyItems.push_back(vm.ellipsis());   // separates positional from keyword parts
        for (size_t i = 0; i < a.nkw; ++i) {
            keyItems.push_back(a.kwNames[i]);
            keyItems.push_back(a.kwValue(i));
        }
    }
    Value key = vm.newTuple(std::move(keyItems));
    auto* cache = c->m_cache.as<vm::DictObj>();
    Value hit = cache->get(vm, key);
    if (hit.isError()) return hit;
    if (!hit.isUnbound()) return hit;
    std::vector<Value> names(a.kwNames, a.kwNames + a.nkw), values(a.kwValues, a.kwValues + a.nkw);
    Value r = vm.callKw(c->m_func, std::span<const Value>(a.pos, a.npos), names, values);
    if (r.isError()) return r;
    if (!cache->set(vm, key, r)) return Value::error();
    return r;
}

Value cacheClear(Vm& vm, CallArgs& a)
{
    if (!a.self.isObj() || a.self.asObj()->kind() != vm::Kind::Native)
        return vm.raise(vm.types().TypeError, "a cache wrapper is required");
    static_cast<CacheObj*>(a.self.asObj())->m_cache.as<vm::DictObj>()->clear();
    return Value::none();
}

Value makeCache(Vm& vm, vm::TypeObj* type, const Value& func)
{
    auto* c = vm.heap().make<CacheObj>(type);
    Value result(c);
    c->m_func = func;
    c->m_cache = vm.newDict();
    c->m_dict = vm.newDict().as<vm::DictObj>();
    copyWrapperAttributes(vm, result, func);
    return result;
}

Value fCache(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "cache", 1, 1)) return Value::error();
    return makeCache(vm, calleeType(a), a[0]);
}

// lru_cache as @lru_cache, @lru_cache() or @lru_cache(maxsize=...): the
// decorator returned when no function was given holds the type in m_data.
Value lruDecorator(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "lru_cache", 1, 1)) return Value::error();
    return makeCache(vm, calleeType(a), a[0]);
}

Value fLruCache(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "lru_cache", {"maxsize", "typed"}, 0, args)) return Value::error();
    if (!args[0].isUnbound() && vm.isCallable(args[0]) && !args[0].isIntLike())
        return makeCache(vm, calleeType(a), args[0]);
    return vm.newNative("decorating_function", lruDecorator, Value::unbound(), a.callee->m_data);
}

Value makeFunctoolsModule(Vm& vm)
{
    Value m = vm.newModule("functools");
    vm::DictObj* d = m.as<vm::ModuleObj>()->m_dict.get();

    vm::TypeObj* partial = newNativeType(vm, "partial", "functools");
    partial->m_qualname = "partial";
    partial->m_ctor = partialCtor;
    vm.addMethod(partial, "__call__", partialCall);
    vm.addMethod(partial, "__repr__", partialRepr);
    vm.addProperty(partial, "func", partialFunc);
    vm.addProperty(partial, "args", partialArgs);
    vm.addProperty(partial, "keywords", partialKeywords);
    vm.setAttrStr(d, "partial", Value(partial));

    vm::TypeObj* cacheType = newNativeType(vm, "_lru_cache_wrapper", "functools");
    vm.addMethod(cacheType, "__call__", cacheCall);
    vm.addMethod(cacheType, "cache_clear", cacheClear);

    vm.addFunction(d, "reduce", fReduce);
    vm.addFunction(d, "wraps", fWraps);
    vm.addFunction(d, "update_wrapper", fUpdateWrapper);
    vm.addFunction(d, "cache", fCache)->m_data = Value(cacheType);
    vm.addFunction(d, "lru_cache", fLruCache)->m_data = Value(cacheType);
    return m;
}

}  // namespace

void registerFunctoolsModule(Vm& vm)
{
    vm.registerModule("functools", makeFunctoolsModule);
}

}  // namespace aw::rt
