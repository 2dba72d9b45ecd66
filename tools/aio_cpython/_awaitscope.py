"""_awaitscope for CPython: the native world interface of Awaitscope's
asyncio (core/aio/python/INTERFACE.md), written in Python so the asyncio and
aiohttp modules of core/aio/python can be validated on real CPython against
the oracle (vtrun.py).  The harness run.py sets the output hooks."""

import heapq
import inspect
import json
import math
import os
import sys
import types
import weakref

_now = 0.0
_interrupt_at = None
_sigint_handler = None
_ids = [0]
_sock_seq = [0]
_net = {}            # loop id -> heap of [due, seq, sid, closed]
_sock_entry = {}     # sid -> entry
_trace = []
_trace_file = None
on_hang = None       # set by the harness: ends the run with the Hang line


def configure(interrupt_at=None, trace_path=None):
    global _interrupt_at, _trace_file
    _interrupt_at = interrupt_at
    if trace_path:
        _trace_file = open(trace_path, "w")


# ---------------------------------------------------------------- clock & trace

def now():
    return _now


def new_id():
    _ids[0] += 1
    return _ids[0]


def trace(kind, a=0, b=0, x=0.0, s=""):
    ev = (_now, kind, a, b, x, s)
    _trace.append(ev)
    if _trace_file is not None:
        _trace_file.write(json.dumps({"t": _now, "kind": kind, "a": a, "b": b,
                                      "x": x, "s": s}) + "\n")


def report(text):
    sys.__stderr__.write(text + "\n")


# ---------------------------------------------------------------- waiting

def _wait_until(target, loop_wait):
    """As vtrun: Ctrl+C at T stops a wait that would reach or pass T."""
    global _now, _interrupt_at
    if _interrupt_at is not None and target >= _interrupt_at:
        t, _interrupt_at = _interrupt_at, None
        if t > _now:
            _now = t
        trace("world.ctrl_c", 0, 1 if _sigint_handler else 0, t, "")
        handler = _sigint_handler
        if handler is None:
            raise KeyboardInterrupt
        handler()
        if loop_wait:
            return
    if target == math.inf:
        trace("world.hang", 0, 0, 0.0, "")
        on_hang()
        os._exit(0)
    if target > _now:
        trace("world.clock", 0, 1 if loop_wait else 0, target, "")
        _now = target


def _due(loop_id):
    heap = _net.get(loop_id)
    out = []
    while heap and (heap[0][3] or heap[0][0] <= _now):
        e = heapq.heappop(heap)
        if not e[3]:
            del _sock_entry[e[2]]
            trace("socket.done", e[2], loop_id, 0.0, "")
            out.append(e[2])
    return out


def wait(loop_id, deadline):
    """The loop's wait: until `deadline` (None: forever) or the loop's next
    socket completion; returns the ids of the sockets now due."""
    heap = _net.get(loop_id)
    while heap and heap[0][3]:
        heapq.heappop(heap)
    target = math.inf if deadline is None else deadline
    if heap and heap[0][0] < target:
        target = heap[0][0]
    _wait_until(target, True)
    return _due(loop_id)


def poll(loop_id):
    """A zero-length wait: the sockets already due."""
    return _due(loop_id)


def sleep(secs):
    """time.sleep's wait (arguments already checked): blocks the thread."""
    if secs > 0:
        _wait_until(_now + secs, False)


def get_sigint_handler():
    return _sigint_handler


def set_sigint_handler(fn):
    global _sigint_handler
    old, _sigint_handler = _sigint_handler, fn
    return old


# ---------------------------------------------------------------- sockets

def socket_open(loop_id, url, latency):
    sid = new_id()
    _sock_seq[0] += 1
    entry = [_now + latency, _sock_seq[0], sid, False]
    heapq.heappush(_net.setdefault(loop_id, []), entry)
    _sock_entry[sid] = entry
    trace("socket.open", sid, loop_id, entry[0], url)
    return sid


def socket_close(sid):
    e = _sock_entry.pop(sid, None)
    if e is not None:
        e[3] = True
        trace("socket.close", sid, 0, 0.0, "")


def socket_close_all(loop_id):
    for e in _net.pop(loop_id, []):
        if not e[3]:
            _sock_entry.pop(e[2], None)
            trace("socket.close", e[2], 0, 0.0, "")


# ---------------------------------------------------------------- objects

def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def iscoroutinefunction(func):
    return inspect.iscoroutinefunction(func)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def coro_name(coro):
    return getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None) or repr(coro)


def coro_repr(coro):
    name = coro_name(coro) + "()"
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    if code is None:
        return name
    if frame is not None:
        return f"{name} running at {code.co_filename}:{frame.f_lineno}"
    return f"{name} done, defined at {code.co_filename}:{code.co_firstlineno}"


def set_asyncgen_hooks(firstiter, finalizer):
    old = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
    return (old.firstiter, old.finalizer)


class _OrderedWeakSet:
    """loop._asyncgens: weak, in insertion order (as vtrun)."""

    def __init__(self):
        self._refs = {}

    def _gone(self, ref):
        self._refs.pop(ref, None)

    def add(self, obj):
        ref = weakref.ref(obj, self._gone)
        if ref not in self._refs:
            self._refs[ref] = None

    def discard(self, obj):
        self._refs.pop(weakref.ref(obj), None)

    def clear(self):
        self._refs.clear()

    def __len__(self):
        return len(self._refs)

    def __iter__(self):
        for ref in list(self._refs):
            obj = ref()
            if obj is not None:
                yield obj


def new_weak_set():
    return _OrderedWeakSet()


_AIO_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "..", "core", "aio", "python"))


def func_source(fn):
    """'FILE:LINE' where a Python function of the script was defined; None
    for builtins, classes and the functions of the asyncio modules."""
    fn = inspect.unwrap(fn) if callable(fn) else fn
    if not inspect.isfunction(fn):
        return None
    code = fn.__code__
    if os.path.dirname(os.path.abspath(code.co_filename)) == _AIO_DIR:
        return None
    return f"{code.co_filename}:{code.co_firstlineno}"


def is_internal_function(fn):
    """A plain function defined in the asyncio modules (core/aio/python)."""
    if not inspect.isfunction(fn):
        return False
    return os.path.dirname(os.path.abspath(fn.__code__.co_filename)) == _AIO_DIR
