#include "core/runtime/hashing.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace aw::rt {

namespace {

inline uint64_t rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

// siphash13 from Python/pyhash.c (1 compression round, 3 finalisation rounds).
uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char* in, size_t size)
{
    uint64_t b = static_cast<uint64_t>(size) << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    auto halfRound = [](uint64_t& a, uint64_t& bb, uint64_t& c, uint64_t& d, int s, int t) {
        a += bb;
        c += d;
        bb = rotl(bb, s) ^ a;
        d = rotl(d, t) ^ c;
        a = rotl(a, 32);
    };
    auto singleRound = [&]() {
        halfRound(v0, v1, v2, v3, 13, 16);
        halfRound(v2, v1, v0, v3, 17, 21);
    };
    while (size >= 8) {
        uint64_t mi = 0;
        for (int i = 7; i >= 0; --i)
            mi = (mi << 8) | in[i];   // little-endian load
        in += 8;
        size -= 8;
        v3 ^= mi;
        singleRound();
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = size; i-- > 0;)
        t = (t << 8) | in[i];
    b |= t;
    v3 ^= b;
    singleRound();
    v0 ^= b;
    v2 ^= 0xff;
    singleRound();
    singleRound();
    singleRound();
    return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t hashBuffer(const unsigned char* data, size_t size)
{
    if (size == 0)
        return 0;
    // PYTHONHASHSEED=0: the secret (k0, k1) is all zeros.
    const int64_t x = static_cast<int64_t>(siphash13(0, 0, data, size));
    return x == -1 ? -2 : x;
}

std::u32string decode(std::string_view s)
{
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        char32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : extra == 1 ? (c & 0x1F) : c;
        if (extra != 0 && i + size_t(extra) >= s.size()) {
            extra = 0;
            cp = c;
        }
        for (int k = 1; k <= extra; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += size_t(extra) + 1;
    }
    return out;
}

}  // namespace

int64_t hashInt(int64_t v)
{
    // long_hash: |v| mod (2**61 - 1), with the sign put back; -1 is reserved.
    const uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    int64_t x = static_cast<int64_t>(mag % kHashModulus);
    if (v < 0)
        x = -x;
    return x == -1 ? -2 : x;
}

int64_t hashBool(bool b)
{
    return b ? 1 : 0;
}

int64_t hashNone()
{
    return 0xFCA86420;
}

// _Py_HashDouble from Python/pyhash.c.
int64_t hashFloat(double v, int64_t nanHash)
{
    if (std::isinf(v))
        return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v))
        return nanHash;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // 28 bits at a time, reducing modulo 2**61 - 1 as we go.
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;   // 2**28
        e -= 28;
        const uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus)
            x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    if (x == static_cast<uint64_t>(-1))
        x = static_cast<uint64_t>(-2);
    return static_cast<int64_t>(x);
}

int64_t hashStr(std::string_view utf8)
{
    bool ascii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return hashBuffer(reinterpret_cast<const unsigned char*>(utf8.data()), utf8.size());
    const std::u32string cps = decode(utf8);
    char32_t maxChar = 0;
    for (char32_t c : cps)
        maxChar = c > maxChar ? c : maxChar;
    const int kind = maxChar < 0x100 ? 1 : maxChar < 0x10000 ? 2 : 4;
    std::vector<unsigned char> buf;
    buf.reserve(cps.size() * size_t(kind));
    for (char32_t c : cps)
        for (int i = 0; i < kind; ++i)
            buf.push_back(static_cast<unsigned char>((c >> (8 * i)) & 0xFF));   // native little-endian
    return hashBuffer(buf.data(), buf.size());
}

int64_t hashBytes(std::string_view bytes)
{
    return hashBuffer(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

// tuplehash from Objects/tupleobject.c (xxHash's round, 64-bit primes).
int64_t hashTuple(std::span<const int64_t> itemHashes)
{
    constexpr uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr uint64_t kPrime5 = 2870177450012600261ULL;
    uint64_t acc = kPrime5;
    for (int64_t h : itemHashes) {
        const uint64_t lane = static_cast<uint64_t>(h);
        acc += lane * kPrime2;
        acc = rotl(acc, 31);
        acc *= kPrime1;
    }
    // The length, mangled to keep the historical hash(()).
    acc += static_cast<uint64_t>(itemHashes.size()) ^ (kPrime5 ^ 3527539ULL);
    if (acc == static_cast<uint64_t>(-1))
        return 1546275796;
    return static_cast<int64_t>(acc);
}

}  // namespace aw::rt
