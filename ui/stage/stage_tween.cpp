// The stage's animation: one layout in between two, by key. Kept apart from
// the drawing so the view can restart a tween from wherever the last one was.

#include "ui/stage/stage_painter.h"

#include <QEasingCurve>
#include <QHash>

#include <algorithm>

namespace aw::ui {

namespace {

qreal lerp(qreal a, qreal b, qreal t) { return a + (b - a) * t; }
QPointF lerp(const QPointF& a, const QPointF& b, qreal t) { return {lerp(a.x(), b.x(), t), lerp(a.y(), b.y(), t)}; }
QRectF lerp(const QRectF& a, const QRectF& b, qreal t) {
    return {lerp(a.x(), b.x(), t), lerp(a.y(), b.y(), t), lerp(a.width(), b.width(), t), lerp(a.height(), b.height(), t)};
}

// A ready entry was often a timer a moment ago (same handle id): it flies from there.
QString previousKeyOf(const StageItem& item) {
    if (item.kind == StageItemKind::ReadyEntry) return QStringLiteral("timer:%1").arg(item.modelId);
    return {};
}

}  // namespace

StageLayout tweenStageLayouts(const StageLayout& from, const StageLayout& to, qreal progress) {
    const qreal t = QEasingCurve(QEasingCurve::InOutCubic).valueForProgress(std::clamp<qreal>(progress, 0.0, 1.0));
    StageLayout out;
    out.size = to.size;
    out.items.reserve(from.items.size() + to.items.size());

    QHash<QString, const StageItem*> before;
    before.reserve(static_cast<qsizetype>(from.items.size()));
    for (const StageItem& item : from.items) before.insert(item.key, &item);
    QHash<QString, bool> kept;
    kept.reserve(static_cast<qsizetype>(to.items.size()));

    const StageItem* loopTo = to.find(QStringLiteral("loop"));
    for (const StageItem& item : to.items) {
        StageItem tween = item;
        const StageItem* old = before.value(item.key, nullptr);
        if (!old) {
            const QString prev = previousKeyOf(item);
            if (!prev.isEmpty()) old = before.value(prev, nullptr);
            if (old) kept.insert(prev, true);
        }
        if (old) {
            kept.insert(item.key, true);
            tween.rect = lerp(old->rect, item.rect, t);
            tween.p1 = lerp(old->p1, item.p1, t);
            tween.p2 = lerp(old->p2, item.p2, t);
            tween.opacity = lerp(old->opacity, item.opacity, t);
        } else {
            tween.opacity = item.opacity * t;
        }
        out.items.push_back(std::move(tween));
    }
    // What fades out is drawn under what stays, level by level.
    std::vector<StageItem> leaving;
    for (const StageItem& item : from.items) {
        if (kept.contains(item.key) || (item.opacity * (1 - t)) <= 0.0) continue;
        StageItem gone = item;
        gone.opacity = item.opacity * (1 - t);
        // A handle leaving the ready queue is the one the loop now runs: it shrinks into the loop.
        if (item.kind == StageItemKind::ReadyEntry && loopTo) {
            const QRectF into(loopTo->rect.center() - QPointF(item.rect.width() / 4, item.rect.height() / 4),
                              item.rect.size() / 2);
            gone.rect = lerp(item.rect, into, t);
        }
        leaving.push_back(std::move(gone));
    }
    out.items.insert(out.items.begin(), std::make_move_iterator(leaving.begin()), std::make_move_iterator(leaving.end()));
    std::stable_sort(out.items.begin(), out.items.end(), [](const StageItem& a, const StageItem& b) { return a.z < b.z; });
    return out;
}

}  // namespace aw::ui
