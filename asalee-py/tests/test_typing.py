"""The stubs match the module (mypy.stubtest) and type-check real use (mypy --strict).

The functions below run as tests and are also type-checked: `assert_type` fails mypy when an
annotation of the package drifts from what the API returns.
"""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, List, Optional, Tuple, Union

import pytest
from conftest import EXPECTED, SEEDS

import asalee
from asalee import _asalee

if TYPE_CHECKING:
    from typing_extensions import assert_type
else:

    def assert_type(value, _type):  # noqa: ANN001, ANN202
        return value


ASALEE_PY = Path(__file__).resolve().parents[1]
needs_mypy = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed"
)


def typed_use(q: asalee.Question) -> None:
    assert_type(q.uid, Optional[str])
    assert_type(q.number, int)
    assert_type(q.flagged_on, Optional[datetime.date])
    assert_type(q.reassigned_on, Tuple[datetime.date, ...])
    assert_type(q.author, Optional[asalee.Author])
    if q.author is not None:
        assert_type(q.author.constituency, Optional[int])
    if q.question_published is not None:
        assert_type(q.question_published.date, datetime.date)
        assert_type(q.question_published.page, Optional[int])
    assert_type(q.errata, Tuple[asalee.Erratum, ...])
    assert_type(q.warnings, Tuple[asalee.ParseWarning, ...])
    assert_type(q.layout, asalee.Layout)
    d = q.to_dict()
    assert_type(d, asalee.QuestionDict)
    assert_type(d["reassigned_on"], List[datetime.date])
    assert_type(q.to_json(), str)


def test_typed_use() -> None:
    typed_use(_asalee._from_json(EXPECTED[0].read_text(encoding="utf-8")))


def test_typed_signatures() -> None:
    items = asalee.parse_all(b"Bonjour\n")
    assert_type(items, asalee.ParseAll)
    for item in items:
        assert_type(item, Union[asalee.Question, asalee.ParseError])
        if isinstance(item, asalee.ParseError):
            assert_type(item.line, int)
            assert_type(item.kind, asalee.ErrorKind)
    files = asalee.parse_files([SEEDS[0]])
    assert_type(files, Iterator[Tuple[Path, Union[asalee.Question, asalee.ParseError]]])
    with pytest.raises(asalee.ParseError):
        assert_type(asalee.parse("Bonjour", strict=True), asalee.Question)


def run(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", *args], cwd=ASALEE_PY, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_mypy
def test_stubtest() -> None:
    run("mypy.stubtest", "asalee", "--allowlist", "stubtest-allowlist.txt")


@needs_mypy
def test_mypy_strict() -> None:
    # Package and tests, configured in pyproject.toml ([tool.mypy]: strict, Python 3.9).
    run("mypy")
