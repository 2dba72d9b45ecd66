#include "core/lang/symtable.h"

#include <limits>
#include <set>

namespace aw::lang {

using namespace symflag;

NameScope Scope::scopeOf(const std::string& name) const
{
    auto it = symbols.find(name);
    return it == symbols.end() ? NameScope::Unknown : it->second.scope;
}

uint32_t Scope::flagsOf(const std::string& name) const
{
    auto it = symbols.find(name);
    return it == symbols.end() ? 0 : it->second.flags;
}

std::string mangleName(const std::string& privateName, const std::string& name)
{
    if (privateName.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
        return name;
    if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0)
        return name;   // dunder names are never mangled
    if (name.find('.') != std::string::npos)
        return name;
    size_t strip = privateName.find_first_not_of('_');
    if (strip == std::string::npos)
        return name;   // a class named only with underscores
    return "_" + privateName.substr(strip) + name;
}

const Scope* SymbolTable::scopeFor(const void* node) const
{
    auto it = m_byNode.find(node);
    return it == m_byNode.end() ? nullptr : it->second;
}

namespace {

[[noreturn]] void fail(const std::string& message, const SourceSpan& span)
{
    // A span that goes on past its first line: INT32_MAX tells formatSyntaxError
    // to underline to the end of that line, as CPython does.
    throw SyntaxError("SyntaxError", message, span.line, span.col,
                      span.endLine == span.line ? span.endCol : std::numeric_limits<int32_t>::max());
}

using NameSet = std::set<std::string>;

}  // namespace

// Pass 1: walk the AST, one Scope per block, recording how each name is used.
class SymtableBuilder {
public:
    explicit SymtableBuilder(SymbolTable& table) : m_table(table) {}

    void buildModule(const ast::Module& module)
    {
        m_table.m_top = std::make_unique<Scope>();
        m_table.m_top->name = "top";
        m_table.m_top->kind = BlockKind::Module;
        m_top = m_table.m_top.get();
        m_cur = m_top;
        for (const auto& s : module.body)
            visitStmt(*s);
        NameSet free, global;
        analyzeBlock(*m_top, nullptr, free, global);
    }

private:
    SymbolTable& m_table;
    Scope* m_top = nullptr;
    Scope* m_cur = nullptr;
    // Comprehension bookkeeping, per block (CPython's ste_comp_iter_*).
    std::map<Scope*, int> m_compIterExpr;
    std::set<Scope*> m_compIterTarget;

    Scope* enterBlock(BlockKind kind, const std::string& name, const void* node)
    {
        auto scope = std::make_unique<Scope>();
        scope->kind = kind;
        scope->name = name;
        scope->node = node;
        scope->parent = m_cur;
        scope->nested = m_cur->nested || m_cur->kind == BlockKind::Function;
        scope->privateName = m_cur->privateName;
        Scope* raw = scope.get();
        m_cur->children.push_back(std::move(scope));
        m_table.m_byNode[node] = raw;
        m_cur = raw;
        return raw;
    }
    void exitBlock() { m_cur = m_cur->parent; }

    void addDef(const std::string& name, uint32_t flag, const SourceSpan& span) { addDefIn(m_cur, name, flag, span); }

    void addDefIn(Scope* scope, const std::string& rawName, uint32_t flag, const SourceSpan& span)
    {
        std::string name = mangleName(m_cur->privateName, rawName);
        auto& sym = scope->symbols[name];
        uint32_t val = sym.flags;
        if ((flag & kParam) && (val & kParam))
            fail("duplicate argument '" + rawName + "' in function definition", span);
        val |= flag;
        if (m_compIterTarget.count(scope)) {
            if (val & (kGlobal | kNonlocal))
                fail("comprehension inner loop cannot rebind assignment expression target '" + rawName + "'", span);
            val |= kCompIter;
        }
        sym.flags = val;
        if (flag & kParam) {
            scope->params.push_back(name);
        } else if (flag & kGlobal) {
            m_top->symbols[name].flags |= flag;
        }
    }

    uint32_t lookup(const std::string& rawName) const
    {
        return m_cur->flagsOf(mangleName(m_cur->privateName, rawName));
    }

    void visitStmts(const ast::StmtList& list)
    {
        for (const auto& s : list)
            visitStmt(*s);
    }
    void visitExprs(const ast::ExprList& list)
    {
        for (const auto& e : list)
            if (e)
                visitExpr(*e);
    }
    void visitOpt(const ast::ExprPtr& e)
    {
        if (e)
            visitExpr(*e);
    }

    void visitParams(const ast::Arguments& a)
    {
        Scope* s = m_cur;
        for (const auto& p : a.posonlyargs)
            addDef(p.name, kParam, p.span);
        for (const auto& p : a.args)
            addDef(p.name, kParam, p.span);
        for (const auto& p : a.kwonlyargs)
            addDef(p.name, kParam, p.span);
        if (a.vararg) {
            addDef(a.vararg->name, kParam, a.vararg->span);
            s->hasVarargs = true;
        }
        if (a.kwarg) {
            addDef(a.kwarg->name, kParam, a.kwarg->span);
            s->hasVarkeywords = true;
        }
        s->posonlyCount = int(a.posonlyargs.size());
        s->argCount = int(a.posonlyargs.size() + a.args.size());
        s->kwonlyCount = int(a.kwonlyargs.size());
    }

    void visitDefaults(const ast::Arguments& a)
    {
        visitExprs(a.defaults);
        visitExprs(a.kwDefaults);
    }

    void visitStmt(const ast::Stmt& s)
    {
        using K = ast::StmtKind;
        switch (s.kind) {
        case K::FunctionDef: {
            auto& f = static_cast<const ast::FunctionDef&>(s);
            addDef(f.name, kLocal, f.span);
            visitDefaults(f.args);
            visitExprs(f.decorators);
            Scope* b = enterBlock(BlockKind::Function, f.name, &f);
            b->isAsync = f.isAsync;
            if (f.isAsync)
                b->isCoroutine = true;
            visitParams(f.args);
            visitStmts(f.body);
            exitBlock();
            break;
        }
        case K::ClassDef: {
            auto& c = static_cast<const ast::ClassDef&>(s);
            addDef(c.name, kLocal, c.span);
            visitExprs(c.bases);
            for (const auto& k : c.keywords)
                visitExpr(*k.value);
            visitExprs(c.decorators);
            Scope* b = enterBlock(BlockKind::Class, c.name, &c);
            b->privateName = c.name;
            visitStmts(c.body);
            exitBlock();
            break;
        }
        case K::Return: visitOpt(static_cast<const ast::Return&>(s).value); break;
        case K::Delete: visitExprs(static_cast<const ast::Delete&>(s).targets); break;
        case K::Assign: {
            auto& a = static_cast<const ast::Assign&>(s);
            visitExprs(a.targets);
            visitExpr(*a.value);
            break;
        }
        case K::AugAssign: {
            auto& a = static_cast<const ast::AugAssign&>(s);
            visitExpr(*a.target);
            visitExpr(*a.value);
            break;
        }
        case K::AnnAssign: {
            auto& a = static_cast<const ast::AnnAssign&>(s);
            if (a.target->kind == ast::ExprKind::Name) {
                auto& n = static_cast<const ast::Name&>(*a.target);
                uint32_t cur = lookup(n.id);
                if ((cur & (kGlobal | kNonlocal)) && m_cur != m_top) {
                    fail("annotated name '" + n.id + "' can't be " + ((cur & kGlobal) ? "global" : "nonlocal"), s.span);
                }
                addDef(n.id, kAnnot | kLocal, n.span);
            } else {
                visitExpr(*a.target);
            }
            visitOpt(a.value);
            break;
        }
        case K::For: {
            auto& f = static_cast<const ast::For&>(s);
            visitExpr(*f.target);
            visitExpr(*f.iter);
            visitStmts(f.body);
            visitStmts(f.orelse);
            if (f.isAsync)
                m_cur->isCoroutine = true;
            break;
        }
        case K::While: {
            auto& w = static_cast<const ast::While&>(s);
            visitExpr(*w.test);
            visitStmts(w.body);
            visitStmts(w.orelse);
            break;
        }
        case K::If: {
            auto& i = static_cast<const ast::If&>(s);
            visitExpr(*i.test);
            visitStmts(i.body);
            visitStmts(i.orelse);
            break;
        }
        case K::With: {
            auto& w = static_cast<const ast::With&>(s);
            for (const auto& item : w.items) {
                visitExpr(*item.contextExpr);
                visitOpt(item.optionalVars);
            }
            visitStmts(w.body);
            if (w.isAsync)
                m_cur->isCoroutine = true;
            break;
        }
        case K::Raise: {
            auto& r = static_cast<const ast::Raise&>(s);
            visitOpt(r.exc);
            visitOpt(r.cause);
            break;
        }
        case K::Try: {
            auto& t = static_cast<const ast::Try&>(s);
            visitStmts(t.body);
            visitStmts(t.orelse);
            for (const auto& h : t.handlers) {
                visitOpt(h.type);
                if (h.name)
                    addDef(*h.name, kLocal, h.span);
                visitStmts(h.body);
            }
            visitStmts(t.finalbody);
            break;
        }
        case K::Assert: {
            auto& a = static_cast<const ast::Assert&>(s);
            visitExpr(*a.test);
            visitOpt(a.msg);
            break;
        }
        case K::Import:
            for (const auto& al : static_cast<const ast::Import&>(s).names) {
                std::string bound = al.asname ? *al.asname : al.name.substr(0, al.name.find('.'));
                addDef(bound, kImport, al.span);
            }
            break;
        case K::ImportFrom:
            for (const auto& al : static_cast<const ast::ImportFrom&>(s).names)
                addDef(al.asname ? *al.asname : al.name, kImport, al.span);
            break;
        case K::Global:
        case K::Nonlocal: {
            bool isGlobal = s.kind == K::Global;
            const auto& names = isGlobal ? static_cast<const ast::Global&>(s).names
                                         : static_cast<const ast::Nonlocal&>(s).names;
            const char* what = isGlobal ? "global" : "nonlocal";
            for (const auto& name : names) {
                uint32_t cur = lookup(name);
                if (cur & (kParam | kLocal | kUse | kAnnot)) {
                    std::string msg;
                    if (cur & kParam)
                        msg = "name '" + name + "' is parameter and " + what;
                    else if (cur & kUse)
                        msg = "name '" + name + "' is used prior to " + what + " declaration";
                    else if (cur & kAnnot)
                        msg = "annotated name '" + name + "' can't be " + what;
                    else
                        msg = "name '" + name + "' is assigned to before " + what + " declaration";
                    fail(msg, s.span);
                }
                addDef(name, isGlobal ? kGlobal : kNonlocal, s.span);
                m_cur->directives[mangleName(m_cur->privateName, name)] = s.span;
            }
            break;
        }
        case K::ExprStmt: visitExpr(*static_cast<const ast::ExprStmt&>(s).value); break;
        case K::Pass:
        case K::Break:
        case K::Continue: break;
        }
    }

    static const char* compScopeName(ast::ExprKind k)
    {
        switch (k) {
        case ast::ExprKind::ListComp: return "listcomp";
        case ast::ExprKind::SetComp: return "setcomp";
        case ast::ExprKind::DictComp: return "dictcomp";
        default: return "genexpr";
        }
    }

    void visitComprehension(const ast::Expr& e, const std::vector<ast::Comprehension>& gens,
                            const ast::Expr* elt, const ast::Expr* value)
    {
        const auto& outermost = gens[0];
        // The first iterable is evaluated in the enclosing block.
        m_compIterExpr[m_cur]++;
        visitExpr(*outermost.iter);
        m_compIterExpr[m_cur]--;
        Scope* b = enterBlock(BlockKind::Function, compScopeName(e.kind), &e);
        b->isComprehension = true;
        if (outermost.isAsync)
            b->isCoroutine = true;
        addDef(".0", kParam, e.span);
        b->argCount = 1;
        m_compIterTarget.insert(b);
        visitExpr(*outermost.target);
        m_compIterTarget.erase(b);
        visitExprs(outermost.ifs);
        for (size_t i = 1; i < gens.size(); ++i) {
            const auto& g = gens[i];
            m_compIterTarget.insert(b);
            visitExpr(*g.target);
            m_compIterTarget.erase(b);
            m_compIterExpr[b]++;
            visitExpr(*g.iter);
            m_compIterExpr[b]--;
            visitExprs(g.ifs);
            if (g.isAsync)
                b->isCoroutine = true;
        }
        if (value)
            visitExpr(*value);
        visitExpr(*elt);
        if (b->isGenerator) {
            const char* what = e.kind == ast::ExprKind::ListComp  ? "list comprehension"
                             : e.kind == ast::ExprKind::SetComp   ? "set comprehension"
                             : e.kind == ast::ExprKind::DictComp  ? "dict comprehension"
                                                                  : "generator expression";
            fail(std::string("'yield' inside ") + what, e.span);
        }
        if (e.kind == ast::ExprKind::GeneratorExp)
            b->isGenerator = true;
        exitBlock();
    }

    // A walrus inside a comprehension binds in the nearest enclosing
    // function or module (CPython's symtable_extend_namedexpr_scope).
    void extendNamedExprScope(const ast::Name& target)
    {
        for (Scope* s = m_cur; s; s = s->parent) {
            if (s->isComprehension) {
                if (s->flagsOf(mangleName(m_cur->privateName, target.id)) & kCompIter)
                    fail("assignment expression cannot rebind comprehension iteration variable '" + target.id + "'",
                         target.span);
                continue;
            }
            if (s->kind == BlockKind::Function) {
                uint32_t inScope = s->flagsOf(mangleName(m_cur->privateName, target.id));
                addDef(target.id, (inScope & kGlobal) ? kGlobal : kNonlocal, target.span);
                m_cur->directives[mangleName(m_cur->privateName, target.id)] = target.span;
                addDefIn(s, target.id, kLocal, target.span);
                return;
            }
            if (s->kind == BlockKind::Module) {
                addDef(target.id, kGlobal, target.span);
                m_cur->directives[mangleName(m_cur->privateName, target.id)] = target.span;
                addDefIn(s, target.id, kGlobal, target.span);
                return;
            }
            fail("assignment expression within a comprehension cannot be used in a class body", target.span);
        }
    }

    void visitExpr(const ast::Expr& e)
    {
        using K = ast::ExprKind;
        switch (e.kind) {
        case K::Name: {
            auto& n = static_cast<const ast::Name&>(e);
            addDef(n.id, n.ctx == ast::ExprContext::Load ? kUse : kLocal, n.span);
            // super() needs the class cell: it counts as a use of __class__.
            if (n.ctx == ast::ExprContext::Load && m_cur->kind == BlockKind::Function && n.id == "super")
                addDef("__class__", kUse, n.span);
            break;
        }
        case K::Constant: break;
        case K::JoinedStr: visitExprs(static_cast<const ast::JoinedStr&>(e).values); break;
        case K::FormattedValue: {
            auto& f = static_cast<const ast::FormattedValue&>(e);
            visitExpr(*f.value);
            visitOpt(f.formatSpec);
            break;
        }
        case K::BinOp: {
            auto& b = static_cast<const ast::BinOp&>(e);
            visitExpr(*b.left);
            visitExpr(*b.right);
            break;
        }
        case K::UnaryOp: visitExpr(*static_cast<const ast::UnaryOp&>(e).operand); break;
        case K::BoolOp: visitExprs(static_cast<const ast::BoolOp&>(e).values); break;
        case K::Compare: {
            auto& c = static_cast<const ast::Compare&>(e);
            visitExpr(*c.left);
            visitExprs(c.comparators);
            break;
        }
        case K::Call: {
            auto& c = static_cast<const ast::Call&>(e);
            visitExpr(*c.func);
            visitExprs(c.args);
            for (const auto& k : c.keywords)
                visitExpr(*k.value);
            break;
        }
        case K::Attribute: visitExpr(*static_cast<const ast::Attribute&>(e).value); break;
        case K::Subscript: {
            auto& s = static_cast<const ast::Subscript&>(e);
            visitExpr(*s.value);
            visitExpr(*s.slice);
            break;
        }
        case K::Slice: {
            auto& s = static_cast<const ast::Slice&>(e);
            visitOpt(s.lower);
            visitOpt(s.upper);
            visitOpt(s.step);
            break;
        }
        case K::Starred: visitExpr(*static_cast<const ast::Starred&>(e).value); break;
        case K::List: visitExprs(static_cast<const ast::List&>(e).elts); break;
        case K::Tuple: visitExprs(static_cast<const ast::Tuple&>(e).elts); break;
        case K::Set: visitExprs(static_cast<const ast::Set&>(e).elts); break;
        case K::Dict: {
            auto& d = static_cast<const ast::Dict&>(e);
            visitExprs(d.keys);
            visitExprs(d.values);
            break;
        }
        case K::ListComp: {
            auto& c = static_cast<const ast::ListComp&>(e);
            visitComprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case K::SetComp: {
            auto& c = static_cast<const ast::SetComp&>(e);
            visitComprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case K::GeneratorExp: {
            auto& c = static_cast<const ast::GeneratorExp&>(e);
            visitComprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case K::DictComp: {
            auto& c = static_cast<const ast::DictComp&>(e);
            visitComprehension(e, c.generators, c.value.get(), c.key.get());
            break;
        }
        case K::Lambda: {
            auto& l = static_cast<const ast::Lambda&>(e);
            visitDefaults(l.args);
            Scope* b = enterBlock(BlockKind::Function, "lambda", &l);
            b->isLambda = true;
            visitParams(l.args);
            visitExpr(*l.body);
            exitBlock();
            break;
        }
        case K::IfExp: {
            auto& i = static_cast<const ast::IfExp&>(e);
            visitExpr(*i.test);
            visitExpr(*i.body);
            visitExpr(*i.orelse);
            break;
        }
        case K::Await:
            visitExpr(*static_cast<const ast::Await&>(e).value);
            m_cur->isCoroutine = true;
            break;
        case K::Yield:
            visitOpt(static_cast<const ast::Yield&>(e).value);
            m_cur->isGenerator = true;
            break;
        case K::YieldFrom:
            visitExpr(*static_cast<const ast::YieldFrom&>(e).value);
            m_cur->isGenerator = true;
            break;
        case K::NamedExpr: {
            auto& n = static_cast<const ast::NamedExpr&>(e);
            if (m_compIterExpr[m_cur] > 0)
                fail("assignment expression cannot be used in a comprehension iterable expression", e.span);
            if (m_cur->isComprehension && n.target->kind == ast::ExprKind::Name)
                extendNamedExprScope(static_cast<const ast::Name&>(*n.target));
            visitExpr(*n.value);
            visitExpr(*n.target);
            break;
        }
        }
    }

    // ------------------------------------------------------------ pass 2

    void analyzeName(Scope& s, const std::string& name, Symbol& sym, const NameSet* bound, NameSet& local,
                     NameSet& free, NameSet& global)
    {
        uint32_t flags = sym.flags;
        auto directive = [&]() {
            auto it = s.directives.find(name);
            return it == s.directives.end() ? SourceSpan{} : it->second;
        };
        if (flags & kGlobal) {
            if (flags & kNonlocal)
                fail("name '" + name + "' is nonlocal and global", directive());
            sym.scope = NameScope::GlobalExplicit;
            global.insert(name);
            return;
        }
        if (flags & kNonlocal) {
            if (!bound)
                fail("nonlocal declaration not allowed at module level", directive());
            if (!bound->count(name))
                fail("no binding for nonlocal '" + name + "' found", directive());
            sym.scope = NameScope::Free;
            s.hasFree = true;
            free.insert(name);
            return;
        }
        if (flags & kBound) {
            sym.scope = NameScope::Local;
            local.insert(name);
            global.erase(name);
            return;
        }
        if (bound && bound->count(name)) {
            sym.scope = NameScope::Free;
            s.hasFree = true;
            free.insert(name);
            return;
        }
        if (global.count(name)) {
            sym.scope = NameScope::GlobalImplicit;
            return;
        }
        if (s.nested)
            s.hasFree = true;
        sym.scope = NameScope::GlobalImplicit;
    }

    // `free` is in/out: the free variables of this block and its children.
    void analyzeBlock(Scope& s, const NameSet* boundIn, NameSet& free, NameSet& global)
    {
        NameSet local, newBound, newFree, newGlobal;
        NameSet boundCopy;
        NameSet* bound = nullptr;
        if (boundIn) {
            boundCopy = *boundIn;
            bound = &boundCopy;
        }
        if (s.kind == BlockKind::Class) {
            // A class namespace does not affect the names its methods see:
            // pass down what was visible before it.
            newGlobal = global;
            if (bound)
                newBound = *bound;
        }
        for (auto& [name, sym] : s.symbols) {
            analyzeName(s, name, sym, bound, local, free, global);
            if ((sym.flags & kGlobal) && bound)
                bound->erase(name);
        }
        if (s.kind != BlockKind::Class) {
            if (s.kind == BlockKind::Function)
                newBound.insert(local.begin(), local.end());
            if (bound)
                newBound.insert(bound->begin(), bound->end());
            newGlobal.insert(global.begin(), global.end());
        } else {
            newBound.insert("__class__");
        }

        NameSet allFree;
        for (auto& child : s.children) {
            NameSet childBound = newBound, childFree = newFree, childGlobal = newGlobal;
            analyzeBlock(*child, &childBound, childFree, childGlobal);
            allFree.insert(childFree.begin(), childFree.end());
            if (child->hasFree || child->childFree)
                s.childFree = true;
        }
        newFree.insert(allFree.begin(), allFree.end());

        if (s.kind == BlockKind::Function) {
            // Locals captured by a child become cells.
            for (auto& [name, sym] : s.symbols) {
                if (sym.scope == NameScope::Local && newFree.count(name)) {
                    sym.scope = NameScope::Cell;
                    newFree.erase(name);
                }
            }
        } else if (s.kind == BlockKind::Class) {
            if (newFree.erase("__class__"))
                s.needsClassClosure = true;
        }

        // Free variables of children that this block does not define pass
        // through it (it gets them as free variables too).
        for (const auto& name : newFree) {
            auto it = s.symbols.find(name);
            if (it != s.symbols.end()) {
                if (s.kind == BlockKind::Class && (it->second.flags & (kBound | kGlobal)))
                    it->second.flags |= kFreeClass;
                continue;
            }
            if (bound && !bound->count(name))
                continue;   // a global
            s.symbols[name].scope = NameScope::Free;
        }
        free.insert(newFree.begin(), newFree.end());
    }
};

std::unique_ptr<SymbolTable> SymbolTable::build(const ast::Module& module)
{
    auto table = std::unique_ptr<SymbolTable>(new SymbolTable());
    SymtableBuilder builder(*table);
    builder.buildModule(module);
    return table;
}

}  // namespace aw::lang
