// Calls: argument binding for Python functions, natives, bound methods,
// calling types (instantiation), loading code units and running modules.
#include "core/vm/interp_support.h"
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

#include <cassert>

namespace aw::vm {

namespace detail {

namespace {

std::string qualnameOf(FunctionObj* f) { return f->m_qualname.as<StrObj>()->text(); }

std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += names.size() > 2 ? ", " : " ";
        if (i > 0 && i + 1 == names.size()) s += "and ";
        s += "'" + names[i] + "'";
    }
    return s;
}

bool strEq(const Value& a, const Value& b) {
    if (a.asObj() == b.asObj()) return true;
    return a.as<StrObj>()->m_text == b.as<StrObj>()->m_text;
}

}  // namespace

FrameObj* newFrame(Vm& vm) {
    FrameObj* f = vm.heap().make<FrameObj>(vm.types().frame);
    f->incref();
    return f;
}

void releaseFrameSlow(Vm& vm, FrameObj* f) {
    if (f->m_refcount == 1 && vm.m_framePoolCount < Vm::kFramePoolSize) {
        if (!f->m_blocks.empty()) f->m_blocks.clear();
        if (!f->m_locals.isNone()) f->m_locals = Value();
        if (!f->m_excState.isNone()) f->m_excState = Value();
        poolFrame(vm, f);
        return;
    }
    f->decref();
}

FrameObj* makeFrame(Vm& vm, FunctionObj* func, const Value& self, const Value* args, size_t nargs,
                    const Value* kwValues, const Value* kwNames, size_t nkw) {
    CodeObj* code = func->m_code.get();
    if (code->m_plainArgs && nkw == 0) {
        const size_t given = nargs + (self.isUnbound() ? 0 : 1);
        const size_t argcount = size_t(code->m_argcount);
        if (given == argcount) return makePlainFrame(vm, func, code, self, args, nargs, nullptr);
        if (given < argcount && func->m_defaults.is<TupleObj>()) {
            const auto& defaults = func->m_defaults.as<TupleObj>()->m_items;
            if (given + defaults.size() >= argcount) return makePlainFrame(vm, func, code, self, args, nargs, &defaults);
        }
    }
    const auto& unit = code->unit();
    FrameObj* f = acquireFrame(vm);
    f->m_code = code;
    f->m_func = Value(func);
    f->m_globals = func->m_globals;
    f->m_builtins = Value(vm.builtins());
    f->m_ip = 0;
    f->m_lastIp = 0;
    size_t nlocals = size_t(code->m_nlocals);
    size_t ncells = size_t(code->m_ncells), nfrees = size_t(code->m_nfrees);
    size_t total = nlocals + ncells + nfrees + size_t(code->m_stackSize);
    if (f->m_slots.size() < total) f->m_slots.resize(total);
    f->m_stackBase = uint32_t(nlocals + ncells + nfrees);
    f->m_sp = f->m_stackBase;
    Value* locals = f->m_slots.data();
    for (size_t i = 0; i < nlocals; ++i) locals[i] = Value::unbound();

    bool hasSelf = !self.isUnbound();
    size_t npos = nargs + (hasSelf ? 1 : 0);
    auto argAt = [&](size_t i) -> const Value& { return hasSelf ? (i == 0 ? self : args[i - 1]) : args[i]; };
    size_t argcount = size_t(unit.argcount);
    size_t kwonly = size_t(unit.kwonlyargcount);
    size_t totalArgs = argcount + kwonly;
    bool varargs = unit.flags & bytecode::kVarargs;
    bool varkw = unit.flags & bytecode::kVarkeywords;
    auto fail = [&](std::string msg) -> FrameObj* {
        vm.raise(vm.types().TypeError, qualnameOf(func) + "() " + msg);
        releaseFrame(vm, f);
        return nullptr;
    };

    DictObj* kwdict = nullptr;
    if (varkw) {
        Value d = vm.newDict();
        kwdict = d.as<DictObj>();
        locals[totalArgs + (varargs ? 1 : 0)] = std::move(d);
    }
    size_t n = std::min(npos, argcount);
    for (size_t i = 0; i < n; ++i) locals[i] = argAt(i);
    if (varargs) {
        std::vector<Value> extra;
        for (size_t i = n; i < npos; ++i) extra.push_back(argAt(i));
        locals[totalArgs] = vm.newTuple(std::move(extra));
    }
    std::vector<std::string> posOnlyAsKw;
    for (size_t k = 0; k < nkw; ++k) {
        const Value& name = kwNames[k];
        size_t j = size_t(unit.posonlyargcount);
        for (; j < totalArgs; ++j)
            if (strEq(code->m_varnames[j], name)) break;
        if (j == totalArgs) {
            if (kwdict) {
                if (!kwdict->set(vm, name, kwValues[k])) { releaseFrame(vm, f); return nullptr; }
                continue;
            }
            bool posonly = false;
            for (size_t p = 0; p < size_t(unit.posonlyargcount); ++p)
                if (strEq(code->m_varnames[p], name)) posonly = true;
            if (posonly) { posOnlyAsKw.push_back(name.as<StrObj>()->text()); continue; }
            return fail("got an unexpected keyword argument '" + name.as<StrObj>()->text() + "'");
        }
        if (!locals[j].isUnbound())
            return fail("got multiple values for argument '" + name.as<StrObj>()->text() + "'");
        locals[j] = kwValues[k];
    }
    if (!posOnlyAsKw.empty()) {
        std::string s;
        for (size_t i = 0; i < posOnlyAsKw.size(); ++i) s += (i ? ", " : "") + posOnlyAsKw[i];
        return fail("got some positional-only arguments passed as keyword arguments: '" + s + "'");
    }
    const std::vector<Value>* defaults = func->m_defaults.is<TupleObj>() ? &func->m_defaults.as<TupleObj>()->m_items : nullptr;
    size_t defcount = defaults ? defaults->size() : 0;
    if (npos > argcount && !varargs) {
        size_t kwonlyGiven = 0;
        for (size_t i = argcount; i < totalArgs; ++i)
            if (!locals[i].isUnbound()) ++kwonlyGiven;
        bool plural = argcount != 1;
        std::string sig;
        if (defcount) { plural = true; sig = "from " + std::to_string(argcount - defcount) + " to " + std::to_string(argcount); }
        else sig = std::to_string(argcount);
        std::string kwsig;
        if (kwonlyGiven)
            kwsig = std::string(" positional argument") + (npos != 1 ? "s" : "") + " (and " + std::to_string(kwonlyGiven) +
                    " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
        return fail("takes " + sig + " positional argument" + (plural ? "s" : "") + " but " + std::to_string(npos) + kwsig +
                    (npos == 1 && !kwonlyGiven ? " was" : " were") + " given");
    }
    if (npos < argcount) {
        size_t m = argcount - defcount;
        std::vector<std::string> missing;
        for (size_t i = npos; i < m; ++i)
            if (locals[i].isUnbound()) missing.push_back(code->m_varnames[i].as<StrObj>()->text());
        if (!missing.empty())
            return fail("missing " + std::to_string(missing.size()) + " required positional argument" +
                        (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        for (size_t i = std::max(npos, m); i < argcount; ++i)
            if (locals[i].isUnbound()) locals[i] = (*defaults)[i - m];
    }
    if (kwonly) {
        std::vector<std::string> missing;
        for (size_t i = argcount; i < totalArgs; ++i) {
            if (!locals[i].isUnbound()) continue;
            if (func->m_kwdefaults.is<DictObj>()) {
                Value d = func->m_kwdefaults.as<DictObj>()->getStr(code->m_varnames[i].as<StrObj>());
                if (!d.isUnbound()) { locals[i] = d; continue; }
            }
            missing.push_back(code->m_varnames[i].as<StrObj>()->text());
        }
        if (!missing.empty())
            return fail("missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                        (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
    }
    // Cells and free variables.
    for (size_t i = 0; i < ncells; ++i) {
        auto* cell = vm.heap().make<CellObj>(vm.types().cell);
        int32_t a = i < unit.cell2arg.size() ? unit.cell2arg[i] : -1;
        if (a >= 0) {
            cell->m_value = locals[size_t(a)];
            locals[size_t(a)] = Value::unbound();
        }
        locals[nlocals + i] = Value(cell);
    }
    if (nfrees) {
        const auto& cells = func->m_closure.as<TupleObj>()->m_items;
        for (size_t i = 0; i < nfrees && i < cells.size(); ++i) locals[nlocals + ncells + i] = cells[i];
    }
    return f;
}

Value callType(Vm& vm, TypeObj* t, const Value* args, size_t npos, const Value* kwValues, const Value* kwNames, size_t nkw);

Value callValue(Vm& vm, const Value& callable, const Value& self, const Value* args, size_t npos,
                const Value* kwValues, const Value* kwNames, size_t nkw) {
    if (!callable.isObj()) return vm.raise(vm.types().TypeError, "'" + vm.typeName(callable) + "' object is not callable");
    Obj* o = callable.asObj();
    switch (o->kind()) {
    case Kind::Function: {
        auto* fn = static_cast<FunctionObj*>(o);
        FrameObj* frame = makeFrame(vm, fn, self, args, npos, kwValues, kwNames, nkw);
        if (!frame) return Value::error();
        if (fn->m_code->m_flags & (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator)) {
            Value g = makeGenerator(vm, frame, fn);
            frame->decref();
            return g;
        }
        Value result;
        ExitKind k = execute(vm, frame, false, result);
        releaseFrame(vm, frame);
        if (k == ExitKind::Error) return Value::error();
        return result;
    }
    case Kind::NativeFunction: {
        auto* n = static_cast<NativeFunctionObj*>(o);
        Value keep = callable;
        CallArgs a;
        a.self = !self.isUnbound() ? self : n->m_self;
        a.pos = args;
        a.npos = npos;
        if ((n->m_isMethod) && a.self.isUnbound()) {
            if (npos == 0)
                return vm.raise(vm.types().TypeError, "unbound method " + (n->m_qualname.empty() ? n->m_name : n->m_qualname) + "() needs an argument");
            a.self = args[0];
            a.pos = args + 1;
            a.npos = npos - 1;
        }
        a.kwValues = kwValues;
        a.kwNames = kwNames;
        a.nkw = nkw;
        a.callee = n;
        Value r = n->m_fn(vm, a);
        if (r.isError() && !vm.hasError())
            return vm.raise(vm.types().RuntimeError, "native " + n->m_name + "() failed without an exception");
        return r;
    }
    case Kind::BoundMethod: {
        auto* b = static_cast<BoundMethodObj*>(o);
        Value keep = callable;
        if (!self.isUnbound()) {
            std::vector<Value> all;
            all.push_back(self);
            all.insert(all.end(), args, args + npos);
            return callValue(vm, b->m_func, b->m_self, all.data(), all.size(), kwValues, kwNames, nkw);
        }
        return callValue(vm, b->m_func, b->m_self, args, npos, kwValues, kwNames, nkw);
    }
    case Kind::Type: {
        if (!self.isUnbound()) {
            std::vector<Value> all;
            all.push_back(self);
            all.insert(all.end(), args, args + npos);
            return callType(vm, static_cast<TypeObj*>(o), all.data(), all.size(), kwValues, kwNames, nkw);
        }
        return callType(vm, static_cast<TypeObj*>(o), args, npos, kwValues, kwNames, nkw);
    }
    case Kind::StaticMethod:
        return callValue(vm, static_cast<StaticMethodObj*>(o)->m_func, self, args, npos, kwValues, kwNames, nkw);
    default: break;
    }
    Value call = typeLookup(vm, o->type(), internedName(vm, "__call__"));
    if (!call.isUnbound() && (o->kind() == Kind::Instance || o->kind() == Kind::Native || o->kind() == Kind::Exception)) {
        if (!self.isUnbound()) {
            std::vector<Value> all;
            all.push_back(self);
            all.insert(all.end(), args, args + npos);
            return callValue(vm, call, callable, all.data(), all.size(), kwValues, kwNames, nkw);
        }
        return callValue(vm, call, callable, args, npos, kwValues, kwNames, nkw);
    }
    return vm.raise(vm.types().TypeError, "'" + vm.typeName(callable) + "' object is not callable");
}

Value callType(Vm& vm, TypeObj* t, const Value* args, size_t npos, const Value* kwValues, const Value* kwNames, size_t nkw) {
    const BuiltinTypes& T = vm.types();
    Value keepType(t);
    // A user __new__ (an implicit staticmethod)
    Value newFn = typeLookup(vm, t, internedName(vm, "__new__"));
    bool userNew = newFn.is<FunctionObj>() ||
                   (newFn.is<StaticMethodObj>() && newFn.as<StaticMethodObj>()->m_func.is<FunctionObj>());
    Value obj;
    if (userNew) {
        std::vector<Value> all;
        all.emplace_back(t);
        all.insert(all.end(), args, args + npos);
        obj = callValue(vm, newFn, Value::unbound(), all.data(), all.size(), kwValues, kwNames, nkw);
        if (obj.isError()) return obj;
        if (!vm.typeOf(obj)->isSubtypeOf(t)) return obj;
    } else {
        // The nearest type with a C++ constructor makes the object.
        TypeObj* maker = t;
        while (maker && !maker->m_ctor) maker = maker->m_base.get();
        if (maker == T.object && t != T.object) maker = nullptr;   // plain classes: made below
        if (maker && maker->m_ctor) {
            CallArgs a;
            a.self = Value(t);
            a.pos = args;
            a.npos = npos;
            a.kwValues = kwValues;
            a.kwNames = kwNames;
            a.nkw = nkw;
            obj = maker->m_ctor(vm, a);
            if (obj.isError()) return obj;
            if (t->m_builtin || !vm.typeOf(obj)->isSubtypeOf(t)) return obj;   // built-in ctors do their own init
        } else if (t->m_instanceKind == Kind::Exception) {
            auto* e = vm.heap().make<ExceptionObj>(t);
            obj = Value(e);
            e->m_args = vm.newTuple(std::vector<Value>(args, args + npos));
            if (t->isSubtypeOf(T.StopIteration)) e->m_value = npos ? args[0] : Value();
        } else if (t->m_instanceKind == Kind::Instance) {
            if (!t->m_subclassable && t->m_builtin)
                return vm.raise(T.TypeError, "cannot create '" + t->m_name + "' instances");
            obj = Value(vm.heap().make<InstanceObj>(t));
        } else {
            return vm.raise(T.TypeError, "cannot create '" + t->m_name + "' instances");
        }
    }
    Value init = typeLookup(vm, t, internedName(vm, "__init__"));
    bool userInit = init.is<FunctionObj>();
    if (userInit) {
        Value r = callValue(vm, init, obj, args, npos, kwValues, kwNames, nkw);
        if (r.isError()) return r;
        if (!r.isNone()) return vm.raise(T.TypeError, "__init__() should return None, not '" + vm.typeName(r) + "'");
    } else if (t->m_instanceKind == Kind::Exception && !init.isUnbound() && !userNew) {
        if (nkw) return vm.raise(T.TypeError, t->m_name + "() takes no keyword arguments");
    } else if ((npos || nkw) && !userNew && obj.is<InstanceObj>()) {
        return vm.raise(T.TypeError, t->m_name + "() takes no arguments");
    } else if (!init.isUnbound() && init.is<NativeFunctionObj>() && !obj.is<InstanceObj>() && !t->m_builtin) {
        Value r = callValue(vm, init, obj, args, npos, kwValues, kwNames, nkw);
        if (r.isError()) return r;
    }
    return obj;
}

}  // namespace detail

TypeObj* Vm::typeOf(const Value& v) const {
    switch (v.tag()) {
    case Value::Tag::None: return m_types.none;
    case Value::Tag::Bool: return m_types.bool_;
    case Value::Tag::Int: return m_types.int_;
    case Value::Tag::Float: return m_types.float_;
    case Value::Tag::Obj: return v.asObj()->type();
    default: return m_types.none;
    }
}

int Vm::isInstanceOf(const Value& v, const Value& typeOrTuple) {
    if (typeOrTuple.is<TypeObj>()) return isInstance(v, typeOrTuple.as<TypeObj>());
    if (typeOrTuple.is<TupleObj>()) {
        for (const auto& t : typeOrTuple.as<TupleObj>()->m_items) {
            int r = isInstanceOf(v, t);
            if (r != 0) return r;
        }
        return 0;
    }
    raise(m_types.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

Value Vm::call(const Value& callable, std::span<const Value> args) {
    return detail::callValue(*this, callable, Value::unbound(), args.data(), args.size(), nullptr, nullptr, 0);
}

Value Vm::callKw(const Value& callable, std::span<const Value> args, std::span<const Value> kwNames,
                 std::span<const Value> kwValues) {
    return detail::callValue(*this, callable, Value::unbound(), args.data(), args.size(), kwValues.data(), kwNames.data(),
                             kwNames.size());
}

Value Vm::callMethod(const Value& obj, std::string_view name, std::span<const Value> args) {
    Value meth, self;
    if (!detail::loadMethod(*this, obj, intern(name), meth, self)) return Value::error();
    return detail::callValue(*this, meth, self, args.data(), args.size(), nullptr, nullptr, 0);
}

bool Vm::isCallable(const Value& v) const {
    if (!v.isObj()) return false;
    switch (v.asObj()->kind()) {
    case Kind::Function: case Kind::NativeFunction: case Kind::BoundMethod: case Kind::Type: case Kind::StaticMethod:
        return true;
    default: return !v.asObj()->type()->lookup("__call__").isUnbound();
    }
}

Ref<CodeObj> Vm::loadCode(const std::shared_ptr<const bytecode::CodeUnit>& unit) {
    auto it = m_codeCache.find(unit.get());
    if (it != m_codeCache.end()) return it->second;
    auto* c = m_heap.make<CodeObj>(m_types.code);
    Ref<CodeObj> ref(c);
    m_codeCache.emplace(unit.get(), ref);
    c->m_unit = unit;
    c->m_code.reserve(unit->code.size());
    for (size_t i = 0; i < unit->code.size(); ++i)
        c->m_code.push_back(Instr{unit->code[i].op, uint8_t(i < unit->startsLine.size() && unit->startsLine[i]), unit->code[i].arg});
    for (const auto& k : unit->consts) {
        Value v;
        if (std::holds_alternative<bytecode::NoneConst>(k)) v = Value();
        else if (auto* b = std::get_if<bool>(&k)) v = Value::boolean(*b);
        else if (auto* i = std::get_if<int64_t>(&k)) v = Value::integer(*i);
        else if (auto* d = std::get_if<double>(&k)) v = Value::number(*d);
        else if (auto* s = std::get_if<std::string>(&k)) v = intern(*s);
        else if (std::holds_alternative<bytecode::EllipsisConst>(k)) v = m_ellipsis;
        else if (auto* st = std::get_if<bytecode::StrTuple>(&k)) {
            std::vector<Value> items;
            for (const auto& x : st->items) items.push_back(intern(x));
            v = newTuple(std::move(items));
        } else if (auto* cu = std::get_if<std::shared_ptr<const bytecode::CodeUnit>>(&k)) {
            v = Value(loadCode(*cu).get());
        }
        c->m_consts.push_back(std::move(v));
    }
    for (const auto& n : unit->names) c->m_names.push_back(intern(n));
    c->m_globalCache.assign(c->m_names.size(), GlobalCacheEntry{});
    for (const auto& n : unit->varnames) c->m_varnames.push_back(intern(n));
    c->m_name = intern(unit->name);
    c->m_qualname = intern(unit->qualname.empty() ? unit->name : unit->qualname);
    c->m_nlocals = int32_t(unit->varnames.size());
    c->m_ncells = int32_t(unit->cellvars.size());
    c->m_nfrees = int32_t(unit->freevars.size());
    c->m_stackSize = std::max(unit->maxStack, 0) + 8;
    c->m_flags = unit->flags;
    c->m_argcount = unit->argcount;
    c->m_plainArgs = !(unit->flags & (bytecode::kVarargs | bytecode::kVarkeywords)) && unit->kwonlyargcount == 0 &&
                     c->m_ncells == 0 && c->m_nfrees == 0 && unit->argcount <= c->m_nlocals;
    detail::fuseInstructions(c);
    c->m_fastCall = c->m_plainArgs && !(c->m_flags & (bytecode::kGenerator | bytecode::kCoroutine | bytecode::kAsyncGenerator));
    return ref;
}

Value Vm::runModule(const std::shared_ptr<const bytecode::CodeUnit>& unit, std::string_view name) {
    Ref<CodeObj> code = loadCode(unit);
    Value module = newModule(name);
    DictObj* globals = module.as<ModuleObj>()->m_dict.get();
    setAttrStr(globals, "__builtins__", m_builtins);
    setAttrStr(m_modules.as<DictObj>(), name, module);
    FrameObj* f = m_heap.make<FrameObj>(m_types.frame);
    f->incref();
    f->m_code = code;
    f->m_globals = Value(globals);
    f->m_builtins = m_builtins;
    f->m_locals = Value(globals);
    size_t total = size_t(code->m_nlocals + code->m_ncells + code->m_nfrees + code->m_stackSize);
    f->m_slots.assign(total, Value());
    for (int32_t i = 0; i < code->m_nlocals; ++i) f->m_slots[size_t(i)] = Value::unbound();
    for (int32_t i = 0; i < code->m_ncells; ++i) f->m_slots[size_t(code->m_nlocals + i)] = Value(m_heap.make<CellObj>(m_types.cell));
    f->m_stackBase = f->m_sp = uint32_t(code->m_nlocals + code->m_ncells + code->m_nfrees);
    Value result;
    detail::ExitKind k = detail::execute(*this, f, false, result);
    detail::releaseFrame(*this, f);
    if (k == detail::ExitKind::Error) {
        m_modules.as<DictObj>()->remove(*this, newStr(name));
        if (!hasError()) raise(m_types.RuntimeError, "module failed");
        return Value::error();
    }
    return module;
}

}  // namespace aw::vm
