#pragma once
// Code events the VM writes itself. Calling the line and frame hooks for
// every line and every call of a recursive function cost ~40 instructions an
// event, most of them the call: saving the loop's registers and loading them
// back. So while its hooks' owner keeps a sink open, the VM writes a line
// start or a frame's entry or exit of a code the owner has described as one
// 8-byte slot, `slot | ownerBits`, at *write++, with no call.
//
// The owner (the trace's Recorder and the hooks, core/run/code_event_hooks)
//  - describes each code object the first time its hooks see it
//    (CodeObj::m_events, stamped with the sink's generation: a code described
//    for another sink is stale, and goes to the hooks);
//  - keeps `limit` where it must see the next event itself (a full chunk, a
//    limit check due, a stop requested: then write == limit), and takes in
//    what the VM wrote before it records anything itself.
// Whenever the sink is closed (write == limit) or a code's slot is 0, the VM
// calls the hooks as it would without a sink. The VM never changes `limit`.

#include <cstdint>

namespace aw::vm {

struct CodeEventSink {
    uint64_t* write = nullptr;
    uint64_t* limit = nullptr;
    uint64_t ownerBits = 0;     // or'ed into every slot written
    uint32_t generation = 0;    // set by Vm::setCodeEventSink
};

// A code object's events, as described for the sink of `generation`.
struct CodeEvents {
    uint32_t generation = 0;            // 0: never described
    bool recorded = false;              // false: the code has no events (its hooks would record nothing)
    const uint64_t* lineSlots = nullptr;   // recorded: one per instruction (a line start's); 0: call the line hook
    uint64_t pushSlot = 0;              // 0: call the frame hook
    uint64_t popSlot = 0;
};

}  // namespace aw::vm
