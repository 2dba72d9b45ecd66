#include "ui/stage/stage_view.h"

#include "ui/stage/stage_painter.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVariantAnimation>

#include <algorithm>

namespace aw::ui {

namespace {

bool isTaskItem(const StageItem& item) {
    return item.kind == StageItemKind::TaskCard || item.kind == StageItemKind::TaskChip ||
           item.kind == StageItemKind::DoneTask;
}

}  // namespace

StageView::StageView(QWidget* parent) : QWidget(parent), m_palette(paletteFor(ThemeId::Light)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_animation = new QVariantAnimation(this);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    // Linear here: the painter eases, so the window and the GIF export move alike.
    m_animation->setEasingCurve(QEasingCurve::Linear);
    m_animation->setDuration(m_animationMs);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        m_progress = v.toReal();
        update();
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        m_progress = 1.0;
        m_fromLayout = {};
        update();
    });
    relayout();
}

void StageView::setPalette(const aw::ui::Palette& palette) {
    m_palette = palette;
    m_animation->stop();
    m_progress = 1.0;
    relayout();
    update();
}

void StageView::showState(const model::State& state, bool animate) {
    // Restart from what is on screen now, so a quick series of steps never jumps.
    StageLayout shown = isAnimating() ? tweenStageLayouts(m_fromLayout, m_layout, m_progress) : m_layout;
    m_animation->stop();
    m_shown.assign(state);
    relayout();
    if (animate && m_animationMs > 0 && isVisible() && !shown.items.empty()) {
        m_fromLayout = std::move(shown);
        m_progress = 0.0;
        m_animation->setDuration(m_animationMs);
        m_animation->start();
    } else {
        m_progress = 1.0;
        m_fromLayout = {};
    }
    update();
}

void StageView::setAnimationMs(int ms) {
    m_animationMs = std::max(0, ms);
    if (m_animationMs == 0 && isAnimating()) {
        m_animation->stop();
        m_progress = 1.0;
        update();
    }
}

bool StageView::isAnimating() const { return m_animation->state() == QAbstractAnimation::Running && m_progress < 1.0; }

QSize StageView::sizeHint() const { return QSize(960, 600); }
QSize StageView::minimumSizeHint() const { return QSize(480, 320); }

void StageView::relayout() {
    // The size under which labels would have to be cut: grows with the theme's scale (projector).
    const QSizeF minimum(640 * m_palette.scale, 380 * m_palette.scale);
    const QSizeF available(size());
    m_fit = std::min({1.0, available.width() / minimum.width(), available.height() / minimum.height()});
    if (m_fit <= 0) m_fit = 1.0;
    m_layout = layoutStage(m_shown.state(), available / m_fit, m_palette);
}

void StageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF area(rect());
    if (isAnimating())
        paintStageLayoutTransition(p, m_fromLayout, m_layout, m_progress, area, m_palette);
    else
        paintStageLayout(p, m_layout, area, m_palette);
}

void StageView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // A resize is not a step: no tween, the stage simply reflows.
    m_animation->stop();
    m_progress = 1.0;
    m_fromLayout = {};
    relayout();
}

void StageView::contextMenuEvent(QContextMenuEvent* event) {
    const StageItem* item = m_layout.itemAt(QPointF(event->pos()) / m_fit);
    if (!item || !isTaskItem(*item)) {
        QWidget::contextMenuEvent(event);
        return;
    }
    const uint32_t id = item->modelId;
    const bool finishedTask = item->kind == StageItemKind::DoneTask;
    QMenu menu(this);
    QAction* cancel = menu.addAction(tr("Cancel this task here"));
    cancel->setEnabled(!finishedTask);
    cancel->setToolTip(tr("Run again with %1.cancel() called at this step").arg(item->label));
    QAction* show = menu.addAction(tr("Show its line"));
    // Signals, not exec()'s return value: an action triggered any way (keyboard, accessibility) counts.
    connect(cancel, &QAction::triggered, this, [this, id] { emit cancelTaskRequested(id); });
    connect(show, &QAction::triggered, this, [this, id] { emit taskActivated(id); });
    menu.exec(event->globalPos());
}

void StageView::mouseDoubleClickEvent(QMouseEvent* event) {
    const StageItem* item = m_layout.itemAt(event->position() / m_fit);
    if (item && isTaskItem(*item)) {
        emit taskActivated(item->modelId);
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

bool StageView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const StageItem* item = m_layout.itemAt(QPointF(help->pos()) / m_fit);
        if (item && !item->tooltip.isEmpty())
            QToolTip::showText(help->globalPos(), item->tooltip, this,
                               QRectF(item->rect.topLeft() * m_fit, item->rect.size() * m_fit).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace aw::ui
