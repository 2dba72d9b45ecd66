// The object model's own natives: object, type, BaseException, property,
// staticmethod, classmethod, super and __build_class__.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm::detail {

Value makeSuper(Vm& vm, TypeObj* start, const Value& obj);

namespace {

std::string fullName(TypeObj* t) {
    return t->m_module == "builtins" ? t->m_qualname : t->m_module + "." + t->m_qualname;
}

Value objectRepr(Vm& vm, CallArgs& a) {
    TypeObj* t = vm.typeOf(a.self);
    return vm.newStr("<" + fullName(t) + " object at " + fakeAddress(a.self.objOrNull()) + ">");
}
Value objectStr(Vm& vm, CallArgs& a) { return vm.repr(a.self); }
Value objectInit(Vm&, CallArgs&) { return Value(); }
Value objectEq(Vm& vm, CallArgs& a) {
    if (a.size() != 1) return vm.raise(vm.types().TypeError, "expected 1 argument");
    return a.self.identical(a[0]) ? Value::boolean(true) : vm.notImplemented();
}
Value objectNe(Vm& vm, CallArgs& a) {
    if (a.size() != 1) return vm.raise(vm.types().TypeError, "expected 1 argument");
    Value r = callSpecial(vm, a.self, "__eq__", {a[0]});
    if (r.isError() || r.isUnbound()) return r.isUnbound() ? vm.notImplemented() : r;
    if (r.identical(vm.notImplemented())) return r;
    int t = vm.truthy(r);
    if (t < 0) return Value::error();
    return Value::boolean(!t);
}
Value objectHash(Vm& vm, CallArgs& a) {
    uint64_t p = reinterpret_cast<uintptr_t>(a.self.objOrNull());
    return Value::integer(int64_t((p >> 4) | (p << 60)));
}
Value objectFormat(Vm& vm, CallArgs& a) {
    if (a.size() != 1 || !a[0].is<StrObj>()) return vm.raise(vm.types().TypeError, "format expects a str spec");
    if (a[0].as<StrObj>()->length() != 0)
        return vm.raise(vm.types().TypeError, "unsupported format string passed to " + vm.typeName(a.self) + ".__format__");
    return vm.str(a.self);
}
Value objectSetattr(Vm& vm, CallArgs& a) {
    if (a.size() != 2 || !a[0].is<StrObj>()) return vm.raise(vm.types().TypeError, "__setattr__ expects (name, value)");
    Obj* o = a.self.objOrNull();
    if (o && o->kind() == Kind::Instance) {
        auto* i = static_cast<InstanceObj*>(o);
        if (!i->m_dict) i->m_dict = vm.newDict().as<DictObj>();
        if (!i->m_dict->set(vm, a[0], a[1])) return Value::error();
        return Value();
    }
    if (!vm.setAttr(a.self, a[0], a[1])) return Value::error();
    return Value();
}
Value objectGetattribute(Vm& vm, CallArgs& a) {
    if (a.size() != 1 || !a[0].is<StrObj>()) return vm.raise(vm.types().TypeError, "__getattribute__ expects a name");
    return vm.getAttr(a.self, a[0]);
}
Value objectNew(Vm& vm, CallArgs& a) {
    if (a.size() < 1 || !a[0].is<TypeObj>()) return vm.raise(vm.types().TypeError, "object.__new__(X): X is not a type object");
    TypeObj* t = a[0].as<TypeObj>();
    if (t->m_instanceKind == Kind::Exception) {
        auto* e = vm.heap().make<ExceptionObj>(t);
        e->m_args = vm.newTuple(std::vector<Value>(a.pos + 1, a.pos + a.npos));
        return Value(e);
    }
    if (t->m_instanceKind != Kind::Instance)
        return vm.raise(vm.types().TypeError, "object.__new__(" + t->m_name + ") is not safe");
    return Value(vm.heap().make<InstanceObj>(t));
}
Value objectCtor(Vm& vm, CallArgs& a) {
    TypeObj* t = a.self.as<TypeObj>();
    if (t == vm.types().object) {
        if (a.npos || a.nkw) return vm.raise(vm.types().TypeError, "object() takes no arguments");
        return Value(vm.heap().make<InstanceObj>(t));
    }
    return Value(vm.heap().make<InstanceObj>(t));
}
Value objectDir(Vm& vm, CallArgs& a) {
    std::vector<Value> names;
    Value seen = vm.newSet();
    auto addDict = [&](DictObj* d) {
        if (!d) return;
        for (auto& k : d->keys()) {
            if (seen.as<SetObj>()->contains(vm, k) == 0) { seen.as<SetObj>()->add(vm, k); names.push_back(k); }
        }
    };
    if (a.self.is<InstanceObj>()) addDict(a.self.as<InstanceObj>()->m_dict.get());
    for (TypeObj* t = vm.typeOf(a.self); t; t = t->m_base.get()) addDict(t->m_dict.get());
    return vm.newList(std::move(names));
}

// type(x) / type(name, bases, dict)
Value typeCtor(Vm& vm, CallArgs& a) {
    if (a.npos == 1 && a.nkw == 0) return Value(vm.typeOf(a[0]));
    if (a.npos != 3) return vm.raise(vm.types().TypeError, "type() takes 1 or 3 arguments");
    if (!a[0].is<StrObj>() || !a[1].is<TupleObj>() || !a[2].is<DictObj>())
        return vm.raise(vm.types().TypeError, "type.__new__() argument 1 must be str, not " + vm.typeName(a[0]));
    const auto& bases = a[1].as<TupleObj>()->m_items;
    if (bases.size() > 1) return vm.raise(vm.types().TypeError, "multiple inheritance is not supported");
    TypeObj* base = bases.empty() ? vm.types().object : (bases[0].is<TypeObj>() ? bases[0].as<TypeObj>() : nullptr);
    if (!base) return vm.raise(vm.types().TypeError, "bases must be types");
    auto* t = vm.heap().make<TypeObj>(vm.types().type);
    Value tv(t);
    t->m_name = t->m_qualname = a[0].as<StrObj>()->text();
    t->m_base = base;
    t->m_dict = vm.newDict().as<DictObj>();
    markTypeDict(t->m_dict.get());
    for (auto& e : a[2].as<DictObj>()->m_entries)
        if (!e.key.isUnbound()) t->m_dict->set(vm, e.key, e.value);
    Value mod = t->m_dict->getStr("__module__");
    t->m_module = mod.is<StrObj>() ? mod.as<StrObj>()->text() : "__main__";
    t->m_instanceKind = base->m_instanceKind;
    return tv;
}
Value typeMro(Vm& vm, CallArgs& a) {
    std::vector<Value> mro;
    for (TypeObj* x = a.self.as<TypeObj>(); x; x = x->m_base.get()) mro.emplace_back(x);
    return vm.newList(std::move(mro));
}
Value typeSubclasscheck(Vm& vm, CallArgs& a) {
    if (a.size() != 1 || !a[0].is<TypeObj>()) return vm.raise(vm.types().TypeError, "issubclass() arg 1 must be a class");
    return Value::boolean(a[0].as<TypeObj>()->isSubtypeOf(a.self.as<TypeObj>()));
}

// BaseException
Value excInit(Vm& vm, CallArgs& a) {
    if (!a.self.is<ExceptionObj>()) return vm.raise(vm.types().TypeError, "descriptor '__init__' requires a 'BaseException' object");
    auto* e = a.self.as<ExceptionObj>();
    e->m_args = vm.newTuple(std::vector<Value>(a.pos, a.pos + a.npos));
    if (e->type()->isSubtypeOf(vm.types().StopIteration)) e->m_value = a.npos ? a[0] : Value();
    return Value();
}
Value excStr(Vm& vm, CallArgs& a) {
    if (!a.self.is<ExceptionObj>()) return vm.str(a.self);
    auto* e = a.self.as<ExceptionObj>();
    const auto& args = e->m_args.as<TupleObj>()->m_items;
    if (args.empty()) return vm.newStr("");
    if (args.size() == 1) {
        if (e->type()->isSubtypeOf(vm.types().KeyError)) return vm.repr(args[0]);
        return vm.str(args[0]);
    }
    return vm.repr(e->m_args);
}
Value excRepr(Vm& vm, CallArgs& a) {
    auto* e = a.self.as<ExceptionObj>();
    const auto& args = e->m_args.as<TupleObj>()->m_items;
    std::string r;
    if (args.size() == 1) {
        if (!vm.reprString(args[0], r)) return Value::error();
        r = "(" + r + ")";
    } else if (!vm.reprString(e->m_args, r)) return Value::error();
    return vm.newStr(e->type()->m_name + r);
}
Value excWithTraceback(Vm&, CallArgs& a) { return a.self; }
Value excAddNote(Vm& vm, CallArgs& a) {
    if (a.size() != 1 || !a[0].is<StrObj>()) return vm.raise(vm.types().TypeError, "note must be a str");
    Value notes = vm.getAttrOpt(a.self, "__notes__");
    if (notes.isError()) return notes;
    if (notes.isUnbound()) {
        notes = vm.newList();
        if (!vm.setAttr(a.self, "__notes__", notes)) return Value::error();
    }
    if (notes.is<ListObj>()) notes.as<ListObj>()->m_items.push_back(a[0]);
    return Value();
}

// property / staticmethod / classmethod
Value propertyCtor(Vm& vm, CallArgs& a) {
    Value v[4];
    if (!a.bind(vm, "property", {"fget", "fset", "fdel", "doc"}, 0, v)) return Value::error();
    auto* p = vm.heap().make<PropertyObj>(vm.types().property);
    p->m_get = v[0].isUnbound() ? Value() : v[0];
    p->m_set = v[1].isUnbound() ? Value() : v[1];
    p->m_del = v[2].isUnbound() ? Value() : v[2];
    p->m_doc = v[3].isUnbound() ? Value() : v[3];
    if (p->m_doc.isNone() && p->m_get.is<FunctionObj>()) p->m_doc = p->m_get.as<FunctionObj>()->m_doc;
    return Value(p);
}
Value propertyCopy(Vm& vm, CallArgs& a, int which) {
    if (a.size() != 1) return vm.raise(vm.types().TypeError, "expected one argument");
    auto* old = a.self.as<PropertyObj>();
    auto* p = vm.heap().make<PropertyObj>(vm.types().property);
    p->m_get = which == 0 ? a[0] : old->m_get;
    p->m_set = which == 1 ? a[0] : old->m_set;
    p->m_del = which == 2 ? a[0] : old->m_del;
    p->m_doc = old->m_doc;
    return Value(p);
}
Value propertyGetter(Vm& vm, CallArgs& a) { return propertyCopy(vm, a, 0); }
Value propertySetter(Vm& vm, CallArgs& a) { return propertyCopy(vm, a, 1); }
Value propertyDeleter(Vm& vm, CallArgs& a) { return propertyCopy(vm, a, 2); }
Value propertyGet(Vm& vm, CallArgs& a) {
    if (a.size() < 1) return vm.raise(vm.types().TypeError, "__get__ expects an instance");
    auto* p = a.self.as<PropertyObj>();
    if (a[0].isNone()) return a.self;
    return vm.call(p->m_get, {a[0]});
}
Value staticmethodCtor(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "staticmethod", 1, 1)) return Value::error();
    return Value(vm.heap().make<StaticMethodObj>(vm.types().staticmethod, a[0]));
}
Value classmethodCtor(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "classmethod", 1, 1)) return Value::error();
    return Value(vm.heap().make<ClassMethodObj>(vm.types().classmethod, a[0]));
}

// super() / super(type, obj)
Value superCtor(Vm& vm, CallArgs& a) {
    const BuiltinTypes& T = vm.types();
    if (a.npos == 2) {
        if (!a[0].is<TypeObj>()) return vm.raise(T.TypeError, "super() argument 1 must be a type, not " + vm.typeName(a[0]));
        return makeSuper(vm, a[0].as<TypeObj>(), a[1]);
    }
    if (a.npos != 0) return vm.raise(T.TypeError, "super() takes 0 or 2 arguments");
    FrameObj* f = vm.currentFrame();
    if (!f || !f->m_code) return vm.raise(T.RuntimeError, "super(): no current frame");
    CodeObj* co = f->m_code.get();
    const auto& u = co->unit();
    if (u.argcount == 0 && !(u.flags & bytecode::kVarargs)) return vm.raise(T.RuntimeError, "super(): no arguments");
    Value first = f->m_slots[0];
    for (size_t i = 0; i < u.cell2arg.size(); ++i)
        if (u.cell2arg[i] == 0) first = f->m_slots[size_t(co->m_nlocals) + i].as<CellObj>()->m_value;
    if (first.isUnbound()) return vm.raise(T.RuntimeError, "super(): arg[0] deleted");
    int idx = -1;
    for (size_t i = 0; i < u.freevars.size(); ++i)
        if (u.freevars[i] == "__class__") idx = int(i);
    if (idx < 0) return vm.raise(T.RuntimeError, "super(): __class__ cell not found");
    Value cls = f->m_slots[size_t(co->m_nlocals + co->m_ncells + idx)].as<CellObj>()->m_value;
    if (!cls.is<TypeObj>()) return vm.raise(T.RuntimeError, "super(): empty __class__ cell");
    return makeSuper(vm, cls.as<TypeObj>(), first);
}

}  // namespace

Value buildClass(Vm& vm, CallArgs& a) {
    const BuiltinTypes& T = vm.types();
    if (a.npos < 2 || !a[0].is<FunctionObj>() || !a[1].is<StrObj>())
        return vm.raise(T.TypeError, "__build_class__: func and name are required");
    FunctionObj* body = a[0].as<FunctionObj>();
    std::string name = a[1].as<StrObj>()->text();
    if (a.npos > 3) return vm.raise(T.TypeError, "multiple inheritance is not supported (class " + name + ")");
    TypeObj* base = T.object;
    if (a.npos == 3) {
        if (!a[2].is<TypeObj>()) return vm.raise(T.TypeError, "bases must be types");
        base = a[2].as<TypeObj>();
        if (!base->m_subclassable)
            return vm.raise(T.TypeError, "type '" + base->m_name + "' is not an acceptable base type");
        if (base->m_builtin && base->m_instanceKind != Kind::Instance && base->m_instanceKind != Kind::Exception &&
            base != T.object && !base->m_ctor)
            return vm.raise(T.TypeError, "subclassing '" + base->m_name + "' is not supported");
    }
    Value ns = vm.newDict();
    Value mod = body->m_globals.as<DictObj>()->getStr("__name__");
    if (!mod.isUnbound()) vm.setAttrStr(ns.as<DictObj>(), "__module__", mod);
    vm.setAttrStr(ns.as<DictObj>(), "__qualname__", body->m_qualname);

    // Run the body with the namespace as its locals.
    FrameObj* frame = makeFrame(vm, body, Value::unbound(), nullptr, 0, nullptr, nullptr, 0);
    if (!frame) return Value::error();
    frame->m_locals = ns;
    Value cell;
    ExitKind k = execute(vm, frame, false, cell);
    releaseFrame(vm, frame);
    if (k == ExitKind::Error) return Value::error();

    auto* t = vm.heap().make<TypeObj>(T.type);
    Value tv(t);
    t->m_name = name;
    Value qn = ns.as<DictObj>()->getStr("__qualname__");
    t->m_qualname = qn.is<StrObj>() ? qn.as<StrObj>()->text() : name;
    ns.as<DictObj>()->remove(vm, vm.intern("__qualname__"));
    t->m_module = mod.is<StrObj>() ? mod.as<StrObj>()->text() : "__main__";
    t->m_base = base;
    t->m_dict = ns.as<DictObj>();
    markTypeDict(t->m_dict.get());
    t->m_instanceKind = base->m_instanceKind == Kind::Exception ? Kind::Exception
                        : base->m_ctor && base != T.object ? base->m_instanceKind
                                                           : Kind::Instance;
    if (base->m_instanceKind == Kind::Native) t->m_instanceKind = Kind::Native;
    t->m_iternext = nullptr;
    // __eq__ without __hash__ makes instances unhashable (as CPython).
    if (!t->m_dict->getStr("__eq__").isUnbound() && t->m_dict->getStr("__hash__").isUnbound())
        vm.setAttrStr(t->m_dict.get(), "__hash__", Value());
    // Implicit classmethod/staticmethod: __init_subclass__, __class_getitem__, __new__
    Value isc = t->m_dict->getStr("__init_subclass__");
    if (isc.is<FunctionObj>()) vm.setAttrStr(t->m_dict.get(), "__init_subclass__", Value(vm.heap().make<ClassMethodObj>(T.classmethod, isc)));
    Value cg = t->m_dict->getStr("__class_getitem__");
    if (cg.is<FunctionObj>()) vm.setAttrStr(t->m_dict.get(), "__class_getitem__", Value(vm.heap().make<ClassMethodObj>(T.classmethod, cg)));
    if (cell.is<CellObj>()) cell.as<CellObj>()->m_value = tv;
    // __set_name__ on descriptors, then the base's __init_subclass__
    for (auto& e : std::vector<DictObj::Entry>(t->m_dict->m_entries)) {
        if (e.key.isUnbound() || !e.value.is<InstanceObj>()) continue;
        Value sn = vm.typeOf(e.value)->lookup("__set_name__");
        if (sn.isUnbound()) continue;
        Value args[2] = {tv, e.key};
        if (callValue(vm, sn, e.value, args, 2, nullptr, nullptr, 0).isError()) return Value::error();
    }
    Value parentInit = base->lookup("__init_subclass__");
    if (parentInit.is<ClassMethodObj>()) {
        Value r = callValue(vm, parentInit.as<ClassMethodObj>()->m_func, tv, nullptr, 0, nullptr, nullptr, 0);
        if (r.isError()) return r;
    }
    return tv;
}

void installObjectModel(Vm& vm) {
    BuiltinTypes& T = vm.mutableTypes();
    vm.addMethod(T.object, "__repr__", objectRepr);
    vm.addMethod(T.object, "__str__", objectStr);
    vm.addMethod(T.object, "__init__", objectInit);
    vm.addMethod(T.object, "__eq__", objectEq);
    vm.addMethod(T.object, "__ne__", objectNe);
    vm.addMethod(T.object, "__hash__", objectHash);
    vm.addMethod(T.object, "__format__", objectFormat);
    vm.addMethod(T.object, "__setattr__", objectSetattr);
    vm.addMethod(T.object, "__getattribute__", objectGetattribute);
    vm.addMethod(T.object, "__dir__", objectDir);
    vm.addStaticMethod(T.object, "__new__", objectNew);
    T.object->m_ctor = objectCtor;
    T.type->m_ctor = typeCtor;
    vm.addMethod(T.type, "mro", typeMro);
    vm.addMethod(T.type, "__subclasscheck__", typeSubclasscheck);

    vm.addMethod(T.BaseException, "__init__", excInit);
    vm.addMethod(T.BaseException, "__str__", excStr);
    vm.addMethod(T.BaseException, "__repr__", excRepr);
    vm.addMethod(T.BaseException, "with_traceback", excWithTraceback);
    vm.addMethod(T.BaseException, "add_note", excAddNote);

    T.property->m_ctor = propertyCtor;
    vm.addMethod(T.property, "getter", propertyGetter);
    vm.addMethod(T.property, "setter", propertySetter);
    vm.addMethod(T.property, "deleter", propertyDeleter);
    vm.addMethod(T.property, "__get__", propertyGet);
    T.staticmethod->m_ctor = staticmethodCtor;
    T.classmethod->m_ctor = classmethodCtor;
    T.super_->m_ctor = superCtor;
    vm.addFunction(vm.builtins(), "__build_class__", buildClass);
}

}  // namespace aw::vm::detail
