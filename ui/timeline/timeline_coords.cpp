#include "ui/timeline/timeline_coords.h"

#include <algorithm>
#include <cmath>

namespace aw::ui {

double TimelineCoords::xOf(double u) const {
    return plotLeft + (u - viewStart) / span() * plotWidth;
}

double TimelineCoords::axisAt(double x) const {
    return viewStart + (x - plotLeft) / plotWidth * span();
}

double TimelineCoords::yOfRow(double row) const {
    return plotTop + (row - firstRow) * rowHeight;
}

int TimelineCoords::rowAt(double y) const {
    if (y < plotTop || y >= plotTop + plotHeight)
        return -1;
    const double row = std::floor(firstRow + (y - plotTop) / rowHeight);
    return row < 0 || row >= rowCount ? -1 : static_cast<int>(row);
}

int TimelineCoords::firstVisibleRow() const {
    return std::clamp(static_cast<int>(std::floor(firstRow)), 0, std::max(0, rowCount - 1));
}

int TimelineCoords::lastVisibleRow() const {
    if (rowCount == 0)
        return -1;
    const int last = static_cast<int>(std::ceil(firstRow + plotHeight / rowHeight)) - 1;
    return std::clamp(last, 0, rowCount - 1);
}

void TimelineCoords::zoomAbout(double x, double factor) {
    if (!(factor > 0))
        return;
    const double anchor = axisAt(x);
    const double fraction = (x - plotLeft) / plotWidth;
    const double newSpan = std::clamp(span() / factor, minSpan, std::max(minSpan, axisMax - axisMin));
    viewStart = anchor - fraction * newSpan;
    viewEnd = viewStart + newSpan;
    clamp();
}

void TimelineCoords::panPixels(double dx) {
    const double du = -dx / plotWidth * span();
    viewStart += du;
    viewEnd += du;
    clamp();
}

void TimelineCoords::scrollRows(double rows) {
    const double visible = plotHeight / rowHeight;
    firstRow = std::clamp(firstRow + rows, 0.0, std::max(0.0, rowCount - visible));
}

void TimelineCoords::fitAll() {
    viewStart = axisMin;
    viewEnd = axisMax;
    firstRow = 0;
    clamp();
}

void TimelineCoords::showAxis(double u) {
    if (u >= viewStart && u <= viewEnd)
        return;
    const double s = span();
    // Put u a tenth in from the edge it went past, so the next steps are visible too.
    viewStart = u < viewStart ? u - 0.1 * s : u - 0.9 * s;
    viewEnd = viewStart + s;
    clamp();
}

void TimelineCoords::clamp() {
    if (axisMax < axisMin)
        axisMax = axisMin;
    const double whole = axisMax - axisMin;
    double s = std::clamp(span(), std::min(minSpan, whole > 0 ? whole : minSpan), whole > 0 ? whole : minSpan);
    if (!(s > 0))
        s = minSpan > 0 ? minSpan : 1.0;
    viewStart = std::clamp(viewStart, axisMin, std::max(axisMin, axisMax - s));
    viewEnd = viewStart + s;
    if (plotWidth < 1)
        plotWidth = 1;
    if (rowHeight < 1)
        rowHeight = 1;
    const double visible = plotHeight / rowHeight;
    firstRow = std::clamp(firstRow, 0.0, std::max(0.0, rowCount - visible));
}

}  // namespace aw::ui
