// awaitscope lessons: the built-in lessons, one per line: "<id>\t<title>".
// The id is what --lesson takes (the number alone works too).

#include "app/cli/verbs.h"

#include "ui/lesson_list.h"

#include <cstdio>

namespace aw::app {

int lessonsVerb(const CommandLine&) {
    const QList<ui::Lesson> lessons = ui::builtInLessons();
    for (const ui::Lesson& lesson : lessons)
        std::printf("%s\t%s\n", lesson.folder.toUtf8().constData(), ui::lessonHeading(lesson).toUtf8().constData());
    return lessons.isEmpty() ? 1 : 0;
}

}  // namespace aw::app
