#pragma once
// A readable listing of a CodeUnit, in the layout of CPython's dis.dis:
//
//     2           0 LOAD_GLOBAL              0 (print)
//                 1 LOAD_CONST               1 ('hi')
//                 2 CALL_FUNCTION            1
//         >>      3 POP_TOP
//
// line number where an instruction starts a line, ">>" on jump targets, the
// instruction index (jump targets are indexes, not byte offsets), the opcode,
// its argument and what the argument means. Nested code units (functions,
// class bodies, comprehensions) follow, each under a "Disassembly of" header.

#include "core/bytecode/code_unit.h"

#include <string>

namespace aw::bytecode {

std::string disassemble(const CodeUnit& code);

// One constant as Python's repr() would show it ('str', None, (…), <code …>).
std::string constantRepr(const Constant& c);

}  // namespace aw::bytecode
