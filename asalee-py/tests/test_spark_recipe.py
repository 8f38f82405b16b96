"""The PySpark recipe of docs/spark.md, without Spark: its partition function, as the page writes
it, over (path, bytes) pairs like SparkContext.binaryFiles gives; and the records and errors
pickled and unpickled, as they are between a cluster's processes."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, Tuple

import asalee

from conftest import FIXTURES

RECIPE = Path(__file__).resolve().parents[2] / "docs" / "spark.md"
# Every fixture folder that holds documents: records and errors both (real/ has pages that are
# not questions).
FILES = sorted(
    path
    for folder in ("seeds", "authored", "real", "written")
    for path in (FIXTURES / folder).iterdir()
    if path.is_file()
)

Row = Tuple[str, Any, Any]


def partition_function() -> Callable[[Iterable[Tuple[str, bytes]]], Iterator[Row]]:
    """`parse_partition` from the recipe's code block, executed as written there."""
    text = RECIPE.read_text(encoding="utf-8")
    match = re.search(r"<!-- recipe: partition -->\n```python\n(.*?)```\n<!-- /recipe -->", text, re.S)
    assert match, f"{RECIPE} has no recipe block"
    namespace: dict[str, Any] = {}
    exec(compile(match.group(1), str(RECIPE), "exec"), namespace)
    function: Callable[[Iterable[Tuple[str, bytes]]], Iterator[Row]] = namespace["parse_partition"]
    return function


def binary_files() -> List[Tuple[str, bytes]]:
    """(path, content) pairs, through pickle as Spark sends them to an executor."""
    pairs = [(f"file:{path}", path.read_bytes()) for path in FILES]
    loaded: List[Tuple[str, bytes]] = pickle.loads(pickle.dumps(pairs))
    return loaded


def test_the_partition_function_gives_the_records_of_parse_all() -> None:
    files = binary_files()
    # Two partitions, as mapPartitions would run them; the rows travel back pickled.
    function = partition_function()
    rows: List[Row] = []
    for part in (files[: len(files) // 2], files[len(files) // 2 :]):
        rows += pickle.loads(pickle.dumps(list(function(iter(part)))))

    want: List[Row] = []
    for path, content in files:
        for item in asalee.parse_all(content):
            if isinstance(item, asalee.ParseError):
                want.append((path, None, f"{item.line}:{item.column}: {item.message}"))
            else:
                want.append((path, item.to_json(), None))
    assert rows == want
    records = [row for row in rows if row[1] is not None]
    errors = [row for row in rows if row[2] is not None]
    assert len(records) >= 15 and errors, (len(records), len(errors))
    assert all((row[1] is None) != (row[2] is None) for row in rows)
    # The JSON is the record's, the same text as the CLI and Rust write.
    seed = next(row for row in records if row[0].endswith("000_b712eef2958484e0.txt"))
    expected = (FIXTURES / "expected" / "000_b712eef2958484e0.json").read_text(encoding="utf-8")
    assert json.loads(seed[1]) == json.loads(expected)


def test_bytearray_content_is_read() -> None:
    """Older PySpark gives bytearray contents: the recipe copies them into bytes."""
    path = FIXTURES / "seeds" / "002_3668855410b903a6.txt"
    rows = list(partition_function()(iter([(str(path), bytearray(path.read_bytes()))])))  # type: ignore[arg-type]
    assert [(source, json.loads(record)["number"], error) for source, record, error in rows] == [
        (str(path), 2621, None)
    ]


def test_records_and_errors_pickle() -> None:
    items = [item for path in FILES for item in asalee.parse_all(path.read_bytes())]
    questions = [item for item in items if isinstance(item, asalee.Question)]
    errors = [item for item in items if isinstance(item, asalee.ParseError)]
    assert questions and errors

    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(questions, protocol=protocol))
        assert back == questions
        assert [q.to_json() for q in back] == [q.to_json() for q in questions]
        assert all(type(q) is asalee.Question for q in back)

        back_errors = pickle.loads(pickle.dumps(errors, protocol=protocol))
        assert all(isinstance(e, asalee.ParseError) and isinstance(e, ValueError) for e in back_errors)
        assert [(e.line, e.column, e.kind, e.message, str(e)) for e in back_errors] == [
            (e.line, e.column, e.kind, e.message, str(e)) for e in errors
        ]
