#include "ui/engine/run_session.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <exception>
#include <list>
#include <thread>

namespace aw::ui {

namespace {

using Clock = std::chrono::steady_clock;

// How often the engine calls back (in events) and how often that reaches the
// window (at most 10 progress signals a second).
constexpr uint64_t kProgressEvents = 16'384;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);
// The index is built in pieces so a stop() during a long fold is noticed too.
constexpr model::Step kIndexSlice = 65'536;

}  // namespace

// One run: its own cancel flag and thread. A run that start() replaced keeps
// going until it notices its flag, but its result is dropped.
struct RunJob {
    std::atomic<bool> cancel{false};
    quint64 generation = 0;
    std::thread thread;
};

struct RunSession::Impl {
    std::list<RunJob> jobs;   // std::list: a RunJob (with its atomic) never moves
    quint64 generation = 0;   // of the latest start(); only its result is reported
    bool running = false;
};

RunSession::RunSession(QObject* parent) : QObject(parent), m_impl(std::make_unique<Impl>()) {}

RunSession::~RunSession() {
    for (RunJob& job : m_impl->jobs)
        job.cancel.store(true);
    for (RunJob& job : m_impl->jobs)
        if (job.thread.joinable())
            job.thread.join();
    // Results the workers posted to this object die with it (Qt drops queued calls to a deleted receiver).
}

bool RunSession::isRunning() const { return m_impl->running; }

void RunSession::start(RunRequest request) {
    stop();
    RunJob& job = m_impl->jobs.emplace_back();
    job.generation = ++m_impl->generation;
    if (!m_impl->running) {
        m_impl->running = true;
        emit runningChanged(true);
    }
    emit started();

    run::RunOptions options = request.options;
    options.cancel = &job.cancel;
    options.progressEvery = kProgressEvents;
    const quint64 generation = job.generation;
    // The worker owns copies of everything it reads; it reaches back only
    // through queued calls to this object, run on the object's thread. `this`
    // outlives the worker (the destructor joins it), and Qt drops queued
    // calls to a receiver that has been deleted.
    RunSession* self = this;
    job.thread = std::thread([self, request = std::move(request), options, generation, cancel = &job.cancel]() mutable {
        QElapsedTimer wall;
        wall.start();
        Clock::time_point lastProgress = Clock::now() - kProgressInterval;
        options.progress = [&](uint64_t events, double clock) {
            const Clock::time_point now = Clock::now();
            if (now - lastProgress < kProgressInterval)
                return;
            lastProgress = now;
            QMetaObject::invokeMethod(
                self,
                [self, generation, events, clock] {
                    if (generation == self->m_impl->generation)
                        emit self->progress(events, clock);
                },
                Qt::QueuedConnection);
        };

        auto finished = std::make_shared<FinishedRun>();
        try {
            finished->result = run::runScript(request.source, request.filename.toStdString(), options);
        } catch (const std::exception& e) {
            // runScript promises not to throw for anything the script does; an
            // engine bug must still end as a message, not a crash.
            finished->result.exceptionType = "InternalError";
            finished->result.exceptionMessage = std::string("the engine failed: ") + e.what();
        }
        if (finished->result.trace) {
            auto index = std::make_shared<model::StateIndex>(finished->result.trace);
            const model::Step size = finished->result.trace->size();
            while (index->indexed() < size) {
                if (cancel->load(std::memory_order_relaxed) && !finished->result.cancelled) {
                    // Stopped while the trace was being indexed: what is indexed is shown.
                    finished->result.cut = finished->result.cancelled = true;
                    break;
                }
                index->extend(std::min<model::Step>(index->indexed() + kIndexSlice, size));
            }
            finished->index = std::move(index);
        }
        request.options.cancel = nullptr;   // the flag dies with the job
        request.options.progress = nullptr;
        finished->request = std::move(request);
        finished->wallMs = wall.elapsed();
        QMetaObject::invokeMethod(
            self, [self, finished, generation] { self->onJobFinished(generation, finished); },
            Qt::QueuedConnection);
    });
}

void RunSession::onJobFinished(quint64 generation, std::shared_ptr<const FinishedRun> run) {
    // The worker has posted its last word: its thread is ending, so joining is quick.
    for (auto it = m_impl->jobs.begin(); it != m_impl->jobs.end(); ++it) {
        if (it->generation != generation)
            continue;
        if (it->thread.joinable())
            it->thread.join();
        m_impl->jobs.erase(it);
        break;
    }
    if (generation != m_impl->generation)
        return;   // replaced by a newer start()
    m_impl->running = false;
    emit finished(std::move(run));
    emit runningChanged(false);
}

void RunSession::stop() {
    // The engine polls the flag every RunOptions-few events (Recorder::kCancelPollEvents),
    // so the run ends as cancelled well within 100 ms; stop() itself never waits.
    for (RunJob& job : m_impl->jobs)
        job.cancel.store(true);
}

}  // namespace aw::ui
