#pragma once
// The simulated world's clock (WORLD.md). One per run, owned by the Vm.
// Running code takes no virtual time; only waiting does (time.sleep, the
// event loop's wait).

#include <optional>

namespace aw::world {

class World {
public:
    static constexpr double kEpoch = 1700000000.0;   // time.time() = kEpoch + now

    double now() const { return m_now; }
    double wallTime() const { return kEpoch + m_now; }   // time.time()

    // Ctrl+C at virtual time T (RunOptions::interruptAt). Delivered at most once.
    void setInterruptAt(std::optional<double> t) { m_interruptAt = t; }
    std::optional<double> interruptAt() const { return m_interruptAt; }
    bool interruptDelivered() const { return m_interruptDelivered; }
    void markInterruptDelivered() { m_interruptDelivered = true; }

    // Whether a wait from now for `seconds` (> 0) would be interrupted: the
    // interrupt is pending and now + seconds reaches or passes it (or it is
    // already past: the interrupt comes at the first wait after T).
    bool waitHitsInterrupt(double seconds) const {
        return m_interruptAt && !m_interruptDelivered && seconds > 0 && m_now + seconds >= *m_interruptAt;
    }

    // time.sleep(s): advances the clock. Returns false when the Ctrl+C
    // interrupt cut the sleep (clock stopped at T, or stays if T passed; the
    // interrupt is then marked delivered and the caller raises KeyboardInterrupt).
    bool sleep(double seconds) {
        if (!(seconds > 0)) return true;
        if (waitHitsInterrupt(seconds)) {
            if (*m_interruptAt > m_now) m_now = *m_interruptAt;
            m_interruptDelivered = true;
            return false;
        }
        m_now += seconds;
        return true;
    }
    // Jumps the clock forward to `t` (the event loop's wait); never backward.
    void advanceTo(double t) { if (t > m_now) m_now = t; }

private:
    double m_now = 0.0;
    std::optional<double> m_interruptAt;
    bool m_interruptDelivered = false;
};

}  // namespace aw::world
