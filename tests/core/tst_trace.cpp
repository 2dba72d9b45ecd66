// The trace container: events stay put as it grows, strings are interned,
// wire names round-trip (they are what `awaitscope trace` writes).
#include "core/trace/trace.h"

#include <QtTest>

using namespace aw::trace;

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void appendAcrossChunks() {
        Trace t;
        const std::size_t n = Trace::kChunkSize * 2 + 7;
        for (std::size_t i = 0; i < n; ++i) t.append(EventKind::Line, 1, static_cast<uint32_t>(i));
        QCOMPARE(t.size(), n);
        const Event* first = &t[0];
        t.append(EventKind::Output, 0, 0, 0.0, "hello");
        QCOMPARE(&t[0], first);   // appending never moves earlier events
        QCOMPARE(t[Trace::kChunkSize].b, uint32_t(Trace::kChunkSize));
        QCOMPARE(t[n - 1].b, uint32_t(n - 1));
        QCOMPARE(t.text(t[n]), std::string_view("hello"));
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
