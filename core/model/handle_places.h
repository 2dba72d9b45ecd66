#pragma once
// Where the fold finds a queued handle by its id without scanning the queues:
// for every handle in the ready queue or the timer heap, how many times it is
// in the ready queue and, while it is in the heap, its `when` (the heap is
// ordered by (when, id), so a binary search finds it there).
//
// Why: handle.cancel names a handle that may be anywhere, or nowhere: every
// asyncio.sleep cancels its timer when it ends, after that timer has fired,
// so without this each sleep scanned a heap of 1,000 timers and the ready
// queue to find nothing (half of stateAt's time on a busy trace).
//
// A flat open-addressing table (linear probing, backward-shift deletion): a
// State copy (a StateIndex checkpoint) copies one vector, with no allocation
// per entry.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace aw::model {

class HandlePlaces {
public:
    struct Place {
        uint32_t handle = 0;
        uint16_t readyCount = 0;    // entries of this handle in the ready queue (a handle queued twice counts 2)
        uint8_t timerCount = 0;     // entries of it in the timer heap (1; more only in a trace made by hand)
        bool used = false;          // the table slot holds a handle (16 bytes a slot, with `when`)
        double when = 0.0;          // its TimerEntry::when (the last one added) while timerCount > 0
        bool operator==(const Place&) const = default;
    };

    // The handle's place, or null when it is in neither queue (it ran, or never was queued).
    const Place* find(uint32_t handle) const;

    void addReady(uint32_t handle);
    void removeReady(uint32_t handle);   // one entry of it left the ready queue
    void addTimer(uint32_t handle, double when);
    void removeTimer(uint32_t handle);
    void clear();
    void reserve(std::size_t handles);   // room for this many without rehashing

    // Totals, so the fold can tell whether this table describes the queues it is given
    // (a State built by hand has queues and an empty table).
    std::size_t readyEntries() const { return m_readyEntries; }
    std::size_t timerEntries() const { return m_timerEntries; }
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Place); }

    // Always true: the table is derived from the ready queue and the timers, which State compares (and a
    // checkpoint drops it, see dropFoldCaches). sameAs() compares the contents.
    bool operator==(const HandlePlaces&) const { return true; }
    bool sameAs(const HandlePlaces& other) const;   // the same handles in the same places, however laid out

private:
    Place* slotFor(uint32_t handle);     // its slot, or the empty slot where it would go
    Place& insert(uint32_t handle);
    void eraseIfUnused(Place& place);
    void rehash(std::size_t capacity);

    std::vector<Place> m_slots;          // size a power of two (or 0), at most 3/4 full
    std::size_t m_used = 0;
    std::size_t m_readyEntries = 0;
    std::size_t m_timerEntries = 0;
};

}  // namespace aw::model
