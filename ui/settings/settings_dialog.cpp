#include "ui/settings/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aw::ui {

namespace {

// The budget is edited in thousands of events: 5,000 rather than 5,000,000.
constexpr quint64 kBudgetUnit = 1000;

}  // namespace

SettingsDialog::SettingsDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent),
      m_theme(new QComboBox(this)),
      m_speed(new QComboBox(this)),
      m_animation(new QCheckBox(tr("&Animate changes between steps"), this)),
      m_duration(new QSpinBox(this)),
      m_budget(new QSpinBox(this)),
      m_originalBudget(current.stepBudget) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::Projector}) {
        const QString label = id == ThemeId::Light  ? tr("Light")
                              : id == ThemeId::Dark ? tr("Dark")
                                                    : tr("Projector (large, high contrast)");
        m_theme->addItem(label, themeName(id));
    }
    m_theme->setCurrentIndex(m_theme->findData(themeName(current.theme)));

    const QList<PlaybackSpeed> speeds = PlaybackSpeed::choices();
    for (const PlaybackSpeed& speed : speeds)
        m_speed->addItem(speed.label(), speed.toString());
    const int speedIndex = m_speed->findData(current.speed.toString());
    m_speed->setCurrentIndex(speedIndex >= 0 ? speedIndex : m_speed->findData(PlaybackSpeed().toString()));
    m_speed->setToolTip(tr("How fast Play steps through a run; Real time plays the virtual clock at wall-clock pace"));

    m_animation->setChecked(current.animationEnabled);
    m_duration->setRange(AppSettings::kMinAnimationMs, AppSettings::kMaxAnimationMs);
    m_duration->setSingleStep(50);
    m_duration->setSuffix(tr(" ms"));
    m_duration->setValue(current.animationDurationMs);
    m_duration->setEnabled(current.animationEnabled);
    connect(m_animation, &QCheckBox::toggled, m_duration, &QWidget::setEnabled);

    m_budget->setRange(int(AppSettings::kMinStepBudget / kBudgetUnit), int(AppSettings::kMaxStepBudget / kBudgetUnit));
    m_budget->setSingleStep(1000);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setSuffix(tr(" thousand events"));
    m_budget->setValue(int((current.stepBudget + kBudgetUnit / 2) / kBudgetUnit));
    m_budget->setToolTip(
        tr("A run that records more trace events than this is stopped: "
           "a program that never ends cannot hang the window"));

    auto* form = new QFormLayout;
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);  // Alt+letter of the label focuses the field
        form->addRow(label, field);
    };
    addRow(tr("&Theme:"), m_theme);
    addRow(tr("Playback &speed:"), m_speed);
    form->addRow(QString(), m_animation);
    addRow(tr("Animation &duration:"), m_duration);
    addRow(tr("Step &budget:"), m_budget);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* defaults = buttons->addButton(QDialogButtonBox::RestoreDefaults);
    defaults->setText(tr("&Restore Defaults"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(defaults, &QPushButton::clicked, this, [this] { showValues(Preferences{}); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    setTabOrder(m_theme, m_speed);
    setTabOrder(m_speed, m_animation);
    setTabOrder(m_animation, m_duration);
    setTabOrder(m_duration, m_budget);
    m_theme->setFocus();
}

void SettingsDialog::showValues(const Preferences& values) {
    m_theme->setCurrentIndex(m_theme->findData(themeName(values.theme)));
    m_speed->setCurrentIndex(m_speed->findData(values.speed.toString()));
    m_animation->setChecked(values.animationEnabled);
    m_duration->setValue(values.animationDurationMs);
    m_budget->setValue(int((values.stepBudget + kBudgetUnit / 2) / kBudgetUnit));
    m_originalBudget = values.stepBudget;
}

Preferences SettingsDialog::preferences() const {
    Preferences p;
    p.theme = themeFromName(m_theme->currentData().toString());
    p.speed = PlaybackSpeed::fromString(m_speed->currentData().toString()).value_or(PlaybackSpeed());
    p.animationEnabled = m_animation->isChecked();
    p.animationDurationMs = m_duration->value();
    // An untouched field keeps a budget that is not a whole number of thousands.
    const quint64 shown = quint64(m_budget->value()) * kBudgetUnit;
    p.stepBudget = (m_originalBudget + kBudgetUnit / 2) / kBudgetUnit * kBudgetUnit == shown ? m_originalBudget : shown;
    return p;
}

std::optional<Preferences> SettingsDialog::ask(QWidget* parent, const Preferences& current) {
    SettingsDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.preferences();
}

}  // namespace aw::ui
