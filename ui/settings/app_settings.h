#pragma once
// The window's settings, typed: a thin wrapper over QSettings (Qt's usual
// place: organisation "Awaitscope", application "awaitscope"), so every part
// of the UI reads the same keys with the same defaults and ranges. A value
// that is missing, of the wrong type or out of range reads as its default
// (or clamped), never as garbage.
//
// Keys (the first five are the ones MainWindow already used):
//   window/geometry, window/state     QByteArray from saveGeometry/saveState
//   view/zoom                         int, points added to every font
//   session/file, session/lesson      the last script file / lesson folder
//   session/directory                 the folder of the last open/save dialog
//   view/theme                        "light" | "dark" | "projector"
//   playback/speed                    "0.25" "0.5" "1" "2" "4" "8" | "real-time"
//   run/stepBudget                    trace events before a run is cut
//   animation/enabled, animation/durationMs

#include "ui/paint/palette.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>

#include <memory>
#include <optional>

namespace aw::ui {

// How fast "play" steps through a run: a multiple of the normal pace (one
// of 0.25, 0.5, 1, 2, 4, 8), or real time: the virtual clock advances as fast
// as a wall clock (a 2-second sleep takes 2 seconds to play).
struct PlaybackSpeed {
    bool realTime = false;
    double factor = 1.0;  // meaningful when !realTime

    static PlaybackSpeed times(double factor) { return {false, factor}; }
    static PlaybackSpeed realTimeSpeed() { return {true, 1.0}; }

    // Every choice, slowest first, real time last (what menus and the dialog list).
    static QList<PlaybackSpeed> choices();
    // "0.25", "1", "8", "real-time"; fromString(toString()) round-trips.
    QString toString() const;
    static std::optional<PlaybackSpeed> fromString(const QString& text);
    // For people: "0.25×", "1×", "Real time".
    QString label() const;

    bool operator==(const PlaybackSpeed& other) const {
        return realTime == other.realTime && (realTime || factor == other.factor);
    }
};

// What the Settings dialog edits.
struct Preferences {
    ThemeId theme = ThemeId::Light;
    PlaybackSpeed speed;
    bool animationEnabled = true;
    int animationDurationMs = 250;
    quint64 stepBudget = 5'000'000;  // run::RunOptions' default

    bool operator==(const Preferences& other) const = default;
};

class AppSettings {
public:
    static constexpr int kMinZoom = -4;
    static constexpr int kMaxZoom = 24;
    static constexpr int kMinAnimationMs = 50;
    static constexpr int kMaxAnimationMs = 2000;
    static constexpr quint64 kMinStepBudget = 10'000;
    static constexpr quint64 kMaxStepBudget = 1'000'000'000;

    // Over the application's QSettings().
    AppSettings();
    // Over a given settings store (tests: an INI file in a temporary folder).
    explicit AppSettings(std::unique_ptr<QSettings> settings);
    ~AppSettings();

    ThemeId theme() const;
    void setTheme(ThemeId theme);

    int zoom() const;  // clamped to [kMinZoom, kMaxZoom]
    void setZoom(int steps);

    PlaybackSpeed playbackSpeed() const;
    void setPlaybackSpeed(const PlaybackSpeed& speed);

    QString lastLesson() const;  // folder name, "" when none
    void setLastLesson(const QString& folder);
    QString lastFile() const;  // absolute path, "" when none
    void setLastFile(const QString& path);
    QString lastDirectory() const;  // "" when none
    void setLastDirectory(const QString& path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    quint64 stepBudget() const;  // clamped to [kMinStepBudget, kMaxStepBudget]
    void setStepBudget(quint64 budget);

    bool animationEnabled() const;
    void setAnimationEnabled(bool enabled);
    int animationDurationMs() const;  // clamped to [kMinAnimationMs, kMaxAnimationMs]
    void setAnimationDurationMs(int ms);

    Preferences preferences() const;
    void setPreferences(const Preferences& preferences);

    // Writes pending changes to disk; returns false when the store cannot be written.
    bool sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace aw::ui
