#include "ui/code_editor.h"

#include "ui/theme.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscistyle.h>

#include <QKeyEvent>

#include <algorithm>

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

void applyPalette(QsciLexerPython* lexer, const QFont& font, const theme::WindowTheme& t) {
    using L = QsciLexerPython;
    lexer->setDefaultPaper(t.background);
    lexer->setDefaultColor(t.text);
    lexer->setPaper(t.background, -1);
    lexer->setColor(t.text, -1);
    lexer->setFont(font, -1);  // every style: one size, so columns line up
    lexer->setColor(t.comment, L::Comment);
    lexer->setColor(t.comment, L::CommentBlock);
    QFont italic = font;
    italic.setItalic(true);
    lexer->setFont(italic, L::Comment);
    lexer->setFont(italic, L::CommentBlock);
    lexer->setColor(t.keyword, L::Keyword);
    QFont bold = font;
    bold.setBold(true);
    lexer->setFont(bold, L::Keyword);
    for (int style : {L::DoubleQuotedString, L::SingleQuotedString, L::TripleSingleQuotedString,
                      L::TripleDoubleQuotedString, L::DoubleQuotedFString, L::SingleQuotedFString,
                      L::TripleSingleQuotedFString, L::TripleDoubleQuotedFString, L::UnclosedString}) {
        lexer->setColor(t.string, style);
    }
    lexer->setColor(t.number, L::Number);
    lexer->setColor(t.definition, L::FunctionMethodName);
    lexer->setColor(t.definition, L::ClassName);
    lexer->setFont(bold, L::FunctionMethodName);
    lexer->setFont(bold, L::ClassName);
    lexer->setColor(t.decorator, L::Decorator);
    lexer->setColor(t.builtin, L::HighlightedIdentifier);  // builtins
    lexer->setColor(t.text, L::Operator);
    lexer->setColor(t.text, L::Identifier);
}

// Marker numbers (Scintilla has 32; 25-31 are the fold margin's).
constexpr int kManyTasksMarker = CodeEditor::kTaskSlots;   // 0..9: one per task colour slot
constexpr int kTopLevelMarker = kManyTasksMarker + 1;
constexpr int kCurrentLineMarker = kTopLevelMarker + 1;    // the running code's line, tinted
constexpr int kErrorMarker = kCurrentLineMarker + 1;
// Indicator numbers: 8 is INDIC_CONTAINER, the first one free of the lexers'.
constexpr int kFirstTaskIndicator = 8;                      // 8..17: one per task colour slot
constexpr int kTopLevelIndicator = kFirstTaskIndicator + CodeEditor::kTaskSlots;
constexpr int kErrorIndicator = kTopLevelIndicator + 1;

bool isLive(const model::TaskInfo& task) {
    using S = model::TaskStatus;
    return task.status != S::Done && task.status != S::Failed && task.status != S::Cancelled;
}

QColor mix(const QColor& a, const QColor& b, double amountOfA) {
    return QColor::fromRgbF(float(a.redF() * amountOfA + b.redF() * (1 - amountOfA)),
                            float(a.greenF() * amountOfA + b.greenF() * (1 - amountOfA)),
                            float(a.blueF() * amountOfA + b.blueF() * (1 - amountOfA)));
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
    setCaretWidth(2);

    // Margin 0: line numbers. Margin 1: markers (tasks, the top level, errors).
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginType(1, QsciScintilla::SymbolMargin);
    setMarginWidth(1, 18);
    setMarginSensitivity(1, false);
    setFolding(QsciScintilla::NoFoldStyle);

    for (int slot = 0; slot < kTaskSlots; ++slot)
        markerDefine(QsciScintilla::Circle, slot);
    markerDefine(QsciScintilla::CircledPlus, kManyTasksMarker);
    markerDefine(QsciScintilla::RightArrow, kTopLevelMarker);
    markerDefine(QsciScintilla::Background, kCurrentLineMarker);
    m_errorMarker = markerDefine(QsciScintilla::Circle, kErrorMarker);
    // Task marks go under an error's, so an error on a task's line stays visible.
    for (int slot = 0; slot < kTaskSlots; ++slot)
        indicatorDefine(QsciScintilla::ThickCompositionIndicator, kFirstTaskIndicator + slot);
    indicatorDefine(QsciScintilla::ThickCompositionIndicator, kTopLevelIndicator);
    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleLowIndicator, kErrorIndicator);
    setIndicatorDrawUnder(false, m_errorIndicator);

    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);

    m_codeFont = theme::codeFont();
    applyTheme(m_theme, m_palette);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    // An edit makes an error mark stale: it pointed at text that changed.
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (m_errorLine != 0)
            clearErrors();
    });
}

void CodeEditor::applyTheme(const theme::WindowTheme& t, const Palette& palette) {
    m_theme = t;
    m_palette = palette;
    setCaretLineBackgroundColor(t.currentLine);
    setCaretForegroundColor(t.accent);
    setSelectionBackgroundColor(t.selection);
    setMatchedBraceBackgroundColor(t.braceMatch);
    setMarginsBackgroundColor(t.gutter);
    setMarginsForegroundColor(t.muted);
    setIndentationGuidesBackgroundColor(t.background);
    setIndentationGuidesForegroundColor(t.gutter);
    setMarkerBackgroundColor(t.error, m_errorMarker);
    setMarkerForegroundColor(t.error, m_errorMarker);
    setIndicatorForegroundColor(t.error, m_errorIndicator);
    for (int slot = 0; slot < kTaskSlots; ++slot) {
        const QColor color = palette.taskColor(uint32_t(slot));
        setMarkerBackgroundColor(color, slot);
        setMarkerForegroundColor(color.darker(140), slot);
        setIndicatorForegroundColor(color, kFirstTaskIndicator + slot);
    }
    setMarkerBackgroundColor(t.text, kManyTasksMarker);
    setMarkerForegroundColor(t.background, kManyTasksMarker);
    setMarkerBackgroundColor(t.accent, kTopLevelMarker);
    setMarkerForegroundColor(t.accent, kTopLevelMarker);
    setIndicatorForegroundColor(t.accent, kTopLevelIndicator);
    setCodeFont(m_codeFont);
}

void CodeEditor::setCodeFont(const QFont& font) {
    m_codeFont = font;
    applyPalette(m_lexer, font, m_theme);
    setFont(font);
    setMarginsFont(font);
    setMarginWidth(1, QFontMetrics(font).height());
    updateLineNumberWidth();
}

void CodeEditor::updateLineNumberWidth() {
    // Room for one more digit than the file needs, so the margin does not jump while typing.
    const QString sample = QStringLiteral("0") + QString::number(qMax(lines(), 99));
    setMarginWidth(0, sample);
}

bool CodeEditor::event(QEvent* e) {
    // Ctrl+C is the window's "Interrupt"; with text selected here it copies,
    // as everyone expects of an editor.
    if (e->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(e);
        if (key->matches(QKeySequence::Copy) && hasSelectedText()) {
            e->accept();
            return true;
        }
    }
    return QsciScintilla::event(e);
}

void CodeEditor::underline(int line, int colStart, int colEnd, int indicator) {
    if (line < 1 || line > lines())
        return;
    const int length = lineLength(line - 1);
    const int from = qBound(0, colStart, length);
    const int to = qBound(from, colEnd, length);
    if (to > from)
        fillIndicatorRange(line - 1, from, line - 1, to, indicator);
}

void CodeEditor::clearPosition() {
    for (int line : m_markedLines) {
        for (int marker = 0; marker <= kCurrentLineMarker; ++marker)
            markerDelete(line, marker);
    }
    m_markedLines.clear();
    const int last = qMax(0, lines() - 1);
    for (int indicator = kFirstTaskIndicator; indicator <= kTopLevelIndicator; ++indicator)
        clearIndicatorRange(0, 0, last, lineLength(last), indicator);
    m_underlinedLine = 0;
}

void CodeEditor::showPosition(const model::State& state) {
    clearPosition();
    auto mark = [this](int line, int marker) {
        if (line < 1 || line > lines())
            return;
        markerAdd(line - 1, marker);
        m_markedLines.push_back(line - 1);
    };
    // A marker per live task on its line; several on one line share the "many" marker.
    std::vector<std::pair<int, const model::TaskInfo*>> byLine;
    for (const model::TaskInfo& task : state.tasks) {
        if (isLive(task) && task.line > 0)
            byLine.emplace_back(task.line, &task);
    }
    std::stable_sort(byLine.begin(), byLine.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < byLine.size();) {
        std::size_t j = i;
        while (j < byLine.size() && byLine[j].first == byLine[i].first)
            ++j;
        mark(byLine[i].first, j - i > 1 ? kManyTasksMarker : int(byLine[i].second->colorIndex % kTaskSlots));
        for (std::size_t k = i; k < j; ++k) {
            const model::TaskInfo& task = *byLine[k].second;
            underline(task.line, task.colStart, task.colEnd, kFirstTaskIndicator + int(task.colorIndex % kTaskSlots));
        }
        i = j;
    }
    const bool loopRunning = state.loop.phase == model::LoopPhase::Idle || state.loop.phase == model::LoopPhase::Polling ||
                             state.loop.phase == model::LoopPhase::RunningHandle;
    if (state.topLine > 0 && !state.ended && !state.cut) {
        mark(state.topLine, kTopLevelMarker);
        underline(state.topLine, state.topColStart, state.topColEnd, kTopLevelIndicator);
    }
    // The code running now: the running task's line, else the top level's while no loop runs.
    int current = 0;
    QColor tint = m_theme.accent;
    if (const model::TaskInfo* running = state.runningTask ? state.task(state.runningTask) : nullptr;
        running && running->line > 0) {
        current = running->line;
        tint = m_palette.taskColor(running->colorIndex % kTaskSlots);
    } else if (!loopRunning && !state.ended && !state.cut) {
        current = state.topLine;
    }
    if (current > 0 && current <= lines()) {
        setMarkerBackgroundColor(mix(tint, m_theme.background, m_theme.dark ? 0.30 : 0.16), kCurrentLineMarker);
        mark(current, kCurrentLineMarker);
        m_underlinedLine = current;
        ensureLineVisible(current - 1);
    }
}

std::vector<int> CodeEditor::linesWithTaskMarker(int slot) const {
    const int marker = slot < 0 ? kTopLevelMarker : slot;
    std::vector<int> found;
    for (int line = markerFindNext(0, 1u << marker); line >= 0; line = markerFindNext(line + 1, 1u << marker))
        found.push_back(line + 1);
    return found;
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
    QsciStyle style(kErrorAnnotationStyle, QStringLiteral("error"), m_theme.error, m_theme.errorBackground,
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
