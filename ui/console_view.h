#pragma once
// The console: what the script printed, each line with the virtual clock
// time it was printed at, then how the run ended (an uncaught exception and
// its traceback in red, a cut at the step budget, a hang).

#include <QPlainTextEdit>

#include <string_view>

namespace aw::run {
struct RunResult;
}

namespace aw::ui {

class ConsoleView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ConsoleView(QWidget* parent = nullptr);

    void appendOutput(double clock, const QString& text);  // "  1.500  text"
    void appendError(const QString& text);                 // red, may hold several lines
    void appendNote(const QString& text);                  // grey italics: run started/ended
    void appendWarning(const QString& text);               // amber: cut at the budget, hang

    // A whole finished run: the lines, then the ending. `filename` is the name
    // the run was given (the one its traceback shows), `source` the script run.
    void appendRun(const run::RunResult& result, const QString& filename, std::string_view source, qint64 wallMs);

    QStringList lines() const;

private:
    void appendLine(const QString& clock, const QString& text, const QColor& color, bool italic = false);
};

}  // namespace aw::ui
