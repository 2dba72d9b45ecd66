// Golden scripts: every tests/scripts/sync/**/*.py and tests/scripts/errors/*.py
// runs through the engine and must print exactly what CPython printed for it
// (the .out beside each script, made by conformance/vtrun.py; see
// tests/scripts/README.md and tests/scripts/regenerate.sh).
//
// tests/scripts/asyncio/ is run by tst_conformance, beside the lessons. Set
// AWAITSCOPE_GOLDEN_ASYNCIO=1 to add its rows here too (and one row per
// NAME.interrupt-T.out, run with a Ctrl+C at T: tag "NAME@T").

#include "core/run/runner.h"
#include "golden_diff.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using aw::test::lineDiff;
using aw::test::readBytes;

QString scriptsDir()
{
    return QStringLiteral(AWAITSCOPE_TESTS_DIR "/scripts");
}

// Scripts under `sub` (recursively when asked), as paths relative to scriptsDir().
QStringList scriptsUnder(const QString& sub, bool recursive)
{
    QStringList found;
    const QDir root(scriptsDir());
    QDirIterator it(root.filePath(sub), {QStringLiteral("*.py")}, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext())
        found << root.relativeFilePath(it.next());
    found.sort();
    return found;
}

}  // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    // The corpus itself must be there: an empty folder would make every other
    // slot pass vacuously.
    void testCorpusPresent()
    {
        const QStringList sync = scriptsUnder(QStringLiteral("sync"), true);
        const QStringList errors = scriptsUnder(QStringLiteral("errors"), false);
        QVERIFY2(sync.size() >= 40, qPrintable(QStringLiteral("only %1 sync scripts").arg(sync.size())));
        QVERIFY2(errors.size() >= 10, qPrintable(QStringLiteral("only %1 error scripts").arg(errors.size())));
        for (const QString& rel : sync + errors) {
            const QString out = QDir(scriptsDir()).filePath(rel.chopped(3) + QStringLiteral(".out"));
            QVERIFY2(QFileInfo::exists(out), qPrintable(rel + QStringLiteral(" has no .out beside it")));
        }
    }

    void testScript_data()
    {
        QTest::addColumn<QString>("script");        // relative to tests/scripts
        QTest::addColumn<QString>("expectedFile");  // relative to tests/scripts
        QTest::addColumn<double>("interruptAt");    // < 0: no Ctrl+C
        QStringList all = scriptsUnder(QStringLiteral("sync"), true)
                          + scriptsUnder(QStringLiteral("errors"), false);
        // The asyncio corpus belongs to the event-loop issue; until then it runs
        // only on request (AWAITSCOPE_GOLDEN_ASYNCIO=1), never in plain CTest.
        if (qEnvironmentVariableIntValue("AWAITSCOPE_GOLDEN_ASYNCIO") != 0)
            all += scriptsUnder(QStringLiteral("asyncio"), true);
        const QDir root(scriptsDir());
        for (const QString& rel : all) {
            const QString base = rel.chopped(3);
            QTest::newRow(qPrintable(base)) << rel << base + QStringLiteral(".out") << -1.0;
            // NAME.interrupt-T.out: the same script with Ctrl+C at virtual time T.
            const QFileInfo info(root.filePath(rel));
            const QString prefix = info.completeBaseName() + QStringLiteral(".interrupt-");
            const QStringList runs = info.dir().entryList({prefix + QStringLiteral("*.out")}, QDir::Files, QDir::Name);
            for (const QString& out : runs) {
                const QString t = out.mid(prefix.size()).chopped(4);
                QTest::newRow(qPrintable(base + QStringLiteral("@") + t))
                    << rel << root.relativeFilePath(info.dir().filePath(out)) << t.toDouble();
            }
        }
    }

    void testScript()
    {
        QFETCH(QString, script);
        QFETCH(QString, expectedFile);
        QFETCH(double, interruptAt);
        const QString path = QDir(scriptsDir()).filePath(script);
        const std::string source = readBytes(path);
        const std::string expected = readBytes(QDir(scriptsDir()).filePath(expectedFile));
        QVERIFY2(!source.empty(), qPrintable(QStringLiteral("cannot read ") + path));
        QVERIFY2(!expected.empty(), qPrintable(QStringLiteral("no expected output for ") + path));

        const std::string fileName = QFileInfo(path).fileName().toStdString();
        aw::run::RunOptions options;
        if (interruptAt >= 0)
            options.interruptAt = interruptAt;
        const aw::run::RunResult result = aw::run::runScript(source, fileName, options);
        if (result.syntaxError) {
            const std::string report = aw::run::formatSyntaxError(*result.syntaxError, fileName, source);
            QFAIL(qPrintable(QStringLiteral("the script did not compile:\n") + QString::fromStdString(report)));
        }
        QVERIFY2(!result.cut, "the run was cut at the step budget");

        const std::string actual = aw::run::formatRun(result);
        // Known divergence, kept visible: CPython turns an all-constant set
        // display into a frozenset constant that its compiler rebuilds while
        // merging constants, and the rebuilt table's order shows when the set
        // is printed. The compiler does not reproduce that order for string
        // sets yet. If this row starts to pass, QEXPECT_FAIL reports it.
        if (script == QStringLiteral("sync/collections/sets.py")) {
            QEXPECT_FAIL("", "constant set displays of strings print in a different order than CPython's", Abort);
            QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
            return;
        }
        if (actual != expected) {
            std::string msg = "output differs from CPython's:\n" + lineDiff(expected, actual);
            if (!result.traceback.empty())
                msg += "engine traceback:\n" + result.traceback;
            QFAIL(msg.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
