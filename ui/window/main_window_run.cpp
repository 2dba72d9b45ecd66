// MainWindow: runs, interventions (Ctrl+C here, cancel a task here, re-run
// after an edit) and showing one step of the run in every view.

#include "ui/main_window.h"

#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/lesson/lesson_text_view.h"
#include "ui/settings/app_settings.h"
#include "ui/stage/stage_view.h"
#include "ui/timeline/timeline_view.h"
#include "ui/transport/playback.h"
#include "ui/transport/step_cursor.h"
#include "ui/window/run_controller.h"

#include <QAction>
#include <QLabel>
#include <QRegularExpression>
#include <QStatusBar>
#include <QToolButton>

namespace aw::ui {

void MainWindow::runScript() {
    // A re-run of the same script (or an edit of it) keeps the step shown, so
    // the effect of an edit can be seen at the same place.
    RunIntent intent;
    if (m_run && m_cursor->hasRun()) {
        intent.landing = RunIntent::Landing::KeepStep;
        intent.step = m_cursor->step();
    }
    startRun(intent);
}

void MainWindow::interruptHere() {
    if (!m_run || !m_cursor->hasRun()) {
        statusBar()->showMessage(tr("Run the script first (Ctrl+R), then step to where Ctrl+C should come"), 6000);
        return;
    }
    runWithInterrupt(m_cursor->clock());
}

void MainWindow::runWithInterrupt(double at) {
    RunIntent intent;
    intent.landing = RunIntent::Landing::Interrupt;
    startRun(intent, at);
}

void MainWindow::cancelTaskHere(uint32_t taskId) {
    if (!m_run || !m_cursor->hasRun())
        return;
    RunIntent intent;
    intent.landing = RunIntent::Landing::CancelTask;
    intent.step = m_cursor->step();
    intent.task = taskId;
    startRun(intent, m_run->request.options.interruptAt, std::make_pair(taskId, m_cursor->step()));
}

void MainWindow::startRun(const RunIntent& intent, std::optional<double> interruptAt,
                          std::optional<std::pair<uint32_t, model::Step>> cancelTask) {
    m_playback->pause();
    m_editor->clearErrors();
    RunRequest request;
    request.source = m_editor->text().toStdString();
    request.filename = scriptName();
    request.options.interruptAt = interruptAt;
    if (cancelTask)
        request.options.cancelTask = run::CancelTaskAt{cancelTask->first, cancelTask->second};
    request.options.stepBudget = m_budgetOverride.value_or(m_settings->stepBudget());
    if (interruptAt)
        statusBar()->showMessage(tr("Running again with Ctrl+C at %1 s…").arg(*interruptAt, 0, 'f', 3));
    else if (cancelTask)
        statusBar()->showMessage(tr("Running again with the task cancelled at step %1…").arg(cancelTask->second));
    m_runs->run(std::move(request), intent);
}

void MainWindow::stopScript() {
    if (!m_runs->isRunning())
        return;
    m_runs->stop();
    statusBar()->showMessage(tr("Run stopped"), 5000);
}

void MainWindow::setRunning(bool running) {
    m_runAction->setEnabled(!running);
    m_interruptAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_stopButton->setVisible(running);
    m_runState->setText(running ? tr("Running…") : tr("Ready"));
}

void MainWindow::onRunFinished(std::shared_ptr<const FinishedRun> run, model::Step landing, const QString& note) {
    m_run = run;
    const run::RunResult& result = run->result;
    // Marks point into the text that ran; if it was edited meanwhile they would point at the wrong place.
    const bool sameText = m_editor->text().toStdString() == run->request.source;
    m_console->showRun(result, run->index.get(), run->request.filename, run->request.source, run->wallMs);
    m_timeline->setRun(run->index);
    m_cursor->setRun(run->index, landing);   // shows the step: stage, editor, console, timeline

    QString message;
    if (result.syntaxError) {
        const auto& e = *result.syntaxError;
        if (sameText)
            m_editor->showError(e.line, e.col, e.endCol, QString::fromStdString(e.type + ": " + e.message));
        message = tr("%1 on line %2").arg(QString::fromStdString(e.type)).arg(e.line);
    } else {
        if (!result.exceptionType.empty()) {
            if (sameText)
                markRuntimeError(*run);
            message = tr("The script ended with %1").arg(QString::fromStdString(result.exceptionType));
        } else if (result.cancelled) {
            message = tr("Stopped: showing the %L1 events recorded").arg(run->index ? run->index->size() : 0);
        } else if (result.cut) {
            message = tr("Cut at the step budget (%L1 events): the program may never end").arg(run->index->size());
        } else if (result.hung) {
            message = tr("The program waits with nothing left that could wake it");
        } else {
            message = tr("Finished: %n line(s) printed", nullptr, int(result.lines.size()));
        }
        if (!note.isEmpty())
            message = note;
        else if (landing == 0 && m_cursor->lastStep() > 0)
            message += tr(" — step with → (by line: Shift+→), play with Space, End for the end");
    }
    statusBar()->showMessage(message, 10000);
    m_runState->setText(result.cut ? tr("Cut") : tr("Ready"));
    m_stage->setFocus();   // the arrows step from here on
    emit runFinished();
}

void MainWindow::showStep(model::Step step, model::Step previous) {
    const auto& index = m_cursor->index();
    if (!index || index->empty()) {
        m_editor->clearPosition();
        m_stage->showState(model::State{}, false);
        m_console->setCurrentStep(0);
        return;
    }
    const model::State state = index->stateAt(step);
    // Animate one step at a time; a jump (the slider, End) lands at once.
    const bool animate = step != previous && (step > previous ? step - previous : previous - step) <= 1 &&
                         !m_playback->isPlaying();
    m_stage->showState(state, animate);
    if (m_run && m_editor->text().toStdString() == m_run->request.source)
        m_editor->showPosition(state);
    else
        m_editor->clearPosition();   // the text changed since: the lines would be wrong
    m_console->setCurrentStep(step);
    m_timeline->setCurrentStep(step);
    // Played (or stepped) to the end: the lesson's answer may be read now.
    if (step == index->lastStep() && step > 0)
        m_lessonText->setAnswerRevealed(true);
}

void MainWindow::markRuntimeError(const FinishedRun& run) {
    // The innermost frame of the script itself: the last `File "<name>", line N` of the traceback.
    static const QRegularExpression frame(QStringLiteral(R"re(File "([^"]*)", line (\d+))re"));
    const run::RunResult& result = run.result;
    int line = 0;
    auto it = frame.globalMatch(QString::fromStdString(result.traceback));
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.captured(1) == run.request.filename)
            line = match.captured(2).toInt();
    }
    if (line < 1 || line > m_editor->lines())
        return;
    const QByteArray text = m_editor->text(line - 1).toUtf8();
    int start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    int end = int(text.size());
    while (end > start && QChar::isSpace(text[end - 1]))
        --end;
    QString message = QString::fromStdString(result.exceptionType);
    if (!result.exceptionMessage.empty())
        message += QStringLiteral(": ") + QString::fromStdString(result.exceptionMessage);
    m_editor->showError(line, start, end, message);
}

}  // namespace aw::ui
