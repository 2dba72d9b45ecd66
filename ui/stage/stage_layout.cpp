#include "ui/stage/stage_layout.h"

#include "ui/stage/stage_text.h"

#include <QFontMetricsF>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace aw::ui {

using model::Id;
using model::State;
using model::TaskInfo;
using model::TaskStatus;
using model::WaitKind;

const StageItem* StageLayout::find(const QString& key) const {
    for (const StageItem& item : items)
        if (item.key == key) return &item;
    return nullptr;
}

std::vector<const StageItem*> StageLayout::ofKind(StageItemKind kind) const {
    std::vector<const StageItem*> out;
    for (const StageItem& item : items)
        if (item.kind == kind) out.push_back(&item);
    return out;
}

const StageItem* StageLayout::itemAt(const QPointF& pos) const {
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        switch (it->kind) {
        case StageItemKind::Region:
        case StageItemKind::Arrow:
        case StageItemKind::SleepBlock:
        case StageItemKind::TimeAxis:
            continue;
        default:
            break;
        }
        if (it->rect.contains(pos)) return &*it;
    }
    return nullptr;
}

namespace {

// Sizes derived from the palette's fonts and scale, so the projector theme and
// the zoom (bigger fonts) grow everything together.
struct Metrics {
    qreal s = 1.0;       // palette scale
    qreal pad = 6;       // inside panels and cards
    qreal gap = 6;       // between items
    qreal margin = 8;    // around the stage
    qreal line = 16;     // a label line (palette.font)
    qreal small = 13;    // a detail line (stageSmallFont)
    qreal heading = 20;  // a region's heading band

    explicit Metrics(const Palette& palette) {
        s = palette.scale;
        pad = 6 * s;
        gap = 5 * s;
        margin = 8 * s;
        line = QFontMetricsF(stageLabelFont(palette)).height();
        small = QFontMetricsF(stageSmallFont(palette)).height();
        heading = QFontMetricsF(stageHeadingFont(palette)).height() + pad;
    }
};

QString num(uint64_t n) { return QLocale(QLocale::English).toString(static_cast<qulonglong>(n)); }

QString idKey(const char* role, Id id) { return QLatin1String(role) + QLatin1Char(':') + QString::number(id); }

StageColor statusColorOf(const TaskInfo& t, bool blocked) {
    switch (t.status) {
    case TaskStatus::Created:
    case TaskStatus::Ready: return StageColor::Ready;
    case TaskStatus::Running: return blocked ? StageColor::Blocked : StageColor::Running;
    case TaskStatus::Done: return StageColor::Done;
    case TaskStatus::Failed: return StageColor::Failed;
    case TaskStatus::Cancelled: return StageColor::Cancelled;
    case TaskStatus::Suspended: break;
    }
    switch (t.waitKind) {
    case WaitKind::Timer: return StageColor::WaitTimer;
    case WaitKind::Socket: return StageColor::WaitSocket;
    case WaitKind::Sync: return StageColor::WaitSync;
    case WaitKind::Future:
    case WaitKind::Task:
    case WaitKind::None: break;
    }
    return StageColor::WaitFuture;
}

bool finished(const TaskInfo& t) {
    return t.status == TaskStatus::Done || t.status == TaskStatus::Failed || t.status == TaskStatus::Cancelled;
}

// The group a task falls in when there are too many to draw one by one.
enum class TaskGroup { Running, Ready, Timer, Socket, Future, Sync, Count };

TaskGroup groupOf(const TaskInfo& t) {
    switch (t.status) {
    case TaskStatus::Running: return TaskGroup::Running;
    case TaskStatus::Created:
    case TaskStatus::Ready: return TaskGroup::Ready;
    default: break;
    }
    switch (t.waitKind) {
    case WaitKind::Timer: return TaskGroup::Timer;
    case WaitKind::Socket: return TaskGroup::Socket;
    case WaitKind::Sync: return TaskGroup::Sync;
    default: return TaskGroup::Future;
    }
}

QString groupText(TaskGroup g) {
    switch (g) {
    case TaskGroup::Running: return QStringLiteral("running");
    case TaskGroup::Ready: return QStringLiteral("ready to run");
    case TaskGroup::Timer: return QStringLiteral("suspended on timers");
    case TaskGroup::Socket: return QStringLiteral("suspended on sockets");
    case TaskGroup::Future: return QStringLiteral("suspended on futures");
    case TaskGroup::Sync: return QStringLiteral("waiting on queues/locks");
    case TaskGroup::Count: break;
    }
    return {};
}

StageColor groupColor(TaskGroup g) {
    switch (g) {
    case TaskGroup::Running: return StageColor::Running;
    case TaskGroup::Ready: return StageColor::Ready;
    case TaskGroup::Timer: return StageColor::WaitTimer;
    case TaskGroup::Socket: return StageColor::WaitSocket;
    case TaskGroup::Sync: return StageColor::WaitSync;
    default: return StageColor::WaitFuture;
    }
}

// Builds the layout; one method per region keeps each region's rules together.
class Builder {
public:
    Builder(const State& state, const QSizeF& size, const Palette& palette)
        : m_state(state), m_size(size), m_palette(palette), m_m(palette), m_tasksSorted(sortedById(state.tasks)),
          m_futuresSorted(sortedById(state.futures)) {}

    StageLayout build() {
        m_out.size = m_size;
        const QRectF all(0, 0, m_size.width(), m_size.height());
        const QRectF inner = all.adjusted(m_m.margin, m_m.margin, -m_m.margin, -m_m.margin);

        const qreal headerH = m_m.line + m_m.small + m_m.pad * 2;
        const qreal doneH = m_m.heading + m_m.small + m_m.pad * 2 + m_m.pad;
        const qreal syncH = m_state.syncs.empty() ? 0.0 : m_m.heading + m_m.line + syncChipH() * 2 + m_m.gap + m_m.pad * 3;

        QRectF header(inner.left(), inner.top(), inner.width(), headerH);
        QRectF done(inner.left(), inner.bottom() - doneH, inner.width(), doneH);
        QRectF main(inner.left(), header.bottom() + m_m.gap, inner.width(), done.top() - m_m.gap * 2 - header.bottom());

        // Tasks take the full height on the left; queues and locks, when there are any, sit under the loop and timers.
        const qreal colGap = m_m.gap * 2;
        const qreal usable = main.width() - colGap * 2;
        const qreal tasksW = usable * 0.42, middleW = usable * 0.25;
        const qreal rightW = usable - tasksW - middleW;
        QRectF tasks(main.left(), main.top(), tasksW, main.height());
        QRectF sync;
        qreal columnsH = main.height();
        if (syncH > 0) {
            sync = QRectF(tasks.right() + colGap, main.bottom() - syncH, main.right() - tasks.right() - colGap, syncH);
            columnsH -= syncH + m_m.gap;
        }
        QRectF middle(tasks.right() + colGap, main.top(), middleW, columnsH);
        QRectF right(middle.right() + colGap, main.top(), rightW, columnsH);

        layoutHeader(header);
        layoutMiddle(middle);
        layoutRight(right);
        layoutTasks(tasks);
        if (!sync.isNull()) layoutSyncs(sync);
        layoutDone(done);
        if (m_state.blockedInSleep) layoutSleepBlock(main);

        std::stable_sort(m_out.items.begin(), m_out.items.end(),
                         [](const StageItem& a, const StageItem& b) { return a.z < b.z; });
        return std::move(m_out);
    }

private:
    StageItem& add(StageItemKind kind, QString key, const QRectF& rect, int z = 1) {
        StageItem item;
        item.kind = kind;
        item.key = std::move(key);
        item.rect = rect;
        item.z = z;
        m_out.items.push_back(std::move(item));
        return m_out.items.back();
    }

    // A panel with a heading; returns the area under the heading.
    QRectF region(const QString& key, const QRectF& rect, const QString& heading, const QString& note = {}) {
        StageItem& r = add(StageItemKind::Region, QStringLiteral("region:") + key, rect, 0);
        r.label = heading;
        r.detail = note;
        return rect.adjusted(m_m.pad, m_m.heading, -m_m.pad, -m_m.pad);
    }

    // Tasks and futures are in creation order and ids come from one rising counter, so both lists are
    // sorted by id: a binary search finds one without building a map of 10,000 tasks for a few look-ups.
    template <typename T>
    static const T* byId(const std::vector<T>& list, bool sorted, Id id) {
        if (!sorted) {   // not in id order after all: still correct, just slower
            for (const T& x : list)
                if (x.id == id) return &x;
            return nullptr;
        }
        auto it = std::lower_bound(list.begin(), list.end(), id, [](const T& x, Id v) { return x.id < v; });
        return it != list.end() && it->id == id ? &*it : nullptr;
    }
    template <typename T>
    static bool sortedById(const std::vector<T>& list) {
        return std::is_sorted(list.begin(), list.end(), [](const T& a, const T& b) { return a.id < b.id; });
    }

    const TaskInfo* taskById(Id id) const { return id ? byId(m_state.tasks, m_tasksSorted, id) : nullptr; }
    const model::SyncInfo* syncById(Id id) const {
        for (const model::SyncInfo& s : m_state.syncs)
            if (s.id == id) return &s;
        return nullptr;
    }
    const model::FutureInfo* futureById(Id id) const { return id ? byId(m_state.futures, m_futuresSorted, id) : nullptr; }

    // --- header: the clock, what the program is doing, the end banner ---
    void layoutHeader(const QRectF& r) {
        const qreal clockW = std::min(r.width() * 0.3, 230 * m_m.s);
        StageItem& clock = add(StageItemKind::Clock, QStringLiteral("clock"), QRectF(r.left(), r.top(), clockW, r.height()));
        clock.label = QStringLiteral("%1 s").arg(m_state.clock, 0, 'f', 3);
        clock.detail = QStringLiteral("virtual clock · step %1").arg(num(m_state.step));
        clock.tooltip = QStringLiteral("The virtual clock: it moves only when the loop waits or the thread sleeps.");
        clock.color = m_state.blockedInSleep ? StageColor::Blocked : StageColor::Accent;

        QString banner;
        StageColor bannerColor = StageColor::Muted;
        if (!m_state.uncaught.empty()) {
            banner = QStringLiteral("Uncaught %1").arg(qs(m_state.uncaught));
            bannerColor = StageColor::Error;
        } else if (m_state.cut) {
            banner = m_state.cutReason.empty() ? QStringLiteral("Cut at the step budget")
                                               : QStringLiteral("Cut: %1").arg(qs(m_state.cutReason));
            bannerColor = StageColor::Error;
        } else if (m_state.hung) {
            banner = QStringLiteral("Hung: nothing left to wait for");
            bannerColor = StageColor::Error;
        } else if (m_state.ended) {
            banner = QStringLiteral("Program ended");
            bannerColor = StageColor::Done;
        }
        qreal x = clock.rect.right() + m_m.gap * 2;
        if (!banner.isEmpty()) {
            const qreal w = std::min(r.width() * 0.26, 300 * m_m.s);
            StageItem& b = add(StageItemKind::Banner, QStringLiteral("banner"),
                               QRectF(x, r.top() + m_m.pad, w, m_m.line + m_m.pad));
            b.label = banner;
            b.color = bannerColor;
            b.tooltip = banner;
            x += w + m_m.gap * 2;
        }
        // The legend takes the rest of the header, right-aligned, wrapping onto a second row.
        const qreal legendW = std::min(r.right() - x, 640 * m_m.s);
        if (legendW > 120 * m_m.s) layoutLegend(QRectF(r.right() - legendW, r.top(), legendW, r.height()));
    }

    // --- middle: the ready lane feeding the loop below it ---
    void layoutMiddle(const QRectF& col) {
        const qreal loopH = std::min(col.height() * 0.42, col.width() + m_m.heading);
        QRectF loopRegion(col.left(), col.bottom() - loopH, col.width(), loopH);
        QRectF readyRegion(col.left(), col.top(), col.width(), col.height() - loopH - m_m.gap * 3);
        layoutLoop(loopRegion);
        layoutReady(readyRegion, loopRegion);
    }

    void layoutLoop(const QRectF& rect) {
        const QRectF area = region(QStringLiteral("loop"), rect, QStringLiteral("Event loop"));
        // The painter draws a disc with the text inside when the area is large enough, else a ring and text beside it.
        StageItem& loop = add(StageItemKind::Loop, QStringLiteral("loop"), area);
        const model::LoopInfo& l = m_state.loop;
        loop.note = l.id ? QStringLiteral("iteration %1").arg(num(l.iteration)) : QString();
        loop.color = StageColor::Accent;
        const TaskInfo* running = m_state.runningTask ? taskById(m_state.runningTask) : nullptr;
        if (m_state.blockedInSleep) {
            loop.label = QStringLiteral("frozen");
            loop.detail = QStringLiteral("thread asleep");
            loop.color = StageColor::Blocked;
        } else if (l.phase == model::LoopPhase::RunningHandle || running) {
            loop.label = QStringLiteral("running");
            loop.detail = running ? qs(running->name) : qs(l.runningCallback);
            if (running)
                loop.extra = running->line > 0 ? QStringLiteral("%1() · line %2").arg(qs(running->coro)).arg(running->line)
                                               : QStringLiteral("%1()").arg(qs(running->coro));
            loop.highlighted = true;
            loop.color = StageColor::Running;
            if (running) {
                loop.colorIndex = running->colorIndex;
                loop.statusColor = StageColor::Task;
            }
        } else if (l.phase == model::LoopPhase::Polling) {
            loop.label = QStringLiteral("waiting");
            loop.detail = l.waitUntil < 0 ? QStringLiteral("for I/O, no deadline")
                                          : QStringLiteral("until %1 s").arg(l.waitUntil, 0, 'f', 3);
            loop.color = StageColor::WaitTimer;
        } else if (l.phase == model::LoopPhase::Running) {
            loop.label = QStringLiteral("running");
            loop.detail = QStringLiteral("between handles");
        } else if (l.phase == model::LoopPhase::Idle) {
            loop.label = QStringLiteral("not running yet");
            loop.color = StageColor::Muted;
        } else if (l.phase == model::LoopPhase::Stopped) {
            loop.label = QStringLiteral("stopped");
            loop.color = StageColor::Muted;
        } else if (l.phase == model::LoopPhase::Closed) {
            loop.label = QStringLiteral("closed");
            loop.color = StageColor::Muted;
        } else {
            loop.label = l.id ? QStringLiteral("not running") : QStringLiteral("no loop yet");
            loop.color = StageColor::Muted;
        }
        if (!running && !m_state.blockedInSleep && l.phase != model::LoopPhase::RunningHandle && m_state.topLine > 0)
            loop.extra = QStringLiteral("top level, line %1").arg(m_state.topLine);
        loop.tooltip = QStringLiteral("The event loop runs one ready handle at a time; when none is ready it waits for the "
                                      "next timer or socket.\nPhase: %1")
                           .arg(loopPhaseText(l.phase));
    }

    void layoutReady(const QRectF& rect, const QRectF& loopRegion) {
        const std::size_t n = m_state.ready.size();
        const QRectF area = region(QStringLiteral("ready"), rect, QStringLiteral("Ready queue"),
                                   n ? num(n) : QStringLiteral("empty"));
        const qreal h = m_m.line + m_m.small + m_m.pad;
        const qreal step = h + m_m.gap;
        std::size_t fit = static_cast<std::size_t>(std::max(0.0, std::floor((area.height() + m_m.gap) / step)));
        std::size_t shown = std::min(n, fit);
        if (shown < n && shown > 0) --shown;   // keep a slot for "+N more"
        // Front nearest the loop: entry 0 at the bottom, later entries above it.
        for (std::size_t i = 0; i < shown; ++i) {
            const model::ReadyEntry& e = m_state.ready[i];
            const QRectF r(area.left(), area.bottom() - h - step * static_cast<qreal>(i), area.width(), h);
            StageItem& it = add(StageItemKind::ReadyEntry, idKey("ready", e.handle), r);
            it.modelId = e.handle;
            it.label = qs(e.callback);
            it.detail = readyReasonText(e.reason);
            it.color = StageColor::Ready;
            it.statusColor = StageColor::Ready;
            // Whose step it is: the target task itself, or the task that awaits the future that finished.
            const TaskInfo* t = taskById(e.target);
            if (!t && e.target) t = awaitingTask(e.target);
            if (t) {
                it.statusColor = StageColor::Task;
                it.colorIndex = t->colorIndex;
                QString cb = qs(e.callback);
                if (cb.startsWith(QLatin1String("Task."))) cb.remove(0, 5);
                it.label = QStringLiteral("%1 · %2").arg(qs(t->name), cb);
            }
            it.highlighted = i == 0;
            if (e.cancelled || e.dropped) {
                // Still queued, as in CPython, but it will not run.
                it.struck = true;
                it.statusColor = StageColor::Cancelled;
                it.detail = e.dropped ? QStringLiteral("dropped by loop.close()")
                                      : QStringLiteral("cancelled: skipped when its turn comes");
            }
            it.tooltip = QStringLiteral("Handle #%1: %2\nWhy it is ready: %3 (%4)\nPosition %5 of %6 in the FIFO: the loop "
                                        "runs it after the %5 before it.")
                             .arg(e.handle)
                             .arg(qs(e.callback), readyReasonText(e.reason), qs(e.reason))
                             .arg(i + 1)
                             .arg(n);
            it.tooltip.replace(QStringLiteral("after the 1 before it"), QStringLiteral("next"));
        }
        if (shown < n) {
            const QRectF r(area.left(), area.bottom() - h - step * static_cast<qreal>(shown), area.width(), h);
            StageItem& g = add(StageItemKind::Group, QStringLiteral("ready-more"), r);
            g.label = QStringLiteral("+%1 more ready").arg(num(n - shown));
            g.detail = QStringLiteral("behind them in the queue");
            g.color = StageColor::Ready;
            g.statusColor = StageColor::Ready;
            g.tooltip = g.label;
        }
        // The lane feeds the loop.
        StageItem& a = add(StageItemKind::Arrow, QStringLiteral("arrow:ready->loop"), {}, 2);
        a.p1 = QPointF(rect.center().x(), rect.bottom() - m_m.pad);
        a.p2 = QPointF(rect.center().x(), loopRegion.top() + m_m.heading * 0.4);
        a.rect = QRectF(a.p1, a.p2).normalized();
        a.statusColor = n ? StageColor::Ready : StageColor::Muted;
    }

    // --- right: timers against the clock, then sockets ---
    void layoutRight(const QRectF& col) {
        const qreal rowH = m_m.line + m_m.small + m_m.pad;
        const std::size_t nSock = m_state.sockets.size();
        const qreal sockWant = m_m.heading + m_m.pad + static_cast<qreal>(std::max<std::size_t>(1, nSock)) * (rowH + m_m.gap);
        const qreal sockH = std::min(std::max(sockWant, col.height() * 0.22), col.height() * 0.45);
        QRectF timers(col.left(), col.top(), col.width(), col.height() - sockH - m_m.gap);
        QRectF sockets(col.left(), timers.bottom() + m_m.gap, col.width(), sockH);
        layoutTimers(timers);
        layoutSockets(sockets);
    }

    void layoutTimers(const QRectF& rect) {
        const auto& timers = m_state.timers;
        const std::size_t n = timers.size();
        const QRectF area = region(QStringLiteral("timers"), rect, QStringLiteral("Timers"),
                                   n ? num(n) : QStringLiteral("none"));
        const qreal axisW = 66 * m_m.s;
        const qreal h = m_m.line + m_m.small + m_m.pad;
        const qreal step = h + m_m.gap;
        const qreal top = area.top() + m_m.small;   // room for the "now" label
        const qreal listH = area.bottom() - top;
        std::size_t fit = static_cast<std::size_t>(std::max(0.0, std::floor((listH + m_m.gap) / step)));
        std::size_t shown = std::min(n, fit);
        if (shown < n && shown > 0) --shown;

        const double now = m_state.clock;
        const double last = n ? std::max(timers.back().when, now) : now;
        const double span = std::max(last - now, 1e-9);
        const qreal axisX = area.left() + axisW * 0.72;
        const qreal y0 = top + m_m.small * 0.2, y1 = area.bottom() - m_m.small * 0.2;
        StageItem& axis = add(StageItemKind::TimeAxis, QStringLiteral("time-axis"),
                              QRectF(area.left(), area.top(), axisW, area.height()));
        axis.p1 = QPointF(axisX, y0);
        axis.p2 = QPointF(axisX, y1);
        axis.label = QStringLiteral("now %1").arg(now, 0, 'f', 3);
        axis.detail = n ? QString::number(last, 'f', 3) : QString();
        axis.tooltip = QStringLiteral("Time runs down this axis: the clock at the top, the last timer at the bottom.");
        axis.color = StageColor::Accent;

        auto axisY = [&](double when) {
            const double f = std::clamp((when - now) / span, 0.0, 1.0);
            return y0 + (y1 - y0) * f;
        };
        const qreal listX = area.left() + axisW;
        // Each row as near its due time on the axis as the rows before and after it allow: pushed down past
        // the previous row, then pulled up so the last one stays inside (they fit: `shown` rows do).
        const std::size_t rows = shown + (shown < n ? 1 : 0);
        std::vector<qreal> rowY(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            const qreal want = i < shown ? axisY(timers[i].when) - h / 2 : area.bottom() - h;
            rowY[i] = std::max({want, top, i ? rowY[i - 1] + step : top});
        }
        for (std::size_t i = rows; i-- > 0;) {
            const qreal limit = i + 1 < rows ? rowY[i + 1] - step : area.bottom() - h;
            rowY[i] = std::max(top, std::min(rowY[i], limit));
        }
        for (std::size_t i = 0; i < shown; ++i) {
            const model::TimerEntry& t = timers[i];
            const QRectF r(listX, rowY[i], area.right() - listX, h);
            StageItem& it = add(StageItemKind::Timer, idKey("timer", t.handle), r);
            it.modelId = t.handle;
            const double in = t.when - now;
            it.label = QStringLiteral("at %1 s").arg(t.when, 0, 'f', 3);
            it.extra = t.dropped ? QStringLiteral("never")
                       : in > 0  ? QStringLiteral("in %1 s").arg(in, 0, 'f', 3)
                                 : QStringLiteral("due");
            // The handle id matches "done by timer #N" on the future it completes.
            it.detail = QStringLiteral("#%1 · %2").arg(t.handle).arg(qs(t.callback));
            it.struck = t.cancelled || t.dropped;
            // loop.close() clears the heap without cancelling anything: say which one ended this timer.
            if (it.struck) it.struckLabel = t.cancelled ? QStringLiteral("cancelled") : QStringLiteral("dropped");
            it.color = t.cancelled ? StageColor::Cancelled : StageColor::WaitTimer;
            it.statusColor = it.color;
            it.highlighted = i == 0 && !t.cancelled;
            it.p1 = QPointF(axisX, axisY(t.when));
            it.p2 = QPointF(r.left(), r.center().y());
            it.tooltip = QStringLiteral("Timer #%1 due at %2 s (%3)\nCallback: %4%5")
                             .arg(t.handle)
                             .arg(t.when, 0, 'f', 3)
                             .arg(it.extra, qs(t.callback),
                                  t.cancelled ? QStringLiteral("\nCancelled: it stays in the heap until its time, as in "
                                                               "CPython, then is dropped")
                                  : t.dropped ? QStringLiteral("\nDropped by loop.close(): it never fires")
                                              : QString());
        }
        if (shown < n) {
            const QRectF r(listX, rowY[shown], area.right() - listX, h);
            StageItem& g = add(StageItemKind::Group, QStringLiteral("timers-more"), r);
            g.label = QStringLiteral("+%1 later timers").arg(num(n - shown));
            g.detail = QStringLiteral("due %1 … %2 s").arg(timers[shown].when, 0, 'f', 3).arg(timers.back().when, 0, 'f', 3);
            g.color = StageColor::WaitTimer;
            g.statusColor = StageColor::WaitTimer;
            g.tooltip = g.label + QStringLiteral(", ") + g.detail;
        }
    }

    void layoutSockets(const QRectF& rect) {
        const auto& socks = m_state.sockets;
        const std::size_t n = socks.size();
        const QRectF area = region(QStringLiteral("sockets"), rect, QStringLiteral("Sockets"),
                                   n ? QStringLiteral("%1 in flight").arg(num(n)) : QStringLiteral("none open"));
        const qreal h = m_m.line + m_m.small + m_m.pad;
        const qreal step = h + m_m.gap;
        std::size_t fit = static_cast<std::size_t>(std::max(0.0, std::floor((area.height() + m_m.gap) / step)));
        std::size_t shown = std::min(n, fit);
        if (shown < n && shown > 0) --shown;
        for (std::size_t i = 0; i < shown; ++i) {
            const model::SocketInfo& so = socks[i];
            const QRectF r(area.left(), area.top() + step * static_cast<qreal>(i), area.width(), h);
            StageItem& it = add(StageItemKind::Socket, idKey("socket", so.id), r);
            it.modelId = so.id;
            it.label = qs(so.request);
            it.detail = so.done ? QStringLiteral("response arrived")
                                : QStringLiteral("response at %1 s (in %2 s)")
                                      .arg(so.due, 0, 'f', 3)
                                      .arg(std::max(0.0, so.due - m_state.clock), 0, 'f', 3);
            it.color = so.done ? StageColor::Done : StageColor::WaitSocket;
            it.statusColor = it.color;
            it.tooltip = QStringLiteral("Socket #%1: %2\n%3").arg(so.id).arg(it.label, it.detail);
        }
        if (shown < n) {
            const QRectF r(area.left(), area.top() + step * static_cast<qreal>(shown), area.width(), h);
            StageItem& g = add(StageItemKind::Group, QStringLiteral("sockets-more"), r);
            g.label = QStringLiteral("+%1 more sockets").arg(num(n - shown));
            g.color = StageColor::WaitSocket;
            g.statusColor = StageColor::WaitSocket;
            g.tooltip = g.label;
        }
    }

    // --- left: the tasks that are not finished, as cards, chips or groups ---
    void layoutTasks(const QRectF& rect) {
        std::vector<const TaskInfo*> live;
        live.reserve(m_state.tasks.size());
        for (const TaskInfo& t : m_state.tasks)
            if (!finished(t)) live.push_back(&t);
        const std::size_t n = live.size();
        const QRectF area = region(QStringLiteral("tasks"), rect, QStringLiteral("Tasks"),
                                   n                        ? QStringLiteral("%1 not finished").arg(num(n))
                                   : m_state.tasksFinished  ? QStringLiteral("all finished")
                                                            : QStringLiteral("none yet"));

        // Full cards (three lines), then compact cards (two), in one or two columns.
        const qreal fullH = m_m.line + m_m.small * 2 + m_m.pad * 2;
        const qreal compactH = m_m.line + m_m.small + m_m.pad * 1.5;
        const qreal minCellW = 215 * m_m.s;
        const int maxCols = std::max(1, static_cast<int>(std::floor((area.width() + m_m.gap) / (minCellW + m_m.gap))));
        for (qreal cardH : {fullH, compactH}) {
            for (int cols = 1; cols <= maxCols; ++cols) {
                if (placeCards(area, live, cardH, cols, cardH == fullH)) return;
            }
        }
        placeChips(area, live);
    }

    // Cards with the future each awaits beside it; false when they do not fit.
    bool placeCards(const QRectF& area, const std::vector<const TaskInfo*>& live, qreal cardH, int cols, bool full) {
        if (live.empty()) return true;
        // Even without callbacks they cannot fit: do not measure 10,000 rows to find out.
        if (static_cast<qreal>(live.size()) * (cardH + m_m.gap) > (area.height() + m_m.gap) * cols) return false;
        const qreal cellW = (area.width() - m_m.gap * (cols - 1)) / cols;
        const qreal cardW = std::min(cellW * 0.64, 300 * m_m.s);
        const qreal nodeX = cardW + m_m.gap * 5;
        const qreal nodeW = std::min(cellW - nodeX, 170 * m_m.s);
        const qreal nodeH = m_m.small * 2 + m_m.pad;
        const qreal cbH = m_m.small + m_m.pad * 0.5;

        // How tall each task's row is: the card, or the awaited future with its callbacks hanging under it.
        std::unordered_map<Id, int> nodeOwner;   // future id -> index in live of the card it sits beside
        std::vector<qreal> rowH(live.size(), cardH);
        for (std::size_t i = 0; i < live.size(); ++i) {
            const TaskInfo& t = *live[i];
            if (t.status != TaskStatus::Suspended || !t.awaiting || taskById(t.awaiting)) continue;
            if (!nodeOwner.emplace(t.awaiting, static_cast<int>(i)).second) continue;
            std::size_t cbs = 0;
            if (const model::FutureInfo* f = futureById(t.awaiting)) cbs = std::min<std::size_t>(f->callbacks.size(), 3);
            if (full) rowH[i] = std::max(cardH, nodeH + static_cast<qreal>(cbs) * (cbH + m_m.gap * 0.5));
        }
        // Fill column by column.
        std::vector<QPointF> origin(live.size());
        int col = 0;
        qreal y = area.top();
        for (std::size_t i = 0; i < live.size(); ++i) {
            if (y + rowH[i] > area.bottom() + 0.01) {
                if (++col >= cols) return false;
                y = area.top();
                if (y + rowH[i] > area.bottom() + 0.01) return false;
            }
            origin[i] = QPointF(area.left() + col * (cellW + m_m.gap), y);
            y += rowH[i] + m_m.gap;
        }
        std::unordered_map<Id, QRectF> cardRect;
        for (std::size_t i = 0; i < live.size(); ++i) {
            const TaskInfo& t = *live[i];
            const QRectF r(origin[i], QSizeF(cardW, cardH));
            cardRect.emplace(t.id, r);
            addCard(t, r, full);
        }
        for (std::size_t i = 0; i < live.size(); ++i) {
            const TaskInfo& t = *live[i];
            if (t.status != TaskStatus::Suspended || !t.awaiting) continue;
            const QRectF& from = cardRect[t.id];
            StageItem* arrow = nullptr;
            if (auto target = cardRect.find(t.awaiting); target != cardRect.end()) {
                // A task awaiting a task: the arrow bends round to the other card.
                arrow = &add(StageItemKind::Arrow, QStringLiteral("arrow:%1->%2").arg(t.id).arg(t.awaiting), {}, 2);
                arrow->p1 = QPointF(from.right(), from.center().y());
                arrow->p2 = QPointF(target->second.right(), target->second.center().y());
                arrow->curved = true;
            } else if (auto owner = nodeOwner.find(t.awaiting); owner != nodeOwner.end()) {
                const QPointF o = origin[static_cast<std::size_t>(owner->second)];
                const QRectF node(o.x() + nodeX, o.y() + (cardH - nodeH) / 2 * (full ? 0 : 1), nodeW, nodeH);
                if (owner->second == static_cast<int>(i)) addFutureNode(t.awaiting, node, full, cbH);
                arrow = &add(StageItemKind::Arrow, QStringLiteral("arrow:%1->%2").arg(t.id).arg(t.awaiting), {}, 2);
                arrow->p1 = QPointF(from.right(), from.center().y());
                arrow->p2 = QPointF(node.left(), node.center().y());
                arrow->curved = owner->second != static_cast<int>(i);
            }
            if (arrow) {
                arrow->rect = QRectF(arrow->p1, arrow->p2).normalized();
                arrow->statusColor = statusColorOf(t, false);
                arrow->modelId = t.id;
            }
        }
        return true;
    }

    void addCard(const TaskInfo& t, const QRectF& r, bool full) {
        StageItem& c = add(StageItemKind::TaskCard, idKey("task", t.id), r);
        c.modelId = t.id;
        c.label = qs(t.name);
        c.color = StageColor::Task;
        c.colorIndex = t.colorIndex;
        c.statusColor = statusColorOf(t, m_state.blockedInSleep);
        c.highlighted = t.status == TaskStatus::Running;
        const QString where = t.line > 0                          ? QStringLiteral("line %1").arg(t.line)
                              : t.status == TaskStatus::Created ? QStringLiteral("not started")
                                                                : QStringLiteral("in asyncio's code");
        const QString status = taskStatusText(t);
        if (full) {
            c.detail = QStringLiteral("%1()  ·  %2").arg(qs(t.coro), where);
            c.extra = status;
        } else {
            c.detail = QStringLiteral("%1() · %2").arg(qs(t.coro), where);   // the pill says the state
        }
        if (t.cancelRequests) c.extra += QStringLiteral("  · cancel requested");
        if (!t.callbacks.empty()) {
            // A Task is a Future: its done callbacks hang on its card.
            QStringList names;
            for (std::string_view cb : t.callbacks) names << qs(cb);
            (full ? c.extra : c.detail) += QStringLiteral("  ⤷ ") + names.join(QStringLiteral(", "));
        }
        c.tooltip = taskTooltip(t);
    }

    void addFutureNode(Id id, const QRectF& r, bool full, qreal cbH) {
        StageItem& node = add(StageItemKind::FutureNode, idKey("future", id), r);
        node.modelId = id;
        const model::FutureInfo* f = futureById(id);
        node.label = f ? futureKindText(f->kind) : QStringLiteral("Future");
        node.label += QStringLiteral(" #%1").arg(id);
        node.color = StageColor::WaitFuture;
        if (f && f->timer) {
            node.detail = QStringLiteral("done by timer #%1").arg(f->timer);
            node.color = StageColor::WaitTimer;
        } else if (f && f->socket) {
            node.detail = QStringLiteral("done by socket #%1").arg(f->socket);
            node.color = StageColor::WaitSocket;
        } else if (f && f->sync) {
            const model::SyncInfo* s = syncById(f->sync);
            node.detail = QStringLiteral("waiter of %1 #%2").arg(s ? syncKindText(s->kind) : QStringLiteral("sync")).arg(f->sync);
            node.color = StageColor::WaitSync;
        } else {
            node.detail = f ? QStringLiteral("pending") : QString();
        }
        node.statusColor = node.color;
        node.tooltip = QStringLiteral("%1: a future the task awaits; when it gets a result, its done callbacks "
                                      "(the task's wake-up) go to the ready queue.")
                           .arg(node.label);
        if (!f || !full) return;
        const std::size_t shown = std::min<std::size_t>(f->callbacks.size(), 3);
        qreal y = r.bottom() + m_m.gap * 0.5;
        for (std::size_t k = 0; k < shown; ++k) {
            const QRectF cr(r.left() + m_m.pad, y, r.width() - m_m.pad, cbH);
            StageItem& cb = add(StageItemKind::Callback, QStringLiteral("callback:%1:%2").arg(id).arg(k), cr);
            cb.modelId = id;
            cb.label = qs(f->callbacks[k]);
            if (k + 1 == shown && f->callbacks.size() > shown)
                cb.label = QStringLiteral("+%1 more callbacks").arg(f->callbacks.size() - shown + 1);
            cb.color = StageColor::WaitFuture;
            cb.tooltip = QStringLiteral("Done callback of %1: it is scheduled with call_soon when the future completes.")
                             .arg(node.label);
            y += cbH + m_m.gap * 0.5;
        }
    }

    // Too many for cards: one-line chips, and past what fits, counted groups.
    void placeChips(const QRectF& area, const std::vector<const TaskInfo*>& live) {
        const qreal chipH = m_m.small + m_m.pad;
        const qreal chipW = 118 * m_m.s;
        const int cols = std::max(1, static_cast<int>(std::floor((area.width() + m_m.gap) / (chipW + m_m.gap))));
        const qreal cw = (area.width() - m_m.gap * (cols - 1)) / cols;
        const int rows = std::max(0, static_cast<int>(std::floor((area.height() + m_m.gap) / (chipH + m_m.gap))));
        const std::size_t capacity = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
        const std::size_t n = live.size();
        // Groups take the last row(s): one cell per non-empty group.
        std::size_t counts[static_cast<int>(TaskGroup::Count)] = {};
        std::size_t groupCells = 0;
        std::size_t chips = n;
        if (n > capacity) {
            // Count what is left once the chips are placed; iterate because the group cells take chip room.
            chips = capacity > 7 ? capacity - 7 : 0;
            for (std::size_t i = chips; i < n; ++i) ++counts[static_cast<int>(groupOf(*live[i]))];
            for (std::size_t c : counts) groupCells += c ? 1 : 0;
            chips = capacity > groupCells ? capacity - groupCells : 0;
            std::fill(std::begin(counts), std::end(counts), 0);
            for (std::size_t i = chips; i < n; ++i) ++counts[static_cast<int>(groupOf(*live[i]))];
        }
        auto cellRect = [&](std::size_t k) {
            const std::size_t r = k / static_cast<std::size_t>(cols), c = k % static_cast<std::size_t>(cols);
            return QRectF(area.left() + static_cast<qreal>(c) * (cw + m_m.gap),
                          area.top() + static_cast<qreal>(r) * (chipH + m_m.gap), cw, chipH);
        };
        for (std::size_t i = 0; i < chips; ++i) {
            const TaskInfo& t = *live[i];
            StageItem& c = add(StageItemKind::TaskChip, idKey("task", t.id), cellRect(i));
            c.modelId = t.id;
            c.label = qs(t.name);
            c.color = StageColor::Task;
            c.colorIndex = t.colorIndex;
            c.statusColor = statusColorOf(t, m_state.blockedInSleep);
            c.highlighted = t.status == TaskStatus::Running;
            c.tooltip = taskTooltip(t);
        }
        std::size_t k = chips;
        for (int g = 0; g < static_cast<int>(TaskGroup::Count); ++g) {
            if (!counts[g] || k >= capacity) continue;
            const QRectF r = cellRect(k++);
            StageItem& it = add(StageItemKind::Group, QStringLiteral("group:%1").arg(g), r);
            it.label = QStringLiteral("+%1 %2").arg(num(counts[g]), groupText(static_cast<TaskGroup>(g)));
            it.color = groupColor(static_cast<TaskGroup>(g));
            it.statusColor = it.color;
            it.tooltip = it.label;
        }
    }

    QString taskStatusText(const TaskInfo& t) const {
        switch (t.status) {
        case TaskStatus::Created: return QStringLiteral("created: first step is in the ready queue");
        case TaskStatus::Ready: return QStringLiteral("ready: its next step is queued");
        case TaskStatus::Running: return m_state.blockedInSleep ? QStringLiteral("running, but blocked in time.sleep")
                                                                : QStringLiteral("running now");
        case TaskStatus::Suspended: break;
        default: return taskStatusWord(t.status);
        }
        switch (t.waitKind) {
        case WaitKind::Timer: return QStringLiteral("suspended: waits for a timer");
        case WaitKind::Socket: return QStringLiteral("suspended: waits for a socket");
        case WaitKind::Task: {
            const TaskInfo* other = taskById(t.awaiting);
            return other ? QStringLiteral("suspended: waits for %1").arg(qs(other->name))
                         : QStringLiteral("suspended: waits for a task");
        }
        case WaitKind::Sync: return QStringLiteral("suspended: waits on a queue/lock");
        default: return QStringLiteral("suspended: waits for a future");
        }
    }

    QString taskTooltip(const TaskInfo& t) const {
        QString tip = QStringLiteral("%1 (task #%2) runs %3()\n%4").arg(qs(t.name)).arg(t.id).arg(qs(t.coro), taskStatusText(t));
        if (t.line > 0) tip += QStringLiteral("\nAt line %1").arg(t.line);
        if (t.awaiting) tip += QStringLiteral("\nAwaits #%1").arg(t.awaiting);
        if (!t.frames.empty()) {
            tip += QStringLiteral("\nFrames:");
            for (const model::Frame& f : t.frames) tip += QStringLiteral("\n  %1, line %2").arg(qs(f.function)).arg(f.line);
        }
        if (t.cancelRequests) tip += QStringLiteral("\nCancel requested %1×").arg(t.cancelRequests);
        if (!t.outcome.empty()) tip += QStringLiteral("\nOutcome: %1").arg(qs(t.outcome));
        return tip;
    }

    // --- queues, locks, semaphores, events ---
    qreal syncChipH() const { return m_m.small + m_m.pad * 0.6; }

    void layoutSyncs(const QRectF& rect) {
        const std::size_t regionIndex = m_out.items.size();
        const QRectF area = region(QStringLiteral("syncs"), rect, QStringLiteral("Queues, locks, events"));
        // A Queue's join() Event and a Condition's Lock belong to their user: said in its box, not boxed apart.
        std::vector<const model::SyncInfo*> boxes;
        for (const model::SyncInfo& s : m_state.syncs)
            if (!s.usedBy || !syncById(s.usedBy)) boxes.push_back(&s);
        const std::size_t n = boxes.size();
        if (n == 0) return;
        const qreal boxW = std::max(200 * m_m.s, std::min(360 * m_m.s, (area.width() - m_m.gap * (n - 1)) / n));
        const std::size_t fit = static_cast<std::size_t>(std::max(1.0, std::floor((area.width() + m_m.gap) / (boxW + m_m.gap))));
        const std::size_t shown = std::min(n, fit);
        const qreal chipH = syncChipH();
        const QFontMetricsF fm(stageSmallFont(m_palette));
        const qreal captionW = fm.horizontalAdvance(QStringLiteral("waiting")) + m_m.pad;
        for (std::size_t i = 0; i < shown; ++i) {
            const model::SyncInfo& s = *boxes[i];
            const QRectF box(area.left() + static_cast<qreal>(i) * (boxW + m_m.gap), area.top(), boxW, area.height());
            StageItem& it = add(StageItemKind::Sync, idKey("sync", s.id), box);
            it.modelId = s.id;
            it.label = QStringLiteral("%1 #%2").arg(s.type.empty() ? syncKindText(s.kind) : qs(s.type)).arg(s.id);
            it.detail = syncValueText(s);
            if (const model::SyncInfo* inner = s.uses ? syncById(s.uses) : nullptr)
                it.detail += QStringLiteral(" · its %1 %2")
                                 .arg(inner->type.empty() ? syncKindText(inner->kind) : qs(inner->type), syncValueText(*inner));
            it.color = StageColor::WaitSync;
            it.statusColor = s.waiters.empty() ? StageColor::Muted : StageColor::WaitSync;
            it.tooltip = QStringLiteral("%1: %2\n%3 waiting (FIFO)").arg(it.label, it.detail).arg(s.waiters.size());
            // Queue items on one row, waiters on the next; p1/p2 say where their captions go.
            const qreal itemsY = box.top() + m_m.pad * 0.6 + m_m.line + m_m.pad * 0.4;
            const qreal waitersY = itemsY + chipH + m_m.gap;
            const bool hasItems = s.kind == model::SyncKind::Queue;
            it.p1 = hasItems ? QPointF(box.left() + m_m.pad, itemsY + chipH / 2) : QPointF();
            it.p2 = QPointF(box.left() + m_m.pad, (hasItems ? waitersY : itemsY) + chipH / 2);
            const qreal x0 = box.left() + m_m.pad + captionW;
            const qreal right = box.right() - m_m.pad;
            auto chipRow = [&](std::size_t count, qreal y, auto&& fill) {
                qreal x = x0;
                for (std::size_t k = 0; k < count; ++k) {
                    StageItem c;
                    fill(k, c);
                    qreal w = std::clamp(fm.horizontalAdvance(c.label) + m_m.pad * 2, 30 * m_m.s, 130 * m_m.s);
                    const qreal moreW = 34 * m_m.s;
                    if (x + w > right - (k + 1 < count ? moreW + m_m.gap : 0)) {
                        // No room: one "+N" chip for the rest.
                        c.label = QStringLiteral("+%1").arg(count - k);
                        c.key += QStringLiteral(":more");
                        c.color = StageColor::Panel;
                        w = moreW;
                        k = count;
                    }
                    c.rect = QRectF(x, y, w, chipH);
                    c.kind = StageItemKind::SyncItem;
                    c.z = 1;
                    m_out.items.push_back(std::move(c));
                    x += w + m_m.gap;
                }
            };
            if (hasItems)
                chipRow(s.items.size(), itemsY, [&](std::size_t k, StageItem& c) {
                    c.key = QStringLiteral("syncitem:%1:%2").arg(s.id).arg(k);
                    c.label = qs(s.items[k]);
                    c.color = StageColor::Panel;
                    c.statusColor = StageColor::WaitSync;
                    c.tooltip = QStringLiteral("Item %1 in the queue (front first): %2").arg(k + 1).arg(c.label);
                });
            // get()/acquire() waiters first, then a Queue's put() waiters (marked "put").
            const std::size_t nWait = s.waiters.size();
            chipRow(nWait + s.putters.size(), hasItems ? waitersY : itemsY, [&](std::size_t k, StageItem& c) {
                const bool putter = k >= nWait;
                const Id fut = putter ? s.putters[k - nWait] : s.waiters[k];
                const TaskInfo* waiter = awaitingTask(fut);
                c.key = QStringLiteral("syncwaiter:%1:%2").arg(s.id).arg(fut);
                c.modelId = waiter ? waiter->id : fut;
                c.label = waiter ? qs(waiter->name) : QStringLiteral("#%1").arg(fut);
                if (putter) c.label = QStringLiteral("put: ") + c.label;
                c.color = waiter ? StageColor::Task : StageColor::WaitSync;
                c.colorIndex = waiter ? waiter->colorIndex : 0;
                c.statusColor = StageColor::WaitSync;
                c.tooltip = QStringLiteral("Waiter %1 (FIFO): future #%2%3")
                                .arg(k + 1)
                                .arg(fut)
                                .arg(waiter ? QStringLiteral(", awaited by ") + qs(waiter->name) : QString());
            });
        }
        // Those that do not fit are counted in the heading.
        if (shown < n) m_out.items[regionIndex].detail = QStringLiteral("+%1 more not shown").arg(n - shown);
    }

    const TaskInfo* awaitingTask(Id future) {
        if (m_awaitedBy.empty()) {
            for (const TaskInfo& t : m_state.tasks)
                if (t.awaiting) m_awaitedBy.emplace(t.awaiting, &t);
            m_awaitedBy.emplace(0, nullptr);   // built
        }
        auto it = m_awaitedBy.find(future);
        return it == m_awaitedBy.end() ? nullptr : it->second;
    }

    static QString syncValueText(const model::SyncInfo& s) {
        switch (s.kind) {
        case model::SyncKind::Queue:
            return QStringLiteral("%1 items · maxsize %2").arg(s.items.size()).arg(s.value);
        case model::SyncKind::Lock: return s.value ? QStringLiteral("locked") : QStringLiteral("unlocked");
        case model::SyncKind::Semaphore: return QStringLiteral("value %1").arg(s.value);
        case model::SyncKind::Event: return s.value ? QStringLiteral("set") : QStringLiteral("not set");
        case model::SyncKind::Condition: return QStringLiteral("%1 waiting").arg(s.waiters.size());
        }
        return {};
    }

    // --- finished tasks, compact, along the bottom ---
    void layoutDone(const QRectF& rect) {
        std::size_t listed = 0;   // the model keeps only the most recently finished tasks
        for (const TaskInfo& t : m_state.tasks) listed += finished(t) ? 1 : 0;
        const std::size_t n = std::max<std::size_t>(listed, m_state.tasksFinished);
        const QRectF area = region(QStringLiteral("done"), rect, QStringLiteral("Finished tasks"),
                                   n ? num(n) : QStringLiteral("none yet"));
        const qreal chipH = area.height();
        const qreal chipW = 128 * m_m.s;
        const std::size_t fit = static_cast<std::size_t>(std::max(1.0, std::floor((area.width() + m_m.gap) / (chipW + m_m.gap))));
        std::size_t shown = std::min(listed, fit);
        if (shown < n) shown = std::min(listed, fit - 1);
        std::size_t k = 0;
        // The most recently finished first would reorder as tasks finish; creation order keeps chips still.
        for (const TaskInfo& t : m_state.tasks) {
            if (!finished(t)) continue;
            if (k >= shown) break;
            const QRectF r(area.left() + static_cast<qreal>(k) * (chipW + m_m.gap), area.top(), chipW, chipH);
            StageItem& c = add(StageItemKind::DoneTask, idKey("task", t.id), r);
            c.modelId = t.id;
            c.label = qs(t.name);
            c.color = StageColor::Task;
            c.colorIndex = t.colorIndex;
            c.statusColor = statusColorOf(t, false);
            c.tooltip = taskTooltip(t);
            ++k;
        }
        if (shown < n) {
            const QRectF r(area.left() + static_cast<qreal>(k) * (chipW + m_m.gap), area.top(), chipW, chipH);
            StageItem& g = add(StageItemKind::Group, QStringLiteral("done-more"), r);
            g.label = QStringLiteral("+%1 more").arg(num(n - shown));
            g.color = StageColor::Done;
            g.statusColor = StageColor::Done;
            g.tooltip = QStringLiteral("%1 finished tasks in all").arg(num(n));
        }
    }

    void layoutLegend(const QRectF& r) {
        StageItem& l = add(StageItemKind::Legend, QStringLiteral("legend"), r);
        l.tooltip = QStringLiteral("What the colours of cards, chips and arrows mean.");
    }

    void layoutSleepBlock(const QRectF& r) {
        StageItem& b = add(StageItemKind::SleepBlock, QStringLiteral("sleep-block"), r, 3);
        b.label = QStringLiteral("Blocked in time.sleep");
        b.detail = QStringLiteral("clock %1 → %2 s").arg(m_state.sleepFrom, 0, 'f', 3).arg(m_state.clock, 0, 'f', 3);
        b.extra = QStringLiteral("The whole thread sleeps: the loop cannot run any handle, timer or socket meanwhile.");
        b.color = StageColor::Blocked;
        b.tooltip = b.detail + QStringLiteral("\n") + b.extra;
    }

    const State& m_state;
    QSizeF m_size;
    const Palette& m_palette;
    Metrics m_m;
    bool m_tasksSorted, m_futuresSorted;
    StageLayout m_out;
    std::unordered_map<Id, const TaskInfo*> m_awaitedBy;
};

}  // namespace

StageLayout layoutStage(const State& state, const QSizeF& size, const Palette& palette) {
    return Builder(state, size, palette).build();
}

}  // namespace aw::ui
