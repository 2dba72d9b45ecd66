// The VM end to end: scripts run through runScript (parser + compiler + VM),
// compared with what CPython 3.11 prints for them (expected outputs made with
// the oracle, ../shared/conformance/vtrun.py); tracebacks, syntax errors, the
// step budget, the recursion limit; and a hand-built CodeUnit (no compiler).
#include "core/bytecode/code_unit.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/run/runner.h"
#include "core/vm/vm.h"

#include <QtTest>

using namespace aw;

namespace {
QString runText(const QString& source, uint64_t budget = 5'000'000) {
    run::RunOptions o;
    o.stepBudget = budget;
    run::RunResult r = run::runScript(source.toStdString(), "t.py", o);
    if (r.syntaxError) return QString::fromStdString(run::formatSyntaxError(*r.syntaxError, "t.py", source.toStdString()));
    return QString::fromStdString(run::formatRun(r));
}
}  // namespace

class TestVm : public QObject {
    Q_OBJECT
private slots:
    void scripts_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("basic") << QString::fromUtf8("def fib(n):\n"
            "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
            "print(fib(15), 7 // -2, -7 % 3, 2 ** -1, 10 / 4, 3 * \"ab\", [1, 2] + [3])\n"
            "x = [i * i for i in range(6) if i % 2 == 0]\n"
            "d = {k: v for k, v in zip(\"abc\", range(3))}\n"
            "s = {n % 4 for n in range(10)}\n"
            "print(x, d, s, sorted(s), len(d))\n"
            "a, *rest, z = range(5)\n"
            "print(a, rest, z, x[1:], x[::-1], \"héllo\"[1], \"héllo\"[1:3])\n"
            "t = (1,)\n"
            "print(t, (), 1 < 2.5, 3 == 3.0, None is None, \"b\" in \"abc\", 2 in {1: 2}, 1.5 + True)\n"
            "print(f\"{3.14159:.2f}|{'x'!r}|{42:>5}|{7}\")\n")
                              << QString::fromUtf8("0.000\t610 -4 2 0.5 2.5 ababab [1, 2, 3]\n"
            "0.000\t[0, 4, 16] {'a': 0, 'b': 1, 'c': 2} {0, 1, 2, 3} [0, 1, 2, 3] 3\n"
            "0.000\t0 [1, 2, 3] 4 [4, 16] [16, 4, 0] é él\n"
            "0.000\t(1,) () True True True True False 2.5\n"
            "0.000\t3.14|'x'|   42|7\n");
        // str % (BINARY_OP Mod routed to percentFormat), set ^ in CPython's order,
        // CPython-exact hashes (PYTHONHASHSEED=0), a generator's return value in
        // StopIteration for send()/__next__().
        QTest::newRow("percent_xor_hash_stop") << QString::fromUtf8("print(\"%s-%03d|%-4s|%x\" % (\"a\", 7, \"b\", 255), \"%(k)s\" % {\"k\": 1}, \"%d%%\" % 5)\n"
            "s = \"n=%d\"\n"
            "s %= 4\n"
            "print(s, {1, 2, 3} ^ {1, 9}, {1, 2, 3} ^ {3}, frozenset({5, 6}) ^ {6, 7})\n"
            "x = {1, 2}\n"
            "x ^= {2, 3}\n"
            "print(x, set([\"apple\", \"banana\", \"cherry\"]), hash(\"abc\"), hash((1, 2)), hash(1.5), hash(-1), hash(True))\n"
            "def g():\n"
            "    yield 1\n"
            "    return \"done\"\n"
            "it = g()\n"
            "print(it.send(None))\n"
            "try:\n"
            "    it.send(None)\n"
            "except StopIteration as e:\n"
            "    print(\"stop\", e.value, e.args)\n"
            "it = g()\n"
            "next(it)\n"
            "try:\n"
            "    it.__next__()\n"
            "except StopIteration as e:\n"
            "    print(\"stop\", e.value, e.args)\n")
                              << QString::fromUtf8("0.000\ta-007|b   |ff 1 5%\n"
            "0.000\tn=4 {2, 3, 9} {1, 2} frozenset({5, 7})\n"
            "0.000\t{1, 3} {'banana', 'apple', 'cherry'} -4594863902769663758 -3550055125485641917 1152921504606846977 -2 1\n"
            "0.000\t1\n"
            "0.000\tstop done ('done',)\n"
            "0.000\tstop done ('done',)\n");
        QTest::newRow("closure") << QString::fromUtf8("def counter():\n"
            "    n = 0\n"
            "    def inc(step=1):\n"
            "        nonlocal n\n"
            "        n += step\n"
            "        return n\n"
            "    return inc\n"
            "c = counter()\n"
            "c(); c(); print(c(10))\n"
            "def kw(a, b=2, *args, c, d=4, **kw):\n"
            "    return (a, b, args, c, d, kw)\n"
            "print(kw(1, c=3))\n"
            "print(kw(1, 2, 3, 4, c=5, e=6))\n"
            "print(kw(*[1, 2], **{\"c\": 9}))\n"
            "try:\n"
            "    kw()\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "try:\n"
            "    kw(1, 2, c=1, b=3)\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "def two(x, y): pass\n"
            "try:\n"
            "    two(1, 2, 3)\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "f = lambda *a: sum(a)\n"
            "print(f(1, 2, 3), (lambda x=5: x)())\n"
            "g = 10\n"
            "def read_global():\n"
            "    global g\n"
            "    g += 1\n"
            "    return g\n"
            "print(read_global(), g)\n")
                              << QString::fromUtf8("0.000\t12\n"
            "0.000\t(1, 2, (), 3, 4, {})\n"
            "0.000\t(1, 2, (3, 4), 5, 4, {'e': 6})\n"
            "0.000\t(1, 2, (), 9, 4, {})\n"
            "0.000\tkw() missing 1 required positional argument: 'a'\n"
            "0.000\tkw() got multiple values for argument 'b'\n"
            "0.000\ttwo() takes 2 positional arguments but 3 were given\n"
            "0.000\t6 5\n"
            "0.000\t11 11\n");
        QTest::newRow("class") << QString::fromUtf8("class Animal:\n"
            "    kind = \"animal\"\n"
            "    def __init__(self, name):\n"
            "        self.name = name\n"
            "    def speak(self):\n"
            "        return f\"{self.name} makes a sound\"\n"
            "    def __repr__(self):\n"
            "        return f\"Animal({self.name!r})\"\n"
            "class Dog(Animal):\n"
            "    def speak(self):\n"
            "        return super().speak() + \" (woof)\"\n"
            "    @property\n"
            "    def upper(self):\n"
            "        return self.name.upper()\n"
            "    @staticmethod\n"
            "    def s(x):\n"
            "        return x * 2\n"
            "    @classmethod\n"
            "    def make(cls, n):\n"
            "        return cls(n)\n"
            "d = Dog.make(\"rex\")\n"
            "print(d.speak(), d.upper, Dog.s(4), d.kind, repr(d), isinstance(d, Animal), type(d).__name__)\n"
            "class V:\n"
            "    def __init__(self, x): self.x = x\n"
            "    def __add__(self, o): return V(self.x + o.x)\n"
            "    def __eq__(self, o): return isinstance(o, V) and self.x == o.x\n"
            "    def __lt__(self, o): return self.x < o.x\n"
            "    def __len__(self): return self.x\n"
            "    def __iter__(self): return iter(range(self.x))\n"
            "    def __getitem__(self, i): return i * 10\n"
            "    def __contains__(self, v): return v == 42\n"
            "    def __call__(self, y): return self.x + y\n"
            "    def __str__(self): return f\"V{self.x}\"\n"
            "v = V(2) + V(3)\n"
            "print(v, v == V(5), V(1) < V(2), len(v), list(v), v[3], 42 in v, v(1), sorted([V(3), V(1)], key=lambda q: q.x)[0])\n"
            "class MyErr(ValueError):\n"
            "    def __init__(self, code):\n"
            "        super().__init__(f\"code {code}\")\n"
            "        self.code = code\n"
            "try:\n"
            "    raise MyErr(7)\n"
            "except ValueError as e:\n"
            "    print(type(e).__name__, e, e.code, e.args)\n"
            "class Ctx:\n"
            "    def __enter__(self):\n"
            "        print(\"enter\"); return self\n"
            "    def __exit__(self, t, v, tb):\n"
            "        print(\"exit\", t.__name__ if t else None, v); return True\n"
            "with Ctx() as c:\n"
            "    raise KeyError(\"k\")\n"
            "print(\"after with\")\n")
                              << QString::fromUtf8("0.000\trex makes a sound (woof) REX 8 animal Animal('rex') True Dog\n"
            "0.000\tV5 True True 5 [0, 1, 2, 3, 4] 30 True 6 V1\n"
            "0.000\tMyErr code 7 7 ('code 7',)\n"
            "0.000\tenter\n"
            "0.000\texit KeyError 'k'\n"
            "0.000\tafter with\n");
        QTest::newRow("exc") << QString::fromUtf8("def f(x):\n"
            "    try:\n"
            "        return 1 / x\n"
            "    except ZeroDivisionError as e:\n"
            "        raise ValueError(\"bad x\") from e\n"
            "    finally:\n"
            "        print(\"finally\", x)\n"
            "try:\n"
            "    f(0)\n"
            "except ValueError as e:\n"
            "    print(repr(e), repr(e.__cause__), e.__suppress_context__)\n"
            "try:\n"
            "    try:\n"
            "        {}[\"k\"]\n"
            "    except KeyError:\n"
            "        raise RuntimeError(\"during\")\n"
            "except RuntimeError as e:\n"
            "    print(repr(e.__context__), e.__cause__)\n"
            "def gen():\n"
            "    yield 1\n"
            "    r = yield 2\n"
            "    print(\"got\", r)\n"
            "    return \"done\"\n"
            "g = gen()\n"
            "print(next(g), g.send(None), end=\" \")\n"
            "try:\n"
            "    g.send(\"x\")\n"
            "except StopIteration as e:\n"
            "    print(\"stop\", e.value)\n"
            "def g2():\n"
            "    try:\n"
            "        yield 1\n"
            "    except ValueError:\n"
            "        yield \"caught\"\n"
            "    finally:\n"
            "        print(\"cleanup\")\n"
            "it = g2(); next(it)\n"
            "print(it.throw(ValueError))\n"
            "it.close()\n"
            "def deleg():\n"
            "    r = yield from gen()\n"
            "    print(\"deleg got\", r)\n"
            "print(list(deleg()))\n"
            "for i in range(3):\n"
            "    try:\n"
            "        if i == 1: continue\n"
            "        print(\"i\", i)\n"
            "    finally:\n"
            "        print(\"f\", i)\n"
            "assert 1 == 1\n"
            "try:\n"
            "    assert 1 == 2, \"nope\"\n"
            "except AssertionError as e:\n"
            "    print(\"assert\", e)\n"
            "try:\n"
            "    undefined_name\n"
            "except NameError as e:\n"
            "    print(e)\n"
            "def ul():\n"
            "    print(y)\n"
            "    y = 1\n"
            "try:\n"
            "    ul()\n"
            "except UnboundLocalError as e:\n"
            "    print(e)\n"
            "try:\n"
            "    None.foo\n"
            "except AttributeError as e:\n"
            "    print(e)\n"
            "print(int(\"12\") if False else 12)\n"
            "def deep(n): return deep(n + 1)\n"
            "try:\n"
            "    deep(0)\n"
            "except RecursionError as e:\n"
            "    print(\"recursion\", e)\n"
            "x = 1\n"
            "def outer():\n"
            "    raise TypeError(\"boom\")\n"
            "outer()\n")
                              << QString::fromUtf8("0.000\tfinally 0\n"
            "0.000\tValueError('bad x') ZeroDivisionError('division by zero') True\n"
            "0.000\tKeyError('k') None\n"
            "0.000\t1 2 got x\n"
            "0.000\tstop done\n"
            "0.000\tcaught\n"
            "0.000\tcleanup\n"
            "0.000\tgot None\n"
            "0.000\tdeleg got done\n"
            "0.000\t[1, 2]\n"
            "0.000\ti 0\n"
            "0.000\tf 0\n"
            "0.000\tf 1\n"
            "0.000\ti 2\n"
            "0.000\tf 2\n"
            "0.000\tassert nope\n"
            "0.000\tname 'undefined_name' is not defined\n"
            "0.000\tcannot access local variable 'y' where it is not associated with a value\n"
            "0.000\t'NoneType' object has no attribute 'foo'\n"
            "0.000\t12\n"
            "0.000\trecursion maximum recursion depth exceeded\n"
            "0.000\t!TypeError: boom\n");
        QTest::newRow("async") << QString::fromUtf8("class Fut:\n"
            "    def __init__(self): self.v = None\n"
            "    def __await__(self):\n"
            "        r = yield self\n"
            "        return r\n"
            "async def leaf(n):\n"
            "    got = await Fut()\n"
            "    return n + got\n"
            "async def mid():\n"
            "    a = await leaf(1)\n"
            "    b = await leaf(2)\n"
            "    return a + b\n"
            "c = mid()\n"
            "print(type(c).__name__)\n"
            "x = c.send(None)\n"
            "print(type(x).__name__)\n"
            "x = c.send(10)\n"
            "try:\n"
            "    c.send(20)\n"
            "except StopIteration as e:\n"
            "    print(\"result\", e.value)\n"
            "async def agen():\n"
            "    for i in range(3):\n"
            "        yield i\n"
            "        await Fut()\n"
            "async def use():\n"
            "    out = []\n"
            "    async for v in agen():\n"
            "        out.append(v)\n"
            "    return out\n"
            "u = use()\n"
            "r = None\n"
            "try:\n"
            "    while True:\n"
            "        u.send(r)\n"
            "except StopIteration as e:\n"
            "    print(\"agen\", e.value)\n"
            "class ACtx:\n"
            "    async def __aenter__(self):\n"
            "        print(\"aenter\")\n"
            "        return \"val\"\n"
            "    async def __aexit__(self, *a):\n"
            "        print(\"aexit\", a[0])\n"
            "async def w():\n"
            "    async with ACtx() as v:\n"
            "        print(\"inside\", v)\n"
            "    return 1\n"
            "try:\n"
            "    w().send(None)\n"
            "except StopIteration as e:\n"
            "    print(\"w\", e.value)\n"
            "async def thrower():\n"
            "    try:\n"
            "        await Fut()\n"
            "    except KeyError as e:\n"
            "        return \"handled \" + str(e)\n"
            "t = thrower(); t.send(None)\n"
            "try:\n"
            "    t.throw(KeyError(\"kk\"))\n"
            "except StopIteration as e:\n"
            "    print(e.value)\n")
                              << QString::fromUtf8("0.000\tcoroutine\n"
            "0.000\tFut\n"
            "0.000\tresult 33\n"
            "0.000\tagen [0, 1, 2]\n"
            "0.000\taenter\n"
            "0.000\tinside val\n"
            "0.000\taexit None\n"
            "0.000\tw 1\n"
            "0.000\thandled 'kk'\n");
    }
    void scripts() {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(runText(source), expected);
    }

    void snippets_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("main name") << "print(__name__ == '__main__')" << "0.000\tTrue\n";
        QTest::newRow("uncaught empty message") << "raise KeyError" << "0.000\t!KeyError\n";
        QTest::newRow("overflow") << "print(2 ** 62)\nx = 2 ** 63"
                                  << "0.000\t4611686018427387904\n0.000\t!OverflowError: integer overflow: Awaitscope ints are 64-bit\n";
        QTest::newRow("zero division float") << "1.0 / 0" << "0.000\t!ZeroDivisionError: float division by zero\n";
        QTest::newRow("float modulo") << "1.5 % 0.0" << "0.000\t!ZeroDivisionError: float modulo\n";
        QTest::newRow("unpack") << "a, b = [1, 2, 3]" << "0.000\t!ValueError: too many values to unpack (expected 2)\n";
        QTest::newRow("unpack few") << "a, b, c = 1, 2" << "0.000\t!ValueError: not enough values to unpack (expected 3, got 2)\n";
        QTest::newRow("not callable") << "x = 1\nx()" << "0.000\t!TypeError: 'int' object is not callable\n";
        QTest::newRow("import missing") << "import numpy"
                                        << "0.000\t!ModuleNotFoundError: No module named 'numpy' (the visualizer does not provide it)\n";
        QTest::newRow("gen StopIteration") << "def g():\n    yield 1\n    raise StopIteration\nfor x in g(): print(x)"
                                           << "0.000\t1\n0.000\t!RuntimeError: generator raised StopIteration\n";
        QTest::newRow("bare raise") << "raise" << "0.000\t!RuntimeError: No active exception to reraise\n";
        QTest::newRow("print no newline") << "print('a', end='')\nprint('b', end='')" << "0.000\tab\n";
        QTest::newRow("partial lines") << "print('x\\ny', end='')\nprint()\nprint('z')" << "0.000\tx\n0.000\ty\n0.000\tz\n";
        QTest::newRow("class attribute error") << "class C: pass\nC().nope"
                                               << "0.000\t!AttributeError: 'C' object has no attribute 'nope'\n";
        QTest::newRow("user exception uncaught") << "class Oops(Exception): pass\nraise Oops('bad', 2)"
                                                 << "0.000\t!Oops: ('bad', 2)\n";
        QTest::newRow("set order") << "print({100, 5, 33, 8, 1, 64, 17, 9, 1000, -3, 42})"
                                   << "0.000\t{64, 33, 1, 100, 5, 8, 9, 1000, 42, 17, -3}\n";
        QTest::newRow("recursion caught") << "def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(type(e).__name__)"
                                          << "0.000\tRecursionError\n";
        QTest::newRow("context manager exc") << "class M:\n    def __enter__(self): return 1\n    def __exit__(self, *a): print('exit', a[0].__name__)\nwith M():\n    1/0"
                                             << "0.000\texit ZeroDivisionError\n0.000\t!ZeroDivisionError: division by zero\n";
        QTest::newRow("except star") << "try:\n    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    print('v', repr(e))\nexcept* TypeError as e:\n    print('t', e.exceptions)\nprint(BaseExceptionGroup('x', [ValueError()]).__class__.__name__)"
                                     << "0.000\tv ExceptionGroup('eg', [ValueError(1)])\n0.000\tt (TypeError(2),)\n0.000\tExceptionGroup\n";
        QTest::newRow("await non-awaitable") << "async def f():\n    await 3\ntry:\n    f().send(None)\nexcept TypeError as e:\n    print(e)"
                                             << "0.000\tobject int can't be used in 'await' expression\n";
    }
    void snippets() {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(runText(source), expected);
    }

    void tracebackFormat() {
        const std::string src = "def boom(n):\n"
            "    raise KeyError(n)\n"
            "\n"
            "def caller():\n"
            "    x = [boom(3)]\n"
            "    return x\n"
            "\n"
            "result = caller()\n";
        run::RunResult r = run::runScript(src, "tb2.py");
        QCOMPARE(QString::fromStdString(r.exceptionType), QStringLiteral("KeyError"));
        QCOMPARE(QString::fromStdString(r.exceptionMessage), QStringLiteral("3"));
        const char* expected =
            "Traceback (most recent call last):\n"
            "  File \"tb2.py\", line 8, in <module>\n"
            "    result = caller()\n"
            "             ^^^^^^^^\n"
            "  File \"tb2.py\", line 5, in caller\n"
            "    x = [boom(3)]\n"
            "         ^^^^^^^\n"
            "  File \"tb2.py\", line 2, in boom\n"
            "    raise KeyError(n)\n"
            "KeyError: 3\n";
        QCOMPARE(QString::fromStdString(r.traceback), QString::fromUtf8(expected));
    }

    void chainedTraceback() {
        const std::string src = "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('v') from e\n";
        run::RunResult r = run::runScript(src, "c.py");
        QVERIFY(r.traceback.find("The above exception was the direct cause of the following exception:") != std::string::npos);
        QVERIFY(r.traceback.find("KeyError: 'k'") < r.traceback.find("ValueError: v"));
    }

    void syntaxErrors_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never closed") << "x = 1\nif x:\n  y = (1,\n"
                                      << "  File \"t.py\", line 3\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n";
        QTest::newRow("unexpected indent") << "x = 1\n   y = 2\n"
                                           << "  File \"t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n";
        QTest::newRow("expected block") << "if x:\ny=1\n"
                                        << "  File \"t.py\", line 2\n    y=1\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n";
    }
    void syntaxErrors() {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(runText(source), expected);
    }

    void stepBudgetCutsTheRun() {
        run::RunOptions o;
        o.stepBudget = 10'000;
        run::RunResult r = run::runScript("print('start')\nwhile True:\n    try:\n        pass\n    finally:\n        pass\n", "loop.py", o);
        QVERIFY(r.cut);
        QVERIFY(r.exceptionType.empty());
        QCOMPARE(r.lines.size(), size_t(1));
        // except BaseException cannot swallow the cut
        r = run::runScript("while True:\n    try:\n        x = 1\n    except BaseException:\n        pass\n", "l.py", o);
        QVERIFY(r.cut);
    }

    // The VM's own budget counts a frame entered or resumed and a loop's
    // backward jump: straight-line code costs nothing, an endless loop or
    // endless calls still run out.
    void vmStepBudgetCountsLoopTurnsAndFrames() {
        auto cutWith = [](const std::string& source, uint64_t budget) {
            vm::Vm::Options options;
            options.stepBudget = budget;
            vm::Vm vm(options);
            vm.setOutput([](std::string_view) {});
            vm::Value m = vm.runModule(lang::compileModule(lang::parse(source, "b.py"), "b.py"), "__main__");
            const bool cut = vm.cut();
            if (m.isError()) vm.clearError();
            return cut;
        };
        std::string straight;
        for (int i = 0; i < 500; ++i) straight += "x = " + std::to_string(i) + " * 2\n";
        QVERIFY(!cutWith(straight, 2));   // one step: the module's frame
        const std::string loop = "for i in range(100):\n    pass\n";   // the frame and 100 turns
        QVERIFY(!cutWith(loop, 102));
        QVERIFY(cutWith(loop, 101));
        const std::string calls = "def f():\n    return 1\nfor i in range(50):\n    f()\n";   // 1 + 50 turns + 50 frames
        QVERIFY(!cutWith(calls, 102));
        QVERIFY(cutWith(calls, 101));
        QVERIFY(cutWith("while True:\n    pass\n", 1000));
    }

    void deepRecursionDoesNotCrash() {
        run::RunResult r = run::runScript("def f(n):\n    return f(n + 1) + 1\nf(0)\n", "r.py");
        QCOMPARE(QString::fromStdString(r.exceptionType), QStringLiteral("RecursionError"));
        QCOMPARE(QString::fromStdString(r.exceptionMessage), QStringLiteral("maximum recursion depth exceeded"));
        // recursion through a dunder (C++ re-entry) is bounded too
        r = run::runScript("class A:\n    def __repr__(self): return repr(self)\nrepr(A())\n", "r2.py");
        QCOMPARE(QString::fromStdString(r.exceptionType), QStringLiteral("RecursionError"));
    }

    void handBuiltCodeUnit() {
        // 6 * 7 returned from a module body, without the compiler.
        using namespace aw::bytecode;
        auto unit = std::make_shared<CodeUnit>();
        unit->name = unit->qualname = "<module>";
        unit->filename = "hand.py";
        unit->consts = {int64_t(6), int64_t(7)};
        unit->names = {"answer"};
        unit->code = {{Opcode::LOAD_CONST, 0}, {Opcode::LOAD_CONST, 1}, {Opcode::BINARY_OP, uint32_t(BinaryOpArg::Mul)},
                      {Opcode::STORE_NAME, 0}, {Opcode::LOAD_CONST, 0}, {Opcode::RETURN_VALUE, 0}};
        unit->spans.assign(unit->code.size(), lang::SourceSpan{1, 0, 1, 5});
        unit->startsLine.assign(unit->code.size(), false);
        unit->flags = kModule;
        unit->maxStack = 2;
        vm::Vm vm;
        vm::Value m = vm.runModule(unit, "__main__");
        QVERIFY(!m.isError());
        vm::Value answer = m.as<vm::ModuleObj>()->m_dict->getStr("answer");
        QVERIFY(answer.isInt());
        QCOMPARE(answer.asInt(), int64_t(42));
    }

    void lineHookSeesLines() {
        using namespace aw::bytecode;
        auto unit = std::make_shared<CodeUnit>();
        unit->name = unit->qualname = "<module>";
        unit->filename = "hook.py";
        unit->consts = {NoneConst{}};
        unit->code = {{Opcode::NOP, 0}, {Opcode::NOP, 0}, {Opcode::LOAD_CONST, 0}, {Opcode::RETURN_VALUE, 0}};
        unit->spans = {{1, 0, 1, 1}, {2, 0, 2, 1}, {2, 0, 2, 1}, {2, 0, 2, 1}};
        unit->startsLine = {true, true, false, false};
        unit->flags = kModule;
        unit->maxStack = 1;
        vm::Vm vm;
        std::vector<int> lines;
        vm.setLineHook([](void* user, vm::Vm&, vm::FrameObj&, int32_t line) { static_cast<std::vector<int>*>(user)->push_back(line); },
                       &lines);
        QVERIFY(!vm.runModule(unit, "__main__").isError());
        QCOMPARE(lines, (std::vector<int>{1, 2}));
    }

    void coroutineSuspendsAndResumes() {
        // The loop's view: send() until StopIteration, the frame's line while suspended.
        const std::string src =
            "class F:\n"
            "    def __await__(self):\n"
            "        return (yield self)\n"
            "async def main():\n"
            "    a = await F()\n"
            "    b = await F()\n"
            "    return a + b\n"
            "coro = main()\n";
        run::RunResult unused;
        vm::Vm vm;
        vm.setSource("co.py", src);
        // compile through runScript's pieces is not exposed; use a script that drives itself instead
        run::RunResult r = run::runScript(src +
            "f1 = coro.send(None)\nprint(coro.cr_frame.f_lineno, type(f1).__name__)\n"
            "f2 = coro.send(2)\nprint(coro.cr_frame.f_lineno)\n"
            "try:\n    coro.send(3)\nexcept StopIteration as e:\n    print('done', e.value, coro.cr_frame)\n", "co.py");
        QCOMPARE(QString::fromStdString(run::formatRun(r)), QStringLiteral("0.000\t5 F\n0.000\t6\n0.000\tdone 5 None\n"));
    }
};

QTEST_GUILESS_MAIN(TestVm)
#include "tst_vm.moc"
