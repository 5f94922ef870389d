"""Signals while the library hands events over: nothing is lost to Ctrl-C.

dgram_poll calls the module's ctypes trampolines; Python runs a pending
signal's handler at the first instruction of a trampoline, and an exception
raised there (KeyboardInterrupt) escapes the trampoline: ctypes prints
"Exception ignored on calling ctypes callback function" and both the
interrupt and the event are lost. So while dgram_poll runs on the main
thread (the only one Python runs handlers on), hold() puts a handler of
its own in place of a Python-level SIGINT handler: in a listener (listening
is set around the call of a listener or a send callback) it calls the
original, so a listener is interrupted where a Python function would be
(the exception is the listener's, reported like any other); anywhere else
it only records the signal, and release() restores the original handler
and calls it for the recorded signal once the batch was handed over.
"""

import signal
import threading

# The C module signal wraps: signal.signal converts handlers to and from
# enums, which formats the repr of a handler it cannot convert (asyncio's
# is a partial of its Runner: tens of microseconds a poll).
import _signal
from types import FrameType
from typing import Any, Callable, Optional

#: The thread Python runs signal handlers on.
main_thread = threading.main_thread()
_SIGNALS = (signal.SIGINT,)

#: True while a listener or a send callback runs (set by the dispatch).
listening = False
_held: "dict[int, Callable[[int, Optional[FrameType]], Any]]" = {}  # signal -> the handler hold() replaced
_recorded: "list[int]" = []  # signals that came while a batch was handed over


def _handler(signum, frame):
    if listening:
        return _held[signum](signum, frame)
    _recorded.append(signum)
    return None


def hold():
    """Puts the deferring handler in place; returns whether release() must run.

    Only on the main thread, and only over a Python-level handler (the
    default handler raises KeyboardInterrupt; SIG_IGN and SIG_DFL raise
    nothing in Python)."""
    if threading.current_thread() is not main_thread or _held:
        return False
    try:
        for s in _SIGNALS:
            h = _signal.getsignal(s)
            if callable(h):
                # signal.signal runs the handlers of pending signals first:
                # the original's exception leaves nothing held
                _signal.signal(s, _handler)
                _held[s] = h
    except BaseException:
        release()
        raise
    return bool(_held)


def release():
    """Restores the handlers and runs them for the signals recorded meanwhile."""
    global listening
    listening = False
    held = dict(_held)
    _held.clear()
    for s, h in held.items():
        if _signal.getsignal(s) is _handler:  # unless a listener installed its own
            _signal.signal(s, h)
    recorded = list(dict.fromkeys(_recorded))
    _recorded.clear()
    for s in recorded:
        if s in held:
            held[s](s, None)
