// The `math` module: the functions tutorials reach for. Domain errors are
// ValueError "math domain error" as in CPython; int results that do not fit
// the engine's 64-bit ints are OverflowErrors.

#include "core/runtime/runtime_util.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace aw::rt {

namespace {

bool realArg(Vm& vm, const Value& v, double& out)
{
    if (v.isNumber()) {
        out = v.toDouble();
        return true;
    }
    if (v.isObj() && v.asObj()->kind() == vm::Kind::Instance && !vm.typeOf(v)->lookup("__float__").isUnbound()) {
        Value r = vm.callMethod(v, "__float__", {});
        if (r.isError()) return false;
        if (r.isNumber()) {
            out = r.toDouble();
            return true;
        }
    }
    vm.raise(vm.types().TypeError, "must be real number, not " + vm.typeName(v));
    return false;
}

Value domainError(Vm& vm) { return vm.raise(vm.types().ValueError, "math domain error"); }

// A one-argument float function; `domain` rejects arguments (ValueError).
template <double (*F)(double)>
Value unary(Vm& vm, CallArgs& a, const char* name, bool (*domainOk)(double) = nullptr)
{
    if (!a.expect(vm, name, 1, 1)) return Value::error();
    double x = 0;
    if (!realArg(vm, a[0], x)) return Value::error();
    if (domainOk && !domainOk(x)) return domainError(vm);
    const double r = F(x);
    if (std::isinf(r) && std::isfinite(x)) return vm.raise(vm.types().OverflowError, "math range error");
    return Value::number(r);
}

double dsqrt(double x) { return std::sqrt(x); }
double dexp(double x) { return std::exp(x); }
double dsin(double x) { return std::sin(x); }
double dcos(double x) { return std::cos(x); }
double dtan(double x) { return std::tan(x); }
double dasin(double x) { return std::asin(x); }
double dacos(double x) { return std::acos(x); }
double datan(double x) { return std::atan(x); }
double dfabs(double x) { return std::fabs(x); }
double dlog2(double x) { return std::log2(x); }
double dlog10(double x) { return std::log10(x); }
double ddeg(double x) { return x * (180.0 / M_PI); }
double drad(double x) { return x * (M_PI / 180.0); }
bool nonNegative(double x) { return x >= 0 || std::isnan(x); }
bool positive(double x) { return x > 0 || std::isnan(x); }
bool unitRange(double x) { return (x >= -1 && x <= 1) || std::isnan(x); }
bool finiteOrNan(double x) { return !std::isinf(x); }

Value mSqrt(Vm& vm, CallArgs& a) { return unary<dsqrt>(vm, a, "sqrt", nonNegative); }
Value mExp(Vm& vm, CallArgs& a) { return unary<dexp>(vm, a, "exp"); }
Value mSin(Vm& vm, CallArgs& a) { return unary<dsin>(vm, a, "sin", finiteOrNan); }
Value mCos(Vm& vm, CallArgs& a) { return unary<dcos>(vm, a, "cos", finiteOrNan); }
Value mTan(Vm& vm, CallArgs& a) { return unary<dtan>(vm, a, "tan", finiteOrNan); }
Value mAsin(Vm& vm, CallArgs& a) { return unary<dasin>(vm, a, "asin", unitRange); }
Value mAcos(Vm& vm, CallArgs& a) { return unary<dacos>(vm, a, "acos", unitRange); }
Value mAtan(Vm& vm, CallArgs& a) { return unary<datan>(vm, a, "atan"); }
Value mFabs(Vm& vm, CallArgs& a) { return unary<dfabs>(vm, a, "fabs"); }
Value mLog2(Vm& vm, CallArgs& a) { return unary<dlog2>(vm, a, "log2", positive); }
Value mLog10(Vm& vm, CallArgs& a) { return unary<dlog10>(vm, a, "log10", positive); }
Value mDegrees(Vm& vm, CallArgs& a) { return unary<ddeg>(vm, a, "degrees"); }
Value mRadians(Vm& vm, CallArgs& a) { return unary<drad>(vm, a, "radians"); }

Value mLog(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "log", 1, 2)) return Value::error();
    double x = 0;
    if (!realArg(vm, a[0], x)) return Value::error();
    if (!positive(x)) return domainError(vm);
    double r = std::log(x);
    if (a.npos == 2) {
        double b = 0;
        if (!realArg(vm, a[1], b)) return Value::error();
        if (!positive(b)) return domainError(vm);
        const double lb = std::log(b);
        if (lb == 0.0) return vm.raise(vm.types().ZeroDivisionError, "float division by zero");
        r /= lb;
    }
    return Value::number(r);
}

// floor/ceil/trunc: ints pass through; floats become ints.
Value rounding(Vm& vm, CallArgs& a, const char* name, double (*f)(double), const char* dunder)
{
    if (!a.expect(vm, name, 1, 1)) return Value::error();
    const Value& x = a[0];
    if (x.isIntLike()) return Value::integer(x.asInt());
    if (x.isObj() && x.asObj()->kind() == vm::Kind::Instance && !vm.typeOf(x)->lookup(dunder).isUnbound())
        return vm.callMethod(x, dunder, {});
    double d = 0;
    if (!realArg(vm, x, d)) return Value::error();
    int64_t out = 0;
    if (!floatToInt(vm, f(d), out)) return Value::error();
    return Value::integer(out);
}

double dfloor(double x) { return std::floor(x); }
double dceil(double x) { return std::ceil(x); }
double dtrunc(double x) { return std::trunc(x); }
Value mFloor(Vm& vm, CallArgs& a) { return rounding(vm, a, "floor", dfloor, "__floor__"); }
Value mCeil(Vm& vm, CallArgs& a) { return rounding(vm, a, "ceil", dceil, "__ceil__"); }
Value mTrunc(Vm& vm, CallArgs& a) { return rounding(vm, a, "trunc", dtrunc, "__trunc__"); }

Value mPow(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "pow", 2, 2)) return Value::error();
    double x = 0, y = 0;
    if (!realArg(vm, a[0], x) || !realArg(vm, a[1], y)) return Value::error();
    if (x == 0.0 && y < 0) return domainError(vm);
    if (x < 0 && std::isfinite(x) && std::isfinite(y) && std::floor(y) != y) return domainError(vm);
    const double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return vm.raise(vm.types().OverflowError, "math range error");
    return Value::number(r);
}

Value mIsclose(Vm& vm, CallArgs& a)
{
    Value args[4];
    if (!a.bind(vm, "isclose", {"a", "b", "*", "rel_tol", "abs_tol"}, 2, args)) return Value::error();
    double x = 0, y = 0, rel = 1e-09, abs = 0.0;
    if (!realArg(vm, args[0], x) || !realArg(vm, args[1], y)) return Value::error();
    if (!args[2].isUnbound() && !realArg(vm, args[2], rel)) return Value::error();
    if (!args[3].isUnbound() && !realArg(vm, args[3], abs)) return Value::error();
    if (rel < 0.0 || abs < 0.0) return vm.raise(vm.types().ValueError, "tolerances must be non-negative");
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    const double diff = std::fabs(y - x);
    return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs));
}

Value gcdLcm(Vm& vm, CallArgs& a, bool lcm)
{
    if (!a.noKeywords(vm, lcm ? "lcm" : "gcd")) return Value::error();
    int64_t acc = lcm ? 1 : 0;
    for (size_t i = 0; i < a.npos; ++i) {
        int64_t v = 0;
        if (!indexArg(vm, a[i], v)) return Value::error();
        if (v == std::numeric_limits<int64_t>::min()) return raiseIntOverflow(vm);
        v = v < 0 ? -v : v;
        if (lcm) {
            if (acc == 0 || v == 0) { acc = 0; continue; }
            const int64_t g = std::gcd(acc, v);
            __int128 r = static_cast<__int128>(acc / g) * v;
            if (r > std::numeric_limits<int64_t>::max()) return raiseIntOverflow(vm);
            acc = static_cast<int64_t>(r);
        } else {
            acc = std::gcd(acc, v);
        }
    }
    return Value::integer(acc);
}

Value mGcd(Vm& vm, CallArgs& a) { return gcdLcm(vm, a, false); }
Value mLcm(Vm& vm, CallArgs& a) { return gcdLcm(vm, a, true); }

Value mFactorial(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "factorial", 1, 1)) return Value::error();
    int64_t n = 0;
    if (!indexArg(vm, a[0], n)) return Value::error();
    if (n < 0) return vm.raise(vm.types().ValueError, "factorial() not defined for negative values");
    if (n > 20) return raiseIntOverflow(vm);
    int64_t r = 1;
    for (int64_t i = 2; i <= n; ++i) r *= i;
    return Value::integer(r);
}

Value classify(Vm& vm, CallArgs& a, const char* name, bool (*p)(double))
{
    if (!a.expect(vm, name, 1, 1)) return Value::error();
    double x = 0;
    if (!realArg(vm, a[0], x)) return Value::error();
    return Value::boolean(p(x));
}

bool pNan(double x) { return std::isnan(x); }
bool pInf(double x) { return std::isinf(x); }
bool pFinite(double x) { return std::isfinite(x); }
Value mIsnan(Vm& vm, CallArgs& a) { return classify(vm, a, "isnan", pNan); }
Value mIsinf(Vm& vm, CallArgs& a) { return classify(vm, a, "isinf", pInf); }
Value mIsfinite(Vm& vm, CallArgs& a) { return classify(vm, a, "isfinite", pFinite); }

Value binaryFloat(Vm& vm, CallArgs& a, const char* name, double (*f)(double, double))
{
    if (!a.expect(vm, name, 2, 2)) return Value::error();
    double x = 0, y = 0;
    if (!realArg(vm, a[0], x) || !realArg(vm, a[1], y)) return Value::error();
    return Value::number(f(x, y));
}

double dAtan2(double y, double x) { return std::atan2(y, x); }
double dHypot(double x, double y) { return std::hypot(x, y); }
double dCopysign(double x, double y) { return std::copysign(x, y); }
Value mAtan2(Vm& vm, CallArgs& a) { return binaryFloat(vm, a, "atan2", dAtan2); }
Value mCopysign(Vm& vm, CallArgs& a) { return binaryFloat(vm, a, "copysign", dCopysign); }

Value mHypot(Vm& vm, CallArgs& a)
{
    double acc = 0;
    for (size_t i = 0; i < a.npos; ++i) {
        double x = 0;
        if (!realArg(vm, a[i], x)) return Value::error();
        acc = dHypot(acc, x);
    }
    return Value::number(acc);
}

Value mFmod(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "fmod", 2, 2)) return Value::error();
    double x = 0, y = 0;
    if (!realArg(vm, a[0], x) || !realArg(vm, a[1], y)) return Value::error();
    if (y == 0.0 && !std::isnan(x)) return domainError(vm);
    return Value::number(std::fmod(x, y));
}

Value mModf(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "modf", 1, 1)) return Value::error();
    double x = 0, ip = 0;
    if (!realArg(vm, a[0], x)) return Value::error();
    const double fp = std::modf(x, &ip);
    return vm.newTuple({Value::number(fp), Value::number(ip)});
}

// Shewchuk's exact summation (CPython's math.fsum, without its rare
// half-way correction).
Value mFsum(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "fsum", 1, 1)) return Value::error();
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();
    std::vector<double> partials;
    for (const auto& item : items) {
        double x = 0;
        if (!realArg(vm, item, x)) return Value::error();
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double total = 0.0;
    for (double p : partials) total += p;
    return Value::number(total);
}

Value mProd(Vm& vm, CallArgs& a)
{
    Value args[2];
    if (!a.bind(vm, "prod", {"iterable", "*", "start"}, 1, args)) return Value::error();
    Value acc = args[1].isUnbound() ? Value::integer(1) : args[1];
    std::vector<Value> items;
    if (!vm.collect(args[0], items)) return Value::error();
    for (const auto& item : items) {
        acc = vm.binaryOp(acc, item, static_cast<uint32_t>(bytecode::BinaryOpArg::Mul));
        if (acc.isError()) return acc;
    }
    return acc;
}

Value makeMathModule(Vm& vm)
{
    Value m = vm.newModule("math");
    vm::DictObj* d = m.as<vm::ModuleObj>()->m_dict.get();
    struct Entry { const char* name; vm::NativeFn fn; };
    static constexpr Entry kFunctions[] = {
        {"sqrt", mSqrt}, {"exp", mExp}, {"log", mLog}, {"log2", mLog2}, {"log10", mLog10},
        {"sin", mSin}, {"cos", mCos}, {"tan", mTan}, {"asin", mAsin}, {"acos", mAcos}, {"atan", mAtan},
        {"atan2", mAtan2}, {"hypot", mHypot}, {"degrees", mDegrees}, {"radians", mRadians},
        {"fabs", mFabs}, {"floor", mFloor}, {"ceil", mCeil}, {"trunc", mTrunc}, {"pow", mPow},
        {"isclose", mIsclose}, {"gcd", mGcd}, {"lcm", mLcm}, {"factorial", mFactorial},
        {"isnan", mIsnan}, {"isinf", mIsinf}, {"isfinite", mIsfinite}, {"copysign", mCopysign},
        {"fmod", mFmod}, {"modf", mModf}, {"fsum", mFsum}, {"prod", mProd},
    };
    for (const auto& f : kFunctions) vm.addFunction(d, f.name, f.fn);
    vm.setAttrStr(d, "pi", Value::number(M_PI));
    vm.setAttrStr(d, "e", Value::number(M_E));
    vm.setAttrStr(d, "tau", Value::number(2 * M_PI));
    vm.setAttrStr(d, "inf", Value::number(std::numeric_limits<double>::infinity()));
    vm.setAttrStr(d, "nan", Value::number(std::numeric_limits<double>::quiet_NaN()));
    return m;
}

}  // namespace

void registerMathModule(Vm& vm)
{
    vm.registerModule("math", makeMathModule);
}

}  // namespace aw::rt
