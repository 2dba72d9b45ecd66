#pragma once
// Exception objects. Every instance of BaseException or a subclass (user
// subclasses too) is an ExceptionObj; its Python type is m_type.
//
// Raising from C++: `return vm.raise(vm.types().ValueError, "msg");` (makes
// the exception, sets __context__ from the exception being handled, makes it
// pending, returns Value::error()). `vm.raiseValue(excOrClass)` raises an
// existing exception object (or instantiates a class). The traceback grows
// as the exception leaves each Python frame.

#include "core/vm/function.h"
#include "core/vm/value.h"

#include <vector>

namespace aw::vm {

struct DictObj;

struct TracebackEntry {
    Ref<CodeObj> code;
    int32_t line = 0;
    int32_t col = -1, endLine = 0, endCol = -1;   // the instruction's span (carets), -1: unknown
};

struct ExceptionObj : Obj {
    static constexpr Kind kKind = Kind::Exception;
    ExceptionObj() : Obj(kKind) {}

    Value m_args;                 // TupleObj
    Value m_cause;                // None or exception
    Value m_context;              // None or exception
    bool m_suppressContext = false;
    Value m_value;                // StopIteration.value (None)
    std::vector<TracebackEntry> m_traceback;   // outermost frame first (as printed)
    Ref<DictObj> m_dict;          // attributes set by user subclasses (made on first set)
    void clearRefs() override;
};

}  // namespace aw::vm
