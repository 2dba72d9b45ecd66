// The Vm's life cycle, the built-in types, object construction and modules.
#include "core/vm/vm.h"

#include "core/runtime/install.h"
#include "core/vm/vm_internal.h"

#include <algorithm>
#include <sstream>

namespace aw::vm {

Vm::Vm() : Vm(Options{}) {}

Vm::Vm(const Options& options) : m_options(options) {
    m_stepsLeft = std::min(options.stepBudget, kStepSlice);
    m_stepsReserve = options.stepBudget - m_stepsLeft;
    m_cancel = options.cancel;
    init();
}

Vm::~Vm() {
    // Drop every root first, then free the heap (cycles included).
    m_error = m_builtins = m_modules = m_emptyTuple = m_ellipsis = m_notImplemented = Value();
    m_moduleFactories.clear();
    m_interned.clear();
    m_codeCache.clear();
    while (m_framePoolCount > 0) m_framePool[--m_framePoolCount]->decref();
    m_heap.freeAll();
}

namespace {
TypeObj* rawType(Heap& heap, const char* name) {
    TypeObj* t = heap.make<TypeObj>(nullptr);
    t->m_name = name;
    t->m_qualname = name;
    t->m_module = "builtins";
    t->m_builtin = true;
    t->incref();   // the Vm's BuiltinTypes table holds one reference (released by freeAll)
    return t;
}
}  // namespace

void Vm::bootstrapTypes() {
    BuiltinTypes& T = m_types;
    T.type = rawType(m_heap, "type");
    T.object = rawType(m_heap, "object");
    T.dict = rawType(m_heap, "dict");
    T.str = rawType(m_heap, "str");
    for (TypeObj* t : {T.type, T.object, T.dict, T.str}) { t->m_type = T.type; T.type->incref(); }
    T.type->m_base = T.object;
    T.dict->m_base = T.object;
    T.str->m_base = T.object;
    for (TypeObj* t : {T.type, T.object, T.dict, T.str}) {
        t->m_dict = m_heap.make<DictObj>(T.dict);
        markTypeDict(t->m_dict.get());
    }
    T.type->m_instanceKind = Kind::Type;

    auto mk = [&](const char* name, TypeObj* base, Kind k) {
        TypeObj* t = rawType(m_heap, name);
        t->m_type = T.type;
        T.type->incref();
        t->m_base = base ? base : T.object;
        t->m_dict = m_heap.make<DictObj>(T.dict);
        markTypeDict(t->m_dict.get());
        t->m_instanceKind = k;
        return t;
    };
    T.none = mk("NoneType", nullptr, Kind::Singleton);
    T.int_ = mk("int", nullptr, Kind::Instance);
    T.bool_ = mk("bool", T.int_, Kind::Instance);
    T.bool_->m_subclassable = false;
    T.float_ = mk("float", nullptr, Kind::Instance);
    T.tuple = mk("tuple", nullptr, Kind::Tuple);
    T.list = mk("list", nullptr, Kind::List);
    T.set = mk("set", nullptr, Kind::Set);
    T.frozenset = mk("frozenset", nullptr, Kind::FrozenSet);
    T.range = mk("range", nullptr, Kind::Range);
    T.slice = mk("slice", nullptr, Kind::Slice);
    T.cell = mk("cell", nullptr, Kind::Cell);
    T.code = mk("code", nullptr, Kind::Code);
    T.function = mk("function", nullptr, Kind::Function);
    T.builtinFunction = mk("builtin_function_or_method", nullptr, Kind::NativeFunction);
    T.method = mk("method", nullptr, Kind::BoundMethod);
    T.property = mk("property", nullptr, Kind::Property);
    T.staticmethod = mk("staticmethod", nullptr, Kind::StaticMethod);
    T.classmethod = mk("classmethod", nullptr, Kind::ClassMethod);
    T.module = mk("module", nullptr, Kind::Module);
    T.frame = mk("frame", nullptr, Kind::Frame);
    T.generator = mk("generator", nullptr, Kind::Generator);
    T.coroutine = mk("coroutine", nullptr, Kind::Coroutine);
    T.asyncGenerator = mk("async_generator", nullptr, Kind::AsyncGenerator);
    T.asyncGenOp = mk("async_generator_asend", nullptr, Kind::AsyncGenOp);
    T.coroWrapper = mk("coroutine_wrapper", nullptr, Kind::CoroWrapper);
    T.ellipsis = mk("ellipsis", nullptr, Kind::Singleton);
    T.notImplementedType = mk("NotImplementedType", nullptr, Kind::Singleton);
    T.listIterator = mk("list_iterator", nullptr, Kind::SeqIter);
    T.tupleIterator = mk("tuple_iterator", nullptr, Kind::SeqIter);
    T.strIterator = mk("str_ascii_iterator", nullptr, Kind::SeqIter);
    T.rangeIterator = mk("range_iterator", nullptr, Kind::SeqIter);
    T.dictKeyIterator = mk("dict_keyiterator", nullptr, Kind::DictIter);
    T.dictValueIterator = mk("dict_valueiterator", nullptr, Kind::DictIter);
    T.dictItemIterator = mk("dict_itemiterator", nullptr, Kind::DictIter);
    T.setIterator = mk("set_iterator", nullptr, Kind::SetIter);
    T.super_ = mk("super", nullptr, Kind::Native);
    for (TypeObj* t : {T.none, T.bool_, T.range, T.slice, T.cell, T.code, T.function, T.builtinFunction,
                       T.method, T.module, T.frame, T.generator, T.coroutine, T.asyncGenerator, T.asyncGenOp,
                       T.coroWrapper, T.ellipsis, T.notImplementedType, T.listIterator, T.tupleIterator,
                       T.strIterator, T.rangeIterator, T.dictKeyIterator, T.dictValueIterator,
                       T.dictItemIterator, T.setIterator})
        t->m_subclassable = false;

    auto ex = [&](const char* name, TypeObj* base) { return mk(name, base, Kind::Exception); };
    T.BaseException = ex("BaseException", T.object);
    T.Exception = ex("Exception", T.BaseException);
    T.ArithmeticError = ex("ArithmeticError", T.Exception);
    T.ZeroDivisionError = ex("ZeroDivisionError", T.ArithmeticError);
    T.OverflowError = ex("OverflowError", T.ArithmeticError);
    T.LookupError = ex("LookupError", T.Exception);
    T.IndexError = ex("IndexError", T.LookupError);
    T.KeyError = ex("KeyError", T.LookupError);
    T.ValueError = ex("ValueError", T.Exception);
    T.UnicodeError = ex("UnicodeError", T.ValueError);
    T.TypeError = ex("TypeError", T.Exception);
    T.NameError = ex("NameError", T.Exception);
    T.UnboundLocalError = ex("UnboundLocalError", T.NameError);
    T.AttributeError = ex("AttributeError", T.Exception);
    T.RuntimeError = ex("RuntimeError", T.Exception);
    T.RecursionError = ex("RecursionError", T.RuntimeError);
    T.NotImplementedError = ex("NotImplementedError", T.RuntimeError);
    T.StopIteration = ex("StopIteration", T.Exception);
    T.StopAsyncIteration = ex("StopAsyncIteration", T.Exception);
    T.AssertionError = ex("AssertionError", T.Exception);
    T.ImportError = ex("ImportError", T.Exception);
    T.ModuleNotFoundError = ex("ModuleNotFoundError", T.ImportError);
    T.KeyboardInterrupt = ex("KeyboardInterrupt", T.BaseException);
    T.SystemExit = ex("SystemExit", T.BaseException);
    T.GeneratorExit = ex("GeneratorExit", T.BaseException);
    T.OSError = ex("OSError", T.Exception);
    T.TimeoutError = ex("TimeoutError", T.OSError);
    T.ConnectionError = ex("ConnectionError", T.OSError);
    T.BufferError = ex("BufferError", T.Exception);
    T.EOFError = ex("EOFError", T.Exception);
    T.MemoryError = ex("MemoryError", T.Exception);
    T.SyntaxError = ex("SyntaxError", T.Exception);
    T.Warning = ex("Warning", T.Exception);
    T.DeprecationWarning = ex("DeprecationWarning", T.Warning);
    T.RuntimeWarning = ex("RuntimeWarning", T.Warning);
    T.UserWarning = ex("UserWarning", T.Warning);
    T.budgetExceeded = ex("_StepBudgetExceeded", T.BaseException);
    // Single inheritance: ExceptionGroup derives from Exception and counts as a BaseExceptionGroup.
    T.BaseExceptionGroup = ex("BaseExceptionGroup", T.BaseException);
    T.ExceptionGroup = ex("ExceptionGroup", T.Exception);
    T.ExceptionGroup->m_extraBase = T.BaseExceptionGroup;
}

void Vm::init() {
    bootstrapTypes();
    m_emptyTuple = Value(m_heap.make<TupleObj>(m_types.tuple));
    m_ellipsis = Value(m_heap.make<SingletonObj>(m_types.ellipsis, "Ellipsis"));
    m_notImplemented = Value(m_heap.make<SingletonObj>(m_types.notImplementedType, "NotImplemented"));
    m_builtins = newDict();
    m_modules = newDict();

    const BuiltinTypes& T = m_types;
    for (TypeObj* t : {T.object, T.type, T.int_, T.bool_, T.float_, T.str, T.tuple, T.list, T.dict, T.set,
                       T.frozenset, T.range, T.slice, T.property, T.staticmethod, T.classmethod, T.super_,
                       T.BaseException, T.Exception, T.ArithmeticError, T.ZeroDivisionError,
                       T.OverflowError, T.LookupError, T.IndexError, T.KeyError, T.ValueError,
                       T.UnicodeError, T.TypeError, T.NameError, T.UnboundLocalError, T.AttributeError,
                       T.RuntimeError, T.RecursionError, T.NotImplementedError, T.StopIteration,
                       T.StopAsyncIteration, T.AssertionError, T.ImportError, T.ModuleNotFoundError,
                       T.KeyboardInterrupt, T.SystemExit, T.GeneratorExit, T.TimeoutError, T.OSError,
                       T.ConnectionError, T.BufferError, T.EOFError, T.MemoryError, T.SyntaxError,
                       T.Warning, T.DeprecationWarning, T.RuntimeWarning, T.UserWarning, T.BaseExceptionGroup,
                       T.ExceptionGroup})
        setAttrStr(builtins(), t->m_name, Value(t));
    setAttrStr(builtins(), "Ellipsis", m_ellipsis);
    setAttrStr(builtins(), "NotImplemented", m_notImplemented);
    setAttrStr(builtins(), "None", Value());
    setAttrStr(builtins(), "True", Value::boolean(true));
    setAttrStr(builtins(), "False", Value::boolean(false));
    setAttrStr(builtins(), "__name__", intern("builtins"));
    detail::installObjectModel(*this);
    detail::installGenerators(*this);
    detail::installExceptionGroups(*this);
    rt::installRuntime(*this);
}

void Vm::cutRun() {
    if (m_cut) return;
    m_stepsLeft = 1;   // the loop's next step finds the budget spent again
    m_stepsReserve = 0;
    m_cut = true;
    m_error = newException(m_types.budgetExceeded, "step budget exhausted");
}

bool Vm::nextStepSlice() {
    if (m_stepsReserve == 0) return false;
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) return false;
    m_stepsLeft = std::min(m_stepsReserve, kStepSlice);
    m_stepsReserve -= m_stepsLeft;
    return true;
}

void Vm::setSource(const std::string& filename, std::string_view source) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= source.size()) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) { lines.emplace_back(source.substr(start)); break; }
        lines.emplace_back(source.substr(start, nl - start));
        start = nl + 1;
    }
    for (auto& l : lines)
        if (!l.empty() && l.back() == '\r') l.pop_back();
    m_sources[filename] = std::move(lines);
}

std::string Vm::sourceLine(const std::string& filename, int32_t line) const {
    auto it = m_sources.find(filename);
    if (it == m_sources.end() || line < 1 || size_t(line) > it->second.size()) return {};
    return it->second[size_t(line - 1)];
}

// ---------------------------------------------------------------- construction

Value Vm::newStr(std::string_view utf8) { return Value(m_heap.make<StrObj>(m_types.str, std::string(utf8))); }

Value Vm::intern(std::string_view utf8) {
    auto it = m_interned.find(std::string(utf8));
    if (it != m_interned.end()) return it->second;
    Value s = newStr(utf8);
    s.as<StrObj>()->m_interned = true;
    m_interned.emplace(std::string(utf8), s);
    return s;
}

Value Vm::newTuple(std::vector<Value> items) {
    if (items.empty()) return m_emptyTuple;
    return Value(m_heap.make<TupleObj>(m_types.tuple, std::move(items)));
}
Value Vm::newList(std::vector<Value> items) { return Value(m_heap.make<ListObj>(m_types.list, std::move(items))); }
Value Vm::newDict() { return Value(m_heap.make<DictObj>(m_types.dict)); }
Value Vm::newSet(bool frozen) { return Value(m_heap.make<SetObj>(frozen ? m_types.frozenset : m_types.set, frozen)); }
Value Vm::newRange(int64_t a, int64_t b, int64_t s) { return Value(m_heap.make<RangeObj>(m_types.range, a, b, s)); }

Value Vm::newNative(std::string_view name, NativeFn fn, Value self, Value data) {
    auto* n = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), fn);
    n->m_self = std::move(self);
    n->m_data = std::move(data);
    return Value(n);
}

Value Vm::newBoundMethod(Value func, Value self) {
    return Value(m_heap.make<BoundMethodObj>(m_types.method, std::move(func), std::move(self)));
}

Value Vm::newException(TypeObj* type, std::vector<Value> args) {
    auto* e = m_heap.make<ExceptionObj>(type);
    e->m_args = newTuple(std::move(args));
    if (type->isSubtypeOf(m_types.StopIteration)) {
        const auto& a = e->m_args.as<TupleObj>()->m_items;
        e->m_value = a.empty() ? Value() : a[0];
    }
    return Value(e);
}

Value Vm::newException(TypeObj* type, std::string_view message) {
    return newException(type, std::vector<Value>{newStr(message)});
}

TypeObj* Vm::newType(std::string_view name, TypeObj* base, Kind instanceKind, std::string_view module) {
    TypeObj* t = m_heap.make<TypeObj>(m_types.type);
    t->m_name = std::string(name);
    t->m_qualname = std::string(name);
    t->m_module = std::string(module);
    t->m_base = base ? base : m_types.object;
    t->m_dict = m_heap.make<DictObj>(m_types.dict);
    markTypeDict(t->m_dict.get());
    t->m_instanceKind = instanceKind;
    t->m_builtin = true;
    t->incref();   // runtime types live as long as the Vm
    return t;
}

NativeFunctionObj* Vm::addMethod(TypeObj* type, std::string_view name, NativeFn fn) {
    auto* n = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), fn);
    n->m_isMethod = true;
    n->m_qualname = type->m_name + "." + std::string(name);
    type->m_dict->set(*this, intern(name), Value(n));
    return n;
}

NativeFunctionObj* Vm::addClassMethod(TypeObj* type, std::string_view name, NativeFn fn) {
    auto* n = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), fn);
    n->m_isClassMethod = true;
    n->m_qualname = type->m_name + "." + std::string(name);
    type->m_dict->set(*this, intern(name), Value(n));
    return n;
}

NativeFunctionObj* Vm::addStaticMethod(TypeObj* type, std::string_view name, NativeFn fn) {
    auto* n = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), fn);
    n->m_qualname = type->m_name + "." + std::string(name);
    Value sm(m_heap.make<StaticMethodObj>(m_types.staticmethod, Value(n)));
    type->m_dict->set(*this, intern(name), sm);
    return n;
}

void Vm::addProperty(TypeObj* type, std::string_view name, NativeFn getter, NativeFn setter) {
    auto* p = m_heap.make<PropertyObj>(m_types.property);
    auto* g = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), getter);
    p->m_get = Value(g);
    if (setter) p->m_set = Value(m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), setter));
    type->m_dict->set(*this, intern(name), Value(p));
}

NativeFunctionObj* Vm::addFunction(DictObj* dict, std::string_view name, NativeFn fn) {
    auto* n = m_heap.make<NativeFunctionObj>(m_types.builtinFunction, std::string(name), fn);
    dict->set(*this, intern(name), Value(n));
    return n;
}

void Vm::setAttrStr(DictObj* dict, std::string_view name, Value v) { dict->set(*this, intern(name), std::move(v)); }

// ---------------------------------------------------------------- modules

void Vm::registerModule(std::string_view name, ModuleFactory factory) {
    m_moduleFactories[std::string(name)] = std::move(factory);
}

Value Vm::newModule(std::string_view name) {
    auto* m = m_heap.make<ModuleObj>(m_types.module);
    m->m_name = std::string(name);
    m->m_dict = m_heap.make<DictObj>(m_types.dict);
    setAttrStr(m->m_dict.get(), "__name__", newStr(name));
    return Value(m);
}

Value Vm::importModule(std::string_view name) {
    DictObj* mods = m_modules.as<DictObj>();
    Value cached = mods->getStr(name);
    if (!cached.isUnbound()) return cached;
    auto it = m_moduleFactories.find(std::string(name));
    if (it == m_moduleFactories.end())
        return raise(m_types.ModuleNotFoundError,
                     "No module named '" + std::string(name) + "' (the visualizer does not provide it)");
    Value m = it->second(*this);
    if (m.isError()) return m;
    Value again = mods->getStr(name);   // a factory may register the module itself (cycles)
    if (again.isUnbound()) setAttrStr(mods, name, m);
    return m;
}

}  // namespace aw::vm
