#pragma once
// The stage's words and fonts: how a ready reason, a sync kind or a task's
// status reads to a learner, and the three fonts every stage item uses
// (derived from the palette, so zoom and the projector theme apply).

#include "core/model/state.h"
#include "ui/paint/palette.h"

#include <QFont>
#include <QString>

#include <string_view>

namespace aw::ui {

inline QString qs(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

// "done_callback" -> "future done → wake-up", "timer" -> "timer due", ...
QString readyReasonText(std::string_view reason);
QString futureKindText(std::string_view kind);      // "_GatheringFuture" -> "gather()"
QString syncKindText(model::SyncKind kind);          // "Queue"
QString loopPhaseText(model::LoopPhase phase);       // "running a handle"
QString taskStatusWord(model::TaskStatus status);    // "done", "cancelled"

QFont stageLabelFont(const Palette& palette);     // names, main lines (bold)
QFont stageSmallFont(const Palette& palette);     // details
QFont stageHeadingFont(const Palette& palette);   // region headings
QFont stageMonoFont(const Palette& palette);      // clock, times

}  // namespace aw::ui
