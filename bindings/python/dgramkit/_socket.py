"""The Pythonic layer: Socket, create_socket, the callbacks and poll.

Every socket is created in poll delivery (DGRAM_DELIVERY_POLL): its
listeners and send callbacks run on the thread that calls dgram_poll,
either the asyncio loop's (dgramkit.aio, through dgram_event_fd and
loop.add_reader) or the caller's in blocking mode (poll(), run()). The
library's callbacks are six module-level ctypes trampolines that live as
long as the module; a socket's Python listeners are kept by the socket,
which the module keeps until its 'close' event.
"""

import collections
import ctypes
import math
from collections.abc import Mapping

from . import _ffi_gen as _ffi
from . import _lib
from .errors import DgramError, make_error, template_error

lib = _lib.lib

_sockets = {}     # handle -> Socket, until its 'close' event
_pending = {}     # send callback token -> (socket, callable)
_tokens = iter(range(1, 1 << 62))
_errors = collections.deque()  # exceptions raised by listeners and callbacks, not yet reported

#: The Python value of each struct result: a named tuple of its fields.
_tuples = {}


def _tuple_of(struct):
    cls = type(struct)
    nt = _tuples.get(cls)
    if nt is None:
        nt = _tuples[cls] = collections.namedtuple(cls.__name__, [f for f, _ in cls._fields_])
    vals = []
    for f, _ in cls._fields_:
        v = getattr(struct, f)
        vals.append(v.decode("utf-8", "replace") if isinstance(v, bytes) else v)
    return nt(*vals)


# --- errors -----------------------------------------------------------------

def _describe(v):
    """Node's 'Received ...' part for a Python value."""
    if v is None:
        return "None"
    r = repr(v)
    if len(r) > 28:
        r = r[:25] + "..."
    return "type %s (%s)" % (type(v).__name__, r)


def _from_info(info, fixups=()):
    """The exception of a struct dgram_error_info."""
    msg = info.message.decode("utf-8", "replace")
    for old, new in fixups:
        msg = msg.replace(old, new, 1)
    name = info.name.decode()
    return make_error(name, msg, info.kind.decode() or None, info.syscall.decode(), info.address.decode(),
                      info.port, info.sys_errno or None)


def _last_error(rc, fixups=()):
    info = _ffi.ErrorInfo()
    if lib.dgram_last_error(ctypes.byref(info)) != rc:
        name = lib.dgram_strerror(rc).decode()
        return make_error(name, name)
    return _from_info(info, fixups)


def _report(exc):
    _errors.append(exc)


def take_errors():
    """Removes and returns the exceptions listeners raised since the last call."""
    out = []
    while _errors:
        out.append(_errors.popleft())
    return out


# --- the library's callbacks --------------------------------------------------

def _dispatch(h, event, args):
    s = _sockets.get(h)
    if s is None:
        return
    if event == "close":
        s._closed = True
        del _sockets[h]
    fns = s._listeners[event]
    if event == "error" and not fns:
        _report(args[0])  # an 'error' nobody listens to is reported, as Node throws it
    for fn, once in list(fns):
        if once:
            try:
                fns.remove((fn, once))
            except ValueError:
                continue
        try:
            fn(*args)
        except BaseException as e:  # reported by poll() or the asyncio loop, never swallowed
            _report(e)
    if event == "close":
        for k, (sock, _) in list(_pending.items()):
            if sock is s:
                del _pending[k]


@_ffi.CloseCb
def _on_close(h, _ud):
    _dispatch(h, "close", ())


@_ffi.ConnectCb
def _on_connect(h, _ud):
    _dispatch(h, "connect", ())


@_ffi.ErrorCb
def _on_error(h, info, _ud):
    _dispatch(h, "error", (_from_info(info.contents),))


@_ffi.ListeningCb
def _on_listening(h, _ud):
    _dispatch(h, "listening", ())


@_ffi.MessageCb
def _on_message(h, msg, n, rinfo, _ud):
    data = ctypes.string_at(msg, n) if n else b""
    _dispatch(h, "message", (data, _tuple_of(rinfo.contents)))


@_ffi.SendCb
def _on_send(h, info, nbytes, ud):
    entry = _pending.pop(ud, None)
    if entry is None:
        return
    err = _from_info(info.contents) if info else None
    try:
        entry[1](err, nbytes)
    except BaseException as e:
        _report(e)


_EVENT_TRAMPOLINES = {"close": _on_close, "connect": _on_connect, "error": _on_error, "listening": _on_listening,
                      "message": _on_message}


# --- arguments ----------------------------------------------------------------

_INT32 = (-(1 << 31), (1 << 31) - 1)
_INT64 = (-(1 << 63), (1 << 63) - 1)


class _Call:
    """One call's conversion state: fixups of C's messages, listeners to add, the send callback."""

    def __init__(self, name):
        self.name = name
        self.fixups = []
        self.listeners = []
        self.callback = None
        self.keep = []


def _type_error(c, a, expected, v):
    return template_error("ERR_INVALID_ARG_TYPE", arg=a.name, expected=expected, received=_describe(v))


def _poison(c, a, v):
    """A value the library's check of a refuses, for the Python value v; its message then names v."""
    if a.bounds:
        n = -1
    elif a.min is not None:
        n = a.min - 1
    elif a.max is not None:
        n = a.max + 1
    else:
        raise _type_error(c, a, "an integer", v)
    c.fixups.append(("Received %d" % n, "Received " + _describe(v)))
    return n


def _integer(c, a, v):
    if v is None and a.optional:
        return 0
    if isinstance(v, str) and a.port and v.strip():
        try:
            v2 = float(v)
        except ValueError:
            return _poison(c, a, v)
        n = _integer(c, a, v2)
        if c.fixups and c.fixups[-1][1] == "Received " + _describe(v2):
            c.fixups[-1] = (c.fixups[-1][0], "Received " + _describe(v))
        return n
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        if a.port or a.own_error:  # the argument's own error, as Node's validatePort and bufferSize
            return _poison(c, a, v)
        raise _type_error(c, a, "int", v)
    if isinstance(v, float):
        if not math.isfinite(v) or v != math.trunc(v):
            return _poison(c, a, v)
        v = int(v)
    lo, hi = _INT64 if (a.max or 0) > _INT32[1] or (a.min or 0) < _INT32[0] else _INT32
    if v < lo or v > hi:  # beyond the C type: a value the library refuses, named as given
        n = hi if v > hi else lo
        c.fixups.append(("Received %d" % n, "Received %d" % v))
        return n
    return v


def _string(c, a, v):
    if isinstance(v, str):
        b = v.encode("utf-8")
        c.keep.append(b)
        return b
    if a.enum:
        return b""  # not in the set: the argument's own error
    if v is None or a.required and not v:
        return None
    raise _type_error(c, a, "str", v)


def _boolean(c, a, v):
    return bool(v)


def _platform(c, a, v):
    if v is None:
        return 0
    if isinstance(v, str):
        m = _ffi.Platform.__members__.get(v.upper())
        return int(m) if m is not None else 0x7FFF  # names no platform: nothing is supported there
    if isinstance(v, int) and not isinstance(v, bool):
        return v if _INT32[0] <= v <= _INT32[1] else 0x7FFF
    raise _type_error(c, a, "str or dgramkit.Platform", v)


def _message_bytes(v):
    if isinstance(v, bytes):
        return v
    if isinstance(v, (bytearray, memoryview)):
        return bytes(v)
    if isinstance(v, str):
        return v.encode("utf-8")
    return None


def _message(c, a, v):
    b = _message_bytes(v)
    if b is None and isinstance(v, (list, tuple)):
        parts = [_message_bytes(x) for x in v]
        if all(p is not None for p in parts):
            b = b"".join(parts)
    if b is None:
        raise _type_error(c, a, "str, bytes, bytearray, memoryview or a list of them", v)
    c.keep.append(b)
    return [b, len(b)]


def _cb_type(name):
    return getattr(_ffi, "".join(p.capitalize() for p in _snake(name).split("_")) + "Cb")


def _function(c, a, v):
    null = _cb_type(a.listener or a.callback)()
    if not callable(v):
        return null  # not a function: ignored, as Node does
    if a.listener:
        c.listeners.append((a.listener, v))
        return null  # the socket's own trampoline delivers every event
    c.callback = v
    return _on_send


def _object(c, a, v):
    if v is None:
        v = {}
    if not isinstance(v, Mapping):
        raise _type_error(c, a, "dict", v)
    st = getattr(_ffi, a.object)()
    for f in a.fields:
        key = f.name.split(".", 1)[1]
        val = v.get(key, v.get(f.py))
        if val is None:
            continue  # omitted: the field's zero value
        x = _CONVERT[f.type](c, f, val)
        setattr(st, f.py, x)
    c.keep.append(st)
    return ctypes.byref(st), st


def _convert_object(c, a, v):
    return [_object(c, a, v)[0]]


_CONVERT = {
    "integer": _integer, "string": _string, "ip": _string, "boolean": _boolean,
    "platform": _platform, "function": _function,
}


def _c_args(c, form, values):
    out = []
    for a, v in zip(form.args, values):
        if a.type == "message":
            out += _message(c, a, v)
        elif a.type == "object":
            out += _convert_object(c, a, v)
        else:
            out.append(_CONVERT[a.type](c, a, v))
    if any(a.type == "function" for a in form.args):
        out.append(None)  # user_data: the send callback's token, set by invoke
    return out


_SCALAR_OUT = {"integer": ctypes.c_int64, "boolean": ctypes.c_bool}

#: The calls that change whether a socket is connected, and to what, once they succeeded.
_CONNECTION = {"connect": True, "disconnect": False}

#: The events a listener argument is added to once (the others: 'message', with on).
_ONCE = ("listening", "close", "connect")


def invoke(form, values, sock=None, prepare=None):
    """Calls form's C function with the Python values, in order of the form's arguments.

    Returns its result as Python sees it; raises the library's error. prepare,
    if given, may adjust the C arguments (a list) before the call.
    """
    _lib.check_fork(form.call)
    c = _Call(form.call)
    args = _c_args(c, form, values)
    if prepare is not None:
        prepare(args)
    if not form.module:
        if sock is None or sock._closed:
            raise template_error("ERR_SOCKET_DGRAM_NOT_RUNNING")
        args.insert(0, sock._handle)
    out = None
    if form.result == "object":
        out = getattr(_ffi, form.object)()
        args.append(ctypes.byref(out))
    elif form.result == "scalar":
        if form.object in _SCALAR_OUT:
            out = _SCALAR_OUT[form.object]()
            args.append(ctypes.byref(out))
        else:
            out = ctypes.create_string_buffer(_ffi.STRING_LEN)
            args.append(ctypes.cast(out, ctypes.c_void_p))
    token = None
    if c.callback is not None:
        token = next(_tokens)
        _pending[token] = (sock, c.callback)
        args[-1 if out is None else -2] = token
    rc = getattr(lib, form.c)(*args)
    if rc < 0:
        if token is not None:
            _pending.pop(token, None)
        err = _last_error(rc, c.fixups)
        if err.code == "ERR_INVALID_HANDLE" and sock is not None:
            raise template_error("ERR_SOCKET_DGRAM_NOT_RUNNING")
        raise err
    if form.call in _CONNECTION:
        sock._connected = _CONNECTION[form.call]
    target = sock
    if form.result == "socket":
        target = Socket(rc)
    for event, fn in c.listeners:
        target.once(event, fn) if event in _ONCE else target.on(event, fn)
    if form.result == "socket":
        return target
    if form.result == "object":
        return _tuple_of(out)
    if form.result == "scalar":
        return out.value.decode() if isinstance(out.value, bytes) else out.value
    return None


# --- the socket ---------------------------------------------------------------

def _form(c_name):
    return _ffi.FORMS[c_name]


def _forms_of(call, connected):
    """call's forms for a socket that is connected or not (FORMS' connected):
    (the form without bounds, the form with offset and length)."""
    forms = [f for f in _ffi.FORMS.values() if f.call == call and f.connected == connected]
    plain = [f for f in forms if not any(a.bounds for a in f.args)]
    bounds = [f for f in forms if any(a.bounds for a in f.args)]
    return plain[0], bounds[0]


#: send's forms, by whether the socket is connected.
_SEND_FORMS = {False: _forms_of("send", False), True: _forms_of("send", True)}


class Socket(_ffi.SocketCalls):
    """A UDP socket: Node's dgram.Socket with Python names (create_socket makes one).

    Events: 'message' (data: bytes, rinfo: RemoteInfo), 'listening', 'close',
    'connect', 'error' (a DgramError). Listeners run where the socket's
    events are delivered: on the asyncio loop that dgramkit.aio attached, or
    in dgramkit.poll() / Socket.run().
    """

    def __init__(self, handle):
        self._handle = handle
        self._closed = False
        self._connected = False  # connect returned, and no disconnect since
        self._listeners = {e: [] for e in _ffi.EVENTS}
        _sockets[handle] = self
        for event, tramp in _EVENT_TRAMPOLINES.items():
            rc = getattr(lib, "dgram_on_" + event)(handle, tramp, None)
            if rc < 0:
                raise _last_error(rc)
        from . import aio
        aio._autoattach()

    def __repr__(self):
        return "<dgramkit.Socket handle=%d%s>" % (self._handle, " closed" if self._closed else "")

    @property
    def closed(self):
        """True once the socket's 'close' event was emitted."""
        return self._closed

    def _call(self, form, values):
        return invoke(form, values, self)

    # events

    def _check_event(self, event, fn):
        if event not in self._listeners:
            raise ValueError("unknown event %r: one of %s" % (event, ", ".join(_ffi.EVENTS)))
        if not callable(fn):
            raise template_error("ERR_INVALID_ARG_TYPE", arg="listener", expected="function", received=_describe(fn))

    def on(self, event, fn):
        """Adds fn to event's listeners, after those added before; returns the socket."""
        self._check_event(event, fn)
        self._listeners[event].append((fn, False))
        return self

    add_listener = on

    def once(self, event, fn):
        """Adds fn to event's listeners for its next emission only; returns the socket."""
        self._check_event(event, fn)
        self._listeners[event].append((fn, True))
        return self

    def off(self, event, fn):
        """Removes the last-added fn from event's listeners; returns the socket."""
        ls = self._listeners.get(event, [])
        for i in range(len(ls) - 1, -1, -1):
            if ls[i][0] == fn:
                del ls[i]
                break
        return self

    remove_listener = off

    def listeners(self, event):
        """event's listeners, in order."""
        return [fn for fn, _ in self._listeners[event]]

    # the calls that are more than scalars

    def bind(self, port=None, address=None, on_listening=None):
        """Binds the socket to port and address (within the call) and starts
        listening; on_listening is added to 'listening'.

        bind(), bind(port), bind(port, address), bind(port, address, fn),
        bind(fn), bind(port, fn), or bind({'port': p, 'address': a}, fn).
        An operating-system error (EADDRINUSE, ...) is raised from the call.
        """
        if isinstance(port, Mapping):
            fn = address if on_listening is None else on_listening
            return invoke(_form("dgram_bind_options"), (port, fn), self)
        vals = [port, address, on_listening]
        for i in (0, 1):  # a function at an optional position is the listener
            if callable(vals[i]):
                vals[2], vals[i] = vals[i], None
                if i == 0:
                    vals[1] = None
                break
        return invoke(_form("dgram_bind"), vals, self)

    def connect(self, port, address=None, callback=None):
        """Connects the socket to port at address (127.0.0.1 or ::1 when
        omitted): connect(port), connect(port, address), connect(port, fn),
        connect(port, address, fn).

        The socket is connected when the call returns (an unbound one is
        bound first, 'listening' coming before 'connect'): send then takes
        its connected forms. callback is added to the 'connect' event, once.
        A failure (ENOTFOUND, EINVAL, ERR_SOCKET_DGRAM_IS_CONNECTED, ...) is
        raised from the call, and callback is not added.
        """
        if callable(address) and callback is None:
            address, callback = None, address
        return invoke(_form("dgram_connect"), (port, address, callback), self)

    def ref(self):
        """Node's ref(): returns the socket and does nothing else. Python has
        no event loop that a socket keeps running (an open socket never keeps
        the interpreter alive), so ref and unref are no-ops, on a closed
        socket too, as in Node."""
        return self

    def unref(self):
        """Node's unref(): returns the socket and does nothing else (see ref)."""
        return self

    def send(self, msg, *args, port=None, address=None, callback=None, offset=None, length=None):
        """Sends a datagram: send(msg, port[, address][, callback]) or
        send(msg, offset, length, port[, address][, callback]); on a
        connected socket send(msg[, callback]) or send(msg, offset,
        length[, callback]).

        msg is bytes, bytearray, memoryview, str or a list of them; address
        defaults to 127.0.0.1 (udp4) or ::1 (udp6); callback(err, nbytes)
        gets the outcome. An unbound socket is bound first, within the call.
        The form is picked as Node picks it, by whether the socket is
        connected; a port or an address given to a connected socket is
        ERR_SOCKET_DGRAM_IS_CONNECTED.
        """
        if self._connected:
            return self._send_connected(msg, args, port, address, callback, offset, length)
        plain, bounds = _SEND_FORMS[False]
        if offset is not None or length is not None or len(args) >= 3 and (
                _truthy(_at(args, 3)) or _truthy(_at(args, 2)) and not callable(_at(args, 2))):
            a = list(args) + [None] * (5 - len(args))
            if offset is not None or length is not None:
                a = [offset, length, port, address, callback]
            return self._send_form(bounds, msg, a)
        a = list(args) + [None] * (3 - len(args))
        if not args:
            a = [port, address, callback]
        return self._send_form(plain, msg, a)

    def _send_connected(self, msg, args, port, address, callback, offset, length):
        # Node's send on a connected socket: its arguments in the places of
        # (offset, length, port, address, callback); a number in length's
        # place is the form with bounds, whose callback may stand in port's
        # place; otherwise the callback is in offset's place.
        a = list(args[:5]) + [None] * (5 - len(args))
        for i, kw in enumerate((offset, length, port, address)):
            if kw is not None:
                a[i] = kw
        off, n, p, addr, fn = a
        plain, bounds = _SEND_FORMS[True]
        if _is_number(n):
            if callable(p):
                fn, p = p, None
            form, vals = bounds, [msg, off, n, fn]
        else:
            form, vals = plain, [msg, off]
        if _truthy(p) or _truthy(addr):
            raise template_error("ERR_SOCKET_DGRAM_IS_CONNECTED")
        if not callable(vals[-1]):
            vals[-1] = callback
        return invoke(form, vals, self)

    def sendto(self, msg, offset, length, port, address=None, callback=None):
        """Legacy send with offset and length mandatory: sendto(msg, offset, length, port[, address][, callback])."""
        return self._send_form(_form("dgram_sendto"), msg, [offset, length, port, address, callback])

    def _send_form(self, form, msg, rest):
        if len(rest) >= 2 and callable(rest[-2]) and rest[-1] is None:  # send(msg, port, fn)
            rest[-1], rest[-2] = rest[-2], None
        return invoke(form, [msg] + rest[:len(form.args) - 1], self)

    def close(self, callback=None):
        """Closes the socket: no 'message' listener starts after this returns;
        'close' is emitted last, and callback is added to it."""
        return invoke(_form("dgram_close"), (callback,), self)

    # blocking mode

    def run(self, timeout=None):
        """Runs the pending callbacks of every socket (dgramkit.poll) until this
        socket's 'close' event, or until timeout seconds passed; True when closed."""
        return run(lambda: self._closed, timeout)


def _at(args, i):
    return args[i] if i < len(args) else None


def _truthy(v):
    return bool(v) and not (isinstance(v, float) and math.isnan(v))


def _is_number(v):
    """JavaScript's typeof v === 'number' for a Python value: an int or a float, not a bool."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def create_socket(options=None, on_message=None, *, type=None, reuse_addr=None, recv_buffer_size=None,
                  send_buffer_size=None, platform=None):
    """Creates a socket: create_socket('udp4', on_message), create_socket({'type': 'udp6',
    'reuseAddr': True}), or create_socket(type='udp4', reuse_addr=True, on_message=fn).

    on_message(data, rinfo) is added to the 'message' event.
    """
    kw = {"type": type, "reuseAddr": reuse_addr, "recvBufferSize": recv_buffer_size,
          "sendBufferSize": send_buffer_size, "platform": platform}
    kw = {k: v for k, v in kw.items() if v is not None}
    if isinstance(options, Mapping):
        opts = dict(options)
        opts.update(kw)
        return _create(opts, on_message)
    if kw and options is None:
        return _create(kw, on_message)
    if callable(options) and on_message is None:
        options, on_message = None, options
    form = _form("dgram_create_socket_type")
    c = _Call(form.call)
    typ = _string(c, form.args[0], options)  # checked as the type form's argument
    kw["type"] = typ.decode() if typ else ""
    return _create(kw, on_message)


def _create(opts, on_message):
    def poll_delivery(args):
        st = args[0]._obj
        st.delivery = int(_ffi.Delivery.POLL)
    return invoke(_form("dgram_create_socket"), (opts, on_message), prepare=poll_delivery)


# --- delivery ------------------------------------------------------------------

def _raise_errors():
    errs = take_errors()
    if errs:
        for e in errs[1:]:
            _errors.append(e)  # the next poll reports them
        raise errs[0]


def poll(timeout=0):
    """Runs the pending listeners and callbacks of every socket on this thread,
    waiting up to timeout seconds for one (None: until one comes); returns how
    many ran. An exception a listener raised is raised here, after the others ran."""
    _lib.check_fork("poll")
    ms = -1 if timeout is None else max(0, int(timeout * 1000))
    n = lib.dgram_poll(ms)
    if n < 0:
        raise _last_error(n)
    _raise_errors()
    return n


def run(until=None, timeout=None):
    """Blocking mode: runs poll() until until() is true (by default: until no
    socket is open), or timeout seconds passed; returns whether until() became true.
    Ctrl-C interrupts it (the wait is sliced)."""
    import time
    if until is None:
        def until():
            return not _sockets
    end = None if timeout is None else time.monotonic() + timeout
    while not until():
        left = 0.1 if end is None else min(0.1, end - time.monotonic())
        if left <= 0:
            return until()
        poll(left)
    return True


def live_sockets():
    """The number of the library's live socket handles (created, 'close' not yet emitted)."""
    return lib.dgram_live_handles()


def supports(platform, call):
    """How platform (a Platform, or its name) supports call (a Call, or its spec name): a Support."""
    if isinstance(platform, str):
        platform = _ffi.Platform[platform.upper()]
    if isinstance(call, str):
        call = _ffi.Call[_snake(call).upper()]
    return _ffi.Support(lib.dgram_supports(int(platform), int(call)))


def host_platform():
    """The platform whose native support Platform.NATIVE means on this host."""
    return _ffi.Platform(lib.dgram_host_platform())


def _snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and (name[i - 1].islower() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


__all__ = ["Socket", "create_socket", "poll", "run", "take_errors", "live_sockets", "supports", "host_platform",
           "DgramError"]
