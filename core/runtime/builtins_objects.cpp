// The object builtins: isinstance/issubclass, type(x), repr/str/ascii,
// attribute access by name, id, hash, callable, vars/globals/locals, dir,
// format; and the removal of open() (the world has no files: the oracle
// deletes it from builtins, so calling it is a NameError).

#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"
#include "core/vm/vm_internal.h"

#include <cstring>
#include <set>

namespace aw::rt {

namespace {

Value builtinIsinstance(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "isinstance", 2, 2)) return Value::error();
    const int r = vm.isInstanceOf(a[0], a[1]);
    if (r < 0) return Value::error();
    return Value::boolean(r == 1);
}

// issubclass(cls, classinfo): classinfo a type or a (nested) tuple of types.
int subclassOf(Vm& vm, vm::TypeObj* cls, const Value& info)
{
    if (auto* t = info.asOrNull<vm::TypeObj>()) return cls->isSubtypeOf(t) ? 1 : 0;
    if (auto* tup = info.asOrNull<vm::TupleObj>()) {
        for (const Value& item : tup->m_items) {
            const int r = subclassOf(vm, cls, item);
            if (r != 0) return r;
        }
        return 0;
    }
    vm.raise(vm.types().TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

Value builtinIssubclass(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "issubclass", 2, 2)) return Value::error();
    auto* cls = a[0].asOrNull<vm::TypeObj>();
    if (!cls) return vm.raise(vm.types().TypeError, "issubclass() arg 1 must be a class");
    const int r = subclassOf(vm, cls, a[1]);
    if (r < 0) return Value::error();
    return Value::boolean(r == 1);
}

// type(x); type(name, bases, dict) is class creation, which the compiler
// does with `class` statements.
Value typeCtor(Vm& vm, CallArgs& a)
{
    if (a.npos == 1 && a.nkw == 0) return Value(vm.typeOf(a[0]));
    if (a.npos == 3)
        return vm.raise(vm.types().TypeError, "type(name, bases, dict) is not supported here: use a class statement");
    return vm.raise(vm.types().TypeError, "type() takes 1 or 3 arguments");
}

Value builtinRepr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "repr", 1, 1)) return Value::error();
    return vm.repr(a[0]);
}

Value builtinAscii(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "ascii", 1, 1)) return Value::error();
    std::string r;
    if (!vm.reprString(a[0], r)) return Value::error();
    std::string out;
    static const char* hex = "0123456789abcdef";
    for (char32_t c : text::decode(r)) {
        if (c < 0x80) { out.push_back(static_cast<char>(c)); continue; }
        const int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
        out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
        for (int k = digits - 1; k >= 0; --k) out.push_back(hex[(c >> (4 * k)) & 0xF]);
    }
    return vm.newStr(out);
}

Value strCtor(Vm& vm, CallArgs& a)
{
    Value args[3];
    if (!a.bind(vm, "str", {"object", "encoding", "errors"}, 0, args)) return Value::error();
    if (args[0].isUnbound()) return vm.newStr("");
    if (!args[1].isUnbound() || !args[2].isUnbound()) {
        if (!args[1].isUnbound() && !asStr(args[1]))
            return vm.raise(vm.types().TypeError, "str() argument 'encoding' must be str, not " + vm.typeName(args[1]));
        return vm.raise(vm.types().TypeError, "decoding str is not supported");
    }
    return vm.str(args[0]);
}

bool nameArg(Vm& vm, const Value& v, vm::StrObj*& out)
{
    out = asStr(v);
    if (out) return true;
    vm.raise(vm.types().TypeError, "attribute name must be string, not '" + vm.typeName(v) + "'");
    return false;
}

Value builtinGetattr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "getattr", 2, 3)) return Value::error();
    vm::StrObj* name = nullptr;
    if (!nameArg(vm, a[1], name)) return Value::error();
    if (a.npos == 2) return vm.getAttr(a[0], a[1]);
    // The name is usually a constant of the code (interned): no need to intern it again.
    Value v = name->m_interned ? vm::detail::getAttrQuiet(vm, a[0], a[1]) : vm.getAttrOpt(a[0], name->view());
    if (v.isUnbound()) return a[2];
    return v;
}

Value builtinSetattr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "setattr", 3, 3)) return Value::error();
    vm::StrObj* name = nullptr;
    if (!nameArg(vm, a[1], name)) return Value::error();
    if (!vm.setAttr(a[0], a[1], a[2])) return Value::error();
    return Value::none();
}

Value builtinHasattr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "hasattr", 2, 2)) return Value::error();
    vm::StrObj* name = nullptr;
    if (!nameArg(vm, a[1], name)) return Value::error();
    Value v = vm.getAttrOpt(a[0], name->view());
    if (v.isError()) return v;
    return Value::boolean(!v.isUnbound());
}

Value builtinDelattr(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "delattr", 2, 2)) return Value::error();
    vm::StrObj* name = nullptr;
    if (!nameArg(vm, a[1], name)) return Value::error();
    if (!vm.delAttr(a[0], a[1])) return Value::error();
    return Value::none();
}

// Any stable unique int: the object's address, or a tagged encoding of an
// immediate value (addresses stay far below 2**62).
Value builtinId(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "id", 1, 1)) return Value::error();
    const Value& v = a[0];
    if (v.isObj()) return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.asObj())));
    uint64_t bits = 0;
    switch (v.tag()) {
    case Value::Tag::Int: bits = static_cast<uint64_t>(v.asInt()); break;
    case Value::Tag::Bool: bits = v.asBool() ? 1 : 0; break;
    case Value::Tag::Float: { double d = v.asFloat(); std::memcpy(&bits, &d, sizeof bits); bits ^= bits >> 56; break; }
    default: break;
    }
    const uint64_t tag = static_cast<uint64_t>(v.tag()) + 1;
    return Value::integer(static_cast<int64_t>((uint64_t(1) << 62) | (tag << 56) | (bits & ((uint64_t(1) << 56) - 1))));
}

Value builtinHash(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "hash", 1, 1)) return Value::error();
    int64_t h = 0;
    if (!vm.hash(a[0], h)) return Value::error();
    return Value::integer(h);
}

Value builtinCallable(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "callable", 1, 1)) return Value::error();
    return Value::boolean(vm.isCallable(a[0]));
}

Value builtinFormat(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "format", 1, 2)) return Value::error();
    Value spec = a.npos == 2 ? a[1] : vm.newStr("");
    if (!asStr(spec))
        return vm.raise(vm.types().TypeError, "format() argument 2 must be str, not " + vm.typeName(spec));
    return vm.format(a[0], spec);
}

// The locals of the running Python frame as a new dict (function frames
// keep them in fast slots).
Value frameLocals(Vm& vm)
{
    vm::FrameObj* f = vm.currentFrame();
    if (!f) return vm.newDict();
    if (f->m_locals.is<vm::DictObj>()) return f->m_locals;
    Value d = vm.newDict();
    const auto& names = f->m_code->m_varnames;
    for (size_t i = 0; i < names.size() && i < f->m_slots.size(); ++i) {
        const Value& v = f->m_slots[i];
        if (v.isUnbound()) continue;
        if (!d.as<vm::DictObj>()->set(vm, names[i], v)) return Value::error();
    }
    return d;
}

Value builtinVars(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "vars", 0, 1)) return Value::error();
    if (a.npos == 0) return frameLocals(vm);
    const Value& o = a[0];
    vm::DictObj* d = nullptr;
    if (auto* i = o.asOrNull<vm::InstanceObj>()) {
        if (!i->m_dict) i->m_dict = vm.newDict().as<vm::DictObj>();
        d = i->m_dict.get();
    } else if (auto* m = o.asOrNull<vm::ModuleObj>()) {
        d = m->m_dict.get();
    } else if (auto* t = o.asOrNull<vm::TypeObj>()) {
        d = t->m_dict.get();
    } else if (auto* f = o.asOrNull<vm::FunctionObj>()) {
        if (!f->m_dict.is<vm::DictObj>()) f->m_dict = vm.newDict();
        d = f->m_dict.as<vm::DictObj>();
    } else if (auto* n = o.asOrNull<vm::NativeObj>(); n && n->m_dict) {
        d = n->m_dict.get();
    }
    if (!d) return vm.raise(vm.types().TypeError, "vars() argument must have __dict__ attribute");
    return Value(d);
}

Value builtinGlobals(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "globals", 0, 0)) return Value::error();
    vm::FrameObj* f = vm.currentFrame();
    if (!f) return vm.newDict();
    return f->m_globals;
}

Value builtinLocals(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "locals", 0, 0)) return Value::error();
    return frameLocals(vm);
}

void addKeys(std::set<std::string>& names, const vm::DictObj* d)
{
    if (!d) return;
    Value k;
    for (size_t i = 0; d->next(i, &k, nullptr);)
        if (auto* s = asStr(k)) names.insert(s->text());
}

// dir(): sorted names of the object's dict and its type's chain (minimal).
Value builtinDir(Vm& vm, CallArgs& a)
{
    if (!a.expect(vm, "dir", 0, 1)) return Value::error();
    std::set<std::string> names;
    if (a.npos == 0) {
        Value loc = frameLocals(vm);
        if (loc.isError()) return loc;
        addKeys(names, loc.as<vm::DictObj>());
    } else {
        const Value& o = a[0];
        if (auto* i = o.asOrNull<vm::InstanceObj>()) addKeys(names, i->m_dict.get());
        if (auto* m = o.asOrNull<vm::ModuleObj>()) addKeys(names, m->m_dict.get());
        const vm::TypeObj* t = o.asOrNull<vm::TypeObj>();
        if (!t) t = vm.typeOf(o);
        for (; t; t = t->m_base.get()) addKeys(names, t->m_dict.get());
    }
    std::vector<Value> items;
    for (const auto& n : names) items.push_back(vm.newStr(n));
    return vm.newList(std::move(items));
}

}  // namespace

void installObjectBuiltins(Vm& vm)
{
    vm::DictObj* b = vm.builtins();
    auto& t = vm.mutableTypes();
    t.str->m_ctor = strCtor;
    if (!t.type->m_ctor) t.type->m_ctor = typeCtor;
    vm.addFunction(b, "isinstance", builtinIsinstance);
    vm.addFunction(b, "issubclass", builtinIssubclass);
    vm.addFunction(b, "repr", builtinRepr);
    vm.addFunction(b, "ascii", builtinAscii);
    vm.addFunction(b, "getattr", builtinGetattr);
    vm.addFunction(b, "setattr", builtinSetattr);
    vm.addFunction(b, "hasattr", builtinHasattr);
    vm.addFunction(b, "delattr", builtinDelattr);
    vm.addFunction(b, "id", builtinId);
    vm.addFunction(b, "hash", builtinHash);
    vm.addFunction(b, "callable", builtinCallable);
    vm.addFunction(b, "format", builtinFormat);
    vm.addFunction(b, "vars", builtinVars);
    vm.addFunction(b, "globals", builtinGlobals);
    vm.addFunction(b, "locals", builtinLocals);
    vm.addFunction(b, "dir", builtinDir);
    // The world has no files: `open` is not a builtin at all (NameError), as in the oracle.
    Value name = vm.intern("open");
    b->remove(vm, name);
}

}  // namespace aw::rt
