// set/frozenset: a port of CPython 3.11's Objects/setobject.c table, so that
// iteration order matches CPython's (LINEAR_PROBES 9, PERTURB_SHIFT 5).
#include "core/vm/containers.h"
#include "core/vm/str.h"
#include "core/vm/vm.h"

namespace aw::vm {

namespace {
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr size_t kMinSize = 8;
enum : uint8_t { kUnused = 0, kUsed = 1, kDummy = 2 };
}  // namespace

bool SetObj::addEntry(Vm& vm, const Value& key, int64_t hash) {
restart:
    size_t mask = m_mask;
    size_t i = size_t(hash) & mask;
    Entry* freeslot = nullptr;
    size_t perturb = size_t(hash);
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t idx = i;
        while (true) {
            Entry* entry = &m_table[idx];
            if (entry->state == kUnused) {
                if (freeslot) {
                    ++m_used;
                    freeslot->key = key;
                    freeslot->hash = hash;
                    freeslot->state = kUsed;
                    return true;
                }
                ++m_fill;
                ++m_used;
                entry->key = key;
                entry->hash = hash;
                entry->state = kUsed;
                if (m_fill * 5 < mask * 3) return true;
                resize(m_used > 50000 ? m_used * 2 : m_used * 4);
                return true;
            }
            if (entry->state == kUsed && entry->hash == hash) {
                const Value& sk = entry->key;
                if (sk.identical(key)) return true;
                if (sk.is<StrObj>() && key.is<StrObj>()) {
                    if (sk.as<StrObj>()->m_text == key.as<StrObj>()->m_text) return true;
                } else {
                    Value startkey = sk;
                    size_t tableSize = m_table.size();
                    int cmp = vm.equals(startkey, key);
                    if (cmp < 0) return false;
                    if (cmp > 0) return true;
                    if (tableSize != m_table.size() || !m_table[idx].key.identical(startkey)) goto restart;
                    mask = m_mask;
                }
            } else if (entry->state == kDummy) {
                if (!freeslot) freeslot = entry;
            }
            if (probes-- == 0) break;
            ++idx;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetObj::insertClean(const Value& key, int64_t hash) {
    size_t mask = m_mask;
    size_t perturb = size_t(hash);
    size_t i = size_t(hash) & mask;
    while (true) {
        Entry* entry = &m_table[i];
        if (entry->state == kUnused) { entry->key = key; entry->hash = hash; entry->state = kUsed; return; }
        if (i + kLinearProbes <= mask) {
            for (size_t j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (entry->state == kUnused) { entry->key = key; entry->hash = hash; entry->state = kUsed; return; }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetObj::resize(size_t minused) {
    size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    std::vector<Entry> old = std::move(m_table);
    m_table.assign(newsize, Entry{});
    m_mask = newsize - 1;
    m_fill = m_used;
    for (auto& e : old)
        if (e.state == kUsed) insertClean(e.key, e.hash);
}

bool SetObj::add(Vm& vm, const Value& key) {
    int64_t h;
    if (!vm.hash(key, h)) return false;
    return addEntry(vm, key, h);
}

int SetObj::contains(Vm& vm, const Value& key) {
    int64_t hash;
    if (!vm.hash(key, hash)) return -1;
restart:
    size_t mask = m_mask;
    size_t i = size_t(hash) & mask;
    size_t perturb = size_t(hash);
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t idx = i;
        while (true) {
            Entry* entry = &m_table[idx];
            if (entry->state == kUnused) return 0;
            if (entry->state == kUsed && entry->hash == hash) {
                if (entry->key.identical(key)) return 1;
                if (entry->key.is<StrObj>() && key.is<StrObj>()) {
                    if (entry->key.as<StrObj>()->m_text == key.as<StrObj>()->m_text) return 1;
                } else {
                    Value startkey = entry->key;
                    size_t tableSize = m_table.size();
                    int cmp = vm.equals(startkey, key);
                    if (cmp != 0) return cmp;
                    if (tableSize != m_table.size() || !m_table[idx].key.identical(startkey)) goto restart;
                    mask = m_mask;
                }
            }
            if (probes-- == 0) break;
            ++idx;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int SetObj::discard(Vm& vm, const Value& key) {
    int64_t hash;
    if (!vm.hash(key, hash)) return -1;
    size_t mask = m_mask;
    size_t i = size_t(hash) & mask;
    size_t perturb = size_t(hash);
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t idx = i;
        while (true) {
            Entry* entry = &m_table[idx];
            if (entry->state == kUnused) return 0;
            if (entry->state == kUsed && entry->hash == hash) {
                int eq = 1;
                if (!entry->key.identical(key)) {
                    if (entry->key.is<StrObj>() && key.is<StrObj>())
                        eq = entry->key.as<StrObj>()->m_text == key.as<StrObj>()->m_text;
                    else {
                        Value startkey = entry->key;
                        eq = vm.equals(startkey, key);
                        if (eq < 0) return -1;
                    }
                }
                if (eq) {
                    Value old = std::move(m_table[idx].key);
                    m_table[idx].key = Value();
                    m_table[idx].hash = -1;
                    m_table[idx].state = kDummy;
                    --m_used;
                    return 1;
                }
            }
            if (probes-- == 0) break;
            ++idx;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetObj::update(Vm& vm, const Value& iterable) {
    if (isAnySet(iterable)) {
        SetObj* other = iterable.as<SetObj>();
        if (other == this || other->m_used == 0) return true;
        Value keep = iterable;
        if ((m_fill + other->m_used) * 5 >= m_mask * 3) resize((m_used + other->m_used) * 2);
        if (m_fill == 0 && m_mask == other->m_mask && other->m_fill == other->m_used) {
            for (size_t i = 0; i <= other->m_mask; ++i)
                if (other->m_table[i].state == kUsed) m_table[i] = other->m_table[i];
            m_fill = other->m_fill;
            m_used = other->m_used;
            return true;
        }
        if (m_fill == 0) {
            m_fill = m_used = other->m_used;
            for (size_t i = 0; i <= other->m_mask; ++i)
                if (other->m_table[i].state == kUsed) insertClean(other->m_table[i].key, other->m_table[i].hash);
            return true;
        }
        std::vector<Entry> snapshot = other->m_table;
        for (auto& e : snapshot)
            if (e.state == kUsed && !addEntry(vm, e.key, e.hash)) return false;
        return true;
    }
    if (iterable.is<DictObj>()) {
        DictObj* d = iterable.as<DictObj>();
        Value keep = iterable;
        if ((m_fill + d->size()) * 5 >= m_mask * 3) resize((m_used + d->size()) * 2);
        std::vector<DictObj::Entry> snapshot = d->m_entries;
        for (auto& e : snapshot)
            if (!e.key.isUnbound() && !addEntry(vm, e.key, e.hash)) return false;
        return true;
    }
    Value it = vm.getIter(iterable);
    if (it.isError()) return false;
    while (true) {
        Value item = vm.next(it);
        if (item.isError()) return false;
        if (item.isUnbound()) return true;
        if (!add(vm, item)) return false;
    }
}

Value SetObj::pop() {
    if (m_used == 0) return Value::unbound();
    size_t i = m_finger & m_mask;
    while (m_table[i].state != kUsed) {
        ++i;
        if (i > m_mask) i = 0;
    }
    Value key = std::move(m_table[i].key);
    m_table[i].key = Value();
    m_table[i].hash = -1;
    m_table[i].state = kDummy;
    --m_used;
    m_finger = i + 1;
    return key;
}

void SetObj::clear() {
    std::vector<Entry> old = std::move(m_table);
    m_table.assign(kMinSize, Entry{});
    m_mask = kMinSize - 1;
    m_fill = m_used = 0;
}

bool SetObj::next(size_t& cursor, Value* key) const {
    while (cursor < m_table.size()) {
        const Entry& e = m_table[cursor++];
        if (e.state == kUsed) {
            if (key) *key = e.key;
            return true;
        }
    }
    return false;
}

std::vector<Value> SetObj::items() const {
    std::vector<Value> out;
    out.reserve(m_used);
    for (const auto& e : m_table)
        if (e.state == kUsed) out.push_back(e.key);
    return out;
}

int64_t RangeObj::length() const {
    if (m_step > 0) return m_start < m_stop ? (m_stop - m_start - 1) / m_step + 1 : 0;
    return m_start > m_stop ? (m_start - m_stop - 1) / (-m_step) + 1 : 0;
}

bool SliceObj::indices(Vm& vm, int64_t length, int64_t& start, int64_t& stop, int64_t& step, int64_t& count) const {
    auto asIndex = [&](const Value& v, int64_t& out) -> bool {
        if (v.isIntLike()) { out = v.asInt(); return true; }
        vm.raise(vm.types().TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    };
    step = 1;
    if (!m_step.isNone()) {
        if (!asIndex(m_step, step)) return false;
        if (step == 0) { vm.raise(vm.types().ValueError, "slice step cannot be zero"); return false; }
    }
    int64_t lower = step < 0 ? -1 : 0;
    int64_t upper = step < 0 ? length - 1 : length;
    auto adjust = [&](const Value& v, int64_t def, int64_t& out) -> bool {
        if (v.isNone()) { out = def; return true; }
        if (!asIndex(v, out)) return false;
        if (out < 0) { out += length; if (out < lower) out = lower; }
        else if (out > upper) out = upper;
        return true;
    };
    if (!adjust(m_start, step < 0 ? upper : lower, start)) return false;
    if (!adjust(m_stop, step < 0 ? lower : upper, stop)) return false;
    if (step < 0) count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    else count = start < stop ? (stop - start - 1) / step + 1 : 0;
    return true;
}

}  // namespace aw::vm
