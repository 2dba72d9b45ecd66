#include "core/runtime/install.h"

#include "core/runtime/runtime_util.h"

namespace aw::rt {

namespace {

// The names every script sees in builtins: the built-in types and the
// exception classes. The Vm may already have put some there; set the rest.
void exposeTypes(Vm& vm)
{
    const auto& t = vm.types();
    const std::pair<const char*, vm::TypeObj*> names[] = {
        {"object", t.object}, {"type", t.type}, {"bool", t.bool_}, {"int", t.int_}, {"float", t.float_},
        {"str", t.str}, {"tuple", t.tuple}, {"list", t.list}, {"dict", t.dict}, {"set", t.set},
        {"frozenset", t.frozenset}, {"range", t.range}, {"slice", t.slice}, {"property", t.property},
        {"staticmethod", t.staticmethod}, {"classmethod", t.classmethod},
        {"BaseException", t.BaseException}, {"Exception", t.Exception}, {"ArithmeticError", t.ArithmeticError},
        {"ZeroDivisionError", t.ZeroDivisionError}, {"OverflowError", t.OverflowError},
        {"LookupError", t.LookupError}, {"IndexError", t.IndexError}, {"KeyError", t.KeyError},
        {"ValueError", t.ValueError}, {"UnicodeError", t.UnicodeError}, {"TypeError", t.TypeError},
        {"NameError", t.NameError}, {"UnboundLocalError", t.UnboundLocalError},
        {"AttributeError", t.AttributeError}, {"RuntimeError", t.RuntimeError},
        {"RecursionError", t.RecursionError}, {"NotImplementedError", t.NotImplementedError},
        {"StopIteration", t.StopIteration}, {"StopAsyncIteration", t.StopAsyncIteration},
        {"AssertionError", t.AssertionError}, {"ImportError", t.ImportError},
        {"ModuleNotFoundError", t.ModuleNotFoundError}, {"KeyboardInterrupt", t.KeyboardInterrupt},
        {"SystemExit", t.SystemExit}, {"GeneratorExit", t.GeneratorExit}, {"TimeoutError", t.TimeoutError},
        {"OSError", t.OSError}, {"ConnectionError", t.ConnectionError}, {"BufferError", t.BufferError},
        {"EOFError", t.EOFError}, {"MemoryError", t.MemoryError}, {"SyntaxError", t.SyntaxError},
        {"Warning", t.Warning}, {"DeprecationWarning", t.DeprecationWarning},
        {"RuntimeWarning", t.RuntimeWarning}, {"UserWarning", t.UserWarning},
    };
    vm::DictObj* b = vm.builtins();
    for (const auto& [name, type] : names) {
        if (!type) continue;
        if (b->getStr(name).isUnbound()) vm.setAttrStr(b, name, Value(type));
    }
}

}  // namespace

void installRuntime(vm::Vm& vm)
{
    exposeTypes(vm);
    installIoBuiltins(vm);
    installNumberBuiltins(vm);
    installSequenceBuiltins(vm);
    installObjectBuiltins(vm);
    installStrMethods(vm);
    installListMethods(vm);
    installDictMethods(vm);
    installSetMethods(vm);
    installTupleMethods(vm);
    registerTimeModule(vm);
    registerRandomModule(vm);
    registerFunctoolsModule(vm);
    registerMathModule(vm);
}

}  // namespace aw::rt
