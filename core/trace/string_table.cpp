#include "core/trace/string_table.h"

#include <stdexcept>

namespace aw::trace {

StringTable::StringTable() : m_chunks(std::make_unique<std::unique_ptr<Chunk>[]>(kMaxChunks)) {
    intern("");   // id 0 is the empty string
}

StringTable::~StringTable() = default;

uint32_t StringTable::intern(std::string_view text) {
    if (auto it = m_ids.find(text); it != m_ids.end()) return it->second;
    if (m_size == kCapacity) throw std::length_error("the trace's string table is full");
    const std::size_t chunk = m_size / kChunkSize;
    if (!m_chunks[chunk]) m_chunks[chunk] = std::make_unique<Chunk>();
    std::string& stored = (*m_chunks[chunk])[m_size % kChunkSize];
    stored.assign(text);
    const auto id = static_cast<uint32_t>(m_size);
    m_ids.emplace(stored, id);   // the key views the stored string, which never moves
    ++m_size;
    m_published.store(m_size, std::memory_order_release);
    return id;
}

}  // namespace aw::trace
