#include "ui/export/exporter.h"

#include "ui/export/gif_writer.h"
#include "ui/stage/stage_painter.h"
#include "ui/timeline/timeline_painter.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <optional>

namespace aw::ui {

using model::Step;

namespace {

// Fonts are in points: every device gets 96 dpi so a picture measures the
// same in PNG, SVG and PDF (and as in the window on a 96-dpi screen).
constexpr int kDpi = 96;
constexpr int kMaxTimelineRows = 60;  // past this an export shows the first rows and says how many are left out

QFont titleFont(const Palette& palette) {
    QFont f = palette.font;
    f.setBold(true);
    f.setPointSizeF(palette.font.pointSizeF() * 1.5);
    return f;
}

qreal padding(const Palette& palette) {
    return 16 * palette.scale;
}

// What one picture shows: the step, and for a GIF's in-between frames the
// step it comes from and how far along the tween is.
struct Frame {
    Step step = 0;
    std::optional<Step> from;
    qreal progress = 1.0;
};

class PicturePainter {
public:
    PicturePainter(const model::StateIndex& index, const ExportRequest& request, const model::TimelineData* timeline)
        : m_index(index),
          m_request(request),
          m_timeline(timeline),
          m_palette(paletteFor(request.theme)),
          m_layout(layoutExport(request, timeline, m_palette)) {}

    const ExportLayout& layout() const { return m_layout; }

    void paint(QPainter& p, const Frame& frame) {
        // No render hints here: the stage and timeline painters set their own, so
        // a picture is pixel for pixel what the window paints.
        p.fillRect(QRectF(QPointF(0, 0), m_layout.size), m_palette.background);
        paintTitle(p, frame.step);
        if (!m_layout.stage.isEmpty()) {
            const model::State& to = state(frame.step);
            if (frame.from && frame.progress < 1.0) {
                const model::State from = m_index.stateAt(*frame.from);
                paintStageTransition(p, from, to, frame.progress, m_layout.stage, m_palette);
            } else {
                paintStage(p, to, m_layout.stage, m_palette);
            }
        }
        if (!m_layout.timeline.isEmpty() && m_timeline) {
            const TimelineCoords coords = exportTimelineCoords();
            paintTimeline(p, *m_timeline, coords, frame.step, m_layout.timeline, m_palette,
                          m_request.timelineUpToStep ? frame.step : model::kNoStep);
            p.setPen(QPen(m_palette.panelBorder, m_palette.lineWidth));
            p.setBrush(Qt::NoBrush);
            p.drawRect(m_layout.timeline);
            if (m_layout.hiddenRows > 0) {
                p.setFont(m_palette.font);
                p.setPen(m_palette.muted);
                p.drawText(QRectF(m_layout.timeline.left(), m_layout.timeline.bottom(), m_layout.timeline.width(),
                                  QFontMetricsF(m_palette.font).height() + 4),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("… and %1 more rows (the window's timeline scrolls through all of them)")
                               .arg(m_layout.hiddenRows));
            }
        }
        if (!m_layout.legend.isEmpty())
            paintTimelineLegend(&p, m_layout.legend, m_palette);
    }

    TimelineCoords exportTimelineCoords() const {
        return timelineCoordsFor(*m_timeline, m_request.axis, m_layout.timeline, m_palette);
    }

private:
    const model::State& state(Step step) {
        if (!m_state || m_state->step != step)
            m_state = m_index.stateAt(step);
        return *m_state;
    }

    void paintTitle(QPainter& p, Step step) {
        const QRectF r = m_layout.title;
        const QFont big = titleFont(m_palette);
        p.setFont(big);
        p.setPen(m_palette.text);
        const QString title = m_request.title.isEmpty() ? QStringLiteral("Awaitscope") : m_request.title;
        const QString where = QStringLiteral("step %1 of %2   ·   clock %3 s")
                                  .arg(step)
                                  .arg(m_index.lastStep())
                                  .arg(m_index.clockAt(step), 0, 'f', 3);
        QFont mono = m_palette.monoFont;
        mono.setPointSizeF(m_palette.font.pointSizeF() * 1.15);
        const qreal whereWidth = QFontMetricsF(mono).horizontalAdvance(where) + 8;
        const QString elided = QFontMetricsF(big).elidedText(title, Qt::ElideRight, r.width() - whereWidth - 20);
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, elided);
        p.setFont(mono);
        p.setPen(m_palette.accent);
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, where);
        p.setPen(QPen(m_palette.panelBorder, m_palette.lineWidth));
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()));
    }

    const model::StateIndex& m_index;
    const ExportRequest& m_request;
    const model::TimelineData* m_timeline;
    Palette m_palette;
    ExportLayout m_layout;
    std::optional<model::State> m_state;
};

QString fail(const QString& file, const QString& why) {
    return QStringLiteral("cannot write '%1': %2").arg(file, why);
}

// name.png -> name-0001.png for the n-th picture of a range.
QString numberedFile(const QString& file, int number) {
    const QFileInfo info(file);
    const QString base =
        info.completeBaseName() + QStringLiteral("-%1.").arg(number, 4, 10, QChar('0')) + info.suffix();
    return info.path() == QStringLiteral(".") && !file.startsWith(QStringLiteral("./")) ? base
                                                                                        : info.path() + '/' + base;
}

QImage renderImage(PicturePainter& picture, const Frame& frame, qreal scale) {
    const QSizeF size = picture.layout().size;
    QImage image(QSize(qRound(size.width() * scale), qRound(size.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.setDotsPerMeterX(qRound(kDpi / 0.0254));
    image.setDotsPerMeterY(qRound(kDpi / 0.0254));
    QPainter p(&image);
    picture.paint(p, frame);
    p.end();
    return image;
}

bool commit(QSaveFile& out, QString* error) {
    if (!out.commit()) {
        *error = fail(out.fileName(), out.errorString());
        return false;
    }
    return true;
}

bool writePng(const QImage& image, const QString& file, QString* error) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = fail(file, out.errorString());
        return false;
    }
    QImageWriter writer(&out, "png");
    if (!writer.write(image)) {
        *error = fail(file, writer.errorString());
        out.cancelWriting();
        return false;
    }
    return commit(out, error);
}

bool writeSvg(PicturePainter& picture, const Frame& frame, const QString& file, const QString& title, QString* error) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = fail(file, out.errorString());
        return false;
    }
    const QSizeF size = picture.layout().size;
    QSvgGenerator svg;
    svg.setOutputDevice(&out);
    svg.setResolution(kDpi);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Awaitscope export, step %1").arg(frame.step));
    QPainter p;
    if (!p.begin(&svg)) {
        *error = fail(file, QStringLiteral("the SVG painter could not start"));
        out.cancelWriting();
        return false;
    }
    picture.paint(p, frame);
    p.end();
    return commit(out, error);
}

}  // namespace

ExportLayout layoutExport(const ExportRequest& request, const model::TimelineData* timeline, const Palette& palette) {
    ExportLayout l;
    const qreal pad = padding(palette);
    const qreal width = std::max(200, request.width);
    const qreal inner = width - 2 * pad;
    const qreal titleHeight = std::ceil(QFontMetricsF(titleFont(palette)).height() + 14 * palette.scale);
    l.title = QRectF(pad, pad, inner, titleHeight);
    qreal y = l.title.bottom() + pad * 0.75;
    if (request.view != ExportView::Timeline) {
        // 16:9 for the stage alone (a slide), a bit flatter above a timeline.
        const qreal h =
            std::round(std::max<qreal>(320 * palette.scale, inner * (request.view == ExportView::Both ? 0.5 : 0.5625)));
        l.stage = QRectF(pad, y, inner, h);
        y = l.stage.bottom() + pad * 0.75;
    }
    if (request.view != ExportView::Stage && timeline) {
        const int rows = static_cast<int>(timeline->rows.size());
        l.timelineRows = std::min(rows, kMaxTimelineRows);
        l.hiddenRows = rows - l.timelineRows;
        const TimelineMetrics m = timelineMetrics(*timeline, palette);
        const qreal h = std::ceil(m.rulerHeight + m.rowHeight * l.timelineRows + 1);
        l.timeline = QRectF(pad, y, inner, h);
        y = l.timeline.bottom() + pad * 0.5;
        if (l.hiddenRows > 0)
            y += QFontMetricsF(palette.font).height() + 4;
    }
    if (request.view == ExportView::Stage) {
        // The stage draws its own legend of task states.
        l.size = QSizeF(width, std::ceil(y - pad * 0.75 + pad));
        return l;
    }
    const qreal legendHeight = paintTimelineLegend(nullptr, QRectF(pad, 0, inner, 1e6), palette, false);
    l.legend = QRectF(pad, y + pad * 0.25, inner, legendHeight);
    l.size = QSizeF(width, std::ceil(l.legend.bottom() + pad));
    return l;
}

int gifFrameCount(const ExportRequest& request) {
    const Step steps = request.to >= request.from ? request.to - request.from : 0;
    const int per = request.view == ExportView::Timeline ? 1 : kGifFramesPerStep;
    return static_cast<int>(1 + steps * static_cast<Step>(per));
}

QString exportFormatOf(const QString& file) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    for (const char* known : {"png", "svg", "pdf", "gif"})
        if (suffix == QLatin1String(known))
            return suffix;
    return {};
}

ExportResult exportPictures(const model::StateIndex& index, const ExportRequest& requestIn,
                            const std::function<bool(int done, int total)>& progress) {
    ExportResult result;
    ExportRequest request = requestIn;
    const QString format = exportFormatOf(request.file);
    if (request.file.isEmpty()) {
        result.error = QStringLiteral("no file to export to");
        return result;
    }
    if (format.isEmpty()) {
        result.error = QStringLiteral("cannot export to '%1': unknown format '.%2' (use .png, .svg, .pdf or .gif)")
                           .arg(request.file, QFileInfo(request.file).suffix());
        return result;
    }
    if (index.empty()) {
        result.error = QStringLiteral("cannot export to '%1': the run has no steps").arg(request.file);
        return result;
    }
    if (request.from > request.to) {
        result.error = QStringLiteral("cannot export to '%1': the range starts at step %2, after its end %3")
                           .arg(request.file)
                           .arg(request.from)
                           .arg(request.to);
        return result;
    }
    if (request.to > index.lastStep()) {
        result.error = QStringLiteral("cannot export to '%1': step %2 is past the end of the run (its last step is %3)")
                           .arg(request.file)
                           .arg(request.to)
                           .arg(index.lastStep());
        return result;
    }
    request.width = std::clamp(request.width, 200, 16000);
    request.scale = std::clamp<qreal>(request.scale, 0.25, 8.0);
    const bool range = request.to > request.from;
    const int total = format == QLatin1String("gif")
                          ? gifFrameCount(request)
                          : static_cast<int>(std::min<Step>(request.to - request.from + 1, kMaxExportPictures + 1));
    if (total > kMaxExportPictures) {
        result.error =
            QStringLiteral("cannot export to '%1': steps %2–%3 make more than %4 pictures; export a shorter range")
                .arg(request.file)
                .arg(request.from)
                .arg(request.to)
                .arg(kMaxExportPictures);
        return result;
    }

    std::optional<model::TimelineData> timeline;
    if (request.view != ExportView::Stage)
        timeline = model::buildTimeline(index.trace(), index.indexed());
    PicturePainter picture(index, request, timeline ? &*timeline : nullptr);
    const QString title = request.title.isEmpty() ? QStringLiteral("Awaitscope") : request.title;
    int done = 0;
    auto tick = [&]() {
        ++done;
        if (progress && !progress(done, total)) {
            result.error = QStringLiteral("cancelled");
            return false;
        }
        return true;
    };

    if (format == QLatin1String("png") || format == QLatin1String("svg")) {
        for (Step step = request.from; step <= request.to; ++step) {
            const QString file =
                range ? numberedFile(request.file, static_cast<int>(step - request.from + 1)) : request.file;
            const Frame frame{step, std::nullopt, 1.0};
            const bool ok = format == QLatin1String("png")
                                ? writePng(renderImage(picture, frame, request.scale), file, &result.error)
                                : writeSvg(picture, frame, file, title, &result.error);
            if (!ok)
                return result;
            result.files << file;
            if (!tick())
                return result;
        }
    } else if (format == QLatin1String("pdf")) {
        QSaveFile out(request.file);
        if (!out.open(QIODevice::WriteOnly)) {
            result.error = fail(request.file, out.errorString());
            return result;
        }
        const QSizeF size = picture.layout().size;
        QPdfWriter pdf(&out);
        pdf.setResolution(kDpi);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("Awaitscope"));
        // One page exactly the picture's size: a slide, not a sheet of paper.
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / kDpi, size.height() * 72.0 / kDpi), QPageSize::Point,
                                  QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (!p.begin(&pdf)) {
            result.error = fail(request.file, QStringLiteral("the PDF painter could not start"));
            return result;
        }
        for (Step step = request.from; step <= request.to; ++step) {
            if (step > request.from)
                pdf.newPage();
            picture.paint(p, Frame{step, std::nullopt, 1.0});
            if (!tick()) {
                p.end();
                out.cancelWriting();
                return result;
            }
        }
        p.end();
        if (!commit(out, &result.error))
            return result;
        result.files << request.file;
    } else {  // gif
        QSaveFile out(request.file);
        if (!out.open(QIODevice::WriteOnly)) {
            result.error = fail(request.file, out.errorString());
            return result;
        }
        GifWriter gif(&out);
        auto add = [&](const Frame& frame, int delayCs) {
            if (!gif.addFrame(renderImage(picture, frame, request.scale), delayCs)) {
                result.error = fail(request.file, gif.error());
                return false;
            }
            return tick();
        };
        // The first step held, then each step's tween as the window plays it, landing frames held longer.
        const bool tween = request.view != ExportView::Timeline;
        const int hold = range ? 80 : 100;
        if (!add(Frame{request.from, std::nullopt, 1.0}, hold)) {
            out.cancelWriting();
            return result;
        }
        for (Step step = request.from + 1; step <= request.to; ++step) {
            const int frames = tween ? kGifFramesPerStep : 1;
            for (int f = 1; f <= frames; ++f) {
                const qreal progress = static_cast<qreal>(f) / frames;
                const Frame frame{step, step - 1, progress};
                if (!add(frame, f == frames ? hold : 6)) {
                    out.cancelWriting();
                    return result;
                }
            }
        }
        if (!gif.finish()) {
            result.error = fail(request.file, gif.error());
            out.cancelWriting();
            return result;
        }
        if (!commit(out, &result.error))
            return result;
        result.files << request.file;
    }
    result.ok = true;
    return result;
}

}  // namespace aw::ui
