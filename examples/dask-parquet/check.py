"""Checks that the Parquet dataset the example wrote holds the records `asalee parse` prints for
the same folders: the same rows, in the same order, every column equal.

    asalee parse --source FOLDER... > cli.jsonl
    .venv/bin/python check.py questions.parquet cli.jsonl

Run by examples/test.py. Prints what differs and exits 1, or prints nothing and exits 0.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse_folder import SCHEMA, flat_row  # noqa: E402


def main() -> int:
    parquet, cli = sys.argv[1], sys.argv[2]
    table = pq.read_table(parquet)
    if table.schema.names != SCHEMA.names:
        print(f"columns {table.schema.names} differ from {SCHEMA.names}")
        return 1
    got = table.to_pylist()
    # The CLI's records, flattened the same way; its dates are ISO strings, Parquet's are dates.
    records = [json.loads(line) for line in Path(cli).read_text(encoding="utf-8").splitlines()]
    want = [flat_row(r, r["source"]) for r in records]
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(got)} rows in Parquet, {len(want)} records from the CLI")
    for i, (row, expected) in enumerate(zip(got, want)):
        for column in SCHEMA.names:
            value = row[column]
            if isinstance(value, datetime.date):
                value = value.isoformat()
            if value != expected[column]:
                problems.append(f"row {i} ({expected['source']}), {column}: {value!r} != CLI {expected[column]!r}")
    for problem in problems[:20]:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
