// The trace container: events stay put as it grows, strings are interned,
// wire names round-trip (they are what `awaitscope trace` writes).
#include "core/trace/trace.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace aw::trace;

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void appendAcrossChunks() {
        Trace t;
        const std::size_t n = Trace::kChunkSize * 2 + 7;
        for (std::size_t i = 0; i < n; ++i) t.append(EventKind::Line, 1, static_cast<uint32_t>(i));
        QCOMPARE(t.size(), n);
        t.append(EventKind::Output, 0, 0, 0.0, "hello");
        QCOMPARE(t[0].b, 0u);   // appending never changes earlier events
        QCOMPARE(t[Trace::kChunkSize].b, uint32_t(Trace::kChunkSize));
        QCOMPARE(t[n - 1].b, uint32_t(n - 1));
        QCOMPARE(t.text(t[n]), std::string_view("hello"));
    }
    // Events are stored in 8-byte slots or at full size (event_slot.h): each
    // reads back as it was appended, whichever form it took.
    void everyFormReadsBack() {
        Trace t;
        const uint32_t text = t.strings().intern("running");
        const std::vector<Event> events = {
            {EventKind::Line, 0, 0, 3, 12, packColumns(4, 20), 0.0},        // compact, a pair
            {EventKind::FramePush, 0, 0, 3, 2, text, 0.0},                 // compact, a pair
            {EventKind::FramePop, 0, 0, 0xFFFFFFFF, 0, 0, 0.0},            // compact, the largest owner
            {EventKind::TaskState, 0, 0, 7, 0, text, 0.0},                 // compact, s in the slot
            {EventKind::HandleReady, 0, 0, 9, 7, text, 0.0},               // full: b
            {EventKind::WorldClock, 0, 0, 0, 1, 0, 2.5},                   // full: x
            {EventKind::WorldClock, 0, 0, 0, 0, 0, -0.0},                  // full: x is -0.0, not 0
            {EventKind::TaskState, 1, 0, 7, 0, text, 0.0},                 // full: flags
            {EventKind::Output, 0, 0, 1, 0, (1u << 24) + 5, 0.0},          // full: s too large for the slot
            {EventKind::Line, 0, 0, 3, 12, packColumns(4, 20), 0.0},       // the same pair again
        };
        for (const Event& e : events) t.append(e);
        QCOMPARE(t.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            const Event got = t[i];
            const Event& want = events[i];
            QCOMPARE(int(got.kind), int(want.kind));
            QCOMPARE(got.flags, want.flags);
            QCOMPARE(got.a, want.a);
            QCOMPARE(got.b, want.b);
            QCOMPARE(got.s, want.s);
            QCOMPARE(std::signbit(got.x), std::signbit(want.x));
            QCOMPARE(got.x, want.x);
        }
        QCOMPARE(t.pairId(12, packColumns(4, 20)), t.pairId(12, packColumns(4, 20)));
        QVERIFY(t.pairId(12, packColumns(4, 20)) != t.pairId(13, packColumns(4, 20)));
    }
    // A trace of code events takes 8 bytes an event; of full-size ones, 32.
    void memoryPerEvent() {
        Trace lines, outputs;
        const std::size_t n = Trace::kChunkSize * 4;
        for (std::size_t i = 0; i < n; ++i) {
            lines.append(EventKind::Line, 1, 10 + uint32_t(i % 50), 0.0);
            outputs.append(EventKind::WorldClock, 0, 1, double(i));
        }
        QVERIFY2(lines.memoryBytes() < n * 9, qPrintable(QString::number(lines.memoryBytes())));
        QVERIFY2(outputs.memoryBytes() >= n * 32 && outputs.memoryBytes() < n * 34, qPrintable(QString::number(outputs.memoryBytes())));
    }
    void interning() {
        StringTable s;
        QCOMPARE(s.intern(""), 0u);
        const auto a = s.intern("Task-1");
        QCOMPARE(s.intern("Task-1"), a);
        QVERIFY(s.intern("Task-2") != a);
        QCOMPARE(s.get(a), std::string_view("Task-1"));
    }
    void wireNamesRoundTrip() {
        for (int k = 0; k < int(EventKind::Count); ++k) {
            const auto kind = EventKind(k);
            QCOMPARE(kindFromWireName(wireName(kind)), std::optional<EventKind>(kind));
        }
        QCOMPARE(kindFromWireName("task.await"), std::optional<EventKind>(EventKind::TaskAwait));
        QVERIFY(!kindFromWireName("no.such.event"));
    }
    void packedColumns() {
        Event e{EventKind::Line};
        e.s = packColumns(4, 27);
        QCOMPARE(columnStart(e), 4);
        QCOMPARE(columnEnd(e), 27);
        e.s = packColumns(-3, 100000);
        QCOMPARE(columnStart(e), 0);
        QCOMPARE(columnEnd(e), 0xFFFF);
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
