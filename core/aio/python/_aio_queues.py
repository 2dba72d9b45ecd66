# Awaitscope asyncio: queues (CPython 3.11 asyncio/queues.py).
#
# A queue reports what the stage shows of it (INTERFACE.md "Trace
# vocabulary"): `sync.new` when made, `queue.put` / `queue.get` with the item
# as the trace shows it, and `sync.waiter_add` / `sync.waiter_remove` as
# get() and put() futures enter and leave `_getters` / `_putters`.

from _aio_base import Deque, QueueEmpty, QueueFull, trace, new_id, safe_repr
from _aio_heapq import heappush, heappop
from _aio_locks import Event, _LoopBoundMixin

_GETTER = 0.0   # sync.waiter_add x: the future waits in get() ...
_PUTTER = 1.0   # ... or in put()


def _item_repr(item):
    """The item as the trace shows it; never calls a user __repr__."""
    if type(item) is tuple:
        inner = ', '.join([safe_repr(x) for x in item])
        return '(' + inner + (',)' if len(item) == 1 else ')')
    return safe_repr(item)


class Queue(_LoopBoundMixin):
    """A FIFO queue; maxsize <= 0 means unbounded."""

    _aw_kind = 'Queue'
    _aw_end = 0     # queue.get b: the item leaves from the front

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = Deque()
        self._putters = Deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)
        self._aw_id = new_id()
        # b: the Event join() waits on; x: maxsize (a non-number shows as 0).
        size = maxsize if type(maxsize) is int else 0
        trace('sync.new', self._aw_id, self._finished._aw_id, size, self._aw_kind)

    def _init(self, maxsize):
        self._queue = Deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            trace('sync.waiter_remove', self._aw_id, waiter._aw_id, 0.0, '')
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self._queue:
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            trace('sync.waiter_add', self._aw_id, putter._aw_id, _PUTTER, '')
            try:
                await putter
            except BaseException:
                putter.cancel()  # Just in case putter is not done yet.
                try:
                    self._putters.remove(putter)
                    trace('sync.waiter_remove', self._aw_id, putter._aw_id, 0.0, '')
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        trace('queue.put', self._aw_id, 0, 0.0, _item_repr(item))
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            trace('sync.waiter_add', self._aw_id, getter._aw_id, _GETTER, '')
            try:
                await getter
            except BaseException:
                getter.cancel()  # Just in case getter is not done yet.
                try:
                    self._getters.remove(getter)
                    trace('sync.waiter_remove', self._aw_id, getter._aw_id, 0.0, '')
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        trace('queue.get', self._aw_id, self._aw_end, 0.0, _item_repr(item))
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Entries come out lowest first (a heap)."""

    _aw_kind = 'PriorityQueue'
    _aw_end = 2     # queue.get b: the trace keeps put order; the item leaves from where it is

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heappush(self._queue, item)

    def _get(self):
        return heappop(self._queue)


class LifoQueue(Queue):
    """Entries come out last in, first out."""

    _aw_kind = 'LifoQueue'
    _aw_end = 1     # queue.get b: the item leaves from the back

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
