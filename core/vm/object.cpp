#include "core/vm/containers.h"
#include "core/vm/exception.h"
#include "core/vm/function.h"
#include "core/vm/generator.h"
#include "core/vm/str.h"
#include "core/vm/type.h"

#include <vector>

namespace aw::vm {

Obj::~Obj() {
    // Unlinking is the heap's job (destroyObj / freeAll); the type reference is ours.
    if (m_type && m_type != this) m_type->decref();
}

void destroyObj(Obj* o) {
    HeapLink* p = o->m_prev;
    HeapLink* n = o->m_next;
    if (p) { p->m_next = n; n->m_prev = p; }
    o->m_prev = o->m_next = nullptr;
    if (o->m_type && o->m_type->m_onFree) o->m_type->m_onFree(o->m_type->m_hookUser, *o);
    delete o;
}

void Heap::link(Obj* o, TypeObj* type) {
    o->m_type = type;
    if (type && type != o) type->incref();
    o->m_prev = &m_head;
    o->m_next = m_head.m_next;
    m_head.m_next->m_prev = o;
    m_head.m_next = o;
    ++m_live;
}

void Heap::unlink(Obj* o) {
    if (!o->m_prev) return;
    o->m_prev->m_next = o->m_next;
    o->m_next->m_prev = o->m_prev;
    o->m_prev = o->m_next = nullptr;
}

void Heap::freeAll() {
    // Cycles outlive the run; free them all at once. Pin every count first so
    // that releasing references frees nothing, then drop the references, then
    // delete (destructors now hold nothing but their type, whose count is pinned).
    m_tearingDown = true;
    std::vector<Obj*> all;
    for (HeapLink* l = m_head.m_next; l != &m_head; l = l->m_next) all.push_back(static_cast<Obj*>(l));
    for (Obj* o : all) o->m_refcount = 0x40000000u;
    for (Obj* o : all) o->clearRefs();
    for (Obj* o : all) { o->m_type = nullptr; o->m_prev = o->m_next = nullptr; }
    for (Obj* o : all) delete o;
    m_head.m_prev = m_head.m_next = &m_head;
    m_live = 0;
}

void FunctionObj::clearRefs() {
    m_code.reset();
    m_globals = m_defaults = m_kwdefaults = m_closure = m_name = m_qualname = m_module = m_doc = m_dict = Value();
}

void TypeObj::clearRefs() { m_base.reset(); m_extraBase.reset(); m_dict.reset(); }
void InstanceObj::clearRefs() { m_dict.reset(); }
void ModuleObj::clearRefs() { m_dict.reset(); }
void NativeObj::clearRefs() { m_dict.reset(); }

void ExceptionObj::clearRefs() {
    m_args = m_cause = m_context = m_value = Value();
    m_traceback.clear();
    m_dict.reset();
}

void FrameObj::clearRefs() {
    m_code.reset();
    m_func = m_globals = m_builtins = m_locals = m_excState = Value();
    m_slots.clear();
    m_blocks.clear();
}

void GenObj::clearRefs() {
    m_frame.reset();
    m_name = m_qualname = Value();
}

Value TypeObj::lookup(std::string_view name) const {
    for (const TypeObj* t = this; t; t = t->m_base.get()) {
        if (t->m_dict) {
            Value v = t->m_dict->getStr(name);
            if (!v.isUnbound()) return v;
        }
    }
    return Value::unbound();
}

Value TypeObj::lookup(const StrObj* name) const {
    for (const TypeObj* t = this; t; t = t->m_base.get()) {
        if (t->m_dict) {
            Value v = t->m_dict->getStr(name);
            if (!v.isUnbound()) return v;
        }
    }
    return Value::unbound();
}

bool TypeObj::isSubtypeOf(const TypeObj* other) const {
    for (const TypeObj* t = this; t; t = t->m_base.get()) {
        if (t == other) return true;
        if (t->m_extraBase && t->m_extraBase->isSubtypeOf(other)) return true;
    }
    return false;
}

}  // namespace aw::vm
