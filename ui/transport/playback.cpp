#include "ui/transport/playback.h"

#include "core/model/step_queries.h"
#include "ui/transport/step_cursor.h"

#include <cmath>

namespace aw::ui {

Playback::Playback(StepCursor* cursor, QObject* parent) : QObject(parent), m_cursor(cursor) {
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Playback::tick);
    // A new run stops playback: it would otherwise race through a run nobody started.
    connect(m_cursor, &StepCursor::runChanged, this, &Playback::pause);
}

int Playback::tickMs() const {
    if (m_speed.realTime)
        return kRealTimeTickMs;
    return qMax(1, int(std::lround(1000.0 / (kStepsPerSecond * m_speed.factor))));
}

void Playback::setSpeed(const PlaybackSpeed& speed) {
    if (speed == m_speed)
        return;
    m_speed = speed;
    if (isPlaying()) {
        m_timer.setInterval(tickMs());
        anchorRealTime();
    }
    emit speedChanged(m_speed);
}

void Playback::faster() {
    const QList<PlaybackSpeed> choices = PlaybackSpeed::choices();
    const qsizetype at = choices.indexOf(m_speed);
    if (at >= 0 && at + 1 < choices.size())
        setSpeed(choices[at + 1]);
}

void Playback::slower() {
    const QList<PlaybackSpeed> choices = PlaybackSpeed::choices();
    const qsizetype at = choices.indexOf(m_speed);
    if (at > 0)
        setSpeed(choices[at - 1]);
}

void Playback::play() {
    if (isPlaying() || !m_cursor->hasRun())
        return;
    if (m_cursor->atEnd())
        m_cursor->restart();
    anchorRealTime();
    m_timer.start(tickMs());
    emit playingChanged(true);
}

void Playback::pause() {
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void Playback::toggle() {
    isPlaying() ? pause() : play();
}

void Playback::anchorRealTime() {
    m_wall.start();
    m_anchorClock = m_cursor->clock();
    m_lastStep = m_cursor->step();
}

void Playback::tick() {
    if (!m_cursor->hasRun() || m_cursor->atEnd()) {
        pause();
        return;
    }
    if (!m_speed.realTime) {
        m_cursor->forward();
    } else {
        if (m_cursor->step() != m_lastStep)
            anchorRealTime();   // the user moved meanwhile: play on from there
        const double target = m_anchorClock + double(m_wall.elapsed()) / 1000.0;
        const model::Step step = model::StepQueries(*m_cursor->index()).stepAtTime(target);
        if (step > m_cursor->step())
            m_cursor->setStep(step);
        m_lastStep = m_cursor->step();
    }
    if (m_cursor->atEnd())
        pause();
}

}  // namespace aw::ui
