// The parser against CPython 3.11: ast.dump() of many snippets, every node's
// span, and the error messages with their positions. The expected strings
// were produced by python3.11 (ast.dump / ast.walk / compile) and pasted in.

#include "core/lang/ast_dump.h"
#include "core/lang/parser.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace aw::lang::ast;

// Collects "Type line col endLine endCol" for every node that has a span,
// as python's ast.walk over nodes with end_lineno does.
struct SpanWalker {
    std::vector<std::string> out;

    void put(const char* t, const aw::lang::SourceSpan& s) { out.push_back(std::string(t)+" "+std::to_string(s.line)+" "+std::to_string(s.col)+" "+std::to_string(s.endLine)+" "+std::to_string(s.endCol)); }
    void EL(const ExprList& l) { for (auto& x : l) if (x) E(x.get()); }
    void ARGS(const Arguments& a) {
      auto A=[&](const Arg& x){ put("arg", x.span); if (x.annotation) E(x.annotation.get()); };
      for (auto& x: a.posonlyargs) A(x);
      for (auto& x: a.args) A(x);
      if (a.vararg) A(*a.vararg);
      for (auto& x: a.kwonlyargs) A(x);
      EL(a.kwDefaults);
      if (a.kwarg) A(*a.kwarg);
      EL(a.defaults);
    }
    void KW(const std::vector<Keyword>& k) { for (auto& x: k) { put("keyword", x.span); E(x.value.get()); } }
    void GENS(const std::vector<Comprehension>& g) { for (auto& c: g) { E(c.target.get()); E(c.iter.get()); EL(c.ifs);} }
    void E(const Expr* e) {
      switch (e->kind) {
      case ExprKind::Name: put("Name", e->span); break;
      case ExprKind::Constant: put("Constant", e->span); break;
      case ExprKind::JoinedStr: put("JoinedStr", e->span); EL(static_cast<const JoinedStr*>(e)->values); break;
      case ExprKind::FormattedValue: { auto f=static_cast<const FormattedValue*>(e); put("FormattedValue", e->span); E(f->value.get()); if (f->formatSpec) E(f->formatSpec.get()); break; }
      case ExprKind::BinOp: { auto b=static_cast<const BinOp*>(e); put("BinOp", e->span); E(b->left.get()); E(b->right.get()); break; }
      case ExprKind::UnaryOp: put("UnaryOp", e->span); E(static_cast<const UnaryOp*>(e)->operand.get()); break;
      case ExprKind::BoolOp: put("BoolOp", e->span); EL(static_cast<const BoolOp*>(e)->values); break;
      case ExprKind::Compare: { auto c=static_cast<const Compare*>(e); put("Compare", e->span); E(c->left.get()); EL(c->comparators); break; }
      case ExprKind::Call: { auto c=static_cast<const Call*>(e); put("Call", e->span); E(c->func.get()); EL(c->args); KW(c->keywords); break; }
      case ExprKind::Attribute: put("Attribute", e->span); E(static_cast<const Attribute*>(e)->value.get()); break;
      case ExprKind::Subscript: { auto s=static_cast<const Subscript*>(e); put("Subscript", e->span); E(s->value.get()); E(s->slice.get()); break; }
      case ExprKind::Slice: { auto s=static_cast<const Slice*>(e); put("Slice", e->span); if(s->lower)E(s->lower.get()); if(s->upper)E(s->upper.get()); if(s->step)E(s->step.get()); break; }
      case ExprKind::Starred: put("Starred", e->span); E(static_cast<const Starred*>(e)->value.get()); break;
      case ExprKind::List: put("List", e->span); EL(static_cast<const List*>(e)->elts); break;
      case ExprKind::Tuple: put("Tuple", e->span); EL(static_cast<const Tuple*>(e)->elts); break;
      case ExprKind::Dict: put("Dict", e->span); EL(static_cast<const Dict*>(e)->keys); EL(static_cast<const Dict*>(e)->values); break;
      case ExprKind::Set: put("Set", e->span); EL(static_cast<const Set*>(e)->elts); break;
      case ExprKind::ListComp: put("ListComp", e->span); E(static_cast<const ListComp*>(e)->elt.get()); GENS(static_cast<const ListComp*>(e)->generators); break;
      case ExprKind::SetComp: put("SetComp", e->span); E(static_cast<const SetComp*>(e)->elt.get()); GENS(static_cast<const SetComp*>(e)->generators); break;
      case ExprKind::GeneratorExp: put("GeneratorExp", e->span); E(static_cast<const GeneratorExp*>(e)->elt.get()); GENS(static_cast<const GeneratorExp*>(e)->generators); break;
      case ExprKind::DictComp: put("DictComp", e->span); E(static_cast<const DictComp*>(e)->key.get()); E(static_cast<const DictComp*>(e)->value.get()); GENS(static_cast<const DictComp*>(e)->generators); break;
      case ExprKind::Lambda: put("Lambda", e->span); ARGS(static_cast<const Lambda*>(e)->args); E(static_cast<const Lambda*>(e)->body.get()); break;
      case ExprKind::IfExp: { auto i=static_cast<const IfExp*>(e); put("IfExp", e->span); E(i->test.get()); E(i->body.get()); E(i->orelse.get()); break; }
      case ExprKind::Await: put("Await", e->span); E(static_cast<const Await*>(e)->value.get()); break;
      case ExprKind::Yield: put("Yield", e->span); if (static_cast<const Yield*>(e)->value) E(static_cast<const Yield*>(e)->value.get()); break;
      case ExprKind::YieldFrom: put("YieldFrom", e->span); E(static_cast<const YieldFrom*>(e)->value.get()); break;
      case ExprKind::NamedExpr: put("NamedExpr", e->span); E(static_cast<const NamedExpr*>(e)->target.get()); E(static_cast<const NamedExpr*>(e)->value.get()); break;
      }
    }
    void S(const Stmt* s) {
      switch (s->kind) {
      case StmtKind::FunctionDef: { auto f=static_cast<const FunctionDef*>(s); put(f->isAsync?"AsyncFunctionDef":"FunctionDef", s->span); ARGS(f->args); SL(f->body); EL(f->decorators); if (f->returns) E(f->returns.get()); break; }
      case StmtKind::ClassDef: { auto c=static_cast<const ClassDef*>(s); put("ClassDef", s->span); EL(c->bases); KW(c->keywords); SL(c->body); EL(c->decorators); break; }
      case StmtKind::Return: put("Return", s->span); if (static_cast<const Return*>(s)->value) E(static_cast<const Return*>(s)->value.get()); break;
      case StmtKind::Delete: put("Delete", s->span); EL(static_cast<const Delete*>(s)->targets); break;
      case StmtKind::Assign: put("Assign", s->span); EL(static_cast<const Assign*>(s)->targets); E(static_cast<const Assign*>(s)->value.get()); break;
      case StmtKind::AugAssign: put("AugAssign", s->span); E(static_cast<const AugAssign*>(s)->target.get()); E(static_cast<const AugAssign*>(s)->value.get()); break;
      case StmtKind::AnnAssign: { auto a=static_cast<const AnnAssign*>(s); put("AnnAssign", s->span); E(a->target.get()); E(a->annotation.get()); if(a->value) E(a->value.get()); break; }
      case StmtKind::For: { auto f=static_cast<const For*>(s); put(f->isAsync?"AsyncFor":"For", s->span); E(f->target.get()); E(f->iter.get()); SL(f->body); SL(f->orelse); break; }
      case StmtKind::While: { auto w=static_cast<const While*>(s); put("While", s->span); E(w->test.get()); SL(w->body); SL(w->orelse); break; }
      case StmtKind::If: { auto w=static_cast<const If*>(s); put("If", s->span); E(w->test.get()); SL(w->body); SL(w->orelse); break; }
      case StmtKind::With: { auto w=static_cast<const With*>(s); put(w->isAsync?"AsyncWith":"With", s->span); for (auto& i: w->items) { E(i.contextExpr.get()); if (i.optionalVars) E(i.optionalVars.get()); } SL(w->body); break; }
      case StmtKind::Raise: { auto r=static_cast<const Raise*>(s); put("Raise", s->span); if(r->exc)E(r->exc.get()); if(r->cause)E(r->cause.get()); break; }
      case StmtKind::Try: { auto t=static_cast<const Try*>(s); put(t->isStar ? "TryStar" : "Try", s->span); SL(t->body); for (auto& h: t->handlers) { put("ExceptHandler", h.span); if(h.type)E(h.type.get()); SL(h.body);} SL(t->orelse); SL(t->finalbody); break; }
      case StmtKind::Assert: { auto a=static_cast<const Assert*>(s); put("Assert", s->span); E(a->test.get()); if(a->msg)E(a->msg.get()); break; }
      case StmtKind::Import: put("Import", s->span); for (auto& a: static_cast<const Import*>(s)->names) put("alias", a.span); break;
      case StmtKind::ImportFrom: put("ImportFrom", s->span); for (auto& a: static_cast<const ImportFrom*>(s)->names) put("alias", a.span); break;
      case StmtKind::Global: put("Global", s->span); break;
      case StmtKind::Nonlocal: put("Nonlocal", s->span); break;
      case StmtKind::ExprStmt: put("Expr", s->span); E(static_cast<const ExprStmt*>(s)->value.get()); break;
      case StmtKind::Pass: put("Pass", s->span); break;
      case StmtKind::Break: put("Break", s->span); break;
      case StmtKind::Continue: put("Continue", s->span); break;
      }
    }
    void SL(const StmtList& l) { for (auto& s : l) S(s.get()); }

};

std::string sortedSpans(const Module& m) {
    SpanWalker w;
    w.SL(m.body);
    std::sort(w.out.begin(), w.out.end());
    std::string s;
    for (const auto& x : w.out) s += (s.empty() ? "" : "; ") + x;
    return s;
}

// The span of the first node of `type` in walk order.
QString firstSpan(const Module& m, const std::string& type) {
    SpanWalker w;
    w.SL(m.body);
    for (const auto& x : w.out)
        if (x.rfind(type + " ", 0) == 0) return QString::fromStdString(x.substr(type.size() + 1));
    return QStringLiteral("none");
}

}  // namespace

class TstParser : public QObject {
    Q_OBJECT

private slots:
    void testDump_data();
    void testDump();
    void testSpans_data();
    void testSpans();
    void testAwaitedExpressionSpans_data();
    void testAwaitedExpressionSpans();
    void testConstants();
    void testSoftKeywords();
    void testLessonsParse();
};

// Each row: a snippet and python3.11's ast.dump(ast.parse(snippet)).
void TstParser::testDump_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("000") << QByteArray(R"py(print(1)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=1)], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("001") << QByteArray(R"py(x = 1
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("002") << QByteArray(R"py(a = b = c
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("003") << QByteArray(R"py(a, b = b, a
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Tuple(elts=[Name(id='b', ctx=Load()), Name(id='a', ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("004") << QByteArray(R"py([a, *b] = c
)py") << QByteArray(R"py(Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("005") << QByteArray(R"py((a, b), c = d
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("006") << QByteArray(R"py(x += 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("007") << QByteArray(R"py(x: int = 3
)py") << QByteArray(R"py(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=3), simple=1)], type_ignores=[]))py");
    QTest::newRow("008") << QByteArray(R"py(y: list[int]
)py") << QByteArray(R"py(Module(body=[AnnAssign(target=Name(id='y', ctx=Store()), annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), simple=1)], type_ignores=[]))py");
    QTest::newRow("009") << QByteArray(R"py(a.b: int
)py") << QByteArray(R"py(Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[]))py");
    QTest::newRow("010") << QByteArray(R"py(del a, b[0], c.d
)py") << QByteArray(R"py(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[]))py");
    QTest::newRow("011") << QByteArray(R"py(del (a, b)
)py") << QByteArray(R"py(Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[]))py");
    QTest::newRow("012") << QByteArray(R"py(pass; break; continue
)py") << QByteArray(R"py(Module(body=[Pass(), Break(), Continue()], type_ignores=[]))py");
    QTest::newRow("013") << QByteArray(R"py(pass; break; continue
)py") << QByteArray(R"py(Module(body=[Pass(), Break(), Continue()], type_ignores=[]))py");
    QTest::newRow("014") << QByteArray(R"py(pass; break; continue
)py") << QByteArray(R"py(Module(body=[Pass(), Break(), Continue()], type_ignores=[]))py");
    QTest::newRow("015") << QByteArray(R"py(return
)py") << QByteArray(R"py(Module(body=[Return()], type_ignores=[]))py");
    QTest::newRow("016") << QByteArray(R"py(return 1, 2
)py") << QByteArray(R"py(Module(body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("017") << QByteArray(R"py(return *a, b
)py") << QByteArray(R"py(Module(body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("018") << QByteArray(R"py(def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("019") << QByteArray(R"py(def f(*, a): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("020") << QByteArray(R"py(def f(a, /): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("021") << QByteArray(R"py(async def main():
    await asyncio.sleep(1)
    async for x in y: pass
    async with a as b, c: pass
    [x async for x in y]
    await (yield)
)py") << QByteArray(R"py(Module(body=[AsyncFunctionDef(name='main', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='sleep', ctx=Load()), args=[Constant(value=1)], keywords=[]))), AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)])), Expr(value=Await(value=Yield()))], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("022") << QByteArray(R"py(@dec
@dec.attr(1)
class A(B, metaclass=M):
    x = 1
    def m(self): return self.x
)py") << QByteArray(R"py(Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Attribute(value=Name(id='self', ctx=Load()), attr='x', ctx=Load()))], decorator_list=[])], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Attribute(value=Name(id='dec', ctx=Load()), attr='attr', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[]))py");
    QTest::newRow("023") << QByteArray(R"py(class C: pass
)py") << QByteArray(R"py(Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("024") << QByteArray(R"py(class D(): pass
)py") << QByteArray(R"py(Module(body=[ClassDef(name='D', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("025") << QByteArray(R"py(for i in range(10):
    pass
else:
    pass
)py") << QByteArray(R"py(Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), body=[Pass()], orelse=[Pass()])], type_ignores=[]))py");
    QTest::newRow("026") << QByteArray(R"py(for a, b in c: pass
)py") << QByteArray(R"py(Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("027") << QByteArray(R"py(for (a, b) in c: pass
)py") << QByteArray(R"py(Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("028") << QByteArray(R"py(for x, in y: pass
)py") << QByteArray(R"py(Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("029") << QByteArray(R"py(while x:
    break
else:
    y()
)py") << QByteArray(R"py(Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Expr(value=Call(func=Name(id='y', ctx=Load()), args=[], keywords=[]))])], type_ignores=[]))py");
    QTest::newRow("030") << QByteArray(R"py(if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
)py") << QByteArray(R"py(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='c', ctx=Load()), body=[Pass()], orelse=[Pass()])])])], type_ignores=[]))py");
    QTest::newRow("031") << QByteArray(R"py(with a: pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("032") << QByteArray(R"py(with a as b, c as d: pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("033") << QByteArray(R"py(with (a as b, c as d): pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("034") << QByteArray(R"py(with (a, b) as c: pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("035") << QByteArray(R"py(with (a): pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("036") << QByteArray(R"py(with (yield): pass
)py") << QByteArray(R"py(Module(body=[With(items=[withitem(context_expr=Yield())], body=[Pass()])], type_ignores=[]))py");
    QTest::newRow("037") << QByteArray(R"py(raise
)py") << QByteArray(R"py(Module(body=[Raise()], type_ignores=[]))py");
    QTest::newRow("038") << QByteArray(R"py(raise E
)py") << QByteArray(R"py(Module(body=[Raise(exc=Name(id='E', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("039") << QByteArray(R"py(raise E from e
)py") << QByteArray(R"py(Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='e', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("040") << QByteArray(R"py(raise E("x") from None
)py") << QByteArray(R"py(Module(body=[Raise(exc=Call(func=Name(id='E', ctx=Load()), args=[Constant(value='x')], keywords=[]), cause=Constant(value=None))], type_ignores=[]))py");
    QTest::newRow("041") << QByteArray(R"py(try:
    pass
except E:
    pass
except (A, B) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
)py") << QByteArray(R"py(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))py");
    QTest::newRow("042") << QByteArray(R"py(try:
    pass
finally:
    pass
)py") << QByteArray(R"py(Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignores=[]))py");
    QTest::newRow("043") << QByteArray(R"py(assert x
)py") << QByteArray(R"py(Module(body=[Assert(test=Name(id='x', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("044") << QByteArray(R"py(assert x, "msg"
)py") << QByteArray(R"py(Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[]))py");
    QTest::newRow("045") << QByteArray(R"py(import a
)py") << QByteArray(R"py(Module(body=[Import(names=[alias(name='a')])], type_ignores=[]))py");
    QTest::newRow("046") << QByteArray(R"py(import a.b.c as d, e
)py") << QByteArray(R"py(Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[]))py");
    QTest::newRow("047") << QByteArray(R"py(from a import b
)py") << QByteArray(R"py(Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[]))py");
    QTest::newRow("048") << QByteArray(R"py(from a.b import c as d, e
)py") << QByteArray(R"py(Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=0)], type_ignores=[]))py");
    QTest::newRow("049") << QByteArray(R"py(from . import x
)py") << QByteArray(R"py(Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[]))py");
    QTest::newRow("050") << QByteArray(R"py(from .. import y
)py") << QByteArray(R"py(Module(body=[ImportFrom(names=[alias(name='y')], level=2)], type_ignores=[]))py");
    QTest::newRow("051") << QByteArray(R"py(from ...a import b
)py") << QByteArray(R"py(Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=3)], type_ignores=[]))py");
    QTest::newRow("052") << QByteArray(R"py(from .... import c
)py") << QByteArray(R"py(Module(body=[ImportFrom(names=[alias(name='c')], level=4)], type_ignores=[]))py");
    QTest::newRow("053") << QByteArray(R"py(from a import (b, c,)
)py") << QByteArray(R"py(Module(body=[ImportFrom(module='a', names=[alias(name='b'), alias(name='c')], level=0)], type_ignores=[]))py");
    QTest::newRow("054") << QByteArray(R"py(global x, y
)py") << QByteArray(R"py(Module(body=[Global(names=['x', 'y'])], type_ignores=[]))py");
    QTest::newRow("055") << QByteArray(R"py(def f():
    nonlocal x
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x'])], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("056") << QByteArray(R"py(lambda: 0
)py") << QByteArray(R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[]))py");
    QTest::newRow("057") << QByteArray(R"py(lambda x, *y, z=1, **w: x
)py") << QByteArray(R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='y'), kwonlyargs=[arg(arg='z')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='w'), defaults=[]), body=Name(id='x', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("058") << QByteArray(R"py(lambda *, a: a
)py") << QByteArray(R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("059") << QByteArray(R"py(lambda x=1, /: x
)py") << QByteArray(R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='x')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1)]), body=Name(id='x', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("060") << QByteArray(R"py(a if b else c
)py") << QByteArray(R"py(Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("061") << QByteArray(R"py(a if b else c if d else e
)py") << QByteArray(R"py(Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[]))py");
    QTest::newRow("062") << QByteArray(R"py((x := 10)
)py") << QByteArray(R"py(Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=10)))], type_ignores=[]))py");
    QTest::newRow("063") << QByteArray(R"py(if (n := len(a)) > 10: pass
)py") << QByteArray(R"py(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("064") << QByteArray(R"py([y := f(x), y**2]
)py") << QByteArray(R"py(Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("065") << QByteArray(R"py(f(x := 1)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("066") << QByteArray(R"py([x for x in y]
)py") << QByteArray(R"py(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("067") << QByteArray(R"py([x for x in y if x if z for w in x]
)py") << QByteArray(R"py(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='w', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("068") << QByteArray(R"py({x for x in y}
)py") << QByteArray(R"py(Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("069") << QByteArray(R"py({k: v for k, v in d.items()}
)py") << QByteArray(R"py(Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("070") << QByteArray(R"py((x for x in y)
)py") << QByteArray(R"py(Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("071") << QByteArray(R"py(f(x for x in y)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("072") << QByteArray(R"py(f(a, *b, c=1, **d)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))py");
    QTest::newRow("073") << QByteArray(R"py(f(*a, *b, **c, **d)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='c', ctx=Load())), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))py");
    QTest::newRow("074") << QByteArray(R"py(f(a=1)(2)[3].b
)py") << QByteArray(R"py(Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='a', value=Constant(value=1))]), args=[Constant(value=2)], keywords=[]), slice=Constant(value=3), ctx=Load()), attr='b', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("075") << QByteArray(R"py(a[1]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("076") << QByteArray(R"py(a[1:2]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("077") << QByteArray(R"py(a[::2]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=2)), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("078") << QByteArray(R"py(a[:]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("079") << QByteArray(R"py(a[1:2, ::3]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("080") << QByteArray(R"py(a[1, 2]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("081") << QByteArray(R"py(a[()]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("082") << QByteArray(R"py(a[*b]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("083") << QByteArray(R"py(a < b < c
)py") << QByteArray(R"py(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("084") << QByteArray(R"py(a not in b
)py") << QByteArray(R"py(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("085") << QByteArray(R"py(a is not b
)py") << QByteArray(R"py(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("086") << QByteArray(R"py(a is b
)py") << QByteArray(R"py(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Is()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("087") << QByteArray(R"py(not a
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("088") << QByteArray(R"py(-2**2
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[]))py");
    QTest::newRow("089") << QByteArray(R"py(2**-1
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[]))py");
    QTest::newRow("090") << QByteArray(R"py(2**3**4
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=4))))], type_ignores=[]))py");
    QTest::newRow("091") << QByteArray(R"py(-x
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("092") << QByteArray(R"py(+x
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("093") << QByteArray(R"py(~x
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='x', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("094") << QByteArray(R"py(not not x
)py") << QByteArray(R"py(Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='x', ctx=Load()))))], type_ignores=[]))py");
    QTest::newRow("095") << QByteArray(R"py(a or b or c
)py") << QByteArray(R"py(Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("096") << QByteArray(R"py(a and b or c and d
)py") << QByteArray(R"py(Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])]))], type_ignores=[]))py");
    QTest::newRow("097") << QByteArray(R"py(a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[]))py");
    QTest::newRow("098") << QByteArray(R"py((a + b) * c
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("099") << QByteArray(R"py(a * (b + c)
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Mult(), right=BinOp(left=Name(id='b', ctx=Load()), op=Add(), right=Name(id='c', ctx=Load()))))], type_ignores=[]))py");
    QTest::newRow("100") << QByteArray(R"py(1 + 2 * 3
)py") << QByteArray(R"py(Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))))], type_ignores=[]))py");
    QTest::newRow("101") << QByteArray(R"py({}
)py") << QByteArray(R"py(Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[]))py");
    QTest::newRow("102") << QByteArray(R"py({1: 2, **a, 3: 4}
)py") << QByteArray(R"py(Module(body=[Expr(value=Dict(keys=[Constant(value=1), None, Constant(value=3)], values=[Constant(value=2), Name(id='a', ctx=Load()), Constant(value=4)]))], type_ignores=[]))py");
    QTest::newRow("103") << QByteArray(R"py({1, 2, *a}
)py") << QByteArray(R"py(Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("104") << QByteArray(R"py({**a}
)py") << QByteArray(R"py(Module(body=[Expr(value=Dict(keys=[None], values=[Name(id='a', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("105") << QByteArray(R"py([]
)py") << QByteArray(R"py(Module(body=[Expr(value=List(elts=[], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("106") << QByteArray(R"py([1, 2, 3,]
)py") << QByteArray(R"py(Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("107") << QByteArray(R"py(()
)py") << QByteArray(R"py(Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("108") << QByteArray(R"py((1,)
)py") << QByteArray(R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("109") << QByteArray(R"py(1,
)py") << QByteArray(R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("110") << QByteArray(R"py((1, 2, (3, 4))
)py") << QByteArray(R"py(Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2), Tuple(elts=[Constant(value=3), Constant(value=4)], ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("111") << QByteArray(R"py(x = yield
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[]))py");
    QTest::newRow("112") << QByteArray(R"py(x = yield a, b
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], type_ignores=[]))py");
    QTest::newRow("113") << QByteArray(R"py(x = yield from g()
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[])))], type_ignores=[]))py");
    QTest::newRow("114") << QByteArray(R"py(def g():
    yield
    yield 1
    yield from x
    y = yield
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Constant(value=1))), Expr(value=YieldFrom(value=Name(id='x', ctx=Load()))), Assign(targets=[Name(id='y', ctx=Store())], value=Yield())], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("115") << QByteArray(R"py(...
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[]))py");
    QTest::newRow("116") << QByteArray(R"py(None
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=None))], type_ignores=[]))py");
    QTest::newRow("117") << QByteArray(R"py(True
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=True))], type_ignores=[]))py");
    QTest::newRow("118") << QByteArray(R"py(False
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=False))], type_ignores=[]))py");
    QTest::newRow("119") << QByteArray(R"py(1.5
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=1.5))], type_ignores=[]))py");
    QTest::newRow("120") << QByteArray(R"py(1e10
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[]))py");
    QTest::newRow("121") << QByteArray(R"py(1e16
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=1e+16))], type_ignores=[]))py");
    QTest::newRow("122") << QByteArray(R"py(1e-5
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[]))py");
    QTest::newRow("123") << QByteArray(R"py(.5
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[]))py");
    QTest::newRow("124") << QByteArray(R"py(1.
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=1.0))], type_ignores=[]))py");
    QTest::newRow("125") << QByteArray(R"py(0.1
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=0.1))], type_ignores=[]))py");
    QTest::newRow("126") << QByteArray(R"py(1_000_000
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=1000000))], type_ignores=[]))py");
    QTest::newRow("127") << QByteArray(R"py(0x_ff
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=255))], type_ignores=[]))py");
    QTest::newRow("128") << QByteArray(R"py(0o17
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=15))], type_ignores=[]))py");
    QTest::newRow("129") << QByteArray(R"py(0b1010
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=10))], type_ignores=[]))py");
    QTest::newRow("130") << QByteArray(R"py(1e400
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=inf))], type_ignores=[]))py");
    QTest::newRow("131") << QByteArray(R"py(3.14159
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value=3.14159))], type_ignores=[]))py");
    QTest::newRow("132") << QByteArray(R"py('abc'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))py");
    QTest::newRow("133") << QByteArray(R"py("abc"
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))py");
    QTest::newRow("134") << QByteArray(R"py("it's"
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value="it's"))], type_ignores=[]))py");
    QTest::newRow("135") << QByteArray(R"py('say "hi"'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='say "hi"'))], type_ignores=[]))py");
    QTest::newRow("136") << QByteArray(R"py('both \' and "'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='both \' and "'))], type_ignores=[]))py");
    QTest::newRow("137") << QByteArray(R"py("""triple
quoted"""
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='triple\nquoted'))], type_ignores=[]))py");
    QTest::newRow("138") << QByteArray(R"py('a' 'b' "c"
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='abc'))], type_ignores=[]))py");
    QTest::newRow("139") << QByteArray(R"py('\n\t\\\x41\u00e9\101'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='\n\t\\AéA'))], type_ignores=[]))py");
    QTest::newRow("140") << QByteArray(R"py(r'\n\d'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='\\n\\d'))], type_ignores=[]))py");
    QTest::newRow("141") << QByteArray(R"py(f'{x}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("142") << QByteArray(R"py(f'a{x}b{y!r:>{w}}c'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='b'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='c')]))], type_ignores=[]))py");
    QTest::newRow("143") << QByteArray(R"py(f'{x=}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py");
    QTest::newRow("144") << QByteArray(R"py(f'{x = !s}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[]))py");
    QTest::newRow("145") << QByteArray(R"py(f'{x=:>10}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))py");
    QTest::newRow("146") << QByteArray(R"py(f'{{}}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[]))py");
    QTest::newRow("147") << QByteArray(R"py(f'{x:{y}.{z}f}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1), Constant(value='f')]))]))], type_ignores=[]))py");
    QTest::newRow("148") << QByteArray(R"py(rf'\n{x}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("149") << QByteArray(R"py(fr'{x}\d'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\\d')]))], type_ignores=[]))py");
    QTest::newRow("150") << QByteArray(R"py(f'{x,y}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("151") << QByteArray(R"py(f'{"a" if x else "b"}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value='a'), orelse=Constant(value='b')), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("152") << QByteArray(R"py(f"{a['b']}"
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[]))py");
    QTest::newRow("153") << QByteArray(R"py('a' f'{b}' 'c'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))], type_ignores=[]))py");
    QTest::newRow("154") << QByteArray(R"py(f''
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))py");
    QTest::newRow("155") << QByteArray(R"py(f'{3.14:.1f}'
)py") << QByteArray(R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.1f')]))]))], type_ignores=[]))py");
    QTest::newRow("156") << QByteArray(R"py(if x: y
)py") << QByteArray(R"py(Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])], type_ignores=[]))py");
    QTest::newRow("157") << QByteArray(R"py(if x: y; z
)py") << QByteArray(R"py(Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load())), Expr(value=Name(id='z', ctx=Load()))], orelse=[])], type_ignores=[]))py");
    QTest::newRow("158") << QByteArray(R"py(while 1: pass
)py") << QByteArray(R"py(Module(body=[While(test=Constant(value=1), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("159") << QByteArray(R"py(x = 1; y = 2;
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[]))py");
    QTest::newRow("160") << QByteArray(R"py(x = 1; y = 2;
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[]))py");
    QTest::newRow("161") << QByteArray(R"py(print(*args, sep='')
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='args', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value=''))]))], type_ignores=[]))py");
    QTest::newRow("162") << QByteArray(R"py(a.b.c.d
)py") << QByteArray(R"py(Module(body=[Expr(value=Attribute(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), attr='d', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("163") << QByteArray(R"py(a[b][c](d)(e)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Call(func=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Name(id='b', ctx=Load()), ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()), args=[Name(id='d', ctx=Load())], keywords=[]), args=[Name(id='e', ctx=Load())], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("164") << QByteArray(R"py(await x if False else None
)py") << QByteArray(R"py(Module(body=[Expr(value=IfExp(test=Constant(value=False), body=Await(value=Name(id='x', ctx=Load())), orelse=Constant(value=None)))], type_ignores=[]))py");
    QTest::newRow("165") << QByteArray(R"py(x = [
    1,
    2,
]
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("166") << QByteArray(R"py(x = (1 +
     2)
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[]))py");
    QTest::newRow("167") << QByteArray(R"py(x = 1 + \
    2
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[]))py");
    QTest::newRow("168") << QByteArray(R"py(def f(a: "str" = 'x', *b: int, c: list[int], **d: dict) -> None: ...
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Constant(value='str'))], vararg=arg(arg='b', annotation=Name(id='int', ctx=Load())), kwonlyargs=[arg(arg='c', annotation=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()))], kw_defaults=[None], kwarg=arg(arg='d', annotation=Name(id='dict', ctx=Load())), defaults=[Constant(value='x')]), body=[Expr(value=Constant(value=Ellipsis))], decorator_list=[], returns=Constant(value=None))], type_ignores=[]))py");
    QTest::newRow("169") << QByteArray(R"py(class E(Exception): pass
)py") << QByteArray(R"py(Module(body=[ClassDef(name='E', bases=[Name(id='Exception', ctx=Load())], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("170") << QByteArray(R"py(x = a if b else (c if d else e)
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[]))py");
    QTest::newRow("171") << QByteArray(R"py(x[1:2] = y
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Store())], value=Name(id='y', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("172") << QByteArray(R"py(x.y = z
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store())], value=Name(id='z', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("173") << QByteArray(R"py(x = not a == b
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[]))py");
    QTest::newRow("174") << QByteArray(R"py(x = a in b in c
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Compare(left=Name(id='a', ctx=Load()), ops=[In(), In()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[]))py");
    QTest::newRow("175") << QByteArray(R"py(x = -1
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=Constant(value=1)))], type_ignores=[]))py");
    QTest::newRow("176") << QByteArray(R"py(x = - - 1
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[]))py");
    QTest::newRow("177") << QByteArray(R"py(x = lambda: (yield)
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[]))py");
    QTest::newRow("178") << QByteArray(R"py(x = [*a, *b]
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("179") << QByteArray(R"py(x = (*a, *b)
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("180") << QByteArray(R"py(x = *a, *b
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("181") << QByteArray(R"py(match = 1
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("182") << QByteArray(R"py(match.x = 2
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2))], type_ignores=[]))py");
    QTest::newRow("183") << QByteArray(R"py(print(match)
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load())], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("184") << QByteArray(R"py(type = 3
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=3))], type_ignores=[]))py");
    QTest::newRow("185") << QByteArray(R"py(case = 4
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=4))], type_ignores=[]))py");
    QTest::newRow("186") << QByteArray(R"py('é'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='é'))], type_ignores=[]))py");
    QTest::newRow("187") << QByteArray(R"py(f = lambda a, b=2: a + b
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=2)]), body=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load()))))], type_ignores=[]))py");
    QTest::newRow("188") << QByteArray(R"py(x = 'a\
b'
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[]))py");
    QTest::newRow("189") << QByteArray(R"py('''a
b''' 'c'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='a\nbc'))], type_ignores=[]))py");
    QTest::newRow("190") << QByteArray(R"py(x = 0
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=0))], type_ignores=[]))py");
    QTest::newRow("191") << QByteArray(R"py(x = 00
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=0))], type_ignores=[]))py");
    QTest::newRow("192") << QByteArray(R"py(x = 0.0
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=0.0))], type_ignores=[]))py");
    QTest::newRow("193") << QByteArray(R"py(x = 1e-10
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1e-10))], type_ignores=[]))py");
    QTest::newRow("194") << QByteArray(R"py(x = 123456789.123
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=123456789.123))], type_ignores=[]))py");
    QTest::newRow("195") << QByteArray(R"py(x = 9223372036854775807
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=9223372036854775807))], type_ignores=[]))py");
    QTest::newRow("196") << QByteArray(R"py(a @= b
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=MatMult(), value=Name(id='b', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("197") << QByteArray(R"py(a **= 2
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=Pow(), value=Constant(value=2))], type_ignores=[]))py");
    QTest::newRow("198") << QByteArray(R"py(a //= 3
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=FloorDiv(), value=Constant(value=3))], type_ignores=[]))py");
    QTest::newRow("199") << QByteArray(R"py(a >>= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=RShift(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("200") << QByteArray(R"py(a <<= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=LShift(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("201") << QByteArray(R"py(a ^= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=BitXor(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("202") << QByteArray(R"py(a |= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=BitOr(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("203") << QByteArray(R"py(a &= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=BitAnd(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("204") << QByteArray(R"py(a %= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=Mod(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("205") << QByteArray(R"py(a /= 2
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=Div(), value=Constant(value=2))], type_ignores=[]))py");
    QTest::newRow("206") << QByteArray(R"py(a -= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=Sub(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("207") << QByteArray(R"py(a *= 1
)py") << QByteArray(R"py(Module(body=[AugAssign(target=Name(id='a', ctx=Store()), op=Mult(), value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("208") << QByteArray(R"py('\x00\x7f\t'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='\x00\x7f\t'))], type_ignores=[]))py");
    QTest::newRow("209") << QByteArray(R"py("'\""
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='\'"'))], type_ignores=[]))py");
    QTest::newRow("210") << QByteArray(R"py((yield)
)py") << QByteArray(R"py(Module(body=[Expr(value=Yield())], type_ignores=[]))py");
    QTest::newRow("211") << QByteArray(R"py(x = [i for i in range(3) for j in range(i)]
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Name(id='i', ctx=Load())], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("212") << QByteArray(R"py([(x, y) for x in a for y in b if x != y]
)py") << QByteArray(R"py(Module(body=[Expr(value=ListComp(elt=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[Compare(left=Name(id='x', ctx=Load()), ops=[NotEq()], comparators=[Name(id='y', ctx=Load())])], is_async=0)]))], type_ignores=[]))py");
    QTest::newRow("213") << QByteArray(R"py(f(**{'a': 1})
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Dict(keys=[Constant(value='a')], values=[Constant(value=1)]))]))], type_ignores=[]))py");
    QTest::newRow("214") << QByteArray(R"py('''It's "quoted"'''
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='It\'s "quoted"'))], type_ignores=[]))py");
    QTest::newRow("215") << QByteArray(R"py("tab\there"
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='tab\there'))], type_ignores=[]))py");
    QTest::newRow("216") << QByteArray(R"py(def f(a, b, /, c, *, d): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], kwonlyargs=[arg(arg='d')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("217") << QByteArray(R"py(def f(**kwargs): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kwargs'), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("218") << QByteArray(R"py(def f(*args): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(arg='args'), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("219") << QByteArray(R"py(def f(a=1, *args, b, c=2): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='b'), arg(arg='c')], kw_defaults=[None, Constant(value=2)], defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("220") << QByteArray(R"py(async def f():
    async with a:
        pass
    return await b
)py") << QByteArray(R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()]), Return(value=Await(value=Name(id='b', ctx=Load())))], decorator_list=[])], type_ignores=[]))py");
    QTest::newRow("221") << QByteArray(R"py(x = (  # comment
    1  # another
)
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[]))py");
    QTest::newRow("222") << QByteArray(R"py(@property
def x(self): pass
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='x', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='property', ctx=Load())])], type_ignores=[]))py");
    QTest::newRow("223") << QByteArray(R"py(a = b = c = d
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("224") << QByteArray(R"py(print(f"{a!a}")
)py") << QByteArray(R"py(Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=97)])], keywords=[]))], type_ignores=[]))py");
    QTest::newRow("225") << QByteArray(R"py('\u00e9\U0001F600'
)py") << QByteArray(R"py(Module(body=[Expr(value=Constant(value='é😀'))], type_ignores=[]))py");
    QTest::newRow("226") << QByteArray(R"py(x[a:b:c, d]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Name(id='a', ctx=Load()), upper=Name(id='b', ctx=Load()), step=Name(id='c', ctx=Load())), Name(id='d', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("227") << QByteArray(R"py(x[lambda: 1]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("228") << QByteArray(R"py(x[a, b:c]
)py") << QByteArray(R"py(Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name(id='a', ctx=Load()), Slice(lower=Name(id='b', ctx=Load()), upper=Name(id='c', ctx=Load()))], ctx=Load()), ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("229") << QByteArray(R"py(global a
)py") << QByteArray(R"py(Module(body=[Global(names=['a'])], type_ignores=[]))py");
    QTest::newRow("230") << QByteArray(R"py(if a:
    pass
else:
    if b:
        pass
)py") << QByteArray(R"py(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[])])], type_ignores=[]))py");
    QTest::newRow("231") << QByteArray(R"py(try:
    pass
except* ValueError as errors:
    pass
except* (TypeError, KeyError):
    pass
else:
    pass
finally:
    pass
)py") << QByteArray(R"py(Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), name='errors', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='TypeError', ctx=Load()), Name(id='KeyError', ctx=Load())], ctx=Load()), body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))py");
    QTest::newRow("232") << QByteArray(R"py(if (a and
        b):
    pass
)py") << QByteArray(R"py(Module(body=[If(test=BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), body=[Pass()], orelse=[])], type_ignores=[]))py");
    QTest::newRow("233") << QByteArray(R"py(x = [1,
  2,
    3]
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3)], ctx=Load()))], type_ignores=[]))py");
    QTest::newRow("234") << QByteArray(R"py(x = '\x00\x1f\x7f\x80\xa0\xad\xff\u2028\u3000\ue000\ud800 é€😀'
)py") << QByteArray(R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\x00\x1f\x7f\x80\xa0\xadÿ\u2028\u3000\ue000\ud800 é€😀'))], type_ignores=[]))py");
    QTest::newRow("235") << QByteArray(R"py(def f(a,
      b):
    return (a +
        b)
)py") << QByteArray(R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())))], decorator_list=[])], type_ignores=[]))py");
}

void TstParser::testDump() {
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, expected);
    std::string dump;
    try {
        dump = aw::lang::dumpAst(aw::lang::parse(source.toStdString(), "<test>"));
    } catch (const aw::lang::SyntaxError& e) {
        QFAIL(qPrintable(QStringLiteral("%1: %2 at %3:%4")
                             .arg(QString::fromStdString(e.type), QString::fromStdString(e.message))
                             .arg(e.line)
                             .arg(e.col)));
    }
    QCOMPARE(QByteArray::fromStdString(dump), expected);
}

// Each row: a snippet and the sorted spans of all its nodes from python's ast.walk.
void TstParser::testSpans_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("s00") << QByteArray(R"py(async def main():
    r = await asyncio.gather(fetch(1), fetch(2))
    await asyncio.sleep(0.5)
    x = await obj.method(a)[0]
)py")
        << QString(R"py(Assign 2 4 2 48; Assign 4 4 4 30; AsyncFunctionDef 1 0 4 30; Attribute 2 14 2 28; Attribute 3 10 3 23; Attribute 4 14 4 24; Await 2 8 2 48; Await 3 4 3 28; Await 4 8 4 30; Call 2 14 2 48; Call 2 29 2 37; Call 2 39 2 47; Call 3 10 3 28; Call 4 14 4 27; Constant 2 35 2 36; Constant 2 45 2 46; Constant 3 24 3 27; Constant 4 28 4 29; Expr 3 4 3 28; Name 2 14 2 21; Name 2 29 2 34; Name 2 39 2 44; Name 2 4 2 5; Name 3 10 3 17; Name 4 14 4 17; Name 4 25 4 26; Name 4 4 4 5; Subscript 4 14 4 30)py");
    QTest::newRow("s01") << QByteArray(R"py(async def f():
    task = asyncio.create_task(work())
    result = await  task
    print(f'got {result!r:>10}')
)py")
        << QString(R"py(Assign 2 4 2 38; Assign 3 4 3 24; AsyncFunctionDef 1 0 4 32; Attribute 2 11 2 30; Await 3 13 3 24; Call 2 11 2 38; Call 2 31 2 37; Call 4 4 4 32; Constant 4 10 4 31; Constant 4 10 4 31; Expr 4 4 4 32; FormattedValue 4 10 4 31; JoinedStr 4 10 4 31; JoinedStr 4 10 4 31; Name 2 11 2 18; Name 2 31 2 35; Name 2 4 2 8; Name 3 20 3 24; Name 3 4 3 10; Name 4 17 4 23; Name 4 4 4 9)py");
    QTest::newRow("s02") << QByteArray(R"py(x = (a) + b
)py")
        << QString(R"py(Assign 1 0 1 11; BinOp 1 4 1 11; Name 1 0 1 1; Name 1 10 1 11; Name 1 5 1 6)py");
    QTest::newRow("s03") << QByteArray(R"py(f(x for x in y)
)py")
        << QString(R"py(Call 1 0 1 15; Expr 1 0 1 15; GeneratorExp 1 1 1 15; Name 1 0 1 1; Name 1 13 1 14; Name 1 2 1 3; Name 1 8 1 9)py");
    QTest::newRow("s04") << QByteArray(R"py(x = f'''a
{ x +
1 }'''
)py")
        << QString(R"py(Assign 1 0 3 6; BinOp 2 2 3 1; Constant 1 4 3 6; Constant 3 0 3 1; FormattedValue 1 4 3 6; JoinedStr 1 4 3 6; Name 1 0 1 1; Name 2 2 2 3)py");
    QTest::newRow("s05") << QByteArray(R"py(a[1:2, ::3]
)py")
        << QString(R"py(Constant 1 2 1 3; Constant 1 4 1 5; Constant 1 9 1 10; Expr 1 0 1 11; Name 1 0 1 1; Slice 1 2 1 5; Slice 1 7 1 10; Subscript 1 0 1 11; Tuple 1 2 1 10)py");
    QTest::newRow("s06") << QByteArray(R"py(print(f'{a}{b=}')
)py")
        << QString(R"py(Call 1 0 1 17; Constant 1 6 1 16; Expr 1 0 1 17; FormattedValue 1 6 1 16; FormattedValue 1 6 1 16; JoinedStr 1 6 1 16; Name 1 0 1 5; Name 1 12 1 13; Name 1 9 1 10)py");
    QTest::newRow("s07") << QByteArray(R"py(lambda x, *y, z=1, **w: x
)py")
        << QString(R"py(Constant 1 16 1 17; Expr 1 0 1 25; Lambda 1 0 1 25; Name 1 24 1 25; arg 1 11 1 12; arg 1 14 1 15; arg 1 21 1 22; arg 1 7 1 8)py");
    QTest::newRow("s08") << QByteArray(R"py(def f(a: int = 3, *args, b, **kw) -> int: pass
)py")
        << QString(R"py(Constant 1 15 1 16; FunctionDef 1 0 1 46; Name 1 37 1 40; Name 1 9 1 12; Pass 1 42 1 46; arg 1 19 1 23; arg 1 25 1 26; arg 1 30 1 32; arg 1 6 1 12)py");
    QTest::newRow("s09") << QByteArray(R"py(import a.b as c, d
from .x import (y as z,
    w)
)py")
        << QString(R"py(Import 1 0 1 18; ImportFrom 2 0 3 6; alias 1 17 1 18; alias 1 7 1 15; alias 2 16 2 22; alias 3 4 3 5)py");
    QTest::newRow("s10") << QByteArray(R"py(try:
    pass
except E as e:
    pass
else:
    pass
finally:
    pass
)py")
        << QString(R"py(ExceptHandler 3 0 4 8; Name 3 7 3 8; Pass 2 4 2 8; Pass 4 4 4 8; Pass 6 4 6 8; Pass 8 4 8 8; Try 1 0 8 8)py");
    QTest::newRow("s11") << QByteArray(R"py(if a:
    pass
elif b:
    pass
else:
    pass
)py")
        << QString(R"py(If 1 0 6 8; If 3 0 6 8; Name 1 3 1 4; Name 3 5 3 6; Pass 2 4 2 8; Pass 4 4 4 8; Pass 6 4 6 8)py");
    QTest::newRow("s12") << QByteArray(R"py(with (open(a) as b, c):
    pass
)py")
        << QString(R"py(Call 1 6 1 13; Name 1 11 1 12; Name 1 17 1 18; Name 1 20 1 21; Name 1 6 1 10; Pass 2 4 2 8; With 1 0 2 8)py");
    QTest::newRow("s13") << QByteArray(R"py(x = 1, 2,
)py")
        << QString(R"py(Assign 1 0 1 9; Constant 1 4 1 5; Constant 1 7 1 8; Name 1 0 1 1; Tuple 1 4 1 9)py");
    QTest::newRow("s14") << QByteArray(R"py(x = -2**2
)py")
        << QString(R"py(Assign 1 0 1 9; BinOp 1 5 1 9; Constant 1 5 1 6; Constant 1 8 1 9; Name 1 0 1 1; UnaryOp 1 4 1 9)py");
    QTest::newRow("s15") << QByteArray(R"py(x = a if b else c
)py")
        << QString(R"py(Assign 1 0 1 17; IfExp 1 4 1 17; Name 1 0 1 1; Name 1 16 1 17; Name 1 4 1 5; Name 1 9 1 10)py");
    QTest::newRow("s16") << QByteArray(R"py(@dec(1)
class A(B, metaclass=M):
    x: int = 1
)py")
        << QString(R"py(AnnAssign 3 4 3 14; Call 1 1 1 7; ClassDef 2 0 3 14; Constant 1 5 1 6; Constant 3 13 3 14; Name 1 1 1 4; Name 2 21 2 22; Name 2 8 2 9; Name 3 4 3 5; Name 3 7 3 10; keyword 2 11 2 22)py");
    QTest::newRow("s17") << QByteArray(R"py(x = [i for i in y if i]
)py")
        << QString(R"py(Assign 1 0 1 23; ListComp 1 4 1 23; Name 1 0 1 1; Name 1 11 1 12; Name 1 16 1 17; Name 1 21 1 22; Name 1 5 1 6)py");
    QTest::newRow("s18") << QByteArray(R"py(x = {k: v for k, v in d}
)py")
        << QString(R"py(Assign 1 0 1 24; DictComp 1 4 1 24; Name 1 0 1 1; Name 1 14 1 15; Name 1 17 1 18; Name 1 22 1 23; Name 1 5 1 6; Name 1 8 1 9; Tuple 1 14 1 18)py");
    QTest::newRow("s19") << QByteArray(R"py(x = (yield)
)py")
        << QString(R"py(Assign 1 0 1 11; Name 1 0 1 1; Yield 1 5 1 10)py");
    QTest::newRow("s20") << QByteArray(R"py(x = 'a' 'b'
)py")
        << QString(R"py(Assign 1 0 1 11; Constant 1 4 1 11; Name 1 0 1 1)py");
    QTest::newRow("s21") << QByteArray(R"py(y = {**a, 'b': 1}
)py")
        << QString(R"py(Assign 1 0 1 17; Constant 1 10 1 13; Constant 1 15 1 16; Dict 1 4 1 17; Name 1 0 1 1; Name 1 7 1 8)py");
    QTest::newRow("s22") << QByteArray(R"py(print(*a, **k)
)py")
        << QString(R"py(Call 1 0 1 14; Expr 1 0 1 14; Name 1 0 1 5; Name 1 12 1 13; Name 1 7 1 8; Starred 1 6 1 8; keyword 1 10 1 13)py");
    QTest::newRow("s23") << QByteArray(R"py(x = not a < b <= c
)py")
        << QString(R"py(Assign 1 0 1 18; Compare 1 8 1 18; Name 1 0 1 1; Name 1 12 1 13; Name 1 17 1 18; Name 1 8 1 9; UnaryOp 1 4 1 18)py");
    QTest::newRow("s24") << QByteArray(R"py(del a[0], b.c
)py")
        << QString(R"py(Attribute 1 10 1 13; Constant 1 6 1 7; Delete 1 0 1 13; Name 1 10 1 11; Name 1 4 1 5; Subscript 1 4 1 8)py");
    QTest::newRow("s25") << QByteArray(R"py(for i, (a, b) in enumerate(x): pass
)py")
        << QString(R"py(Call 1 17 1 29; For 1 0 1 35; Name 1 11 1 12; Name 1 17 1 26; Name 1 27 1 28; Name 1 4 1 5; Name 1 8 1 9; Pass 1 31 1 35; Tuple 1 4 1 13; Tuple 1 7 1 13)py");
    QTest::newRow("s26") << QByteArray(R"py(while (n := n - 1) > 0:
    x += n
)py")
        << QString(R"py(AugAssign 2 4 2 10; BinOp 1 12 1 17; Compare 1 6 1 22; Constant 1 16 1 17; Constant 1 21 1 22; Name 1 12 1 13; Name 1 7 1 8; Name 2 4 2 5; Name 2 9 2 10; NamedExpr 1 7 1 17; While 1 0 2 10)py");
    QTest::newRow("s27") << QByteArray(R"py(assert x, 'msg'
)py")
        << QString(R"py(Assert 1 0 1 15; Constant 1 10 1 15; Name 1 7 1 8)py");
    QTest::newRow("s28") << QByteArray(R"py(raise E from None
)py")
        << QString(R"py(Constant 1 13 1 17; Name 1 6 1 7; Raise 1 0 1 17)py");
    QTest::newRow("s29") << QByteArray(R"py(global a, b
)py")
        << QString(R"py(Global 1 0 1 11)py");
    QTest::newRow("s30") << QByteArray(R"py(x = a.b.c(d)(e)[f]
)py")
        << QString(R"py(Assign 1 0 1 18; Attribute 1 4 1 7; Attribute 1 4 1 9; Call 1 4 1 12; Call 1 4 1 15; Name 1 0 1 1; Name 1 10 1 11; Name 1 13 1 14; Name 1 16 1 17; Name 1 4 1 5; Subscript 1 4 1 18)py");
    QTest::newRow("s31") << QByteArray(R"py(s = '''x
y'''
)py")
        << QString(R"py(Assign 1 0 2 4; Constant 1 4 2 4; Name 1 0 1 1)py");
    QTest::newRow("s32") << QByteArray(R"py(x = \
  1
)py")
        << QString(R"py(Assign 1 0 2 3; Constant 2 2 2 3; Name 1 0 1 1)py");
    QTest::newRow("s33") << QByteArray(R"py(if x: y; z
)py")
        << QString(R"py(Expr 1 6 1 7; Expr 1 9 1 10; If 1 0 1 10; Name 1 3 1 4; Name 1 6 1 7; Name 1 9 1 10)py");
    QTest::newRow("s34") << QByteArray(R"py(x = ...
)py")
        << QString(R"py(Assign 1 0 1 7; Constant 1 4 1 7; Name 1 0 1 1)py");
}

void TstParser::testSpans() {
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(sortedSpans(aw::lang::parse(source.toStdString(), "<test>"))), expected);
}

// The UI underlines the awaited expression: the spans of Await and what it
// awaits must be exact, wherever the await sits.
void TstParser::testAwaitedExpressionSpans_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("span");
    const QByteArray src = "async def main():\n"
                           "    await asyncio.sleep(1)\n"
                           "    x = await obj.fetch(url, timeout=3)\n"
                           "    return [await t for t in tasks]\n";
    QTest::newRow("await stmt") << src << "Await" << "2 4 2 26";
    QTest::newRow("call") << src << "Call" << "2 10 2 26";
    QTest::newRow("attribute") << src << "Attribute" << "2 10 2 23";
    QTest::newRow("keyword") << src << "keyword" << "3 29 3 38";
    QTest::newRow("listcomp") << src << "ListComp" << "4 11 4 35";
    QTest::newRow("multi-line await") << QByteArray("async def f():\n    r = await g(\n        1,\n    )\n")
                                      << "Await" << "2 8 4 5";
    QTest::newRow("utf8 columns are bytes") << QByteArray("async def f():\n    s = '\xc3\xa9'; await g()\n")
                                            << "Await" << "2 14 2 23";
    QTest::newRow("parenthesized") << QByteArray("async def f():\n    x = (await g()) + 1\n") << "Await"
                                   << "2 9 2 18";
    QTest::newRow("binop keeps the paren") << QByteArray("async def f():\n    x = (await g()) + 1\n") << "BinOp"
                                           << "2 8 2 23";
    QTest::newRow("decorated def starts at def") << QByteArray("@d\nasync def f():\n    await g()\n")
                                                 << "AsyncFunctionDef" << "2 0 3 13";
}

void TstParser::testAwaitedExpressionSpans() {
    QFETCH(QByteArray, source);
    QFETCH(QString, type);
    QFETCH(QString, span);
    QCOMPARE(firstSpan(aw::lang::parse(source.toStdString(), "<test>"), type.toStdString()), span);
}

void TstParser::testConstants() {
    Module m;
    auto valueOf = [&m](const char* src) -> const Constant& {
        m = aw::lang::parse(src, "<test>");
        return static_cast<const Constant&>(*static_cast<const ExprStmt&>(*m.body.at(0)).value);
    };
    QCOMPARE(valueOf("9223372036854775807\n").intValue, INT64_MAX);
    QCOMPARE(valueOf("0xff\n").intValue, int64_t(255));
    QCOMPARE(valueOf("0o777\n").intValue, int64_t(511));
    QCOMPARE(valueOf("0b1010_1010\n").intValue, int64_t(170));
    QCOMPARE(valueOf("1_000\n").intValue, int64_t(1000));
    QCOMPARE(valueOf("1.5e3\n").floatValue, 1500.0);
    QCOMPARE(valueOf(".25\n").floatValue, 0.25);
    QCOMPARE(valueOf("1.\n").floatValue, 1.0);
    QCOMPARE(int(valueOf("1e400\n").ckind), int(ConstantKind::Float));
    QVERIFY(std::isinf(valueOf("1e400\n").floatValue));
    QCOMPARE(valueOf("'\\u00e9\\U0001F600\\x41\\101\\0'\n").strValue,
             std::string("\xc3\xa9\xf0\x9f\x98\x80" "AA") + '\0');
    QCOMPARE(valueOf("'a' \"b\" '''c'''\n").strValue, std::string("abc"));
    QCOMPARE(valueOf("r'\\n'\n").strValue, std::string("\\n"));
    QCOMPARE(valueOf("'a\\\nb'\n").strValue, std::string("ab"));
    QCOMPARE(QString::fromStdString(aw::lang::pyFloatRepr(1e16)), QStringLiteral("1e+16"));
    QCOMPARE(QString::fromStdString(aw::lang::pyFloatRepr(1e-5)), QStringLiteral("1e-05"));
    QCOMPARE(QString::fromStdString(aw::lang::pyFloatRepr(0.1)), QStringLiteral("0.1"));
    QCOMPARE(QString::fromStdString(aw::lang::pyFloatRepr(123.0)), QStringLiteral("123.0"));
    QCOMPARE(QString::fromStdString(aw::lang::pyFloatRepr(1.5e300)), QStringLiteral("1.5e+300"));
    QCOMPARE(QString::fromStdString(aw::lang::pyStrRepr("it's")), QStringLiteral("\"it's\""));
}

// `match`, `case` and `type` are soft keywords: ordinary names elsewhere.
void TstParser::testSoftKeywords() {
    const char* src = "match = 1\nmatch(x)\nmatch[1] = 2\nmatch.x = 3\ntype = 4\ncase = 5\nprint(match, type, case)\n";
    Module m = aw::lang::parse(src, "<test>");
    QCOMPARE(m.body.size(), size_t(7));
    QCOMPARE(int(m.body[1]->kind), int(StmtKind::ExprStmt));
}

// Deep nesting is a SyntaxError, never a C++ stack overflow.
void TstParser::testLessonsParse() {
    QDir dir(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
    const QStringList lessons = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int parsed = 0;
    for (const QString& lesson : lessons) {
        QFile f(dir.filePath(lesson + QStringLiteral("/script.py")));
        if (!f.exists()) continue;
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const QByteArray src = f.readAll();
        try {
            Module m = aw::lang::parse(src.toStdString(), f.fileName().toStdString());
            QVERIFY2(!m.body.empty(), qPrintable(lesson));
            ++parsed;
        } catch (const aw::lang::SyntaxError& e) {
            QFAIL(qPrintable(QStringLiteral("%1: %2 at %3:%4")
                                 .arg(lesson, QString::fromStdString(e.message))
                                 .arg(e.line)
                                 .arg(e.col)));
        }
    }
    QVERIFY2(parsed >= 16, "the lessons were not found");
}

QTEST_GUILESS_MAIN(TstParser)
#include "tst_parser.moc"
