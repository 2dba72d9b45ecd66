#pragma once
// Modules live in type.h (ModuleObj); this header is the name others expect.
#include "core/vm/type.h"
