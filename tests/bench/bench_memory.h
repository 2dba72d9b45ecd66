#pragma once
// Resident memory of this process (Linux /proc/self/statm), for the
// "bytes per event" counters.
#include <unistd.h>
#include <cstddef>
#include <cstdio>

namespace aw::bench {

inline std::size_t residentBytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long size = 0, resident = 0;
    const int n = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    return n == 2 ? std::size_t(resident) * std::size_t(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace aw::bench
