#pragma once
// The VM's hash functions: forwards to the runtime's CPython-exact hashes
// (core/runtime/hashing.h) once they exist; a placeholder until then.

#include <cstdint>
#include <span>
#include <string_view>
#include <bit>

namespace aw::vm::hashing {

// CPython's int hash: modulo 2**61 - 1, -1 -> -2.
inline int64_t intHash(int64_t v) {
    constexpr uint64_t P = (uint64_t(1) << 61) - 1;
    bool neg = v < 0;
    uint64_t a = neg ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    a %= P;
    int64_t h = neg ? -int64_t(a) : int64_t(a);
    return h == -1 ? -2 : h;
}

inline int64_t strHash(std::string_view s) {
    uint64_t h = 14695981039346656037ull;   // FNV-1a (placeholder)
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    int64_t r = int64_t(h >> 1);
    return r == -1 ? -2 : r;
}

int64_t floatHash(double d);
int64_t tupleHash(std::span<const int64_t> hashes);

}  // namespace aw::vm::hashing
