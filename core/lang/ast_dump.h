#pragma once
// The AST as text, in exactly the format of Python's `ast.dump(tree)` (no
// attributes), so tests can compare our parser with CPython's.

#include "core/lang/ast.h"

#include <string>

namespace aw::lang {

std::string dumpAst(const ast::Module& module);

// Python's repr() of a float and of a str, as ast.dump prints constants.
std::string pyFloatRepr(double value);
std::string pyStrRepr(const std::string& utf8);

}  // namespace aw::lang
