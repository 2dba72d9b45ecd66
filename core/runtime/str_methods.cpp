// The methods of str (everything but format(), which is in str_format.cpp).
// The text rules live in text_ops (pure, tested on their own); this file
// binds arguments with CPython's messages and converts values.

#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"

namespace aw::rt {

Value strFormatMethod(Vm& vm, CallArgs& a);      // str_format.cpp
Value strFormatMapMethod(Vm& vm, CallArgs& a);   // str_format.cpp

namespace {

using text::StripSide;

vm::StrObj* selfStr(Vm& vm, CallArgs& a, std::string_view name)
{
    if (!takeSelf(vm, a, vm.types().str, name)) return nullptr;
    return a.self.as<vm::StrObj>();
}

Value strList(Vm& vm, const std::vector<std::u32string>& parts)
{
    std::vector<Value> items;
    items.reserve(parts.size());
    for (const auto& p : parts) items.push_back(newStrU32(vm, p));
    return vm.newList(std::move(items));
}

// ---------------------------------------------------------------- join, split

Value strJoin(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "join");
    if (!self || !a.expect(vm, "join", 1, 1)) return Value::error();
    std::vector<Value> items;
    if (!vm.collect(a[0], items)) return Value::error();
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        auto* s = asStr(items[i]);
        if (!s)
            return vm.raise(vm.types().TypeError, "sequence item " + std::to_string(i) + ": expected str instance, "
                                                      + vm.typeName(items[i]) + " found");
        if (i) out += self->text();
        out += s->text();
    }
    return vm.newStr(out);
}

Value splitImpl(Vm& vm, CallArgs& a, bool right)
{
    const char* name = right ? "rsplit" : "split";
    auto* self = selfStr(vm, a, name);
    if (!self) return Value::error();
    Value args[2];
    if (!a.bind(vm, name, {"sep", "maxsplit"}, 0, args)) return Value::error();
    int64_t maxsplit = -1;
    if (!args[1].isUnbound() && !indexArg(vm, args[1], maxsplit)) return Value::error();
    const std::u32string s = text::decode(self->view());
    std::u32string sep;
    const std::u32string* sepPtr = nullptr;
    if (!args[0].isUnbound() && !args[0].isNone()) {
        auto* sepStr = asStr(args[0]);
        if (!sepStr) return vm.raise(vm.types().TypeError, "must be str or None, not " + vm.typeName(args[0]));
        if (sepStr->length() == 0) return vm.raise(vm.types().ValueError, "empty separator");
        sep = text::decode(sepStr->view());
        sepPtr = &sep;
    }
    return strList(vm, right ? text::rsplit(s, sepPtr, maxsplit) : text::split(s, sepPtr, maxsplit));
}

Value strSplit(Vm& vm, CallArgs& a) { return splitImpl(vm, a, false); }
Value strRsplit(Vm& vm, CallArgs& a) { return splitImpl(vm, a, true); }

Value strSplitlines(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "splitlines");
    if (!self) return Value::error();
    Value args[1];
    if (!a.bind(vm, "splitlines", {"keepends"}, 0, args)) return Value::error();
    int keep = 0;
    if (!args[0].isUnbound() && (keep = vm.truthy(args[0])) < 0) return Value::error();
    return strList(vm, text::splitlines(text::decode(self->view()), keep == 1));
}

Value partitionImpl(Vm& vm, CallArgs& a, bool right)
{
    const char* name = right ? "rpartition" : "partition";
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 1, 1)) return Value::error();
    auto* sep = asStr(a[0]);
    if (!sep) return vm.raise(vm.types().TypeError, "must be str, not " + vm.typeName(a[0]));
    if (sep->length() == 0) return vm.raise(vm.types().ValueError, "empty separator");
    const std::string& s = self->text();
    const size_t pos = right ? s.rfind(sep->text()) : s.find(sep->text());
    if (pos == std::string::npos) {
        if (right) return vm.newTuple({vm.newStr(""), vm.newStr(""), a.self});
        return vm.newTuple({a.self, vm.newStr(""), vm.newStr("")});
    }
    return vm.newTuple({vm.newStr(s.substr(0, pos)), a[0], vm.newStr(s.substr(pos + sep->text().size()))});
}

Value strPartition(Vm& vm, CallArgs& a) { return partitionImpl(vm, a, false); }
Value strRpartition(Vm& vm, CallArgs& a) { return partitionImpl(vm, a, true); }

// ---------------------------------------------------------------- strip, case

Value stripImpl(Vm& vm, CallArgs& a, const char* name, StripSide side)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 0, 1)) return Value::error();
    const std::u32string s = text::decode(self->view());
    if (a.npos == 0 || a[0].isNone()) return newStrU32(vm, text::strip(s, nullptr, side));
    auto* chars = asStr(a[0]);
    if (!chars)
        return vm.raise(vm.types().TypeError, std::string(name) + " arg must be None or str");
    const std::u32string c = text::decode(chars->view());
    return newStrU32(vm, text::strip(s, &c, side));
}

Value strStrip(Vm& vm, CallArgs& a) { return stripImpl(vm, a, "strip", StripSide::Both); }
Value strLstrip(Vm& vm, CallArgs& a) { return stripImpl(vm, a, "lstrip", StripSide::Left); }
Value strRstrip(Vm& vm, CallArgs& a) { return stripImpl(vm, a, "rstrip", StripSide::Right); }

template <std::u32string (*F)(const std::u32string&)>
Value caseMethod(Vm& vm, CallArgs& a, const char* name)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 0, 0)) return Value::error();
    return newStrU32(vm, F(text::decode(self->view())));
}

Value strUpper(Vm& vm, CallArgs& a) { return caseMethod<text::upper>(vm, a, "upper"); }
Value strLower(Vm& vm, CallArgs& a) { return caseMethod<text::lower>(vm, a, "lower"); }
Value strCasefold(Vm& vm, CallArgs& a) { return caseMethod<text::lower>(vm, a, "casefold"); }
Value strCapitalize(Vm& vm, CallArgs& a) { return caseMethod<text::capitalize>(vm, a, "capitalize"); }
Value strTitle(Vm& vm, CallArgs& a) { return caseMethod<text::title>(vm, a, "title"); }
Value strSwapcase(Vm& vm, CallArgs& a) { return caseMethod<text::swapcase>(vm, a, "swapcase"); }

// ---------------------------------------------------------------- predicates

template <bool (*P)(char32_t)>
Value charPredicate(Vm& vm, CallArgs& a, const char* name)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 0, 0)) return Value::error();
    return Value::boolean(text::allOf(text::decode(self->view()), P));
}

bool isAlnumChar(char32_t c) { return text::isAlphaChar(c) || text::isNumericChar(c); }

Value strIsdigit(Vm& vm, CallArgs& a) { return charPredicate<text::isDigitChar>(vm, a, "isdigit"); }
Value strIsdecimal(Vm& vm, CallArgs& a) { return charPredicate<text::isDecimal>(vm, a, "isdecimal"); }
Value strIsnumeric(Vm& vm, CallArgs& a) { return charPredicate<text::isNumericChar>(vm, a, "isnumeric"); }
Value strIsalpha(Vm& vm, CallArgs& a) { return charPredicate<text::isAlphaChar>(vm, a, "isalpha"); }
Value strIsalnum(Vm& vm, CallArgs& a) { return charPredicate<isAlnumChar>(vm, a, "isalnum"); }
Value strIsspace(Vm& vm, CallArgs& a) { return charPredicate<text::isSpace>(vm, a, "isspace"); }

Value strIsascii(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "isascii");
    if (!self || !a.expect(vm, "isascii", 0, 0)) return Value::error();
    return Value::boolean(text::isAscii(self->view()));
}

Value strIsprintable(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "isprintable");
    if (!self || !a.expect(vm, "isprintable", 0, 0)) return Value::error();
    for (char32_t c : text::decode(self->view()))
        if (!text::isPrintableChar(c)) return Value::boolean(false);
    return Value::boolean(true);
}

template <bool (*P)(const std::u32string&)>
Value stringPredicate(Vm& vm, CallArgs& a, const char* name)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 0, 0)) return Value::error();
    return Value::boolean(P(text::decode(self->view())));
}

Value strIsupper(Vm& vm, CallArgs& a) { return stringPredicate<text::isUpperString>(vm, a, "isupper"); }
Value strIslower(Vm& vm, CallArgs& a) { return stringPredicate<text::isLowerString>(vm, a, "islower"); }
Value strIstitle(Vm& vm, CallArgs& a) { return stringPredicate<text::isTitleString>(vm, a, "istitle"); }
Value strIsidentifier(Vm& vm, CallArgs& a) { return stringPredicate<text::isIdentifier>(vm, a, "isidentifier"); }

// ---------------------------------------------------------------- search

// sub[, start[, end]] common to find/rfind/index/rindex/count.
bool searchArgs(Vm& vm, CallArgs& a, const char* name, std::u32string& s, std::u32string& sub, int64_t& start,
                int64_t& end)
{
    if (a.nkw) {
        vm.raise(vm.types().TypeError, std::string(name) + "() takes no keyword arguments");
        return false;
    }
    if (a.npos < 1) {
        vm.raise(vm.types().TypeError, std::string(name) + "() takes at least 1 argument (0 given)");
        return false;
    }
    if (a.npos > 3) {
        vm.raise(vm.types().TypeError, std::string(name) + "() takes at most 3 arguments (" + std::to_string(a.npos) + " given)");
        return false;
    }
    auto* subStr = asStr(a[0]);
    if (!subStr) {
        vm.raise(vm.types().TypeError, "must be str, not " + vm.typeName(a[0]));
        return false;
    }
    s = text::decode(a.self.as<vm::StrObj>()->view());
    sub = text::decode(subStr->view());
    start = 0;
    end = static_cast<int64_t>(s.size());
    if (!optionalIndex(vm, a, 1, start) || !optionalIndex(vm, a, 2, end)) return false;
    text::adjustRange(static_cast<int64_t>(s.size()), start, end);
    return true;
}

Value findImpl(Vm& vm, CallArgs& a, const char* name, bool right, bool raises)
{
    if (!selfStr(vm, a, name)) return Value::error();
    std::u32string s, sub;
    int64_t start = 0, end = 0;
    if (!searchArgs(vm, a, name, s, sub, start, end)) return Value::error();
    const int64_t pos = right ? text::rfind(s, sub, start, end) : text::find(s, sub, start, end);
    if (pos < 0 && raises) return vm.raise(vm.types().ValueError, "substring not found");
    return Value::integer(pos);
}

Value strFind(Vm& vm, CallArgs& a) { return findImpl(vm, a, "find", false, false); }
Value strRfind(Vm& vm, CallArgs& a) { return findImpl(vm, a, "rfind", true, false); }
Value strIndex(Vm& vm, CallArgs& a) { return findImpl(vm, a, "index", false, true); }
Value strRindex(Vm& vm, CallArgs& a) { return findImpl(vm, a, "rindex", true, true); }

Value strCount(Vm& vm, CallArgs& a)
{
    if (!selfStr(vm, a, "count")) return Value::error();
    std::u32string s, sub;
    int64_t start = 0, end = 0;
    if (!searchArgs(vm, a, "count", s, sub, start, end)) return Value::error();
    return Value::integer(text::count(s, sub, start, end));
}

// CPython's tailmatch: prefix/suffix inside s[start:end].
bool tailMatch(const std::u32string& s, const std::u32string& sub, int64_t start, int64_t end, bool suffix)
{
    const int64_t len = static_cast<int64_t>(s.size());
    text::adjustRange(len, start, end);
    const int64_t m = static_cast<int64_t>(sub.size());
    if (end - m < start || start > len) return false;
    const int64_t at = suffix ? end - m : start;
    return s.compare(static_cast<size_t>(at), static_cast<size_t>(m), sub) == 0;
}

Value affixImpl(Vm& vm, CallArgs& a, const char* name, bool suffix)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 1, 3)) return Value::error();
    const std::u32string s = text::decode(self->view());
    int64_t start = 0, end = static_cast<int64_t>(s.size());
    if (!optionalIndex(vm, a, 1, start) || !optionalIndex(vm, a, 2, end)) return Value::error();
    auto check = [&](const Value& v, bool& ok) {
        auto* p = asStr(v);
        if (!p) return false;
        ok = tailMatch(s, text::decode(p->view()), start, end, suffix);
        return true;
    };
    bool ok = false;
    if (auto* t = a[0].asOrNull<vm::TupleObj>()) {
        for (const Value& item : t->m_items) {
            if (!check(item, ok))
                return vm.raise(vm.types().TypeError, "tuple for " + std::string(name) + " must only contain str, not "
                                                          + vm.typeName(item));
            if (ok) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!check(a[0], ok))
        return vm.raise(vm.types().TypeError, std::string(name) + " first arg must be str or a tuple of str, not "
                                                  + vm.typeName(a[0]));
    return Value::boolean(ok);
}

Value strStartswith(Vm& vm, CallArgs& a) { return affixImpl(vm, a, "startswith", false); }
Value strEndswith(Vm& vm, CallArgs& a) { return affixImpl(vm, a, "endswith", true); }

Value strReplace(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "replace");
    if (!self || !a.expect(vm, "replace", 2, 3)) return Value::error();
    vm::StrObj *oldS = nullptr, *newS = nullptr;
    if (!strArg(vm, a[0], "replace() argument 1", oldS) || !strArg(vm, a[1], "replace() argument 2", newS))
        return Value::error();
    int64_t count = -1;
    if (a.npos == 3 && !indexArg(vm, a[2], count)) return Value::error();
    if (self->m_ascii && oldS->m_ascii && newS->m_ascii && oldS->length() > 0) {
        // Byte-level fast path: the common case in tutorials.
        const std::string& s = self->text();
        std::string out;
        size_t start = 0;
        int64_t n = count < 0 ? INT64_MAX : count;
        while (n-- > 0) {
            const size_t pos = s.find(oldS->text(), start);
            if (pos == std::string::npos) break;
            out.append(s, start, pos - start);
            out += newS->text();
            start = pos + oldS->text().size();
        }
        out.append(s, start, std::string::npos);
        return vm.newStr(out);
    }
    return newStrU32(vm, text::replace(text::decode(self->view()), text::decode(oldS->view()),
                                       text::decode(newS->view()), count));
}

Value affixRemove(Vm& vm, CallArgs& a, const char* name, bool suffix)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 1, 1)) return Value::error();
    vm::StrObj* affix = nullptr;
    if (!strArg(vm, a[0], std::string(name) + "() argument", affix)) return Value::error();
    const std::string& s = self->text();
    const std::string& f = affix->text();
    if (f.empty() || s.size() < f.size()) return a.self;
    if (!suffix && s.compare(0, f.size(), f) == 0) return vm.newStr(s.substr(f.size()));
    if (suffix && s.compare(s.size() - f.size(), f.size(), f) == 0) return vm.newStr(s.substr(0, s.size() - f.size()));
    return a.self;
}

Value strRemoveprefix(Vm& vm, CallArgs& a) { return affixRemove(vm, a, "removeprefix", false); }
Value strRemovesuffix(Vm& vm, CallArgs& a) { return affixRemove(vm, a, "removesuffix", true); }

// ---------------------------------------------------------------- layout

Value padImpl(Vm& vm, CallArgs& a, const char* name, text::Align align)
{
    auto* self = selfStr(vm, a, name);
    if (!self || !a.expect(vm, name, 1, 2)) return Value::error();
    int64_t width = 0;
    if (!indexArg(vm, a[0], width)) return Value::error();
    char32_t fill = U' ';
    if (a.npos == 2) {
        auto* f = asStr(a[1]);
        if (!f)
            return vm.raise(vm.types().TypeError, std::string(name) + "() argument 2 must be str, not " + vm.typeName(a[1]));
        if (f->length() != 1)
            return vm.raise(vm.types().TypeError, "The fill character must be exactly one character long");
        fill = text::decode(f->view())[0];
    }
    if (width <= self->length()) return a.self;
    return newStrU32(vm, text::pad(text::decode(self->view()), width, fill, align));
}

Value strCenter(Vm& vm, CallArgs& a) { return padImpl(vm, a, "center", text::Align::Center); }
Value strLjust(Vm& vm, CallArgs& a) { return padImpl(vm, a, "ljust", text::Align::Left); }
Value strRjust(Vm& vm, CallArgs& a) { return padImpl(vm, a, "rjust", text::Align::Right); }

Value strZfill(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "zfill");
    if (!self || !a.expect(vm, "zfill", 1, 1)) return Value::error();
    int64_t width = 0;
    if (!indexArg(vm, a[0], width)) return Value::error();
    return newStrU32(vm, text::zfill(text::decode(self->view()), width));
}

Value strExpandtabs(Vm& vm, CallArgs& a)
{
    auto* self = selfStr(vm, a, "expandtabs");
    if (!self) return Value::error();
    Value args[1];
    if (!a.bind(vm, "expandtabs", {"tabsize"}, 0, args)) return Value::error();
    int64_t tab = 8;
    if (!args[0].isUnbound() && !indexArg(vm, args[0], tab)) return Value::error();
    return newStrU32(vm, text::expandtabs(text::decode(self->view()), tab));
}

Value strEncode(Vm& vm, CallArgs& a)
{
    if (!selfStr(vm, a, "encode")) return Value::error();
    return vm.raise(vm.types().NotImplementedError,
                    "str.encode() is not supported: Awaitscope has no bytes type");
}

}  // namespace

void installStrMethods(Vm& vm)
{
    vm::TypeObj* t = vm.types().str;
    struct Entry { const char* name; vm::NativeFn fn; };
    static constexpr Entry kMethods[] = {
        {"join", strJoin}, {"split", strSplit}, {"rsplit", strRsplit}, {"splitlines", strSplitlines},
        {"partition", strPartition}, {"rpartition", strRpartition},
        {"strip", strStrip}, {"lstrip", strLstrip}, {"rstrip", strRstrip},
        {"upper", strUpper}, {"lower", strLower}, {"casefold", strCasefold}, {"capitalize", strCapitalize},
        {"title", strTitle}, {"swapcase", strSwapcase},
        {"isdigit", strIsdigit}, {"isdecimal", strIsdecimal}, {"isnumeric", strIsnumeric}, {"isalpha", strIsalpha},
        {"isalnum", strIsalnum}, {"isspace", strIsspace}, {"isascii", strIsascii}, {"isprintable", strIsprintable},
        {"isupper", strIsupper}, {"islower", strIslower}, {"istitle", strIstitle}, {"isidentifier", strIsidentifier},
        {"find", strFind}, {"rfind", strRfind}, {"index", strIndex}, {"rindex", strRindex}, {"count", strCount},
        {"startswith", strStartswith}, {"endswith", strEndswith}, {"replace", strReplace},
        {"removeprefix", strRemoveprefix}, {"removesuffix", strRemovesuffix},
        {"center", strCenter}, {"ljust", strLjust}, {"rjust", strRjust}, {"zfill", strZfill},
        {"expandtabs", strExpandtabs}, {"encode", strEncode},
        {"format", strFormatMethod}, {"format_map", strFormatMapMethod},
    };
    for (const auto& m : kMethods) vm.addMethod(t, m.name, m.fn);
}

}  // namespace aw::rt
