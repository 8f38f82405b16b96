"""ParseError: a ValueError with the position and kind of the core's error."""

from __future__ import annotations

import pickle

import pytest

import asalee


def test_not_a_question() -> None:
    with pytest.raises(asalee.ParseError) as info:
        asalee.parse("Bonjour\n")
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.line, e.column, e.kind) == (1, 1, "not-a-question")
    assert e.message and str(e) == f"{e.message} at line 1 column 1"
    assert repr(e) == f"ParseError({e.message!r}, line=1, column=1, kind='not-a-question')"


@pytest.mark.parametrize("text", ["", "\n", "Bonjour\n", b"", b"\xff\xfe\x00", "🙂" * 10])
def test_no_document_is_one_error(text: str | bytes) -> None:
    with pytest.raises(asalee.ParseError) as info:
        asalee.parse(text)
    items = list(asalee.parse_all(text))
    assert len(items) == 1 and isinstance(items[0], asalee.ParseError)
    assert (items[0].line, items[0].column, items[0].kind, items[0].message) == (
        info.value.line,
        info.value.column,
        info.value.kind,
        info.value.message,
    )


def test_caught_as_value_error() -> None:
    with pytest.raises(ValueError, match=r"at line 1 column 1$"):
        asalee.parse(b"Bonjour")


def test_pickle() -> None:
    e = asalee.ParseError("not a question document", 3, 7, "not-a-question")
    f = pickle.loads(pickle.dumps(e))
    assert (f.message, f.line, f.column, f.kind) == (
        "not a question document",
        3,
        7,
        "not-a-question",
    )
    assert str(f) == "not a question document at line 3 column 7"


@pytest.mark.parametrize("bad", [None, 12, bytearray(b"x"), ["a"]])
def test_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match="expected str or bytes"):
        asalee.parse(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected str or bytes"):
        asalee.parse_all(bad)  # type: ignore[arg-type]


def test_keyword_only_strict() -> None:
    with pytest.raises(TypeError):
        asalee.parse("Bonjour\n", True)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        asalee.parse_all("Bonjour\n", True)  # type: ignore[call-arg]


def test_lone_surrogate_is_a_unicode_error() -> None:
    with pytest.raises(UnicodeEncodeError):
        asalee.parse("Question écrite n° 1\ud800\n")


def test_parse_file_errors(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    with pytest.raises(FileNotFoundError):
        asalee.parse_file(tmp_path / "missing.txt")
    (tmp_path / "bonjour.txt").write_bytes(b"Bonjour\r\n")
    with pytest.raises(asalee.ParseError) as info:
        asalee.parse_file(tmp_path / "bonjour.txt")
    assert (info.value.line, info.value.column) == (1, 1)
