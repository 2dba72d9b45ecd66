#pragma once
// What the runtime library adds to a fresh VM: the builtins (print, len, ...),
// the methods of the built-in types, and the importable modules of the
// simulated world (time, random, functools; asyncio and aiohttp come later).

namespace aw::vm { class Vm; }

namespace aw::rt {

// Called once by the Vm while it initialises, after the built-in types exist.
void installRuntime(vm::Vm& vm);

}  // namespace aw::rt
