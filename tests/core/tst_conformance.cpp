// Conformance: every lesson (lessons/NAME/script.py, expected output in
// tests/conformance/lessons/NAME.out) and every asyncio golden script
// (tests/scripts/asyncio/**/NAME.py with NAME.out beside it) runs through the
// engine and must print exactly what CPython 3.11 printed in the simulated
// world (WORLD.md; the expected files come from conformance/vtrun.py).
// NAME.interrupt-T.out is the same run with Ctrl+C at virtual time T.

#include "core/run/runner.h"
#include "conformance_corpus.h"
#include "golden_diff.h"

#include <QFileInfo>
#include <QTest>

#include <string>
#include <vector>

namespace {

using aw::test::lineDiff;
using aw::test::readBytes;
using aw::test::Row;
using aw::test::lessonRows;
using aw::test::asyncioRows;

}  // namespace

class TestConformance : public QObject {
    Q_OBJECT

private slots:
    // Empty folders would make every other slot pass vacuously.
    void testCorpusPresent()
    {
        const auto lessons = lessonRows();
        QVERIFY2(lessons.size() >= 16, qPrintable(QStringLiteral("only %1 lesson rows").arg(lessons.size())));
        const auto scripts = asyncioRows();
        QVERIFY2(scripts.size() >= 60, qPrintable(QStringLiteral("only %1 asyncio rows").arg(scripts.size())));
        // Every lesson 01-16 (the bar) has its expected output.
        int firstSixteen = 0;
        for (const Row& r : lessons)
            if (!r.interruptAt && r.name.mid(7, 2).toInt() >= 1 && r.name.mid(7, 2).toInt() <= 16)
                ++firstSixteen;
        QCOMPARE(firstSixteen, 16);
    }

    void testRun_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<double>("interruptAt");   // < 0: none
        for (const Row& r : aw::test::allRows())
            QTest::newRow(qPrintable(r.name)) << r.script << r.expected << r.interruptAt.value_or(-1.0);
    }

    void testRun()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        QFETCH(double, interruptAt);
        const std::string source = readBytes(script);
        const std::string want = readBytes(expected);
        QVERIFY2(!source.empty(), qPrintable(QStringLiteral("cannot read ") + script));
        // An empty expected file is fine: a program that prints nothing (lesson 04).
        QVERIFY2(QFileInfo(expected).isReadable(), qPrintable(QStringLiteral("cannot read ") + expected));

        aw::run::RunOptions options;
        if (interruptAt >= 0)
            options.interruptAt = interruptAt;
        // vtrun is run from the script's folder with the bare file name.
        const std::string fileName = QFileInfo(script).fileName().toStdString();
        const aw::run::RunResult result = aw::run::runScript(source, fileName, options);
        if (result.syntaxError) {
            const std::string report = aw::run::formatSyntaxError(*result.syntaxError, fileName, source);
            QFAIL(qPrintable(QStringLiteral("the script did not compile:\n") + QString::fromStdString(report)));
        }
        const std::string actual = aw::run::formatRun(result);
        if (actual != want) {
            std::string msg = "output differs from CPython's:\n" + lineDiff(want, actual);
            if (!result.traceback.empty())
                msg += "engine traceback:\n" + result.traceback;
            QFAIL(msg.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
