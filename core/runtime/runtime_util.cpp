#include "core/runtime/runtime_util.h"

#include "core/runtime/text_ops.h"

#include <algorithm>
#include <cmath>

namespace aw::rt {

bool takeSelf(Vm& vm, CallArgs& a, vm::TypeObj* type, std::string_view method)
{
    if (!a.hasSelf()) {
        if (a.npos == 0) {
            vm.raise(vm.types().TypeError, "unbound method " + type->m_name + "." + std::string(method) + "() needs an argument");
            return false;
        }
        a.self = a.pos[0];
        ++a.pos;
        --a.npos;
    }
    if (!vm.typeOf(a.self)->isSubtypeOf(type)) {
        vm.raise(vm.types().TypeError, "descriptor '" + std::string(method) + "' for '" + type->m_name
                                           + "' objects doesn't apply to a '" + vm.typeName(a.self) + "' object");
        return false;
    }
    return true;
}

bool optionalIndex(Vm& vm, const CallArgs& a, size_t i, int64_t& out)
{
    if (i >= a.npos || a[i].isNone()) return true;
    if (a[i].isIntLike()) {
        out = a[i].asInt();
        return true;
    }
    vm.raise(vm.types().TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

Value newStrU32(Vm& vm, const std::u32string& s)
{
    return vm.newStr(text::encode(s));
}

std::u32string strU32(const Value& strValue)
{
    return text::decode(strValue.as<vm::StrObj>()->view());
}

bool indexArg(Vm& vm, const Value& v, int64_t& out)
{
    if (v.isIntLike()) {
        out = v.asInt();
        return true;
    }
    vm.raise(vm.types().TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
    return false;
}

bool strArg(Vm& vm, const Value& v, std::string_view what, vm::StrObj*& out)
{
    out = asStr(v);
    if (out)
        return true;
    vm.raise(vm.types().TypeError, std::string(what) + " must be str, not " + vm.typeName(v));
    return false;
}

Value raiseIntOverflow(Vm& vm)
{
    return vm.raise(vm.types().OverflowError, "integer too large: Awaitscope ints are 64-bit");
}

bool floatToInt(Vm& vm, double d, int64_t& out)
{
    if (std::isnan(d)) {
        vm.raise(vm.types().ValueError, "cannot convert float NaN to integer");
        return false;
    }
    if (std::isinf(d)) {
        vm.raise(vm.types().OverflowError, "cannot convert float infinity to integer");
        return false;
    }
    const double t = std::trunc(d);
    // 2**63 is exactly representable; anything at or beyond it does not fit.
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) {
        raiseIntOverflow(vm);
        return false;
    }
    out = static_cast<int64_t>(t);
    return true;
}

const std::vector<Value>* seqItems(const Value& v)
{
    if (auto* l = v.asOrNull<vm::ListObj>())
        return &l->m_items;
    if (auto* t = v.asOrNull<vm::TupleObj>())
        return &t->m_items;
    return nullptr;
}

vm::TypeObj* errorType(Vm& vm, std::string_view name)
{
    const auto& t = vm.types();
    if (name == "ValueError") return t.ValueError;
    if (name == "OverflowError") return t.OverflowError;
    if (name == "IndexError") return t.IndexError;
    if (name == "KeyError") return t.KeyError;
    if (name == "ZeroDivisionError") return t.ZeroDivisionError;
    if (name == "AttributeError") return t.AttributeError;
    return t.TypeError;
}

Value raiseFormatError(Vm& vm, const std::string& type, const std::string& message)
{
    return vm.raise(errorType(vm, type), message);
}

namespace {

// Merge sort over indexes: stable, and every comparison is "right < left"
// like timsort's, so the TypeError names the operands in CPython's order.
struct Sorter {
    Vm& vm;
    const std::vector<Value>& keys;
    bool failed = false;

    // true when keys[b] < keys[a] (b comes from the right run)
    bool less(size_t right, size_t left)
    {
        if (failed) return false;
        const int r = vm.compareBool(keys[right], keys[left], bytecode::CompareOpArg::Lt);
        if (r < 0) {
            failed = true;
            return false;
        }
        return r == 1;
    }

    void sort(std::vector<size_t>& idx, std::vector<size_t>& tmp, size_t lo, size_t hi)
    {
        if (hi - lo < 2 || failed) return;
        if (hi - lo <= 8) {   // insertion sort: stable, few comparisons for short runs
            for (size_t i = lo + 1; i < hi && !failed; ++i) {
                const size_t x = idx[i];
                size_t j = i;
                while (j > lo && less(x, idx[j - 1])) {
                    idx[j] = idx[j - 1];
                    --j;
                }
                idx[j] = x;
            }
            return;
        }
        const size_t mid = lo + (hi - lo) / 2;
        sort(idx, tmp, lo, mid);
        sort(idx, tmp, mid, hi);
        if (failed) return;
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            if (less(idx[j], idx[i])) tmp[k++] = idx[j++];
            else tmp[k++] = idx[i++];
            if (failed) return;
        }
        while (i < mid) tmp[k++] = idx[i++];
        while (j < hi) tmp[k++] = idx[j++];
        for (size_t m = lo; m < hi; ++m) idx[m] = tmp[m];
    }
};

}  // namespace

bool stableSort(Vm& vm, std::vector<Value>& items, std::vector<Value>* keys, bool reverse)
{
    // CPython reverses, sorts, and reverses back so equal items keep their order.
    if (reverse) {
        std::reverse(items.begin(), items.end());
        if (keys) std::reverse(keys->begin(), keys->end());
    }
    const std::vector<Value>& k = keys ? *keys : items;
    std::vector<size_t> idx(items.size()), tmp(items.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    Sorter sorter{vm, k};
    sorter.sort(idx, tmp, 0, idx.size());
    if (sorter.failed) {
        if (reverse) std::reverse(items.begin(), items.end());
        return false;
    }
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (size_t i : idx) sorted.push_back(items[i]);
    if (reverse) std::reverse(sorted.begin(), sorted.end());
    items = std::move(sorted);
    return true;
}

vm::TypeObj* newNativeType(Vm& vm, std::string_view name, std::string_view module)
{
    vm::TypeObj* t = vm.newType(name, nullptr, vm::Kind::Native, module);
    t->m_builtin = true;
    t->m_subclassable = false;
    return t;
}

vm::TypeObj* calleeType(const CallArgs& a)
{
    if (!a.callee) return nullptr;
    return a.callee->m_data.asOrNull<vm::TypeObj>();
}

}  // namespace aw::rt
