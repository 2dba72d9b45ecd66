#include "ui/stage/stage_text.h"

namespace aw::ui {

QString readyReasonText(std::string_view reason) {
    if (reason == "call_soon") return QStringLiteral("loop.call_soon()");
    if (reason == "task_start") return QStringLiteral("new task → its first step");
    if (reason == "done_callback") return QStringLiteral("future done → wake-up");
    if (reason == "timer") return QStringLiteral("timer due");
    if (reason == "socket") return QStringLiteral("socket ready");
    if (reason == "yield") return QStringLiteral("bare yield → runs again");
    if (reason == "error") return QStringLiteral("error → thrown into the task");
    if (reason == "cancel") return QStringLiteral("cancelled → wake-up");
    if (reason.empty()) return QStringLiteral("scheduled");
    return qs(reason);
}

QString futureKindText(std::string_view kind) {
    if (kind == "_GatheringFuture") return QStringLiteral("gather()");
    if (kind.empty()) return QStringLiteral("Future");
    return qs(kind);
}

QString syncKindText(model::SyncKind kind) {
    switch (kind) {
    case model::SyncKind::Queue: return QStringLiteral("Queue");
    case model::SyncKind::Lock: return QStringLiteral("Lock");
    case model::SyncKind::Semaphore: return QStringLiteral("Semaphore");
    case model::SyncKind::Event: return QStringLiteral("Event");
    case model::SyncKind::Condition: return QStringLiteral("Condition");
    }
    return QStringLiteral("sync");
}

QString loopPhaseText(model::LoopPhase phase) {
    switch (phase) {
    case model::LoopPhase::None: return QStringLiteral("not running");
    case model::LoopPhase::Idle: return QStringLiteral("created, not running");
    case model::LoopPhase::Running: return QStringLiteral("running, between handles");
    case model::LoopPhase::Polling: return QStringLiteral("waiting for the next timer or socket");
    case model::LoopPhase::RunningHandle: return QStringLiteral("running a handle");
    case model::LoopPhase::Stopped: return QStringLiteral("stopped");
    case model::LoopPhase::Closed: return QStringLiteral("closed");
    }
    return {};
}

QString taskStatusWord(model::TaskStatus status) {
    switch (status) {
    case model::TaskStatus::Created: return QStringLiteral("created");
    case model::TaskStatus::Ready: return QStringLiteral("ready");
    case model::TaskStatus::Running: return QStringLiteral("running");
    case model::TaskStatus::Suspended: return QStringLiteral("suspended");
    case model::TaskStatus::Done: return QStringLiteral("done");
    case model::TaskStatus::Failed: return QStringLiteral("failed");
    case model::TaskStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QFont stageLabelFont(const Palette& palette) {
    QFont f = palette.font;
    f.setBold(true);
    return f;
}

QFont stageSmallFont(const Palette& palette) {
    QFont f = palette.font;
    f.setBold(false);
    f.setPointSizeF(f.pointSizeF() * 0.88);
    return f;
}

QFont stageHeadingFont(const Palette& palette) {
    QFont f = palette.font;
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.92);
    f.setCapitalization(QFont::AllUppercase);
    f.setLetterSpacing(QFont::PercentageSpacing, 106);
    return f;
}

QFont stageMonoFont(const Palette& palette) { return palette.monoFont; }

}  // namespace aw::ui
