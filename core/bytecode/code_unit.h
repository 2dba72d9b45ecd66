#pragma once
// What the compiler produces and the VM loads: one CodeUnit per function,
// lambda, comprehension, class body and module. It holds no VM objects (its
// constants are plain C++ values), so core/lang does not depend on core/vm;
// the VM turns each CodeUnit into its own code object once, at load.

#include "core/lang/source.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace aw::bytecode {

enum class Opcode : uint8_t {
#define OPCODE(name, doc) name,
#include "core/bytecode/opcodes.def"
#undef OPCODE
};

inline constexpr const char* kOpcodeNames[] = {
#define OPCODE(name, doc) #name,
#include "core/bytecode/opcodes.def"
#undef OPCODE
};

// BINARY_OP's arg: the operator, plus kInplace for `x op= y`.
enum class BinaryOpArg : uint32_t {
    Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
};
inline constexpr uint32_t kInplace = 0x100;

// COMPARE_OP's arg.
enum class CompareOpArg : uint32_t { Lt, Le, Eq, Ne, Gt, Ge };

// MAKE_FUNCTION's arg bits.
inline constexpr uint32_t kMakeDefaults = 1, kMakeKwDefaults = 2, kMakeClosure = 8;

struct Instruction {
    Opcode op;
    uint32_t arg = 0;
};

struct CodeUnit;

// A constant of the code unit's pool.
struct NoneConst { bool operator==(const NoneConst&) const = default; };
struct EllipsisConst { bool operator==(const EllipsisConst&) const = default; };
struct StrTuple {            // keyword-name tuples for CALL_FUNCTION_KW / BUILD_CONST_KEY_MAP
    std::vector<std::string> items;
    bool operator==(const StrTuple&) const = default;
};
using Constant = std::variant<NoneConst, bool, int64_t, double, std::string, EllipsisConst,
                              StrTuple, std::shared_ptr<const CodeUnit>>;

enum CodeFlags : uint32_t {
    kVarargs = 1 << 0,         // has *args (its local follows the named parameters)
    kVarkeywords = 1 << 1,     // has **kwargs (its local follows *args, or the named ones)
    kGenerator = 1 << 2,       // def with yield
    kCoroutine = 1 << 3,       // async def
    kAsyncGenerator = 1 << 4,  // async def with yield
    kNewLocals = 1 << 5,       // function: fast locals. Clear for module and class bodies (LOAD_NAME)
    kClassBody = 1 << 6,
    kModule = 1 << 7,
    kComprehension = 1 << 8,   // a comprehension's hidden function (takes `.0`, the iterator)
    kLambda = 1 << 9,
};

struct CodeUnit {
    std::string name;           // "f", "<lambda>", "<listcomp>", "<module>", "C"
    std::string qualname;       // "C.method.<locals>.inner"
    std::string filename;
    int32_t firstLine = 0;

    std::vector<Instruction> code;
    std::vector<lang::SourceSpan> spans;   // one per instruction: the expression it belongs to
    std::vector<bool> startsLine;          // per instruction: first instruction of a statement's line

    std::vector<Constant> consts;
    std::vector<std::string> names;        // attribute, global and module names
    std::vector<std::string> varnames;     // fast locals: parameters first, in order:
                                           // posonly, positional, kwonly, *args, **kwargs
    std::vector<std::string> cellvars;     // locals captured by inner functions
    std::vector<std::string> freevars;     // captured from outer functions
    // A parameter that is also a cell: cell2arg[i] is the varnames index of
    // cellvars[i], or -1. The VM copies such arguments into their cells at entry.
    std::vector<int32_t> cell2arg;

    int32_t argcount = 0;          // positional parameters, posonly included
    int32_t posonlyargcount = 0;
    int32_t kwonlyargcount = 0;
    uint32_t flags = 0;
    int32_t maxStack = 0;          // deepest value stack the code can reach (a hint)
};

}  // namespace aw::bytecode
