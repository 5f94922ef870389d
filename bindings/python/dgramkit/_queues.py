"""One event queue of the library per thread (issue 19's queues): the
sockets a thread creates deliver their events on that thread's queue, and
only the thread polls it: blocking mode (poll, run) or the asyncio loop
running there (which registers the queue's descriptor with add_reader).
So two threads, or two asyncio loops in two threads, never see each
other's callbacks, and an exception a listener raises is reported on the
thread whose poll ran it (each queue keeps its own).

A thread's queue is made when the thread first needs it, and destroyed
when the thread ends (the library then closes the sockets still on it,
and they count as closed here).
"""

import collections
import select
import threading
import weakref

from . import _lib

lib = _lib.lib


class Queue:
    """A library event queue: its handle and descriptor, the handles of its
    sockets, and the exceptions its listeners raised, not yet reported."""

    def __init__(self):
        from ._socket import _last_error
        q = lib.dgram_queue_create()
        if q < 0:
            raise _last_error(q)
        fd = lib.dgram_queue_event_fd(q)
        if fd < 0:
            lib.dgram_queue_destroy(q)
            raise _last_error(fd)
        self.id, self.fd = q, fd
        self.poller = select.poll()
        self.poller.register(fd, select.POLLIN)
        self.handles = set()
        self.errors = collections.deque()
        self.destroyed = False

    def destroy(self):
        """Destroys the queue (its sockets closed by the library); the
        sockets still open on it are marked closed."""
        if self.destroyed:
            return
        self.destroyed = True
        from . import _socket
        for h in list(self.handles):
            _socket._released(h)
        if not _lib.forked():
            lib.dgram_queue_destroy(self.id)


class _ThreadEnd:
    """Lives in a thread's local storage: collected when the thread ends,
    which destroys the thread's queue."""

    def __init__(self, queue):
        weakref.finalize(self, queue.destroy).atexit = False


_local = threading.local()


def current():
    """The calling thread's queue, made on first use."""
    q = getattr(_local, "queue", None)
    if q is None or q.destroyed:
        q = _local.queue = Queue()
        _local.end = _ThreadEnd(q)
    return q
