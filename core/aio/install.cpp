// Registers `_awaitscope` and the Python-written asyncio/aiohttp modules in a
// Vm. Each embedded module is parsed and compiled once per process (CodeUnits
// are immutable, so every run and every thread can share them) and run as a
// module the first time a script imports it.

#include "core/aio/install.h"

#include "core/aio/aio_state.h"
#include "core/aio/embedded_modules.h"
#include "core/lang/compiler.h"
#include "core/lang/parser.h"

#include <map>
#include <mutex>

namespace aw::aio {

using vm::Value;
using vm::Vm;

namespace {

// The part of `_awaitscope` that is simplest in Python: the loop's set of
// async generators (INTERFACE.md allows a plain ordered set).
constexpr std::string_view kAwaitscopePython = R"PY(
class _OrderedSet:
    def __init__(self):
        self._items = {}

    def add(self, obj):
        self._items[obj] = None

    def discard(self, obj):
        if obj in self._items:
            del self._items[obj]

    def clear(self):
        self._items = {}

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))


def new_weak_set():
    return _OrderedSet()


# BaseExceptionGroup/ExceptionGroup are builtins of 3.11; exposed at `import
# asyncio` when the VM lacks them (TaskGroup raises them; the compiler's
# `except*` calls split()). Single inheritance: BaseExceptionGroup derives
# from Exception here (CPython: BaseException), so ExceptionGroup is both an
# Exception and a BaseExceptionGroup.
class BaseExceptionGroup(Exception):
    def __new__(cls, message, exceptions):
        if not isinstance(message, str):
            raise TypeError('argument 1 must be str, not ' + type(message).__name__)
        exceptions = list(exceptions)
        if not exceptions:
            raise ValueError('second argument (exceptions) must be a non-empty sequence')
        if cls is BaseExceptionGroup and _all_exceptions(exceptions):
            cls = ExceptionGroup
        elif cls is ExceptionGroup and not _all_exceptions(exceptions):
            raise TypeError('Cannot nest BaseExceptions in an ExceptionGroup')
        return super().__new__(cls, message, exceptions)

    def __init__(self, message, exceptions):
        exceptions = list(exceptions)
        super().__init__(message, exceptions)
        self.message = message
        self.exceptions = tuple(exceptions)

    def __str__(self):
        n = len(self.exceptions)
        return self.message + ' (' + str(n) + ' sub-exception' + ('s' if n > 1 else '') + ')'

    def __repr__(self):
        return type(self).__name__ + '(' + repr(self.message) + ', ' + repr(list(self.exceptions)) + ')'

    def derive(self, excs):
        return BaseExceptionGroup(self.message, excs)

    def split(self, condition):
        if _group_matches(self, condition):
            return self, None
        match = []
        rest = []
        for e in self.exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(condition)
                if m is not None:
                    match.append(m)
                if r is not None:
                    rest.append(r)
            elif _group_matches(e, condition):
                match.append(e)
            else:
                rest.append(e)
        m = self.derive(match) if match else None
        r = self.derive(rest) if rest else None
        return m, r

    def subgroup(self, condition):
        return self.split(condition)[0]


class ExceptionGroup(BaseExceptionGroup):
    pass


def _all_exceptions(exceptions):
    for e in exceptions:
        if not isinstance(e, Exception):
            return False
    return True


def _group_matches(exc, condition):
    if isinstance(condition, (type, tuple)):
        return isinstance(exc, condition)
    return condition(exc)


# aiter/anext are builtins of 3.10+; exposed at `import asyncio` when the VM
# lacks them (see exposeMissingBuiltins).
def aiter(obj):
    method = getattr(obj, '__aiter__', None)
    if method is None:
        raise TypeError("'" + type(obj).__name__ + "' object is not an async iterable")
    return method()


async def _anext_or_default(method, default):
    try:
        return await method()
    except StopAsyncIteration:
        return default


def anext(aiterator, *default):
    if len(default) > 1:
        raise TypeError('anext expected at most 2 arguments, got ' + str(len(default) + 1))
    method = getattr(aiterator, '__anext__', None)
    if method is None:
        raise TypeError("'" + type(aiterator).__name__ + "' object is not an async iterator")
    if not default:
        return method()
    return _anext_or_default(method, default[0])
)PY";

struct Compiled {
    std::shared_ptr<const bytecode::CodeUnit> unit;
    std::string error;   // "SyntaxError: ..." when the source did not compile
};

// Process-wide: the compiled form of each embedded source, by module name.
// Guarded because runs may happen on several worker threads.
const Compiled& compiledModule(const std::string& name, const std::string& filename, std::string_view source) {
    static std::mutex mutex;
    static std::map<std::string, Compiled> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    Compiled c;
    try {
        lang::ast::Module module = lang::parse(source, filename);
        c.unit = lang::compileModule(module, filename);
    } catch (const lang::SyntaxError& e) {
        c.error = e.type + ": " + e.message + " (" + filename + ", line " + std::to_string(e.line) + ")";
    }
    return cache.emplace(name, std::move(c)).first->second;
}

Value runEmbedded(Vm& vm, const std::string& name, std::string_view source) {
    const std::string filename = embeddedFilename(name);
    const Compiled& c = compiledModule(name, filename, source);
    if (!c.unit) return vm.raise(vm.types().ImportError, "cannot import " + name + ": " + c.error);
    vm.setSource(filename, source);   // traceback lines inside asyncio
    return vm.runModule(c.unit, name);
}

// aiter/anext and the exception groups: builtins of 3.11 that async code uses;
// the VM may not have them yet (a VM that has them keeps its own).
void exposeMissingBuiltins(Vm& vm, const Value& module) {
    vm::DictObj* globals = module.as<vm::ModuleObj>()->m_dict.get();
    for (const char* name : {"aiter", "anext", "BaseExceptionGroup", "ExceptionGroup"}) {
        if (!vm.builtins()->getStr(name).isUnbound()) continue;
        Value fn = globals->getStr(name);
        if (!fn.isUnbound()) vm.setAttrStr(vm.builtins(), name, fn);
    }
}

Value makeAwaitscopeModule(Vm& vm, AioState* st) {
    Value m = runEmbedded(vm, "_awaitscope", kAwaitscopePython);
    if (m.isError()) return m;
    exposeMissingBuiltins(vm, m);
    addNativeFunctions(vm, m.as<vm::ModuleObj>()->m_dict.get(), st);
    if (st->m_nativeLoop) {
        addReadyTurn(vm, m.as<vm::ModuleObj>()->m_dict.get(), st);
        addNativeHeapq(vm, m.as<vm::ModuleObj>()->m_dict.get(), st);
    }
    return m;
}

void install(Vm& vm, AioState* st) {
    installVmHooks(vm, st);
    vm::Ref<AioState> ref(st);
    vm.registerModule("_awaitscope", [ref](Vm& v) { return makeAwaitscopeModule(v, ref.get()); });
    for (std::size_t i = 0; i < embeddedModuleCount(); ++i) {
        const EmbeddedModule& em = embeddedModule(i);
        std::string name(em.name);
        std::string_view source = em.source;
        vm.registerModule(name, [name, source](Vm& v) {
            return runEmbedded(v, name, source);
        });
    }
}

AioState* newState(Vm& vm) {
    vm::TypeObj* type = vm.newType("_awaitscope_state", nullptr, vm::Kind::Native, "_awaitscope");
    type->m_builtin = true;
    type->m_subclassable = false;
    return vm.heap().make<AioState>(type);
}

}  // namespace

std::string embeddedFilename(std::string_view module) { return "<asyncio>/" + std::string(module) + ".py"; }
bool isEmbeddedFilename(std::string_view filename) { return filename.substr(0, 10) == "<asyncio>/"; }

void installAsyncio(Vm& vm, const AsyncioHost& host) {
    AioState* st = newState(vm);
    if (host.recorder) {
        st->m_recorder = host.recorder;
    } else {
        st->m_ownRecorder = std::make_unique<trace::Recorder>(nullptr);
        st->m_recorder = st->m_ownRecorder.get();
    }
    st->m_errorOutput = host.errorOutput;
    st->m_nativeLoop = host.nativeLoop;
    install(vm, st);
}

void installAsyncio(Vm& vm, trace::Trace* trace) {
    AioState* st = newState(vm);
    st->m_ownRecorder = std::make_unique<trace::Recorder>(trace);
    st->m_recorder = st->m_ownRecorder.get();
    install(vm, st);
}

}  // namespace aw::aio
