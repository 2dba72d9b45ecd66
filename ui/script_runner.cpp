#include "ui/script_runner.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace aw::ui {

ScriptRunner::ScriptRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<aw::run::RunResult>("aw::run::RunResult");
}

ScriptRunner::~ScriptRunner() = default;

void ScriptRunner::start(std::string source, QString filename, run::RunOptions options) {
    const quint64 generation = ++m_generation;
    m_clock.start();
    setRunning(true);

    auto* watcher = new QFutureWatcher<run::RunResult>(this);
    // The worker gets its own copies: the editor may change while it runs.
    const std::string name = filename.toStdString();
    connect(watcher, &QFutureWatcher<run::RunResult>::finished, this, [this, watcher, generation, filename, source] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // stopped, or replaced by a newer run
        const qint64 wallMs = m_clock.elapsed();
        setRunning(false);
        emit finished(watcher->result(), filename, source, wallMs);
    });
    watcher->setFuture(QtConcurrent::run([source, name, options] {
        // runScript promises not to throw for anything the script does; an
        // engine bug must still end as a message in the console, not a crash.
        try {
            return run::runScript(source, name, options);
        } catch (const std::exception& e) {
            run::RunResult failed;
            failed.exceptionType = "InternalError";
            failed.exceptionMessage = std::string("the engine failed: ") + e.what();
            return failed;
        }
    }));
}

void ScriptRunner::stop() {
    if (!m_running)
        return;
    ++m_generation;
    setRunning(false);
    emit stopped();
}

void ScriptRunner::setRunning(bool running) {
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

}  // namespace aw::ui
