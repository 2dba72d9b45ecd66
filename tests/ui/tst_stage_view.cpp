// The stage widget, offscreen: it shows a State at its size, tweens between
// states (forward and backward) and then settles, relayouts on resize and on a
// new palette, and turns a double-click, the context menu and hovering over a
// task into the signals and tooltips the window relies on.

#include "ui/stage/stage_view.h"
#include "stage_fixtures.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolTip>

#include <deque>
#include <memory>
#include <string>

using aw::model::Id;
using aw::model::State;
using aw::model::TaskStatus;
using aw::ui::StageItem;
using aw::ui::StageItemKind;
using aw::ui::StageView;

class TestStageView : public QObject {
    Q_OBJECT

    static QPoint centerOf(const StageView& view, const QString& key) {
        const StageItem* item = view.currentLayout().find(key);
        return item ? item->rect.center().toPoint() : QPoint(-1, -1);
    }

private slots:
    void showsTheStateAtItsSize() {
        StageView view;
        view.resize(1100, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showState(fixtures::busy(), false);
        QVERIFY(!view.isAnimating());
        QCOMPARE(view.state().step, aw::model::Step(812));
        QCOMPARE(view.currentLayout().size, QSizeF(1100, 680));
        QVERIFY(view.currentLayout().find(QStringLiteral("task:5")));
        QCOMPARE(view.currentLayout().find(QStringLiteral("task:5"))->kind, StageItemKind::TaskCard);
        const QImage shot = view.grab().toImage();
        const QColor bg = view.stagePalette().background;
        int ink = 0;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 0; x < shot.width(); x += 7) ink += shot.pixelColor(x, y).rgb() != bg.rgb();
        QVERIFY(ink > 200);
        shot.save(QStringLiteral("/tmp/stage-view.png"));

        view.resize(700, 480);
        QCOMPARE(view.currentLayout().size, QSizeF(700, 480));   // reflows to the new size
        QVERIFY(view.currentLayout().find(QStringLiteral("task:5")));
    }

    void tweensForwardAndBackThenSettles() {
        StageView view;
        view.resize(1000, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setAnimationMs(120);
        view.showState(fixtures::lessonOneTwoTimers(), false);
        const QRectF before = view.currentLayout().find(QStringLiteral("task:5"))->rect;
        State after = fixtures::lessonOneTwoTimers();
        after.tasks[1].status = TaskStatus::Done;
        after.tasks[1].awaiting = 0;
        view.showState(after, true);
        QVERIFY(view.isAnimating());
        QCOMPARE(view.currentLayout().find(QStringLiteral("task:5"))->kind, StageItemKind::DoneTask);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnimating(), 3000);
        // Back to the earlier state: the same tween the other way, ending where it began.
        view.showState(fixtures::lessonOneTwoTimers(), true);
        QVERIFY(view.isAnimating());
        // A step while a tween runs restarts from what is on screen, and still lands on the new state.
        view.showState(after, true);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnimating(), 3000);
        QCOMPARE(view.currentLayout().find(QStringLiteral("task:5"))->kind, StageItemKind::DoneTask);
        view.showState(fixtures::lessonOneTwoTimers(), false);
        QCOMPARE(view.currentLayout().find(QStringLiteral("task:5"))->rect, before);

        view.setAnimationMs(0);   // animation off: every step lands at once
        view.showState(after, true);
        QVERIFY(!view.isAnimating());
    }

    void paletteChangesTheLook() {
        StageView view;
        view.resize(1280, 720);
        view.showState(fixtures::lessonOneTwoTimers(), false);
        const qreal light = view.currentLayout().find(QStringLiteral("task:5"))->rect.height();
        view.setPalette(aw::ui::paletteFor(aw::ui::ThemeId::Projector));
        QCOMPARE(view.stagePalette().id, aw::ui::ThemeId::Projector);
        QVERIFY(view.currentLayout().find(QStringLiteral("task:5"))->rect.height() > light);   // bigger type, bigger cards
        // A zoomed palette (the window's zoom scales the fonts) makes cards taller again.
        aw::ui::Palette zoomed = aw::ui::paletteFor(aw::ui::ThemeId::Light);
        zoomed.font.setPointSizeF(zoomed.font.pointSizeF() * 1.4);
        view.setPalette(zoomed);
        QVERIFY(view.currentLayout().find(QStringLiteral("task:5"))->rect.height() > light);
    }

    void doubleClickActivatesATask() {
        StageView view;
        view.resize(1100, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showState(fixtures::busy(), false);
        QSignalSpy activated(&view, &StageView::taskActivated);
        QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, centerOf(view, QStringLiteral("task:9")));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).value<uint32_t>(), 9u);
        // A finished task in the done row too; empty stage space does nothing.
        QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, centerOf(view, QStringLiteral("task:15")));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).value<uint32_t>(), 15u);
        QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(3, 3));
        QCOMPARE(activated.count(), 2);
    }

    void contextMenuCancelsATask() {
        StageView view;
        view.resize(1100, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showState(fixtures::busy(), false);
        QSignalSpy cancel(&view, &StageView::cancelTaskRequested);
        QStringList seen;
        // The menu runs its own event loop: pick the action from inside it.
        QTimer::singleShot(50, &view, [&seen] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu) return;
            for (QAction* a : menu->actions()) {
                seen << a->text();
                if (a->text() == QStringLiteral("Cancel this task here")) a->trigger();
            }
            menu->close();
        });
        const QPoint at = centerOf(view, QStringLiteral("task:7"));
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &event);
        QVERIFY2(seen.contains(QStringLiteral("Cancel this task here")), qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.at(0).at(0).value<uint32_t>(), 7u);
    }

    // The window may drop a run's trace (a new run) while the view still shows a state of it.
    void outlivesTheTextOfTheStateItShows() {
        StageView view;
        view.resize(1000, 640);
        auto name = std::make_unique<std::string>("fetch-python-org");
        auto coro = std::make_unique<std::string>("fetch_webpage");
        State s = fixtures::lessonOneTwoTimers();
        s.tasks[1].name = *name;
        s.tasks[1].coro = *coro;
        view.showState(s, false);
        // Overwrite, then free, the text the state pointed at.
        std::fill(name->begin(), name->end(), 'X');
        name.reset();
        coro.reset();
        view.resize(900, 600);   // lays the shown state out again
        QCOMPARE(view.currentLayout().find(QStringLiteral("task:5"))->label, QStringLiteral("fetch-python-org"));
        QCOMPARE(view.state().tasks[1].coro, std::string_view("fetch_webpage"));
        // Showing the view's own state again keeps it intact.
        view.showState(view.state(), false);
        QCOMPARE(view.state().tasks[1].name, std::string_view("fetch-python-org"));
    }

    void hoverExplainsAnItem() {
        StageView view;
        view.resize(1100, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showState(fixtures::busy(), false);
        const StageItem* timer = view.currentLayout().find(QStringLiteral("timer:81"));
        QVERIFY(timer);
        QVERIFY(timer->tooltip.contains(QStringLiteral("Cancelled")));
        const QPoint at = timer->rect.center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
        QApplication::sendEvent(&view, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), timer->tooltip);
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestStageView)
#include "tst_stage_view.moc"
