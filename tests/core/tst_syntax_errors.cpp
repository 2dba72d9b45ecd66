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
};

QTEST_GUILESS_MAIN(TestSyntaxErrors)
#include "tst_syntax_errors.moc"
