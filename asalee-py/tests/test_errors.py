"""ParseError: a ValueError with the position and kind of the core's error."""

from __future__ import annotations

import pickle
from pathlib import Path

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


@pytest.mark.parametrize("bad", [None, 12, 1.5, ["a"], {"text": "x"}])
def test_type_errors_name_the_argument(bad: object) -> None:
    kind = type(bad).__name__
    for function in (asalee.parse, asalee.parse_all):
        with pytest.raises(TypeError) as info:
            function(bad)  # type: ignore[arg-type]
        assert str(info.value) == (
            f"{function.__name__}() argument 'text' must be str or a bytes-like object "
            f"(bytes, bytearray, memoryview, mmap), not {kind}"
        )


def test_strict_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="strict"):
        asalee.parse("Bonjour\n", strict="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'strict' must be a bool"):
        asalee.parse_files([], strict="yes")  # type: ignore[arg-type]


def test_parse_files_checks_its_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^parse_files\(\) argument 'jobs' must be at least 1, not 0$"):
        asalee.parse_files([], jobs=0)
    with pytest.raises(TypeError, match=r"argument 'jobs' must be an int, not str"):
        asalee.parse_files([], jobs="2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"argument 'paths' must be a path or an iterable of paths, not int"):
        asalee.parse_files(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"argument 'paths' must hold paths \(str or os.PathLike\), not int"):
        list(asalee.parse_files([12]))  # type: ignore[type-var, list-item, unused-ignore]


def test_parse_file_checks_its_argument(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"^parse_file\(\) argument 'source' must be a path \(str or os.PathLike\) or a binary file, not int$"):
        asalee.parse_file(12)  # type: ignore[arg-type]
    (tmp_path / "a.txt").write_text("Bonjour\n", encoding="utf-8")
    with open(tmp_path / "a.txt", encoding="utf-8") as text_file:
        with pytest.raises(TypeError, match="text mode: open it with 'rb'"):
            asalee.parse_file(text_file)  # type: ignore[arg-type]


def test_keyword_only_strict() -> None:
    with pytest.raises(TypeError):
        asalee.parse("Bonjour\n", True)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        asalee.parse_all("Bonjour\n", True)  # type: ignore[call-arg]


def test_lone_surrogate_is_a_unicode_error() -> None:
    with pytest.raises(UnicodeEncodeError):
        asalee.parse("Question écrite n° 1\ud800\n")


def test_parse_file_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as info:
        asalee.parse_file(missing)
    assert info.value.filename == missing
    (tmp_path / "bonjour.txt").write_bytes(b"Bonjour\r\n")
    (item,) = asalee.parse_file(tmp_path / "bonjour.txt")
    assert isinstance(item, asalee.ParseError)
    assert (item.line, item.column) == (1, 1)
    with pytest.raises(IsADirectoryError):
        asalee.parse_file(tmp_path)


def test_parse_warning_is_not_the_builtin() -> None:
    assert not issubclass(asalee.ParseWarning, Warning)
    assert "Warning" not in asalee.__all__ and "ParseWarning" in asalee.__all__
    namespace: dict[str, object] = {}
    exec("from asalee import *", namespace)
    assert "Warning" not in namespace and namespace["ParseWarning"] is asalee.ParseWarning
    with pytest.warns(DeprecationWarning, match=r"asalee\.Warning is deprecated: use asalee\.ParseWarning"):
        old = asalee.Warning  # type: ignore[attr-defined]
    assert old is asalee.ParseWarning
    with pytest.warns(DeprecationWarning, match="ParseWarningDict"):
        assert asalee.WarningDict is asalee.ParseWarningDict  # type: ignore[attr-defined]
