// Tests of the runtime's builtins, container methods and the time/random/
// functools/math modules.
//
// Two layers: (1) calls through the Vm API directly (no parser involved), so
// a builtin's behaviour is pinned even while the compiler changes; (2) small
// Python programs run through aw::run::runScript, compared line by line with
// what the oracle printed for the same program on CPython 3.11
// (python3 /work/shared/conformance/vtrun.py SCRIPT.py).

#include "core/run/runner.h"
#include "core/runtime/percent_format.h"
#include "core/vm/vm.h"

#include <QtTest>

using aw::vm::Value;
using aw::vm::Vm;

namespace {

// The builtin `name` called with `args`; the exception text ("Type: message") on error.
QString callBuiltin(Vm& vm, const char* name, std::initializer_list<Value> args)
{
    Value fn = vm.builtins()->getStr(name);
    if (fn.isUnbound()) return QStringLiteral("<no builtin %1>").arg(QLatin1String(name));
    Value r = vm.call(fn, args);
    if (r.isError()) {
        Value exc = vm.takeError();
        return QString::fromStdString(vm.typeName(exc) + ": " + vm.exceptionMessage(exc));
    }
    std::string text;
    if (!vm.reprString(r, text)) {
        vm.clearError();
        return QStringLiteral("<repr failed>");
    }
    return QString::fromStdString(text);
}

QString moduleCall(Vm& vm, const char* module, const char* name, std::initializer_list<Value> args)
{
    Value m = vm.importModule(module);
    if (m.isError()) { vm.clearError(); return QStringLiteral("<no module>"); }
    Value fn = vm.getAttr(m, name);
    if (fn.isError()) { vm.clearError(); return QStringLiteral("<no function>"); }
    Value r = vm.call(fn, args);
    if (r.isError()) {
        Value exc = vm.takeError();
        return QString::fromStdString(vm.typeName(exc) + ": " + vm.exceptionMessage(exc));
    }
    std::string text;
    vm.reprString(r, text);
    return QString::fromStdString(text);
}

void compareRun(const QString& script, const QString& expected)
{
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

}  // namespace

class TestBuiltins : public QObject {
    Q_OBJECT
private slots:
    void printWritesThroughTheVmOutput()
    {
        Vm vm;
        std::string out;
        vm.setOutput([&](std::string_view s) { out += s; });
        Value print = vm.builtins()->getStr("print");
        Value args[] = {Value::integer(1), vm.newStr("a"), Value::number(2.5), Value::none()};
        Value r = vm.call(print, std::span<const Value>(args, 4));
        QVERIFY(!r.isError());
        QCOMPARE(QString::fromStdString(out), QStringLiteral("1 a 2.5 None\n"));
    }

    void direct_data()
    {
        QTest::addColumn<QString>("got");
        QTest::addColumn<QString>("want");
        // Each row builds its own Vm (rows must not share state).
        auto row = [](const char* name, QString got, const char* want) {
            QTest::newRow(name) << got << QString::fromUtf8(want);
        };
        {
            Vm vm;
            row("len", callBuiltin(vm, "len", {vm.newList({Value::integer(1), Value::integer(2)})}), "2");
            row("len str code points", callBuiltin(vm, "len", {vm.newStr("h\xc3\xa9llo")}), "5");
            row("len int", callBuiltin(vm, "len", {Value::integer(5)}), "TypeError: object of type 'int' has no len()");
            row("int str", callBuiltin(vm, "int", {vm.newStr(" -42 ")}), "-42");
            row("int base", callBuiltin(vm, "int", {vm.newStr("ff"), Value::integer(16)}), "255");
            row("int invalid", callBuiltin(vm, "int", {vm.newStr("abc")}),
                "ValueError: invalid literal for int() with base 10: 'abc'");
            row("int overflow", callBuiltin(vm, "int", {vm.newStr("9223372036854775808")}),
                "OverflowError: integer too large: Awaitscope ints are 64-bit");
            row("float str", callBuiltin(vm, "float", {vm.newStr("1e3")}), "1000.0");
            row("float inf", callBuiltin(vm, "float", {vm.newStr("-Infinity")}), "-inf");
            row("float invalid", callBuiltin(vm, "float", {vm.newStr("x")}),
                "ValueError: could not convert string to float: 'x'");
            row("round half even", callBuiltin(vm, "round", {Value::number(2.5)}), "2");
            row("round digits", callBuiltin(vm, "round", {Value::number(2.675), Value::integer(2)}), "2.67");
            row("round int negative digits", callBuiltin(vm, "round", {Value::integer(1250), Value::integer(-2)}), "1200");
            row("abs", callBuiltin(vm, "abs", {Value::integer(-3)}), "3");
            row("divmod", callBuiltin(vm, "divmod", {Value::integer(-7), Value::integer(2)}), "(-4, 1)");
            row("pow mod", callBuiltin(vm, "pow", {Value::integer(3), Value::integer(-1), Value::integer(7)}), "5");
            row("hex", callBuiltin(vm, "hex", {Value::integer(-255)}), "'-0xff'");
            row("bin", callBuiltin(vm, "bin", {Value::integer(5)}), "'0b101'");
            row("chr", callBuiltin(vm, "chr", {Value::integer(233)}), "'\xc3\xa9'");
            row("ord", callBuiltin(vm, "ord", {vm.newStr("A")}), "65");
            row("ord long", callBuiltin(vm, "ord", {vm.newStr("ab")}),
                "TypeError: ord() expected a character, but string of length 2 found");
            row("min", callBuiltin(vm, "min", {Value::integer(3), Value::integer(1), Value::integer(2)}), "1");
            row("max empty", callBuiltin(vm, "max", {vm.newList()}), "ValueError: max() arg is an empty sequence");
            row("sum", callBuiltin(vm, "sum", {vm.newList({Value::integer(1), Value::integer(2)}), Value::integer(10)}), "13");
            row("sorted", callBuiltin(vm, "sorted", {vm.newList({Value::integer(3), Value::integer(1), Value::integer(2)})}),
                "[1, 2, 3]");
            row("sorted mixed", callBuiltin(vm, "sorted", {vm.newList({Value::integer(1), vm.newStr("a")})}),
                "TypeError: '<' not supported between instances of 'str' and 'int'");
            row("list range", callBuiltin(vm, "list", {vm.newRange(0, 3, 1)}),
                "[0, 1, 2]");
            row("repr str", callBuiltin(vm, "repr", {vm.newStr("it's")}), "'\"it\\'s\"'");
            row("isinstance tuple", callBuiltin(vm, "isinstance", {Value::integer(1), vm.newTuple({Value(vm.types().str), Value(vm.types().int_)})}),
                "True");
            row("open is gone", QString::number(vm.builtins()->getStr("open").isUnbound()), "1");
            row("input", callBuiltin(vm, "input", {}), "EOFError: EOF when reading a line");
        }
        {
            Vm vm;
            row("random randint after seed 0", moduleCall(vm, "random", "randint", {Value::integer(1), Value::integer(10)}), "7");
            row("random choice empty", moduleCall(vm, "random", "choice", {vm.newList()}),
                "IndexError: Cannot choose from an empty sequence");
            row("math sqrt", moduleCall(vm, "math", "sqrt", {Value::integer(16)}), "4.0");
            row("math domain", moduleCall(vm, "math", "sqrt", {Value::integer(-1)}), "ValueError: math domain error");
            row("sleep negative", moduleCall(vm, "time", "sleep", {Value::integer(-1)}),
                "ValueError: sleep length must be non-negative");
            row("sleep", moduleCall(vm, "time", "sleep", {Value::number(1.5)}), "None");
            row("time after sleep", moduleCall(vm, "time", "time", {}), "1700000001.5");
            row("monotonic after sleep", moduleCall(vm, "time", "monotonic", {}), "1.5");
        }
        {
            Vm vm;
            auto pf = [&](const char* fmt, Value args) {
                Value r = aw::rt::percentFormat(vm, vm.newStr(fmt), args);
                if (r.isError()) {
                    Value exc = vm.takeError();
                    return QString::fromStdString(vm.typeName(exc) + ": " + vm.exceptionMessage(exc));
                }
                return QString::fromStdString(r.as<aw::vm::StrObj>()->text());
            };
            row("percent tuple", pf("%s is %d", vm.newTuple({vm.newStr("Tom"), Value::integer(30)})), "Tom is 30");
            row("percent flags", pf("%5.2f|%-5s|%05d|%x|%r|%%",
                                    vm.newTuple({Value::number(3.14159), vm.newStr("ab"), Value::integer(42),
                                                 Value::integer(255), vm.newStr("q")})),
                " 3.14|ab   |00042|ff|'q'|%");
            row("percent single", pf("%s!", vm.newStr("one")), "one!");
            row("percent too few", pf("%s %s", vm.newTuple({Value::integer(1)})),
                "TypeError: not enough arguments for format string");
            row("percent too many", pf("%s", vm.newTuple({Value::integer(1), Value::integer(2)})),
                "TypeError: not all arguments converted during string formatting");
            row("percent unsupported", pf("%z", Value::integer(1)),
                "ValueError: unsupported format character 'z' (0x7a) at index 1");
            Value d = vm.newDict();
            d.as<aw::vm::DictObj>()->setStr(vm, "a", Value::integer(1));
            d.as<aw::vm::DictObj>()->setStr(vm, "b", Value::integer(2));
            row("percent mapping", pf("%(a)s-%(b)03d", d), "1-002");
            row("percent list is one value", pf("%s", vm.newList({Value::integer(1), Value::integer(2)})), "[1, 2]");
            row("percent conversions", pf("%i %c %X %o %e %g %+d",
                                          vm.newTuple({Value::integer(7), Value::integer(65), Value::integer(255),
                                                       Value::integer(8), Value::number(12345.678),
                                                       Value::number(0.0001), Value::integer(3)})),
                "7 A FF 10 1.234568e+04 0.0001 +3");
            row("percent widths", pf("%.2f%% %-8s| %8s| %+.1e %#x %#o",
                                     vm.newTuple({Value::number(99.5), vm.newStr("left"), vm.newStr("right"),
                                                  Value::number(12345.6789), Value::integer(255), Value::integer(8)})),
                "99.50% left    |    right| +1.2e+04 0xff 0o10");
            row("percent star", pf("%*d|%-*d|%.*f", vm.newTuple({Value::integer(5), Value::integer(1), Value::integer(4),
                                                                 Value::integer(2), Value::integer(2), Value::number(3.14159)})),
                "    1|2   |3.14");
            row("percent float as int", pf("%d", Value::number(3.9)), "3");
            row("percent needs mapping", pf("%(k)s", Value::integer(5)), "TypeError: format requires a mapping");
            row("percent bad int", pf("%d", vm.newStr("a")), "TypeError: %d format: a real number is required, not str");
            row("percent hex of float", pf("%x", Value::number(1.5)),
                "TypeError: %x format: an integer is required, not float");
        }
    }

    void direct()
    {
        QFETCH(QString, got);
        QFETCH(QString, want);
        QCOMPARE(got, want);
    }

    void scripts_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
    QTest::newRow("print_repr") << QString::fromUtf8("print(\"hello\", 1, 2.5, None, True, sep=\"|\")\n"
            "print(\"a\", end=\"\")\n"
            "print(\"b\")\n"
            "print()\n"
            "print(1, 2, 3, sep=\", \", end=\"!\\n\")\n"
            "print([1, 'a', \"it's\", 2.0, None, (1,), (), [], {}, {1: 'x'}, set(), {3}])\n"
            "print(repr(\"a'b\\\"c\"), repr('\\t\\n'), str(3.0), str(1e16), str(0.1 + 0.2), repr(1e-5), 1/3)\n"
            "x = [1, 2]\n"
            "x.append(x)\n"
            "print(x)\n"
            "d = {'k': 1}\n"
            "d['self'] = d\n"
            "print(d)\n"
            "print(str(\"plain\"), repr(\"plain\"), str(None), str(True), repr(False))\n"
            "print((1, 'two', [3.5]), frozenset(), range(5), range(1, 10, 3))\n"
            "print(-0.0, float('inf'), -float('inf'), float('nan'), 1e300 * 10, 2**62)\n"
            "print({}.keys(), {'a': 1}.values(), {'a': 1, 'b': 2}.items())\n")
        << QString::fromUtf8("0.000\thello|1|2.5|None|True\n"
            "0.000\tab\n"
            "0.000\t\n"
            "0.000\t1, 2, 3!\n"
            "0.000\t[1, 'a', \"it's\", 2.0, None, (1,), (), [], {}, {1: 'x'}, set(), {3}]\n"
            "0.000\t'a\\'b\"c' '\\t\\n' 3.0 1e+16 0.30000000000000004 1e-05 0.3333333333333333\n"
            "0.000\t[1, 2, [...]]\n"
            "0.000\t{'k': 1, 'self': {...}}\n"
            "0.000\tplain 'plain' None True False\n"
            "0.000\t(1, 'two', [3.5]) frozenset() range(0, 5) range(1, 10, 3)\n"
            "0.000\t-0.0 inf -inf nan 1e+301 4611686018427387904\n"
            "0.000\tdict_keys([]) dict_values([1]) dict_items([('a', 1), ('b', 2)])\n");
    QTest::newRow("numbers") << QString::fromUtf8("print(int(\"42\"), int(\" -7 \"), int(\"ff\", 16), int(\"0x1f\", 0), int(\"1_000\"), int(3.9), int(-3.9), int(True), int(\"z\", 36))\n"
            "print(float(\"1.5\"), float(\" 2 \"), float(\"inf\"), float(\"-Infinity\"), float(\"nan\"), float(3), float(\"1e3\"))\n"
            "print(abs(-3), abs(-2.5), abs(True), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(7, 1), round(1.5, 0))\n"
            "print(min(3, 1, 2), max([1, 5, 2]), min(\"abc\"), max([1, 3, 2], key=lambda v: -v), min([], default=\"empty\"), max((), default=None))\n"
            "print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([]), sum(range(101)))\n"
            "print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2, -1), pow(2.0, 0.5))\n"
            "print(bin(5), bin(-5), oct(8), hex(255), hex(-255), hex(0), chr(65), chr(233), ord(\"A\"), ord(\"\303\251\"))\n"
            "print(format(3.14159, \".2f\"), format(42, \">5\"), format(42, \"05d\"), format(\"x\", \"^5\"), format(1234567, \",\"), format(0.5, \"%\"), format(7))\n"
            "print(bool(0), bool(\"\"), bool([1]), bool(None), bool(0.0), bool(\"x\"))\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: int('abc'))\n"
            "check(lambda: int('12', 1))\n"
            "check(lambda: int(None))\n"
            "check(lambda: float('x'))\n"
            "check(lambda: divmod(1, 0))\n"
            "check(lambda: pow(2, 3, 0))\n"
            "check(lambda: chr(-1))\n"
            "check(lambda: ord('ab'))\n"
            "check(lambda: abs('x'))\n"
            "check(lambda: min([]))\n"
            "check(lambda: max())\n"
            "check(lambda: sum(['a'], ''))\n"
            "check(lambda: round('x'))\n"
            "check(lambda: hex(1.5))\n"
            "check(lambda: int('010', 0))\n"
            "check(lambda: max(1, 2, default=3))\n")
        << QString::fromUtf8("0.000\t42 -7 255 31 1000 3 -3 1 35\n"
            "0.000\t1.5 2.0 inf -inf nan 3.0 1000.0\n"
            "0.000\t3 2.5 1 2 4 0 2.67 1200 7 2.0\n"
            "0.000\t1 5 a 1 empty None\n"
            "0.000\t6 13 0.9999999999999999 0 5050\n"
            "0.000\t(3, 1) (-4, 1) (3.0, 1.5) 1024 24 5 0.5 1.4142135623730951\n"
            "0.000\t0b101 -0b101 0o10 0xff -0xff 0x0 A \303\251 65 233\n"
            "0.000\t3.14    42 00042   x   1,234,567 50.000000% 7\n"
            "0.000\tFalse False True False False True\n"
            "0.000\tValueError invalid literal for int() with base 10: 'abc'\n"
            "0.000\tValueError int() base must be >= 2 and <= 36, or 0\n"
            "0.000\tTypeError int() argument must be a string, a bytes-like object or a real number, not 'NoneType'\n"
            "0.000\tValueError could not convert string to float: 'x'\n"
            "0.000\tZeroDivisionError integer division or modulo by zero\n"
            "0.000\tValueError pow() 3rd argument cannot be 0\n"
            "0.000\tValueError chr() arg not in range(0x110000)\n"
            "0.000\tTypeError ord() expected a character, but string of length 2 found\n"
            "0.000\tTypeError bad operand type for abs(): 'str'\n"
            "0.000\tValueError min() arg is an empty sequence\n"
            "0.000\tTypeError max expected at least 1 argument, got 0\n"
            "0.000\tTypeError sum() can't sum strings [use ''.join(seq) instead]\n"
            "0.000\tTypeError type str doesn't define __round__ method\n"
            "0.000\tTypeError 'float' object cannot be interpreted as an integer\n"
            "0.000\tValueError invalid literal for int() with base 0: '010'\n"
            "0.000\tTypeError Cannot specify a default for max() with multiple positional arguments\n");
    QTest::newRow("sequences") << QString::fromUtf8("print(len(\"h\303\251llo\"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2, 2}))\n"
            "print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)), range(3)[1], range(10)[-1], 5 in range(10))\n"
            "print(list(enumerate(\"ab\")), list(enumerate([\"x\", \"y\"], start=1)))\n"
            "print(list(zip([1, 2, 3], \"ab\")), list(zip()), list(zip([1], [2], [3])))\n"
            "print(sorted([3, 1, 2]), sorted(\"bca\", reverse=True), sorted([(\"b\", 2), (\"a\", 2), (\"c\", 1)], key=lambda p: p[1]))\n"
            "print(list(reversed([1, 2, 3])), list(reversed(\"abc\")), list(reversed(range(4))))\n"
            "print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, \"\", \"a\"])), list(filter(lambda v: v > 1, [1, 2, 3])))\n"
            "it = iter([1, 2])\n"
            "print(next(it), next(it), next(it, \"done\"))\n"
            "print(any([]), any([0, 1]), all([]), all([1, 0]), all(x > 0 for x in [1, 2]))\n"
            "print(list(\"abc\"), tuple([1, 2]), dict(a=1, b=2), dict([(\"x\", 1)], y=2), dict({\"k\": \"v\"}), set([1, 2, 2]), frozenset([1]), list({\"a\": 1}))\n"
            "print(tuple(), list(), dict(), set(), str(), int(), float())\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: len(5))\n"
            "check(lambda: range(1.5))\n"
            "check(lambda: range(1, 2, 0))\n"
            "check(lambda: next(iter([])))\n"
            "check(lambda: iter(5))\n"
            "check(lambda: sorted([1, 'a']))\n"
            "check(lambda: list(zip([1], [1, 2], strict=True)))\n"
            "check(lambda: dict([1]))\n"
            "check(lambda: reversed(5))\n"
            "check(lambda: map(len))\n")
        << QString::fromUtf8("0.000\t5 2 0 10 1 2\n"
            "0.000\t[0, 1, 2, 3, 4] [2, 5, 8] [10, 7, 4, 1] [] 1 9 True\n"
            "0.000\t[(0, 'a'), (1, 'b')] [(1, 'x'), (2, 'y')]\n"
            "0.000\t[(1, 'a'), (2, 'b')] [] [(1, 2, 3)]\n"
            "0.000\t[1, 2, 3] ['c', 'b', 'a'] [('c', 1), ('b', 2), ('a', 2)]\n"
            "0.000\t[3, 2, 1] ['c', 'b', 'a'] [3, 2, 1, 0]\n"
            "0.000\t['1', '2'] [11, 22] [1, 'a'] [2, 3]\n"
            "0.000\t1 2 done\n"
            "0.000\tFalse True True False True\n"
            "0.000\t['a', 'b', 'c'] (1, 2) {'a': 1, 'b': 2} {'x': 1, 'y': 2} {'k': 'v'} {1, 2} frozenset({1}) ['a']\n"
            "0.000\t() [] {} set()  0 0.0\n"
            "0.000\tTypeError object of type 'int' has no len()\n"
            "0.000\tTypeError 'float' object cannot be interpreted as an integer\n"
            "0.000\tValueError range() arg 3 must not be zero\n"
            "0.000\tStopIteration \n"
            "0.000\tTypeError 'int' object is not iterable\n"
            "0.000\tTypeError '<' not supported between instances of 'str' and 'int'\n"
            "0.000\tValueError zip() argument 2 is longer than argument 1\n"
            "0.000\tTypeError cannot convert dictionary update sequence element #0 to a sequence\n"
            "0.000\tTypeError 'int' object is not reversible\n"
            "0.000\tTypeError map() must have at least two arguments.\n");
    QTest::newRow("objects") << QString::fromUtf8("class Point:\n"
            "    def __init__(self, x, y):\n"
            "        self.x = x\n"
            "        self.y = y\n"
            "\n"
            "class Sub(Point):\n"
            "    pass\n"
            "\n"
            "p = Sub(1, 2)\n"
            "print(isinstance(p, Point), isinstance(1, (str, int)), isinstance(True, int), issubclass(Sub, Point), issubclass(bool, (str, int)))\n"
            "print(type(1), type(\"a\"), type(None), type([]), type(p).__name__, type(p) is Sub, type(len))\n"
            "print(getattr(p, \"x\"), getattr(p, \"z\", \"default\"), hasattr(p, \"y\"), hasattr(p, \"z\"))\n"
            "setattr(p, \"z\", 9)\n"
            "print(p.z, vars(p))\n"
            "delattr(p, \"z\")\n"
            "print(hasattr(p, \"z\"), callable(len), callable(p), callable(Point), callable(lambda: 0))\n"
            "print(hash(1) == hash(1.0), hash(\"a\") == hash(\"a\"), id(p) == id(p), id(p) != id(Point))\n"
            "print(repr(len), repr(print))\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: getattr(1, 'zz'))\n"
            "check(lambda: isinstance(1, 2))\n"
            "check(lambda: hash([]))\n"
            "check(lambda: open('x'))\n"
            "check(lambda: input())\n"
            "check(lambda: type(1, 2))\n"
            "check(lambda: vars(1))\n")
        << QString::fromUtf8("0.000\tTrue True True True True\n"
            "0.000\t<class 'int'> <class 'str'> <class 'NoneType'> <class 'list'> Sub True <class 'builtin_function_or_method'>\n"
            "0.000\t1 default True False\n"
            "0.000\t9 {'x': 1, 'y': 2, 'z': 9}\n"
            "0.000\tFalse True False True True\n"
            "0.000\tTrue True True True\n"
            "0.000\t<built-in function len> <built-in function print>\n"
            "0.000\tAttributeError 'int' object has no attribute 'zz'\n"
            "0.000\tTypeError isinstance() arg 2 must be a type, a tuple of types, or a union\n"
            "0.000\tTypeError unhashable type: 'list'\n"
            "0.000\tNameError name 'open' is not defined\n"
            "0.000\tEOFError EOF when reading a line\n"
            "0.000\tTypeError type() takes 1 or 3 arguments\n"
            "0.000\tTypeError vars() argument must have __dict__ attribute\n");
    QTest::newRow("containers") << QString::fromUtf8("a = [3, 1, 2]\n"
            "a.append(4); a.extend([5, 6]); a.insert(0, 0); a.insert(-1, 9)\n"
            "print(a, a.pop(), a.pop(0), a.index(2), a.count(1))\n"
            "a.remove(9); a.sort(); print(a); a.sort(reverse=True); print(a); a.reverse(); print(a)\n"
            "b = a.copy(); b.clear(); print(a, b)\n"
            "words = [\"pear\", \"Fig\", \"apple\", \"fig\"]\n"
            "words.sort(key=str.lower); print(words)\n"
            "print([1, 2, 3].index(3, 1), [1, 2] * 2, [1] + [2], 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3])\n"
            "d = {\"a\": 1}\n"
            "print(d.get(\"a\"), d.get(\"b\"), d.get(\"b\", 0), d.setdefault(\"c\", 3), d.setdefault(\"a\", 9), d)\n"
            "print(d.pop(\"c\"), d.pop(\"zz\", \"none\"), d, list(d.keys()), list(d.values()), list(d.items()))\n"
            "d.update({\"b\": 2}); d.update([(\"e\", 5)]); d.update(f=6); print(d, len(d.keys()), \"a\" in d.keys(), d.copy() == d)\n"
            "print(d.popitem(), dict.fromkeys(\"ab\"), dict.fromkeys([1, 2], 0))\n"
            "for k, v in d.items():\n"
            "    print(k, v, end=\"; \")\n"
            "print()\n"
            "s = {1, 2, 3}\n"
            "s.add(4); s.discard(10); s.remove(1); print(s, s.pop(), s)\n"
            "t = {1, 2, 3}\n"
            "print(t.union({4}), t.intersection([2, 3, 9]), t.difference({1}), t.symmetric_difference({3, 4}), t | {5}, t & {1}, t - {1}, t ^ {4})\n"
            "print({1, 2}.issubset(t), t.issuperset({1}), t.isdisjoint({7}), t.copy())\n"
            "t.update([7, 8]); print(sorted(t)); t.clear(); print(t)\n"
            "print((1, 2, 1).count(1), (1, 2, 3).index(2))\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: [].pop())\n"
            "check(lambda: [1].pop(5))\n"
            "check(lambda: [].remove(1))\n"
            "check(lambda: [].index(1))\n"
            "check(lambda: {}.popitem())\n"
            "check(lambda: {}.pop(1))\n"
            "check(lambda: set().pop())\n"
            "check(lambda: set().remove(1))\n"
            "check(lambda: (1,).index(2))\n"
            "check(lambda: {}['x'])\n"
            "check(lambda: [1, 'a'].sort())\n")
        << QString::fromUtf8("0.000\t[3, 1, 2, 4, 5, 9] 6 0 2 1\n"
            "0.000\t[1, 2, 3, 4, 5]\n"
            "0.000\t[5, 4, 3, 2, 1]\n"
            "0.000\t[1, 2, 3, 4, 5]\n"
            "0.000\t[1, 2, 3, 4, 5] []\n"
            "0.000\t['apple', 'Fig', 'fig', 'pear']\n"
            "0.000\t2 [1, 2, 1, 2] [1, 2] True True True\n"
            "0.000\t1 None 0 3 1 {'a': 1, 'c': 3}\n"
            "0.000\t3 none {'a': 1} ['a'] [1] [('a', 1)]\n"
            "0.000\t{'a': 1, 'b': 2, 'e': 5, 'f': 6} 4 True True\n"
            "0.000\t('f', 6) {'a': None, 'b': None} {1: 0, 2: 0}\n"
            "0.000\ta 1; b 2; e 5; \n"
            "0.000\t{3, 4} 2 {3, 4}\n"
            "0.000\t{1, 2, 3, 4} {2, 3} {2, 3} {1, 2, 4} {1, 2, 3, 5} {1} {2, 3} {1, 2, 3, 4}\n"
            "0.000\tTrue True True {1, 2, 3}\n"
            "0.000\t[1, 2, 3, 7, 8]\n"
            "0.000\tset()\n"
            "0.000\t2 1\n"
            "0.000\tIndexError pop from empty list\n"
            "0.000\tIndexError pop index out of range\n"
            "0.000\tValueError list.remove(x): x not in list\n"
            "0.000\tValueError 1 is not in list\n"
            "0.000\tKeyError 'popitem(): dictionary is empty'\n"
            "0.000\tKeyError 1\n"
            "0.000\tKeyError 'pop from an empty set'\n"
            "0.000\tKeyError 1\n"
            "0.000\tValueError tuple.index(x): x not in tuple\n"
            "0.000\tKeyError 'x'\n"
            "0.000\tTypeError '<' not supported between instances of 'str' and 'int'\n");
    QTest::newRow("modules") << QString::fromUtf8("import time\n"
            "import random\n"
            "import functools\n"
            "import math\n"
            "print(time.time(), time.monotonic(), time.perf_counter())\n"
            "time.sleep(1.5)\n"
            "print(time.time(), time.monotonic(), time.time_ns(), time.monotonic_ns())\n"
            "print(random.random(), random.randint(1, 10), random.randrange(10), random.randrange(0, 100, 5), random.uniform(1, 2))\n"
            "random.seed(42)\n"
            "items = [1, 2, 3, 4, 5]\n"
            "random.shuffle(items)\n"
            "print(items, random.choice(\"abc\"), random.sample(range(10), 3), random.getrandbits(8))\n"
            "def add(a, b, c=0):\n"
            "    return a + b + c\n"
            "p = functools.partial(add, 1, c=5)\n"
            "print(p(2), p.func is add, p.args, p.keywords)\n"
            "print(functools.reduce(lambda x, y: x * y, [1, 2, 3, 4]), functools.reduce(lambda x, y: x + y, [], 7))\n"
            "def deco(f):\n"
            "    @functools.wraps(f)\n"
            "    def inner(*a):\n"
            "        return f(*a)\n"
            "    return inner\n"
            "@deco\n"
            "def named():\n"
            "    \"doc\"\n"
            "    return 1\n"
            "print(named.__name__, named())\n"
            "print(math.floor(2.5), math.ceil(2.1), math.sqrt(16), math.pi, math.e, math.inf, math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.fabs(-2), math.trunc(-2.7), math.log(math.e), math.exp(0), math.pow(2, 3), math.log(8, 2))\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: time.sleep(-1))\n"
            "check(lambda: random.randint(5, 1))\n"
            "check(lambda: random.choice([]))\n"
            "check(lambda: random.sample([1], 2))\n"
            "check(lambda: math.sqrt(-1))\n"
            "check(lambda: functools.reduce(max, []))\n"
            "time.sleep(0.25)\n"
            "print(\"end\")\n")
        << QString::fromUtf8("0.000\t1700000000.0 0.0 0.0\n"
            "1.500\t1700000001.5 1.5 1700000001500000000 1500000000\n"
            "1.500\t0.8444218515250481 7 0 40 1.965464886361917\n"
            "1.500\t[4, 2, 3, 5, 1] a [3, 2, 1] 173\n"
            "1.500\t8 True (1,) {'c': 5}\n"
            "1.500\t24 7\n"
            "1.500\tnamed 1\n"
            "1.500\t2 3 4.0 3.141592653589793 2.718281828459045 inf True 6 2.0 -2 1.0 1.0 8.0 3.0\n"
            "1.500\tValueError sleep length must be non-negative\n"
            "1.500\tValueError empty range for randrange() (5, 2, -3)\n"
            "1.500\tIndexError Cannot choose from an empty sequence\n"
            "1.500\tValueError Sample larger than population or is negative\n"
            "1.500\tValueError math domain error\n"
            "1.500\tTypeError reduce() of empty iterable with no initial value\n"
            "1.750\tend\n");
    QTest::newRow("more") << QString::fromUtf8("import functools\n"
            "class Card:\n"
            "    def __init__(self, rank, suit):\n"
            "        self.rank = rank\n"
            "        self.suit = suit\n"
            "    def __repr__(self):\n"
            "        return f\"Card({self.rank!r}, {self.suit!r})\"\n"
            "    def __str__(self):\n"
            "        return f\"{self.rank} of {self.suit}\"\n"
            "    def __lt__(self, other):\n"
            "        return self.rank < other.rank\n"
            "    def __eq__(self, other):\n"
            "        return self.rank == other.rank\n"
            "cards = [Card(3, \"hearts\"), Card(1, \"spades\"), Card(3, \"clubs\"), Card(2, \"hearts\")]\n"
            "print(sorted(cards))\n"
            "print(min(cards), max(cards), str(cards[0]), repr(cards[0]))\n"
            "print(cards.index(Card(3, \"x\")), cards.count(Card(3, \"y\")), Card(2, \"z\") in cards)\n"
            "print(sorted([\"b\", \"A\", \"c\"], key=str.lower), sorted([(1, \"b\"), (1, \"a\"), (0, \"z\")]), max([3, 1, 3], key=lambda v: v % 3))\n"
            "class Countdown:\n"
            "    def __init__(self, n):\n"
            "        self.n = n\n"
            "    def __iter__(self):\n"
            "        return self\n"
            "    def __next__(self):\n"
            "        if self.n <= 0:\n"
            "            raise StopIteration\n"
            "        self.n -= 1\n"
            "        return self.n + 1\n"
            "print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), list(enumerate(Countdown(2), 10)), dict(zip(\"ab\", Countdown(2))))\n"
            "class Box:\n"
            "    def __init__(self, items):\n"
            "        self.items = items\n"
            "    def __len__(self):\n"
            "        return len(self.items)\n"
            "    def __getitem__(self, i):\n"
            "        return self.items[i]\n"
            "print(len(Box([1, 2])), list(reversed(Box([1, 2, 3]))), bool(Box([])))\n"
            "p = functools.partial(print, \"tag:\", sep=\"\")\n"
            "p(\"x\", \"y\")\n"
            "print(repr(functools.partial(max, 1, key=abs))[:27])\n"
            "def power(base, exp):\n"
            "    return base ** exp\n"
            "square = functools.partial(power, exp=2)\n"
            "print(square(5), square.keywords, square.args, square(3, exp=3))\n"
            "@functools.lru_cache(maxsize=None)\n"
            "def fib(n):\n"
            "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
            "print(fib(50), fib.__name__)\n"
            "d = {\"b\": 2, \"a\": 1}\n"
            "ks = d.keys()\n"
            "d[\"c\"] = 3\n"
            "print(ks, len(ks), \"c\" in ks, list(d.values()), (\"a\", 1) in d.items(), sorted(d), list(reversed(list(d))))\n"
            "print(list(zip(*[(1, \"a\"), (2, \"b\")])), list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, [\"1\", \"a\", \"22\"])))\n"
            "it = iter(range(3))\n"
            "print(next(it), list(it), list(it))\n"
            "print(divmod(-7.5, 2), round(-2.5), round(0.125, 2), round(12.5, -1), abs(-0.0), int(\"-0\"), float(\"-0\"))\n"
            "print(isinstance(3, (float, (str, int))), issubclass(bool, int), type(3) is int, type(True).__name__)\n"
            "print(all(x for x in []), any(x > 2 for x in range(5)), max(\"hello\"), min(4, 2, 8, key=lambda v: -v))\n"
            "def check(f):\n"
            "    try:\n"
            "        f()\n"
            "    except Exception as e:\n"
            "        print(type(e).__name__, e)\n"
            "check(lambda: list(zip([1, 2], [1], strict=True)))\n"
            "check(lambda: list(zip([1], [1], [1, 2], strict=True)))\n"
            "check(lambda: sorted(cards, key=len))\n"
            "check(lambda: functools.partial(5))\n"
            "check(lambda: next(iter({})))\n"
            "check(lambda: [1, 2].sort(1))\n"
            "check(lambda: dict([(1, 2, 3)]))\n"
            "check(lambda: {}.fromkeys(1))\n"
            "check(lambda: setattr(1, \"x\", 2))\n"
            "check(lambda: int(\"12\", base=1))\n"
            "check(lambda: float(\"1e5x\"))\n"
            "check(lambda: \"a\" + 1)\n"
            "check(lambda: round(float(\"inf\")))\n"
            "check(lambda: int(float(\"nan\")))\n")
        << QString::fromUtf8("0.000\t[Card(1, 'spades'), Card(2, 'hearts'), Card(3, 'hearts'), Card(3, 'clubs')]\n"
            "0.000\t1 of spades 3 of hearts 3 of hearts Card(3, 'hearts')\n"
            "0.000\t0 2 True\n"
            "0.000\t['A', 'b', 'c'] [(0, 'z'), (1, 'a'), (1, 'b')] 1\n"
            "0.000\t[3, 2, 1] 10 [1, 2, 3] [(10, 2), (11, 1)] {'a': 2, 'b': 1}\n"
            "0.000\t2 [3, 2, 1] False\n"
            "0.000\ttag:xy\n"
            "0.000\tfunctools.partial(<built-in\n"
            "0.000\t25 {'exp': 2} () 27\n"
            "0.000\t12586269025 fib\n"
            "0.000\tdict_keys(['b', 'a', 'c']) 3 True [2, 1, 3] True ['a', 'b', 'c'] ['c', 'a', 'b']\n"
            "0.000\t[(1, 2), ('a', 'b')] [8, 9] ['1', '22']\n"
            "0.000\t0 [1, 2] []\n"
            "0.000\t(-4.0, 0.5) -2 0.12 10.0 0.0 0 -0.0\n"
            "0.000\tTrue True True bool\n"
            "0.000\tTrue True o 8\n"
            "0.000\tValueError zip() argument 2 is shorter than argument 1\n"
            "0.000\tValueError zip() argument 3 is longer than arguments 1-2\n"
            "0.000\tTypeError object of type 'Card' has no len()\n"
            "0.000\tTypeError the first argument must be callable\n"
            "0.000\tStopIteration \n"
            "0.000\tTypeError sort() takes no positional arguments\n"
            "0.000\tValueError dictionary update sequence element #0 has length 3; 2 is required\n"
            "0.000\tTypeError 'int' object is not iterable\n"
            "0.000\tAttributeError 'int' object has no attribute 'x'\n"
            "0.000\tValueError int() base must be >= 2 and <= 36, or 0\n"
            "0.000\tValueError could not convert string to float: '1e5x'\n"
            "0.000\tTypeError can only concatenate str (not \"int\") to str\n"
            "0.000\tOverflowError cannot convert float infinity to integer\n"
            "0.000\tValueError cannot convert float NaN to integer\n");
    }

    void scripts()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        compareRun(script, expected);
    }
};

QTEST_GUILESS_MAIN(TestBuiltins)
#include "tst_builtins.moc"
