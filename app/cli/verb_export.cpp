// awaitscope export SCRIPT.py|--lesson ID --view stage|timeline [--at STEP|end | --at-time T]
//                   [--from STEP --to STEP] [--interrupt-at T] [--budget N] --out FILE.png|svg|pdf|gif
//                   [--width W] [--theme light|dark|projector]
//
// Runs the script and paints the view with the window's own painting code
// (ui/export/exporter.h) into the file: one picture at a step, or for a range
// numbered PNG/SVG files, a PDF with a page per step or an animated GIF.
// Needs no display (main() makes an offscreen QGuiApplication).
// stdout: the files written, one per line. Exit: 0 written (also when the
// script itself ended with an exception or was cut: the picture shows that,
// and stderr says it), 2 could not run the script or write the file.

#include "app/cli/script_input.h"
#include "app/cli/verbs.h"

#include "core/model/state_index.h"
#include "ui/export/exporter.h"
#include "ui/lesson_list.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <string>

namespace aw::app {

namespace {

// The last step whose clock is at or before `t` (the clock never goes back).
model::Step stepAtTime(const model::StateIndex& index, double t) {
    model::Step lo = 0, hi = index.lastStep();
    while (lo < hi) {
        const model::Step mid = lo + (hi - lo + 1) / 2;
        if (index.clockAt(mid) <= t)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

QString titleFor(const CommandLine& line) {
    if (!line.lesson.isEmpty())
        if (const std::optional<ui::Lesson> lesson = ui::findLesson(line.lesson))
            return lesson->folder.left(2) + QStringLiteral("  ") + ui::lessonHeading(*lesson);
    // A lesson-style folder/script.py says more by its folder.
    const QFileInfo info(line.script);
    return info.fileName() == QLatin1String("script.py") ? info.dir().dirName() + '/' + info.fileName()
                                                        : info.fileName();
}

}  // namespace

int exportVerb(const CommandLine& line) {
    const ScriptInput input = loadScript(line);
    if (!input.ok) {
        writeTo(stderr, input.error);
        return 2;
    }
    const run::RunOptions options = runOptions(line);
    const run::RunResult result = run::runScript(input.source, input.filename, options);
    if (result.syntaxError) {
        writeTo(stderr, run::formatSyntaxError(*result.syntaxError, input.filename, input.source));
        return 2;
    }
    model::StateIndex index(result.trace);
    index.extend();
    const model::Step last = index.lastStep();

    ui::ExportRequest request;
    request.view = line.view == QLatin1String("timeline") ? ui::ExportView::Timeline : ui::ExportView::Stage;
    if (line.fromStep && line.toStep) {
        request.from = *line.fromStep;
        request.to = *line.toStep;
    } else {
        model::Step step = last;
        if (line.atStep)
            step = *line.atStep;
        else if (line.atTime)
            step = stepAtTime(index, *line.atTime);
        request.from = request.to = step;
    }
    for (const auto& [name, step] : {std::pair{"--at", request.from}, std::pair{"--to", request.to}}) {
        if (step > last) {
            writeTo(stderr, std::string("awaitscope: ") + (line.fromStep ? name : "--at") + " " + std::to_string(step) +
                                " is past the end of the run (its last step is " + std::to_string(last) + ")\n");
            return 2;
        }
    }
    request.file = line.out;
    const bool gif = ui::exportFormatOf(line.out) == QLatin1String("gif");
    request.width = line.width.value_or(gif ? 960 : 1600);
    request.theme = line.theme.isEmpty() ? ui::ThemeId::Light : ui::themeFromName(line.theme);
    request.title = titleFor(line);

    const ui::ExportResult written = ui::exportPictures(index, request);
    if (!written.ok) {
        writeTo(stderr, "awaitscope: " + written.error.toStdString() + "\n");
        return 2;
    }
    for (const QString& file : written.files)
        writeTo(stdout, file.toStdString() + "\n");
    std::fflush(stdout);
    if (!result.exceptionType.empty())
        writeTo(stderr, "awaitscope: note: the script ended with " + result.exceptionType +
                            (result.exceptionMessage.empty() ? "" : ": " + result.exceptionMessage) + "\n");
    else if (result.cut)
        writeTo(stderr, "awaitscope: note: the run was cut at the step budget; the pictures show it up to there\n");
    return 0;
}

}  // namespace aw::app
