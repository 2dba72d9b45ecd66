// Out-of-line helpers of the dispatch loop (see interp_support.h).
#include "core/vm/interp_support.h"

#include "core/vm/vm_internal.h"

namespace aw::vm::detail {

using bytecode::Opcode;

void fuseInstructions(CodeObj* co) {
    std::vector<Instr>& code = co->m_code;
    const size_t n = code.size();
    co->m_lines.resize(n);
    for (size_t i = 0; i < n; ++i) co->m_lines[i] = co->lineAt(i);
#if !defined(__GNUC__)
    return;   // the superinstructions are reached through the threaded dispatch's table only
#endif
    // code[j] is `op` and no line starts there (the run's line events stay).
    // The compiler's opcodes are read from the unit: a rewritten one is not.
    const auto& orig = co->unit().code;
    auto plain = [&](size_t j, Opcode op) { return j < n && orig[j].op == op && !code[j].startsLine; };
    auto popJump = [&](size_t j) { return plain(j, Opcode::POP_JUMP_IF_FALSE) || plain(j, Opcode::POP_JUMP_IF_TRUE); };
    auto ifTrue = [&](size_t j) { return orig[j].op == Opcode::POP_JUMP_IF_TRUE; };
    auto compareArg = [&](size_t j) { return code[j].arg <= uint32_t(bytecode::CompareOpArg::Ge); };
    auto compare = [&](size_t j) { return plain(j, Opcode::COMPARE_OP) && compareArg(j); };
    for (size_t i = 0; i < n; ++i) {
        Instr& in = code[i];   // the run's first instruction: a line may start there
        if (in.op == Opcode::COMPARE_OP && compareArg(i) && popJump(i + 1)) {
            in.op = Opcode(superop::COMPARE_OP_JUMP);
            in.arg |= jumpMask(in.arg, ifTrue(i + 1)) << 8;
            continue;
        }
        if ((in.op == Opcode::LOAD_FAST || in.op == Opcode::LOAD_CONST) && plain(i + 1, Opcode::RETURN_VALUE)) {
            in.op = Opcode(in.op == Opcode::LOAD_FAST ? superop::LOAD_FAST_RETURN : superop::LOAD_CONST_RETURN);
            continue;
        }
        if (in.op != Opcode::LOAD_FAST || !plain(i + 1, Opcode::LOAD_CONST) || in.arg > 0xFFFF) continue;
        const uint32_t constIndex = code[i + 1].arg;
        const Value& c = co->m_consts[constIndex];
        if (c.isInt() && c.asInt() >= INT16_MIN && c.asInt() <= INT16_MAX) {
            const uint32_t k = uint32_t(uint16_t(int16_t(c.asInt()))) << 16;
            if (in.arg < 0x1000 && compare(i + 2) && popJump(i + 3)) {
                in.op = Opcode(superop::LOAD_FAST_COMPARE_CONST_JUMP);
                in.arg |= jumpMask(code[i + 2].arg, ifTrue(i + 3)) << 12 | k;
                continue;
            }
            const uint32_t binop = plain(i + 2, Opcode::BINARY_OP) ? code[i + 2].arg & 0xFF : ~0u;
            if (binop == uint32_t(bytecode::BinaryOpArg::Add) || binop == uint32_t(bytecode::BinaryOpArg::Sub)) {
                in.op = Opcode(binop == uint32_t(bytecode::BinaryOpArg::Add) ? superop::LOAD_FAST_ADD_CONST
                                                                             : superop::LOAD_FAST_SUB_CONST);
                in.arg |= k;
                continue;
            }
        }
        if (constIndex <= 0xFFFF) {
            in.op = Opcode(superop::LOAD_FAST_LOAD_CONST);
            in.arg |= constIndex << 16;
        }
    }
}

Value loadGlobalSlow(const DictObj* globals, const DictObj* builtins, const StrObj* name, GlobalCacheEntry& c) {
    c = GlobalCacheEntry{};
    for (const DictObj* d : {globals, builtins}) {
        const int64_t ix = entryIndex(d, name);
        if (ix < 0) continue;
        c.globals = globals;
        c.globalsVersion = globals->m_version;
        if (d == builtins && d != globals) {
            c.builtins = builtins;
            c.builtinsVersion = builtins->m_version;
        }
        c.entry = uint32_t(ix);
        return d->m_entries[size_t(ix)].value;
    }
    return Value::unbound();
}

Value unboundLocal(Vm& vm, const Value& name) {
    return vm.raise(vm.types().UnboundLocalError,
                    "cannot access local variable '" + name.as<StrObj>()->text() + "' where it is not associated with a value");
}

Value nameError(Vm& vm, const Value& name) {
    return vm.raise(vm.types().NameError, "name '" + name.as<StrObj>()->text() + "' is not defined");
}

std::string derefName(CodeObj* code, uint32_t i) {
    const auto& u = code->unit();
    if (i < u.cellvars.size()) return u.cellvars[i];
    i -= uint32_t(u.cellvars.size());
    return i < u.freevars.size() ? u.freevars[i] : "?";
}

void derefUnbound(Vm& vm, CodeObj* code, uint32_t i, bool del) {
    const BuiltinTypes& T = vm.types();
    std::string n = derefName(code, i);
    if (del || i < uint32_t(code->m_ncells))
        vm.raise(T.UnboundLocalError, "cannot access local variable '" + n + "' where it is not associated with a value");
    else
        vm.raise(T.NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
}

Value loadClassDeref(Vm& vm, FrameObj* f, Value* slots, uint32_t i) {
    CodeObj* co = f->m_code.get();
    std::string n = derefName(co, i);
    Value v = Value::unbound();
    if (f->m_locals.is<DictObj>()) v = f->m_locals.as<DictObj>()->getStr(n);
    if (v.isUnbound()) {
        CellObj* cell = slots[co->m_nlocals + i].as<CellObj>();
        if (cell->m_value.isUnbound())
            return vm.raise(vm.types().NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
        v = cell->m_value;
    }
    return v;
}

Value callFunctionEx(Vm& vm, const Value& func, const Value& args, const Value& kwargs) {
    std::vector<Value> pos;
    if (args.is<TupleObj>()) pos = args.as<TupleObj>()->m_items;
    else if (!vm.collect(args, pos)) return Value::error();
    std::vector<Value> names, values;
    if (kwargs.is<DictObj>()) {
        for (auto& e : kwargs.as<DictObj>()->m_entries) {
            if (e.key.isUnbound()) continue;
            if (!e.key.is<StrObj>()) return vm.raise(vm.types().TypeError, "keywords must be strings");
            names.push_back(e.key);
            values.push_back(e.value);
        }
    }
    return callValue(vm, func, Value::unbound(), pos.data(), pos.size(), values.data(), names.data(), names.size());
}

bool listExtend(Vm& vm, ListObj* dst, const Value& it) {
    const BuiltinTypes& T = vm.types();
    std::vector<Value> items;
    if (!vm.collect(it, items)) {
        if (vm.errorMatches(T.TypeError) && vm.typeOf(it)->lookup("__iter__").isUnbound() && !it.is<StrObj>()) {
            vm.clearError();
            vm.raise(T.TypeError, "Value after * must be an iterable, not " + vm.typeName(it));
        }
        return false;
    }
    dst->m_items.insert(dst->m_items.end(), items.begin(), items.end());
    return true;
}

bool unpackStarred(Vm& vm, const Value& seq, size_t before, size_t after, std::vector<Value>& out) {
    std::vector<Value> items;
    if (!unpackItems(vm, seq, before + after, true, items)) return false;
    for (size_t i = 0; i < after; ++i) out.push_back(std::move(items[items.size() - 1 - i]));
    std::vector<Value> mid(std::make_move_iterator(items.begin() + long(before)),
                           std::make_move_iterator(items.end() - long(after)));
    out.push_back(vm.newList(std::move(mid)));
    for (size_t i = before; i-- > 0;) out.push_back(std::move(items[i]));
    return true;
}

Value withExceptStart(Vm& vm, const Value& exitRef, const Value& excRef) {
    Value exc = excRef;
    Value exit = exitRef;
    Value args[3] = {Value(vm.typeOf(exc)), exc, exc.is<ExceptionObj>() && !exc.as<ExceptionObj>()->m_traceback.empty() ? exc : Value()};
    return vm.call(exit, std::span<const Value>(args, 3));
}

Value importFrom(Vm& vm, const Value& m, const Value& name) {
    const BuiltinTypes& T = vm.types();
    Value v = vm.getAttr(m, name);
    if (v.isError()) {
        if (!vm.errorMatches(T.AttributeError)) return v;
        vm.clearError();
        std::string mn = m.is<ModuleObj>() ? m.as<ModuleObj>()->m_name : "?";
        return vm.raise(T.ImportError, "cannot import name '" + name.as<StrObj>()->text() + "' from '" + mn + "'");
    }
    return v;
}

// UNPACK_SEQUENCE / UNPACK_EX: the items of `seq`, exactly `count` of them (or at least `count` with star).
bool unpackItems(Vm& vm, const Value& seq, size_t count, bool star, std::vector<Value>& items) {
    if (seq.is<TupleObj>() || seq.is<ListObj>()) {
        items = seq.is<TupleObj>() ? seq.as<TupleObj>()->m_items : seq.as<ListObj>()->m_items;
    } else {
        Value it = vm.getIter(seq);
        if (it.isError()) {
            if (vm.errorMatches(vm.types().TypeError)) {
                vm.clearError();
                vm.raise(vm.types().TypeError, "cannot unpack non-iterable " + vm.typeName(seq) + " object");
            }
            return false;
        }
        while (true) {
            Value x = vm.next(it);
            if (x.isError()) return false;
            if (x.isUnbound()) break;
            items.push_back(std::move(x));
            if (!star && items.size() > count) break;
        }
    }
    if (!star) {
        if (items.size() < count) {
            vm.raise(vm.types().ValueError, "not enough values to unpack (expected " + std::to_string(count) + ", got " +
                                                std::to_string(items.size()) + ")");
            return false;
        }
        if (items.size() > count) {
            vm.raise(vm.types().ValueError, "too many values to unpack (expected " + std::to_string(count) + ")");
            return false;
        }
    } else if (items.size() < count) {
        vm.raise(vm.types().ValueError, "not enough values to unpack (expected at least " + std::to_string(count) +
                                            ", got " + std::to_string(items.size()) + ")");
        return false;
    }
    return true;
}

bool excMatches(Vm& vm, const Value& exc, const Value& type, int& result) {
    auto check = [&](const Value& t) -> int {
        if (!t.is<TypeObj>() || !t.as<TypeObj>()->isSubtypeOf(vm.types().BaseException)) {
            vm.raise(vm.types().TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
        return vm.typeOf(exc)->isSubtypeOf(t.as<TypeObj>()) ? 1 : 0;
    };
    if (type.is<TupleObj>()) {
        result = 0;
        for (const auto& t : type.as<TupleObj>()->m_items) {
            int r = check(t);
            if (r < 0) return false;
            if (r) { result = 1; break; }
        }
        return true;
    }
    int r = check(type);
    if (r < 0) return false;
    result = r;
    return true;
}

Value makeFunction(Vm& vm, FrameObj* f, uint32_t flags, Value* sp, Value*& newSp) {
    Value code = std::move(*--sp);
    Value closure, kwdefaults, defaults;
    if (flags & bytecode::kMakeClosure) closure = std::move(*--sp);
    if (flags & bytecode::kMakeKwDefaults) kwdefaults = std::move(*--sp);
    if (flags & bytecode::kMakeDefaults) defaults = std::move(*--sp);
    newSp = sp;
    auto* c = code.as<CodeObj>();
    auto* fn = vm.heap().make<FunctionObj>(vm.types().function);
    fn->m_code = c;
    fn->m_globals = f->m_globals;
    fn->m_defaults = std::move(defaults);
    fn->m_kwdefaults = std::move(kwdefaults);
    fn->m_closure = std::move(closure);
    fn->m_name = c->m_name;
    fn->m_qualname = c->m_qualname;
    Value mod = f->m_globals.as<DictObj>()->getStr("__name__");
    fn->m_module = mod.isUnbound() ? Value() : mod;
    return Value(fn);
}

// SETUP_WITH / BEFORE_ASYNC_WITH: the bound exit and the enter result.
bool enterContext(Vm& vm, const Value& mgr, bool async, Value& exitOut, Value& enterResult) {
    TypeObj* t = vm.typeOf(mgr);
    Value enter = t->lookup(async ? "__aenter__" : "__enter__");
    Value exit = t->lookup(async ? "__aexit__" : "__exit__");
    if (enter.isUnbound() || exit.isUnbound()) {
        vm.raise(vm.types().TypeError, "'" + t->m_name + "' object does not support the " +
                                           (async ? "asynchronous context manager protocol" : "context manager protocol"));
        return false;
    }
    exitOut = vm.getAttr(mgr, async ? "__aexit__" : "__exit__");
    if (exitOut.isError()) return false;
    enterResult = callValue(vm, enter, mgr, nullptr, 0, nullptr, nullptr, 0);
    return !enterResult.isError();
}

Value getAwaitable(Vm& vm, const Value& obj, uint32_t arg) {
    if (obj.isObj() && obj.asObj()->kind() == Kind::Coroutine) {
        {
            auto* g = static_cast<GenObj*>(obj.asObj());
            FrameObj* f = g->m_frame.get();
            if (f && g->m_started && f->m_ip < f->m_code->m_code.size() &&
                f->m_code->m_code[f->m_ip].op == Opcode::YIELD_FROM)
                return vm.raise(vm.types().RuntimeError, "coroutine is being awaited already");
            return obj;
        }
    }
    if (obj.isObj() && obj.asObj()->kind() == Kind::Coroutine) return obj;
    if (obj.isObj() && obj.asObj()->type()->m_awaitsItself && obj.asObj()->type()->m_iternext) return obj;
    Value aw = typeLookup(vm, vm.typeOf(obj), internedName(vm, "__await__"));
    if (aw.isUnbound() || obj.isObj() == false || obj.asObj()->kind() == Kind::Generator) {
        std::string tn = vm.typeName(obj);
        if (arg == 1) return vm.raise(vm.types().TypeError, "'async with' received an object from __aenter__ that does not implement __await__: " + tn);
        if (arg == 2) return vm.raise(vm.types().TypeError, "'async with' received an object from __aexit__ that does not implement __await__: " + tn);
        return vm.raise(vm.types().TypeError, "object " + tn + " can't be used in 'await' expression");
    }
    Value it = callValue(vm, aw, obj, nullptr, 0, nullptr, nullptr, 0);
    if (it.isError()) return it;
    if (it.isObj() && it.asObj()->kind() == Kind::Coroutine)
        return vm.raise(vm.types().TypeError, "__await__() returned a coroutine");
    TypeObj* t = vm.typeOf(it);
    bool isIter = (it.isObj() && (it.asObj()->kind() == Kind::Generator || it.asObj()->kind() == Kind::CoroWrapper ||
                                  it.asObj()->kind() == Kind::AsyncGenOp || it.asObj()->kind() == Kind::SeqIter)) ||
                  t->m_iternext || !t->lookup("__next__").isUnbound();
    if (!isIter) return vm.raise(vm.types().TypeError, "__await__() returned non-iterator of type '" + t->m_name + "'");
    return it;
}

Value yieldFromIter(Vm& vm, const Value& v, bool inCoroutine) {
    if (v.isObj() && v.asObj()->kind() == Kind::Coroutine) {
        if (!inCoroutine)
            return vm.raise(vm.types().TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v;
    }
    if (v.isObj() && v.asObj()->kind() == Kind::Generator) return v;
    return vm.getIter(v);
}

Value formatValue(Vm& vm, Value v, uint32_t conversion, const Value& spec) {
    if (conversion == 1) v = vm.str(v);
    else if (conversion >= 2) v = vm.repr(v);   // !r and !a
    if (v.isError()) return v;
    return vm.format(v, spec);
}

Value asyncIter(Vm& vm, const Value& obj) {
    const BuiltinTypes& T = vm.types();
    Value ai = vm.typeOf(obj)->lookup("__aiter__");
    if (ai.isUnbound())
        return vm.raise(T.TypeError, "'async for' requires an object with __aiter__ method, got " + vm.typeName(obj));
    Value it = callValue(vm, ai, obj, nullptr, 0, nullptr, nullptr, 0);
    if (it.isError()) return it;
    if (vm.typeOf(it)->lookup("__anext__").isUnbound())
        return vm.raise(T.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: " +
                                         vm.typeName(it));
    return it;
}

Value asyncNext(Vm& vm, const Value& aiter) {
    const BuiltinTypes& T = vm.types();
    Value an = vm.typeOf(aiter)->lookup("__anext__");
    if (an.isUnbound())
        return vm.raise(T.TypeError, "'async for' requires an iterator with __anext__ method, got " + vm.typeName(aiter));
    Value awaitable = callValue(vm, an, aiter, nullptr, 0, nullptr, nullptr, 0);
    if (awaitable.isError() || awaitable.is<AsyncGenOpObj>()) return awaitable;
    Value it = getAwaitable(vm, awaitable, 0);
    if (it.isError()) {
        vm.clearError();
        return vm.raise(T.TypeError, "'async for' received an invalid object from __anext__: " + vm.typeName(awaitable));
    }
    return it;
}

Value importName(Vm& vm, const std::string& name, const Value& fromlist) {
    Value m = vm.importModule(name);
    if (m.isError()) return m;
    const size_t dot = name.find('.');
    if (dot != std::string::npos && fromlist.isNone()) return vm.importModule(name.substr(0, dot));
    return m;
}

bool mergeIntoDict(Vm& vm, DictObj* dst, Value m, bool merge, const Value& func) {
    const BuiltinTypes& T = vm.types();
    auto funcName = [&] {
        std::string fn = "function";
        if (func.is<FunctionObj>()) fn = func.as<FunctionObj>()->m_qualname.as<StrObj>()->text() + "()";
        return fn;
    };
    if (!m.is<DictObj>()) {
        // a mapping: keys() and __getitem__
        Value keys = vm.callMethod(m, "keys", {});
        if (keys.isError()) {
            vm.clearError();
            if (merge)
                vm.raise(T.TypeError, funcName() + " argument after ** must be a mapping, not " + vm.typeName(m));
            else
                vm.raise(T.TypeError, "'" + vm.typeName(m) + "' object is not a mapping");
            return false;
        }
        std::vector<Value> ks;
        if (!vm.collect(keys, ks)) return false;
        Value d = vm.newDict();
        for (auto& k : ks) {
            Value v = vm.getItem(m, k);
            if (v.isError() || !d.as<DictObj>()->set(vm, k, v)) return false;
        }
        m = d;
    }
    std::vector<DictObj::Entry> entries = m.as<DictObj>()->m_entries;
    for (auto& e : entries) {
        if (e.key.isUnbound()) continue;
        if (merge) {
            int c = dst->contains(vm, e.key);
            if (c < 0) return false;
            if (c) {
                std::string k;
                vm.strString(e.key, k);
                vm.raise(T.TypeError, funcName() + " got multiple values for keyword argument '" + k + "'");
                return false;
            }
        }
        if (!dst->set(vm, e.key, e.value)) return false;
    }
    return true;
}

void raiseWithCause(Vm& vm, Value exc, Value cause) {
    const BuiltinTypes& T = vm.types();
    if (exc.is<TypeObj>()) {
        if (!exc.as<TypeObj>()->isSubtypeOf(T.BaseException)) {
            vm.raise(T.TypeError, "exceptions must derive from BaseException");
            return;
        }
        exc = vm.call(exc, {});
        if (exc.isError()) return;
    }
    if (!exc.is<ExceptionObj>()) { vm.raise(T.TypeError, "exceptions must derive from BaseException"); return; }
    if (!cause.isUnbound()) {
        if (cause.is<TypeObj>() && cause.as<TypeObj>()->isSubtypeOf(T.BaseException)) {
            cause = vm.call(cause, {});
            if (cause.isError()) return;
        } else if (!cause.isNone() && !cause.is<ExceptionObj>()) {
            vm.raise(T.TypeError, "exception causes must derive from BaseException");
            return;
        }
        exc.as<ExceptionObj>()->m_cause = cause;
        exc.as<ExceptionObj>()->m_suppressContext = true;
    }
    vm.raiseValue(exc);
}

}  // namespace aw::vm::detail
