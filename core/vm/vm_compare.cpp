// Equality, ordering and hashing.
#include "core/runtime/hashing.h"
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm {

using bytecode::CompareOpArg;

namespace {

const char* opSymbol(CompareOpArg op) {
    switch (op) {
    case CompareOpArg::Lt: return "<";
    case CompareOpArg::Le: return "<=";
    case CompareOpArg::Eq: return "==";
    case CompareOpArg::Ne: return "!=";
    case CompareOpArg::Gt: return ">";
    case CompareOpArg::Ge: return ">=";
    }
    return "?";
}

const char* dunder(CompareOpArg op) {
    switch (op) {
    case CompareOpArg::Lt: return "__lt__";
    case CompareOpArg::Le: return "__le__";
    case CompareOpArg::Eq: return "__eq__";
    case CompareOpArg::Ne: return "__ne__";
    case CompareOpArg::Gt: return "__gt__";
    case CompareOpArg::Ge: return "__ge__";
    }
    return "";
}

CompareOpArg swapped(CompareOpArg op) {
    switch (op) {
    case CompareOpArg::Lt: return CompareOpArg::Gt;
    case CompareOpArg::Le: return CompareOpArg::Ge;
    case CompareOpArg::Gt: return CompareOpArg::Lt;
    case CompareOpArg::Ge: return CompareOpArg::Le;
    default: return op;
    }
}

template <class T>
bool cmpResult(const T& a, const T& b, CompareOpArg op) {
    switch (op) {
    case CompareOpArg::Lt: return a < b;
    case CompareOpArg::Le: return a <= b;
    case CompareOpArg::Eq: return a == b;
    case CompareOpArg::Ne: return a != b;
    case CompareOpArg::Gt: return a > b;
    case CompareOpArg::Ge: return a >= b;
    }
    return false;
}

bool isUserish(const Value& v) {
    if (!v.isObj()) return false;
    Kind k = v.asObj()->kind();
    return k == Kind::Instance || k == Kind::Native || k == Kind::Exception;
}

// Compares two sequences: lexicographic with the first differing element.
Value compareSeq(Vm& vm, const std::vector<Value>& x, const std::vector<Value>& y, CompareOpArg op) {
    size_t n = std::min(x.size(), y.size());
    size_t i = 0;
    for (; i < n; ++i) {
        int eq = vm.equals(x[i], y[i]);
        if (eq < 0) return Value::error();
        if (!eq) break;
    }
    if (i >= n) return Value::boolean(cmpResult(x.size(), y.size(), op));
    if (op == CompareOpArg::Eq) return Value::boolean(false);
    if (op == CompareOpArg::Ne) return Value::boolean(true);
    return vm.compare(x[i], y[i], op);
}

}  // namespace

Value Vm::compare(const Value& a, const Value& b, CompareOpArg op) {
    // Numbers
    if (a.isIntLike() && b.isIntLike()) return Value::boolean(cmpResult(a.asInt(), b.asInt(), op));
    if (a.isNumber() && b.isNumber()) return Value::boolean(cmpResult(a.toDouble(), b.toDouble(), op));
    if (a.is<StrObj>() && b.is<StrObj>())
        return Value::boolean(cmpResult(a.as<StrObj>()->m_text, b.as<StrObj>()->m_text, op));

    // User-defined comparisons (reflected first when b's type is a subclass of a's).
    if (isUserish(a) || isUserish(b)) {
        bool reflectedFirst = isUserish(b) && typeOf(b) != typeOf(a) && typeOf(b)->isSubtypeOf(typeOf(a));
        for (int pass = 0; pass < 2; ++pass) {
            bool reflected = (pass == 0) == reflectedFirst;
            const Value& self = reflected ? b : a;
            const Value& other = reflected ? a : b;
            if (!isUserish(self)) continue;
            CompareOpArg o = reflected ? swapped(op) : op;
            Value r = detail::callSpecial(*this, self, dunder(o), {other});
            if (r.isError()) return r;
            if (!r.isUnbound() && !r.identical(m_notImplemented)) return r;
        }
    }
    if (op == CompareOpArg::Eq || op == CompareOpArg::Ne) {
        int eq = -2;
        if (a.isObj() && b.isObj() && a.asObj()->kind() == b.asObj()->kind()) {
            Kind k = a.asObj()->kind();
            if (k == Kind::List || k == Kind::Tuple || k == Kind::Dict || k == Kind::Set || k == Kind::FrozenSet ||
                k == Kind::Range || k == Kind::Slice)
                eq = equals(a, b);
        } else if (isAnySet(a) && isAnySet(b)) eq = equals(a, b);
        if (eq == -1) return Value::error();
        if (eq == -2) eq = a.identical(b);
        return Value::boolean(op == CompareOpArg::Eq ? eq : !eq);
    }
    if (a.isObj() && b.isObj()) {
        Kind ka = a.asObj()->kind(), kb = b.asObj()->kind();
        if (ka == kb && ka == Kind::List) return compareSeq(*this, a.as<ListObj>()->m_items, b.as<ListObj>()->m_items, op);
        if (ka == kb && ka == Kind::Tuple) return compareSeq(*this, a.as<TupleObj>()->m_items, b.as<TupleObj>()->m_items, op);
        if (isAnySet(a) && isAnySet(b)) {
            SetObj* x = a.as<SetObj>();
            SetObj* y = b.as<SetObj>();
            auto subset = [&](SetObj* s, SetObj* t) -> int {
                if (s->size() > t->size()) return 0;
                for (auto& k : s->items()) {
                    int c = t->contains(*this, k);
                    if (c <= 0) return c;
                }
                return 1;
            };
            int r;
            switch (op) {
            case CompareOpArg::Le: r = subset(x, y); break;
            case CompareOpArg::Lt: r = x->size() < y->size() ? subset(x, y) : 0; break;
            case CompareOpArg::Ge: r = subset(y, x); break;
            default: r = y->size() < x->size() ? subset(y, x) : 0; break;
            }
            if (r < 0) return Value::error();
            return Value::boolean(r);
        }
    }
    return raise(m_types.TypeError, std::string("'") + opSymbol(op) + "' not supported between instances of '" +
                                        typeName(a) + "' and '" + typeName(b) + "'");
}

int Vm::compareBool(const Value& a, const Value& b, CompareOpArg op) {
    Value r = compare(a, b, op);
    if (r.isError()) return -1;
    if (r.isBool()) return r.asBool();
    return truthy(r);
}

int Vm::equals(const Value& a, const Value& b) {
    if (a.isIntLike() && b.isIntLike()) return a.asInt() == b.asInt();
    if (a.isNumber() && b.isNumber()) return a.toDouble() == b.toDouble();
    if (a.isObj() && b.isObj() && a.asObj() == b.asObj()) return 1;   // identity implies equality (containers)
    if (!a.isObj() && !b.isObj()) return a.tag() == b.tag() && a.identical(b);
    if (a.isObj() && b.isObj()) {
        Obj* x = a.asObj();
        Obj* y = b.asObj();
        Kind kx = x->kind(), ky = y->kind();
        if (kx == Kind::Str && ky == Kind::Str) return static_cast<StrObj*>(x)->m_text == static_cast<StrObj*>(y)->m_text;
        if (kx == ky && (kx == Kind::List || kx == Kind::Tuple)) {
            const auto& xs = kx == Kind::List ? static_cast<ListObj*>(x)->m_items : static_cast<TupleObj*>(x)->m_items;
            const auto& ys = kx == Kind::List ? static_cast<ListObj*>(y)->m_items : static_cast<TupleObj*>(y)->m_items;
            if (xs.size() != ys.size()) return 0;
            Value keepA = a, keepB = b;
            for (size_t i = 0; i < xs.size() && i < ys.size(); ++i) {
                Value xi = xs[i], yi = ys[i];
                int e = equals(xi, yi);
                if (e <= 0) return e;
            }
            return 1;
        }
        if (kx == ky && kx == Kind::Dict) {
            auto* dx = static_cast<DictObj*>(x);
            auto* dy = static_cast<DictObj*>(y);
            if (dx->size() != dy->size()) return 0;
            std::vector<DictObj::Entry> entries = dx->m_entries;
            for (auto& e : entries) {
                if (e.key.isUnbound()) continue;
                Value ov = dy->get(*this, e.key);
                if (ov.isError()) return -1;
                if (ov.isUnbound()) return 0;
                int q = equals(e.value, ov);
                if (q <= 0) return q;
            }
            return 1;
        }
        if (isAnySet(a) && isAnySet(b)) {
            auto* sx = static_cast<SetObj*>(x);
            auto* sy = static_cast<SetObj*>(y);
            if (sx->size() != sy->size()) return 0;
            for (auto& k : sx->items()) {
                int c = sy->contains(*this, k);
                if (c <= 0) return c;
            }
            return 1;
        }
        if (kx == ky && kx == Kind::Range) {
            auto* rx = static_cast<RangeObj*>(x);
            auto* ry = static_cast<RangeObj*>(y);
            int64_t n = rx->length();
            if (n != ry->length()) return 0;
            if (n == 0) return 1;
            if (rx->m_start != ry->m_start) return 0;
            return n == 1 || rx->m_step == ry->m_step;
        }
        if (kx == ky && kx == Kind::BoundMethod) {
            auto* bx = static_cast<BoundMethodObj*>(x);
            auto* by = static_cast<BoundMethodObj*>(y);
            return bx->m_func.identical(by->m_func) && bx->m_self.identical(by->m_self);
        }
    }
    if (isUserish(a) || isUserish(b)) {
        Value r = compare(a, b, CompareOpArg::Eq);
        if (r.isError()) return -1;
        if (r.isBool()) return r.asBool();
        return truthy(r);
    }
    return 0;
}

bool Vm::hash(const Value& v, int64_t& out) {
    switch (v.tag()) {
    case Value::Tag::None: out = rt::hashNone(); return true;
    case Value::Tag::Bool: out = rt::hashBool(v.asBool()); return true;
    case Value::Tag::Int: out = rt::hashInt(v.asInt()); return true;
    case Value::Tag::Float: out = rt::hashFloat(v.asFloat()); return true;
    case Value::Tag::Obj: break;
    default: out = 0; return true;
    }
    Obj* o = v.asObj();
    switch (o->kind()) {
    case Kind::Str: out = static_cast<StrObj*>(o)->hash(); return true;
    case Kind::Tuple: {
        const auto& items = static_cast<TupleObj*>(o)->m_items;
        std::vector<int64_t> hs(items.size());
        for (size_t i = 0; i < items.size(); ++i)
            if (!hash(items[i], hs[i])) return false;
        out = rt::hashTuple(hs);
        return true;
    }
    case Kind::FrozenSet: {
        auto* s = static_cast<SetObj*>(o);
        if (s->m_hash != -1) { out = s->m_hash; return true; }
        auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
        uint64_t h = 0;
        for (const auto& e : s->m_table)
            if (e.state == 1) h ^= shuffle(uint64_t(e.hash));
        // (CPython xors every slot, then cancels the empty and dummy ones; only used ones here)
        h ^= (uint64_t(s->size()) + 1) * 1927868237ULL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923ULL;
        if (h == uint64_t(-1)) h = 590923713ULL;
        s->m_hash = int64_t(h);
        out = s->m_hash;
        return true;
    }
    case Kind::List: case Kind::Dict: case Kind::Set: case Kind::Slice:
        raise(m_types.TypeError, "unhashable type: '" + typeName(v) + "'");
        return false;
    case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        int64_t n = r->length();
        // CPython: hash((len, start or None, step or None)), None when not observable.
        int64_t hs[3] = {rt::hashInt(n), n ? rt::hashInt(r->m_start) : rt::hashNone(),
                         n > 1 ? rt::hashInt(r->m_step) : rt::hashNone()};
        out = rt::hashTuple(hs);
        return true;
    }
    case Kind::Instance: case Kind::Native: case Kind::Exception: {
        Value h = detail::typeLookup(*this, o->type(), detail::internedName(*this, "__hash__"));
        if (h.isNone()) {
            raise(m_types.TypeError, "unhashable type: '" + typeName(v) + "'");
            return false;
        }
        if (!h.isUnbound() && !(h.is<NativeFunctionObj>() && h.as<NativeFunctionObj>()->m_qualname == "object.__hash__")) {
            Value r = detail::callValue(*this, h, v, nullptr, 0, nullptr, nullptr, 0);
            if (r.isError()) return false;
            if (!r.isIntLike()) { raise(m_types.TypeError, "__hash__ method should return an integer"); return false; }
            // CPython keeps an in-range __hash__ result as is (only -1 is reserved).
            out = r.asInt() == -1 ? -2 : r.asInt();
            return true;
        }
        break;
    }
    default: break;
    }
    // Identity hash (CPython: the address rotated by 4 bits).
    uint64_t p = reinterpret_cast<uintptr_t>(o);
    out = int64_t((p >> 4) | (p << 60));
    if (out == -1) out = -2;
    return true;
}

}  // namespace aw::vm
