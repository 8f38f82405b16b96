"""`import asalee` is fast: under 50 ms, without importing typing, dataclasses or json."""

from __future__ import annotations

import subprocess
import sys
from typing import List, get_args

import asalee


def python(code: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *options, "-c", code], capture_output=True, text=True, check=True
    )


def test_import_time_under_50_ms() -> None:
    times: List[int] = []
    for _ in range(3):
        err = python("import asalee", "-X", "importtime").stderr
        (line,) = [ln for ln in err.splitlines() if ln.rstrip().endswith("| asalee")]
        times.append(int(line.split("|")[1]))  # cumulative, in microseconds
    assert min(times) < 50_000, times


def test_import_pulls_in_no_heavy_module() -> None:
    code = (
        "import sys; before = set(sys.modules); import asalee; "
        "print(*sorted(set(sys.modules) - before))"
    )
    loaded = set(python(code).stdout.split())
    assert not loaded & {"typing", "dataclasses", "json", "inspect", "re"}, sorted(loaded)


def test_typing_names_load_on_first_use() -> None:
    code = (
        "import sys, asalee; assert 'typing' not in sys.modules; "
        "asalee.QuestionDict; print('typing' in sys.modules)"
    )
    assert python(code).stdout.strip() == "True"
    layouts = (
        "an-fiche", "an-legacy", "an-dyn", "an-current", "plain", "senat", "an-opendata", "an-xml", "jo"
    )
    assert get_args(asalee.Layout) == layouts
    assert list(asalee.QuestionDict.__annotations__) == list(asalee.Question.__slots__)
