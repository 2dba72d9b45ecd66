#pragma once
// The timeline's viewport as plain numbers (no widgets, no Qt): which part of
// the axis (see core/model/timeline_segments.h for the axis units) and which
// rows are visible, and where they land in pixels. The view and the exporter
// set it up; the painter and the mouse handling only convert through it.
//
//   x = plotLeft + (u - viewStart) / (viewEnd - viewStart) * plotWidth
//   y = plotTop + (row - firstRow) * rowHeight

#include "core/model/timeline_segments.h"

namespace aw::ui {

struct TimelineCoords {
    model::TimelineAxis axis = model::TimelineAxis::Hybrid;
    double axisMin = 0.0, axisMax = 1.0;    // the whole run on the axis: pans and zooms stay inside
    double viewStart = 0.0, viewEnd = 1.0;  // the visible part
    double minSpan = 1e-3;                  // the deepest zoom (axis units across the plot)

    double plotLeft = 0.0, plotWidth = 800.0;  // pixels
    double plotTop = 0.0, plotHeight = 400.0;
    double rowHeight = 22.0;
    double firstRow = 0.0;  // row at plotTop (fractional while scrolling)
    int rowCount = 0;

    double span() const { return viewEnd - viewStart; }
    double xOf(double u) const;
    double axisAt(double x) const;
    double yOfRow(double row) const;  // top edge of `row`
    int rowAt(double y) const;        // -1 outside [0, rowCount)
    int firstVisibleRow() const;
    int lastVisibleRow() const;  // inclusive; -1 if no rows
    double pixelsPerUnit() const { return plotWidth / span(); }

    void zoomAbout(double x, double factor);  // factor > 1 zooms in; keeps axisAt(x) under x
    void panPixels(double dx);                // content follows the mouse: dx > 0 shows earlier
    void scrollRows(double rows);
    void fitAll();            // the whole axis, first row at the top
    void showAxis(double u);  // pan (not zoom) so that u is visible
    void clamp();             // keep the view inside [axisMin, axisMax], span >= minSpan
};

}  // namespace aw::ui
