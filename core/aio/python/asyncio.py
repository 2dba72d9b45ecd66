# Awaitscope asyncio: the public module.  A faithful, simplified port of
# CPython 3.11's asyncio in the Python subset the Awaitscope VM runs, on top
# of the native world module `_awaitscope` (see INTERFACE.md).

from _aio_base import (CancelledError, TimeoutError, InvalidStateError,
                       SendfileNotAvailableError, IncompleteReadError,
                       LimitOverrunError, BrokenBarrierError, QueueEmpty,
                       QueueFull, FIRST_COMPLETED, FIRST_EXCEPTION,
                       ALL_COMPLETED)
from _aio_events import (Handle, TimerHandle, AbstractEventLoopPolicy,
                         BaseDefaultEventLoopPolicy, DefaultEventLoopPolicy,
                         get_event_loop_policy, set_event_loop_policy,
                         get_event_loop, set_event_loop, new_event_loop,
                         get_running_loop, _get_running_loop, _set_running_loop)
from _aio_futures import Future, isfuture, wrap_future
from _aio_tasks import (Task, create_task, wait, wait_for, as_completed, sleep,
                        gather, shield, ensure_future, run_coroutine_threadsafe, to_thread,
                        current_task, all_tasks, iscoroutine,
                        iscoroutinefunction, _register_task, _unregister_task,
                        _enter_task, _leave_task)
from _aio_base_events import BaseEventLoop
from _aio_runners import Runner, run
from _aio_locks import Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier
from _aio_queues import Queue, PriorityQueue, LifoQueue
from _aio_timeouts import Timeout, timeout, timeout_at
from _aio_taskgroups import TaskGroup

AbstractEventLoop = BaseEventLoop
SelectorEventLoop = BaseEventLoop
EventLoop = BaseEventLoop

# submodule-style access (asyncio.events.get_event_loop, asyncio.exceptions...)
import _aio_base as exceptions
import _aio_events as events
import _aio_futures as futures
import _aio_tasks as tasks
import _aio_base_events as base_events
import _aio_locks as locks
import _aio_queues as queues
import _aio_runners as runners
import _aio_timeouts as timeouts
import _aio_taskgroups as taskgroups
