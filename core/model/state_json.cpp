// stateToJson: the State as the JSON object documented in state_json.h,
// written by hand (core has no Qt) with one small writer that places the commas.
#include "core/model/state_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <span>

namespace aw::model {

std::string jsonString(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;   // UTF-8 bytes pass through: JSON text is UTF-8
            }
        }
    }
    out += '"';
    return out;
}

std::string jsonNumber(double value)
{
    if (!std::isfinite(value)) return "null";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc{}) return "null";
    std::string out(buf, end);
    if (out.find_first_of(".e") == std::string::npos) out += ".0";   // 2 -> 2.0: a clock reads as a float
    return out;
}

namespace {

// Appends JSON with commas placed automatically: open/close objects and arrays, then key() + a value.
class JsonWriter {
public:
    std::string take() { return std::move(m_out); }

    JsonWriter& beginObject() { value(); m_out += '{'; m_first = true; return *this; }
    JsonWriter& endObject() { m_out += '}'; m_first = false; return *this; }
    JsonWriter& beginArray() { value(); m_out += '['; m_first = true; return *this; }
    JsonWriter& endArray() { m_out += ']'; m_first = false; return *this; }
    JsonWriter& key(std::string_view k) {
        if (!m_first) m_out += ',';
        m_out += jsonString(k);
        m_out += ':';
        m_afterKey = true;
        return *this;
    }
    JsonWriter& str(std::string_view s) { value(); m_out += jsonString(s); return *this; }
    JsonWriter& num(double d) { value(); m_out += jsonNumber(d); return *this; }
    JsonWriter& integer(uint64_t n) { value(); m_out += std::to_string(n); return *this; }
    JsonWriter& integer(int64_t n) { value(); m_out += std::to_string(n); return *this; }
    JsonWriter& integer(int n) { return integer(static_cast<int64_t>(n)); }
    JsonWriter& integer(uint32_t n) { return integer(static_cast<uint64_t>(n)); }
    JsonWriter& boolean(bool b) { value(); m_out += b ? "true" : "false"; return *this; }
    JsonWriter& step(Step s) {
        if (s == kNoStep) { value(); m_out += "null"; return *this; }
        return integer(static_cast<uint64_t>(s));
    }

private:
    // Before any value: a comma unless it follows a key or opens a container.
    void value() {
        if (m_afterKey) m_afterKey = false;
        else if (!m_first) m_out += ',';
        m_first = false;
    }
    std::string m_out;
    bool m_first = true;
    bool m_afterKey = false;
};

void writeFrames(JsonWriter& w, std::span<const Frame> frames)
{
    w.beginArray();
    for (const Frame& f : frames) {
        w.beginObject();
        w.key("function").str(f.function);
        w.key("line").integer(f.line);
        w.endObject();
    }
    w.endArray();
}

void writeStrings(JsonWriter& w, std::span<const std::string_view> items)
{
    w.beginArray();
    for (std::string_view s : items) w.str(s);
    w.endArray();
}

void writeTimedTexts(JsonWriter& w, const std::vector<TimedText>& list, Step upTo)
{
    auto end = std::upper_bound(list.begin(), list.end(), upTo, [](Step s, const TimedText& t) { return s < t.step; });
    w.beginArray();
    for (auto it = list.begin(); it != end; ++it) {
        w.beginObject();
        w.key("step").step(it->step);
        w.key("clock").num(it->clock);
        w.key("text").str(it->text);
        w.endObject();
    }
    w.endArray();
}

void writeLoop(JsonWriter& w, const LoopInfo& loop)
{
    w.beginObject();
    w.key("id").integer(loop.id);
    w.key("phase").str(toString(loop.phase));
    w.key("iteration").integer(loop.iteration);
    w.key("running_handle").integer(loop.runningHandle);
    w.key("running_callback").str(loop.runningCallback);
    w.key("wait_until").num(loop.waitUntil);
    w.key("wait_reason").str(loop.waitReason);
    w.key("stopping").boolean(loop.stopping);
    w.key("run_future").integer(loop.runFuture);
    w.endObject();
}

void writeTask(JsonWriter& w, const TaskInfo& t)
{
    w.beginObject();
    w.key("id").integer(t.id);
    w.key("name").str(t.name);
    w.key("coro").str(t.coro);
    w.key("status").str(toString(t.status));
    w.key("line").integer(t.line);
    w.key("col_start").integer(t.colStart);
    w.key("col_end").integer(t.colEnd);
    w.key("awaiting").integer(t.awaiting);
    w.key("wait_kind").str(toString(t.waitKind));
    w.key("cancel_requests").integer(t.cancelRequests);
    w.key("outcome").str(t.outcome);
    w.key("callbacks");
    writeStrings(w, t.callbacks);
    w.key("frames");
    writeFrames(w, t.frames);
    w.key("created").step(t.created);
    w.key("finished").step(t.finished);
    w.key("color_index").integer(t.colorIndex);
    w.key("awaited_by").integer(t.awaitedBy);
    w.endObject();
}

void writeFuture(JsonWriter& w, const FutureInfo& f)
{
    w.beginObject();
    w.key("id").integer(f.id);
    w.key("kind").str(f.kind);
    w.key("status").str(toString(f.status));
    w.key("outcome").str(f.outcome);
    w.key("callbacks");
    writeStrings(w, f.callbacks);
    w.key("timer").integer(f.timer);
    w.key("socket").integer(f.socket);
    w.key("sync").integer(f.sync);
    w.key("awaited_by").integer(f.awaitedBy);
    w.key("created").step(f.created);
    w.key("finished").step(f.finished);
    w.endObject();
}

}  // namespace

std::string stateToJson(const State& s, const StateIndex& index)
{
    JsonWriter w;
    w.beginObject();
    w.key("step").step(s.step);
    w.key("clock").num(s.clock);
    w.key("iteration").integer(s.loop.iteration);
    w.key("loop");
    writeLoop(w, s.loop);
    w.key("running_task").integer(s.runningTask);
    w.key("top_line").integer(s.topLine);
    w.key("top_col_start").integer(s.topColStart);
    w.key("top_col_end").integer(s.topColEnd);
    w.key("top_frames");
    writeFrames(w, s.topFrames);
    w.key("blocked_in_sleep").boolean(s.blockedInSleep);
    w.key("sleep_from").num(s.sleepFrom);

    w.key("tasks").beginArray();
    for (const TaskInfo& t : s.tasks) writeTask(w, t);
    w.endArray();
    w.key("futures").beginArray();
    for (const FutureInfo& f : s.futures) writeFuture(w, f);
    w.endArray();

    w.key("ready").beginArray();
    for (const ReadyEntry& r : s.ready) {
        w.beginObject();
        w.key("handle").integer(r.handle);
        w.key("callback").str(r.callback);
        w.key("reason").str(r.reason);
        w.key("target").integer(r.target);
        w.key("since").step(r.since);
        w.key("cancelled").boolean(r.cancelled);
        w.key("dropped").boolean(r.dropped);
        w.endObject();
    }
    w.endArray();

    w.key("timers").beginArray();
    for (const TimerEntry& t : s.timers) {
        w.beginObject();
        w.key("handle").integer(t.handle);
        w.key("when").num(t.when);
        w.key("callback").str(t.callback);
        w.key("cancelled").boolean(t.cancelled);
        w.key("since").step(t.since);
        w.key("future").integer(t.future);
        w.key("dropped").boolean(t.dropped);
        w.endObject();
    }
    w.endArray();

    w.key("sockets").beginArray();
    for (const SocketInfo& k : s.sockets) {
        w.beginObject();
        w.key("id").integer(k.id);
        w.key("request").str(k.request);
        w.key("due").num(k.due);
        w.key("future").integer(k.future);
        w.key("done").boolean(k.done);
        w.key("since").step(k.since);
        w.endObject();
    }
    w.endArray();

    w.key("syncs").beginArray();
    for (const SyncInfo& y : s.syncs) {
        w.beginObject();
        w.key("id").integer(y.id);
        w.key("kind").str(toString(y.kind));
        w.key("type").str(y.type);
        w.key("waiters").beginArray();
        for (Id id : y.waiters) w.integer(id);
        w.endArray();
        w.key("putters").beginArray();
        for (Id id : y.putters) w.integer(id);
        w.endArray();
        w.key("uses").integer(y.uses);
        w.key("used_by").integer(y.usedBy);
        w.key("items");
        writeStrings(w, y.items);
        w.key("value").integer(y.value);
        w.key("holder").integer(y.holder);
        w.endObject();
    }
    w.endArray();

    w.key("output");
    writeTimedTexts(w, index.outputs(), s.step);
    w.key("notes");
    writeTimedTexts(w, index.notes(), s.step);
    w.key("reports");
    writeTimedTexts(w, index.reports(), s.step);

    w.key("tasks_finished").integer(s.tasksFinished);
    w.key("ended").boolean(s.ended);
    w.key("exit_code").integer(s.exitCode);
    w.key("cut").boolean(s.cut);
    w.key("cut_reason").str(s.cutReason);
    w.key("hung").boolean(s.hung);
    w.key("uncaught").str(s.uncaught);
    w.key("ctrl_c_at").num(s.ctrlCAt);
    w.key("ctrl_c_handled").boolean(s.ctrlCHandled);
    w.endObject();
    return w.take();
}

}  // namespace aw::model
