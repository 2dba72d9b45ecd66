#pragma once
// Interned strings for the trace: an event holds a 32-bit id, never a pointer.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace aw::trace {

class StringTable {
public:
    StringTable() { intern(""); }   // id 0 is the empty string

    uint32_t intern(std::string_view text);
    std::string_view get(uint32_t id) const { return m_strings[id]; }
    std::size_t size() const { return m_strings.size(); }

private:
    std::deque<std::string> m_strings;   // deque: references stay valid as it grows
    std::unordered_map<std::string_view, uint32_t> m_ids;
};

}  // namespace aw::trace
