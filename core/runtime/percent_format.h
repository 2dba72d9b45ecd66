#pragma once
// printf-style string formatting: `"%s is %d" % (name, age)`, CPython's
// PyUnicode_Format. The VM's BINARY_OP Mod calls this when the left operand
// is a str.
//
//   "%5.2f|%-5s|%05d|%x|%r|%%" % (3.14159, "ab", 42, 255, "q") == " 3.14|ab   |00042|ff|'q'|%"
//   "%(a)s-%(b)03d" % {"a": 1, "b": 2} == "1-002"
//
// args: a tuple (one item per conversion), a mapping (for "%(key)s"), or any
// other single value. Errors are raised in the Vm (TypeError "not enough
// arguments for format string", "not all arguments converted during string
// formatting", ValueError "unsupported format character 'z' (0x7a) at index 1").

#include "core/vm/value.h"

namespace aw::vm { class Vm; }

namespace aw::rt {

// Returns the formatted str, or Value::error() with the exception pending.
vm::Value percentFormat(vm::Vm& vm, const vm::Value& fmt, const vm::Value& args);

}  // namespace aw::rt
