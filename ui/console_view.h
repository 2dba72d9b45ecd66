#pragma once
// The console: what the script printed, each line with the virtual clock
// time it was printed at, then how the run ended (an uncaught exception and
// its traceback in red, a cut at the step budget or by Stop, a hang).
//
// A run is shown up to the step the window shows: lines printed later are
// not there yet (a learner predicts them), and one dim line says how many
// are still to come. Moving the step adds or removes lines at the end only,
// so stepping through a run with a long output stays cheap.

#include "core/model/state.h"
#include "ui/theme.h"

#include <QPlainTextEdit>

#include <string_view>
#include <vector>

namespace aw::run {
struct RunResult;
}
namespace aw::model {
class StateIndex;
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

    // A finished run, shown up to step 0 (setCurrentStep moves on). `index` is
    // null when the script did not compile. `filename` is the name the run was
    // given (the one its traceback shows), `source` the script run.
    void showRun(const run::RunResult& result, const model::StateIndex* index, const QString& filename,
                 std::string_view source, qint64 wallMs);
    void setCurrentStep(model::Step step);
    void clear();

    void applyTheme(const theme::WindowTheme& theme);

    QStringList lines() const;
    int linesToCome() const;   // output lines of the run after the current step

private:
    enum class Kind : uint8_t { Output, Error, Note, Warning };
    struct Entry {
        model::Step step = 0;
        Kind kind = Kind::Output;
        QString clock;   // already right-justified, or blanks
        QString text;
    };
    void add(model::Step step, Kind kind, const QString& clock, const QString& text);
    void addLines(model::Step step, Kind kind, const QString& text);
    void writeEntry(const Entry& entry);
    void writeLine(const QString& clock, const QString& text, const QColor& color, bool italic);
    void truncateToBlocks(int blocks);
    void refresh();

    std::vector<Entry> m_entries;   // in step order; block i of the document shows entry i
    std::size_t m_shown = 0;        // entries written to the document
    bool m_noteShown = false;       // the "N lines to come" line follows them
    model::Step m_step = 0;
    theme::WindowTheme m_theme = theme::windowTheme(ThemeId::Light);
};

}  // namespace aw::ui
