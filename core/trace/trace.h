#pragma once
// The trace: the contract between the engine and everything that shows a run.
// An append-only sequence of small fixed-size events (DESIGN.md "The trace").
//
// An event does not carry the clock or the loop iteration: they change only
// at WorldClock and LoopIter events, so the state model derives them (with
// its checkpoints) and every event stays 24 bytes.

#include "core/trace/string_table.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
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

// Events are stored in fixed-size chunks so appending never moves old events:
// the UI may read events [0, size()) while the engine appends more.
class Trace {
public:
    static constexpr std::size_t kChunkSize = 1 << 16;

    void append(const Event& e) {
        if (m_size % kChunkSize == 0) m_chunks.push_back(std::make_unique<Chunk>());
        (*m_chunks.back())[m_size % kChunkSize] = e;
        ++m_size;
    }
    void append(EventKind kind, uint32_t a = 0, uint32_t b = 0, double x = 0.0, std::string_view s = {}) {
        append(Event{kind, 0, 0, a, b, s.empty() ? 0u : m_strings.intern(s), x});
    }

    std::size_t size() const { return m_size; }
    const Event& operator[](std::size_t i) const { return (*m_chunks[i / kChunkSize])[i % kChunkSize]; }

    StringTable& strings() { return m_strings; }
    const StringTable& strings() const { return m_strings; }
    std::string_view text(const Event& e) const { return m_strings.get(e.s); }

    std::size_t memoryBytes() const { return m_chunks.size() * sizeof(Chunk); }

private:
    using Chunk = std::array<Event, kChunkSize>;
    std::vector<std::unique_ptr<Chunk>> m_chunks;
    std::size_t m_size = 0;
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
