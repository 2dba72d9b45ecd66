// Tests of the str methods, str.format and %-formatting.
//
// The text algorithms (text_ops.h) are pinned directly with data rows; the
// methods as scripts see them run through aw::run::runScript and are compared
// with the oracle's output on CPython 3.11
// (python3 /work/shared/conformance/vtrun.py SCRIPT.py).

#include "core/run/runner.h"
#include "core/runtime/text_ops.h"

#include <QtTest>

namespace text = aw::rt::text;

namespace {

QString list(const std::vector<std::u32string>& parts)
{
    QStringList out;
    for (const auto& p : parts) out << QString::fromStdString(text::repr(text::encode(p)));
    return QLatin1Char('[') + out.join(QStringLiteral(", ")) + QLatin1Char(']');
}

std::u32string u(const QString& s) { return text::decode(s.toStdString()); }
QString q(const std::u32string& s) { return QString::fromStdString(text::encode(s)); }

}  // namespace

class TestStrMethods : public QObject {
    Q_OBJECT
private slots:
    void textOps_data()
    {
        QTest::addColumn<QString>("got");
        QTest::addColumn<QString>("want");
        const std::u32string ws = U"  a b  c  ";
        const std::u32string comma = U",";
        QTest::newRow("split ws") << list(text::split(ws, nullptr, -1)) << "['a', 'b', 'c']";
        QTest::newRow("split ws max") << list(text::split(ws, nullptr, 1)) << "['a', 'b  c  ']";
        QTest::newRow("rsplit ws max") << list(text::rsplit(ws, nullptr, 1)) << "['  a b', 'c']";
        QTest::newRow("split sep") << list(text::split(U"a,b,,c,", &comma, -1)) << "['a', 'b', '', 'c', '']";
        QTest::newRow("rsplit sep") << list(text::rsplit(U"a,b,,c,", &comma, 2)) << "['a,b,', 'c', '']";
        QTest::newRow("split empty") << list(text::split(U"", &comma, -1)) << "['']";
        QTest::newRow("split empty ws") << list(text::split(U"", nullptr, -1)) << "[]";
        QTest::newRow("splitlines") << list(text::splitlines(U"a\nb\r\nc\rd\n\ne", false))
                                    << "['a', 'b', 'c', 'd', '', 'e']";
        QTest::newRow("splitlines keep") << list(text::splitlines(U"a\nb\r\n", true)) << "['a\\n', 'b\\r\\n']";
        QTest::newRow("title") << q(text::title(U"they're bill's friends")) << "They'Re Bill'S Friends";
        QTest::newRow("capitalize") << q(text::capitalize(U"hELLO world")) << "Hello world";
        QTest::newRow("center odd") << q(text::pad(U"abc", 8, U'*', text::Align::Center)) << "**abc***";
        QTest::newRow("center even") << q(text::pad(U"ab", 7, U'*', text::Align::Center)) << "***ab**";
        QTest::newRow("zfill sign") << q(text::zfill(U"-42", 6)) << "-00042";
        QTest::newRow("expandtabs") << q(text::expandtabs(U"a\tbc\tdef\tg", 8)) << "a       bc      def     g";
        QTest::newRow("replace empty") << q(text::replace(U"ab", U"", U"-", -1)) << "-a-b-";
        QTest::newRow("replace count") << q(text::replace(U"aaaa", U"a", U"b", 2)) << "bbaa";
        QTest::newRow("upper sharp s") << q(text::upper(u(QStringLiteral("stra\u00dfe")))) << "STRASSE";
        QTest::newRow("repr single") << QString::fromStdString(text::repr("it's")) << "\"it's\"";
        QTest::newRow("repr both") << QString::fromStdString(text::repr("a'b\"c")) << "'a\\'b\"c'";
        QTest::newRow("repr escapes") << QString::fromStdString(text::repr("\t\x01\xc3\xa9\x7f\xc2\xa0"))
                                      << QString::fromUtf8("'\\t\\x01\xc3\xa9\\x7f\\xa0'");
        int64_t v = 0;
        auto parse = [&](const char* s, int base) {
            switch (text::parseInt(s, base, v)) {
            case text::ParseStatus::Ok: return QString::number(v);
            case text::ParseStatus::Invalid: return QStringLiteral("invalid");
            case text::ParseStatus::Overflow: return QStringLiteral("overflow");
            }
            return QString();
        };
        QTest::newRow("int prefix") << parse("0x1f", 0) << "31";
        QTest::newRow("int leading zero") << parse("010", 0) << "invalid";
        QTest::newRow("int zeros") << parse("000", 0) << "0";
        QTest::newRow("int underscores") << parse(" -1_000 ", 10) << "-1000";
        QTest::newRow("int double underscore") << parse("1__0", 10) << "invalid";
        QTest::newRow("int prefix underscore") << parse("0x_f", 16) << "15";
        QTest::newRow("int min") << parse("-9223372036854775808", 10) << "-9223372036854775808";
        QTest::newRow("int overflow") << parse("9223372036854775808", 10) << "overflow";
        QTest::newRow("int base 36") << parse("z", 36) << "35";
        auto pf = [](const char* s) {
            auto d = text::parseFloat(s);
            return d ? QString::number(*d, 'g', 17) : QStringLiteral("invalid");
        };
        QTest::newRow("float exp") << pf("1e3") << "1000";
        QTest::newRow("float underscores") << pf(" 1_0.5 ") << "10.5";
        QTest::newRow("float bad underscore") << pf("._5") << "invalid";
        QTest::newRow("float trailing e") << pf("1e") << "invalid";
        QTest::newRow("float huge") << pf("1e400") << "inf";
    }

    void textOps()
    {
        QFETCH(QString, got);
        QFETCH(QString, want);
        QCOMPARE(got, want);
    }

    void scripts_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
    QTest::newRow("str_methods") << QString::fromUtf8("s = \"  Hello, World  \"\n"
            "print(s.strip(), s.lstrip() + \"|\", \"|\" + s.rstrip(), \"xxhixx\".strip(\"x\"), \"abcba\".lstrip(\"ab\"), \"abcba\".rstrip(\"ab\"))\n"
            "print(s.upper(), s.lower(), \"hELLO wORLD\".capitalize(), \"they're bill's\".title(), \"AbC\".swapcase())\n"
            "print(\"a,b,,c\".split(\",\"), \"a b  c\".split(), \" a b \".split(None, 1), \"a,b,c\".split(\",\", 1), \"a,b,c\".rsplit(\",\", 1), \"a b c\".rsplit(maxsplit=1), \"\".split())\n"
            "print(\"-\".join([\"a\", \"b\", \"c\"]), \"\".join([]), \", \".join(str(i) for i in range(3)), \"x\".join(\"abc\"))\n"
            "print(\"hello\".startswith(\"he\"), \"hello\".endswith((\"x\", \"lo\")), \"hello\".startswith(\"l\", 2), \"hello\".endswith(\"l\", 0, 4))\n"
            "print(\"hello\".find(\"l\"), \"hello\".rfind(\"l\"), \"hello\".find(\"z\"), \"hello\".index(\"e\"), \"hello\".rindex(\"l\"), \"hello\".count(\"l\"), \"aaaa\".count(\"aa\"), \"hello\".find(\"l\", 3), \"abc\".find(\"\", 5))\n"
            "print(\"aaa\".replace(\"a\", \"b\"), \"aaa\".replace(\"a\", \"b\", 2), \"ab\".replace(\"\", \"-\"))\n"
            "print(\"42\".zfill(5), \"-42\".zfill(5), \"abc\".center(9, \"*\"), \"ab\".center(7), \"ab\".ljust(5, \".\"), \"ab\".rjust(5), \"abc\".center(2))\n"
            "print(\"123\".isdigit(), \"12a\".isdigit(), \"abc\".isalpha(), \"ab1\".isalnum(), \" \\t\".isspace(), \"\".isspace(), \"ABC\".isupper(), \"abc\".islower(), \"a1\".islower(), \"_x1\".isidentifier(), \"1x\".isidentifier())\n"
            "print(\"key=value=x\".partition(\"=\"), \"key=value=x\".rpartition(\"=\"), \"abc\".partition(\"z\"), \"abc\".rpartition(\"z\"))\n"
            "print(\"a\\nb\\r\\nc\".splitlines(), \"a\\nb\\n\".splitlines(True), \"pre_name\".removeprefix(\"pre_\"), \"file.py\".removesuffix(\".py\"), \"a\\tb\".expandtabs(4))\n"
            "print(\"{} and {}\".format(1, \"two\"), \"{1}{0}\".format(\"a\", \"b\"), \"{name}!\".format(name=\"Ann\"), \"{0[1]} {d[k]}\".format([5, 6], d={\"k\": \"v\"}), \"{:>6.2f}|{:<4}|{:^5}|{:05d}|{!r}\".format(3.14159, \"ab\", \"c\", 42, \"q\"), \"{{}} {}\".format(1))\n"
            "class P:\n"
            "    x = 7\n"
            "print(\"{0.x} {p.x}\".format(P(), p=P()), \"{:,}\".format(1234567), \"{:x} {:b} {:o} {:#x}\".format(255, 5, 8, 255), \"{:.1%}\".format(0.25), \"{:e}\".format(12345.678))\n"
            "print(\"abc\"[1], \"abc\"[-1], \"abcdef\"[1:4], \"abcdef\"[::2], \"abc\"[::-1], \"\303\251\" * 3, \"ab\" + \"cd\", \"b\" in \"abc\", \"abc\" < \"abd\", len(\"\346\227\245\346\234\254\"), \"\346\227\245\346\234\254\350\252\236\".find(\"\350\252\236\"), \"h\303\251llo\".upper())\n"
            "print(str(12), str([1, \"a\"]), repr(\"x\\ny\"), \"x\".encode if False else \"no-encode\")\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: \"abc\".index(\"z\"))\n"
            "check(lambda: \"a\".join([1]))\n"
            "check(lambda: \"a\".split(\"\"))\n"
            "check(lambda: \"{}\".format())\n"
            "check(lambda: \"{0} {}\".format(1, 2))\n"
            "check(lambda: \"{x}\".format())\n"
            "check(lambda: \"a\".center(5, \"ab\"))\n"
            "check(lambda: \"x\".startswith(1))\n"
            "check(lambda: \"a\".removeprefix(1))\n"
            "check(lambda: \"abc\"[5])\n"
            "check(lambda: \"abc\".count())\n")
        << QString::fromUtf8("0.000\tHello, World Hello, World  | |  Hello, World hi cba abc\n"
            "0.000\t  HELLO, WORLD     hello, world   Hello world They'Re Bill'S aBc\n"
            "0.000\t['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b '] ['a', 'b,c'] ['a,b', 'c'] ['a b', 'c'] []\n"
            "0.000\ta-b-c  0, 1, 2 axbxc\n"
            "0.000\tTrue True True True\n"
            "0.000\t2 3 -1 1 3 2 2 3 -1\n"
            "0.000\tbbb bba -a-b-\n"
            "0.000\t00042 -0042 ***abc***    ab   ab...    ab abc\n"
            "0.000\tTrue False True True True False True True True True False\n"
            "0.000\t('key', '=', 'value=x') ('key=value', '=', 'x') ('abc', '', '') ('', '', 'abc')\n"
            "0.000\t['a', 'b', 'c'] ['a\\n', 'b\\n'] name file a   b\n"
            "0.000\t1 and two ba Ann! 6 v   3.14|ab  |  c  |00042|'q' {} 1\n"
            "0.000\t7 7 1,234,567 ff 101 10 0xff 25.0% 1.234568e+04\n"
            "0.000\tb c bcd ace cba \303\251\303\251\303\251 abcd True True 2 2 H\303\211LLO\n"
            "0.000\t12 [1, 'a'] 'x\\ny' no-encode\n"
            "0.000\tValueError substring not found\n"
            "0.000\tTypeError sequence item 0: expected str instance, int found\n"
            "0.000\tValueError empty separator\n"
            "0.000\tIndexError Replacement index 0 out of range for positional args tuple\n"
            "0.000\tValueError cannot switch from manual field specification to automatic field numbering\n"
            "0.000\tKeyError 'x'\n"
            "0.000\tTypeError The fill character must be exactly one character long\n"
            "0.000\tTypeError startswith first arg must be str or a tuple of str, not int\n"
            "0.000\tTypeError removeprefix() argument must be str, not int\n"
            "0.000\tIndexError string index out of range\n"
            "0.000\tTypeError count() takes at least 1 argument (0 given)\n");
    QTest::newRow("percent_operator") << QString::fromUtf8("def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "print(\"%s is %d years\" % (\"Tom\", 30), \"%5.2f|%-5s|%05d|%x|%r|%%\" % (3.14159, \"ab\", 42, 255, \"q\"), \"%s\" % \"one\", \"%(a)s-%(b)03d\" % {\"a\": 1, \"b\": 2}, \"%s\" % [1, 2], \"%i %c %X %o %e %g %+d\" % (7, 65, 255, 8, 12345.678, 0.0001, 3))\n"
            "name = \"Ann\"\n"
            "print(\"Hello, %s! You have %d new %s.\" % (name, 3, \"messages\"))\n"
            "print(\"%.2f%%\" % 99.5, \"%-8s|\" % \"left\", \"%8s|\" % \"right\", \"%+.1e\" % 12345.6789, \"%#x %#o\" % (255, 8))\n"
            "print(\"%s\" % (1,), \"%d%%\" % 50, \"%.1f\" % 2.25, \"%5.1f|\" % -1.25)\n"
            "check(lambda: \"%d\" % \"a\")\n"
            "check(lambda: \"%s %s\" % (1,))\n"
            "check(lambda: \"%s\" % (1, 2))\n"
            "check(lambda: \"%z\" % 1)\n"
            "check(lambda: \"%(k)s\" % 5)\n")
        << QString::fromUtf8("0.000\tTom is 30 years  3.14|ab   |00042|ff|'q'|% one 1-002 [1, 2] 7 A FF 10 1.234568e+04 0.0001 +3\n"
            "0.000\tHello, Ann! You have 3 new messages.\n"
            "0.000\t99.50% left    |    right| +1.2e+04 0xff 0o10\n"
            "0.000\t1 50% 2.2  -1.2|\n"
            "0.000\tTypeError %d format: a real number is required, not str\n"
            "0.000\tTypeError not enough arguments for format string\n"
            "0.000\tTypeError not all arguments converted during string formatting\n"
            "0.000\tValueError unsupported format character 'z' (0x7a) at index 1\n"
            "0.000\tTypeError format requires a mapping\n");
    }

    void scripts()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        const std::string src = script.toStdString();
        aw::run::RunResult r = aw::run::runScript(src, "test.py");
        if (r.syntaxError) QFAIL(aw::run::formatSyntaxError(*r.syntaxError, "test.py", src).c_str());
        const QStringList got = QString::fromStdString(aw::run::formatRun(r)).split(QLatin1Char('\n'));
        const QStringList want = expected.split(QLatin1Char('\n'));
        for (int i = 0; i < std::min(got.size(), want.size()); ++i) {
            if (got[i] != want[i] && !r.traceback.empty()) qWarning("%s", r.traceback.c_str());
            QCOMPARE(got[i], want[i]);
        }
        QCOMPARE(got.size(), want.size());
    }
};

QTEST_GUILESS_MAIN(TestStrMethods)
#include "tst_str_methods.moc"
