// The `random` module: module-level functions on one shared generator per
// run (CPython's hidden random._inst), seeded with 0 at start (WORLD.md).
// The algorithms are C1's CPython-exact ports (random_algorithms.h); this
// file converts arguments and sequences.

#include "core/runtime/random_algorithms.h"
#include "core/runtime/runtime_util.h"

#include <cmath>

namespace aw::rt {

namespace {

struct RandomObj : vm::NativeObj {
    Random m_random;
};

Random* generator(Vm& vm, const CallArgs& a)
{
    if (!a.callee || !a.callee->m_data.isObj() || a.callee->m_data.asObj()->kind() != vm::Kind::Native) {
        vm.raise(vm.types().RuntimeError, "random: the module's generator is missing");
        return nullptr;
    }
    return &static_cast<RandomObj*>(a.callee->m_data.asObj())->m_random;
}

template <class T>
bool unwrap(Vm& vm, const RandomResult<T>& r)
{
    if (r.ok()) return true;
    raiseFormatError(vm, r.error->type, r.error->message);
    return false;
}

// randrange()'s integer arguments: ints, or integral floats (3.11 still accepts them).
bool rangeArg(Vm& vm, const Value& v, int index, int64_t& out)
{
    if (v.isIntLike()) {
        out = v.asInt();
        return true;
    }
    if (v.isFloat() && std::floor(v.asFloat()) == v.asFloat() && std::isfinite(v.asFloat())) {
        return floatToInt(vm, v.asFloat(), out);
    }
    if (v.isFloat()) {
        vm.raise(vm.types().ValueError, "non-integer arg " + std::to_string(index) + " for randrange()");
        return false;
    }
    vm.raise(vm.types().TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
    return false;
}

bool floatArg(Vm& vm, const Value& v, double& out)
{
    if (v.isNumber()) {
        out = v.toDouble();
        return true;
    }
    vm.raise(vm.types().TypeError, "must be real number, not " + vm.typeName(v));
    return false;
}

Value rSeed(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    if (!r) return Value::error();
    Value args[2];
    if (!a.bind(vm, "seed", {"a", "version"}, 0, args)) return Value::error();
    const Value& s = args[0];
    if (s.isUnbound() || s.isNone()) {
        r->seed(0);   // no OS entropy in the simulated world: deterministic
    } else if (s.isIntLike()) {
        r->seed(s.asInt());
    } else if (s.isFloat()) {
        int64_t h = 0;
        if (!vm.hash(s, h)) return Value::error();
        r->seedFromHash(h);
    } else {
        return vm.raise(vm.types().TypeError,
                        "random.seed() of a " + vm.typeName(s) + " is not supported here (use an int)");
    }
    return Value::none();
}

Value rRandom(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    if (!r || !a.expect(vm, "random", 0, 0)) return Value::error();
    return Value::number(r->random());
}

Value rUniform(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[2];
    if (!r || !a.bind(vm, "uniform", {"a", "b"}, 2, args)) return Value::error();
    double x = 0, y = 0;
    if (!floatArg(vm, args[0], x) || !floatArg(vm, args[1], y)) return Value::error();
    return Value::number(r->uniform(x, y));
}

Value rRandint(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[2];
    if (!r || !a.bind(vm, "randint", {"a", "b"}, 2, args)) return Value::error();
    int64_t x = 0, y = 0;
    if (!rangeArg(vm, args[0], 1, x) || !rangeArg(vm, args[1], 2, y)) return Value::error();
    auto res = r->randint(x, y);
    if (!unwrap(vm, res)) return Value::error();
    return Value::integer(res.value);
}

Value rRandrange(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[3];
    if (!r || !a.bind(vm, "randrange", {"start", "stop", "step"}, 1, args)) return Value::error();
    int64_t start = 0;
    std::optional<int64_t> stop, step;
    if (!rangeArg(vm, args[0], 1, start)) return Value::error();
    if (!args[1].isUnbound() && !args[1].isNone()) {
        int64_t v = 0;
        if (!rangeArg(vm, args[1], 2, v)) return Value::error();
        stop = v;
    }
    if (!args[2].isUnbound()) {
        int64_t v = 0;
        if (!rangeArg(vm, args[2], 3, v)) return Value::error();
        step = v;
    }
    auto res = r->randrange(start, stop, step);
    if (!unwrap(vm, res)) return Value::error();
    return Value::integer(res.value);
}

Value rGetrandbits(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    if (!r || !a.expect(vm, "getrandbits", 1, 1)) return Value::error();
    int64_t k = 0;
    if (!indexArg(vm, a[0], k)) return Value::error();
    auto res = r->getrandbits(k);
    if (!unwrap(vm, res)) return Value::error();
    if (res.value > static_cast<uint64_t>(INT64_MAX)) return raiseIntOverflow(vm);
    return Value::integer(static_cast<int64_t>(res.value));
}

// The population as items (a sequence: list, tuple, str, range...).
bool population(Vm& vm, const Value& seq, std::vector<Value>& out, const char* what)
{
    if (vm::isAnySet(seq) || seq.is<vm::DictObj>()) {
        vm.raise(vm.types().TypeError, std::string(what) + " must be a sequence.  For dicts or sets, use sorted(d).");
        return false;
    }
    return vm.collect(seq, out);
}

Value rChoice(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    if (!r || !a.expect(vm, "choice", 1, 1)) return Value::error();
    int64_t n = 0;
    if (!vm.lenOf(a[0], n)) return Value::error();
    auto res = r->choiceIndex(static_cast<size_t>(n));
    if (!unwrap(vm, res)) return Value::error();
    return vm.getItem(a[0], Value::integer(static_cast<int64_t>(res.value)));
}

Value rShuffle(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    if (!r || !a.expect(vm, "shuffle", 1, 1)) return Value::error();
    auto* l = a[0].asOrNull<vm::ListObj>();
    if (!l) return vm.raise(vm.types().TypeError, "'" + vm.typeName(a[0]) + "' object does not support item assignment");
    r->shuffle(std::span<Value>(l->m_items.data(), l->m_items.size()));
    return Value::none();
}

Value rSample(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[2];
    if (!r || !a.bind(vm, "sample", {"population", "k"}, 2, args)) return Value::error();
    std::vector<Value> items;
    if (!population(vm, args[0], items, "Population")) return Value::error();
    int64_t k = 0;
    if (!indexArg(vm, args[1], k)) return Value::error();
    auto res = r->sampleIndices(items.size(), k);
    if (!unwrap(vm, res)) return Value::error();
    std::vector<Value> out;
    for (size_t i : res.value) out.push_back(items[i]);
    return vm.newList(std::move(out));
}

Value rChoices(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[4];
    if (!r || !a.bind(vm, "choices", {"population", "weights", "*", "cum_weights", "k"}, 1, args)) return Value::error();
    std::vector<Value> items;
    if (!population(vm, args[0], items, "Population")) return Value::error();
    int64_t k = 1;
    if (!args[3].isUnbound() && !indexArg(vm, args[3], k)) return Value::error();
    const bool hasWeights = !args[1].isUnbound() && !args[1].isNone();
    const bool hasCum = !args[2].isUnbound() && !args[2].isNone();
    std::vector<size_t> picks;
    if (!hasWeights && !hasCum) {
        picks = r->choicesIndices(items.size(), k);
    } else {
        if (hasWeights && hasCum) return vm.raise(vm.types().TypeError, "Cannot specify both weights and cumulative weights");
        std::vector<Value> w;
        if (!vm.collect(hasWeights ? args[1] : args[2], w)) return Value::error();
        std::vector<double> cum;
        double acc = 0;
        for (const auto& v : w) {
            double x = 0;
            if (!floatArg(vm, v, x)) return Value::error();
            acc = hasWeights ? acc + x : x;
            cum.push_back(acc);
        }
        auto res = r->choicesCumulative(items.size(), cum, k);
        if (!unwrap(vm, res)) return Value::error();
        picks = res.value;
    }
    std::vector<Value> out;
    for (size_t i : picks) out.push_back(items[i]);
    return vm.newList(std::move(out));
}

Value rGauss(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[2];
    if (!r || !a.bind(vm, "gauss", {"mu", "sigma"}, 0, args)) return Value::error();
    double mu = 0, sigma = 1;
    if (!args[0].isUnbound() && !floatArg(vm, args[0], mu)) return Value::error();
    if (!args[1].isUnbound() && !floatArg(vm, args[1], sigma)) return Value::error();
    return Value::number(r->gauss(mu, sigma));
}

Value rNormalvariate(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[2];
    if (!r || !a.bind(vm, "normalvariate", {"mu", "sigma"}, 0, args)) return Value::error();
    double mu = 0, sigma = 1;
    if (!args[0].isUnbound() && !floatArg(vm, args[0], mu)) return Value::error();
    if (!args[1].isUnbound() && !floatArg(vm, args[1], sigma)) return Value::error();
    return Value::number(r->normalvariate(mu, sigma));
}

Value rExpovariate(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[1];
    if (!r || !a.bind(vm, "expovariate", {"lambd"}, 1, args)) return Value::error();
    double l = 0;
    if (!floatArg(vm, args[0], l)) return Value::error();
    auto res = r->expovariate(l);
    if (!unwrap(vm, res)) return Value::error();
    return Value::number(res.value);
}

Value rTriangular(Vm& vm, CallArgs& a)
{
    Random* r = generator(vm, a);
    Value args[3];
    if (!r || !a.bind(vm, "triangular", {"low", "high", "mode"}, 0, args)) return Value::error();
    double low = 0, high = 1;
    std::optional<double> mode;
    if (!args[0].isUnbound() && !floatArg(vm, args[0], low)) return Value::error();
    if (!args[1].isUnbound() && !floatArg(vm, args[1], high)) return Value::error();
    if (!args[2].isUnbound() && !args[2].isNone()) {
        double m = 0;
        if (!floatArg(vm, args[2], m)) return Value::error();
        mode = m;
    }
    return Value::number(r->triangular(low, high, mode));
}

Value makeRandomModule(Vm& vm)
{
    Value m = vm.newModule("random");
    vm::DictObj* d = m.as<vm::ModuleObj>()->m_dict.get();
    vm::TypeObj* type = newNativeType(vm, "Random", "random");
    auto* inst = vm.heap().make<RandomObj>(type);
    Value instValue(inst);
    vm.setAttrStr(d, "_inst", instValue);
    struct Entry { const char* name; vm::NativeFn fn; };
    static constexpr Entry kFunctions[] = {
        {"seed", rSeed}, {"random", rRandom}, {"uniform", rUniform}, {"randint", rRandint},
        {"randrange", rRandrange}, {"getrandbits", rGetrandbits}, {"choice", rChoice}, {"shuffle", rShuffle},
        {"sample", rSample}, {"choices", rChoices}, {"gauss", rGauss}, {"normalvariate", rNormalvariate},
        {"expovariate", rExpovariate}, {"triangular", rTriangular},
    };
    for (const auto& f : kFunctions) vm.addFunction(d, f.name, f.fn)->m_data = instValue;
    return m;
}

}  // namespace

void registerRandomModule(Vm& vm)
{
    vm.registerModule("random", makeRandomModule);
}

}  // namespace aw::rt
