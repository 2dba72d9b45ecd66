// parse -> compile -> run as __main__ in a fresh Vm; collect the output
// lines stamped with the virtual clock (as the oracle's _Output does).
#include "core/run/runner.h"

#include "core/aio/install.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/vm/vm.h"

#include <cstdio>

namespace aw::run {

namespace {

// Splits written text into lines; a line's clock is when its first character came.
class LineCollector {
public:
    LineCollector(std::vector<OutputLine>& lines, const world::World& world) : m_lines(lines), m_world(world) {}
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
            m_open = false;
            start = nl + 1;
        }
    }
    void finish() {
        if (m_open) m_lines.push_back(OutputLine{m_clock, m_text});
        m_open = false;
    }

private:
    std::vector<OutputLine>& m_lines;
    const world::World& m_world;
    bool m_open = false;
    double m_clock = 0.0;
    std::string m_text;
};

std::string clockText(double t) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.3f", t);
    return buf;
}

}  // namespace

RunResult runScript(std::string_view source, const std::string& filename, const RunOptions& options) {
    RunResult result;
    std::shared_ptr<const bytecode::CodeUnit> unit;
    try {
        lang::ast::Module module = lang::parse(source, filename);
        unit = lang::compileModule(module, filename);
    } catch (const lang::SyntaxError& e) {
        result.syntaxError = e;
        return result;
    }
    vm::Vm::Options vmOptions;
    vmOptions.stepBudget = options.stepBudget;
    vm::Vm vm(vmOptions);
    vm.world().setInterruptAt(options.interruptAt);
    vm.setSource(filename, source);
    aio::installAsyncio(vm, aio::AsyncioHost{});   // asyncio, aiohttp and _awaitscope become importable
    LineCollector out(result.lines, vm.world());
    vm.setOutput([&out](std::string_view text) { out.write(text); });

    vm::Value m = vm.runModule(unit, "__main__");
    if (m.isError()) {
        vm::Value exc = vm.takeError();
        if (vm.hung()) {
            result.hung = true;
        } else if (vm.cut()) {
            result.cut = true;
        } else if (exc.is<vm::ExceptionObj>()) {
            result.exceptionType = exc.asObj()->type()->m_name;
            result.exceptionMessage = vm.exceptionMessage(exc);
            result.traceback = vm.formatException(exc);
        }
    }
    out.finish();
    result.endClock = vm.world().now();
    vm.setOutput(nullptr);
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
    std::string out = "  File \"" + filename + "\", line " + std::to_string(error.line) + "\n";
    // the line
    std::string_view rest = source;
    std::string line;
    int32_t n = 1;
    size_t start = 0;
    while (n < error.line && start < rest.size()) {
        size_t nl = rest.find('\n', start);
        if (nl == std::string_view::npos) { start = rest.size(); break; }
        start = nl + 1;
        ++n;
    }
    if (n == error.line && start <= rest.size()) {
        size_t nl = rest.find('\n', start);
        line = std::string(rest.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
    }
    if (!line.empty()) {
        // as traceback.py's _format_syntax_error: strip " \n\f" on the left only
        size_t lead = 0;
        while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\f')) ++lead;
        std::string stripped = line.substr(lead);
        out += "    " + stripped + "\n";
        int32_t col = error.col - int32_t(lead);
        int32_t endCol = error.endCol > error.col ? error.endCol - int32_t(lead) : col + 1;
        if (col >= 0) {
            // caret columns count characters, not bytes; whitespace (tabs) is kept for alignment
            std::string pad;
            int32_t width = 0;
            for (int32_t i = 0; i < std::max(endCol, col); ++i) {
                bool inLine = i < int32_t(stripped.size());
                unsigned char c = inLine ? static_cast<unsigned char>(stripped[size_t(i)]) : ' ';
                if ((c & 0xC0) == 0x80) continue;
                if (i < col) pad += (c == '\t' || c == '\f') ? char(c) : ' ';
                else ++width;
            }
            out += "    " + pad + std::string(size_t(std::max(width, 1)), '^') + "\n";
        }
    }
    out += error.type + ": " + error.message + "\n";
    return out;
}

}  // namespace aw::run
