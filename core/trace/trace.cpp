#include "core/trace/trace.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <new>
#include <stdexcept>

namespace aw::trace {
namespace {

constexpr std::string_view kWireNames[] = {
#define EVENT(name, wire, a, b, x, s) wire,
#include "core/trace/events.def"
#undef EVENT
};
static_assert(std::size(kWireNames) == static_cast<std::size_t>(EventKind::Count));

}  // namespace

Trace::Trace()
    : m_slots(std::make_unique<uint64_t*[]>(kMaxChunks)),
      m_full(std::make_unique<Event*[]>(kMaxChunks)),
      m_pairs(std::make_unique<Pair*[]>(kMaxPairChunks)) {}

Trace::~Trace() = default;

void Trace::nextChunk() {
    const std::size_t chunk = m_size / kChunkSize;
    if (chunk >= kMaxChunks) throw std::length_error("the trace is full");
    if (chunk >= m_slotChunkCount) {
        m_slots[chunk] = static_cast<uint64_t*>(m_arena.take(kSlotChunkBytes));
        m_slotChunkCount = chunk + 1;
    }
    m_write = m_slots[chunk];
    m_chunkEnd = m_write + kChunkSize;
}

uint64_t Trace::storeFull(const Event& e) {
    const std::size_t index = m_fullCount;
    const std::size_t chunk = index / kFullChunkSize;
    if (chunk >= m_fullChunkCount) {
        if (chunk >= kMaxChunks) throw std::length_error("the trace is full");
        m_full[chunk] = static_cast<Event*>(m_arena.take(kFullChunkBytes));
        m_fullChunkCount = chunk + 1;
    }
    ::new (static_cast<void*>(&m_full[chunk][index % kFullChunkSize])) Event(e);
    m_fullCount = index + 1;
    return slot::full(index);
}

uint32_t Trace::pairId(uint32_t b, uint32_t s) {
    const uint64_t key = uint64_t(b) << 32 | s;
    PairCacheEntry& cached = m_pairCache[(key * 0x9E3779B97F4A7C15ull) >> 56];
    if (cached.id != kNoPair && cached.key == key) return cached.id;
    uint32_t id;
    if (auto it = m_pairIds.find(key); it != m_pairIds.end()) {
        id = it->second;
    } else {
        if (m_pairCount >= slot::kCRange) return kNoPair;
        id = m_pairCount;
        const std::size_t chunk = id / kPairChunkSize;
        if (chunk >= m_pairChunkCount) {
            m_pairs[chunk] = static_cast<Pair*>(m_arena.take(kPairChunkBytes));
            m_pairChunkCount = chunk + 1;
        }
        ::new (static_cast<void*>(&m_pairs[chunk][id % kPairChunkSize])) Pair{b, s};
        m_pairIds.emplace(key, id);
        ++m_pairCount;
    }
    cached = {key, id};
    return id;
}

std::string_view wireName(EventKind kind) { return kWireNames[static_cast<std::size_t>(kind)]; }

std::optional<EventKind> kindFromWireName(std::string_view wire) {
    const auto* it = std::find(std::begin(kWireNames), std::end(kWireNames), wire);
    if (it == std::end(kWireNames)) return std::nullopt;
    return static_cast<EventKind>(it - std::begin(kWireNames));
}

}  // namespace aw::trace
