#pragma once
// Interned strings for the trace: an event holds a 32-bit id, never a pointer.
//
// Threads: one writer (the engine) interns; any number of readers may call
// get(id) for ids below published() while the writer goes on interning. The
// strings live in fixed-size chunks reached through a table of chunk pointers
// that is allocated once and never grows, so neither a string nor the path to
// it ever moves; the writer publishes each new string with a release store of
// the count, a reader acquires it. The id lookup (intern's hash map) is the
// writer's alone. A string_view from get() stays valid as long as the table.

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace aw::trace {

class StringTable {
public:
    static constexpr std::size_t kChunkSize = 1 << 12;    // strings per chunk
    static constexpr std::size_t kMaxChunks = 1 << 16;    // 268 million strings at most
    static constexpr std::size_t kCapacity = kChunkSize * kMaxChunks;

    StringTable();
    ~StringTable();
    StringTable(const StringTable&) = delete;
    StringTable& operator=(const StringTable&) = delete;

    // Writer only. Throws std::length_error when the table is full (kCapacity).
    uint32_t intern(std::string_view text);

    // Any thread, for id < published() (as seen by that thread); "" for an
    // id not (yet) published, such as a Line event's packed columns taken
    // for a string id: a wrong read, but never a crash.
    std::string_view get(uint32_t id) const {
        if (id >= m_published.load(std::memory_order_relaxed)) return {};
        return (*m_chunks[id / kChunkSize])[id % kChunkSize];
    }
    std::size_t size() const { return published(); }
    std::size_t published() const { return m_published.load(std::memory_order_acquire); }

private:
    using Chunk = std::array<std::string, kChunkSize>;
    std::unique_ptr<std::unique_ptr<Chunk>[]> m_chunks;   // kMaxChunks slots, allocated once
    std::size_t m_size = 0;                                // the writer's count
    std::atomic<std::size_t> m_published{0};
    std::unordered_map<std::string_view, uint32_t> m_ids;  // writer only
};

}  // namespace aw::trace
