"""Throughput of `asalee.parse_all` against the Rust core on the same bytes, in MB/s.

The input is every seed and authored document concatenated, repeated N times (default 2000,
about 35 MB). Measured, best of --runs:

- python: `for item in asalee.parse_all(data)` — parsing, and building every Question (its
  dataclasses, dates and tuples) in Python;
- rust:   the core's `parse_all_bytes(data)` run in-process with no conversion at all
  (`asalee._asalee._count`);
- cli:    the release `asalee parse FILE` command (target/release/asalee, when built), writing
  JSON Lines to /dev/null; process start and JSON output included.

The requirement is python >= 0.5 x rust; `--check` makes the script exit 1 when it is not met.
Run it with `make bench` (builds the extension in release mode first).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import asalee
from asalee import _asalee

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def corpus(repeat: int) -> tuple[bytes, int]:
    docs = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted(
        (FIXTURES / "authored").glob("*.txt")
    )
    texts = [d.read_text(encoding="utf-8") for d in docs]
    one = "".join(t if t.endswith("\n") else t + "\n" for t in texts)
    return (one * repeat).encode("utf-8"), len(texts) * repeat


def best(runs: int, f: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="copies of the documents (2000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each, best kept (5)")
    parser.add_argument("--check", action="store_true", help="exit 1 if python < 0.5 x rust")
    args = parser.parse_args()

    data, documents = corpus(args.repeat)
    mb = len(data) / 1e6
    print(f"input: {mb:.1f} MB, {documents} documents", flush=True)

    records = 0

    def python() -> None:
        nonlocal records
        records = sum(isinstance(item, asalee.Question) for item in asalee.parse_all(data))

    counted = 0

    def rust() -> None:
        nonlocal counted
        counted = _asalee._count(data)

    # Interleaved, so that both see the same machine load; best of each.
    t_rust = t_python = float("inf")
    for _ in range(args.runs):
        t_rust = min(t_rust, best(1, rust))
        t_python = min(t_python, best(1, python))
    assert records == counted, (records, counted)
    for name, t in (
        ("rust   (core parse_all, in-process)", t_rust),
        ("python (asalee.parse_all)", t_python),
    ):
        print(f"{name:37}: {mb / t:8.1f} MB/s  {documents / t:9.0f} docs/s")
    ratio = t_rust / t_python
    # A loaded machine makes this ratio noisy; instruction counts (valgrind --tool=callgrind on
    # `_count` against `parse_all`) put the conversion at ~160k instructions per record.
    print(f"python / rust: {ratio:.2f} ({records} records; the requirement is >= 0.50)")

    cli = ROOT / "target" / "release" / "asalee"
    if cli.exists():
        with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
            f.write(data)
        try:

            def run_cli() -> None:
                subprocess.run(
                    [str(cli), "parse", f.name],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )

            t_cli = best(min(args.runs, 3), run_cli)
            print(f"cli    (asalee parse FILE > /dev/null): {mb / t_cli:6.1f} MB/s")
        finally:
            os.unlink(f.name)
    else:
        print(f"cli: {cli} not built (cargo build --release -p asalee-cli), skipped")

    if args.check and ratio < 0.5:
        print("FAIL: python is slower than half the Rust core", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
