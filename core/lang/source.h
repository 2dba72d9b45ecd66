#pragma once
// Where a piece of the script is, and the errors that point at one.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace aw::lang {

// Lines are 1-based, columns 0-based byte offsets into the UTF-8 line (as
// CPython's col_offset). endCol is one past the last byte.
struct SourceSpan {
    int32_t line = 0;
    int32_t col = 0;
    int32_t endLine = 0;
    int32_t endCol = 0;
};

// A script that cannot be compiled: reported as CPython reports a
// SyntaxError (or IndentationError / TabError), with the line and a caret.
struct SyntaxError : std::runtime_error {
    std::string type;        // "SyntaxError", "IndentationError", "TabError"
    std::string message;     // e.g. "unterminated string literal (detected at line 3)"
    int32_t line = 0;
    int32_t col = 0;         // 0-based column of the caret
    int32_t endCol = 0;      // 0 or one past the last byte to underline

    SyntaxError(std::string type_, std::string message_, int32_t line_, int32_t col_, int32_t endCol_ = 0)
        : std::runtime_error(type_ + ": " + message_), type(std::move(type_)),
          message(std::move(message_)), line(line_), col(col_), endCol(endCol_) {}
};

}  // namespace aw::lang
