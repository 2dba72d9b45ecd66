#include "core/trace/trace.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace aw::trace {
namespace {

constexpr std::string_view kWireNames[] = {
#define EVENT(name, wire, a, b, x, s) wire,
#include "core/trace/events.def"
#undef EVENT
};
static_assert(std::size(kWireNames) == static_cast<std::size_t>(EventKind::Count));

}  // namespace

Trace::Trace() : m_chunks(std::make_unique<std::unique_ptr<Chunk>[]>(kMaxChunks)) {}
Trace::~Trace() = default;

void Trace::addChunk(std::size_t chunk) {
    if (chunk >= kMaxChunks) throw std::length_error("the trace is full");
    m_chunks[chunk] = std::make_unique<Chunk>();
}

std::string_view wireName(EventKind kind) { return kWireNames[static_cast<std::size_t>(kind)]; }

std::optional<EventKind> kindFromWireName(std::string_view wire) {
    const auto* it = std::find(std::begin(kWireNames), std::end(kWireNames), wire);
    if (it == std::end(kWireNames)) return std::nullopt;
    return static_cast<EventKind>(it - std::begin(kWireNames));
}

}  // namespace aw::trace
