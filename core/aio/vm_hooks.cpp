// The VM hooks asyncio needs (installed on the built-in types, see
// TypeObj::m_onFree / m_onFirstIter):
// - a coroutine freed before it ever ran: CPython's RuntimeWarning
//   "coroutine 'f' was never awaited" on stderr, and a Note in the trace;
// - an async generator's first iteration: the firstiter hook registered with
//   `_awaitscope.set_asyncgen_hooks` (the loop keeps it to close it at shutdown).

#include "core/aio/aio_state.h"

namespace aw::aio {

namespace {

std::string strip(std::string s) {
    const size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

void onCoroutineFreed(void* user, vm::Obj& obj) {
    auto* st = static_cast<AioState*>(user);
    if (obj.kind() != vm::Kind::Coroutine || !st->m_vm) return;
    auto& g = static_cast<vm::GenObj&>(obj);
    if (g.m_started || !g.m_frame) return;   // ran (or was closed): nothing to say
    std::string name;
    if (auto* s = g.m_qualname.asOrNull<vm::StrObj>()) name = s->text();
    const std::string message = "coroutine '" + name + "' was never awaited";
    st->m_recorder->note(message);
    // As warnings.warn shows it: the line running when the object went away.
    std::string text;
    vm::Vm& vm = *st->m_vm;
    if (vm::FrameObj* f = vm.currentFrame()) {
        const std::string& file = f->m_code->unit().filename;
        const int32_t line = f->line();
        text = file + ":" + std::to_string(line) + ": RuntimeWarning: " + message + "\n";
        const std::string source = strip(vm.sourceLine(file, line));
        if (!source.empty()) text += "  " + source + "\n";
    } else {
        text = "RuntimeWarning: " + message + "\n";
    }
    text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback";
    st->m_recorder->errorOutput(text);
    if (st->m_errorOutput) st->m_errorOutput(text + "\n");
}

bool onAsyncGenFirstIter(void* user, vm::Vm& vm, vm::Obj& agen) {
    auto* st = static_cast<AioState*>(user);
    if (st->m_firstIterHook.isNone()) return true;
    const vm::Value hook = st->m_firstIterHook;   // the call may replace it
    vm::Value r = vm.call(hook, {vm::Value(&agen)});
    return !r.isError();
}

}  // namespace

void installVmHooks(vm::Vm& vm, AioState* st) {
    st->m_vm = &vm;
    vm::TypeObj* coro = vm.types().coroutine;
    coro->m_onFree = onCoroutineFreed;
    coro->m_hookUser = st;
    vm::TypeObj* agen = vm.types().asyncGenerator;
    agen->m_onFirstIter = onAsyncGenFirstIter;
    agen->m_hookUser = st;
    st->m_hookedTypes = {vm::Ref<vm::TypeObj>(coro), vm::Ref<vm::TypeObj>(agen)};
}

AioState::~AioState() {
    // Freed before the types (normal release): the hooks must not outlive us.
    // At teardown clearRefs dropped m_hookedTypes first and no hook can run.
    for (auto& t : m_hookedTypes) {
        if (!t) continue;
        t->m_onFree = nullptr;
        t->m_onFirstIter = nullptr;
        t->m_hookUser = nullptr;
    }
}

}  // namespace aw::aio
