// Items, lengths, membership and iteration.
#include "core/vm/vm.h"
#include "core/vm/vm_internal.h"

namespace aw::vm {

namespace {

bool isUserish(const Value& v) {
    if (!v.isObj()) return false;
    Kind k = v.asObj()->kind();
    return k == Kind::Instance || k == Kind::Native || k == Kind::Exception;
}

Value sliceList(Vm& vm, const std::vector<Value>& items, SliceObj* s, bool tuple) {
    int64_t start, stop, step, count;
    if (!s->indices(vm, int64_t(items.size()), start, stop, step, count)) return Value::error();
    std::vector<Value> out;
    out.reserve(size_t(count));
    for (int64_t i = 0, j = start; i < count; ++i, j += step) out.push_back(items[size_t(j)]);
    return tuple ? vm.newTuple(std::move(out)) : vm.newList(std::move(out));
}

}  // namespace

Value Vm::getItem(const Value& obj, const Value& key) {
    if (obj.isObj()) {
        Obj* o = obj.asObj();
        switch (o->kind()) {
        case Kind::List: case Kind::Tuple: {
            bool isList = o->kind() == Kind::List;
            const auto& items = isList ? static_cast<ListObj*>(o)->m_items : static_cast<TupleObj*>(o)->m_items;
            if (key.isIntLike()) {
                int64_t i = key.asInt();
                if (!detail::normIndex(i, int64_t(items.size())))
                    return raise(m_types.IndexError, isList ? "list index out of range" : "tuple index out of range");
                return items[size_t(i)];
            }
            if (key.is<SliceObj>()) return sliceList(*this, items, key.as<SliceObj>(), !isList);
            return raise(m_types.TypeError, std::string(isList ? "list" : "tuple") + " indices must be integers or slices, not " + typeName(key));
        }
        case Kind::Str: {
            auto* s = static_cast<StrObj*>(o);
            if (key.isIntLike()) {
                int64_t i = key.asInt();
                if (!detail::normIndex(i, s->length())) return raise(m_types.IndexError, "string index out of range");
                return newStr(s->charAt(i));
            }
            if (key.is<SliceObj>()) {
                int64_t start, stop, step, count;
                if (!key.as<SliceObj>()->indices(*this, s->length(), start, stop, step, count)) return Value::error();
                if (step == 1) return newStr(count > 0 ? s->substr(start, stop) : std::string_view());
                std::string out;
                for (int64_t i = 0, j = start; i < count; ++i, j += step) out += s->charAt(j);
                return newStr(out);
            }
            return raise(m_types.TypeError, "string indices must be integers, not '" + typeName(key) + "'");
        }
        case Kind::Dict: {
            Value v = static_cast<DictObj*>(o)->get(*this, key);
            if (v.isError()) return v;
            if (v.isUnbound()) {
                // a dict subclass could define __missing__; plain dicts raise KeyError(key)
                m_error = newException(m_types.KeyError, std::vector<Value>{key});
                detail::chainContext(*this, m_error.as<ExceptionObj>());
                return Value::error();
            }
            return v;
        }
        case Kind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            if (key.isIntLike()) {
                int64_t i = key.asInt();
                if (!detail::normIndex(i, r->length())) return raise(m_types.IndexError, "range object index out of range");
                return Value::integer(r->at(i));
            }
            if (key.is<SliceObj>()) {
                int64_t start, stop, step, count;
                if (!key.as<SliceObj>()->indices(*this, r->length(), start, stop, step, count)) return Value::error();
                return newRange(r->at(start), r->at(start) + count * step * r->m_step, step * r->m_step);
            }
            return raise(m_types.TypeError, "range indices must be integers or slices, not " + typeName(key));
        }
        case Kind::Type: {
            Value r = static_cast<TypeObj*>(o)->lookup("__class_getitem__");
            if (!r.isUnbound()) return call(r, {obj, key});
            break;
        }
        default: break;
        }
        Value r = detail::callSpecial(*this, obj, "__getitem__", {key});
        if (!r.isUnbound()) return r;
    }
    return raise(m_types.TypeError, "'" + typeName(obj) + "' object is not subscriptable");
}

bool Vm::setItem(const Value& obj, const Value& key, Value v) {
    if (obj.is<ListObj>()) {
        auto& items = obj.as<ListObj>()->m_items;
        if (key.isIntLike()) {
            int64_t i = key.asInt();
            if (!detail::normIndex(i, int64_t(items.size()))) { raise(m_types.IndexError, "list assignment index out of range"); return false; }
            items[size_t(i)] = std::move(v);
            return true;
        }
        if (key.is<SliceObj>()) {
            std::vector<Value> repl;
            if (!collect(v, repl)) return false;
            int64_t start, stop, step, count;
            if (!key.as<SliceObj>()->indices(*this, int64_t(items.size()), start, stop, step, count)) return false;
            if (step == 1) {
                if (stop < start) stop = start;
                items.erase(items.begin() + start, items.begin() + stop);
                items.insert(items.begin() + start, repl.begin(), repl.end());
                return true;
            }
            if (int64_t(repl.size()) != count) {
                raise(m_types.ValueError, "attempt to assign sequence of size " + std::to_string(repl.size()) +
                                              " to extended slice of size " + std::to_string(count));
                return false;
            }
            for (int64_t i = 0, j = start; i < count; ++i, j += step) items[size_t(j)] = repl[size_t(i)];
            return true;
        }
        raise(m_types.TypeError, "list indices must be integers or slices, not " + typeName(key));
        return false;
    }
    if (obj.is<DictObj>()) return obj.as<DictObj>()->set(*this, key, std::move(v));
    if (isUserish(obj)) {
        Value r = detail::callSpecial(*this, obj, "__setitem__", {key, v});
        if (r.isError()) return false;
        if (!r.isUnbound()) return true;
    }
    raise(m_types.TypeError, "'" + typeName(obj) + "' object does not support item assignment");
    return false;
}

bool Vm::delItem(const Value& obj, const Value& key) {
    if (obj.is<ListObj>()) {
        auto& items = obj.as<ListObj>()->m_items;
        if (key.isIntLike()) {
            int64_t i = key.asInt();
            if (!detail::normIndex(i, int64_t(items.size()))) { raise(m_types.IndexError, "list assignment index out of range"); return false; }
            Value old = std::move(items[size_t(i)]);
            items.erase(items.begin() + i);
            return true;
        }
        if (key.is<SliceObj>()) {
            int64_t start, stop, step, count;
            if (!key.as<SliceObj>()->indices(*this, int64_t(items.size()), start, stop, step, count)) return false;
            std::vector<bool> drop(items.size(), false);
            for (int64_t i = 0, j = start; i < count; ++i, j += step) drop[size_t(j)] = true;
            std::vector<Value> keep;
            for (size_t i = 0; i < items.size(); ++i)
                if (!drop[i]) keep.push_back(std::move(items[i]));
            std::vector<Value> old = std::move(items);
            items = std::move(keep);
            return true;
        }
        raise(m_types.TypeError, "list indices must be integers or slices, not " + typeName(key));
        return false;
    }
    if (obj.is<DictObj>()) {
        int r = obj.as<DictObj>()->remove(*this, key);
        if (r < 0) return false;
        if (r == 0) {
            m_error = newException(m_types.KeyError, std::vector<Value>{key});
            detail::chainContext(*this, m_error.as<ExceptionObj>());
            return false;
        }
        return true;
    }
    if (isUserish(obj)) {
        Value r = detail::callSpecial(*this, obj, "__delitem__", {key});
        if (r.isError()) return false;
        if (!r.isUnbound()) return true;
    }
    raise(m_types.TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
    return false;
}

bool Vm::lenOf(const Value& v, int64_t& out) {
    if (v.isObj()) {
        Obj* o = v.asObj();
        switch (o->kind()) {
        case Kind::Str: out = static_cast<StrObj*>(o)->length(); return true;
        case Kind::List: out = int64_t(static_cast<ListObj*>(o)->m_items.size()); return true;
        case Kind::Tuple: out = int64_t(static_cast<TupleObj*>(o)->m_items.size()); return true;
        case Kind::Dict: out = int64_t(static_cast<DictObj*>(o)->size()); return true;
        case Kind::Set: case Kind::FrozenSet: out = int64_t(static_cast<SetObj*>(o)->size()); return true;
        case Kind::Range: out = static_cast<RangeObj*>(o)->length(); return true;
        default: break;
        }
        Value r = detail::callSpecial(*this, v, "__len__", {});
        if (r.isError()) return false;
        if (!r.isUnbound()) {
            if (!r.isIntLike()) { raise(m_types.TypeError, "'" + typeName(r) + "' object cannot be interpreted as an integer"); return false; }
            if (r.asInt() < 0) { raise(m_types.ValueError, "__len__() should return >= 0"); return false; }
            out = r.asInt();
            return true;
        }
    }
    raise(m_types.TypeError, "object of type '" + typeName(v) + "' has no len()");
    return false;
}

Value Vm::len(const Value& v) {
    int64_t n;
    if (!lenOf(v, n)) return Value::error();
    return Value::integer(n);
}

int Vm::contains(const Value& container, const Value& item) {
    if (container.isObj()) {
        Obj* o = container.asObj();
        switch (o->kind()) {
        case Kind::List: case Kind::Tuple: {
            Value keep = container;
            const auto& items = o->kind() == Kind::List ? static_cast<ListObj*>(o)->m_items : static_cast<TupleObj*>(o)->m_items;
            for (size_t i = 0; i < items.size(); ++i) {
                Value x = items[i];
                int e = equals(x, item);
                if (e != 0) return e;
            }
            return 0;
        }
        case Kind::Str:
            if (!item.is<StrObj>()) {
                raise(m_types.TypeError, "'in <string>' requires string as left operand, not " + typeName(item));
                return -1;
            }
            return static_cast<StrObj*>(o)->m_text.find(item.as<StrObj>()->m_text) != std::string::npos;
        case Kind::Dict: return static_cast<DictObj*>(o)->contains(*this, item);
        case Kind::Set: case Kind::FrozenSet: {
            int r = static_cast<SetObj*>(o)->contains(*this, item);
            if (r < 0 && errorMatches(m_types.TypeError) && item.is<SetObj>()) {
                // set in set: CPython retries with a frozenset
                clearError();
                Value f = newSet(true);
                if (!f.as<SetObj>()->update(*this, item)) return -1;
                return static_cast<SetObj*>(o)->contains(*this, f);
            }
            return r;
        }
        case Kind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            if (item.isIntLike()) {
                int64_t x = item.asInt();
                if (r->m_step > 0 ? (x < r->m_start || x >= r->m_stop) : (x > r->m_start || x <= r->m_stop)) return 0;
                return (x - r->m_start) % r->m_step == 0;
            }
            break;
        }
        default: {
            Value r = detail::callSpecial(*this, container, "__contains__", {item});
            if (r.isError()) return -1;
            if (!r.isUnbound()) return truthy(r);
            break;
        }
        }
    }
    Value it = getIter(container);
    if (it.isError()) {
        if (errorMatches(m_types.TypeError)) {
            clearError();
            raise(m_types.TypeError, "argument of type '" + typeName(container) + "' is not iterable");
        }
        return -1;
    }
    while (true) {
        Value x = next(it);
        if (x.isError()) return -1;
        if (x.isUnbound()) return 0;
        int e = equals(x, item);
        if (e != 0) return e;
    }
}

Value Vm::getIter(const Value& v) {
    if (v.isObj()) {
        Obj* o = v.asObj();
        switch (o->kind()) {
        case Kind::List: return Value(m_heap.make<SeqIterObj>(m_types.listIterator, v));
        case Kind::Tuple: return Value(m_heap.make<SeqIterObj>(m_types.tupleIterator, v));
        case Kind::Str: return Value(m_heap.make<SeqIterObj>(m_types.strIterator, v));
        case Kind::Range: return Value(m_heap.make<SeqIterObj>(m_types.rangeIterator, v));
        case Kind::Dict:
            return Value(m_heap.make<DictIterObj>(m_types.dictKeyIterator, static_cast<DictObj*>(o), DictIterObj::Mode::Keys));
        case Kind::Set: case Kind::FrozenSet:
            return Value(m_heap.make<SetIterObj>(m_types.setIterator, static_cast<SetObj*>(o)));
        case Kind::SeqIter: case Kind::DictIter: case Kind::SetIter: case Kind::Generator: case Kind::CoroWrapper:
            return v;
        default: break;
        }
        Value r = detail::callSpecial(*this, v, "__iter__", {});
        if (r.isError()) return r;
        if (!r.isUnbound()) {
            TypeObj* t = typeOf(r);
            Kind rk = r.isObj() ? r.asObj()->kind() : Kind::Instance;
            if (rk == Kind::SeqIter || rk == Kind::DictIter || rk == Kind::SetIter || rk == Kind::Generator ||
                rk == Kind::CoroWrapper || t->m_iternext || !t->lookup("__next__").isUnbound())
                return r;
            return raise(m_types.TypeError, "iter() returned non-iterator of type '" + t->m_name + "'");
        }
        if (!o->type()->lookup("__getitem__").isUnbound() && o->kind() != Kind::Type) {
            // The old sequence protocol: wrap in a list of items fetched by index.
            std::vector<Value> items;
            for (int64_t i = 0;; ++i) {
                Value x = getItem(v, Value::integer(i));
                if (x.isError()) {
                    if (errorMatches(m_types.IndexError) || errorMatches(m_types.StopIteration)) { clearError(); break; }
                    return x;
                }
                items.push_back(std::move(x));
            }
            return getIter(newList(std::move(items)));
        }
    }
    return raise(m_types.TypeError, "'" + typeName(v) + "' object is not iterable");
}

Value Vm::next(const Value& iterator) {
    if (iterator.isObj()) {
        Obj* o = iterator.asObj();
        switch (o->kind()) {
        case Kind::SeqIter: {
            auto* it = static_cast<SeqIterObj*>(o);
            if (it->m_seq.isNone()) return Value::unbound();
            Obj* s = it->m_seq.asObj();
            switch (s->kind()) {
            case Kind::List: {
                auto& items = static_cast<ListObj*>(s)->m_items;
                if (size_t(it->m_index) < items.size()) return items[size_t(it->m_index++)];
                break;
            }
            case Kind::Tuple: {
                auto& items = static_cast<TupleObj*>(s)->m_items;
                if (size_t(it->m_index) < items.size()) return items[size_t(it->m_index++)];
                break;
            }
            case Kind::Range: {
                auto* r = static_cast<RangeObj*>(s);
                if (it->m_index < r->length()) return Value::integer(r->at(it->m_index++));
                break;
            }
            case Kind::Str: {
                auto* str = static_cast<StrObj*>(s);
                const std::string& t = str->m_text;
                if (it->m_byte < t.size()) {
                    size_t b = it->m_byte, e = b + 1;
                    while (e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) ++e;
                    it->m_byte = e;
                    ++it->m_index;
                    return newStr(std::string_view(t).substr(b, e - b));
                }
                break;
            }
            default: break;
            }
            it->m_seq = Value();   // exhausted for good
            return Value::unbound();
        }
        case Kind::DictIter: {
            auto* it = static_cast<DictIterObj*>(o);
            if (!it->m_dict) return Value::unbound();
            if (it->m_dict->size() != it->m_size) {
                it->m_size = size_t(-1);
                return raise(m_types.RuntimeError, "dictionary changed size during iteration");
            }
            Value k, v;
            if (!it->m_dict->next(it->m_cursor, &k, &v)) { it->m_dict.reset(); return Value::unbound(); }
            switch (it->m_mode) {
            case DictIterObj::Mode::Keys: return k;
            case DictIterObj::Mode::Values: return v;
            case DictIterObj::Mode::Items: return newTuple({k, v});
            }
            return Value::unbound();
        }
        case Kind::SetIter: {
            auto* it = static_cast<SetIterObj*>(o);
            if (!it->m_set) return Value::unbound();
            if (it->m_set->size() != it->m_size) {
                it->m_size = size_t(-1);
                return raise(m_types.RuntimeError, "Set changed size during iteration");
            }
            Value k;
            if (!it->m_set->next(it->m_cursor, &k)) { it->m_set.reset(); return Value::unbound(); }
            return k;
        }
        case Kind::Generator: {
            Value out;
            GenStatus st = genSend(static_cast<GenObj*>(o), Value(), out);
            if (st == GenStatus::Yielded) return out;
            if (st == GenStatus::Returned) return Value::unbound();
            return Value::error();
        }
        default: break;
        }
        if (o->type()->m_iternext) return o->type()->m_iternext(*this, o);
        Value r = detail::callSpecial(*this, iterator, "__next__", {});
        if (r.isError()) {
            if (errorMatches(m_types.StopIteration)) { clearError(); return Value::unbound(); }
            return r;
        }
        if (!r.isUnbound()) return r;
    }
    return raise(m_types.TypeError, "'" + typeName(iterator) + "' object is not an iterator");
}

Value Vm::nextOrStop(const Value& iterator) {
    if (iterator.isObj() && iterator.asObj()->kind() == Kind::Generator) {
        Value out;
        GenStatus st = genSend(static_cast<GenObj*>(iterator.asObj()), Value(), out);
        if (st == GenStatus::Yielded) return out;
        if (st == GenStatus::Error) return Value::error();
        Value e = newException(m_types.StopIteration, out.isNone() ? std::vector<Value>{} : std::vector<Value>{out});
        return raiseValue(e);
    }
    Value v = next(iterator);
    if (v.isUnbound()) return raiseValue(newException(m_types.StopIteration, std::vector<Value>{}));
    return v;
}

bool Vm::collect(const Value& iterable, std::vector<Value>& out) {
    if (iterable.is<ListObj>()) { auto& v = iterable.as<ListObj>()->m_items; out.insert(out.end(), v.begin(), v.end()); return true; }
    if (iterable.is<TupleObj>()) { auto& v = iterable.as<TupleObj>()->m_items; out.insert(out.end(), v.begin(), v.end()); return true; }
    Value it = getIter(iterable);
    if (it.isError()) return false;
    while (true) {
        Value x = next(it);
        if (x.isError()) return false;
        if (x.isUnbound()) return true;
        out.push_back(std::move(x));
    }
}

}  // namespace aw::vm
