// Syntax errors: every tests/scripts/syntax/*.py must fail to compile, and the
// engine's report (formatSyntaxError with the bare file name) must end with the
// .err beside it: CPython 3.11's own report ('  File "name.py", line N', the
// line, the caret, 'SyntaxError: ...'), made by tests/scripts/regenerate.sh.
// match_statement.err is ours: CPython accepts `match`, the engine does not.

#include "core/run/runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <string>

namespace {

QString syntaxDir()
{
    return QStringLiteral(AWAITSCOPE_TESTS_DIR "/scripts/syntax");
}

std::string readBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Show tabs and line ends so a one-space caret difference is visible.
QString visible(const std::string& text)
{
    QString s = QString::fromStdString(text);
    s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    s.replace(QLatin1Char('\n'), QStringLiteral("$\n"));
    return s;
}

}  // namespace

class TestSyntaxErrors : public QObject {
    Q_OBJECT

private slots:
    void testCorpusPresent()
    {
        const QStringList scripts = QDir(syntaxDir()).entryList({QStringLiteral("*.py")}, QDir::Files);
        QVERIFY2(scripts.size() >= 12, qPrintable(QStringLiteral("only %1 syntax scripts").arg(scripts.size())));
    }

    void testSyntaxError_data()
    {
        QTest::addColumn<QString>("script");
        const QStringList scripts = QDir(syntaxDir()).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
        for (const QString& name : scripts)
            QTest::newRow(qPrintable(name.chopped(3))) << name;
    }

    void testSyntaxError()
    {
        QFETCH(QString, script);
        const QString path = QDir(syntaxDir()).filePath(script);
        const std::string source = readBytes(path);
        const std::string expected = readBytes(path.chopped(3) + QStringLiteral(".err"));
        QVERIFY2(!source.empty(), qPrintable(QStringLiteral("cannot read ") + path));
        QVERIFY2(!expected.empty(), qPrintable(QStringLiteral("no .err beside ") + path));

        const std::string fileName = script.toStdString();
        const aw::run::RunResult result = aw::run::runScript(source, fileName);
        if (!result.syntaxError) {
            QFAIL(qPrintable(QStringLiteral("the script compiled; it ran and printed:\n")
                             + QString::fromStdString(aw::run::formatRun(result))));
        }
        // Nothing may have run.
        QVERIFY2(result.lines.empty(), "a script with a syntax error printed output");

        const std::string report = aw::run::formatSyntaxError(*result.syntaxError, fileName, source);
        if (!endsWith(report, expected)) {
            QFAIL(qPrintable(QStringLiteral("the report does not end with CPython's.\nexpected (end):\n")
                             + visible(expected) + QStringLiteral("engine:\n") + visible(report)));
        }
    }

    // Caret rules of CPython's C printer beyond the corpus, each expected
    // report copied from `python3 t.py` (3.11.7): parser and compiler errors
    // count byte columns, tokenizer errors characters; ranges that go on to
    // a later line are underlined to the end of the first; tabs are stripped
    // in front and the caret line is padded with spaces only.
    void testCaretRules_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("comma hint after utf8") << QByteArray("s = \"\xc3\xa9\xc3\xa9\" + [1 2]\n")
            << QByteArray("    s = \"\xc3\xa9\xc3\xa9\" + [1 2]\n                  ^^^\n"
                          "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("unterminated string after utf8") << QByteArray("s = \"\xc3\xa9\" + \"abc\n")
            << QByteArray("    s = \"\xc3\xa9\" + \"abc\n              ^\n"
                          "SyntaxError: unterminated string literal (detected at line 1)\n");
        QTest::newRow("never closed after utf8") << QByteArray("s = \"\xc3\xa9\" + (1,\n")
            << QByteArray("    s = \"\xc3\xa9\" + (1,\n               ^\nSyntaxError: '(' was never closed\n");
        QTest::newRow("line continuation after utf8") << QByteArray("s = \"\xc3\xa9\" \\ 1\n")
            << QByteArray("    s = \"\xc3\xa9\" \\ 1\n              ^\n"
                          "SyntaxError: unexpected character after line continuation character\n");
        QTest::newRow("tab inside the line") << QByteArray("x =\t[1 2]\n")
            << QByteArray("    x =\t[1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("tab indentation stripped") << QByteArray("if 1:\n\tx = [1 2]\n")
            << QByteArray("    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("comma hint stops where PEG would") << QByteArray("[a b +]\n")
            << QByteArray("    [a b +]\n     ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("comma hint in a call") << QByteArray("f(a, b c)\n")
            << QByteArray("    f(a, b c)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        QTest::newRow("comma hint reading to the end") << QByteArray("x = [1 2\n")
            << QByteArray("    x = [1 2\n        ^\nSyntaxError: '[' was never closed\n");
        QTest::newRow("compiler range over lines") << QByteArray("def f():\n    async for x in [1,\n 2]: pass")
            << QByteArray("    async for x in [1,\n    ^^^^^^^^^^^^^^^^^^\n"
                          "SyntaxError: 'async for' outside async function\n");
        QTest::newRow("token over lines") << QByteArray("x = 1 \"\"\"a\nb\"\"\"\n")
            << QByteArray("    x = 1 \"\"\"a\n          ^^^^\nSyntaxError: invalid syntax\n");
        QTest::newRow("leading zeros after utf8") << QByteArray("x = \"\xc3\xa9\" + 00_12\n")
            << QByteArray("    x = \"\xc3\xa9\" + 00_12\n               ^^^\nSyntaxError: leading zeros in decimal "
                          "integer literals are not permitted; use an 0o prefix for octal integers\n");
        QTest::newRow("unindent caret past the text") << QByteArray("if 1:\n        x = 1\n    y = 2\n")
            << QByteArray("    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n");
    }

    void testCaretRules()
    {
        QFETCH(QByteArray, source);
        QFETCH(QByteArray, expected);
        const std::string src(source.constData(), size_t(source.size()));
        const aw::run::RunResult result = aw::run::runScript(src, "t.py");
        QVERIFY2(result.syntaxError.has_value(), "the script compiled");
        const std::string report = aw::run::formatSyntaxError(*result.syntaxError, "t.py", src);
        const std::string want(expected.constData(), size_t(expected.size()));
        if (!endsWith(report, want)) {
            QFAIL(qPrintable(QStringLiteral("expected (end):\n") + visible(want) + QStringLiteral("engine:\n")
                             + visible(report)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyntaxErrors)
#include "tst_syntax_errors.moc"
