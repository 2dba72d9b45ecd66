#include "core/trace/recorder.h"

#include <algorithm>

namespace aw::trace {

void Recorder::noteTaskState(const Event& e) {
    // A task's step runs between its "running" and its next state event.
    if (m_runningId == 0) m_runningId = m_trace->strings().intern("running");
    m_owner = e.s == m_runningId ? e.a : 0;
}

void Recorder::setStepBudget(uint64_t events) {
    // Room for the events that end the run (program.cut, the last output line).
    m_budget = std::min<uint64_t>(events, Trace::kCapacity - 1024);
    planNextCheck();
}

void Recorder::setCancelFlag(const std::atomic<bool>* flag) {
    m_cancel = flag;
    m_nextCancelPoll = flag ? m_events + kCancelPollEvents : ~uint64_t{0};
    planNextCheck();
}

void Recorder::setProgress(std::function<void(uint64_t)> callback, uint64_t every) {
    m_progress = std::move(callback);
    m_progressEvery = std::max<uint64_t>(every, 1);
    m_nextProgress = m_progress ? m_events + m_progressEvery : ~uint64_t{0};
    planNextCheck();
}

void Recorder::pollCancel() {
    if (m_stop == Stop::None && m_cancel && m_cancel->load(std::memory_order_relaxed)) m_stop = Stop::Cancelled;
}

void Recorder::planNextCheck() { m_nextCheck = std::min({m_budget, m_nextCancelPoll, m_nextProgress}); }

void Recorder::check() {
    if (m_events >= m_nextCancelPoll) {
        pollCancel();
        m_nextCancelPoll = m_events + kCancelPollEvents;
    }
    if (m_events >= m_budget && m_stop == Stop::None) m_stop = Stop::Budget;
    if (m_events >= m_nextProgress) {
        m_nextProgress = m_events + m_progressEvery;
        m_progress(m_events);
    }
    // Once stopping, the run is being cut: no more checks (the few events of
    // its unwinding and its end still get recorded).
    if (m_stop != Stop::None) {
        m_budget = m_nextCancelPoll = ~uint64_t{0};
    }
    planNextCheck();
}

}  // namespace aw::trace
