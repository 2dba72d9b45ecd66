#pragma once
// Raw memory for the trace's chunks: carved from large slabs that are never
// moved or freed before the arena, so a reader may hold a chunk pointer while
// the writer goes on taking chunks (the readers never touch the arena).
//
// Slabs are their own mappings on Linux. Not huge pages: asking for them
// (MADV_HUGEPAGE) made the kernel compact memory on fault, and one run in
// three stalled for 0.3-0.8 s of system time. The memory is raw: a trace
// writes an event before it publishes it, so nothing needs zeroing first.
//
// Once a trace grows past its first slab it is likely to grow a lot; the
// kernel then spends much of the run zeroing fresh pages. So from the second
// slab on, the next slab is mapped ahead and its pages made present by a
// helper thread, on another core, while the writer fills the current one
// (Linux only).

#include <cstddef>
#include <thread>
#include <vector>

namespace aw::trace {

class SlabArena {
public:
    static constexpr std::size_t kSlabBytes = std::size_t(6) << 20;

    SlabArena() = default;
    ~SlabArena();
    SlabArena(const SlabArena&) = delete;
    SlabArena& operator=(const SlabArena&) = delete;

    // `bytes` of uninitialised memory (a multiple of 64, at most kSlabBytes),
    // 64-byte aligned. Throws std::bad_alloc when the system has none.
    void* take(std::size_t bytes);

private:
    void* nextSlab();

    std::vector<void*> m_slabs;   // what the destructor frees
    char* m_next = nullptr;       // the rest of the current slab
    char* m_end = nullptr;
    std::thread m_prefault;
    void* m_ahead = nullptr;      // the next slab, being made present
};

}  // namespace aw::trace
