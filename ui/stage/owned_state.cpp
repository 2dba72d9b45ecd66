#include "ui/stage/owned_state.h"

namespace aw::ui {

std::string_view OwnedState::own(std::string_view text) {
    if (text.empty()) return {};
    return *m_text.emplace(text).first;
}

void OwnedState::assign(const model::State& state) {
    // The old text lives until the end: `state` may be this object's own state (its views point there).
    std::unordered_set<std::string> previous;
    previous.swap(m_text);
    m_state = state;
    for (model::TaskInfo& t : m_state.tasks) {
        t.name = own(t.name);
        t.coro = own(t.coro);
        t.outcome = own(t.outcome);
        for (model::Frame& f : t.frames) f.function = own(f.function);
        for (std::string_view& cb : t.callbacks) cb = own(cb);
    }
    for (model::FutureInfo& f : m_state.futures) {
        f.kind = own(f.kind);
        f.outcome = own(f.outcome);
        for (std::string_view& cb : f.callbacks) cb = own(cb);
    }
    for (model::ReadyEntry& r : m_state.ready) {
        r.callback = own(r.callback);
        r.reason = own(r.reason);
    }
    for (model::TimerEntry& t : m_state.timers) t.callback = own(t.callback);
    for (model::SocketInfo& s : m_state.sockets) s.request = own(s.request);
    for (model::SyncInfo& s : m_state.syncs) {
        s.type = own(s.type);
        for (std::string_view& item : s.items) item = own(item);
    }
    for (model::Frame& f : m_state.topFrames) f.function = own(f.function);
    m_state.loop.runningCallback = own(m_state.loop.runningCallback);
    m_state.loop.waitReason = own(m_state.loop.waitReason);
    m_state.cutReason = own(m_state.cutReason);
    m_state.uncaught = own(m_state.uncaught);
    m_state.fold.newHandleCallback = own(m_state.fold.newHandleCallback);
}

}  // namespace aw::ui
