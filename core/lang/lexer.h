#pragma once
// Source text -> tokens, with Python's INDENT/DEDENT and implicit line joining.

#include "core/lang/token.h"

#include <string>
#include <string_view>
#include <vector>

namespace aw::lang {

// Throws SyntaxError (type SyntaxError, IndentationError or TabError) with
// CPython 3.11's wording, line and column. The last token is always EndMarker.
std::vector<Token> tokenize(std::string_view source);

// True for Python's hard keywords (not the soft ones such as `match`).
bool isKeyword(std::string_view word);

// Decodes the backslash escapes of a non-raw string body. `line`/`col` locate
// the body for error messages. Used for plain strings and f-string literal parts.
std::string decodeEscapes(std::string_view body, int32_t line, int32_t col);

}  // namespace aw::lang
