#pragma once
// The trace: the contract between the engine and everything that shows a run.
// An append-only sequence of small fixed-size events (DESIGN.md "The trace").
//
// An event does not carry the clock or the loop iteration: they change only
// at WorldClock and LoopIter events, so the state model derives them (with
// its checkpoints) and every event stays 24 bytes.

#include "core/trace/string_table.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace aw::trace {

enum class EventKind : uint8_t {
#define EVENT(name, wire, a, b, x, s) name,
#include "core/trace/events.def"
#undef EVENT
    Count
};

std::string_view wireName(EventKind kind);
std::optional<EventKind> kindFromWireName(std::string_view wire);

struct Event {
    EventKind kind;
    uint8_t flags = 0;
    uint16_t reserved = 0;
    uint32_t a = 0;     // meaning per kind: core/trace/events.def
    uint32_t b = 0;
    uint32_t s = 0;     // an interned string id (or packed columns for Line)
    double x = 0.0;
};
static_assert(sizeof(Event) == 24, "trace events are 24 bytes");

// Events are stored in fixed-size chunks so appending never moves old events.
//
// Threads: one writer (the engine's thread) appends; any number of readers
// (the UI) may read events [0, published()) and their strings while the
// writer goes on appending. That holds because
//  - the chunk pointer table has a fixed capacity (kMaxChunks slots,
//    allocated once), so it never reallocates under a reader;
//  - an event is written, and its string interned (StringTable publishes it
//    first), before the release store that publishes it; a reader's
//    published() is the matching acquire load;
//  - published events are never modified.
// size() is published(): the writer publishes every event as it appends it
// (on x86 a release store is a plain store), so the writer's view and a
// reader's differ only by what the reader has not yet seen. The writer keeps
// its own place in the current chunk (m_write, m_chunkEnd): appending is a
// compare, the event's stores and the count's.
// A run that would pass kCapacity events is cut before (the Recorder caps the
// step budget); append() throws std::length_error past it.
class Trace {
public:
    static constexpr std::size_t kChunkSize = 1 << 16;
    static constexpr std::size_t kMaxChunks = 1 << 12;
    static constexpr std::size_t kCapacity = kChunkSize * kMaxChunks;   // 268 million events (6 GB)

    Trace();
    ~Trace();
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    // Writer only.
    void append(const Event& e) {
        if (!roomInChunk()) [[unlikely]] nextChunk();
        appendInChunk(e);
    }
    // append() in two halves, for a caller that keeps its rare cases out of
    // line: roomInChunk() is false when the current chunk is full (or there is
    // none yet: append() adds one); appendInChunk() needs roomInChunk().
    bool roomInChunk() const { return m_write != m_chunkEnd; }
    void appendInChunk(const Event& e) {
        Event* slot = m_write;
        const std::size_t size = m_size + 1;   // read before the event's stores, which may alias it
        ::new (static_cast<void*>(slot)) Event(e);
        m_write = slot + 1;
        m_size = size;
        m_published.store(size, std::memory_order_release);
    }
    // The writer's count: published(), without an atomic load the compiler
    // must keep (writer only).
    std::size_t writerSize() const { return m_size; }
    void append(EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view s = {}) {
        append(Event{kind, 0, 0, a, b, s.empty() ? 0u : m_strings.intern(s), x});
    }

    // Any thread: events [0, published()) may be read.
    std::size_t published() const { return m_published.load(std::memory_order_acquire); }
    std::size_t size() const { return published(); }
    const Event& operator[](std::size_t i) const { return m_chunks[i / kChunkSize][i % kChunkSize]; }

    StringTable& strings() { return m_strings; }   // writer only
    const StringTable& strings() const { return m_strings; }
    std::string_view text(const Event& e) const { return m_strings.get(e.s); }

    std::size_t memoryBytes() const { return (m_size + kChunkSize - 1) / kChunkSize * kChunkBytes; }

private:
    static constexpr std::size_t kChunkBytes = kChunkSize * sizeof(Event);
    // Chunks are carved from slabs of kChunksPerSlab (6 MiB), each its own
    // mapping on Linux. Not huge pages: asking for them (MADV_HUGEPAGE) made
    // the kernel compact memory on fault, and one run in three stalled for
    // 0.3-0.8 s of system time. A chunk's memory is raw: an event is written
    // before it is published, so nothing needs zeroing first.
    static constexpr std::size_t kChunksPerSlab = 4;
    static constexpr std::size_t kSlabBytes = kChunksPerSlab * kChunkBytes;
    static constexpr std::size_t kMaxSlabs = (kMaxChunks + kChunksPerSlab - 1) / kChunksPerSlab;
    void nextChunk();   // the current chunk is full (or there is none yet): go on in a new one
    void addChunk(std::size_t chunk);
    void* takeSlab(std::size_t slab);

    std::unique_ptr<Event*[]> m_chunks;   // kMaxChunks slots, allocated once
    std::unique_ptr<void*[]> m_slabs;     // kMaxSlabs slots: what the destructor frees
    // Once a trace grows past its first slab it is likely to grow a lot; the
    // kernel then spends much of the run zeroing fresh pages. The next slab is
    // mapped ahead and its pages made present by a helper thread, on another
    // core, while the writer fills the current one (Linux only).
    std::thread m_prefault;
    void* m_aheadSlab = nullptr;
    std::size_t m_aheadIndex = 0;
    Event* m_write = nullptr;      // the writer's next slot in the current chunk
    Event* m_chunkEnd = nullptr;   // one past the current chunk's last slot
    std::size_t m_size = 0;        // the writer's count
    std::atomic<std::size_t> m_published{0};
    StringTable m_strings;
};

// Line events pack the column range of the expression into `s`.
inline uint32_t packColumns(int start, int end) {
    auto clamp = [](int v) { return static_cast<uint32_t>(v < 0 ? 0 : (v > 0xFFFF ? 0xFFFF : v)); };
    return (clamp(start) << 16) | clamp(end);
}
inline int columnStart(const Event& e) { return static_cast<int>(e.s >> 16); }
inline int columnEnd(const Event& e) { return static_cast<int>(e.s & 0xFFFF); }

}  // namespace aw::trace
