#include "ui/lesson/lesson_text_view.h"

#include <QDesktopServices>
#include <QFile>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <algorithm>

namespace aw::ui {

namespace {

const QString kRevealScheme = QStringLiteral("awaitscope");
const QString kRevealPath = QStringLiteral("reveal-answer");

// Qt's Markdown importer ignores QTextDocument::defaultStyleSheet (that only
// applies to HTML), so the typography is applied as formats after the import:
// these are the sizes, relative to the body text, that it uses.
constexpr qreal kH1 = 1.55, kH2 = 1.22, kH3 = 1.08, kCode = 0.92, kSource = 0.9;
constexpr int kLineHeightPercent = 145, kProjectorLineHeightPercent = 132;
constexpr int kMinBodyPoints = 7;

// "## The answer  ##" -> {2, "the answer"}; {0, ""} for a line that is not an ATX heading.
std::pair<int, QString> atxHeading(const QString& line) {
    static const QRegularExpression heading(QStringLiteral("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t#]*$"));
    const QRegularExpressionMatch m = heading.match(line);
    if (!m.hasMatch())
        return {0, QString()};
    return {int(m.capturedLength(1)), m.captured(2).trimmed().toLower()};
}

bool isFence(const QString& line) {
    const QString t = line.trimmed();
    return t.startsWith(QStringLiteral("```")) || t.startsWith(QStringLiteral("~~~"));
}

// GitHub's heading ids: lower case, punctuation dropped, spaces to dashes.
QString headingSlug(const QString& text) {
    QString slug;
    for (const QChar c : text.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
            slug += c;
        else if (c.isSpace())
            slug += QLatin1Char('-');
    }
    return slug;
}

QColor blend(const QColor& over, const QColor& under, qreal amount) {
    return QColor::fromRgbF(over.redF() * amount + under.redF() * (1 - amount),
                            over.greenF() * amount + under.greenF() * (1 - amount),
                            over.blueF() * amount + under.blueF() * (1 - amount));
}

// Which kind of section a block sits in, for the call-out tints.
enum class Section { Other, Predict, Answer };

Section sectionOf(const QString& headingText) {
    const QString h = headingText.trimmed().toLower();
    if (h == QLatin1String("predict before you run"))
        return Section::Predict;
    if (h == QLatin1String("the answer"))
        return Section::Answer;
    return Section::Other;
}

struct Typography {
    Palette palette;
    qreal body = 11;  // points
    QColor codeBackground, codeText, predictTint, answerTint, rule;
};

Typography typographyFor(ThemeId theme, int zoom) {
    Typography t;
    t.palette = paletteFor(theme);
    const Palette& p = t.palette;
    // Body text one point above the labels' size: long prose wants it.
    const int base = theme == ThemeId::Projector ? 16 : p.font.pointSize() + 1;
    t.body = std::max(kMinBodyPoints, base + zoom);
    const bool dark = theme == ThemeId::Dark;
    t.codeBackground =
        theme == ThemeId::Projector ? QColor(0xee, 0xee, 0xee) : blend(p.text, p.background, dark ? 0.12 : 0.06);
    t.codeText = theme == ThemeId::Projector ? QColor(Qt::black) : (dark ? QColor(0xffa657) : QColor(0x953800));
    t.predictTint = blend(p.accent, p.background, dark ? 0.18 : 0.09);
    t.answerTint = blend(p.running, p.background, dark ? 0.18 : 0.10);
    t.rule = p.panelBorder;
    return t;
}

void styleFragments(QTextBlock block, const Typography& t, qreal points, bool heading, const QColor& textColor) {
    const Palette& p = t.palette;
    // Collect first: setting a format can merge or split the fragments being walked.
    struct Run {
        int position, length;
        QTextCharFormat format;
    };
    QList<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (fragment.isValid())
            runs.append({fragment.position(), fragment.length(), fragment.charFormat()});
    }
    QTextCursor cursor(block);
    for (Run& run : runs) {
        QTextCharFormat& format = run.format;
        const bool code =
            format.fontFixedPitch() || format.fontFamilies().toStringList().contains(QStringLiteral("monospace"));
        format.clearProperty(QTextFormat::FontSizeAdjustment);
        if (code) {
            format.setFontFamilies({p.monoFont.family()});
            format.setFontFixedPitch(true);
            format.setFontPointSize(points * kCode);
            format.setForeground(t.codeText);
            if (!heading)
                format.setBackground(t.codeBackground);
        } else {
            format.setFontFamilies({p.font.family()});
            format.setFontPointSize(points);
            if (!format.isAnchor())
                format.setForeground(textColor);
        }
        if (heading)
            format.setFontWeight(QFont::Bold);
        if (format.isAnchor() && !format.anchorHref().isEmpty()) {
            format.setForeground(p.accent);
            format.setFontUnderline(true);
        }
        cursor.setPosition(run.position);
        cursor.setPosition(run.position + run.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
}

// Gives the imported document its looks: sizes, fonts, colours, spacing, call-outs.
void typeset(QTextDocument* doc, const Typography& t) {
    const Palette& p = t.palette;
    QFont bodyFont = p.font;
    bodyFont.setPointSizeF(t.body);
    bodyFont.setBold(false);
    doc->setDefaultFont(bodyFont);
    doc->setDocumentMargin(14 * p.scale);

    const qreal em = t.body * 96.0 / 72.0;  // one em in pixels, for margins
    Section section = Section::Other;
    // The prediction and the answer stand out as tinted boxes: [first, last] block positions.
    struct Callout {
        Section section;
        int first, last;
    };
    QList<Callout> callouts;
    bool sawTitle = false;
    QTextCursor cursor(doc);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        const int level = format.headingLevel();
        cursor.setPosition(block.position());
        if (level > 0) {
            section = sectionOf(block.text());
            if (section != Section::Other)
                callouts.append({section, block.position(), block.position()});
            const qreal scale = level == 1 ? kH1 : level == 2 ? kH2 : kH3;
            format.setTopMargin(level == 1 ? 0.2 * em : 1.3 * em);
            format.setBottomMargin(level == 1 ? 0.5 * em : 0.35 * em);
            format.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
            format.setBackground(Qt::NoBrush);
            cursor.setBlockFormat(format);
            styleFragments(block, t, t.body * scale, true, p.text);
            // An anchor on the heading so "#the-answer" links can scroll to it.
            QTextCursor whole(block);
            whole.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat anchor;
            anchor.setAnchor(true);
            anchor.setAnchorNames({headingSlug(block.text())});
            whole.mergeCharFormat(anchor);
            sawTitle = sawTitle || level == 1;
            continue;
        }
        const bool codeBlock = format.hasProperty(QTextFormat::BlockCodeFence) || format.nonBreakableLines();
        const bool inTable = QTextCursor(block).currentTable() != nullptr;
        const bool source = sawTitle && section == Section::Other && block.text().startsWith(QStringLiteral("From:"));
        format.setLineHeight(codeBlock                    ? 120
                             : p.id == ThemeId::Projector ? kProjectorLineHeightPercent
                                                          : kLineHeightPercent,
                             QTextBlockFormat::ProportionalHeight);
        if (!inTable) {
            format.setBottomMargin(block.textList() ? 0.3 * em : 0.6 * em);
            format.setTopMargin(0);
        }
        QColor color = source ? p.muted : p.text;
        qreal points = source ? t.body * kSource : t.body;
        if (codeBlock) {
            format.setBackground(t.codeBackground);
            format.setLeftMargin(0.6 * em);
        }
        cursor.setBlockFormat(format);
        styleFragments(block, t, points, false, color);
        if (section != Section::Other && !callouts.isEmpty())
            callouts.last().last = block.position();
    }

    // Boxes last, from the end, so the positions still to come stay valid.
    for (auto it = callouts.crbegin(); it != callouts.crend(); ++it) {
        QTextCursor range(doc);
        range.setPosition(it->first);
        QTextBlockFormat heading = range.blockFormat();
        heading.setTopMargin(0);  // the box's padding is the space above
        range.setBlockFormat(heading);
        const QTextBlock last = doc->findBlock(it->last);
        QTextBlockFormat lastFormat = last.blockFormat();
        lastFormat.setBottomMargin(0);
        QTextCursor(last).setBlockFormat(lastFormat);
        range.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        QTextFrameFormat box;
        box.setBackground(it->section == Section::Predict ? t.predictTint : t.answerTint);
        box.setPadding(0.7 * em);
        box.setBorder(std::max<qreal>(1, p.lineWidth * 0.8));
        box.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        box.setBorderBrush(it->section == Section::Predict ? p.accent : p.running);
        box.setTopMargin(0.5 * em);
        box.setBottomMargin(0);
        const QTextFrame* frame = range.insertFrame(box);
        // insertFrame leaves an empty paragraph on each side; make them take no room.
        for (const int position : {frame->firstPosition() - 1, frame->lastPosition() + 1}) {
            const QTextBlock spacer = doc->findBlock(position);
            if (!spacer.isValid() || spacer.length() != 1 || QTextCursor(spacer).currentFrame() == frame)
                continue;
            QTextCursor shrink(spacer);
            QTextBlockFormat flat;
            flat.setLineHeight(1, QTextBlockFormat::FixedHeight);
            shrink.setBlockFormat(flat);
            QTextCharFormat tiny;
            tiny.setFontPointSize(1);
            shrink.setBlockCharFormat(tiny);
        }
    }

    // Tables: thin rules, roomy cells.
    QList<QTextFrame*> frames = doc->rootFrame()->childFrames();
    while (!frames.isEmpty()) {
        QTextFrame* frame = frames.takeFirst();
        frames += frame->childFrames();  // a table inside a box too
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat format = table->format();
            format.setBorder(std::max<qreal>(1, p.lineWidth * 0.6));
            format.setBorderBrush(t.rule);
            format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            format.setBorderCollapse(true);
            format.setCellPadding(0.35 * em);
            format.setCellSpacing(0);
            format.setBottomMargin(0.8 * em);
            format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            table->setFormat(format);
            // The header row on a tint.
            for (int column = 0; column < table->columns(); ++column) {
                QTextTableCell cell = table->cellAt(0, column);
                QTextCharFormat cellFormat = cell.format();
                cellFormat.setBackground(t.codeBackground);
                cell.setFormat(cellFormat);
            }
        }
    }
}

}  // namespace

LessonAnswerSplit splitLessonAnswer(const QString& markdown) {
    LessonAnswerSplit split;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    bool inFence = false;
    int answerHeading = -1, nextHeading = int(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        if (isFence(lines[i])) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        const auto [level, text] = atxHeading(lines[i]);
        if (answerHeading < 0) {
            if (level == 2 && text == QLatin1String("the answer"))
                answerHeading = i;
        } else if (level > 0 && level <= 2) {
            nextHeading = i;
            break;
        }
    }
    if (answerHeading < 0) {
        split.before = markdown;
        return split;
    }
    auto join = [&](int from, int to) {
        QStringList part = lines.mid(from, to - from);
        return part.join(QLatin1Char('\n'));
    };
    split.hasAnswer = true;
    split.before = join(0, answerHeading + 1) + QLatin1Char('\n');
    split.answer = join(answerHeading + 1, nextHeading);
    if (nextHeading < lines.size())
        split.answer += QLatin1Char('\n');
    split.after = join(nextHeading, int(lines.size()));
    return split;
}

QString builtInLessonMarkdown(const QString& folder) {
    QFile file(QStringLiteral(":/lessons/") + folder + QStringLiteral("/lesson.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool lessonHasPrediction(const QString& markdown) {
    bool inFence = false;
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (isFence(line))
            inFence = !inFence;
        else if (!inFence && atxHeading(line) == std::pair<int, QString>{2, QStringLiteral("predict before you run")})
            return true;
    }
    return false;
}

LessonTextView::LessonTextView(QWidget* parent) : QTextBrowser(parent) {
    setObjectName(QStringLiteral("lessonText"));
    setOpenLinks(false);  // followLink decides: scroll, reveal, or open outside
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Lesson text"));
    connect(this, &QTextBrowser::anchorClicked, this, &LessonTextView::followLink);
    render();
}

void LessonTextView::setLesson(const QString& markdown) {
    const bool wasRevealed = m_answerRevealed;
    m_markdown = markdown;
    m_answerRevealed = false;
    render();
    setTextCursor(QTextCursor(document()));  // at the top: the keyboard's link search starts there
    verticalScrollBar()->setValue(0);
    if (wasRevealed)
        emit answerRevealedChanged(false);
}

bool LessonTextView::hasAnswer() const {
    return splitLessonAnswer(m_markdown).hasAnswer;
}

void LessonTextView::setAnswerRevealed(bool revealed) {
    if (revealed == m_answerRevealed)
        return;
    m_answerRevealed = revealed;
    render();
    emit answerRevealedChanged(revealed);
}

void LessonTextView::setTheme(ThemeId theme) {
    if (theme == m_theme)
        return;
    m_theme = theme;
    render();
}

void LessonTextView::setZoom(int steps) {
    if (steps == m_zoom)
        return;
    m_zoom = steps;
    render();
}

void LessonTextView::render() {
    const Typography t = typographyFor(m_theme, m_zoom);

    QPalette colors = palette();
    colors.setColor(QPalette::Base, t.palette.background);
    colors.setColor(QPalette::Window, t.palette.background);
    colors.setColor(QPalette::Text, t.palette.text);
    colors.setColor(QPalette::Link, t.palette.accent);
    colors.setColor(QPalette::Highlight, t.palette.accent);
    colors.setColor(QPalette::HighlightedText, t.palette.background);
    setPalette(colors);

    QString markdown = m_markdown;
    const LessonAnswerSplit split = splitLessonAnswer(m_markdown);
    if (split.hasAnswer && !m_answerRevealed) {
        markdown = split.before + QLatin1Char('\n') +
                   tr("*Hidden until the run has played to its end: make your prediction first.* "
                      "[Reveal the answer now](%1:%2)")
                       .arg(kRevealScheme, kRevealPath) +
                   QStringLiteral("\n\n") + split.after;
    }

    // Keep the reader's place when only the looks or the answer change.
    const int oldMax = verticalScrollBar()->maximum();
    const double place = oldMax > 0 ? double(verticalScrollBar()->value()) / oldMax : 0.0;

    document()->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    typeset(document(), t);

    const int newMax = verticalScrollBar()->maximum();
    verticalScrollBar()->setValue(int(place * newMax + 0.5));
}

void LessonTextView::followLink(const QUrl& url) {
    if (url.scheme() == kRevealScheme && url.path() == kRevealPath) {
        setAnswerRevealed(true);
        scrollToAnchor(QStringLiteral("the-answer"));
        return;
    }
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    // A relative link in a built-in lesson would point into the resources:
    // nothing a browser could open, so only absolute URLs leave the app.
    if (!url.isRelative())
        QDesktopServices::openUrl(url);
}

}  // namespace aw::ui
