// parse -> compile -> run as __main__ in a fresh Vm; collect the output
// lines stamped with the virtual clock (as the oracle's _Output does).
#include "core/run/runner.h"

#include "core/aio/install.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/run/code_event_hooks.h"
#include "core/trace/recorder.h"
#include "core/vm/vm.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

namespace aw::run {

namespace {

// Splits written text into lines; a line's clock is when its first character came.
class LineCollector {
public:
    LineCollector(std::vector<OutputLine>& lines, const world::World& world, trace::Recorder& recorder)
        : m_lines(lines), m_world(world), m_recorder(recorder) {}
    void write(std::string_view s) {
        size_t start = 0;
        while (true) {
            size_t nl = s.find('\n', start);
            bool last = nl == std::string_view::npos;
            std::string_view piece = s.substr(start, last ? std::string_view::npos : nl - start);
            if (!piece.empty() || !last) {
                if (!m_open) { m_open = true; m_clock = m_world.now(); m_text.clear(); }
                m_text += piece;
            }
            if (last) break;
            m_lines.push_back(OutputLine{m_clock, m_text});
            m_recorder.output(m_text);
            m_open = false;
            start = nl + 1;
        }
    }
    void finish() {
        if (m_open) {
            m_lines.push_back(OutputLine{m_clock, m_text});
            m_recorder.output(m_text);
        }
        m_open = false;
    }

private:
    std::vector<OutputLine>& m_lines;
    const world::World& m_world;
    trace::Recorder& m_recorder;
    bool m_open = false;
    double m_clock = 0.0;
    std::string m_text;
};

// The budget counts trace events; the VM's own step budget (calls, frames
// resumed and loops' backward jumps: vm.h) is a backstop for code that runs
// long without recording any event (a loop inside one line, such as a
// comprehension over a huge range). Measured on the lessons and the asyncio
// test scripts, a run spends at most about 4 VM steps per event (asyncio's
// Python-written internals between two events); 20 leaves room, so the
// backstop never decides where an ordinary run is cut, and an endless loop
// inside one line is still cut within seconds.
constexpr uint64_t kVmStepsPerEvent = 20;

uint64_t vmStepBudget(uint64_t events) {
    constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
    if (events > kMax / kVmStepsPerEvent) return kMax;
    return std::max<uint64_t>(events * kVmStepsPerEvent, 1'000'000);
}

std::string clockText(double t) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.3f", t);
    return buf;
}

}  // namespace

RunResult runScript(std::string_view source, const std::string& filename, const RunOptions& options) {
    RunResult result;
    auto trace = std::make_shared<trace::Trace>();
    trace::Recorder recorder(trace.get());
    std::shared_ptr<const bytecode::CodeUnit> unit;
    try {
        lang::ast::Module module = lang::parse(source, filename);
        unit = lang::compileModule(module, filename);
    } catch (const lang::SyntaxError& e) {
        result.syntaxError = e;
        return result;
    }
    vm::Vm::Options vmOptions;
    vmOptions.stepBudget = vmStepBudget(options.stepBudget);
    vmOptions.cancel = options.cancel;
    vm::Vm vm(vmOptions);
    vm.world().setInterruptAt(options.interruptAt);
    vm.setSource(filename, source);

    recorder.setStepBudget(options.stepBudget);
    recorder.setCancelFlag(options.cancel);
    if (options.progress)
        recorder.setProgress([&](uint64_t events) { options.progress(events, vm.world().now()); },
                             options.progressEvery);
    if (options.cancelTask) recorder.setTaskCancel(options.cancelTask->task, options.cancelTask->step);

    recorder.programStart(filename);
    LineCollector out(result.lines, vm.world(), recorder);
    vm.setOutput([&out](std::string_view text) { out.write(text); });
    // asyncio, aiohttp and _awaitscope become importable; their events go to the trace.
    aio::AsyncioHost host;
    host.recorder = &recorder;
    host.nativeLoop = options.nativeLoop;
    host.errorOutput = [&result](std::string_view text) { result.errorOutput += text; };
    aio::installAsyncio(vm, host);
    // Line and frame events for the user's script (code_event_hooks.h).
    CodeEventHooks hooks(recorder, filename);
    hooks.install(vm);

    vm::Value m = vm.runModule(unit, "__main__");
    out.finish();
    if (m.isError()) {
        vm::Value exc = vm.takeError();
        if (vm.hung()) {          // a hang unwinds as a cut does: check it first
            result.hung = true;
            recorder.programEnd(0);
        } else if (vm.cut()) {
            result.cut = true;
            recorder.pollCancel();   // a cancel that came after the last poll still counts as one
            switch (recorder.stopRequested()) {
            case trace::Recorder::Stop::Cancelled:
                result.cancelled = true;
                recorder.programCut("cancelled");
                break;
            case trace::Recorder::Stop::Budget:
                recorder.programCut("step budget exhausted: " + std::to_string(options.stepBudget) + " events");
                break;
            case trace::Recorder::Stop::None:
                recorder.programCut("step budget exhausted: " + std::to_string(vmOptions.stepBudget) +
                                    " VM steps (" + std::to_string(kVmStepsPerEvent) +
                                    " per event of the budget) with too few events");
                break;
            }
        } else if (exc.is<vm::ExceptionObj>()) {
            result.exceptionType = exc.asObj()->type()->m_name;
            result.exceptionMessage = vm.exceptionMessage(exc);
            result.traceback = vm.formatException(exc);
            recorder.uncaught(result.exceptionMessage.empty() ? result.exceptionType
                                                              : result.exceptionType + ": " + result.exceptionMessage);
            recorder.programEnd(1);
        } else {
            recorder.programEnd(1);
        }
    } else {
        recorder.programEnd(0);
    }
    result.endClock = vm.world().now();
    // The run is over: nothing may call back into the caller (or read this Vm) any more.
    recorder.setProgress(nullptr, 1);
    recorder.setCancelFlag(nullptr);
    CodeEventHooks::uninstall(vm);
    vm.setOutput(nullptr);
    result.trace = std::move(trace);
    return result;
}

std::string formatRun(const RunResult& result) {
    std::string s;
    if (result.syntaxError) {
        const auto& e = *result.syntaxError;
        return clockText(0.0) + "\t!" + e.type + ": " + e.message + "\n";
    }
    for (const auto& l : result.lines) s += clockText(l.clock) + "\t" + l.text + "\n";
    if (result.hung) s += clockText(result.endClock) + "\t!Hang: nothing left to wait for\n";
    else if (result.cut) s += clockText(result.endClock) + "\t!Cut: step budget exhausted\n";
    else if (!result.exceptionType.empty())
        s += clockText(result.endClock) + "\t!" + result.exceptionType +
             (result.exceptionMessage.empty() ? "" : ": " + result.exceptionMessage) + "\n";
    return s;
}

std::string formatSyntaxError(const lang::SyntaxError& error, const std::string& filename, std::string_view source) {
    // Mirrors the C printer `python3 f.py` uses (pythonrun.c,
    // print_exception_file_and_line + print_error_text), not traceback.py:
    // leading spaces, tabs and form feeds are stripped, the caret line is
    // padded with spaces only, and there is no caret line when the column
    // falls inside the stripped indentation (unexpected indent, TabError).
    std::string out = "  File \"" + filename + "\", line " + std::to_string(error.line) + "\n";
    // The error's line (SyntaxError.text); CPython's text ends with '\n' unless
    // it is the last line of a file without a final newline.
    std::string line;
    bool hasNewline = false;
    int32_t n = 1;
    size_t start = 0;
    while (n < error.line && start < source.size()) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) { start = source.size(); break; }
        start = nl + 1;
        ++n;
    }
    if (n == error.line && start <= source.size()) {
        size_t nl = source.find('\n', start);
        hasNewline = nl != std::string_view::npos;
        line = std::string(source.substr(start, hasNewline ? nl - start : std::string_view::npos));
        if (!line.empty() && line.back() == '\r') line.pop_back();
    }
    if (line.empty()) {
        out += error.type + ": " + error.message + "\n";
        return out;
    }
    // SyntaxError.offset / end_offset are 1-based character offsets, but the
    // printer turns them back into UTF-8 byte offsets before it pads and
    // underlines, so byte columns are what it effectively uses.
    auto oneBased = [](int32_t byteCol) { return int64_t(byteCol) + 1; };
    // CPython measures the line in bytes here (PyUnicode_AsUTF8AndSize), '\n' included.
    const int64_t lineSize = int64_t(line.size()) + (hasNewline ? 1 : 0);
    int64_t offset = oneBased(error.col);
    int64_t endOffset = 0;
    if (int64_t(error.endCol) > int64_t(line.size()) + 1) {
        // An endCol past the line means the span goes on to a later line (the
        // compiler and parser say so with INT32_MAX): CPython then underlines
        // to the end of this line.
        endOffset = lineSize;
    } else if (error.endCol > 0) {
        endOffset = std::min(oneBased(error.endCol), lineSize + 1);
    }
    const int64_t carets = (endOffset > 0 && endOffset > offset) ? endOffset - offset : 1;

    offset -= 1;   // to 0-based
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) {
        ++lead;
        --offset;
    }
    const std::string shown = line.substr(lead);
    if (offset > int64_t(shown.size())) offset = int64_t(shown.size());
    out += "    " + shown + "\n";
    if (offset >= 0)   // a column left of the text (in its indentation) gets no caret line
        out += "    " + std::string(size_t(offset), ' ') + std::string(size_t(carets), '^') + "\n";
    out += error.type + ": " + error.message + "\n";
    return out;
}

}  // namespace aw::run
