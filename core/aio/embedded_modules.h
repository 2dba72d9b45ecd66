#pragma once
// The modules written in Python (asyncio, aiohttp and their private parts,
// core/aio/python/*.py), compiled into the binary as text so the engine needs
// no files at run time. The VM compiles one the first time it is imported.

#include <cstddef>
#include <string_view>

namespace aw::aio {

struct EmbeddedModule {
    std::string_view name;     // module name: the file name without ".py"
    std::string_view source;   // UTF-8 Python source
};

// All embedded modules, sorted by name; null when there is no such module.
const EmbeddedModule* findEmbeddedModule(std::string_view name);
std::size_t embeddedModuleCount();
const EmbeddedModule& embeddedModule(std::size_t index);

}  // namespace aw::aio
