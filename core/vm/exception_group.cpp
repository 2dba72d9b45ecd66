// BaseExceptionGroup / ExceptionGroup (3.11), enough for TaskGroup and
// `except*`: construction rules, message/exceptions, str, split, subgroup,
// derive. Single inheritance: ExceptionGroup's base is Exception and its
// m_extraBase makes it a BaseExceptionGroup for isinstance/except.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm::detail {

namespace {

Value attr(Vm& vm, const Value& eg, std::string_view name) {
    auto* e = eg.as<ExceptionObj>();
    return e->m_dict ? e->m_dict->getStr(name) : Value::unbound();
}

// BaseExceptionGroup(message, exceptions) with CPython's checks and its
// "an ExceptionGroup when every item is an Exception" rule.
Value makeGroup(Vm& vm, TypeObj* cls, const Value& message, const Value& excs) {
    const BuiltinTypes& T = vm.types();
    if (!message.is<StrObj>())
        return vm.raise(T.TypeError, "argument 1 must be str, not " + vm.typeName(message));
    std::vector<Value> items;
    if (excs.is<SetObj>() || excs.is<DictObj>() || excs.isNone() || !vm.collect(excs, items)) {
        vm.clearError();
        return vm.raise(T.TypeError, "second argument (exceptions) must be a sequence");
    }
    if (items.empty()) return vm.raise(T.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is<ExceptionObj>())
            return vm.raise(T.ValueError, "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
        if (!vm.isInstance(items[i], T.Exception)) allExceptions = false;
    }
    if (cls == T.BaseExceptionGroup && allExceptions) cls = T.ExceptionGroup;
    if (cls->isSubtypeOf(T.ExceptionGroup) && !allExceptions)
        return vm.raise(T.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    if (!cls->isSubtypeOf(T.Exception) && allExceptions && cls != T.BaseExceptionGroup && !cls->isSubtypeOf(T.ExceptionGroup)) {
        // a user BaseExceptionGroup subclass may hold anything
    }
    auto* e = vm.heap().make<ExceptionObj>(cls);
    Value ev(e);
    Value tuple = vm.newTuple(items);
    e->m_args = vm.newTuple({message, tuple});
    e->m_dict = vm.newDict().as<DictObj>();
    vm.setAttrStr(e->m_dict.get(), "message", message);
    vm.setAttrStr(e->m_dict.get(), "exceptions", tuple);
    return ev;
}

Value groupCtor(Vm& vm, CallArgs& a) {
    if (a.nkw) return vm.raise(vm.types().TypeError, "BaseExceptionGroup() takes no keyword arguments");
    if (a.npos != 2)
        return vm.raise(vm.types().TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.npos) + " given)");
    return makeGroup(vm, a.self.as<TypeObj>(), a[0], a[1]);
}

Value groupStr(Vm& vm, CallArgs& a) {
    Value msg = attr(vm, a.self, "message");
    Value ex = attr(vm, a.self, "exceptions");
    if (!msg.is<StrObj>() || !ex.is<TupleObj>()) return vm.newStr("");
    size_t n = ex.as<TupleObj>()->size();
    return vm.newStr(msg.as<StrObj>()->text() + " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")");
}

Value groupRepr(Vm& vm, CallArgs& a) {
    std::string m, e;
    if (!vm.reprString(attr(vm, a.self, "message"), m)) return Value::error();
    Value ex = attr(vm, a.self, "exceptions");
    Value asList = vm.newList(ex.is<TupleObj>() ? ex.as<TupleObj>()->m_items : std::vector<Value>{});
    if (!vm.reprString(asList, e)) return Value::error();
    return vm.newStr(vm.typeName(a.self) + "(" + m + ", " + e + ")");
}

Value groupDerive(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "derive", 1, 1)) return Value::error();
    return makeGroup(vm, vm.types().BaseExceptionGroup, attr(vm, a.self, "message"), a[0]);
}

// Whether leaf/group `e` matches: a type, a tuple of types, or a predicate.
int matches(Vm& vm, const Value& matcher, const Value& e) {
    if (matcher.is<TypeObj>() || matcher.is<TupleObj>()) return vm.isInstanceOf(e, matcher);
    Value r = vm.call(matcher, {e});
    if (r.isError()) return -1;
    return vm.truthy(r);
}

bool isGroup(Vm& vm, const Value& e) { return vm.isInstance(e, vm.types().BaseExceptionGroup); }

// A new group like `eg` holding `items` (derive + copied cause/context/traceback/notes).
Value rebuild(Vm& vm, const Value& eg, std::vector<Value> items) {
    if (items.empty()) return Value();
    Value derived = vm.callMethod(eg, "derive", {vm.newList(std::move(items))});
    if (derived.isError() || !derived.is<ExceptionObj>()) return derived;
    auto* src = eg.as<ExceptionObj>();
    auto* dst = derived.as<ExceptionObj>();
    dst->m_cause = src->m_cause;
    dst->m_context = src->m_context;
    dst->m_suppressContext = src->m_suppressContext;
    dst->m_traceback = src->m_traceback;
    Value notes = attr(vm, eg, "__notes__");
    if (!notes.isUnbound() && dst->m_dict) vm.setAttrStr(dst->m_dict.get(), "__notes__", notes);
    return derived;
}

bool splitRec(Vm& vm, const Value& eg, const Value& matcher, Value& match, Value& rest) {
    int m = matches(vm, matcher, eg);
    if (m < 0) return false;
    if (m) { match = eg; rest = Value(); return true; }
    if (!isGroup(vm, eg)) { match = Value(); rest = eg; return true; }
    Value ex = attr(vm, eg, "exceptions");
    std::vector<Value> ms, rs;
    if (ex.is<TupleObj>()) {
        for (const auto& child : ex.as<TupleObj>()->m_items) {
            Value cm, cr;
            if (!splitRec(vm, child, matcher, cm, cr)) return false;
            if (!cm.isNone()) ms.push_back(cm);
            if (!cr.isNone()) rs.push_back(cr);
        }
    }
    match = rebuild(vm, eg, std::move(ms));
    if (match.isError()) return false;
    rest = rebuild(vm, eg, std::move(rs));
    return !rest.isError();
}

Value groupSplit(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "split", 1, 1)) return Value::error();
    Value match, rest;
    if (!splitRec(vm, a.self, a[0], match, rest)) return Value::error();
    return vm.newTuple({match, rest});
}

Value groupSubgroup(Vm& vm, CallArgs& a) {
    if (!a.expect(vm, "subgroup", 1, 1)) return Value::error();
    Value match, rest;
    if (!splitRec(vm, a.self, a[0], match, rest)) return Value::error();
    return match;
}

}  // namespace

void installExceptionGroups(Vm& vm) {
    const BuiltinTypes& T = vm.types();
    for (TypeObj* t : {T.BaseExceptionGroup, T.ExceptionGroup}) {
        t->m_ctor = groupCtor;
        vm.addMethod(t, "__str__", groupStr);
        vm.addMethod(t, "__repr__", groupRepr);
        vm.addMethod(t, "derive", groupDerive);
        vm.addMethod(t, "split", groupSplit);
        vm.addMethod(t, "subgroup", groupSubgroup);
    }
}

}  // namespace aw::vm::detail
