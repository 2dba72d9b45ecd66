// Attribute access: the generic getattr with descriptors (functions bind,
// property, staticmethod, classmethod), special attributes of built-in
// objects, setattr/delattr, and LOAD_METHOD's lookup.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

#include <utility>

namespace aw::vm {

namespace {

DictObj* instanceDict(const Value& obj) {
    Obj* o = obj.asObj();
    switch (o->kind()) {
    case Kind::Instance: return static_cast<InstanceObj*>(o)->m_dict.get();
    case Kind::Exception: return static_cast<ExceptionObj*>(o)->m_dict.get();
    case Kind::Native: return static_cast<NativeObj*>(o)->m_dict.get();
    case Kind::Module: return static_cast<ModuleObj*>(o)->m_dict.get();
    case Kind::Function: {
        auto* f = static_cast<FunctionObj*>(o);
        return f->m_dict.is<DictObj>() ? f->m_dict.as<DictObj>() : nullptr;
    }
    default: return nullptr;
    }
}


Value typeSpecial(Vm& vm, TypeObj* t, std::string_view name) {
    if (name == "__name__") return vm.newStr(t->m_name);
    if (name == "__qualname__") return vm.newStr(t->m_qualname);
    if (name == "__module__") {
        Value m = t->m_dict ? t->m_dict->getStr("__module__") : Value::unbound();
        return m.isUnbound() ? vm.newStr(t->m_module) : m;
    }
    if (name == "__dict__") return Value(t->m_dict.get());
    if (name == "__base__") return t->m_base ? Value(t->m_base.get()) : Value();
    if (name == "__bases__") return t->m_base ? vm.newTuple({Value(t->m_base.get())}) : vm.emptyTuple();
    if (name == "__mro__") {
        std::vector<Value> mro;
        for (TypeObj* x = t; x; x = x->m_base.get()) mro.emplace_back(x);
        return vm.newTuple(std::move(mro));
    }
    if (name == "__doc__") {
        Value d = t->lookup("__doc__");
        return d.isUnbound() ? Value() : d;
    }
    return Value::unbound();
}

// Attributes every object of a built-in kind has (not in a type dict).
Value kindSpecial(Vm& vm, const Value& obj, std::string_view name) {
    Obj* o = obj.asObj();
    const BuiltinTypes& T = vm.types();
    switch (o->kind()) {
    case Kind::Function: {
        auto* f = static_cast<FunctionObj*>(o);
        if (name == "__name__") return f->m_name;
        if (name == "__qualname__") return f->m_qualname;
        if (name == "__module__") return f->m_module;
        if (name == "__doc__") return f->m_doc;
        if (name == "__code__") return Value(f->m_code.get());
        if (name == "__defaults__") return f->m_defaults;
        if (name == "__kwdefaults__") return f->m_kwdefaults;
        if (name == "__globals__") return f->m_globals;
        if (name == "__closure__") return f->m_closure;
        if (name == "__dict__") {
            if (!f->m_dict.is<DictObj>()) f->m_dict = vm.newDict();
            return f->m_dict;
        }
        break;
    }
    case Kind::NativeFunction: {
        auto* n = static_cast<NativeFunctionObj*>(o);
        if (name == "__name__") return vm.newStr(n->m_name);
        if (name == "__qualname__") return vm.newStr(n->m_qualname.empty() ? n->m_name : n->m_qualname);
        if (name == "__self__") return n->m_self.isUnbound() ? Value() : n->m_self;
        if (name == "__module__") return Value();
        if (name == "__doc__") return Value();
        break;
    }
    case Kind::BoundMethod: {
        auto* b = static_cast<BoundMethodObj*>(o);
        if (name == "__self__") return b->m_self;
        if (name == "__func__") return b->m_func;
        // everything else comes from the function
        return vm.getAttrOpt(b->m_func, name);
    }
    case Kind::Code: {
        auto* c = static_cast<CodeObj*>(o);
        if (name == "co_name") return c->m_name;
        if (name == "co_qualname") return c->m_qualname;
        if (name == "co_filename") return vm.newStr(c->unit().filename);
        if (name == "co_firstlineno") return Value::integer(c->unit().firstLine);
        if (name == "co_argcount") return Value::integer(c->unit().argcount);
        if (name == "co_flags") return Value::integer(c->m_flags);
        if (name == "co_varnames") return vm.newTuple(c->m_varnames);
        break;
    }
    case Kind::Frame: {
        auto* f = static_cast<FrameObj*>(o);
        if (name == "f_lineno") return Value::integer(f->m_code ? f->line() : 0);
        if (name == "f_code") return f->m_code ? Value(f->m_code.get()) : Value();
        if (name == "f_globals") return f->m_globals;
        if (name == "f_back") return f->m_back ? Value(f->m_back) : Value();
        if (name == "f_locals") return f->m_locals.isNone() ? vm.newDict() : f->m_locals;
        break;
    }
    case Kind::Generator: case Kind::Coroutine: case Kind::AsyncGenerator: {
        auto* g = static_cast<GenObj*>(o);
        if (name == "__name__") return g->m_name;
        if (name == "__qualname__") return g->m_qualname;
        std::string_view rest = name.size() > 3 ? name.substr(3) : std::string_view();
        std::string_view prefix = name.substr(0, 3);
        if (prefix == "gi_" || prefix == "cr_" || prefix == "ag_") {
            if (rest == "frame") return g->m_frame ? Value(g->m_frame.get()) : Value();
            if (rest == "running") return Value::boolean(g->m_running);
            if (rest == "code") return g->m_frame ? Value(g->m_frame->m_code.get()) : Value();
            if (rest == "suspended") return Value::boolean(g->m_frame && g->m_started && !g->m_running);
            if (rest == "await" || rest == "yieldfrom") {
                FrameObj* f = g->m_frame.get();
                if (!f || g->m_running || f->m_ip >= f->m_code->m_code.size()) return Value();
                if (f->m_code->m_code[f->m_ip].op != bytecode::Opcode::YIELD_FROM || f->m_sp <= f->m_stackBase) return Value();
                return f->m_slots[f->m_sp - 1];
            }
        }
        break;
    }
    case Kind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") return e->m_args;
        if (name == "__cause__") return e->m_cause;
        if (name == "__context__") return e->m_context;
        if (name == "__suppress_context__") return Value::boolean(e->m_suppressContext);
        if (name == "__traceback__") return e->m_traceback.empty() ? Value() : Value(o);   // opaque stand-in
        if (name == "value" && o->type()->isSubtypeOf(T.StopIteration)) return e->m_value;
        if (name == "__dict__") {
            if (!e->m_dict) e->m_dict = vm.newDict().as<DictObj>();
            return Value(e->m_dict.get());
        }
        break;
    }
    case Kind::Instance: {
        auto* i = static_cast<InstanceObj*>(o);
        if (name == "__dict__") {
            if (!i->m_dict) i->m_dict = vm.newDict().as<DictObj>();
            return Value(i->m_dict.get());
        }
        break;
    }
    case Kind::Module: {
        auto* m = static_cast<ModuleObj*>(o);
        if (name == "__dict__") return Value(m->m_dict.get());
        break;
    }
    case Kind::Property: {
        auto* p = static_cast<PropertyObj*>(o);
        if (name == "fget") return p->m_get;
        if (name == "fset") return p->m_set;
        if (name == "fdel") return p->m_del;
        if (name == "__doc__") return p->m_doc;
        break;
    }
    case Kind::StaticMethod: case Kind::ClassMethod: {
        Value f = o->kind() == Kind::StaticMethod ? static_cast<StaticMethodObj*>(o)->m_func : static_cast<ClassMethodObj*>(o)->m_func;
        if (name == "__func__") return f;
        break;
    }
    case Kind::Slice: {
        auto* s = static_cast<SliceObj*>(o);
        if (name == "start") return s->m_start;
        if (name == "stop") return s->m_stop;
        if (name == "step") return s->m_step;
        break;
    }
    case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        if (name == "start") return Value::integer(r->m_start);
        if (name == "stop") return Value::integer(r->m_stop);
        if (name == "step") return Value::integer(r->m_step);
        break;
    }
    case Kind::Cell:
        if (name == "cell_contents") {
            auto* c = static_cast<CellObj*>(o);
            if (c->m_value.isUnbound()) return vm.raise(T.ValueError, "Cell is empty");
            return c->m_value;
        }
        break;
    default: break;
    }
    return Value::unbound();
}

// Binds a descriptor found on the type to `obj` (or to `owner` for class access: obj Unbound).
Value bindDescriptor(Vm& vm, const Value& descr, const Value& obj, TypeObj* owner) {
    if (!descr.isObj()) return descr;
    Obj* d = descr.asObj();
    switch (d->kind()) {
    case Kind::Function:
        if (obj.isUnbound()) return descr;
        return vm.newBoundMethod(descr, obj);
    case Kind::NativeFunction: {
        auto* n = static_cast<NativeFunctionObj*>(d);
        if (n->m_isClassMethod) return vm.newNative(n->m_name, n->m_fn, Value(owner), n->m_data);
        if (!n->m_isMethod || obj.isUnbound() || !n->m_self.isUnbound()) return descr;
        Value b = vm.newNative(n->m_name, n->m_fn, obj, n->m_data);
        b.as<NativeFunctionObj>()->m_qualname = n->m_qualname;
        return b;
    }
    case Kind::StaticMethod: return static_cast<StaticMethodObj*>(d)->m_func;
    case Kind::ClassMethod: return vm.newBoundMethod(static_cast<ClassMethodObj*>(d)->m_func, Value(owner));
    case Kind::Property: {
        if (obj.isUnbound()) return descr;
        auto* p = static_cast<PropertyObj*>(d);
        if (p->m_get.isNone()) return vm.raise(vm.types().AttributeError, "property has no getter");   // refined by caller
        return detail::callValue(vm, p->m_get, p->m_get.is<NativeFunctionObj>() ? obj : Value::unbound(),
                                 p->m_get.is<NativeFunctionObj>() ? nullptr : &obj, p->m_get.is<NativeFunctionObj>() ? 0 : 1,
                                 nullptr, nullptr, 0);
    }
    case Kind::Instance: {
        // A user descriptor: __get__(obj, owner)
        Value get = d->type()->lookup("__get__");
        if (get.isUnbound()) return descr;
        Value args[2] = {obj.isUnbound() ? Value() : obj, Value(owner)};
        return detail::callValue(vm, get, descr, args, 2, nullptr, nullptr, 0);
    }
    default: return descr;
    }
}

bool isDataDescriptor(const Value& d) {
    if (!d.isObj()) return false;
    if (d.is<PropertyObj>()) return true;
    if (d.is<InstanceObj>()) return !d.asObj()->type()->lookup("__set__").isUnbound();
    return false;
}

// The super object's lookup: after `start` in obj's MRO.
struct SuperObj : NativeObj {
    Ref<TypeObj> m_start;
    Value m_obj;
    void clearRefs() override { NativeObj::clearRefs(); m_start.reset(); m_obj = Value(); }
};

}  // namespace

namespace detail {

int64_t entryIndex(const DictObj* d, const StrObj* name) {
    if (d->m_index.empty()) return -1;
    const int64_t hash = name->hash();
    const size_t mask = d->m_index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t j = size_t(perturb) & mask;
    while (true) {
        const int32_t ix = d->m_index[j];
        if (ix == -1) return -1;
        if (ix >= 0) {
            const DictObj::Entry& e = d->m_entries[size_t(ix)];
            if (e.hash == hash && e.key.isObj()) {
                const Obj* k = e.key.asObj();
                if (k == name || (k->kind() == Kind::Str && static_cast<const StrObj*>(k)->m_text == name->m_text))
                    return ix;
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Value typeLookup(Vm& vm, const TypeObj* type, const StrObj* name) {
    using Entry = Vm::TypeLookupCacheEntry;
    // Only interned names: they live as long as the Vm, so their address names them.
    if (!name->m_interned) return type->lookup(name);
    if (!vm.m_typeLookupCache) vm.m_typeLookupCache.reset(new Entry[Vm::kTypeLookupCacheSize]);
    const uintptr_t h =
        (reinterpret_cast<uintptr_t>(type) >> 4) ^ ((reinterpret_cast<uintptr_t>(name) >> 4) * 0x9E3779B1u);
    Entry& e = vm.m_typeLookupCache[h & (Vm::kTypeLookupCacheSize - 1)];
    // No type dict changed since the entry was made (nor was a type made, so
    // a type at a freed one's address cannot match).
    const uint64_t epoch = typeDictEpoch();
    if (e.epoch == epoch && e.type == type && e.name == name)
        return e.owner ? e.owner->m_entries[e.entry].value : Value::unbound();
    e.type = type;
    e.name = name;
    e.epoch = epoch;
    e.owner = nullptr;
    for (const TypeObj* t = type; t; t = t->m_base.get()) {
        const DictObj* d = t->m_dict.get();
        if (!d) continue;
        const int64_t ix = entryIndex(d, name);
        if (ix >= 0) {
            e.owner = d;
            e.entry = uint32_t(ix);
            return d->m_entries[size_t(ix)].value;
        }
    }
    return Value::unbound();
}

const StrObj* internedName(Vm& vm, const char* literal) {
    auto it = vm.m_internedLiterals.find(literal);
    if (it != vm.m_internedLiterals.end()) return it->second;
    const StrObj* s = vm.intern(literal).as<StrObj>();
    vm.m_internedLiterals.emplace(literal, s);
    return s;
}

Value makeSuper(Vm& vm, TypeObj* start, const Value& obj) {
    auto* s = vm.heap().make<SuperObj>(vm.types().super_);
    s->m_start = start;
    s->m_obj = obj;
    return Value(s);
}

Value callSpecial(Vm& vm, const Value& obj, std::string_view name, std::span<const Value> args) {
    Value f = vm.typeOf(obj)->lookup(name);
    if (f.isUnbound()) return f;
    if (f.is<FunctionObj>() || f.is<NativeFunctionObj>())
        return callValue(vm, f, obj, args.data(), args.size(), nullptr, nullptr, 0);
    if (f.isNone()) return Value::unbound();
    Value bound = bindDescriptor(vm, f, obj, vm.typeOf(obj));
    if (bound.isError()) return bound;
    return vm.call(bound, args);
}

Value callSpecial(Vm& vm, const Value& obj, std::string_view name, std::initializer_list<Value> args) {
    return callSpecial(vm, obj, name, std::span<const Value>(args.begin(), args.size()));
}

bool loadMethod(Vm& vm, const Value& obj, const Value& name, Value& meth, Value& self) {
    if (obj.isObj()) {
        Obj* o = obj.asObj();
        Kind k = o->kind();
        if (k != Kind::Type && k != Kind::Module && k != Kind::Native) {
            auto* nameStr = name.as<StrObj>();
            Value descr = typeLookup(vm, o->type(), nameStr);
            bool plain = descr.is<FunctionObj>() ||
                         (descr.is<NativeFunctionObj>() && descr.as<NativeFunctionObj>()->m_isMethod &&
                          descr.as<NativeFunctionObj>()->m_self.isUnbound());
            if (plain) {
                DictObj* d = k == Kind::Instance || k == Kind::Exception ? instanceDict(obj) : nullptr;
                Value shadow = d ? d->getStr(nameStr) : Value::unbound();
                if (shadow.isUnbound()) {
                    meth = std::move(descr);
                    self = obj;
                    return true;
                }
            }
        }
    } else {
        // int/float/bool/None methods (runtime natives on the type)
        Value descr = typeLookup(vm, vm.typeOf(obj), name.as<StrObj>());
        if (descr.is<NativeFunctionObj>() && descr.as<NativeFunctionObj>()->m_isMethod) {
            meth = std::move(descr);
            self = obj;
            return true;
        }
    }
    meth = vm.getAttr(obj, name);
    self = Value::unbound();
    return !meth.isError();
}

}  // namespace detail

namespace {
// Set by getAttrQuiet for the one getAttr call it makes (nested lookups, such
// as a property getter's own, raise as usual).
thread_local bool t_quietMiss = false;
}  // namespace

Value detail::getAttrQuiet(Vm& vm, const Value& obj, const Value& name) {
    t_quietMiss = true;
    Value r = vm.getAttr(obj, name);
    t_quietMiss = false;
    if (r.isError() && vm.errorMatches(vm.types().AttributeError)) {
        vm.clearError();
        return Value::unbound();
    }
    return r;
}

Value Vm::getAttrOpt(const Value& obj, std::string_view name) { return detail::getAttrQuiet(*this, obj, intern(name)); }

Value Vm::getAttr(const Value& obj, std::string_view name) { return getAttr(obj, intern(name)); }

bool Vm::hasAttr(const Value& obj, std::string_view name) {
    Value r = getAttrOpt(obj, name);
    if (r.isError()) { clearError(); return false; }
    return !r.isUnbound();
}

Value Vm::getAttr(const Value& obj, const Value& nameValue) {
    const bool quiet = std::exchange(t_quietMiss, false);   // getAttrQuiet's call: a plain miss raises nothing
    auto* name = nameValue.as<StrObj>();
    std::string_view n = name->view();
    TypeObj* type = typeOf(obj);

    if (obj.is<TypeObj>()) {
        TypeObj* t = obj.as<TypeObj>();
        Value special = typeSpecial(*this, t, n);
        if (!special.isUnbound()) return special;
        Value v = t->lookup(name);
        if (!v.isUnbound()) return bindDescriptor(*this, v, Value::unbound(), t);
        // the metatype (type's own methods, e.g. mro)
        Value mv = type->lookup(name);
        if (!mv.isUnbound()) return bindDescriptor(*this, mv, obj, type);
        return raise(m_types.AttributeError, "type object '" + t->m_name + "' has no attribute '" + std::string(n) + "'");
    }
    if (obj.is<ModuleObj>() && !(n.size() > 4 && n.substr(0, 2) == "__")) {
        // A module's own names (asyncio.sleep): the module type has no data
        // descriptor but dunders, so the module's dict decides first.
        Value v = obj.as<ModuleObj>()->m_dict->getStr(name);
        if (!v.isUnbound()) return v;
    }
    if (obj.is<NativeObj>() && type == m_types.super_) {
        auto* s = static_cast<SuperObj*>(obj.asObj());
        TypeObj* objType = s->m_obj.is<TypeObj>() ? s->m_obj.as<TypeObj>() : typeOf(s->m_obj);
        // find m_start in obj's MRO and continue after it
        TypeObj* t = objType;
        while (t && t != s->m_start.get()) t = t->m_base.get();
        for (t = t ? t->m_base.get() : nullptr; t; t = t->m_base.get()) {
            Value v = t->m_dict ? t->m_dict->getStr(name) : Value::unbound();
            if (v.isUnbound()) continue;
            if (s->m_obj.is<TypeObj>()) return bindDescriptor(*this, v, Value::unbound(), s->m_obj.as<TypeObj>());
            return bindDescriptor(*this, v, s->m_obj, objType);
        }
        return raise(m_types.AttributeError, "'super' object has no attribute '" + std::string(n) + "'");
    }

    Value descr = detail::typeLookup(*this, type, name);
    if (!descr.isUnbound() && isDataDescriptor(descr)) {
        if (descr.is<PropertyObj>() && descr.as<PropertyObj>()->m_get.isNone())
            return raise(m_types.AttributeError, "property '" + std::string(n) + "' of '" + type->m_name + "' object has no getter");
        return bindDescriptor(*this, descr, obj, type);
    }
    if (obj.isObj()) {
        if (DictObj* d = instanceDict(obj)) {
            Value v = d->getStr(name);
            if (!v.isUnbound()) return v;
        }
        Value special = kindSpecial(*this, obj, n);
        if (!special.isUnbound()) return special;
    }
    if (!descr.isUnbound()) return bindDescriptor(*this, descr, obj, type);
    if (n == "__class__") return Value(type);
    if (obj.isObj() && (obj.asObj()->kind() == Kind::Instance || obj.asObj()->kind() == Kind::Native ||
                        obj.asObj()->kind() == Kind::Exception)) {
        Value ga = detail::typeLookup(*this, type, detail::internedName(*this, "__getattr__"));
        if (!ga.isUnbound()) return detail::callValue(*this, ga, obj, &nameValue, 1, nullptr, nullptr, 0);
    }
    if (quiet) return Value::unbound();
    if (obj.is<ModuleObj>())
        return raise(m_types.AttributeError, "module '" + obj.as<ModuleObj>()->m_name + "' has no attribute '" + std::string(n) + "'");
    return raise(m_types.AttributeError, "'" + type->m_name + "' object has no attribute '" + std::string(n) + "'");
}

bool Vm::setAttr(const Value& obj, std::string_view name, Value v) { return setAttr(obj, intern(name), std::move(v)); }

bool Vm::setAttr(const Value& obj, const Value& nameValue, Value v) {
    auto* name = nameValue.as<StrObj>();
    std::string_view n = name->view();
    TypeObj* type = typeOf(obj);
    if (obj.is<TypeObj>()) {
        TypeObj* t = obj.as<TypeObj>();
        if (t->m_builtin && t->m_module == "builtins") {
            raise(m_types.TypeError, "cannot set '" + std::string(n) + "' attribute of immutable type '" + t->m_name + "'");
            return false;
        }
        if (n == "__name__" && v.is<StrObj>()) { t->m_name = v.as<StrObj>()->text(); return true; }
        if (n == "__qualname__" && v.is<StrObj>()) { t->m_qualname = v.as<StrObj>()->text(); return true; }
        return t->m_dict->set(*this, nameValue, std::move(v));
    }
    Value descr = detail::typeLookup(*this, type, name);
    if (descr.is<PropertyObj>()) {
        auto* p = descr.as<PropertyObj>();
        if (p->m_set.isNone()) {
            raise(m_types.AttributeError, "property '" + std::string(n) + "' of '" + type->m_name + "' object has no setter");
            return false;
        }
        Value r = p->m_set.is<NativeFunctionObj>() ? detail::callValue(*this, p->m_set, obj, &v, 1, nullptr, nullptr, 0)
                                                   : call(p->m_set, {obj, v});
        return !r.isError();
    }
    if (descr.is<InstanceObj>()) {
        Value set = descr.asObj()->type()->lookup("__set__");
        if (!set.isUnbound()) {
            Value args[2] = {obj, v};
            return !detail::callValue(*this, set, descr, args, 2, nullptr, nullptr, 0).isError();
        }
    }
    if (obj.isObj()) {
        Obj* o = obj.asObj();
        if (o->kind() == Kind::Instance || o->kind() == Kind::Native || o->kind() == Kind::Exception) {
            Value sa = detail::typeLookup(*this, type, detail::internedName(*this, "__setattr__"));
            if (!sa.isUnbound() && !(sa.is<NativeFunctionObj>() && sa.as<NativeFunctionObj>()->m_qualname == "object.__setattr__")) {
                Value args[2] = {nameValue, v};
                return !detail::callValue(*this, sa, obj, args, 2, nullptr, nullptr, 0).isError();
            }
        }
        switch (o->kind()) {
        case Kind::Instance: {
            auto* i = static_cast<InstanceObj*>(o);
            if (!i->m_dict) i->m_dict = newDict().as<DictObj>();
            return i->m_dict->set(*this, nameValue, std::move(v));
        }
        case Kind::Exception: {
            auto* e = static_cast<ExceptionObj*>(o);
            if (n == "__cause__") { e->m_cause = v; e->m_suppressContext = true; return true; }
            if (n == "__context__") { e->m_context = v; return true; }
            if (n == "__suppress_context__") { e->m_suppressContext = truthy(v) > 0; return true; }
            if (n == "__traceback__") { if (v.isNone()) e->m_traceback.clear(); return true; }
            if (n == "args") {
                std::vector<Value> items;
                if (!collect(v, items)) return false;
                e->m_args = newTuple(std::move(items));
                return true;
            }
            if (n == "value" && type->isSubtypeOf(m_types.StopIteration)) { e->m_value = v; return true; }
            if (!e->m_dict) e->m_dict = newDict().as<DictObj>();
            return e->m_dict->set(*this, nameValue, std::move(v));
        }
        case Kind::Native: {
            auto* nobj = static_cast<NativeObj*>(o);
            if (!nobj->m_dict) nobj->m_dict = newDict().as<DictObj>();
            return nobj->m_dict->set(*this, nameValue, std::move(v));
        }
        case Kind::Module: return static_cast<ModuleObj*>(o)->m_dict->set(*this, nameValue, std::move(v));
        case Kind::Function: {
            auto* f = static_cast<FunctionObj*>(o);
            if (n == "__name__") { f->m_name = v; return true; }
            if (n == "__qualname__") { f->m_qualname = v; return true; }
            if (n == "__doc__") { f->m_doc = v; return true; }
            if (n == "__module__") { f->m_module = v; return true; }
            if (!f->m_dict.is<DictObj>()) f->m_dict = newDict();
            return f->m_dict.as<DictObj>()->set(*this, nameValue, std::move(v));
        }
        default: break;
        }
    }
    if (descr.isUnbound())
        raise(m_types.AttributeError, "'" + type->m_name + "' object has no attribute '" + std::string(n) + "'");
    else
        raise(m_types.AttributeError, "'" + type->m_name + "' object attribute '" + std::string(n) + "' is read-only");
    return false;
}

bool Vm::delAttr(const Value& obj, const Value& nameValue) {
    auto* name = nameValue.as<StrObj>();
    TypeObj* type = typeOf(obj);
    Value descr = type->lookup(name);
    if (descr.is<PropertyObj>()) {
        auto* p = descr.as<PropertyObj>();
        if (p->m_del.isNone()) {
            raise(m_types.AttributeError, "property '" + name->text() + "' of '" + type->m_name + "' object has no deleter");
            return false;
        }
        return !call(p->m_del, {obj}).isError();
    }
    DictObj* d = nullptr;
    if (obj.is<TypeObj>()) d = obj.as<TypeObj>()->m_dict.get();
    else if (obj.isObj()) d = instanceDict(obj);
    if (d) {
        int r = d->remove(*this, nameValue);
        if (r < 0) return false;
        if (r > 0) return true;
    }
    raise(m_types.AttributeError, (obj.is<TypeObj>() ? "type object '" + obj.as<TypeObj>()->m_name + "'"
                                                      : "'" + type->m_name + "' object") +
                                      " has no attribute '" + name->text() + "'");
    return false;
}

}  // namespace aw::vm
