"""Parses every file below the folders given on a Dask cluster and writes the records to Parquet,
one row per question, one column per field (the CSV's columns).

    python parse_folder.py [--out questions.parquet] [--workers 2] FOLDER...

Here the cluster is a `distributed.LocalCluster` of worker processes on this machine; on a real
cluster, pass the scheduler's address to `Client(...)` instead: the code is the same, and each
worker reads its own files where they are (a shared file system or object store).

The files are read by the workers, not by this process: the bag holds paths, each partition a few
hundred of them, and only the flat rows travel back (to the Parquet writer, run by the workers too).
A document that is not a question is reported like `asalee parse` does, as `PATH:LINE:COLUMN: message`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Iterator

import asalee
import dask.bag as db
import pandas as pd
import pyarrow as pa
from distributed import Client, LocalCluster

# The CSV's columns (asalee parse --format csv --source), in its order. `Question.to_row()`
# will give these rows directly; until then `flat_row` builds them from `to_dict()`.
STRING, INT, DATE = pa.string(), pa.int64(), pa.date32()
SCHEMA = pa.schema(
    [
        ("source", STRING),
        ("uid", STRING),
        ("chamber", STRING),
        ("legislature", INT),
        ("kind", STRING),
        ("number", INT),
        ("title", STRING),
        ("author_civility", STRING),
        ("author_name", STRING),
        ("author_group", STRING),
        ("author_department", STRING),
        ("author_constituency", INT),
        ("author_region", STRING),
        ("author_ref", STRING),
        ("ministry_asked", STRING),
        ("ministry_answering", STRING),
        ("rubric", STRING),
        ("analysis_heading", STRING),
        ("analysis", STRING),
        ("question_published_date", DATE),
        ("question_published_page", INT),
        ("answer_published_date", DATE),
        ("answer_published_page", INT),
        ("flagged_on", DATE),
        ("reassigned_on", STRING),
        ("renewed_on", STRING),
        ("closed_date", DATE),
        ("closed_reason", STRING),
        ("errata", STRING),
        ("question_text", STRING),
        ("answer_text", STRING),
        ("other_fields", STRING),
        ("warnings", STRING),
        ("layout", STRING),
    ]
)
# pandas types of the columns, for the bag's DataFrame (nullable ints, dates as objects).
META = pd.DataFrame(
    {
        f.name: pd.Series(dtype="Int64" if f.type == INT else "object")
        for f in SCHEMA
    }
)


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _json_list(items: list[dict[str, Any]]) -> str | None:
    """A list of objects as one JSON cell (as the CSV writes it); None when empty."""
    return json.dumps([{k: _iso(v) for k, v in item.items()} for item in items], ensure_ascii=False) if items else None


def flat_row(record: dict[str, Any], source: str) -> dict[str, Any]:
    """`Question.to_dict()` (or the record's JSON object) flattened into the CSV's columns:
    nested parts become `author_name`, `question_published_date`…, date lists are joined with
    spaces, lists of objects are JSON text."""
    author = record["author"] or {}
    asked = record["question_published"] or {}
    answered = record["answer_published"] or {}
    closed = record["closed"] or {}
    return {
        "source": source,
        **{k: record[k] for k in ("uid", "chamber", "legislature", "kind", "number", "title")},
        **{f"author_{k}": author.get(k) for k in ("civility", "name", "group", "department", "constituency", "region", "ref")},
        **{k: record[k] for k in ("ministry_asked", "ministry_answering", "rubric", "analysis_heading", "analysis")},
        "question_published_date": asked.get("date"),
        "question_published_page": asked.get("page"),
        "answer_published_date": answered.get("date"),
        "answer_published_page": answered.get("page"),
        "flagged_on": record["flagged_on"],
        "reassigned_on": " ".join(_iso(d) for d in record["reassigned_on"]) or None,
        "renewed_on": " ".join(_iso(d) for d in record["renewed_on"]) or None,
        "closed_date": closed.get("date"),
        "closed_reason": closed.get("reason"),
        "errata": _json_list(record["errata"]),
        "question_text": record["question_text"],
        "answer_text": record["answer_text"],
        "other_fields": _json_list(record["other_fields"]),
        "warnings": _json_list(record["warnings"]),
        "layout": record["layout"],
    }


def parse_file(path: str) -> list[dict[str, Any]]:
    """Every document of one file, in order: a flat row, or `{"error": "PATH:LINE:COLUMN: message"}`.
    Runs on a worker: it reads the file itself."""
    with open(path, "rb") as f:
        data = f.read()
    out: list[dict[str, Any]] = []
    for item in asalee.parse_all(data):
        if isinstance(item, asalee.ParseError):
            out.append({"error": f"{path}:{item.line}:{item.column}: {item.message}"})
        else:
            out.append(flat_row(item.to_dict(), path))
    return out


def files_below(folders: list[str]) -> Iterator[str]:
    """Every regular file below the folders, each folder's entries sorted by name, depth first
    (the order `asalee parse FOLDER` reads them in)."""
    for folder in folders:
        if not os.path.isdir(folder):
            yield folder
            continue
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_dir():
                yield from files_below([entry.path])
            elif entry.is_file():
                yield entry.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", metavar="FOLDER")
    parser.add_argument("--out", default="questions.parquet", help="the Parquet dataset (a folder) to write")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    args = parser.parse_args()

    paths = list(files_below(args.folders))
    # One process per worker, one thread each: the parsing holds no lock, but processes show
    # what a cluster does (records pickled between processes). No dashboard: nothing to serve.
    # A task that fails still raises here, in compute(); silence_logs keeps the cluster's own
    # chatter (a worker's last heartbeat racing the shutdown) off stderr.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        workers = len(client.scheduler_info()["workers"])
        items = db.from_sequence(paths, partition_size=8).map(parse_file).flatten().persist()
        errors = items.filter(lambda item: "error" in item).pluck("error").compute()
        rows = items.filter(lambda item: "error" not in item)
        # Parts named so that their names sort in the bag's order (part-00000.parquet, …).
        rows.to_dataframe(meta=META).to_parquet(args.out, schema=SCHEMA, write_index=False, overwrite=True,
                                                name_function=lambda i: f"part-{i:05d}.parquet")

    table = pd.read_parquet(args.out, dtype_backend="pyarrow")
    print(f"{workers} worker processes read {len(paths)} files: "
          f"{len(table)} questions, {len(errors)} documents not read")
    print(f"wrote {Path(args.out).name}/: {len(table)} rows, {len(table.columns)} columns")
    print()
    shown = table[["uid", "layout", "number", "question_published_date", "author_name"]]
    print(shown.to_string(index=False, max_colwidth=24))
    if errors:
        print("\ndocuments not read:")
        for error in errors:
            print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
