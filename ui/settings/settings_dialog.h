#pragma once
// Settings…: theme, playback speed, animation (on/off and its duration) and
// the step budget, in a small form. Every field has a mnemonic (Alt+letter)
// and Tab order follows the form; Enter accepts, Escape cancels.
//
//   if (auto chosen = SettingsDialog::ask(this, settings.preferences()))
//       settings.setPreferences(*chosen), applyPreferences(*chosen);

#include "ui/settings/app_settings.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace aw::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const Preferences& current, QWidget* parent = nullptr);

    // What the form shows now.
    Preferences preferences() const;

    // Runs the dialog; the chosen values when the user pressed OK.
    static std::optional<Preferences> ask(QWidget* parent, const Preferences& current);

private:
    void showValues(const Preferences& values);

    QComboBox* m_theme;
    QComboBox* m_speed;
    QCheckBox* m_animation;
    QSpinBox* m_duration;
    QSpinBox* m_budget;  // in thousands of events
    quint64 m_originalBudget;
};

}  // namespace aw::ui
