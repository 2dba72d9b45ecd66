// The compiler's machinery: code units, labels, constants and names, the
// scope-directed choice of name opcodes, and the stack-depth pass.

#include "core/lang/compiler.h"
#include "core/lang/compiler_impl.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace aw::lang {

std::shared_ptr<const bytecode::CodeUnit> compileModule(const ast::Module& module, const std::string& filename)
{
    auto table = SymbolTable::build(module);
    detail::Compiler compiler(*table, filename);
    return compiler.compileModule(module);
}

namespace detail {

using namespace bytecode;

std::shared_ptr<const CodeUnit> Compiler::compileModule(const ast::Module& module)
{
    SourceSpan first{1, 0, 1, 0};
    if (!module.body.empty())
        first = module.body.front()->span;
    enterUnit(m_table.top(), UnitType::Module, "<module>", first);
    visitStmts(module.body);
    if (!module.body.empty())
        u().span = module.body.back()->span;
    loadConst(NoneConst{});
    emit(Opcode::RETURN_VALUE);
    return exitUnit();
}

void Compiler::enterUnit(const Scope* scope, UnitType type, const std::string& name, const SourceSpan& span)
{
    auto unit = std::make_unique<Unit>();
    unit->scope = scope;
    unit->type = type;
    unit->span = span;
    unit->privateName = m_units.empty() ? std::string() : u().privateName;
    if (type == UnitType::Class)
        unit->privateName = name;
    auto code = std::make_shared<CodeUnit>();
    code->name = name;
    code->filename = m_filename;
    code->firstLine = span.line;

    // qualname as CPython's compiler_set_qualname.
    std::string qual = name;
    if (Unit* parent = m_units.empty() ? nullptr : m_units.back().get(); parent && parent->type != UnitType::Module) {
        bool forceGlobal = false;
        if (type == UnitType::Function || type == UnitType::AsyncFunction || type == UnitType::Class) {
            if (parent->scope->scopeOf(mangleName(parent->privateName, name)) == NameScope::GlobalExplicit)
                forceGlobal = true;
        }
        if (!forceGlobal) {
            const std::string& base = parent->code->qualname;
            if (parent->type == UnitType::Function || parent->type == UnitType::AsyncFunction ||
                parent->type == UnitType::Lambda)
                qual = base + ".<locals>." + name;
            else
                qual = base + "." + name;
        }
    }
    code->qualname = qual;

    // Parameters first, then cells and free variables from the symbol table.
    for (const auto& p : scope->params) {
        unit->varnames[p] = uint32_t(code->varnames.size());
        code->varnames.push_back(p);
    }
    std::vector<std::string> cells, frees;
    if (scope->needsClassClosure)
        cells.push_back("__class__");
    for (const auto& [n, sym] : scope->symbols) {
        if (sym.scope == NameScope::Cell)
            cells.push_back(n);
        if (sym.scope == NameScope::Free || (sym.flags & symflag::kFreeClass))
            frees.push_back(n);
    }
    // std::map iteration is already sorted, as CPython sorts them; __class__
    // (class bodies only, which have no other cells) stays first.
    for (const auto& c : cells) {
        unit->cellvars[c] = uint32_t(code->cellvars.size());
        code->cellvars.push_back(c);
        auto it = unit->varnames.find(c);
        code->cell2arg.push_back(it == unit->varnames.end() ? -1 : int32_t(it->second));
    }
    if (std::all_of(code->cell2arg.begin(), code->cell2arg.end(), [](int32_t v) { return v < 0; }))
        code->cell2arg.clear();
    for (const auto& f : frees) {
        unit->freevars[f] = uint32_t(code->freevars.size());
        code->freevars.push_back(f);
    }

    code->argcount = scope->argCount;
    code->posonlyargcount = scope->posonlyCount;
    code->kwonlyargcount = scope->kwonlyCount;
    uint32_t flags = 0;
    switch (type) {
    case UnitType::Module: flags |= kModule; break;
    case UnitType::Class: flags |= kClassBody; break;
    default: flags |= kNewLocals; break;
    }
    if (scope->kind == BlockKind::Function) {
        if (scope->isGenerator && !scope->isCoroutine)
            flags |= kGenerator;
        if (!scope->isGenerator && scope->isCoroutine)
            flags |= kCoroutine;
        if (scope->isGenerator && scope->isCoroutine)
            flags |= kAsyncGenerator;
        if (scope->hasVarargs)
            flags |= kVarargs;
        if (scope->hasVarkeywords)
            flags |= kVarkeywords;
    }
    if (type == UnitType::Comprehension)
        flags |= kComprehension;
    if (type == UnitType::Lambda)
        flags |= kLambda;
    code->flags = flags;
    unit->code = std::move(code);
    m_units.push_back(std::move(unit));
}

std::shared_ptr<const CodeUnit> Compiler::exitUnit()
{
    Unit& unit = u();
    CodeUnit& code = *unit.code;
    for (auto& ins : code.code) {
        if (isJumpOpcode(ins.op))
            ins.arg = uint32_t(unit.labels.at(ins.arg));
    }
    code.maxStack = computeMaxStack(code);
    std::shared_ptr<const CodeUnit> result = unit.code;
    m_units.pop_back();
    return result;
}

int Compiler::newLabel()
{
    u().labels.push_back(-1);
    return int(u().labels.size() - 1);
}

void Compiler::bind(int label)
{
    u().labels[size_t(label)] = int(u().code->code.size());
}

void Compiler::emit(Opcode op, uint32_t arg)
{
    Unit& unit = u();
    unit.code->code.push_back(Instruction{op, arg});
    unit.code->spans.push_back(unit.span);
    unit.code->startsLine.push_back(unit.pendingLineStart);
    unit.pendingLineStart = false;
}

namespace {
bool sameConstant(const Constant& a, const Constant& b)
{
    if (a.index() != b.index())
        return false;
    if (auto* da = std::get_if<double>(&a)) {
        double db = std::get<double>(b);
        return std::memcmp(da, &db, sizeof db) == 0;   // keeps 0.0 and -0.0 apart
    }
    return a == b;   // code units compare by pointer
}
}  // namespace

uint32_t Compiler::constIndex(const Constant& c)
{
    auto& consts = u().code->consts;
    for (size_t i = 0; i < consts.size(); ++i)
        if (sameConstant(consts[i], c))
            return uint32_t(i);
    consts.push_back(c);
    return uint32_t(consts.size() - 1);
}

void Compiler::loadConst(Constant c)
{
    emit(Opcode::LOAD_CONST, constIndex(c));
}

uint32_t Compiler::nameIndex(const std::string& name)
{
    auto& map = u().names;
    auto it = map.find(name);
    if (it != map.end())
        return it->second;
    uint32_t index = uint32_t(u().code->names.size());
    u().code->names.push_back(name);
    map[name] = index;
    return index;
}

uint32_t Compiler::varIndex(const std::string& name)
{
    auto& map = u().varnames;
    auto it = map.find(name);
    if (it != map.end())
        return it->second;
    uint32_t index = uint32_t(u().code->varnames.size());
    u().code->varnames.push_back(name);
    map[name] = index;
    return index;
}

void Compiler::emitNameOp(const std::string& rawName, ast::ExprContext ctx)
{
    using C = ast::ExprContext;
    Unit& unit = u();
    std::string name = mangle(rawName);
    NameScope scope = unit.scope->scopeOf(name);
    bool function = unit.scope->kind == BlockKind::Function;
    enum { Fast, Deref, Global, ByName } kind = ByName;
    uint32_t derefIndex = 0;
    switch (scope) {
    case NameScope::Free:
        kind = Deref;
        derefIndex = uint32_t(unit.code->cellvars.size()) + unit.freevars.at(name);
        break;
    case NameScope::Cell:
        kind = Deref;
        derefIndex = unit.cellvars.at(name);
        break;
    case NameScope::Local:
        if (function)
            kind = Fast;
        break;
    case NameScope::GlobalImplicit:
        if (function)
            kind = Global;
        break;
    case NameScope::GlobalExplicit: kind = Global; break;
    case NameScope::Unknown: break;
    }
    switch (kind) {
    case Fast:
        emit(ctx == C::Load ? Opcode::LOAD_FAST : ctx == C::Store ? Opcode::STORE_FAST : Opcode::DELETE_FAST,
             varIndex(name));
        return;
    case Deref:
        if (ctx == C::Load)
            emit(unit.scope->kind == BlockKind::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF, derefIndex);
        else
            emit(ctx == C::Store ? Opcode::STORE_DEREF : Opcode::DELETE_DEREF, derefIndex);
        return;
    case Global:
        emit(ctx == C::Load ? Opcode::LOAD_GLOBAL : ctx == C::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL,
             nameIndex(name));
        return;
    case ByName:
        emit(ctx == C::Load ? Opcode::LOAD_NAME : ctx == C::Store ? Opcode::STORE_NAME : Opcode::DELETE_NAME,
             nameIndex(name));
        return;
    }
}

void Compiler::error(const std::string& message, const SourceSpan& span)
{
    // A span that goes on past its first line: INT32_MAX tells formatSyntaxError
    // to underline to the end of that line, as CPython does.
    throw SyntaxError("SyntaxError", message, span.line, span.col,
                      span.endLine == span.line ? span.endCol : std::numeric_limits<int32_t>::max());
}

bool Compiler::isFunctionLike() const
{
    return m_units.back()->scope->kind == BlockKind::Function;
}

// ------------------------------------------------------------ stack depth

bool isJumpOpcode(Opcode op)
{
    switch (op) {
    case Opcode::JUMP:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER:
    case Opcode::SETUP_FINALLY:
    case Opcode::SETUP_WITH:
    case Opcode::SETUP_ASYNC_WITH:
    case Opcode::JUMP_IF_NOT_EXC_MATCH:
        return true;
    default:
        return false;
    }
}

namespace {

// The stack effect of `ins` when it falls through (jump=false) or jumps.
int stackEffect(const Instruction& ins, bool jump)
{
    const int arg = int(ins.arg);
    switch (ins.op) {
    case Opcode::NOP: case Opcode::ROT_TWO: case Opcode::ROT_THREE: case Opcode::ROT_FOUR: return 0;
    case Opcode::POP_TOP: return -1;
    case Opcode::DUP_TOP: return 1;
    case Opcode::DUP_TOP_TWO: return 2;
    case Opcode::LOAD_CONST: case Opcode::LOAD_FAST: case Opcode::LOAD_DEREF: case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_GLOBAL: case Opcode::LOAD_NAME: case Opcode::LOAD_CLASSDEREF:
    case Opcode::LOAD_BUILD_CLASS: case Opcode::LOAD_ASSERTION_ERROR:
        return 1;
    case Opcode::STORE_FAST: case Opcode::STORE_DEREF: case Opcode::STORE_GLOBAL: case Opcode::STORE_NAME: return -1;
    case Opcode::DELETE_FAST: case Opcode::DELETE_DEREF: case Opcode::DELETE_GLOBAL: case Opcode::DELETE_NAME: return 0;
    case Opcode::LOAD_ATTR: return 0;
    case Opcode::STORE_ATTR: return -2;
    case Opcode::DELETE_ATTR: return -1;
    case Opcode::LOAD_METHOD: return 1;
    case Opcode::CALL_METHOD: return -(arg + 1);
    case Opcode::BINARY_SUBSCR: return -1;
    case Opcode::STORE_SUBSCR: return -3;
    case Opcode::DELETE_SUBSCR: return -2;
    case Opcode::BUILD_SLICE: return -(arg - 1);
    case Opcode::BINARY_OP: case Opcode::COMPARE_OP: case Opcode::IS_OP: case Opcode::CONTAINS_OP: return -1;
    case Opcode::UNARY_POSITIVE: case Opcode::UNARY_NEGATIVE: case Opcode::UNARY_NOT: case Opcode::UNARY_INVERT: return 0;
    case Opcode::JUMP: return 0;
    case Opcode::POP_JUMP_IF_FALSE: case Opcode::POP_JUMP_IF_TRUE: return -1;
    case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Opcode::GET_ITER: return 0;
    case Opcode::FOR_ITER: return jump ? -1 : 1;
    case Opcode::BUILD_TUPLE: case Opcode::BUILD_LIST: case Opcode::BUILD_SET: case Opcode::BUILD_STRING: return 1 - arg;
    case Opcode::BUILD_MAP: return 1 - 2 * arg;
    case Opcode::BUILD_CONST_KEY_MAP: return -arg;
    case Opcode::LIST_APPEND: case Opcode::SET_ADD: case Opcode::LIST_EXTEND: case Opcode::SET_UPDATE:
    case Opcode::DICT_UPDATE: case Opcode::DICT_MERGE:
        return -1;
    case Opcode::MAP_ADD: return -2;
    case Opcode::LIST_TO_TUPLE: return 0;
    case Opcode::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Opcode::UNPACK_SEQUENCE: return arg - 1;
    case Opcode::UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case Opcode::CALL_FUNCTION: return -arg;
    case Opcode::CALL_FUNCTION_KW: return -arg - 1;
    case Opcode::CALL_FUNCTION_EX: return -1 - (arg & 1);
    case Opcode::MAKE_FUNCTION:
        return -(((arg & kMakeDefaults) ? 1 : 0) + ((arg & kMakeKwDefaults) ? 1 : 0) + ((arg & kMakeClosure) ? 1 : 0));
    case Opcode::RETURN_VALUE: return -1;
    case Opcode::SETUP_FINALLY: return jump ? 1 : 0;
    case Opcode::POP_BLOCK: case Opcode::POP_EXCEPT: return 0;
    case Opcode::RERAISE: return -1;
    case Opcode::RAISE_VARARGS: return -arg;
    case Opcode::JUMP_IF_NOT_EXC_MATCH: return -2;
    case Opcode::SETUP_WITH: return 1;              // [mgr] -> [exit, value]; handler: [exit, exc]
    case Opcode::WITH_EXCEPT_START: return 1;
    case Opcode::BEFORE_ASYNC_WITH: return 1;
    case Opcode::SETUP_ASYNC_WITH: return 0;        // handler: [aexit, exc]
    case Opcode::YIELD_VALUE: return 0;
    case Opcode::GET_YIELD_FROM_ITER: return 0;
    case Opcode::YIELD_FROM: return -1;
    case Opcode::GET_AWAITABLE: case Opcode::GET_AITER: return 0;
    case Opcode::GET_ANEXT: return 1;
    case Opcode::END_ASYNC_FOR: return -2;
    case Opcode::IMPORT_NAME: return -1;
    case Opcode::IMPORT_FROM: return 1;
    }
    return 0;
}

bool endsFlow(Opcode op)
{
    return op == Opcode::JUMP || op == Opcode::RETURN_VALUE || op == Opcode::RERAISE || op == Opcode::RAISE_VARARGS;
}

}  // namespace

std::string checkStackDepths(const CodeUnit& code)
{
    const size_t n = code.code.size();
    std::vector<int> depth(n, -1);
    std::vector<size_t> work;
    std::string problem;
    auto reach = [&](size_t from, size_t target, int d) {
        if (!problem.empty())
            return;
        if (target >= n) {
            problem = "instruction " + std::to_string(from) + " flows past the end";
            return;
        }
        if (d < 0) {
            problem = "negative stack depth reaching " + std::to_string(target);
            return;
        }
        if (depth[target] == -1) {
            depth[target] = d;
            work.push_back(target);
        } else if (depth[target] != d) {
            problem = "instruction " + std::to_string(target) + " reached with depths " +
                      std::to_string(depth[target]) + " and " + std::to_string(d) + " (from " +
                      std::to_string(from) + ")";
        }
    };
    if (n == 0)
        return "empty code";
    depth[0] = 0;
    work.push_back(0);
    while (!work.empty() && problem.empty()) {
        size_t i = work.back();
        work.pop_back();
        const Instruction& ins = code.code[i];
        if (isJumpOpcode(ins.op))
            reach(i, ins.arg, depth[i] + stackEffect(ins, true));
        if (!endsFlow(ins.op))
            reach(i, i + 1, depth[i] + stackEffect(ins, false));
        if (ins.op == Opcode::RETURN_VALUE && depth[i] != 1)
            problem = "RETURN_VALUE at " + std::to_string(i) + " with depth " + std::to_string(depth[i]);
    }
    return problem;
}

int computeMaxStack(const CodeUnit& code)
{
    const size_t n = code.code.size();
    std::vector<int> depth(n, -1);
    std::vector<size_t> work;
    int maxDepth = 0;
    auto reach = [&](size_t target, int d) {
        if (target >= n || d < 0)
            return;
        if (depth[target] < d) {   // keep the deepest entry: a safe upper bound
            depth[target] = d;
            work.push_back(target);
        }
    };
    reach(0, 0);
    while (!work.empty()) {
        size_t i = work.back();
        work.pop_back();
        int d = depth[i];
        const Instruction& ins = code.code[i];
        if (isJumpOpcode(ins.op)) {
            int jd = d + stackEffect(ins, true);
            maxDepth = std::max(maxDepth, jd);
            reach(ins.arg, jd);
        }
        if (!endsFlow(ins.op)) {
            int fd = d + stackEffect(ins, false);
            maxDepth = std::max(maxDepth, fd);
            // Intermediate peaks of calls etc. never exceed the inputs already counted.
            reach(i + 1, fd);
        }
        maxDepth = std::max(maxDepth, d);
    }
    return maxDepth;
}

}  // namespace detail
}  // namespace aw::lang
