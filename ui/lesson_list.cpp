#include "ui/lesson_list.h"

#include <QDir>
#include <QFile>
#include <QSignalBlocker>

namespace aw::ui {

namespace {

constexpr int kFolderRole = Qt::UserRole + 1;

// "05-tasks-gather" -> "05  Tasks gather"
QString titleFromFolder(const QString& folder) {
    const qsizetype dash = folder.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return folder;
    QString words = folder.mid(dash + 1).replace(QLatin1Char('-'), QLatin1Char(' '));
    // Capitalise the first word, unless it is a module name ("asyncio run result").
    static const QStringList modules = {QStringLiteral("asyncio"), QStringLiteral("aiohttp")};
    if (!words.isEmpty() && !modules.contains(words.section(QLatin1Char(' '), 0, 0)))
        words[0] = words[0].toUpper();
    return folder.left(dash) + QStringLiteral("  ") + words;
}

}  // namespace

QString lessonTitle(const QString& folder, const QString& markdown) {
    const QString fallback = titleFromFolder(folder);
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("# "))) {
            const QString heading = line.mid(2).trimmed();
            if (heading.isEmpty())
                break;
            const qsizetype dash = folder.indexOf(QLatin1Char('-'));
            return dash > 0 ? folder.left(dash) + QStringLiteral("  ") + heading : heading;
        }
    }
    return fallback;
}

QList<Lesson> builtInLessons() {
    QList<Lesson> lessons;
    const QStringList folders =
        QDir(QStringLiteral(":/lessons")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& folder : folders) {
        const QString base = QStringLiteral(":/lessons/") + folder;
        if (!QFile::exists(base + QStringLiteral("/script.py")))
            continue;
        QString markdown;
        QFile text(base + QStringLiteral("/lesson.md"));
        if (text.open(QIODevice::ReadOnly))
            markdown = QString::fromUtf8(text.readAll());
        lessons.append(Lesson{folder, lessonTitle(folder, markdown)});
    }
    return lessons;
}

std::optional<Lesson> findLesson(const QString& id) {
    const QString wanted = id.trimmed();
    if (wanted.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const int number = wanted.toInt(&isNumber);
    QList<Lesson> matches;
    for (const Lesson& lesson : builtInLessons()) {
        const qsizetype dash = lesson.folder.indexOf(QLatin1Char('-'));
        const QString prefix = lesson.folder.left(dash);
        const QString slug = lesson.folder.mid(dash + 1);
        if (lesson.folder == wanted)
            return lesson;  // an exact folder name always wins
        if ((isNumber && prefix.toInt() == number) || slug == wanted)
            matches.append(lesson);
    }
    if (matches.size() == 1)
        return matches.first();
    return std::nullopt;
}

QString lessonHeading(const Lesson& lesson) {
    const qsizetype dash = lesson.folder.indexOf(QLatin1Char('-'));
    const QString numbered = lesson.folder.left(dash) + QStringLiteral("  ");
    return dash > 0 && lesson.title.startsWith(numbered) ? lesson.title.mid(numbered.size()) : lesson.title;
}

LessonList::LessonList(QWidget* parent) : QListWidget(parent) {
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);
    // Roomy rows: this list is read from the back of a classroom.
    setStyleSheet(
        QStringLiteral("QListWidget::item { padding: 5px 8px; }"
                       "QListWidget::item:selected { background: #1f6feb; color: white; }"));
    for (const Lesson& lesson : builtInLessons()) {
        auto* item = new QListWidgetItem(lesson.title, this);
        item->setData(kFolderRole, lesson.folder);
        item->setToolTip(tr("%1\nlessons/%2 — click or press Enter to open").arg(lesson.title, lesson.folder));
    }
    auto choose = [this](QListWidgetItem* item) {
        if (item)
            emit lessonChosen(Lesson{item->data(kFolderRole).toString(), item->text()});
    };
    connect(this, &QListWidget::itemClicked, this, choose);
    connect(this, &QListWidget::itemActivated, this, choose);
}

QString LessonList::folderAt(int row) const {
    const QListWidgetItem* it = item(row);
    return it ? it->data(kFolderRole).toString() : QString();
}

void LessonList::markCurrent(const QString& folder) {
    const QSignalBlocker blocker(this);
    for (int row = 0; row < count(); ++row) {
        if (folderAt(row) == folder) {
            setCurrentRow(row);
            return;
        }
    }
    clearSelection();
    setCurrentRow(-1);
}

}  // namespace aw::ui
