#pragma once
// One function per verb, one file each (verb_<name>.cpp). Each returns the
// process's exit status.

#include "app/cli/command_line.h"

namespace aw::app {

int runVerb(const CommandLine& line);                             // verb_run.cpp (QCoreApplication)
int windowVerb(const CommandLine& line, int& argc, char** argv);  // verb_window.cpp (makes the QApplication)
int helpVerb(const CommandLine& line);                            // verb_help.cpp
int versionVerb(const CommandLine& line);                         // verb_help.cpp
int invalidVerb(const CommandLine& line);                         // verb_help.cpp
int lessonsVerb(const CommandLine& line);                         // verb_lessons.cpp
int traceVerb(const CommandLine& line);                           // verb_trace.cpp
int stateVerb(const CommandLine& line);                           // verb_state.cpp
int exportVerb(const CommandLine& line);                          // verb_export.cpp (under a QGuiApplication,
                                                                  // offscreen unless QT_QPA_PLATFORM says otherwise)

}  // namespace aw::app
