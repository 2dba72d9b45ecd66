#pragma once
// Runs and re-runs for the window: a first run, Run (Ctrl+R) after an edit,
// and the interventions (Ctrl+C at the current clock, cancel a task at the
// current step). Every one is a new run on the RunSession's worker; what
// differs is where the view lands in the new run, and that is decided here
// from the new trace (landingStep), so the window only shows it.

#include "core/model/state.h"
#include "ui/engine/run_session.h"

#include <QObject>
#include <QString>

#include <memory>

namespace aw::ui {

struct RunIntent {
    enum class Landing : uint8_t {
        Start,        // step 0: a first run, to be stepped through
        KeepStep,     // the same step number as before, clamped to the new run
        Interrupt,    // the step where the Ctrl+C is delivered (world.ctrl_c)
        CancelTask,   // the step where `task`'s cancellation is requested (task.cancel_req)
    };
    Landing landing = Landing::Start;
    model::Step step = 0;   // KeepStep: the step before; CancelTask: the step it was asked at
    uint32_t task = 0;      // CancelTask: the task
};

// Where a finished run should be shown for `intent`, and a sentence for the
// status bar when the landing is not the obvious one (empty otherwise).
model::Step landingStep(const FinishedRun& run, const RunIntent& intent, QString* note = nullptr);

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);

    void run(RunRequest request, RunIntent intent);
    void stop();
    bool isRunning() const;
    RunSession* session() const { return m_session; }

signals:
    void started();
    void progress(quint64 events, double clock);
    void runningChanged(bool running);
    // `landing` is landingStep(*run, intent); `note` its sentence.
    void finished(std::shared_ptr<const aw::ui::FinishedRun> run, aw::model::Step landing, const QString& note);

private:
    RunSession* m_session;
    RunIntent m_intent;
    RunRequest m_request;   // the last one asked for
};

}  // namespace aw::ui
