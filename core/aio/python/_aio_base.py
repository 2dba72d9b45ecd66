# Awaitscope asyncio: shared basics (exceptions, ordered set, deque, the
# trace helpers, formatting of callbacks).  Everything here is plain Python of
# the subset the Awaitscope VM runs; the world comes from `_awaitscope`.

import _awaitscope
from functools import partial as _Partial

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# ---------------------------------------------------------------- exceptions

class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError          # 3.11: asyncio.TimeoutError is the builtin


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


# ExceptionGroup is a builtin of 3.11; a VM that lacks it gets these
# stand-ins (single inheritance only: ExceptionGroup is an Exception, and
# not a BaseExceptionGroup subclass here).
def _group_init(self, message, exceptions):
    self.message = message
    self.exceptions = tuple(exceptions)


def _group_str(self):
    n = len(self.exceptions)
    return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"


try:
    BaseExceptionGroup = BaseExceptionGroup
    ExceptionGroup = ExceptionGroup
except NameError:
    class BaseExceptionGroup(BaseException):
        def __init__(self, message, exceptions):
            super().__init__(message, exceptions)
            _group_init(self, message, exceptions)

        def __str__(self):
            return _group_str(self)

    class ExceptionGroup(Exception):
        def __init__(self, message, exceptions):
            super().__init__(message, exceptions)
            _group_init(self, message, exceptions)

        def __str__(self):
            return _group_str(self)


def make_exception_group(message, errors):
    """BaseExceptionGroup(message, errors) as 3.11 builds it: an
    ExceptionGroup when every error is an Exception."""
    for e in errors:
        if not isinstance(e, Exception):
            return BaseExceptionGroup(message, errors)
    return ExceptionGroup(message, errors)


# ---------------------------------------------------------------- the trace

trace = _awaitscope.trace
new_id = _awaitscope.new_id


def note(text):
    """A note in the trace (legacy APIs and similar explanations)."""
    _awaitscope.trace('note', 0, 0, 0.0, text)


def callback_name(fn):
    """A short name for a callback, as asyncio's repr shows it."""
    if isinstance(fn, _Partial):
        return callback_name(fn.func)
    name = getattr(fn, '__qualname__', None)
    if not name:
        name = getattr(fn, '__name__', None)
    if not name:
        return repr(fn)
    return name


def format_args(args):
    return '(' + ', '.join([short_repr(a) for a in args]) + ')'


def short_repr(obj):
    s = repr(obj)
    if len(s) > 30 and isinstance(obj, str):
        s = s[:13] + '...' + s[-14:]
    return s


def format_callback(fn, args):
    """`_format_callback` of format_helpers: name(args), partials unwrapped."""
    suffix = ''
    while isinstance(fn, _Partial):
        suffix = format_args(args) + suffix
        args = fn.args
        fn = fn.func
    return callback_name(fn) + format_args(args) + suffix


def safe_repr(a):
    if a is None or isinstance(a, (bool, int, float, str)):
        return short_repr(a)
    return '<' + type(a).__name__ + '>'


def describe_callback(fn, args):
    """format_callback for the trace: never calls a user __repr__."""
    suffix = ''
    while isinstance(fn, _Partial):
        suffix = '(' + ', '.join([safe_repr(a) for a in args]) + ')' + suffix
        args = fn.args
        fn = fn.func
    return callback_name(fn) + '(' + ', '.join([safe_repr(a) for a in args]) + ')' + suffix


# Where CPython 3.11.7 (and the oracle, vtrun.py) define the internal
# callbacks that show up in reprs such as `cb=[_run_until_complete_cb() at
# .../base_events.py:180]`: the expected outputs were made on that install.
_STDLIB = '/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/'
_VTRUN = '/work/shared/conformance/vtrun.py'
_INTERNAL_SOURCES = {
    '_run_until_complete_cb': _STDLIB + 'base_events.py:180',
    '_release_waiter': _STDLIB + 'tasks.py:431',
    '_wait.<locals>._on_completion': _STDLIB + 'tasks.py:519',
    'gather.<locals>._done_callback': _STDLIB + 'tasks.py:764',
    'shield.<locals>._inner_done_callback': _STDLIB + 'tasks.py:891',
    'shield.<locals>._outer_done_callback': _STDLIB + 'tasks.py:908',
    '_set_result_unless_cancelled': _STDLIB + 'futures.py:311',
    '_chain_future.<locals>._call_check_cancel': _STDLIB + 'futures.py:387',
    '_chain_future.<locals>._call_set_state': _STDLIB + 'futures.py:394',
    'as_completed.<locals>._on_timeout': _VTRUN + ':400',
    'as_completed.<locals>._on_completion': _VTRUN + ':406',
}


def format_callback_source(fn, args):
    """`_format_callback_source`: name(args) plus ' at FILE:LINE' for a
    function (the world knows where the script defined it)."""
    text = format_callback(fn, args)
    while isinstance(fn, _Partial):
        fn = fn.func
    source = _awaitscope.func_source(fn)
    if source is None:
        name = getattr(fn, '__qualname__', None)
        if name is not None and _awaitscope.is_internal_function(fn):
            source = _INTERNAL_SOURCES.get(name)
    if source:
        text += ' at ' + source
    return text


def describe_exception(exc):
    msg = str(exc)
    return type(exc).__name__ + (': ' + msg if msg else '')


def report(message, exc=None):
    """What asyncio's default exception handler would log (stderr)."""
    if exc is not None:
        message = message + '\n' + describe_exception(exc)
    _awaitscope.report(message)


# ---------------------------------------------------------------- containers

class OrderedSet:
    """A set that iterates in insertion order (WORLD.md: the sets asyncio
    hands back are in creation order)."""

    def __init__(self, items=()):
        self._d = {}
        for x in items:
            self._d[x] = None

    def add(self, x):
        self._d[x] = None

    def discard(self, x):
        if x in self._d:
            del self._d[x]

    def remove(self, x):
        del self._d[x]

    def pop(self):
        for x in self._d:
            del self._d[x]
            return x
        raise KeyError('pop from an empty set')

    def clear(self):
        self._d = {}

    def copy(self):
        return OrderedSet(self._d)

    def update(self, items):
        for x in items:
            self._d[x] = None

    def __contains__(self, x):
        return x in self._d

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __iter__(self):
        return iter(list(self._d))

    def __eq__(self, other):
        if isinstance(other, OrderedSet):
            other = set(other._d)
        return set(self._d) == other

    def union(self, *others):
        r = OrderedSet(self._d)
        for o in others:
            r.update(o)
        return r

    def __or__(self, other):
        return self.union(other)

    def difference(self, other):
        return OrderedSet([x for x in self._d if x not in other])

    def __sub__(self, other):
        return self.difference(other)

    def intersection(self, other):
        return OrderedSet([x for x in self._d if x in other])

    def __and__(self, other):
        return self.intersection(other)

    def issubset(self, other):
        for x in self._d:
            if x not in other:
                return False
        return True

    def __repr__(self):
        if not self._d:
            return 'set()'
        return '{' + ', '.join([repr(x) for x in self._d]) + '}'


class _PyDeque:
    """Just enough of collections.deque: a list and a head index (the
    reference; the VM's `_awaitscope.deque` is the same in C++)."""

    def __init__(self, items=()):
        self._items = list(items)
        self._head = 0

    def _compact(self):
        if self._head > 32 and self._head * 2 > len(self._items):
            self._items = self._items[self._head:]
            self._head = 0

    def append(self, x):
        self._items.append(x)

    def appendleft(self, x):
        if self._head > 0:
            self._head -= 1
            self._items[self._head] = x
        else:
            self._items.insert(0, x)

    def popleft(self):
        if self._head >= len(self._items):
            raise IndexError('pop from an empty deque')
        x = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head == len(self._items):
            self._items = []
            self._head = 0
        else:
            self._compact()
        return x

    def pop(self):
        if self._head >= len(self._items):
            raise IndexError('pop from an empty deque')
        x = self._items.pop()
        if self._head >= len(self._items):
            self._items = []
            self._head = 0
        return x

    def remove(self, x):
        i = self._head
        n = len(self._items)
        while i < n:
            if self._items[i] is x or self._items[i] == x:
                del self._items[i]
                return
            i += 1
        raise ValueError('deque.remove(x): x not in deque')

    def clear(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        return iter(self._items[self._head:])

    def __getitem__(self, i):
        if i < 0:
            i += len(self._items) - self._head
        if i < 0 or self._head + i >= len(self._items):
            raise IndexError('deque index out of range')
        return self._items[self._head + i]

    def __repr__(self):
        return 'deque(' + repr(self._items[self._head:]) + ')'


# The ready queue is the loop's hottest structure, and _awaitscope.run_ready
# works on the native deque directly. The CPython stand-in has no native one.
Deque = getattr(_awaitscope, 'deque', None) or _PyDeque
