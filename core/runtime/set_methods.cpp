// The methods of set and frozenset. The operators (| & - ^ and the
// comparisons) are the VM's; the named methods accept any iterable.

#include "core/runtime/runtime_util.h"

namespace aw::rt {

namespace {

vm::SetObj* selfSet(Vm& vm, CallArgs& a, std::string_view name)
{
    if (!a.hasSelf()) {
        if (a.npos == 0 || !vm::isAnySet(a.pos[0])) {
            vm.raise(vm.types().TypeError, "descriptor '" + std::string(name) + "' for 'set' objects needs a set");
            return nullptr;
        }
        a.self = a.pos[0];
        ++a.pos;
        --a.npos;
    }
    if (!vm::isAnySet(a.self)) {
        vm.raise(vm.types().TypeError, "descriptor '" + std::string(name) + "' for 'set' objects doesn't apply to a '"
                                           + vm.typeName(a.self) + "' object");
        return nullptr;
    }
    return static_cast<vm::SetObj*>(a.self.asObj());
}

Value raiseKeyError(Vm& vm, const Value& key)
{
    vm.restoreError(vm.newException(vm.types().KeyError, std::vector<Value>{key}));
    return Value::error();
}

// A new set (or frozenset, like self) with self's items.
Value copyOf(Vm& vm, vm::SetObj* s, bool frozen)
{
    Value out = vm.newSet(frozen);
    for (const Value& k : s->items())
        if (!out.as<vm::SetObj>()->add(vm, k)) return Value::error();
    return out;
}

// `other` as a set to test membership against (itself when already one).
Value asSet(Vm& vm, const Value& other)
{
    if (vm::isAnySet(other)) return other;
    Value s = vm.newSet();
    if (!s.as<vm::SetObj>()->update(vm, other)) return Value::error();
    return s;
}

Value setAdd(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "add");
    if (!s || !a.expect(vm, "add", 1, 1)) return Value::error();
    if (!s->add(vm, a[0])) return Value::error();
    return Value::none();
}

Value setRemove(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "remove");
    if (!s || !a.expect(vm, "remove", 1, 1)) return Value::error();
    const int r = s->discard(vm, a[0]);
    if (r < 0) return Value::error();
    if (r == 0) return raiseKeyError(vm, a[0]);
    return Value::none();
}

Value setDiscard(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "discard");
    if (!s || !a.expect(vm, "discard", 1, 1)) return Value::error();
    if (s->discard(vm, a[0]) < 0) return Value::error();
    return Value::none();
}

Value setPop(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "pop");
    if (!s || !a.expect(vm, "pop", 0, 0)) return Value::error();
    Value v = s->pop();
    if (v.isUnbound()) return raiseKeyError(vm, vm.newStr("pop from an empty set"));
    return v;
}

Value setClear(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "clear");
    if (!s || !a.expect(vm, "clear", 0, 0)) return Value::error();
    s->clear();
    return Value::none();
}

Value setCopy(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "copy");
    if (!s || !a.expect(vm, "copy", 0, 0)) return Value::error();
    if (s->isFrozen()) return a.self;
    return copyOf(vm, s, false);
}

Value setUnion(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "union");
    if (!s || !a.noKeywords(vm, "union")) return Value::error();
    Value out = copyOf(vm, s, s->isFrozen());
    if (out.isError()) return out;
    for (size_t i = 0; i < a.npos; ++i)
        if (!out.as<vm::SetObj>()->update(vm, a[i])) return Value::error();
    return out;
}

Value setUpdate(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "update");
    if (!s || !a.noKeywords(vm, "update")) return Value::error();
    for (size_t i = 0; i < a.npos; ++i)
        if (!s->update(vm, a[i])) return Value::error();
    return Value::none();
}

// One step of intersection() as CPython's set_intersection: with a set,
// walk the smaller of the two (the argument on a tie); otherwise walk the
// argument's items in order, keeping those in `s`.
Value intersectOnce(Vm& vm, vm::SetObj* s, const Value& other, bool frozen)
{
    Value out = vm.newSet(frozen);
    auto* o = out.as<vm::SetObj>();
    if (vm::isAnySet(other)) {
        auto* walk = static_cast<vm::SetObj*>(other.asObj());
        vm::SetObj* probe = s;
        if (walk->size() > s->size()) std::swap(walk, probe);
        for (const Value& k : walk->items()) {
            const int in = probe->contains(vm, k);
            if (in < 0) return Value::error();
            if (in && !o->add(vm, k)) return Value::error();
        }
        return out;
    }
    std::vector<Value> items;
    if (!vm.collect(other, items)) return Value::error();
    for (const Value& k : items) {
        const int in = s->contains(vm, k);
        if (in < 0) return Value::error();
        if (in && !o->add(vm, k)) return Value::error();
    }
    return out;
}

// One step of difference(): a set argument filters `s` in table order;
// anything else is discarded from a copy of `s` item by item.
Value differenceOnce(Vm& vm, vm::SetObj* s, const Value& other, bool frozen)
{
    if (vm::isAnySet(other) || other.is<vm::DictObj>()) {
        Value out = vm.newSet(frozen);
        for (const Value& k : s->items()) {
            const int in = other.is<vm::DictObj>() ? other.as<vm::DictObj>()->contains(vm, k)
                                                   : static_cast<vm::SetObj*>(other.asObj())->contains(vm, k);
            if (in < 0) return Value::error();
            if (!in && !out.as<vm::SetObj>()->add(vm, k)) return Value::error();
        }
        return out;
    }
    Value out = copyOf(vm, s, frozen);
    if (out.isError()) return out;
    std::vector<Value> items;
    if (!vm.collect(other, items)) return Value::error();
    for (const Value& k : items)
        if (out.as<vm::SetObj>()->discard(vm, k) < 0) return Value::error();
    return out;
}

Value chain(Vm& vm, CallArgs& a, const char* name, bool intersect)
{
    auto* s = selfSet(vm, a, name);
    if (!s || !a.noKeywords(vm, name)) return Value::error();
    if (a.npos == 0) return copyOf(vm, s, s->isFrozen());
    Value cur = a.self;
    for (size_t i = 0; i < a.npos; ++i) {
        auto* c = static_cast<vm::SetObj*>(cur.asObj());
        cur = intersect ? intersectOnce(vm, c, a[i], s->isFrozen()) : differenceOnce(vm, c, a[i], s->isFrozen());
        if (cur.isError()) return cur;
    }
    return cur;
}

Value setIntersection(Vm& vm, CallArgs& a) { return chain(vm, a, "intersection", true); }
Value setDifference(Vm& vm, CallArgs& a) { return chain(vm, a, "difference", false); }

Value inPlace(Vm& vm, CallArgs& a, const char* name, Value (*op)(Vm&, CallArgs&))
{
    auto* s = selfSet(vm, a, name);
    if (!s) return Value::error();
    Value r = op(vm, a);
    if (r.isError()) return r;
    std::vector<Value> items = static_cast<vm::SetObj*>(r.asObj())->items();
    s->clear();
    for (const auto& k : items)
        if (!s->add(vm, k)) return Value::error();
    return Value::none();
}

// set_symmetric_difference_update: each item of `other` (walked as a set)
// leaves `s` if present, else joins it.
bool symmetricUpdate(Vm& vm, vm::SetObj* s, const Value& other)
{
    Value o = asSet(vm, other);
    if (o.isError()) return false;
    for (const Value& k : static_cast<vm::SetObj*>(o.asObj())->items()) {
        const int removed = s->discard(vm, k);
        if (removed < 0) return false;
        if (removed == 0 && !s->add(vm, k)) return false;
    }
    return true;
}

// CPython builds the result from the argument, then folds self in.
Value setSymmetricDifference(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "symmetric_difference");
    if (!s || !a.expect(vm, "symmetric_difference", 1, 1)) return Value::error();
    Value out = vm.newSet(s->isFrozen());
    if (!out.as<vm::SetObj>()->update(vm, a[0])) return Value::error();
    if (!symmetricUpdate(vm, out.as<vm::SetObj>(), a.self)) return Value::error();
    return out;
}

Value setSymmetricDifferenceUpdateImpl(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "symmetric_difference_update");
    if (!s || !a.expect(vm, "symmetric_difference_update", 1, 1)) return Value::error();
    if (!symmetricUpdate(vm, s, a[0])) return Value::error();
    return Value::none();
}

Value setIntersectionUpdate(Vm& vm, CallArgs& a) { return inPlace(vm, a, "intersection_update", setIntersection); }
Value setDifferenceUpdate(Vm& vm, CallArgs& a) { return inPlace(vm, a, "difference_update", setDifference); }
Value setSymmetricDifferenceUpdate(Vm& vm, CallArgs& a) { return setSymmetricDifferenceUpdateImpl(vm, a); }

// Every item of `a` is in `b`.
int allIn(Vm& vm, vm::SetObj* a, vm::SetObj* b)
{
    for (const Value& k : a->items()) {
        const int in = b->contains(vm, k);
        if (in <= 0) return in;
    }
    return 1;
}

Value setIssubset(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "issubset");
    if (!s || !a.expect(vm, "issubset", 1, 1)) return Value::error();
    Value o = asSet(vm, a[0]);
    if (o.isError()) return o;
    const int r = allIn(vm, s, static_cast<vm::SetObj*>(o.asObj()));
    if (r < 0) return Value::error();
    return Value::boolean(r == 1);
}

Value setIssuperset(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "issuperset");
    if (!s || !a.expect(vm, "issuperset", 1, 1)) return Value::error();
    Value o = asSet(vm, a[0]);
    if (o.isError()) return o;
    const int r = allIn(vm, static_cast<vm::SetObj*>(o.asObj()), s);
    if (r < 0) return Value::error();
    return Value::boolean(r == 1);
}

Value setIsdisjoint(Vm& vm, CallArgs& a)
{
    auto* s = selfSet(vm, a, "isdisjoint");
    if (!s || !a.expect(vm, "isdisjoint", 1, 1)) return Value::error();
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();
    for (const auto& k : items) {
        const int in = s->contains(vm, k);
        if (in < 0) return Value::error();
        if (in) return Value::boolean(false);
    }
    return Value::boolean(true);
}

}  // namespace

void installSetMethods(Vm& vm)
{
    struct Entry { const char* name; vm::NativeFn fn; bool mutating; };
    static constexpr Entry kMethods[] = {
        {"add", setAdd, true}, {"remove", setRemove, true}, {"discard", setDiscard, true}, {"pop", setPop, true},
        {"clear", setClear, true}, {"update", setUpdate, true},
        {"intersection_update", setIntersectionUpdate, true}, {"difference_update", setDifferenceUpdate, true},
        {"symmetric_difference_update", setSymmetricDifferenceUpdate, true},
        {"copy", setCopy, false}, {"union", setUnion, false}, {"intersection", setIntersection, false},
        {"difference", setDifference, false}, {"symmetric_difference", setSymmetricDifference, false},
        {"issubset", setIssubset, false}, {"issuperset", setIssuperset, false}, {"isdisjoint", setIsdisjoint, false},
    };
    for (const auto& m : kMethods) {
        vm.addMethod(vm.types().set, m.name, m.fn);
        if (!m.mutating) vm.addMethod(vm.types().frozenset, m.name, m.fn);
    }
}

}  // namespace aw::rt
