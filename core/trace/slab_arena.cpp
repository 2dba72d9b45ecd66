#include "core/trace/slab_arena.h"

#include <cassert>
#include <exception>
#include <new>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace aw::trace {
namespace {

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
void* allocateSlab(std::size_t bytes) { return ::operator new(bytes, std::align_val_t(64)); }
void freeSlab(void* slab, std::size_t) { ::operator delete(slab, std::align_val_t(64)); }
void prefaultSlab(void*, std::size_t) {}
constexpr bool kPrefault = false;
#endif

}  // namespace

SlabArena::~SlabArena() {
    if (m_prefault.joinable()) m_prefault.join();
    if (m_ahead) freeSlab(m_ahead, kSlabBytes);
    for (void* slab : m_slabs) freeSlab(slab, kSlabBytes);
}

void* SlabArena::take(std::size_t bytes) {
    assert(bytes % 64 == 0 && bytes <= kSlabBytes);
    if (std::size_t(m_end - m_next) < bytes) {   // the rest of a slab is left unused (never touched)
        m_next = static_cast<char*>(nextSlab());
        m_end = m_next + kSlabBytes;
    }
    void* chunk = m_next;
    m_next += bytes;
    return chunk;
}

// A new slab, the one made ahead if there is one. Starts making the next.
void* SlabArena::nextSlab() {
    if (m_prefault.joinable()) m_prefault.join();
    m_slabs.reserve(m_slabs.size() + 1);   // so the push_back below cannot throw and leak the slab
    void* slab = m_ahead ? std::exchange(m_ahead, nullptr) : allocateSlab(kSlabBytes);
    m_slabs.push_back(slab);
    if (kPrefault && m_slabs.size() >= 2) {
        try {
            m_ahead = allocateSlab(kSlabBytes);
            m_prefault = std::thread(prefaultSlab, m_ahead, kSlabBytes);
        } catch (const std::exception&) {
            // No memory or no thread to spare: the writer faults the pages itself.
        }
    }
    return slab;
}

}  // namespace aw::trace
