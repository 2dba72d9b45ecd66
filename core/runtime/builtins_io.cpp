// print() and input(): the only ways a script talks to the outside, and in
// the simulated world the outside is the Vm's output (stamped with the
// virtual clock by the host). There is no stdin: input() writes its prompt
// and raises EOFError, as CPython does when stdin is empty (the oracle's case).

#include "core/runtime/runtime_util.h"

namespace aw::rt {

namespace {

// sep/end: None means the default; anything else must be a str.
bool textOption(Vm& vm, const Value& v, std::string_view name, std::string_view fallback, std::string& out)
{
    if (v.isUnbound() || v.isNone()) {
        out = fallback;
        return true;
    }
    if (auto* s = asStr(v)) {
        out = s->text();
        return true;
    }
    vm.raise(vm.types().TypeError, std::string(name) + " must be None or a string, not " + vm.typeName(v));
    return false;
}

Value builtinPrint(Vm& vm, CallArgs& a)
{
    Value sepV = Value::unbound(), endV = Value::unbound(), fileV = Value::unbound();
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string_view name = a.kwName(i);
        if (name == "sep") sepV = a.kwValue(i);
        else if (name == "end") endV = a.kwValue(i);
        else if (name == "file") fileV = a.kwValue(i);
        else if (name == "flush") continue;
        else return vm.raise(vm.types().TypeError, "'" + std::string(name) + "' is an invalid keyword argument for print()");
    }
    std::string sep, end;
    if (!textOption(vm, sepV, "sep", " ", sep) || !textOption(vm, endV, "end", "\n", end))
        return Value::error();
    std::string out;
    for (size_t i = 0; i < a.npos; ++i) {
        if (i) out += sep;
        if (auto* s = asStr(a[i])) {
            out += s->text();
        } else {
            std::string piece;
            if (!vm.strString(a[i], piece)) return Value::error();
            out += piece;
        }
    }
    out += end;
    if (!fileV.isUnbound() && !fileV.isNone()) {
        // A file-like object the script made itself (there is no sys.stderr).
        Value r = vm.callMethod(fileV, "write", {vm.newStr(out)});
        if (r.isError()) return Value::error();
        return Value::none();
    }
    vm.write(out);
    return Value::none();
}

Value builtinInput(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "input", 0, 1)) return Value::error();
    if (a.npos == 1) {
        std::string prompt;
        if (!vm.strString(a[0], prompt)) return Value::error();
        vm.write(prompt);
    }
    return vm.raise(vm.types().EOFError, "EOF when reading a line");
}

}  // namespace

void installIoBuiltins(Vm& vm)
{
    vm.addFunction(vm.builtins(), "print", builtinPrint);
    vm.addFunction(vm.builtins(), "input", builtinInput);
}

}  // namespace aw::rt
