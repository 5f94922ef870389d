"""dgramkit: Node's (IoT.js's) dgram API for UDP sockets, on libdgram.

    import dgramkit

    def on_message(data, rinfo):
        print(data, rinfo.address, rinfo.port)
        sock.close()

    sock = dgramkit.create_socket('udp4', on_message)
    sock.bind(41234, '127.0.0.1', lambda: print('listening', sock.address()))
    dgramkit.run()                       # blocking mode; or under asyncio, nothing to call

The bindings are generated from spec/dgram.yaml (_ffi_gen.py: ctypes
declarations of dgram.h, the error table, each form's arguments, how each
call picks its form, the socket methods, the result types; __init__.pyi:
the type stubs); this package is the Pythonic layer over them. docs/PYTHON.md tells the rest:
where libdgram.so is looked for (DGRAMKIT_LIBRARY), both delivery modes,
fork, and the differences from the JavaScript API.
"""

from . import _ffi_gen
from ._ffi_gen import Call, Delivery, ErrorCode, Platform, Support
from ._lib import path as library_path, spec_hash as library_spec_hash, version as library_version
from ._socket import Socket, create_socket, host_platform, live_sockets, poll, run, supports, take_errors
from .aio import DatagramTransport, attach, create_datagram_endpoint, detach
from .errors import (DgramConnectionRefusedError, DgramError, DgramPermissionError, DgramRangeError,
                     DgramSystemError, DgramTypeError, ForkedError, LibraryError, RangeError)

#: The version of the API this package was generated for; library_version is the loaded library's.
__version__ = _ffi_gen.VERSION

# The values of the objects the API gives (RemoteInfo, AddressInfo): NamedTuples generated from the spec.
globals().update(_ffi_gen.RESULTS)

__all__ = ["Socket", "create_socket", "poll", "run", "take_errors", "live_sockets", "supports", "host_platform",
           "attach", "detach", "create_datagram_endpoint", "DatagramTransport",
           "DgramError", "DgramTypeError", "DgramRangeError", "RangeError", "DgramSystemError",
           "DgramPermissionError", "DgramConnectionRefusedError", "ForkedError", "LibraryError",
           "Call", "Delivery", "ErrorCode", "Platform", "Support",
           "library_path", "library_version", "library_spec_hash", "__version__"] + list(_ffi_gen.RESULTS)
