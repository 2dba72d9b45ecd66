#pragma once
// The script editor: QScintilla with its Python lexer, line numbers, the
// current line highlighted, and errors shown where they are (a marker in the
// margin, the offending columns underlined, the message as an annotation
// under the line).

#include <Qsci/qsciscintilla.h>

class QsciLexerPython;

namespace aw::ui {

class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);

    // Marks an error. `line` is 1-based; `col`/`endCol` are 0-based byte
    // offsets into the UTF-8 line, as the engine reports them (endCol <= col:
    // one character at col). Scrolls the line into view.
    void showError(int line, int col, int endCol, const QString& message);
    void clearErrors();

    // The 1-based line carrying an error annotation, or 0 (for tests and the window).
    int errorLine() const { return m_errorLine; }
    QString errorAnnotation() const;

    void setCodeFont(const QFont& font);

private:
    void updateLineNumberWidth();

    QsciLexerPython* m_lexer = nullptr;
    QFont m_codeFont;
    int m_errorLine = 0;
    int m_errorIndicator = -1;
    int m_errorMarker = -1;
};

}  // namespace aw::ui
