"""dgramkit's exceptions: DgramError and the classes Python code catches.

Every error the library reports carries the spec's code (``.code``, e.g.
``'ERR_SOCKET_BAD_PORT'`` or ``'EADDRINUSE'``) and Node's message. Its class
says what kind it is, so that the usual ``except`` clauses work:

- an argument of the wrong type (Node's TypeError) is a ``DgramTypeError``,
  a ``TypeError``;
- a value out of its range (Node's RangeError) is a ``DgramRangeError``, a
  ``ValueError`` (``RangeError`` is another name for it);
- an operating-system error (EADDRINUSE, EACCES, EMSGSIZE, ...) is a
  ``DgramSystemError``, an ``OSError`` with ``.errno`` set, for EACCES
  and EPERM a ``PermissionError``, and for ECONNREFUSED (a connected
  socket's peer refused a datagram) a ``ConnectionRefusedError``;
- the rest (ERR_SOCKET_DGRAM_NOT_RUNNING, ERR_SOCKET_ALREADY_BOUND, ...)
  are plain ``DgramError``.
"""

import errno as _errno

from . import _ffi_gen as _ffi

__all__ = ["DgramError", "DgramTypeError", "DgramRangeError", "RangeError", "DgramSystemError",
           "DgramPermissionError", "DgramConnectionRefusedError", "ForkedError", "LibraryError"]


class DgramError(Exception):
    """An error of dgramkit, with the spec's code and Node's message.

    Attributes: code (the spec's code), message, kind (Node's class: TypeError,
    RangeError or Error), syscall, address and port (of a system error, else
    None), errno (the operating-system errno of a system error, else None).
    """

    def __init__(self, code, message, kind="Error", syscall=None, address=None, port=None, errno=None):
        super().__init__(message)
        self._set(code, message, kind, syscall, address, port, errno)

    def _set(self, code, message, kind, syscall, address, port, errno):
        self.code = code
        self.message = message
        self.kind = kind
        self.syscall = syscall or None
        self.address = address or None
        self.port = port or None
        self.errno = errno or None

    def __str__(self):
        return "[%s] %s" % (self.code, self.message)


class DgramTypeError(DgramError, TypeError):
    """An argument of the wrong type, missing or None where one is needed (Node's TypeError)."""


class DgramRangeError(DgramError, ValueError):
    """A value outside its range (Node's RangeError)."""


#: Node's name for DgramRangeError.
RangeError = DgramRangeError


class DgramSystemError(DgramError, OSError):
    """An operating-system error: an OSError whose errno, strerror and the spec's code are set."""

    def __init__(self, code, message, kind="Error", syscall=None, address=None, port=None, errno=None):
        OSError.__init__(self, errno or 0, message)
        self._set(code, message, kind, syscall, address, port, errno)

    def __str__(self):
        return "[%s] %s" % (self.code, self.message)


class DgramPermissionError(DgramSystemError, PermissionError):
    """EACCES or EPERM: a broadcast without set_broadcast(True), a privileged port."""


class DgramConnectionRefusedError(DgramSystemError, ConnectionRefusedError):
    """ECONNREFUSED: the peer of a connected socket refused a datagram (an ICMP port unreachable)."""


class ForkedError(DgramError):
    """dgramkit was used in a child process forked after the library was loaded."""


class LibraryError(ImportError):
    """libdgram.so could not be loaded, or is not the library this package was generated for."""


#: The system errors with a class of their own, as Python's OSError subclasses them.
_SYSTEM_CLASSES = {"EACCES": DgramPermissionError, "EPERM": DgramPermissionError,
                   "ECONNREFUSED": DgramConnectionRefusedError}


def error_class(code, kind):
    """The exception class of a spec code and its Node class."""
    spec = _ffi.ERRORS.get(code)
    if code == "ERR_FORKED":
        return ForkedError
    if kind == "TypeError":
        return DgramTypeError
    if kind == "RangeError":
        return DgramRangeError
    if code in _SYSTEM_CLASSES:
        return _SYSTEM_CLASSES[code]
    if spec is None and hasattr(_errno, code) or spec is not None and spec.system:
        return DgramSystemError
    return DgramError


def make_error(code, message, kind=None, syscall=None, address=None, port=None, errno=None):
    """The exception for a spec code; kind defaults to the spec's and errno to the code's errno."""
    spec = _ffi.ERRORS.get(code)
    if kind is None:
        kind = spec.kind if spec else "Error"
    cls = error_class(code, kind)
    if errno is None and issubclass(cls, DgramSystemError):
        errno = getattr(_errno, code, None)
    return cls(code, message, kind, syscall, address, port, errno)


def template_error(code, **values):
    """The exception for a spec code worded by its template, {arg} and the like filled from values."""
    msg = _ffi.ERRORS[code].message
    for k, v in values.items():
        msg = msg.replace("{" + k + "}", str(v))
    return make_error(code, msg)
