#pragma once
// A run of the engine on a worker thread, as the window sees it: start()
// returns at once; while the engine runs, progress() reports the events
// recorded and the clock (a few times a second at most); finished() brings
// the result and a StateIndex over the whole trace, built on the worker too,
// so the GUI thread never folds a big trace. stop() returns within 100 ms
// and the run then finishes as cancelled (with what it recorded so far).
//
// Replaces ScriptRunner (which could not stop the engine).

#include "core/model/state_index.h"
#include "core/run/runner.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>

namespace aw::ui {

struct RunRequest {
    std::string source;
    QString filename;           // as tracebacks show it
    run::RunOptions options;    // interruptAt, cancelTask, stepBudget (cancel/progress are set by RunSession)
};

struct FinishedRun {
    RunRequest request;
    run::RunResult result;
    std::shared_ptr<const model::StateIndex> index;   // null when the script did not compile
    qint64 wallMs = 0;
};

class RunSession : public QObject {
    Q_OBJECT
public:
    explicit RunSession(QObject* parent = nullptr);
    ~RunSession() override;   // stops a run in progress and waits for its thread

    void start(RunRequest request);   // stops any run in progress first
    void stop();
    bool isRunning() const;

signals:
    void started();
    void progress(quint64 events, double clock);
    void finished(std::shared_ptr<const aw::ui::FinishedRun> run);
    void runningChanged(bool running);

private:
    // On this object's thread, when the worker of run `generation` is done.
    void onJobFinished(quint64 generation, std::shared_ptr<const FinishedRun> run);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aw::ui
