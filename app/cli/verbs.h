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

}  // namespace aw::app
