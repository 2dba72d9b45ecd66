// ast.dump() in C++: same node names, field order, omission of None-valued
// optional fields, and Python's repr for constants.

#include "core/lang/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace aw::lang {

using namespace ast;

std::string pyFloatRepr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string s(buf, res.ptr);   // shortest round-trip, e.g. "-1.5e+300"
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp = std::stoi(s.substr(e + 1));
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
        } else {
            size_t intLen = static_cast<size_t>(exp) + 1;
            if (digits.size() <= intLen)
                out = digits + std::string(intLen - digits.size(), '0') + ".0";
            else
                out = digits.substr(0, intLen) + "." + digits.substr(intLen);
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return neg ? "-" + out : out;
}

namespace {
// Python's str.isprintable() for the code points a script is likely to hold:
// control, format, separator (except ' '), surrogate and private-use
// characters are escaped by repr().
bool isPrintable(uint32_t cp) {
    if (cp < 0xa0) return cp >= 0x20 && cp < 0x7f;
    if (cp == 0xa0 || cp == 0xad || cp == 0x1680 || cp == 0x180e) return false;
    if ((cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x206f)) return false;
    if (cp == 0x3000 || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb)) return false;
    if (cp >= 0xd800 && cp <= 0xf8ff) return false;   // surrogates and private use
    if (cp >= 0xf0000) return false;                  // supplementary private use
    return true;
}
}  // namespace

std::string pyStrRepr(const std::string& s) {
    bool hasSingle = s.find('\'') != std::string::npos;
    bool hasDouble = s.find('"') != std::string::npos;
    char q = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, q);
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else if (c >= 0x80) {
            size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
            if (i + len > s.size()) len = 1;
            uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
            for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
            if (isPrintable(cp)) {
                out.append(s, i, len);
            } else {
                char b[16];
                if (cp <= 0xff) std::snprintf(b, sizeof b, "\\x%02x", cp);
                else if (cp <= 0xffff) std::snprintf(b, sizeof b, "\\u%04x", cp);
                else std::snprintf(b, sizeof b, "\\U%08x", cp);
                out += b;
            }
            i += len - 1;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

namespace {

const char* opName(Operator op) {
    switch (op) {
    case Operator::Add: return "Add()";
    case Operator::Sub: return "Sub()";
    case Operator::Mult: return "Mult()";
    case Operator::MatMult: return "MatMult()";
    case Operator::Div: return "Div()";
    case Operator::Mod: return "Mod()";
    case Operator::Pow: return "Pow()";
    case Operator::LShift: return "LShift()";
    case Operator::RShift: return "RShift()";
    case Operator::BitOr: return "BitOr()";
    case Operator::BitXor: return "BitXor()";
    case Operator::BitAnd: return "BitAnd()";
    case Operator::FloorDiv: return "FloorDiv()";
    }
    return "?";
}

const char* cmpName(CmpOp op) {
    switch (op) {
    case CmpOp::Eq: return "Eq()";
    case CmpOp::NotEq: return "NotEq()";
    case CmpOp::Lt: return "Lt()";
    case CmpOp::LtE: return "LtE()";
    case CmpOp::Gt: return "Gt()";
    case CmpOp::GtE: return "GtE()";
    case CmpOp::Is: return "Is()";
    case CmpOp::IsNot: return "IsNot()";
    case CmpOp::In: return "In()";
    case CmpOp::NotIn: return "NotIn()";
    }
    return "?";
}

const char* ctxName(ExprContext c) {
    return c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
}

// Builds "Node(field=value, ...)", skipping fields the caller leaves out.
class Fields {
public:
    explicit Fields(std::string name) : m_out(std::move(name) + "(") {}
    Fields& add(const char* name, const std::string& value) {
        if (!m_first) m_out += ", ";
        m_first = false;
        m_out += name;
        m_out += '=';
        m_out += value;
        return *this;
    }
    std::string done() { return m_out + ")"; }

private:
    std::string m_out;
    bool m_first = true;
};

class Dumper {
public:
    std::string expr(const Expr* e);
    std::string exprOrNone(const Expr* e) { return e ? expr(e) : "None"; }
    std::string exprs(const ExprList& l) {
        std::string s = "[";
        for (size_t i = 0; i < l.size(); ++i) s += (i ? ", " : "") + exprOrNone(l[i].get());
        return s + "]";
    }
    std::string stmt(const Stmt& s);
    std::string stmts(const StmtList& l) {
        std::string s = "[";
        for (size_t i = 0; i < l.size(); ++i) s += (i ? ", " : "") + stmt(*l[i]);
        return s + "]";
    }
    std::string keywords(const std::vector<Keyword>& ks) {
        std::string s = "[";
        for (size_t i = 0; i < ks.size(); ++i) {
            Fields f("keyword");
            if (ks[i].arg) f.add("arg", pyStrRepr(*ks[i].arg));
            f.add("value", expr(ks[i].value.get()));
            s += (i ? ", " : "") + f.done();
        }
        return s + "]";
    }
    std::string arg(const Arg& a) {
        Fields f("arg");
        f.add("arg", pyStrRepr(a.name));
        if (a.annotation) f.add("annotation", expr(a.annotation.get()));
        return f.done();
    }
    std::string args(const std::vector<Arg>& as) {
        std::string s = "[";
        for (size_t i = 0; i < as.size(); ++i) s += (i ? ", " : "") + arg(as[i]);
        return s + "]";
    }
    std::string arguments(const Arguments& a) {
        Fields f("arguments");
        f.add("posonlyargs", args(a.posonlyargs)).add("args", args(a.args));
        if (a.vararg) f.add("vararg", arg(*a.vararg));
        f.add("kwonlyargs", args(a.kwonlyargs)).add("kw_defaults", exprs(a.kwDefaults));
        if (a.kwarg) f.add("kwarg", arg(*a.kwarg));
        f.add("defaults", exprs(a.defaults));
        return f.done();
    }
    std::string comprehensions(const std::vector<Comprehension>& gs) {
        std::string s = "[";
        for (size_t i = 0; i < gs.size(); ++i) {
            Fields f("comprehension");
            f.add("target", expr(gs[i].target.get()))
                .add("iter", expr(gs[i].iter.get()))
                .add("ifs", exprs(gs[i].ifs))
                .add("is_async", gs[i].isAsync ? "1" : "0");
            s += (i ? ", " : "") + f.done();
        }
        return s + "]";
    }
    std::string aliases(const std::vector<Alias>& as) {
        std::string s = "[";
        for (size_t i = 0; i < as.size(); ++i) {
            Fields f("alias");
            f.add("name", pyStrRepr(as[i].name));
            if (as[i].asname) f.add("asname", pyStrRepr(*as[i].asname));
            s += (i ? ", " : "") + f.done();
        }
        return s + "]";
    }
    std::string names(const std::vector<std::string>& ns) {
        std::string s = "[";
        for (size_t i = 0; i < ns.size(); ++i) s += (i ? ", " : "") + pyStrRepr(ns[i]);
        return s + "]";
    }
};

std::string Dumper::expr(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Name: {
        auto& n = static_cast<const Name&>(*e);
        return Fields("Name").add("id", pyStrRepr(n.id)).add("ctx", ctxName(n.ctx)).done();
    }
    case ExprKind::Constant: {
        auto& c = static_cast<const Constant&>(*e);
        std::string v;
        switch (c.ckind) {
        case ConstantKind::None: v = "None"; break;
        case ConstantKind::True: v = "True"; break;
        case ConstantKind::False: v = "False"; break;
        case ConstantKind::Ellipsis: v = "Ellipsis"; break;
        case ConstantKind::Int: v = std::to_string(c.intValue); break;
        case ConstantKind::Float: v = pyFloatRepr(c.floatValue); break;
        case ConstantKind::Str: v = pyStrRepr(c.strValue); break;
        }
        return Fields("Constant").add("value", v).done();
    }
    case ExprKind::JoinedStr:
        return Fields("JoinedStr").add("values", exprs(static_cast<const JoinedStr&>(*e).values)).done();
    case ExprKind::FormattedValue: {
        auto& f = static_cast<const FormattedValue&>(*e);
        Fields out("FormattedValue");
        out.add("value", expr(f.value.get())).add("conversion", std::to_string(f.conversion ? int(f.conversion) : -1));
        if (f.formatSpec) out.add("format_spec", expr(f.formatSpec.get()));
        return out.done();
    }
    case ExprKind::BinOp: {
        auto& b = static_cast<const BinOp&>(*e);
        return Fields("BinOp").add("left", expr(b.left.get())).add("op", opName(b.op)).add("right", expr(b.right.get())).done();
    }
    case ExprKind::UnaryOp: {
        auto& u = static_cast<const UnaryOp&>(*e);
        const char* op = u.op == UnaryOperator::Invert ? "Invert()" : u.op == UnaryOperator::Not ? "Not()"
                       : u.op == UnaryOperator::UAdd   ? "UAdd()"   : "USub()";
        return Fields("UnaryOp").add("op", op).add("operand", expr(u.operand.get())).done();
    }
    case ExprKind::BoolOp: {
        auto& b = static_cast<const BoolOp&>(*e);
        return Fields("BoolOp").add("op", b.op == BoolOperator::And ? "And()" : "Or()").add("values", exprs(b.values)).done();
    }
    case ExprKind::Compare: {
        auto& c = static_cast<const Compare&>(*e);
        std::string ops = "[";
        for (size_t i = 0; i < c.ops.size(); ++i) ops += std::string(i ? ", " : "") + cmpName(c.ops[i]);
        ops += "]";
        return Fields("Compare").add("left", expr(c.left.get())).add("ops", ops).add("comparators", exprs(c.comparators)).done();
    }
    case ExprKind::Call: {
        auto& c = static_cast<const Call&>(*e);
        return Fields("Call").add("func", expr(c.func.get())).add("args", exprs(c.args)).add("keywords", keywords(c.keywords)).done();
    }
    case ExprKind::Attribute: {
        auto& a = static_cast<const Attribute&>(*e);
        return Fields("Attribute").add("value", expr(a.value.get())).add("attr", pyStrRepr(a.attr)).add("ctx", ctxName(a.ctx)).done();
    }
    case ExprKind::Subscript: {
        auto& s = static_cast<const Subscript&>(*e);
        return Fields("Subscript").add("value", expr(s.value.get())).add("slice", expr(s.slice.get())).add("ctx", ctxName(s.ctx)).done();
    }
    case ExprKind::Slice: {
        auto& s = static_cast<const Slice&>(*e);
        Fields f("Slice");
        if (s.lower) f.add("lower", expr(s.lower.get()));
        if (s.upper) f.add("upper", expr(s.upper.get()));
        if (s.step) f.add("step", expr(s.step.get()));
        return f.done();
    }
    case ExprKind::Starred: {
        auto& s = static_cast<const Starred&>(*e);
        return Fields("Starred").add("value", expr(s.value.get())).add("ctx", ctxName(s.ctx)).done();
    }
    case ExprKind::List: {
        auto& l = static_cast<const List&>(*e);
        return Fields("List").add("elts", exprs(l.elts)).add("ctx", ctxName(l.ctx)).done();
    }
    case ExprKind::Tuple: {
        auto& t = static_cast<const Tuple&>(*e);
        return Fields("Tuple").add("elts", exprs(t.elts)).add("ctx", ctxName(t.ctx)).done();
    }
    case ExprKind::Dict: {
        auto& d = static_cast<const Dict&>(*e);
        return Fields("Dict").add("keys", exprs(d.keys)).add("values", exprs(d.values)).done();
    }
    case ExprKind::Set:
        return Fields("Set").add("elts", exprs(static_cast<const Set&>(*e).elts)).done();
    case ExprKind::ListComp: {
        auto& c = static_cast<const ListComp&>(*e);
        return Fields("ListComp").add("elt", expr(c.elt.get())).add("generators", comprehensions(c.generators)).done();
    }
    case ExprKind::SetComp: {
        auto& c = static_cast<const SetComp&>(*e);
        return Fields("SetComp").add("elt", expr(c.elt.get())).add("generators", comprehensions(c.generators)).done();
    }
    case ExprKind::GeneratorExp: {
        auto& c = static_cast<const GeneratorExp&>(*e);
        return Fields("GeneratorExp").add("elt", expr(c.elt.get())).add("generators", comprehensions(c.generators)).done();
    }
    case ExprKind::DictComp: {
        auto& c = static_cast<const DictComp&>(*e);
        return Fields("DictComp").add("key", expr(c.key.get())).add("value", expr(c.value.get()))
            .add("generators", comprehensions(c.generators)).done();
    }
    case ExprKind::Lambda: {
        auto& l = static_cast<const Lambda&>(*e);
        return Fields("Lambda").add("args", arguments(l.args)).add("body", expr(l.body.get())).done();
    }
    case ExprKind::IfExp: {
        auto& i = static_cast<const IfExp&>(*e);
        return Fields("IfExp").add("test", expr(i.test.get())).add("body", expr(i.body.get())).add("orelse", expr(i.orelse.get())).done();
    }
    case ExprKind::Await:
        return Fields("Await").add("value", expr(static_cast<const Await&>(*e).value.get())).done();
    case ExprKind::Yield: {
        Fields f("Yield");
        if (auto& v = static_cast<const Yield&>(*e).value) f.add("value", expr(v.get()));
        return f.done();
    }
    case ExprKind::YieldFrom:
        return Fields("YieldFrom").add("value", expr(static_cast<const YieldFrom&>(*e).value.get())).done();
    case ExprKind::NamedExpr: {
        auto& n = static_cast<const NamedExpr&>(*e);
        return Fields("NamedExpr").add("target", expr(n.target.get())).add("value", expr(n.value.get())).done();
    }
    }
    return "?";
}

std::string Dumper::stmt(const Stmt& s) {
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        auto& f = static_cast<const FunctionDef&>(s);
        Fields out(f.isAsync ? "AsyncFunctionDef" : "FunctionDef");
        out.add("name", pyStrRepr(f.name)).add("args", arguments(f.args)).add("body", stmts(f.body))
            .add("decorator_list", exprs(f.decorators));
        if (f.returns) out.add("returns", expr(f.returns.get()));
        return out.done();
    }
    case StmtKind::ClassDef: {
        auto& c = static_cast<const ClassDef&>(s);
        return Fields("ClassDef").add("name", pyStrRepr(c.name)).add("bases", exprs(c.bases))
            .add("keywords", keywords(c.keywords)).add("body", stmts(c.body)).add("decorator_list", exprs(c.decorators)).done();
    }
    case StmtKind::Return: {
        Fields f("Return");
        if (auto& v = static_cast<const Return&>(s).value) f.add("value", expr(v.get()));
        return f.done();
    }
    case StmtKind::Delete:
        return Fields("Delete").add("targets", exprs(static_cast<const Delete&>(s).targets)).done();
    case StmtKind::Assign: {
        auto& a = static_cast<const Assign&>(s);
        return Fields("Assign").add("targets", exprs(a.targets)).add("value", expr(a.value.get())).done();
    }
    case StmtKind::AugAssign: {
        auto& a = static_cast<const AugAssign&>(s);
        return Fields("AugAssign").add("target", expr(a.target.get())).add("op", opName(a.op)).add("value", expr(a.value.get())).done();
    }
    case StmtKind::AnnAssign: {
        auto& a = static_cast<const AnnAssign&>(s);
        Fields f("AnnAssign");
        f.add("target", expr(a.target.get())).add("annotation", expr(a.annotation.get()));
        if (a.value) f.add("value", expr(a.value.get()));
        // `simple` is 1 for a bare name target (the AST does not keep parentheses).
        f.add("simple", a.target->kind == ExprKind::Name ? "1" : "0");
        return f.done();
    }
    case StmtKind::For: {
        auto& f = static_cast<const For&>(s);
        return Fields(f.isAsync ? "AsyncFor" : "For").add("target", expr(f.target.get())).add("iter", expr(f.iter.get()))
            .add("body", stmts(f.body)).add("orelse", stmts(f.orelse)).done();
    }
    case StmtKind::While: {
        auto& w = static_cast<const While&>(s);
        return Fields("While").add("test", expr(w.test.get())).add("body", stmts(w.body)).add("orelse", stmts(w.orelse)).done();
    }
    case StmtKind::If: {
        auto& i = static_cast<const If&>(s);
        return Fields("If").add("test", expr(i.test.get())).add("body", stmts(i.body)).add("orelse", stmts(i.orelse)).done();
    }
    case StmtKind::With: {
        auto& w = static_cast<const With&>(s);
        std::string items = "[";
        for (size_t i = 0; i < w.items.size(); ++i) {
            Fields f("withitem");
            f.add("context_expr", expr(w.items[i].contextExpr.get()));
            if (w.items[i].optionalVars) f.add("optional_vars", expr(w.items[i].optionalVars.get()));
            items += (i ? ", " : "") + f.done();
        }
        items += "]";
        return Fields(w.isAsync ? "AsyncWith" : "With").add("items", items).add("body", stmts(w.body)).done();
    }
    case StmtKind::Raise: {
        auto& r = static_cast<const Raise&>(s);
        Fields f("Raise");
        if (r.exc) f.add("exc", expr(r.exc.get()));
        if (r.cause) f.add("cause", expr(r.cause.get()));
        return f.done();
    }
    case StmtKind::Try: {
        auto& t = static_cast<const Try&>(s);
        std::string hs = "[";
        for (size_t i = 0; i < t.handlers.size(); ++i) {
            Fields f("ExceptHandler");
            if (t.handlers[i].type) f.add("type", expr(t.handlers[i].type.get()));
            if (t.handlers[i].name) f.add("name", pyStrRepr(*t.handlers[i].name));
            f.add("body", stmts(t.handlers[i].body));
            hs += (i ? ", " : "") + f.done();
        }
        hs += "]";
        return Fields(t.isStar ? "TryStar" : "Try").add("body", stmts(t.body)).add("handlers", hs).add("orelse", stmts(t.orelse))
            .add("finalbody", stmts(t.finalbody)).done();
    }
    case StmtKind::Assert: {
        auto& a = static_cast<const Assert&>(s);
        Fields f("Assert");
        f.add("test", expr(a.test.get()));
        if (a.msg) f.add("msg", expr(a.msg.get()));
        return f.done();
    }
    case StmtKind::Import:
        return Fields("Import").add("names", aliases(static_cast<const Import&>(s).names)).done();
    case StmtKind::ImportFrom: {
        auto& i = static_cast<const ImportFrom&>(s);
        Fields f("ImportFrom");
        if (!i.module.empty()) f.add("module", pyStrRepr(i.module));
        return f.add("names", aliases(i.names)).add("level", std::to_string(i.level)).done();
    }
    case StmtKind::Global:
        return Fields("Global").add("names", names(static_cast<const Global&>(s).names)).done();
    case StmtKind::Nonlocal:
        return Fields("Nonlocal").add("names", names(static_cast<const Nonlocal&>(s).names)).done();
    case StmtKind::ExprStmt:
        return Fields("Expr").add("value", expr(static_cast<const ExprStmt&>(s).value.get())).done();
    case StmtKind::Pass: return "Pass()";
    case StmtKind::Break: return "Break()";
    case StmtKind::Continue: return "Continue()";
    }
    return "?";
}

}  // namespace

std::string dumpAst(const Module& module) {
    Dumper d;
    return "Module(body=" + d.stmts(module.body) + ", type_ignores=[])";
}

}  // namespace aw::lang
