#pragma once
// The tokens the lexer hands the parser. Operators and keywords are kept as
// text (keywords are Name tokens): the parser compares spellings, which keeps
// the token set as small as CPython's tokenize module.

#include "core/lang/source.h"

#include <cstdint>
#include <string>

namespace aw::lang {

enum class TokenKind : uint8_t {
    Name,       // identifier or keyword
    Number,     // int or float literal, value already parsed
    String,     // one string literal (implicit concatenation is the parser's job)
    Op,         // operator or delimiter: "(", "**=", "->", ...
    Newline,    // end of a logical line
    Indent,
    Dedent,
    EndMarker,
    Error,      // internal: where a lexical error stopped the lexer (never from tokenize())
};

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    std::string text;    // Name/Op: the spelling; Number/String: the exact source text
    SourceSpan span;

    // Number
    bool isFloat = false;
    int64_t intValue = 0;
    double floatValue = 0.0;

    // String. For a plain string `value` holds the decoded text (UTF-8). For an
    // f-string it holds the raw body between the quotes, escapes untouched,
    // because the braces must be found before escapes are decoded; bodyLine /
    // bodyCol say where that body starts so embedded expressions get true spans.
    bool isFString = false;
    bool isRaw = false;
    std::string value;
    int32_t bodyLine = 0;
    int32_t bodyCol = 0;

    bool is(TokenKind k, const char* s) const { return kind == k && text == s; }
    bool isOp(const char* s) const { return kind == TokenKind::Op && text == s; }
    bool isKeyword(const char* s) const { return kind == TokenKind::Name && text == s; }
};

const char* tokenKindName(TokenKind kind);

}  // namespace aw::lang
