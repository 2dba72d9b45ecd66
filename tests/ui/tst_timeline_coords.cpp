// The timeline viewport's maths: axis <-> pixels, rows <-> y, zoom about a
// point, pan, clamping to the run.

#include "ui/timeline/timeline_coords.h"

#include <QTest>

using aw::ui::TimelineCoords;

namespace {
TimelineCoords coords() {
    TimelineCoords c;
    c.axisMin = 0;
    c.axisMax = 100;
    c.minSpan = 4;
    c.plotLeft = 50;
    c.plotWidth = 500;
    c.plotTop = 30;
    c.plotHeight = 220;  // 10 rows of 22
    c.rowHeight = 22;
    c.rowCount = 40;
    c.fitAll();
    return c;
}
}  // namespace

class TstTimelineCoords : public QObject {
    Q_OBJECT
private slots:
    void axisAndPixelsAreInverse() {
        const TimelineCoords c = coords();
        QCOMPARE(c.xOf(0), 50.0);
        QCOMPARE(c.xOf(100), 550.0);
        QCOMPARE(c.xOf(50), 300.0);
        QCOMPARE(c.axisAt(300), 50.0);
        for (double u : {0.0, 3.25, 77.0, 100.0})
            QCOMPARE(c.axisAt(c.xOf(u)), u);
        QCOMPARE(c.pixelsPerUnit(), 5.0);
    }

    void rowsAndY() {
        TimelineCoords c = coords();
        QCOMPARE(c.yOfRow(0), 30.0);
        QCOMPARE(c.yOfRow(3), 96.0);
        QCOMPARE(c.rowAt(30), 0);
        QCOMPARE(c.rowAt(51.9), 0);
        QCOMPARE(c.rowAt(52), 1);
        QCOMPARE(c.rowAt(29), -1);   // the ruler
        QCOMPARE(c.rowAt(250), -1);  // below the plot
        QCOMPARE(c.firstVisibleRow(), 0);
        QCOMPARE(c.lastVisibleRow(), 9);
        c.scrollRows(5);
        QCOMPARE(c.firstRow, 5.0);
        QCOMPARE(c.rowAt(30), 5);
        QCOMPARE(c.yOfRow(5), 30.0);
        QCOMPARE(c.lastVisibleRow(), 14);
        c.scrollRows(1000);  // not past the last row
        QCOMPARE(c.firstRow, 30.0);
        QCOMPARE(c.lastVisibleRow(), 39);
        c.scrollRows(-1000);
        QCOMPARE(c.firstRow, 0.0);
    }

    void zoomKeepsThePointUnderTheMouse() {
        TimelineCoords c = coords();
        const double x = 175;  // u = 25
        c.zoomAbout(x, 2);
        QCOMPARE(c.span(), 50.0);
        QCOMPARE(c.axisAt(x), 25.0);
        c.zoomAbout(x, 2);
        QCOMPARE(c.span(), 25.0);
        QVERIFY(qAbs(c.axisAt(x) - 25.0) < 1e-9);
        // Zoom out past everything: the whole run, no more.
        c.zoomAbout(x, 0.001);
        QCOMPARE(c.viewStart, 0.0);
        QCOMPARE(c.viewEnd, 100.0);
        // Zoom in past the limit: minSpan.
        c.zoomAbout(300, 1e6);
        QCOMPARE(c.span(), 4.0);
        QVERIFY(qAbs(c.axisAt(300) - 50.0) < 1e-9);
    }

    void zoomAtTheEdgeStaysInside() {
        TimelineCoords c = coords();
        c.zoomAbout(550, 4);  // about the right end
        QCOMPARE(c.viewEnd, 100.0);
        QCOMPARE(c.span(), 25.0);
    }

    void panFollowsTheMouseAndStopsAtTheEnds() {
        TimelineCoords c = coords();
        c.zoomAbout(300, 4);  // [37.5, 62.5], 20 px per unit
        QCOMPARE(c.viewStart, 37.5);
        c.panPixels(100);  // drag right: earlier times come into view
        QCOMPARE(c.viewStart, 32.5);
        QCOMPARE(c.viewEnd, 57.5);
        c.panPixels(-200);
        QCOMPARE(c.viewStart, 42.5);
        c.panPixels(100000);
        QCOMPARE(c.viewStart, 0.0);
        QCOMPARE(c.span(), 25.0);
        c.panPixels(-100000);
        QCOMPARE(c.viewEnd, 100.0);
        QCOMPARE(c.span(), 25.0);
    }

    void showAxisPansOnlyWhenNeeded() {
        TimelineCoords c = coords();
        c.zoomAbout(50, 10);  // [0, 10]
        QCOMPARE(c.viewStart, 0.0);
        c.showAxis(5);
        QCOMPARE(c.viewStart, 0.0);  // already visible
        c.showAxis(40);              // past the right edge: 9/10 across
        QCOMPARE(c.viewEnd, 41.0);
        QCOMPARE(c.span(), 10.0);
        c.showAxis(20);  // past the left edge: 1/10 across
        QCOMPARE(c.viewStart, 19.0);
    }

    void clampRepairsABadView() {
        TimelineCoords c = coords();
        c.viewStart = -50;
        c.viewEnd = 500;
        c.firstRow = -3;
        c.clamp();
        QCOMPARE(c.viewStart, 0.0);
        QCOMPARE(c.viewEnd, 100.0);
        QCOMPARE(c.firstRow, 0.0);
        // A run shorter than minSpan: the whole run.
        c.axisMax = 2;
        c.fitAll();
        QCOMPARE(c.viewStart, 0.0);
        QCOMPARE(c.viewEnd, 2.0);
        // No rows: nothing visible, no crash.
        c.rowCount = 0;
        QCOMPARE(c.lastVisibleRow(), -1);
        QCOMPARE(c.rowAt(40), -1);
    }
};

QTEST_MAIN(TstTimelineCoords)
#include "tst_timeline_coords.moc"
