// The lexer against CPython 3.11: token streams as python's tokenize module
// gives them (without NL/COMMENT, columns in bytes), literal values, f-string
// pieces, and the tokenizer's errors with their positions. Expected strings
// were produced by python3.11 and pasted in.

#include "core/lang/ast_dump.h"
#include "core/lang/lexer.h"
#include "core/lang/parser.h"

#include <QtTest>

#include <string>

namespace {

using aw::lang::Token;
using aw::lang::TokenKind;

QString render(const std::vector<Token>& tokens) {
    QStringList parts;
    for (const Token& t : tokens) {
        QString s = QString::fromLatin1(aw::lang::tokenKindName(t.kind));
        if (t.kind == TokenKind::Name || t.kind == TokenKind::Op || t.kind == TokenKind::Number ||
            t.kind == TokenKind::String)
            s += QLatin1Char(' ') + QString::fromStdString(t.text);
        s += QStringLiteral(" %1,%2-%3,%4").arg(t.span.line).arg(t.span.col).arg(t.span.endLine).arg(t.span.endCol);
        parts << s;
    }
    return parts.join(QStringLiteral(" | "));
}

const Token& firstOf(const std::vector<Token>& tokens, TokenKind kind) {
    for (const Token& t : tokens)
        if (t.kind == kind) return t;
    return tokens.back();
}

}  // namespace

class TstLexer : public QObject {
    Q_OBJECT

private slots:
    void testTokens_data();
    void testTokens();
    void testIndentation();
    void testNumbers_data();
    void testNumbers();
    void testStrings_data();
    void testStrings();
    void testFStringToken();
    void testFStringPieces_data();
    void testFStringPieces();
    void testFStringErrors_data();
    void testFStringErrors();
    void testErrors_data();
    void testErrors();
    void testUnsupportedLiterals_data();
    void testUnsupportedLiterals();
    void testKeywords();
};

// Each row: a source and python's tokenize output for it.
void TstLexer::testTokens_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("t00") << QByteArray(R"py(x = 1
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | NUMBER 1 1,4-1,5 | NEWLINE 1,5-1,6 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t01") << QByteArray(R"py(print('hi')
)py")
        << QString(R"py(NAME print 1,0-1,5 | OP ( 1,5-1,6 | STRING 'hi' 1,6-1,10 | OP ) 1,10-1,11 | NEWLINE 1,11-1,12 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t02") << QByteArray(R"py(if x:
    y
z
)py")
        << QString(R"py(NAME if 1,0-1,2 | NAME x 1,3-1,4 | OP : 1,4-1,5 | NEWLINE 1,5-1,6 | INDENT 2,0-2,4 | NAME y 2,4-2,5 | NEWLINE 2,5-2,6 | DEDENT 3,0-3,0 | NAME z 3,0-3,1 | NEWLINE 3,1-3,2 | ENDMARKER 4,0-4,0)py");
    QTest::newRow("t03") << QByteArray(R"py(if x:
  if y:
    z
  w
)py")
        << QString(R"py(NAME if 1,0-1,2 | NAME x 1,3-1,4 | OP : 1,4-1,5 | NEWLINE 1,5-1,6 | INDENT 2,0-2,2 | NAME if 2,2-2,4 | NAME y 2,5-2,6 | OP : 2,6-2,7 | NEWLINE 2,7-2,8 | INDENT 3,0-3,4 | NAME z 3,4-3,5 | NEWLINE 3,5-3,6 | DEDENT 4,2-4,2 | NAME w 4,2-4,3 | NEWLINE 4,3-4,4 | DEDENT 5,0-5,0 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t04") << QByteArray(R"py(if x:
  if y:
    z
)py")
        << QString(R"py(NAME if 1,0-1,2 | NAME x 1,3-1,4 | OP : 1,4-1,5 | NEWLINE 1,5-1,6 | INDENT 2,0-2,2 | NAME if 2,2-2,4 | NAME y 2,5-2,6 | OP : 2,6-2,7 | NEWLINE 2,7-2,8 | INDENT 3,0-3,4 | NAME z 3,4-3,5 | NEWLINE 3,5-3,6 | DEDENT 4,0-4,0 | DEDENT 4,0-4,0 | ENDMARKER 4,0-4,0)py");
    QTest::newRow("t05") << QByteArray(R"py(def f():
	pass
)py")
        << QString(R"py(NAME def 1,0-1,3 | NAME f 1,4-1,5 | OP ( 1,5-1,6 | OP ) 1,6-1,7 | OP : 1,7-1,8 | NEWLINE 1,8-1,9 | INDENT 2,0-2,1 | NAME pass 2,1-2,5 | NEWLINE 2,5-2,6 | DEDENT 3,0-3,0 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t06") << QByteArray(R"py(x = (1,
     2)
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | OP ( 1,4-1,5 | NUMBER 1 1,5-1,6 | OP , 1,6-1,7 | NUMBER 2 2,5-2,6 | OP ) 2,6-2,7 | NEWLINE 2,7-2,8 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t07") << QByteArray(R"py(x = [
  1,
]
y = 2
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | OP [ 1,4-1,5 | NUMBER 1 2,2-2,3 | OP , 2,3-2,4 | OP ] 3,0-3,1 | NEWLINE 3,1-3,2 | NAME y 4,0-4,1 | OP = 4,2-4,3 | NUMBER 2 4,4-4,5 | NEWLINE 4,5-4,6 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t08") << QByteArray(R"py(x = 1 + \
    2
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | NUMBER 1 1,4-1,5 | OP + 1,6-1,7 | NUMBER 2 2,4-2,5 | NEWLINE 2,5-2,6 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t09") << QByteArray(R"py(# comment
x = 1  # trailing


)py")
        << QString(R"py(NAME x 2,0-2,1 | OP = 2,2-2,3 | NUMBER 1 2,4-2,5 | NEWLINE 2,17-2,18 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t10") << QByteArray(R"py(a **= b // c >> d << e
)py")
        << QString(R"py(NAME a 1,0-1,1 | OP **= 1,2-1,5 | NAME b 1,6-1,7 | OP // 1,8-1,10 | NAME c 1,11-1,12 | OP >> 1,13-1,15 | NAME d 1,16-1,17 | OP << 1,18-1,20 | NAME e 1,21-1,22 | NEWLINE 1,22-1,23 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t11") << QByteArray(R"py(a -> b := c ... d != e
)py")
        << QString(R"py(NAME a 1,0-1,1 | OP -> 1,2-1,4 | NAME b 1,5-1,6 | OP := 1,7-1,9 | NAME c 1,10-1,11 | OP ... 1,12-1,15 | NAME d 1,16-1,17 | OP != 1,18-1,20 | NAME e 1,21-1,22 | NEWLINE 1,22-1,23 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t12") << QByteArray(R"py(0x1F 0o17 0b101 1_000 1.5 1. .5 1e10 1.5E-3 0 00
)py")
        << QString(R"py(NUMBER 0x1F 1,0-1,4 | NUMBER 0o17 1,5-1,9 | NUMBER 0b101 1,10-1,15 | NUMBER 1_000 1,16-1,21 | NUMBER 1.5 1,22-1,25 | NUMBER 1. 1,26-1,28 | NUMBER .5 1,29-1,31 | NUMBER 1e10 1,32-1,36 | NUMBER 1.5E-3 1,37-1,43 | NUMBER 0 1,44-1,45 | NUMBER 00 1,46-1,48 | NEWLINE 1,48-1,49 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t13") << QByteArray(R"py(s = 'a' "b" '''c''' """d
e"""
)py")
        << QString(R"py(NAME s 1,0-1,1 | OP = 1,2-1,3 | STRING 'a' 1,4-1,7 | STRING "b" 1,8-1,11 | STRING '''c''' 1,12-1,19 | STRING """d
e""" 1,20-2,4 | NEWLINE 2,4-2,5 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t14") << QByteArray(R"py(r'\n' f'{x}' rf'{y}' Fr'z' u'w'
)py")
        << QString(R"py(STRING r'\n' 1,0-1,5 | STRING f'{x}' 1,6-1,12 | STRING rf'{y}' 1,13-1,20 | STRING Fr'z' 1,21-1,26 | STRING u'w' 1,27-1,31 | NEWLINE 1,31-1,32 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t15") << QByteArray(R"py(x = 1
  
    # only comment
y = 2
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | NUMBER 1 1,4-1,5 | NEWLINE 1,5-1,6 | NAME y 4,0-4,1 | OP = 4,2-4,3 | NUMBER 2 4,4-4,5 | NEWLINE 4,5-4,6 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t16") << QByteArray(R"py(async def f():
    await g()
)py")
        << QString(R"py(NAME async 1,0-1,5 | NAME def 1,6-1,9 | NAME f 1,10-1,11 | OP ( 1,11-1,12 | OP ) 1,12-1,13 | OP : 1,13-1,14 | NEWLINE 1,14-1,15 | INDENT 2,0-2,4 | NAME await 2,4-2,9 | NAME g 2,10-2,11 | OP ( 2,11-2,12 | OP ) 2,12-2,13 | NEWLINE 2,13-2,14 | DEDENT 3,0-3,0 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t17") << QByteArray(R"py(x = {'a': [1, (2, 3)]}
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | OP { 1,4-1,5 | STRING 'a' 1,5-1,8 | OP : 1,8-1,9 | OP [ 1,10-1,11 | NUMBER 1 1,11-1,12 | OP , 1,12-1,13 | OP ( 1,14-1,15 | NUMBER 2 1,15-1,16 | OP , 1,16-1,17 | NUMBER 3 1,18-1,19 | OP ) 1,19-1,20 | OP ] 1,20-1,21 | OP } 1,21-1,22 | NEWLINE 1,22-1,23 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t18") << QByteArray(R"py(if True:
    x = '''
not an indent
'''
)py")
        << QString(R"py(NAME if 1,0-1,2 | NAME True 1,3-1,7 | OP : 1,7-1,8 | NEWLINE 1,8-1,9 | INDENT 2,0-2,4 | NAME x 2,4-2,5 | OP = 2,6-2,7 | STRING '''
not an indent
''' 2,8-4,3 | NEWLINE 4,3-4,4 | DEDENT 5,0-5,0 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t19") << QByteArray(R"py(a.b.c(d)[e]
)py")
        << QString(R"py(NAME a 1,0-1,1 | OP . 1,1-1,2 | NAME b 1,2-1,3 | OP . 1,3-1,4 | NAME c 1,4-1,5 | OP ( 1,5-1,6 | NAME d 1,6-1,7 | OP ) 1,7-1,8 | OP [ 1,8-1,9 | NAME e 1,9-1,10 | OP ] 1,10-1,11 | NEWLINE 1,11-1,12 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t20") << QByteArray(R"py(x = 1;y = 2
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | NUMBER 1 1,4-1,5 | OP ; 1,5-1,6 | NAME y 1,6-1,7 | OP = 1,8-1,9 | NUMBER 2 1,10-1,11 | NEWLINE 1,11-1,12 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t21") << QByteArray(R"py(lambda: 0
)py")
        << QString(R"py(NAME lambda 1,0-1,6 | OP : 1,6-1,7 | NUMBER 0 1,8-1,9 | NEWLINE 1,9-1,10 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t22") << QByteArray(R"py(class A:
    def f(self):
        return 1


x = 2
)py")
        << QString(R"py(NAME class 1,0-1,5 | NAME A 1,6-1,7 | OP : 1,7-1,8 | NEWLINE 1,8-1,9 | INDENT 2,0-2,4 | NAME def 2,4-2,7 | NAME f 2,8-2,9 | OP ( 2,9-2,10 | NAME self 2,10-2,14 | OP ) 2,14-2,15 | OP : 2,15-2,16 | NEWLINE 2,16-2,17 | INDENT 3,0-3,8 | NAME return 3,8-3,14 | NUMBER 1 3,15-3,16 | NEWLINE 3,16-3,17 | DEDENT 6,0-6,0 | DEDENT 6,0-6,0 | NAME x 6,0-6,1 | OP = 6,2-6,3 | NUMBER 2 6,4-6,5 | NEWLINE 6,5-6,6 | ENDMARKER 7,0-7,0)py");
    QTest::newRow("t23") << QByteArray(R"py(é = 1
)py")
        << QString(R"py(NAME é 1,0-1,2 | OP = 1,3-1,4 | NUMBER 1 1,5-1,6 | NEWLINE 1,6-1,7 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t24") << QByteArray(R"py(s = 'é'; t = 1
)py")
        << QString(R"py(NAME s 1,0-1,1 | OP = 1,2-1,3 | STRING 'é' 1,4-1,8 | OP ; 1,8-1,9 | NAME t 1,10-1,11 | OP = 1,12-1,13 | NUMBER 1 1,14-1,15 | NEWLINE 1,15-1,16 | ENDMARKER 2,0-2,0)py");
    QTest::newRow("t25") << QByteArray(R"py(if x:
        a
b
)py")
        << QString(R"py(NAME if 1,0-1,2 | NAME x 1,3-1,4 | OP : 1,4-1,5 | NEWLINE 1,5-1,6 | INDENT 2,0-2,8 | NAME a 2,8-2,9 | NEWLINE 2,9-2,10 | DEDENT 3,0-3,0 | NAME b 3,0-3,1 | NEWLINE 3,1-3,2 | ENDMARKER 4,0-4,0)py");
    QTest::newRow("t26") << QByteArray(R"py(x = 'a\
b'
)py")
        << QString(R"py(NAME x 1,0-1,1 | OP = 1,2-1,3 | STRING 'a\
b' 1,4-2,2 | NEWLINE 2,2-2,3 | ENDMARKER 3,0-3,0)py");
    QTest::newRow("t27") << QByteArray(R"py(f(a,

  # c
  b)
)py")
        << QString(R"py(NAME f 1,0-1,1 | OP ( 1,1-1,2 | NAME a 1,2-1,3 | OP , 1,3-1,4 | NAME b 4,2-4,3 | OP ) 4,3-4,4 | NEWLINE 4,4-4,5 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t28") << QByteArray(R"py(


x
)py")
        << QString(R"py(NAME x 4,0-4,1 | NEWLINE 4,1-4,2 | ENDMARKER 5,0-5,0)py");
    QTest::newRow("t29") << QByteArray(R"py(   
	
x
)py")
        << QString(R"py(NAME x 3,0-3,1 | NEWLINE 3,1-3,2 | ENDMARKER 4,0-4,0)py");
}

void TstLexer::testTokens() {
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QCOMPARE(render(aw::lang::tokenize(source.toStdString())), expected);
}

void TstLexer::testIndentation() {
    // Tabs count to the next multiple of 8, and a form feed resets the column.
    const auto tokens = aw::lang::tokenize("if a:\n\tif b:\n\t\tc\n\td\ne\n");
    QStringList kinds;
    for (const Token& t : tokens) kinds << QString::fromLatin1(aw::lang::tokenKindName(t.kind));
    QCOMPARE(kinds.join(QLatin1Char(' ')),
             QStringLiteral("NAME NAME OP NEWLINE INDENT NAME NAME OP NEWLINE INDENT NAME NEWLINE DEDENT NAME "
                            "NEWLINE DEDENT NAME NEWLINE ENDMARKER"));
    // Brackets join lines: no NEWLINE/INDENT inside them.
    const auto joined = aw::lang::tokenize("x = (1,\n        2)\n");
    int newlines = 0;
    for (const Token& t : joined) newlines += t.kind == TokenKind::Newline;
    QCOMPARE(newlines, 1);
    QCOMPARE(firstOf(joined, TokenKind::Indent).kind, TokenKind::EndMarker);   // none
    // A closing bracket at the start of a continuation line is not indentation.
    QCOMPARE(aw::lang::tokenize("if (a and\n        b):\n    pass\n").size(), size_t(13));
}

void TstLexer::testNumbers_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<bool>("isFloat");
    QTest::addColumn<qlonglong>("intValue");
    QTest::addColumn<double>("floatValue");
    QTest::newRow("dec") << QByteArray("42") << false << 42LL << 0.0;
    QTest::newRow("zero") << QByteArray("0") << false << 0LL << 0.0;
    QTest::newRow("zeros") << QByteArray("000") << false << 0LL << 0.0;
    QTest::newRow("underscores") << QByteArray("1_000_000") << false << 1000000LL << 0.0;
    QTest::newRow("hex") << QByteArray("0xDead_Beef") << false << 0xDEADBEEFLL << 0.0;
    QTest::newRow("hex underscore first") << QByteArray("0x_ff") << false << 255LL << 0.0;
    QTest::newRow("oct") << QByteArray("0o755") << false << 493LL << 0.0;
    QTest::newRow("bin") << QByteArray("0B1010") << false << 10LL << 0.0;
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << false << 9223372036854775807LL << 0.0;
    QTest::newRow("float") << QByteArray("3.25") << true << 0LL << 3.25;
    QTest::newRow("trailing dot") << QByteArray("1.") << true << 0LL << 1.0;
    QTest::newRow("leading dot") << QByteArray(".5") << true << 0LL << 0.5;
    QTest::newRow("exponent") << QByteArray("1e3") << true << 0LL << 1000.0;
    QTest::newRow("signed exponent") << QByteArray("2.5E-2") << true << 0LL << 0.025;
    QTest::newRow("leading zeros float") << QByteArray("007.5") << true << 0LL << 7.5;
    QTest::newRow("zero exponent") << QByteArray("0e0") << true << 0LL << 0.0;
    QTest::newRow("underscored float") << QByteArray("1_0.2_5e1_0") << true << 0LL << 10.25e10;
}

void TstLexer::testNumbers() {
    QFETCH(QByteArray, source);
    QFETCH(bool, isFloat);
    QFETCH(qlonglong, intValue);
    QFETCH(double, floatValue);
    const auto tokens = aw::lang::tokenize(source.toStdString());
    QCOMPARE(tokens.size(), size_t(3));   // NUMBER NEWLINE ENDMARKER
    const Token& t = tokens[0];
    QCOMPARE(t.kind, TokenKind::Number);
    QCOMPARE(t.isFloat, isFloat);
    if (isFloat)
        QCOMPARE(t.floatValue, floatValue);
    else
        QCOMPARE(qlonglong(t.intValue), intValue);
}

void TstLexer::testStrings_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("single") << QByteArray("'abc'") << QByteArray("abc");
    QTest::newRow("double") << QByteArray("\"it's\"") << QByteArray("it's");
    QTest::newRow("triple") << QByteArray("'''a\nb'''") << QByteArray("a\nb");
    QTest::newRow("triple with quotes") << QByteArray("\"\"\"say \"hi\" \"\"\"") << QByteArray("say \"hi\" ");
    QTest::newRow("simple escapes") << QByteArray("'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'")
                                    << QByteArray("\n\t\r\\'\"\a\b\f\v");
    QTest::newRow("hex") << QByteArray("'\\x41\\x7e'") << QByteArray("A~");
    QTest::newRow("octal") << QByteArray("'\\101\\7\\0'") << QByteArray("A\x07\0", 3);
    QTest::newRow("u") << QByteArray("'\\u00e9'") << QByteArray("\xc3\xa9");
    QTest::newRow("U") << QByteArray("'\\U0001F600'") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("unknown escape kept") << QByteArray("'\\d\\q'") << QByteArray("\\d\\q");
    QTest::newRow("line continuation") << QByteArray("'a\\\nb'") << QByteArray("ab");
    QTest::newRow("raw") << QByteArray("r'\\n\\x41'") << QByteArray("\\n\\x41");
    QTest::newRow("raw quote") << QByteArray("r'\\''") << QByteArray("\\'");
    QTest::newRow("u prefix") << QByteArray("u'x'") << QByteArray("x");
    QTest::newRow("utf8 source") << QByteArray("'caf\xc3\xa9'") << QByteArray("caf\xc3\xa9");
    QTest::newRow("crlf in triple") << QByteArray("'''a\r\nb'''") << QByteArray("a\nb");
}

void TstLexer::testStrings() {
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, value);
    const auto tokens = aw::lang::tokenize(source.toStdString());
    QCOMPARE(tokens[0].kind, TokenKind::String);
    QCOMPARE(QByteArray::fromStdString(tokens[0].value), value);
    QCOMPARE(QByteArray::fromStdString(tokens[0].text), source);
    QVERIFY(!tokens[0].isFString);
}

void TstLexer::testFStringToken() {
    // An f-string token keeps its raw body (escapes untouched) and where it starts.
    const auto tokens = aw::lang::tokenize("x = f'a\\n{b!r:>{w}}'\ny = rf\"\"\"\n{c}\\d\"\"\"\n");
    const Token& f = tokens[2];
    QCOMPARE(f.kind, TokenKind::String);
    QVERIFY(f.isFString);
    QVERIFY(!f.isRaw);
    QCOMPARE(QString::fromStdString(f.value), QStringLiteral("a\\n{b!r:>{w}}"));
    QCOMPARE(f.bodyLine, 1);
    QCOMPARE(f.bodyCol, 6);
    const Token& rf = tokens[6];
    QVERIFY(rf.isFString);
    QVERIFY(rf.isRaw);
    QCOMPARE(QString::fromStdString(rf.value), QStringLiteral("\n{c}\\d"));
    QCOMPARE(rf.bodyLine, 2);
    QCOMPARE(rf.bodyCol, 9);
    QCOMPARE(rf.span.endLine, 3);
    QCOMPARE(rf.span.endCol, 8);
}

// f-strings split into pieces exactly as CPython does: python's ast.dump.
void TstLexer::testFStringPieces_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("f00") << QByteArray(R"py(f"{x}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f01") << QByteArray(R"py(f"a{x}b")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='b')]))], type_ignores=[]))py");
    QTest::newRow("f02") << QByteArray(R"py(f"{x!r}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py");
    QTest::newRow("f03") << QByteArray(R"py(f"{x!s:>10}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))py");
    QTest::newRow("f04") << QByteArray(R"py(f"{x!a}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97)]))], type_ignores=[]))py");
    QTest::newRow("f05") << QByteArray(R"py(f"{x=}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py");
    QTest::newRow("f06") << QByteArray(R"py(f"{x = }")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py");
    QTest::newRow("f07") << QByteArray(R"py(f"{x=!s}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[]))py");
    QTest::newRow("f08") << QByteArray(R"py(f"{x=:>5}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')]))]))], type_ignores=[]))py");
    QTest::newRow("f09") << QByteArray(R"py(f"{{}}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[]))py");
    QTest::newRow("f10") << QByteArray(R"py(f"a{{{x}}}b")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a{'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='}b')]))], type_ignores=[]))py");
    QTest::newRow("f11") << QByteArray(R"py(f"{x:{w}.{p}f}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))]))], type_ignores=[]))py");
    QTest::newRow("f12") << QByteArray(R"py(f"{x:{{}}>10}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values=[]), conversion=-1), Constant(value='>10')]))]))], type_ignores=[]))py");
    QTest::newRow("f13") << QByteArray(R"py(rf"\n{x}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f14") << QByteArray(R"py(fr"{x}\d")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\d')]))], type_ignores=[]))py");
    QTest::newRow("f15") << QByteArray(R"py(f"\n{x}\t")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\t')]))], type_ignores=[]))py");
    QTest::newRow("f16") << QByteArray(R"py(f"{x,y}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f17") << QByteArray(R"py(f"{(x:=1)}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f18") << QByteArray(R"py(f"{a['b']}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f19") << QByteArray(R"py(f'{"a" if x else "b"}')py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value='a'), orelse=Constant(value='b')), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f20") << QByteArray(R"py("a" f"{b}" "c")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))], type_ignores=[]))py");
    QTest::newRow("f21") << QByteArray(R"py(f"")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))py");
    QTest::newRow("f22") << QByteArray(R"py(f"plain")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='plain')]))], type_ignores=[]))py");
    QTest::newRow("f23") << QByteArray(R"py(f"""
{x}
""")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\n')]))], type_ignores=[]))py");
    QTest::newRow("f24") << QByteArray(R"py(f"{3.14:.1f}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.1f')]))]))], type_ignores=[]))py");
    QTest::newRow("f25") << QByteArray(R"py(f"{x:=^10}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='=^10')]))]))], type_ignores=[]))py");
    QTest::newRow("f27") << QByteArray(R"py(f"{x!r:^{w}}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))py");
    QTest::newRow("f28") << QByteArray(R"py(f"{ x }")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f29") << QByteArray(R"py(f"{x:}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[]))py");
    QTest::newRow("f30") << QByteArray(R"py(f"{f'{y}'}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f31") << QByteArray(R"py(f"{'{'}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='{'), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("f32") << QByteArray(R"py(f"{x:%Y-%m-%d}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='%Y-%m-%d')]))]))], type_ignores=[]))py");
    QTest::newRow("f33") << QByteArray(R"py(f"\u00e9{x}")py")
        << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='é'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
}

void TstLexer::testFStringPieces() {
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(aw::lang::dumpAst(aw::lang::parse(source.toStdString(), "<test>"))), expected);
}

void TstLexer::testFStringErrors_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("col");
    QTest::newRow("empty") << QByteArray("f'{}'") << "f-string: empty expression not allowed" << 5;
    QTest::newRow("single }") << QByteArray("f'}'") << "f-string: single '}' is not allowed" << 4;
    QTest::newRow("conversion") << QByteArray("f'{x!z}'")
                                << "f-string: invalid conversion character: expected 's', 'r', or 'a'" << 8;
    QTest::newRow("unclosed") << QByteArray("f'{x'") << "f-string: expecting '}'" << 5;
    QTest::newRow("hash") << QByteArray("f'{#}'") << "f-string expression part cannot include '#'" << 6;
    QTest::newRow("backslash") << QByteArray("f'{\\n}'") << "f-string expression part cannot include a backslash" << 7;
    QTest::newRow("too deep") << QByteArray("f'{x:{y:{z}}}'") << "f-string: expressions nested too deeply" << 14;
    QTest::newRow("unmatched") << QByteArray("f'{a]}'") << "f-string: unmatched ']'" << 7;
}

void TstLexer::testFStringErrors() {
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(int, col);
    try {
        aw::lang::parse(source.toStdString(), "<test>");
        QFAIL("no SyntaxError");
    } catch (const aw::lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(e.line, 1);
        QCOMPARE(e.col, col);
    }
}

// The tokenizer's errors: message, type, line and 0-based column as CPython 3.11 gives them.
void TstLexer::testErrors_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("col");
    QTest::newRow("e00") << QByteArray(R"py(x = 'abc
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated string literal (detected at line 1))py") << 1 << 4;
    QTest::newRow("e01") << QByteArray(R"py(x = '''abc

x)py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated triple-quoted string literal (detected at line 3))py") << 1 << 4;
    QTest::newRow("e02") << QByteArray(R"py(if x:
    a
  b
)py") << QString(R"py(IndentationError)py") << QString(R"py(unindent does not match any outer indentation level)py") << 3 << 3;
    QTest::newRow("e03") << QByteArray(R"py(if x:
	a
        b
)py") << QString(R"py(TabError)py") << QString(R"py(inconsistent use of tabs and spaces in indentation)py") << 3 << 0;
    QTest::newRow("e04") << QByteArray(R"py(if x:
  a
	b
)py") << QString(R"py(TabError)py") << QString(R"py(inconsistent use of tabs and spaces in indentation)py") << 3 << 0;
    QTest::newRow("e05") << QByteArray(R"py(f(
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 1;
    QTest::newRow("e06") << QByteArray(R"py((])py") << QString(R"py(SyntaxError)py") << QString(R"py(closing parenthesis ']' does not match opening parenthesis '(')py") << 1 << 1;
    QTest::newRow("e07") << QByteArray(R"py(x))py") << QString(R"py(SyntaxError)py") << QString(R"py(unmatched ')')py") << 1 << 1;
    QTest::newRow("e08") << QByteArray(R"py([
1,
2))py") << QString(R"py(SyntaxError)py") << QString(R"py(closing parenthesis ')' does not match opening parenthesis '[' on line 1)py") << 3 << 1;
    QTest::newRow("e09") << QByteArray(R"py(1_)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 1;
    QTest::newRow("e10") << QByteArray(R"py(1a)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 0;
    QTest::newRow("e11") << QByteArray(R"py(0777)py") << QString(R"py(SyntaxError)py") << QString(R"py(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)py") << 1 << 0;
    QTest::newRow("e12") << QByteArray(R"py(0x)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid hexadecimal literal)py") << 1 << 1;
    QTest::newRow("e13") << QByteArray(R"py(1e)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 0;
    QTest::newRow("e14") << QByteArray(R"py(1__0)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 1;
    QTest::newRow("e15") << QByteArray(R"py(0b102)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid digit '2' in binary literal)py") << 1 << 4;
    QTest::newRow("e16") << QByteArray(R"py(0o8)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid digit '8' in octal literal)py") << 1 << 2;
    QTest::newRow("e17") << QByteArray(R"py(0x1_)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid hexadecimal literal)py") << 1 << 3;
    QTest::newRow("e18") << QByteArray(R"py(0b)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid binary literal)py") << 1 << 1;
    QTest::newRow("e19") << QByteArray(R"py(a\ b)py") << QString(R"py(SyntaxError)py") << QString(R"py(unexpected character after line continuation character)py") << 1 << 2;
    QTest::newRow("e20") << QByteArray(R"py(x = 'a' \
)py") << QString(R"py(SyntaxError)py") << QString(R"py(unexpected EOF while parsing)py") << 1 << 9;
    QTest::newRow("e21") << QByteArray(R"py('\x4')py") << QString(R"py(SyntaxError)py") << QString(R"py((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape)py") << 1 << 5;
    QTest::newRow("e22") << QByteArray(R"py('\u12')py") << QString(R"py(SyntaxError)py") << QString(R"py((unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape)py") << 1 << 6;
    QTest::newRow("e23") << QByteArray(R"py(x = $)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 4;
    QTest::newRow("e24") << QByteArray(R"py(x = ?)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid syntax)py") << 1 << 4;
    QTest::newRow("e25") << QByteArray(R"py(1e+)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 2;
    QTest::newRow("e26") << QByteArray(R"py(x = 1.__class__)py") << QString(R"py(SyntaxError)py") << QString(R"py(invalid decimal literal)py") << 1 << 5;
    QTest::newRow("e27") << QByteArray(R"py(((((((
)py") << QString(R"py(SyntaxError)py") << QString(R"py('(' was never closed)py") << 1 << 5;
    QTest::newRow("e28") << QByteArray(R"py({)py") << QString(R"py(SyntaxError)py") << QString(R"py('{' was never closed)py") << 1 << 0;
    QTest::newRow("e29") << QByteArray(R"py('\U00110000')py") << QString(R"py(SyntaxError)py") << QString(R"py((unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character)py") << 1 << 12;
    QTest::newRow("e30") << QByteArray(R"py(x = '
')py") << QString(R"py(SyntaxError)py") << QString(R"py(unterminated string literal (detected at line 1))py") << 1 << 4;
}

void TstLexer::testErrors() {
    QFETCH(QByteArray, source);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, col);
    try {
        aw::lang::tokenize(source.toStdString());
        QFAIL("no SyntaxError");
    } catch (const aw::lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(QString::fromStdString(e.type), type);
        QCOMPARE(e.line, line);
        QCOMPARE(e.col, col);
    }
}

void TstLexer::testUnsupportedLiterals_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::newRow("complex") << QByteArray("2.5j") << "complex numbers (2.5j) are not supported by Awaitscope";
    QTest::newRow("bytes") << QByteArray("b'x'") << "bytes literals (b'...') are not supported by Awaitscope";
    QTest::newRow("raw bytes") << QByteArray("Rb'x'") << "bytes literals (b'...') are not supported by Awaitscope";
    QTest::newRow("big") << QByteArray("18446744073709551616")
                         << "integer literal too large: Awaitscope ints are 64-bit (at most 9223372036854775807)";
    QTest::newRow("named escape") << QByteArray("'\\N{BULLET}'")
                                  << "\\N{...} escapes (named Unicode characters) are not supported by Awaitscope; "
                                     "use \\u or \\U with the code point";
}

void TstLexer::testUnsupportedLiterals() {
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    try {
        aw::lang::tokenize(source.toStdString());
        QFAIL("no SyntaxError");
    } catch (const aw::lang::SyntaxError& e) {
        QCOMPARE(QString::fromStdString(e.message), message);
        QCOMPARE(e.line, 1);
    }
}

void TstLexer::testKeywords() {
    QVERIFY(aw::lang::isKeyword("async"));
    QVERIFY(aw::lang::isKeyword("await"));
    QVERIFY(aw::lang::isKeyword("None"));
    QVERIFY(!aw::lang::isKeyword("match"));   // soft keyword
    QVERIFY(!aw::lang::isKeyword("print"));
}

QTEST_GUILESS_MAIN(TstLexer)
#include "tst_lexer.moc"
