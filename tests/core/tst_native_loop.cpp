// The native ready-queue turn (core/aio/ready_turn.cpp, with the native deque
// and yield_once) against asyncio's Python reference code: every program of
// the conformance corpus, with and without Ctrl+C, and with a task cancelled
// part-way through, must print the same and record the same trace, event for
// event (kind, fields, text), whichever runs the loop.

#include "core/run/runner.h"
#include "core/trace/trace.h"
#include "conformance_corpus.h"
#include "golden_diff.h"

#include <QFileInfo>
#include <QTest>

#include <string>

namespace {

using aw::run::RunOptions;
using aw::run::RunResult;

std::string describe(const aw::trace::Trace& t, std::size_t i)
{
    const aw::trace::Event& e = t[i];
    std::string text = e.kind == aw::trace::EventKind::Line ? std::to_string(e.s) : std::string(t.text(e));
    return "#" + std::to_string(i) + " kind " + std::to_string(int(e.kind)) + " a " + std::to_string(e.a) + " b " +
           std::to_string(e.b) + " x " + std::to_string(e.x) + " '" + text + "'";
}

// "" when both traces hold the same events; else the first difference.
std::string firstDifference(const aw::trace::Trace& native, const aw::trace::Trace& reference)
{
    const std::size_t n = std::min(native.size(), reference.size());
    for (std::size_t i = 0; i < n; ++i) {
        const aw::trace::Event& a = native[i];
        const aw::trace::Event& b = reference[i];
        const bool sameText = a.kind == aw::trace::EventKind::Line ? a.s == b.s : native.text(a) == reference.text(b);
        if (a.kind != b.kind || a.a != b.a || a.b != b.b || a.x != b.x || a.flags != b.flags || !sameText)
            return "native " + describe(native, i) + "\nreference " + describe(reference, i);
    }
    if (native.size() != reference.size())
        return "native has " + std::to_string(native.size()) + " events, the reference " +
               std::to_string(reference.size());
    return {};
}

// The id of the task named by the last task.new event before `step`, if any.
uint32_t taskBefore(const aw::trace::Trace& t, std::size_t step)
{
    uint32_t task = 0;
    for (std::size_t i = 0; i < step && i < t.size(); ++i)
        if (t[i].kind == aw::trace::EventKind::TaskNew)
            task = t[i].a;
    return task;
}

}  // namespace

class TestNativeLoop : public QObject {
    Q_OBJECT

private slots:
    void testSameRun_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<double>("interruptAt");   // < 0: none
        const auto rows = aw::test::allRows();
        QVERIFY(rows.size() >= 100);
        for (const aw::test::Row& r : rows)
            QTest::newRow(qPrintable(r.name)) << r.script << r.interruptAt.value_or(-1.0);
    }

    void testSameRun()
    {
        QFETCH(QString, script);
        QFETCH(double, interruptAt);
        const std::string source = aw::test::readBytes(script);
        QVERIFY(!source.empty());
        const std::string fileName = QFileInfo(script).fileName().toStdString();

        RunOptions options;
        if (interruptAt >= 0)
            options.interruptAt = interruptAt;
        const RunResult native = aw::run::runScript(source, fileName, options);
        options.nativeLoop = false;
        const RunResult reference = aw::run::runScript(source, fileName, options);
        QCOMPARE(aw::run::formatRun(native), aw::run::formatRun(reference));
        QVERIFY(native.trace && reference.trace);
        const std::string diff = firstDifference(*native.trace, *reference.trace);
        QVERIFY2(diff.empty(), diff.c_str());

        // The intervention that cancels a task at a step, a third of the way in
        // (it lands on a handle.run, which the native turn writes itself).
        if (interruptAt >= 0 || reference.trace->size() < 30)
            return;
        const std::size_t step = reference.trace->size() / 3;
        const uint32_t task = taskBefore(*reference.trace, step);
        if (!task)
            return;
        options.cancelTask = aw::run::CancelTaskAt{task, step};
        const RunResult cancelledReference = aw::run::runScript(source, fileName, options);
        options.nativeLoop = true;
        const RunResult cancelledNative = aw::run::runScript(source, fileName, options);
        QCOMPARE(aw::run::formatRun(cancelledNative), aw::run::formatRun(cancelledReference));
        const std::string cancelDiff = firstDifference(*cancelledNative.trace, *cancelledReference.trace);
        QVERIFY2(cancelDiff.empty(), ("with task " + std::to_string(task) + " cancelled at step " +
                                      std::to_string(step) + ":\n" + cancelDiff).c_str());
    }
};

QTEST_GUILESS_MAIN(TestNativeLoop)
#include "tst_native_loop.moc"
