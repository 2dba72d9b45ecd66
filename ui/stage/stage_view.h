#pragma once
// The stage widget: shows one State, tweening from the previous one (so
// stepping backward animates too: it is just from -> to). A context menu on a
// task card offers "Cancel this task here"; double-click activates a task.

#include "core/model/state.h"
#include "ui/paint/palette.h"
#include "ui/stage/owned_state.h"
#include "ui/stage/stage_layout.h"

#include <QWidget>

#include <cstdint>

class QVariantAnimation;

namespace aw::ui {

class StageView : public QWidget {
    Q_OBJECT
public:
    explicit StageView(QWidget* parent = nullptr);

    void setPalette(const aw::ui::Palette& palette);
    const aw::ui::Palette& stagePalette() const { return m_palette; }
    // animate: tween from the shown state (ignored when hidden or animation is 0 ms).
    // The view copies the state's text, so the run's Trace may go away afterwards.
    void showState(const model::State& state, bool animate);
    const model::State& state() const { return m_shown.state(); }
    const StageLayout& currentLayout() const { return m_layout; }
    void setAnimationMs(int ms);
    int animationMs() const { return m_animationMs; }
    bool isAnimating() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cancelTaskRequested(uint32_t taskId);
    void taskActivated(uint32_t taskId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;   // tooltips

private:
    void relayout();

    Palette m_palette;
    OwnedState m_shown;
    StageLayout m_layout;       // of the shown state at the widget's size
    StageLayout m_fromLayout;   // what was shown when the animation started
    qreal m_progress = 1.0;
    // Below a minimum size the stage is laid out at that size and drawn
    // scaled down, so a small panel shows everything smaller rather than cut.
    qreal m_fit = 1.0;
    int m_animationMs = 250;
    QVariantAnimation* m_animation = nullptr;
};

}  // namespace aw::ui
