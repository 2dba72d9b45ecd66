// Float text against CPython 3.11: every expected value below was printed by
// python3 3.11.7 (repr(), format(), round(), '%' formatting) for the same
// inputs. Inputs are hex-float literals (float.hex()) so they are exact.

#include "core/runtime/float_format.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <string>

using namespace aw::rt;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
}  // namespace

class TestFloatFormat : public QObject {
    Q_OBJECT

private slots:
    void testRepr_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, double v, const char* expected) {
            QTest::newRow(name) << v << QString::fromUtf8(expected);
        };
    row("0.0", 0.0, "0.0");
    row("-0.0", -0.0, "-0.0");
    row("1.0", 0x1.0000000000000p+0, "1.0");
    row("2.0", 0x1.0000000000000p+1, "2.0");
    row("-2.0", -0x1.0000000000000p+1, "-2.0");
    row("0.1", 0x1.999999999999ap-4, "0.1");
    row("0.2", 0x1.999999999999ap-3, "0.2");
    row("0.30000000000000004", 0x1.3333333333334p-2, "0.30000000000000004");
    row("0.3333333333333333", 0x1.5555555555555p-2, "0.3333333333333333");
    row("0.6666666666666666", 0x1.5555555555555p-1, "0.6666666666666666");
    row("1e+16", 0x1.1c37937e08000p+53, "1e+16");
    row("1000000000000000.0", 0x1.c6bf526340000p+49, "1000000000000000.0");
    row("9999999999999998.0", 0x1.1c37937e07fffp+53, "9999999999999998.0");
    row("0.0001", 0x1.a36e2eb1c432dp-14, "0.0001");
    row("1e-05", 0x1.4f8b588e368f1p-17, "1e-05");
    row("0.0001234", 0x1.02c9dedbc309dp-13, "0.0001234");
    row("1.5e-07", 0x1.421f5f40d8376p-23, "1.5e-07");
    row("123456789012345.6", 0x1.c12218377de66p+46, "123456789012345.6");
    row("1234567890123456.8", 0x1.18b54f22aeb03p+50, "1234567890123456.8");
    row("1e+22", 0x1.0f0cf064dd592p+73, "1e+22");
    row("1e+23", 0x1.52d02c7e14af6p+76, "1e+23");
    row("1e+100", 0x1.249ad2594c37dp+332, "1e+100");
    row("1.7976931348623157e+308", 0x1.fffffffffffffp+1023, "1.7976931348623157e+308");
    row("5e-324", 0x0.0000000000001p-1022, "5e-324");
    row("2.2250738585072014e-308", 0x1.0000000000000p-1022, "2.2250738585072014e-308");
    row("inf", kInf, "inf");
    row("-inf", -kInf, "-inf");
    row("3.141592653589793", 0x1.921fb54442d18p+1, "3.141592653589793");
    row("2.718281828459045", 0x1.5bf0a8b145769p+1, "2.718281828459045");
    row("100.0", 0x1.9000000000000p+6, "100.0");
    row("1e+308", 0x1.1ccf385ebc8a0p+1023, "1e+308");
    row("0.5", 0x1.0000000000000p-1, "0.5");
    row("9007199254740992.0", 0x1.0000000000000p+53, "9007199254740992.0");
    row("9007199254740994.0", 0x1.0000000000001p+53, "9007199254740994.0");
    row("2.000000000000001e+16", 0x1.1c37937e08002p+54, "2.000000000000001e+16");
    row("12345.678", 0x1.81cd6c8b43958p+13, "12345.678");
    row("-1e-05", -0x1.4f8b588e368f1p-17, "-1e-05");
    row("1.1", 0x1.199999999999ap+0, "1.1");
    row("2.675", 0x1.5666666666666p+1, "2.675");
    row("4.35", 0x1.1666666666666p+2, "4.35");
    row("0.07", 0x1.1eb851eb851ecp-4, "0.07");
    row("1e-07", 0x1.ad7f29abcaf48p-24, "1e-07");
    row("1e+23", 0x1.52d02c7e14af6p+76, "1e+23");
    row("9.999338659039628e+85", 0x1.9bc701e7ea419p+285, "9.999338659039628e+85");
    row("-3.8018489838888254e+248", -0x1.b2ffc80a4df5ap+825, "-3.8018489838888254e+248");
    row("-3.5523487794838177e-127", -0x1.ec7978306d03bp-421, "-3.5523487794838177e-127");
    row("-3.6821467481937955e+250", -0x1.49249dc28ff90p+832, "-3.6821467481937955e+250");
    row("-4.992708606780294e+165", -0x1.5accb1a466884p+550, "-4.992708606780294e+165");
    row("-7.326533831743403e+178", -0x1.2148239292d22p+594, "-7.326533831743403e+178");
    row("-7.278443499761433e-159", -0x1.9950499dd251dp-526, "-7.278443499761433e-159");
    row("4.8362718047034273e+210", 0x1.d6be28e7aa6e9p+699, "4.8362718047034273e+210");
    row("-3.517932586504274e-219", -0x1.3de8fc88b2875p-726, "-3.517932586504274e-219");
    row("-1.8192521841733576e+114", -0x1.7a3cc8c3d5f16p+379, "-1.8192521841733576e+114");
    row("-1.195063819236446e+33", -0x1.d75e9bb049a79p+109, "-1.195063819236446e+33");
    row("2.2816967434152304e+297", 0x1.be929c4a334bfp+987, "2.2816967434152304e+297");
    row("-5.966270874898854e+28", -0x1.818fac0433cbdp+95, "-5.966270874898854e+28");
    row("8.776125633923528e+235", 0x1.b9a0a96263ae6p+783, "8.776125633923528e+235");
    row("1.5752341281612197e-305", 0x1.61f933d6c51e3p-1013, "1.5752341281612197e-305");
    row("4.0008732257178524e-209", 0x1.a4e719d3c7decp-693, "4.0008732257178524e-209");
    row("nan", kNan, "nan");
    }
    void testRepr()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(q(floatRepr(value)), expected);
    }

    void testFormat_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("errorMessage");
        auto row = [](const char* name, double v, const char* spec, const char* expected, const char* et,
                      const char* em) {
            QTest::newRow(name) << v << QString::fromUtf8(spec) << QString::fromUtf8(expected)
                                << QString::fromUtf8(et) << QString::fromUtf8(em);
        };
    row("2.675 '.2f'", 0x1.5666666666666p+1, ".2f", "2.67", "", "");
    row("0.5 '.0f'", 0x1.0000000000000p-1, ".0f", "0", "", "");
    row("1.5 '.0f'", 0x1.8000000000000p+0, ".0f", "2", "", "");
    row("2.5 '.0f'", 0x1.4000000000000p+1, ".0f", "2", "", "");
    row("-0.5 '.0f'", -0x1.0000000000000p-1, ".0f", "-0", "", "");
    row("1.0 '.3'", 0x1.0000000000000p+0, ".3", "1.0", "", "");
    row("1.0 '.3g'", 0x1.0000000000000p+0, ".3g", "1", "", "");
    row("1.0 ''", 0x1.0000000000000p+0, "", "1.0", "", "");
    row("1e+16 ''", 0x1.1c37937e08000p+53, "", "1e+16", "", "");
    row("1e+16 '.17'", 0x1.1c37937e08000p+53, ".17", "1e+16", "", "");
    row("1e-05 ''", 0x1.4f8b588e368f1p-17, "", "1e-05", "", "");
    row("123456789.0 '.3'", 0x1.d6f3454000000p+26, ".3", "1.23e+08", "", "");
    row("0.0001 '.3'", 0x1.a36e2eb1c432dp-14, ".3", "0.0001", "", "");
    row("1e-05 '.3'", 0x1.4f8b588e368f1p-17, ".3", "1e-05", "", "");
    row("1234.5 '#.3'", 0x1.34a0000000000p+10, "#.3", "1.23e+03", "", "");
    row("1.0 '#'", 0x1.0000000000000p+0, "#", "1.0", "", "");
    row("1.0 '#g'", 0x1.0000000000000p+0, "#g", "1.00000", "", "");
    row("1.0 '#.0f'", 0x1.0000000000000p+0, "#.0f", "1.", "", "");
    row("1.0 '#e'", 0x1.0000000000000p+0, "#e", "1.000000e+00", "", "");
    row("1.0 '#.0e'", 0x1.0000000000000p+0, "#.0e", "1.e+00", "", "");
    row("12345.678 'n'", 0x1.81cd6c8b43958p+13, "n", "12345.7", "", "");
    row("12345.678 ','", 0x1.81cd6c8b43958p+13, ",", "12,345.678", "", "");
    row("1234567.891 '_.2f'", 0x1.2d687e4189375p+20, "_.2f", "1_234_567.89", "", "");
    row("1e+22 ','", 0x1.0f0cf064dd592p+73, ",", "1e+22", "", "");
    row("inf '010'", kInf, "010", "0000000inf", "", "");
    row("nan '010f'", kNan, "010f", "0000000nan", "", "");
    row("-inf '+'", -kInf, "+", "-inf", "", "");
    row("inf 'F'", kInf, "F", "INF", "", "");
    row("nan 'E'", kNan, "E", "NAN", "", "");
    row("1.0 ' '", 0x1.0000000000000p+0, " ", " 1.0", "", "");
    row("-1.0 '+010.2f'", -0x1.0000000000000p+0, "+010.2f", "-000001.00", "", "");
    row("0.25 '%'", 0x1.0000000000000p-2, "%", "25.000000%", "", "");
    row("0.25 '.1%'", 0x1.0000000000000p-2, ".1%", "25.0%", "", "");
    row("-0.0001 'z.2%'", -0x1.a36e2eb1c432dp-14, "z.2%", "-0.01%", "", "");
    row("1.0 '^10'", 0x1.0000000000000p+0, "^10", "   1.0    ", "", "");
    row("1.0 '*^11.2e'", 0x1.0000000000000p+0, "*^11.2e", "*1.00e+00**", "", "");
    row("1.0 '<8'", 0x1.0000000000000p+0, "<8", "1.0     ", "", "");
    row("1.0 '=+8'", 0x1.0000000000000p+0, "=+8", "+    1.0", "", "");
    row("-1.5 '=8'", -0x1.8000000000000p+0, "=8", "-    1.5", "", "");
    row("1.5 'z.0f'", 0x1.8000000000000p+0, "z.0f", "2", "", "");
    row("-0.4 'z.0f'", -0x1.999999999999ap-2, "z.0f", "0", "", "");
    row("-0.0 'z'", -0.0, "z", "0.0", "", "");
    row("-0.0 ''", -0.0, "", "-0.0", "", "");
    row("-0.0 '.2f'", -0.0, ".2f", "-0.00", "", "");
    row("-0.0 'z.1e'", -0.0, "z.1e", "0.0e+00", "", "");
    row("3.14159 '.2e'", 0x1.921f9f01b866ep+1, ".2e", "3.14e+00", "", "");
    row("3.14159 'E'", 0x1.921f9f01b866ep+1, "E", "3.141590E+00", "", "");
    row("3.14159 'G'", 0x1.921f9f01b866ep+1, "G", "3.14159", "", "");
    row("1e-10 'g'", 0x1.b7cdfd9d7bdbbp-34, "g", "1e-10", "", "");
    row("1e-10 'G'", 0x1.b7cdfd9d7bdbbp-34, "G", "1E-10", "", "");
    row("123456.0 'g'", 0x1.e240000000000p+16, "g", "123456", "", "");
    row("1234567.0 'g'", 0x1.2d68700000000p+20, "g", "1.23457e+06", "", "");
    row("1234567.0 '.10g'", 0x1.2d68700000000p+20, ".10g", "1234567", "", "");
    row("0.1 '.20f'", 0x1.999999999999ap-4, ".20f", "0.10000000000000000555", "", "");
    row("0.1 '.17g'", 0x1.999999999999ap-4, ".17g", "0.10000000000000001", "", "");
    row("1e+300 '.2f'", 0x1.7e43c8800759cp+996, ".2f", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00", "", "");
    row("5e-324 '.3e'", 0x0.0000000000001p-1022, ".3e", "4.941e-324", "", "");
    row("5e-324 ''", 0x0.0000000000001p-1022, "", "5e-324", "", "");
    row("99.99 '.1f'", 0x1.8ff5c28f5c28fp+6, ".1f", "100.0", "", "");
    row("9.995 '.2f'", 0x1.3fd70a3d70a3dp+3, ".2f", "9.99", "", "");
    row("0.045 '.2f'", 0x1.70a3d70a3d70ap-5, ".2f", "0.04", "", "");
    row("1234.5678 '015,.2f'", 0x1.34a456d5cfaadp+10, "015,.2f", "0,000,001,234.57", "", "");
    row("1234.5678 '0=15,.2f'", 0x1.34a456d5cfaadp+10, "0=15,.2f", "0,000,001,234.57", "", "");
    row("1234.5678 'x<15,.1f'", 0x1.34a456d5cfaadp+10, "x<15,.1f", "1,234.6xxxxxxxx", "", "");
    row("1234.5678 '\xf0\x9f\x98\x80^15.1f'", 0x1.34a456d5cfaadp+10, "\xf0\x9f\x98\x80^15.1f", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80""1234.6\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", "", "");
    row("1.5 'd'", 0x1.8000000000000p+0, "d", "", "ValueError", "Unknown format code 'd' for object of type 'float'");
    row("1.5 's'", 0x1.8000000000000p+0, "s", "", "ValueError", "Unknown format code 's' for object of type 'float'");
    row("1.5 'x'", 0x1.8000000000000p+0, "x", "", "ValueError", "Unknown format code 'x' for object of type 'float'");
    row("1.5 'abc'", 0x1.8000000000000p+0, "abc", "", "ValueError", "Invalid format specifier 'abc' for object of type 'float'");
    row("1.5 '.'", 0x1.8000000000000p+0, ".", "", "ValueError", "Format specifier missing precision");
    row("1.5 ',_'", 0x1.8000000000000p+0, ",_", "", "ValueError", "Cannot specify both ',' and '_'.");
    row("1.5 ',n'", 0x1.8000000000000p+0, ",n", "", "ValueError", "Cannot specify ',' with 'n'.");
    row("1.5 '_n'", 0x1.8000000000000p+0, "_n", "", "ValueError", "Cannot specify '_' with 'n'.");
    row("1.5 ',%'", 0x1.8000000000000p+0, ",%", "150.000000%", "", "");
    row("12.5 '_%'", 0x1.9000000000000p+3, "_%", "1_250.000000%", "", "");
    row("1.5 '\xc3\xa9'", 0x1.8000000000000p+0, "\xc3\xa9", "", "ValueError", "Unknown format code '\\xe9' for object of type 'float'");
    row("1.5 '+z#010.3f'", 0x1.8000000000000p+0, "+z#010.3f", "+00001.500", "", "");
    row("100.0 '.0%'", 0x1.9000000000000p+6, ".0%", "10000%", "", "");
    row("0.5 '.0e'", 0x1.0000000000000p-1, ".0e", "5e-01", "", "");
    row("1.5 '.0e'", 0x1.8000000000000p+0, ".0e", "2e+00", "", "");
    row("25.0 '.0e'", 0x1.9000000000000p+4, ".0e", "2e+01", "", "");
    row("35.0 '.0e'", 0x1.1800000000000p+5, ".0e", "4e+01", "", "");
    row("1e+16 '.16'", 0x1.1c37937e08000p+53, ".16", "1e+16", "", "");
    row("1000000000000000.0 ''", 0x1.c6bf526340000p+49, "", "1000000000000000.0", "", "");
    row("123.456 '10'", 0x1.edd2f1a9fbe77p+6, "10", "   123.456", "", "");
    row("123.456 '<10'", 0x1.edd2f1a9fbe77p+6, "<10", "123.456   ", "", "");
    row("-123.456 '010'", -0x1.edd2f1a9fbe77p+6, "010", "-00123.456", "", "");
    row("123.456 ' .1f'", 0x1.edd2f1a9fbe77p+6, " .1f", " 123.5", "", "");
    row("1.1805916207174113e+21 'f'", 0x1.0000000000000p+70, "f", "1180591620717411303424.000000", "", "");
    row("1.1805916207174113e+21 ','", 0x1.0000000000000p+70, ",", "1.1805916207174113e+21", "", "");
    row("1e-320 'g'", 0x0.00000000007e8p-1022, "g", "9.99989e-321", "", "");
    }
    void testFormat()
    {
        QFETCH(double, value);
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        QFETCH(QString, errorType);
        QFETCH(QString, errorMessage);
        const FormatResult r = formatFloat(value, spec.toStdString());
        if (errorType.isEmpty()) {
            QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
            QCOMPARE(q(r.text), expected);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(q(r.error->type), errorType);
            QCOMPARE(q(r.error->message), errorMessage);
        }
    }

    void testRound_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<qlonglong>("ndigits");
        QTest::addColumn<QString>("expectedRepr");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("errorMessage");
        auto row = [](const char* name, double v, qlonglong n, const char* expected, const char* et, const char* em) {
            QTest::newRow(name) << v << n << QString::fromUtf8(expected) << QString::fromUtf8(et)
                                << QString::fromUtf8(em);
        };
    row("2.675 2", 0x1.5666666666666p+1, 2, "2.67", "", "");
    row("0.125 2", 0x1.0000000000000p-3, 2, "0.12", "", "");
    row("0.375 2", 0x1.8000000000000p-2, 2, "0.38", "", "");
    row("2.5 0", 0x1.4000000000000p+1, 0, "2.0", "", "");
    row("3.5 0", 0x1.c000000000000p+1, 0, "4.0", "", "");
    row("-0.5 0", -0x1.0000000000000p-1, 0, "-0.0", "", "");
    row("-0.4 0", -0x1.999999999999ap-2, 0, "-0.0", "", "");
    row("1.005 2", 0x1.0147ae147ae14p+0, 2, "1.0", "", "");
    row("123.456 -1", 0x1.edd2f1a9fbe77p+6, -1, "120.0", "", "");
    row("125.0 -1", 0x1.f400000000000p+6, -1, "120.0", "", "");
    row("135.0 -1", 0x1.0e00000000000p+7, -1, "140.0", "", "");
    row("150.0 -2", 0x1.2c00000000000p+7, -2, "200.0", "", "");
    row("50.0 -2", 0x1.9000000000000p+5, -2, "0.0", "", "");
    row("45.0 -2", 0x1.6800000000000p+5, -2, "0.0", "", "");
    row("1234567.0 -3", 0x1.2d68700000000p+20, -3, "1235000.0", "", "");
    row("0.1 20", 0x1.999999999999ap-4, 20, "0.1", "", "");
    row("1e+300 -300", 0x1.7e43c8800759cp+996, -300, "1e+300", "", "");
    row("1.7976931348623157e+308 -308", 0x1.fffffffffffffp+1023, -308, "", "OverflowError", "rounded value too large to represent");
    row("-1.7976931348623157e+308 -308", -0x1.fffffffffffffp+1023, -308, "", "OverflowError", "rounded value too large to represent");
    row("5e-324 323", 0x0.0000000000001p-1022, 323, "0.0", "", "");
    row("5e-324 324", 0x0.0000000000001p-1022, 324, "5e-324", "", "");
    row("1e-300 5", 0x1.56e1fc2f8f359p-997, 5, "0.0", "", "");
    row("-1e-300 5", -0x1.56e1fc2f8f359p-997, 5, "-0.0", "", "");
    row("inf 2", kInf, 2, "inf", "", "");
    row("-inf 0", -kInf, 0, "-inf", "", "");
    row("nan 1", kNan, 1, "nan", "", "");
    row("0.0 3", 0.0, 3, "0.0", "", "");
    row("-0.0 3", -0.0, 3, "-0.0", "", "");
    row("1.23456789 4", 0x1.3c0ca4283de1bp+0, 4, "1.2346", "", "");
    row("9.995 2", 0x1.3fd70a3d70a3dp+3, 2, "9.99", "", "");
    row("99.5 0", 0x1.8e00000000000p+6, 0, "100.0", "", "");
    row("0.5 1000", 0x1.0000000000000p-1, 1000, "0.5", "", "");
    row("12.0 -1000", 0x1.8000000000000p+3, -1000, "0.0", "", "");
    row("-12.0 -1000", -0x1.8000000000000p+3, -1000, "-0.0", "", "");
    row("1.152921504606847e+18 -5", 0x1.0000000000000p+60, -5, "1.1529215046068e+18", "", "");
    row("0.285 2", 0x1.23d70a3d70a3dp-2, 2, "0.28", "", "");
    row("1.45 1", 0x1.7333333333333p+0, 1, "1.4", "", "");
    }
    void testRound()
    {
        QFETCH(double, value);
        QFETCH(qlonglong, ndigits);
        QFETCH(QString, expectedRepr);
        QFETCH(QString, errorType);
        QFETCH(QString, errorMessage);
        const RoundResult r = roundFloat(value, ndigits);
        if (errorType.isEmpty()) {
            QVERIFY(r.ok());
            QCOMPARE(q(floatRepr(r.value)), expectedRepr);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(q(r.error->type), errorType);
            QCOMPARE(q(r.error->message), errorMessage);
        }
    }

    void testRoundHalfEven_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");
        auto row = [](const char* name, double v, double expected) { QTest::newRow(name) << v << expected; };
    row("0.5", 0x1.0000000000000p-1, 0.0);
    row("1.5", 0x1.8000000000000p+0, 0x1.0000000000000p+1);
    row("2.5", 0x1.4000000000000p+1, 0x1.0000000000000p+1);
    row("-0.5", -0x1.0000000000000p-1, -0.0);
    row("-1.5", -0x1.8000000000000p+0, -0x1.0000000000000p+1);
    row("-2.5", -0x1.4000000000000p+1, -0x1.0000000000000p+1);
    row("0.49999999999999994", 0x1.fffffffffffffp-2, 0.0);
    row("2.675", 0x1.5666666666666p+1, 0x1.8000000000000p+1);
    row("-2.675", -0x1.5666666666666p+1, -0x1.8000000000000p+1);
    row("4503599627370497.0", 0x1.0000000000001p+52, 0x1.0000000000001p+52);
    row("1e+300", 0x1.7e43c8800759cp+996, 0x1.7e43c8800759cp+996);
    row("-0.0", -0.0, -0.0);
    row("0.0", 0.0, 0.0);
    row("7.0", 0x1.c000000000000p+2, 0x1.c000000000000p+2);
    row("-7.5", -0x1.e000000000000p+2, -0x1.0000000000000p+3);
    }
    void testRoundHalfEven()
    {
        QFETCH(double, value);
        QFETCH(double, expected);
        const double got = roundHalfEven(value);
        QCOMPARE(got, expected);
        QCOMPARE(std::signbit(got), std::signbit(expected));
    }

    void testPercent_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<qlonglong>("width");
        QTest::addColumn<qlonglong>("precision");
        QTest::addColumn<char>("conversion");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, double v, const char* flags, qlonglong w, qlonglong p, char conv,
                      const char* expected) {
            QTest::newRow(name) << v << QString::fromUtf8(flags) << w << p << conv << QString::fromUtf8(expected);
        };
    row("%05f inf", kInf, "0", 5, -1, 'f', "00inf");
    row("%-8.2f -1.5", -0x1.8000000000000p+0, "-", 8, 2, 'f', "-1.50   ");
    row("%+08.2f 1.5", 0x1.8000000000000p+0, "+0", 8, 2, 'f', "+0001.50");
    row("% 8.2f 1.5", 0x1.8000000000000p+0, " ", 8, 2, 'f', "    1.50");
    row("%08.2f -1.5", -0x1.8000000000000p+0, "0", 8, 2, 'f', "-0001.50");
    row("%#.0f 2.0", 0x1.0000000000000p+1, "#", -1, 0, 'f', "2.");
    row("%.0f 2.5", 0x1.4000000000000p+1, "", -1, 0, 'f', "2");
    row("%e 12345.678", 0x1.81cd6c8b43958p+13, "", -1, -1, 'e', "1.234568e+04");
    row("%g 0.0001", 0x1.a36e2eb1c432dp-14, "", -1, -1, 'g', "0.0001");
    row("%G 1e-10", 0x1.b7cdfd9d7bdbbp-34, "", -1, -1, 'G', "1E-10");
    row("%10.3e -3.14159", -0x1.921f9f01b866ep+1, "", 10, 3, 'e', "-3.142e+00");
    row("%f 1e+20", 0x1.5af1d78b58c40p+66, "", -1, -1, 'f', "100000000000000000000.000000");
    row("%.3g 1234567.0", 0x1.2d68700000000p+20, "", -1, 3, 'g', "1.23e+06");
    row("%#g 1.0", 0x1.0000000000000p+0, "#", -1, -1, 'g', "1.00000");
    row("%+f nan", kNan, "+", -1, -1, 'f', "+nan");
    row("% f inf", kInf, " ", -1, -1, 'f', " inf");
    row("%-06.1f 2.25", 0x1.2000000000000p+1, "-0", 6, 1, 'f', "2.2   ");
    row("%F inf", kInf, "", -1, -1, 'F', "INF");
    row("%010.2F -inf", -kInf, "0", 10, 2, 'F', "-000000INF");
    row("%.2f 2.675", 0x1.5666666666666p+1, "", -1, 2, 'f', "2.67");
    row("%E 0.0", 0.0, "", -1, -1, 'E', "0.000000E+00");
    row("%g 1e+16", 0x1.1c37937e08000p+53, "", -1, -1, 'g', "1e+16");
    row("%.15g 0.1", 0x1.999999999999ap-4, "", -1, 15, 'g', "0.1");
    row("%5.1f -0.05", -0x1.999999999999ap-5, "", 5, 1, 'f', " -0.1");
    }
    void testPercent()
    {
        QFETCH(double, value);
        QFETCH(QString, flags);
        QFETCH(qlonglong, width);
        QFETCH(qlonglong, precision);
        QFETCH(char, conversion);
        QFETCH(QString, expected);
        PercentSpec spec;
        spec.leftAlign = flags.contains('-');
        spec.plusSign = flags.contains('+');
        spec.spaceSign = flags.contains(' ');
        spec.alternate = flags.contains('#');
        spec.zeroPad = flags.contains('0');
        spec.width = width;
        spec.precision = precision;
        spec.conversion = conversion;
        QCOMPARE(q(percentFormatFloat(value, spec)), expected);
    }

    // PyOS_double_to_string directly: the flags the '%' and format paths use.
    void testDoubleToString()
    {
        QCOMPARE(q(doubleToString(1.5, 'r', 0, kDtsfAddDot0)), QStringLiteral("1.5"));
        QCOMPARE(q(doubleToString(2.0, 'r', 0, 0)), QStringLiteral("2"));
        QCOMPARE(q(doubleToString(2.0, 'r', 0, kDtsfAddDot0 | kDtsfSign)), QStringLiteral("+2.0"));
        QCOMPARE(q(doubleToString(-kInf, 'E', 3, 0)), QStringLiteral("-INF"));
        QCOMPARE(q(doubleToString(kNan, 'f', 3, kDtsfSign)), QStringLiteral("+nan"));
        QCOMPARE(q(doubleToString(0.000123456, 'g', 3, 0)), QStringLiteral("0.000123"));
        QCOMPARE(q(doubleToString(-0.001, 'f', 1, kDtsfNoNeg0)), QStringLiteral("0.0"));
        QCOMPARE(q(doubleToString(-0.001, 'f', 1, 0)), QStringLiteral("-0.0"));
    }
};

QTEST_GUILESS_MAIN(TestFloatFormat)
#include "tst_float_format.moc"
