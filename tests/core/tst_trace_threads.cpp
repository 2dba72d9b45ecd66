// The trace read by one thread while another appends (the UI reading what
// the engine has published): every published event and its string must be
// complete and stay where it is, across many chunks of events and strings.
#include "core/trace/trace.h"

#include <QtTest>

#include <atomic>
#include <string>
#include <thread>

using namespace aw::trace;

class TestTraceThreads : public QObject {
    Q_OBJECT
private slots:
    void readerSeesOnlyCompleteEvents() {
        Trace trace;
        // Three chunks of events and several chunks of strings.
        const std::size_t n = Trace::kChunkSize * 3 + 123;
        std::atomic<bool> done{false};
        std::atomic<std::size_t> checked{0};
        std::atomic<bool> bad{false};
        std::thread reader([&] {
            std::size_t seen = 0;
            while (!done.load() || seen < trace.published()) {
                const std::size_t published = trace.published();
                for (std::size_t i = seen; i < published; ++i) {
                    const Event& e = trace[i];
                    // Event i says i twice; every 7th carries the string "s<i>".
                    if (e.a != uint32_t(i) || e.b != uint32_t(i) * 2 || e.x != double(i)) bad = true;
                    if (i % 7 == 0 && trace.text(e) != "s" + std::to_string(i)) bad = true;
                }
                seen = published;
                checked = seen;
            }
        });
        for (std::size_t i = 0; i < n; ++i) {
            const std::string s = i % 7 == 0 ? "s" + std::to_string(i) : std::string();
            trace.append(EventKind::Output, uint32_t(i), uint32_t(i) * 2, double(i), s);
        }
        done = true;
        reader.join();
        QVERIFY(!bad);
        QCOMPARE(checked.load(), n);
        QCOMPARE(trace.published(), n);
        QVERIFY(trace.strings().published() > StringTable::kChunkSize * 3);   // strings crossed chunks too
    }

    void stringsStayPut() {
        StringTable table;
        const uint32_t first = table.intern("first");
        const std::string_view view = table.get(first);
        for (std::size_t i = 0; i < StringTable::kChunkSize * 2; ++i) table.intern("x" + std::to_string(i));
        QCOMPARE(table.get(first).data(), view.data());   // the text did not move
        QCOMPARE(table.intern("first"), first);
        QCOMPARE(table.size(), StringTable::kChunkSize * 2 + 2);   // "" and "first" too
    }
};

QTEST_GUILESS_MAIN(TestTraceThreads)
#include "tst_trace_threads.moc"
