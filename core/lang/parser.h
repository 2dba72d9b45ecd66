#pragma once
// Tokens -> AST (core/lang/ast.h), following CPython 3.11's grammar, spans and
// error messages.

#include "core/lang/ast.h"

#include <string>
#include <string_view>

namespace aw::lang {

// Throws SyntaxError (or IndentationError / TabError, see SyntaxError::type)
// for any error, with CPython's wording, line and column. `filename` is only
// used in messages.
ast::Module parse(std::string_view source, const std::string& filename);

}  // namespace aw::lang
