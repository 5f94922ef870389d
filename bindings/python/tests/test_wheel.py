"""Installing as Python packages are installed (issue 20): the wheel that
build_backend/dgramkit_build.py writes around the library under test goes
into a fresh python3 -m venv with pip install --no-index (no PyPI), and the
seed's echo (examples/python: the server and the client, blocking and
asyncio) runs from that venv, outside the checkout, with no
DGRAMKIT_LIBRARY: the package loads the libdgram.so it carries. Then
pip install --no-index of the source directory (pyproject.toml, the
in-tree backend) into the same venv, and the echo again."""

import glob
import os
import subprocess
import sys

import pytest

from conftest import ROOT

PKG = os.path.join(ROOT, "bindings", "python")
EXAMPLES = os.path.join(ROOT, "examples", "python")


def _venv_python(tmp_path):
    venv = tmp_path / "venv"
    r = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip("python3 -m venv failed (Debian: python3-venv): %s" % r.stderr.strip())
    return str(venv / "bin" / "python")


def _env():
    env = {k: v for k, v in os.environ.items() if k not in ("DGRAMKIT_LIBRARY", "PYTHONPATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _echo(py, cwd, mode):
    """The seed's echo server and client, both run by py; returns the client's output."""
    server = subprocess.Popen([py, os.path.join(EXAMPLES, "echo_server.py"), "0", "127.0.0.1", "3"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=_env())
    try:
        line = server.stdout.readline()
        assert line.startswith("server listening at 127.0.0.1:"), (line, server.stderr.read())
        port = line.rsplit(":", 1)[1].strip()
        client = subprocess.run([py, os.path.join(EXAMPLES, "echo_client.py"), port, "127.0.0.1", "3"] + mode,
                                capture_output=True, text=True, cwd=cwd, env=_env(), timeout=60)
        assert client.returncode == 0, client.stderr
        assert server.wait(timeout=30) == 0, server.stderr.read()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    return client.stdout


def test_wheel_in_a_fresh_venv(tmp_path):
    lib = os.environ["DGRAMKIT_LIBRARY"]
    out = subprocess.run([sys.executable, os.path.join(PKG, "build_backend", "dgramkit_build.py"), "--lib", lib,
                          "--out", str(tmp_path / "dist")], capture_output=True, text=True, check=True).stdout
    wheel = out.strip()
    assert os.path.basename(wheel).startswith("dgramkit-") and wheel.endswith("-py3-none-linux_x86_64.whl") \
        or not os.uname().machine == "x86_64", wheel
    py = _venv_python(tmp_path)
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-index", wheel], check=True, env=_env(), cwd=str(tmp_path))
    where = subprocess.run([py, "-c", "import dgramkit; print(dgramkit.library_path)"], capture_output=True,
                           text=True, check=True, env=_env(), cwd=str(tmp_path)).stdout.strip()
    assert where.startswith(str(tmp_path / "venv")) and where.endswith("dgramkit/libdgram.so.1"), where
    for mode in ([], ["--asyncio"]):
        got = _echo(py, str(tmp_path), mode)
        assert [ln.split(" from ")[0] for ln in got.splitlines()] == [
            "client got: Hello IoT.js %d (Python)" % i for i in (1, 2, 3)], got

    # the source directory: pyproject.toml and the in-tree backend, no PyPI
    r = subprocess.run([py, "-m", "pip", "install", "-q", "--no-index", "--force-reinstall", PKG],
                       capture_output=True, text=True, env=dict(_env(), DGRAMKIT_LIBRARY=lib), cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "client got: Hello IoT.js 3 (Python)" in _echo(py, str(tmp_path), [])


def test_checkout_finds_build_library(tmp_path):
    """Imported from a checkout, with no DGRAMKIT_LIBRARY, the package loads
    the checkout's build/libdgram.so (make lib)."""
    if not glob.glob(os.path.join(ROOT, "build", "libdgram.so*")):
        pytest.skip("no build/libdgram.so in this checkout")
    where = subprocess.run([sys.executable, "-c", "import dgramkit; print(dgramkit.library_path)"],
                           capture_output=True, text=True, check=True, cwd=str(tmp_path),
                           env=dict(_env(), PYTHONPATH=PKG)).stdout.strip()
    assert os.path.dirname(where) == os.path.join(ROOT, "build"), where
