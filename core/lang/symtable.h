#pragma once
// The symbol table: which scope every name of a program lives in, computed
// before code generation exactly as CPython's symtable.c does it (two passes:
// collect the uses and definitions of each block, then resolve them from the
// module down, turning captured locals into cells and passing free variables
// up through the blocks in between).
//
// Blocks: the module, each function, lambda, class body and comprehension
// (a comprehension is a function block whose only parameter is `.0`, the
// iterator of its first `for`). A class body's names are not visible to the
// functions inside it; a method using super() or __class__ gets a free
// variable `__class__`, which the class body provides as a cell.

#include "core/lang/ast.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace aw::lang {

enum class BlockKind : uint8_t { Module, Function, Class };

// Where a name resolves, as CPython's symtable scopes.
enum class NameScope : uint8_t { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// Definition flags, as CPython's DEF_* bits.
namespace symflag {
inline constexpr uint32_t kGlobal = 1 << 0;      // `global x` in this block
inline constexpr uint32_t kLocal = 1 << 1;       // assigned in this block
inline constexpr uint32_t kParam = 1 << 2;       // a parameter
inline constexpr uint32_t kNonlocal = 1 << 3;    // `nonlocal x`
inline constexpr uint32_t kUse = 1 << 4;         // read in this block
inline constexpr uint32_t kFreeClass = 1 << 5;   // class-body name that a method also captures
inline constexpr uint32_t kImport = 1 << 6;      // bound by an import
inline constexpr uint32_t kAnnot = 1 << 7;       // annotated (x: int)
inline constexpr uint32_t kCompIter = 1 << 8;    // a comprehension's iteration variable
inline constexpr uint32_t kBound = kLocal | kParam | kImport;
}  // namespace symflag

struct Symbol {
    uint32_t flags = 0;
    NameScope scope = NameScope::Unknown;
};

struct Scope {
    BlockKind kind = BlockKind::Module;
    std::string name;                 // "top", "f", "lambda", "listcomp", "genexpr", "C"
    const void* node = nullptr;       // the AST node that opened the block
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children;   // in source order

    std::map<std::string, Symbol> symbols;          // keyed by (mangled) name
    std::vector<std::string> params;                // parameter names in varnames order
    std::map<std::string, SourceSpan> directives;   // where `global`/`nonlocal` named each name

    bool isLambda = false;
    bool isComprehension = false;
    bool isAsync = false;          // async def
    bool isGenerator = false;      // contains yield (a genexp always)
    bool isCoroutine = false;      // contains await / async for / async with / async comprehension
    bool nested = false;           // inside a function
    bool hasFree = false;          // it has free variables
    bool childFree = false;        // a child block has free variables
    bool needsClassClosure = false;   // class body: a method uses __class__/super
    bool hasVarargs = false;
    bool hasVarkeywords = false;
    int posonlyCount = 0, argCount = 0, kwonlyCount = 0;
    std::string privateName;       // enclosing class name for mangling (__x -> _C__x)

    NameScope scopeOf(const std::string& name) const;
    uint32_t flagsOf(const std::string& name) const;
};

// `__x` inside class C is `_C__x` (CPython's _Py_Mangle).
std::string mangleName(const std::string& privateName, const std::string& name);

class SymbolTable {
public:
    // Throws SyntaxError for misplaced global/nonlocal, duplicate parameters
    // and walrus misuse in comprehensions.
    static std::unique_ptr<SymbolTable> build(const ast::Module& module);

    const Scope* top() const { return m_top.get(); }
    // The block an ast::FunctionDef / ClassDef / Lambda / comprehension opened.
    const Scope* scopeFor(const void* node) const;

private:
    friend class SymtableBuilder;
    std::unique_ptr<Scope> m_top;
    std::unordered_map<const void*, Scope*> m_byNode;
};

}  // namespace aw::lang
