#pragma once
// Shared helpers of the runtime library's builtins and methods: argument
// conversions with CPython's error wording, and the per-area install
// functions that install.cpp calls in order.

#include "core/vm/vm.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aw::rt {

using vm::CallArgs;
using vm::Value;
using vm::Vm;

// ---------------------------------------------------------------- install steps
void installIoBuiltins(Vm& vm);          // print, input
void installNumberBuiltins(Vm& vm);      // int/float/bool ctors, abs, round, min, max, sum, divmod, pow, bin...
void installSequenceBuiltins(Vm& vm);    // len, range, enumerate, zip, sorted, reversed, map, filter, iter, next...
void installObjectBuiltins(Vm& vm);      // isinstance, type, repr, str, getattr..., id, hash, format, vars
void installStrMethods(Vm& vm);
void installListMethods(Vm& vm);
void installDictMethods(Vm& vm);
void installSetMethods(Vm& vm);
void installTupleMethods(Vm& vm);
void registerTimeModule(Vm& vm);
void registerRandomModule(Vm& vm);
void registerFunctoolsModule(Vm& vm);
void registerMathModule(Vm& vm);

// ---------------------------------------------------------------- method calls
// A method called through its type (str.lower("Fig"), list.append(l, 1))
// gets no bound self: take the first positional argument as self. Checks the
// self's type: TypeError "descriptor 'lower' for 'str' objects doesn't apply
// to a 'int' object" / "unbound method str.lower() needs an argument".
bool takeSelf(Vm& vm, CallArgs& a, vm::TypeObj* type, std::string_view method);

// start/end arguments of find/count/index...: an int, None or absent.
bool optionalIndex(Vm& vm, const CallArgs& a, size_t i, int64_t& out);

// ---------------------------------------------------------------- values
inline vm::StrObj* asStr(const Value& v) { return v.asOrNull<vm::StrObj>(); }
Value newStrU32(Vm& vm, const std::u32string& s);
std::u32string strU32(const Value& strValue);   // a StrObj's code points

// An int (or bool) argument: TypeError "'float' object cannot be interpreted as an integer".
bool indexArg(Vm& vm, const Value& v, int64_t& out);
// A str argument: TypeError "<what> must be str, not int" (what e.g. "join() argument").
bool strArg(Vm& vm, const Value& v, std::string_view what, vm::StrObj*& out);

// OverflowError for a result outside the engine's 64-bit ints.
Value raiseIntOverflow(Vm& vm);
// A float -> int conversion (int(x), round(x)): OverflowError for inf or out
// of range, ValueError for nan.
bool floatToInt(Vm& vm, double d, int64_t& out);

// list or tuple items without copying (nullptr for other kinds).
const std::vector<Value>* seqItems(const Value& v);

// The exception type named by a FormatError ("ValueError" -> vm.types().ValueError).
vm::TypeObj* errorType(Vm& vm, std::string_view name);
Value raiseFormatError(Vm& vm, const std::string& type, const std::string& message);

// Sorts `items` in place, stable, by `keys` (same length) with `<`
// (vm.compareBool). CPython's order of comparisons for error messages:
// "later < earlier". reverse keeps stability as list.sort(reverse=True) does.
bool stableSort(Vm& vm, std::vector<Value>& items, std::vector<Value>* keys, bool reverse);

// Makes a runtime object type whose objects are NativeObj subclasses.
vm::TypeObj* newNativeType(Vm& vm, std::string_view name, std::string_view module = "builtins");

// The type stored in args.callee->m_data (how methods find their helper types).
vm::TypeObj* calleeType(const CallArgs& a);

}  // namespace aw::rt
