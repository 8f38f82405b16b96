"""Flat rows: ``Question.to_row()`` gives the core's CSV cells, ``to_pandas``/``to_polars`` tables."""

from __future__ import annotations

import datetime
import json
import sys
from typing import Any, List, Tuple

import pytest
from conftest import EXPECTED, SEEDS
from test_records import rich_record

import asalee
from asalee import _asalee, _model, _types


def csv_text(value: Any) -> str:
    """A cell as CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def records() -> List[Tuple[str, asalee.Question]]:
    texts = [p.read_text(encoding="utf-8") for p in EXPECTED] + [json.dumps(rich_record())]
    return [(text, _asalee._from_json(text)) for text in texts]


def test_columns_are_the_cores() -> None:
    core = [name for name, _ in _asalee._rust_row(EXPECTED[0].read_text(encoding="utf-8"))]
    assert list(asalee.COLUMNS) == core
    assert len(core) == 33 and core[6] == "author_civility" and core[-1] == "layout"
    assert list(_types.QuestionRow.__annotations__) == core


def test_to_row_is_the_cores_row() -> None:
    for text, q in records():
        row = q.to_row()
        assert list(row) == list(asalee.COLUMNS)
        assert [(k, csv_text(v)) for k, v in row.items()] == _asalee._rust_row(text)


def test_to_row_values() -> None:
    q = _asalee._from_json(json.dumps(rich_record()))
    row = q.to_row()
    assert row["author_name"] == "Charles de Courson" and row["author_constituency"] == 5
    assert row["question_published_date"] == datetime.date(2024, 2, 29)
    assert row["answer_published_date"] is None and row["answer_published_page"] is None
    assert row["reassigned_on"] == "2023-01-02 2023-03-04"
    assert row["closed_date"] is None and row["closed_reason"] == "fin de mandat"
    assert json.loads(row["errata"] or "") == rich_record()["errata"]
    assert row["number"] == q.number
    plain = asalee.parse(SEEDS[1].read_text(encoding="utf-8")).to_row()
    assert plain["errata"] is None and plain["warnings"] is None and plain["reassigned_on"] is None


def test_records_are_built_by_keyword() -> None:
    q = _asalee._from_json(json.dumps(rich_record()))
    fields = {name: getattr(q, name) for name in q.__slots__}
    assert asalee.Question(**fields) == q
    assert q.__replace__(number=1) == asalee.Question(**{**fields, "number": 1})


def test_all_names() -> None:
    exported = set(asalee.__all__)
    assert set(_model.__all__) <= exported
    assert set(_types.__all__) <= exported
    assert _model._TYPING_NAMES == frozenset(_types.__all__)
    for name in asalee.__all__:
        assert getattr(asalee, name) is not None


def results() -> List[Any]:
    text = "".join(p.read_text(encoding="utf-8") + "\n" for p in SEEDS)
    return list(asalee.parse_all(text + "Bonjour\n"))


def test_to_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    frame = asalee.to_pandas(results())
    assert list(frame.columns) == list(asalee.COLUMNS)
    assert len(frame) == len(SEEDS)
    assert str(frame["number"].dtype) == "Int64" and str(frame["legislature"].dtype) == "Int64"
    assert pandas.api.types.is_datetime64_any_dtype(frame["question_published_date"])
    first = asalee.parse(SEEDS[0].read_text(encoding="utf-8"))
    assert frame.loc[0, "author_name"] == (first.author.name if first.author else None)
    assert frame.loc[0, "number"] == first.number
    with_source = asalee.to_pandas(asalee.parse_files(SEEDS[:2]))
    assert list(with_source.columns) == [*asalee.COLUMNS, "source"]
    assert list(with_source["source"]) == [str(p) for p in SEEDS[:2]]
    assert len(asalee.to_pandas([])) == 0


def test_to_polars() -> None:
    polars = pytest.importorskip("polars")
    frame = asalee.to_polars(results())
    assert frame.columns == list(asalee.COLUMNS)
    assert frame.height == len(SEEDS)
    assert frame.schema["number"] == polars.Int64
    assert frame.schema["question_published_date"] == polars.Date
    assert frame["number"].to_list() == [q.number for q in results() if isinstance(q, asalee.Question)]


def test_missing_pandas_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, function in (("pandas", asalee.to_pandas), ("polars", asalee.to_polars)):
        monkeypatch.setitem(sys.modules, module, None)  # `import module` raises ImportError
        with pytest.raises(ImportError, match=rf"needs {module}, which is not installed: pip install {module}"):
            function([])


def test_rows_refuse_other_items() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="expected Question, ParseError"):
        asalee.to_pandas(["text"])  # type: ignore[list-item]
