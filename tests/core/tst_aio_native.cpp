// The native side of asyncio: the simulated network (world::Network), the
// `_awaitscope` module's waiting and Ctrl+C rules (core/aio/python/INTERFACE.md)
// for the loop's wait and for time.sleep, with and without a SIGINT handler,
// and the trace a small program leaves.

#include "core/run/runner.h"
#include "core/trace/recorder.h"
#include "core/world/network.h"

#include <QTest>

#include <string>
#include <vector>

using aw::trace::Event;
using aw::trace::EventKind;
using aw::trace::Trace;
using aw::world::Network;

namespace {

aw::run::RunResult run(const std::string& source, std::optional<double> interruptAt = std::nullopt)
{
    aw::run::RunOptions options;
    options.interruptAt = interruptAt;
    return aw::run::runScript(source, "t.py", options);
}

std::string output(const aw::run::RunResult& r) { return aw::run::formatRun(r); }

std::vector<uint32_t> ids(const std::vector<Network::Socket>& sockets)
{
    std::vector<uint32_t> out;
    for (const auto& s : sockets)
        out.push_back(s.id);
    return out;
}

// The loop iteration each event happened in (0 before the first loop.iter).
std::vector<uint32_t> iterations(const Trace& t)
{
    std::vector<uint32_t> it(t.size(), 0);
    uint32_t current = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == EventKind::LoopIter)
            current = t[i].b;
        it[i] = current;
    }
    return it;
}

}  // namespace

class TestAioNative : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- network
    void networkOrder()
    {
        Network net;
        net.open(10, 1, 0.5, "a");
        net.open(11, 1, 0.3, "b");
        net.open(12, 1, 0.5, "c");   // same due as 10: open order breaks the tie
        net.open(13, 2, 0.1, "other loop");
        QCOMPARE(net.earliestDue(1).value(), 0.3);
        QCOMPARE(net.earliestDue(2).value(), 0.1);
        QVERIFY(!net.earliestDue(3).has_value());
        QVERIFY(net.takeDue(1, 0.29).empty());
        QCOMPARE(ids(net.takeDue(1, 0.3)), (std::vector<uint32_t>{11}));
        QCOMPARE(ids(net.takeDue(1, 1.0)), (std::vector<uint32_t>{10, 12}));
        QVERIFY(!net.earliestDue(1).has_value());
        QCOMPARE(net.openCount(2), std::size_t(1));   // another loop's sockets stay
        QVERIFY(!net.isOpen(10));
    }

    void networkClose()
    {
        Network net;
        net.open(1, 7, 0.2, "a");
        net.open(2, 7, 0.4, "b");
        net.open(3, 7, 0.6, "c");
        QVERIFY(net.close(1));
        QVERIFY(!net.close(1));        // already closed: ignored
        QVERIFY(!net.close(99));       // unknown: ignored
        QCOMPARE(net.earliestDue(7).value(), 0.4);
        QCOMPARE(ids(net.takeDue(7, 0.5)), (std::vector<uint32_t>{2}));
        QVERIFY(!net.close(2));        // finished: ignored
        QCOMPARE(net.closeAll(7), (std::vector<uint32_t>{3}));
        QVERIFY(net.takeDue(7, 10.0).empty());   // closed sockets never complete
        QCOMPARE(net.openCount(), std::size_t(0));
    }

    // ---------------------------------------------------------------- waiting, sockets
    void waitDeliversSockets()
    {
        const auto r = run("import _awaitscope as w\n"
                           "loop = w.new_id()\n"
                           "a = w.socket_open(loop, 'http://a', 0.5)\n"
                           "b = w.socket_open(loop, 'http://b', 0.25)\n"
                           "c = w.socket_open(loop, 'http://c', 0.5)\n"
                           "w.socket_close(c)\n"
                           "print(loop, a, b, c, w.poll(loop))\n"
                           "print(w.wait(loop, 10.0) == [b], w.now())\n"
                           "print(w.wait(loop, None) == [a], w.now())\n"
                           "print(w.wait(loop, 3.0), w.now())\n");
        QCOMPARE(output(r), std::string("0.000\t1 2 3 4 []\n"
                                        "0.250\tTrue 0.25\n"
                                        "0.500\tTrue 0.5\n"
                                        "3.000\t[] 3.0\n"));
    }

    void waitForeverHangs()
    {
        const auto r = run("import _awaitscope as w\n"
                           "try:\n"
                           "    w.wait(w.new_id(), None)\n"
                           "finally:\n"
                           "    print('finally must not run')\n");
        QVERIFY(r.hung);
        QCOMPARE(output(r), std::string("0.000\t!Hang: nothing left to wait for\n"));
    }

    // ---------------------------------------------------------------- Ctrl+C
    void interrupt_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<double>("at");
        QTest::addColumn<QString>("expected");
        const QString handler = QStringLiteral("import _awaitscope as w\n"
                                               "import time\n"
                                               "calls = []\n"
                                               "def h():\n"
                                               "    calls.append(w.now())\n"
                                               "w.set_sigint_handler(h)\n");
        const QString plain = QStringLiteral("import _awaitscope as w\nimport time\n");
        // The loop's wait: KeyboardInterrupt at T out of wait.
        QTest::newRow("loop wait, no handler")
            << plain + "w.wait(w.new_id(), 5.0)\n" << 2.0 << "2.000\t!KeyboardInterrupt\n";
        // With a handler: it runs at T and the wait returns early at T.
        QTest::newRow("loop wait, handler")
            << handler + "print(w.wait(w.new_id(), 5.0), calls, w.now())\n" << 2.0 << "2.000\t[] [2.0] 2.0\n";
        // A wait that ends before T is not interrupted.
        QTest::newRow("loop wait, before T")
            << plain + "w.wait(w.new_id(), 1.5)\nprint(w.now())\n" << 2.0 << "1.500\t1.5\n";
        // A wait that reaches T exactly is.
        QTest::newRow("loop wait, reaches T")
            << plain + "w.wait(w.new_id(), 2.0)\n" << 2.0 << "2.000\t!KeyboardInterrupt\n";
        // Not waiting at T: the first (non-zero) wait after T takes the interrupt.
        QTest::newRow("loop wait, T past")
            << plain + "w.poll(w.new_id())\nprint('busy')\nw.wait(w.new_id(), 5.0)\n" << 0.0
            << "0.000\tbusy\n0.000\t!KeyboardInterrupt\n";
        // Zero-length waits do not count.
        QTest::newRow("poll does not count")
            << plain + "w.poll(w.new_id())\nw.sleep(0)\ntime.sleep(0)\nprint('ok', w.now())\n" << 0.0
            << "0.000\tok 0.0\n";
        // Forever + an interrupt pending: the interrupt, not a hang.
        QTest::newRow("forever wait interrupted")
            << plain + "w.wait(w.new_id(), None)\n" << 4.0 << "4.000\t!KeyboardInterrupt\n";
        // time.sleep without a handler: KeyboardInterrupt at T from the sleep call.
        QTest::newRow("time.sleep, no handler")
            << plain + "try:\n    time.sleep(5)\nexcept KeyboardInterrupt:\n    print('KI', w.now())\n" << 2.0
            << "2.000\tKI 2.0\n";
        // time.sleep with a handler: it runs at T, the sleep goes on to its end (PEP 475).
        QTest::newRow("time.sleep, handler")
            << handler + "time.sleep(5)\nprint(calls, w.now())\n" << 2.0 << "5.000\t[2.0] 5.0\n";
        QTest::newRow("_awaitscope.sleep, handler")
            << handler + "w.sleep(5)\nprint(calls, w.now())\n" << 2.0 << "5.000\t[2.0] 5.0\n";
        // The interrupt happens once per run.
        QTest::newRow("once")
            << handler + "w.sleep(5)\nw.wait(w.new_id(), 9.0)\nprint(calls, w.now())\n" << 2.0
            << "9.000\t[2.0] 9.0\n";
        // A handler that raises: the error comes out of the wait.
        QTest::newRow("handler raises")
            << plain + "def h():\n    raise ValueError('from handler')\nw.set_sigint_handler(h)\n"
                       "w.wait(w.new_id(), 5.0)\n" << 1.0 << "1.000\t!ValueError: from handler\n";
    }

    void interrupt()
    {
        QFETCH(QString, script);
        QFETCH(double, at);
        QFETCH(QString, expected);
        const auto r = run(script.toStdString(), at);
        QCOMPARE(QString::fromStdString(output(r)), expected);
    }

    void sigintHandlerRoundTrip()
    {
        const auto r = run("import _awaitscope as w\n"
                           "def h():\n    pass\n"
                           "print(w.get_sigint_handler(), w.set_sigint_handler(h))\n"
                           "print(w.get_sigint_handler() is h, w.set_sigint_handler(None) is h)\n"
                           "print(w.get_sigint_handler())\n");
        QCOMPARE(output(r), std::string("0.000\tNone None\n0.000\tTrue True\n0.000\tNone\n"));
    }

    // ---------------------------------------------------------------- objects
    void objects()
    {
        const auto r = run("import _awaitscope as w\n"
                           "async def main():\n"
                           "    return 1\n"
                           "def gen():\n"
                           "    yield 1\n"
                           "class C:\n"
                           "    async def m(self):\n"
                           "        pass\n"
                           "c = main()\n"
                           "print(w.iscoroutine(c), w.iscoroutine(gen()), w.isgenerator(gen()), w.isgenerator(c))\n"
                           "print(w.iscoroutinefunction(main), w.iscoroutinefunction(gen), "
                           "w.iscoroutinefunction(C().m), w.iscoroutinefunction(C.m))\n"
                           "print(w.coro_name(c), w.coro_name(C().m()))\n"
                           "print(w.coro_repr(c))\n"
                           "try:\n"
                           "    c.send(None)\n"
                           "except StopIteration as e:\n"
                           "    print('returned', e.value)\n"
                           "print(w.coro_repr(c))\n"
                           "s = w.new_weak_set()\n"
                           "g1 = gen()\n"
                           "g2 = gen()\n"
                           "s.add(g2)\n"
                           "s.add(g1)\n"
                           "s.add(g2)\n"
                           "print(len(s), [x is g2 for x in s])\n"
                           "s.discard(g2)\n"
                           "s.discard(g2)\n"
                           "print(len(s))\n"
                           "print(w.set_asyncgen_hooks(print, None), w.set_asyncgen_hooks(None, None)[0] is print)\n");
        QCOMPARE(output(r), std::string("0.000\tTrue False True False\n"
                                        "0.000\tTrue False True True\n"
                                        "0.000\tmain C.m\n"
                                        "0.000\tmain() running at t.py:2\n"
                                        "0.000\treturned 1\n"
                                        "0.000\tmain() done, defined at t.py:2\n"
                                        "0.000\t2 [True, False]\n"
                                        "0.000\t1\n"
                                        "0.000\t(None, None) True\n"));
    }

    void reportGoesToStderr()
    {
        const auto r = run("import _awaitscope as w\nw.report('Task exception was never retrieved')\nprint('x')\n");
        QCOMPARE(output(r), std::string("0.000\tx\n"));
        QCOMPARE(r.errorOutput, std::string("Task exception was never retrieved\n"));
        QVERIFY(r.trace);
        bool found = false;
        for (std::size_t i = 0; i < r.trace->size(); ++i)
            if ((*r.trace)[i].kind == EventKind::Stderr)
                found = r.trace->text((*r.trace)[i]) == "Task exception was never retrieved";
        QVERIFY(found);
    }

    // A coroutine dropped before it ran: CPython's RuntimeWarning on stderr
    // (never stdout) and a Note in the trace.
    void neverAwaited()
    {
        const auto r = run("import asyncio\n"
                           "async def save(x):\n"
                           "    print('saving', x)\n"
                           "async def main():\n"
                           "    save('draft')\n"
                           "    print('after')\n"
                           "    await save('final')\n"
                           "asyncio.run(main())\n");
        QCOMPARE(output(r), std::string("0.000\tafter\n0.000\tsaving final\n"));
        QCOMPARE(r.errorOutput, std::string("t.py:5: RuntimeWarning: coroutine 'save' was never awaited\n"
                                            "  save('draft')\n"
                                            "RuntimeWarning: Enable tracemalloc to get the object allocation "
                                            "traceback\n"));
        QVERIFY(r.trace);
        int notes = 0;
        for (std::size_t i = 0; i < r.trace->size(); ++i)
            if ((*r.trace)[i].kind == EventKind::Note
                && r.trace->text((*r.trace)[i]) == "coroutine 'save' was never awaited")
                ++notes;
        QCOMPARE(notes, 1);
    }

    // The loop's firstiter hook sees every async generator, so asyncio.run's
    // shutdown_asyncgens closes the ones left open (as CPython's output shows).
    void asyncGeneratorsClosedAtShutdown()
    {
        const auto r = run("import asyncio\n"
                           "async def stream():\n"
                           "    try:\n"
                           "        for i in range(10):\n"
                           "            yield i\n"
                           "            await asyncio.sleep(0.1)\n"
                           "    finally:\n"
                           "        print('stream cleanup')\n"
                           "async def main():\n"
                           "    async for v in stream():\n"
                           "        print('value', v)\n"
                           "        if v == 1:\n"
                           "            break\n"
                           "    print('after break')\n"
                           "    g = stream()\n"
                           "    print(await g.__anext__())\n"
                           "asyncio.run(main())\n"
                           "print('after run')\n");
        QCOMPARE(output(r), std::string("0.000\tvalue 0\n0.100\tvalue 1\n0.100\tafter break\n0.100\t0\n"
                                        "0.100\tstream cleanup\n0.100\tstream cleanup\n0.100\tafter run\n"));
    }

    // ---------------------------------------------------------------- trace
    void traceEvents()
    {
        const auto r = run("import _awaitscope as w\n"
                           "w.trace('loop.new', 7, 0, 0.0, '')\n"
                           "w.trace('task.state', 3, 0, 0.0, 'running')\n"
                           "x = 1\n"
                           "w.trace('task.state', 3, 0, 0.0, 'done')\n"
                           "w.trace('no.such.kind', 1, 2, 3.0, 'abc')\n"
                           "w.trace('handle.ready', 4, 5)\n");
        QVERIFY(r.trace);
        const Trace& t = *r.trace;
        QVERIFY(t.size() > 0);
        QCOMPARE(t[0].kind, EventKind::ProgramStart);
        QCOMPARE(t.text(t[0]), std::string_view("t.py"));
        QCOMPARE(t[t.size() - 1].kind, EventKind::ProgramEnd);
        std::vector<Event> asyncio, lines;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].kind == EventKind::Line)
                lines.push_back(t[i]);
            else if (t[i].kind != EventKind::ProgramStart && t[i].kind != EventKind::ProgramEnd)
                asyncio.push_back(t[i]);
        }
        QCOMPARE(asyncio.size(), std::size_t(5));
        QCOMPARE(asyncio[0].kind, EventKind::LoopNew);
        QCOMPARE(asyncio[0].a, 7u);
        QCOMPARE(asyncio[3].kind, EventKind::Note);   // an unknown kind stays visible
        QCOMPARE(asyncio[4].kind, EventKind::HandleReady);
        QCOMPARE(asyncio[4].b, 5u);
        // One Line per statement; the line of `x = 1` is owned by task 3.
        QCOMPARE(lines.size(), std::size_t(7));
        QCOMPARE(lines[3].b, 4u);
        QCOMPARE(lines[3].a, 3u);
        QCOMPARE(lines[4].a, 3u);   // the trace call itself is still inside the step
        QCOMPARE(lines[5].a, 0u);
    }

    // Lesson 13: the task's result is set in one loop iteration; its done
    // callback (notify) is scheduled then and runs one iteration later.
    void traceLesson13()
    {
        const std::string source = "import asyncio\n"
                                   "from functools import partial\n"
                                   "async def fetch_data(source):\n"
                                   "    print('fetch start')\n"
                                   "    await asyncio.sleep(0.8)\n"
                                   "    print('fetch end')\n"
                                   "    return f'result-{source}'\n"
                                   "def notify(host, future):\n"
                                   "    print(f'Notification for {host}')\n"
                                   "loop = asyncio.new_event_loop()\n"
                                   "asyncio.set_event_loop(loop)\n"
                                   "task = loop.create_task(fetch_data('server1'))\n"
                                   "task.add_done_callback(partial(notify, 'server1'))\n"
                                   "loop.run_until_complete(task)\n"
                                   "print(task.result())\n";
        const auto r = run(source);
        QCOMPARE(output(r), std::string("0.000\tfetch start\n0.800\tfetch end\n"
                                        "0.800\tNotification for server1\n0.800\tresult-server1\n"));
        QVERIFY(r.trace);
        const Trace& t = *r.trace;
        const auto iter = iterations(t);
        uint32_t taskId = 0;
        std::size_t result = 0, ready = 0, runs = 0, notification = 0, clock = 0;
        uint32_t notifyHandle = 0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const Event& e = t[i];
            if (e.kind == EventKind::Line)
                continue;   // its `s` holds packed columns, not a string
            const std::string_view s = t.text(e);
            if (e.kind == EventKind::TaskNew && !taskId)
                taskId = e.a;
            else if (e.kind == EventKind::FutureResult && e.a == taskId && taskId)
                result = i;
            else if (e.kind == EventKind::HandleNew && s.substr(0, 6) == "notify")
                notifyHandle = e.a;
            else if (e.kind == EventKind::HandleReady && e.a == notifyHandle && notifyHandle)
                ready = i;
            else if (e.kind == EventKind::HandleRun && e.a == notifyHandle && notifyHandle)
                runs = i;
            else if (e.kind == EventKind::Output && s == "Notification for server1")
                notification = i;
            else if (e.kind == EventKind::WorldClock && !clock)
                clock = i;
        }
        QVERIFY(taskId && notifyHandle && result && ready && runs && notification && clock);
        QCOMPARE(t.text(t[result]), std::string_view("'result-server1'"));
        QCOMPARE(t.text(t[ready]), std::string_view("done_callback"));
        QCOMPARE(t[ready].b, taskId);
        QVERIFY(result < ready);
        QCOMPARE(iter[ready], iter[result]);          // scheduled as the result is set
        QCOMPARE(iter[runs], iter[result] + 1);       // runs one iteration later
        QVERIFY(runs < notification);
        QCOMPARE(t[clock].x, 0.8);                    // the loop waited for the timer
        QCOMPARE(t[clock].b, 1u);
        // Line events only for the script's own code, owned by the task inside its steps.
        bool taskLine = false;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].kind != EventKind::Line)
                continue;
            QVERIFY(t[i].b >= 1 && t[i].b <= 15);
            if (t[i].b == 6) {   // print('fetch end') runs in the task
                QCOMPARE(t[i].a, taskId);
                taskLine = true;
            }
        }
        QVERIFY(taskLine);
    }
};

QTEST_GUILESS_MAIN(TestAioNative)
#include "tst_aio_native.moc"
