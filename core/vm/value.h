#pragma once
// `Value`: the VM's 16-byte tagged value.
//
//   None, Bool, Int (int64), Float (double)  — immediate, no allocation
//   Obj                                      — a heap object (intrusively refcounted)
//   Unbound  — not a Python value: an empty local/cell slot, the NULL of
//              LOAD_METHOD, "no such key" from lookups, "exhausted" from vm.next()
//   Error    — not a Python value: "a Python exception is pending in the Vm".
//              Natives and Vm services return Value::error() (normally via
//              `return vm.raise(...)`) and every caller must check isError()
//              and pass the error on (return Value::error()) or handle it
//              (vm.clearError()/vm.takeError()).
//
// Copying/moving/destroying a Value adjusts the refcount only for Obj.
// Value(Obj*) takes a new reference (increments).

#include "core/vm/object.h"

#include <cstdint>
#include <utility>

namespace aw::vm {

class Value {
public:
    enum class Tag : uint8_t { None, Bool, Int, Float, Obj, Unbound, Error };

    Value() noexcept : m_tag(Tag::None) { m_u.i = 0; }
    Value(Obj* o) noexcept : m_tag(Tag::Obj) { m_u.o = o; o->incref(); }   // NOLINT: implicit on purpose
    // Always inlined: the dispatch loop is too big for GCC to inline these by itself.
    [[gnu::always_inline]] Value(const Value& v) noexcept : m_tag(v.m_tag), m_u(v.m_u) { if (m_tag == Tag::Obj) m_u.o->incref(); }
    Value(Value&& v) noexcept : m_tag(v.m_tag), m_u(v.m_u) { v.m_tag = Tag::None; }
    ~Value() { if (m_tag == Tag::Obj) m_u.o->decref(); }
    [[gnu::always_inline]] Value& operator=(const Value& v) noexcept {
        if (v.m_tag == Tag::Obj) v.m_u.o->incref();
        release();
        m_tag = v.m_tag; m_u = v.m_u;
        return *this;
    }
    [[gnu::always_inline]] Value& operator=(Value&& v) noexcept {
        if (this != &v) { release(); m_tag = v.m_tag; m_u = v.m_u; v.m_tag = Tag::None; }
        return *this;
    }

    static Value none() { return Value(); }
    static Value boolean(bool b) { Value v; v.m_tag = Tag::Bool; v.m_u.i = b ? 1 : 0; return v; }
    static Value integer(int64_t i) { Value v; v.m_tag = Tag::Int; v.m_u.i = i; return v; }
    static Value number(double d) { Value v; v.m_tag = Tag::Float; v.m_u.d = d; return v; }
    static Value unbound() { Value v; v.m_tag = Tag::Unbound; return v; }
    static Value error() { Value v; v.m_tag = Tag::Error; return v; }

    Tag tag() const { return m_tag; }
    bool isNone() const { return m_tag == Tag::None; }
    bool isBool() const { return m_tag == Tag::Bool; }
    bool isInt() const { return m_tag == Tag::Int; }
    bool isFloat() const { return m_tag == Tag::Float; }
    bool isObj() const { return m_tag == Tag::Obj; }
    bool isUnbound() const { return m_tag == Tag::Unbound; }
    bool isError() const { return m_tag == Tag::Error; }
    bool isIntLike() const { return m_tag == Tag::Int || m_tag == Tag::Bool; }   // bool is an int
    bool isNumber() const { return isIntLike() || m_tag == Tag::Float; }

    bool asBool() const { return m_u.i != 0; }
    int64_t asInt() const { return m_u.i; }           // Int and Bool
    double asFloat() const { return m_u.d; }
    double toDouble() const { return m_tag == Tag::Float ? m_u.d : double(m_u.i); }   // a number
    Obj* asObj() const { return m_u.o; }
    Obj* objOrNull() const { return m_tag == Tag::Obj ? m_u.o : nullptr; }

    // Kind checks: v.is<StrObj>() / v.as<StrObj>() (as: unchecked).
    template <class T> bool is() const { return m_tag == Tag::Obj && m_u.o->m_kind == T::kKind; }
    template <class T> T* as() const { return static_cast<T*>(m_u.o); }
    template <class T> T* asOrNull() const { return is<T>() ? as<T>() : nullptr; }

    // `is` identity (Python's `a is b`).
    bool identical(const Value& o) const {
        if (m_tag != o.m_tag) return false;
        switch (m_tag) {
        case Tag::None: case Tag::Unbound: case Tag::Error: return true;
        case Tag::Float: return m_u.d == o.m_u.d;   // floats are values here
        default: return m_u.i == o.m_u.i;
        }
    }

    // Gives up the reference without decrementing (for hand-over to raw slots).
    Obj* release_obj() { Obj* o = m_u.o; m_tag = Tag::None; return o; }

private:
    void release() { if (m_tag == Tag::Obj) m_u.o->decref(); }
    Tag m_tag;
    union { bool b; int64_t i; double d; Obj* o; } m_u;
};

static_assert(sizeof(Value) == 16);

}  // namespace aw::vm
