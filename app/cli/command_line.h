#pragma once
// The command line, parsed into a plain struct before any QCoreApplication
// exists: main() needs the verb to choose between QApplication (the window)
// and QCoreApplication (verbs that must work with no display).
//
//   awaitscope                       the window
//   awaitscope lesson.py             the window, with lesson.py open
//   awaitscope --lesson ID           the window, with a built-in lesson open
//   awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID
//   awaitscope trace SCRIPT.py|--lesson ID [--interrupt-at T] [--budget N] [--out FILE]
//   awaitscope state SCRIPT.py|--lesson ID --at STEP|end [--interrupt-at T] [--budget N]
//   awaitscope export SCRIPT.py|--lesson ID --view stage|timeline [--at STEP|end | --at-time T]
//                     [--from STEP --to STEP] [--interrupt-at T] [--budget N] --out FILE.png|svg|pdf|gif
//                     [--width W] [--theme light|dark|projector]
//   awaitscope lessons               the built-in lessons: id and title
//   awaitscope --help | --version | VERB --help

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace aw::app {

enum class Verb {
    Window,  // open the window
    Run,     // print the run in WORLD.md's format
    Help,    // print `helpFor`'s usage
    Version,
    Lessons,  // list the built-in lessons
    Trace,    // print the run's trace, one JSON object per event per line
    State,    // print the state at one step as JSON
    Export,   // render a view (stage or timeline) to an image file
    Invalid,  // `error` says why; exit 2
};

struct CommandLine {
    Verb verb = Verb::Window;
    QString script;                     // Run: the script; Window: a script to open (may be empty)
    std::optional<double> interruptAt;  // Run: --interrupt-at T (virtual seconds)
    std::optional<uint64_t> budget;     // every verb: --budget N (trace events); unset: the engine's default
    QString lesson;                     // Run, Trace, State, Export, Window: --lesson ID (a built-in lesson)

    // Trace, State, Export. Validated by the parser: a CommandLine that is not
    // Invalid has values in range (the step numbers are not checked against the
    // run, which has not happened yet: the verb says so when a step is past the end).
    QString view;                        // Export: --view stage|timeline
    std::optional<uint64_t> atStep;      // State, Export: --at STEP
    bool atEnd = false;                  // State, Export: --at end (the last step of the run); Export sets it
                                         // too when neither --at nor --at-time is given (the default)
    std::optional<double> atTime;        // Export: --at-time T (virtual seconds; the last step at or before T)
    std::optional<uint64_t> fromStep;    // Export: --from STEP (timeline range; with --to)
    std::optional<uint64_t> toStep;      // Export: --to STEP
    QString out;                         // Trace: --out FILE (unset: stdout); Export: --out FILE.png|.svg|.pdf|.gif
    std::optional<int> width;            // Export: --width W (pixels, or points for .pdf)
    QString theme;                       // Export: --theme light|dark|projector (empty: light)

    QString screenshot;                 // Window: hidden --screenshot FILE (run, grab the window, quit)
    Verb helpFor = Verb::Window;        // Help: the verb asked about (Window: the general help)
    QString error;                      // Invalid: what is wrong, one line
};

// `arguments` as QCoreApplication::arguments() would give them (program name first).
CommandLine parseCommandLine(const QStringList& arguments);

// The usage text for `verb` (Verb::Window: the program's general help).
QString helpText(Verb verb);

}  // namespace aw::app
