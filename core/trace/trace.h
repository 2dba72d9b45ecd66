#pragma once
// The trace: the contract between the engine and everything that shows a run.
// An append-only sequence of small events (DESIGN.md "The trace"), read as
// 24-byte Events (core/trace/events.h) and stored in 8-byte slots
// (core/trace/event_slot.h): 8 bytes for most events (every Line and frame
// event), 32 for one that needs its full size.

#include "core/trace/event_slot.h"
#include "core/trace/events.h"
#include "core/trace/slab_arena.h"
#include "core/trace/string_table.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <unordered_map>

namespace aw::trace {

// Slots, full-size events and pairs are stored in fixed-size chunks, so
// appending never moves what is stored.
//
// Threads: one writer (the engine's thread) appends; any number of readers
// (the UI) may read events [0, published()) and their strings while the
// writer goes on appending. That holds because
//  - the chunk pointer tables have a fixed capacity (allocated once), so they
//    never reallocate under a reader;
//  - an event's slot, its full-size form or pair, and its string (StringTable
//    publishes it first) are all written before the release store that
//    publishes the event; a reader's published() is the matching acquire load;
//  - published events are never modified.
// size() is published(): the writer publishes every event as it appends it
// (on x86 a release store is a plain store), so the writer's view and a
// reader's differ only by what the reader has not yet seen. The writer keeps
// its own place in the current chunk (m_write, m_chunkEnd): appending a slot
// is a compare, the slot's store and the count's.
// A run that would pass kCapacity events is cut before (the Recorder caps the
// step budget); append() throws std::length_error past it.
class Trace {
public:
    static constexpr std::size_t kChunkSize = 1 << 16;   // slots per chunk
    static constexpr std::size_t kMaxChunks = 1 << 12;
    static constexpr std::size_t kCapacity = kChunkSize * kMaxChunks;   // 268 million events
    static constexpr uint32_t kNoPair = ~0u;

    Trace();
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    // Writer only.
    void append(const Event& e) {
        if (m_write == m_chunkEnd) [[unlikely]] nextChunk();   // full, or no chunk yet
        appendSlot(encode(e));
    }
    void append(EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view s = {}) {
        append(Event{kind, 0, 0, a, b, s.empty() ? 0u : m_strings.intern(s), x});
    }
    // For a writer that stores slots itself (the VM, through the Recorder's
    // code event sink): it may fill [writePosition(), chunkEnd()) and then
    // hands what it wrote over with adoptWritten(its next slot), which
    // publishes it. Nothing else may be appended in between.
    uint64_t* writePosition() const { return m_write; }
    uint64_t* chunkEnd() const { return m_chunkEnd; }
    void adoptWritten(uint64_t* next) {
        m_size += std::size_t(next - m_write);
        m_write = next;
        m_published.store(m_size, std::memory_order_release);
    }
    // The pair table's index of (b, s), added if new; kNoPair when the table is full.
    uint32_t pairId(uint32_t b, uint32_t s);
    // The writer's count: published(), without an atomic load the compiler
    // must keep (writer only).
    std::size_t writerSize() const { return m_size; }

    // Any thread: events [0, published()) may be read.
    std::size_t published() const { return m_published.load(std::memory_order_acquire); }
    std::size_t size() const { return published(); }
    Event operator[](std::size_t i) const { return decode(m_slots[i / kChunkSize][i % kChunkSize]); }

    StringTable& strings() { return m_strings; }   // writer only
    const StringTable& strings() const { return m_strings; }
    std::string_view text(const Event& e) const { return m_strings.get(e.s); }

    // The memory of the stored events (slots, full-size events, pairs), not of their strings.
    std::size_t memoryBytes() const {
        return m_slotChunkCount * kSlotChunkBytes + m_fullChunkCount * kFullChunkBytes + m_pairChunkCount * kPairChunkBytes;
    }

private:
    struct Pair {
        uint32_t b, s;
    };
    static constexpr std::size_t kSlotChunkBytes = kChunkSize * sizeof(uint64_t);   // 512 KiB
    static constexpr std::size_t kFullChunkSize = 1 << 16;
    static constexpr std::size_t kFullChunkBytes = kFullChunkSize * sizeof(Event);  // 1.5 MiB
    static constexpr std::size_t kPairChunkSize = 1 << 12;
    static constexpr std::size_t kPairChunkBytes = kPairChunkSize * sizeof(Pair);   // 32 KiB
    static constexpr std::size_t kMaxPairChunks = slot::kCRange / kPairChunkSize;

    uint64_t encode(const Event& e) {
        if (slot::mayBeCompact(e)) [[likely]] {
            if (!slot::usesPair(e.kind)) return slot::compact(e.kind, e.s, e.a);
            const uint32_t pair = pairId(e.b, e.s);
            if (pair != kNoPair) return slot::compact(e.kind, pair, e.a);
        }
        return storeFull(e);
    }
    Event decode(uint64_t s) const {
        if (slot::isFull(s)) {
            const uint64_t f = slot::fullIndex(s);
            return m_full[f / kFullChunkSize][f % kFullChunkSize];
        }
        Event e{slot::kind(s)};
        e.a = slot::a(s);
        const uint32_t c = slot::c(s);
        if (slot::usesPair(e.kind)) {
            const Pair& p = m_pairs[c / kPairChunkSize][c % kPairChunkSize];
            e.b = p.b;
            e.s = p.s;
        } else {
            e.s = c;
        }
        return e;
    }
    // The slot in the current chunk, which has room, published.
    void appendSlot(uint64_t slot) {
        uint64_t* at = m_write;
        const std::size_t size = m_size + 1;
        *at = slot;
        m_write = at + 1;
        m_size = size;
        m_published.store(size, std::memory_order_release);
    }
    uint64_t storeFull(const Event& e);   // the event in the full-size store; its slot
    void nextChunk();   // the current chunk is full (or there is none yet): go on in a new one

    SlabArena m_arena;   // declared first: destroyed after the tables that point into it
    std::unique_ptr<uint64_t*[]> m_slots;   // kMaxChunks chunk pointers, allocated once
    std::unique_ptr<Event*[]> m_full;       // kMaxChunks
    std::unique_ptr<Pair*[]> m_pairs;       // kMaxPairChunks
    uint64_t* m_write = nullptr;      // the writer's next slot in the current chunk
    uint64_t* m_chunkEnd = nullptr;   // one past the current chunk's last slot
    std::size_t m_size = 0;           // the writer's count
    std::atomic<std::size_t> m_published{0};
    std::size_t m_slotChunkCount = 0;
    std::size_t m_fullCount = 0;
    std::size_t m_fullChunkCount = 0;
    uint32_t m_pairCount = 0;
    std::size_t m_pairChunkCount = 0;
    // The writer's pair lookup: a small direct-mapped cache over the map.
    struct PairCacheEntry {
        uint64_t key = 0;
        uint32_t id = kNoPair;
    };
    std::array<PairCacheEntry, 256> m_pairCache{};
    std::unordered_map<uint64_t, uint32_t> m_pairIds;
    StringTable m_strings;
};

}  // namespace aw::trace
