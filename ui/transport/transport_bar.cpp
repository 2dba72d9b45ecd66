#include "ui/transport/transport_bar.h"

#include "ui/settings/app_settings.h"
#include "ui/transport/playback.h"
#include "ui/transport/step_cursor.h"
#include "ui/window/action_text.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>

namespace aw::ui {

TransportBar::TransportBar(StepCursor* cursor, Playback* playback, QWidget* parent)
    : QToolBar(tr("Transport"), parent), m_cursor(cursor), m_playback(playback) {
    setObjectName(QStringLiteral("transportBar"));
    setMovable(false);
    setIconSize(QSize(20, 20));
    setToolButtonStyle(Qt::ToolButtonIconOnly);

    QStyle* s = style();
    m_restart = make(tr("&Restart"), tr("Back to the first step"), {Qt::Key_Home});
    m_restart->setIcon(s->standardIcon(QStyle::SP_MediaSkipBackward));
    m_previousIteration = make(tr("Previous &Iteration"), tr("Back to the previous loop iteration"),
                               {QKeySequence(Qt::CTRL | Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    m_lineBack = make(tr("Previous &Line"), tr("Back to the previous line run"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)});
    m_back = make(tr("Step &Back"), tr("Back one event"), {Qt::Key_Left});
    m_back->setIcon(s->standardIcon(QStyle::SP_MediaSeekBackward));
    m_play = make(tr("&Play"), tr("Play or pause"), {Qt::Key_Space});
    m_play->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    m_forward = make(tr("Step &Forward"), tr("Forward one event"), {Qt::Key_Right});
    m_forward->setIcon(s->standardIcon(QStyle::SP_MediaSeekForward));
    m_lineForward =
        make(tr("&Next Line"), tr("Forward to the next line run"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)});
    m_nextIteration = make(tr("Next I&teration"), tr("Forward to the next loop iteration"),
                           {QKeySequence(Qt::CTRL | Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    m_end = make(tr("&End"), tr("To the last step"), {Qt::Key_End});
    m_end->setIcon(s->standardIcon(QStyle::SP_MediaSkipForward));
    m_slower = make(tr("&Slower"), tr("Play slower"), {QKeySequence(Qt::Key_BracketLeft)});
    m_faster = make(tr("F&aster"), tr("Play faster (past 8×: real time)"), {QKeySequence(Qt::Key_BracketRight)});

    connect(m_restart, &QAction::triggered, m_cursor, &StepCursor::restart);
    connect(m_previousIteration, &QAction::triggered, m_cursor, &StepCursor::previousIteration);
    connect(m_lineBack, &QAction::triggered, m_cursor, &StepCursor::lineBack);
    connect(m_back, &QAction::triggered, m_cursor, &StepCursor::back);
    connect(m_play, &QAction::triggered, m_playback, &Playback::toggle);
    connect(m_forward, &QAction::triggered, m_cursor, &StepCursor::forward);
    connect(m_lineForward, &QAction::triggered, m_cursor, &StepCursor::lineForward);
    connect(m_nextIteration, &QAction::triggered, m_cursor, &StepCursor::nextIteration);
    connect(m_end, &QAction::triggered, m_cursor, &StepCursor::toEnd);
    connect(m_slower, &QAction::triggered, m_playback, &Playback::slower);
    connect(m_faster, &QAction::triggered, m_playback, &Playback::faster);

    // Line and iteration steps are text buttons: there is no universal icon for them.
    m_previousIteration->setIconText(tr("⟨⟨ iter"));
    m_lineBack->setIconText(tr("⟨ line"));
    m_lineForward->setIconText(tr("line ⟩"));
    m_nextIteration->setIconText(tr("iter ⟩⟩"));
    for (QAction* a : {m_restart, m_previousIteration, m_lineBack, m_back, m_play, m_forward, m_lineForward,
                       m_nextIteration, m_end})
        addAction(a);

    m_speedBox = new QComboBox(this);
    m_speedBox->setObjectName(QStringLiteral("speedBox"));
    m_speedBox->setFocusPolicy(Qt::ClickFocus);   // arrows keep stepping, not changing the speed
    for (const PlaybackSpeed& speed : PlaybackSpeed::choices())
        m_speedBox->addItem(speed.label(), speed.toString());
    m_speedBox->setToolTip(tr("Playback speed (%1 slower, %2 faster)")
                               .arg(m_slower->shortcut().toString(QKeySequence::NativeText),
                                    m_faster->shortcut().toString(QKeySequence::NativeText)));
    addWidget(m_speedBox);
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (auto speed = PlaybackSpeed::fromString(m_speedBox->itemData(row).toString()))
            m_playback->setSpeed(*speed);
    });
    addSeparator();

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setFocusPolicy(Qt::ClickFocus);
    m_slider->setMinimumWidth(160);
    m_slider->setToolTip(tr("Every step of the run: drag to move through it"));
    addWidget(m_slider);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) { m_cursor->setStep(model::Step(value)); });

    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setContentsMargins(8, 0, 4, 0);
    m_stepLabel->setToolTip(tr("The step shown, and the run's last step"));
    addWidget(m_stepLabel);
    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("clockLabel"));
    m_clockLabel->setContentsMargins(4, 0, 8, 0);
    m_clockLabel->setToolTip(tr("The virtual clock at this step"));
    QFont clockFont = m_clockLabel->font();
    clockFont.setBold(true);
    m_clockLabel->setFont(clockFont);
    addWidget(m_clockLabel);

    connect(m_cursor, &StepCursor::stepChanged, this, &TransportBar::updatePosition);
    connect(m_cursor, &StepCursor::runChanged, this, &TransportBar::updatePosition);
    connect(m_playback, &Playback::speedChanged, this, &TransportBar::showSpeed);
    connect(m_playback, &Playback::playingChanged, this, [this](bool playing) {
        m_play->setText(playing ? tr("&Pause") : tr("&Play"));
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        showShortcutInTooltip(m_play);
    });
    showSpeed(m_playback->speed());
    updatePosition();
}

QAction* TransportBar::make(const QString& text, const QString& tip, const QList<QKeySequence>& keys) {
    auto* action = new QAction(text, this);
    action->setStatusTip(tip);
    action->setShortcuts(keys);
    showShortcutInTooltip(action);
    return action;
}

QList<QAction*> TransportBar::menuActions() const {
    return {m_play,          m_slower,   m_faster,       nullptr,          m_restart,
            m_back,          m_forward,  m_lineBack,     m_lineForward,    m_previousIteration,
            m_nextIteration, m_end};
}

QString TransportBar::stepText() const {
    if (!m_cursor->hasRun())
        return tr("Step –");
    return tr("Step %1 / %2").arg(m_cursor->step()).arg(m_cursor->lastStep());
}

QString TransportBar::clockText() const {
    return m_cursor->hasRun() ? tr("%1 s").arg(m_cursor->clock(), 0, 'f', 3) : tr("– s");
}

void TransportBar::updatePosition() {
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, int(qMin<model::Step>(m_cursor->lastStep(), INT_MAX)));
        m_slider->setValue(int(qMin<model::Step>(m_cursor->step(), INT_MAX)));
        m_slider->setPageStep(qMax(1, m_slider->maximum() / 20));
    }
    m_stepLabel->setText(stepText());
    m_clockLabel->setText(clockText());
    updateEnabled();
}

void TransportBar::updateEnabled() {
    const bool run = m_cursor->hasRun();
    const bool atStart = !run || m_cursor->step() == 0;
    const bool atEnd = m_cursor->atEnd();
    for (QAction* a : {m_restart, m_back, m_lineBack, m_previousIteration})
        a->setEnabled(!atStart);
    for (QAction* a : {m_forward, m_lineForward, m_nextIteration, m_end})
        a->setEnabled(!atEnd);
    m_play->setEnabled(run);
    m_slider->setEnabled(run);
}

void TransportBar::showSpeed(const PlaybackSpeed& speed) {
    const QSignalBlocker block(m_speedBox);
    const int row = m_speedBox->findData(speed.toString());
    if (row >= 0)
        m_speedBox->setCurrentIndex(row);
}

}  // namespace aw::ui
