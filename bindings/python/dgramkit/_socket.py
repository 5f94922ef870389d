"""The Pythonic layer: Socket, create_socket, the callbacks and poll.

Every socket is created in poll delivery (DGRAM_DELIVERY_POLL): its
listeners and send callbacks run on the thread that calls dgram_poll,
either the asyncio loop's (dgramkit.aio, through dgram_event_fd and
loop.add_reader) or the caller's in blocking mode (poll(), run()). The
library's callbacks are six module-level ctypes trampolines that live as
long as the module; a socket's Python listeners are kept by the socket,
which the module refers to weakly, as Python refers to a socket.socket:
a socket nobody refers to is closed by its finalizer, with a
ResourceWarning. A socket is held from close() to its 'close' event, and
while a send callback of it is pending.
"""

import collections
import ctypes
import math
import select
import threading
import warnings
import weakref
from collections.abc import Mapping

from . import _ffi_gen as _ffi
from . import _lib
from . import _queues
from . import _signals
from .errors import DgramError, make_error, template_error

lib = _lib.lib

_sockets: "dict[int, weakref.ref[Socket]]" = {}  # handle -> its Socket, until its 'close' event
_closing: "dict[int, Socket]" = {}  # handle -> Socket, from close() to its 'close' event
_pending: "dict[int, tuple[Socket | None, object]]" = {}  # send callback token -> (socket, callable)
_tokens = iter(range(1, 1 << 62))

def _tuple_of(struct):
    """The Python value of a result struct: the generated NamedTuple of its object (RESULTS)."""
    nt = _ffi.RESULTS[type(struct).__name__]
    vals = []
    for f in nt._fields:
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


def _shown(v):
    """How the library's messages show an integer: Node's, with _ separators beyond 2**32."""
    return "{:_}".format(v) if abs(v) > 1 << 32 else str(v)


def _from_info(info, fixups=()):
    """The exception of a struct dgram_error_info; fixups are (n, v): the C
    value n the binding passed for the Python value v, which the message
    then names (as the library words a value: type int (n), or the number)."""
    msg = info.message.decode("utf-8", "replace")
    for n, v in fixups:
        if _describe(n) in msg:
            msg = msg.replace(_describe(n), _describe(v), 1)
        else:
            new = _shown(v) if isinstance(v, int) and not isinstance(v, bool) else repr(v)
            msg = msg.replace("Received " + _shown(n), "Received " + new, 1)
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
    """Keeps what a listener raised for the poll that runs it (its queue's)."""
    _queues.current().errors.append(exc)


def take_errors():
    """Removes and returns the exceptions listeners raised on this thread
    (its queue's) since the last call."""
    errors = _queues.current().errors
    out = []
    while errors:
        out.append(errors.popleft())
    return out


# --- the library's callbacks --------------------------------------------------

def _dispatch(h, event, args):
    ref = _sockets.get(h)
    s = ref() if ref is not None else None
    if event == "close":
        _sockets.pop(h, None)
        _closing.pop(h, None)
        _queues.current().handles.discard(h)
    if s is None:
        return  # collected: its finalizer closed it
    if event == "close":
        s._closed = s._released = True
        s._finalizer.detach()
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
            _signals.listening = True  # a signal now interrupts the listener (_signals)
            fn(*args)
            _signals.listening = False
        except BaseException as e:  # reported by poll() or the asyncio loop, never swallowed
            _signals.listening = False
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
        _signals.listening = True
        entry[1](err, nbytes)
        _signals.listening = False
    except BaseException as e:
        _signals.listening = False
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
    c.fixups.append((n, v))
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
        if c.fixups and c.fixups[-1][1] is v2:
            c.fixups[-1] = (c.fixups[-1][0], v)
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
        c.fixups.append((n, v))
        return n
    return v


def _utf8(v):
    """A str as UTF-8, a lone surrogate as U+FFFD (as Node's Buffer.from and
    every JavaScript string conversion): never a UnicodeEncodeError."""
    try:
        return v.encode("utf-8")
    except UnicodeEncodeError:
        return v.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


def _string(c, a, v):
    if isinstance(v, str):
        b = _utf8(v)
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
    """The bytes of a message: a str (UTF-8) or any bytes-like object (the
    buffer protocol, as socket.sendto takes: bytes, bytearray, memoryview,
    array.array, a ctypes array, ...); None for anything else."""
    if isinstance(v, bytes):
        return v
    if isinstance(v, str):
        return _utf8(v)
    try:
        with memoryview(v) as m:
            return m.tobytes()
    except TypeError:
        return None


def _message(c, a, v):
    b = _message_bytes(v)
    if b is None and isinstance(v, (list, tuple)):
        parts = [_message_bytes(x) for x in v]
        if all(p is not None for p in parts):
            b = b"".join(parts)
    if b is None:
        raise _type_error(c, a, "str, a bytes-like object or a list of them", v)
    c.keep.append(b)
    return [b, len(b)]


_NULL_CBS = {}  # event or callback name -> its ctypes type's NULL


def _null_cb(name):
    """The NULL of the callback type of an event or callback (MessageCb for 'message')."""
    null = _NULL_CBS.get(name)
    if null is None:
        cls = getattr(_ffi, "".join(p.capitalize() for p in _snake(name).split("_")) + "Cb")
        null = _NULL_CBS[name] = cls()
    return null


def _function(c, a, v):
    null = _null_cb(a.listener or a.callback)
    if not callable(v):
        return null  # not a function: ignored, as Node does
    if a.listener:
        c.listeners.append((a.listener, v, a.once))
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
    if form.function_index >= 0:
        out.append(None)  # user_data: the send callback's token, set by invoke
    return out


_SCALAR_OUT = {"integer": ctypes.c_int64, "boolean": ctypes.c_bool}

def _closed_by_call(sock):
    sock._closed = True
    sock._finalizer.detach()
    _closing[sock._handle] = sock  # held until its 'close' event


def _connected(flag):
    def set_connected(sock):
        sock._connected = flag
    return set_connected


def _no_change(sock):
    pass


#: What a successful call does to the socket, by the spec's lifecycle (the
#: others: nothing Python tracks).
_LIFECYCLE = {"close": _closed_by_call, "connect": _connected(True), "disconnect": _connected(False)}


_FUNCS = {}  # C name -> the library's function


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
    fn = _FUNCS.get(form.c)
    if fn is None:
        fn = _FUNCS[form.c] = getattr(lib, form.c)
    rc = fn(*args)
    if rc < 0:
        if token is not None:
            _pending.pop(token, None)
        err = _last_error(rc, c.fixups)
        if err.code == "ERR_INVALID_HANDLE" and sock is not None:
            raise template_error("ERR_SOCKET_DGRAM_NOT_RUNNING")
        raise err
    if form.lifecycle:
        _LIFECYCLE.get(form.lifecycle, _no_change)(sock)
    target = sock
    if form.result == "socket":
        target = Socket(rc)
    for event, fn, once in c.listeners:
        target.once(event, fn) if once else target.on(event, fn)
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


# --- picking a form (DISPATCH: the spec's model, as the JavaScript host picks) ---

def _spread(a, form):
    """A call's positional arguments placed on form as Node places them: a
    function met at an optional position before the form's function
    argument is that function, and the optional arguments between are
    omitted."""
    n, fn = len(form.args), form.function_index
    v = [None] * n
    for i in range(min(n, len(a))):
        if 0 <= fn and form.first_optional <= i < fn and callable(a[i]):
            v[fn] = a[i]
            return v
        v[i] = a[i]
    return v


def _keyword_index(form, name):
    """The place of keyword name in form: an argument's Python name, or
    callback for the form's function argument; None when it has none."""
    for i, a in enumerate(form.args):
        if a.py == name:
            return i
    if name == "callback" and form.function_index >= 0:
        return form.function_index
    return None


def _unexpected(d, name):
    return TypeError("%s() got an unexpected keyword argument %r" % (d.method, name))


def _pick(d, a, kwargs):
    """The form of a socket that is not connected (or of the module)."""
    forms = [_ffi.FORMS[c] for c in d.forms]
    if kwargs and len(forms) > 1:
        fit = [f for f in forms if all(_keyword_index(f, k) is not None for k in kwargs)]
        if len(fit) == 1:
            return fit[0]
        if not fit:
            raise _unexpected(d, next(k for k in kwargs if all(_keyword_index(f, k) is None for f in forms)))
    if d.test == "options":
        return forms[0] if isinstance(_at(a, 0), Mapping) else forms[1]
    if d.test == "bounds":
        return forms[0] if _truthy(_at(a, d.at + 1)) or _truthy(_at(a, d.at)) and not callable(_at(a, d.at)) \
            else forms[1]
    return forms[0]


def _pick_connected(d, a, kwargs):
    """The form and values of a call on a connected socket, as Node's send
    picks there: a number in the bounds form's length place picks it; a
    truthy destination argument is ERR_SOCKET_DGRAM_IS_CONNECTED."""
    full = max((_ffi.FORMS[c] for c in d.forms), key=lambda f: len(f.args))
    a = list(a) + [None] * max(0, len(full.args) - len(a))
    for k, v in kwargs.items():  # in the places of the longest form, for the tests below
        i = _keyword_index(full, k)
        if i is not None:
            a[i] = v
    bounds = len(d.connected) == 2 and _is_number(a[d.connected_at])
    form = _ffi.FORMS[d.connected[0] if bounds or len(d.connected) == 1 else d.connected[1]]
    for k, i in enumerate(d.dest):
        if _truthy(a[i]) and not (bounds and k == 0 and callable(a[i])):
            raise template_error("ERR_SOCKET_DGRAM_IS_CONNECTED")
    v = _spread(a, form)
    fi, ffi = d.fallback
    if bounds and fi >= 0 and not callable(v[fi]):
        v[fi] = a[ffi]
    return form, v


def dispatch(d, args, kwargs, sock=None):
    """Calls d's call with Python arguments: picks the form (d, generated
    from the spec), places the positional arguments as Node does and the
    keyword ones by name, and invokes it."""
    if d.connected and sock is not None and sock._connected:
        form, v = _pick_connected(d, args, kwargs)
    else:
        form = _pick(d, args, kwargs)
        v = _spread(args, form)
    for k, val in kwargs.items():
        i = _keyword_index(form, k)
        if i is None:
            if d.connected and sock is not None and sock._connected:
                continue  # a destination: refused above when truthy
            raise _unexpected(d, k)
        v[i] = val
    if sock is not None and not sock._closed:
        args = _plain_args(form, v)
        if args is not None:
            return _invoke_plain(form, args, sock)
    return invoke(form, v, sock)


# --- the plain path: a call whose values need no conversion -------------------------

_PLAIN = {}  # C name -> the form's (kind, arg, low, high) per argument, or None


def _plain_kinds(form):
    kinds = []
    for a in form.args:
        if a.type == "message":
            kinds.append(("m", a, 0, 0))
        elif a.type == "integer":
            wide = (a.max or 0) > _INT32[1] or (a.min or 0) < _INT32[0]
            lo, hi = _INT64 if wide else _INT32
            kinds.append(("i", a, lo if a.min is None else a.min, hi if a.max is None else a.max))
        elif a.type in ("string", "ip") and not a.enum:
            kinds.append(("s", a, 0, 0))
        elif a.type == "function":
            kinds.append(("f", a, 0, 0))
        else:
            return None
    return kinds


def _plain_args(form, v):
    """The C arguments of the common case, with no conversion to speak of:
    a bytes message, ints within their range, ASCII strs, no function; None
    when any value needs invoke's conversions and checks (which then word
    the errors)."""
    kinds = _PLAIN.get(form.c, False)
    if kinds is False:
        kinds = _PLAIN[form.c] = _plain_kinds(form) if not form.module and form.result == "" else None
    if kinds is None:
        return None
    out = []
    for (k, a, lo, hi), x in zip(kinds, v):
        if k == "m":
            if type(x) is not bytes:
                return None
            out.append(x)
            out.append(len(x))
        elif k == "i":
            if type(x) is not int or x < lo or x > hi:
                return None
            out.append(x)
        elif k == "s":
            if x is None and not a.required:
                out.append(None)
            elif type(x) is str and x and x.isascii():
                out.append(x.encode())
            else:
                return None
        elif x is None:
            out.append(_null_cb(a.listener or a.callback))
        else:
            return None
    if form.function_index >= 0:
        out.append(None)  # user_data
    return out


def _invoke_plain(form, args, sock):
    """invoke for _plain_args' values: the same call, result and errors."""
    _lib.check_fork(form.call)
    fn = _FUNCS.get(form.c)
    if fn is None:
        fn = _FUNCS[form.c] = getattr(lib, form.c)
    rc = fn(sock._handle, *args)
    if rc < 0:
        err = _last_error(rc)
        if err.code == "ERR_INVALID_HANDLE":
            raise template_error("ERR_SOCKET_DGRAM_NOT_RUNNING")
        raise err
    if form.lifecycle:
        _LIFECYCLE.get(form.lifecycle, _no_change)(sock)
    return None


def _released(handle):
    """A socket the library released without a 'close' event (its queue was
    destroyed with its thread): closed, and forgotten."""
    ref = _sockets.pop(handle, None)
    _closing.pop(handle, None)
    s = ref() if ref is not None else None
    if s is not None:
        s._closed = s._released = True
        s._finalizer.detach()


def _collect(handle, desc):
    """The finalizer of a socket that was dropped without close(): warns as
    socket.socket does, and closes it (its 'close' event finds no socket)."""
    warnings.warn("unclosed " + desc, ResourceWarning, stacklevel=2)
    if not _lib.forked():
        lib.dgram_close(handle, _ffi.CloseCb(), None)


class Socket(_ffi.SocketCalls):
    """A UDP socket: Node's dgram.Socket with Python names (create_socket makes one).

    Events: 'message' (data: bytes, rinfo: RemoteInfo), 'listening', 'close',
    'connect', 'error' (a DgramError). Listeners run where the socket's
    events are delivered: on the asyncio loop that dgramkit.aio attached, or
    in dgramkit.poll() / Socket.run().
    """

    def __init__(self, handle):
        self._handle = handle
        self._closed = False    # close() returned
        self._released = False  # 'close' was emitted: the library released the handle
        self._connected = False  # connect returned, and no disconnect since
        self._listeners = {e: [] for e in _ffi.EVENTS}
        self._finalizer = weakref.finalize(self, _collect, handle, "<dgramkit.Socket handle=%d>" % handle)
        self._finalizer.atexit = False  # the process ends: the library goes with it
        _sockets[handle] = weakref.ref(self)
        for event, tramp in _EVENT_TRAMPOLINES.items():
            rc = getattr(lib, "dgram_on_" + event)(handle, tramp, None)
            if rc < 0:
                raise _last_error(rc)
        q = _queues.current()  # its events run on this thread: its poll, or its asyncio loop
        rc = lib.dgram_set_queue(handle, q.id)
        if rc < 0:
            raise _last_error(rc)
        q.handles.add(handle)
        from . import aio
        aio._autoattach()

    def __repr__(self):
        return "<dgramkit.Socket handle=%d%s>" % (self._handle, " closed" if self._closed else "")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if not self._closed:
            self.close()

    @property
    def closed(self):
        """True once close() returned (its 'close' event follows)."""
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

    # the calls that pick among forms: generated (SocketCalls, DISPATCH)

    def _dispatch(self, d, args, kwargs):
        return dispatch(d, args, kwargs, self)

    def ref(self):
        """Node's ref(): returns the socket and does nothing else. Python has
        no event loop that a socket keeps running (an open socket never keeps
        the interpreter alive), so ref and unref are no-ops, on a closed
        socket too, as in Node."""
        _lib.check_fork("ref")
        return self

    def unref(self):
        """Node's unref(): returns the socket and does nothing else (see ref)."""
        _lib.check_fork("unref")
        return self

    # blocking mode

    def run(self, timeout=None):
        """Runs the pending callbacks of every socket (dgramkit.poll) until this
        socket's 'close' event, or until timeout seconds passed; True when closed."""
        return run(lambda: self._released, timeout)


def _at(args, i):
    return args[i] if i < len(args) else None


def _truthy(v):
    return bool(v) and not (isinstance(v, float) and math.isnan(v))


def _is_number(v):
    """JavaScript's typeof v === 'number' for a Python value: an int or a float, not a bool."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def create_socket(options=None, on_message=None, **options_kw):
    """Creates a socket: create_socket('udp4', on_message), create_socket({'type': 'udp6',
    'reuseAddr': True}), or create_socket(type='udp4', reuse_addr=True, on_message=fn):
    the keywords are the socket options' Python names (SocketOptions in the spec:
    type, reuse_addr, reuse_port, ipv6_only, recv_buffer_size, send_buffer_size,
    platform).

    on_message(data, rinfo) is added to the 'message' event. Every socket is
    in poll delivery (its listeners run where dgramkit polls: asyncio, or
    poll/run), whichever form made it.
    """
    if "callback" in options_kw and on_message is None:
        on_message = options_kw.pop("callback")
    fields = {f.py: f.name.split(".", 1)[1] for f in _OPTIONS.args[0].fields}
    kw = {}
    for k, v in options_kw.items():
        if k not in fields:
            raise TypeError("create_socket() got an unexpected keyword argument %r" % k)
        if v is not None:
            kw[fields[k]] = v
    if callable(options) and on_message is None:
        options, on_message = None, options
    if isinstance(options, Mapping) or kw and options is None:
        opts = dict(options or {})
        opts.update(kw)
        return _create(opts, on_message)
    form = _pick(_ffi.DISPATCH["createSocket"], (options,), {})  # the type form: its argument checked as such
    typ = _string(_Call(form.call), form.args[0], options)
    kw["type"] = typ.decode() if typ else ""
    return _create(kw, on_message)


_OPTIONS = _ffi.FORMS[_ffi.DISPATCH["createSocket"].forms[0]]  # the options form


def _create(opts, on_message):
    def poll_delivery(args):
        st = args[0]._obj
        st.delivery = int(_ffi.Delivery.POLL)
    return invoke(_OPTIONS, (opts, on_message), prepare=poll_delivery)


# --- delivery ------------------------------------------------------------------

def _raise_errors():
    errs = take_errors()
    if errs:
        _queues.current().errors.extend(errs[1:])  # the next poll reports them
        raise errs[0]


def run_pending():
    """Runs what is pending now on this thread's queue (dgram_queue_poll(q,
    0)), with signals held while the library hands events over (_signals);
    returns how many ran."""
    q = _queues.current()
    held = _signals.hold()
    try:
        n = lib.dgram_queue_poll(q.id, 0)
    finally:
        if held:
            _signals.release()
    if n < 0:
        raise _last_error(n)
    return n


def _wait(timeout):
    """Waits until this thread's queue has events or timeout seconds passed
    (None: no limit). The wait is Python's (select.poll), so a signal's
    handler runs when it ends and its exception (KeyboardInterrupt) ends
    the wait; on the main thread it lasts 0.1 s at most, for a signal that
    the kernel gave another thread (one of the Go runtime's) does not end it."""
    if threading.current_thread() is _signals.main_thread:
        timeout = 0.1 if timeout is None else min(timeout, 0.1)
    return bool(_queues.current().poller.poll(None if timeout is None else max(0, math.ceil(timeout * 1000))))


def poll(timeout=0):
    """Runs the pending listeners and callbacks of this thread's sockets (those
    it created: each thread has its own queue), waiting up to timeout seconds
    for one (None: until one comes); returns how many ran. An exception a
    listener raised is raised here, after the others ran. Ctrl-C ends the
    wait at once, and never loses an event: one that comes while the library
    hands a batch over is raised once it was handed over."""
    import time
    _lib.check_fork("poll")
    end = None if timeout is None else time.monotonic() + timeout
    q = _queues.current()
    while True:
        n = run_pending()
        if n or timeout == 0 or q.errors:  # an exception not raised yet: raised now, without a wait
            break
        left = None if end is None else end - time.monotonic()
        if left is not None and left <= 0:
            break
        _wait(left)
    _raise_errors()
    return n


def run(until=None, timeout=None):
    """Blocking mode: runs poll() until until() is true (by default: until no
    socket is open), or timeout seconds passed; returns whether until() became true.
    Ctrl-C interrupts it at once."""
    import time
    if until is None:
        q = _queues.current()

        def until():
            return not q.handles
    end = None if timeout is None else time.monotonic() + timeout
    while not until():
        left = 0.1 if end is None else min(0.1, end - time.monotonic())
        if left <= 0:
            return until()
        poll(left)  # until() is looked at every 0.1 s: another thread may make it true
    return True


def _checked(call, rc):
    """rc of a library function that returns a count or a negative error code."""
    if rc < 0:
        raise _last_error(rc)
    return rc


def live_sockets():
    """The number of the library's live socket handles (created, 'close' not yet emitted)."""
    _lib.check_fork("live_sockets")
    return _checked("live_sockets", lib.dgram_live_handles())


def supports(platform, call):
    """How platform (a Platform, or its name) supports call (a Call, or its spec name): a Support."""
    _lib.check_fork("supports")
    if isinstance(platform, str):
        platform = _ffi.Platform[platform.upper()]
    if isinstance(call, str):
        call = _ffi.Call[_snake(call).upper()]
    return _ffi.Support(_checked("supports", lib.dgram_supports(int(platform), int(call))))


def host_platform():
    """The platform whose native support Platform.NATIVE means on this host."""
    _lib.check_fork("host_platform")
    return _ffi.Platform(_checked("host_platform", lib.dgram_host_platform()))


def _snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0 and (name[i - 1].islower() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


__all__ = ["Socket", "create_socket", "poll", "run", "take_errors", "live_sockets", "supports", "host_platform",
           "DgramError"]
