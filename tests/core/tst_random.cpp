// random.Random against CPython 3.11: every expected number was printed by
// python3 (random.Random(seed) and the same calls in the same order).

#include "core/runtime/float_format.h"
#include "core/runtime/hashing.h"
#include "core/runtime/random_algorithms.h"

#include <QTest>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

using namespace aw::rt;

using DoubleList = std::vector<double>;
using IntList = std::vector<qlonglong>;
using UIntList = std::vector<qulonglong>;
Q_DECLARE_METATYPE(DoubleList)
Q_DECLARE_METATYPE(IntList)
Q_DECLARE_METATYPE(UIntList)

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
template <typename T>
std::vector<qlonglong> asList(const std::vector<T>& v)
{
    return std::vector<qlonglong>(v.begin(), v.end());
}
}  // namespace

class TestRandom : public QObject {
    Q_OBJECT

private slots:
    void testRandom_data()
    {
        QTest::addColumn<qlonglong>("seed");
        QTest::addColumn<DoubleList>("expected");
        auto row = [](const char* name, qlonglong seed, DoubleList v) { QTest::newRow(name) << seed << v; };
    row("seed 0", 0LL, DoubleList{0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2, 0x1.092178fb945a6p-2, 0x1.05c5ccdf19707p-1});
    row("seed 1", 1LL, DoubleList{0x1.132d8f91b7584p-3, 0x1.b1e2d5b3584f8p-1, 0x1.870d778409f13p-1, 0x1.0530d08f17f5cp-2, 0x1.fb5355e16737ap-2});
    row("seed 42", 42LL, DoubleList{0x1.4762f307200c5p-1, 0x1.99c6b5eeb2060p-6, 0x1.19a1491f589dcp-2, 0x1.c922b623b8c1cp-3, 0x1.7912c1468f47ep-1});
    row("seed 1099511627776", 1099511627776LL, DoubleList{0x1.a881d8b4d9a60p-4, 0x1.5753194433dafp-1, 0x1.b4e4e38637f14p-2, 0x1.8d094bb31722ep-2, 0x1.40c2cde3de5bbp-1});
    row("seed -3", -3LL, DoubleList{0x1.e759ff97b7508p-3, 0x1.16a5368858d8dp-1, 0x1.7ad586f53dadep-2, 0x1.353501de56e4ap-1, 0x1.405e69652cae3p-1});
    row("seed 9223372036854775807", 9223372036854775807LL, DoubleList{0x1.443e8e5409ca6p-2, 0x1.43346b887de9dp-1, 0x1.9b6b765f6b847p-1, 0x1.d058d20dfba84p-2, 0x1.e83c5ee300a8ap-2});
    row("seed 4294967296", 4294967296LL, DoubleList{0x1.ced31cb3df170p-4, 0x1.abdb5477a4f26p-2, 0x1.1139c02ebd380p-6, 0x1.39338e3811e8ep-1, 0x1.9c7dc430ca10dp-1});
    }
    void testRandom()
    {
        QFETCH(qlonglong, seed);
        QFETCH(DoubleList, expected);
        Random r;
        r.seed(seed);
        for (double want : expected)
            QCOMPARE(r.random(), want);
    }

    void testRandint_data()
    {
        QTest::addColumn<qlonglong>("seed");
        QTest::addColumn<qlonglong>("a");
        QTest::addColumn<qlonglong>("b");
        QTest::addColumn<IntList>("expected");
        auto row = [](const char* name, qlonglong seed, qlonglong a, qlonglong b, IntList v) {
            QTest::newRow(name) << seed << a << b << v;
        };
    row("seed 0", 0LL, 1, 10, IntList{7, 7, 1, 5, 9, 8, 7, 5, 8, 6, 10, 4, 9, 3, 5, 3, 2, 10, 5, 9});
    row("seed 1", 1LL, 1, 10, IntList{3, 10, 2, 5, 2, 8, 8, 8, 7, 4, 2, 8, 1, 7, 7, 10, 1, 8, 5, 4});
    row("seed 42", 42LL, 1, 10, IntList{2, 1, 5, 4, 4, 3, 2, 9, 2, 10, 7, 1, 1, 2, 4, 4, 9, 10, 1, 9});
    row("seed 1099511627776", 1099511627776LL, 1, 10, IntList{2, 6, 2, 7, 1, 7, 7, 9, 2, 7, 9, 6, 7, 5, 1, 7, 8, 6, 1, 4});
    row("seed 0 [-1000000, 1000000]", 0LL, -1000000LL, 1000000LL, IntList{770880LL, -192083LL, 589545LL, 866976LL, -117998LL, -915099LL, -457013LL, 72220LL});
    row("seed 7 [0, 1]", 7LL, 0LL, 1LL, IntList{1LL, 0LL, 1LL, 0LL, 0LL, 0LL, 1LL, 0LL});
    row("seed 9 [5, 5]", 9LL, 5LL, 5LL, IntList{5LL, 5LL, 5LL, 5LL, 5LL, 5LL, 5LL, 5LL});
    row("seed 3 [-4611686018427387904, 4611686018427387904]", 3LL, -4611686018427387904LL, 4611686018427387904LL, IntList{-2205810087521248438LL, 4133058292938866941LL, 4044122895769952169LL, -1074631710152516301LL, 2714153809649748144LL, -333480201020322747LL, -1814746945394689409LL, 2581376845810185264LL});
    row("seed 5 [0, 9223372036854775807]", 5LL, 0LL, 9223372036854775807LL, IntList{4712128852136459333LL, 6613812840851947673LL, 4594210616595436404LL, 956523682424107605LL, 2893396244277848635LL, 6858376947525423350LL, 7023743836218156456LL, 1881095652490078568LL});
    row("seed 11 [-9223372036854775808, 9223372036854775806]", 11LL, INT64_MIN, 9223372036854775806LL, IntList{6746754309487011181LL, 6582960470780362279LL, 5187557457942614157LL, -888536827832248383LL, 6549435970184405693LL, -5720297781732648398LL, 5605971261777110648LL, -447089437431795262LL});
    }
    void testRandint()
    {
        QFETCH(qlonglong, seed);
        QFETCH(qlonglong, a);
        QFETCH(qlonglong, b);
        QFETCH(IntList, expected);
        Random r;
        r.seed(seed);
        for (qlonglong want : expected) {
            const auto got = r.randint(a, b);
            QVERIFY(got.ok());
            QCOMPARE(qlonglong(got.value), want);
        }
    }

    void testGetrandbits_data()
    {
        QTest::addColumn<qlonglong>("seed");
        QTest::addColumn<int>("k");
        QTest::addColumn<UIntList>("expected");
        auto row = [](const char* name, qlonglong seed, int k, UIntList v) { QTest::newRow(name) << seed << k << v; };
    row("seed 0 k=1", 0LL, 1, UIntList{1ULL, 0ULL, 1ULL, 1ULL});
    row("seed 0 k=8", 0LL, 8, UIntList{216ULL, 98ULL, 194ULL, 227ULL});
    row("seed 0 k=32", 0LL, 32, UIntList{3626764237ULL, 1654615998ULL, 3255389356ULL, 3823568514ULL});
    row("seed 1 k=33", 1LL, 33, UIntList{4872057333ULL, 7934667487ULL, 3280387012ULL, 1095513148ULL});
    row("seed 42 k=53", 42LL, 53, UIntList{1002783120652701ULL, 6679292727990993ULL, 2205789010285143ULL, 1256845828445918ULL});
    row("seed 42 k=64", 42LL, 64, UIntList{2053695854357871005ULL, 13679192365072849617ULL, 4517457392071889495ULL, 2574020394472462046ULL});
    row("seed 1099511627776 k=63", 1099511627776LL, 63, UIntList{3257907413730729345ULL, 605652771721022635ULL, 448091964139190505ULL, 3681449610481652453ULL});
    row("seed 5 k=0", 5LL, 0, UIntList{0ULL, 0ULL, 0ULL, 0ULL});
    }
    void testGetrandbits()
    {
        QFETCH(qlonglong, seed);
        QFETCH(int, k);
        QFETCH(UIntList, expected);
        Random r;
        r.seed(seed);
        for (qulonglong want : expected)
            QCOMPARE(qulonglong(r.getrandbits(k).value), want);
    }

    // One generator through every method, in the order of the python3 run:
    // each call must consume exactly CPython's words for the next to agree.
    void testMixedCalls()
    {
        Random r;   // seeded with 0 like the simulated world's module
        QCOMPARE(r.randint(1, 10).value, int64_t(7));
        std::vector<int> v(10);
        std::iota(v.begin(), v.end(), 0);
        r.shuffle(std::span<int>(v));
        QCOMPARE(v, (std::vector<int>{8, 9, 1, 2, 5, 3, 7, 4, 0, 6}));
        QCOMPARE(asList(r.sampleIndices(100, 5).value), (IntList{74, 27, 64, 17, 36}));
        QCOMPARE(asList(r.sampleIndices(10000, 12).value),
                 (IntList{2289, 1553, 4104, 8725, 9861, 2407, 5081, 1618, 1208, 5409, 7735, 9171}));
        QCOMPARE(asList(r.sampleIndices(20, 20).value),
                 (IntList{3, 11, 13, 10, 6, 8, 7, 17, 14, 4, 0, 18, 9, 12, 5, 19, 15, 2, 1, 16}));
        QCOMPARE(r.choiceIndex(7).value, size_t(1));
        QCOMPARE(q(floatRepr(r.uniform(1.0, 3.0))), QStringLiteral("2.46055715270645"));
        QCOMPARE(r.randrange(0, 100, 5).value, int64_t(10));
        QCOMPARE(r.randrange(50, -50, -7).value, int64_t(29));
        QCOMPARE(r.randrange(17).value, int64_t(7));
        QCOMPARE(q(floatRepr(r.gauss(10.0, 2.0))), QStringLiteral("10.374245795599618"));
        QCOMPARE(q(floatRepr(r.gauss(10.0, 2.0))), QStringLiteral("15.223215054512096"));   // the cached twin
        QCOMPARE(q(floatRepr(r.normalvariate(0.0, 1.0))), QStringLiteral("0.9421813941891227"));
        QCOMPARE(q(floatRepr(r.expovariate(0.5).value)), QStringLiteral("0.16773262354336582"));
        QCOMPARE(q(floatRepr(r.triangular(1.0, 5.0))), QStringLiteral("2.6001365058582864"));
        QCOMPARE(q(floatRepr(r.triangular(1.0, 5.0, 4.0))), QStringLiteral("3.468863647560733"));
        QCOMPARE(asList(r.choicesIndices(6, 5)), (IntList{5, 0, 3, 4, 3}));
        const std::vector<double> cum{1, 1, 6, 8};   // accumulate([1, 0, 5, 2])
        QCOMPARE(asList(r.choicesCumulative(4, cum, 6).value), (IntList{3, 2, 3, 2, 2, 2}));
        QCOMPARE(q(floatRepr(r.random())), QStringLiteral("0.5962868615831063"));
    }

    void testSeeds()
    {
        Random a;
        a.seed(-5);
        Random b;
        b.seed(5);
        QCOMPARE(a.random(), b.random());   // seed(a) uses abs(a)

        // random.seed(1.5) seeds with hash(1.5); seed(-2.5) with hash(-2.5) as size_t.
        Random f;
        f.seedFromHash(hashFloat(1.5));
        QCOMPARE(q(floatRepr(f.random())), QStringLiteral("0.551763726942059"));
        f.seedFromHash(hashFloat(-2.5));
        QCOMPARE(q(floatRepr(f.random())), QStringLiteral("0.4779490710306722"));

        // random.seed(2**100 + 12345): 32-bit words, least significant first.
        const uint32_t key[] = {12345, 0, 0, 16};
        Random big;
        big.seedWords(key);
        QCOMPARE(q(floatRepr(big.random())), QStringLiteral("0.44487310994347073"));

        // random.seed("...") (version 2): int.from_bytes(s + sha512(s).digest()).
        Random t;
        t.seedBytes("hello");
        QCOMPARE(q(floatRepr(t.random())), QStringLiteral("0.3537754404730722"));
        t.seedBytes("");
        QCOMPARE(q(floatRepr(t.random())), QStringLiteral("0.9602256525641875"));
        t.seedBytes(std::string_view("\0\0a", 3));   // leading zero bytes
        QCOMPARE(q(floatRepr(t.random())), QStringLiteral("0.06358542558516034"));
        t.seedBytes("h\xc3\xa9llo \xf0\x9f\x98\x80");
        QCOMPARE(q(floatRepr(t.random())), QStringLiteral("0.18515051922644166"));
    }

    void testState()
    {
        Random r;
        r.seed(int64_t(1) << 40);
        r.random();
        const Random::State s = r.getstate();
        // random.Random(2**40); random(); getstate()[1][-1], [0], [623]
        QCOMPARE(s.mt.index, uint32_t(2));
        QCOMPARE(s.mt.mt[0], uint32_t(2201758758u));
        QCOMPARE(s.mt.mt[623], uint32_t(1479331208u));
        const double next = r.random();
        r.gauss();
        r.setstate(s);
        QCOMPARE(r.random(), next);
        QVERIFY(!r.getstate().gaussNext);
    }

    void testErrors()
    {
        Random r;
        auto expectError = [](const auto& res, const char* type, const char* message) {
            QVERIFY(!res.ok());
            QCOMPARE(q(res.error->type), QString::fromUtf8(type));
            QCOMPARE(q(res.error->message), QString::fromUtf8(message));
        };
        expectError(r.randrange(0), "ValueError", "empty range for randrange()");
        expectError(r.randrange(-5), "ValueError", "empty range for randrange()");
        expectError(r.randrange(5, 5), "ValueError", "empty range for randrange() (5, 5, 0)");
        expectError(r.randrange(5, 3), "ValueError", "empty range for randrange() (5, 3, -2)");
        expectError(r.randrange(1, 10, 0), "ValueError", "zero step for randrange()");
        expectError(r.randrange(10, 1, 1), "ValueError", "empty range for randrange() (10, 1, -9)");
        expectError(r.randrange(1, 10, -1), "ValueError", "empty range for randrange()");
        expectError(r.randrange(0, 0, 5), "ValueError", "empty range for randrange()");
        expectError(r.randrange(10, std::nullopt, 2), "TypeError", "Missing a non-None stop argument");
        expectError(r.randint(3, 1), "ValueError", "empty range for randrange() (3, 2, -1)");
        expectError(r.getrandbits(-1), "ValueError", "number of bits must be non-negative");
        expectError(r.choiceIndex(0), "IndexError", "Cannot choose from an empty sequence");
        expectError(r.sampleIndices(3, 4), "ValueError", "Sample larger than population or is negative");
        expectError(r.sampleIndices(3, -1), "ValueError", "Sample larger than population or is negative");
        const std::vector<double> zero{0, 0};
        expectError(r.choicesCumulative(2, zero, 1), "ValueError", "Total of weights must be greater than zero");
        const std::vector<double> one{1};
        expectError(r.choicesCumulative(2, one, 1), "ValueError", "The number of weights does not match the population");
        expectError(r.expovariate(0.0), "ZeroDivisionError", "float division by zero");
        QVERIFY(r.getrandbits(65).error.has_value());
    }
};

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
