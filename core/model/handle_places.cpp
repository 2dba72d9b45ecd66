// HandlePlaces: a linear-probing hash table keyed by handle id.
#include "core/model/handle_places.h"

namespace aw::model {
static_assert(sizeof(HandlePlaces::Place) == 16);
}  // namespace aw::model

namespace aw::model {

namespace {

constexpr std::size_t kMinCapacity = 64;

std::size_t homeOf(uint32_t handle, std::size_t mask)
{
    return std::size_t(handle * 2654435769u) & mask;   // Fibonacci hashing: consecutive ids spread out
}

}  // namespace

const HandlePlaces::Place* HandlePlaces::find(uint32_t handle) const
{
    if (m_slots.empty()) return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = homeOf(handle, mask);; i = (i + 1) & mask) {
        const Place& p = m_slots[i];
        if (!p.used) return nullptr;
        if (p.handle == handle) return &p;
    }
}

HandlePlaces::Place* HandlePlaces::slotFor(uint32_t handle)
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = homeOf(handle, mask);; i = (i + 1) & mask) {
        Place& p = m_slots[i];
        if (!p.used || p.handle == handle) return &p;
    }
}

HandlePlaces::Place& HandlePlaces::insert(uint32_t handle)
{
    if (4 * (m_used + 1) > 3 * m_slots.size()) rehash(m_slots.empty() ? kMinCapacity : 2 * m_slots.size());
    Place* p = slotFor(handle);
    if (!p->used) {
        *p = Place{};
        p->handle = handle;
        p->used = true;
        ++m_used;
    }
    return *p;
}

// Backward-shift deletion: later entries of the probe run move up, so no tombstones build up.
void HandlePlaces::eraseIfUnused(Place& place)
{
    if (place.readyCount > 0 || place.timerCount > 0) return;
    const std::size_t mask = m_slots.size() - 1;
    std::size_t hole = std::size_t(&place - m_slots.data());
    m_slots[hole] = Place{};
    --m_used;
    for (std::size_t i = (hole + 1) & mask; m_slots[i].used; i = (i + 1) & mask) {
        const std::size_t home = homeOf(m_slots[i].handle, mask);
        // Move the entry into the hole unless its home lies cyclically in (hole, i].
        const bool homeAfterHole = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (homeAfterHole) continue;
        m_slots[hole] = m_slots[i];
        m_slots[i] = Place{};
        hole = i;
    }
    // A burst of handles (a loop that queued thousands at once) must not leave every later copy big.
    if (m_slots.size() > kMinCapacity && 8 * m_used < m_slots.size()) rehash(m_slots.size() / 2);
}

void HandlePlaces::rehash(std::size_t capacity)
{
    std::vector<Place> old = std::move(m_slots);
    m_slots.assign(capacity, Place{});
    const std::size_t mask = capacity - 1;
    for (const Place& p : old) {
        if (!p.used) continue;
        std::size_t i = homeOf(p.handle, mask);
        while (m_slots[i].used) i = (i + 1) & mask;
        m_slots[i] = p;
    }
}

void HandlePlaces::addReady(uint32_t handle)
{
    ++insert(handle).readyCount;
    ++m_readyEntries;
}

void HandlePlaces::removeReady(uint32_t handle)
{
    Place* p = m_slots.empty() ? nullptr : slotFor(handle);
    if (!p || !p->used || p->readyCount == 0) return;
    --p->readyCount;
    --m_readyEntries;
    eraseIfUnused(*p);
}

void HandlePlaces::addTimer(uint32_t handle, double when)
{
    Place& p = insert(handle);
    ++p.timerCount;
    ++m_timerEntries;
    p.when = when;
}

void HandlePlaces::removeTimer(uint32_t handle)
{
    Place* p = m_slots.empty() ? nullptr : slotFor(handle);
    if (!p || !p->used || p->timerCount == 0) return;
    --p->timerCount;
    --m_timerEntries;
    eraseIfUnused(*p);
}

bool HandlePlaces::sameAs(const HandlePlaces& other) const
{
    if (m_used != other.m_used || m_readyEntries != other.m_readyEntries || m_timerEntries != other.m_timerEntries)
        return false;
    for (const Place& p : m_slots) {
        if (!p.used) continue;
        const Place* q = other.find(p.handle);
        if (!q || !(*q == p)) return false;
    }
    return true;
}

void HandlePlaces::reserve(std::size_t handles)
{
    std::size_t capacity = m_slots.empty() ? kMinCapacity : m_slots.size();
    while (4 * handles > 3 * capacity) capacity *= 2;
    if (capacity != m_slots.size()) rehash(capacity);
}

void HandlePlaces::clear()
{
    m_slots.clear();
    m_used = 0;
    m_readyEntries = 0;
    m_timerEntries = 0;
}

}  // namespace aw::model
