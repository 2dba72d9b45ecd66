# Awaitscope asyncio: Task and the task functions (CPython 3.11
# asyncio/tasks.py, simplified; wait/as_completed keep insertion order as
# WORLD.md asks, and accept bare coroutines as Python 3.8 did).

import _awaitscope
from functools import partial
from _aio_base import (_PENDING, _CANCELLED, _FINISHED, CancelledError,
                       InvalidStateError, TimeoutError, FIRST_COMPLETED,
                       FIRST_EXCEPTION, ALL_COMPLETED, OrderedSet, trace, note,
                       describe_exception)
import _aio_events as events
import _aio_futures as futures
from _aio_futures import Future, isfuture


def iscoroutine(obj):
    return _awaitscope.iscoroutine(obj)


def iscoroutinefunction(func):
    return _awaitscope.iscoroutinefunction(func)


_counter = {'task_name': 0}
_all_tasks = []           # every Task not known to be done, in creation order
_current_tasks = {}       # loop -> the task it is running


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    elif not loop.is_running():
        note('all_tasks(loop=...) outside the loop: Python 3.7+ prefers '
             'asyncio.all_tasks() called inside a coroutine (it uses the '
             'running loop); Python 3.8 removed Task.all_tasks().')
    return _tasks_of(loop)


def _tasks_of(loop):
    live = [t for t in _all_tasks if not t.done()]
    _all_tasks[:] = live
    return OrderedSet([t for t in live if futures._get_loop(t) is loop])


def _register_task(task):
    _all_tasks.append(task)


def _unregister_task(task):
    if task in _all_tasks:
        _all_tasks.remove(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another '
                           f'task {current!r} is being executed.')
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match '
                           f'the current task {current!r}.')
    del _current_tasks[loop]


class Task(Future):
    """A coroutine wrapped in a Future."""

    _log_destroy_pending = True
    _aw_kind = 'Task'

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        if name is None:
            _counter['task_name'] += 1
            self._name = f"Task-{_counter['task_name']}"
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        trace('task.new', self._aw_id, self._loop._aw_id, 0.0, self._name)
        trace('task.coro', self._aw_id, 0, 0.0, _awaitscope.coro_name(coro))
        self._loop._call_soon_internal(self._step, (), 'task_start', self._aw_id)
        _register_task(self)

    def __repr__(self):
        info = futures._future_repr_info(self)
        if self._num_cancels_requested and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=' + repr(self._name))
        info.insert(2, 'coro=<' + _awaitscope.coro_repr(self._coro) + '>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return '<' + self.__class__.__name__ + ' ' + ' '.join(info) + '>'

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)
        trace('task.name', self._aw_id, 0, 0.0, self._name)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        trace('task.cancel_req', self._aw_id, self._num_cancels_requested, 0.0,
              '' if msg is None else str(msg))
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            self._run_step(coro, exc)
        finally:
            _leave_task(self._loop, self)

    def _run_step(self, coro, exc):
        trace('task.state', self._aw_id, 0, 0.0, 'running')
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as e:
            self._aw_returned(e.value)
        except BaseException as e:
            self._aw_raised(e)
            if isinstance(e, (KeyboardInterrupt, SystemExit)):
                raise
        else:
            self._handle_yield(result)

    # How a step ended, in methods of their own: _awaitscope.run_ready's
    # native step calls them too.
    def _aw_returned(self, value):
        if self._must_cancel:
            self._must_cancel = False
            Future.cancel(self, msg=self._cancel_message)
            trace('task.state', self._aw_id, 0, 0.0, 'cancelled')
        else:
            Future.set_result(self, value)
            trace('task.state', self._aw_id, 0, 0.0, 'done')

    def _aw_raised(self, e):
        if isinstance(e, CancelledError):
            self._cancelled_exc = e
            Future.cancel(self)
            trace('task.state', self._aw_id, 0, 0.0, 'cancelled')
        else:
            Future.set_exception(self, e)
            trace('task.state', self._aw_id, 0, 0.0, 'failed')

    def _handle_yield(self, result):
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if futures._get_loop(result) is not self._loop:
                new_exc = RuntimeError(f'Task {self!r} got Future {result!r} '
                                       'attached to a different loop')
                self._loop._call_soon_internal(self._step, (new_exc,), 'error', self._aw_id)
                trace('task.state', self._aw_id, 0, 0.0, 'ready')
            elif blocking:
                if result is self:
                    new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                    self._loop._call_soon_internal(self._step, (new_exc,), 'error',
                                                   self._aw_id)
                    trace('task.state', self._aw_id, 0, 0.0, 'ready')
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup)
                    self._fut_waiter = result
                    trace('task.await', self._aw_id, getattr(result, '_aw_id', 0), 0.0, '')
                    trace('task.state', self._aw_id, 0, 0.0, 'suspended')
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                new_exc = RuntimeError('yield was used instead of yield from '
                                       f'in task {self!r} with {result!r}')
                self._loop._call_soon_internal(self._step, (new_exc,), 'error', self._aw_id)
                trace('task.state', self._aw_id, 0, 0.0, 'ready')
        elif result is None:
            # A bare yield (sleep(0)): run again in the next iteration.
            self._loop._call_soon_internal(self._step, (), 'yield', self._aw_id)
            trace('task.state', self._aw_id, 0, 0.0, 'ready')
        elif _awaitscope.isgenerator(result):
            new_exc = RuntimeError('yield was used instead of yield from for '
                                   f'generator in task {self!r} with {result!r}')
            self._loop._call_soon_internal(self._step, (new_exc,), 'error', self._aw_id)
            trace('task.state', self._aw_id, 0, 0.0, 'ready')
        else:
            new_exc = RuntimeError(f'Task got bad yield: {result!r}')
            self._loop._call_soon_internal(self._step, (new_exc,), 'error', self._aw_id)
            trace('task.state', self._aw_id, 0, 0.0, 'ready')

    def task_wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    loop = events.get_running_loop()
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED, loop=None):
    """3.11 asyncio.wait, plus 3.8's bare coroutines (wrapped in list order,
    duplicates dropped).  done/pending come back in list order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    running = events.get_running_loop()
    items = []
    seen = {}
    legacy = False
    for f in fs:
        if f in seen:
            continue
        seen[f] = True
        if isfuture(f):
            items.append(f)
        else:
            legacy = True
            items.append(ensure_future(f, loop=running))
    if legacy:
        note('asyncio.wait() was given coroutines: Python 3.8 wrapped them in '
             'tasks, 3.11+ raises TypeError ("Passing coroutines is forbidden, '
             'use tasks explicitly."). Wrap each with asyncio.create_task(...) '
             'first, or use asyncio.gather(...).')
    return await _wait(items, timeout, return_when, running)


async def wait_for(fut, timeout):
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done = OrderedSet()
    pending = OrderedSet()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    """3.11 asyncio.as_completed with an insertion-ordered pending set."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from _aio_queues import Queue
    done = Queue()
    loop = events._get_event_loop()
    todo = {}
    seen = {}
    for f in fs:
        if f in seen:
            continue
        seen[f] = True
        todo[ensure_future(f, loop=loop)] = None
    state = {'timeout_handle': None}

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        del todo[f]
        done.put_nowait(f)
        if not todo and state['timeout_handle'] is not None:
            state['timeout_handle'].cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        state['timeout_handle'] = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


class _Sleep0:
    """`await _Sleep0()` is a bare yield: the task runs again next iteration
    (the reference; `_awaitscope.yield_once` is the same without a frame)."""

    def __await__(self):
        yield


_yield_once = getattr(_awaitscope, 'yield_once', None) or _Sleep0


async def sleep(delay, result=None):
    if delay <= 0:
        await _yield_once()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


def ensure_future(coro_or_future, *, loop=None):
    return _ensure_future(coro_or_future, loop=loop)


async def _wrap_awaitable(awaitable):
    return await awaitable


def _ensure_future(coro_or_future, *, loop=None, what=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    called_wrap_awaitable = False
    if not iscoroutine(coro_or_future):
        if getattr(coro_or_future, '__await__', None) is not None:
            coro_or_future = _wrap_awaitable(coro_or_future)
            called_wrap_awaitable = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events._get_event_loop(what)
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()
        raise


class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children."""

    _aw_kind = '_GatheringFuture'

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = events._get_event_loop('asyncio.gather()')
        outer = loop.create_future()
        outer.set_result([])
        return outer

    st = {'nfinished': 0, 'nfuts': 0, 'outer': None}
    children = []

    def _done_callback(fut):
        st['nfinished'] += 1
        outer = st['outer']
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if st['nfinished'] == st['nfuts']:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError('' if fut._cancel_message is None
                                         else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop, what='asyncio.gather()')
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            st['nfuts'] += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    st['outer'] = outer
    return outer


def shield(arg):
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def to_thread(func, *args, **kwargs):
    loop = events.get_running_loop()
    return await loop.run_in_executor(None, partial(func, *args, **kwargs))


def run_coroutine_threadsafe(coro, loop):
    raise RuntimeError('threads are outside the simulated world')


# The native ready-queue turn (_awaitscope.run_ready) runs a Task's step
# itself when the handle is exactly Handle(Task._step) of an exact Task; it
# needs these objects to recognise that case and to do what _step does.
if hasattr(_awaitscope, 'fast_register'):
    _awaitscope.fast_register(events.Handle, Task, Task._step, _PENDING,
                              _current_tasks,
                              _awaitscope.describe_plain(Task._step))
