#pragma once
// The object model's root: every heap value of the VM is an `Obj`.
//
// Rules (read before touching objects):
// - Refcounting is intrusive: `Obj::m_refcount`. A fresh object starts at 0;
//   the first `Value` (or `Ref<T>`) that holds it brings it to 1. When the
//   count returns to 0 the object is deleted at once (its destructor releases
//   the objects it holds). Plain `T*` pointers are borrowed: valid only while
//   some Value/Ref keeps the object alive.
// - Every object is linked into its Heap's all-objects list. Reference cycles
//   are not collected during the run; they leak until the Heap (the Vm) is
//   destroyed, which then frees everything: it pins all counts, calls
//   `clearRefs()` on every object (drop contained Values without freeing
//   anything) and deletes them. So an object type that holds Values must
//   release them in clearRefs() (the default clears nothing).
// - Objects are made with `heap.make<T>(type, ctor args...)` (or the Vm's
//   helpers, e.g. vm.newStr). Every object holds a strong reference to its type.
// - `kind` says which C++ struct an object is (static_cast after checking);
//   `type` is its Python type (a user subclass of Exception has kind
//   Exception and type = the user class).

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace aw::vm {

struct TypeObj;
class Heap;

enum class Kind : uint8_t {
    Str, Tuple, List, Dict, Set, FrozenSet, Range, Slice, Cell, Code, Function,
    NativeFunction, BoundMethod, Type, Instance, Exception, Generator, Coroutine,
    AsyncGenerator, AsyncGenOp, Module, Property, StaticMethod, ClassMethod, Frame,
    SeqIter, DictIter, SetIter, CoroWrapper, Singleton /* Ellipsis, NotImplemented */,
    Native,   // an object type defined by core/runtime or core/aio (subclass NativeObj)
};

struct HeapLink {
    HeapLink* m_prev = nullptr;
    HeapLink* m_next = nullptr;
};

struct Obj : HeapLink {
    TypeObj* m_type = nullptr;     // strong reference (released by ~Obj)
    uint32_t m_refcount = 0;
    Kind m_kind;

    explicit Obj(Kind k) : m_kind(k) {}
    Obj(const Obj&) = delete;
    Obj& operator=(const Obj&) = delete;
    virtual ~Obj();
    // Release every Value/Ref this object holds (teardown of cycles). Must not
    // touch the released objects beyond dropping the reference.
    virtual void clearRefs() {}

    Kind kind() const { return m_kind; }
    TypeObj* type() const { return m_type; }
    void incref() { ++m_refcount; }
    void decref();
};

// Deletes an object whose count reached zero (unlinks it from the heap).
void destroyObj(Obj* o);

inline void Obj::decref() {
    if (--m_refcount == 0) destroyObj(this);
}

// A typed strong reference (for C++ fields that always hold one kind).
template <class T>
class Ref {
public:
    Ref() = default;
    Ref(T* p) : m_p(p) { if (m_p) m_p->incref(); }          // NOLINT: implicit on purpose
    Ref(const Ref& o) : m_p(o.m_p) { if (m_p) m_p->incref(); }
    Ref(Ref&& o) noexcept : m_p(std::exchange(o.m_p, nullptr)) {}
    ~Ref() { if (m_p) m_p->decref(); }
    Ref& operator=(const Ref& o) { Ref t(o); std::swap(m_p, t.m_p); return *this; }
    Ref& operator=(Ref&& o) noexcept { Ref t(std::move(o)); std::swap(m_p, t.m_p); return *this; }
    T* get() const { return m_p; }
    T* operator->() const { return m_p; }
    T& operator*() const { return *m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    void reset() { Ref t; std::swap(m_p, t.m_p); }
private:
    T* m_p = nullptr;
};

// Memory for objects made and freed at every step of a busy program (a
// coroutine per `await asyncio.sleep(0)`): blocks of one size kept on a
// per-thread list for reuse, up to kKeep of them, instead of going back to
// malloc. A type opts in with AW_RECYCLED_ALLOCATION(Type) in its body.
template <std::size_t kSize, std::size_t kKeep = 256>
class RecycledBlocks {
public:
    static void* take() {
        List& l = list();
        if (l.count == 0) return ::operator new(kSize);
        return l.blocks[--l.count];
    }
    static void give(void* p) {
        List& l = list();
        if (l.count == kKeep) { ::operator delete(p); return; }
        l.blocks[l.count++] = p;
    }

private:
    struct List {
        void* blocks[kKeep];
        std::size_t count = 0;
        ~List() { while (count > 0) ::operator delete(blocks[--count]); }
    };
    static List& list() { thread_local List l; return l; }
};

#define AW_RECYCLED_ALLOCATION(Type)                                                                 \
    static void* operator new(std::size_t n) {                                                       \
        return n == sizeof(Type) ? ::aw::vm::RecycledBlocks<sizeof(Type)>::take() : ::operator new(n); \
    }                                                                                                \
    static void operator delete(void* p, std::size_t n) {                                            \
        if (n == sizeof(Type)) ::aw::vm::RecycledBlocks<sizeof(Type)>::give(p);                        \
        else ::operator delete(p);                                                                   \
    }

// The all-objects list. Owned by the Vm; its destructor frees every object.
class Heap {
public:
    Heap() { m_head.m_prev = m_head.m_next = &m_head; }
    ~Heap() { freeAll(); }
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Makes an object of C++ type T with Python type `type` (may be null only
    // while bootstrapping the type objects; the Vm fixes those up).
    template <class T, class... A>
    T* make(TypeObj* type, A&&... args) {
        T* o = new T(std::forward<A>(args)...);
        link(o, type);
        return o;
    }
    void link(Obj* o, TypeObj* type);
    void unlink(Obj* o);
    void freeAll();
    bool tearingDown() const { return m_tearingDown; }
    size_t liveCount() const {   // walks the list (tests and diagnostics)
        size_t n = 0;
        for (const HeapLink* l = m_head.m_next; l != &m_head; l = l->m_next) ++n;
        return n;
    }

private:
    HeapLink m_head;
    size_t m_live = 0;
    bool m_tearingDown = false;
};

}  // namespace aw::vm
