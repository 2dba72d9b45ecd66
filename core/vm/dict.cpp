// dict: insertion-ordered entries plus an open-addressing index (the layout
// of CPython's compact dict; the probe order is not observable).
#include "core/vm/containers.h"

#include "core/runtime/hashing.h"
#include "core/vm/str.h"
#include "core/vm/vm.h"

#include <algorithm>
#include <atomic>

namespace aw::vm {

namespace {
constexpr int32_t kEmpty = -1, kDummy = -2;

// Dict versions are never reused, by any dict on any thread, so a cache that
// remembers (dict, version) can never confuse two states of a dict nor a new
// dict at a freed one's address: each thread hands out versions from its own
// block of 2^40.
std::atomic<uint64_t> g_versionBlocks{1};
uint64_t nextDictVersion() {
    thread_local uint64_t next = g_versionBlocks.fetch_add(1, std::memory_order_relaxed) << 40;
    return ++next;
}

// Equality without running Python code for the common key kinds: 1/0, or 2 = "ask the Vm".
inline int quickEq(const Value& a, const Value& b) {
    if (a.identical(b)) return 1;
    if (a.isObj() && b.isObj()) {
        Obj* x = a.asObj();
        Obj* y = b.asObj();
        if (x->kind() == Kind::Str && y->kind() == Kind::Str)
            return static_cast<StrObj*>(x)->m_text == static_cast<StrObj*>(y)->m_text;
        return 2;
    }
    if (a.isObj() || b.isObj()) {
        const Value& o = a.isObj() ? a : b;
        Kind k = o.asObj()->kind();
        if (k == Kind::Str || k == Kind::Tuple) return 0;
        return 2;
    }
    // two immediates
    if (a.isNumber() && b.isNumber()) {
        if (a.isFloat() || b.isFloat()) return a.toDouble() == b.toDouble();
        return a.asInt() == b.asInt();
    }
    return a.tag() == b.tag() && a.tag() == Value::Tag::None;
}
}  // namespace

std::atomic<uint64_t> g_typeDictEpoch{1};

void DictObj::rebuildIndex(size_t minSize) {
    // Compact the entries (drop holes) and rebuild the index.
    if (m_used != m_entries.size()) {
        std::vector<Entry> live;
        live.reserve(m_used);
        for (auto& e : m_entries)
            if (!e.key.isUnbound()) live.push_back(std::move(e));
        m_entries = std::move(live);
    }
    size_t size = 8;
    while (size * 2 < minSize * 3) size <<= 1;
    m_index.assign(size, kEmpty);
    size_t mask = size - 1;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        uint64_t perturb = uint64_t(m_entries[i].hash);
        size_t j = size_t(perturb) & mask;
        while (m_index[j] != kEmpty) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        m_index[j] = int32_t(i);
    }
}

// The index slot holding `key`, or -1 (not found; error set when it failed).
int64_t DictObj::findSlot(Vm& vm, const Value& key, int64_t hash, bool& error) {
    error = false;
    if (m_index.empty()) return -1;
    size_t mask = m_index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t j = size_t(perturb) & mask;
    while (true) {
        int32_t ix = m_index[j];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            const Entry& e = m_entries[size_t(ix)];
            if (e.hash == hash) {
                int q = quickEq(e.key, key);
                if (q == 2) {
                    Value k = e.key;   // keep alive across user code
                    q = vm.equals(k, key);
                    if (q < 0) { error = true; return -1; }
                    if (m_index.size() - 1 != mask) return findSlot(vm, key, hash, error);   // mutated
                }
                if (q == 1) return int64_t(j);
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Value DictObj::get(Vm& vm, const Value& key) {
    int64_t h;
    if (!vm.hash(key, h)) return Value::error();
    return getHashed(vm, key, h);
}

Value DictObj::getHashed(Vm& vm, const Value& key, int64_t h) {
    bool err;
    int64_t slot = findSlot(vm, key, h, err);
    if (err) return Value::error();
    if (slot < 0) return Value::unbound();
    return m_entries[size_t(m_index[size_t(slot)])].value;
}

Value DictObj::getStr(const StrObj* key) const {
    if (m_index.empty()) return Value::unbound();
    int64_t hash = key->hash();
    size_t mask = m_index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t j = size_t(perturb) & mask;
    while (true) {
        int32_t ix = m_index[j];
        if (ix == kEmpty) return Value::unbound();
        if (ix >= 0) {
            const Entry& e = m_entries[size_t(ix)];
            if (e.hash == hash && e.key.isObj()) {
                Obj* k = e.key.asObj();
                if (k == key) return e.value;
                if (k->kind() == Kind::Str && static_cast<StrObj*>(k)->m_text == key->m_text) return e.value;
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Value DictObj::getStrFindHint(const StrObj* key, uint32_t& hint) const {
    if (m_index.empty()) return Value::unbound();
    const int64_t hash = key->hash();
    const size_t mask = m_index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t j = size_t(perturb) & mask;
    while (true) {
        const int32_t ix = m_index[j];
        if (ix == kEmpty) return Value::unbound();
        if (ix >= 0) {
            const Entry& e = m_entries[size_t(ix)];
            if (e.hash == hash && e.key.isObj()) {
                const Obj* k = e.key.asObj();
                if (k == key) { hint = uint32_t(ix); return e.value; }
                if (k->kind() == Kind::Str && static_cast<const StrObj*>(k)->m_text == key->m_text) return e.value;
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Value DictObj::getStr(std::string_view key) const {
    if (m_index.empty()) return Value::unbound();
    int64_t hash = rt::hashStr(key);
    size_t mask = m_index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t j = size_t(perturb) & mask;
    while (true) {
        int32_t ix = m_index[j];
        if (ix == kEmpty) return Value::unbound();
        if (ix >= 0) {
            const Entry& e = m_entries[size_t(ix)];
            if (e.hash == hash && e.key.is<StrObj>() && e.key.as<StrObj>()->m_text == key) return e.value;
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

bool DictObj::set(Vm& vm, const Value& key, Value value) {
    int64_t h;
    if (!vm.hash(key, h)) return false;
    return setHashed(vm, key, h, std::move(value));
}

bool DictObj::setHashed(Vm& vm, const Value& key, int64_t h, Value value) {
    bool err;
    int64_t slot = findSlot(vm, key, h, err);
    if (err) return false;
    if (m_ofType) g_typeDictEpoch.fetch_add(1, std::memory_order_relaxed);
    if (slot >= 0) {
        m_entries[size_t(m_index[size_t(slot)])].value = std::move(value);
        return true;
    }
    if (m_index.empty() || (m_entries.size() + 1) * 3 >= m_index.size() * 2)
        rebuildIndex(m_used + 1 > 8 ? (m_used + 1) * 2 : 8);
    m_entries.push_back(Entry{h, key, std::move(value)});
    size_t mask = m_index.size() - 1;
    uint64_t perturb = uint64_t(h);
    size_t j = size_t(perturb) & mask;
    while (m_index[j] >= 0) {
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
    m_index[j] = int32_t(m_entries.size() - 1);
    ++m_used;
    m_version = nextDictVersion();
    return true;
}

void DictObj::setStr(Vm& vm, std::string_view key, Value value) {
    set(vm, vm.intern(key), std::move(value));
}

int DictObj::remove(Vm& vm, const Value& key, Value* out) {
    int64_t h;
    if (!vm.hash(key, h)) return -1;
    return removeHashed(vm, key, h, out);
}

int DictObj::removeHashed(Vm& vm, const Value& key, int64_t h, Value* out) {
    bool err;
    int64_t slot = findSlot(vm, key, h, err);
    if (err) return -1;
    if (slot < 0) return 0;
    if (m_ofType) g_typeDictEpoch.fetch_add(1, std::memory_order_relaxed);
    Entry& e = m_entries[size_t(m_index[size_t(slot)])];
    m_index[size_t(slot)] = kDummy;
    Value oldKey = std::move(e.key);
    Value oldValue = std::move(e.value);
    e.key = Value::unbound();
    e.value = Value();
    --m_used;
    if (m_used == 0) {
        // Emptied: start again from a clean table, so a dict used as a slot
        // (asyncio's _current_tasks gains and loses the loop at every task
        // step) does not fill its index with deleted entries and rebuild it.
        m_entries.clear();
        std::fill(m_index.begin(), m_index.end(), kEmpty);
    }
    m_version = nextDictVersion();
    if (out) *out = std::move(oldValue);
    return 1;
}

int DictObj::contains(Vm& vm, const Value& key) {
    Value v = get(vm, key);
    if (v.isError()) return -1;
    return v.isUnbound() ? 0 : 1;
}

void DictObj::clear() {
    if (m_ofType) g_typeDictEpoch.fetch_add(1, std::memory_order_relaxed);
    std::vector<Entry> old = std::move(m_entries);
    m_entries.clear();
    m_index.clear();
    m_used = 0;
    m_version = nextDictVersion();
}

bool DictObj::next(size_t& cursor, Value* key, Value* value) const {
    while (cursor < m_entries.size()) {
        const Entry& e = m_entries[cursor++];
        if (e.key.isUnbound()) continue;
        if (key) *key = e.key;
        if (value) *value = e.value;
        return true;
    }
    return false;
}

std::vector<Value> DictObj::keys() const {
    std::vector<Value> out;
    out.reserve(m_used);
    for (const auto& e : m_entries)
        if (!e.key.isUnbound()) out.push_back(e.key);
    return out;
}

}  // namespace aw::vm
