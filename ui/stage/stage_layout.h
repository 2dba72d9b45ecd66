#pragma once
// Where everything of a State goes on the stage: a pure function from a
// State and a size to a list of items, each keyed by what it shows
// ("task:7", "ready:12", "arrow:7->8"), so the painter draws items and the
// animation tweens each key from its place in one state to its place in the
// next. No painting, no widgets: the layout is tested on its own.
//
// Regions (left to right): waiting tasks | ready queue -> event loop <- timers,
// sockets | sync primitives; the done row along the bottom. With many tasks,
// cards shrink into chips and then into counted groups so one frame stays cheap.

#include "core/model/state.h"
#include "ui/paint/palette.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace aw::ui {

// What an item is, so the painter knows how to draw it.
enum class StageItemKind : uint8_t {
    Region,       // a panel with a heading ("Ready queue")
    Loop,         // the event loop disc with the running handle
    Clock,        // the virtual clock readout
    ReadyEntry,   // one handle in the ready lane
    Timer,        // one timer on the time axis
    TimeAxis,     // the timers' axis with the clock position
    Socket,       // one socket in flight
    TaskCard,     // a task with name, coroutine, state, line
    TaskChip,     // a task when there are too many for cards
    Group,        // "+9,870 suspended on timers"
    FutureNode,   // a plain future a task awaits
    Callback,     // a done callback hanging under its future or task
    Arrow,        // from a task card to what it awaits (p1 -> p2)
    Sync,         // a Queue/Lock/Semaphore/Event/Condition
    SyncItem,     // a queued item or a waiter of a sync
    DoneTask,     // a finished task in the done row
    SleepBlock,   // the overlay: the thread is blocked in time.sleep
    Legend,       // the colour legend of task states
    Banner,       // program ended / cut / uncaught exception
};

// Which palette colour fills the item (resolved by the painter, so a layout
// does not depend on the theme's colours).
enum class StageColor : uint8_t {
    Panel, Accent, Muted, Running, Ready, WaitTimer, WaitSocket, WaitFuture, WaitSync,
    Blocked, Done, Cancelled, Failed, Error, Task,   // Task: palette.taskColor(colorIndex)
};

struct StageItem {
    QString key;                 // stable across states: "task:7"
    StageItemKind kind = StageItemKind::Region;
    QRectF rect;                 // for arrows: the bounding box of p1, p2
    QPointF p1, p2;              // arrows: from, to
    QString label;               // main text
    QString detail;              // second line (coroutine, reason, due time)
    QString extra;               // third line (state, line)
    QString note;                // fourth line, where an item has one (the loop's iteration)
    QString tooltip;             // what the item is, in words, for hover
    StageColor color = StageColor::Panel;
    uint32_t colorIndex = 0;     // for StageColor::Task and the card's stripe
    StageColor statusColor = StageColor::Muted;   // badge / border colour
    uint32_t modelId = 0;        // the task/future/handle id, 0 for none
    bool struck = false;         // cancelled timer: drawn struck out
    QString struckLabel;         // the word a struck timer carries: "cancelled", or "dropped" (by loop.close())
    bool highlighted = false;    // the running task / handle, the next ready entry and timer
    bool curved = false;         // arrows: bend round (to another card, or to a shared future)
    int z = 0;                   // paint order: regions 0, items 1, arrows 2, overlays 3
    qreal opacity = 1.0;         // < 1 only in a tween (fading in or out)
};

struct StageLayout {
    QSizeF size;
    std::vector<StageItem> items;   // in paint order (sorted by z, stable)

    const StageItem* find(const QString& key) const;
    // Items of one kind, in layout order.
    std::vector<const StageItem*> ofKind(StageItemKind kind) const;
    // The topmost item under `pos` that a user can point at (not regions or arrows).
    const StageItem* itemAt(const QPointF& pos) const;
};

// Pure: the same state, size and palette give the same layout.
StageLayout layoutStage(const model::State& state, const QSizeF& size, const Palette& palette);

}  // namespace aw::ui
