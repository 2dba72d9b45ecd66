#pragma once
// The command line, parsed into a plain struct before any QCoreApplication
// exists: main() needs the verb to choose between QApplication (the window)
// and QCoreApplication (verbs that must work with no display).
//
//   awaitscope                       the window
//   awaitscope lesson.py             the window, with lesson.py open
//   awaitscope --lesson ID           the window, with a built-in lesson open
//   awaitscope run [--interrupt-at T] [--budget N] SCRIPT.py | --lesson ID
//   awaitscope lessons               the built-in lessons: id and title
//   awaitscope --help | --version | run --help

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
    Invalid,  // `error` says why; exit 2
};

struct CommandLine {
    Verb verb = Verb::Window;
    QString script;                     // Run: the script; Window: a script to open (may be empty)
    std::optional<double> interruptAt;  // Run: --interrupt-at T (virtual seconds)
    std::optional<uint64_t> budget;     // Run: --budget N (steps); unset: the engine's default
    QString lesson;                     // Run, Window: --lesson ID (a built-in lesson instead of a file)
    QString screenshot;                 // Window: hidden --screenshot FILE (run, grab the window, quit)
    Verb helpFor = Verb::Window;        // Help: the verb asked about (Window: the general help)
    QString error;                      // Invalid: what is wrong, one line
};

// `arguments` as QCoreApplication::arguments() would give them (program name first).
CommandLine parseCommandLine(const QStringList& arguments);

// The usage text for `verb` (Verb::Window: the program's general help).
QString helpText(Verb verb);

}  // namespace aw::app
