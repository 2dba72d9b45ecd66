# Awaitscope asyncio: a min-heap on a list, CPython heapq's algorithm
# (only `<` is used to compare items), for the timer heap and PriorityQueue.


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapify(x):
    n = len(x)
    i = n // 2 - 1
    while i >= 0:
        _siftup(x, i)
        i -= 1


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


# CPython's asyncio uses the C heapq: when the loop runs natively, so do we
# (core/aio/native_heapq.cpp); the functions above stay as the reference.
import _awaitscope
if getattr(_awaitscope, 'heappush', None) is not None:
    heappush = _awaitscope.heappush
    heappop = _awaitscope.heappop
    heapify = _awaitscope.heapify
