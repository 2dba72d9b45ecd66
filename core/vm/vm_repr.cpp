// repr(), str(), format() and truthiness of any value.
#include "core/runtime/float_format.h"
#include "core/runtime/format_spec.h"
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm {

namespace detail {

std::string strRepr(std::string_view s) {
    bool hasSingle = s.find('\'') != std::string_view::npos;
    bool hasDouble = s.find('"') != std::string_view::npos;
    char q = hasSingle && !hasDouble ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += q;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += char(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            // U+0080..U+009F are not printable
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i + 1]));
            out += buf;
            ++i;
        } else out += char(c);
    }
    out += q;
    return out;
}

}  // namespace detail

namespace {

// Guards a container against infinite recursion through itself.
struct ReprGuard {
    Vm& vm;
    bool active;
    ReprGuard(Vm& v, const Obj* o) : vm(v) {
        active = false;
        for (const Obj* x : vm.m_reprActive)
            if (x == o) { active = true; return; }
        vm.m_reprActive.push_back(o);
    }
    ~ReprGuard() { if (!active) vm.m_reprActive.pop_back(); }
};

std::string intRepr(int64_t i) { return std::to_string(i); }

}  // namespace

bool Vm::reprString(const Value& v, std::string& out) {
    switch (v.tag()) {
    case Value::Tag::None: out = "None"; return true;
    case Value::Tag::Bool: out = v.asBool() ? "True" : "False"; return true;
    case Value::Tag::Int: out = intRepr(v.asInt()); return true;
    case Value::Tag::Float: out = rt::floatRepr(v.asFloat()); return true;
    case Value::Tag::Unbound: out = "<NULL>"; return true;
    case Value::Tag::Error: out = "<error>"; return true;
    case Value::Tag::Obj: break;
    }
    Obj* o = v.asObj();
    switch (o->kind()) {
    case Kind::Str: out = detail::strRepr(static_cast<StrObj*>(o)->view()); return true;
    case Kind::List:
    case Kind::Tuple: {
        bool isList = o->kind() == Kind::List;
        ReprGuard g(*this, o);
        if (g.active) { out = isList ? "[...]" : "(...)"; return true; }
        std::vector<Value> items = isList ? static_cast<ListObj*>(o)->m_items : static_cast<TupleObj*>(o)->m_items;
        std::string s = isList ? "[" : "(";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) s += ", ";
            std::string r;
            if (!reprString(items[i], r)) return false;
            s += r;
        }
        if (!isList && items.size() == 1) s += ",";
        s += isList ? "]" : ")";
        out = std::move(s);
        return true;
    }
    case Kind::Dict: {
        ReprGuard g(*this, o);
        if (g.active) { out = "{...}"; return true; }
        auto* d = static_cast<DictObj*>(o);
        std::string s = "{";
        Value k, val;
        bool first = true;
        std::vector<DictObj::Entry> entries = d->m_entries;
        for (auto& e : entries) {
            if (e.key.isUnbound()) continue;
            if (!first) s += ", ";
            first = false;
            std::string r;
            if (!reprString(e.key, r)) return false;
            s += r + ": ";
            if (!reprString(e.value, r)) return false;
            s += r;
        }
        out = s + "}";
        return true;
    }
    case Kind::Set:
    case Kind::FrozenSet: {
        auto* st = static_cast<SetObj*>(o);
        bool frozen = st->isFrozen();
        if (st->size() == 0) { out = frozen ? "frozenset()" : "set()"; return true; }
        ReprGuard g(*this, o);
        if (g.active) { out = o->type()->m_name + "(...)"; return true; }
        std::string s = frozen ? "frozenset({" : "{";
        auto items = st->items();
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) s += ", ";
            std::string r;
            if (!reprString(items[i], r)) return false;
            s += r;
        }
        out = s + (frozen ? "})" : "}");
        return true;
    }
    case Kind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        out = "range(" + intRepr(r->m_start) + ", " + intRepr(r->m_stop) + (r->m_step != 1 ? ", " + intRepr(r->m_step) : "") + ")";
        return true;
    }
    case Kind::Slice: {
        auto* sl = static_cast<SliceObj*>(o);
        std::string a, b, c;
        if (!reprString(sl->m_start, a) || !reprString(sl->m_stop, b) || !reprString(sl->m_step, c)) return false;
        out = "slice(" + a + ", " + b + ", " + c + ")";
        return true;
    }
    case Kind::Type: {
        auto* t = static_cast<TypeObj*>(o);
        out = t->m_module == "builtins" ? "<class '" + t->m_qualname + "'>" : "<class '" + t->m_module + "." + t->m_qualname + "'>";
        return true;
    }
    case Kind::Function:
        out = "<function " + static_cast<FunctionObj*>(o)->m_qualname.as<StrObj>()->text() + " at " + detail::fakeAddress(o) + ">";
        return true;
    case Kind::NativeFunction: {
        auto* n = static_cast<NativeFunctionObj*>(o);
        if (n->m_self.isUnbound() || n->m_self.is<ModuleObj>()) out = "<built-in function " + n->m_name + ">";
        else {
            std::string r;
            if (!reprString(n->m_self, r)) return false;
            out = "<built-in method " + n->m_name + " of " + typeOf(n->m_self)->m_name + " object at " +
                  detail::fakeAddress(n->m_self.objOrNull()) + ">";
        }
        return true;
    }
    case Kind::BoundMethod: {
        auto* b = static_cast<BoundMethodObj*>(o);
        std::string self, name = "?";
        if (!reprString(b->m_self, self)) return false;
        if (b->m_func.is<FunctionObj>()) name = b->m_func.as<FunctionObj>()->m_qualname.as<StrObj>()->text();
        out = "<bound method " + name + " of " + self + ">";
        return true;
    }
    case Kind::Module: {
        auto* m = static_cast<ModuleObj*>(o);
        out = "<module '" + m->m_name + "' (built-in)>";
        return true;
    }
    case Kind::Singleton: out = static_cast<SingletonObj*>(o)->m_repr; return true;
    case Kind::Generator: case Kind::Coroutine: case Kind::AsyncGenerator: {
        auto* g = static_cast<GenObj*>(o);
        const char* what = o->kind() == Kind::Generator ? "generator" : o->kind() == Kind::Coroutine ? "coroutine" : "async_generator";
        out = std::string("<") + what + " object " + g->m_qualname.as<StrObj>()->text() + " at " + detail::fakeAddress(o) + ">";
        return true;
    }
    case Kind::Cell: out = "<cell at " + detail::fakeAddress(o) + ">"; return true;
    case Kind::Code: {
        auto* c = static_cast<CodeObj*>(o);
        out = "<code object " + c->unit().name + " at " + detail::fakeAddress(o) + ", file \"" + c->unit().filename +
              "\", line " + std::to_string(c->unit().firstLine) + ">";
        return true;
    }
    default: break;
    }
    // Instances, exceptions, runtime objects: __repr__ on the type.
    Value r = detail::callSpecial(*this, v, "__repr__", {});
    if (r.isError()) return false;
    if (!r.isUnbound()) {
        if (!r.is<StrObj>()) { raise(m_types.TypeError, "__repr__ returned non-string (type " + typeName(r) + ")"); return false; }
        out = r.as<StrObj>()->text();
        return true;
    }
    TypeObj* t = o->type();
    out = "<" + (t->m_module == "builtins" ? t->m_qualname : t->m_module + "." + t->m_qualname) + " object at " + detail::fakeAddress(o) + ">";
    return true;
}

bool Vm::strString(const Value& v, std::string& out) {
    if (v.is<StrObj>()) { out = v.as<StrObj>()->text(); return true; }
    if (!v.isObj()) return reprString(v, out);
    Kind k = v.asObj()->kind();
    if (k == Kind::Instance || k == Kind::Exception || k == Kind::Native) {
        Value r = detail::callSpecial(*this, v, "__str__", {});
        if (r.isError()) return false;
        if (!r.isUnbound()) {
            if (!r.is<StrObj>()) { raise(m_types.TypeError, "__str__ returned non-string (type " + typeName(r) + ")"); return false; }
            out = r.as<StrObj>()->text();
            return true;
        }
    }
    return reprString(v, out);
}

Value Vm::repr(const Value& v) {
    if (v.is<StrObj>() && false) return v;
    std::string s;
    if (!reprString(v, s)) return Value::error();
    return newStr(s);
}

Value Vm::str(const Value& v) {
    if (v.is<StrObj>()) return v;
    std::string s;
    if (!strString(v, s)) return Value::error();
    return newStr(s);
}

Value Vm::format(const Value& v, const Value& spec) {
    bool emptySpec = spec.isNone() || spec.isUnbound() || (spec.is<StrObj>() && spec.as<StrObj>()->length() == 0);
    if (emptySpec && v.is<StrObj>()) return v;
    if (emptySpec && !v.isObj()) return str(v);
    if (!emptySpec && spec.is<StrObj>() && (v.isNumber() || v.is<StrObj>())) {
        std::string_view sp = spec.as<StrObj>()->view();
        rt::FormatResult fr = v.isFloat() ? rt::formatFloat(v.asFloat(), sp)
                              : v.is<StrObj>() ? rt::formatStr(v.as<StrObj>()->view(), sp)
                                               : rt::formatInt(v.asInt(), sp, v.isBool() ? "bool" : "int");
        if (fr.ok()) return newStr(fr.text);
        TypeObj* et = fr.error->type == "TypeError" ? m_types.TypeError
                      : fr.error->type == "OverflowError" ? m_types.OverflowError : m_types.ValueError;
        return raise(et, fr.error->message);
    }
    Value specStr = emptySpec ? newStr("") : spec;
    TypeObj* t = typeOf(v);
    Value f = t->lookup("__format__");
    if (!f.isUnbound()) {
        Value r = detail::callValue(*this, f, v, &specStr, 1, nullptr, nullptr, 0);
        if (r.isError()) return r;
        if (!r.is<StrObj>()) return raise(m_types.TypeError, "__format__ must return a str, not " + typeName(r));
        return r;
    }
    if (emptySpec) return str(v);
    return raise(m_types.TypeError, "unsupported format string passed to " + t->m_name + ".__format__");
}

int Vm::truthy(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::None: return 0;
    case Value::Tag::Bool: case Value::Tag::Int: return v.asInt() != 0;
    case Value::Tag::Float: return v.asFloat() != 0.0;
    case Value::Tag::Obj: break;
    default: return 0;
    }
    Obj* o = v.asObj();
    switch (o->kind()) {
    case Kind::Str: return static_cast<StrObj*>(o)->length() != 0;
    case Kind::List: return !static_cast<ListObj*>(o)->m_items.empty();
    case Kind::Tuple: return !static_cast<TupleObj*>(o)->m_items.empty();
    case Kind::Dict: return static_cast<DictObj*>(o)->size() != 0;
    case Kind::Set: case Kind::FrozenSet: return static_cast<SetObj*>(o)->size() != 0;
    case Kind::Range: return static_cast<RangeObj*>(o)->length() != 0;
    case Kind::Instance: case Kind::Native: case Kind::Exception: {
        Value r = detail::callSpecial(*this, v, "__bool__", {});
        if (r.isError()) return -1;
        if (!r.isUnbound()) {
            if (!r.isBool()) { raise(m_types.TypeError, "__bool__ should return bool, returned " + typeName(r)); return -1; }
            return r.asBool();
        }
        r = detail::callSpecial(*this, v, "__len__", {});
        if (r.isError()) return -1;
        if (!r.isUnbound()) {
            if (!r.isIntLike()) { raise(m_types.TypeError, "'" + typeName(r) + "' object cannot be interpreted as an integer"); return -1; }
            return r.asInt() != 0;
        }
        return 1;
    }
    default: return 1;
    }
}

}  // namespace aw::vm
