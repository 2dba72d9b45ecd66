// TimerStore: sorted chunks of timers.
#include "core/model/timer_store.h"

#include <algorithm>

namespace aw::model {

namespace {

constexpr std::size_t kChunkEntries = 32;   // a chunk splits in two when it reaches twice this

bool before(const TimerEntry& t, const TimerStore::Key& key) { return TimerStore::keyOf(t) < key; }
bool after(const TimerStore::Key& key, const TimerEntry& t) { return key < TimerStore::keyOf(t); }

}  // namespace

// A chunk is made with room for all it will hold before it splits: growing it on an insert was a malloc, a
// copy and a free (a tenth of a fold's allocations).
std::vector<TimerEntry> TimerStore::newChunk()
{
    std::vector<TimerEntry> chunk;
    chunk.reserve(2 * kChunkEntries);
    return chunk;
}

TimerStore::TimerStore(const std::deque<TimerEntry>& sorted)
{
    const std::size_t chunks = (sorted.size() + kChunkEntries - 1) / kChunkEntries;
    m_chunks.reserve(chunks + chunks / 2 + 4);
    m_lastKeys.reserve(m_chunks.capacity());
    for (std::size_t i = 0; i < sorted.size(); i += kChunkEntries) {
        const std::size_t end = std::min(sorted.size(), i + kChunkEntries);
        std::vector<TimerEntry>& chunk = m_chunks.emplace_back(newChunk());
        chunk.assign(sorted.begin() + static_cast<std::ptrdiff_t>(i), sorted.begin() + static_cast<std::ptrdiff_t>(end));
        m_lastKeys.push_back(keyOf(chunk.back()));
    }
    m_size = sorted.size();
}

void TimerStore::writeTo(std::deque<TimerEntry>& timers) const
{
    // Over the entries it has (clearing it first freed every block of the deque, to allocate them again).
    std::size_t i = 0;
    for (const auto& chunk : m_chunks)
        for (const TimerEntry& t : chunk) {
            if (i < timers.size()) timers[i] = t;
            else timers.push_back(t);
            ++i;
        }
    timers.resize(i);
}

std::size_t TimerStore::chunkFor(const Key& key) const
{
    auto it = std::lower_bound(m_lastKeys.begin(), m_lastKeys.end(), key);
    const auto c = static_cast<std::size_t>(it - m_lastKeys.begin());
    return std::min(c, m_chunks.size() - 1);
}

TimerEntry* TimerStore::find(const Key& key)
{
    if (m_chunks.empty()) return nullptr;
    auto& chunk = m_chunks[chunkFor(key)];
    auto it = std::lower_bound(chunk.begin(), chunk.end(), key, before);
    return it != chunk.end() && keyOf(*it) == key ? &*it : nullptr;
}

void TimerStore::insert(const TimerEntry& timer)
{
    ++m_size;
    const Key key = keyOf(timer);
    if (m_chunks.empty()) {
        m_chunks.push_back(newChunk());
        m_chunks.back().push_back(timer);
        m_lastKeys.push_back(key);
        return;
    }
    // After equal keys: the first chunk whose last key is greater (equal keys may end a chunk).
    auto k = std::upper_bound(m_lastKeys.begin(), m_lastKeys.end(), key);
    const std::size_t c = std::min(static_cast<std::size_t>(k - m_lastKeys.begin()), m_chunks.size() - 1);
    auto& chunk = m_chunks[c];
    chunk.insert(std::upper_bound(chunk.begin(), chunk.end(), key, after), timer);
    m_lastKeys[c] = keyOf(chunk.back());
    if (chunk.size() < 2 * kChunkEntries) return;
    std::vector<TimerEntry> upper = newChunk();
    upper.assign(chunk.begin() + kChunkEntries, chunk.end());
    chunk.resize(kChunkEntries);
    m_lastKeys[c] = keyOf(chunk.back());
    m_lastKeys.insert(m_lastKeys.begin() + static_cast<std::ptrdiff_t>(c) + 1, keyOf(upper.back()));
    m_chunks.insert(m_chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(upper));
}

void TimerStore::erase(const TimerEntry* timer)
{
    auto eraseIn = [&](std::size_t c) {
        auto& chunk = m_chunks[c];
        if (chunk.empty() || timer < chunk.data() || timer >= chunk.data() + chunk.size()) return false;
        chunk.erase(chunk.begin() + (timer - chunk.data()));
        --m_size;
        if (chunk.empty()) {
            m_chunks.erase(m_chunks.begin() + static_cast<std::ptrdiff_t>(c));
            m_lastKeys.erase(m_lastKeys.begin() + static_cast<std::ptrdiff_t>(c));
        } else {
            m_lastKeys[c] = keyOf(chunk.back());
        }
        return true;
    };
    if (m_chunks.empty()) return;
    // Where its key says (equal keys may span chunks), else anywhere (a heap made by hand, out of order).
    const Key key = keyOf(*timer);
    for (std::size_t c = chunkFor(key); c < m_chunks.size(); ++c) {
        if (eraseIn(c)) return;
        if (key < m_lastKeys[c]) break;   // the later chunks start after its key
    }
    for (std::size_t c = 0; c < m_chunks.size(); ++c)
        if (eraseIn(c)) return;
}

void TimerStore::dropEmptyChunks()
{
    std::size_t out = 0;
    for (std::size_t c = 0; c < m_chunks.size(); ++c) {
        if (m_chunks[c].empty()) continue;
        if (out != c) m_chunks[out] = std::move(m_chunks[c]);
        m_lastKeys[out] = keyOf(m_chunks[out].back());
        ++out;
    }
    m_chunks.resize(out);
    m_lastKeys.resize(out);
}

}  // namespace aw::model
