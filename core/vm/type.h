#pragma once
// Types, instances of user classes, modules, singletons and runtime-defined
// objects.
//
// Every type is a TypeObj, built-in ones too (vm.types().str, .list, ...).
// Single inheritance: `m_base` (object's is null). Attribute lookup on a type
// walks the base chain (lookup()). `m_instanceKind` is the Kind of the C++
// object a call of the type makes: Instance for classes deriving from object,
// Exception for exception classes (user subclasses inherit it).
//
// Built-in types get their methods as NativeFunctionObj entries in m_dict
// (vm.addMethod). A built-in type that can be called sets m_ctor: it gets
// args.self = the type being called and returns the new object.

#include "core/vm/native.h"
#include "core/vm/value.h"

#include <string>

namespace aw::vm {

struct DictObj;
class Vm;

// Fast "next item" of a runtime-defined iterator type: the next value,
// Value::unbound() when exhausted, Value::error() on error.
using IterNextFn = Value (*)(Vm&, Obj* self);

struct TypeObj : Obj {
    static constexpr Kind kKind = Kind::Type;
    TypeObj() : Obj(kKind) {}

    std::string m_name;              // "int", "MyClass"
    std::string m_qualname;
    std::string m_module;            // "builtins", "__main__", "asyncio"
    Ref<TypeObj> m_base;             // null for object
    Ref<TypeObj> m_extraBase;        // a second base for subtype checks only (ExceptionGroup is a BaseExceptionGroup)
    Ref<DictObj> m_dict;
    Kind m_instanceKind = Kind::Instance;
    bool m_builtin = false;          // attributes cannot be set; repr "<class 'int'>"
    bool m_subclassable = true;      // class X(bool) is a TypeError
    NativeFn m_ctor = nullptr;       // calling the type (built-in/runtime types)
    IterNextFn m_iternext = nullptr; // optional fast __next__
    // `await x` may use x itself as the iterator (its __await__ returns self
    // and m_iternext is set): getAwaitable skips the __await__ call.
    bool m_awaitsItself = false;
    // Hooks a host (core/aio) installs on a built-in type. m_onFree runs when
    // an object's count reaches zero (never at teardown; it must not keep or
    // resurrect the object): "coroutine 'f' was never awaited". m_onFirstIter
    // runs on an async generator's first __anext__/asend/athrow/aclose
    // (sys.set_asyncgen_hooks' firstiter); false: an exception is pending.
    void (*m_onFree)(void* user, Obj& obj) = nullptr;
    bool (*m_onFirstIter)(void* user, Vm& vm, Obj& obj) = nullptr;
    void* m_hookUser = nullptr;

    // The attribute `name` found on this type or a base (Unbound if none).
    Value lookup(std::string_view name) const;
    Value lookup(const StrObj* name) const;
    bool isSubtypeOf(const TypeObj* other) const;
    void clearRefs() override;
};

// An instance of a user class deriving from object.
struct InstanceObj : Obj {
    static constexpr Kind kKind = Kind::Instance;
    InstanceObj() : Obj(kKind) {}
    Ref<DictObj> m_dict;             // __dict__
    void clearRefs() override;
};

struct ModuleObj : Obj {
    static constexpr Kind kKind = Kind::Module;
    ModuleObj() : Obj(kKind) {}
    std::string m_name;
    Ref<DictObj> m_dict;
    void clearRefs() override;
};

// Ellipsis and NotImplemented.
struct SingletonObj : Obj {
    static constexpr Kind kKind = Kind::Singleton;
    explicit SingletonObj(std::string r) : Obj(kKind), m_repr(std::move(r)) {}
    std::string m_repr;
};

// Base for object types defined in C++ by core/runtime or core/aio
// (futures, tasks, partial, iterators of enumerate/zip...). Subclass it, give
// the type (vm.newType(..., Kind::Native)) methods through vm.addMethod, and
// override clearRefs() to release held Values. Optional `m_dict` makes
// setattr/getattr of arbitrary attributes work.
struct NativeObj : Obj {
    static constexpr Kind kKind = Kind::Native;
    NativeObj() : Obj(kKind) {}
    Ref<DictObj> m_dict;     // may stay null
    void clearRefs() override;
};

}  // namespace aw::vm
