#include "ui/timeline/timeline_painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include <algorithm>
#include <array>
#include <cmath>

namespace aw::ui {

using model::SegmentState;
using model::Step;
using model::TimelineAxis;

namespace {

constexpr qreal kPlotMargin = 8;
constexpr std::size_t kSegmentStates = static_cast<std::size_t>(SegmentState::Failed) +
                                       1;  // keeps the first and last segments' edges and the cursor off the borders

// Which state a merged pixel column shows when several segments share it:
// the one a learner should notice (running, blocking, failing) over the rest.
int priority(SegmentState s) {
    switch (s) {
    case SegmentState::Running: return 10;
    case SegmentState::Blocked: return 9;
    case SegmentState::Failed: return 8;
    case SegmentState::Cancelled: return 7;
    case SegmentState::Ready: return 6;
    case SegmentState::WaitSocket: return 5;
    case SegmentState::WaitTimer: return 4;
    case SegmentState::WaitSync: return 4;
    case SegmentState::WaitTask: return 3;
    case SegmentState::WaitFuture: return 3;
    case SegmentState::Done: return 1;
    case SegmentState::Idle: return 0;
    }
    return 0;
}

// 1, 2, 5 x 10^n, at least `raw`.
double niceStep(double raw) {
    if (!(raw > 0))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}

QColor textOn(const QColor& fill) {
    return fill.lightnessF() > 0.6 ? QColor(0x1f2328) : QColor(0xffffff);
}

// "0 s", "1.5 s", "2.125 s": no trailing zeros, milliseconds at most.
QString clockText(double t) {
    return QString::number(std::round(t * 1000) / 1000, 'g', 9) + QStringLiteral(" s");
}

// How tall the bar of a state is, as a fraction of the row: finished and idle
// rows fade into thin lines so the living part of the run stands out.
qreal barFraction(model::RowKind kind, SegmentState s) {
    // The loop between two callbacks is turning, not doing work: a thin line.
    if (kind == model::RowKind::Loop && s == SegmentState::Ready)
        return 0.2;
    switch (s) {
    case SegmentState::Done:
    case SegmentState::Cancelled:
    case SegmentState::Failed: return 0.28;
    case SegmentState::Idle: return 0.12;
    default: return 0.72;
    }
}

// The words in a bar: the loop and the top level say what they do in their own terms.
QString barWords(model::RowKind kind, SegmentState s) {
    if (kind == model::RowKind::Loop) {
        switch (s) {
        case SegmentState::Running: return QStringLiteral("running a callback");
        case SegmentState::WaitTimer: return QStringLiteral("sleeping until the next timer");
        case SegmentState::WaitSocket: return QStringLiteral("waiting for the network");
        case SegmentState::WaitFuture: return QStringLiteral("nothing scheduled");
        case SegmentState::Ready: return {};
        default: break;
        }
    } else if (kind == model::RowKind::TopLevel) {
        if (s == SegmentState::WaitFuture)
            return QStringLiteral("inside the event loop (run_until_complete)");
        if (s == SegmentState::Running)
            return QStringLiteral("running");
    }
    const std::string_view words = model::toString(s);
    return QString::fromUtf8(words.data(), static_cast<int>(words.size()));
}

struct Painting {
    QPainter& p;
    const model::TimelineData& data;
    const TimelineCoords& c;
    const Palette& pal;
    TimelineMetrics m;
    QRectF plot;
    Step upTo;
    Step visibleFrom = 0, visibleTo = 0;  // step slots that may be visible [from, to)

    double xOfStep(Step s) const { return c.xOf(data.axisPos(s, c.axis)); }

    void rowBands(int first, int last) {
        for (int r = first; r <= last; ++r) {
            const QRectF band(plot.left(), c.yOfRow(r), plot.width(), c.rowHeight);
            if (r % 2 == 1)
                p.fillRect(band, pal.panel);
        }
    }

    // Shade the slots where virtual time passes along the ruler's clock line,
    // so "time goes by here" reads at a glance (the ruler paints over the plot's top).
    void clockJumps() {
        if (c.axis == TimelineAxis::Steps)
            return;
        QColor shade = pal.grid;
        auto it = std::lower_bound(data.clockChanges.begin(), data.clockChanges.end(), visibleFrom,
                                   [](const model::ClockChange& ch, Step s) { return ch.step < s; });
        double lastRight = -1e9;
        for (; it != data.clockChanges.end() && it->step < visibleTo; ++it) {
            const double x0 = std::max(plot.left(), xOfStep(it->step));
            const double x1 = std::min(plot.right(), xOfStep(it->step + 1));
            if (x1 - x0 < 2 || x1 <= lastRight)
                continue;
            p.fillRect(QRectF(x0, plot.top() - m.rulerHeight, x1 - x0, m.rulerHeight / 2), shade);
            lastRight = x1;
        }
    }

    // The state names written inside wide bars, laid out once per paint
    // (QStaticText: hundreds of bars must not each lay out their text).
    static constexpr std::size_t kKinds = 3;  // RowKind values
    std::array<QStaticText, kKinds * kSegmentStates> stateLabels;
    std::array<bool, kKinds * kSegmentStates> labelReady{};

    const QStaticText& label(model::RowKind kind, SegmentState state) {
        const auto i = static_cast<std::size_t>(kind) * kSegmentStates + static_cast<std::size_t>(state);
        if (!labelReady[i]) {
            stateLabels[i].setText(barWords(kind, state));
            stateLabels[i].setTextFormat(Qt::PlainText);
            stateLabels[i].prepare(QTransform(), p.font());
            labelReady[i] = true;
        }
        return stateLabels[i];
    }

    void segmentBar(double x0, double x1, double y, model::RowKind kind, SegmentState state, bool withLabel) {
        const qreal frac = barFraction(kind, state);
        const qreal h = c.rowHeight * frac;
        const QRectF r(x0, y + (c.rowHeight - h) / 2, std::max(1.0, x1 - x0), h);
        const QColor fill =
            kind == model::RowKind::Loop && state == SegmentState::Ready ? pal.muted : segmentColor(state, pal);
        p.fillRect(r, fill);
        if (withLabel && frac > 0.5 && r.width() > 40) {
            const QStaticText& text = label(kind, state);
            const QSizeF size = text.size();
            if (!text.text().isEmpty() && size.width() + 8 <= r.width() && size.height() <= r.height() + 4) {
                p.setPen(textOn(fill));
                p.drawStaticText(QPointF(r.left() + 4, r.center().y() - size.height() / 2), text);
            }
        }
    }

    void row(int r) {
        const auto& segs = data.rows[r].segments;
        if (segs.empty())
            return;
        const model::RowKind kind = data.rows[r].kind;
        const double y = c.yOfRow(r);
        const Step limit = std::min(upTo == model::kNoStep ? data.steps : upTo + 1, data.steps);
        // The first segment that reaches into the visible slots.
        auto it = std::upper_bound(segs.begin(), segs.end(), visibleFrom,
                                   [](Step s, const model::Segment& g) { return s < g.start; });
        if (it != segs.begin())
            --it;
        const auto end = segs.end();
        while (it != end && it->start < std::min(visibleTo, limit)) {
            const Step segEnd = std::min(data.endOf(*it), limit);
            double x0 = xOfStep(it->start), x1 = xOfStep(segEnd);
            if (x1 <= plot.left()) {
                ++it;
                continue;
            }
            x0 = std::max(x0, plot.left());
            x1 = std::min(x1, plot.right());
            if (x1 - x0 >= 1.0) {
                segmentBar(x0, x1, y, kind, it->state, true);
                ++it;
                continue;
            }
            // Sub-pixel: this pixel column shows the most telling of the
            // segments starting in it (looking at a few), then skip past it.
            const double px = std::floor(x0);
            SegmentState best = it->state;
            auto look = it;
            for (int n = 0; look != end && n < 16 && look->start < limit; ++n, ++look) {
                if (xOfStep(look->start) >= px + 1)
                    break;
                if (priority(look->state) > priority(best))
                    best = look->state;
            }
            segmentBar(px, px + 1, y, kind, best, false);
            // The segment covering the slot at the next pixel carries on from there.
            const Step next = data.stepAtAxis(c.axisAt(px + 1), c.axis);
            auto skip = std::upper_bound(it, end, next, [](Step s, const model::Segment& g) { return s < g.start; });
            if (skip != segs.begin())
                --skip;
            it = (skip <= it) ? std::next(it) : skip;
        }
    }

    void markers(int first, int last) {
        auto it = std::lower_bound(data.markers.begin(), data.markers.end(), visibleFrom,
                                   [](const model::Marker& m, Step s) { return m.step < s; });
        std::vector<double> lastX(static_cast<std::size_t>(last - first + 1), -1e9);
        const qreal size = 4.5 * pal.scale;
        p.setRenderHint(QPainter::Antialiasing, true);
        for (; it != data.markers.end() && it->step < visibleTo; ++it) {
            if (upTo != model::kNoStep && it->step > upTo)
                break;
            const int r = static_cast<int>(it->row);
            if (r < first || r > last)
                continue;
            const double x = 0.5 * (xOfStep(it->step) + xOfStep(it->step + 1));
            if (x < plot.left() || x > plot.right())
                continue;
            double& previous = lastX[static_cast<std::size_t>(r - first)];
            if (x - previous < size * 1.5)
                continue;
            previous = x;
            const double y = c.yOfRow(r) + 1;
            QPainterPath tri;
            tri.moveTo(x - size, y);
            tri.lineTo(x + size, y);
            tri.lineTo(x, y + size * 1.6);
            tri.closeSubpath();
            QColor color = pal.text;
            if (it->kind == model::MarkerKind::Note)
                color = pal.warning;
            if (it->kind != model::MarkerKind::Output && it->kind != model::MarkerKind::Note)
                color = pal.error;
            p.setPen(QPen(pal.background, 1));
            p.setBrush(color);
            p.drawPath(tri);
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }

    // Text at a baseline (drawText(QPointF, ...)) rather than aligned in a
    // rectangle: the rectangle form lays out through QTextLayout, which costs
    // more than all the bars of a frame together.
    static qreal baseline(const QFontMetricsF& fm, qreal top, qreal height) {
        return top + (height + fm.ascent() - fm.descent()) / 2;
    }

    void labels(int first, int last, const QRectF& area) {
        const QRectF column(area.left(), plot.top(), m.labelWidth, plot.height());
        p.fillRect(column, pal.panel);
        p.setPen(QPen(pal.panelBorder, pal.lineWidth));
        p.drawLine(QPointF(column.right(), area.top()), QPointF(column.right(), area.bottom()));
        const QFontMetricsF fm(pal.font);
        QFont small = pal.font;
        small.setBold(false);
        small.setPointSizeF(pal.font.pointSizeF() * 0.85);
        const QFontMetricsF smallFm(small);
        const qreal pad = 6 * pal.scale;
        for (int r = first; r <= last; ++r) {
            const auto& row = data.rows[r];
            const double y = c.yOfRow(r);
            if (y + c.rowHeight < plot.top() || y > plot.bottom())
                continue;
            qreal left = column.left() + pad;
            const qreal right = column.right() - pad;
            QColor nameColor = pal.text;
            if (row.kind == model::RowKind::Task) {
                const qreal s = std::min<qreal>(10 * pal.scale, c.rowHeight - 4);
                p.fillRect(QRectF(left, y + (c.rowHeight - s) / 2, s, s), pal.taskColor(row.colorIndex));
                left += s + pad * 0.7;
            } else {
                nameColor = pal.muted;
            }
            QString name = QString::fromStdString(row.name);
            qreal width = fm.horizontalAdvance(name);
            if (width > right - left) {
                name = fm.elidedText(name, Qt::ElideRight, right - left);
                width = fm.horizontalAdvance(name);
            }
            p.setFont(pal.font);
            p.setPen(nameColor);
            p.drawText(QPointF(left, baseline(fm, y, c.rowHeight)), name);
            const qreal rest = right - (left + width + pad);
            if (!row.coro.empty() && rest > 24) {
                QString coro = QString::fromUtf8(row.coro.data(), static_cast<int>(row.coro.size()));
                if (smallFm.horizontalAdvance(coro) > rest)
                    coro = smallFm.elidedText(coro, Qt::ElideRight, rest);
                p.setFont(small);
                p.setPen(pal.muted);
                p.drawText(QPointF(left + width + pad, baseline(smallFm, y, c.rowHeight)), coro);
            }
        }
        p.setFont(pal.font);
    }

    void ruler(const QRectF& area) {
        const QRectF band(plot.left(), area.top(), plot.width(), m.rulerHeight);
        p.fillRect(QRectF(area.left(), area.top(), area.width(), m.rulerHeight), pal.panel);
        p.setPen(QPen(pal.panelBorder, pal.lineWidth));
        p.drawLine(QPointF(area.left(), band.bottom()), QPointF(area.right(), band.bottom()));
        p.save();
        p.setClipRect(band);
        clockJumps();
        p.restore();
        QFont small = pal.font;
        small.setBold(false);
        small.setPointSizeF(pal.font.pointSizeF() * 0.85);
        p.setFont(small);
        const QFontMetricsF fm(small);
        const qreal half = m.rulerHeight / 2;
        const QRectF timeLine(band.left(), band.top(), band.width(), half);
        const QRectF stepLine(band.left(), band.top() + half, band.width(), half);
        p.setPen(pal.muted);
        p.drawText(QRectF(area.left() + 6 * pal.scale, timeLine.top(), m.labelWidth, half),
                   Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("virtual time"));
        if (c.axis != TimelineAxis::Time)
            p.drawText(QRectF(area.left() + 6 * pal.scale, stepLine.top(), m.labelWidth, half),
                       Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("step"));

        auto tick = [&](double x, const QRectF& line, const QString& text, const QColor& color) {
            const qreal width = fm.horizontalAdvance(text);
            if (x + 3 + width > band.right())
                return x;  // would be cut at the edge: leave it out
            p.setPen(QPen(pal.grid.darker(115), 1));
            p.drawLine(QPointF(x, line.bottom() - 4 * pal.scale), QPointF(x, line.bottom()));
            p.setPen(color);
            p.drawText(QPointF(x + 3, baseline(fm, line.top(), line.height())), text);
            return x + width + 10;
        };

        if (c.axis == TimelineAxis::Time) {
            const double step = niceStep(c.span() / std::max(1.0, plot.width() / 90));
            for (double t = std::ceil(c.viewStart / step) * step; t <= c.viewEnd; t += step)
                tick(c.xOf(t), timeLine, clockText(t), pal.text);
            return;
        }
        // Steps: nice multiples, spaced by the mapping (uneven on the hybrid axis).
        const double visibleSteps = std::max<double>(1, double(visibleTo - visibleFrom));
        const double every = niceStep(visibleSteps / std::max(1.0, plot.width() / 70));
        double freeX = -1e9;
        for (double s = std::ceil(double(visibleFrom) / every) * every; s < double(visibleTo); s += every) {
            const double x = xOfStep(static_cast<Step>(s));
            if (x < plot.left() || x > plot.right() - 20 || x < freeX)
                continue;
            freeX = tick(x, stepLine, QString::number(static_cast<qulonglong>(s)), pal.muted);
        }
        // Clock: its value at the start and wherever it changes.
        freeX = -1e9;
        freeX = tick(std::max(plot.left(), xOfStep(visibleFrom)), timeLine, clockText(data.clockBefore(visibleFrom)),
                     pal.text);
        auto it = std::lower_bound(data.clockChanges.begin(), data.clockChanges.end(), visibleFrom,
                                   [](const model::ClockChange& ch, Step s) { return ch.step < s; });
        for (; it != data.clockChanges.end() && it->step < visibleTo; ++it) {
            const double x = xOfStep(it->step + 1);
            if (x < plot.left() || x > plot.right() - 20 || x < freeX)
                continue;
            freeX = tick(x, timeLine, clockText(it->after), pal.text);
        }
    }

    void cursor(Step step) {
        if (step == model::kNoStep || step >= data.steps)
            return;
        const double x0 = xOfStep(step), x1 = xOfStep(step + 1);
        if (x1 < plot.left() || x0 > plot.right())
            return;
        QColor band = pal.accent;
        band.setAlphaF(0.18);
        const double w = std::max(2.0, x1 - x0);
        p.fillRect(QRectF(std::max(plot.left(), x0 + (x1 - x0) / 2 - w / 2), plot.top(), w, plot.height()), band);
        p.setPen(QPen(pal.accent, 1.5 * pal.lineWidth));
        const double x = std::clamp(x1, plot.left(), plot.right());
        p.drawLine(QPointF(x, plot.top() - m.rulerHeight / 2), QPointF(x, plot.bottom()));
    }
};

}  // namespace

QColor segmentColor(SegmentState state, const Palette& palette) {
    switch (state) {
    case SegmentState::Running: return palette.running;
    case SegmentState::Ready: return palette.ready;
    case SegmentState::WaitTimer: return palette.waitTimer;
    case SegmentState::WaitSocket: return palette.waitSocket;
    case SegmentState::WaitFuture: return palette.waitFuture;
    case SegmentState::WaitTask:
        return palette.id == ThemeId::Dark ? palette.waitFuture.lighter(140) : palette.waitFuture.darker(130);
    case SegmentState::WaitSync: return palette.waitSync;
    case SegmentState::Blocked: return palette.blocked;
    case SegmentState::Idle: return palette.muted;
    case SegmentState::Done: return palette.done;
    case SegmentState::Cancelled: return palette.cancelled;
    case SegmentState::Failed: return palette.failed;
    }
    return palette.muted;
}

TimelineMetrics timelineMetrics(const model::TimelineData& data, const Palette& palette) {
    const QFontMetricsF fm(palette.font);
    TimelineMetrics m;
    m.rowHeight = std::ceil(std::max<qreal>(22 * palette.scale, fm.height() + 8 * palette.scale));
    m.rulerHeight = std::ceil(2 * (fm.height() + 4 * palette.scale));
    // Wide enough for the longest name (up to a limit) plus a swatch and some of the coroutine.
    qreal widest = fm.horizontalAdvance(QStringLiteral("top-level code"));
    const std::size_t sample = std::min<std::size_t>(data.rows.size(), 500);  // names further down rarely widen it
    for (std::size_t i = 0; i < sample; ++i) {
        const auto& row = data.rows[i];
        qreal w = fm.horizontalAdvance(QString::fromStdString(row.name));
        if (!row.coro.empty())
            w += 0.85 * fm.horizontalAdvance(QString::fromUtf8(row.coro.data(), int(row.coro.size())));
        widest = std::max(widest, w + 24 * palette.scale);
    }
    m.labelWidth = std::ceil(std::min<qreal>(widest + 20 * palette.scale, 320 * palette.scale));
    return m;
}

qreal timelineFullHeight(const model::TimelineData& data, const Palette& palette) {
    const TimelineMetrics m = timelineMetrics(data, palette);
    return m.rulerHeight + m.rowHeight * static_cast<qreal>(data.rows.size()) + 2;
}

TimelineCoords timelineCoordsFor(const model::TimelineData& data, TimelineAxis axis, const QRectF& area,
                                 const Palette& palette) {
    const TimelineMetrics m = timelineMetrics(data, palette);
    TimelineCoords c;
    c.axis = axis;
    c.axisMin = 0;
    c.axisMax = std::max(data.axisEnd(axis), 1e-9);
    // The deepest zoom: about 4 steps (or 1 ms) across the plot.
    c.minSpan = axis == TimelineAxis::Time ? std::min(1e-3, c.axisMax) : std::min(4.0, c.axisMax);
    const qreal margin = kPlotMargin * palette.scale;
    c.plotLeft = area.left() + m.labelWidth + margin;
    c.plotWidth = std::max<qreal>(1, area.width() - m.labelWidth - 2 * margin);
    c.plotTop = area.top() + m.rulerHeight;
    c.plotHeight = std::max<qreal>(1, area.height() - m.rulerHeight);
    c.rowHeight = m.rowHeight;
    c.rowCount = static_cast<int>(data.rows.size());
    c.fitAll();
    return c;
}

void paintTimeline(QPainter& painter, const model::TimelineData& data, const TimelineCoords& coords, model::Step cursor,
                   const QRectF& area, const Palette& palette, model::Step upTo) {
    painter.save();
    // The same hints whoever calls (window, PNG, SVG, PDF): crisp bars, smooth text and markers.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setClipRect(area);
    painter.fillRect(area, palette.background);
    painter.setFont(palette.font);
    // The label column and the ruler are where timelineCoordsFor put the plot:
    // no text measuring per frame.
    TimelineMetrics metrics;
    metrics.labelWidth = std::max<qreal>(0, coords.plotLeft - area.left() - kPlotMargin * palette.scale);
    metrics.rulerHeight = std::max<qreal>(0, coords.plotTop - area.top());
    metrics.rowHeight = coords.rowHeight;
    Painting p{painter, data, coords, palette, metrics, {}, upTo, 0, 0, {}, {}};
    p.plot = QRectF(area.left() + p.m.labelWidth, coords.plotTop, area.width() - p.m.labelWidth,
                    std::min(coords.plotHeight, area.bottom() - coords.plotTop));
    if (data.steps == 0 || coords.rowCount == 0) {
        painter.setPen(palette.muted);
        painter.drawText(area, Qt::AlignCenter, QStringLiteral("No run yet: press Run to see the timeline"));
        painter.restore();
        return;
    }
    const QRectF plotArea(coords.plotLeft, coords.plotTop, coords.plotWidth, p.plot.height());
    p.visibleFrom = data.stepAtAxis(coords.viewStart, coords.axis);
    if (coords.axis == TimelineAxis::Time && p.visibleFrom > 0)
        --p.visibleFrom;
    p.visibleTo = std::min(data.steps, data.stepAtAxis(coords.viewEnd, coords.axis) + 2);
    if (coords.axis == TimelineAxis::Time) {
        // On the time axis a whole burst sits at one x: take every step up to the next clock change.
        auto it = std::upper_bound(data.clockChanges.begin(), data.clockChanges.end(), p.visibleTo,
                                   [](Step s, const model::ClockChange& ch) { return s < ch.step; });
        p.visibleTo = it == data.clockChanges.end() ? data.steps : it->step + 1;
    }
    const int first = coords.firstVisibleRow(), last = coords.lastVisibleRow();

    painter.save();
    painter.setClipRect(p.plot);
    p.rowBands(first, last);
    painter.setClipRect(plotArea.adjusted(0, 0, 1, 0));
    QFont barFont = palette.font;
    barFont.setBold(false);
    barFont.setPointSizeF(palette.font.pointSizeF() * 0.85);
    painter.setFont(barFont);
    for (int r = first; r <= last; ++r)
        p.row(r);
    painter.setFont(palette.font);
    p.markers(first, last);
    painter.setClipRect(p.plot.adjusted(0, -p.m.rulerHeight, 0, 0));
    p.cursor(cursor);
    painter.restore();
    painter.setClipRect(area);
    p.labels(first, last, area);
    p.ruler(area);
    // The cursor's head over the ruler.
    if (cursor != model::kNoStep && cursor < data.steps) {
        const double x = p.xOfStep(cursor + 1);
        if (x >= coords.plotLeft - 1 && x <= coords.plotLeft + coords.plotWidth + 1) {
            painter.setPen(QPen(palette.accent, 1.5 * palette.lineWidth));
            painter.drawLine(QPointF(x, area.top() + p.m.rulerHeight / 2), QPointF(x, coords.plotTop));
        }
    }
    painter.restore();
}

qreal paintTimelineLegend(QPainter* painter, const QRectF& area, const Palette& palette, bool paint) {
    struct Entry {
        SegmentState state;
        const char* text;
    };
    static const Entry entries[] = {
        {SegmentState::Running, "running"},
        {SegmentState::Ready, "ready"},
        {SegmentState::WaitTimer, "waiting: timer"},
        {SegmentState::WaitSocket, "waiting: socket"},
        {SegmentState::WaitFuture, "waiting: future"},
        {SegmentState::WaitTask, "waiting: task"},
        {SegmentState::WaitSync, "waiting: lock/queue"},
        {SegmentState::Blocked, "blocked (time.sleep)"},
        {SegmentState::Done, "done"},
        {SegmentState::Cancelled, "cancelled"},
        {SegmentState::Failed, "failed"},
    };
    QFont font = palette.font;
    font.setBold(false);
    font.setPointSizeF(palette.font.pointSizeF() * 0.9);
    const QFontMetricsF fm(font);
    const qreal sw = 14 * palette.scale, gap = 14 * palette.scale, lineH = fm.height() + 6 * palette.scale;
    qreal x = area.left(), y = area.top();
    auto place = [&](qreal w) {
        if (x + w > area.right() && x > area.left()) {
            x = area.left();
            y += lineH;
        }
        const QPointF at(x, y);
        x += w + gap;
        return at;
    };
    if (painter) {
        painter->save();
        painter->setFont(font);
    }
    for (const Entry& e : entries) {
        const QString text = QString::fromLatin1(e.text);
        const QPointF at = place(sw + 5 * palette.scale + fm.horizontalAdvance(text));
        if (paint && painter) {
            const qreal h =
                std::min(sw, lineH - 4) *
                (e.state == SegmentState::Done || e.state == SegmentState::Cancelled || e.state == SegmentState::Failed
                     ? 0.55
                     : 1.0);
            painter->fillRect(QRectF(at.x(), at.y() + (lineH - h) / 2, sw, h), segmentColor(e.state, palette));
            painter->setPen(palette.text);
            painter->drawText(QRectF(at.x() + sw + 5 * palette.scale, at.y(), fm.horizontalAdvance(text) + 2, lineH),
                              Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    // Markers.
    for (const auto& [color, text] : {std::pair{palette.text, QStringLiteral("printed line")},
                                      std::pair{palette.warning, QStringLiteral("note")}}) {
        const QPointF at = place(sw + 5 * palette.scale + fm.horizontalAdvance(text));
        if (paint && painter) {
            const qreal s = 5 * palette.scale;
            const qreal cx = at.x() + sw / 2, cy = at.y() + lineH / 2 - s * 0.8;
            QPainterPath tri;
            tri.moveTo(cx - s, cy);
            tri.lineTo(cx + s, cy);
            tri.lineTo(cx, cy + s * 1.6);
            tri.closeSubpath();
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->fillPath(tri, color);
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->setPen(palette.text);
            painter->drawText(QRectF(at.x() + sw + 5 * palette.scale, at.y(), fm.horizontalAdvance(text) + 2, lineH),
                              Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    if (painter)
        painter->restore();
    return y + lineH - area.top();
}

}  // namespace aw::ui
