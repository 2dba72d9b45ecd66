#pragma once
// The compiler: AST (core/lang/ast.h) -> one CodeUnit per module, function,
// lambda, comprehension and class body (core/bytecode/code_unit.h).
//
// It emits CPython 3.10-style block-stack code (opcodes.def). This comment is
// the contract with the VM: it lists the exact sequences emitted for the
// constructs whose meaning depends on the block stack. Labels (L_x) become
// absolute instruction indexes. Stack pictures read bottom -> top.
//
// ---------------------------------------------------------------- blocks
// The VM's block stack holds three kinds of block:
//   * handler blocks, pushed by SETUP_FINALLY / SETUP_WITH / SETUP_ASYNC_WITH;
//     each saves the value-stack level (SETUP_WITH: the level once __exit__
//     is pushed, below __enter__'s result; SETUP_ASYNC_WITH: the level below
//     the awaited __aenter__ result, i.e. with __aexit__ kept);
//   * EXCEPT_HANDLER blocks, pushed by the VM when it jumps to a handler. It
//     remembers the exception that was being handled before and the value
//     stack level at the jump (before [exc] is pushed).
// POP_BLOCK pops a handler block (normal exit of its body). POP_EXCEPT pops the
// innermost EXCEPT_HANDLER block and restores the previously handled
// exception; it does NOT touch the value stack (the handler code has already
// popped or stored [exc]). When an exception unwinds through an EXCEPT_HANDLER
// block, the VM pops it the same way (restore the previous exception, truncate
// the value stack to its level) and goes on looking for a handler block.
// END_ASYNC_FOR on StopAsyncIteration pops [aiter, exc] AND the EXCEPT_HANDLER
// block (as POP_EXCEPT does); otherwise it re-raises exc.
// Nested blocks are limited to 20 ("too many statically nested blocks").
//
// ---------------------------------------------------------------- try/except
//   try:                          SETUP_FINALLY L_except
//       body                      <body>
//                                 POP_BLOCK
//                                 JUMP L_else
//   except E as e:      L_except: [exc]      (VM pushed EXCEPT_HANDLER)
//                                 DUP_TOP
//                                 <E>
//                                 JUMP_IF_NOT_EXC_MATCH L_next      -> [exc]
//                                 STORE_x e             (unnamed: POP_TOP) -> []
//                                 SETUP_FINALLY L_cleanup            (named only)
//       handler                   <handler body>
//                                 POP_BLOCK                          (named only)
//                                 POP_EXCEPT
//                                 LOAD_CONST None; STORE_x e; DELETE_x e  (named only)
//                                 JUMP L_end
//                      L_cleanup: [exc2]                             (named only)
//                                 LOAD_CONST None; STORE_x e; DELETE_x e
//                                 RERAISE          (unwinds both EXCEPT_HANDLERs)
//                      L_next:    [exc] ... next handler, the same way ...
//                                 RERAISE          (nothing matched)
//   else:                L_else:  <orelse>
//                        L_end:
// A bare `except:` skips the DUP_TOP/<E>/JUMP_IF_NOT_EXC_MATCH triple.
//
// ---------------------------------------------------------------- try/except*
// No dedicated opcodes: it needs the builtin BaseExceptionGroup with CPython's
// split(T) -> (match, rest) (None where empty), BaseExceptionGroup(msg, [exc])
// (an ExceptionGroup for Exceptions), and ExceptionGroup a subclass of it.
// Simplified: an exception raised inside a handler propagates at once (CPython
// would run the other clauses and raise it grouped with what is left), and
// the unhandled rest is split's group rather than a projection of the
// original. break/continue/return in an except* block are SyntaxErrors.
//                                 SETUP_FINALLY L_except; <body>; POP_BLOCK; JUMP L_else
//                      L_except:  [exc]; DUP_TOP                     [exc, rest]
//   except* T as e:               DUP_TOP; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_TRUE L_next
//                                 DUP_TOP; LOAD_GLOBAL BaseExceptionGroup
//                                 JUMP_IF_NOT_EXC_MATCH L_naked
//                                 DUP_TOP; LOAD_METHOD split; <T>; CALL_METHOD 1
//                                 UNPACK_SEQUENCE 2              [exc, rest, rest2, match]
//                                 DUP_TOP; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_TRUE L_nomatch
//                                 ROT_THREE; ROT_TWO; POP_TOP; ROT_TWO   [exc, rest2, match]
//                                 JUMP L_body
//                      L_naked:   DUP_TOP; <T>; JUMP_IF_NOT_EXC_MATCH L_next
//                                 LOAD_GLOBAL BaseExceptionGroup; ROT_TWO; BUILD_LIST 1
//                                 LOAD_CONST ''; ROT_TWO; CALL_FUNCTION 2
//                                 LOAD_CONST None; ROT_TWO; JUMP L_body   [exc, None, match]
//                      L_nomatch: POP_TOP; POP_TOP; JUMP L_next  (rest unchanged)
//                      L_body:    STORE_x e; SETUP_FINALLY L_cleanup; <handler>; POP_BLOCK
//                                 e = None; del e; JUMP L_next
//                      L_cleanup: e = None; del e; RERAISE
//                      L_next:    [exc, rest] ... next clause ...
//                                 DUP_TOP; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_TRUE L_done
//                                 RERAISE        (rest: exc itself when nothing matched)
//                      L_done:    POP_TOP; POP_TOP; POP_EXCEPT; JUMP L_end
//                      L_else:    <orelse>
//                      L_end:
//
// ---------------------------------------------------------------- try/finally
//   try:                          SETUP_FINALLY L_finally
//       body                      <body>           (try/except/finally: the whole
//                                 POP_BLOCK         try/except above goes here)
//   finally:                      <finalbody>      (normal path, a copy)
//       fin                       JUMP L_end
//                     L_finally:  [exc]            (VM pushed EXCEPT_HANDLER)
//                                 <finalbody>
//                                 RERAISE
//                     L_end:
//
// ---------------------------------------------------------------- leaving blocks early
// return / break / continue run, innermost first, the exit code of every block
// they leave (a `return` value stays on top of the stack while this runs):
//   for loop            POP_TOP the iterator (return: ROT_TWO first). break
//                       pops its own loop's iterator, continue does not.
//   try body (except)   POP_BLOCK
//   try body (finally)  POP_BLOCK, then a copy of <finalbody>
//   finally (exc path)  POP_TOP the exc (return: ROT_TWO first), POP_EXCEPT
//   except handler      [POP_BLOCK if named], POP_EXCEPT, [e = None; del e]
//   with                POP_BLOCK, [ROT_TWO], LOAD_CONST None, DUP_TOP, DUP_TOP,
//                       CALL_FUNCTION 3, POP_TOP
//   async with          as with, with GET_AWAITABLE 2; LOAD_CONST None;
//                       YIELD_FROM before the POP_TOP
//
// ---------------------------------------------------------------- with
//   with m as x:                  <m>
//                                 SETUP_WITH L_exc      [exit, m.__enter__()]
//                                 STORE_x x             (no `as`: POP_TOP)
//       body                      <body>
//                                 POP_BLOCK
//                                 LOAD_CONST None; DUP_TOP; DUP_TOP
//                                 CALL_FUNCTION 3       exit(None, None, None)
//                                 POP_TOP
//                                 JUMP L_end
//                      L_exc:     [exit, exc]            (VM pushed EXCEPT_HANDLER)
//                                 WITH_EXCEPT_START     [exit, exc, result]
//                                 POP_JUMP_IF_TRUE L_suppress
//                                 RERAISE               (raises exc)
//                    L_suppress:  POP_TOP; POP_EXCEPT; POP_TOP
//                         L_end:
// `with a, b:` is `with a:` containing `with b:`.
//
// ---------------------------------------------------------------- async with
//   async with m as x:            <m>
//                                 BEFORE_ASYNC_WITH     [aexit, aenter-awaitable]
//                                 GET_AWAITABLE 1; LOAD_CONST None; YIELD_FROM
//                                 SETUP_ASYNC_WITH L_exc     [aexit, value]
//                                 STORE_x x / POP_TOP
//       body                      <body>
//                                 POP_BLOCK
//                                 LOAD_CONST None; DUP_TOP; DUP_TOP; CALL_FUNCTION 3
//                                 GET_AWAITABLE 2; LOAD_CONST None; YIELD_FROM
//                                 POP_TOP
//                                 JUMP L_end
//                      L_exc:     [aexit, exc]
//                                 WITH_EXCEPT_START
//                                 GET_AWAITABLE 2; LOAD_CONST None; YIELD_FROM
//                                 POP_JUMP_IF_TRUE L_suppress
//                                 RERAISE
//                    L_suppress:  POP_TOP; POP_EXCEPT; POP_TOP
//                         L_end:
//
// ---------------------------------------------------------------- for / async for
//   for x in it: body            <it>; GET_ITER
//   else: orelse       L_loop:   FOR_ITER L_else; STORE_x x; <body>; JUMP L_loop
//                      L_else:   <orelse>
//                      L_end:    (break jumps here after POP_TOP of the iterator)
//
//   async for x in it: body      <it>; GET_AITER
//                      L_loop:   SETUP_FINALLY L_stop
//                                GET_ANEXT; LOAD_CONST None; YIELD_FROM
//                                POP_BLOCK
//                                STORE_x x; <body>; JUMP L_loop
//                      L_stop:   [aiter, exc]
//                                END_ASYNC_FOR
//                                <orelse>
//                      L_end:
//
// while: L_loop: <test>; POP_JUMP_IF_FALSE L_else; <body>; JUMP L_loop; L_else: <orelse>
//
// ---------------------------------------------------------------- await / yield
//   await e         <e>; GET_AWAITABLE 0; LOAD_CONST None; YIELD_FROM
//   yield e         <e> (or LOAD_CONST None); YIELD_VALUE
//   yield from e    <e>; GET_YIELD_FROM_ITER; LOAD_CONST None; YIELD_FROM
// GET_AWAITABLE and YIELD_FROM carry the Await node's span (the UI underlines it).
//
// ---------------------------------------------------------------- functions
//   @d1 @d2 def f(a, b=1, *, k=2): ...
//       <d1>; <d2>                       decorators, outermost first
//       <1>; BUILD_TUPLE 1               positional defaults (if any)
//       LOAD_CONST 'k'; <2>; BUILD_MAP 1  keyword-only defaults (if any)
//       LOAD_CLOSURE c...; BUILD_TUPLE n  free variables of f (if any), in
//                                         f's freevars order
//       LOAD_CONST <code f>; MAKE_FUNCTION flags
//       CALL_FUNCTION 1; CALL_FUNCTION 1  d2 then d1
//       STORE_x f
// Lambdas are the same without decorators. Parameters that are also cells are
// listed in cell2arg; the VM copies them into their cells at entry.
// Zero-argument super() is an ordinary call: the VM finds `__class__` among
// the frame's freevars and the first argument (varnames[0], or its cell).
//
// ---------------------------------------------------------------- classes
//   @d class C(B, metaclass=M): body
//       <d>
//       LOAD_BUILD_CLASS
//       [LOAD_CLOSURE ...; BUILD_TUPLE n]  LOAD_CONST <code C>; MAKE_FUNCTION 0|8
//       LOAD_CONST 'C'; <B>; <M>; LOAD_CONST ('metaclass',)
//       CALL_FUNCTION_KW 4                 (no keywords: CALL_FUNCTION 2+nbases;
//                                           *bases/**kw: CALL_FUNCTION_EX)
//       CALL_FUNCTION 1 (decorator); STORE_x C
//   The body's CodeUnit (flags kClassBody, no kNewLocals; LOAD_NAME/STORE_NAME):
//       LOAD_NAME __name__; STORE_NAME __module__
//       LOAD_CONST 'C' (the qualname); STORE_NAME __qualname__
//       <body>
//       LOAD_CLOSURE __class__; DUP_TOP; STORE_NAME __classcell__; RETURN_VALUE
//          when a method uses super() or __class__ (the body then has cellvar
//          __class__); otherwise LOAD_CONST None; RETURN_VALUE.
//   Class bodies read variables of an enclosing function with LOAD_CLASSDEREF.
//
// ---------------------------------------------------------------- comprehensions
//   [x*y for x in a if x for y in b]
//       [LOAD_CLOSURE ...; BUILD_TUPLE n]
//       LOAD_CONST <code <listcomp>>; MAKE_FUNCTION 0|8
//       <a>; GET_ITER                  (async first `for`: GET_AITER)
//       CALL_FUNCTION 1
//       [GET_AWAITABLE 0; LOAD_CONST None; YIELD_FROM]  (async list/set/dict comp)
//   <listcomp> (flags kNewLocals|kComprehension, argcount 1, varnames[0] '.0'):
//                   BUILD_LIST 0
//                   LOAD_FAST .0
//       L1:         FOR_ITER L1_end
//                   STORE_FAST x
//                   LOAD_FAST x; POP_JUMP_IF_FALSE L1
//                   <b>; GET_ITER
//       L2:         FOR_ITER L2_end
//                   STORE_FAST y
//                   <x*y>
//                   LIST_APPEND 3         (list depth: 1 + number of iterators)
//                   JUMP L2
//       L2_end:     JUMP L1
//       L1_end:     RETURN_VALUE
//   SET_ADD / MAP_ADD (key then value) likewise; a generator expression has no
//   BUILD_x and does <elt>; YIELD_VALUE; POP_TOP in place of LIST_APPEND and
//   ends LOAD_CONST None; RETURN_VALUE (flags add kGenerator, or
//   kAsyncGenerator when it contains async for/await).
//   An async `for` inside a comprehension is the async-for loop above.
//   A walrus in a comprehension binds in the enclosing function (a free
//   variable of the comprehension) or module (a global).
//
// ---------------------------------------------------------------- calls
//   o.m(a)          <o>; LOAD_METHOD m; <a>; CALL_METHOD 1
//   f(a, k=b)       <f>; <a>; <b>; LOAD_CONST ('k',); CALL_FUNCTION_KW 2
//   f(a, *b, k=c, **d)
//                   <f>; <a>; BUILD_LIST 1; <b>; LIST_EXTEND 1; LIST_TO_TUPLE
//                   LOAD_CONST 'k'; <c>; BUILD_MAP 1; <d>; DICT_MERGE 1
//                   CALL_FUNCTION_EX 1
//
// ---------------------------------------------------------------- positions
// spans[i] is the span of the AST node instruction i implements. startsLine[i]
// marks the first instruction of a statement whose line differs from the
// previous statement's, plus each loop's FOR_ITER (async for: SETUP_FINALLY),
// each except clause's first instruction, the __exit__ call of a with block,
// and the instruction after an inlined finally body. `pass` compiles to NOP so
// that its line is a step too. Code after a return/break/continue/raise is
// not removed (it is unreachable; maxStack ignores it). CodeUnit::firstLine is
// the line of the first decorator when there is one, as co_firstlineno.

#include "core/bytecode/code_unit.h"
#include "core/lang/ast.h"

#include <memory>
#include <string>

namespace aw::lang {

// Throws SyntaxError (CPython 3.11's wording, line and column) for programs
// that parse but cannot be compiled.
std::shared_ptr<const bytecode::CodeUnit> compileModule(const ast::Module& module, const std::string& filename);

}  // namespace aw::lang
