#pragma once
// Play/pause over a StepCursor. At a multiple of the normal pace it moves one
// event per tick (kStepsPerSecond events a second at 1×); in real time it
// moves to the last step whose virtual clock has been reached, so a virtual
// second plays as a wall second and everything that takes no virtual time
// happens at once, as it would for a real program. Reaching the end pauses;
// playing at the end starts again from step 0.

#include "ui/settings/app_settings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace aw::ui {

class StepCursor;

class Playback : public QObject {
    Q_OBJECT
public:
    static constexpr double kStepsPerSecond = 4.0;   // at 1×
    static constexpr int kRealTimeTickMs = 30;

    explicit Playback(StepCursor* cursor, QObject* parent = nullptr);

    bool isPlaying() const { return m_timer.isActive(); }
    PlaybackSpeed speed() const { return m_speed; }
    void setSpeed(const PlaybackSpeed& speed);
    void faster();   // the next choice of PlaybackSpeed::choices()
    void slower();

    // The wait between two ticks at the current speed (tests).
    int tickMs() const;

public slots:
    void play();
    void pause();
    void toggle();

signals:
    void playingChanged(bool playing);
    void speedChanged(const aw::ui::PlaybackSpeed& speed);

private:
    void tick();
    void anchorRealTime();

    StepCursor* m_cursor;
    QTimer m_timer;
    PlaybackSpeed m_speed;
    QElapsedTimer m_wall;        // real time: wall time since the anchor
    double m_anchorClock = 0.0;  //   ... and the virtual clock at the anchor
    quint64 m_lastStep = 0;      // the step this object moved to last (a user's move re-anchors)
};

}  // namespace aw::ui
