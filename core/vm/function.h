#pragma once
// Code, functions, natives, bound methods, cells and the descriptors
// (property, staticmethod, classmethod).
//
// A CodeObj is the VM's loaded form of one bytecode::CodeUnit (made once per
// unit by vm.loadCode): constants become Values, names become interned strs.

#include "core/bytecode/code_unit.h"
#include "core/vm/code_event_sink.h"
#include "core/vm/native.h"
#include "core/vm/value.h"

#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace aw::vm {

struct StrObj;
struct DictObj;
struct TupleObj;
struct TypeObj;

// One instruction as the dispatch loop reads it (8 bytes).
struct Instr {
    bytecode::Opcode op;
    uint8_t startsLine;     // 1: first instruction of a statement's line (line hook)
    uint32_t arg;
};
static_assert(sizeof(Instr) == 8);

// Superinstructions: opcodes past the compiler's (opcodes.def), which vm.loadCode
// (fuseInstructions, interp_support.cpp) writes over the first instruction of
// a run of plain ones. The run's other instructions stay as they were (a jump
// may land on them; tracebacks and line events index the compiler's code), and
// the fused opcode does the whole run only on its fast path (ints, no error,
// nothing observable in between), else it runs its first instruction alone.
namespace superop {
inline constexpr uint8_t kFirst = uint8_t(std::size(bytecode::kOpcodeNames));
enum : uint8_t {
    // (k: an int constant in [-32768, 32767], in the arg's top 16 bits)
    LOAD_FAST_LOAD_CONST = kFirst,   // arg: local | const index << 16
    LOAD_FAST_ADD_CONST,             // LOAD_FAST; LOAD_CONST k; BINARY_OP + (or +=). arg: local | k
    LOAD_FAST_SUB_CONST,             // the same with -
    LOAD_FAST_COMPARE_CONST_JUMP,    // LOAD_FAST; LOAD_CONST k; COMPARE_OP; POP_JUMP_IF_*;
                                     // arg: local (12 bits) | jump mask << 12 | k (interp_support.h jumpMask)
    COMPARE_OP_JUMP,                 // COMPARE_OP; POP_JUMP_IF_*; arg: compare op | jump mask << 8
    LOAD_FAST_RETURN,                // LOAD_FAST; RETURN_VALUE
    LOAD_CONST_RETURN,               // LOAD_CONST; RETURN_VALUE
    kEnd
};
}  // namespace superop

// LOAD_GLOBAL's inline cache, one per name of a code object: where the name
// was found, valid while the globals (and, for a builtin, the builtins) dict
// has had no key added or removed since (dict versions are never reused).
struct GlobalCacheEntry {
    const DictObj* globals = nullptr;
    uint64_t globalsVersion = 0;
    const DictObj* builtins = nullptr;    // null: the name is a global
    uint64_t builtinsVersion = 0;
    uint32_t entry = 0;                   // index in the owning dict's entries
};

struct CodeObj : Obj {
    static constexpr Kind kKind = Kind::Code;
    CodeObj() : Obj(kKind) {}

    std::shared_ptr<const bytecode::CodeUnit> m_unit;
    std::vector<Instr> m_code;
    std::vector<int32_t> m_lines;      // lineAt(ip) of every instruction (the line hook's argument)
    std::vector<Value> m_consts;
    std::vector<Value> m_names;        // interned StrObj
    std::vector<Value> m_varnames;     // interned StrObj
    Value m_name, m_qualname;          // str
    int32_t m_nlocals = 0;
    int32_t m_ncells = 0;              // cellvars
    int32_t m_nfrees = 0;              // freevars
    int32_t m_stackSize = 0;
    uint32_t m_flags = 0;
    // Only positional parameters (no *args, **kwargs, keyword-only) and no
    // cells or free variables: a call with exactly its positional arguments
    // takes makeFrame's short path.
    bool m_plainArgs = false;
    // m_plainArgs and not a generator, coroutine or async generator: a call
    // with exactly m_argcount positional arguments runs CALL_FUNCTION's short path.
    bool m_fastCall = false;
    int32_t m_argcount = 0;            // the unit's argcount, kept here for the call path
    std::vector<GlobalCacheEntry> m_globalCache;   // one per name (sized at load), filled by LOAD_GLOBAL
    CodeEvents m_events;               // written by the code event sink's owner (code_event_sink.h)

    const bytecode::CodeUnit& unit() const { return *m_unit; }
    int32_t lineAt(size_t ip) const { return ip < m_unit->spans.size() ? m_unit->spans[ip].line : m_unit->firstLine; }
    void clearRefs() override { m_consts.clear(); m_names.clear(); m_varnames.clear(); m_name = m_qualname = Value(); }
};

struct CellObj : Obj {
    static constexpr Kind kKind = Kind::Cell;
    CellObj() : Obj(kKind), m_value(Value::unbound()) {}
    explicit CellObj(Value v) : Obj(kKind), m_value(std::move(v)) {}
    Value m_value;     // Unbound: empty cell
    void clearRefs() override { m_value = Value(); }
};

struct FunctionObj : Obj {
    static constexpr Kind kKind = Kind::Function;
    FunctionObj() : Obj(kKind) {}
    Ref<CodeObj> m_code;
    Value m_globals;      // DictObj
    Value m_defaults;     // TupleObj or None
    Value m_kwdefaults;   // DictObj or None
    Value m_closure;      // TupleObj of CellObj or None
    Value m_name;         // str
    Value m_qualname;     // str
    Value m_module;       // str or None (__module__)
    Value m_doc;          // None
    Value m_dict;         // DictObj or None (function attributes, made on first set)
    void clearRefs() override;
};

// A function written in C++. Called with CallArgs (see native.h). When it is
// found on a type and looked up through an instance it binds: the call gets
// the instance as args.self.
struct NativeFunctionObj : Obj {
    static constexpr Kind kKind = Kind::NativeFunction;
    NativeFunctionObj(std::string name, NativeFn fn) : Obj(kKind), m_name(std::move(name)), m_fn(fn) {}
    std::string m_name;       // "len", "append"
    std::string m_qualname;   // "list.append" for reprs; may be empty
    NativeFn m_fn;
    Value m_self = Value::unbound();   // bound self (Unbound: not bound)
    Value m_data;                      // free slot for the native's own use
    bool m_isMethod = false;           // a method of a type: binds to instances
    bool m_isClassMethod = false;      // binds to the type (dict.fromkeys)
    void clearRefs() override { m_self = m_data = Value(); }
};

struct BoundMethodObj : Obj {
    static constexpr Kind kKind = Kind::BoundMethod;
    BoundMethodObj(Value f, Value s) : Obj(kKind), m_func(std::move(f)), m_self(std::move(s)) {}
    Value m_func;   // FunctionObj (or any callable)
    Value m_self;
    void clearRefs() override { m_func = m_self = Value(); }
};

struct PropertyObj : Obj {
    static constexpr Kind kKind = Kind::Property;
    PropertyObj() : Obj(kKind) {}
    Value m_get, m_set, m_del, m_doc;   // None when absent
    void clearRefs() override { m_get = m_set = m_del = m_doc = Value(); }
};

struct StaticMethodObj : Obj {
    static constexpr Kind kKind = Kind::StaticMethod;
    explicit StaticMethodObj(Value f) : Obj(kKind), m_func(std::move(f)) {}
    Value m_func;
    void clearRefs() override { m_func = Value(); }
};

struct ClassMethodObj : Obj {
    static constexpr Kind kKind = Kind::ClassMethod;
    explicit ClassMethodObj(Value f) : Obj(kKind), m_func(std::move(f)) {}
    Value m_func;
    void clearRefs() override { m_func = Value(); }
};

}  // namespace aw::vm
