#include "ui/timeline/timeline_view.h"

#include "ui/timeline/timeline_painter.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace aw::ui {

namespace {
const model::TimelineData& emptyData() {
    static const model::TimelineData empty;
    return empty;
}
constexpr double kZoomStep = 1.25;  // one wheel notch or one +/- press
}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent), m_palette(paletteFor(ThemeId::Light)) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(80);
    setAccessibleName(tr("Timeline"));
    setWhatsThis(
        tr("A row per task, the event loop and the top-level code, coloured by what each was doing. "
           "Wheel or +/- to zoom, drag or arrows to pan, Home to see everything, T to switch the axis, "
           "click to go to a step."));
    relayout();
}

void TimelineView::setRun(std::shared_ptr<const model::StateIndex> index) {
    if (!index) {
        m_index.reset();
        m_builder.reset();
        m_fitting = true;
        relayout();
        update();
        return;
    }
    // A new run starts over; the same index grown since the last call is extended.
    if (index != m_index || !m_builder || &index->trace() != m_builderTrace) {
        m_builder = std::make_unique<model::TimelineBuilder>(index->trace());
        m_builderTrace = &index->trace();
        m_fitting = true;
    }
    m_index = std::move(index);
    m_builder->extend(m_index->indexed());
    relayout();
    update();
}

void TimelineView::setCurrentStep(model::Step step) {
    if (step == m_current)
        return;
    m_current = step;
    ensureCursorVisible();
    update();
}

void TimelineView::setPalette(const Palette& palette) {
    m_palette = palette;
    relayout();
    update();
}

void TimelineView::setAxisMode(model::TimelineAxis axis) {
    if (axis == m_coords.axis)
        return;
    m_coords.axis = axis;
    m_fitting = true;  // the old range is in the other axis' units
    relayout();
    ensureCursorVisible();
    update();
}

QSize TimelineView::sizeHint() const {
    return QSize(800, 240);
}

void TimelineView::relayout() {
    const model::TimelineData& data = m_builder ? m_builder->data() : emptyData();
    const TimelineCoords old = m_coords;
    m_coords = timelineCoordsFor(data, old.axis, QRectF(rect()), m_palette);
    if (!m_fitting) {
        m_coords.viewStart = old.viewStart;
        m_coords.viewEnd = old.viewEnd;
    }
    m_coords.firstRow = old.firstRow;
    m_coords.clamp();
}

void TimelineView::ensureCursorVisible() {
    const model::TimelineData* d = data();
    if (!d || m_current >= d->steps)
        return;
    const double u0 = d->axisPos(m_current, m_coords.axis), u1 = d->axisPos(m_current + 1, m_coords.axis);
    if (u1 < m_coords.viewStart || u0 > m_coords.viewEnd) {
        m_coords.showAxis(u1);
        m_fitting = false;
    }
}

void TimelineView::zoomAt(double x, double factor) {
    m_coords.zoomAbout(x, factor);
    m_fitting = m_coords.viewStart <= m_coords.axisMin && m_coords.viewEnd >= m_coords.axisMax;
    update();
}

model::Step TimelineView::stepAt(QPointF pos) const {
    const model::TimelineData* d = data();
    if (!d || d->steps == 0)
        return model::kNoStep;
    if (pos.x() < m_coords.plotLeft || pos.x() > m_coords.plotLeft + m_coords.plotWidth)
        return model::kNoStep;
    return d->stepAtAxis(m_coords.axisAt(pos.x()), m_coords.axis);
}

QString TimelineView::describeAt(QPointF pos) const {
    const model::TimelineData* d = data();
    const model::Step step = stepAt(pos);
    if (!d || step == model::kNoStep)
        return {};
    const int row = m_coords.rowAt(pos.y());
    if (row < 0)
        return {};
    QString text;
    // A marker (printed line, note) under the mouse comes first.
    auto it = std::lower_bound(d->markers.begin(), d->markers.end(), step > 2 ? step - 2 : 0,
                               [](const model::Marker& m, model::Step s) { return m.step < s; });
    for (; it != d->markers.end() && it->step <= step + 2; ++it) {
        if (static_cast<int>(it->row) != row)
            continue;
        const double x = 0.5 * (m_coords.xOf(d->axisPos(it->step, m_coords.axis)) +
                                m_coords.xOf(d->axisPos(it->step + 1, m_coords.axis)));
        if (std::abs(x - pos.x()) > 6 * m_palette.scale)
            continue;
        const QString what = it->kind == model::MarkerKind::Output   ? tr("printed")
                             : it->kind == model::MarkerKind::Note   ? tr("note")
                             : it->kind == model::MarkerKind::Stderr ? tr("stderr")
                                                                     : tr("uncaught");
        text += tr("%1 at step %2, %3 s: %4\n")
                    .arg(what)
                    .arg(it->step)
                    .arg(d->clockAfter(it->step), 0, 'f', 3)
                    .arg(QString::fromUtf8(it->text.data(), static_cast<int>(it->text.size())));
    }
    if (const model::Segment* seg = d->segmentAt(static_cast<uint32_t>(row), step))
        text += QString::fromStdString(d->describe(static_cast<uint32_t>(row), *seg));
    return text.trimmed();
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintTimeline(p, m_builder ? m_builder->data() : emptyData(), m_coords, m_current, QRectF(rect()), m_palette);
    if (hasFocus()) {
        p.setPen(QPen(m_palette.accent, 1));
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void TimelineView::resizeEvent(QResizeEvent*) {
    relayout();
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    const double x = event->position().x();
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+wheel: through the rows (many tasks).
        const int delta = angle.y() != 0 ? angle.y() : angle.x();
        m_coords.scrollRows(-delta / 120.0 * 3);
        update();
    } else if (angle.x() != 0 && std::abs(angle.x()) > std::abs(angle.y())) {
        m_coords.panPixels(angle.x() / 120.0 * 60);
        m_fitting = false;
        update();
    } else if (angle.y() != 0) {
        // Wheel and Ctrl+wheel zoom about the mouse.
        zoomAt(x, std::pow(kZoomStep, angle.y() / 120.0));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressPos = event->position();
    m_dragging = true;
    m_dragMoved = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_dragging)
        return;
    const QPointF delta = event->position() - m_pressPos;
    if (!m_dragMoved && delta.manhattanLength() < 4)
        return;
    m_dragMoved = true;
    setCursor(Qt::ClosedHandCursor);
    m_coords.panPixels(delta.x());
    m_coords.scrollRows(-delta.y() / m_coords.rowHeight);
    m_fitting = false;
    m_pressPos = event->position();
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    unsetCursor();
    if (!m_dragMoved) {
        const model::Step step = stepAt(event->position());
        if (step != model::kNoStep)
            emit stepRequested(step);
    }
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    const double centre = m_coords.plotLeft + m_coords.plotWidth / 2;
    // +/- zoom about the cursor when it is in view, else about the middle.
    double anchor = centre;
    if (const model::TimelineData* d = data(); d && m_current < d->steps) {
        const double x = m_coords.xOf(d->axisPos(m_current + 1, m_coords.axis));
        if (x >= m_coords.plotLeft && x <= m_coords.plotLeft + m_coords.plotWidth)
            anchor = x;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAt(anchor, kZoomStep); return;
    case Qt::Key_Minus: zoomAt(anchor, 1 / kZoomStep); return;
    case Qt::Key_Left:
        m_coords.panPixels(m_coords.plotWidth / 8);
        m_fitting = false;
        update();
        return;
    case Qt::Key_Right:
        m_coords.panPixels(-m_coords.plotWidth / 8);
        m_fitting = false;
        update();
        return;
    case Qt::Key_Up:
        m_coords.scrollRows(-1);
        update();
        return;
    case Qt::Key_Down:
        m_coords.scrollRows(1);
        update();
        return;
    case Qt::Key_PageUp:
        m_coords.scrollRows(-m_coords.plotHeight / m_coords.rowHeight);
        update();
        return;
    case Qt::Key_PageDown:
        m_coords.scrollRows(m_coords.plotHeight / m_coords.rowHeight);
        update();
        return;
    case Qt::Key_Home:
        m_coords.fitAll();
        m_fitting = true;
        update();
        return;
    case Qt::Key_T: {
        const auto next = m_coords.axis == model::TimelineAxis::Hybrid  ? model::TimelineAxis::Steps
                          : m_coords.axis == model::TimelineAxis::Steps ? model::TimelineAxis::Time
                                                                        : model::TimelineAxis::Hybrid;
        setAxisMode(next);
        return;
    }
    default: break;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace aw::ui
