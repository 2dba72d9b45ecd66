# Awaitscope asyncio: Future (CPython 3.11 asyncio/futures.py, simplified).

import _awaitscope
from _aio_base import (_PENDING, _CANCELLED, _FINISHED, CancelledError,
                       InvalidStateError, trace, new_id, callback_name,
                       describe_exception, safe_repr, report,
                       format_callback_source)
import _aio_events as events


def isfuture(obj):
    """A Future, or an object advertising itself as one."""
    return getattr(obj, '_asyncio_future_blocking', None) is not None


def _format_callbacks(cb):
    size = len(cb)
    if size == 0:
        s = ''
    elif size == 1:
        s = format_callback_source(cb[0], ())
    elif size == 2:
        s = format_callback_source(cb[0], ()) + ', ' + format_callback_source(cb[1], ())
    else:
        s = (format_callback_source(cb[0], ()) + f', <{size - 2} more>, ' +
             format_callback_source(cb[-1], ()))
    return f'cb=[{s}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            r = repr(future._result)
            if len(r) > 40:
                r = r[:18] + '...' + r[-19:]
            info.append(f'result={r}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


class Future:
    """This class is *almost* compatible with concurrent.futures.Future."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False
    _aw_kind = 'Future'

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop('asyncio.Future()')
        else:
            self._loop = loop
        self._callbacks = []
        self._aw_id = new_id()
        trace('future.new', self._aw_id, self._loop._aw_id, 0.0, self._aw_kind)

    def __repr__(self):
        return '<' + self.__class__.__name__ + ' ' + ' '.join(_future_repr_info(self)) + '>'

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        self._cancelled_exc = None
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        trace('future.cancelled', self._aw_id, 0, 0.0, '' if msg is None else str(msg))
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop._call_soon_internal(callback, (self,), 'done_callback', self._aw_id)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop._call_soon_internal(fn, (self,), 'done_callback', self._aw_id)
        else:
            self._callbacks.append(fn)
            trace('future.cb_add', self._aw_id, 0, 0.0, callback_name(fn))

    def remove_done_callback(self, fn):
        filtered = [f for f in self._callbacks if f != fn]
        removed_count = len(self._callbacks) - len(filtered)
        if removed_count:
            self._callbacks[:] = filtered
            trace('future.cb_remove', self._aw_id, removed_count, 0.0, callback_name(fn))
        return removed_count

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        trace('future.result', self._aw_id, 0, 0.0, safe_repr(result))
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError('invalid exception object')
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        trace('future.exception', self._aw_id, 0, 0.0, describe_exception(exception))
        self._schedule_callbacks()
        self._log_traceback = True
        failed = getattr(self._loop, '_aw_failed', None)
        if failed is not None:
            failed.append(self)

    def _aw_unretrieved(self):
        """What CPython's __del__ logs for a failed Future nobody asked
        about.  Garbage collection is not observed: the loop calls this for
        its failed futures when it closes (stderr only, not part of a run's
        output); the VM may also call it when it frees a Future."""
        if self._log_traceback:
            self._log_traceback = False
            report(f'{self.__class__.__name__} exception was never retrieved\n'
                   f'future: {self!r}', self._exception)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # This tells Task to wait for completion.
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()  # May raise too.

    __iter__ = __await__


def _get_loop(fut):
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(exception)
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    def _call_check_cancel(destination):
        if destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        if destination.cancelled() and destination._loop.is_closed():
            return
        _copy_future_state(source, destination)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError('concurrent.futures.Future is not available in the simulated world')
