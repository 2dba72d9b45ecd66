// The timeline widget: tooltips name segments, a click asks for a step,
// wheel/keys/drag zoom and pan, and painting 10,000 tasks stays under a
// frame (16 ms).

#include "core/model/state_index.h"
#include "core/run/runner.h"
#include "ui/paint/palette.h"
#include "ui/timeline/timeline_painter.h"
#include "ui/timeline/timeline_view.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace aw;
using model::Step;
using trace::EventKind;

namespace {

std::shared_ptr<const model::StateIndex> lessonIndex(const char* folder) {
    QFile file(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + QLatin1String(folder) +
               QStringLiteral("/script.py"));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    const run::RunResult result = run::runScript(file.readAll().toStdString(), "script.py");
    auto index = std::make_shared<model::StateIndex>(result.trace);
    index->extend();
    return index;
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

int rowNamed(const model::TimelineData& data, const std::string& name) {
    for (std::size_t i = 0; i < data.rows.size(); ++i)
        if (data.rows[i].name == name)
            return static_cast<int>(i);
    return -1;
}

// The middle of a segment in widget coordinates.
QPointF middleOf(const ui::TimelineView& view, int row, const model::Segment& s) {
    const auto& c = view.coords();
    const auto* d = view.data();
    const double x = 0.5 * (c.xOf(d->axisPos(s.start, c.axis)) + c.xOf(d->axisPos(d->endOf(s), c.axis)));
    return {x, c.yOfRow(row) + c.rowHeight / 2};
}

}  // namespace

class TstTimelineView : public QObject {
    Q_OBJECT
private slots:
    void tooltipNamesTheSegment() {
        auto index = lessonIndex("01-event-loop-two-fetches");
        QVERIFY(index);
        ui::TimelineView view;
        view.resize(1000, 320);
        view.setRun(index);
        const auto* data = view.data();
        QVERIFY(data);
        QCOMPARE(data->steps, index->indexed());
        const int row = rowNamed(*data, "Task-3");
        QVERIFY(row > 0);
        const model::Segment* wait = nullptr;
        for (const auto& s : data->rows[row].segments)
            if (s.state == model::SegmentState::WaitTimer)
                wait = &s;
        QVERIFY(wait);
        const QString text = view.describeAt(middleOf(view, row, *wait));
        QVERIFY2(text.startsWith(QStringLiteral("Task-3 (fetch_webpage) waiting on a timer, 0.000–2.000 s, steps ")),
                 qPrintable(text));
        // Outside the rows or in the label column: nothing.
        QCOMPARE(view.describeAt(QPointF(5, middleOf(view, row, *wait).y())), QString());
        QCOMPARE(view.describeAt(QPointF(500, 2)), QString());
    }

    void clickAsksForTheStepUnderTheMouse() {
        auto index = lessonIndex("01-event-loop-two-fetches");
        ui::TimelineView view;
        view.resize(1000, 320);
        view.setRun(index);
        QSignalSpy spy(&view, &ui::TimelineView::stepRequested);
        const auto* data = view.data();
        const int row = rowNamed(*data, "Task-2");
        const model::Segment& done = data->rows[row].segments.back();
        const QPointF at = middleOf(view, row, done);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(spy.count(), 1);
        const Step step = spy.at(0).at(0).value<Step>();
        QVERIFY(step >= done.start && step < data->steps);
        QCOMPARE(step, view.stepAt(at));
        // A drag pans instead of clicking.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Plus);
        QTest::keyClick(&view, Qt::Key_Plus);
        const double before = view.coords().viewStart;
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(600, 150));
        QMouseEvent move(QEvent::MouseMove, QPointF(500, 150), view.mapToGlobal(QPointF(500, 150)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(500, 150));
        QCOMPARE(spy.count(), 1);
        QVERIFY(view.coords().viewStart > before);
    }

    void wheelAndKeysZoomAndPan() {
        auto index = lessonIndex("01-event-loop-two-fetches");
        ui::TimelineView view;
        view.resize(1000, 320);
        view.setRun(index);
        const double whole = view.coords().span();
        QCOMPARE(view.coords().viewStart, 0.0);
        const double x = 600;
        const double anchor = view.coords().axisAt(x);
        QWheelEvent wheel(QPointF(x, 100), view.mapToGlobal(QPointF(x, 100)), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(qAbs(view.coords().span() - whole / 1.5625) < 1e-6);  // two notches of 1.25
        QVERIFY(qAbs(view.coords().axisAt(x) - anchor) < 1e-6);
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(qAbs(view.coords().span() - whole / 1.25) < 1e-6);
        const double start = view.coords().viewStart;
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(view.coords().viewStart > start);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.coords().span(), whole);
        // T cycles the axis: hybrid -> steps -> time -> hybrid.
        QVERIFY(view.axisMode() == model::TimelineAxis::Hybrid);
        QTest::keyClick(&view, Qt::Key_T);
        QVERIFY(view.axisMode() == model::TimelineAxis::Steps);
        QCOMPARE(view.coords().axisMax, double(index->indexed()));
        QTest::keyClick(&view, Qt::Key_T);
        QVERIFY(view.axisMode() == model::TimelineAxis::Time);
        QCOMPARE(view.coords().axisMax, 2.0);
    }

    void cursorStaysInView() {
        auto index = lessonIndex("01-event-loop-two-fetches");
        ui::TimelineView view;
        view.resize(1000, 320);
        view.setRun(index);
        view.setFocus();
        for (int i = 0; i < 12; ++i)
            QTest::keyClick(&view, Qt::Key_Plus);  // deep zoom in the middle
        const Step last = index->lastStep();
        view.setCurrentStep(last);
        const auto& c = view.coords();
        const double u = view.data()->axisPos(last + 1, c.axis);
        QVERIFY(u >= c.viewStart && u <= c.viewEnd);
        view.setCurrentStep(0);
        QVERIFY(view.data()->axisPos(1, c.axis) >= c.viewStart);
        QVERIFY(view.data()->axisPos(0, c.axis) <= c.viewEnd);
    }

    void paintsTheCursorAndTheRows() {
        auto index = lessonIndex("01-event-loop-two-fetches");
        ui::TimelineView view;
        view.resize(1000, 320);
        view.setRun(index);
        const ui::Palette palette = ui::paletteFor(ui::ThemeId::Light);
        view.setPalette(palette);
        view.setCurrentStep(70);
        QImage image(view.size(), QImage::Format_ARGB32);
        view.render(&image);
        const auto& c = view.coords();
        const double cx = c.xOf(view.data()->axisPos(71, c.axis));
        // The cursor line, in the accent colour, low in the plot.
        bool cursor = false;
        for (int dx = -1; dx <= 1; ++dx)
            cursor |= image.pixelColor(int(cx) + dx, int(c.plotTop + c.plotHeight - 3)) == palette.accent;
        QVERIFY(cursor);
        // Task-2's timer wait in the timer colour, in the middle of its row.
        const int row = rowNamed(*view.data(), "Task-2");
        const model::Segment& wait = view.data()->rows[row].segments[2];
        QVERIFY(wait.state == model::SegmentState::WaitTimer);
        const QPointF mid = middleOf(view, row, wait);
        QCOMPARE(image.pixelColor(int(mid.x()) + 30, int(mid.y()) + 4), palette.waitTimer);
    }

    void tenThousandTasksPaintUnderAFrame() {
        // 10,000 tasks, each sleeping 10 times: ~800k events, 200k segments.
        trace::Trace t;
        t.append(EventKind::ProgramStart);
        t.append(EventKind::LoopNew, 1);
        t.append(EventKind::LoopRun, 1, 2);
        const uint32_t tasks = 10'000;
        for (uint32_t round = 0; round < 10; ++round) {
            for (uint32_t i = 0; i < tasks; ++i) {
                const uint32_t id = 100 + i * 4;
                if (round == 0)
                    t.append(EventKind::TaskNew, id, 1, 0, "Task-" + std::to_string(i + 1));
                t.append(EventKind::HandleRun, id + 1);
                t.append(EventKind::TaskState, id, 0, 0, "running");
                t.append(EventKind::FutureNew, id + 2, 1, 0, "Future");
                t.append(EventKind::TimerNew, id + 3, 1, round + 1.0, "_set_result_unless_cancelled(<Future>, None)");
                t.append(EventKind::TaskAwait, id, id + 2);
                t.append(EventKind::TaskState, id, 0, 0, "suspended");
                t.append(EventKind::HandleDone, id + 1);
            }
            t.append(EventKind::LoopWait, 1, 0, round + 1.0, "timer");
            t.append(EventKind::WorldClock, 0, 1, round + 1.0);
        }
        const model::TimelineData data = model::buildTimeline(t);
        QCOMPARE(data.rows.size(), std::size_t(tasks + 2));
        const ui::Palette palette = ui::paletteFor(ui::ThemeId::Light);
        const QRectF area(0, 0, 1600, 1000);
        QImage image(area.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        for (auto axis : {model::TimelineAxis::Hybrid, model::TimelineAxis::Steps, model::TimelineAxis::Time}) {
            ui::TimelineCoords coords = ui::timelineCoordsFor(data, axis, area, palette);
            coords.scrollRows(5000);  // the middle of the task list: rows there have segments across the whole run
            QPainter warm(&image);
            ui::paintTimeline(warm, data, coords, 400'000, area, palette);
            warm.end();
            // The median frame in CPU time of this thread: the machine running
            // the tests may be busy with other work (wall time would measure that).
            std::vector<double> times;
            for (int i = 0; i < 15; ++i) {
                const double start = threadCpuMs();
                QPainter p(&image);
                ui::paintTimeline(p, data, coords, 400'000, area, palette);
                p.end();
                times.push_back(threadCpuMs() - start);
            }
            std::sort(times.begin(), times.end());
            const double ms = times[times.size() / 2];
            qInfo("%s axis: %.2f ms per frame", model::toString(axis).data(), ms);
            QVERIFY2(ms < 16.0, qPrintable(QStringLiteral("%1 ms per frame").arg(ms)));
        }
    }
};

QTEST_MAIN(TstTimelineView)
#include "tst_timeline_view.moc"
