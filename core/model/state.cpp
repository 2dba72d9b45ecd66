// State: names of the enums (what the JSON and the views print) and id lookups.
#include "core/model/state.h"

#include <algorithm>

namespace aw::model {

std::string_view toString(TaskStatus s)
{
    switch (s) {
    case TaskStatus::Created: return "created";
    case TaskStatus::Ready: return "ready";
    case TaskStatus::Running: return "running";
    case TaskStatus::Suspended: return "suspended";
    case TaskStatus::Done: return "done";
    case TaskStatus::Failed: return "failed";
    case TaskStatus::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string_view toString(FutureStatus s)
{
    switch (s) {
    case FutureStatus::Pending: return "pending";
    case FutureStatus::Done: return "done";
    case FutureStatus::Failed: return "failed";
    case FutureStatus::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string_view toString(WaitKind w)
{
    switch (w) {
    case WaitKind::None: return "none";
    case WaitKind::Timer: return "timer";
    case WaitKind::Socket: return "socket";
    case WaitKind::Future: return "future";
    case WaitKind::Task: return "task";
    case WaitKind::Sync: return "sync";
    }
    return "unknown";
}

std::string_view toString(SyncKind k)
{
    switch (k) {
    case SyncKind::Queue: return "queue";
    case SyncKind::Lock: return "lock";
    case SyncKind::Semaphore: return "semaphore";
    case SyncKind::Event: return "event";
    case SyncKind::Condition: return "condition";
    }
    return "unknown";
}

std::string_view toString(LoopPhase p)
{
    switch (p) {
    case LoopPhase::None: return "none";
    case LoopPhase::Idle: return "idle";
    case LoopPhase::Running: return "running";
    case LoopPhase::Polling: return "polling";
    case LoopPhase::RunningHandle: return "running_handle";
    case LoopPhase::Stopped: return "stopped";
    case LoopPhase::Closed: return "closed";
    }
    return "unknown";
}

namespace {

// Tasks and futures are appended in creation order and ids grow with it, so the vectors are sorted by id.
template <typename Vec>
auto findById(Vec& items, Id id) -> decltype(items.data())
{
    auto it = std::lower_bound(items.begin(), items.end(), id, [](const auto& item, Id v) { return item.id < v; });
    return it != items.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

const TaskInfo* State::task(Id id) const { return findById(tasks, id); }
const FutureInfo* State::future(Id id) const { return findById(futures, id); }
TaskInfo* State::task(Id id) { return findById(tasks, id); }
FutureInfo* State::future(Id id) { return findById(futures, id); }

// Synchronisation primitives are few; their fold (fold_sync.cpp) need not keep them sorted.
const SyncInfo* State::sync(Id id) const
{
    auto it = std::find_if(syncs.begin(), syncs.end(), [id](const SyncInfo& s) { return s.id == id; });
    return it != syncs.end() ? &*it : nullptr;
}
SyncInfo* State::sync(Id id)
{
    auto it = std::find_if(syncs.begin(), syncs.end(), [id](const SyncInfo& s) { return s.id == id; });
    return it != syncs.end() ? &*it : nullptr;
}

}  // namespace aw::model
