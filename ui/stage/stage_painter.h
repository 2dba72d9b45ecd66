#pragma once
// Paints the stage: the one painting path for the window, PNG/SVG/PDF export
// and the GIF export's frames.

#include "core/model/state.h"
#include "ui/paint/palette.h"
#include "ui/stage/stage_layout.h"

#include <QPainter>
#include <QRectF>

namespace aw::ui {

void paintStage(QPainter& p, const model::State& state, const QRectF& area, const Palette& palette);
// The animation between two states, as the window plays it (progress 0..1); used by GIF export too.
void paintStageTransition(QPainter& p, const model::State& from, const model::State& to, qreal progress,
                          const QRectF& area, const Palette& palette);

// Lower level, for the view (which caches layouts): paint a laid-out stage at
// area.topLeft(), or the tween of two layouts of the same size.
void paintStageLayout(QPainter& p, const StageLayout& layout, const QRectF& area, const Palette& palette);
void paintStageLayoutTransition(QPainter& p, const StageLayout& from, const StageLayout& to, qreal progress,
                                const QRectF& area, const Palette& palette);

// The layout at `progress` (0..1, eased here) of the tween from -> to: each key
// moves from its place in `from` to its place in `to`; items only in `from`
// fade out, items only in `to` fade in (a ready entry that was a timer flies
// from the timer's place; a handle that leaves the ready queue flies into the loop).
StageLayout tweenStageLayouts(const StageLayout& from, const StageLayout& to, qreal progress);

}  // namespace aw::ui
