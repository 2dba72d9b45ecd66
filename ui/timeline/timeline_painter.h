#pragma once
// Painting the timeline: one function for the window (TimelineView), PNG,
// SVG, PDF and GIF exports, so they all show the same picture.
//
// Layout inside `area`: a label column on the left (row names in the task's
// colour), a ruler on top (steps, and clock values where the clock changes),
// then a band per row. `coords` must describe the plot part of `area`
// (timelineCoordsFor does that). Level of detail: only visible rows are
// drawn, and segments narrower than a pixel are merged into one pixel column
// coloured by the most telling state in it (running beats waiting beats
// ready), so the cost is O(visible rows x plot width), not O(segments).

#include "core/model/timeline_segments.h"
#include "ui/paint/palette.h"
#include "ui/timeline/timeline_coords.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace aw::ui {

struct TimelineMetrics {
    qreal labelWidth = 0;  // the row-name column
    qreal rulerHeight = 0;
    qreal rowHeight = 0;
};
TimelineMetrics timelineMetrics(const model::TimelineData& data, const Palette& palette);

// Coords for the whole run in `area` (labels, ruler, rows at the palette's row height).
TimelineCoords timelineCoordsFor(const model::TimelineData& data, model::TimelineAxis axis, const QRectF& area,
                                 const Palette& palette);
// The height that shows every row of `data` (for exports).
qreal timelineFullHeight(const model::TimelineData& data, const Palette& palette);

QColor segmentColor(model::SegmentState state, const Palette& palette);

// Paints the timeline of `data` inside `area`; `cursor` (kNoStep: none) is the
// current step's line. `upTo` (kNoStep: all): segments are cut at that step
// (an export "as it was at step N").
void paintTimeline(QPainter& painter, const model::TimelineData& data, const TimelineCoords& coords, model::Step cursor,
                   const QRectF& area, const Palette& palette, model::Step upTo = model::kNoStep);

// The legend of segment colours in one or more lines across `area`'s width;
// returns the height used (paint with `paint` false to measure).
qreal paintTimelineLegend(QPainter* painter, const QRectF& area, const Palette& palette, bool paint = true);

}  // namespace aw::ui
