// Exported pictures are valid files of the asked size and content, and they
// are what the window paints: the timeline and the stage of an export match
// TimelineView and StageView rendered at the same size, pixel for pixel.

#include "core/model/state_index.h"
#include "core/run/runner.h"
#include "ui/export/exporter.h"
#include "ui/stage/stage_view.h"
#include "ui/timeline/timeline_view.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <gif_lib.h>

using namespace aw;
using model::Step;

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

ui::ExportRequest request(ui::ExportView view, Step from, Step to, const QString& file) {
    ui::ExportRequest r;
    r.view = view;
    r.from = from;
    r.to = to;
    r.file = file;
    r.width = 1200;
    r.title = QStringLiteral("01  The event loop and two fetches");
    return r;
}

// Pixels that differ between two images of the same size.
int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size())
        return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            n += p[col] != q[col];
    }
    return n;
}

QStringList svgTexts(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QStringList texts;
    bool svgRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
            svgRoot = true;
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    if (xml.hasError())
        *error = xml.errorString();
    else if (!svgRoot)
        *error = QStringLiteral("no <svg> element");
    return texts;
}

}  // namespace

class TstExport : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<const model::StateIndex> m_index;
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        m_index = lessonIndex("01-event-loop-two-fetches");
        QVERIFY(m_index && !m_index->empty());
        QVERIFY(m_dir.isValid());
    }

    void pngDecodesAtTheAskedWidthAndScale() {
        for (ui::ExportView view : {ui::ExportView::Stage, ui::ExportView::Timeline, ui::ExportView::Both}) {
            ui::ExportRequest r = request(view, 70, 70, path(QStringLiteral("one.png")));
            const ui::ExportResult result = ui::exportPictures(*m_index, r);
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(result.files, QStringList{r.file});
            const QImage image(r.file);
            QVERIFY(!image.isNull());
            QCOMPARE(image.width(), 1200);
            const auto model = model::buildTimeline(m_index->trace());
            const ui::ExportLayout layout = ui::layoutExport(r, &model, ui::paletteFor(r.theme));
            QCOMPARE(image.height(), qRound(layout.size.height()));
            QCOMPARE(layout.timeline.isEmpty(), view == ui::ExportView::Stage);
            QCOMPARE(layout.stage.isEmpty(), view == ui::ExportView::Timeline);
        }
        ui::ExportRequest r = request(ui::ExportView::Timeline, 70, 70, path(QStringLiteral("twice.png")));
        r.scale = 2;
        QVERIFY(ui::exportPictures(*m_index, r).ok);
        QCOMPARE(QImage(r.file).width(), 2400);
    }

    void aRangeOfPngsIsNumbered() {
        int calls = 0;
        const ui::ExportRequest r = request(ui::ExportView::Stage, 60, 62, path(QStringLiteral("range.png")));
        const ui::ExportResult result = ui::exportPictures(*m_index, r, [&](int done, int total) {
            ++calls;
            return done <= total;
        });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, 3);
        QCOMPARE(result.files, (QStringList{path("range-0001.png"), path("range-0002.png"), path("range-0003.png")}));
        for (const QString& f : result.files)
            QCOMPARE(QImage(f).width(), 1200);
    }

    void svgParsesAndNamesTheTasks() {
        const ui::ExportRequest r = request(ui::ExportView::Both, 60, 60, path(QStringLiteral("both.svg")));
        const ui::ExportResult result = ui::exportPictures(*m_index, r);
        QVERIFY2(result.ok, qPrintable(result.error));
        QString error;
        const QStringList texts = svgTexts(r.file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString all = texts.join('\n');
        for (const char* name : {"Task-1", "Task-2", "Task-3", "event loop", "step 60"})
            QVERIFY2(all.contains(QLatin1String(name)), name);
    }

    void pdfHasAPagePerStep() {
        const ui::ExportRequest r = request(ui::ExportView::Timeline, 10, 14, path(QStringLiteral("pages.pdf")));
        const ui::ExportResult result = ui::exportPictures(*m_index, r);
        QVERIFY2(result.ok, qPrintable(result.error));
        QFile file(r.file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
        QCOMPARE(int(QString::fromLatin1(pdf).count(page)), 5);
    }

    void gifHasAFramePerTweenStep() {
        const ui::ExportRequest r = request(ui::ExportView::Stage, 60, 63, path(QStringLiteral("play.gif")));
        const ui::ExportResult result = ui::exportPictures(*m_index, r);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(ui::gifFrameCount(r), 1 + 3 * ui::kGifFramesPerStep);
        int error = 0;
        GifFileType* gif = DGifOpenFileName(r.file.toLocal8Bit().constData(), &error);
        QVERIFY(gif);
        QCOMPARE(DGifSlurp(gif), GIF_OK);
        QCOMPARE(gif->ImageCount, ui::gifFrameCount(r));
        QCOMPARE(gif->SWidth, 1200);
        DGifCloseFile(gif, &error);
        // The timeline animates the cursor: one frame per step.
        const ui::ExportRequest t = request(ui::ExportView::Timeline, 60, 63, path(QStringLiteral("cursor.gif")));
        QVERIFY(ui::exportPictures(*m_index, t).ok);
        gif = DGifOpenFileName(t.file.toLocal8Bit().constData(), &error);
        QVERIFY(gif);
        QCOMPARE(DGifSlurp(gif), GIF_OK);
        QCOMPARE(gif->ImageCount, 4);
        DGifCloseFile(gif, &error);
    }

    void errorsNameTheFileAndWhy() {
        ui::ExportResult result =
            ui::exportPictures(*m_index, request(ui::ExportView::Stage, 1, 1, path(QStringLiteral("x.jpg"))));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains("x.jpg") && result.error.contains(".png"), qPrintable(result.error));
        const QString missing = path(QStringLiteral("no/such/folder/x.png"));
        result = ui::exportPictures(*m_index, request(ui::ExportView::Stage, 1, 1, missing));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith("cannot write '" + missing + "'"), qPrintable(result.error));
        result = ui::exportPictures(*m_index, request(ui::ExportView::Stage, 1, 100000, path("far.pdf")));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains("past the end"), qPrintable(result.error));
        QVERIFY(!QFile::exists(path("far.pdf")));
        // Cancelling keeps what was written and says so.
        result = ui::exportPictures(*m_index, request(ui::ExportView::Stage, 1, 5, path("stop.png")),
                                    [](int done, int) { return done < 2; });
        QVERIFY(!result.ok);
        QCOMPARE(result.error, QStringLiteral("cancelled"));
        QCOMPARE(result.files.size(), 2);
    }

    void exportedTimelineIsWhatTheWindowPaints() {
        const Step step = 66;
        const ui::ExportRequest r = request(ui::ExportView::Both, step, step, path(QStringLiteral("same.png")));
        QVERIFY(ui::exportPictures(*m_index, r).ok);
        const QImage exported(r.file);
        const auto data = model::buildTimeline(m_index->trace());
        const ui::Palette palette = ui::paletteFor(r.theme);
        const ui::ExportLayout layout = ui::layoutExport(r, &data, palette);

        ui::TimelineView view;
        view.setPalette(palette);
        view.resize(layout.timeline.size().toSize());
        view.setRun(m_index);
        view.setCurrentStep(step);
        QImage window(view.size(), QImage::Format_ARGB32_Premultiplied);
        view.render(&window);
        // The export frames the timeline with a border: compare inside it.
        const QRect inside = QRect(QPoint(0, 0), view.size()).adjusted(2, 2, -2, -2);
        const QImage fromExport = exported.copy(inside.translated(layout.timeline.topLeft().toPoint()));
        QCOMPARE(differingPixels(fromExport, window.copy(inside)), 0);

        ui::StageView stage;
        stage.setPalette(palette);
        stage.resize(layout.stage.size().toSize());
        stage.showState(m_index->stateAt(step), false);
        QImage stageWindow(stage.size(), QImage::Format_ARGB32_Premultiplied);
        stage.render(&stageWindow);
        const QImage stageExport = exported.copy(layout.stage.toRect());
        QCOMPARE(differingPixels(stageExport, stageWindow), 0);
    }
};

QTEST_MAIN(TstExport)
#include "tst_export.moc"
