#include "core/runtime/mersenne.h"

#include <algorithm>

namespace aw::rt {

namespace {
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

void MersenneTwister::initGenrand(uint32_t s)
{
    auto& mt = m_state.mt;
    mt[0] = s;
    for (uint32_t i = 1; i < kN; ++i)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    m_state.index = kN;
}

void MersenneTwister::initByArray(std::span<const uint32_t> key)
{
    auto& mt = m_state.mt;
    initGenrand(19650218U);
    const size_t keyLength = key.size();
    size_t i = 1;
    size_t j = 0;
    for (size_t k = std::max<size_t>(kN, keyLength); k != 0; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
        if (j >= keyLength)
            j = 0;
    }
    for (size_t k = kN - 1; k != 0; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;   // MSB is 1: a non-zero initial array
}

void MersenneTwister::seedUnsigned(uint64_t magnitude)
{
    // As many 32-bit words as the number needs (at least one), low word first.
    const uint32_t words[2] = {static_cast<uint32_t>(magnitude), static_cast<uint32_t>(magnitude >> 32)};
    initByArray(std::span<const uint32_t>(words, (magnitude >> 32) != 0 ? 2 : 1));
}

uint32_t MersenneTwister::genrandUint32()
{
    auto& mt = m_state.mt;
    static constexpr uint32_t mag01[2] = {0x0U, kMatrixA};
    uint32_t y;
    if (m_state.index >= kN) {   // generate N words at one time
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
            mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < kN - 1; ++kk) {
            y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
            mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[kN - 1] & kUpperMask) | (mt[0] & kLowerMask);
        mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        m_state.index = 0;
    }
    y = mt[m_state.index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double MersenneTwister::random53()
{
    const uint32_t a = genrandUint32() >> 5;
    const uint32_t b = genrandUint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

}  // namespace aw::rt
