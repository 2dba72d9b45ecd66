#pragma once
// MT19937 exactly as CPython's Modules/_randommodule.c: init_genrand,
// init_by_array and genrand_uint32, plus the seeding of random.seed(int)
// (the absolute value split into 32-bit words, least significant first;
// seed(0) uses the key [0]). random.Random builds on this (random_algorithms.h).

#include <array>
#include <cstdint>
#include <span>

namespace aw::rt {

class MersenneTwister {
public:
    static constexpr int kN = 624;
    static constexpr int kM = 397;

    // The internal state as random.getstate()[1] shows it: 624 words and the
    // index of the next word to temper (624 = regenerate first).
    struct State {
        std::array<uint32_t, kN> mt{};
        uint32_t index = kN;
        bool operator==(const State&) const = default;
    };

    MersenneTwister() { seedUnsigned(0); }

    void initGenrand(uint32_t s);
    void initByArray(std::span<const uint32_t> key);
    // random_seed for a non-negative integer (CPython seeds with |a|).
    void seedUnsigned(uint64_t magnitude);

    uint32_t genrandUint32();
    // random.random(): 53 random bits from two words.
    double random53();

    const State& state() const { return m_state; }
    void setState(const State& s) { m_state = s; }

private:
    State m_state;
};

}  // namespace aw::rt
