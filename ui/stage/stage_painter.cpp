#include "ui/stage/stage_painter.h"

#include "ui/stage/stage_text.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <cmath>
#include <vector>

namespace aw::ui {

namespace {

QColor mix(const QColor& a, const QColor& b, qreal t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Draws one item of a layout; holds the fonts and metrics so each item is a few lines.
class ItemPainter {
public:
    ItemPainter(QPainter& p, const Palette& palette)
        : m_p(p), m_pal(palette), m_label(stageLabelFont(palette)), m_small(stageSmallFont(palette)),
          m_heading(stageHeadingFont(palette)), m_mono(stageMonoFont(palette)), m_s(palette.scale),
          m_lw(palette.lineWidth) {
        m_smallBold = m_small;
        m_smallBold.setBold(true);
        m_clock = m_mono;
        m_clock.setPointSizeF(m_mono.pointSizeF() * 1.7);
        m_clock.setBold(true);
        m_big = m_label;
        m_big.setPointSizeF(m_label.pointSizeF() * 1.35);
    }

    QColor color(StageColor c, uint32_t index) const {
        switch (c) {
        case StageColor::Panel: return m_pal.panel;
        case StageColor::Accent: return m_pal.accent;
        case StageColor::Muted: return m_pal.muted;
        case StageColor::Running: return m_pal.running;
        case StageColor::Ready: return m_pal.ready;
        case StageColor::WaitTimer: return m_pal.waitTimer;
        case StageColor::WaitSocket: return m_pal.waitSocket;
        case StageColor::WaitFuture: return m_pal.waitFuture;
        case StageColor::WaitSync: return m_pal.waitSync;
        case StageColor::Blocked: return m_pal.blocked;
        case StageColor::Done: return m_pal.done;
        case StageColor::Cancelled: return m_pal.cancelled;
        case StageColor::Failed: return m_pal.failed;
        case StageColor::Error: return m_pal.error;
        case StageColor::Task: return m_pal.taskColor(index);
        }
        return m_pal.text;
    }
    // A light wash of `c` over the background: fills that keep text legible.
    QColor tint(const QColor& c, qreal amount) const { return mix(m_pal.background, c, amount); }
    qreal tintAmount() const { return m_pal.id == ThemeId::Dark ? 0.22 : (m_pal.id == ThemeId::Projector ? 0.16 : 0.13); }

    void draw(const StageItem& it) {
        if (it.opacity <= 0.001) return;
        m_p.save();
        m_p.setOpacity(it.opacity);
        switch (it.kind) {
        case StageItemKind::Region: region(it); break;
        case StageItemKind::Loop: loop(it); break;
        case StageItemKind::Clock: clock(it); break;
        case StageItemKind::ReadyEntry:
        case StageItemKind::Socket:
        case StageItemKind::Group: entry(it); break;
        case StageItemKind::Timer: timer(it); break;
        case StageItemKind::TimeAxis: axis(it); break;
        case StageItemKind::TaskCard: card(it); break;
        case StageItemKind::TaskChip:
        case StageItemKind::DoneTask: chip(it); break;
        case StageItemKind::FutureNode: futureNode(it); break;
        case StageItemKind::Callback: callback(it); break;
        case StageItemKind::Arrow: arrow(it); break;
        case StageItemKind::Sync: sync(it); break;
        case StageItemKind::SyncItem: syncItem(it); break;
        case StageItemKind::SleepBlock: sleepBlock(it); break;
        case StageItemKind::Legend: legend(it); break;
        case StageItemKind::Banner: banner(it); break;
        }
        m_p.restore();
    }

private:
    qreal r(qreal v) const { return v * m_s; }

    // Font metrics are costly to build; the painter uses a handful of fonts, so keep one per font.
    const QFontMetricsF& fm(const QFont& font) {
        for (auto& [f, m] : m_metrics)
            if (f == font) return m;
        m_metrics.emplace_back(font, QFontMetricsF(font));
        return m_metrics.back().second;
    }

    void text(const QRectF& rect, const QFont& font, const QColor& c, const QString& s,
              Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
        if (s.isEmpty() || rect.width() <= 2) return;
        m_p.setFont(font);
        m_p.setPen(c);
        const QFontMetricsF& metrics = fm(font);
        const QString shown =
            metrics.horizontalAdvance(s) <= rect.width() ? s : metrics.elidedText(s, Qt::ElideRight, rect.width());
        m_p.drawText(rect, static_cast<int>(align) | Qt::TextSingleLine, shown);
    }

    void roundBox(const QRectF& rect, qreal radius, const QColor& fill, const QColor& border, qreal width,
                  Qt::PenStyle style = Qt::SolidLine) {
        QPen pen(border, width, style);
        pen.setJoinStyle(Qt::RoundJoin);
        m_p.setPen(width > 0 ? pen : QPen(Qt::NoPen));
        m_p.setBrush(fill);
        m_p.drawRoundedRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2), radius, radius);
    }

    // A coloured bar down the left edge of a rounded box.
    void stripe(const QRectF& rect, qreal radius, qreal w, const QColor& c) {
        QPainterPath clip;
        clip.addRoundedRect(rect, radius, radius);
        m_p.save();
        m_p.setClipPath(clip, Qt::IntersectClip);
        m_p.fillRect(QRectF(rect.left(), rect.top(), w, rect.height()), c);
        m_p.restore();
    }

    void region(const StageItem& it) {
        roundBox(it.rect, r(9), m_pal.panel, m_pal.panelBorder, m_lw);
        const qreal h = fm(m_heading).height();
        const QRectF band(it.rect.left() + r(10), it.rect.top() + r(4), it.rect.width() - r(20), h);
        text(band, m_heading, m_pal.muted, it.label);
        if (!it.detail.isEmpty()) {
            const qreal used = fm(m_heading).horizontalAdvance(it.label) + r(12);
            text(band.adjusted(used, 0, 0, 0), m_small, m_pal.muted, it.detail, Qt::AlignRight | Qt::AlignVCenter);
        }
    }

    void clock(const StageItem& it) {
        const QColor c = color(it.color, it.colorIndex);
        const qreal big = fm(m_clock).height();
        QRectF top(it.rect.left(), it.rect.top(), it.rect.width(), big);
        // A small clock glyph: a circle with two hands.
        const qreal d = big * 0.62;
        const QRectF face(top.left() + r(2), top.center().y() - d / 2, d, d);
        m_p.setPen(QPen(c, std::max<qreal>(1.5, m_lw * 1.3)));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawEllipse(face);
        m_p.drawLine(face.center(), face.center() + QPointF(0, -d * 0.32));
        m_p.drawLine(face.center(), face.center() + QPointF(d * 0.24, 0));
        text(top.adjusted(d + r(10), 0, 0, 0), m_clock, c, it.label);
        text(QRectF(it.rect.left() + d + r(10), top.bottom(), it.rect.width(), it.rect.height() - big), m_small,
             m_pal.muted, it.detail, Qt::AlignLeft | Qt::AlignTop);
    }

    void banner(const StageItem& it) {
        const QColor c = color(it.color, 0);
        roundBox(it.rect, it.rect.height() / 2, tint(c, tintAmount() * 1.5), c, m_lw * 1.5);
        text(it.rect.adjusted(r(12), 0, -r(12), 0), m_label, m_pal.text, it.label, Qt::AlignCenter);
    }

    void loop(const StageItem& it) {
        const QColor c = color(it.color, 0);
        const qreal d = std::min(it.rect.width(), it.rect.height());
        // Text inside the disc when it is big enough to hold it, else beside a smaller ring.
        const bool inside = d >= r(165);
        const qreal dd = inside ? d : std::min(it.rect.height(), it.rect.width() * 0.38);
        const QRectF box = inside ? QRectF(it.rect.center().x() - dd / 2, it.rect.center().y() - dd / 2, dd, dd)
                                  : QRectF(it.rect.left(), it.rect.center().y() - dd / 2, dd, dd);
        const QRectF disc = box.adjusted(r(6), r(6), -r(6), -r(6));
        const qreal ring = std::max<qreal>(3, 3.5 * m_lw);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(tint(c, tintAmount()));
        m_p.drawEllipse(disc);
        // The ring is an arrow going round: the loop turning.
        QPen pen(it.statusColor == StageColor::Task ? color(StageColor::Task, it.colorIndex) : c, ring);
        pen.setCapStyle(Qt::RoundCap);
        m_p.setPen(pen);
        m_p.setBrush(Qt::NoBrush);
        m_p.drawArc(disc, 100 * 16, 320 * 16);
        const qreal rad = disc.width() / 2;
        const qreal a = qDegreesToRadians(100.0);
        const QPointF tip(disc.center().x() + rad * std::cos(a), disc.center().y() - rad * std::sin(a));
        const qreal hs = ring * (inside ? 2.6 : 2.0);
        QPolygonF head;
        head << tip + QPointF(hs, 0) << tip + QPointF(-hs * 0.2, -hs * 0.9) << tip + QPointF(-hs * 0.2, hs * 0.9);
        m_p.setBrush(pen.color());
        m_p.setPen(Qt::NoPen);
        m_p.drawPolygon(head);
        if (it.highlighted) {
            QColor glow = pen.color();
            glow.setAlphaF(0.25f);
            m_p.setPen(QPen(glow, ring * 3));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawEllipse(disc.adjusted(-ring, -ring, ring, ring));
        }
        const qreal bh = fm(m_big).height(), sh = fm(m_small).height();
        const qreal total = bh + sh * (it.note.isEmpty() ? 2.2 : 3.2);
        QRectF textBox;
        Qt::Alignment align = Qt::AlignCenter;
        if (inside) {
            textBox = QRectF(disc.left() + rad * 0.14, disc.center().y() - total / 2, disc.width() - rad * 0.28, total);
        } else {
            textBox = QRectF(box.right() + r(8), it.rect.center().y() - total / 2, it.rect.right() - box.right() - r(8), total);
            align = Qt::AlignLeft | Qt::AlignVCenter;
        }
        qreal y = textBox.top();
        text(QRectF(textBox.left(), y, textBox.width(), bh), m_big, m_pal.text, it.label, align);
        y += bh;
        text(QRectF(textBox.left(), y, textBox.width(), sh), m_smallBold, m_pal.text, it.detail, align);
        y += sh * 1.2;
        text(QRectF(textBox.left(), y, textBox.width(), sh), m_small, m_pal.text, it.extra, align);
        y += sh;
        text(QRectF(textBox.left(), y, textBox.width(), sh), m_small, m_pal.muted, it.note, align);
    }

    // Ready entries, sockets, "+N more" groups: a box with a stripe, a label and a detail line.
    void entry(const StageItem& it) {
        const QColor c = color(it.statusColor, it.colorIndex);
        const QColor fillBase = color(it.color, it.colorIndex);
        const qreal rad = r(6);
        const bool group = it.kind == StageItemKind::Group;
        roundBox(it.rect, rad, tint(fillBase, tintAmount() * (group ? 0.6 : 1.0)), group ? fillBase : tint(c, 0.7),
                 m_lw * (it.highlighted ? 2.0 : 1.0), group ? Qt::DashLine : Qt::SolidLine);
        if (!group) stripe(it.rect, rad, r(5), c);
        const qreal lh = fm(m_label).height();
        const QRectF inner = it.rect.adjusted(r(group ? 8 : 11), r(2), -r(6), -r(2));
        if (it.detail.isEmpty()) {
            text(inner, m_label, m_pal.text, it.label, group ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter);
            return;
        }
        const bool tagged = it.highlighted && it.kind == StageItemKind::ReadyEntry;
        const qreal tagW = tagged ? fm(m_smallBold).horizontalAdvance(QStringLiteral("next")) + r(16) : 0;
        text(QRectF(inner.left(), inner.top(), inner.width() - tagW, lh), m_label, m_pal.text, it.label);
        text(QRectF(inner.left(), inner.top() + lh, inner.width(), inner.height() - lh), m_small, m_pal.muted, it.detail,
             Qt::AlignLeft | Qt::AlignTop);
        if (it.struck) {
            m_p.setPen(QPen(m_pal.error, std::max<qreal>(1.5, m_lw * 1.5)));
            const qreal y = inner.top() + lh / 2;
            m_p.drawLine(QPointF(inner.left(), y), QPointF(inner.right() - tagW, y));
        }
        if (tagged) {
            // "next" tag on the front of the queue.
            const QString tag = QStringLiteral("next");
            const qreal w = fm(m_smallBold).horizontalAdvance(tag) + r(10);
            const QRectF t(it.rect.right() - w - r(5), it.rect.top() + r(4), w, fm(m_small).height());
            roundBox(t, t.height() / 2, c, c, 0);
            text(t, m_smallBold, m_pal.background, tag, Qt::AlignCenter);
        }
    }

    void timer(const StageItem& it) {
        const QColor c = color(it.statusColor, 0);
        // Leader from the timer's due time on the axis to its row.
        QPen lead(c, m_lw, it.struck ? Qt::DotLine : Qt::SolidLine);
        m_p.setPen(lead);
        m_p.setBrush(Qt::NoBrush);
        QPainterPath path(it.p1);
        const qreal mid = (it.p1.x() + it.p2.x()) / 2;
        path.cubicTo(QPointF(mid, it.p1.y()), QPointF(mid, it.p2.y()), it.p2);
        m_p.drawPath(path);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(c);
        m_p.drawEllipse(it.p1, r(3.5), r(3.5));

        const qreal rad = r(6);
        roundBox(it.rect, rad, tint(c, tintAmount()), tint(c, 0.7), m_lw * (it.highlighted ? 2.0 : 1.0));
        stripe(it.rect, rad, r(5), c);
        const qreal lh = fm(m_label).height();
        const QRectF inner = it.rect.adjusted(r(11), r(2), -r(8), -r(2));
        const QRectF top(inner.left(), inner.top(), inner.width(), lh);
        const qreal extraW = fm(m_mono).horizontalAdvance(it.extra) + r(4);
        text(top.adjusted(0, 0, -extraW, 0), m_label, it.struck ? m_pal.muted : m_pal.text, it.label);
        text(top, m_mono, it.highlighted ? c.darker(130) : m_pal.muted, it.extra, Qt::AlignRight | Qt::AlignVCenter);
        text(QRectF(inner.left(), top.bottom(), inner.width(), inner.height() - lh), m_small, m_pal.muted, it.detail,
             Qt::AlignLeft | Qt::AlignTop);
        if (it.struck) {
            m_p.setPen(QPen(m_pal.error, std::max<qreal>(1.5, m_lw * 1.5)));
            const qreal y = it.rect.center().y();
            m_p.drawLine(QPointF(it.rect.left() + r(4), y), QPointF(it.rect.right() - r(4), y));
            text(it.rect.adjusted(0, 0, -r(8), -r(2)), m_smallBold, m_pal.error, it.struckLabel,
                 Qt::AlignRight | Qt::AlignBottom);
        }
    }

    void axis(const StageItem& it) {
        const QColor c = color(it.color, 0);
        m_p.setPen(QPen(m_pal.grid, std::max<qreal>(2, m_lw * 2), Qt::SolidLine, Qt::RoundCap));
        m_p.drawLine(it.p1, it.p2);
        // The clock: a marker at the top of the axis.
        const qreal m = r(6);
        QPolygonF tri;
        tri << it.p1 + QPointF(-m, -m * 0.8) << it.p1 + QPointF(m, -m * 0.8) << it.p1 + QPointF(0, m * 0.4);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(c);
        m_p.drawPolygon(tri);
        const qreal sh = fm(m_small).height();
        text(QRectF(it.rect.left() - r(2), it.rect.top() - sh * 0.15, it.rect.width() * 2, sh), m_smallBold, c, it.label);
        if (!it.detail.isEmpty())
            text(QRectF(it.rect.left(), it.p2.y() - sh, it.p1.x() - it.rect.left() - r(4), sh), m_small, m_pal.muted,
                 it.detail, Qt::AlignRight | Qt::AlignVCenter);
    }

    void card(const StageItem& it) {
        const QColor taskC = color(StageColor::Task, it.colorIndex);
        const QColor statusC = color(it.statusColor, it.colorIndex);
        const qreal rad = r(8);
        if (it.highlighted) {
            QColor glow = statusC;
            glow.setAlphaF(0.28f);
            m_p.setPen(Qt::NoPen);
            m_p.setBrush(glow);
            m_p.drawRoundedRect(it.rect.adjusted(-r(4), -r(4), r(4), r(4)), rad + r(4), rad + r(4));
        }
        roundBox(it.rect, rad, mix(m_pal.background, taskC, tintAmount() * 0.45), statusC, m_lw * (it.highlighted ? 2.6 : 1.6));
        stripe(it.rect, rad, r(7), taskC);
        const qreal lh = fm(m_label).height(), sh = fm(m_small).height();
        const QRectF inner = it.rect.adjusted(r(14), r(4), -r(8), -r(3));
        // Status pill at the top right: the state word in the status colour.
        const QString word = pillWord(it.statusColor);
        const qreal pw = fm(m_smallBold).horizontalAdvance(word) + r(12);
        const QRectF pill(inner.right() - pw, inner.top() + (lh - sh) / 2, pw, sh);
        roundBox(pill, sh / 2, statusC, statusC, 0);
        text(pill, m_smallBold, readableOn(statusC), word, Qt::AlignCenter);
        text(QRectF(inner.left(), inner.top(), inner.width() - pw - r(6), lh), m_label, m_pal.text, it.label);
        text(QRectF(inner.left(), inner.top() + lh, inner.width(), sh), m_small, m_pal.text, it.detail);
        if (!it.extra.isEmpty())
            text(QRectF(inner.left(), inner.top() + lh + sh, inner.width(), sh), m_small, m_pal.muted, it.extra);
    }

    QString pillWord(StageColor c) const {
        switch (c) {
        case StageColor::Running: return QStringLiteral("running");
        case StageColor::Ready: return QStringLiteral("ready");
        case StageColor::WaitTimer: return QStringLiteral("timer");
        case StageColor::WaitSocket: return QStringLiteral("socket");
        case StageColor::WaitFuture: return QStringLiteral("future");
        case StageColor::WaitSync: return QStringLiteral("sync");
        case StageColor::Blocked: return QStringLiteral("blocked");
        case StageColor::Done: return QStringLiteral("done");
        case StageColor::Cancelled: return QStringLiteral("cancelled");
        case StageColor::Failed: return QStringLiteral("failed");
        default: return {};
        }
    }

    // Black or white text on a coloured fill, whichever reads better.
    static QColor readableOn(const QColor& fill) {
        const qreal lum = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
        return lum > 0.6 ? QColor(0x1f2328) : QColor(Qt::white);
    }

    // Task chips and finished tasks: a pill with a task-colour dot and the name.
    void chip(const StageItem& it) {
        const QColor statusC = color(it.statusColor, it.colorIndex);
        const QColor taskC = color(StageColor::Task, it.colorIndex);
        const qreal rad = std::min(it.rect.height() / 2, r(8));
        roundBox(it.rect, rad, tint(statusC, tintAmount() * 1.6), statusC, m_lw * (it.highlighted ? 2.4 : 1.2));
        const qreal d = std::min(it.rect.height() * 0.45, r(10));
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(taskC);
        m_p.drawEllipse(QPointF(it.rect.left() + r(6) + d / 2, it.rect.center().y()), d / 2, d / 2);
        QString mark;
        if (it.kind == StageItemKind::DoneTask) {
            mark = it.statusColor == StageColor::Done ? QStringLiteral("✓")
                   : it.statusColor == StageColor::Failed ? QStringLiteral("✗")
                                                          : QStringLiteral("⊘");
        }
        const qreal markW = mark.isEmpty() ? 0 : fm(m_label).horizontalAdvance(mark) + r(6);
        const QRectF t = it.rect.adjusted(r(10) + d, 0, -r(6) - markW, 0);
        text(t, it.kind == StageItemKind::DoneTask ? m_smallBold : m_small, m_pal.text, it.label);
        if (!mark.isEmpty())
            text(it.rect.adjusted(0, 0, -r(6), 0), m_label, statusC.darker(it.statusColor == StageColor::Done ? 160 : 100),
                 mark, Qt::AlignRight | Qt::AlignVCenter);
    }

    void futureNode(const StageItem& it) {
        const QColor c = color(it.color, 0);
        roundBox(it.rect, it.rect.height() / 2.4, tint(c, tintAmount() * 1.3), c, m_lw * 1.4);
        const qreal sh = fm(m_small).height();
        const QRectF inner = it.rect.adjusted(r(10), r(2), -r(8), -r(2));
        const qreal top = inner.center().y() - sh;
        text(QRectF(inner.left(), top, inner.width(), sh), m_smallBold, m_pal.text, it.label,
             it.detail.isEmpty() ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
        text(QRectF(inner.left(), top + sh, inner.width(), sh), m_small, m_pal.muted, it.detail);
    }

    void callback(const StageItem& it) {
        const QColor c = color(it.color, 0);
        // A hook from the future above.
        const qreal x = it.rect.left() - r(2);
        m_p.setPen(QPen(c, m_lw));
        m_p.drawLine(QPointF(x, it.rect.top() - r(3)), QPointF(x, it.rect.center().y()));
        m_p.drawLine(QPointF(x, it.rect.center().y()), QPointF(x + r(6), it.rect.center().y()));
        QFont f = m_small;
        f.setItalic(true);
        text(it.rect.adjusted(r(9), 0, 0, 0), f, m_pal.text, it.label);
    }

    void arrow(const StageItem& it) {
        const QColor c = color(it.statusColor, it.colorIndex);
        QPen pen(c, std::max<qreal>(1.6, m_lw * 1.6));
        pen.setCapStyle(Qt::RoundCap);
        m_p.setPen(pen);
        m_p.setBrush(Qt::NoBrush);
        QPainterPath path(it.p1);
        QPointF dir;
        if (it.curved) {
            // Bulge to the right: both ends leave and enter horizontally.
            const qreal bulge = r(28) + std::abs(it.p2.y() - it.p1.y()) * 0.15;
            const QPointF c1(std::max(it.p1.x(), it.p2.x()) + bulge, it.p1.y());
            const QPointF c2(std::max(it.p1.x(), it.p2.x()) + bulge, it.p2.y());
            path.cubicTo(c1, c2, it.p2);
            dir = it.p2 - c2;
        } else {
            path.lineTo(it.p2);
            dir = it.p2 - it.p1;
        }
        const qreal len = std::hypot(dir.x(), dir.y());
        if (len < 1e-6) return;
        dir /= len;
        const qreal hs = r(7) + m_lw * 1.5;
        const QPointF back = it.p2 - dir * hs;
        const QPointF normal(-dir.y(), dir.x());
        // Stop the line at the head's base so the tip stays sharp.
        QPainterPath clipped = path;
        m_p.drawPath(clipped);
        QPolygonF head;
        head << it.p2 << back + normal * hs * 0.5 << back - normal * hs * 0.5;
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(c);
        m_p.drawPolygon(head);
    }

    void sync(const StageItem& it) {
        const QColor c = color(it.statusColor, 0);
        roundBox(it.rect, r(8), tint(color(it.color, 0), tintAmount() * 0.7), c, m_lw * 1.3);
        const qreal lh = fm(m_label).height(), sh = fm(m_small).height();
        const QRectF top = it.rect.adjusted(r(8), r(4), -r(8), 0);
        const qreal lw = fm(m_label).horizontalAdvance(it.label) + r(10);
        text(QRectF(top.left(), top.top(), top.width(), lh), m_label, m_pal.text, it.label);
        text(QRectF(top.left() + lw, top.top(), top.width() - lw, lh), m_small, m_pal.muted, it.detail);
        // Row captions: where the layout put the items and the waiters.
        if (!it.p1.isNull())
            text(QRectF(it.p1.x(), it.p1.y() - sh / 2, r(60), sh), m_small, m_pal.muted, QStringLiteral("items"));
        text(QRectF(it.p2.x(), it.p2.y() - sh / 2, r(60), sh), m_small, m_pal.muted, QStringLiteral("waiting"));
    }

    void syncItem(const StageItem& it) {
        const QColor border = color(it.statusColor, it.colorIndex);
        const QColor fill = it.color == StageColor::Task ? tint(color(StageColor::Task, it.colorIndex), 0.35)
                                                         : m_pal.background;
        roundBox(it.rect, r(4), fill, border, m_lw);
        text(it.rect.adjusted(r(4), 0, -r(4), 0), m_small, m_pal.text, it.label, Qt::AlignCenter);
    }

    void sleepBlock(const StageItem& it) {
        const QColor c = color(it.color, 0);
        QColor wash = c;
        wash.setAlphaF(0.10f);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(wash);
        m_p.drawRoundedRect(it.rect, r(9), r(9));
        QColor hatch = c;
        hatch.setAlphaF(0.22f);
        QBrush b(hatch, Qt::BDiagPattern);
        QTransform scale;
        scale.scale(3 * m_s, 3 * m_s);
        b.setTransform(scale);
        m_p.setBrush(b);
        m_p.drawRoundedRect(it.rect, r(9), r(9));
        // The notice in the middle.
        const qreal bh = fm(m_big).height(), lh = fm(m_mono).height(),
                    sh = fm(m_small).height();
        const qreal w = std::min(it.rect.width() * 0.8, r(560));
        const QRectF box(it.rect.center().x() - w / 2, it.rect.center().y() - (bh + lh + sh * 2 + r(24)) / 2, w,
                         bh + lh + sh * 2 + r(24));
        roundBox(box, r(10), m_pal.background, c, m_lw * 2.5);
        qreal y = box.top() + r(8);
        text(QRectF(box.left(), y, box.width(), bh), m_big, c, it.label, Qt::AlignCenter);
        y += bh;
        text(QRectF(box.left(), y, box.width(), lh), m_mono, m_pal.text, it.detail, Qt::AlignCenter);
        y += lh + r(4);
        m_p.setFont(m_small);
        m_p.setPen(m_pal.muted);
        m_p.drawText(QRectF(box.left() + r(12), y, box.width() - r(24), sh * 2), Qt::AlignCenter | Qt::TextWordWrap,
                     it.extra);
    }

    void legend(const StageItem& it) {
        struct Entry {
            StageColor c;
            const char* word;
        };
        static constexpr Entry entries[] = {
            {StageColor::Running, "running"},         {StageColor::Ready, "ready"},
            {StageColor::WaitTimer, "waits: timer"},  {StageColor::WaitSocket, "waits: socket"},
            {StageColor::WaitFuture, "waits: future"}, {StageColor::WaitSync, "waits: queue/lock"},
            {StageColor::Blocked, "blocked"},         {StageColor::Done, "done"},
            {StageColor::Cancelled, "cancelled"},     {StageColor::Failed, "failed"},
        };
        // Right-aligned rows, as many as the rect holds; each row filled left to right.
        const QFontMetricsF& sm = fm(m_small);
        const qreal sw = sm.height() * 0.72, rowH = sm.height() * 1.25;
        const int rows = std::max(1, static_cast<int>(it.rect.height() / rowH));
        std::vector<std::vector<std::pair<const Entry*, qreal>>> lines(1);
        qreal used = 0;
        for (const Entry& e : entries) {
            const qreal w = sw + r(5) + sm.horizontalAdvance(QString::fromUtf8(e.word)) + r(14);
            if (used + w > it.rect.width() && !lines.back().empty()) {
                if (static_cast<int>(lines.size()) == rows) break;
                lines.emplace_back();
                used = 0;
            }
            lines.back().emplace_back(&e, w);
            used += w;
        }
        qreal y = it.rect.center().y() - rowH * static_cast<qreal>(lines.size()) / 2;
        for (const auto& line : lines) {
            qreal total = 0;
            for (const auto& [e, w] : line) total += w;
            qreal x = it.rect.right() - total + r(14);
            for (const auto& [e, w] : line) {
                const QColor c = color(e->c, 0);
                roundBox(QRectF(x, y + (rowH - sw) / 2, sw, sw), r(3), c, c.darker(120), m_lw * 0.8);
                text(QRectF(x + sw + r(5), y, w, rowH), m_small, m_pal.muted, QString::fromUtf8(e->word));
                x += w;
            }
            y += rowH;
        }
    }

    QPainter& m_p;
    const Palette& m_pal;
    QFont m_label, m_small, m_smallBold, m_heading, m_mono, m_clock, m_big;
    qreal m_s, m_lw;
    std::vector<std::pair<QFont, QFontMetricsF>> m_metrics;
};

}  // namespace

void paintStageLayout(QPainter& p, const StageLayout& layout, const QRectF& area, const Palette& palette) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(area, palette.background);
    p.translate(area.topLeft());
    if (layout.size.width() > 0 && layout.size.height() > 0 && area.size() != layout.size)
        p.scale(area.width() / layout.size.width(), area.height() / layout.size.height());
    ItemPainter painter(p, palette);
    for (const StageItem& item : layout.items) painter.draw(item);
    p.restore();
}

void paintStageLayoutTransition(QPainter& p, const StageLayout& from, const StageLayout& to, qreal progress,
                                const QRectF& area, const Palette& palette) {
    if (progress >= 1.0) {
        paintStageLayout(p, to, area, palette);
        return;
    }
    paintStageLayout(p, tweenStageLayouts(from, to, progress), area, palette);
}

void paintStage(QPainter& p, const model::State& state, const QRectF& area, const Palette& palette) {
    paintStageLayout(p, layoutStage(state, area.size(), palette), area, palette);
}

void paintStageTransition(QPainter& p, const model::State& from, const model::State& to, qreal progress,
                          const QRectF& area, const Palette& palette) {
    paintStageLayoutTransition(p, layoutStage(from, area.size(), palette), layoutStage(to, area.size(), palette),
                               progress, area, palette);
}

}  // namespace aw::ui
