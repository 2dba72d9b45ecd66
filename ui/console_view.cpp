#include "ui/console_view.h"

#include "core/run/runner.h"
#include "ui/theme.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace aw::ui {

namespace {

// Wide enough for "9999.999": runs rarely get there, and the text column stays put.
constexpr int kClockWidth = 8;

QString clockText(double clock) {
    return QString::number(clock, 'f', 3).rightJustified(kClockWidth, QLatin1Char(' '));
}

// What the script wrote to stderr, once RunResult carries it (compiles with and without the field).
template <typename Result>
QString errorOutputOf(const Result& result) {
    if constexpr (requires { result.errorOutput; })
        return QString::fromStdString(result.errorOutput);
    else
        return QString();
}

}  // namespace

ConsoleView::ConsoleView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(theme::codeFont(11));
    setPlaceholderText(tr("Run a script (Ctrl+R) to see what it prints, and when."));
    setMaximumBlockCount(100000);  // a runaway print loop must not eat the memory
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::Text, theme::kText);
    setPalette(p);
}

void ConsoleView::appendLine(const QString& clock, const QString& text, const QColor& color, bool italic) {
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat clockFormat;
    clockFormat.setForeground(theme::kMuted);
    cursor.insertText(clock + QStringLiteral("  "), clockFormat);
    QTextCharFormat textFormat;
    textFormat.setForeground(color);
    textFormat.setFontItalic(italic);
    cursor.insertText(text, textFormat);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConsoleView::appendOutput(double clock, const QString& text) {
    appendLine(clockText(clock), text, theme::kText);
}

void ConsoleView::appendError(const QString& text) {
    const QString blank(kClockWidth, QLatin1Char(' '));
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.isEmpty())
            appendLine(blank, line, theme::kError);
    }
}

void ConsoleView::appendNote(const QString& text) {
    appendLine(QString(kClockWidth, QLatin1Char(' ')), text, theme::kMuted, true);
}

void ConsoleView::appendWarning(const QString& text) {
    appendLine(QString(kClockWidth, QLatin1Char(' ')), text, theme::kWarning);
}

void ConsoleView::appendRun(const run::RunResult& result, const QString& filename, std::string_view source,
                            qint64 wallMs) {
    if (result.syntaxError) {
        const auto& e = *result.syntaxError;
        appendError(QString::fromStdString(run::formatSyntaxError(e, filename.toStdString(), source)));
        return;
    }
    for (const run::OutputLine& line : result.lines)
        appendOutput(line.clock, QString::fromStdString(line.text));
    for (const QString& line : errorOutputOf(result).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        appendWarning(line);
    if (!result.exceptionType.empty()) {
        if (!result.traceback.empty())
            appendError(QString::fromStdString(result.traceback));
        QString last = QString::fromStdString(result.exceptionType);
        if (!result.exceptionMessage.empty())
            last += QStringLiteral(": ") + QString::fromStdString(result.exceptionMessage);
        // The traceback (CPython's) already ends with "Type: message"; print it once.
        if (!QString::fromStdString(result.traceback).trimmed().endsWith(last))
            appendError(last);
    }
    if (result.cut)
        appendWarning(tr("Stopped at the step budget: the program may never end."));
    if (result.hung)
        appendWarning(tr("Hang: the program waits with nothing left that could wake it."));
    appendNote(tr("%1 ended at %2 s of virtual time (%3 ms of real time).")
                   .arg(filename, QString::number(result.endClock, 'f', 3))
                   .arg(wallMs));
}

QStringList ConsoleView::lines() const {
    return toPlainText().split(QLatin1Char('\n'));
}

}  // namespace aw::ui
