// CPython's numeric and tuple hashes (Python/pyhash.c, Objects/tupleobject.c).
#include "core/vm/hash_placeholder.h"

#include <cmath>

namespace aw::vm::hashing {

int64_t floatHash(double v) {
    constexpr int kBits = 61;
    constexpr uint64_t kMod = (uint64_t(1) << kBits) - 1;
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & kMod) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= kMod) x -= kMod;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kMod) | x >> (kBits - e);
    int64_t r = int64_t(x) * sign;
    return r == -1 ? -2 : r;
}

int64_t tupleHash(std::span<const int64_t> hashes) {
    constexpr uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (int64_t h : hashes) {
        acc += uint64_t(h) * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += uint64_t(hashes.size()) ^ (P5 ^ 3527539UL);
    if (acc == uint64_t(-1)) return 1546275796;
    return int64_t(acc);
}

}  // namespace aw::vm::hashing
