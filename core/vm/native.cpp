#include "core/vm/native.h"

#include "core/vm/vm.h"

#include <string>
#include <vector>

namespace aw::vm {

std::string_view CallArgs::kwName(size_t i) const { return kwNames[i].as<StrObj>()->view(); }

Value CallArgs::keyword(std::string_view name) const {
    for (size_t i = 0; i < nkw; ++i)
        if (kwName(i) == name) return kwValues[i];
    return Value::unbound();
}

namespace {
std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
}  // namespace

bool CallArgs::bind(Vm& vm, std::string_view fname, std::initializer_list<std::string_view> params,
                    size_t required, Value* out) const {
    // The common call: positional arguments only, as many as the function
    // takes. Bound without building the names (the general path below
    // gives the same result and words the errors).
    if (nkw == 0) {
        size_t n = 0, positional = 0;
        bool star = false;
        for (auto p : params) {
            if (p == "*") { star = true; continue; }
            ++n;
            if (!star) ++positional;
        }
        if (npos <= positional && npos >= std::min(required, n)) {
            for (size_t i = 0; i < npos; ++i) out[i] = pos[i];
            for (size_t i = npos; i < n; ++i) out[i] = Value::unbound();
            return true;
        }
    }
    std::vector<std::string_view> names;
    size_t positional = 0;
    bool sawStar = false;
    for (auto p : params) {
        if (p == "*") { sawStar = true; continue; }
        names.push_back(p);
        if (!sawStar) ++positional;
    }
    for (size_t i = 0; i < names.size(); ++i) out[i] = Value::unbound();
    std::string fn(fname);
    if (npos > positional) {
        size_t req = std::min(required, positional);
        std::string takes = req == positional ? plural(positional, "positional argument", "positional arguments")
            : "from " + std::to_string(req) + " to " + std::to_string(positional) + " positional arguments";
        vm.raise(vm.types().TypeError, fn + "() takes " + takes + " but " + std::to_string(npos) +
                 (npos == 1 ? " was" : " were") + " given");
        return false;
    }
    for (size_t i = 0; i < npos; ++i) out[i] = pos[i];
    for (size_t k = 0; k < nkw; ++k) {
        std::string_view kn = kwName(k);
        size_t j = 0;
        while (j < names.size() && names[j] != kn) ++j;
        if (j == names.size()) {
            vm.raise(vm.types().TypeError, fn + "() got an unexpected keyword argument '" + std::string(kn) + "'");
            return false;
        }
        if (!out[j].isUnbound()) {
            vm.raise(vm.types().TypeError, fn + "() got multiple values for argument '" + std::string(kn) + "'");
            return false;
        }
        out[j] = kwValues[k];
    }
    std::vector<std::string_view> missing;
    for (size_t i = 0; i < required && i < names.size(); ++i)
        if (out[i].isUnbound()) missing.push_back(names[i]);
    if (!missing.empty()) {
        std::string list;
        for (size_t i = 0; i < missing.size(); ++i) {
            if (i > 0) list += missing.size() > 2 ? ", " : " ";
            if (i > 0 && i + 1 == missing.size()) list += "and ";
            list += "'" + std::string(missing[i]) + "'";
        }
        vm.raise(vm.types().TypeError, fn + "() missing " +
                 plural(missing.size(), "required positional argument", "required positional arguments") + ": " + list);
        return false;
    }
    return true;
}

bool CallArgs::noKeywords(Vm& vm, std::string_view fname) const {
    if (nkw == 0) return true;
    vm.raise(vm.types().TypeError, std::string(fname) + "() takes no keyword arguments");
    return false;
}

bool CallArgs::expectFailed(Vm& vm, std::string_view fname, size_t min, size_t max) const {
    if (!noKeywords(vm, fname)) return false;
    std::string fn(fname);
    if (min == max && npos != min) {
        if (min == 0)
            vm.raise(vm.types().TypeError, fn + "() takes no arguments (" + std::to_string(npos) + " given)");
        else if (min == 1)
            vm.raise(vm.types().TypeError, fn + "() takes exactly one argument (" + std::to_string(npos) + " given)");
        else
            vm.raise(vm.types().TypeError, fn + " expected " + std::to_string(min) + " arguments, got " + std::to_string(npos));
        return false;
    }
    if (npos < min) {
        vm.raise(vm.types().TypeError, fn + " expected at least " + plural(min, "argument", "arguments") + ", got " + std::to_string(npos));
        return false;
    }
    if (npos > max) {
        vm.raise(vm.types().TypeError, fn + " expected at most " + plural(max, "argument", "arguments") + ", got " + std::to_string(npos));
        return false;
    }
    return true;
}

}  // namespace aw::vm
