// Arithmetic and the other binary/unary operators.
#include "core/runtime/percent_format.h"
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

#include <cmath>

namespace aw::vm {

using bytecode::BinaryOpArg;

namespace {

const char* opSym(BinaryOpArg op) {
    static const char* syms[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    return syms[uint32_t(op)];
}
const char* opName(BinaryOpArg op) {
    static const char* names[] = {"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
                                  "lshift", "rshift", "and", "or", "xor"};
    return names[uint32_t(op)];
}

bool isUserish(const Value& v) {
    if (!v.isObj()) return false;
    Kind k = v.asObj()->kind();
    return k == Kind::Instance || k == Kind::Native || k == Kind::Exception;
}

Value overflow(Vm& vm) { return vm.raise(vm.types().OverflowError, "integer overflow: Awaitscope ints are 64-bit"); }

Value intPow(Vm& vm, int64_t base, int64_t exp) {
    if (exp < 0) {
        if (base == 0) return vm.raise(vm.types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::number(std::pow(double(base), double(exp)));
    }
    int64_t result = 1;
    int64_t b = base;
    while (exp > 0) {
        if (exp & 1) {
            if (__builtin_mul_overflow(result, b, &result)) return overflow(vm);
        }
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(b, b, &b)) return overflow(vm);
    }
    return Value::integer(result);
}

Value intOp(Vm& vm, int64_t a, int64_t b, BinaryOpArg op, bool& handled) {
    handled = true;
    int64_t r;
    switch (op) {
    case BinaryOpArg::Add: if (__builtin_add_overflow(a, b, &r)) return overflow(vm); return Value::integer(r);
    case BinaryOpArg::Sub: if (__builtin_sub_overflow(a, b, &r)) return overflow(vm); return Value::integer(r);
    case BinaryOpArg::Mul: if (__builtin_mul_overflow(a, b, &r)) return overflow(vm); return Value::integer(r);
    case BinaryOpArg::TrueDiv:
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "division by zero");
        return Value::number(double(a) / double(b));
    case BinaryOpArg::FloorDiv: {
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1) return overflow(vm);
        int64_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
        return Value::integer(q);
    }
    case BinaryOpArg::Mod: {
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "integer modulo by zero");
        if (b == -1) return Value::integer(0);
        int64_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        return Value::integer(m);
    }
    case BinaryOpArg::Pow: return intPow(vm, a, b);
    case BinaryOpArg::LShift:
        if (b < 0) return vm.raise(vm.types().ValueError, "negative shift count");
        if (a == 0) return Value::integer(0);
        if (b >= 63) return overflow(vm);
        r = int64_t(uint64_t(a) << b);
        if ((r >> b) != a) return overflow(vm);
        return Value::integer(r);
    case BinaryOpArg::RShift:
        if (b < 0) return vm.raise(vm.types().ValueError, "negative shift count");
        return Value::integer(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case BinaryOpArg::And: return Value::integer(a & b);
    case BinaryOpArg::Or: return Value::integer(a | b);
    case BinaryOpArg::Xor: return Value::integer(a ^ b);
    default: handled = false; return Value();
    }
}

Value floatOp(Vm& vm, double a, double b, BinaryOpArg op, bool& handled) {
    handled = true;
    switch (op) {
    case BinaryOpArg::Add: return Value::number(a + b);
    case BinaryOpArg::Sub: return Value::number(a - b);
    case BinaryOpArg::Mul: return Value::number(a * b);
    case BinaryOpArg::TrueDiv:
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "float division by zero");
        return Value::number(a / b);
    case BinaryOpArg::FloorDiv: {
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "float floor division by zero");
        // CPython's float_floor_div via divmod
        double mod = std::fmod(a, b);
        double div = (a - mod) / b;
        if (mod && ((b < 0) != (mod < 0))) div -= 1.0;
        double floordiv;
        if (div) { floordiv = std::floor(div); if (div - floordiv > 0.5) floordiv += 1.0; }
        else floordiv = std::copysign(0.0, a / b);
        return Value::number(floordiv);
    }
    case BinaryOpArg::Mod: {
        if (b == 0) return vm.raise(vm.types().ZeroDivisionError, "float modulo");
        double mod = std::fmod(a, b);
        if (mod) { if ((b < 0) != (mod < 0)) mod += b; }
        else mod = std::copysign(0.0, b);
        return Value::number(mod);
    }
    case BinaryOpArg::Pow: {
        if (a == 0 && b < 0) return vm.raise(vm.types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (a < 0 && b != std::floor(b) && std::isfinite(b))
            return vm.raise(vm.types().ValueError, "complex numbers are not supported (negative number raised to a fractional power)");
        double r = std::pow(a, b);
        if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
            return vm.raise(vm.types().OverflowError, "(34, 'Numerical result out of range')");
        return Value::number(r);
    }
    default: handled = false; return Value();
    }
}

Value repeat(Vm& vm, const Value& seq, int64_t n) {
    if (n < 0) n = 0;
    if (seq.is<StrObj>()) {
        const std::string& s = seq.as<StrObj>()->m_text;
        if (n > 0 && s.size() * uint64_t(n) > (uint64_t(1) << 31)) return vm.raise(vm.types().OverflowError, "repeated string is too long");
        std::string out;
        out.reserve(s.size() * size_t(n));
        for (int64_t i = 0; i < n; ++i) out += s;
        return vm.newStr(out);
    }
    const auto& items = seq.is<ListObj>() ? seq.as<ListObj>()->m_items : seq.as<TupleObj>()->m_items;
    if (n > 0 && items.size() * uint64_t(n) > (uint64_t(1) << 28)) return vm.raise(vm.types().OverflowError, "repeated sequence is too long");
    std::vector<Value> out;
    out.reserve(items.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
    return seq.is<ListObj>() ? vm.newList(std::move(out)) : vm.newTuple(std::move(out));
}

bool isSeq(const Value& v) { return v.is<StrObj>() || v.is<ListObj>() || v.is<TupleObj>(); }

// Built-in behaviour of the operator; Unbound when the operand types do not support it.
Value builtinBinary(Vm& vm, const Value& a, const Value& b, BinaryOpArg op, bool inplace) {
    bool handled;
    if (a.isIntLike() && b.isIntLike()) {
        if (a.isBool() && b.isBool() && (op == BinaryOpArg::And || op == BinaryOpArg::Or || op == BinaryOpArg::Xor)) {
            bool x = a.asBool(), y = b.asBool();
            return Value::boolean(op == BinaryOpArg::And ? (x && y) : op == BinaryOpArg::Or ? (x || y) : (x != y));
        }
        Value r = intOp(vm, a.asInt(), b.asInt(), op, handled);
        if (handled) return r;
        return Value::unbound();
    }
    if (a.isNumber() && b.isNumber()) {
        Value r = floatOp(vm, a.toDouble(), b.toDouble(), op, handled);
        if (handled) return r;
        return Value::unbound();
    }
    if (!a.isObj() && !b.isObj()) return Value::unbound();
    if (op == BinaryOpArg::Add) {
        if (a.is<StrObj>()) {
            if (!b.is<StrObj>())
                return vm.raise(vm.types().TypeError, "can only concatenate str (not \"" + vm.typeName(b) + "\") to str");
            return vm.newStr(a.as<StrObj>()->m_text + b.as<StrObj>()->m_text);
        }
        if (a.is<ListObj>()) {
            if (!b.is<ListObj>()) {
                if (inplace) {
                    std::vector<Value> more;
                    if (!vm.collect(b, more)) return Value::error();
                    auto& items = a.as<ListObj>()->m_items;
                    items.insert(items.end(), more.begin(), more.end());
                    return a;
                }
                return vm.raise(vm.types().TypeError, "can only concatenate list (not \"" + vm.typeName(b) + "\") to list");
            }
            if (inplace) {
                std::vector<Value> more = b.as<ListObj>()->m_items;
                auto& items = a.as<ListObj>()->m_items;
                items.insert(items.end(), more.begin(), more.end());
                return a;
            }
            std::vector<Value> out = a.as<ListObj>()->m_items;
            const auto& more = b.as<ListObj>()->m_items;
            out.insert(out.end(), more.begin(), more.end());
            return vm.newList(std::move(out));
        }
        if (a.is<TupleObj>()) {
            if (!b.is<TupleObj>())
                return vm.raise(vm.types().TypeError, "can only concatenate tuple (not \"" + vm.typeName(b) + "\") to tuple");
            std::vector<Value> out = a.as<TupleObj>()->m_items;
            const auto& more = b.as<TupleObj>()->m_items;
            out.insert(out.end(), more.begin(), more.end());
            return vm.newTuple(std::move(out));
        }
    }
    if (op == BinaryOpArg::Mul) {
        if (isSeq(a)) {
            if (!b.isIntLike()) {
                if (isUserish(b)) return Value::unbound();
                return vm.raise(vm.types().TypeError, "can't multiply sequence by non-int of type '" + vm.typeName(b) + "'");
            }
            if (inplace && a.is<ListObj>()) {
                auto& items = a.as<ListObj>()->m_items;
                std::vector<Value> orig = items;
                items.clear();
                for (int64_t i = 0; i < b.asInt(); ++i) items.insert(items.end(), orig.begin(), orig.end());
                return a;
            }
            return repeat(vm, a, b.asInt());
        }
        if (isSeq(b)) {
            if (!a.isIntLike()) {
                if (isUserish(a)) return Value::unbound();
                return vm.raise(vm.types().TypeError, "can't multiply sequence by non-int of type '" + vm.typeName(a) + "'");
            }
            return repeat(vm, b, a.asInt());
        }
    }
    if (op == BinaryOpArg::Or && a.is<DictObj>() && b.is<DictObj>()) {
        Value out = a;
        if (!inplace) {
            out = vm.newDict();
            DictObj* d = out.as<DictObj>();
            for (auto& e : std::vector<DictObj::Entry>(a.as<DictObj>()->m_entries))
                if (!e.key.isUnbound() && !d->set(vm, e.key, e.value)) return Value::error();
        }
        DictObj* d = out.as<DictObj>();
        for (auto& e : std::vector<DictObj::Entry>(b.as<DictObj>()->m_entries))
            if (!e.key.isUnbound() && !d->set(vm, e.key, e.value)) return Value::error();
        return out;
    }
    if (isAnySet(a) && isAnySet(b) &&
        (op == BinaryOpArg::Or || op == BinaryOpArg::And || op == BinaryOpArg::Sub || op == BinaryOpArg::Xor)) {
        SetObj* x = a.as<SetObj>();
        SetObj* y = b.as<SetObj>();
        bool frozen = x->isFrozen();
        Value out = inplace && !frozen ? a : vm.newSet(frozen);
        SetObj* o = out.as<SetObj>();
        switch (op) {
        case BinaryOpArg::Or:
            if (o != x && !o->update(vm, a)) return Value::error();
            if (!o->update(vm, b)) return Value::error();
            break;
        case BinaryOpArg::And: {
            std::vector<Value> keep;
            // CPython iterates the smaller set
            SetObj* small = x->size() <= y->size() ? x : y;
            SetObj* big = small == x ? y : x;
            for (auto& k : small->items()) {
                int c = big->contains(vm, k);
                if (c < 0) return Value::error();
                if (c) keep.push_back(k);
            }
            if (o == x) o->clear();
            for (auto& k : keep) if (!o->add(vm, k)) return Value::error();
            break;
        }
        case BinaryOpArg::Sub: {
            if (o == x) {
                for (auto& k : y->items()) if (o->discard(vm, k) < 0) return Value::error();
            } else {
                for (auto& k : x->items()) {
                    int c = y->contains(vm, k);
                    if (c < 0) return Value::error();
                    if (!c && !o->add(vm, k)) return Value::error();
                }
            }
            break;
        }
        default: {   // Xor
            // CPython: `x ^= y` folds y into x; `x ^ y` copies y, then folds x
            // in (set_symmetric_difference), which decides the iteration order.
            if (o == x && x == y) { o->clear(); break; }
            SetObj* from = x;
            if (o != x) { if (!o->update(vm, b)) return Value::error(); }
            else from = y;
            for (const Value& k : from->items()) {
                int c = o->discard(vm, k);
                if (c < 0) return Value::error();
                if (c == 0 && !o->add(vm, k)) return Value::error();
            }
            break;
        }
        }
        return out;
    }
    return Value::unbound();
}

}  // namespace

Value Vm::binaryOp(const Value& a, const Value& b, uint32_t opArg) {
    bool inplace = (opArg & bytecode::kInplace) != 0;
    auto op = BinaryOpArg(opArg & 0xFF);
    // Fast paths
    if (a.isInt() && b.isInt()) {
        int64_t x = a.asInt(), y = b.asInt(), r;
        switch (op) {
        case BinaryOpArg::Add: if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r); break;
        case BinaryOpArg::Sub: if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r); break;
        default: break;
        }
    }
    // str % x: printf-style formatting. CPython tries str.__mod__ first (the
    // right operand's __rmod__ only wins for a str subclass), and it accepts
    // any right operand, so this never falls through to the TypeError below.
    if (op == BinaryOpArg::Mod && a.is<StrObj>() && !(isUserish(b) && typeOf(b)->isSubtypeOf(typeOf(a))))
        return rt::percentFormat(*this, a, b);
    std::string name = opName(op);
    if (isUserish(a) || isUserish(b)) {
        if (inplace && isUserish(a)) {
            Value r = detail::callSpecial(*this, a, "__i" + name + "__", {b});
            if (r.isError()) return r;
            if (!r.isUnbound() && !r.identical(m_notImplemented)) return r;
        }
        bool reflectedFirst = isUserish(b) && typeOf(b) != typeOf(a) && typeOf(b)->isSubtypeOf(typeOf(a));
        for (int pass = 0; pass < 2; ++pass) {
            bool reflected = (pass == 0) == reflectedFirst;
            const Value& self = reflected ? b : a;
            const Value& other = reflected ? a : b;
            if (!isUserish(self)) continue;
            if (reflected && typeOf(a) == typeOf(b) && pass == 1) continue;
            Value r = detail::callSpecial(*this, self, (reflected ? "__r" : "__") + name + "__", {other});
            if (r.isError()) return r;
            if (!r.isUnbound() && !r.identical(m_notImplemented)) return r;
        }
    }
    Value r = builtinBinary(*this, a, b, op, inplace);
    if (!r.isUnbound()) return r;
    // str % x and other operators the runtime adds to built-in types (str.__mod__ ...)
    if (a.isObj() && !isUserish(a)) {
        Value f = a.asObj()->type()->lookup("__" + name + "__");
        if (!f.isUnbound()) {
            Value rr = detail::callValue(*this, f, a, &b, 1, nullptr, nullptr, 0);
            if (rr.isError() || !rr.identical(m_notImplemented)) return rr;
        }
    }
    return raise(m_types.TypeError, std::string("unsupported operand type(s) for ") + opSym(op) + (inplace ? "=" : "") +
                                        ": '" + typeName(a) + "' and '" + typeName(b) + "'");
}

Value Vm::unaryOp(const Value& v, bytecode::Opcode op) {
    using bytecode::Opcode;
    if (op == Opcode::UNARY_NOT) {
        int t = truthy(v);
        if (t < 0) return Value::error();
        return Value::boolean(!t);
    }
    if (v.isIntLike()) {
        int64_t x = v.asInt();
        if (op == Opcode::UNARY_POSITIVE) return Value::integer(x);
        if (op == Opcode::UNARY_NEGATIVE) {
            if (x == INT64_MIN) return overflow(*this);
            return Value::integer(-x);
        }
        return Value::integer(~x);
    }
    if (v.isFloat()) {
        if (op == Opcode::UNARY_POSITIVE) return v;
        if (op == Opcode::UNARY_NEGATIVE) return Value::number(-v.asFloat());
    }
    const char* sym = op == Opcode::UNARY_POSITIVE ? "+" : op == Opcode::UNARY_NEGATIVE ? "-" : "~";
    const char* dn = op == Opcode::UNARY_POSITIVE ? "__pos__" : op == Opcode::UNARY_NEGATIVE ? "__neg__" : "__invert__";
    if (isUserish(v)) {
        Value r = detail::callSpecial(*this, v, dn, {});
        if (!r.isUnbound()) return r;
    }
    return raise(m_types.TypeError, std::string("bad operand type for unary ") + sym + ": '" + typeName(v) + "'");
}

}  // namespace aw::vm
