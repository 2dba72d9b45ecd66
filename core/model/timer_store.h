#pragma once
// The timer heap while a Folder folds many events (fold.h): TimerEntry values
// ordered by (when, handle id), as State::timers is, but kept in chunks of a
// few dozen entries with the last key of each chunk in a separate array. A new
// timer moves at most one chunk's entries, where the deque moved half the
// heap (a thousand timers: a third of the fold's time), and finding an entry
// by key is a binary search over the chunk keys, then within one chunk.
#include "core/model/state.h"

#include <deque>
#include <utility>
#include <vector>

namespace aw::model {

class TimerStore {
public:
    using Key = std::pair<double, Id>;
    static Key keyOf(const TimerEntry& t) { return {t.when, t.handle}; }

    explicit TimerStore(const std::deque<TimerEntry>& sorted);
    void writeTo(std::deque<TimerEntry>& timers) const;

    std::size_t size() const { return m_size; }
    TimerEntry* front() { return m_chunks.empty() ? nullptr : &m_chunks.front().front(); }
    TimerEntry* find(const Key& key);           // the first entry with this key, or null
    void insert(const TimerEntry& timer);       // after the entries with an equal key
    void erase(const TimerEntry* timer);        // an entry front() or find() gave

    template <typename Visit>
    void forEach(Visit visit) {
        for (auto& chunk : m_chunks)
            for (TimerEntry& t : chunk) visit(t);
    }
    template <typename Pred>
    void eraseIf(Pred pred) {
        for (auto& chunk : m_chunks) m_size -= std::erase_if(chunk, pred);
        dropEmptyChunks();
    }

private:
    static std::vector<TimerEntry> newChunk();
    std::size_t chunkFor(const Key& key) const;     // the first chunk whose last key is >= key (or the last one)
    void dropEmptyChunks();

    std::vector<std::vector<TimerEntry>> m_chunks;  // none empty; all of chunk i order before all of chunk i+1
    std::vector<Key> m_lastKeys;                    // the key of each chunk's last entry
    std::size_t m_size = 0;
};

}  // namespace aw::model
