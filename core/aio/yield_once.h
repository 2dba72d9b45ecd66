#pragma once
// `_awaitscope.yield_once`: the frame-less bare yield under asyncio.sleep(0)
// (yield_once.cpp).

namespace aw::vm { class Vm; struct DictObj; }

namespace aw::aio {

// Makes the type and puts `yield_once` into the module dict.
void installYieldOnceType(vm::Vm& vm, vm::DictObj* module);

}  // namespace aw::aio
