#include "core/world/network.h"

namespace aw::world {

void Network::open(uint32_t id, uint32_t loop, double due, std::string url) {
    if (isOpen(id)) close(id);   // ids are unique; never keep two entries for one
    const Key key{due, ++m_sequence};
    m_loops[loop].emplace(key, Socket{id, loop, due, std::move(url)});
    m_index.emplace(id, Where{loop, key});
}

bool Network::close(uint32_t id) {
    auto it = m_index.find(id);
    if (it == m_index.end()) return false;
    auto loopIt = m_loops.find(it->second.loop);
    if (loopIt != m_loops.end()) {
        loopIt->second.erase(it->second.key);
        if (loopIt->second.empty()) m_loops.erase(loopIt);
    }
    m_index.erase(it);
    return true;
}

std::vector<uint32_t> Network::closeAll(uint32_t loop) {
    std::vector<uint32_t> ids;
    auto loopIt = m_loops.find(loop);
    if (loopIt == m_loops.end()) return ids;
    for (const auto& [key, socket] : loopIt->second) {
        ids.push_back(socket.id);
        m_index.erase(socket.id);
    }
    m_loops.erase(loopIt);
    return ids;
}

std::optional<double> Network::earliestDue(uint32_t loop) const {
    auto loopIt = m_loops.find(loop);
    if (loopIt == m_loops.end() || loopIt->second.empty()) return std::nullopt;
    return loopIt->second.begin()->first.first;
}

std::vector<Network::Socket> Network::takeDue(uint32_t loop, double now) {
    std::vector<Socket> due;
    auto loopIt = m_loops.find(loop);
    if (loopIt == m_loops.end()) return due;
    auto& sockets = loopIt->second;
    while (!sockets.empty() && sockets.begin()->first.first <= now) {
        due.push_back(std::move(sockets.begin()->second));
        m_index.erase(due.back().id);
        sockets.erase(sockets.begin());
    }
    if (sockets.empty()) m_loops.erase(loopIt);
    return due;
}

std::size_t Network::openCount(uint32_t loop) const {
    auto loopIt = m_loops.find(loop);
    return loopIt == m_loops.end() ? 0 : loopIt->second.size();
}

const Network::Socket* Network::find(uint32_t id) const {
    auto it = m_index.find(id);
    if (it == m_index.end()) return nullptr;
    auto loopIt = m_loops.find(it->second.loop);
    if (loopIt == m_loops.end()) return nullptr;
    auto s = loopIt->second.find(it->second.key);
    return s == loopIt->second.end() ? nullptr : &s->second;
}

}  // namespace aw::world
