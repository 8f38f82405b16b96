"""Runs every example as its README says and compares what it prints with the committed expected
output, which each README shows between `<!-- output: FILE -->` and `<!-- /output -->`.

    python3 examples/test.py [NAME...]              # from the repository's root, or `make test-examples`
    UPDATE_EXPECTED=1 python3 examples/test.py      # rewrite expected/ and the READMEs' output blocks

Nothing is tolerated: the examples print the same bytes on every machine.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"


@dataclass
class Example:
    name: str
    # The command as the README shows it, run from the repository's root.
    command: str
    # What the test runs, when it differs (cargo's -q keeps its own lines out of stderr).
    run: str | None = None
    # expected/ file names of stdout and stderr; None: not compared (e.g. build logs).
    stdout: str = "stdout.txt"
    stderr: str | None = "stderr.txt"
    status: int = 0
    # Run first, its output shown only if it fails (e.g. a build).
    setup: str | None = None
    checks: list = field(default_factory=list)


def check_png(path: Path, started: float) -> str | None:
    """None if `path` is a PNG written by this run, of a sensible size; else what is wrong."""
    if not path.exists():
        return f"{path} was not written"
    data = path.read_bytes()
    if path.stat().st_mtime < started:
        return f"{path} was not rewritten by this run"
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or not data.endswith(b"IEND\xaeB`\x82"):
        return f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    if width < 400 or height < 200 or len(data) < 10_000:
        return f"{path} is too small to hold a chart ({width}x{height}, {len(data)} bytes)"
    return None


DASK_FOLDERS = "fixtures/real fixtures/seeds fixtures/written"


def check_dask_same_as_cli(started: float) -> str | None:
    """None if the example's Parquet holds the records `asalee parse --source` prints for the same
    folders (row by row, every column) and it reported the same documents not read as the CLI."""
    here = EXAMPLES / "dask-parquet"
    parquet = here / "questions.parquet"
    if not parquet.is_dir() or parquet.stat().st_mtime < started:
        return f"{parquet.relative_to(ROOT)} was not written by this run"
    # The debug build: `make test` has built it already (test-rust), a release build would cost minutes.
    cli = subprocess.run(f"cargo run -q -p asalee-cli -- parse --source {DASK_FOLDERS}",
                         shell=True, cwd=ROOT, capture_output=True)
    if cli.returncode not in (0, 1):
        return f"asalee parse failed:\n{cli.stderr.decode()}"
    jsonl = here / ".venv" / "cli.jsonl"
    jsonl.write_bytes(cli.stdout)
    check = subprocess.run([str(here / ".venv" / "bin" / "python"), str(here / "check.py"), str(parquet), str(jsonl)],
                           cwd=ROOT, capture_output=True)
    if check.returncode != 0:
        return f"the Parquet differs from what asalee parse prints:\n{check.stdout.decode()}{check.stderr.decode()}"
    printed = (here / "expected" / "stdout.txt").read_text(encoding="utf-8")
    not_read = printed.split("documents not read:\n", 1)[1].splitlines() if "documents not read:" in printed else []
    cli_errors = [line for line in cli.stderr.decode().splitlines() if line]
    if [line.strip() for line in not_read] != cli_errors:
        return "the documents not read differ from those asalee parse reports:\n" + "\n".join(cli_errors)
    return None


EXAMPLE_LIST = [
    Example(
        "folder-to-csv",
        "cargo run -p folder-to-csv -- fixtures/real",
        run="cargo run -q -p folder-to-csv -- fixtures/real",
        stdout="stdout.csv",
    ),
    Example(
        "filter-export",
        "cargo run -p filter-export -- --ministry santé --year 2024 examples/filter-export/export.txt",
        run="cargo run -q -p filter-export -- --ministry santé --year 2024 examples/filter-export/export.txt",
        stdout="stdout.jsonl",
    ),
    Example(
        "python-dataframe",
        "bash examples/python-dataframe/run.sh",
        stderr=None,
        checks=[lambda started: check_png(EXAMPLES / "python-dataframe" / "questions.png", started)],
    ),
    Example(
        "dask-parquet",
        "bash examples/dask-parquet/run.sh",
        stderr=None,
        checks=[check_dask_same_as_cli],
    ),
    Example(
        "duckdb-jsonl",
        "bash examples/duckdb-jsonl/run.sh",
        stderr=None,
    ),
    Example(
        "node-cli",
        "node examples/node-cli/parse.mjs fixtures/seeds/001_d8e80435b845cd87.txt fixtures/real/jo-issues-front-matter-text.txt",
        stdout="stdout.jsonl",
        status=1,
        setup="make -C asalee-wasm build",
    ),
]

BLOCK = re.compile(r"(<!-- output: (\S+) -->\n```[a-z]*\n)(.*?)(```\n<!-- /output -->)", re.S)


def readme_blocks(example: Example, expected: dict[str, str]) -> list[str]:
    """Checks (or rewrites) the README's output blocks and that it shows the command."""
    readme = EXAMPLES / example.name / "README.md"
    text = readme.read_text(encoding="utf-8")
    problems = []
    if example.command not in text:
        problems.append(f"{readme.relative_to(ROOT)} does not show the command `{example.command}`")
    shown = {m.group(2) for m in BLOCK.finditer(text)}
    for name in expected:
        if name not in shown:
            problems.append(f"{readme.relative_to(ROOT)} has no block <!-- output: {name} -->")

    def replace(m: re.Match) -> str:
        name = m.group(2)
        if name not in expected:
            problems.append(f"{readme.relative_to(ROOT)} shows {name}, which the test does not produce")
            return m.group(0)
        body = expected[name]
        if m.group(3) != body:
            problems.append(f"{readme.relative_to(ROOT)}: the block of {name} differs from the output")
        return m.group(1) + body + m.group(4)

    new = BLOCK.sub(replace, text)
    if UPDATE and new != text:
        readme.write_text(new, encoding="utf-8")
        return []
    return problems


def run(example: Example) -> list[str]:
    if example.setup:
        proc = subprocess.run(example.setup, shell=True, cwd=ROOT, capture_output=True)
        if proc.returncode != 0:
            return [f"`{example.setup}` failed:\n{proc.stdout.decode()}{proc.stderr.decode()}"]
    started = time.time() - 1
    proc = subprocess.run(example.run or example.command, shell=True, cwd=ROOT, capture_output=True)
    out, err = proc.stdout.decode(), proc.stderr.decode()
    problems = []
    if proc.returncode != example.status:
        problems.append(f"exit status {proc.returncode}, expected {example.status}\n{err}")
    actual = {f"expected/{example.stdout}": out}
    if example.stderr:
        actual[f"expected/{example.stderr}"] = err
    for name, body in actual.items():
        path = EXAMPLES / example.name / name
        if UPDATE:
            path.parent.mkdir(exist_ok=True)
            path.write_text(body, encoding="utf-8")
        elif not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing (UPDATE_EXPECTED=1 writes it)")
        elif path.read_text(encoding="utf-8") != body:
            diff = subprocess.run(["diff", "-u", str(path), "-"], input=body.encode(), capture_output=True)
            problems.append(f"{path.relative_to(ROOT)} differs:\n{diff.stdout.decode()[:3000]}")
    problems += readme_blocks(example, actual)
    for check in example.checks:
        if problem := check(started):
            problems.append(problem)
    return problems


def main() -> int:
    wanted = sys.argv[1:]
    passed = failed = 0
    for example in EXAMPLE_LIST:
        if wanted and example.name not in wanted:
            continue
        t = time.time()
        problems = run(example)
        took = f"{time.time() - t:.1f} s"
        if problems:
            failed += 1
            print(f"FAIL {example.name} ({took})")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            passed += 1
            print(f"ok   {example.name} ({took}){' (expected output rewritten)' if UPDATE else ''}")
    print(f"examples: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
