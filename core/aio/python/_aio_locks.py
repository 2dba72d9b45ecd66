# Awaitscope asyncio: synchronization primitives (CPython 3.11
# asyncio/locks.py: Lock, Event, Condition, Semaphore, BoundedSemaphore,
# Barrier), waiters kept in a small deque.
#
# Each primitive has an `_aw_id` and reports what the stage shows of it
# (INTERFACE.md "Trace vocabulary"): `sync.new` when made, `sync.waiter_add` /
# `sync.waiter_remove` as futures enter and leave its waiter deque, and
# `sync.value` when it is locked/unlocked, set/cleared or counted up/down.
# The trace calls sit beside the statements they describe and change nothing.

from _aio_base import Deque, CancelledError, BrokenBarrierError, trace, new_id
import _aio_events as events

_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


def _all_cancelled(waiters):
    for w in waiters:
        if not w.cancelled():
            return False
    return True


def _object_repr(obj):
    return f'<asyncio.locks.{type(obj).__name__} object>'


class _LoopBoundMixin:
    _loop = None
    _aw_id = 0      # the trace id; 0 when a subclass skipped our __init__

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _ContextManagerMixin(_LoopBoundMixin):

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):

    def __init__(self):
        self._waiters = None
        self._locked = False
        self._aw_id = new_id()
        trace('sync.new', self._aw_id, 0, 0.0, 'Lock')

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if (not self._locked and (self._waiters is None or
                _all_cancelled(self._waiters))):
            self._locked = True
            trace('sync.value', self._aw_id, 0, 1.0, '')
            return True
        if self._waiters is None:
            self._waiters = Deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        trace('sync.waiter_add', self._aw_id, fut._aw_id, 0.0, '')
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
                trace('sync.waiter_remove', self._aw_id, fut._aw_id, 0.0, '')
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        trace('sync.value', self._aw_id, 0, 1.0, '')
        return True

    def release(self):
        if self._locked:
            self._locked = False
            trace('sync.value', self._aw_id, 0, 0.0, '')
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):

    def __init__(self):
        self._waiters = Deque()
        self._value = False
        self._aw_id = new_id()
        trace('sync.new', self._aw_id, 0, 0.0, 'Event')

    def __repr__(self):
        res = _object_repr(self)
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            trace('sync.value', self._aw_id, 0, 1.0, '')
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        if self._value:
            trace('sync.value', self._aw_id, 0, 0.0, '')
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        trace('sync.waiter_add', self._aw_id, fut._aw_id, 0.0, '')
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)
            trace('sync.waiter_remove', self._aw_id, fut._aw_id, 0.0, '')


class Condition(_ContextManagerMixin):

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = Deque()
        self._aw_id = new_id()
        # b: the lock it uses (a duck-typed lock of the user's has no id).
        trace('sync.new', self._aw_id, getattr(lock, '_aw_id', 0), 0.0, 'Condition')

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            trace('sync.waiter_add', self._aw_id, fut._aw_id, 0.0, '')
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
                trace('sync.waiter_remove', self._aw_id, fut._aw_id, 0.0, '')
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):

    _aw_kind = 'Semaphore'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value
        self._aw_id = new_id()
        trace('sync.new', self._aw_id, 0, value, self._aw_kind)

    def __repr__(self):
        res = _object_repr(self)
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._value == 0 or (
            not _all_cancelled(self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            trace('sync.value', self._aw_id, 0, self._value, '')
            return True
        if self._waiters is None:
            self._waiters = Deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        trace('sync.waiter_add', self._aw_id, fut._aw_id, 0.0, '')
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
                trace('sync.waiter_remove', self._aw_id, fut._aw_id, 0.0, '')
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                trace('sync.value', self._aw_id, 0, self._value, '')
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        trace('sync.value', self._aw_id, 0, self._value, '')
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                trace('sync.value', self._aw_id, 0, self._value, '')
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):

    _aw_kind = 'BoundedSemaphore'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Barrier(_LoopBoundMixin):

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition() # notify all tasks when state changes
        self._parties = parties
        self._state = _FILLING
        self._count = 0       # count tasks in Barrier

    def __repr__(self):
        res = _object_repr(self)
        extra = f'{self._state}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block() # Block while the barrier drains or resets.
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state not in (
                _DRAINING, _RESETTING
            )
        )
        if self._state == _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != _FILLING)
        if self._state in (_BROKEN, _RESETTING):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state != _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN
