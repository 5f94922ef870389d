"""The generated type stubs (dgramkit/__init__.pyi, py.typed): mypy
--strict passes on the examples (Debian's mypy), and the stubs name what
the package has: every public name, every Socket method, every event."""

import ast
import os
import shutil
import subprocess

import pytest

import dgramkit
from dgramkit import _ffi_gen
from conftest import ROOT

PKG = os.path.join(ROOT, "bindings", "python")
STUB = os.path.join(PKG, "dgramkit", "__init__.pyi")


def _stub():
    with open(STUB) as f:
        return ast.parse(f.read())


def test_py_typed():
    assert os.path.isfile(os.path.join(PKG, "dgramkit", "py.typed"))


def test_stub_names_the_package():
    tree = _stub()
    top = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))}
    top |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    top |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    assert set(dgramkit.__all__) <= top, set(dgramkit.__all__) - top
    sock = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Socket")
    methods = {n.name for n in sock.body if isinstance(n, ast.FunctionDef)}
    public = {m for m in dir(dgramkit.Socket) if not m.startswith("_")}
    assert public <= methods, public - methods
    events = {e.value for n in sock.body if isinstance(n, ast.FunctionDef) and n.name == "on"
              for e in ast.walk(n.args.args[1].annotation) if isinstance(e, ast.Constant)}
    assert events == set(_ffi_gen.EVENTS)


def test_mypy_strict_on_the_examples():
    mypy = shutil.which("mypy")
    if mypy is None:
        pytest.skip("no mypy (Debian: mypy; tools/setup.sh --all installs it)")
    examples = os.path.join(ROOT, "examples", "python")
    files = sorted(os.path.join(examples, f) for f in os.listdir(examples) if f.endswith(".py"))
    r = subprocess.run([mypy, "--strict", "--no-incremental", "--cache-dir", os.devnull] + files,
                       capture_output=True, text=True, env=dict(os.environ, MYPYPATH=PKG))
    assert r.returncode == 0, r.stdout + r.stderr
