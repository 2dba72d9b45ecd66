#pragma once
// The abstract syntax tree of the Python subset: the parser's output and the
// compiler's input. Shapes and names follow CPython's `ast` module, so a
// reader who knows `ast.dump` knows this file. Every node has its span.
//
// Nodes are owned by unique_ptr; a node's `kind` says which struct it is, so
// the compiler switches on kind and static_casts.

#include "core/lang/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aw::lang::ast {

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
    Name, Constant, JoinedStr, FormattedValue,
    BinOp, UnaryOp, BoolOp, Compare,
    Call, Attribute, Subscript, Slice, Starred,
    List, Tuple, Dict, Set,
    ListComp, SetComp, DictComp, GeneratorExp,
    Lambda, IfExp, Await, Yield, YieldFrom, NamedExpr,
};

enum class ExprContext : uint8_t { Load, Store, Del };

struct Expr {
    ExprKind kind;
    SourceSpan span;
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

struct Name : Expr {
    std::string id;
    ExprContext ctx = ExprContext::Load;
    Name() : Expr(ExprKind::Name) {}
};

enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Str };

struct Constant : Expr {
    ConstantKind ckind = ConstantKind::None;
    int64_t intValue = 0;      // Int (a literal too big for 64 bits is a SyntaxError-free
                               // OverflowError at compile time: the parser reports it)
    double floatValue = 0.0;   // Float
    std::string strValue;      // Str: already unescaped, UTF-8
    Constant() : Expr(ExprKind::Constant) {}
};

// f"..." : the pieces in order; each is a Constant(Str) or a FormattedValue.
struct JoinedStr : Expr {
    ExprList values;
    JoinedStr() : Expr(ExprKind::JoinedStr) {}
};

// {value!conversion:format_spec} inside an f-string. conversion is 0, 'r',
// 's' or 'a'. formatSpec is null or a JoinedStr (specs may nest fields).
// For the debug form f"{x=}", the parser emits a Constant "x=" before it and
// sets conversion to 'r' when no conversion or spec was given, as CPython does.
struct FormattedValue : Expr {
    ExprPtr value;
    char conversion = 0;
    ExprPtr formatSpec;
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
};

enum class Operator : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
};

struct BinOp : Expr {
    ExprPtr left;
    Operator op = Operator::Add;
    ExprPtr right;
    BinOp() : Expr(ExprKind::BinOp) {}
};

enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };

struct UnaryOp : Expr {
    UnaryOperator op = UnaryOperator::Not;
    ExprPtr operand;
    UnaryOp() : Expr(ExprKind::UnaryOp) {}
};

enum class BoolOperator : uint8_t { And, Or };

struct BoolOp : Expr {
    BoolOperator op = BoolOperator::And;
    ExprList values;   // two or more
    BoolOp() : Expr(ExprKind::BoolOp) {}
};

enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Compare : Expr {
    ExprPtr left;
    std::vector<CmpOp> ops;
    ExprList comparators;   // same length as ops
    Compare() : Expr(ExprKind::Compare) {}
};

// f(a, *b, k=c, **d): args may hold Starred; a keyword with no name is **d.
struct Keyword {
    std::optional<std::string> arg;
    ExprPtr value;
    SourceSpan span;
};

struct Call : Expr {
    ExprPtr func;
    ExprList args;
    std::vector<Keyword> keywords;
    Call() : Expr(ExprKind::Call) {}
};

struct Attribute : Expr {
    ExprPtr value;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
    Attribute() : Expr(ExprKind::Attribute) {}
};

// value[slice]; `slice` is a Slice node, a Tuple (a[1:2, 3]) or any expression.
struct Subscript : Expr {
    ExprPtr value;
    ExprPtr slice;
    ExprContext ctx = ExprContext::Load;
    Subscript() : Expr(ExprKind::Subscript) {}
};

struct Slice : Expr {
    ExprPtr lower, upper, step;   // each may be null
    Slice() : Expr(ExprKind::Slice) {}
};

struct Starred : Expr {
    ExprPtr value;
    ExprContext ctx = ExprContext::Load;
    Starred() : Expr(ExprKind::Starred) {}
};

struct List : Expr {
    ExprList elts;
    ExprContext ctx = ExprContext::Load;
    List() : Expr(ExprKind::List) {}
};

struct Tuple : Expr {
    ExprList elts;
    ExprContext ctx = ExprContext::Load;
    Tuple() : Expr(ExprKind::Tuple) {}
};

// {k: v, **m}: a null key means **values[i].
struct Dict : Expr {
    ExprList keys;
    ExprList values;
    Dict() : Expr(ExprKind::Dict) {}
};

struct Set : Expr {
    ExprList elts;
    Set() : Expr(ExprKind::Set) {}
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    ExprList ifs;
    bool isAsync = false;
};

struct ListComp : Expr {
    ExprPtr elt;
    std::vector<Comprehension> generators;
    ListComp() : Expr(ExprKind::ListComp) {}
};

struct SetComp : Expr {
    ExprPtr elt;
    std::vector<Comprehension> generators;
    SetComp() : Expr(ExprKind::SetComp) {}
};

struct DictComp : Expr {
    ExprPtr key, value;
    std::vector<Comprehension> generators;
    DictComp() : Expr(ExprKind::DictComp) {}
};

struct GeneratorExp : Expr {
    ExprPtr elt;
    std::vector<Comprehension> generators;
    GeneratorExp() : Expr(ExprKind::GeneratorExp) {}
};

// ------------------------------------------------------------------ arguments

struct Arg {
    std::string name;
    ExprPtr annotation;   // parsed, kept for spans, never evaluated
    SourceSpan span;
};

// def f(a, b=1, /, c=2, *args, d, e=3, **kw)
struct Arguments {
    std::vector<Arg> posonlyargs;
    std::vector<Arg> args;
    std::optional<Arg> vararg;
    std::vector<Arg> kwonlyargs;
    ExprList kwDefaults;           // parallel to kwonlyargs; null where none
    std::optional<Arg> kwarg;
    ExprList defaults;             // for the last N of posonlyargs + args
};

struct Lambda : Expr {
    Arguments args;
    ExprPtr body;
    Lambda() : Expr(ExprKind::Lambda) {}
};

struct IfExp : Expr {
    ExprPtr test, body, orelse;
    IfExp() : Expr(ExprKind::IfExp) {}
};

struct Await : Expr {
    ExprPtr value;
    Await() : Expr(ExprKind::Await) {}
};

struct Yield : Expr {
    ExprPtr value;   // may be null
    Yield() : Expr(ExprKind::Yield) {}
};

struct YieldFrom : Expr {
    ExprPtr value;
    YieldFrom() : Expr(ExprKind::YieldFrom) {}
};

struct NamedExpr : Expr {   // target := value
    ExprPtr target;         // a Name
    ExprPtr value;
    NamedExpr() : Expr(ExprKind::NamedExpr) {}
};

// ----------------------------------------------------------------- statements

enum class StmtKind : uint8_t {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, While, If, With, Raise, Try, Assert,
    Import, ImportFrom, Global, Nonlocal, ExprStmt, Pass, Break, Continue,
};

struct Stmt {
    StmtKind kind;
    SourceSpan span;
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

struct FunctionDef : Stmt {
    std::string name;
    Arguments args;
    StmtList body;
    ExprList decorators;
    ExprPtr returns;        // annotation, never evaluated
    bool isAsync = false;
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
};

struct ClassDef : Stmt {
    std::string name;
    ExprList bases;
    std::vector<Keyword> keywords;
    StmtList body;
    ExprList decorators;
    ClassDef() : Stmt(StmtKind::ClassDef) {}
};

struct Return : Stmt {
    ExprPtr value;   // may be null
    Return() : Stmt(StmtKind::Return) {}
};

struct Delete : Stmt {
    ExprList targets;
    Delete() : Stmt(StmtKind::Delete) {}
};

// a = b = value: targets holds a and b.
struct Assign : Stmt {
    ExprList targets;
    ExprPtr value;
    Assign() : Stmt(StmtKind::Assign) {}
};

struct AugAssign : Stmt {
    ExprPtr target;
    Operator op = Operator::Add;
    ExprPtr value;
    AugAssign() : Stmt(StmtKind::AugAssign) {}
};

// x: int = 3 — the annotation is never evaluated; with no value nothing runs.
struct AnnAssign : Stmt {
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value;   // may be null
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
};

struct For : Stmt {
    ExprPtr target, iter;
    StmtList body, orelse;
    bool isAsync = false;
    For() : Stmt(StmtKind::For) {}
};

struct While : Stmt {
    ExprPtr test;
    StmtList body, orelse;
    While() : Stmt(StmtKind::While) {}
};

// elif chains are nested Ifs in orelse, as in CPython.
struct If : Stmt {
    ExprPtr test;
    StmtList body, orelse;
    If() : Stmt(StmtKind::If) {}
};

struct WithItem {
    ExprPtr contextExpr;
    ExprPtr optionalVars;   // may be null
};

struct With : Stmt {
    std::vector<WithItem> items;
    StmtList body;
    bool isAsync = false;
    With() : Stmt(StmtKind::With) {}
};

struct Raise : Stmt {
    ExprPtr exc;     // may be null: bare raise
    ExprPtr cause;   // may be null
    Raise() : Stmt(StmtKind::Raise) {}
};

struct ExceptHandler {
    ExprPtr type;                    // may be null: bare except
    std::optional<std::string> name;
    StmtList body;
    SourceSpan span;
};

struct Try : Stmt {
    StmtList body;
    std::vector<ExceptHandler> handlers;
    StmtList orelse, finalbody;
    bool isStar = false;   // try/except* (CPython's TryStar): handlers match exception-group members
    Try() : Stmt(StmtKind::Try) {}
};

struct Assert : Stmt {
    ExprPtr test, msg;   // msg may be null
    Assert() : Stmt(StmtKind::Assert) {}
};

struct Alias {
    std::string name;                  // dotted for `import a.b`
    std::optional<std::string> asname;
    SourceSpan span;
};

struct Import : Stmt {
    std::vector<Alias> names;
    Import() : Stmt(StmtKind::Import) {}
};

struct ImportFrom : Stmt {
    std::string module;
    std::vector<Alias> names;   // `*` is rejected by the parser as unsupported
    int level = 0;
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
};

struct Global : Stmt {
    std::vector<std::string> names;
    Global() : Stmt(StmtKind::Global) {}
};

struct Nonlocal : Stmt {
    std::vector<std::string> names;
    Nonlocal() : Stmt(StmtKind::Nonlocal) {}
};

struct ExprStmt : Stmt {
    ExprPtr value;
    ExprStmt() : Stmt(StmtKind::ExprStmt) {}
};

struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

struct Module {
    StmtList body;
};

}  // namespace aw::lang::ast
