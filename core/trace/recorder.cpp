#include "core/trace/recorder.h"

#include <algorithm>

namespace aw::trace {

void Recorder::noteTaskState(const Event& e) {
    // A task's step runs between its "running" and its next state event.
    if (m_runningId == 0) m_runningId = m_trace->strings().intern("running");
    m_owner = e.s == m_runningId ? e.a : 0;
    m_ownerBits = slot::compact(EventKind(0), 0, m_owner);
}

void Recorder::setStepBudget(uint64_t events) {
    // Room for the events that end the run (program.cut, the last output line).
    m_budget = std::min<uint64_t>(events, Trace::kCapacity - 1024);
    planNextCheck();
}

void Recorder::setCancelFlag(const std::atomic<bool>* flag) {
    m_cancel = flag;
    m_nextCancelPoll = flag ? events() + kCancelPollEvents : ~uint64_t{0};
    planNextCheck();
}

void Recorder::setProgress(std::function<void(uint64_t)> callback, uint64_t every) {
    m_progress = std::move(callback);
    m_progressEvery = std::max<uint64_t>(every, 1);
    m_nextProgress = m_progress ? events() + m_progressEvery : ~uint64_t{0};
    planNextCheck();
}

void Recorder::pollCancel() {
    if (m_stop == Stop::None && m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_stop = Stop::Cancelled;
        m_fastUntil = 0;
        if (m_trace) openCodeEventSink();   // closed: the hooks see the next code event, and cut the run
    }
}

void Recorder::planNextCheck() {
    const uint64_t next = std::min({m_budget, m_nextCancelPoll, m_nextProgress});
    m_checkAt = next > ~uint64_t{0} - m_base ? ~uint64_t{0} : next + m_base;
    m_fastUntil = m_stop == Stop::None ? m_checkAt : 0;
    if (m_trace) openCodeEventSink();
}

void Recorder::check() {
    const uint64_t events = this->events();
    if (events >= m_nextCancelPoll) {
        pollCancel();
        m_nextCancelPoll = events + kCancelPollEvents;
    }
    if (events >= m_budget && m_stop == Stop::None) m_stop = Stop::Budget;
    if (events >= m_nextProgress) {
        m_nextProgress = events + m_progressEvery;
        m_progress(events);
    }
    // Once stopping, the run is being cut: no more checks (the few events of
    // its unwinding and its end still get recorded).
    if (m_stop != Stop::None) {
        m_budget = m_nextCancelPoll = ~uint64_t{0};
    }
    planNextCheck();
}

}  // namespace aw::trace
