# Awaitscope asyncio: handles, the running loop, the event loop policy
# (CPython 3.11 asyncio/events.py, simplified: one thread, no contextvars).

import _awaitscope
from _aio_base import (trace, new_id, note, format_callback, callback_name,
                       format_callback_source,
                       report, describe_exception)


class Handle:
    """Object returned by callback registration methods."""

    def __init__(self, callback, args, loop, context=None):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None
        self._aw_id = new_id()

    _aw_repr_name = 'Handle'

    def _repr_info(self):
        info = [self._aw_repr_name]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<' + ' '.join(self._repr_info()) + '>'

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            trace('handle.cancel', self._aw_id, 0, 0.0, '')
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        trace('handle.run', self._aw_id, 0, 0.0, '')
        self._aw_run_body()

    # _run after its first event, in two parts that _awaitscope.run_ready
    # calls too when it runs a handle natively.
    def _aw_run_body(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            trace('handle.done', self._aw_id, 0, 0.0, 'raised')
            raise
        except BaseException as exc:
            self._aw_run_failed(exc)
            return
        trace('handle.done', self._aw_id, 0, 0.0, '')

    def _aw_run_failed(self, exc):
        cb = format_callback_source(self._callback, self._args)
        trace('handle.done', self._aw_id, 0, 0.0, 'raised')
        self._loop.call_exception_handler({
            'message': f'Exception in callback {cb}',
            'exception': exc,
            'handle': self,
        })


class TimerHandle(Handle):
    """Object returned by timed callback registration methods.  Ordered by
    (when, scheduling order), as WORLD.md asks."""

    _aw_repr_name = '_TimerHandle'     # the oracle's class name

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False
        self._seq = self._aw_id

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when

    def __eq__(self, other):
        return self is other

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


# The native heapq compares two TimerHandles as __lt__ does, while this __lt__ is theirs.
_heap_register = getattr(_awaitscope, 'heap_register', None)
if _heap_register is not None:
    _heap_register(TimerHandle, TimerHandle.__lt__)


# ---------------------------------------------------------------- running loop

_state = {'running': None, 'policy': None, 'factory': None}


def _set_loop_factory(factory):
    _state['factory'] = factory


def get_running_loop():
    loop = _state['running']
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    return _state['running']


def _set_running_loop(loop):
    _state['running'] = loop


class AbstractEventLoopPolicy:
    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """3.11's policy: one loop for the (only) thread, created on demand."""

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            note('get_event_loop() created a new event loop because none was '
                 'running or set. Python 3.12+ warns here and 3.14 raises '
                 'RuntimeError; write asyncio.run(main()), or '
                 'loop = asyncio.new_event_loop() and asyncio.set_event_loop(loop).')
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, _state['factory']):
            raise TypeError('loop must be an instance of AbstractEventLoop or None, '
                            f"not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        return _state['factory']()


DefaultEventLoopPolicy = BaseDefaultEventLoopPolicy


def get_event_loop_policy():
    if _state['policy'] is None:
        _state['policy'] = DefaultEventLoopPolicy()
    return _state['policy']


def set_event_loop_policy(policy):
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError('policy must be an instance of AbstractEventLoopPolicy or None, '
                        f"not '{type(policy).__name__}'")
    _state['policy'] = policy


def get_event_loop():
    loop = _state['running']
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def _get_event_loop(what=None):
    """get_event_loop() for Future(), gather() & co. without a loop: 3.11.7
    goes silently through the policy; the note says what newer Python does."""
    loop = _state['running']
    if loop is not None:
        return loop
    if what is not None:
        note(f'{what} was called with no running event loop; Python 3.11 uses '
             'the policy loop (get_event_loop()), Python 3.12+ warns and 3.14 '
             'raises RuntimeError. Create it inside a coroutine run by asyncio.run().')
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
