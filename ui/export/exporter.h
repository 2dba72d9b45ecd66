#pragma once
// Pictures of a run for slides and handouts: the stage, the timeline or both
// at one step or over a range of steps, as PNG (numbered files for a range),
// SVG (numbered for a range), PDF (a page per step) or an animated GIF
// (the stage's animation between the steps, as the window plays it).
// Every picture carries a title (lesson, step, clock) and a legend, painted
// with the chosen theme's Palette by the same functions the window uses.
// Used by File > Export (export_dialog.h) and `awaitscope export`.

#include "core/model/state_index.h"
#include "core/model/timeline_segments.h"
#include "ui/paint/palette.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

namespace aw::ui {

enum class ExportView { Stage, Timeline, Both };

struct ExportRequest {
    ExportView view = ExportView::Stage;
    model::Step from = 0;  // first step; a single picture when from == to
    model::Step to = 0;    // last step (inclusive)
    QString file;          // the format is the suffix: .png .svg .pdf .gif
    int width = 1600;      // picture width in px (PDF: points); the height follows the content
    qreal scale = 1.0;     // PNG/GIF only: device pixel ratio (2: a crisp 2x picture of the same layout)
    ThemeId theme = ThemeId::Light;
    QString title;                  // the lesson's name or the file's
    bool timelineUpToStep = false;  // timeline: show only events up to the step (else the whole run, cursor at step)
    model::TimelineAxis axis = model::TimelineAxis::Hybrid;
};

struct ExportResult {
    bool ok = false;
    QString error;      // names the file and why, when !ok
    QStringList files;  // files written
};

// Where the parts of one exported picture go (logical pixels; PNG and GIF
// multiply by `scale`). The same for every picture of a range. Public so the
// tests can find the timeline or the stage in an exported file.
struct ExportLayout {
    QSizeF size;
    QRectF title, stage, timeline, legend;  // empty rects for parts not shown
    int timelineRows = 0;                   // rows shown (a huge run shows its first rows)
    int hiddenRows = 0;                     // rows left out (said under the timeline)
};
ExportLayout layoutExport(const ExportRequest& request, const model::TimelineData* timeline, const Palette& palette);

// The most pictures one export makes (a range of steps asks for one each).
inline constexpr int kMaxExportPictures = 2000;
// GIF: frames per step of the range (the stage's tween), and the frame count of a range.
inline constexpr int kGifFramesPerStep = 4;
int gifFrameCount(const ExportRequest& request);

// The formats by suffix ("png", "svg", "pdf", "gif"); empty if unknown.
QString exportFormatOf(const QString& file);

// `progress(done, total)` is called after each picture; returning false
// cancels (the result is then !ok with error "cancelled", files written so far kept).
ExportResult exportPictures(const model::StateIndex& index, const ExportRequest& request,
                            const std::function<bool(int done, int total)>& progress = {});

}  // namespace aw::ui
