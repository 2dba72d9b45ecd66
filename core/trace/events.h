#pragma once
// A trace event as its readers see it: kind and payload, 24 bytes. What the
// payload fields mean per kind: core/trace/events.def. (How the trace stores
// events is its own business: core/trace/event_slot.h.)
//
// An event does not carry the clock or the loop iteration: they change only
// at WorldClock and LoopIter events, so the state model derives them (with
// its checkpoints).

#include <cstdint>
#include <optional>
#include <string_view>

namespace aw::trace {

enum class EventKind : uint8_t {
#define EVENT(name, wire, a, b, x, s) name,
#include "core/trace/events.def"
#undef EVENT
    Count
};

std::string_view wireName(EventKind kind);
std::optional<EventKind> kindFromWireName(std::string_view wire);

struct Event {
    EventKind kind;
    uint8_t flags = 0;
    uint16_t reserved = 0;
    uint32_t a = 0;     // meaning per kind: core/trace/events.def
    uint32_t b = 0;
    uint32_t s = 0;     // an interned string id (or packed columns for Line)
    double x = 0.0;
};
static_assert(sizeof(Event) == 24, "trace events are 24 bytes");

// Line events pack the column range of the expression into `s`.
inline uint32_t packColumns(int start, int end) {
    auto clamp = [](int v) { return static_cast<uint32_t>(v < 0 ? 0 : (v > 0xFFFF ? 0xFFFF : v)); };
    return (clamp(start) << 16) | clamp(end);
}
inline int columnStart(const Event& e) { return static_cast<int>(e.s >> 16); }
inline int columnEnd(const Event& e) { return static_cast<int>(e.s & 0xFFFF); }

}  // namespace aw::trace
