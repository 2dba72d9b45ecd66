// The synchronisation primitives in the state model (core/model/fold_sync.cpp, fed by the sync.* and queue.*
// events of the asyncio port): at chosen steps of real runs, each Queue/Lock/Event/Condition/Semaphore holds
// the items, value, holder and waiters the program's own output says it must. The scripts' outputs are
// checked against what CPython printed (conformance/vtrun.py), so the runs are the real ones.
#include "core/model/fold.h"
#include "core/model/state_index.h"
#include "core/model/step_queries.h"
#include "core/run/runner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <deque>
#include <memory>
#include <string>
#include <vector>

using aw::model::FutureInfo;
using aw::model::Id;
using aw::model::State;
using aw::model::StateIndex;
using aw::model::Step;
using aw::model::StepQueries;
using aw::model::SyncInfo;
using aw::model::SyncKind;
using aw::model::TaskStatus;
using aw::model::WaitKind;

namespace {

std::string readLesson(const char* name) {
    QFile f(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(name) + QStringLiteral("/script.py"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read lesson %s", name);
    return f.readAll().toStdString();
}

struct Run {
    aw::run::RunResult result;
    std::unique_ptr<StateIndex> index;
    std::unique_ptr<StepQueries> queries;

    State atOutput(std::size_t line) const { return index->stateAt(*queries->stepOfOutput(line)); }
    State atTime(double t) const { return index->stateAt(queries->stepAtTime(t)); }
    std::string line(std::size_t i) const { return result.lines.at(i).text; }
};

Run runSource(const std::string& source) {
    Run run;
    run.result = aw::run::runScript(source, "script.py");
    if (!run.result.trace)
        qFatal("the script did not compile");
    run.index = std::make_unique<StateIndex>(run.result.trace, 128);
    run.index->extend();
    run.queries = std::make_unique<StepQueries>(*run.index);
    return run;
}

// The one primitive of this class in the state (the test scripts make one of each); a copy, since the state
// is often a temporary.
SyncInfo only(const State& state, std::string_view type) {
    const SyncInfo* found = nullptr;
    for (const SyncInfo& s : state.syncs)
        if (s.type == type) {
            if (found)
                qFatal("more than one %s", std::string(type).c_str());
            found = &s;
        }
    if (!found)
        qFatal("no %s at step %llu", std::string(type).c_str(), static_cast<unsigned long long>(state.step));
    return *found;
}

// Enums compare by their names, which QCOMPARE can print.
template <typename Enum>
std::string name(Enum e) {
    return std::string(aw::model::toString(e));
}

std::vector<std::string> itemsOf(const SyncInfo& s) {
    return {s.items.begin(), s.items.end()};
}

// Every waiter future is marked as waiting on `sync`, and the task awaiting it is suspended on a Sync wait.
void checkWaitersMarked(const State& state, const SyncInfo& sync, const std::vector<Id>& waiters) {
    for (Id w : waiters) {
        const FutureInfo* f = state.future(w);
        QVERIFY2(f, "a waiter future is listed");
        QCOMPARE(f->sync, sync.id);
        int awaitedBy = 0;
        for (const auto& task : state.tasks)
            if (task.awaiting == w) {
                ++awaitedBy;
                QCOMPARE(name(task.status), name(TaskStatus::Suspended));
                QCOMPARE(name(task.waitKind), name(WaitKind::Sync));
            }
        QCOMPARE(awaitedBy, 1);
    }
}

const char* kLockScript = R"(import asyncio


async def worker(name, lock):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} holds the lock")
        await asyncio.sleep(0.5)
        print(f"{name} releases the lock")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(n, lock) for n in ("A", "B", "C")))
    print(f"done, locked={lock.locked()}")


asyncio.run(main())
)";

const char* kEventScript = R"(import asyncio


async def waiter(name, event):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} woke up")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("w1", "w2")]
    await asyncio.sleep(1)
    print(f"setting the event, is_set={event.is_set()}")
    event.set()
    await asyncio.gather(*tasks)
    event.clear()
    print(f"cleared, is_set={event.is_set()}")


asyncio.run(main())
)";

const char* kConditionScript = R"(import asyncio


async def consumer(name, cond, box):
    async with cond:
        print(f"{name} waits for an item")
        await cond.wait_for(lambda: box)
        print(f"{name} got {box.pop()}")


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(n, cond, box)) for n in ("x", "y")]
    await asyncio.sleep(0.1)
    async with cond:
        box.append("first")
        cond.notify()
        print("notified one")
    await asyncio.sleep(0.1)
    async with cond:
        box.append("second")
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*tasks)


asyncio.run(main())
)";

const char* kOrderedQueuesScript = R"(import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    lifo = asyncio.LifoQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        await pq.put(item)
        await lifo.put(item)
    print(f"first out: {pq.get_nowait()} and {lifo.get_nowait()}")
    print(f"left: {pq.qsize()} and {lifo.qsize()}")


asyncio.run(main())
)";

}  // namespace

class TestSyncModel : public QObject {
    Q_OBJECT
private slots:
    // Lesson 20: two producers, two consumers, a queue of at most 2 items.
    void queueItemsFollowTheProgram() {
        const Run run = runSource(readLesson("20-queue-producers-consumers"));
        QCOMPARE(run.result.lines.size(), std::size_t(20));
        // Replay the puts and takes the program printed: the queue in the state must hold exactly those
        // items at the step of each line (nothing runs between a put/get and its print).
        static const QRegularExpression put(QStringLiteral("^(\\w+) put (\\w+), queue size (\\d+)$"));
        static const QRegularExpression took(QStringLiteral("^\\s+(\\w+) took (\\w+)$"));
        std::deque<std::string> expected;
        int puts = 0, takes = 0;
        for (std::size_t i = 0; i < run.result.lines.size(); ++i) {
            const QString text = QString::fromStdString(run.line(i));
            if (const auto m = put.match(text); m.hasMatch()) {
                expected.push_back("'" + m.captured(2).toStdString() + "'");
                QCOMPARE(m.captured(3).toULongLong(), expected.size());
                ++puts;
            } else if (const auto t = took.match(text); t.hasMatch()) {
                QCOMPARE(expected.front(), "'" + t.captured(2).toStdString() + "'");
                expected.pop_front();
                ++takes;
            }
            const State state = run.atOutput(i);
            const SyncInfo& queue = only(state, "Queue");
            QCOMPARE(name(queue.kind), name(SyncKind::Queue));
            QCOMPARE(queue.value, int64_t(2));  // maxsize
            QCOMPARE(itemsOf(queue), std::vector<std::string>(expected.begin(), expected.end()));
        }
        QCOMPARE(puts, 6);
        QCOMPARE(takes, 6);

        // Before the first put both consumers wait in get().
        const State early = run.atTime(0.1);
        const SyncInfo& q1 = only(early, "Queue");
        QCOMPARE(q1.waiters.size(), std::size_t(2));
        QVERIFY(q1.putters.empty());
        checkWaitersMarked(early, q1, q1.waiters);

        // At 0.65 the queue is full (a1, b1) and producer a waits in put() for room.
        const State full = run.atTime(0.65);
        const SyncInfo& q2 = only(full, "Queue");
        QCOMPARE(itemsOf(q2), (std::vector<std::string>{"'a1'", "'b1'"}));
        QCOMPARE(q2.putters.size(), std::size_t(1));
        QVERIFY(q2.waiters.empty());
        checkWaitersMarked(full, q2, q2.putters);

        // join() waits on the queue's own Event, which is unset while items are unfinished.
        const std::size_t joinLine = 12;
        QCOMPARE(run.line(joinLine), std::string("producers done, waiting for queue.join()"));
        const State joining = run.atOutput(joinLine);
        const SyncInfo& q3 = only(joining, "Queue");
        const SyncInfo* finished = joining.sync(q3.uses);
        QVERIFY(finished);
        QCOMPARE(name(finished->kind), name(SyncKind::Event));
        QCOMPARE(finished->usedBy, q3.id);
        QCOMPARE(finished->value, int64_t(0));
        const State waitingForJoin = run.atTime(1.75);
        const SyncInfo* finished2 = waitingForJoin.sync(q3.uses);
        QCOMPARE(finished2->waiters.size(), std::size_t(1));
        checkWaitersMarked(waitingForJoin, *finished2, finished2->waiters);
        const State done = run.atOutput(run.result.lines.size() - 1);
        QCOMPARE(run.line(run.result.lines.size() - 1), std::string("all items processed"));
        QCOMPARE(done.sync(q3.uses)->value, int64_t(1));
        QVERIFY(done.sync(q3.uses)->waiters.empty());
        QVERIFY(only(done, "Queue").items.empty());
    }

    // Lesson 21: a Semaphore(2) lets two of six requests run at a time.
    void semaphoreCountsRequestsInFlight() {
        const Run run = runSource(readLesson("21-semaphore-limits-requests"));
        QCOMPARE(run.result.lines.size(), std::size_t(13));
        int started = 0, done = 0;
        for (std::size_t i = 0; i < run.result.lines.size(); ++i) {
            const std::string text = run.line(i);
            if (text.starts_with("start "))
                ++started;
            const SyncInfo& sem = only(run.atOutput(i), "Semaphore");
            QCOMPARE(name(sem.kind), name(SyncKind::Semaphore));
            // `async with limit` releases after the "done" line, so both lines see the request as held.
            QCOMPARE(sem.value, int64_t(2 - (started - done)));
            if (text.starts_with("done "))
                ++done;
        }
        QCOMPARE(started, 6);
        QCOMPARE(done, 6);

        // While the first two requests are in flight, the other four wait.
        const State inFlight = run.atTime(0.2);
        const SyncInfo& sem = only(inFlight, "Semaphore");
        QCOMPARE(sem.value, int64_t(0));
        QCOMPARE(sem.waiters.size(), std::size_t(4));
        checkWaitersMarked(inFlight, sem, sem.waiters);
        // After example.com is done (0.4) google.com took its place: three wait.
        QCOMPARE(only(run.atTime(0.45), "Semaphore").waiters.size(), std::size_t(3));
        const SyncInfo& last = only(run.index->finalState(), "Semaphore");
        QCOMPARE(last.value, int64_t(2));
        QVERIFY(last.waiters.empty());
    }

    void lockHolderAndWaiters() {
        const Run run = runSource(kLockScript);
        QCOMPARE(aw::run::formatRun(run.result), std::string("0.000\tA wants the lock\n"
                                                             "0.000\tA holds the lock\n"
                                                             "0.000\tB wants the lock\n"
                                                             "0.000\tC wants the lock\n"
                                                             "0.500\tA releases the lock\n"
                                                             "0.500\tB holds the lock\n"
                                                             "1.000\tB releases the lock\n"
                                                             "1.000\tC holds the lock\n"
                                                             "1.500\tC releases the lock\n"
                                                             "1.500\tdone, locked=False\n"));  // as vtrun.py
        std::vector<Id> holders;
        for (std::size_t i : {1, 5, 7}) {  // "X holds the lock": held by the task printing it
            const State state = run.atOutput(i);
            const SyncInfo& lock = only(state, "Lock");
            QCOMPARE(name(lock.kind), name(SyncKind::Lock));
            QCOMPARE(lock.value, int64_t(1));
            QVERIFY(state.runningTask != 0);
            QCOMPARE(lock.holder, state.runningTask);
            QCOMPARE(state.task(lock.holder)->coro, std::string_view("worker"));
            holders.push_back(lock.holder);
        }
        QVERIFY(holders[0] != holders[1] && holders[1] != holders[2] && holders[0] != holders[2]);
        QCOMPARE(only(run.atOutput(3), "Lock").waiters.size(), std::size_t(1));  // B waits; C not yet
        const State waiting = run.atTime(0.25);
        const SyncInfo& lock = only(waiting, "Lock");
        QCOMPARE(lock.waiters.size(), std::size_t(2));
        QCOMPARE(lock.holder, holders[0]);
        checkWaitersMarked(waiting, lock, lock.waiters);
        const SyncInfo& releasing = only(run.atOutput(4), "Lock");  // printed inside `async with`
        QCOMPARE(releasing.value, int64_t(1));
        QCOMPARE(releasing.holder, holders[0]);
        QCOMPARE(only(run.atOutput(5), "Lock").waiters.size(), std::size_t(1));
        const SyncInfo& free = only(run.atOutput(9), "Lock");
        QCOMPARE(free.value, int64_t(0));
        QCOMPARE(free.holder, Id(0));
        QVERIFY(free.waiters.empty());
    }

    void eventSetAndClear() {
        const Run run = runSource(kEventScript);
        QCOMPARE(aw::run::formatRun(run.result), std::string("0.000\tw1 waits\n"
                                                             "0.000\tw2 waits\n"
                                                             "1.000\tsetting the event, is_set=False\n"
                                                             "1.000\tw1 woke up\n"
                                                             "1.000\tw2 woke up\n"
                                                             "1.000\tcleared, is_set=False\n"));  // as vtrun.py
        const State waiting = run.atTime(0.5);
        const SyncInfo& event = only(waiting, "Event");
        QCOMPARE(name(event.kind), name(SyncKind::Event));
        QCOMPARE(event.value, int64_t(0));
        QCOMPARE(event.waiters.size(), std::size_t(2));
        checkWaitersMarked(waiting, event, event.waiters);
        QCOMPARE(only(run.atOutput(2), "Event").waiters.size(), std::size_t(2));
        QCOMPARE(only(run.atOutput(2), "Event").value, int64_t(0));
        // Each woken waiter takes its own future out of the deque when it runs.
        const SyncInfo& woke1 = only(run.atOutput(3), "Event");
        QCOMPARE(woke1.value, int64_t(1));
        QCOMPARE(woke1.waiters.size(), std::size_t(1));
        QCOMPARE(woke1.waiters.front(), event.waiters.back());
        QVERIFY(only(run.atOutput(4), "Event").waiters.empty());
        QCOMPARE(only(run.atOutput(5), "Event").value, int64_t(0));
    }

    void conditionAndItsLock() {
        const Run run = runSource(kConditionScript);
        QCOMPARE(aw::run::formatRun(run.result), std::string("0.000\tx waits for an item\n"
                                                             "0.000\ty waits for an item\n"
                                                             "0.100\tnotified one\n"
                                                             "0.100\tx got first\n"
                                                             "0.200\tnotified all\n"
                                                             "0.200\ty got second\n"));  // as vtrun.py
        const State waiting = run.atTime(0.05);
        const SyncInfo& cond = only(waiting, "Condition");
        QCOMPARE(name(cond.kind), name(SyncKind::Condition));
        const SyncInfo* lock = waiting.sync(cond.uses);
        QVERIFY(lock);
        QCOMPARE(name(lock->kind), name(SyncKind::Lock));
        QCOMPARE(lock->usedBy, cond.id);
        QCOMPARE(lock->value, int64_t(0));  // wait() released it
        QCOMPARE(cond.waiters.size(), std::size_t(2));
        checkWaitersMarked(waiting, cond, cond.waiters);
        // main notifies while holding the lock; x then takes the lock back before printing.
        const State notified = run.atOutput(2);
        QCOMPARE(notified.sync(cond.uses)->value, int64_t(1));
        QCOMPARE(notified.task(notified.sync(cond.uses)->holder)->coro, std::string_view("main"));
        const State got = run.atOutput(3);
        QCOMPARE(got.task(got.sync(cond.uses)->holder)->coro, std::string_view("consumer"));
        QCOMPARE(only(got, "Condition").waiters.size(), std::size_t(1));
        const State& last = run.index->finalState();
        QCOMPARE(last.sync(cond.uses)->value, int64_t(0));
        QVERIFY(only(last, "Condition").waiters.empty());
    }

    // Every sync event of the golden lock and queue scripts (and lessons 20, 21) agrees with the state just
    // before it: a get finds its item where it says, a waiter leaves only a deque it is in, and every listed
    // waiter's future is marked with its primitive.
    void eventsAgreeWithTheStateBeforeThem_data() {
        QTest::addColumn<QString>("script");
        const QString root = QStringLiteral(AWAITSCOPE_TESTS_DIR "/scripts/asyncio/");
        for (const char* dir : {"locks", "queues"})
            for (const QString& f : QDir(root + QLatin1String(dir)).entryList({QStringLiteral("*.py")}, QDir::Files))
                QTest::newRow(qPrintable(QLatin1String(dir) + QLatin1Char('/') + f))
                    << root + dir + QLatin1Char('/') + f;
        for (const char* l : {"20-queue-producers-consumers", "21-semaphore-limits-requests"})
            QTest::newRow(l) << QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(l) +
                                    QStringLiteral("/script.py");
    }
    void eventsAgreeWithTheStateBeforeThem() {
        QFETCH(QString, script);
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Run run = runSource(f.readAll().toStdString());
        const auto& t = *run.result.trace;
        int syncEvents = 0;
        State state;
        aw::model::applyEvent(state, t, 0);
        for (Step s = 1; s < t.size(); ++s) {
            const aw::trace::Event& e = t[s];
            using aw::trace::EventKind;
            const SyncInfo* sync = state.sync(e.a);
            switch (e.kind) {
            case EventKind::QueueGet: {
                QVERIFY(sync);
                QVERIFY(!sync->items.empty());
                const std::string_view item = t.text(e);
                if (e.b == 0)
                    QCOMPARE(sync->items.front(), item);
                else if (e.b == 1)
                    QCOMPARE(sync->items.back(), item);
                else
                    QVERIFY(std::find(sync->items.begin(), sync->items.end(), item) != sync->items.end());
                ++syncEvents;
                break;
            }
            case EventKind::SyncWaiterRemove:
            case EventKind::SyncWaiterAdd: {
                QVERIFY(sync);
                const bool listed = std::count(sync->waiters.begin(), sync->waiters.end(), e.b) +
                                    std::count(sync->putters.begin(), sync->putters.end(), e.b);
                QCOMPARE(listed, e.kind == EventKind::SyncWaiterRemove);
                ++syncEvents;
                break;
            }
            case EventKind::SyncValue:
            case EventKind::QueuePut:
                QVERIFY(sync);
                ++syncEvents;
                break;
            default: break;
            }
            aw::model::applyEvent(state, t, s);
            for (const SyncInfo& sy : state.syncs)
                for (const auto* list : {&sy.waiters, &sy.putters})
                    for (Id w : *list)
                        if (const FutureInfo* fut = state.future(w))
                            QCOMPARE(fut->sync, sy.id);
        }
        QVERIFY(syncEvents > 0);
        // Folding every event one by one from the start ends where the index (from its checkpoints) does.
        QCOMPARE(state.syncs, run.index->finalState().syncs);
    }

    void priorityAndLifoQueues() {
        const Run run = runSource(kOrderedQueuesScript);
        QCOMPARE(aw::run::formatRun(run.result),
                 std::string("0.000\tfirst out: (1, 'a') and (2, 'b')\n0.000\tleft: 2 and 2\n"));  // as vtrun.py
        const State state = run.atOutput(0);
        const SyncInfo& pq = only(state, "PriorityQueue");
        const SyncInfo& lifo = only(state, "LifoQueue");
        QCOMPARE(name(pq.kind), name(SyncKind::Queue));
        QCOMPARE(name(lifo.kind), name(SyncKind::Queue));
        QCOMPARE(pq.value, int64_t(0));  // unbounded
        // Items are listed in put order; the smallest left the priority queue, the newest the LIFO one.
        QCOMPARE(itemsOf(pq), (std::vector<std::string>{"(3, 'c')", "(2, 'b')"}));
        QCOMPARE(itemsOf(lifo), (std::vector<std::string>{"(3, 'c')", "(1, 'a')"}));
        // Each queue's join() Event belongs to it.
        QCOMPARE(state.sync(pq.uses)->usedBy, pq.id);
        QCOMPARE(state.sync(lifo.uses)->usedBy, lifo.id);
    }
};

QTEST_GUILESS_MAIN(TestSyncModel)
#include "tst_sync_model.moc"
