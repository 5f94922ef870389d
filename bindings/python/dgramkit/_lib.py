"""Loads libdgram.so, declares its functions and checks it is the library
this package was generated for (dgram_header_matches is static inline in
dgram.h, so Python compares the version and spec hash itself).

The library is looked for, in order: where DGRAMKIT_LIBRARY names (that
file only), next to the package (dgramkit/libdgram.so.1 or libdgram.so,
as a wheel installs it, then the directory holding dgramkit/), in the
checkout's build/ when the package is imported from a checkout
(bindings/python/dgramkit: ``make lib`` puts it there), and then by the
dynamic loader (LD_LIBRARY_PATH, the ldconfig cache: after ``make lib &&
sudo make install && sudo ldconfig``).
"""

import ctypes
import ctypes.util
import os

from . import _ffi_gen as _ffi
from .errors import ForkedError, LibraryError

_HERE = os.path.dirname(os.path.abspath(__file__))
_NAMES = ("libdgram.so.%s" % _ffi.VERSION.split(".")[0], "libdgram.so")


def _candidates():
    env = os.environ.get("DGRAMKIT_LIBRARY")
    if env:
        return [env]
    out = []
    checkout = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(_HERE))), "build")
    for d in (_HERE, os.path.dirname(_HERE), checkout):
        out += [os.path.join(d, n) for n in _NAMES]
    out += list(_NAMES)
    found = ctypes.util.find_library("dgram")
    if found:
        out.append(found)
    return out


def _load():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append("%s (no such file)" % path)
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise LibraryError(
        "dgramkit: libdgram.so not found. Tried:\n  " + "\n  ".join(tried) +
        "\nPoint at it with DGRAMKIT_LIBRARY=/path/to/libdgram.so, put libdgram.so next to the "
        "dgramkit package, or install it where the loader looks (make lib && sudo make install && "
        "sudo ldconfig; see docs/PYTHON.md).")


lib, path = _load()
try:
    _ffi.declare(lib)
except AttributeError as e:
    raise LibraryError("dgramkit: %s is not libdgram %s: %s" % (path, _ffi.VERSION, e)) from None

version = lib.dgram_version().decode()
spec_hash = lib.dgram_spec_hash().decode()
if spec_hash != _ffi.SPEC_HASH:
    raise LibraryError(
        "dgramkit: %s is libdgram %s built from spec %s, but this package was generated for "
        "libdgram %s (spec %s): rebuild the library (make lib) or regenerate the package "
        "(go generate ./...) from the same spec/dgram.yaml" % (path, version, spec_hash[:12], _ffi.VERSION, _ffi.SPEC_HASH[:12]))

_forked = False


def _after_fork():
    global _forked
    _forked = True


os.register_at_fork(after_in_child=_after_fork)

FORK_MESSAGE = (
    "dgramkit cannot be used in a child process forked after it was imported: the Go runtime inside "
    "libdgram does not survive fork (ERR_FORKED). With multiprocessing, use the spawn start method: "
    "multiprocessing.set_start_method('spawn') or multiprocessing.get_context('spawn'); or import "
    "dgramkit in the child only.")


def forked():
    """Whether this is a child process forked after dgramkit was imported."""
    return _forked


def check_fork(call):
    """Raises ForkedError in a forked child, before the library is entered."""
    if _forked:
        raise ForkedError("ERR_FORKED", "%s: %s" % (call, FORK_MESSAGE))
