// The symbol table: which scope each name of tricky programs resolves to,
// checked against what CPython 3.11's symtable module reports.

#include "core/lang/parser.h"
#include "core/lang/symtable.h"

#include <QtTest>

using namespace aw::lang;

namespace {

// Finds a block by path of names ("f/g", "C/m", "f/listcomp").
const Scope* findScope(const Scope* root, const QString& path)
{
    const Scope* cur = root;
    for (const QString& part : path.split('/', Qt::SkipEmptyParts)) {
        const Scope* next = nullptr;
        for (const auto& child : cur->children) {
            if (QString::fromStdString(child->name) == part) {
                next = child.get();
                break;
            }
        }
        if (!next)
            return nullptr;
        cur = next;
    }
    return cur;
}

QString scopeName(NameScope s)
{
    switch (s) {
    case NameScope::Unknown: return "unknown";
    case NameScope::Local: return "local";
    case NameScope::GlobalExplicit: return "global_explicit";
    case NameScope::GlobalImplicit: return "global_implicit";
    case NameScope::Free: return "free";
    case NameScope::Cell: return "cell";
    }
    return "?";
}

struct Built {
    ast::Module module;
    std::unique_ptr<SymbolTable> table;
};

Built build(const char* source)
{
    Built b{parse(source, "t.py"), nullptr};
    b.table = SymbolTable::build(b.module);
    return b;
}

}  // namespace

class TestSymtable : public QObject {
    Q_OBJECT
private slots:
    void testScopes_data();
    void testScopes();
    void testClassClosure();
    void testComprehensionBlock();
    void testFlags();
    void testMangling();
    void testErrors_data();
    void testErrors();
};

void TestSymtable::testScopes_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("block");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("scope");

    const char* closures =
        "x = 1\n"
        "def f(a):\n"
        "    b = a\n"
        "    def g():\n"
        "        return a + x\n"
        "    return g\n";
    QTest::newRow("param captured is cell") << closures << "f" << "a" << "cell";
    QTest::newRow("plain local") << closures << "f" << "b" << "local";
    QTest::newRow("inner def is local") << closures << "f" << "g" << "local";
    QTest::newRow("captured is free") << closures << "f/g" << "a" << "free";
    QTest::newRow("module name is implicit global") << closures << "f/g" << "x" << "global_implicit";
    QTest::newRow("module level is local") << closures << "" << "x" << "local";

    const char* nonlocals =
        "def outer():\n"
        "    n = 0\n"
        "    def inc():\n"
        "        nonlocal n\n"
        "        n += 1\n"
        "    return inc\n";
    QTest::newRow("nonlocal target is cell") << nonlocals << "outer" << "n" << "cell";
    QTest::newRow("nonlocal is free") << nonlocals << "outer/inc" << "n" << "free";

    const char* globals =
        "def f():\n"
        "    global g\n"
        "    g = 1\n"
        "    print(g)\n";
    QTest::newRow("explicit global") << globals << "f" << "g" << "global_explicit";
    QTest::newRow("global seen at module") << globals << "" << "g" << "global_explicit";
    QTest::newRow("builtin is implicit global") << globals << "f" << "print" << "global_implicit";

    const char* classes =
        "class C:\n"
        "    y = 2\n"
        "    def m(self):\n"
        "        return y\n";
    QTest::newRow("class var local to class") << classes << "C" << "y" << "local";
    QTest::newRow("class scope does not leak") << classes << "C/m" << "y" << "global_implicit";

    const char* classInFunction =
        "def f():\n"
        "    v = 1\n"
        "    class C:\n"
        "        w = v\n"
        "        def m(self):\n"
        "            return v\n"
        "    return C\n";
    QTest::newRow("function var read by class") << classInFunction << "f" << "v" << "cell";
    QTest::newRow("class reads enclosing as free") << classInFunction << "f/C" << "v" << "free";
    QTest::newRow("method reads through class") << classInFunction << "f/C/m" << "v" << "free";

    const char* comps =
        "def f(z):\n"
        "    return [y for y in range(3) if y > z]\n";
    QTest::newRow("comprehension var local") << comps << "f/listcomp" << "y" << "local";
    QTest::newRow("comprehension reads free") << comps << "f/listcomp" << "z" << "free";
    QTest::newRow("first iterable in outer scope") << comps << "f" << "range" << "global_implicit";
    QTest::newRow("captured by comprehension") << comps << "f" << "z" << "cell";

    const char* walrusFn =
        "def f(xs):\n"
        "    r = [t := i for i in xs]\n"
        "    return t\n";
    QTest::newRow("walrus binds in function") << walrusFn << "f" << "t" << "cell";
    QTest::newRow("walrus free in comprehension") << walrusFn << "f/listcomp" << "t" << "free";

    const char* walrusModule = "r = [t := i for i in range(3)]\n";
    QTest::newRow("walrus at module is global") << walrusModule << "listcomp" << "t" << "global_explicit";

    const char* lambdas =
        "def f(k):\n"
        "    return lambda q: q + k\n";
    QTest::newRow("lambda param") << lambdas << "f/lambda" << "q" << "local";
    QTest::newRow("lambda free") << lambdas << "f/lambda" << "k" << "free";

    const char* genexp =
        "def f(a):\n"
        "    return sum(x * a for x in range(3))\n";
    QTest::newRow("genexp free") << genexp << "f/genexpr" << "a" << "free";

    const char* deep =
        "def a():\n"
        "    v = 1\n"
        "    def b():\n"
        "        def c():\n"
        "            return v\n"
        "        return c\n"
        "    return b\n";
    QTest::newRow("free passes through middle") << deep << "a/b" << "v" << "free";
    QTest::newRow("deep free") << deep << "a/b/c" << "v" << "free";
    QTest::newRow("deep cell") << deep << "a" << "v" << "cell";

    const char* exceptName =
        "def f():\n"
        "    try:\n"
        "        pass\n"
        "    except E as e:\n"
        "        pass\n";
    QTest::newRow("except name is local") << exceptName << "f" << "e" << "local";

    const char* imports =
        "def f():\n"
        "    import a.b\n"
        "    from m import x as y\n";
    QTest::newRow("import binds first component") << imports << "f" << "a" << "local";
    QTest::newRow("from import binds alias") << imports << "f" << "y" << "local";
}

void TestSymtable::testScopes()
{
    QFETCH(QString, source);
    QFETCH(QString, block);
    QFETCH(QString, name);
    QFETCH(QString, scope);
    const QByteArray src = source.toUtf8();
    Built b = build(src.constData());
    const Scope* s = findScope(b.table->top(), block);
    QVERIFY2(s, qPrintable("no block " + block));
    QCOMPARE(scopeName(s->scopeOf(name.toStdString())), scope);
}

void TestSymtable::testClassClosure()
{
    Built b = build(
        "class C(B):\n"
        "    def m(self):\n"
        "        return super().m()\n"
        "    def n(self):\n"
        "        return 1\n");
    const Scope* c = findScope(b.table->top(), "C");
    QVERIFY(c);
    QVERIFY(c->needsClassClosure);
    const Scope* m = findScope(b.table->top(), "C/m");
    QCOMPARE(scopeName(m->scopeOf("__class__")), QString("free"));
    const Scope* n = findScope(b.table->top(), "C/n");
    QCOMPARE(scopeName(n->scopeOf("__class__")), QString("unknown"));

    Built plain = build("class D:\n    def m(self):\n        return 1\n");
    QVERIFY(!findScope(plain.table->top(), "D")->needsClassClosure);
}

void TestSymtable::testComprehensionBlock()
{
    Built b = build("async def f(xs):\n    return [await g(x) async for x in xs]\n");
    const Scope* comp = findScope(b.table->top(), "f/listcomp");
    QVERIFY(comp);
    QVERIFY(comp->isComprehension);
    QVERIFY(comp->isCoroutine);
    QCOMPARE(comp->params.size(), size_t(1));
    QCOMPARE(QString::fromStdString(comp->params[0]), QString(".0"));
    QCOMPARE(scopeName(comp->scopeOf("xs")), QString("unknown"));   // evaluated outside
    QCOMPARE(scopeName(findScope(b.table->top(), "f")->scopeOf("xs")), QString("local"));

    Built g = build("def f():\n    return (x for x in y)\n");
    QVERIFY(findScope(g.table->top(), "f/genexpr")->isGenerator);
}

void TestSymtable::testFlags()
{
    Built b = build(
        "def gen():\n    yield 1\n"
        "async def co():\n    pass\n"
        "async def agen():\n    yield 1\n"
        "def va(a, /, b, *args, c, **kw):\n    pass\n");
    auto* gen = findScope(b.table->top(), "gen");
    QVERIFY(gen->isGenerator && !gen->isCoroutine);
    auto* co = findScope(b.table->top(), "co");
    QVERIFY(!co->isGenerator && co->isCoroutine && co->isAsync);
    auto* agen = findScope(b.table->top(), "agen");
    QVERIFY(agen->isGenerator && agen->isCoroutine);
    auto* va = findScope(b.table->top(), "va");
    QVERIFY(va->hasVarargs && va->hasVarkeywords);
    QCOMPARE(va->posonlyCount, 1);
    QCOMPARE(va->argCount, 2);
    QCOMPARE(va->kwonlyCount, 1);
    std::vector<std::string> expected{"a", "b", "c", "args", "kw"};
    QCOMPARE(va->params, expected);
}

void TestSymtable::testMangling()
{
    QCOMPARE(QString::fromStdString(mangleName("C", "__x")), QString("_C__x"));
    QCOMPARE(QString::fromStdString(mangleName("_C", "__x")), QString("_C__x"));
    QCOMPARE(QString::fromStdString(mangleName("C", "__init__")), QString("__init__"));
    QCOMPARE(QString::fromStdString(mangleName("C", "_x")), QString("_x"));
    QCOMPARE(QString::fromStdString(mangleName("", "__x")), QString("__x"));
    QCOMPARE(QString::fromStdString(mangleName("___", "__x")), QString("__x"));
    Built b = build("class C:\n    __p = 1\n    def m(self):\n        return self.__p\n");
    QCOMPARE(scopeName(findScope(b.table->top(), "C")->scopeOf("_C__p")), QString("local"));
}

void TestSymtable::testErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");

    QTest::newRow("nonlocal at module") << "nonlocal x\n" << "nonlocal declaration not allowed at module level" << 1;
    QTest::newRow("no binding") << "def f():\n    nonlocal x\n" << "no binding for nonlocal 'x' found" << 2;
    QTest::newRow("nonlocal of global") << "x = 1\ndef f():\n    nonlocal x\n" << "no binding for nonlocal 'x' found" << 3;
    QTest::newRow("used before global") << "def f():\n    print(x)\n    global x\n"
                                        << "name 'x' is used prior to global declaration" << 3;
    QTest::newRow("assigned before global") << "def f():\n    x = 1\n    global x\n"
                                            << "name 'x' is assigned to before global declaration" << 3;
    QTest::newRow("parameter and global") << "def f(x):\n    global x\n" << "name 'x' is parameter and global" << 2;
    QTest::newRow("parameter and nonlocal") << "def g():\n    x = 1\n    def f(x):\n        nonlocal x\n"
                                            << "name 'x' is parameter and nonlocal" << 4;
    QTest::newRow("duplicate argument") << "def f(a, a):\n    pass\n" << "duplicate argument 'a' in function definition" << 1;
    QTest::newRow("duplicate lambda argument") << "f = lambda a, *a: 0\n"
                                               << "duplicate argument 'a' in function definition" << 1;
    QTest::newRow("yield in listcomp") << "def f():\n    return [(yield x) for x in y]\n"
                                       << "'yield' inside list comprehension" << 2;
    QTest::newRow("yield in genexp") << "def f():\n    return ((yield x) for x in y)\n"
                                     << "'yield' inside generator expression" << 2;
    QTest::newRow("walrus rebinds iteration var") << "def f():\n    [i := 0 for i in y]\n"
                                                  << "assignment expression cannot rebind comprehension iteration variable 'i'" << 2;
    QTest::newRow("walrus in class comprehension") << "class C:\n    [(j := i) for i in y]\n"
                                                   << "assignment expression within a comprehension cannot be used in a class body" << 2;
}

void TestSymtable::testErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    const QByteArray src = source.toUtf8();
    try {
        ast::Module m = parse(src.constData(), "t.py");
        SymbolTable::build(m);
        QFAIL("no SyntaxError");
    } catch (const SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.type), QString("SyntaxError"));
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(e.line, line);
    }
}

QTEST_GUILESS_MAIN(TestSymtable)
#include "tst_symtable.moc"
