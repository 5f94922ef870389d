"""dgramkit's build backend (PEP 517), with nothing but Python's standard
library, so that ``pip install .`` and ``pip wheel .`` work offline, with
no PyPI: the wheel is the package, its generated stubs, and libdgram.so.

The wheel is platform-specific: it carries libdgram.so (as libdgram.so.1,
its soname, which dgramkit loads first next to itself), and its tag is the
library's machine read from the library's ELF header (linux_x86_64,
linux_aarch64, linux_armv7l), so a cross-built library gives its board's
wheel. The library is, in order: config setting ``lib`` (``pip wheel .
--config-settings lib=build/arm64/libdgram.so``), $DGRAMKIT_LIBRARY, or
the checkout's build/libdgram.so (``make lib``).

Run as a script it builds one wheel:
``python3 dgramkit_build.py [--lib LIB] [--out DIR]`` (make wheel).
"""

import base64
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_ROOT = os.path.dirname(HERE)  # bindings/python
PKG = os.path.join(PKG_ROOT, "dgramkit")
CHECKOUT_LIB = os.path.join(PKG_ROOT, "..", "..", "build", "libdgram.so")

#: ELF e_machine -> the wheel platform of a 64-bit (2) or 32-bit (1) library.
MACHINES = {(62, 2): "linux_x86_64", (183, 2): "linux_aarch64", (40, 1): "linux_armv7l", (3, 1): "linux_i686"}


def _version():
    with open(os.path.join(PKG, "_ffi_gen.py")) as f:
        return re.search(r'^VERSION = "([^"]+)"', f.read(), re.M).group(1)


def _soname():
    return "libdgram.so.%s" % _version().split(".")[0]


def _library(config_settings=None):
    lib = (config_settings or {}).get("lib") or os.environ.get("DGRAMKIT_LIBRARY") or CHECKOUT_LIB
    lib = os.path.abspath(lib)
    if not os.path.isfile(lib):
        raise RuntimeError("dgramkit: no libdgram.so at %s: run make lib in the checkout (or name one with "
                           "--config-settings lib=PATH or DGRAMKIT_LIBRARY)" % lib)
    return lib


def platform_tag(lib):
    """The wheel platform of an ELF shared library, from its header."""
    with open(lib, "rb") as f:
        head = f.read(20)
    if head[:4] != b"\x7fELF":
        raise RuntimeError("dgramkit: %s is not an ELF library" % lib)
    order = "little" if head[5] == 1 else "big"
    machine = int.from_bytes(head[18:20], order)
    tag = MACHINES.get((machine, head[4]))
    if tag is None:
        raise RuntimeError("dgramkit: %s is for ELF machine %d, which has no wheel tag here" % (lib, machine))
    return tag


def _metadata():
    return ("Metadata-Version: 2.1\nName: dgramkit\nVersion: %s\n"
            "Summary: Node's (IoT.js's) dgram API for UDP sockets, on libdgram (dgramkit's Go core)\n"
            "Requires-Python: >=3.8\nLicense: see the dgramkit repository\n"
            "Classifier: Framework :: AsyncIO\nClassifier: Typing :: Typed\n"
            "Classifier: Operating System :: POSIX :: Linux\n\n"
            "dgramkit: UDP sockets with Node's dgram API, blocking or on asyncio; see docs/PYTHON.md.\n" % _version())


def _files(lib):
    """(name in the wheel, bytes) of the package."""
    out = []
    for name in sorted(os.listdir(PKG)):
        if name.endswith((".py", ".pyi")) or name == "py.typed":
            with open(os.path.join(PKG, name), "rb") as f:
                out.append(("dgramkit/" + name, f.read()))
    with open(lib, "rb") as f:
        out.append(("dgramkit/" + _soname(), f.read()))
    return out


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def write_wheel(out_dir, lib):
    """Writes the wheel of lib into out_dir; returns its file name."""
    tag = "py3-none-" + platform_tag(lib)
    version = _version()
    info = "dgramkit-%s.dist-info" % version
    name = "dgramkit-%s-%s.whl" % (version, tag)
    files = _files(lib) + [
        (info + "/METADATA", _metadata().encode()),
        (info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: dgramkit_build\nRoot-Is-Purelib: false\nTag: %s\n" % tag).encode()),
        (info + "/top_level.txt", b"dgramkit\n"),
    ]
    record = [_record_line(n, d) for n, d in files] + [info + "/RECORD,,"]
    os.makedirs(out_dir, exist_ok=True)
    with zipfile.ZipFile(os.path.join(out_dir, name), "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            zi = zipfile.ZipInfo(n, date_time=(2020, 1, 1, 0, 0, 0))
            zi.external_attr = (0o755 if n.endswith(_soname()) else 0o644) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
        z.writestr(zipfile.ZipInfo(info + "/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), "\n".join(record) + "\n")
    return name


# --- PEP 517 -------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return write_wheel(wheel_directory, _library(config_settings))


def main(argv):
    import argparse
    p = argparse.ArgumentParser(description="Builds dgramkit's wheel around a libdgram.so.")
    p.add_argument("--lib", default=None, help="the library (default: $DGRAMKIT_LIBRARY or the checkout's build/libdgram.so)")
    p.add_argument("--out", default=".", help="the directory to write the wheel into")
    a = p.parse_args(argv)
    print(os.path.join(a.out, write_wheel(a.out, _library({"lib": a.lib} if a.lib else None))))


if __name__ == "__main__":
    main(sys.argv[1:])
