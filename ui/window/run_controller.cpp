#include "ui/window/run_controller.h"

#include <optional>

namespace aw::ui {

namespace {

std::optional<model::Step> findEvent(const trace::Trace& trace, model::Step from, model::Step last,
                                     trace::EventKind kind, std::optional<uint32_t> a = std::nullopt) {
    for (model::Step step = from; step <= last && step < trace.size(); ++step) {
        const trace::Event& e = trace[step];
        if (e.kind == kind && (!a || e.a == *a))
            return step;
    }
    return std::nullopt;
}

bool sameRequest(const RunRequest& a, const RunRequest& b) {
    const auto& ca = a.options.cancelTask;
    const auto& cb = b.options.cancelTask;
    const bool sameCancel = ca.has_value() == cb.has_value() && (!ca || (ca->task == cb->task && ca->step == cb->step));
    return a.source == b.source && a.filename == b.filename && a.options.interruptAt == b.options.interruptAt &&
           sameCancel;
}

}  // namespace

model::Step landingStep(const FinishedRun& run, const RunIntent& intent, QString* note) {
    if (note)
        note->clear();
    if (!run.index || run.index->empty())
        return 0;
    const model::StateIndex& index = *run.index;
    const model::Step last = index.lastStep();
    switch (intent.landing) {
    case RunIntent::Landing::Start:
        return 0;
    case RunIntent::Landing::KeepStep:
        return qMin(intent.step, last);
    case RunIntent::Landing::Interrupt: {
        if (auto step = findEvent(index.trace(), 0, last, trace::EventKind::WorldCtrlC)) {
            if (note)
                *note = QObject::tr("Ctrl+C pressed at %1 s: step forward to see what it does")
                            .arg(index.clockAt(*step), 0, 'f', 3);
            return *step;
        }
        if (note)
            *note = QObject::tr("The program ended before the Ctrl+C: nothing was interrupted");
        return last;
    }
    case RunIntent::Landing::CancelTask: {
        if (auto step = findEvent(index.trace(), qMin(intent.step, last), last, trace::EventKind::TaskCancelReq,
                                  intent.task)) {
            if (note)
                *note = QObject::tr("Cancellation requested: step forward to see the task handle it");
            return *step;
        }
        if (note)
            *note = QObject::tr("The task could not be cancelled there (it had already finished)");
        return qMin(intent.step, last);
    }
    }
    return 0;
}

RunController::RunController(QObject* parent) : QObject(parent), m_session(new RunSession(this)) {
    connect(m_session, &RunSession::started, this, &RunController::started);
    connect(m_session, &RunSession::progress, this, &RunController::progress);
    connect(m_session, &RunSession::runningChanged, this, &RunController::runningChanged);
    connect(m_session, &RunSession::finished, this, [this](std::shared_ptr<const FinishedRun> run) {
        // A run replaced by a newer request may still report; only the last request lands.
        if (!run || !sameRequest(run->request, m_request))
            return;
        QString note;
        const model::Step step = landingStep(*run, m_intent, &note);
        emit finished(run, step, note);
    });
}

void RunController::run(RunRequest request, RunIntent intent) {
    m_intent = intent;
    m_request = request;
    m_session->start(std::move(request));
}

void RunController::stop() {
    m_session->stop();
}

bool RunController::isRunning() const {
    return m_session->isRunning();
}

}  // namespace aw::ui
