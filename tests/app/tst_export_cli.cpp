// `awaitscope export` with no display: the files it writes are valid PNG
// (of the asked width), SVG (naming the tasks), PDF (a page per step) and
// animated GIF (a frame per tween step), and it refuses bad steps and
// unwritable files with exit 2 and a sentence.
// This test links no QtGui: it reads the files' own structure.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kLesson01 = QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/01-event-loop-two-fetches/script.py");

struct Outcome {
    int exitCode = -1;
    QString out, err;
};

Outcome runExport(const QStringList& args) {
    QProcess process;
    // No display at all: the verb must not need one.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AWAITSCOPE_BINARY), QStringList{QStringLiteral("export")} + args);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// PNG: the signature, then the IHDR chunk with the width and height (big-endian).
QSize pngSize(const QByteArray& png) {
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 24 || png.mid(12, 4) != "IHDR")
        return {};
    auto be32 = [&](int at) {
        return (uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8) | uchar(png[at + 3]);
    };
    return QSize(int(be32(16)), int(be32(20)));
}

// GIF: walk the blocks and count the images; -1 if the file is malformed.
int gifFrames(const QByteArray& gif, int* width) {
    if (!gif.startsWith("GIF89a") && !gif.startsWith("GIF87a"))
        return -1;
    auto at = [&](int i) { return i < gif.size() ? uchar(gif[i]) : -1; };
    *width = at(6) | (at(7) << 8);
    int i = 13;
    if (at(10) & 0x80)
        i += 3 * (1 << ((at(10) & 7) + 1));
    auto skipSubBlocks = [&](int& j) {
        while (j < gif.size() && at(j) != 0)
            j += at(j) + 1;
        ++j;
    };
    int frames = 0;
    while (i < gif.size()) {
        const int kind = at(i);
        if (kind == 0x3B)
            return frames;
        if (kind == 0x21) {
            i += 2;
            skipSubBlocks(i);
        } else if (kind == 0x2C) {
            const int packed = at(i + 9);
            i += 10;
            if (packed & 0x80)
                i += 3 * (1 << ((packed & 7) + 1));
            ++i;  // LZW minimum code size
            skipSubBlocks(i);
            ++frames;
        } else {
            return -1;
        }
    }
    return -1;  // no trailer
}

QString svgText(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + '\n';
    }
    if (xml.hasError())
        *error = xml.errorString();
    return text;
}

}  // namespace

class TstExportCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void pngOfTheTimelineAtTheAskedWidth() {
        const QString out = m_dir.filePath(QStringLiteral("timeline.png"));
        const Outcome r = runExport({"--lesson", "01", "--view", "timeline", "--out", out, "--width", "1000"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), out);
        const QSize size = pngSize(readAll(out));
        QCOMPARE(size.width(), 1000);
        QVERIFY(size.height() > 150);
        // The projector theme is bigger: the same width, a taller picture.
        const QString big = m_dir.filePath(QStringLiteral("projector.png"));
        QCOMPARE(
            runExport({"--lesson", "01", "--view", "timeline", "--out", big, "--width", "1000", "--theme", "projector"})
                .exitCode,
            0);
        QVERIFY(pngSize(readAll(big)).height() > size.height());
    }

    void svgNamesTheTasksAndTheStep() {
        const QString out = m_dir.filePath(QStringLiteral("t.svg"));
        const Outcome r = runExport({kLesson01, "--view", "timeline", "--at-time", "2", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        const QString text = svgText(out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char* name : {"Task-1", "Task-2", "Task-3", "event loop", "top-level code", "clock 2.000 s"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        const QString early = m_dir.filePath(QStringLiteral("early.svg"));
        QCOMPARE(runExport({kLesson01, "--view", "stage", "--at-time", "1.5", "--out", early}).exitCode, 0);
        QVERIFY(svgText(early, &error).contains(QLatin1String("clock 0.000 s")));
    }

    void pdfHasAPagePerStepOfTheRange() {
        const QString out = m_dir.filePath(QStringLiteral("pages.pdf"));
        const Outcome r = runExport({kLesson01, "--view", "stage", "--from", "10", "--to", "13", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray pdf = readAll(out);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(int(QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?![s\\w])")))),
                 4);
    }

    void gifPlaysTheRange() {
        const QString out = m_dir.filePath(QStringLiteral("play.gif"));
        const Outcome r =
            runExport({kLesson01, "--view", "stage", "--from", "60", "--to", "62", "--out", out, "--width", "640"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        int width = 0;
        QCOMPARE(gifFrames(readAll(out), &width), 1 + 2 * 4);  // the first step, then 4 tween frames per step
        QCOMPARE(width, 640);
    }

    void badStepsAndFilesAreRefused() {
        Outcome r = runExport(
            {kLesson01, "--view", "stage", "--at", "999999", "--out", m_dir.filePath(QStringLiteral("x.png"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("past the end")), qPrintable(r.err));
        const QString nowhere = m_dir.filePath(QStringLiteral("missing/folder/x.png"));
        r = runExport({kLesson01, "--view", "stage", "--out", nowhere});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write '%1'").arg(nowhere)), qPrintable(r.err));
        r = runExport({"--lesson", "no-such-lesson", "--view", "stage", "--out", m_dir.filePath("y.png")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TstExportCli)
#include "tst_export_cli.moc"
