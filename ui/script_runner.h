#pragma once
// Runs a script with the engine on a worker thread, so the window never
// freezes: start() returns at once and finished() arrives on the GUI thread.
//
// The engine has no way to be interrupted mid-run (runScript ends on its own,
// at the latest at the step budget), so stop() abandons the run: the window is
// free again at once and the abandoned result is dropped when it arrives.

#include "core/run/runner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <string>

namespace aw::ui {

class ScriptRunner : public QObject {
    Q_OBJECT
public:
    explicit ScriptRunner(QObject* parent = nullptr);
    ~ScriptRunner() override;

    void start(std::string source, QString filename, run::RunOptions options = {});
    void stop();
    bool isRunning() const { return m_running; }

signals:
    // `source` and `filename` are the ones start() was given.
    void finished(const aw::run::RunResult& result, const QString& filename, const std::string& source, qint64 wallMs);
    void stopped();
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    quint64 m_generation = 0;  // bumped by start/stop; a result from an older run is dropped
    bool m_running = false;
    QElapsedTimer m_clock;
};

}  // namespace aw::ui
