# Awaitscope asyncio: the event loop (CPython 3.11 asyncio/base_events.py,
# simplified).  The selector is the world: `_awaitscope.wait` advances the
# virtual clock, applies Ctrl+C and hands back the simulated sockets that are
# due; their callbacks go to the back of the ready queue before the timers.

import _awaitscope
from _aio_base import (Deque, OrderedSet, trace, new_id, note, format_callback,
                       describe_callback,
                       callback_name, report, describe_exception, CancelledError)
from _aio_heapq import heappush, heappop, heapify
import _aio_events as events
from _aio_events import Handle, TimerHandle
import _aio_futures as futures
import _aio_tasks as tasks

# describe_callback(callback, ()) done natively for a plain function or method
# (every handle scheduled is described in the trace); None elsewhere, and
# missing from the CPython stand-in of _awaitscope (tools/aio_cpython).
_describe_plain = getattr(_awaitscope, 'describe_plain', None)

# The end of _run_once (run exactly the handles ready now) done natively,
# with a native Task step for the common case; the CPython stand-in lacks it
# and runs _run_ready_py, which is the reference.
_run_ready = getattr(_awaitscope, 'run_ready', None)


def _run_ready_py(ready):
    ntodo = len(ready)
    i = 0
    while i < ntodo:
        i += 1
        handle = ready.popleft()
        if handle._cancelled:
            continue
        handle._run()

# Minimum number of scheduled timer handles before cleanup of cancelled
# handles is performed, and the fraction of cancelled handles that triggers it.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # run_forever() already finished, no need to stop it.
            return
    futures._get_loop(fut).stop()


class BaseEventLoop:

    def __init__(self):
        self._aw_id = new_id()
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._running = False
        self._ready = Deque()
        self._scheduled = []
        self._default_executor = None
        self._exception_handler = None
        self._debug = False
        self._task_factory = None
        self._asyncgens = _awaitscope.new_weak_set()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self._iteration = 0
        self._sockets = {}          # socket id -> (callback, args)
        self._aw_failed = []        # futures that failed: reported at close if unretrieved
        self.slow_callback_duration = 0.1
        trace('loop.new', self._aw_id, 0, 0.0, '')

    def __repr__(self):
        return (f'<VirtualEventLoop running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ------------------------------------------------------------ futures

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ------------------------------------------------------------ running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        """Shutdown all active asynchronous generators."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens],
                                     return_exceptions=True)
        i = 0
        for result in results:
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': 'an error occurred during closing of '
                               f'asynchronous generator {closing_agens[i]!r}',
                    'exception': result,
                    'asyncgen': closing_agens[i]})
            i += 1

    async def shutdown_default_executor(self):
        """There is no executor in the simulated world."""
        self._executor_shutdown_called = True
        return

    def run_forever(self):
        trace('loop.run', self._aw_id, 0, 0.0, 'run_forever')
        self._run_forever()

    def _run_forever(self):
        self._check_closed()
        self._check_running()
        old_hooks = _awaitscope.set_asyncgen_hooks(self._asyncgen_firstiter_hook,
                                                   self._asyncgen_finalizer_hook)
        try:
            self._running = True
            events._set_running_loop(self)
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)
            _awaitscope.set_asyncgen_hooks(old_hooks[0], old_hooks[1])
            trace('loop.run_end', self._aw_id, 0, 0.0, '')

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        trace('loop.run', self._aw_id, future._aw_id, 0.0, 'run_until_complete')
        future.add_done_callback(_run_until_complete_cb)
        try:
            self._run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            future.remove_done_callback(_run_until_complete_cb)
            raise
        future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        trace('loop.stop', self._aw_id, 0, 0.0, '')
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        for h in self._ready:
            trace('handle.dropped', h._aw_id, 0, 0.0, 'loop closed')
        for h in self._scheduled:
            trace('handle.dropped', h._aw_id, 0, 0.0, 'loop closed')
        self._ready.clear()
        self._scheduled = []
        self._executor_shutdown_called = True
        self._sockets = {}
        _awaitscope.socket_close_all(self._aw_id)
        failed = self._aw_failed
        self._aw_failed = []
        for fut in failed:
            fut._aw_unretrieved()
        trace('loop.close', self._aw_id, 0, 0.0, '')

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def time(self):
        return _awaitscope.now()

    # ------------------------------------------------------------ callbacks

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        heappush(self._scheduled, timer)
        timer._scheduled = True
        trace('timer.new', timer._aw_id, self._aw_id, when, describe_callback(callback, args))
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        return self._call_soon(callback, args, context, 'call_soon', 0)

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        return self._call_soon(callback, args, context, 'call_soon_threadsafe', 0)

    def _call_soon_internal(self, callback, args, reason, target):
        """call_soon from asyncio itself, with the reason for the trace:
        task_start, yield, done_callback (a future completed), error."""
        self._check_closed()
        return self._call_soon(callback, args, None, reason, target)

    def _call_soon(self, callback, args, context, reason, target):
        handle = Handle(callback, args, self, context)
        text = None if args or _describe_plain is None else _describe_plain(callback)
        if text is None:
            text = describe_callback(callback, args)
        trace('handle.new', handle._aw_id, self._aw_id, 0.0, text)
        trace('handle.ready', handle._aw_id, target, 0.0, reason)
        self._ready.append(handle)
        return handle

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def run_in_executor(self, executor, func, *args):
        raise RuntimeError('threads/executors are outside the simulated world')

    def set_default_executor(self, executor):
        self._default_executor = executor

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    # ------------------------------------------------------------ errors

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        report('\n'.join(lines), context.get('exception'))

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                report('Exception in default exception handler')
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    report('Exception in default exception handler')

    # ------------------------------------------------------------ sockets

    def _aw_socket_open(self, url, latency, callback, *args):
        """A simulated socket: `callback(*args)` becomes ready when it
        completes, `latency` seconds from now (unless closed before)."""
        sid = _awaitscope.socket_open(self._aw_id, url, latency)
        self._sockets[sid] = (callback, args)
        return sid

    def _aw_socket_close(self, sid):
        if sid in self._sockets:
            del self._sockets[sid]
            _awaitscope.socket_close(sid)

    def _process_events(self, sids):
        for sid in sids:
            entry = self._sockets.get(sid)
            if entry is None:
                continue
            del self._sockets[sid]
            handle = Handle(entry[0], entry[1], self, None)
            trace('handle.new', handle._aw_id, self._aw_id, 0.0,
                  describe_callback(entry[0], entry[1]))
            trace('handle.ready', handle._aw_id, sid, 0.0, 'socket')
            self._ready.append(handle)

    # ------------------------------------------------------------ one iteration

    def _run_once(self):
        self._iteration += 1
        trace('loop.iter', self._aw_id, self._iteration, 0.0, '')
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heappop(self._scheduled)
                handle._scheduled = False

        if self._ready or self._stopping:
            trace('loop.wait', self._aw_id, 0, 0.0, 'zero')
            sids = _awaitscope.poll(self._aw_id)
        elif self._scheduled:
            when = self._scheduled[0]._when
            if when <= self.time():
                trace('loop.wait', self._aw_id, 0, when, 'zero')
                sids = _awaitscope.poll(self._aw_id)
            else:
                trace('loop.wait', self._aw_id, 0, when, 'timer')
                sids = _awaitscope.wait(self._aw_id, when)
        else:
            trace('loop.wait', self._aw_id, 0, -1.0, 'forever')
            sids = _awaitscope.wait(self._aw_id, None)
        self._process_events(sids)

        # Handle 'later' callbacks that are ready (when <= clock).
        now = self.time()
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when > now:
                break
            handle = heappop(self._scheduled)
            handle._scheduled = False
            trace('timer.due', handle._aw_id, self._aw_id, 0.0, '')
            self._ready.append(handle)

        # Run exactly the handles ready now; new ones wait for the next turn.
        if _run_ready is not None:
            _run_ready(self._ready)
        else:
            _run_ready_py(self._ready)


events._set_loop_factory(BaseEventLoop)
