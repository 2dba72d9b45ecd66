#pragma once
// The built-in lessons: one entry per folder under the ":/lessons" resource
// (lessons/NN-slug/script.py, compiled in), in folder order.

#include <QListWidget>

#include <optional>

namespace aw::ui {

struct Lesson {
    QString folder;  // "05-tasks-gather"
    QString title;   // "05  Two tasks with gather": the number, then lesson.md's heading
    QString scriptPath() const { return QStringLiteral(":/lessons/") + folder + QStringLiteral("/script.py"); }
};

// Every lesson compiled into the binary, sorted by folder name.
QList<Lesson> builtInLessons();

// The lesson an ID names: its folder ("05-tasks-gather"), its number ("5",
// "05") or its slug ("tasks-gather"). Nothing when no lesson, or more than
// one, matches.
std::optional<Lesson> findLesson(const QString& id);

// The lesson's heading without the number the list puts in front.
QString lessonHeading(const Lesson& lesson);

// The list's title for a lesson: its number, then the first "# " heading of
// its lesson.md (lessons/README.md), or words made from the folder name when
// there is no lesson.md or no heading ("05-tasks-gather" -> "05  Tasks gather").
QString lessonTitle(const QString& folder, const QString& markdown);

class LessonList : public QListWidget {
    Q_OBJECT
public:
    explicit LessonList(QWidget* parent = nullptr);

    int lessonCount() const { return count(); }
    QString folderAt(int row) const;
    // Selects the lesson's row without loading it (the window loads, then marks).
    void markCurrent(const QString& folder);

signals:
    void lessonChosen(const aw::ui::Lesson& lesson);
};

}  // namespace aw::ui
