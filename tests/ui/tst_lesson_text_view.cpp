// LessonTextView: the lesson's answer stays out of the text until revealed, for
// every built-in lesson; links, zoom and themes change what they should.
#include "ui/lesson/lesson_text_view.h"
#include "ui/lesson_list.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace aw::ui;

Q_DECLARE_METATYPE(aw::ui::ThemeId)

namespace {

QString readLesson(const Lesson& lesson) {
    return builtInLessonMarkdown(lesson.folder);
}

// The paragraphs of a piece of Markdown as the view's plain text shows them.
QStringList plainParagraphs(const QString& markdown) {
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    QStringList paragraphs;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QString text = block.text().trimmed();
        if (text.size() >= 12)  // long enough not to occur elsewhere by chance
            paragraphs.append(text);
    }
    return paragraphs;
}

// The href of the first link in the view's document whose text contains `words`.
QString linkHref(const QTextDocument* doc, const QString& words) {
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().isAnchor() && !f.charFormat().anchorHref().isEmpty() && f.text().contains(words))
                return f.charFormat().anchorHref();
        }
    }
    return QString();
}

qreal bodyPointSize(const QTextDocument* doc, const QString& startsWith) {
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        if (block.text().startsWith(startsWith))
            return block.begin().fragment().charFormat().fontPointSize();
    return -1;
}

const QString kSample = QStringLiteral(
    "# Sample\n\nFrom: somewhere\n\n## Predict before you run\n\nWhich line comes first?\n\n"
    "## The answer\n\nThe secret line comes first.\n\nBecause of `call_soon`.\n\n"
    "## Try this\n\n1. Change the sleep to 2 and watch.\n");

}  // namespace

class TestLessonTextView : public QObject {
    Q_OBJECT
private slots:
    void splitsAroundTheAnswer() {
        const LessonAnswerSplit split = splitLessonAnswer(kSample);
        QVERIFY(split.hasAnswer);
        QVERIFY(split.before.endsWith(QStringLiteral("## The answer\n")));
        QCOMPARE(split.answer.trimmed(), QStringLiteral("The secret line comes first.\n\nBecause of `call_soon`."));
        QVERIFY(split.after.startsWith(QStringLiteral("## Try this")));
        QCOMPARE(split.before + split.answer + split.after, kSample);
    }

    void answerAsLastSectionAndHeadingVariants() {
        const QString md = QStringLiteral("# T\n\n## The Answer ##\n\nlast words\n### a sub-heading stays inside\n");
        const LessonAnswerSplit split = splitLessonAnswer(md);
        QVERIFY(split.hasAnswer);
        QVERIFY(split.answer.contains(QStringLiteral("last words")));
        QVERIFY(split.answer.contains(QStringLiteral("sub-heading")));
        QVERIFY(split.after.isEmpty());
    }

    void headingInsideACodeFenceIsNotASection() {
        const QString md = QStringLiteral("# T\n\n```\n## The answer\n```\n\ntext\n");
        const LessonAnswerSplit split = splitLessonAnswer(md);
        QVERIFY(!split.hasAnswer);
        QCOMPARE(split.before, md);
        QVERIFY(!lessonHasPrediction(md));
        QVERIFY(lessonHasPrediction(kSample));
    }

    void hidesTheAnswerUntilRevealed() {
        LessonTextView view;
        view.setLesson(kSample);
        QVERIFY(view.hasAnswer());
        QVERIFY(!view.answerRevealed());
        QVERIFY(!view.toPlainText().contains(QStringLiteral("secret line")));
        QVERIFY(!view.toPlainText().contains(QStringLiteral("call_soon")));
        // The heading, the prediction and "Try this" stay.
        QVERIFY(view.toPlainText().contains(QStringLiteral("The answer")));
        QVERIFY(view.toPlainText().contains(QStringLiteral("Which line comes first?")));
        QVERIFY(view.toPlainText().contains(QStringLiteral("Change the sleep to 2")));

        QSignalSpy spy(&view, &LessonTextView::answerRevealedChanged);
        view.setAnswerRevealed(true);
        QVERIFY(view.answerRevealed());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QVERIFY(view.toPlainText().contains(QStringLiteral("The secret line comes first.")));
        QVERIFY(view.toPlainText().contains(QStringLiteral("call_soon")));
        QVERIFY(!view.toPlainText().contains(QStringLiteral("Reveal the answer")));
        view.setAnswerRevealed(true);
        QCOMPARE(spy.count(), 1);  // no change, no signal

        // A new lesson starts hidden again.
        view.setLesson(kSample);
        QVERIFY(!view.answerRevealed());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!view.toPlainText().contains(QStringLiteral("secret line")));
    }

    void revealLinkShowsTheAnswer() {
        LessonTextView view;
        view.setLesson(kSample);
        const QString href = linkHref(view.document(), QStringLiteral("Reveal the answer"));
        QVERIFY2(!href.isEmpty(), "the hidden answer offers a link to reveal it");
        QSignalSpy spy(&view, &LessonTextView::answerRevealedChanged);
        emit view.anchorClicked(QUrl(href));
        QCOMPARE(spy.count(), 1);
        QVERIFY(view.toPlainText().contains(QStringLiteral("secret line")));
    }

    void revealLinkIsReachableByKeyboard() {
        LessonTextView view;
        view.resize(420, 600);
        view.setLesson(kSample);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QSignalSpy spy(&view, &LessonTextView::answerRevealedChanged);
        // Tab moves to the next link (the only one); Enter follows it.
        QTest::keyClick(&view, Qt::Key_Tab);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QVERIFY(view.answerRevealed());
    }

    void everyBuiltInLessonHidesItsAnswer_data() {
        QTest::addColumn<QString>("markdown");
        const QList<Lesson> lessons = builtInLessons();
        QVERIFY(lessons.size() >= 22);
        for (const Lesson& lesson : lessons)
            QTest::newRow(qPrintable(lesson.folder)) << readLesson(lesson);
    }

    void everyBuiltInLessonHidesItsAnswer() {
        QFETCH(QString, markdown);
        QVERIFY2(!markdown.isEmpty(), "the lesson has a lesson.md");
        QVERIFY2(lessonHasPrediction(markdown), "the lesson has '## Predict before you run'");
        const LessonAnswerSplit split = splitLessonAnswer(markdown);
        QVERIFY2(split.hasAnswer, "the lesson has '## The answer'");
        const QStringList answer = plainParagraphs(split.answer);
        QVERIFY2(!answer.isEmpty(), "the answer section has text");
        QVERIFY(split.after.contains(QStringLiteral("## Try this")));

        LessonTextView view;
        view.setLesson(markdown);
        const QString hidden = view.toPlainText();
        for (const QString& paragraph : answer)
            QVERIFY2(!hidden.contains(paragraph), qPrintable(QStringLiteral("shown too early: ") + paragraph));
        for (const QString& paragraph : plainParagraphs(split.after))
            QVERIFY2(hidden.contains(paragraph), qPrintable(QStringLiteral("missing: ") + paragraph));

        view.setAnswerRevealed(true);
        const QString shown = view.toPlainText();
        for (const QString& paragraph : answer)
            QVERIFY2(shown.contains(paragraph), qPrintable(QStringLiteral("not shown: ") + paragraph));
    }

    void headingsAreAnchors() {
        LessonTextView view;
        view.resize(300, 120);
        view.setLesson(kSample + QString(QStringLiteral("\nMore text to scroll.\n")).repeated(40) +
                       QStringLiteral("\n## Far below\n\nend\n"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        emit view.anchorClicked(QUrl(QStringLiteral("#far-below")));
        QVERIFY(view.verticalScrollBar()->value() > 0);
    }

    void zoomAndProjectorEnlargeTheText() {
        LessonTextView view;
        view.setLesson(kSample);
        const qreal normal = bodyPointSize(view.document(), QStringLiteral("Which line"));
        QVERIFY(normal > 0);
        view.setZoom(4);
        QCOMPARE(view.zoom(), 4);
        QCOMPARE(bodyPointSize(view.document(), QStringLiteral("Which line")), normal + 4);
        view.setZoom(-40);
        QVERIFY(bodyPointSize(view.document(), QStringLiteral("Which line")) >= 7);  // still readable
        view.setZoom(0);
        view.setTheme(ThemeId::Projector);
        QVERIFY(bodyPointSize(view.document(), QStringLiteral("Which line")) >= normal + 4);
        QCOMPARE(view.palette().color(QPalette::Base), paletteFor(ThemeId::Projector).background);
        view.setTheme(ThemeId::Dark);
        QCOMPARE(view.palette().color(QPalette::Base), paletteFor(ThemeId::Dark).background);
        QCOMPARE(view.palette().color(QPalette::Text), paletteFor(ThemeId::Dark).text);
        // Re-rendering keeps the answer hidden.
        QVERIFY(!view.toPlainText().contains(QStringLiteral("secret line")));
    }

    void codeSpansUseTheMonoFont() {
        LessonTextView view;
        view.setLesson(kSample);
        view.setAnswerRevealed(true);
        const QString mono = paletteFor(ThemeId::Light).monoFont.family();
        bool found = false;
        for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (it.fragment().text() == QStringLiteral("call_soon")) {
                    found = true;
                    QVERIFY(it.fragment().charFormat().fontFamilies().toStringList().contains(mono));
                }
        QVERIFY(found);
    }

    // Lesson 13 in a side panel, light and projector: the text is painted in
    // the theme's colours. AWAITSCOPE_SHOT_DIR=folder keeps the PNGs to look at.
    void rendersALessonInEachTheme_data() {
        QTest::addColumn<ThemeId>("theme");
        QTest::newRow("light") << ThemeId::Light;
        QTest::newRow("dark") << ThemeId::Dark;
        QTest::newRow("projector") << ThemeId::Projector;
    }

    void rendersALessonInEachTheme() {
        QFETCH(ThemeId, theme);
        const std::optional<Lesson> lesson = findLesson(QStringLiteral("13"));
        QVERIFY(lesson);
        LessonTextView view;
        view.resize(420, 720);
        view.setTheme(theme);
        view.setLesson(readLesson(*lesson));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        const QString dir = qEnvironmentVariable("AWAITSCOPE_SHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/lesson13-") + themeName(theme) + QStringLiteral(".png")));

        const Palette palette = paletteFor(theme);
        int background = 0, ink = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                if (c == palette.background)
                    ++background;
                else if (qAbs(c.lightness() - palette.text.lightness()) < 40)
                    ++ink;
            }
        const int samples = (image.height() / 2) * (image.width() / 2);
        QVERIFY2(background > samples / 2, "the page is the theme's background");
        QVERIFY2(ink > samples / 100, "text is drawn in the theme's text colour");
    }

    void readsBuiltInLessons() {
        QVERIFY(
            builtInLessonMarkdown(QStringLiteral("13-done-callbacks")).startsWith(QStringLiteral("# Done callbacks")));
        QVERIFY(builtInLessonMarkdown(QStringLiteral("no-such-lesson")).isEmpty());
    }

    void lessonWithoutAnswerShowsEverything() {
        LessonTextView view;
        view.setLesson(QStringLiteral("# Plain\n\nJust text.\n"));
        QVERIFY(!view.hasAnswer());
        QVERIFY(view.toPlainText().contains(QStringLiteral("Just text.")));
        QVERIFY(!view.toPlainText().contains(QStringLiteral("Reveal")));
    }
};

QTEST_MAIN(TestLessonTextView)
#include "tst_lesson_text_view.moc"
