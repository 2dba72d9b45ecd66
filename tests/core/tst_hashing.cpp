// hash() against CPython 3.11 run with PYTHONHASHSEED=0 (the seed the
// conformance oracle pins): every expected value was printed by
//   PYTHONHASHSEED=0 python3 -c "print(hash(x))"

#include "core/runtime/hashing.h"

#include <QTest>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace aw::rt;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

using HashList = std::vector<qlonglong>;
Q_DECLARE_METATYPE(HashList)

class TestHashing : public QObject {
    Q_OBJECT

private slots:
    void testStr_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<qlonglong>("expected");
        auto row = [](const char* name, const char* s, qlonglong h) {
            // QByteArray(s, -1) would stop at an embedded NUL: keep the length.
            QTest::newRow(name) << QByteArray(s, qsizetype(std::char_traits<char>::length(s))) << h;
        };
    row("''", "", 0LL);
    row("'a'", "a", 4644417185603328019LL);
    row("'abc'", "abc", -4594863902769663758LL);
    row("'hello'", "hello", -2096571579003691106LL);
    row("'abcdefg'", "abcdefg", 7904145750247929094LL);
    row("'abcdefgh'", "abcdefgh", 4574395652268504554LL);
    row("'abcdefghi'", "abcdefghi", -532774252720507163LL);
    row("'hello world, this is longer'", "hello world, this is longer", -3483295518001240135LL);
    row("'\xc3\xa9'", "\xc3\xa9", 6047309291227476195LL);
    row("'caf\xc3\xa9'", "caf\xc3\xa9", 137524001917817222LL);
    row("'\xc3\xbf\xc3\xbf\xc3\xbf'", "\xc3\xbf\xc3\xbf\xc3\xbf", 2545130394888487330LL);
    row("'\\x80'", "\xc2\x80", 6142462278820401560LL);
    row("'na\xc3\xafve r\xc3\xa9sum\xc3\xa9'", "na\xc3\xafve r\xc3\xa9sum\xc3\xa9", -5889464207649980233LL);
    row("'\xce\xa9'", "\xce\xa9", -4435444875665441047LL);
    row("'\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82'", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", 6189344271877762759LL);
    row("'\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6'", "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6", -2414860384811548045LL);
    row("'\\uffff'", "\xef\xbf\xbf", 2147057924765956750LL);
    row("'a\xce\xa9'", "a\xce\xa9", 7060290879168968423LL);
    row("'\xc3\xa9\xe4\xb8\xad'", "\xc3\xa9\xe4\xb8\xad", 8304651769365235102LL);
    row("'\xf0\x9f\x98\x80'", "\xf0\x9f\x98\x80", -3536540696076613844LL);
    row("'a\xf0\x9f\x98\x80'", "a\xf0\x9f\x98\x80", -6970120874385731343LL);
    row("'\xc3\xa9\xf0\x9f\x98\x80\xe4\xb8\xad'", "\xc3\xa9\xf0\x9f\x98\x80\xe4\xb8\xad", 1365841732944986572LL);
    row("'\\U0010ffff'", "\xf4\x8f\xbf\xbf", 4658154726633327932LL);
    row("'\xf0\x9d\x84\x9e music'", "\xf0\x9d\x84\x9e music", 8261207822866052671LL);
    row("'task-1'", "task-1", -8714898817795910723LL);
    row("'task-2'", "task-2", -7734266182306464366LL);
    row("'fetch'", "fetch", -1753453015618826317LL);
    row("'x'", "x", -3368204716105132637LL);
    row("'y'", "y", 5356863688430645057LL);
    row("'z'", "z", -2334729728626958586LL);
    row("'0'", "0", 5313149338359954478LL);
        // Embedded NULs (the rows above cannot carry them through a C string).
        QTest::newRow("'\\x00'") << QByteArray("\0", 1) << 7541581120933061747LL;
        QTest::newRow("'a\\x00b'") << QByteArray("a\0b", 3) << -2562947060344435835LL;
    }
    void testStr()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(qlonglong, expected);
        QCOMPARE(qlonglong(hashStr(std::string_view(utf8.constData(), size_t(utf8.size())))), expected);
    }

    void testInt_data()
    {
        QTest::addColumn<qlonglong>("value");
        QTest::addColumn<qlonglong>("expected");
        auto row = [](const char* name, qlonglong v, qlonglong h) { QTest::newRow(name) << v << h; };
    row("0", 0LL, 0LL);
    row("1", 1LL, 1LL);
    row("-1", -1LL, -2LL);
    row("-2", -2LL, -2LL);
    row("2", 2LL, 2LL);
    row("42", 42LL, 42LL);
    row("-42", -42LL, -42LL);
    row("2305843009213693950", 2305843009213693950LL, 2305843009213693950LL);
    row("2305843009213693951", 2305843009213693951LL, 0LL);
    row("2305843009213693952", 2305843009213693952LL, 1LL);
    row("2305843009213693957", 2305843009213693957LL, 6LL);
    row("-2305843009213693951", -2305843009213693951LL, 0LL);
    row("-2305843009213693952", -2305843009213693952LL, -2LL);
    row("4611686018427387904", 4611686018427387904LL, 2LL);
    row("9223372036854775807", 9223372036854775807LL, 3LL);
    row("-9223372036854775807", -9223372036854775807LL, -3LL);
    row("1000000000000000000", 1000000000000000000LL, 1000000000000000000LL);
    row("-1000000000000000000", -1000000000000000000LL, -1000000000000000000LL);
    row("123456789", 123456789LL, 123456789LL);
    row("-2**63", INT64_MIN, -4LL);
    }
    void testInt()
    {
        QFETCH(qlonglong, value);
        QFETCH(qlonglong, expected);
        QCOMPARE(qlonglong(hashInt(value)), expected);
    }

    void testFloat_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<qlonglong>("expected");
        auto row = [](const char* name, double v, qlonglong h) { QTest::newRow(name) << v << h; };
    row("0.0", 0.0, 0LL);
    row("-0.0", -0.0, 0LL);
    row("1.0", 0x1.0000000000000p+0, 1LL);
    row("-1.0", -0x1.0000000000000p+0, -2LL);
    row("1.5", 0x1.8000000000000p+0, 1152921504606846977LL);
    row("-1.5", -0x1.8000000000000p+0, -1152921504606846977LL);
    row("0.1", 0x1.999999999999ap-4, 230584300921369408LL);
    row("0.5", 0x1.0000000000000p-1, 1152921504606846976LL);
    row("2.0", 0x1.0000000000000p+1, 2LL);
    row("3.141592653589793", 0x1.921fb54442d18p+1, 326490430436040707LL);
    row("1e+100", 0x1.249ad2594c37dp+332, 1822893315824342674LL);
    row("-1e+100", -0x1.249ad2594c37dp+332, -1822893315824342674LL);
    row("1e-300", 0x1.56e1fc2f8f359p-997, 482449582752280463LL);
    row("5e-324", 0x0.0000000000001p-1022, 16777216LL);
    row("1.7976931348623157e+308", 0x1.fffffffffffffp+1023, 2234066890152476671LL);
    row("inf", kInf, 314159LL);
    row("-inf", -kInf, -314159LL);
    row("2.305843009213694e+18", 0x1.0000000000000p+61, 1LL);
    row("4.611686018427388e+18", 0x1.0000000000000p+62, 2LL);
    row("9.223372036854776e+18", 0x1.0000000000000p+63, 4LL);
    row("-9.223372036854776e+18", -0x1.0000000000000p+63, -4LL);
    row("123456.789", 0x1.e240c9fbe76c9p+16, 1819310134279660096LL);
    row("1e+16", 0x1.1c37937e08000p+53, 10000000000000000LL);
    row("9.313225746154785e-10", 0x1.0000000000000p-30, 2147483648LL);
    }
    void testFloat()
    {
        QFETCH(double, value);
        QFETCH(qlonglong, expected);
        QCOMPARE(qlonglong(hashFloat(value)), expected);
    }

    void testTuple_data()
    {
        QTest::addColumn<HashList>("items");
        QTest::addColumn<qlonglong>("expected");
        auto row = [](const char* name, HashList items, qlonglong h) { QTest::newRow(name) << items << h; };
    row("()", {}, 5740354900026072187LL);
    row("(1,)", {1LL}, -6644214454873602895LL);
    row("(1, 2)", {1LL, 2LL}, -3550055125485641917LL);
    row("(1, 2, 3)", {1LL, 2LL, 3LL}, 529344067295497451LL);
    row("('a', 'b')", {4644417185603328019LL, -8420940591063670578LL}, 7372137184884179083LL);
    row("('a', 1, 2.5)", {4644417185603328019LL, 1LL, 1152921504606846978LL}, -6833572455077009836LL);
    row("((1, 2), 3)", {-3550055125485641917LL, 3LL}, -333907151259015829LL);
    row("(True, False)", {1LL, 0LL}, -5164621852614943976LL);
    row("(-1,)", {-2LL}, 8078679518589016365LL);
    row("(-2,)", {-2LL}, 8078679518589016365LL);
    row("(0, 0, 0, 0, 0, 0, 0, 0)", {0LL, 0LL, 0LL, 0LL, 0LL, 0LL, 0LL, 0LL}, 8326817289769895837LL);
    row("('hello', 'world', '\xc3\xa9\xf0\x9f\x98\x80')", {-2096571579003691106LL, -475782244006751628LL, 1061598798836596153LL}, 4379690644977608605LL);
    }
    void testTuple()
    {
        QFETCH(HashList, items);
        QFETCH(qlonglong, expected);
        std::vector<int64_t> hs(items.begin(), items.end());
        QCOMPARE(qlonglong(hashTuple(hs)), expected);
    }

    void testSmallValues()
    {
        QCOMPARE(hashBool(true), int64_t(1));
        QCOMPARE(hashBool(false), int64_t(0));
        QCOMPARE(hashBool(true), hashInt(1));
        QCOMPARE(hashFloat(7.0), hashInt(7));            // 7 == 7.0 so their hashes agree
        QCOMPARE(hashFloat(-1.0), int64_t(-2));          // -1 is reserved
        QCOMPARE(hashFloat(std::numeric_limits<double>::quiet_NaN(), 99), int64_t(99));
        QCOMPARE(hashNone(), int64_t(0xFCA86420));
        QCOMPARE(hashBytes("abc"), hashStr("abc"));      // ASCII str hashes as its bytes
        QCOMPARE(hashBytes(""), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestHashing)
#include "tst_hashing.moc"
