#pragma once
// tuple, list, dict, set/frozenset, range, slice and their iterators.
//
// Dict and set operations that may run Python code (__hash__/__eq__ of user
// objects) take the Vm and can fail: they return Value::error() / false /
// -1 with the exception pending in the Vm. Lookups return Value::unbound()
// for "not found" (no KeyError is raised by these; raise it yourself).
//
// dict: insertion ordered (entries vector + open-addressing index).
// set/frozenset: CPython's setobject.c table (LINEAR_PROBES 9, PERTURB_SHIFT 5,
// same resize rule), so iteration order matches CPython's for equal hashes.

#include "core/vm/value.h"

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

namespace aw::vm {

class Vm;
struct StrObj;

struct TupleObj : Obj {
    static constexpr Kind kKind = Kind::Tuple;
    TupleObj() : Obj(kKind) {}
    explicit TupleObj(std::vector<Value> items) : Obj(kKind), m_items(std::move(items)) {}
    std::vector<Value> m_items;
    size_t size() const { return m_items.size(); }
    const Value& operator[](size_t i) const { return m_items[i]; }
    void clearRefs() override { m_items.clear(); }
};

struct ListObj : Obj {
    static constexpr Kind kKind = Kind::List;
    ListObj() : Obj(kKind) {}
    explicit ListObj(std::vector<Value> items) : Obj(kKind), m_items(std::move(items)) {}
    std::vector<Value> m_items;
    size_t size() const { return m_items.size(); }
    void clearRefs() override { m_items.clear(); }
};

struct DictObj : Obj {
    static constexpr Kind kKind = Kind::Dict;
    DictObj() : Obj(kKind) {}

    struct Entry {
        int64_t hash = 0;
        Value key;      // Unbound: a deleted entry (skipped by iteration)
        Value value;
    };
    std::vector<Entry> m_entries;     // insertion order, with holes
    std::vector<int32_t> m_index;     // -1 empty, -2 dummy, else entry index; size power of 2
    size_t m_used = 0;                // live entries
    // Changed on every insert/delete/clear to a value no other dict ever had
    // (iteration-changed-size checks, and the VM's lookup caches).
    uint64_t m_version = 0;
    // A type's __dict__ (markTypeDict): any change to it moves typeDictEpoch,
    // which invalidates the VM's cache of attribute lookups on types.
    bool m_ofType = false;

    size_t size() const { return m_used; }
    // Value::unbound() when missing, Value::error() on error.
    Value get(Vm& vm, const Value& key);
    Value getStr(std::string_view key) const;        // str keys only; never fails
    Value getStr(const StrObj* key) const;           // fast path with cached hash
    bool set(Vm& vm, const Value& key, Value value);  // false on error
    void setStr(Vm& vm, std::string_view key, Value value);
    // 1 removed, 0 missing, -1 error. `out` (optional) receives the value.
    int remove(Vm& vm, const Value& key, Value* out = nullptr);
    // The same with the key's hash already known (vm.hash(key)), for a caller
    // that uses one key many times.
    Value getHashed(Vm& vm, const Value& key, int64_t hash);
    bool setHashed(Vm& vm, const Value& key, int64_t hash, Value value);
    int removeHashed(Vm& vm, const Value& key, int64_t hash, Value* out = nullptr);
    // getStr, trying first the entry at `hint` (then updated): the instances
    // of one class fill their dicts in one order, so an attribute sits at
    // the same entry index in each. Only an interned key (vm.intern) can hit.
    Value getStrHinted(const StrObj* key, uint32_t& hint) const {
        if (hint < m_entries.size() && m_entries[hint].key.objOrNull() == reinterpret_cast<const Obj*>(key))
            return m_entries[hint].value;
        return getStrFindHint(key, hint);
    }
    // Rebinds the key at entry `hint` if it is there (not in a type's dict,
    // whose changes must move typeDictEpoch); false: use set().
    bool replaceHinted(const StrObj* key, uint32_t hint, Value value) {
        if (m_ofType || hint >= m_entries.size() || m_entries[hint].key.objOrNull() != reinterpret_cast<const Obj*>(key))
            return false;
        m_entries[hint].value = std::move(value);
        return true;
    }
    int contains(Vm& vm, const Value& key);           // 1/0/-1
    void clear();
    // Iteration: for (size_t i = 0; d->next(i, k, v);) ...  (i is a cursor)
    bool next(size_t& cursor, Value* key, Value* value) const;
    std::vector<Value> keys() const;
    void clearRefs() override { m_entries.clear(); m_index.clear(); m_used = 0; }

    // internal
    Value getStrFindHint(const StrObj* key, uint32_t& hint) const;
    int64_t findSlot(Vm& vm, const Value& key, int64_t hash, bool& error);
    void rebuildIndex(size_t minSize);
};

// Moves whenever any type's __dict__ gains, loses or rebinds a key, or a dict
// becomes a type's (types are few and rarely change after their class body).
extern std::atomic<uint64_t> g_typeDictEpoch;
inline uint64_t typeDictEpoch() { return g_typeDictEpoch.load(std::memory_order_relaxed); }
inline void markTypeDict(DictObj* d) {
    d->m_ofType = true;
    g_typeDictEpoch.fetch_add(1, std::memory_order_relaxed);
}

struct SetObj : Obj {   // set and frozenset (kind says which)
    static constexpr Kind kKind = Kind::Set;
    explicit SetObj(bool frozen = false) : Obj(frozen ? Kind::FrozenSet : Kind::Set) {}

    struct Entry {
        Value key;        // None-tag with m_hash==0 & !used: empty; see setobject.cpp
        int64_t hash = 0;
        uint8_t state = 0;   // 0 empty, 1 used, 2 dummy
    };
    std::vector<Entry> m_table = std::vector<Entry>(8);
    size_t m_fill = 0;     // used + dummy
    size_t m_used = 0;
    size_t m_mask = 7;
    size_t m_finger = 0;   // pop() position
    int64_t m_hash = -1;   // frozenset hash cache

    size_t size() const { return m_used; }
    bool isFrozen() const { return m_kind == Kind::FrozenSet; }
    bool add(Vm& vm, const Value& key);               // false on error
    int contains(Vm& vm, const Value& key);           // 1/0/-1
    int discard(Vm& vm, const Value& key);            // 1 removed, 0 missing, -1 error
    bool update(Vm& vm, const Value& iterable);       // add every item (set_merge for sets)
    Value pop();                                      // Unbound when empty
    void clear();
    bool next(size_t& cursor, Value* key) const;      // table order
    std::vector<Value> items() const;
    void clearRefs() override { m_table.assign(8, Entry{}); m_fill = m_used = 0; m_mask = 7; }

    // internal (setobject.c)
    bool addEntry(Vm& vm, const Value& key, int64_t hash);
    void insertClean(const Value& key, int64_t hash);
    void resize(size_t minused);
};
inline bool isAnySet(const Value& v) {
    return v.isObj() && (v.asObj()->kind() == Kind::Set || v.asObj()->kind() == Kind::FrozenSet);
}

struct RangeObj : Obj {
    static constexpr Kind kKind = Kind::Range;
    RangeObj(int64_t a, int64_t b, int64_t s) : Obj(kKind), m_start(a), m_stop(b), m_step(s) {}
    int64_t m_start, m_stop, m_step;
    int64_t length() const;
    int64_t at(int64_t i) const { return m_start + i * m_step; }
};

struct SliceObj : Obj {
    static constexpr Kind kKind = Kind::Slice;
    SliceObj(Value a, Value b, Value c) : Obj(kKind), m_start(std::move(a)), m_stop(std::move(b)), m_step(std::move(c)) {}
    Value m_start, m_stop, m_step;
    // CPython's PySlice_GetIndicesEx for a sequence of `length`: false (error
    // pending) on a non-int bound or a zero step.
    bool indices(Vm& vm, int64_t length, int64_t& start, int64_t& stop, int64_t& step, int64_t& count) const;
    void clearRefs() override { m_start = m_stop = m_step = Value(); }
};

// Iterator over a list, tuple, str or range (by index; a list may grow).
struct SeqIterObj : Obj {
    static constexpr Kind kKind = Kind::SeqIter;
    explicit SeqIterObj(Value seq) : Obj(kKind), m_seq(std::move(seq)) {}
    Value m_seq;
    int64_t m_index = 0;
    size_t m_byte = 0;     // str: byte offset of m_index
    void clearRefs() override { m_seq = Value(); }
};

// Iterator over a dict's keys / values / items.
struct DictIterObj : Obj {
    static constexpr Kind kKind = Kind::DictIter;
    enum class Mode : uint8_t { Keys, Values, Items };
    DictIterObj(DictObj* d, Mode m) : Obj(kKind), m_dict(d), m_mode(m), m_size(d->size()) {}
    Ref<DictObj> m_dict;
    Mode m_mode;
    size_t m_cursor = 0;
    size_t m_size;        // "dictionary changed size during iteration"
    void clearRefs() override { m_dict.reset(); }
};

struct SetIterObj : Obj {
    static constexpr Kind kKind = Kind::SetIter;
    explicit SetIterObj(SetObj* s) : Obj(kKind), m_set(s), m_size(s->size()) {}
    Ref<SetObj> m_set;
    size_t m_cursor = 0;
    size_t m_size;
    void clearRefs() override { m_set.reset(); }
};

}  // namespace aw::vm
