#pragma once
// Shared by the benchmarks: the scripts under scripts/ and a ping-pong script
// of any size (tasks x rounds of `await asyncio.sleep(0)`).
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace aw::bench {

inline std::string readScript(const std::string& name) {
    std::ifstream in(std::string(AWAITSCOPE_BENCH_SCRIPTS) + "/" + name, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read benchmark script " + name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// scripts/pingpong.py with its sizes replaced: about 8 trace events per round
// of one task (handle new/ready/run/done, task state x2, two Line events).
inline std::string pingPong(int tasks, int rounds) {
    return "import asyncio\n\n\n"
           "async def player(n):\n"
           "    for _ in range(n):\n"
           "        await asyncio.sleep(0)\n\n\n"
           "async def main():\n"
           "    tasks = [asyncio.create_task(player(" +
           std::to_string(rounds) + ")) for _ in range(" + std::to_string(tasks) +
           ")]\n"
           "    await asyncio.gather(*tasks)\n"
           "    print(\"done\", len(tasks))\n\n\n"
           "asyncio.run(main())\n";
}

}  // namespace aw::bench
