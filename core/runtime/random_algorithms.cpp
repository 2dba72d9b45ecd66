#include "core/runtime/random_algorithms.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace aw::rt {

namespace {

using i128 = __int128;

int bitLength(uint64_t n)
{
    int k = 0;
    while (n != 0) {
        ++k;
        n >>= 1;
    }
    return k;
}

// Python's floor division for the randrange arithmetic.
i128 floorDiv(i128 a, i128 b)
{
    i128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::string toString(i128 v)
{
    if (v == 0)
        return "0";
    const bool neg = v < 0;
    unsigned __int128 m = neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    std::string s;
    while (m != 0) {
        s.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
    }
    if (neg)
        s.push_back('-');
    return std::string(s.rbegin(), s.rend());
}

template <typename T>
RandomResult<T> fail(std::string type, std::string message)
{
    RandomResult<T> r;
    r.error = RandomError{std::move(type), std::move(message)};
    return r;
}

template <typename T>
RandomResult<T> okay(T value)
{
    RandomResult<T> r;
    r.value = std::move(value);
    return r;
}

// SHA-512 (FIPS 180-4), only for random.seed(str/bytes), which hashes the
// seed text with hashlib.sha512.
std::array<uint8_t, 64> sha512(std::string_view msg)
{
    static constexpr uint64_t K[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
        0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
        0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
        0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
        0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
        0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
        0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
        0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
        0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
        0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
        0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
        0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
        0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                     0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    auto rotr = [](uint64_t x, int n) { return (x >> n) | (x << (64 - n)); };
    std::string data(msg);
    const uint64_t bitLen = static_cast<uint64_t>(msg.size()) * 8;
    data.push_back(static_cast<char>(0x80));
    while (data.size() % 128 != 112)
        data.push_back('\0');
    data.append(8, '\0');   // the high 64 bits of the 128-bit length
    for (int i = 7; i >= 0; --i)
        data.push_back(static_cast<char>((bitLen >> (8 * i)) & 0xff));
    for (size_t block = 0; block < data.size(); block += 128) {
        uint64_t w[80];
        for (int t = 0; t < 16; ++t) {
            w[t] = 0;
            for (int b = 0; b < 8; ++b)
                w[t] = (w[t] << 8) | static_cast<uint8_t>(data[block + size_t(t * 8 + b)]);
        }
        for (int t = 16; t < 80; ++t) {
            const uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
            const uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 80; ++t) {
            const uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            const uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    std::array<uint8_t, 64> out{};
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 8; ++b)
            out[size_t(i * 8 + b)] = static_cast<uint8_t>(h[i] >> (56 - 8 * b));
    return out;
}

constexpr double kTwoPi = 6.283185307179586;   // random.TWOPI = 2.0 * pi

}  // namespace

void Random::seed(int64_t a)
{
    const uint64_t mag = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    m_mt.seedUnsigned(mag);
    m_gaussNext.reset();
}

void Random::seedFromHash(int64_t hash)
{
    m_mt.seedUnsigned(static_cast<uint64_t>(hash));
    m_gaussNext.reset();
}

void Random::seedWords(std::span<const uint32_t> key)
{
    static constexpr uint32_t zero[1] = {0};
    m_mt.initByArray(key.empty() ? std::span<const uint32_t>(zero) : key);
    m_gaussNext.reset();
}

void Random::seedBytes(std::string_view bytes)
{
    // random.py: a = int.from_bytes(a + sha512(a).digest()) (big-endian),
    // then seed(a): 32-bit words of a, least significant first.
    const std::array<uint8_t, 64> digest = sha512(bytes);
    std::string all(bytes);
    all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    size_t first = 0;
    while (first < all.size() && all[first] == '\0')
        ++first;   // leading zero bytes add no bits
    std::vector<uint32_t> key;
    for (size_t end = all.size(); end > first;) {
        const size_t start = end >= first + 4 ? end - 4 : first;
        uint32_t word = 0;
        for (size_t i = start; i < end; ++i)
            word = (word << 8) | static_cast<uint8_t>(all[i]);
        key.push_back(word);
        end = start;
    }
    seedWords(key);
}

void Random::setstate(const State& s)
{
    m_mt.setState(s.mt);
    m_gaussNext = s.gaussNext;
}

RandomResult<uint64_t> Random::getrandbits(int64_t k)
{
    if (k < 0)
        return fail<uint64_t>("ValueError", "number of bits must be non-negative");
    if (k > 64)
        return fail<uint64_t>("OverflowError", "getrandbits() beyond 64 bits is not supported by this engine");
    if (k == 0)
        return okay<uint64_t>(0);
    if (k <= 32)
        return okay<uint64_t>(m_mt.genrandUint32() >> (32 - k));
    // Little-endian words: the first draw is the least significant word,
    // the last one is cut to the remaining bits.
    const uint64_t low = m_mt.genrandUint32();
    const uint64_t high = m_mt.genrandUint32() >> (64 - k);
    return okay<uint64_t>(low | (high << 32));
}

uint64_t Random::randbelow(uint64_t n)
{
    if (n == 0)
        return 0;
    const int k = bitLength(n);
    uint64_t r = getrandbits(k).value;
    while (r >= n)
        r = getrandbits(k).value;
    return r;
}

RandomResult<int64_t> Random::randrange(int64_t start, std::optional<int64_t> stop, std::optional<int64_t> step)
{
    const i128 istart = start;
    if (!stop) {
        if (step)
            return fail<int64_t>("TypeError", "Missing a non-None stop argument");
        if (istart > 0)
            return okay<int64_t>(static_cast<int64_t>(randbelow(static_cast<uint64_t>(istart))));
        return fail<int64_t>("ValueError", "empty range for randrange()");
    }
    const i128 istop = *stop;
    const i128 width = istop - istart;
    const i128 istep = step ? *step : 1;
    if (istep == 1) {
        if (width > 0)
            return okay<int64_t>(static_cast<int64_t>(istart + static_cast<i128>(randbelow(static_cast<uint64_t>(width)))));
        return fail<int64_t>("ValueError", "empty range for randrange() (" + toString(istart) + ", " + toString(istop) +
                                               ", " + toString(width) + ")");
    }
    i128 n;
    if (istep > 0)
        n = floorDiv(width + istep - 1, istep);
    else if (istep < 0)
        n = floorDiv(width + istep + 1, istep);
    else
        return fail<int64_t>("ValueError", "zero step for randrange()");
    if (n <= 0)
        return fail<int64_t>("ValueError", "empty range for randrange()");
    return okay<int64_t>(static_cast<int64_t>(istart + istep * static_cast<i128>(randbelow(static_cast<uint64_t>(n)))));
}

RandomResult<int64_t> Random::randint(int64_t a, int64_t b)
{
    if (b == INT64_MAX) {
        // randrange(a, b + 1) with b + 1 beyond int64: same draws, wider type.
        const i128 width = static_cast<i128>(b) + 1 - a;
        return okay<int64_t>(static_cast<int64_t>(a + static_cast<i128>(randbelow(static_cast<uint64_t>(width)))));
    }
    return randrange(a, b + 1);
}

RandomResult<size_t> Random::choiceIndex(size_t n)
{
    if (n == 0)
        return fail<size_t>("IndexError", "Cannot choose from an empty sequence");
    return okay<size_t>(static_cast<size_t>(randbelow(n)));
}

RandomResult<std::vector<size_t>> Random::sampleIndices(size_t n, int64_t k)
{
    if (k < 0 || static_cast<uint64_t>(k) > n)
        return fail<std::vector<size_t>>("ValueError", "Sample larger than population or is negative");
    const size_t kk = static_cast<size_t>(k);
    std::vector<size_t> result(kk);
    // random.py compares the population with the memory of a k-element set.
    int64_t setsize = 21;
    if (k > 5)
        setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (static_cast<int64_t>(n) <= setsize) {
        std::vector<size_t> pool(n);
        for (size_t i = 0; i < n; ++i)
            pool[i] = i;
        for (size_t i = 0; i < kk; ++i) {
            const size_t j = static_cast<size_t>(randbelow(n - i));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];   // move the non-selected item into the vacancy
        }
    } else {
        std::vector<size_t> selected;   // a sorted "set" of the indices drawn
        for (size_t i = 0; i < kk; ++i) {
            size_t j = static_cast<size_t>(randbelow(n));
            while (std::binary_search(selected.begin(), selected.end(), j))
                j = static_cast<size_t>(randbelow(n));
            selected.insert(std::lower_bound(selected.begin(), selected.end(), j), j);
            result[i] = j;
        }
    }
    return okay(std::move(result));
}

std::vector<size_t> Random::choicesIndices(size_t n, int64_t k)
{
    std::vector<size_t> out;
    const double nf = static_cast<double>(n);
    for (int64_t i = 0; i < k; ++i)
        out.push_back(static_cast<size_t>(std::floor(random() * nf)));
    return out;
}

RandomResult<std::vector<size_t>> Random::choicesCumulative(size_t n, std::span<const double> cumWeights, int64_t k)
{
    if (cumWeights.size() != n)
        return fail<std::vector<size_t>>("ValueError", "The number of weights does not match the population");
    if (n == 0)
        return fail<std::vector<size_t>>("IndexError", "list index out of range");   // cum_weights[-1]
    const double total = cumWeights.back() + 0.0;
    if (total <= 0.0)
        return fail<std::vector<size_t>>("ValueError", "Total of weights must be greater than zero");
    if (!std::isfinite(total))
        return fail<std::vector<size_t>>("ValueError", "Total of weights must be finite");
    std::vector<size_t> out;
    const auto hiEnd = cumWeights.begin() + static_cast<std::ptrdiff_t>(n - 1);
    for (int64_t i = 0; i < k; ++i) {
        // bisect.bisect(cum_weights, random() * total, 0, n - 1)
        const double x = random() * total;
        out.push_back(static_cast<size_t>(std::upper_bound(cumWeights.begin(), hiEnd, x) - cumWeights.begin()));
    }
    return okay(std::move(out));
}

double Random::gauss(double mu, double sigma)
{
    std::optional<double> z = m_gaussNext;
    m_gaussNext.reset();
    if (!z) {
        const double x2pi = random() * kTwoPi;
        const double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
        z = std::cos(x2pi) * g2rad;
        m_gaussNext = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
}

double Random::normalvariate(double mu, double sigma)
{
    // Kinderman and Monahan; NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0).
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        const double u1 = random();
        const double u2 = 1.0 - random();
        z = magic * (u1 - 0.5) / u2;
        const double zz = z * z / 4.0;
        if (zz <= -std::log(u2))
            break;
    }
    return mu + z * sigma;
}

RandomResult<double> Random::expovariate(double lambd)
{
    const double u = random();
    if (lambd == 0.0)
        return fail<double>("ZeroDivisionError", "float division by zero");
    return okay(-std::log(1.0 - u) / lambd);
}

double Random::triangular(double low, double high, std::optional<double> mode)
{
    double u = random();
    double c = 0.5;
    if (mode) {
        if (high - low == 0.0)
            return low;   // ZeroDivisionError is caught by random.py
        c = (*mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return low + (high - low) * std::sqrt(u * c);
}

}  // namespace aw::rt
