#pragma once
// The lexer's state machine, shared by lexer.cpp (layout, operators) and
// lexer_literals.cpp (numbers, strings). Internal to core/lang.

#include "core/lang/lexer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw::lang {

void appendUtf8(std::string& out, uint32_t codePoint);

class Lexer {
public:
    explicit Lexer(std::string_view source);
    // For an f-string's embedded expression: the text starts at line/col of
    // the real file, so its tokens carry true positions.
    Lexer(std::string_view source, int32_t firstLine, int32_t firstCol);

    // Tokenizes everything. With errorOut null a lexical error is thrown;
    // otherwise it is stored there and the tokens end with an Error token, so
    // the parser reports an earlier syntax error first, as CPython's
    // on-demand tokenizer does.
    std::vector<Token> run(std::optional<SyntaxError>* errorOut);

private:
    struct Bracket {
        char ch;
        int32_t line;
        int32_t col;
    };

    void lexAll();
    size_t lexNumber(size_t start);
    size_t lexString(size_t start, size_t quotePos, bool raw, bool isF);
    SyntaxError error(const std::string& msg, int32_t line, int32_t col, int32_t endCol = 0,
                      const char* type = "SyntaxError") const;
    int32_t colOf(size_t pos) const;
    void newLine(size_t nextLineStart);
    Token& push(TokenKind kind, std::string text, int32_t line, int32_t col, int32_t endLine, int32_t endCol);

    std::string_view m_src;
    int32_t m_line = 1;
    int32_t m_firstLine = 1;
    int32_t m_firstCol = 0;     // added to columns on the first line
    bool m_embedded = false;    // lexing an f-string expression, not a whole file
    size_t m_lineStart = 0;
    std::vector<int> m_indents;
    std::vector<int> m_altIndents;
    std::vector<Bracket> m_brackets;
    std::vector<Token> m_tokens;
};

}  // namespace aw::lang
