#pragma once
// str: immutable UTF-8 text. Length and indexing are in code points (as
// Python), bytes are the storage. The hash is computed once (aw::rt::hashStr).
// Make strings with vm.newStr(utf8) / vm.intern(name) (interned: same object
// for the same text; attribute and global names are interned).

#include "core/vm/object.h"

#include <string>
#include <string_view>

namespace aw::vm {

struct StrObj : Obj {
    static constexpr Kind kKind = Kind::Str;
    explicit StrObj(std::string s);

    std::string m_text;          // UTF-8
    int64_t m_length = 0;        // code points
    bool m_ascii = true;         // every byte < 0x80: byte index == code-point index
    mutable bool m_hashed = false;
    mutable int64_t m_hash = 0;
    bool m_interned = false;     // Vm::intern's (lives as long as the Vm: its address names it)

    const std::string& text() const { return m_text; }
    std::string_view view() const { return m_text; }
    int64_t length() const { return m_length; }
    int64_t hash() const;
    // Byte offset of code point `i` (0 <= i <= length).
    size_t byteOffset(int64_t cp) const;
    // The code point at index i (0 <= i < length), as a UTF-8 string.
    std::string_view charAt(int64_t cp) const;
    // Code points [start, stop) as UTF-8 (0 <= start <= stop <= length).
    std::string_view substr(int64_t start, int64_t stop) const;
};

// Number of code points in valid UTF-8.
int64_t utf8Length(std::string_view s);

}  // namespace aw::vm
