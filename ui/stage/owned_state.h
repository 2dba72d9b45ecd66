#pragma once
// A State whose text does not live in a Trace: the stage view keeps the state
// it shows and lays it out again on every resize or palette change, possibly
// after the window has dropped that run's Trace (a new run replaced it). So the
// view re-points every string_view of its copy into strings it owns.

#include "core/model/state.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace aw::ui {

class OwnedState {
public:
    OwnedState() = default;
    OwnedState(const OwnedState&) = delete;
    OwnedState& operator=(const OwnedState&) = delete;

    // Copies `state` and its text (each distinct string once).
    void assign(const model::State& state);
    const model::State& state() const { return m_state; }

private:
    std::string_view own(std::string_view text);

    model::State m_state;
    std::unordered_set<std::string> m_text;   // node-based: a string's characters never move
};

}  // namespace aw::ui
