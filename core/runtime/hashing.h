#pragma once
// hash() of the built-in values exactly as CPython 3.11 computes it with
// PYTHONHASHSEED=0 (the conformance oracle pins that seed), so that set and
// dict iteration orders that depend on hashes come out as in CPython.
//
//   hashInt(-1) == -2            hashInt(2**61 - 1) == 0     (mod 2**61 - 1)
//   hashFloat(1.5) == 1152921504606846977   hashFloat(2.0) == hashInt(2)
//   hashStr("abc") == PYTHONHASHSEED=0 python3 -c "print(hash('abc'))"
//   hashTuple({}) == hash(()) == 5740354900026072187
//
// Choices where CPython 3.11 hashes by identity (not reproducible anyway):
// - nan: CPython 3.10+ hashes a nan by its object address; hashFloat takes
//   the value the caller wants for it (default 0, what 3.9 returned).
// - None: 3.11 hashes None by address; hashNone() returns 0xFCA86420, the
//   constant CPython 3.12 adopted.

#include <cstdint>
#include <span>
#include <string_view>

namespace aw::rt {

inline constexpr int kHashBits = 61;
inline constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;   // 2**61 - 1
inline constexpr int64_t kHashInf = 314159;

int64_t hashInt(int64_t v);
int64_t hashBool(bool b);                       // 1 / 0
int64_t hashNone();                             // see above
int64_t hashFloat(double v, int64_t nanHash = 0);
// siphash13 with key 0 over the PEP 393 buffer of the string: latin-1 bytes
// if every code point < 256, UCS-2 (little-endian) if < 65536, else UCS-4.
int64_t hashStr(std::string_view utf8);
// hash of a tuple given its items' hashes (the xxHash-based tuplehash of 3.8+).
int64_t hashTuple(std::span<const int64_t> itemHashes);
// _Py_HashBytes: siphash13 with key 0 over raw bytes (hash(b"...")).
int64_t hashBytes(std::string_view bytes);

}  // namespace aw::rt
