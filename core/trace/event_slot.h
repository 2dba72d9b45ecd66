#pragma once
// How the trace stores an event: in an 8-byte slot. Most events fit in it
// whole; the rest are kept at full size in a side store, and their slot says
// where. A trace is mostly Line and frame events (fib(30) records 10.8
// million of them), so this is what bounds its memory and, with it, the cost
// of recording: the kernel's zeroing of fresh pages and the stores.
//
//   bits 0-7    the kind, or kFullTag: the event is full-size, at index bits 8-63
//   bits 8-31   c: the text id s (most kinds: b is 0), or for Line and
//               FramePush the index of their (b, s) pair in the trace's pair
//               table (a line and its columns; a first line and a qualname)
//   bits 32-63  a
//
// An event fits when its flags and x are zero and c has room for its s or
// pair index (below 2^24); every other kind also needs b == 0.

#include "core/trace/events.h"

#include <bit>
#include <cstdint>

namespace aw::trace::slot {

constexpr uint64_t kFullTag = 0xFF;
constexpr uint32_t kCRange = 1u << 24;
static_assert(static_cast<uint64_t>(EventKind::Count) < kFullTag);

// Line and FramePush keep (b, s) in the pair table: few distinct pairs, one per
// instruction or function of the script.
constexpr bool usesPair(EventKind kind) { return kind == EventKind::Line || kind == EventKind::FramePush; }

constexpr uint64_t compact(EventKind kind, uint32_t c, uint32_t a) {
    return uint64_t(kind) | uint64_t(c) << 8 | uint64_t(a) << 32;
}
constexpr uint64_t full(uint64_t index) { return kFullTag | index << 8; }
constexpr bool isFull(uint64_t s) { return (s & 0xFF) == kFullTag; }
constexpr uint64_t fullIndex(uint64_t s) { return s >> 8; }
constexpr EventKind kind(uint64_t s) { return static_cast<EventKind>(s & 0xFF); }
constexpr uint32_t c(uint64_t s) { return uint32_t(s >> 8) & (kCRange - 1); }
constexpr uint32_t a(uint64_t s) { return uint32_t(s >> 32); }

// Whether the event can be compact at all (its pair, for usesPair kinds, is the caller's to find).
inline bool mayBeCompact(const Event& e) {
    if (e.flags != 0 || e.reserved != 0 || std::bit_cast<uint64_t>(e.x) != 0) return false;
    return usesPair(e.kind) || (e.b == 0 && e.s < kCRange);
}

}  // namespace aw::trace::slot
