#pragma once
// The native-function API: how C++ code (core/runtime, core/aio) defines
// Python-callable functions and methods.
//
//   Value myLen(Vm& vm, CallArgs& a) {
//       Value x;
//       if (!a.bind(vm, "len", {"obj"}, 1, &x)) return Value::error();
//       ...
//       return Value::integer(n);            // or: return vm.raise(vm.types().TypeError, "...");
//   }
//   vm.addFunction(vm.builtins(), "len", myLen);
//   vm.addMethod(vm.types().list, "append", listAppend);   // a.self() is the list
//
// Rules: a native returns a Value with a new reference (the returned Value
// owns it) or Value::error() with an exception pending in the Vm (made by
// vm.raise / vm.raiseValue, or passed on from a failed Vm service). It never
// throws C++ exceptions for Python errors. Arguments are borrowed for the
// duration of the call: copy a Value to keep it.

#include "core/vm/value.h"

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace aw::vm {

class Vm;
struct CallArgs;
struct NativeFunctionObj;

using NativeFn = Value (*)(Vm&, CallArgs&);

struct CallArgs {
    Value self = Value::unbound();           // the bound instance (methods), Unbound for plain calls
    const Value* pos = nullptr;              // positional arguments
    size_t npos = 0;
    const Value* kwValues = nullptr;         // keyword argument values
    const Value* kwNames = nullptr;          // their names (StrObj Values), same count
    size_t nkw = 0;
    NativeFunctionObj* callee = nullptr;     // the native being called (its m_data, m_name)

    size_t size() const { return npos; }
    const Value& operator[](size_t i) const { return pos[i]; }
    bool hasSelf() const { return !self.isUnbound(); }
    std::string_view kwName(size_t i) const;
    const Value& kwValue(size_t i) const { return kwValues[i]; }
    // The value of keyword `name`, or Unbound.
    Value keyword(std::string_view name) const;

    // Binds positional and keyword arguments to `params` (in order; a "*"
    // entry makes the following ones keyword-only). The first `required`
    // parameters must be given. out[i] gets each parameter's value, Unbound
    // when not given ("*" entries get no slot: out has params.size() minus the
    // number of "*" entries). CPython's TypeErrors:
    //   "f() takes 2 positional arguments but 3 were given"
    //   "f() missing 1 required positional argument: 'x'"
    //   "f() got an unexpected keyword argument 'k'"
    //   "f() got multiple values for argument 'x'"
    bool bind(Vm& vm, std::string_view fname, std::initializer_list<std::string_view> params,
              size_t required, Value* out) const;
    // TypeError "f() takes no keyword arguments" when any keyword was passed.
    bool noKeywords(Vm& vm, std::string_view fname) const;
    // Positional count in [min, max] and no keywords, with CPython's wording
    // ("len() takes exactly one argument (2 given)", "expected at most 2 arguments, got 3").
    bool expect(Vm& vm, std::string_view fname, size_t min, size_t max) const {
        if (nkw == 0 && npos >= min && npos <= max) return true;   // inline: most natives check on every call
        return expectFailed(vm, fname, min, max);
    }

private:
    bool expectFailed(Vm& vm, std::string_view fname, size_t min, size_t max) const;   // raises the TypeError
};

}  // namespace aw::vm
