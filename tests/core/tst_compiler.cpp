// The compiler: instruction sequences of small snippets (the contract with
// the VM documented in core/lang/compiler.h), code unit metadata, source
// positions, compile-time errors, and every lesson script compiling.

#include "core/bytecode/disassembler.h"
#include "core/lang/compiler.h"
#include "core/lang/compiler_impl.h"
#include "core/lang/parser.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace aw;
using bytecode::CodeUnit;
using bytecode::Opcode;

namespace {

using CodePtr = std::shared_ptr<const CodeUnit>;

CodePtr compile(const char* source)
{
    lang::ast::Module m = lang::parse(source, "t.py");
    return lang::compileModule(m, "t.py");
}

// The first nested code unit named `name` (depth first).
CodePtr nested(const CodePtr& code, const std::string& name)
{
    for (const auto& c : code->consts) {
        if (auto* p = std::get_if<CodePtr>(&c)) {
            if ((*p)->name == name)
                return *p;
            if (auto found = nested(*p, name))
                return found;
        }
    }
    return nullptr;
}

// "OPNAME arg" per instruction, arg left out where it carries nothing.
QStringList listing(const CodeUnit& code)
{
    QStringList out;
    for (const auto& ins : code.code)
        out << QString::fromLatin1(bytecode::kOpcodeNames[size_t(ins.op)]);
    return out;
}

// Whether `seq` (opcode names separated by spaces) appears contiguously.
bool hasSequence(const CodeUnit& code, const QString& seq)
{
    const QStringList ops = listing(code);
    const QStringList want = seq.split(' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + want.size() <= ops.size(); ++i) {
        if (ops.mid(i, want.size()) == want)
            return true;
    }
    return false;
}

int indexOf(const CodeUnit& code, Opcode op, int from = 0)
{
    for (size_t i = size_t(from); i < code.code.size(); ++i)
        if (code.code[i].op == op)
            return int(i);
    return -1;
}

QString dis(const CodePtr& code) { return QString::fromStdString(bytecode::disassemble(*code)); }

// Every code unit in the tree, with problems found by the stack-depth check.
QStringList stackProblems(const CodePtr& code)
{
    QStringList out;
    const std::string p = lang::detail::checkStackDepths(*code);
    if (!p.empty())
        out << QString::fromStdString(code->qualname + ": " + p);
    for (const auto& c : code->consts)
        if (auto* n = std::get_if<CodePtr>(&c))
            out << stackProblems(*n);
    return out;
}

#define VERIFY_SEQ(code, seq) QVERIFY2(hasSequence(*(code), seq), qPrintable(QString(seq) + "\n" + dis(code)))

std::string readFile(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

class TestCompiler : public QObject {
    Q_OBJECT
private slots:
    void testSequences_data();
    void testSequences();
    void testTryExceptShape();
    void testTryStarShape();
    void testWithShape();
    void testAsyncWithShape();
    void testAsyncForShape();
    void testReturnThroughBlocks();
    void testBreakContinue();
    void testClassBody();
    void testComprehension();
    void testQualnames();
    void testFlagsAndArgs();
    void testCell2Arg();
    void testNameOps();
    void testMaxStack();
    void testPositions();
    void testDisassembler();
    void testErrors_data();
    void testErrors();
    void testStackConsistency_data();
    void testStackConsistency();
    void testLessonsCompile_data();
    void testLessonsCompile();
};

void TestCompiler::testSequences_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("unit");   // "" = module, else a nested code unit's name
    QTest::addColumn<QString>("sequence");

    QTest::newRow("chained compare") << "a < b < c\n" << ""
                                     << "LOAD_NAME LOAD_NAME DUP_TOP ROT_THREE COMPARE_OP JUMP_IF_FALSE_OR_POP "
                                        "LOAD_NAME COMPARE_OP JUMP ROT_TWO POP_TOP";
    QTest::newRow("and/or") << "x = a and b or c\n" << ""
                            << "LOAD_NAME JUMP_IF_FALSE_OR_POP LOAD_NAME JUMP_IF_TRUE_OR_POP LOAD_NAME STORE_NAME";
    QTest::newRow("is not / not in") << "a is not b\na not in b\n" << "" << "IS_OP POP_TOP LOAD_NAME LOAD_NAME CONTAINS_OP";
    QTest::newRow("conditional expression") << "x = a if c else b\n" << ""
                                            << "LOAD_NAME POP_JUMP_IF_FALSE LOAD_NAME JUMP LOAD_NAME STORE_NAME";
    QTest::newRow("aug assign name") << "x += 1\n" << "" << "LOAD_NAME LOAD_CONST BINARY_OP STORE_NAME";
    QTest::newRow("aug assign attribute") << "o.a += 1\n" << ""
                                          << "LOAD_NAME DUP_TOP LOAD_ATTR LOAD_CONST BINARY_OP ROT_TWO STORE_ATTR";
    QTest::newRow("aug assign subscript") << "o[k] -= 1\n" << ""
                                          << "LOAD_NAME LOAD_NAME DUP_TOP_TWO BINARY_SUBSCR LOAD_CONST BINARY_OP "
                                             "ROT_THREE STORE_SUBSCR";
    QTest::newRow("chained assignment") << "a = b = 1\n" << "" << "LOAD_CONST DUP_TOP STORE_NAME STORE_NAME";
    QTest::newRow("unpack") << "a, b = c\n" << "" << "LOAD_NAME UNPACK_SEQUENCE STORE_NAME STORE_NAME";
    QTest::newRow("unpack starred") << "a, *b, c = d\n" << "" << "LOAD_NAME UNPACK_EX STORE_NAME STORE_NAME STORE_NAME";
    QTest::newRow("method call") << "o.m(1, 2)\n" << "" << "LOAD_NAME LOAD_METHOD LOAD_CONST LOAD_CONST CALL_METHOD POP_TOP";
    QTest::newRow("keyword call") << "f(1, k=2)\n" << "" << "LOAD_NAME LOAD_CONST LOAD_CONST LOAD_CONST CALL_FUNCTION_KW";
    QTest::newRow("method call with keywords") << "o.m(k=2)\n" << "" << "LOAD_NAME LOAD_ATTR LOAD_CONST LOAD_CONST CALL_FUNCTION_KW";
    QTest::newRow("star call") << "f(*a)\n" << "" << "LOAD_NAME BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE CALL_FUNCTION_EX";
    QTest::newRow("star and kwargs call") << "f(1, *a, k=2, **d)\n" << ""
                                          << "LOAD_NAME LOAD_CONST BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE "
                                             "LOAD_CONST LOAD_CONST BUILD_MAP LOAD_NAME DICT_MERGE CALL_FUNCTION_EX";
    QTest::newRow("starred list display") << "[1, *a, 2]\n" << ""
                                          << "LOAD_CONST BUILD_LIST LOAD_NAME LIST_EXTEND LOAD_CONST LIST_APPEND";
    QTest::newRow("starred tuple display") << "(1, *a)\n" << "" << "BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE";
    QTest::newRow("starred set display") << "{1, *a}\n" << "" << "LOAD_CONST BUILD_SET LOAD_NAME SET_UPDATE";
    QTest::newRow("constant set display") << "{5, 1, 33}\n" << ""
                                          << "LOAD_CONST LOAD_CONST LOAD_CONST BUILD_SET BUILD_SET ROT_TWO SET_UPDATE";
    QTest::newRow("dict with unpack") << "{'a': 1, **d, 'b': 2}\n" << ""
                                      << "LOAD_CONST LOAD_CONST BUILD_MAP LOAD_NAME DICT_UPDATE LOAD_CONST LOAD_CONST "
                                         "BUILD_MAP DICT_UPDATE";
    QTest::newRow("slice") << "a[1:2]\na[::3]\n" << ""
                           << "LOAD_NAME LOAD_CONST LOAD_CONST BUILD_SLICE BINARY_SUBSCR";
    QTest::newRow("slice step") << "a[::3]\n" << "" << "LOAD_NAME LOAD_CONST LOAD_CONST LOAD_CONST BUILD_SLICE BINARY_SUBSCR";
    QTest::newRow("f-string") << "f'a{x!r:>{w}}b'\n" << ""
                              << "LOAD_CONST LOAD_NAME LOAD_CONST LOAD_NAME FORMAT_VALUE BUILD_STRING FORMAT_VALUE "
                                 "LOAD_CONST BUILD_STRING";
    QTest::newRow("del") << "del a, o.b, o[c]\n" << ""
                         << "DELETE_NAME LOAD_NAME DELETE_ATTR LOAD_NAME LOAD_NAME DELETE_SUBSCR";
    QTest::newRow("import dotted") << "import a.b\n" << "" << "LOAD_CONST LOAD_CONST IMPORT_NAME STORE_NAME";
    QTest::newRow("import as dotted") << "import a.b.c as d\n" << ""
                                      << "IMPORT_NAME IMPORT_FROM ROT_TWO POP_TOP IMPORT_FROM STORE_NAME POP_TOP";
    QTest::newRow("from import") << "from m import x as y, z\n" << ""
                                 << "LOAD_CONST LOAD_CONST IMPORT_NAME IMPORT_FROM STORE_NAME IMPORT_FROM STORE_NAME POP_TOP";
    QTest::newRow("assert") << "assert x, 'm'\n" << ""
                            << "LOAD_NAME POP_JUMP_IF_TRUE LOAD_ASSERTION_ERROR LOAD_CONST CALL_FUNCTION RAISE_VARARGS";
    QTest::newRow("raise from") << "raise E from c\n" << "" << "LOAD_NAME LOAD_NAME RAISE_VARARGS";
    QTest::newRow("walrus") << "if (n := f()) > 1: pass\n" << "" << "CALL_FUNCTION DUP_TOP STORE_NAME LOAD_CONST COMPARE_OP";
    QTest::newRow("decorators") << "@a\n@b\ndef f(): pass\n" << ""
                                << "LOAD_NAME LOAD_NAME LOAD_CONST MAKE_FUNCTION CALL_FUNCTION CALL_FUNCTION STORE_NAME";
    QTest::newRow("defaults") << "def f(a=1, *, k=2): pass\n" << ""
                              << "LOAD_CONST BUILD_TUPLE LOAD_CONST LOAD_CONST BUILD_MAP LOAD_CONST MAKE_FUNCTION";
    QTest::newRow("await") << "async def f():\n    await g()\n" << "f"
                           << "LOAD_GLOBAL CALL_FUNCTION GET_AWAITABLE LOAD_CONST YIELD_FROM POP_TOP";
    QTest::newRow("yield") << "def f():\n    x = yield\n" << "f" << "LOAD_CONST YIELD_VALUE STORE_FAST";
    QTest::newRow("yield from") << "def f():\n    yield from g\n" << "f"
                                << "LOAD_GLOBAL GET_YIELD_FROM_ITER LOAD_CONST YIELD_FROM POP_TOP";
    QTest::newRow("try finally") << "try:\n    a()\nfinally:\n    b()\n" << ""
                                 << "SETUP_FINALLY LOAD_NAME CALL_FUNCTION POP_TOP POP_BLOCK LOAD_NAME CALL_FUNCTION "
                                    "POP_TOP JUMP LOAD_NAME CALL_FUNCTION POP_TOP RERAISE";
    QTest::newRow("while else") << "while a:\n    b()\nelse:\n    c()\n" << ""
                                << "LOAD_NAME POP_JUMP_IF_FALSE LOAD_NAME CALL_FUNCTION POP_TOP JUMP LOAD_NAME";
    QTest::newRow("for else") << "for i in a:\n    b()\nelse:\n    c()\n" << ""
                              << "GET_ITER FOR_ITER STORE_NAME LOAD_NAME CALL_FUNCTION POP_TOP JUMP LOAD_NAME";
    QTest::newRow("lambda") << "f = lambda x: x + 1\n" << "<lambda>" << "LOAD_FAST LOAD_CONST BINARY_OP RETURN_VALUE";
    QTest::newRow("not in condition") << "if not a: b()\n" << "" << "LOAD_NAME POP_JUMP_IF_TRUE";
}

void TestCompiler::testSequences()
{
    QFETCH(QString, source);
    QFETCH(QString, unit);
    QFETCH(QString, sequence);
    const QByteArray src = source.toUtf8();
    CodePtr code = compile(src.constData());
    if (!unit.isEmpty()) {
        code = nested(code, unit.toStdString());
        QVERIFY2(code, qPrintable("no code unit " + unit));
    }
    VERIFY_SEQ(code, sequence);
}

void TestCompiler::testTryExceptShape()
{
    CodePtr code = compile(
        "try:\n"
        "    a()\n"
        "except E as e:\n"
        "    b(e)\n"
        "except:\n"
        "    c()\n"
        "else:\n"
        "    d()\n");
    VERIFY_SEQ(code, "DUP_TOP LOAD_NAME JUMP_IF_NOT_EXC_MATCH STORE_NAME SETUP_FINALLY");
    VERIFY_SEQ(code, "POP_BLOCK POP_EXCEPT LOAD_CONST STORE_NAME DELETE_NAME JUMP LOAD_CONST STORE_NAME DELETE_NAME RERAISE");
    VERIFY_SEQ(code, "POP_TOP LOAD_NAME CALL_FUNCTION POP_TOP POP_EXCEPT JUMP RERAISE LOAD_NAME");
    // SETUP_FINALLY's handler starts with the type test.
    int setup = indexOf(*code, Opcode::SETUP_FINALLY);
    QCOMPARE(code->code[size_t(code->code[size_t(setup)].arg)].op, Opcode::DUP_TOP);
    // The no-match jump of the first clause lands on the bare except's POP_TOP.
    int match = indexOf(*code, Opcode::JUMP_IF_NOT_EXC_MATCH);
    QCOMPARE(code->code[code->code[size_t(match)].arg].op, Opcode::POP_TOP);
}

void TestCompiler::testTryStarShape()
{
    CodePtr code = compile(
        "try:\n"
        "    a()\n"
        "except* E as e:\n"
        "    b(e)\n"
        "for x in y:\n"
        "    try:\n"
        "        pass\n"
        "    except* E:\n"
        "        for z in x:\n"
        "            break\n");
    VERIFY_SEQ(code, "DUP_TOP DUP_TOP LOAD_CONST IS_OP POP_JUMP_IF_TRUE DUP_TOP LOAD_GLOBAL JUMP_IF_NOT_EXC_MATCH "
                     "DUP_TOP LOAD_METHOD LOAD_NAME CALL_METHOD UNPACK_SEQUENCE DUP_TOP LOAD_CONST IS_OP "
                     "POP_JUMP_IF_TRUE ROT_THREE ROT_TWO POP_TOP ROT_TWO JUMP");
    VERIFY_SEQ(code, "DUP_TOP LOAD_NAME JUMP_IF_NOT_EXC_MATCH LOAD_GLOBAL ROT_TWO BUILD_LIST LOAD_CONST ROT_TWO "
                     "CALL_FUNCTION LOAD_CONST ROT_TWO JUMP POP_TOP POP_TOP JUMP STORE_NAME SETUP_FINALLY");
    VERIFY_SEQ(code, "DUP_TOP LOAD_CONST IS_OP POP_JUMP_IF_TRUE RERAISE POP_TOP POP_TOP POP_EXCEPT JUMP");
    QCOMPARE(QString::fromStdString(code->names[size_t(code->code[size_t(indexOf(*code, Opcode::LOAD_METHOD))].arg)]),
             QString("split"));
    const QStringList problems = stackProblems(code);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

void TestCompiler::testWithShape()
{
    CodePtr code = compile("with m as x:\n    f(x)\n");
    VERIFY_SEQ(code, "LOAD_NAME SETUP_WITH STORE_NAME LOAD_NAME LOAD_NAME CALL_FUNCTION POP_TOP POP_BLOCK "
                     "LOAD_CONST DUP_TOP DUP_TOP CALL_FUNCTION POP_TOP JUMP "
                     "WITH_EXCEPT_START POP_JUMP_IF_TRUE RERAISE POP_TOP POP_EXCEPT POP_TOP");
    int setup = indexOf(*code, Opcode::SETUP_WITH);
    QCOMPARE(code->code[code->code[size_t(setup)].arg].op, Opcode::WITH_EXCEPT_START);

    CodePtr two = compile("with a, b:\n    pass\n");
    QCOMPARE(int(std::count_if(two->code.begin(), two->code.end(),
                               [](const auto& i) { return i.op == Opcode::SETUP_WITH; })),
             2);
}

void TestCompiler::testAsyncWithShape()
{
    CodePtr f = nested(compile("async def f():\n    async with m as x:\n        pass\n"), "f");
    VERIFY_SEQ(f, "LOAD_GLOBAL BEFORE_ASYNC_WITH GET_AWAITABLE LOAD_CONST YIELD_FROM SETUP_ASYNC_WITH STORE_FAST "
                  "NOP POP_BLOCK LOAD_CONST DUP_TOP DUP_TOP CALL_FUNCTION GET_AWAITABLE LOAD_CONST YIELD_FROM POP_TOP JUMP "
                  "WITH_EXCEPT_START GET_AWAITABLE LOAD_CONST YIELD_FROM POP_JUMP_IF_TRUE RERAISE "
                  "POP_TOP POP_EXCEPT POP_TOP");
    int g1 = indexOf(*f, Opcode::GET_AWAITABLE);
    QCOMPARE(f->code[size_t(g1)].arg, 1u);
    QCOMPARE(f->code[size_t(indexOf(*f, Opcode::GET_AWAITABLE, g1 + 1))].arg, 2u);
}

void TestCompiler::testAsyncForShape()
{
    CodePtr f = nested(compile("async def f(it):\n    async for x in it:\n        g(x)\n    else:\n        h()\n"), "f");
    VERIFY_SEQ(f, "LOAD_FAST GET_AITER SETUP_FINALLY GET_ANEXT LOAD_CONST YIELD_FROM POP_BLOCK STORE_FAST");
    VERIFY_SEQ(f, "JUMP END_ASYNC_FOR LOAD_GLOBAL CALL_FUNCTION");
    int setup = indexOf(*f, Opcode::SETUP_FINALLY);
    QCOMPARE(f->code[f->code[size_t(setup)].arg].op, Opcode::END_ASYNC_FOR);
    // The loop jumps back to the SETUP_FINALLY.
    int jump = indexOf(*f, Opcode::JUMP);
    QCOMPARE(int(f->code[size_t(jump)].arg), setup);
}

void TestCompiler::testReturnThroughBlocks()
{
    CodePtr w = nested(compile("def f():\n    with m:\n        return g()\n"), "f");
    VERIFY_SEQ(w, "CALL_FUNCTION POP_BLOCK ROT_TWO LOAD_CONST DUP_TOP DUP_TOP CALL_FUNCTION POP_TOP RETURN_VALUE");

    CodePtr t = nested(compile("def f():\n    try:\n        return g()\n    finally:\n        h()\n"), "f");
    VERIFY_SEQ(t, "LOAD_GLOBAL CALL_FUNCTION POP_BLOCK LOAD_GLOBAL CALL_FUNCTION POP_TOP RETURN_VALUE");

    CodePtr fl = nested(compile("def f(xs):\n    for x in xs:\n        return x\n"), "f");
    VERIFY_SEQ(fl, "LOAD_FAST ROT_TWO POP_TOP RETURN_VALUE");

    CodePtr ex = nested(compile("def f():\n    try:\n        pass\n    except E as e:\n        return 1\n"), "f");
    VERIFY_SEQ(ex, "LOAD_CONST POP_BLOCK POP_EXCEPT LOAD_CONST STORE_FAST DELETE_FAST RETURN_VALUE");

    CodePtr aw = nested(compile("async def f():\n    async with m:\n        return 1\n"), "f");
    VERIFY_SEQ(aw, "LOAD_CONST POP_BLOCK ROT_TWO LOAD_CONST DUP_TOP DUP_TOP CALL_FUNCTION GET_AWAITABLE LOAD_CONST "
                   "YIELD_FROM POP_TOP RETURN_VALUE");

    CodePtr fin = nested(compile("def f():\n    try:\n        pass\n    finally:\n        return 2\n"), "f");
    // The exceptional copy of the finally body drops the exception first.
    VERIFY_SEQ(fin, "LOAD_CONST ROT_TWO POP_TOP POP_EXCEPT RETURN_VALUE");
}

void TestCompiler::testBreakContinue()
{
    CodePtr code = compile(
        "for i in a:\n"
        "    try:\n"
        "        if i:\n"
        "            break\n"
        "        continue\n"
        "    finally:\n"
        "        f()\n");
    // break: POP_BLOCK, the finally body, pop the iterator, jump out.
    VERIFY_SEQ(code, "POP_BLOCK LOAD_NAME CALL_FUNCTION POP_TOP POP_TOP JUMP");
    // continue: POP_BLOCK, the finally body, jump back to FOR_ITER.
    int forIter = indexOf(*code, Opcode::FOR_ITER);
    bool found = false;
    for (size_t i = 3; i < code->code.size(); ++i) {
        if (code->code[i].op == Opcode::JUMP && int(code->code[i].arg) == forIter &&
            code->code[i - 1].op == Opcode::POP_TOP && code->code[i - 2].op == Opcode::CALL_FUNCTION)
            found = true;
    }
    QVERIFY2(found, qPrintable(dis(code)));

    CodePtr h = compile("while a:\n    try:\n        pass\n    except:\n        break\n");
    VERIFY_SEQ(h, "POP_TOP POP_EXCEPT JUMP");

    CodePtr w = compile("while 1:\n    with m:\n        break\n");
    VERIFY_SEQ(w, "POP_BLOCK LOAD_CONST DUP_TOP DUP_TOP CALL_FUNCTION POP_TOP JUMP");
}

void TestCompiler::testClassBody()
{
    CodePtr mod = compile(
        "class C(B, metaclass=M):\n"
        "    '''doc'''\n"
        "    def m(self):\n"
        "        return super().m()\n");
    VERIFY_SEQ(mod, "LOAD_BUILD_CLASS LOAD_CONST MAKE_FUNCTION LOAD_CONST LOAD_NAME LOAD_NAME "
                    "LOAD_CONST CALL_FUNCTION_KW STORE_NAME");
    CodePtr c = nested(mod, "C");
    QVERIFY(c);
    QVERIFY(c->flags & bytecode::kClassBody);
    QVERIFY(!(c->flags & bytecode::kNewLocals));
    VERIFY_SEQ(c, "LOAD_NAME STORE_NAME LOAD_CONST STORE_NAME");
    QCOMPARE(QString::fromStdString(c->names[0]), QString("__name__"));
    QCOMPARE(QString::fromStdString(c->names[1]), QString("__module__"));
    QCOMPARE(QString::fromStdString(c->names[2]), QString("__qualname__"));
    VERIFY_SEQ(c, "LOAD_CLOSURE DUP_TOP STORE_NAME RETURN_VALUE");
    QCOMPARE(c->cellvars, std::vector<std::string>{"__class__"});
    CodePtr m = nested(mod, "m");
    QCOMPARE(m->freevars, std::vector<std::string>{"__class__"});
    QCOMPARE(QString::fromStdString(m->qualname), QString("C.m"));

    CodePtr plain = nested(compile("class D:\n    x = 1\n"), "D");
    VERIFY_SEQ(plain, "STORE_NAME LOAD_CONST RETURN_VALUE");
    QVERIFY(plain->cellvars.empty());
    QCOMPARE(plain->code.back().op, Opcode::RETURN_VALUE);
    QVERIFY(std::holds_alternative<bytecode::NoneConst>(plain->consts[plain->code[plain->code.size() - 2].arg]));

    CodePtr deref = nested(compile("def f():\n    v = 1\n    class C:\n        w = v\n"), "C");
    VERIFY_SEQ(deref, "LOAD_CLASSDEREF STORE_NAME");
}

void TestCompiler::testComprehension()
{
    CodePtr mod = compile("r = [x * y for x in a if x for y in b]\n");
    VERIFY_SEQ(mod, "LOAD_CONST MAKE_FUNCTION LOAD_NAME GET_ITER CALL_FUNCTION STORE_NAME");
    CodePtr lc = nested(mod, "<listcomp>");
    QVERIFY(lc);
    QCOMPARE(lc->argcount, 1);
    QCOMPARE(QString::fromStdString(lc->varnames[0]), QString(".0"));
    QVERIFY(lc->flags & bytecode::kComprehension);
    QVERIFY(lc->flags & bytecode::kNewLocals);
    VERIFY_SEQ(lc, "BUILD_LIST LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST POP_JUMP_IF_FALSE LOAD_GLOBAL GET_ITER FOR_ITER "
                   "STORE_FAST LOAD_FAST LOAD_FAST BINARY_OP LIST_APPEND JUMP JUMP RETURN_VALUE");
    int append = indexOf(*lc, Opcode::LIST_APPEND);
    QCOMPARE(lc->code[size_t(append)].arg, 3u);

    CodePtr dc = nested(compile("d = {k: v for k, v in a}\n"), "<dictcomp>");
    VERIFY_SEQ(dc, "BUILD_MAP LOAD_FAST FOR_ITER UNPACK_SEQUENCE STORE_FAST STORE_FAST LOAD_FAST LOAD_FAST MAP_ADD");

    CodePtr ge = nested(compile("g = (x for x in a)\n"), "<genexpr>");
    QVERIFY(ge->flags & bytecode::kGenerator);
    VERIFY_SEQ(ge, "LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST YIELD_VALUE POP_TOP JUMP LOAD_CONST RETURN_VALUE");

    CodePtr amod = compile("async def f(a):\n    return [x async for x in a]\n");
    CodePtr af = nested(amod, "f");
    VERIFY_SEQ(af, "LOAD_FAST GET_AITER CALL_FUNCTION GET_AWAITABLE LOAD_CONST YIELD_FROM RETURN_VALUE");
    CodePtr alc = nested(amod, "<listcomp>");
    QVERIFY(alc->flags & bytecode::kCoroutine);
    VERIFY_SEQ(alc, "SETUP_FINALLY GET_ANEXT LOAD_CONST YIELD_FROM POP_BLOCK STORE_FAST LOAD_FAST LIST_APPEND JUMP "
                    "END_ASYNC_FOR RETURN_VALUE");

    CodePtr age = nested(compile("def f(a):\n    return (await x for x in a)\n"), "<genexpr>");
    QVERIFY(age->flags & bytecode::kAsyncGenerator);

    // A closure over the enclosing function's local.
    CodePtr cmod = compile("def f(n):\n    return [i + n for i in range(3)]\n");
    VERIFY_SEQ(nested(cmod, "f"), "LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION LOAD_GLOBAL LOAD_CONST "
                                  "CALL_FUNCTION GET_ITER CALL_FUNCTION");
    VERIFY_SEQ(nested(cmod, "<listcomp>"), "LOAD_FAST LOAD_DEREF BINARY_OP LIST_APPEND");

    // Walrus inside a comprehension stores into the enclosing function's cell.
    CodePtr w = compile("def f(a):\n    [y := x for x in a]\n    return y\n");
    VERIFY_SEQ(nested(w, "<listcomp>"), "LOAD_FAST DUP_TOP STORE_DEREF LIST_APPEND");
    VERIFY_SEQ(nested(w, "f"), "LOAD_DEREF RETURN_VALUE");
}

void TestCompiler::testQualnames()
{
    CodePtr mod = compile(
        "def f():\n"
        "    def g():\n"
        "        return lambda: [x for x in ()]\n"
        "class C:\n"
        "    def m(self):\n"
        "        class D:\n"
        "            def n(self): pass\n"
        "def h():\n"
        "    global k\n"
        "    def k(): pass\n");
    QCOMPARE(QString::fromStdString(mod->qualname), QString("<module>"));
    QCOMPARE(QString::fromStdString(nested(mod, "g")->qualname), QString("f.<locals>.g"));
    QCOMPARE(QString::fromStdString(nested(mod, "<lambda>")->qualname), QString("f.<locals>.g.<locals>.<lambda>"));
    QCOMPARE(QString::fromStdString(nested(mod, "<listcomp>")->qualname),
             QString("f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>"));
    QCOMPARE(QString::fromStdString(nested(mod, "m")->qualname), QString("C.m"));
    QCOMPARE(QString::fromStdString(nested(mod, "D")->qualname), QString("C.m.<locals>.D"));
    QCOMPARE(QString::fromStdString(nested(mod, "n")->qualname), QString("C.m.<locals>.D.n"));
    QCOMPARE(QString::fromStdString(nested(mod, "k")->qualname), QString("k"));
    // The class body stores its qualname.
    CodePtr d = nested(mod, "D");
    QVERIFY(std::find(d->consts.begin(), d->consts.end(), bytecode::Constant(std::string("C.m.<locals>.D"))) !=
            d->consts.end());
}

void TestCompiler::testFlagsAndArgs()
{
    CodePtr mod = compile(
        "def gen():\n    yield 1\n"
        "async def co():\n    pass\n"
        "async def agen():\n    yield 1\n"
        "def va(a, b=1, /, c=2, *args, d, e=3, **kw):\n    pass\n");
    QCOMPARE(mod->flags, uint32_t(bytecode::kModule));
    auto gen = nested(mod, "gen");
    QCOMPARE(gen->flags, uint32_t(bytecode::kGenerator | bytecode::kNewLocals));
    auto co = nested(mod, "co");
    QCOMPARE(co->flags, uint32_t(bytecode::kCoroutine | bytecode::kNewLocals));
    auto agen = nested(mod, "agen");
    QCOMPARE(agen->flags, uint32_t(bytecode::kAsyncGenerator | bytecode::kNewLocals));
    auto va = nested(mod, "va");
    QCOMPARE(va->flags, uint32_t(bytecode::kVarargs | bytecode::kVarkeywords | bytecode::kNewLocals));
    QCOMPARE(va->argcount, 3);
    QCOMPARE(va->posonlyargcount, 2);
    QCOMPARE(va->kwonlyargcount, 2);
    std::vector<std::string> names{"a", "b", "c", "d", "e", "args", "kw"};
    QCOMPARE(va->varnames, names);
    auto decorated = nested(compile("\n@d\n\ndef f():\n    pass\n"), "f");
    QCOMPARE(decorated->firstLine, 2);   // as co_firstlineno: the first decorator's line
    auto lam = nested(compile("f = lambda: 0\n"), "<lambda>");
    QCOMPARE(lam->flags, uint32_t(bytecode::kLambda | bytecode::kNewLocals));
}

void TestCompiler::testCell2Arg()
{
    CodePtr mod = compile("def f(a, b):\n    def g():\n        return b\n    return g\n");
    auto f = nested(mod, "f");
    QCOMPARE(f->cellvars, std::vector<std::string>{"b"});
    QCOMPARE(f->cell2arg, std::vector<int32_t>{1});
    VERIFY_SEQ(f, "LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE");
    QCOMPARE(nested(mod, "g")->freevars, std::vector<std::string>{"b"});

    auto h = nested(compile("def h():\n    x = 1\n    return lambda: x\n"), "h");
    QVERIFY(h->cell2arg.empty());
    VERIFY_SEQ(h, "LOAD_CONST STORE_DEREF");
}

void TestCompiler::testNameOps()
{
    CodePtr mod = compile(
        "x = 1\n"
        "def f(a):\n"
        "    global y\n"
        "    y = a\n"
        "    z = x\n"
        "    del z\n"
        "    def g():\n"
        "        nonlocal a\n"
        "        a = 2\n");
    VERIFY_SEQ(mod, "LOAD_CONST STORE_NAME");
    auto f = nested(mod, "f");
    VERIFY_SEQ(f, "LOAD_DEREF STORE_GLOBAL LOAD_GLOBAL STORE_FAST DELETE_FAST");
    VERIFY_SEQ(nested(mod, "g"), "LOAD_CONST STORE_DEREF");

    // `except ... as e` unbinds e afterwards, at module level by name.
    CodePtr ex = compile("try:\n    pass\nexcept E as e:\n    pass\n");
    VERIFY_SEQ(ex, "LOAD_CONST STORE_NAME DELETE_NAME");

    // Private names are mangled inside a class.
    auto m = nested(compile("class C:\n    def m(self):\n        return self.__p\n"), "m");
    QCOMPARE(QString::fromStdString(m->names[0]), QString("_C__p"));
}

void TestCompiler::testMaxStack()
{
    QCOMPARE(compile("x = (a, b, c)\n")->maxStack, 3);
    QCOMPARE(compile("f(a, b, c, d)\n")->maxStack, 5);
    CodePtr w = compile("with m as x:\n    pass\n");
    QVERIFY(w->maxStack >= 4);   // exit, exc, WITH_EXCEPT_START's result
    CodePtr lc = nested(compile("[x for x in a for y in b]\n"), "<listcomp>");
    QCOMPARE(lc->maxStack, 4);   // list, it, it, x

    // The consistency check itself notices an unbalanced sequence.
    CodeUnit bad;
    bad.code = {{Opcode::LOAD_CONST, 0}, {Opcode::POP_TOP, 0}, {Opcode::RETURN_VALUE, 0}};
    QVERIFY(!lang::detail::checkStackDepths(bad).empty());
    CodeUnit merge;   // a join reached with depths 0 and 1
    merge.code = {{Opcode::LOAD_CONST, 0}, {Opcode::POP_JUMP_IF_TRUE, 4}, {Opcode::LOAD_CONST, 0},
                  {Opcode::LOAD_CONST, 0}, {Opcode::LOAD_CONST, 0}, {Opcode::RETURN_VALUE, 0}};
    QVERIFY(!lang::detail::checkStackDepths(merge).empty());
}

void TestCompiler::testPositions()
{
    const char* src =
        "import asyncio\n"
        "async def main():\n"
        "    x = 1\n"
        "    r = await asyncio.sleep(x)\n"
        "    if r: print(r)\n";
    CodePtr mod = compile(src);
    QCOMPARE(mod->spans.size(), mod->code.size());
    QCOMPARE(mod->startsLine.size(), mod->code.size());
    QVERIFY(mod->startsLine[0]);
    auto main = nested(mod, "main");
    QCOMPARE(main->firstLine, 2);
    QCOMPARE(main->spans.size(), main->code.size());
    int ga = indexOf(*main, Opcode::GET_AWAITABLE);
    QVERIFY(ga > 0);
    // `await asyncio.sleep(x)` is line 4, columns 8..30.
    const lang::SourceSpan& s = main->spans[size_t(ga)];
    QCOMPARE(s.line, 4);
    QCOMPARE(s.col, 8);
    QCOMPARE(s.endCol, 30);
    const lang::SourceSpan& y = main->spans[size_t(indexOf(*main, Opcode::YIELD_FROM))];
    QCOMPARE(y.col, 8);
    QCOMPARE(y.endCol, 30);
    // The call inside has its own span.
    int call = indexOf(*main, Opcode::CALL_METHOD);
    QCOMPARE(main->spans[size_t(call)].col, 14);
    // Line starts: first instruction of lines 3, 4 and 5.
    QStringList starts;
    for (size_t i = 0; i < main->code.size(); ++i)
        if (main->startsLine[i])
            starts << QString::number(main->spans[i].line);
    QCOMPARE(starts, (QStringList{"3", "4", "5"}));
    // The statement on line 5 starts with the load of r.
    for (size_t i = 0; i < main->code.size(); ++i) {
        if (main->startsLine[i] && main->spans[i].line == 5)
            QCOMPARE(main->code[i].op, Opcode::LOAD_FAST);
    }
}

void TestCompiler::testDisassembler()
{
    CodePtr mod = compile("def f(a):\n    return a + 1\nprint(f(1))\n");
    const QString text = dis(mod);
    QVERIFY2(text.contains("  1           0 LOAD_CONST               0 (<code object f, file \"t.py\", line 1>)"),
             qPrintable(text));
    QVERIFY2(text.contains("  3           3 LOAD_NAME                1 (print)"), qPrintable(text));
    QVERIFY2(text.contains("Disassembly of <code object f, file \"t.py\", line 1>:"), qPrintable(text));
    QVERIFY2(text.contains("BINARY_OP                0 (+)"), qPrintable(text));
    QVERIFY2(text.contains("LOAD_FAST                0 (a)"), qPrintable(text));
    CodePtr loop = compile("for i in x:\n    pass\n");   // pass is a NOP
    const QString lt = dis(loop);
    QVERIFY2(lt.contains(">>    2 FOR_ITER                 6 (to 6)"), qPrintable(lt));
    QCOMPARE(QString::fromStdString(bytecode::constantRepr(std::string("it's\n"))), QString("\"it's\\n\""));
    QCOMPARE(QString::fromStdString(bytecode::constantRepr(bytecode::StrTuple{{"k"}})), QString("('k',)"));
    QCOMPARE(QString::fromStdString(bytecode::constantRepr(1.5)), QString("1.5"));
    QCOMPARE(QString::fromStdString(bytecode::constantRepr(2.0)), QString("2.0"));
}

void TestCompiler::testErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("col");

    QTest::newRow("return outside") << "return 1\n" << "'return' outside function" << 1 << 0;
    QTest::newRow("return in class") << "class C:\n    return\n" << "'return' outside function" << 2 << 4;
    QTest::newRow("await outside") << "await x\n" << "'await' outside function" << 1 << 0;
    QTest::newRow("await in class") << "class C:\n    await x\n" << "'await' outside function" << 2 << 4;
    QTest::newRow("await in sync def") << "def f():\n    await x\n" << "'await' outside async function" << 2 << 4;
    QTest::newRow("await in lambda") << "f = lambda: await x\n" << "'await' outside async function" << 1 << 12;
    QTest::newRow("yield outside") << "yield 1\n" << "'yield' outside function" << 1 << 0;
    QTest::newRow("break outside") << "break\n" << "'break' outside loop" << 1 << 0;
    QTest::newRow("break in nested def") << "for x in y:\n  def f():\n    break\n" << "'break' outside loop" << 3 << 4;
    QTest::newRow("continue outside") << "continue\n" << "'continue' not properly in loop" << 1 << 0;
    QTest::newRow("async with outside") << "def f():\n    async with a: pass\n"
                                        << "'async with' outside async function" << 2 << 4;
    QTest::newRow("async for outside") << "def f():\n    async for a in b: pass\n"
                                       << "'async for' outside async function" << 2 << 4;
    QTest::newRow("async comprehension outside") << "def f():\n    return [await x for x in y]\n"
                                                 << "asynchronous comprehension outside of an asynchronous function" << 2 << 11;
    QTest::newRow("yield from in async") << "async def f():\n    yield from x\n"
                                         << "'yield from' inside async function" << 2 << 4;
    QTest::newRow("return value in async gen") << "async def f():\n    yield 1\n    return 2\n"
                                               << "'return' with value in async generator" << 3 << 4;
    QTest::newRow("default except not last") << "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n"
                                             << "default 'except:' must be last" << 3 << 0;
    QTest::newRow("keyword repeated") << "f(a=1, a=2)\n" << "keyword argument repeated: a" << 1 << 7;
    QTest::newRow("nonlocal at module") << "nonlocal x\n" << "nonlocal declaration not allowed at module level" << 1 << 0;
    QTest::newRow("no binding") << "def f():\n    nonlocal x\n" << "no binding for nonlocal 'x' found" << 2 << 4;
    QTest::newRow("global after use") << "def f():\n    print(x)\n    global x\n"
                                      << "name 'x' is used prior to global declaration" << 3 << 4;
    QTest::newRow("param and global") << "def f(x):\n    global x\n" << "name 'x' is parameter and global" << 2 << 4;
    QTest::newRow("duplicate argument") << "def f(a, a):\n    pass\n"
                                        << "duplicate argument 'a' in function definition" << 1 << 9;
    QTest::newRow("yield in listcomp") << "def f():\n    return [(yield x) for x in y]\n"
                                       << "'yield' inside list comprehension" << 2 << 11;
    QTest::newRow("return in except*") << "def f():\n    try:\n        pass\n    except* E:\n        return\n"
                                       << "'break', 'continue' and 'return' cannot appear in an except* block" << 5 << 8;
    QTest::newRow("multiple starred") << "a, *b, *c = d\n" << "multiple starred expressions in assignment" << 1 << 7;

    // 21 nested blocks.
    std::string deep;
    for (int i = 0; i < 21; ++i)
        deep += std::string(size_t(i), ' ') + "while x:\n";
    deep += std::string(21, ' ') + "pass\n";
    QTest::newRow("too many blocks") << QString::fromStdString(deep) << "too many statically nested blocks" << 21 << 20;
}

void TestCompiler::testErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, col);
    const QByteArray src = source.toUtf8();
    try {
        compile(src.constData());
        QFAIL("no SyntaxError");
    } catch (const lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(e.line, line);
        QCOMPARE(e.col, col);
    }
}

// Every path reaches each instruction with the same stack depth and returns
// with exactly the value on the stack: catches unbalanced block sequences.
void TestCompiler::testStackConsistency_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("loops through finally")
        << "def f(a, b):\n"
           "    for i in a:\n"
           "        try:\n"
           "            if i == 1:\n"
           "                continue\n"
           "            elif i == 2:\n"
           "                break\n"
           "            return i\n"
           "        except ValueError as err:\n"
           "            continue\n"
           "        except (KeyError, TypeError):\n"
           "            break\n"
           "        else:\n"
           "            pass\n"
           "        finally:\n"
           "            for j in b:\n"
           "                if j:\n"
           "                    break\n"
           "    else:\n"
           "        return -1\n"
           "    while True:\n"
           "        with open(a) as fh, open(b):\n"
           "            if fh:\n"
           "                return fh.read()\n"
           "            break\n";
    QTest::newRow("async blocks")
        << "class K(B, metaclass=M, **kw):\n"
           "    async def am(self):\n"
           "        async with self.lock as l:\n"
           "            async for v in self.gen():\n"
           "                if v:\n"
           "                    return await v\n"
           "                try:\n"
           "                    await l\n"
           "                finally:\n"
           "                    continue\n"
           "            else:\n"
           "                pass\n"
           "        return [await t async for t in self.gen() if await t]\n";
    QTest::newRow("finally returns")
        << "def f():\n"
           "    try:\n"
           "        try:\n"
           "            return 1\n"
           "        finally:\n"
           "            return 2\n"
           "    except Exception as e:\n"
           "        raise\n"
           "    finally:\n"
           "        print('x')\n";
    QTest::newRow("generators")
        << "async def agen():\n"
           "    try:\n"
           "        yield 1\n"
           "    finally:\n"
           "        yield 2\n"
           "    r = [n := i for i in range(3)]\n"
           "    yield f'{n!r:>{r}}'\n"
           "def gen():\n"
           "    x = yield\n"
           "    y = yield from gen()\n"
           "    assert x, 'msg'\n"
           "    raise ValueError('v') from None\n"
           "g = (x for x in y if x for z in x)\n"
           "d = {k: v for k, v in y}\n";
    QTest::newRow("expressions")
        << "print(*[1], *a, 2, k=1, **{}, sep='')\n"
           "a = b = c < d <= e\n"
           "v = not a and (b or c) if d else -e ** ~f\n"
           "x, *rest, z = [1, *a]\n"
           "o.attr += 1\n"
           "o[1:2] -= 3\n"
           "del o.attr, o[0]\n"
           "s = {1, *a}\n"
           "m = {**a, 'k': 1}\n"
           "if not (a and b) or c:\n"
           "    pass\n";
}

void TestCompiler::testStackConsistency()
{
    QFETCH(QString, source);
    const QByteArray src = source.toUtf8();
    CodePtr code = compile(src.constData());
    const QStringList problems = stackProblems(code);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n') + "\n" + dis(code)));
}

void TestCompiler::testLessonsCompile_data()
{
    QTest::addColumn<QString>("path");
    QDir dir(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
    const auto entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(entries.size() >= 16);
    for (const QString& e : entries) {
        const QString script = dir.filePath(e + "/script.py");
        if (QFile::exists(script))
            QTest::newRow(qPrintable(e)) << script;
    }
}

void TestCompiler::testLessonsCompile()
{
    QFETCH(QString, path);
    const std::string source = readFile(path);
    QVERIFY(!source.empty());
    lang::ast::Module m = lang::parse(source, path.toStdString());
    CodePtr code = lang::compileModule(m, path.toStdString());
    QVERIFY(code);
    QVERIFY(!code->code.empty());
    QCOMPARE(code->code.back().op, Opcode::RETURN_VALUE);
    QVERIFY(code->maxStack > 0);
    QVERIFY(!bytecode::disassemble(*code).empty());
    const QStringList problems = stackProblems(code);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

QTEST_GUILESS_MAIN(TestCompiler)
#include "tst_compiler.moc"
