#pragma once
// Run a script start to end in the simulated world and collect what it did.
// The one entry point the command line, the app and the golden tests share.

#include "core/lang/source.h"
#include "core/trace/trace.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw::run {

// "Cancel task X at step k": once the trace has reached step k, the engine
// calls X.cancel() before the loop runs its next handle (a new run, so the
// view can land on the step where the cancellation is requested).
struct CancelTaskAt {
    uint32_t task = 0;      // the task's trace id
    uint64_t step = 0;
};

struct RunOptions {
    std::optional<double> interruptAt;     // Ctrl+C at this virtual time (WORLD.md)
    std::optional<CancelTaskAt> cancelTask;
    uint64_t stepBudget = 5'000'000;       // trace events before the run is cut
    // Set from any thread to stop the run; the engine checks it often enough
    // to return within 100 ms. A cancelled run ends like a cut one (cut=true,
    // cancelled=true).
    const std::atomic<bool>* cancel = nullptr;
    // Called on the engine's thread every `progressEvery` events with the
    // events recorded so far and the clock. Events [0, published) of the trace
    // may then be read from other threads (Trace::published()).
    std::function<void(uint64_t events, double clock)> progress;
    uint64_t progressEvery = 65'536;
    // false: asyncio runs its ready queue and task steps in Python only (the
    // reference that core/aio/ready_turn.cpp must match, event for event).
    bool nativeLoop = true;
};

struct OutputLine {
    double clock = 0.0;     // virtual time when the line's first character was printed
    std::string text;       // without the newline
};

struct RunResult {
    std::vector<OutputLine> lines;
    // Set when the program ended with an uncaught exception:
    std::string exceptionType;      // "ZeroDivisionError"
    std::string exceptionMessage;   // "division by zero" (may be empty)
    std::string traceback;          // CPython-style "Traceback (most recent call last):\n  File ..."
    double endClock = 0.0;          // the clock when the program ended
    bool hung = false;              // waiting with nothing left that could wake it
    bool cut = false;               // stopped at the step budget (or cancelled)
    bool cancelled = false;         // stopped by RunOptions::cancel
    std::optional<lang::SyntaxError> syntaxError;   // the script did not compile
    std::string errorOutput;        // what the program wrote to stderr (asyncio's reports), never stdout
    // The run's events (program, code lines of the script, loop, tasks, world);
    // null only when the script did not compile.
    std::shared_ptr<const trace::Trace> trace;
};

// Runs `source` (UTF-8) as __main__. Never throws for anything the script does.
RunResult runScript(std::string_view source, const std::string& filename, const RunOptions& options = {});

// The run in WORLD.md's output format: "%.3f\t<text>\n" per line, then the
// "!Type: message" / "!Hang: nothing left to wait for" line where one applies.
std::string formatRun(const RunResult& result);

// CPython's report of a SyntaxError:  File "f.py", line 3 / the line / caret / "SyntaxError: ...".
std::string formatSyntaxError(const lang::SyntaxError& error, const std::string& filename,
                              std::string_view source);

}  // namespace aw::run
