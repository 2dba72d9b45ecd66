#include "ui/console_view.h"

#include "core/model/state_index.h"
#include "core/run/runner.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

namespace aw::ui {

namespace {

// Wide enough for "9999.999": runs rarely get there, and the text column stays put.
constexpr int kClockWidth = 8;

QString clockText(double clock) {
    return QString::number(clock, 'f', 3).rightJustified(kClockWidth, QLatin1Char(' '));
}

QString blankClock() {
    return QString(kClockWidth, QLatin1Char(' '));
}

// Ctrl+C is the window's "Interrupt"; with text selected in the console it copies.
class CopyOverride : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() == QEvent::ShortcutOverride) {
            auto* key = static_cast<QKeyEvent*>(e);
            auto* view = qobject_cast<QPlainTextEdit*>(watched);
            if (view && key->matches(QKeySequence::Copy) && view->textCursor().hasSelection()) {
                e->accept();
                return true;
            }
        }
        return false;
    }
};

}  // namespace

ConsoleView::ConsoleView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(theme::codeFont(11));
    setPlaceholderText(tr("Run a script (Ctrl+R) to see what it prints, and when."));
    installEventFilter(new CopyOverride(this));
    applyTheme(m_theme);
}

void ConsoleView::applyTheme(const theme::WindowTheme& t) {
    m_theme = t;
    QPalette p = palette();
    p.setColor(QPalette::Base, t.consoleBackground);
    p.setColor(QPalette::Text, t.text);
    p.setColor(QPalette::PlaceholderText, t.muted);
    setPalette(p);
    // Colours are in the text's formats: write it again.
    truncateToBlocks(0);
    m_shown = 0;
    m_noteShown = false;
    refresh();
}

void ConsoleView::clear() {
    m_entries.clear();
    m_shown = 0;
    m_noteShown = false;
    m_step = 0;
    QPlainTextEdit::clear();
}

void ConsoleView::writeLine(const QString& clock, const QString& text, const QColor& color, bool italic) {
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat clockFormat;
    clockFormat.setForeground(m_theme.muted);
    cursor.insertText(clock + QStringLiteral("  "), clockFormat);
    QTextCharFormat textFormat;
    textFormat.setForeground(color);
    textFormat.setFontItalic(italic);
    cursor.insertText(text, textFormat);
}

void ConsoleView::writeEntry(const Entry& entry) {
    switch (entry.kind) {
    case Kind::Output:
        writeLine(entry.clock, entry.text, m_theme.text, false);
        break;
    case Kind::Error:
        writeLine(entry.clock, entry.text, m_theme.error, false);
        break;
    case Kind::Note:
        writeLine(entry.clock, entry.text, m_theme.muted, true);
        break;
    case Kind::Warning:
        writeLine(entry.clock, entry.text, m_theme.warning, false);
        break;
    }
}

void ConsoleView::truncateToBlocks(int blocks) {
    if (blocks <= 0) {
        QPlainTextEdit::clear();
        return;
    }
    const QTextBlock last = document()->findBlockByNumber(blocks - 1);
    if (!last.isValid() || !last.next().isValid())
        return;
    QTextCursor cursor(document());
    cursor.setPosition(last.position() + last.length() - 1);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
}

int ConsoleView::linesToCome() const {
    return int(std::count_if(m_entries.begin() + qsizetype(m_shown), m_entries.end(),
                             [](const Entry& e) { return e.kind == Kind::Output; }));
}

void ConsoleView::refresh() {
    const auto end = std::upper_bound(m_entries.begin(), m_entries.end(), m_step,
                                      [](model::Step step, const Entry& e) { return step < e.step; });
    const std::size_t wanted = std::size_t(end - m_entries.begin());
    if (wanted == m_shown && !m_noteShown && wanted == m_entries.size())
        return;
    if (m_noteShown || wanted < m_shown) {
        truncateToBlocks(int(qMin(wanted, m_shown)));
        m_shown = qMin(wanted, m_shown);
        m_noteShown = false;
    }
    for (; m_shown < wanted; ++m_shown)
        writeEntry(m_entries[m_shown]);
    if (const int toCome = linesToCome(); toCome > 0) {
        writeLine(blankClock(), tr("⋯ %n more line(s) printed later (End shows the whole run)", nullptr, toCome),
                  m_theme.muted, true);
        m_noteShown = true;
    }
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConsoleView::setCurrentStep(model::Step step) {
    m_step = step;
    refresh();
}

void ConsoleView::add(model::Step step, Kind kind, const QString& clock, const QString& text) {
    m_entries.push_back(Entry{step, kind, clock, text});
}

void ConsoleView::addLines(model::Step step, Kind kind, const QString& text) {
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.isEmpty())
            add(step, kind, blankClock(), line);
    }
}

// Direct appends (before a run, or a message about the window) show at once,
// after whatever is shown, at the step shown.
void ConsoleView::appendOutput(double clock, const QString& text) {
    add(m_step, Kind::Output, clockText(clock), text);
    refresh();
}

void ConsoleView::appendError(const QString& text) {
    addLines(m_step, Kind::Error, text);
    refresh();
}

void ConsoleView::appendNote(const QString& text) {
    add(m_step, Kind::Note, blankClock(), text);
    refresh();
}

void ConsoleView::appendWarning(const QString& text) {
    add(m_step, Kind::Warning, blankClock(), text);
    refresh();
}

void ConsoleView::showRun(const run::RunResult& result, const model::StateIndex* index, const QString& filename,
                          std::string_view source, qint64 wallMs) {
    clear();
    if (result.syntaxError || !index || index->empty()) {
        if (result.syntaxError)
            addLines(0, Kind::Error,
                     QString::fromStdString(run::formatSyntaxError(*result.syntaxError, filename.toStdString(), source)));
        else if (!result.exceptionType.empty())
            addLines(0, Kind::Error,
                     QString::fromStdString(result.exceptionType + ": " + result.exceptionMessage));
        refresh();
        return;
    }
    // Outputs and stderr reports merge by step; the ending comes at its own step.
    const trace::Trace& trace = index->trace();
    const model::Step last = index->lastStep();
    model::Step uncaughtStep = last;
    const auto& outputs = index->outputs();
    std::size_t nextOutput = 0;
    for (model::Step step = 0; step <= last; ++step) {
        const trace::Event& event = trace[step];
        if (event.kind == trace::EventKind::Output) {
            // outputs() is in step order: take the one at this step.
            while (nextOutput < outputs.size() && outputs[nextOutput].step < step)
                ++nextOutput;
            if (nextOutput < outputs.size() && outputs[nextOutput].step == step) {
                const model::TimedText& out = outputs[nextOutput++];
                add(step, Kind::Output, clockText(out.clock), QString::fromUtf8(out.text.data(), qsizetype(out.text.size())));
            }
        } else if (event.kind == trace::EventKind::Stderr) {
            const std::string_view text = trace.text(event);
            addLines(step, Kind::Warning, QString::fromUtf8(text.data(), qsizetype(text.size())));
        } else if (event.kind == trace::EventKind::Uncaught) {
            uncaughtStep = step;
        }
    }
    if (!result.exceptionType.empty()) {
        if (!result.traceback.empty())
            addLines(uncaughtStep, Kind::Error, QString::fromStdString(result.traceback));
        QString lastLine = QString::fromStdString(result.exceptionType);
        if (!result.exceptionMessage.empty())
            lastLine += QStringLiteral(": ") + QString::fromStdString(result.exceptionMessage);
        // The traceback (CPython's) already ends with "Type: message"; print it once.
        if (!QString::fromStdString(result.traceback).trimmed().endsWith(lastLine))
            addLines(uncaughtStep, Kind::Error, lastLine);
    }
    if (result.cancelled)
        add(last, Kind::Warning, blankClock(), tr("Stopped: the run was stopped before its end."));
    else if (result.cut)
        add(last, Kind::Warning, blankClock(),
            tr("Cut at the step budget after %1 events: the program may never end.").arg(last + 1));
    if (result.hung)
        add(last, Kind::Warning, blankClock(), tr("Hang: the program waits with nothing left that could wake it."));
    add(last, Kind::Note, blankClock(),
        tr("%1 ended at %2 s of virtual time (%3 ms of real time).")
            .arg(filename, QString::number(result.endClock, 'f', 3))
            .arg(wallMs));
    refresh();
}

QStringList ConsoleView::lines() const {
    return toPlainText().split(QLatin1Char('\n'));
}

}  // namespace aw::ui
