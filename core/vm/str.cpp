#include "core/vm/str.h"

#include "core/runtime/hashing.h"

namespace aw::vm {

int64_t utf8Length(std::string_view s) {
    int64_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

StrObj::StrObj(std::string s) : Obj(kKind), m_text(std::move(s)) {
    bool ascii = true;
    int64_t n = 0;
    for (unsigned char c : m_text) {
        if (c >= 0x80) ascii = false;
        if ((c & 0xC0) != 0x80) ++n;
    }
    m_ascii = ascii;
    m_length = n;
}

int64_t StrObj::hash() const {
    if (!m_hashed) {
        m_hash = rt::hashStr(m_text);
        m_hashed = true;
    }
    return m_hash;
}

size_t StrObj::byteOffset(int64_t cp) const {
    if (m_ascii) return size_t(cp);
    size_t i = 0;
    int64_t seen = 0;
    while (i < m_text.size()) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
            if (seen == cp) return i;
            ++seen;
        }
        ++i;
    }
    return m_text.size();
}

std::string_view StrObj::charAt(int64_t cp) const {
    if (m_ascii) return std::string_view(m_text).substr(size_t(cp), 1);
    size_t b = byteOffset(cp);
    size_t e = b + 1;
    while (e < m_text.size() && (static_cast<unsigned char>(m_text[e]) & 0xC0) == 0x80) ++e;
    return std::string_view(m_text).substr(b, e - b);
}

std::string_view StrObj::substr(int64_t start, int64_t stop) const {
    if (m_ascii) return std::string_view(m_text).substr(size_t(start), size_t(stop - start));
    size_t b = byteOffset(start);
    size_t e = byteOffset(stop);
    return std::string_view(m_text).substr(b, e - b);
}

}  // namespace aw::vm
