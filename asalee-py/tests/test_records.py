"""The record types and their conversion from Rust, independent of the grammar.

`_asalee._from_json` reads a record with serde and converts it exactly as a parsed one is
converted, so every part of the binding's conversion is checked on the expected records.
"""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from typing import Any

import pytest
from conftest import EXPECTED, key_orders, pairs, with_dates

import asalee
from asalee import _asalee


@pytest.fixture(params=EXPECTED, ids=lambda p: p.stem)
def expected(request: pytest.FixtureRequest) -> str:
    text: str = request.param.read_text(encoding="utf-8")
    return text


def rich_record() -> dict[str, Any]:
    """A record with every part filled in and strings that JSON must escape."""
    record: dict[str, Any] = json.loads(EXPECTED[0].read_text(encoding="utf-8"))
    record.update(
        title='« Titre » avec "guillemets", \\ barre, \t tab, \x01\x1f\x7f, \u2028 et 😀',
        author={
            "civility": "M.",
            "name": "Charles de Courson",
            "group": "LIOT",
            "department": "Marne",
            "constituency": 5,
            "region": "Grand Est",
            "ref": "PA720892",
        },
        question_published={"date": "2024-02-29", "page": None},
        answer_published=None,
        flagged_on="2025-02-17",
        reassigned_on=["2023-01-02", "2023-03-04"],
        renewed_on=["2022-07-14"],
        closed={"date": None, "reason": "fin de mandat"},
        errata=[
            {"of": "question", "date": "2024-05-06", "page": 12},
            {"of": "answer", "date": "2024-06-07", "page": None},
        ],
        other_fields=[{"label": "Champ inconnu", "value": "valeur\nsur deux lignes"}],
        warnings=[{"line": 3, "message": "unknown label `Champ inconnu`"}],
        layout="an-legacy",
    )
    return record


def test_to_json_is_rusts_text(expected: str) -> None:
    q = _asalee._from_json(expected)
    assert q.to_json() == _asalee._rust_json(expected)
    assert pairs(q.to_json()) == pairs(expected)


def test_to_json_escapes_like_rust() -> None:
    text = json.dumps(rich_record(), ensure_ascii=False)
    q = _asalee._from_json(text)
    assert q.to_json() == _asalee._rust_json(text)
    assert json.loads(q.to_json()) == rich_record()


def test_to_dict(expected: str) -> None:
    q = _asalee._from_json(expected)
    record = json.loads(expected)
    assert q.to_dict() == with_dates(record)
    assert key_orders(q.to_dict()) == key_orders(record)


def test_every_part_is_typed() -> None:
    q = _asalee._from_json(json.dumps(rich_record()))
    assert q.author == asalee.Author("M.", "Charles de Courson", "LIOT", "Marne", 5, "Grand Est", "PA720892")
    assert q.question_published == asalee.JoRef(datetime.date(2024, 2, 29), None)
    assert q.answer_published is None
    assert q.flagged_on == datetime.date(2025, 2, 17)
    assert q.reassigned_on == (datetime.date(2023, 1, 2), datetime.date(2023, 3, 4))
    assert q.renewed_on == (datetime.date(2022, 7, 14),)
    assert q.closed == asalee.Closed(None, "fin de mandat")
    assert q.errata == (
        asalee.Erratum("question", datetime.date(2024, 5, 6), 12),
        asalee.Erratum("answer", datetime.date(2024, 6, 7), None),
    )
    assert q.other_fields == (asalee.OtherField("Champ inconnu", "valeur\nsur deux lignes"),)
    assert q.warnings == (asalee.ParseWarning(3, "unknown label `Champ inconnu`"),)
    assert q.layout == "an-legacy"
    assert q.to_dict()["errata"] == [
        {"of": "question", "date": datetime.date(2024, 5, 6), "page": 12},
        {"of": "answer", "date": datetime.date(2024, 6, 7), "page": None},
    ]


def test_fields_in_spec_order(expected: str) -> None:
    record = json.loads(expected)
    assert asalee.Question.__slots__ == tuple(record)
    assert asalee.Question.__match_args__ == tuple(record)  # positional `case Question(...)`
    assert asalee.Author.__slots__ == tuple(rich_record()["author"])
    q = _asalee._from_json(expected)
    assert [getattr(q, name) for name in q.__slots__] == list(q._astuple())


def test_immutable_hashable_picklable() -> None:
    q = _asalee._from_json(json.dumps(rich_record()))
    with pytest.raises(AttributeError, match="Question is immutable"):
        q.number = 1
    assert q.author is not None
    with pytest.raises(AttributeError, match="Author is immutable"):
        q.author.name = "X"
    with pytest.raises(AttributeError):
        del q.title
    with pytest.raises(AttributeError):
        q.extra = 1
    assert not hasattr(q, "__dict__")
    same = _asalee._from_json(json.dumps(rich_record()))
    assert q == same and q is not same
    assert hash(q) == hash(same)
    assert len({q, same}) == 1
    assert pickle.loads(pickle.dumps(q)) == q
    assert copy.deepcopy(q) == q and copy.copy(q) == q
    other = q.__replace__(number=q.number + 1)  # copy.replace(q, ...) on Python 3.13
    assert other != q and other.number == q.number + 1
    assert other.__replace__(number=q.number) == q
    assert q != q.to_dict() and q.author != q.author.to_dict()
    assert asalee.JoRef(datetime.date(2024, 1, 2), 3) != asalee.Closed(
        datetime.date(2024, 1, 2), "3"
    )


def test_repr() -> None:
    q = _asalee._from_json(EXPECTED[2].read_text(encoding="utf-8"))
    assert repr(q) == (
        "Question(uid='QANR5L17QE2621', chamber='AN', legislature=17, kind='QE', number=2621, "
        'title="Situation des professionnels de santé membres de l\'associat…", '
        "layout='an-current', ...)"
    )
    assert repr(q.question_published) == "JoRef(date=datetime.date(2024, 12, 3), page=6403)"


def test_codes_are_plain_strings() -> None:
    q = _asalee._from_json(EXPECTED[2].read_text(encoding="utf-8"))
    assert type(q.chamber) is str and type(q.kind) is str and type(q.layout) is str
    assert (q.chamber, q.kind, q.layout) == ("AN", "QE", "an-current")
    assert type(q.number) is int and type(q.flagged_on) is datetime.date


def test_from_json_rejects_bad_records() -> None:
    with pytest.raises(ValueError):
        _asalee._from_json("{}")
    bad_date = EXPECTED[2].read_text(encoding="utf-8").replace("2024-12-03", "2024-02-30")
    with pytest.raises(ValueError):
        _asalee._from_json(bad_date)
