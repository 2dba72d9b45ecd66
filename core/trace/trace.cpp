#include "core/trace/trace.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <iterator>
#include <stdexcept>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace aw::trace {
namespace {

constexpr std::string_view kWireNames[] = {
#define EVENT(name, wire, a, b, x, s) wire,
#include "core/trace/events.def"
#undef EVENT
};
static_assert(std::size(kWireNames) == static_cast<std::size_t>(EventKind::Count));

// Slabs: uninitialised memory, mapped directly on Linux (see
// Trace::kChunksPerSlab), plain operator new elsewhere.
#ifdef __linux__
void* allocateSlab(std::size_t bytes) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
}
void freeSlab(void* slab, std::size_t bytes) { munmap(slab, bytes); }
// Faults every page in without changing its contents (Linux 5.14+; a no-op
// error before that), so the writer finds them present.
void prefaultSlab(void* slab, std::size_t bytes) { madvise(slab, bytes, MADV_POPULATE_WRITE); }
constexpr bool kPrefault = true;
#else
void prefaultSlab(void*, std::size_t) {}
constexpr bool kPrefault = false;
void* allocateSlab(std::size_t bytes) { return ::operator new(bytes); }
void freeSlab(void* slab, std::size_t) { ::operator delete(slab); }
#endif

}  // namespace

Trace::Trace()
    : m_chunks(std::make_unique<Event*[]>(kMaxChunks)), m_slabs(std::make_unique<void*[]>(kMaxSlabs)) {}

Trace::~Trace() {
    if (m_prefault.joinable()) m_prefault.join();
    if (m_aheadSlab) freeSlab(m_aheadSlab, kSlabBytes);
    for (std::size_t i = 0; i < kMaxSlabs && m_slabs[i]; ++i) freeSlab(m_slabs[i], kSlabBytes);
}

// Slab `slab`, the one made ahead if it is that one. Starts making the next.
void* Trace::takeSlab(std::size_t slab) {
    if (m_prefault.joinable()) m_prefault.join();
    void* mem = nullptr;
    if (m_aheadSlab && m_aheadIndex == slab) mem = std::exchange(m_aheadSlab, nullptr);
    else mem = allocateSlab(kSlabBytes);
    if (kPrefault && slab >= 1 && slab + 1 < kMaxSlabs && !m_aheadSlab) {
        try {
            m_aheadSlab = allocateSlab(kSlabBytes);
            m_aheadIndex = slab + 1;
            m_prefault = std::thread(prefaultSlab, m_aheadSlab, kSlabBytes);
        } catch (const std::exception&) {
            // No memory or no thread to spare: the writer faults the pages itself.
        }
    }
    return mem;
}

void Trace::nextChunk() {
    const std::size_t chunk = m_size / kChunkSize;
    addChunk(chunk);   // throws when the trace is full, leaving the writer where it was
    m_write = m_chunks[chunk];
    m_chunkEnd = m_write + kChunkSize;
}

void Trace::addChunk(std::size_t chunk) {
    if (chunk >= kMaxChunks) throw std::length_error("the trace is full");
    const std::size_t slab = chunk / kChunksPerSlab;
    if (!m_slabs[slab]) m_slabs[slab] = takeSlab(slab);
    m_chunks[chunk] = static_cast<Event*>(m_slabs[slab]) + chunk % kChunksPerSlab * kChunkSize;
}

std::string_view wireName(EventKind kind) { return kWireNames[static_cast<std::size_t>(kind)]; }

std::optional<EventKind> kindFromWireName(std::string_view wire) {
    const auto* it = std::find(std::begin(kWireNames), std::end(kWireNames), wire);
    if (it == std::end(kWireNames)) return std::nullopt;
    return static_cast<EventKind>(it - std::begin(kWireNames));
}

}  // namespace aw::trace
