// awaitscope --help, run --help, --version, and a command line that makes no sense.

#include "app/cli/verbs.h"

#include <QCoreApplication>

#include <cstdio>

namespace aw::app {

int helpVerb(const CommandLine& line) {
    std::fputs(helpText(line.helpFor).toLocal8Bit().constData(), stdout);
    return 0;
}

int versionVerb(const CommandLine&) {
    std::fprintf(stdout, "awaitscope %s\n", qPrintable(QCoreApplication::applicationVersion()));
    return 0;
}

int invalidVerb(const CommandLine& line) {
    std::fprintf(stderr, "awaitscope: %s\nTry 'awaitscope --help'.\n", line.error.toLocal8Bit().constData());
    return 2;
}

}  // namespace aw::app
