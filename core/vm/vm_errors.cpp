// Raising, chaining and printing exceptions.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

#include <unordered_set>

namespace aw::vm {

namespace detail {

void chainContext(Vm& vm, ExceptionObj* exc) {
    Value ctx = vm.handledException();
    if (ctx.isNone() || ctx.asObj() == exc) return;
    // Break a cycle the new context would create (as _PyErr_SetObject).
    ExceptionObj* o = ctx.as<ExceptionObj>();
    for (int guard = 0; guard < 10000; ++guard) {
        Value c = o->m_context;
        if (c.isNone()) break;
        if (c.asObj() == exc) { o->m_context = Value(); break; }
        o = c.as<ExceptionObj>();
    }
    exc->m_context = ctx;
}

void addTraceback(Vm& vm, FrameObj* frame) {
    if (!vm.m_error.is<ExceptionObj>()) return;
    auto* e = vm.m_error.as<ExceptionObj>();
    TracebackEntry tb{frame->m_code, frame->line()};
    const auto& spans = frame->m_code->unit().spans;
    if (frame->m_lastIp < spans.size()) {
        const auto& sp = spans[frame->m_lastIp];
        tb.col = sp.col;
        tb.endLine = sp.endLine;
        tb.endCol = sp.endCol;
    }
    e->m_traceback.insert(e->m_traceback.begin(), std::move(tb));
}

std::string fakeAddress(const Obj* o) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(o)));
    return buf;
}

}  // namespace detail

Value Vm::raise(TypeObj* type, std::string message) {
    if (m_cut) {   // the run is being cut: that stays the pending error
        if (m_error.isNone()) m_error = newException(m_types.budgetExceeded, "step budget exhausted");
        return Value::error();
    }
    Value e = newException(type, message);
    detail::chainContext(*this, e.as<ExceptionObj>());
    m_error = std::move(e);
    return Value::error();
}

Value Vm::raiseValue(const Value& excOrType) {
    if (m_cut) {
        if (m_error.isNone()) m_error = newException(m_types.budgetExceeded, "step budget exhausted");
        return Value::error();
    }
    Value exc = excOrType;
    if (exc.is<TypeObj>()) {
        TypeObj* t = exc.as<TypeObj>();
        if (!t->isSubtypeOf(m_types.BaseException))
            return raise(m_types.TypeError, "exceptions must derive from BaseException");
        exc = call(exc, {});
        if (exc.isError()) return exc;
        if (!exc.is<ExceptionObj>())
            return raise(m_types.TypeError, "calling " + t->m_name + " should have returned an instance of BaseException, not " + typeName(exc));
    }
    if (!exc.is<ExceptionObj>()) return raise(m_types.TypeError, "exceptions must derive from BaseException");
    detail::chainContext(*this, exc.as<ExceptionObj>());
    m_error = std::move(exc);
    return Value::error();
}

Value Vm::takeError() {
    Value e = std::move(m_error);
    m_error = Value();
    return e;
}

bool Vm::errorMatches(TypeObj* type) const {
    return m_error.isObj() && m_error.asObj()->type()->isSubtypeOf(type);
}

Value Vm::handledException() const {
    for (FrameObj* f = m_frame; f; f = f->m_back)
        if (!f->m_excState.isNone()) return f->m_excState;
    return Value();
}

std::string Vm::exceptionMessage(const Value& excRef) {
    Value exc = excRef;   // the argument may be the pending error itself
    std::string s;
    Value saved = takeError();
    if (!strString(exc, s)) { clearError(); s = "<exception str() failed>"; }
    if (!saved.isNone()) m_error = saved;
    return s;
}

namespace {
std::string stripLeft(const std::string& s) {
    size_t i = s.find_first_not_of(" \t\f");
    return i == std::string::npos ? std::string() : s.substr(i);
}
}  // namespace

std::string Vm::formatException(const Value& excValue) {
    // Chain first: __cause__ / __context__ printed before, as CPython does.
    std::vector<std::pair<Value, int>> chain;   // exception, how it links to the next (0 none, 1 cause, 2 context)
    std::unordered_set<Obj*> seen;
    Value cur = excValue;
    int link = 0;
    while (cur.is<ExceptionObj>() && !seen.count(cur.asObj())) {
        seen.insert(cur.asObj());
        chain.emplace_back(cur, link);
        auto* e = cur.as<ExceptionObj>();
        if (!e->m_cause.isNone()) { cur = e->m_cause; link = 1; }
        else if (!e->m_context.isNone() && !e->m_suppressContext) { cur = e->m_context; link = 2; }
        else break;
    }
    std::string out;
    for (size_t i = chain.size(); i-- > 0;) {
        auto* e = chain[i].first.as<ExceptionObj>();
        if (!e->m_traceback.empty()) {
            out += "Traceback (most recent call last):\n";
            for (const auto& tb : e->m_traceback) {
                const auto& unit = tb.code->unit();
                out += "  File \"" + unit.filename + "\", line " + std::to_string(tb.line) + ", in " + unit.name + "\n";
                std::string original = sourceLine(unit.filename, tb.line);
                std::string line = stripLeft(original);
                while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
                if (line.empty()) continue;
                out += "    " + line + "\n";
                // 3.11's carets under the failing expression when it is not the whole line
                if (tb.col < 0) continue;
                auto chars = [&](int32_t bytes) {
                    int32_t n = 0;
                    for (int32_t i = 0; i < bytes && i < int32_t(original.size()); ++i)
                        if ((static_cast<unsigned char>(original[size_t(i)]) & 0xC0) != 0x80) ++n;
                    return n;
                };
                int32_t lead = chars(int32_t(original.size() - stripLeft(original).size()));
                int32_t lineChars = chars(int32_t(line.size()) + int32_t(original.size() - stripLeft(original).size())) - lead;
                int32_t start = chars(tb.col);
                int32_t end = tb.endLine == tb.line ? chars(tb.endCol) : lead + lineChars;
                if (end > start && end - start < lineChars && start >= lead)
                    out += "    " + std::string(size_t(start - lead), ' ') + std::string(size_t(end - start), '^') + "\n";
            }
        }
        TypeObj* t = e->type();
        std::string name = t->m_module == "builtins" || t->m_module == "__main__" ? t->m_qualname
                                                                                 : t->m_module + "." + t->m_qualname;
        std::string msg = exceptionMessage(chain[i].first);
        out += msg.empty() ? name + "\n" : name + ": " + msg + "\n";
        if (i > 0) {
            out += chain[i].second == 1
                ? "\nThe above exception was the direct cause of the following exception:\n\n"
                : "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    return out;
}

}  // namespace aw::vm
