#include "core/trace/recorder.h"

namespace aw::trace {

void Recorder::event(EventKind kind, uint32_t a, uint32_t b, double x, std::string_view s) {
    if (!m_trace) return;
    const uint32_t sid = s.empty() ? 0u : m_trace->strings().intern(s);
    if (kind == EventKind::TaskState) {
        // A task's step runs between its "running" and its next state event.
        if (m_runningId == 0) m_runningId = m_trace->strings().intern("running");
        m_owner = sid == m_runningId ? a : 0;
    }
    m_trace->append(Event{kind, 0, 0, a, b, sid, x});
}

void Recorder::line(int32_t line, int32_t colStart, int32_t colEnd) {
    if (!m_trace) return;
    m_trace->append(Event{EventKind::Line, 0, 0, m_owner, static_cast<uint32_t>(line < 0 ? 0 : line),
                          packColumns(colStart, colEnd), 0.0});
}

}  // namespace aw::trace
