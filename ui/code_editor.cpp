#include "ui/code_editor.h"

#include "ui/theme.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscistyle.h>

namespace aw::ui {

namespace {

// Annotation style numbers live above the lexer's styles (Python uses < 32).
constexpr int kErrorAnnotationStyle = 100;

// QScintilla's keyword list is Python 2's (print is a keyword; async, await,
// nonlocal, True are not): give it Python 3.11's, and the builtins tutorials use.
class Python3Lexer : public QsciLexerPython {
public:
    using QsciLexerPython::QsciLexerPython;
    const char* keywords(int set) const override {
        if (set == 1)
            return "False None True and as assert async await break class continue def del elif else except "
                   "finally for from global if import in is lambda nonlocal not or pass raise return try while "
                   "with yield";
        if (set == 2)
            return "abs all any bool dict enumerate filter float getattr hasattr id int isinstance iter len list "
                   "map max min next object print range repr reversed round set setattr sorted str sum super "
                   "tuple type zip self";
        return QsciLexerPython::keywords(set);
    }
};

void applyPalette(QsciLexerPython* lexer, const QFont& font) {
    using L = QsciLexerPython;
    lexer->setDefaultPaper(theme::kBackground);
    lexer->setDefaultColor(theme::kText);
    lexer->setPaper(theme::kBackground, -1);
    lexer->setColor(theme::kText, -1);
    lexer->setFont(font, -1);  // every style: one size, so columns line up
    const QColor comment(0x6a, 0x73, 0x7d), keyword(0xcf, 0x22, 0x2e), string(0x0a, 0x30, 0x69),
        number(0x05, 0x50, 0xae), def(0x82, 0x50, 0xdf), decorator(0x95, 0x38, 0x00);
    lexer->setColor(comment, L::Comment);
    lexer->setColor(comment, L::CommentBlock);
    QFont italic = font;
    italic.setItalic(true);
    lexer->setFont(italic, L::Comment);
    lexer->setFont(italic, L::CommentBlock);
    lexer->setColor(keyword, L::Keyword);
    QFont bold = font;
    bold.setBold(true);
    lexer->setFont(bold, L::Keyword);
    for (int style : {L::DoubleQuotedString, L::SingleQuotedString, L::TripleSingleQuotedString,
                      L::TripleDoubleQuotedString, L::DoubleQuotedFString, L::SingleQuotedFString,
                      L::TripleSingleQuotedFString, L::TripleDoubleQuotedFString, L::UnclosedString}) {
        lexer->setColor(string, style);
    }
    lexer->setColor(number, L::Number);
    lexer->setColor(def, L::FunctionMethodName);
    lexer->setColor(def, L::ClassName);
    lexer->setFont(bold, L::FunctionMethodName);
    lexer->setFont(bold, L::ClassName);
    lexer->setColor(decorator, L::Decorator);
    lexer->setColor(QColor(0x00, 0x5c, 0xc5), L::HighlightedIdentifier);  // builtins
    lexer->setColor(theme::kText, L::Operator);
    lexer->setColor(theme::kText, L::Identifier);
}

}  // namespace

CodeEditor::CodeEditor(QWidget* parent) : QsciScintilla(parent) {
    setUtf8(true);  // the engine's columns are UTF-8 byte offsets, as QScintilla's indexes are
    m_lexer = new Python3Lexer(this);
    m_lexer->setIndentationWarning(QsciLexerPython::Inconsistent);
    m_lexer->setFoldComments(true);
    setLexer(m_lexer);

    setIndentationsUseTabs(false);
    setTabWidth(4);
    setIndentationWidth(4);
    setAutoIndent(true);
    setIndentationGuides(true);
    setBackspaceUnindents(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setEolMode(QsciScintilla::EolUnix);
    setWrapMode(QsciScintilla::WrapNone);
    setScrollWidthTracking(true);
    setScrollWidth(1);

    setCaretLineVisible(true);
    setCaretLineBackgroundColor(theme::kCurrentLine);
    setCaretWidth(2);
    setCaretForegroundColor(theme::kAccent);
    setSelectionBackgroundColor(QColor(0xc8, 0xdc, 0xff));
    setMatchedBraceBackgroundColor(QColor(0xd7, 0xf5, 0xdd));

    // Margin 0: line numbers. Margin 1: markers (errors now; task colours later).
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginsBackgroundColor(theme::kGutter);
    setMarginsForegroundColor(theme::kMuted);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 14);
    setMarginSensitivity(1, false);
    setFolding(QsciScintilla::NoFoldStyle);

    m_errorMarker = markerDefine(QsciScintilla::Circle);
    setMarkerBackgroundColor(theme::kError, m_errorMarker);
    setMarkerForegroundColor(theme::kError, m_errorMarker);

    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleLowIndicator);
    setIndicatorForegroundColor(theme::kError, m_errorIndicator);
    setIndicatorDrawUnder(false, m_errorIndicator);

    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);

    setCodeFont(theme::codeFont());
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    // An edit makes an error mark stale: it pointed at text that changed.
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (m_errorLine != 0)
            clearErrors();
    });
}

void CodeEditor::setCodeFont(const QFont& font) {
    m_codeFont = font;
    applyPalette(m_lexer, font);
    setFont(font);
    setMarginsFont(font);
    updateLineNumberWidth();
}

void CodeEditor::updateLineNumberWidth() {
    // Room for one more digit than the file needs, so the margin does not jump while typing.
    const QString sample = QStringLiteral("0") + QString::number(qMax(lines(), 99));
    setMarginWidth(0, sample);
}

void CodeEditor::showError(int line, int col, int endCol, const QString& message) {
    clearErrors();
    if (line < 1)
        return;
    // A report past the end (an unexpected end of file) goes on the last line.
    const int index = qMin(line - 1, lines() - 1);
    QByteArray lineBytes = text(index).toUtf8();  // indexes are UTF-8 bytes, without the line end
    while (lineBytes.endsWith('\n') || lineBytes.endsWith('\r'))
        lineBytes.chop(1);
    const int length = int(lineBytes.size());
    const int from = qBound(0, col, qMax(0, length));
    int to = endCol > col ? endCol : from + 1;
    to = qBound(from, to, qMax(from, length));
    if (to == from && from > 0)
        fillIndicatorRange(index, from - 1, index, from, m_errorIndicator);  // at the end of the line
    else
        fillIndicatorRange(index, from, index, to, m_errorIndicator);
    markerAdd(index, m_errorMarker);

    QFont annotationFont = m_codeFont;
    annotationFont.setBold(true);
    QsciStyle style(kErrorAnnotationStyle, QStringLiteral("error"), theme::kError, theme::kErrorBackground,
                    annotationFont);
    annotate(index, QStringLiteral("  ") + message + QStringLiteral("  "), style);
    m_errorLine = line;
    ensureLineVisible(index);
    setCursorPosition(index, from);
}

void CodeEditor::clearErrors() {
    clearIndicatorRange(0, 0, qMax(0, lines() - 1), qMax(0, lineLength(lines() - 1)), m_errorIndicator);
    markerDeleteAll(m_errorMarker);
    clearAnnotations();
    m_errorLine = 0;
}

QString CodeEditor::errorAnnotation() const {
    return m_errorLine > 0 ? annotation(m_errorLine - 1).trimmed() : QString();
}

}  // namespace aw::ui
