#include "core/trace/string_table.h"

namespace aw::trace {

uint32_t StringTable::intern(std::string_view text) {
    if (auto it = m_ids.find(text); it != m_ids.end()) return it->second;
    const auto id = static_cast<uint32_t>(m_strings.size());
    const std::string& stored = m_strings.emplace_back(text);
    m_ids.emplace(stored, id);
    return id;
}

}  // namespace aw::trace
