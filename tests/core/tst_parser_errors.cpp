// Parser errors: message, type, line and column as CPython 3.11 gives them,
// the constructs Awaitscope names as unsupported, and nesting limits that
// keep deep input from overflowing the C++ stack. (Valid programs and their
// spans are in tst_parser.cpp.)
#include "core/lang/parser.h"

#include <QtTest>

#include <string>

class TstParserErrors : public QObject {
    Q_OBJECT
private slots:
    void testErrors_data();
    void testErrors();
    void testUnsupported_data();
    void testUnsupported();
    void testNesting();
};

// Message, type, line and 0-based column exactly as CPython 3.11's compile() gives them.
void TstParserErrors::testErrors_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("col");
    QTest::newRow("e000") << QByteArray(R"py(x = 'abc
x
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated string literal (detected at line 1))py") << 1 << 4;
    QTest::newRow("e001") << QByteArray(R"py(x = '''abc

x)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated triple-quoted string literal (detected at line 3))py") << 1 << 4;
    QTest::newRow("e002") << QByteArray(R"py(if x:
    a
  b
)py") << QString(R"py(IndentationError)py") << QString(R"py(unindent does not match any outer indentation level)py") << 3 << 3;
    QTest::newRow("e003") << QByteArray(R"py(if x:
	a
        b
)py") << QString(R"py(TabError)py") << QString(R"py(inconsistent use of tabs and spaces in indentation)py") << 3 << 0;
    QTest::newRow("e004") << QByteArray(R"py(if x:
pass
)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after 'if' statement on line 1)py") << 2 << 0;
    QTest::newRow("e005") << QByteArray(R"py(  x
)py") << QString(R"py(IndentationError)py") << QString(R"py(unexpected indent)py") << 1 << 1;
    QTest::newRow("e006") << QByteArray(R"py(f(
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 1;
    QTest::newRow("e007") << QByteArray(R"py((])py") << QString(R"py(SyntaxError)py") << QString(R"py(closing parenthesis ']' does not match opening parenthesis '(')py") << 1 << 1;
    QTest::newRow("e008") << QByteArray(R"py(x))py") << QString(R"py(SyntaxError)py") << QString(R"py(unmatched ')')py") << 1 << 1;
    QTest::newRow("e009") << QByteArray(R"py(1_)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 1;
    QTest::newRow("e010") << QByteArray(R"py(1a)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 0;
    QTest::newRow("e011") << QByteArray(R"py(0777)py") << QString(R"py(SyntaxError)py") << QString(R"py(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)py") << 1 << 0;
    QTest::newRow("e012") << QByteArray(R"py(0x)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid hexadecimal literal)py") << 1 << 1;
    QTest::newRow("e013") << QByteArray(R"py(1e)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 0;
    QTest::newRow("e014") << QByteArray(R"py(1__0)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 1;
    QTest::newRow("e015") << QByteArray(R"py(0b102)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid digit '2' in binary literal)py") << 1 << 4;
    QTest::newRow("e016") << QByteArray(R"py(0o8)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid digit '8' in octal literal)py") << 1 << 2;
    QTest::newRow("e017") << QByteArray(R"py(0x1_)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid hexadecimal literal)py") << 1 << 3;
    QTest::newRow("e018") << QByteArray(R"py(0b)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid binary literal)py") << 1 << 1;
    QTest::newRow("e019") << QByteArray(R"py(a\ b)py") << QString(R"py(SyntaxError)py") << QString(R"py(unexpected character after line continuation character)py") << 1 << 2;
    QTest::newRow("e020") << QByteArray(R"py(x = $)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 4;
    QTest::newRow("e021") << QByteArray(R"py(x = 1 +)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e022") << QByteArray(R"py('\x4')py") << QString(R"py(SyntaxError)py") << QString(R"py((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape)py") << 1 << 5;
    QTest::newRow("e023") << QByteArray(R"py(f'{}')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: empty expression not allowed)py") << 1 << 5;
    QTest::newRow("e024") << QByteArray(R"py(f'}')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: single '}' is not allowed)py") << 1 << 4;
    QTest::newRow("e025") << QByteArray(R"py(f'{x!z}')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: invalid conversion character: expected 's', 'r', or 'a')py") << 1 << 8;
    QTest::newRow("e026") << QByteArray(R"py(f'{x')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: expecting '}')py") << 1 << 5;
    QTest::newRow("e027") << QByteArray(R"py((((
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 2;
    QTest::newRow("e028") << QByteArray(R"py(x = 'a' \
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unexpected EOF while parsing)py") << 1 << 9;
    QTest::newRow("e029") << QByteArray(R"py(if x
  pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected ':')py") << 1 << 4;
    QTest::newRow("e030") << QByteArray(R"py(f() = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e031") << QByteArray(R"py(del f())py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot delete function call)py") << 1 << 4;
    QTest::newRow("e032") << QByteArray(R"py(f() += 1)py") << QString(R"py(SyntaxError)py") << QString(R"py('function call' is an illegal expression for augmented assignment)py") << 1 << 0;
    QTest::newRow("e033") << QByteArray(R"py(for f() in x: pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 4;
    QTest::newRow("e034") << QByteArray(R"py(import *)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e035") << QByteArray(R"py(a, f() = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call here. Maybe you meant '==' instead of '='?)py") << 1 << 3;
    QTest::newRow("e036") << QByteArray(R"py(x = f() = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 4;
    QTest::newRow("e037") << QByteArray(R"py(f() = x = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 0;
    QTest::newRow("e038") << QByteArray(R"py(True = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to True)py") << 1 << 0;
    QTest::newRow("e039") << QByteArray(R"py(x + 1 = 2)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to expression here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e040") << QByteArray(R"py([a, f()] = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 4;
    QTest::newRow("e041") << QByteArray(R"py((f()) = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call here. Maybe you meant '==' instead of '='?)py") << 1 << 1;
    QTest::newRow("e042") << QByteArray(R"py(f() = yield)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 0;
    QTest::newRow("e043") << QByteArray(R"py(*a = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(starred assignment target must be in a list or tuple)py") << 1 << 0;
    QTest::newRow("e044") << QByteArray(R"py((a, b): int)py") << QString(R"py(SyntaxError)py") << QString(R"py(only single target (not tuple) can be annotated)py") << 1 << 0;
    QTest::newRow("e045") << QByteArray(R"py(f(): int)py") << QString(R"py(SyntaxError)py") << QString(R"py(illegal target for annotation)py") << 1 << 0;
    QTest::newRow("e046") << QByteArray(R"py(del (a, f()))py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot delete function call)py") << 1 << 8;
    QTest::newRow("e047") << QByteArray(R"py(f(a.b=1))py") << QString(R"py(SyntaxError)py") << QString(R"py(expression cannot contain assignment, perhaps you meant "=="?)py") << 1 << 2;
    QTest::newRow("e048") << QByteArray(R"py(f(a=1, b))py") << QString(R"py(SyntaxError)py") << QString(R"py(positional argument follows keyword argument)py") << 1 << 8;
    QTest::newRow("e049") << QByteArray(R"py(f(**a, *b))py") << QString(R"py(SyntaxError)py") << QString(R"py(iterable argument unpacking follows keyword argument unpacking)py") << 1 << 7;
    QTest::newRow("e050") << QByteArray(R"py(f(**a, b))py") << QString(R"py(SyntaxError)py") << QString(R"py(positional argument follows keyword argument unpacking)py") << 1 << 8;
    QTest::newRow("e051") << QByteArray(R"py([a b])py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax. Perhaps you forgot a comma?)py") << 1 << 1;
    QTest::newRow("e052") << QByteArray(R"py(x := 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 2;
    QTest::newRow("e053") << QByteArray(R"py(def f(a=1, b): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(non-default argument follows default argument)py") << 1 << 11;
    QTest::newRow("e054") << QByteArray(R"py(def f(*): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(named arguments must follow bare *)py") << 1 << 6;
    QTest::newRow("e055") << QByteArray(R"py(def f(*, **k): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(named arguments must follow bare *)py") << 1 << 6;
    QTest::newRow("e056") << QByteArray(R"py(f(x for x in y, 1))py") << QString(R"py(SyntaxError)py") << QString(R"py(Generator expression must be parenthesized)py") << 1 << 2;
    QTest::newRow("e057") << QByteArray(R"py(f(1, x for x in y))py") << QString(R"py(SyntaxError)py") << QString(R"py(Generator expression must be parenthesized)py") << 1 << 5;
    QTest::newRow("e058") << QByteArray(R"py(a, None = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to None)py") << 1 << 3;
    QTest::newRow("e059") << QByteArray(R"py(-a = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to expression here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e060") << QByteArray(R"py(a, *f() = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 4;
    QTest::newRow("e061") << QByteArray(R"py(for x, f() in y: pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 7;
    QTest::newRow("e062") << QByteArray(R"py(with a as f(): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 10;
    QTest::newRow("e063") << QByteArray(R"py([x for f() in y])py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to function call)py") << 1 << 7;
    QTest::newRow("e064") << QByteArray(R"py((a, b) += 1)py") << QString(R"py(SyntaxError)py") << QString(R"py('tuple' is an illegal expression for augmented assignment)py") << 1 << 0;
    QTest::newRow("e065") << QByteArray(R"py(x = *a)py") << QString(R"py(SyntaxError)py") << QString(R"py(can't use starred expression here)py") << 1 << 4;
    QTest::newRow("e066") << QByteArray(R"py(*a)py") << QString(R"py(SyntaxError)py") << QString(R"py(can't use starred expression here)py") << 1 << 0;
    QTest::newRow("e067") << QByteArray(R"py(a = (*b))py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot use starred expression here)py") << 1 << 5;
    QTest::newRow("e068") << QByteArray(R"py(a = yield = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(assignment to yield expression not possible)py") << 1 << 4;
    QTest::newRow("e069") << QByteArray(R"py((yield) = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to yield expression here. Maybe you meant '==' instead of '='?)py") << 1 << 1;
    QTest::newRow("e070") << QByteArray(R"py([i for i in range(3)] = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to list comprehension here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e071") << QByteArray(R"py(f'{x}' = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to f-string expression here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e072") << QByteArray(R"py(x if y else z = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to conditional expression)py") << 1 << 0;
    QTest::newRow("e073") << QByteArray(R"py(lambda: 1 = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to lambda)py") << 1 << 0;
    QTest::newRow("e074") << QByteArray(R"py(await x = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to await expression here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e075") << QByteArray(R"py(a < b = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to comparison)py") << 1 << 0;
    QTest::newRow("e076") << QByteArray(R"py(def f():
  return
    x
)py") << QString(R"py(IndentationError)py") << QString(R"py(unexpected indent)py") << 3 << 3;
    QTest::newRow("e077") << QByteArray(R"py(class A:
)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after class definition on line 1)py") << 1 << 8;
    QTest::newRow("e078") << QByteArray(R"py(def f():
)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after function definition on line 1)py") << 1 << 8;
    QTest::newRow("e079") << QByteArray(R"py(for x in y:
z)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after 'for' statement on line 1)py") << 2 << 0;
    QTest::newRow("e080") << QByteArray(R"py(while x:
)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after 'while' statement on line 1)py") << 1 << 8;
    QTest::newRow("e081") << QByteArray(R"py(try:
  pass
)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected 'except' or 'finally' block)py") << 2 << 6;
    QTest::newRow("e082") << QByteArray(R"py(try:
  pass
x = 1
)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected 'except' or 'finally' block)py") << 3 << 0;
    QTest::newRow("e083") << QByteArray(R"py(with a:
)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after 'with' statement on line 1)py") << 1 << 7;
    QTest::newRow("e084") << QByteArray(R"py(else:
  pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 0;
    QTest::newRow("e085") << QByteArray(R"py(x = (1, 2)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 4;
    QTest::newRow("e086") << QByteArray(R"py(print('hello))py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated string literal (detected at line 1))py") << 1 << 6;
    QTest::newRow("e087") << QByteArray(R"py(x = [1, 2, 3})py") << QString(R"py(SyntaxError)py") << QString(R"py(closing parenthesis '}' does not match opening parenthesis '[')py") << 1 << 12;
    QTest::newRow("e088") << QByteArray(R"py(})py") << QString(R"py(SyntaxError)py") << QString(R"py(unmatched '}')py") << 1 << 0;
    QTest::newRow("e089") << QByteArray(R"py(x = 1 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 6;
    QTest::newRow("e090") << QByteArray(R"py(def f(a, a): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(duplicate argument 'a' in function definition)py") << 1 << 9;
    QTest::newRow("e091") << QByteArray(R"py(f(a for a in b for))py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 18;
    QTest::newRow("e092") << QByteArray(R"py(if True:
	x = 1
        y = 2
)py") << QString(R"py(TabError)py") << QString(R"py(inconsistent use of tabs and spaces in indentation)py") << 3 << 0;
    QTest::newRow("e093") << QByteArray(R"py(x = 5 if y)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected 'else' after 'if' expression)py") << 1 << 4;
    QTest::newRow("e094") << QByteArray(R"py(import a.)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 9;
    QTest::newRow("e095") << QByteArray(R"py(from x import (a, b)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 14;
    QTest::newRow("e096") << QByteArray(R"py(from x import a,)py") << QString(R"py(SyntaxError)py") << QString(R"py(trailing comma not allowed without surrounding parentheses)py") << 1 << 16;
    QTest::newRow("e097") << QByteArray(R"py(lambda x: yield)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 10;
    QTest::newRow("e098") << QByteArray(R"py(print 'hi')py") << QString(R"py(SyntaxError)py") << QString(R"py(Missing parentheses in call to 'print'. Did you mean print(...)?)py") << 1 << 0;
    QTest::newRow("e099") << QByteArray(R"py(a.1)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 1;
    QTest::newRow("e100") << QByteArray(R"py(x = 08)py") << QString(R"py(SyntaxError)py") << QString(R"py(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)py") << 1 << 4;
    QTest::newRow("e102") << QByteArray(R"py(def f(**k, a): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(arguments cannot follow var-keyword argument)py") << 1 << 11;
    QTest::newRow("e103") << QByteArray(R"py(def f(*a, *b): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(* argument may appear only once)py") << 1 << 10;
    QTest::newRow("e104") << QByteArray(R"py(try:
 pass
except A, B:
 pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(multiple exception types must be parenthesized)py") << 3 << 7;
    QTest::newRow("e105") << QByteArray(R"py(x = {1: 2, 3})py") << QString(R"py(SyntaxError)py") << QString(R"py(':' expected after dictionary key)py") << 1 << 11;
    QTest::newRow("e106") << QByteArray(R"py(a[1:2:3:4])py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e107") << QByteArray(R"py(x = not)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e108") << QByteArray(R"py(def (): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 4;
    QTest::newRow("e109") << QByteArray(R"py(async x = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 6;
    QTest::newRow("e110") << QByteArray(R"py('abc' = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot assign to literal here. Maybe you meant '==' instead of '='?)py") << 1 << 0;
    QTest::newRow("e111") << QByteArray(R"py(del 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot delete literal)py") << 1 << 4;
    QTest::newRow("e112") << QByteArray(R"py(del x + 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot delete expression)py") << 1 << 4;
    QTest::newRow("e113") << QByteArray(R"py(f'{x:{y:{z}}}')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: expressions nested too deeply)py") << 1 << 14;
    QTest::newRow("e114") << QByteArray(R"py(f'{#}')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string expression part cannot include '#')py") << 1 << 6;
    QTest::newRow("e115") << QByteArray(R"py(f'{a!r')py") << QString(R"py(SyntaxError)py") << QString(R"py(f-string: expecting '}')py") << 1 << 7;
    QTest::newRow("e117") << QByteArray(R"py(nonlocal = 1)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 9;
    QTest::newRow("e118") << QByteArray(R"py(x = 1 if 2 else)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 15;
    QTest::newRow("e119") << QByteArray(R"py(@
def f(): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 1;
    QTest::newRow("e120") << QByteArray(R"py(x = [1, 2
y = 3
)py") << QString(R"py(SyntaxError)py") << QString(R"py('[' was never closed)py") << 1 << 4;
    QTest::newRow("e121") << QByteArray(R"py(if x:
  pass
 else:
  pass
)py") << QString(R"py(IndentationError)py") << QString(R"py(unindent does not match any outer indentation level)py") << 3 << 6;
    QTest::newRow("e127") << QByteArray(R"py(try:
  pass
except* E:
  pass
except F:
  pass
)py") << QString(R"py(SyntaxError)py") << QString(R"py(cannot have both 'except' and 'except*' on the same 'try')py") << 5 << 0;
    QTest::newRow("e128") << QByteArray(R"py(try:
  pass
except*:
  pass
)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected one or more exception types)py") << 3 << 7;
    QTest::newRow("e131") << QByteArray(R"py(with a /= 3)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e132") << QByteArray(R"py(def e10)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected '(')py") << 1 << 7;
    QTest::newRow("e133") << QByteArray(R"py(x  not a if b else c)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 7;
    QTest::newRow("e134") << QByteArray(R"py(a not inx b)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 6;
    QTest::newRow("e135") << QByteArray(R"py(''a
b'''  'c'
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated triple-quoted string literal (detected at line 2))py") << 2 << 0;
    QTest::newRow("e136") << QByteArray(R"py('''a
b'' 'c'
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated triple-quoted string literal (detected at line 2))py") << 1 << 0;
    QTest::newRow("e137") << QByteArray(R"py( = (2a, *b)for 
)py") << QString(R"py(IndentationError)py") << QString(R"py(unexpected indent)py") << 1 << 0;
    QTest::newRow("e138") << QByteArray(R"py(r{om . imort x
)py") << QString(R"py(SyntaxError)py") << QString(R"py('{' was never closed)py") << 1 << 1;
    QTest::newRow("e139") << QByteArray(R"py(1e-5{
)py") << QString(R"py(SyntaxError)py") << QString(R"py('{' was never closed)py") << 1 << 4;
    QTest::newRow("e140") << QByteArray(R"py(i (n := len(a)) > 10: pass
)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 20;
    QTest::newRow("e141") << QByteArray(R"py(a = €)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid character '€' (U+20AC))py") << 1 << 4;
    QTest::newRow("e142") << QByteArray(R"py(x = 1 → 2)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid character '→' (U+2192))py") << 1 << 6;
    QTest::newRow("e143") << QByteArray(R"py(x = [*a for a in b])py") << QString(R"py(SyntaxError)py") << QString(R"py(iterable unpacking cannot be used in comprehension)py") << 1 << 5;
    QTest::newRow("e144") << QByteArray(R"py({**a for a in b})py") << QString(R"py(SyntaxError)py") << QString(R"py(dict unpacking cannot be used in dict comprehension)py") << 1 << 1;
    QTest::newRow("e145") << QByteArray(R"py({*a for a in b})py") << QString(R"py(SyntaxError)py") << QString(R"py(iterable unpacking cannot be used in comprehension)py") << 1 << 1;
    QTest::newRow("e146") << QByteArray(R"py((*a for a in b))py") << QString(R"py(SyntaxError)py") << QString(R"py(iterable unpacking cannot be used in comprehension)py") << 1 << 1;
    QTest::newRow("e147") << QByteArray(R"py(x = 1 if y)py") << QString(R"py(SyntaxError)py") << QString(R"py(expected 'else' after 'if' expression)py") << 1 << 4;
    QTest::newRow("e148") << QByteArray(R"py(def f(*, a, *b): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(* argument may appear only once)py") << 1 << 12;
    QTest::newRow("e149") << QByteArray(R"py(def f(/, a): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(at least one argument must precede /)py") << 1 << 6;
    QTest::newRow("e150") << QByteArray(R"py(def f(a, /, b, /): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(/ may appear only once)py") << 1 << 15;
    QTest::newRow("e151") << QByteArray(R"py(def f(*a=1): pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(var-positional argument cannot have default value)py") << 1 << 8;
    QTest::newRow("e153") << QByteArray(R"py(for x in range(3):
pass)py") << QString(R"py(IndentationError)py") << QString(R"py(expected an indented block after 'for' statement on line 1)py") << 2 << 0;
    QTest::newRow("e154") << QByteArray(R"py(x = (1
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 4;
    QTest::newRow("e155") << QByteArray(R"py(class A(B:
  pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 9;
    QTest::newRow("e156") << QByteArray(R"py(if x:
  pass
  else:
    pass)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 3 << 2;
    QTest::newRow("e157") << QByteArray(R"py(print("x"
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 5;
    QTest::newRow("e158") << QByteArray(R"py(x = {
  'a': 1
  'b': 2
})py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax. Perhaps you forgot a comma?)py") << 2 << 7;
}

void TstParserErrors::testErrors() {
    QFETCH(QByteArray, source);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, col);
    try {
        aw::lang::parse(source.toStdString(), "<test>");
        QFAIL("no SyntaxError");
    } catch (const aw::lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(QString::fromStdString(e.type), type);
        QCOMPARE(e.line, line);
        QCOMPARE(e.col, col);
    }
}

// Valid Python that Awaitscope does not run: the error names the construct.
void TstParserErrors::testUnsupported_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("col");
    const QString tooBig = QStringLiteral("integer literal too large: Awaitscope ints are 64-bit (at most 9223372036854775807)");
    QTest::newRow("match") << QByteArray("match x:\n    case 1:\n        pass\n")
                           << "match statements are not supported by Awaitscope" << 1 << 0;
    QTest::newRow("complex") << QByteArray("x = 1j\n") << "complex numbers (1j) are not supported by Awaitscope" << 1
                             << 4;
    QTest::newRow("bytes") << QByteArray("x = b'x'\n") << "bytes literals (b'...') are not supported by Awaitscope"
                           << 1 << 4;
    QTest::newRow("big int") << QByteArray("x = 9223372036854775808\n") << tooBig << 1 << 4;
    QTest::newRow("big hex") << QByteArray("x = 0x1_0000_0000_0000_0000\n") << tooBig << 1 << 4;
    QTest::newRow("star import") << QByteArray("from asyncio import *\n")
                                 << "star imports are not supported by Awaitscope" << 1 << 20;
    QTest::newRow("type alias") << QByteArray("type X = int\n")
                                << "type aliases (the 'type' statement) are not supported by Awaitscope" << 1 << 0;
    QTest::newRow("named escape") << QByteArray("x = '\\N{DASH}'\n")
                                  << "\\N{...} escapes (named Unicode characters) are not supported by Awaitscope; "
                                     "use \\u or \\U with the code point"
                                  << 1 << 14;
}

void TstParserErrors::testUnsupported() {
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, col);
    try {
        aw::lang::parse(source.toStdString(), "<test>");
        QFAIL("no SyntaxError");
    } catch (const aw::lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.type), QStringLiteral("SyntaxError"));
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(e.line, line);
        QCOMPARE(e.col, col);
    }
}

void TstParserErrors::testNesting() {
    auto errorOf = [](const std::string& src) -> QString {
        try {
            aw::lang::parse(src, "<test>");
            return QStringLiteral("ok");
        } catch (const aw::lang::SyntaxError& e) {
            return QString::fromStdString(e.message);
        }
    };
    auto rep = [](const char* s, int n) {
        std::string r;
        for (int i = 0; i < n; ++i) r += s;
        return r;
    };
    QCOMPARE(errorOf("x = " + rep("(", 199) + "1" + rep(")", 199) + "\n"), QStringLiteral("ok"));
    QCOMPARE(errorOf("x = " + rep("(", 201) + "1" + rep(")", 201) + "\n"), QStringLiteral("too many nested parentheses"));
    QCOMPARE(errorOf("x = " + rep("[", 250) + rep("]", 250) + "\n"), QStringLiteral("too many nested parentheses"));
    const QString tooDeep = QStringLiteral("expression too deeply nested (Awaitscope allows 1000 levels)");
    QCOMPARE(errorOf("x = " + rep("-", 100000) + "1\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("not ", 5000) + "1\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("1 + ", 100000) + "1\n"), tooDeep);
    QCOMPARE(errorOf("x = a" + rep(".b", 100000) + "\n"), tooDeep);
    QCOMPARE(errorOf("x = f" + rep("()", 100000) + "\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("a if b else ", 5000) + "c\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("lambda: ", 5000) + "1\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("a ** ", 5000) + "1\n"), tooDeep);
    QCOMPARE(errorOf("x = " + rep("1 + ", 500) + "1\n"), QStringLiteral("ok"));
    std::string ifs, fors;
    for (int i = 0; i < 101; ++i) ifs += std::string(size_t(i), ' ') + "if x:\n";
    ifs += std::string(101, ' ') + "pass\n";
    QCOMPARE(errorOf(ifs), QStringLiteral("too many levels of indentation"));
    for (int i = 0; i < 21; ++i) fors += std::string(size_t(i), ' ') + "for x in y:\n";
    QCOMPARE(errorOf(fors + std::string(21, ' ') + "pass\n"), QStringLiteral("too many statically nested blocks"));
}

// Every lesson script must parse.

QTEST_GUILESS_MAIN(TstParserErrors)
#include "tst_parser_errors.moc"
