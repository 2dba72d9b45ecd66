#pragma once
// The compiler's private state, shared by compiler_*.cpp (one file per
// concern: core/emit, statements, expressions, functions/classes/
// comprehensions, exception blocks). See compiler.h for what it emits.

#include "core/bytecode/code_unit.h"
#include "core/lang/ast.h"
#include "core/lang/symtable.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aw::lang::detail {

using bytecode::Opcode;

// What an early exit (return / break / continue) must undo, innermost last.
enum class FBlockKind : uint8_t {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith,
    HandlerCleanup, PopValue, ExceptionHandler, ExceptStarHandler,
};

struct FBlock {
    FBlock() = default;
    explicit FBlock(FBlockKind k, int start_ = -1, int exit_ = -1) : kind(k), start(start_), exit(exit_) {}
    FBlockKind kind = FBlockKind::WhileLoop;
    int start = -1;                              // loops: the continue label
    int exit = -1;                               // loops: the break label
    const ast::StmtList* finalBody = nullptr;    // FinallyTry
    std::string handlerName;                     // HandlerCleanup with `as name`
    bool named = false;
};

enum class UnitType : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct Unit {
    const Scope* scope = nullptr;
    UnitType type = UnitType::Module;
    std::shared_ptr<bytecode::CodeUnit> code;
    std::vector<int> labels;                      // label -> instruction index
    std::vector<FBlock> fblocks;
    std::map<std::string, uint32_t> names, varnames, cellvars, freevars;
    std::string privateName;                      // class name for mangling
    SourceSpan span;                              // span given to emitted instructions
    bool pendingLineStart = false;
    int lastStmtLine = -1;
};

class Compiler {
public:
    Compiler(const SymbolTable& table, std::string filename) : m_table(table), m_filename(std::move(filename)) {}

    std::shared_ptr<const bytecode::CodeUnit> compileModule(const ast::Module& module);

    // ---- units (compiler_core.cpp)
    void enterUnit(const Scope* scope, UnitType type, const std::string& name, const SourceSpan& span);
    std::shared_ptr<const bytecode::CodeUnit> exitUnit();
    Unit& u() { return *m_units.back(); }
    Unit* parentUnit() { return m_units.size() >= 2 ? m_units[m_units.size() - 2].get() : nullptr; }

    // ---- emitting (compiler_core.cpp)
    int newLabel();
    void bind(int label);
    void emit(Opcode op, uint32_t arg = 0);
    void emitJump(Opcode op, int label) { emit(op, uint32_t(label)); }
    void loadConst(bytecode::Constant c);
    uint32_t constIndex(const bytecode::Constant& c);
    uint32_t nameIndex(const std::string& name);
    uint32_t varIndex(const std::string& name);
    void emitNameOp(const std::string& name, ast::ExprContext ctx);
    void emitAttrOp(Opcode op, const std::string& attr) { emit(op, nameIndex(mangle(attr))); }
    std::string mangle(const std::string& name) const { return mangleName(m_units.back()->privateName, name); }
    void markLineStart() { u().pendingLineStart = true; }

    // RAII: instructions emitted while alive carry `span`.
    struct SpanGuard {
        Compiler& c;
        SourceSpan saved;
        SpanGuard(Compiler& c_, const SourceSpan& s) : c(c_), saved(c_.u().span) { c.u().span = s; }
        ~SpanGuard() { c.u().span = saved; }
    };

    [[noreturn]] void error(const std::string& message, const SourceSpan& span);

    // ---- block bookkeeping (compiler_except.cpp)
    void pushFBlock(FBlock b, const SourceSpan& span);
    void popFBlock() { u().fblocks.pop_back(); }
    void unwindFBlock(const FBlock& b, bool preserveTos);
    // Emits the exit code of every open block, innermost first. With `loop`,
    // stops at the innermost loop (not unwound), copies it there and returns
    // whether there was one.
    bool unwindFBlockStack(bool preserveTos, FBlock* loop);
    void callExitWithNones();

    // ---- statements (compiler_stmt.cpp)
    void visitStmts(const ast::StmtList& body);
    void visitStmt(const ast::Stmt& s);
    void visitFor(const ast::For& s);
    void visitAsyncFor(const ast::For& s);
    void visitWhile(const ast::While& s);
    void visitIf(const ast::If& s);
    void visitImport(const ast::Import& s);
    void visitImportFrom(const ast::ImportFrom& s);
    void visitAugAssign(const ast::AugAssign& s);
    void visitReturn(const ast::Return& s);
    void visitBreakContinue(const ast::Stmt& s, bool isBreak);

    // ---- exception blocks (compiler_except.cpp)
    void visitTry(const ast::Try& s);
    void visitTryExcept(const ast::Try& s);
    void visitTryFinally(const ast::Try& s);
    void visitTryStar(const ast::Try& s);
    void visitWith(const ast::With& s, size_t item);
    void visitAsyncWith(const ast::With& s, size_t item);
    void visitRaise(const ast::Raise& s);
    void visitAssert(const ast::Assert& s);

    // ---- expressions (compiler_expr.cpp)
    void visitExpr(const ast::Expr& e);
    void visitExprs(const ast::ExprList& list) { for (const auto& e : list) visitExpr(*e); }
    void visitStore(const ast::Expr& target);     // value on top of stack
    void visitDelete(const ast::Expr& target);
    void visitCall(const ast::Call& e);
    void callHelper(size_t alreadyPushed, const ast::ExprList& args, const std::vector<ast::Keyword>& keywords);
    void visitCompare(const ast::Compare& e);
    void visitBoolOp(const ast::BoolOp& e);
    void visitJumpIf(const ast::Expr& e, bool jumpIfTrue, int label);
    void visitSequence(const ast::ExprList& elts, Opcode build, bool isTuple);
    void visitDict(const ast::Dict& e);
    void visitUnpack(const ast::ExprList& elts, const ast::Expr& owner);
    void visitFString(const ast::JoinedStr& e);
    void visitFormattedValue(const ast::FormattedValue& e);
    void visitSubscript(const ast::Subscript& e);
    void visitSlice(const ast::Slice& e);
    void visitAwaitLike(const ast::Expr& e);
    void checkStoreTarget(const ast::Expr& target, bool del);

    // ---- functions, classes, comprehensions (compiler_func.cpp)
    void visitFunctionDef(const ast::FunctionDef& s);
    void visitClassDef(const ast::ClassDef& s);
    void visitLambda(const ast::Lambda& e);
    void visitComprehension(const ast::Expr& e);
    uint32_t visitDefaults(const ast::Arguments& args);
    void makeClosure(const std::shared_ptr<const bytecode::CodeUnit>& code, uint32_t flags);
    void setArguments(const Scope* scope);
    void comprehensionGenerator(const std::vector<ast::Comprehension>& gens, size_t index, int depth,
                                const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val);
    void asyncComprehensionGenerator(const std::vector<ast::Comprehension>& gens, size_t index, int depth,
                                     const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val);
    void comprehensionElement(const ast::Expr& e, const ast::Expr* elt, const ast::Expr* val, int depth);
    uint32_t closureIndex(const std::string& name);
    bool isFunctionLike() const;

    const SymbolTable& m_table;
    std::string m_filename;
    std::vector<std::unique_ptr<Unit>> m_units;
};

// BINARY_OP's argument for an AST operator (compiler_stmt.cpp).
uint32_t operatorArg(ast::Operator op);

// Stack depth analysis and label resolution (compiler_core.cpp).
int computeMaxStack(const bytecode::CodeUnit& code);
// Empty when every path reaches each instruction with the same stack depth
// (as CPython's assembler requires); else what is wrong. For tests.
std::string checkStackDepths(const bytecode::CodeUnit& code);
bool isJumpOpcode(Opcode op);

}  // namespace aw::lang::detail
