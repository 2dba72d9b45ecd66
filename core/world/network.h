#pragma once
// The simulated network of WORLD.md "Network": one set of in-flight sockets
// per event loop. A socket is opened with its due time (now + latency) and
// completes when the loop's wait reaches it; a closed socket never completes.
// Completions come in (due time, open order), so equal due times keep the
// order the requests were made in, as vtrun's heap of (due, seq) does.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aw::world {

class Network {
public:
    struct Socket {
        uint32_t id = 0;
        uint32_t loop = 0;
        double due = 0.0;
        std::string url;
    };

    // Opens socket `id` (ids come from the caller's counter) on `loop`, due at `due`.
    void open(uint32_t id, uint32_t loop, double due, std::string url);
    // The request was cancelled: it never completes. False when `id` is not open
    // (unknown, finished or already closed): nothing happens then.
    bool close(uint32_t id);
    // loop.close(): drops every open socket of `loop`; returns their ids in
    // (due, open order).
    std::vector<uint32_t> closeAll(uint32_t loop);
    // The earliest due time among the open sockets of `loop`.
    std::optional<double> earliestDue(uint32_t loop) const;
    // Removes and returns the sockets of `loop` with due <= now, in (due, open order).
    std::vector<Socket> takeDue(uint32_t loop, double now);

    bool isOpen(uint32_t id) const { return m_index.count(id) != 0; }
    std::size_t openCount() const { return m_index.size(); }
    std::size_t openCount(uint32_t loop) const;
    const Socket* find(uint32_t id) const;

private:
    using Key = std::pair<double, uint64_t>;   // (due, open sequence)
    struct Where {
        uint32_t loop;
        Key key;
    };
    std::unordered_map<uint32_t, std::map<Key, Socket>> m_loops;
    std::unordered_map<uint32_t, Where> m_index;   // open socket id -> its place
    uint64_t m_sequence = 0;
};

}  // namespace aw::world
