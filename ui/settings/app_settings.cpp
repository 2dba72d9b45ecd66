#include "ui/settings/app_settings.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace aw::ui {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kZoomKey = QStringLiteral("view/zoom");
const QString kThemeKey = QStringLiteral("view/theme");
const QString kFileKey = QStringLiteral("session/file");
const QString kLessonKey = QStringLiteral("session/lesson");
const QString kDirKey = QStringLiteral("session/directory");
const QString kSpeedKey = QStringLiteral("playback/speed");
const QString kBudgetKey = QStringLiteral("run/stepBudget");
const QString kAnimationKey = QStringLiteral("animation/enabled");
const QString kAnimationMsKey = QStringLiteral("animation/durationMs");

constexpr std::array<double, 6> kFactors = {0.25, 0.5, 1, 2, 4, 8};
const QString kRealTime = QStringLiteral("real-time");

const Preferences kDefaults;

}  // namespace

QList<PlaybackSpeed> PlaybackSpeed::choices() {
    QList<PlaybackSpeed> all;
    for (double factor : kFactors)
        all.append(times(factor));
    all.append(realTimeSpeed());
    return all;
}

QString PlaybackSpeed::toString() const {
    return realTime ? kRealTime : QString::number(factor);
}

std::optional<PlaybackSpeed> PlaybackSpeed::fromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == kRealTime)
        return realTimeSpeed();
    bool ok = false;
    const double factor = t.toDouble(&ok);
    if (!ok || std::find(kFactors.begin(), kFactors.end(), factor) == kFactors.end())
        return std::nullopt;  // only the listed speeds: the player is tuned for them
    return times(factor);
}

QString PlaybackSpeed::label() const {
    return realTime ? QCoreApplication::translate("PlaybackSpeed", "Real time")
                    : QString::number(factor) + QChar(0x00D7);
}

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(std::unique_ptr<QSettings> settings) : m_settings(std::move(settings)) {}

AppSettings::~AppSettings() = default;

ThemeId AppSettings::theme() const {
    bool ok = false;
    const ThemeId id = themeFromName(m_settings->value(kThemeKey).toString(), &ok);
    return ok ? id : kDefaults.theme;
}

void AppSettings::setTheme(ThemeId theme) {
    m_settings->setValue(kThemeKey, themeName(theme));
}

int AppSettings::zoom() const {
    bool ok = false;
    const int steps = m_settings->value(kZoomKey, 0).toInt(&ok);
    return ok ? std::clamp(steps, kMinZoom, kMaxZoom) : 0;
}

void AppSettings::setZoom(int steps) {
    m_settings->setValue(kZoomKey, std::clamp(steps, kMinZoom, kMaxZoom));
}

PlaybackSpeed AppSettings::playbackSpeed() const {
    return PlaybackSpeed::fromString(m_settings->value(kSpeedKey).toString()).value_or(kDefaults.speed);
}

void AppSettings::setPlaybackSpeed(const PlaybackSpeed& speed) {
    m_settings->setValue(kSpeedKey, speed.toString());
}

QString AppSettings::lastLesson() const {
    return m_settings->value(kLessonKey).toString();
}

void AppSettings::setLastLesson(const QString& folder) {
    m_settings->setValue(kLessonKey, folder);
}

QString AppSettings::lastFile() const {
    return m_settings->value(kFileKey).toString();
}

void AppSettings::setLastFile(const QString& path) {
    m_settings->setValue(kFileKey, path);
}

QString AppSettings::lastDirectory() const {
    return m_settings->value(kDirKey).toString();
}

void AppSettings::setLastDirectory(const QString& path) {
    m_settings->setValue(kDirKey, path);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(kGeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    m_settings->setValue(kGeometryKey, geometry);
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(kStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    m_settings->setValue(kStateKey, state);
}

quint64 AppSettings::stepBudget() const {
    bool ok = false;
    const quint64 budget = m_settings->value(kBudgetKey).toULongLong(&ok);
    return ok ? std::clamp(budget, kMinStepBudget, kMaxStepBudget) : kDefaults.stepBudget;
}

void AppSettings::setStepBudget(quint64 budget) {
    m_settings->setValue(kBudgetKey, std::clamp(budget, kMinStepBudget, kMaxStepBudget));
}

bool AppSettings::animationEnabled() const {
    const QVariant value = m_settings->value(kAnimationKey);
    // INI files give back "true"/"false" strings; anything else is not a choice the user made.
    const QString text = value.toString().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return kDefaults.animationEnabled;
}

void AppSettings::setAnimationEnabled(bool enabled) {
    m_settings->setValue(kAnimationKey, enabled);
}

int AppSettings::animationDurationMs() const {
    bool ok = false;
    const int ms = m_settings->value(kAnimationMsKey).toInt(&ok);
    return ok ? std::clamp(ms, kMinAnimationMs, kMaxAnimationMs) : kDefaults.animationDurationMs;
}

void AppSettings::setAnimationDurationMs(int ms) {
    m_settings->setValue(kAnimationMsKey, std::clamp(ms, kMinAnimationMs, kMaxAnimationMs));
}

Preferences AppSettings::preferences() const {
    return Preferences{theme(), playbackSpeed(), animationEnabled(), animationDurationMs(), stepBudget()};
}

void AppSettings::setPreferences(const Preferences& preferences) {
    setTheme(preferences.theme);
    setPlaybackSpeed(preferences.speed);
    setAnimationEnabled(preferences.animationEnabled);
    setAnimationDurationMs(preferences.animationDurationMs);
    setStepBudget(preferences.stepBudget);
}

bool AppSettings::sync() {
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

}  // namespace aw::ui
