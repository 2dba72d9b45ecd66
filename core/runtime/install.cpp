#include "core/runtime/install.h"

namespace aw::rt {

// Placeholder until the runtime library registers its builtins here.
void installRuntime(vm::Vm&) {}

}  // namespace aw::rt
