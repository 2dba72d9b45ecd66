// The format-spec mini-language against CPython 3.11: the expected text and
// error messages below were printed by python3's format().

#include "core/runtime/format_spec.h"
#include "core/runtime/float_format.h"
#include "core/runtime/int_format.h"

#include <QTest>
#include <QVariant>

#include <cstdint>
#include <string>

using namespace aw::rt;

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

void addResultColumns()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("errorMessage");
}

void checkResult(const FormatResult& r)
{
    QFETCH(QString, expected);
    QFETCH(QString, errorType);
    QFETCH(QString, errorMessage);
    if (errorType.isEmpty()) {
        QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
        QCOMPARE(q(r.text), expected);
    } else {
        QVERIFY2(!r.ok(), r.text.c_str());
        QCOMPARE(q(r.error->type), errorType);
        QCOMPARE(q(r.error->message), errorMessage);
    }
}

// A miniature of what the VM does for `fmt % args` with positional
// arguments (int, float or str), following the steps in format_spec.h.
FormatResult applyPercent(const QString& fmt, const QVariantList& args)
{
    const PercentFormat pf = parsePercentFormat(fmt.toStdString());
    const FormatError notEnough{"TypeError", "not enough arguments for format string"};
    std::string out;
    qsizetype next = 0;
    auto fetch = [&](QVariant& v) {
        if (next >= args.size())
            return false;
        v = args[next++];
        return true;
    };
    for (const PercentPiece& piece : pf.pieces) {
        if (!piece.spec) {
            out += piece.literal;
            continue;
        }
        PercentSpec spec = *piece.spec;
        if (spec.mapping)
            return FormatResult::fail({"TypeError", "format requires a mapping"});
        QVariant v;
        if (spec.widthFromArg) {
            if (!fetch(v))
                return FormatResult::fail(notEnough);
            setPercentWidthFromArg(spec, v.toLongLong());
        }
        if (spec.precisionFromArg) {
            if (!fetch(v))
                return FormatResult::fail(notEnough);
            setPercentPrecisionFromArg(spec, v.toLongLong());
        }
        if (spec.error)
            return FormatResult::fail(*spec.error);
        if (!fetch(v))
            return FormatResult::fail(notEnough);
        if (!isPercentConversion(spec.conversion))
            return FormatResult::fail(percentUnsupportedCharacter(spec));
        const bool isInt = v.typeId() == QMetaType::LongLong;
        const bool isFloat = v.typeId() == QMetaType::Double;
        switch (spec.conversion) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            out += percentFormatInt(isFloat ? qlonglong(v.toDouble()) : v.toLongLong(), spec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            out += percentFormatFloat(v.toDouble(), spec);
            break;
        case 'c': {
            std::string ch;
            if (isInt)
                utf8Append(ch, char32_t(v.toLongLong()));
            else
                ch = v.toString().toStdString();
            out += percentFormatText(ch, spec);
            break;
        }
        default:   // s r a
            out += percentFormatText(isInt ? std::to_string(v.toLongLong())
                                     : isFloat ? floatRepr(v.toDouble())
                                               : v.toString().toStdString(),
                                     spec);
        }
    }
    if (next < args.size())
        return FormatResult::fail({"TypeError", "not all arguments converted during string formatting"});
    return FormatResult::success(out);
}
}  // namespace

class TestFormatSpec : public QObject {
    Q_OBJECT

private slots:
    void testInt_data()
    {
        QTest::addColumn<qlonglong>("value");
        addResultColumns();
        auto row = [](const char* name, qlonglong v, const char* spec, const char* expected, const char* et,
                      const char* em) {
            QTest::newRow(name) << v << QString::fromUtf8(spec) << QString::fromUtf8(expected)
                                << QString::fromUtf8(et) << QString::fromUtf8(em);
        };
    row("1 'z'", 1LL, "z", "", "ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
    row("1 '.2'", 1LL, ".2", "", "ValueError", "Precision not allowed in integer format specifier");
    row("1 '+c'", 1LL, "+c", "", "ValueError", "Sign not allowed with integer format specifier 'c'");
    row("1 ' c'", 1LL, " c", "", "ValueError", "Sign not allowed with integer format specifier 'c'");
    row("1 '#c'", 1LL, "#c", "", "ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
    row("1 '_c'", 1LL, "_c", "", "ValueError", "Cannot specify '_' with 'c'.");
    row("1 ',c'", 1LL, ",c", "", "ValueError", "Cannot specify ',' with 'c'.");
    row("1 ',x'", 1LL, ",x", "", "ValueError", "Cannot specify ',' with 'x'.");
    row("1 '_x'", 1LL, "_x", "1", "", "");
    row("1 ',n'", 1LL, ",n", "", "ValueError", "Cannot specify ',' with 'n'.");
    row("1 '_n'", 1LL, "_n", "", "ValueError", "Cannot specify '_' with 'n'.");
    row("1 's'", 1LL, "s", "", "ValueError", "Unknown format code 's' for object of type 'int'");
    row("1 'abc'", 1LL, "abc", "", "ValueError", "Invalid format specifier 'abc' for object of type 'int'");
    row("1 '.'", 1LL, ".", "", "ValueError", "Format specifier missing precision");
    row("1 ',_'", 1LL, ",_", "", "ValueError", "Cannot specify both ',' and '_'.");
    row("1 '_,'", 1LL, "_,", "", "ValueError", "Cannot specify both ',' and '_'.");
    row("1 '\xc3\xa9'", 1LL, "\xc3\xa9", "", "ValueError", "Unknown format code '\\xe9' for object of type 'int'");
    row("1 '\\x01'", 1LL, "\x01", "", "ValueError", "Unknown format code '\\x1' for object of type 'int'");
    row("-1 'c'", -1LL, "c", "", "OverflowError", "%c arg not in range(0x110000)");
    row("1114112 'c'", 1114112LL, "c", "", "OverflowError", "%c arg not in range(0x110000)");
    row("65 'c'", 65LL, "c", "A", "", "");
    row("233 'c'", 233LL, "c", "\xc3\xa9", "", "");
    row("128512 '^5c'", 128512LL, "^5c", "  \xf0\x9f\x98\x80  ", "", "");
    row("65 '>5c'", 65LL, ">5c", "    A", "", "");
    row("65 '05c'", 65LL, "05c", "0000A", "", "");
    row("1234 '010,'", 1234LL, "010,", "00,001,234", "", "");
    row("1234 '010_x'", 1234LL, "010_x", "0_0000_04d2", "", "");
    row("-1234 '010,'", -1234LL, "010,", "-0,001,234", "", "");
    row("-1234 '012_'", -1234LL, "012_", "-000_001_234", "", "");
    row("3 '.2f'", 3LL, ".2f", "3.00", "", "");
    row("3 '%'", 3LL, "%", "300.000000%", "", "");
    row("3 'e'", 3LL, "e", "3.000000e+00", "", "");
    row("3 'g'", 3LL, "g", "3", "", "");
    row("3 'n'", 3LL, "n", "3", "", "");
    row("-3 '#x'", -3LL, "#x", "-0x3", "", "");
    row("255 '#X'", 255LL, "#X", "0XFF", "", "");
    row("255 'X'", 255LL, "X", "FF", "", "");
    row("255 '#b'", 255LL, "#b", "0b11111111", "", "");
    row("255 '#o'", 255LL, "#o", "0o377", "", "");
    row("255 '_b'", 255LL, "_b", "1111_1111", "", "");
    row("-255 '#010x'", -255LL, "#010x", "-0x00000ff", "", "");
    row("-255 '#010X'", -255LL, "#010X", "-0X00000FF", "", "");
    row("123 '=+8'", 123LL, "=+8", "+    123", "", "");
    row("5 ' d'", 5LL, " d", " 5", "", "");
    row("-5 ' d'", -5LL, " d", "-5", "", "");
    row("1234567 '_'", 1234567LL, "_", "1_234_567", "", "");
    row("1000000 ',d'", 1000000LL, ",d", "1,000,000", "", "");
    row("1000000 ','", 1000000LL, ",", "1,000,000", "", "");
    row("1 '0=5'", 1LL, "0=5", "00001", "", "");
    row("1 '0<5'", 1LL, "0<5", "10000", "", "");
    row("1 'x>'", 1LL, "x>", "1", "", "");
    row("1 '<<<'", 1LL, "<<<", "", "ValueError", "Unknown format code '<' for object of type 'int'");
    row("1 'a'", 1LL, "a", "", "ValueError", "Unknown format code 'a' for object of type 'int'");
    row("1 'ab'", 1LL, "ab", "", "ValueError", "Invalid format specifier 'ab' for object of type 'int'");
    row("0 '#b'", 0LL, "#b", "0b0", "", "");
    row("0 '010,'", 0LL, "010,", "00,000,000", "", "");
    row("-9223372036854775808 ''", INT64_MIN, "", "-9223372036854775808", "", "");
    row("-9223372036854775808 '#x'", INT64_MIN, "#x", "-0x8000000000000000", "", "");
    row("-9223372036854775808 ','", INT64_MIN, ",", "-9,223,372,036,854,775,808", "", "");
    row("9223372036854775807 '_o'", 9223372036854775807LL, "_o", "7_7777_7777_7777_7777_7777", "", "");
    row("12345 '^+12,'", 12345LL, "^+12,", "  +12,345   ", "", "");
    row("12345 '*<10'", 12345LL, "*<10", "12345*****", "", "");
    row("12345 '\xf0\x9f\x98\x80>10'", 12345LL, "\xf0\x9f\x98\x80>10", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80""12345", "", "");
    row("7 '0'", 7LL, "0", "7", "", "");
    row("7 '00'", 7LL, "00", "7", "", "");
    row("7 '000'", 7LL, "000", "7", "", "");
    row("42 '#'", 42LL, "#", "42", "", "");
    row("42 '+'", 42LL, "+", "+42", "", "");
    row("-42 '-'", -42LL, "-", "-42", "", "");
    row("42 '-'", 42LL, "-", "42", "", "");
    row("42 ' '", 42LL, " ", " 42", "", "");
    row("1 'z.2f'", 1LL, "z.2f", "1.00", "", "");
    row("1 '.3%'", 1LL, ".3%", "100.000%", "", "");
    row("123 'n'", 123LL, "n", "123", "", "");
    row("1234 'n'", 1234LL, "n", "1234", "", "");
    row("123456 '08n'", 123456LL, "08n", "00123456", "", "");
    row("5 '99999999999999999999'", 5LL, "99999999999999999999", "", "ValueError", "Too many decimal digits in format string");
    row("5 '.99999999999999999999f'", 5LL, ".99999999999999999999f", "", "ValueError", "Too many decimal digits in format string");
    row("65 '=5c'", 65LL, "=5c", "    A", "", "");
    row("10 '#_b'", 10LL, "#_b", "0b1010", "", "");
    row("1000000000 '_x'", 1000000000LL, "_x", "3b9a_ca00", "", "");
    row("1000000000 '#_X'", 1000000000LL, "#_X", "0X3B9A_CA00", "", "");
    }
    void testInt()
    {
        QFETCH(qlonglong, value);
        QFETCH(QString, spec);
        checkResult(formatInt(value, spec.toStdString()));
    }

    void testStr_data()
    {
        QTest::addColumn<QString>("value");
        addResultColumns();
        auto row = [](const char* name, const char* v, const char* spec, const char* expected, const char* et,
                      const char* em) {
            QTest::newRow(name) << QString::fromUtf8(v) << QString::fromUtf8(spec) << QString::fromUtf8(expected)
                                << QString::fromUtf8(et) << QString::fromUtf8(em);
        };
    row("'a' 'z'", "a", "z", "", "ValueError", "Negative zero coercion (z) not allowed in string format specifier");
    row("'a' '05'", "a", "05", "a0000", "", "");
    row("'a' '+'", "a", "+", "", "ValueError", "Sign not allowed in string format specifier");
    row("'a' ' '", "a", " ", "", "ValueError", "Space not allowed in string format specifier");
    row("'a' '-'", "a", "-", "", "ValueError", "Sign not allowed in string format specifier");
    row("'a' '#'", "a", "#", "", "ValueError", "Alternate form (#) not allowed in string format specifier");
    row("'a' '=5'", "a", "=5", "", "ValueError", "'=' alignment not allowed in string format specifier");
    row("'a' ','", "a", ",", "", "ValueError", "Cannot specify ',' with 's'.");
    row("'a' '_'", "a", "_", "", "ValueError", "Cannot specify '_' with 's'.");
    row("'a' 'x'", "a", "x", "", "ValueError", "Unknown format code 'x' for object of type 'str'");
    row("'a' '+x'", "a", "+x", "", "ValueError", "Unknown format code 'x' for object of type 'str'");
    row("'h\xc3\xa9llo' '.2'", "h\xc3\xa9llo", ".2", "h\xc3\xa9", "", "");
    row("'h\xc3\xa9llo' '*^9'", "h\xc3\xa9llo", "*^9", "**h\xc3\xa9llo**", "", "");
    row("'ab' '\xc3\xa9<4'", "ab", "\xc3\xa9<4", "ab\xc3\xa9\xc3\xa9", "", "");
    row("'x' '<0'", "x", "<0", "x", "", "");
    row("'a' '0>5'", "a", "0>5", "0000a", "", "");
    row("'a' '0^5'", "a", "0^5", "00a00", "", "");
    row("'abc' '^6'", "abc", "^6", " abc  ", "", "");
    row("'abc' '^7'", "abc", "^7", "  abc  ", "", "");
    row("'abc' '>2'", "abc", ">2", "abc", "", "");
    row("'abc' '.0'", "abc", ".0", "", "", "");
    row("'' '5'", "", "5", "     ", "", "");
    row("'\xf0\x9f\x98\x80x' '.1'", "\xf0\x9f\x98\x80x", ".1", "\xf0\x9f\x98\x80", "", "");
    row("'\xf0\x9f\x98\x80x' '\xf0\x9f\x98\x80>4'", "\xf0\x9f\x98\x80x", "\xf0\x9f\x98\x80>4", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80x", "", "");
    row("'abc' 's'", "abc", "s", "abc", "", "");
    row("'abc' '10s'", "abc", "10s", "abc       ", "", "");
    row("'abc' '.2s'", "abc", ".2s", "ab", "", "");
    row("'abc' 'abc'", "abc", "abc", "", "ValueError", "Invalid format specifier 'abc' for object of type 'str'");
    row("'abc' '\\x7f'", "abc", "\x7f", "", "ValueError", "Unknown format code '\x7f' for object of type 'str'");
    row("'abc' '\xc3\xa9'", "abc", "\xc3\xa9", "", "ValueError", "Unknown format code '\\xe9' for object of type 'str'");
    row("'abc' '.'", "abc", ".", "", "ValueError", "Format specifier missing precision");
    row("'a' '<<<'", "a", "<<<", "", "ValueError", "Unknown format code '<' for object of type 'str'");
    row("'stra\xc3\x9f""e' '10'", "stra\xc3\x9f""e", "10", "stra\xc3\x9f""e    ", "", "");
    row("'a' '05s'", "a", "05s", "a0000", "", "");
    row("'a' '^'", "a", "^", "a", "", "");
    row("'ab' '=^5'", "ab", "=^5", "=ab==", "", "");
    }
    void testStr()
    {
        QFETCH(QString, value);
        QFETCH(QString, spec);
        checkResult(formatStr(value.toStdString(), spec.toStdString()));
    }

    // bool goes through int.__format__ (a non-empty spec) with its own type name.
    void testBool_data()
    {
        QTest::addColumn<qlonglong>("value");
        addResultColumns();
        auto row = [](const char* name, qlonglong v, const char* spec, const char* expected, const char* et,
                      const char* em) {
            QTest::newRow(name) << v << QString::fromUtf8(spec) << QString::fromUtf8(expected)
                                << QString::fromUtf8(et) << QString::fromUtf8(em);
        };
    row("True '>5'", 1LL, ">5", "    1", "", "");
    row("True 'd'", 1LL, "d", "1", "", "");
    row("False '#x'", 0LL, "#x", "0x0", "", "");
    row("True 's'", 1LL, "s", "", "ValueError", "Unknown format code 's' for object of type 'bool'");
    row("True '.2f'", 1LL, ".2f", "1.00", "", "");
    row("True 'ab'", 1LL, "ab", "", "ValueError", "Invalid format specifier 'ab' for object of type 'bool'");
    }
    void testBool()
    {
        QFETCH(qlonglong, value);
        QFETCH(QString, spec);
        checkResult(formatInt(value, spec.toStdString(), "bool"));
    }

    void testParse()
    {
        ParsedSpec p = parseFormatSpec("*^+z#012_.3f", 0, '>', "float");
        QVERIFY(!p.error);
        QCOMPARE(p.spec.fill, U'*');
        QCOMPARE(p.spec.align, U'^');
        QCOMPARE(p.spec.sign, U'+');
        QVERIFY(p.spec.noNegZero);
        QVERIFY(p.spec.alternate);
        QCOMPARE(p.spec.width, 12);   // '0' was taken as fill only when no fill was given
        QCOMPARE(p.spec.grouping, U'_');
        QCOMPARE(p.spec.precision, 3);
        QCOMPARE(p.spec.type, U'f');

        p = parseFormatSpec("08", 'd', '>', "int");
        QCOMPARE(p.spec.fill, U'0');
        QCOMPARE(p.spec.align, U'=');
        QCOMPARE(p.spec.width, 8);
        QCOMPARE(p.spec.type, U'd');

        p = parseFormatSpec("08", 's', '<', "str");
        QCOMPARE(p.spec.align, U'<');   // str keeps left alignment (3.10+)

        p = parseFormatSpec("\xc3\xa9>3", 's', '<', "str");
        QCOMPARE(p.spec.fill, char32_t(0xe9));
        QCOMPARE(p.spec.width, 3);
        QCOMPARE(p.spec.precision, -1);
    }

    void testPercent_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QVariantList>("args");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("errorMessage");
        auto row = [](const char* name, const char* fmt, const QVariantList& args, const char* expected,
                      const char* et, const char* em) {
            QTest::newRow(name) << QString::fromUtf8(fmt) << args << QString::fromUtf8(expected)
                                << QString::fromUtf8(et) << QString::fromUtf8(em);
        };
    row("'%5%' % ()", "%5%", QVariantList{}, "", "TypeError", "not enough arguments for format string");
    row("'%y' % 1", "%y", QVariantList{QVariant(qlonglong(1LL))}, "", "ValueError", "unsupported format character 'y' (0x79) at index 1");
    row("'%d %y' % (1, 2)", "%d %y", QVariantList{QVariant(qlonglong(1LL)), QVariant(qlonglong(2LL))}, "", "ValueError", "unsupported format character 'y' (0x79) at index 4");
    row("'%d %d %y' % (1,)", "%d %d %y", QVariantList{QVariant(qlonglong(1LL))}, "", "TypeError", "not enough arguments for format string");
    row("'abc %' % ()", "abc %", QVariantList{}, "", "ValueError", "incomplete format");
    row("'%(a' % ()", "%(a", QVariantList{}, "", "TypeError", "format requires a mapping");
    row("'%.' % (1,)", "%.", QVariantList{QVariant(qlonglong(1LL))}, "", "ValueError", "incomplete format");
    row("'%-5' % (1,)", "%-5", QVariantList{QVariant(qlonglong(1LL))}, "", "ValueError", "incomplete format");
    row("'%\\x01' % 1", "%\x01", QVariantList{QVariant(qlonglong(1LL))}, "", "ValueError", "unsupported format character '?' (0x1) at index 1");
    row("'%\xc3\xa9' % 1", "%\xc3\xa9", QVariantList{QVariant(qlonglong(1LL))}, "", "ValueError", "unsupported format character '?' (0xe9) at index 1");
    row("'%ld' % 5", "%ld", QVariantList{QVariant(qlonglong(5LL))}, "5", "", "");
    row("'%.3d' % 5", "%.3d", QVariantList{QVariant(qlonglong(5LL))}, "005", "", "");
    row("'%.5x' % -255", "%.5x", QVariantList{QVariant(qlonglong(-255LL))}, "-000ff", "", "");
    row("'%#.5x' % 255", "%#.5x", QVariantList{QVariant(qlonglong(255LL))}, "0x000ff", "", "");
    row("'%#X' % 255", "%#X", QVariantList{QVariant(qlonglong(255LL))}, "0XFF", "", "");
    row("'%#o' % 8", "%#o", QVariantList{QVariant(qlonglong(8LL))}, "0o10", "", "");
    row("'%+d' % 5", "%+d", QVariantList{QVariant(qlonglong(5LL))}, "+5", "", "");
    row("'% d' % 5", "% d", QVariantList{QVariant(qlonglong(5LL))}, " 5", "", "");
    row("'%05d' % -42", "%05d", QVariantList{QVariant(qlonglong(-42LL))}, "-0042", "", "");
    row("'%-05d|' % -42", "%-05d|", QVariantList{QVariant(qlonglong(-42LL))}, "-42  |", "", "");
    row("'%#08x' % 255", "%#08x", QVariantList{QVariant(qlonglong(255LL))}, "0x0000ff", "", "");
    row("'%#-8x|' % 255", "%#-8x|", QVariantList{QVariant(qlonglong(255LL))}, "0xff    |", "", "");
    row("'%+#08X' % 255", "%+#08X", QVariantList{QVariant(qlonglong(255LL))}, "+0X000FF", "", "");
    row("'%u' % -3", "%u", QVariantList{QVariant(qlonglong(-3LL))}, "-3", "", "");
    row("'%i' % 7", "%i", QVariantList{QVariant(qlonglong(7LL))}, "7", "", "");
    row("'%5s|' % 'ab'", "%5s|", QVariantList{QVariant(QString::fromUtf8("ab"))}, "   ab|", "", "");
    row("'%-5s|' % 'ab'", "%-5s|", QVariantList{QVariant(QString::fromUtf8("ab"))}, "ab   |", "", "");
    row("'%.1s' % 'h\xc3\xa9llo'", "%.1s", QVariantList{QVariant(QString::fromUtf8("h\xc3\xa9llo"))}, "h", "", "");
    row("'%05s' % 'a'", "%05s", QVariantList{QVariant(QString::fromUtf8("a"))}, "    a", "", "");
    row("'%+s' % 'a'", "%+s", QVariantList{QVariant(QString::fromUtf8("a"))}, "a", "", "");
    row("'%c' % 65", "%c", QVariantList{QVariant(qlonglong(65LL))}, "A", "", "");
    row("'%3c' % 'x'", "%3c", QVariantList{QVariant(QString::fromUtf8("x"))}, "  x", "", "");
    row("'%-3c|' % 233", "%-3c|", QVariantList{QVariant(qlonglong(233LL))}, "\xc3\xa9  |", "", "");
    row("'%*d' % (5, 42)", "%*d", QVariantList{QVariant(qlonglong(5LL)), QVariant(qlonglong(42LL))}, "   42", "", "");
    row("'%-*d|' % (5, 42)", "%-*d|", QVariantList{QVariant(qlonglong(5LL)), QVariant(qlonglong(42LL))}, "42   |", "", "");
    row("'%*d' % (-5, 42)", "%*d", QVariantList{QVariant(qlonglong(-5LL)), QVariant(qlonglong(42LL))}, "42   ", "", "");
    row("'%.*f' % (2, 3.14159)", "%.*f", QVariantList{QVariant(qlonglong(2LL)), QVariant(0x1.921f9f01b866ep+1)}, "3.14", "", "");
    row("'%.*f' % (-2, 3.14159)", "%.*f", QVariantList{QVariant(qlonglong(-2LL)), QVariant(0x1.921f9f01b866ep+1)}, "3", "", "");
    row("'%d' % 3.7", "%d", QVariantList{QVariant(0x1.d99999999999ap+1)}, "3", "", "");
    row("'%d' % -3.7", "%d", QVariantList{QVariant(-0x1.d99999999999ap+1)}, "-3", "", "");
    row("'%s %s' % ('a',)", "%s %s", QVariantList{QVariant(QString::fromUtf8("a"))}, "", "TypeError", "not enough arguments for format string");
    row("'%s' % ('a', 'b')", "%s", QVariantList{QVariant(QString::fromUtf8("a")), QVariant(QString::fromUtf8("b"))}, "", "TypeError", "not all arguments converted during string formatting");
    row("'%#.0e' % 3.0", "%#.0e", QVariantList{QVariant(0x1.8000000000000p+1)}, "3.e+00", "", "");
    row("'%020d' % 1000000000000000000", "%020d", QVariantList{QVariant(qlonglong(1000000000000000000LL))}, "01000000000000000000", "", "");
    row("'%.0d' % 0", "%.0d", QVariantList{QVariant(qlonglong(0LL))}, "0", "", "");
    row("'%#.0o' % 0", "%#.0o", QVariantList{QVariant(qlonglong(0LL))}, "0o0", "", "");
    row("'%#x' % 0", "%#x", QVariantList{QVariant(qlonglong(0LL))}, "0x0", "", "");
    row("'%d%%' % 50", "%d%%", QVariantList{QVariant(qlonglong(50LL))}, "50%", "", "");
    row("'100%% sure' % ()", "100%% sure", QVariantList{}, "100% sure", "", "");
    row("'%s=%r' % ('k', 2.5)", "%s=%r", QVariantList{QVariant(QString::fromUtf8("k")), QVariant(0x1.4000000000000p+1)}, "k=2.5", "", "");
    row("'[%8.3f]' % 3.14159", "[%8.3f]", QVariantList{QVariant(0x1.921f9f01b866ep+1)}, "[   3.142]", "", "");
    row("'[%-8.3e]' % -1234.5", "[%-8.3e]", QVariantList{QVariant(-0x1.34a0000000000p+10)}, "[-1.234e+03]", "", "");
    row("'[%+g]' % 0.0001", "[%+g]", QVariantList{QVariant(0x1.a36e2eb1c432dp-14)}, "[+0.0001]", "", "");
    row("'%x' % -9223372036854775808", "%x", QVariantList{QVariant(qlonglong(INT64_MIN))}, "-8000000000000000", "", "");
    row("'%d' % 9223372036854775807", "%d", QVariantList{QVariant(qlonglong(9223372036854775807LL))}, "9223372036854775807", "", "");
    row("'%s and %s' % (1, 2.0)", "%s and %s", QVariantList{QVariant(qlonglong(1LL)), QVariant(0x1.0000000000000p+1)}, "1 and 2.0", "", "");
    row("'%5.1f%%' % 99.44", "%5.1f%%", QVariantList{QVariant(0x1.8dc28f5c28f5cp+6)}, " 99.4%", "", "");
    row("'%(a)s' % ()", "%(a)s", QVariantList{}, "", "TypeError", "format requires a mapping");
    row("'h\xc3\xa9llo %s \xe2\x9c\x93' % 'w\xc3\xb6rld'", "h\xc3\xa9llo %s \xe2\x9c\x93", QVariantList{QVariant(QString::fromUtf8("w\xc3\xb6rld"))}, "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93", "", "");
    row("'%.3s|%5.2s|' % ('abcdef', 'xyz')", "%.3s|%5.2s|", QVariantList{QVariant(QString::fromUtf8("abcdef")), QVariant(QString::fromUtf8("xyz"))}, "abc|   xy|", "", "");
    row("'%i items' % 3", "%i items", QVariantList{QVariant(qlonglong(3LL))}, "3 items", "", "");
    row("'%o' % -8", "%o", QVariantList{QVariant(qlonglong(-8LL))}, "-10", "", "");
    row("'%X' % 3054", "%X", QVariantList{QVariant(qlonglong(3054LL))}, "BEE", "", "");
    row("'%e' % 5", "%e", QVariantList{QVariant(qlonglong(5LL))}, "5.000000e+00", "", "");
    row("'%05.1f' % -2.5", "%05.1f", QVariantList{QVariant(-0x1.4000000000000p+1)}, "-02.5", "", "");
    row("'% 05.1f' % 2.5", "% 05.1f", QVariantList{QVariant(0x1.4000000000000p+1)}, " 02.5", "", "");
    row("'%c%c' % (104, 'i')", "%c%c", QVariantList{QVariant(qlonglong(104LL)), QVariant(QString::fromUtf8("i"))}, "hi", "", "");
    }
    void testPercent()
    {
        QFETCH(QString, format);
        QFETCH(QVariantList, args);
        checkResult(applyPercent(format, args));
    }

    void testPercentParse()
    {
        const PercentFormat pf = parsePercentFormat("a%(k(x))-#08.3lfé%%");
        QCOMPARE(pf.pieces.size(), size_t(3));
        QCOMPARE(q(pf.pieces[0].literal), QStringLiteral("a"));
        const PercentSpec& spec = *pf.pieces[1].spec;
        QVERIFY(spec.mapping);
        QCOMPARE(q(*spec.key), QStringLiteral("k(x)"));
        QVERIFY(spec.leftAlign && spec.alternate && spec.zeroPad && !spec.plusSign);
        QCOMPARE(spec.width, 8);
        QCOMPARE(spec.precision, 3);
        QCOMPARE(spec.conversion, U'f');
        QCOMPARE(spec.index, 15);   // python3: "a%(k(x))-#08.3lyé" % {"k(x)": 1} -> "at index 15"
        QVERIFY(!spec.error);
        QCOMPARE(q(pf.pieces[2].literal), QString::fromUtf8("\xc3\xa9%"));
    }

    void testIntToBase()
    {
        QCOMPARE(q(intToBaseString(255, 16)), QStringLiteral("0xff"));
        QCOMPARE(q(intToBaseString(-255, 16)), QStringLiteral("-0xff"));
        QCOMPARE(q(intToBaseString(5, 2)), QStringLiteral("0b101"));
        QCOMPARE(q(intToBaseString(0, 8)), QStringLiteral("0o0"));
        QCOMPARE(q(intToBaseString(INT64_MIN, 8)), QStringLiteral("-0o1000000000000000000000"));
        QCOMPARE(q(intToBaseString(INT64_MIN, 10)), QStringLiteral("-9223372036854775808"));
        QCOMPARE(q(intMagnitudeDigits(INT64_MAX, 36)), QStringLiteral("1y2p0ij32e8e7"));
    }

    void testLayoutNumber()
    {
        // The pieces formatFloat hands over for -1234.56789 with ".5f" and
        // ','; the widths mirror format(-1234.56789, '0NN,.5f') in python3.
        NumberParts parts;
        parts.signChar = '-';
        parts.digits = "1234";
        parts.hasDecimal = true;
        parts.remainder = "56789";
        parts.groupChar = ',';
        FormatSpec spec;
        spec.fill = '0';
        spec.align = '=';
        spec.width = 13;
        QCOMPARE(q(layoutNumber(parts, spec)), QStringLiteral("-01,234.56789"));
        spec.width = 14;
        QCOMPARE(q(layoutNumber(parts, spec)), QStringLiteral("-001,234.56789"));
        spec.width = 15;
        QCOMPARE(q(layoutNumber(parts, spec)), QStringLiteral("-0,001,234.56789"));
    }
};

QTEST_GUILESS_MAIN(TestFormatSpec)
#include "tst_format_spec.moc"
