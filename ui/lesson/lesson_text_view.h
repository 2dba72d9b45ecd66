#pragma once
// The lesson text beside the stage: a lesson's Markdown (lessons/NN-slug/lesson.md),
// typeset for reading at a distance, with the prediction's answer kept hidden.
//
// lesson.md has the sections "## Predict before you run", ..., "## The answer",
// ..., "## Try this" (lessons/README.md). The body of "## The answer" (from that
// heading up to the next "## " heading) is left out of the document until the
// answer is revealed: by the window when the run has been played to its end
// (setAnswerRevealed(true)), or by the learner with the "Reveal the answer" link
// that stands in its place (click, or Tab to it and press Enter). Everything
// else, "Try this" included, is always shown. setLesson() hides the answer again.
//
// Links: in-lesson anchors ("#the-answer", headings get GitHub-style ids) scroll;
// any other link opens outside the app (QDesktopServices).
//
// Looks: one Palette (ui/paint/palette.h) per theme, set with setTheme();
// the projector theme is large, high-contrast type. setZoom(steps) adds points
// to every size, like the window's Ctrl+plus / Ctrl+minus.

#include "ui/paint/palette.h"

#include <QString>
#include <QTextBrowser>

namespace aw::ui {

// A lesson's Markdown cut around its answer. When there is no "## The answer"
// section, hasAnswer is false, `before` is the whole text and the rest is empty.
struct LessonAnswerSplit {
    bool hasAnswer = false;
    QString before;  // up to and including the "## The answer" heading line
    QString answer;  // the section's body: what is hidden
    QString after;   // from the next "## " heading (or the end) on
};

// Finds "## The answer" (outside ``` fences; the heading text compared
// case-insensitively, trailing spaces and '#'s ignored) and cuts there.
LessonAnswerSplit splitLessonAnswer(const QString& markdown);

// The lesson.md of a built-in lesson (":/lessons/<folder>/lesson.md"); empty
// when the folder has none.
QString builtInLessonMarkdown(const QString& folder);

// True when the Markdown has a "## Predict before you run" heading.
bool lessonHasPrediction(const QString& markdown);

class LessonTextView : public QTextBrowser {
    Q_OBJECT
public:
    explicit LessonTextView(QWidget* parent = nullptr);

    // Shows a lesson's Markdown with its answer hidden, scrolled to the top.
    // An empty string shows nothing.
    void setLesson(const QString& markdown);
    QString lessonMarkdown() const { return m_markdown; }

    // Whether the shown lesson has an answer section that can be hidden.
    bool hasAnswer() const;

    // Shows or hides the answer's body, keeping the scroll position; emits
    // answerRevealedChanged only when the state changes.
    void setAnswerRevealed(bool revealed);
    bool answerRevealed() const { return m_answerRevealed; }

    void setTheme(ThemeId theme);
    ThemeId theme() const { return m_theme; }

    // Points added to every font size (0 = the theme's sizes; negative = smaller,
    // never below a readable minimum).
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

signals:
    void answerRevealedChanged(bool revealed);

private:
    void render();
    void followLink(const QUrl& url);

    QString m_markdown;
    bool m_answerRevealed = false;
    ThemeId m_theme = ThemeId::Light;
    int m_zoom = 0;
};

}  // namespace aw::ui
