// The numeric builtins: the int/float/bool constructors, abs, round, min,
// max, sum, divmod, pow, bin/oct/hex, chr, ord. Ints are the engine's
// 64-bit ints: a result that CPython would make a big int is an
// OverflowError here (raiseIntOverflow), never a silent wrap.

#include "core/runtime/float_format.h"
#include "core/runtime/int_format.h"
#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"

#include <cmath>
#include <limits>

namespace aw::rt {

namespace {

using bytecode::BinaryOpArg;
using bytecode::CompareOpArg;

// A user object's special method, if its type has one (Unbound if not).
Value special(Vm& vm, const Value& v, std::string_view name)
{
    if (!v.isObj() || (v.asObj()->kind() != vm::Kind::Instance && v.asObj()->kind() != vm::Kind::Native
                       && v.asObj()->kind() != vm::Kind::Exception))
        return Value::unbound();
    if (vm.typeOf(v)->lookup(name).isUnbound()) return Value::unbound();
    return vm.callMethod(v, name, {});
}

// ---------------------------------------------------------------- constructors

Value intFromString(Vm& vm, const vm::StrObj* s, int base)
{
    int64_t out = 0;
    switch (text::parseInt(s->view(), base, out)) {
    case text::ParseStatus::Ok:
        return Value::integer(out);
    case text::ParseStatus::Overflow:
        return raiseIntOverflow(vm);
    case text::ParseStatus::Invalid:
        break;
    }
    return vm.raise(vm.types().ValueError, "invalid literal for int() with base " + std::to_string(base) + ": "
                                               + text::repr(s->view()));
}

Value intCtor(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "int", {"x", "base"}, 0, args)) return Value::error();
    const Value& x = args[0];
    if (x.isUnbound()) {
        if (!args[1].isUnbound()) return vm.raise(vm.types().TypeError, "int() missing string argument");
        return Value::integer(0);
    }
    if (!args[1].isUnbound()) {
        int64_t base = 0;
        if (!indexArg(vm, args[1], base)) return Value::error();
        if (base != 0 && (base < 2 || base > 36))
            return vm.raise(vm.types().ValueError, "int() base must be >= 2 and <= 36, or 0");
        auto* s = asStr(x);
        if (!s) return vm.raise(vm.types().TypeError, "int() can't convert non-string with explicit base");
        return intFromString(vm, s, static_cast<int>(base));
    }
    if (x.isIntLike()) return Value::integer(x.asInt());
    if (x.isFloat()) {
        int64_t out = 0;
        if (!floatToInt(vm, x.asFloat(), out)) return Value::error();
        return Value::integer(out);
    }
    if (auto* s = asStr(x)) return intFromString(vm, s, 10);
    for (std::string_view name : {"__int__", "__index__", "__trunc__"}) {
        Value r = special(vm, x, name);
        if (r.isError()) return r;
        if (!r.isUnbound()) {
            if (!r.isIntLike())
                return vm.raise(vm.types().TypeError, std::string(name) + " returned non-int (type " + vm.typeName(r) + ")");
            return Value::integer(r.asInt());
        }
    }
    return vm.raise(vm.types().TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '" + vm.typeName(x) + "'");
}

Value floatCtor(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "float", 0, 1)) return Value::error();
    if (a.npos == 0) return Value::number(0.0);
    const Value& x = a[0];
    if (x.isFloat()) return x;
    if (x.isIntLike()) return Value::number(static_cast<double>(x.asInt()));
    if (auto* s = asStr(x)) {
        if (auto d = text::parseFloat(s->view())) return Value::number(*d);
        return vm.raise(vm.types().ValueError, "could not convert string to float: " + text::repr(s->view()));
    }
    for (std::string_view name : {"__float__", "__index__"}) {
        Value r = special(vm, x, name);
        if (r.isError()) return r;
        if (!r.isUnbound()) {
            if (!r.isNumber())
                return vm.raise(vm.types().TypeError, vm.typeName(x) + "." + std::string(name) + " returned non-float (type "
                                                          + vm.typeName(r) + ")");
            return Value::number(r.toDouble());
        }
    }
    return vm.raise(vm.types().TypeError,
                    "float() argument must be a string or a real number, not '" + vm.typeName(x) + "'");
}

Value boolCtor(Vm& vm, CallArgs& a)
{
    if (a.nkw) return vm.raise(vm.types().TypeError, "bool() takes no keyword arguments");
    if (a.npos > 1)
        return vm.raise(vm.types().TypeError, "bool expected at most 1 argument, got " + std::to_string(a.npos));
    if (a.npos == 0) return Value::boolean(false);
    const int t = vm.truthy(a[0]);
    if (t < 0) return Value::error();
    return Value::boolean(t == 1);
}

// ---------------------------------------------------------------- arithmetic

Value builtinAbs(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "abs", 1, 1)) return Value::error();
    const Value& x = a[0];
    if (x.isIntLike()) {
        const int64_t v = x.asInt();
        if (v == std::numeric_limits<int64_t>::min()) return raiseIntOverflow(vm);
        return Value::integer(v < 0 ? -v : v);
    }
    if (x.isFloat()) return Value::number(std::fabs(x.asFloat()));
    Value r = special(vm, x, "__abs__");
    if (!r.isUnbound()) return r;
    return vm.raise(vm.types().TypeError, "bad operand type for abs(): '" + vm.typeName(x) + "'");
}

// round(int, ndigits < 0): half to even at 10**-ndigits.
Value roundIntDigits(int64_t v, int64_t ndigits)
{
    if (ndigits >= 0) return Value::integer(v);
    if (ndigits < -18) return Value::integer(0);
    int64_t pow10 = 1;
    for (int64_t i = 0; i < -ndigits; ++i) pow10 *= 10;
    const __int128 x = v;
    __int128 q = x / pow10, r = x % pow10;
    if (r < 0) { r += pow10; q -= 1; }            // floor division
    const __int128 twice = 2 * r;
    if (twice > pow10 || (twice == pow10 && (q & 1))) q += 1;
    return Value::integer(static_cast<int64_t>(q * pow10));
}

Value builtinRound(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "round", {"number", "ndigits"}, 1, args)) return Value::error();
    const Value& x = args[0];
    const bool hasDigits = !args[1].isUnbound() && !args[1].isNone();
    int64_t ndigits = 0;
    if (hasDigits && !indexArg(vm, args[1], ndigits)) return Value::error();
    if (x.isIntLike()) return hasDigits ? roundIntDigits(x.asInt(), ndigits) : Value::integer(x.asInt());
    if (x.isFloat()) {
        if (!hasDigits) {
            int64_t out = 0;
            if (!floatToInt(vm, roundHalfEven(x.asFloat()), out)) return Value::error();
            return Value::integer(out);
        }
        RoundResult r = roundFloat(x.asFloat(), ndigits);
        if (!r.ok()) return raiseFormatError(vm, r.error->type, r.error->message);
        return Value::number(r.value);
    }
    if (x.isObj() && !vm.typeOf(x)->lookup("__round__").isUnbound()) {
        if (hasDigits) return vm.callMethod(x, "__round__", {args[1]});
        return vm.callMethod(x, "__round__", {});
    }
    return vm.raise(vm.types().TypeError, "type " + vm.typeName(x) + " doesn't define __round__ method");
}

Value minMax(Vm& vm, CallArgs& a, bool isMax)
{
    const char* name = isMax ? "max" : "min";
    Value key = Value::unbound(), dflt = Value::unbound();
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwName(i) == "key") key = a.kwValue(i);
        else if (a.kwName(i) == "default") dflt = a.kwValue(i);
        else
            return vm.raise(vm.types().TypeError,
                            "'" + std::string(a.kwName(i)) + "' is an invalid keyword argument for " + name + "()");
    }
    if (key.isNone()) key = Value::unbound();
    if (a.npos == 0)
        return vm.raise(vm.types().TypeError, std::string(name) + " expected at least 1 argument, got 0");
    std::vector<Value> items;
    if (a.npos == 1) {
        if (!vm.collect(a[0], items)) return Value::error();
    } else {
        if (!dflt.isUnbound())
            return vm.raise(vm.types().TypeError, std::string("Cannot specify a default for ") + name
                                                      + "() with multiple positional arguments");
        items.assign(a.pos, a.pos + a.npos);
    }
    if (items.empty()) {
        if (!dflt.isUnbound()) return dflt;
        return vm.raise(vm.types().ValueError, std::string(name) + "() arg is an empty sequence");
    }
    Value best = items[0];
    Value bestKey = best;
    if (!key.isUnbound()) {
        bestKey = vm.call(key, {best});
        if (bestKey.isError()) return bestKey;
    }
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = items[i];
        if (!key.isUnbound()) {
            k = vm.call(key, {items[i]});
            if (k.isError()) return k;
        }
        const int better = vm.compareBool(k, bestKey, isMax ? CompareOpArg::Gt : CompareOpArg::Lt);
        if (better < 0) return Value::error();
        if (better) {
            best = items[i];
            bestKey = k;
        }
    }
    return best;
}

Value builtinMin(Vm& vm, CallArgs& a) { return minMax(vm, a, false); }
Value builtinMax(Vm& vm, CallArgs& a) { return minMax(vm, a, true); }

Value builtinSum(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "sum", {"iterable", "start"}, 1, args)) return Value::error();
    Value total = args[1].isUnbound() ? Value::integer(0) : args[1];
    if (asStr(total))
        return vm.raise(vm.types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = vm.getIter(args[0]);
    if (it.isError()) return it;
    while (true) {
        Value item = vm.next(it);
        if (item.isError()) return item;
        if (item.isUnbound()) break;
        total = vm.binaryOp(total, item, static_cast<uint32_t>(BinaryOpArg::Add));
        if (total.isError()) return total;
    }
    return total;
}

Value builtinDivmod(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "divmod", 2, 2)) return Value::error();
    const Value &x = a[0], &y = a[1];
    if (x.isNumber() && y.isNumber()) {
        if (x.isIntLike() && y.isIntLike()) {
            if (y.asInt() == 0) return vm.raise(vm.types().ZeroDivisionError, "integer division or modulo by zero");
        } else if (y.toDouble() == 0.0) {
            return vm.raise(vm.types().ZeroDivisionError, "float divmod()");
        }
        Value q = vm.binaryOp(x, y, static_cast<uint32_t>(BinaryOpArg::FloorDiv));
        if (q.isError()) return q;
        Value r = vm.binaryOp(x, y, static_cast<uint32_t>(BinaryOpArg::Mod));
        if (r.isError()) return r;
        return vm.newTuple({q, r});
    }
    if (x.isObj() && !vm.typeOf(x)->lookup("__divmod__").isUnbound()) return vm.callMethod(x, "__divmod__", {y});
    return vm.raise(vm.types().TypeError, "unsupported operand type(s) for divmod(): '" + vm.typeName(x) + "' and '"
                                              + vm.typeName(y) + "'");
}

int64_t mulMod(int64_t a, int64_t b, int64_t m)
{
    return static_cast<int64_t>((static_cast<__int128>(a) * b) % m);
}

Value builtinPow(Vm& vm, CallArgs& a)
{
    Value args[3];
    if (!a.bind(vm, "pow", {"base", "exp", "mod"}, 2, args)) return Value::error();
    if (args[2].isUnbound() || args[2].isNone())
        return vm.binaryOp(args[0], args[1], static_cast<uint32_t>(BinaryOpArg::Pow));
    if (!args[0].isIntLike() || !args[1].isIntLike() || !args[2].isIntLike())
        return vm.raise(vm.types().TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    int64_t base = args[0].asInt(), exp = args[1].asInt(), mod = args[2].asInt();
    if (mod == 0) return vm.raise(vm.types().ValueError, "pow() 3rd argument cannot be 0");
    const bool negMod = mod < 0;
    if (mod == std::numeric_limits<int64_t>::min()) return raiseIntOverflow(vm);
    int64_t m = negMod ? -mod : mod;
    base %= m;
    if (base < 0) base += m;
    if (exp < 0) {
        // Modular inverse by the extended Euclid algorithm.
        __int128 t = 0, newT = 1, r = m, newR = base;
        while (newR != 0) {
            const __int128 q = r / newR;
            __int128 tmp = t - q * newT; t = newT; newT = tmp;
            tmp = r - q * newR; r = newR; newR = tmp;
        }
        if (r != 1) return vm.raise(vm.types().ValueError, "base is not invertible for the given modulus");
        if (t < 0) t += m;
        base = static_cast<int64_t>(t);
        exp = exp == std::numeric_limits<int64_t>::min() ? std::numeric_limits<int64_t>::max() : -exp;
    }
    int64_t result = 1 % m;
    while (exp > 0) {
        if (exp & 1) result = mulMod(result, base, m);
        base = mulMod(base, base, m);
        exp >>= 1;
    }
    if (negMod && result != 0) result -= m;   // the result takes the sign of the modulus
    return Value::integer(result);
}

// ---------------------------------------------------------------- text <-> numbers

Value baseString(Vm& vm, CallArgs& a, const char* name, int base)
{
    if (!a.expect(vm, name, 1, 1)) return Value::error();
    int64_t v = 0;
    if (!a[0].isIntLike()) {
        Value r = special(vm, a[0], "__index__");
        if (r.isError()) return r;
        if (r.isIntLike()) return vm.newStr(intToBaseString(r.asInt(), base));
    }
    if (!indexArg(vm, a[0], v)) return Value::error();
    return vm.newStr(intToBaseString(v, base));
}

Value builtinBin(Vm& vm, CallArgs& a) { return baseString(vm, a, "bin", 2); }
Value builtinOct(Vm& vm, CallArgs& a) { return baseString(vm, a, "oct", 8); }
Value builtinHex(Vm& vm, CallArgs& a) { return baseString(vm, a, "hex", 16); }

Value builtinChr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "chr", 1, 1)) return Value::error();
    int64_t v = 0;
    if (!indexArg(vm, a[0], v)) return Value::error();
    if (v < 0 || v > 0x10FFFF) return vm.raise(vm.types().ValueError, "chr() arg not in range(0x110000)");
    std::string out;
    text::appendUtf8(out, static_cast<char32_t>(v));
    return vm.newStr(out);
}

Value builtinOrd(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "ord", 1, 1)) return Value::error();
    auto* s = asStr(a[0]);
    if (!s)
        return vm.raise(vm.types().TypeError, "ord() expected string of length 1, but " + vm.typeName(a[0]) + " found");
    if (s->length() != 1)
        return vm.raise(vm.types().TypeError, "ord() expected a character, but string of length "
                                                  + std::to_string(s->length()) + " found");
    return Value::integer(static_cast<int64_t>(text::decode(s->view())[0]));
}

}  // namespace

void installNumberBuiltins(Vm& vm)
{
    auto& t = vm.mutableTypes();
    t.int_->m_ctor = intCtor;
    t.float_->m_ctor = floatCtor;
    t.bool_->m_ctor = boolCtor;
    vm::DictObj* b = vm.builtins();
    vm.addFunction(b, "abs", builtinAbs);
    vm.addFunction(b, "round", builtinRound);
    vm.addFunction(b, "min", builtinMin);
    vm.addFunction(b, "max", builtinMax);
    vm.addFunction(b, "sum", builtinSum);
    vm.addFunction(b, "divmod", builtinDivmod);
    vm.addFunction(b, "pow", builtinPow);
    vm.addFunction(b, "bin", builtinBin);
    vm.addFunction(b, "oct", builtinOct);
    vm.addFunction(b, "hex", builtinHex);
    vm.addFunction(b, "chr", builtinChr);
    vm.addFunction(b, "ord", builtinOrd);
}

}  // namespace aw::rt
