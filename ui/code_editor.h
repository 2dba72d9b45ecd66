#pragma once
// The script editor: QScintilla with its Python lexer, line numbers, the
// current line highlighted, errors shown where they are (a marker in the
// margin, the offending columns underlined, the message as an annotation
// under the line), and the run's position at the step shown: a marker in
// each live task's colour on the line it is at, the expression each one is
// at (the one it awaits, when suspended) underlined in its colour, and the
// top-level code's line marked with an arrow.

#include "core/model/state.h"
#include "ui/paint/palette.h"
#include "ui/theme.h"

#include <Qsci/qsciscintilla.h>

#include <vector>

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
    void applyTheme(const theme::WindowTheme& theme, const Palette& palette);

    // Task colour slots: tasks whose colorIndex is equal modulo kTaskSlots
    // share a marker. A line with several live tasks gets the "many" marker.
    static constexpr int kTaskSlots = 10;

    // Shows where the run is at `state` (clears the previous marks first).
    void showPosition(const model::State& state);
    void clearPosition();

    // For tests: the 1-based lines carrying a marker of task slot `slot`
    // (kTaskSlots: the "many tasks" marker; -1: the top-level arrow).
    std::vector<int> linesWithTaskMarker(int slot) const;
    // The 1-based line of the running task's (or the top level's) underlined expression, 0 when none.
    int underlinedLine() const { return m_underlinedLine; }

protected:
    bool event(QEvent* event) override;

private:
    void updateLineNumberWidth();
    void defineTaskMarkers();
    void underline(int line, int colStart, int colEnd, int indicator);

    theme::WindowTheme m_theme = theme::windowTheme(ThemeId::Light);
    Palette m_palette = paletteFor(ThemeId::Light);
    int m_underlinedLine = 0;
    std::vector<int> m_markedLines;      // 0-based lines carrying position marks (to clear cheaply)

    QsciLexerPython* m_lexer = nullptr;
    QFont m_codeFont;
    int m_errorLine = 0;
    int m_errorIndicator = -1;
    int m_errorMarker = -1;
};

}  // namespace aw::ui
