#pragma once
// One trace event as one line of JSON: what `awaitscope trace` writes
// (docs/json-schema.md). The field names are a stable interface, so they
// come from one table (event_json.cpp) that names each payload field of each
// kind, as events.def documents it, never from ad-hoc code per kind.
//
//   {"step":12,"kind":"task.state","clock":1.5,"iter":3,"task":2,"state":"running"}
//
// Every line has "step" (the event's index), "kind" (its wire name), "clock"
// and "iter" (the virtual clock and the loop iteration once the event has
// been applied, as the state model's clockAt/iterationAt give them), then the
// kind's own fields in a fixed order.

#include "core/trace/trace.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace aw::trace {

enum class FieldType : uint8_t {
    None,      // the payload slot is unused by this kind
    Uint,      // a 32-bit unsigned number (an id, a count, a line)
    Bool,      // 0 or 1, written as false / true
    Number,    // a double, written as JSON numbers are (-1 for "forever" where events.def says so)
    Text,      // an interned string
    Columns,   // Line's packed column range: two fields, "col_start" and "col_end"
};

struct FieldSpec {
    std::string_view name;   // the JSON key ("" with FieldType::None)
    FieldType type = FieldType::None;
};

// The named fields of one kind, for the payload slots a, b, x and s.
struct KindFields {
    EventKind kind;
    FieldSpec a, b, x, s;
};

// The whole table, indexed by EventKind.
std::span<const KindFields> eventFieldTable();
const KindFields& fieldsOf(EventKind kind);

// Writes the trace's events as JSON lines, in order, keeping the running
// clock and loop iteration. Call line() for steps 0, 1, 2, ... in turn.
class EventJsonWriter {
public:
    explicit EventJsonWriter(const Trace& trace) : m_trace(trace) {}
    // The JSON object for event `step` (no newline). Steps must come in order.
    std::string line(uint64_t step);

    double clock() const { return m_clock; }
    uint64_t iteration() const { return m_iteration; }

private:
    const Trace& m_trace;
    double m_clock = 0.0;
    uint64_t m_iteration = 0;
};

// JSON helpers shared with the other JSON writers of the command line.
void appendJsonString(std::string& out, std::string_view utf8);   // with the quotes
void appendJsonNumber(std::string& out, double value);            // shortest round-trip form, "2.0" as
                                                                    // Python writes it; null for inf and NaN

}  // namespace aw::trace
