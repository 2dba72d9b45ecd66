#pragma once
// The virtual machine: the object model's owner, the bytecode interpreter,
// and the services native code uses.
//
// Conventions for every service below:
// - Functions returning Value return a new reference, or Value::error() with
//   a Python exception pending (check isError()). Functions returning bool
//   return false on error (exception pending). int-returning predicates
//   return 1 / 0, or -1 on error.
// - Arguments are borrowed.
// - Raising: `return vm.raise(vm.types().TypeError, "message");`.
// - The pending exception: vm.hasError(), vm.pendingError(), vm.takeError()
//   (take it and clear), vm.clearError(), vm.errorMatches(type).
//
// Example (a native calling back into Python):
//   Value r = vm.call(callback, {arg1, arg2});
//   if (r.isError()) return Value::error();

#include "core/bytecode/code_unit.h"
#include "core/vm/containers.h"
#include "core/vm/exception.h"
#include "core/vm/function.h"
#include "core/vm/generator.h"
#include "core/vm/native.h"
#include "core/vm/str.h"
#include "core/vm/type.h"
#include "core/vm/value.h"
#include "core/world/world.h"

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aw::vm {

// The built-in types. Exceptions follow CPython's hierarchy.
struct BuiltinTypes {
    TypeObj *object = nullptr, *type = nullptr, *none = nullptr, *bool_ = nullptr, *int_ = nullptr,
            *float_ = nullptr, *str = nullptr, *tuple = nullptr, *list = nullptr, *dict = nullptr,
            *set = nullptr, *frozenset = nullptr, *range = nullptr, *slice = nullptr, *cell = nullptr,
            *code = nullptr, *function = nullptr, *builtinFunction = nullptr, *method = nullptr,
            *property = nullptr, *staticmethod = nullptr, *classmethod = nullptr, *module = nullptr,
            *frame = nullptr, *generator = nullptr, *coroutine = nullptr, *asyncGenerator = nullptr,
            *asyncGenOp = nullptr, *coroWrapper = nullptr, *ellipsis = nullptr,
            *notImplementedType = nullptr, *listIterator = nullptr, *tupleIterator = nullptr,
            *strIterator = nullptr, *rangeIterator = nullptr, *dictKeyIterator = nullptr,
            *dictValueIterator = nullptr, *dictItemIterator = nullptr, *setIterator = nullptr,
            *super_ = nullptr, *budgetExceeded = nullptr /* internal: the step budget ran out */;
    // Exceptions
    TypeObj *BaseException = nullptr, *Exception = nullptr, *ArithmeticError = nullptr,
            *ZeroDivisionError = nullptr, *OverflowError = nullptr, *LookupError = nullptr,
            *IndexError = nullptr, *KeyError = nullptr, *ValueError = nullptr,
            *UnicodeError = nullptr, *TypeError = nullptr, *NameError = nullptr,
            *UnboundLocalError = nullptr, *AttributeError = nullptr, *RuntimeError = nullptr,
            *RecursionError = nullptr, *NotImplementedError = nullptr, *StopIteration = nullptr,
            *StopAsyncIteration = nullptr, *AssertionError = nullptr, *ImportError = nullptr,
            *ModuleNotFoundError = nullptr, *KeyboardInterrupt = nullptr, *SystemExit = nullptr,
            *GeneratorExit = nullptr, *TimeoutError = nullptr, *OSError = nullptr,
            *ConnectionError = nullptr, *BufferError = nullptr, *EOFError = nullptr,
            *MemoryError = nullptr, *SyntaxError = nullptr, *Warning = nullptr,
            *DeprecationWarning = nullptr, *RuntimeWarning = nullptr, *UserWarning = nullptr,
            *BaseExceptionGroup = nullptr, *ExceptionGroup = nullptr;
};

// What a generator/coroutine did when resumed.
enum class GenStatus { Yielded, Returned, Error };

// Called when an instruction that starts a line is about to run.
using LineHook = void (*)(void* user, Vm& vm, FrameObj& frame, int32_t line);
// Called when a Python frame first starts running (entering = true) and when
// it ends by returning or by an exception leaving it (entering = false). A
// generator or coroutine suspended and resumed is the same frame: one call
// when it first runs, one when it finishes. A frame that never ran (a
// coroutine closed before its first step) gets neither.
using FrameHook = void (*)(void* user, Vm& vm, FrameObj& frame, bool entering);

class Vm {
public:
    struct Options {
        // Steps of the dispatch loop (a frame entered or resumed, a loop's
        // backward jump); then the run is cut.
        uint64_t stepBudget = 5'000'000;
        int recursionLimit = 1000;         // Python frames
        // Set from another thread to cut the run; checked every kStepSlice
        // steps, so code that records no events stops promptly too.
        const std::atomic<bool>* cancel = nullptr;
    };
    // The dispatch loop counts down one slice of the budget at a time; between
    // slices it checks the cancel flag (every few ms of run time).
    static constexpr uint64_t kStepSlice = uint64_t{1} << 16;
    Vm();
    explicit Vm(const Options& options);
    ~Vm();
    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    // ---------------------------------------------------------------- world, host
    world::World& world() { return m_world; }
    // print() and friends write here; the host (runner) collects the text.
    void setOutput(std::function<void(std::string_view)> out) { m_output = std::move(out); }
    void write(std::string_view text) { if (m_output) m_output(text); }
    // Source text per filename, for traceback lines.
    void setSource(const std::string& filename, std::string_view source);
    std::string sourceLine(const std::string& filename, int32_t line) const;
    void setLineHook(LineHook hook, void* user) { m_lineHook = hook; m_lineHookUser = user; }
    void setFrameHook(FrameHook hook, void* user) { m_frameHook = hook; m_frameHookUser = user; }
    // Where the VM writes the events its hooks would record, while the sink
    // is open (code_event_sink.h); null: none. Gives the sink a new generation.
    void setCodeEventSink(CodeEventSink* sink) {
        m_codeSink = sink;
        if (sink) sink->generation = ++m_codeSinkGenerations;
    }
    CodeEventSink* codeEventSink() const { return m_codeSink; }
    // Whether the step budget ran out (or the run was cut).
    bool cut() const { return m_cut; }
    uint64_t stepsLeft() const { return m_stepsLeft + m_stepsReserve; }
    // Cuts the run now, as a spent step budget does: a pending uncatchable
    // error unwinds everything, no handler or finally runs (the host's
    // budget of events, a cancel).
    void cutRun();
    // The dispatch loop's slice ran out: starts the next one and returns true,
    // or returns false when the budget is spent or the run was cancelled.
    bool nextStepSlice();

    // The event loop reports a program waiting with nothing that could wake it
    // (RunResult::hung); it then raises to unwind, and the runner reports the hang.
    void markHung() { m_hung = true; }
    bool hung() const { return m_hung; }

    // ---------------------------------------------------------------- objects
    Heap& heap() { return m_heap; }
    const BuiltinTypes& types() const { return m_types; }
    BuiltinTypes& mutableTypes() { return m_types; }
    Value newStr(std::string_view utf8);
    Value intern(std::string_view utf8);          // the same StrObj for the same text
    Value newTuple(std::vector<Value> items);
    Value newList(std::vector<Value> items = {});
    Value newDict();
    Value newSet(bool frozen = false);
    Value newRange(int64_t start, int64_t stop, int64_t step);
    Value newFloat(double d) { return Value::number(d); }
    Value newNative(std::string_view name, NativeFn fn, Value self = Value::unbound(), Value data = Value());
    Value newBoundMethod(Value func, Value self);
    Value newException(TypeObj* type, std::vector<Value> args);
    Value newException(TypeObj* type, std::string_view message);
    Value emptyTuple() const { return m_emptyTuple; }
    Value ellipsis() const { return m_ellipsis; }
    Value notImplemented() const { return m_notImplemented; }
    // A new type (runtime classes such as Future). base null = object.
    TypeObj* newType(std::string_view name, TypeObj* base = nullptr, Kind instanceKind = Kind::Instance,
                     std::string_view module = "builtins");
    // Methods/functions/properties written in C++.
    NativeFunctionObj* addMethod(TypeObj* type, std::string_view name, NativeFn fn);
    NativeFunctionObj* addClassMethod(TypeObj* type, std::string_view name, NativeFn fn);
    NativeFunctionObj* addStaticMethod(TypeObj* type, std::string_view name, NativeFn fn);
    void addProperty(TypeObj* type, std::string_view name, NativeFn getter, NativeFn setter = nullptr);
    NativeFunctionObj* addFunction(DictObj* dict, std::string_view name, NativeFn fn);
    void setAttrStr(DictObj* dict, std::string_view name, Value v);

    // ---------------------------------------------------------------- modules
    DictObj* builtins() { return m_builtins.as<DictObj>(); }
    using ModuleFactory = std::function<Value(Vm&)>;   // returns a ModuleObj (or error)
    void registerModule(std::string_view name, ModuleFactory factory);
    Value importModule(std::string_view name);         // cached; ModuleNotFoundError
    Value newModule(std::string_view name);            // an empty ModuleObj (with __name__)

    // ---------------------------------------------------------------- errors
    Value raise(TypeObj* type, std::string message);
    Value raiseValue(const Value& excOrType);          // an exception instance or class
    bool hasError() const { return !m_error.isNone(); }
    const Value& pendingError() const { return m_error; }
    Value takeError();                                 // the pending exception; cleared
    void clearError() { m_error = Value(); }
    void restoreError(Value exc) { m_error = std::move(exc); }   // re-pend a taken exception
    bool errorMatches(TypeObj* type) const;            // pending is an instance of type
    // The exception currently being handled (sys.exc_info()[1]), or None.
    Value handledException() const;
    // Message of an exception as str(exc) gives it.
    std::string exceptionMessage(const Value& exc);
    // "Traceback (most recent call last):\n..." with the final "Type: msg" line, chained causes too.
    std::string formatException(const Value& exc);

    // ---------------------------------------------------------------- protocols
    TypeObj* typeOf(const Value& v) const;
    bool isInstance(const Value& v, const TypeObj* type) const { return typeOf(v)->isSubtypeOf(type); }
    int isInstanceOf(const Value& v, const Value& typeOrTuple);   // isinstance(); -1 on TypeError
    std::string typeName(const Value& v) const { return typeOf(v)->m_name; }

    Value call(const Value& callable, std::span<const Value> args);
    Value call(const Value& callable, std::initializer_list<Value> args) {
        return call(callable, std::span<const Value>(args.begin(), args.size()));
    }
    // Keywords: kwNames are StrObj Values, one per kwValues entry.
    Value callKw(const Value& callable, std::span<const Value> args, std::span<const Value> kwNames,
                 std::span<const Value> kwValues);
    Value callMethod(const Value& obj, std::string_view name, std::span<const Value> args);
    Value callMethod(const Value& obj, std::string_view name, std::initializer_list<Value> args) {
        return callMethod(obj, name, std::span<const Value>(args.begin(), args.size()));
    }
    bool isCallable(const Value& v) const;

    Value getAttr(const Value& obj, std::string_view name);
    Value getAttr(const Value& obj, const Value& name);        // name: StrObj
    // Unbound (no AttributeError pending) when missing; Error on other errors.
    Value getAttrOpt(const Value& obj, std::string_view name);
    bool setAttr(const Value& obj, std::string_view name, Value v);
    bool setAttr(const Value& obj, const Value& name, Value v);
    bool delAttr(const Value& obj, const Value& name);
    bool hasAttr(const Value& obj, std::string_view name);

    Value repr(const Value& v);       // a StrObj
    Value str(const Value& v);        // a StrObj
    bool reprString(const Value& v, std::string& out);
    bool strString(const Value& v, std::string& out);
    Value format(const Value& v, const Value& spec);   // format(v, spec): __format__ / runtime formatter
    int truthy(const Value& v);
    int equals(const Value& a, const Value& b);
    Value compare(const Value& a, const Value& b, bytecode::CompareOpArg op);
    int compareBool(const Value& a, const Value& b, bytecode::CompareOpArg op);
    bool hash(const Value& v, int64_t& out);
    Value binaryOp(const Value& a, const Value& b, uint32_t opArg);   // BinaryOpArg | kInplace
    Value unaryOp(const Value& v, bytecode::Opcode op);                // UNARY_*
    int contains(const Value& container, const Value& item);
    Value getItem(const Value& obj, const Value& key);
    bool setItem(const Value& obj, const Value& key, Value v);
    bool delItem(const Value& obj, const Value& key);
    Value len(const Value& v);                 // an int
    bool lenOf(const Value& v, int64_t& out);

    Value getIter(const Value& v);
    // The next item, Value::unbound() when exhausted (no StopIteration pending), Error on error.
    Value next(const Value& iterator);
    // next() as the builtin: raises StopIteration when exhausted, carrying a
    // generator's return value (StopIteration(value)), instead of unbound.
    Value nextOrStop(const Value& iterator);
    // Every item of an iterable.
    bool collect(const Value& iterable, std::vector<Value>& out);

    // ---------------------------------------------------------------- code
    // Loads a compiled unit (and its nested units) into a code object, once.
    Ref<CodeObj> loadCode(const std::shared_ptr<const bytecode::CodeUnit>& unit);
    // Runs a module's code with a fresh globals dict (__name__ = name). Returns the module or Error.
    Value runModule(const std::shared_ptr<const bytecode::CodeUnit>& unit, std::string_view name);

    // ---------------------------------------------------------------- generators, coroutines
    // Resume a generator/coroutine with `value` (None to start). Yielded: out = the yielded
    // value. Returned: out = the return value (the generator is finished). Error: pending.
    GenStatus genSend(GenObj* gen, const Value& value, Value& out);
    // Throw `exc` (instance or class) in at the suspension point.
    GenStatus genThrow(GenObj* gen, const Value& exc, Value& out);
    // gen.close(): GeneratorExit in; false with an error pending if it misbehaves.
    bool genClose(GenObj* gen);
    // The line a suspended (or running) generator/coroutine is at (cr_frame.f_lineno), 0 if finished.
    int32_t genLine(const GenObj* gen) const;

    // ---------------------------------------------------------------- introspection
    FrameObj* currentFrame() const { return m_frame; }
    int depth() const { return m_depth; }

    // Internal state exposed for the split implementation files.
    struct Internals;

private:
    friend struct Interp;
    friend struct VmAccess;
    void init();
    void bootstrapTypes();

public:   // implementation detail used across the vm/*.cpp files
    Heap m_heap;                       // first member: destroyed last
    BuiltinTypes m_types;
    Options m_options;
    world::World m_world;
    std::function<void(std::string_view)> m_output;
    Value m_error;                     // pending exception (None: none)
    Value m_builtins;
    Value m_modules;                   // dict name -> module
    std::unordered_map<std::string, ModuleFactory> m_moduleFactories;
    std::unordered_map<std::string, Value> m_interned;
    std::unordered_map<const bytecode::CodeUnit*, Ref<CodeObj>> m_codeCache;
    std::unordered_map<std::string, std::vector<std::string>> m_sources;
    Value m_emptyTuple, m_ellipsis, m_notImplemented;
    FrameObj* m_frame = nullptr;       // innermost running frame
    int m_depth = 0;
    // Where the outermost execute() began on the C++ stack. Natives that call
    // back into Python (repr, sort keys, dunders) nest execute() on the C++
    // stack, so besides the frame count the interpreter also bounds how much
    // C++ stack those nested runs use (a sanitizer build's frames are large).
    const char* m_stackBase = nullptr;
    static constexpr std::size_t kCStackBudget = std::size_t(3) << 20;
    uint64_t m_stepsLeft = 0;      // in the current slice
    uint64_t m_stepsReserve = 0;   // the rest of the budget, not yet in a slice
    const std::atomic<bool>* m_cancel = nullptr;
    bool m_cut = false;
    bool m_hung = false;
    LineHook m_lineHook = nullptr;
    void* m_lineHookUser = nullptr;
    FrameHook m_frameHook = nullptr;
    void* m_frameHookUser = nullptr;
    CodeEventSink* m_codeSink = nullptr;
    uint32_t m_codeSinkGenerations = 0;
    // Reused frames (speed). The pool owns the one reference of each: taking a
    // frame out hands that reference to the caller, so no count changes.
    static constexpr size_t kFramePoolSize = 256;
    FrameObj* m_framePool[kFramePoolSize] = {};
    size_t m_framePoolCount = 0;
    // Attribute lookups on types (detail::typeLookup): where an interned name
    // is on a type's MRO, valid while no type dict changed (typeDictEpoch).
    struct TypeLookupCacheEntry {
        const TypeObj* type = nullptr;
        const StrObj* name = nullptr;
        uint64_t epoch = 0;                // 0: empty
        const DictObj* owner = nullptr;    // the dict holding the name; null: not found
        uint32_t entry = 0;                // its index in owner's entries
    };
    static constexpr std::size_t kTypeLookupCacheSize = 1024;
    std::unique_ptr<TypeLookupCacheEntry[]> m_typeLookupCache;
    // detail::internedName: the interned str of a C++ string literal, by its address.
    std::unordered_map<const char*, const StrObj*> m_internedLiterals;
    std::vector<const Obj*> m_reprActive;     // containers being repr'd ("[...]" for cycles)
};

}  // namespace aw::vm
