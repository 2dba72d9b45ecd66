#include "core/trace/event_json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace aw::trace {

namespace {

using enum FieldType;
constexpr FieldSpec none{};
constexpr FieldSpec u(std::string_view name) { return {name, Uint}; }
constexpr FieldSpec flag(std::string_view name) { return {name, Bool}; }
constexpr FieldSpec num(std::string_view name) { return {name, Number}; }
constexpr FieldSpec str(std::string_view name) { return {name, Text}; }
constexpr FieldSpec columns{"col_start", Columns};   // and "col_end"

// One row per kind, in events.def's order (checked below); the names follow
// events.def's column notes. Renaming a field breaks users' scripts: add, never rename.
constexpr KindFields kTable[] = {
    // program
    {EventKind::ProgramStart, none, none, none, str("file")},
    {EventKind::Output, none, none, none, str("text")},
    {EventKind::Stderr, none, none, none, str("text")},
    {EventKind::Uncaught, none, none, none, str("error")},
    {EventKind::ProgramEnd, u("exit_code"), none, none, none},
    {EventKind::ProgramCut, none, none, none, str("reason")},
    {EventKind::Note, none, none, none, str("text")},
    // code
    {EventKind::Line, u("owner"), u("line"), none, columns},
    {EventKind::FramePush, u("owner"), u("first_line"), none, str("function")},
    {EventKind::FramePop, u("owner"), none, none, none},
    // loop
    {EventKind::LoopNew, u("loop"), none, none, none},
    {EventKind::LoopRun, u("loop"), u("future"), none, str("mode")},
    {EventKind::LoopRunEnd, u("loop"), none, none, none},
    {EventKind::LoopIter, u("loop"), u("iteration"), none, none},
    {EventKind::LoopWait, u("loop"), none, num("deadline"), str("reason")},
    {EventKind::LoopStop, u("loop"), none, none, none},
    {EventKind::LoopClose, u("loop"), none, none, none},
    // handles
    {EventKind::HandleNew, u("handle"), u("loop"), none, str("callback")},
    {EventKind::HandleReady, u("handle"), u("target"), none, str("reason")},
    {EventKind::TimerNew, u("handle"), u("loop"), num("when"), str("callback")},
    {EventKind::TimerDue, u("handle"), u("loop"), none, none},
    {EventKind::HandleRun, u("handle"), none, none, none},
    {EventKind::HandleDone, u("handle"), none, none, str("outcome")},
    {EventKind::HandleCancel, u("handle"), none, none, none},
    {EventKind::HandleDropped, u("handle"), none, none, str("reason")},
    // futures and tasks
    {EventKind::FutureNew, u("future"), u("loop"), none, str("type")},
    {EventKind::TaskNew, u("task"), u("loop"), none, str("name")},
    {EventKind::TaskCoro, u("task"), none, none, str("coro")},
    {EventKind::TaskName, u("task"), none, none, str("name")},
    {EventKind::FutureCbAdd, u("future"), none, none, str("callback")},
    {EventKind::FutureCbRemove, u("future"), u("removed"), none, str("callback")},
    {EventKind::TaskAwait, u("task"), u("future"), none, none},
    {EventKind::TaskState, u("task"), none, none, str("state")},
    {EventKind::TaskCancelReq, u("task"), u("cancel_count"), none, str("message")},
    {EventKind::FutureResult, u("future"), none, none, str("result")},
    {EventKind::FutureException, u("future"), none, none, str("exception")},
    {EventKind::FutureCancelled, u("future"), none, none, str("message")},
    {EventKind::SocketWait, u("socket"), u("future"), none, str("request")},
    {EventKind::CtrlCHandled, u("task"), u("interrupt_count"), none, none},
    // world
    {EventKind::WorldClock, none, flag("loop_wait"), num("new_clock"), none},
    {EventKind::WorldCtrlC, none, flag("handled"), num("time"), none},
    {EventKind::WorldHang, none, none, none, none},
    {EventKind::SocketOpen, u("socket"), u("loop"), num("due"), str("url")},
    {EventKind::SocketDone, u("socket"), none, none, none},
    {EventKind::SocketClose, u("socket"), none, none, none},
    // synchronisation primitives
    {EventKind::SyncNew, u("sync"), u("uses"), num("value"), str("type")},
    {EventKind::SyncWaiterAdd, u("sync"), u("waiter"), flag("put"), none},
    {EventKind::SyncWaiterRemove, u("sync"), u("waiter"), none, none},
    {EventKind::SyncValue, u("sync"), none, num("value"), none},
    {EventKind::QueuePut, u("queue"), none, none, str("item")},
    {EventKind::QueueGet, u("queue"), u("where"), none, str("item")},
};

constexpr bool tableFollowsEventsDef() {
    if (std::size(kTable) != static_cast<std::size_t>(EventKind::Count)) return false;
    for (std::size_t i = 0; i < std::size(kTable); ++i)
        if (kTable[i].kind != static_cast<EventKind>(i)) return false;
    return true;
}
static_assert(tableFollowsEventsDef(), "one row per events.def kind, in its order");

void appendField(std::string& out, const FieldSpec& f, uint32_t value) {
    out += ",\"";
    out += f.name;
    out += "\":";
    if (f.type == Bool) out += value != 0 ? "true" : "false";
    else out += std::to_string(value);
}

}  // namespace

std::span<const KindFields> eventFieldTable() { return kTable; }

const KindFields& fieldsOf(EventKind kind) { return kTable[static_cast<std::size_t>(kind)]; }

void appendJsonString(std::string& out, std::string_view utf8) {
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (byte < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", byte);
                out += buf;
            } else {
                out += c;   // UTF-8 passes through: JSON text is UTF-8
            }
        }
    }
    out += '"';
}

void appendJsonNumber(std::string& out, double value) {
    if (!std::isfinite(value)) {   // JSON has no infinity or NaN
        out += "null";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);   // shortest form that reads back the same
    const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
    out += text;
    // As Python's repr: a float always shows it is one ("2.0", not "2").
    if (text.find_first_not_of("-0123456789") == std::string_view::npos) out += ".0";
}

std::string EventJsonWriter::line(uint64_t step) {
    const Event& e = m_trace[step];
    // The clock and the iteration after this event (as the state model folds them).
    switch (e.kind) {
    case EventKind::WorldClock: m_clock = e.x; break;
    case EventKind::LoopNew: m_iteration = 0; break;
    case EventKind::LoopIter: m_iteration = e.b; break;
    default: break;
    }
    std::string out = "{\"step\":" + std::to_string(step) + ",\"kind\":\"";
    out += wireName(e.kind);
    out += "\",\"clock\":";
    appendJsonNumber(out, m_clock);
    out += ",\"iter\":" + std::to_string(m_iteration);

    const KindFields& f = fieldsOf(e.kind);
    if (f.a.type != None) appendField(out, f.a, e.a);
    if (f.b.type != None) appendField(out, f.b, e.b);
    if (f.x.type == Bool) {
        out += ",\"";
        out += f.x.name;
        out += e.x != 0.0 ? "\":true" : "\":false";
    } else if (f.x.type != None) {
        out += ",\"";
        out += f.x.name;
        out += "\":";
        appendJsonNumber(out, e.x);
    }
    if (f.s.type == Text) {
        out += ",\"";
        out += f.s.name;
        out += "\":";
        appendJsonString(out, m_trace.text(e));
    } else if (f.s.type == Columns) {
        out += ",\"col_start\":" + std::to_string(columnStart(e)) + ",\"col_end\":" + std::to_string(columnEnd(e));
    }
    out += '}';
    return out;
}

}  // namespace aw::trace
