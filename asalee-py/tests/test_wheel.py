"""The wheel a user gets: built with `maturin build --release`, installed with pip into a fresh
virtual environment (no index, nothing from the source tree), imported and used there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List

import pytest
from conftest import DOCUMENTS, EXPECTED, compact, expected_text

pytestmark = pytest.mark.slow

ASALEE_PY = Path(__file__).resolve().parents[1]


def clean_env() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(args: List[str], cwd: Path) -> str:
    proc = subprocess.run(args, cwd=cwd, env=clean_env(), capture_output=True, text=True)
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "maturin", "build", "--release", "--out", str(out)], ASALEE_PY)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    base = getattr(sys, "_base_executable", sys.executable)
    run([base, "-m", "venv", str(venv)], venv)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--no-index", str(wheel)], venv)
    return python


def test_wheel_is_abi3_and_typed(wheel: Path) -> None:
    assert "-cp39-abi3-" in wheel.name, wheel.name
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("__init__.py", "_model.py", "_asalee.pyi", "py.typed"):
        assert f"asalee/{name}" in names, sorted(names)
    assert any(n.startswith("asalee/_asalee.") and n.endswith(".so") for n in names), sorted(names)


IMPORT_CHECK = """
import json, sys, asalee
from asalee import _asalee
assert asalee.__file__.startswith(sys.prefix), asalee.__file__
try:
    asalee.parse("Bonjour\\n")
except asalee.ParseError as e:
    assert (e.line, e.column) == (1, 1), e
q = _asalee._from_json(sys.stdin.read())
rust = _asalee._rust_json(q.to_json())
print(json.dumps({"version": asalee.__version__, "json": q.to_json(), "rust": rust}))
"""


def test_installed_wheel_imports(venv_python: Path, tmp_path: Path) -> None:
    expected = EXPECTED[0].read_text(encoding="utf-8")
    proc = subprocess.run(
        [str(venv_python), "-c", IMPORT_CHECK],
        input=expected,
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["json"] == out["rust"] == compact(expected)


def test_installed_wheel_parses_every_seed(venv_python: Path, tmp_path: Path) -> None:
    # What the issue asks of a new user: print(asalee.parse(open(SEED).read()).to_json())
    for document in DOCUMENTS:
        out = run(
            [
                str(venv_python),
                "-c",
                "import sys, asalee; print(asalee.parse(open(sys.argv[1]).read()).to_json())",
                str(document),
            ],
            tmp_path,
        )
        assert out == compact(expected_text(document)) + "\n", document.name
