#pragma once
// The timeline widget: a row per task (plus the loop and the top-level code),
// coloured segments by state over "steps" or "virtual time" (see
// core/model/timeline_segments.h for why both), a cursor at the current step.
//
// Input: wheel zooms about the mouse (Ctrl+wheel too; Shift+wheel pans
// vertically), +/- zoom about the cursor, drag or arrow keys pan, Home fits
// everything, T toggles the axis mode. Hover shows a tooltip naming the
// segment; a click asks for its step (stepRequested) so the main window moves
// every view there. Painting is ui/timeline/timeline_painter.h, shared with
// the exporter so the window and a PNG look the same.

#include "core/model/state_index.h"
#include "core/model/timeline_segments.h"
#include "ui/paint/palette.h"
#include "ui/timeline/timeline_coords.h"

#include <QWidget>

#include <memory>

namespace aw::ui {

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    // Shows the run's timeline (built from the index's trace; null clears it).
    // Call again after the index was extended to show the new events.
    void setRun(std::shared_ptr<const model::StateIndex> index);
    void setCurrentStep(model::Step step);
    void setPalette(const Palette& palette);
    void setAxisMode(model::TimelineAxis axis);

    model::Step currentStep() const { return m_current; }
    const TimelineCoords& coords() const { return m_coords; }
    const model::TimelineData* data() const { return m_builder ? &m_builder->data() : nullptr; }
    model::TimelineAxis axisMode() const { return m_coords.axis; }

    // The tooltip text for a widget position ("Task-2 waiting on a timer,
    // 0.000–2.000 s, steps 51–66"), empty if nothing is there. Public for tests.
    QString describeAt(QPointF pos) const;
    // The step a click at `pos` asks for (kNoStep: none).
    model::Step stepAt(QPointF pos) const;

    QSize sizeHint() const override;

signals:
    void stepRequested(model::Step step);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;  // tooltips

private:
    // Recomputes the layout for the widget's size, palette and data, keeping
    // the visible range unless the view still shows everything.
    void relayout();
    void ensureCursorVisible();
    void zoomAt(double x, double factor);

    std::shared_ptr<const model::StateIndex> m_index;
    std::unique_ptr<model::TimelineBuilder> m_builder;  // reads the index's trace, extends as it grows
    const trace::Trace* m_builderTrace = nullptr;
    bool m_fitting = true;  // still showing the whole run: follow it as it grows
    TimelineCoords m_coords;
    Palette m_palette;
    model::Step m_current = 0;
    QPointF m_pressPos;
    bool m_dragging = false;
    bool m_dragMoved = false;
};

}  // namespace aw::ui
