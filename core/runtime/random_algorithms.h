#pragma once
// random.Random of CPython 3.11 (Lib/random.py over _randommodule.c) on the
// engine's 64-bit ints, so a seeded script draws exactly CPython's numbers:
//
//   Random r; r.seed(0);
//   r.randint(1, 10).value == 7     (random.seed(0); random.randint(1, 10))
//
// Sequence methods work on indices so the VM keeps its own objects:
//   choice(seq)           -> seq[*choiceIndex(len(seq)).value]
//   shuffle(list)         -> shuffle(span) below (any element type)
//   sample(pop, k)        -> [pop[i] for i in sampleIndices(len(pop), k)]
//   choices(pop, k=k)     -> [pop[i] for i in choicesIndices(len(pop), k)]
//   choices(pop, weights) -> cumulative weights -> choicesCumulative(...)
// Errors are values with CPython's exception type and message; the checks
// on argument TYPES (a float passed to randrange, ...) are the caller's.

#include "core/runtime/mersenne.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aw::rt {

struct RandomError {
    std::string type;      // "ValueError", "IndexError", "TypeError", "OverflowError", ...
    std::string message;
    bool operator==(const RandomError&) const = default;
};

template <typename T>
struct RandomResult {
    T value{};
    std::optional<RandomError> error;
    bool ok() const { return !error; }
};

class Random {
public:
    // random.getstate(): (3, (*mt, index), gauss_next).
    struct State {
        MersenneTwister::State mt;
        std::optional<double> gaussNext;
        bool operator==(const State&) const = default;
    };

    // The simulated world seeds the module with 0 (WORLD.md).
    Random() { seed(0); }

    // random.seed(a) for an int or bool a: seeds with |a|.
    void seed(int64_t a);
    // random.seed(x) for a float (or any other hashable non-int): CPython
    // seeds with hash(x) reinterpreted as an unsigned size_t (no abs()).
    void seedFromHash(int64_t hash);
    // init_by_array with a caller-built key (ints wider than 64 bits);
    // an empty key means 0.
    void seedWords(std::span<const uint32_t> key);
    // random.seed(s) for a str (pass its UTF-8) or bytes: random.py's
    // version-2 seeding, int.from_bytes(s + sha512(s).digest()).
    void seedBytes(std::string_view bytes);

    State getstate() const { return {m_mt.state(), m_gaussNext}; }
    void setstate(const State& s);

    double random() { return m_mt.random53(); }
    // getrandbits(k) for 0 <= k <= 64 (the engine has no wider ints):
    // ValueError "number of bits must be non-negative"; k > 64 is an
    // OverflowError naming the engine's limit.
    RandomResult<uint64_t> getrandbits(int64_t k);
    // _randbelow_with_getrandbits: k = n.bit_length(), draw until < n.
    // n == 0 returns 0 without drawing.
    uint64_t randbelow(uint64_t n);

    // randrange(start[, stop[, step]]): nullopt = the argument was not given
    // (stop=None, step=_ONE), with random.py's checks and messages.
    RandomResult<int64_t> randrange(int64_t start, std::optional<int64_t> stop = std::nullopt,
                                    std::optional<int64_t> step = std::nullopt);
    RandomResult<int64_t> randint(int64_t a, int64_t b);
    double uniform(double a, double b) { return a + (b - a) * random(); }
    // IndexError "Cannot choose from an empty sequence" when n == 0.
    RandomResult<size_t> choiceIndex(size_t n);
    // ValueError "Sample larger than population or is negative".
    RandomResult<std::vector<size_t>> sampleIndices(size_t n, int64_t k);
    // choices(population, k=k) without weights.
    std::vector<size_t> choicesIndices(size_t n, int64_t k);
    // choices with cumulative weights (accumulate weights first, as random.py
    // does); errors as random.py: count mismatch, total <= 0, non-finite total.
    RandomResult<std::vector<size_t>> choicesCumulative(size_t n, std::span<const double> cumWeights, int64_t k);

    template <typename T>
    void shuffle(std::span<T> x)
    {
        // Fisher-Yates from the end: x[i] swaps with x[randbelow(i + 1)].
        for (size_t i = x.size(); i-- > 1;) {
            const size_t j = static_cast<size_t>(randbelow(i + 1));
            std::swap(x[i], x[j]);
        }
    }

    double gauss(double mu = 0.0, double sigma = 1.0);
    double normalvariate(double mu = 0.0, double sigma = 1.0);
    // ZeroDivisionError "float division by zero" when lambd == 0.
    RandomResult<double> expovariate(double lambd);
    // mode nullopt = None.
    double triangular(double low = 0.0, double high = 1.0, std::optional<double> mode = std::nullopt);

private:
    MersenneTwister m_mt;
    std::optional<double> m_gaussNext;
};

}  // namespace aw::rt
