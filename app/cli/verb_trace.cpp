// awaitscope trace [--interrupt-at T] [--budget N] [--out FILE] SCRIPT.py | --lesson ID
//
// The run's trace as JSON lines (core/trace/event_json.h; docs/json-schema.md).
// With --out the file is written through QSaveFile: it is replaced whole or,
// when anything fails, left as it was.
// Exit: as `run` (0 ended, 1 uncaught exception, 3 cut or hung; the trace is
// written in every case), 2 could not run or could not write FILE.

#include "app/cli/run_outcome.h"
#include "app/cli/script_input.h"
#include "app/cli/verbs.h"

#include "core/trace/event_json.h"

#include <QSaveFile>

#include <cstdio>
#include <functional>
#include <string>

namespace aw::app {

namespace {

// Calls `sink` with the JSON lines in pieces of about a megabyte (a trace
// may hold millions of events). False as soon as `sink` fails.
bool writeTraceLines(const trace::Trace& trace, const std::function<bool(const std::string&)>& sink) {
    trace::EventJsonWriter writer(trace);
    std::string buffer;
    const std::size_t size = trace.size();
    for (std::size_t step = 0; step < size; ++step) {
        buffer += writer.line(step);
        buffer += '\n';
        if (buffer.size() >= (1u << 20)) {
            if (!sink(buffer))
                return false;
            buffer.clear();
        }
    }
    return buffer.empty() || sink(buffer);
}

}  // namespace

int traceVerb(const CommandLine& line) {
    const ScriptInput input = loadScript(line);
    if (!input.ok) {
        writeTo(stderr, input.error);
        return 2;
    }
    const run::RunOptions options = runOptions(line);
    const run::RunResult result = run::runScript(input.source, input.filename, options);
    if (result.syntaxError) {   // nothing ran, so there is no trace: only CPython's report
        writeTo(stderr, run::formatSyntaxError(*result.syntaxError, input.filename, input.source));
        return 2;
    }

    if (line.out.isEmpty()) {
        writeTraceLines(*result.trace, [](const std::string& text) {
            return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        });
        std::fflush(stdout);
    } else {
        QSaveFile file(line.out);
        const auto cannotWrite = [&line](const QString& why) {
            writeTo(stderr, "awaitscope: cannot write '" + line.out.toStdString() + "': " + why.toStdString() + "\n");
            return 2;
        };
        if (!file.open(QIODevice::WriteOnly))
            return cannotWrite(file.errorString());
        const bool written = writeTraceLines(*result.trace, [&file](const std::string& text) {
            return file.write(text.data(), qint64(text.size())) == qint64(text.size());
        });
        if (!written) {
            const QString why = file.errorString();
            file.cancelWriting();
            return cannotWrite(why);
        }
        if (!file.commit())
            return cannotWrite(file.errorString());
    }
    return reportRunOutcome(result, options.stepBudget);
}

}  // namespace aw::app
