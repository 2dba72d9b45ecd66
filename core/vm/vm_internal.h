#pragma once
// Declarations shared by the VM's implementation files (not for other layers).

#include "core/vm/vm.h"
#include "core/vm/frame_pool.h"

namespace aw::vm::detail {

enum class ExitKind { Return, Yield, Error };

// Runs `frame` (and the plain calls it makes) until it returns or yields.
// throwing: an exception is pending and is raised at the frame's current instruction.
ExitKind execute(Vm& vm, FrameObj* frame, bool throwing, Value& result);

// A frame for calling `func` with bound arguments (self, if not Unbound, is the
// first positional). Null on a binding error (TypeError pending).
FrameObj* makeFrame(Vm& vm, FunctionObj* func, const Value& self, const Value* args, size_t npos,
                    const Value* kwValues, const Value* kwNames, size_t nkw);
// The generator/coroutine object for a frame of a generator-flagged code.
Value makeGenerator(Vm& vm, FrameObj* frame, FunctionObj* func);

// The general call (everything but the dispatch loop's inline frames).
Value callValue(Vm& vm, const Value& callable, const Value& self, const Value* args, size_t npos,
                const Value* kwValues, const Value* kwNames, size_t nkw);

// The index in d's entries of the str key `name`, or -1 (DictObj::getStr's probe).
int64_t entryIndex(const DictObj* d, const StrObj* name);
// getattr(obj, name, default)'s lookup: Unbound with nothing pending when obj has
// no such attribute (without making the AttributeError a miss would raise and
// drop); Error for any other failure.
Value getAttrQuiet(Vm& vm, const Value& obj, const Value& name);
// type->lookup(name) through the Vm's lookup cache (for interned names).
Value typeLookup(Vm& vm, const TypeObj* type, const StrObj* name);
// The interned str of a C++ string literal (lives as long as the Vm), for the
// lookups of dunders by C++: found by the literal's address, no hashing.
const StrObj* internedName(Vm& vm, const char* literal);

// Attribute lookup for LOAD_METHOD: sets meth/self ([meth, self] or [attr, Unbound]); false on error.
bool loadMethod(Vm& vm, const Value& obj, const Value& name, Value& meth, Value& self);

// Add a traceback entry for `frame` at its current instruction.
void addTraceback(Vm& vm, FrameObj* frame);
// Sets __context__ of a new exception from the exception being handled.
void chainContext(Vm& vm, ExceptionObj* exc);

// Generators: YIELD_FROM's "send into sub-iterator".
GenStatus sendInto(Vm& vm, const Value& sub, const Value& value, Value& out);

// Calls type(obj).name bound to obj. Value::unbound() (nothing pending) when the type has no such attribute.
Value callSpecial(Vm& vm, const Value& obj, std::string_view name, std::span<const Value> args);
Value callSpecial(Vm& vm, const Value& obj, std::string_view name, std::initializer_list<Value> args);
// Python-level type names for messages: "'int' object is not iterable".
inline std::string quoted(Vm& vm, const Value& v) { return "'" + vm.typeName(v) + "'"; }
// Normalises a sequence index (negative from the end): false when out of range.
inline bool normIndex(int64_t& i, int64_t n) { if (i < 0) i += n; return i >= 0 && i < n; }
std::string strRepr(std::string_view s);

void installObjectModel(Vm& vm);     // type ctors, exception/generator methods, __build_class__, super
void installGenerators(Vm& vm);
void installExceptionGroups(Vm& vm);
Value buildClass(Vm& vm, CallArgs& args);
std::string fakeAddress(const Obj* o);

}  // namespace aw::vm::detail
