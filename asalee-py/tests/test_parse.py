"""The SPEC's contract through the Python API: every seed and authored document gives its
expected record, from str and from bytes (UTF-8 and Windows-1252), alone and concatenated."""

from __future__ import annotations

import io
import json
import mmap
import threading
from pathlib import Path
from typing import Any, Iterator, List, Union

import pytest
from conftest import (
    DOCUMENTS,
    SEEDS,
    compact,
    expected_text,
    key_orders,
    pairs,
    with_dates,
)

import asalee
from asalee import _asalee


def read(document: Path) -> str:
    return document.read_text(encoding="utf-8")


def joined(*texts: str) -> str:
    """Documents concatenated, with a line break after any that does not end with one."""
    return "".join(t if t.endswith("\n") else t + "\n" for t in texts)


@pytest.fixture(params=DOCUMENTS, ids=lambda p: p.stem)
def document(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_to_json(document: Path) -> None:
    q = asalee.parse(read(document))
    assert pairs(q.to_json()) == pairs(expected_text(document))
    assert q.to_json() == compact(expected_text(document))


def test_to_json_is_rusts_text(document: Path) -> None:
    assert asalee.parse(read(document)).to_json() == _asalee._to_json(read(document))


def test_to_dict(document: Path) -> None:
    record = json.loads(expected_text(document))
    d = asalee.parse(read(document)).to_dict()
    assert d == with_dates(record)
    assert key_orders(d) == key_orders(record)


def test_attributes() -> None:
    q = asalee.parse(read(SEEDS[2]))
    assert q.uid == "QANR5L17QE2621"
    assert (q.chamber, q.legislature, q.kind, q.number) == ("AN", 17, "QE", 2621)
    assert q.author is not None and q.author.name == "Danielle Brulebois"
    assert q.author.constituency == 1
    assert q.question_published is not None
    assert q.question_published.date.isoformat() == "2024-12-03"
    assert q.layout == "an-current"


def test_bytes_utf8(document: Path) -> None:
    text = read(document)
    assert asalee.parse(text.encode("utf-8")) == asalee.parse(text)
    assert asalee.parse(b"\xef\xbb\xbf" + text.encode("utf-8")) == asalee.parse(text)


def test_bytes_windows_1252(document: Path) -> None:
    text = read(document)
    q = asalee.parse(text.encode("cp1252"))
    assert q == asalee.parse(text)
    assert q.to_json() == compact(expected_text(document))


def test_crlf(document: Path) -> None:
    text = read(document)
    crlf = text.replace("\n", "\r\n")
    assert asalee.parse(crlf) == asalee.parse(text)
    assert asalee.parse(crlf.encode("cp1252")) == asalee.parse(text)


def test_parse_file(document: Path) -> None:
    assert list(asalee.parse_file(document)) == [asalee.parse(read(document))]
    (q,) = asalee.parse_file(str(document))
    assert isinstance(q, asalee.Question)
    assert q.to_json() == compact(expected_text(document))


def test_parse_file_binary_file(document: Path) -> None:
    with open(document, "rb") as f:
        assert list(asalee.parse_file(f)) == [asalee.parse(read(document))]
    # Open data is UTF-8 (JSON by definition, the AN's XML by declaration): a stream of it is
    # read as such (docs/decisions.md), so only the other documents are tried in Windows-1252.
    if document.suffix not in (".json", ".xml"):
        cp1252 = io.BytesIO(read(document).encode("cp1252"))
        assert list(asalee.parse_file(cp1252)) == [asalee.parse(read(document))]


def test_parse_file_many_documents(tmp_path: Path) -> None:
    texts = [read(s) for s in SEEDS]
    path = tmp_path / "all.txt"
    path.write_bytes(joined(*texts).encode("cp1252"))
    it = asalee.parse_file(path)
    assert iter(it) is it
    assert list(it) == [asalee.parse(t) for t in texts]
    assert list(it) == []
    # A stream larger than one read() of the file object.
    big = io.BytesIO(joined(*texts * 40).encode("utf-8"))
    assert len(list(asalee.parse_file(big))) == 5 * 40


@pytest.mark.parametrize("kind", ["bytearray", "memoryview", "mmap"])
def test_bytes_like_inputs(kind: str, tmp_path: Path) -> None:
    text = joined(read(SEEDS[0]), read(SEEDS[2]))
    data = text.encode("cp1252")
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        value: Any = {"bytearray": bytearray(data), "memoryview": memoryview(data), "mmap": mapped}[kind]
        assert asalee.parse(value) == asalee.parse(text)
        assert list(asalee.parse_all(value)) == list(asalee.parse_all(text))


def test_parse_all_one_document(document: Path) -> None:
    items = list(asalee.parse_all(read(document)))
    assert items == [asalee.parse(read(document))]


def test_parse_all_seeds_concatenated() -> None:
    texts = [read(s) for s in SEEDS]
    expected = [asalee.parse(t) for t in texts]
    for order in (texts, texts[::-1]):
        items = list(asalee.parse_all(joined(*order)))
        assert items == (expected if order is texts else expected[::-1])
        assert list(asalee.parse_all(joined(*order).encode("cp1252"))) == items


def test_parse_all_is_lazy_and_reports_offsets() -> None:
    texts = [read(s) for s in SEEDS]
    it = asalee.parse_all(joined(*texts))
    assert iter(it) is it
    assert it.byte_offset == 0
    first = next(it)
    assert isinstance(first, asalee.Question) and first.number == 13927
    second = next(it)
    assert isinstance(second, asalee.Question)
    assert it.byte_offset == len(joined(texts[0]).encode("utf-8"))
    assert len(list(it)) == 3
    assert list(it) == []
    with pytest.raises(StopIteration):
        next(it)


def test_parse_all_bad_document_in_the_middle() -> None:
    a, b = read(SEEDS[2]), read(SEEDS[3])
    # Starts like an an-current page but gives no question number.
    bad = (
        "ASSEMBLÉE NATIONALE\n\n17ème législature\n\nTitre sans numéro\n\n"
        "Question écrite n° \n\nTexte de la question\n\nM. Jean Dupont demande.\n"
    )
    text = joined(a, bad, b)
    items = list(asalee.parse_all(text))
    assert len(items) == 3, items
    assert items[0] == asalee.parse(a)
    assert items[2] == asalee.parse(b)
    error = items[1]
    assert isinstance(error, asalee.ParseError)
    first_line = joined(a).count("\n") + 1
    last_line = joined(a, bad).count("\n")
    assert first_line <= error.line <= last_line, error


def test_parse_all_segment_without_number() -> None:
    a, b = read(SEEDS[3]), read(SEEDS[4])
    bad = "Question écrite n° \nTexte de la question\nM. Jean Dupont demande.\n"
    items: List[Union[asalee.Question, asalee.ParseError]] = list(
        asalee.parse_all(joined(a, bad, b))
    )
    assert items[0] == asalee.parse(a) and items[-1] == asalee.parse(b)
    assert any(isinstance(i, asalee.ParseError) for i in items[1:-1]), items


def test_parse_files(tmp_path: Path) -> None:
    both = tmp_path / "both.txt"
    both.write_text(joined(read(SEEDS[0]), read(SEEDS[1])), encoding="utf-8")
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("Bonjour\n", encoding="utf-8")
    paths = [both, nothing, SEEDS[2]]
    for jobs in (1, 2, 3):
        items = list(asalee.parse_files(paths, jobs=jobs))
        assert [p for p, _ in items] == [both, both, nothing, SEEDS[2]]
        assert items[0][1] == asalee.parse(read(SEEDS[0]))
        assert items[1][1] == asalee.parse(read(SEEDS[1]))
        assert isinstance(items[2][1], asalee.ParseError) and items[2][1].line == 1
        assert items[3][1] == asalee.parse(read(SEEDS[2]))


def test_parse_files_one_path() -> None:
    for path in (SEEDS[3], str(SEEDS[3])):
        assert list(asalee.parse_files(path)) == [(path, asalee.parse(read(SEEDS[3])))]


def test_parse_files_a_folder(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(read(SEEDS[1]), encoding="utf-8")
    (tmp_path / "a.txt").write_text(read(SEEDS[0]), encoding="utf-8")
    (tmp_path / "c.txt").write_text(read(SEEDS[2]), encoding="utf-8")
    items = list(asalee.parse_files(tmp_path))
    assert [p for p, _ in items] == [tmp_path / "a.txt", tmp_path / "b" / "2.txt", tmp_path / "c.txt"]
    assert [q for _, q in items] == [asalee.parse(read(s)) for s in SEEDS[:3]]
    as_text = list(asalee.parse_files([str(tmp_path)]))
    assert [p for p, _ in as_text] == [str(p) for p, _ in items]


def test_parse_files_jobs_gives_the_same_items_in_order(tmp_path: Path) -> None:
    paths = []
    for i in range(40):
        path = tmp_path / f"{i:02}.txt"
        path.write_text(joined(*[read(s) for s in SEEDS[i % 5 :]]), encoding="utf-8")
        paths.append(path)
    one = list(asalee.parse_files(paths))
    assert len(one) == sum(5 - i % 5 for i in range(40))
    assert list(asalee.parse_files(iter(paths), jobs=4)) == one


def test_parse_files_is_lazy_and_raises_oserror(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    for jobs in (1, 2):
        it = asalee.parse_files([SEEDS[0], missing, SEEDS[1]], jobs=jobs)
        path, item = next(it)
        assert path == SEEDS[0] and isinstance(item, asalee.Question)
        with pytest.raises(FileNotFoundError) as info:
            next(it)
        assert info.value.filename == missing
        # The other files are still read.
        assert [p for p, _ in it] == [SEEDS[1]]


def test_parse_files_reads_paths_lazily() -> None:
    pulled: List[Path] = []

    def paths() -> Iterator[Path]:
        for s in SEEDS:
            pulled.append(s)
            yield s

    it = asalee.parse_files(paths(), jobs=1)
    next(it)
    assert len(pulled) < len(SEEDS)
    assert len(list(it)) == len(SEEDS) - 1


# Inserted into seed 002's "Données clés" block: a label the parser does not know.
UNKNOWN = "**Champ inconnu :** valeur inventée"


def with_unknown_label() -> tuple[str, int]:
    text = read(SEEDS[2])
    anchor = "**Rubrique :** Professions de santé\n"
    assert anchor in text
    text = text.replace(anchor, anchor + "\n" + UNKNOWN + "\n")
    line = text.splitlines().index(UNKNOWN) + 1
    return text, line


def test_unknown_label_is_kept_and_warned() -> None:
    text, line = with_unknown_label()
    q = asalee.parse(text)
    assert q.other_fields == (asalee.OtherField("Champ inconnu", "valeur inventée"),)
    assert [w.line for w in q.warnings] == [line]
    clean = asalee.parse(read(SEEDS[2]))
    assert q.to_dict() == {
        **clean.to_dict(),
        "other_fields": [o.to_dict() for o in q.other_fields],
        "warnings": [w.to_dict() for w in q.warnings],
    }


def test_strict_mode() -> None:
    text, line = with_unknown_label()
    with pytest.raises(asalee.ParseError) as info:
        asalee.parse(text, strict=True)
    assert (info.value.kind, info.value.line) == ("strict", line)
    items = list(asalee.parse_all(joined(read(SEEDS[3]), text), strict=True))
    assert isinstance(items[0], asalee.Question)
    assert isinstance(items[1], asalee.ParseError) and items[1].kind == "strict"
    assert items[1].line == joined(read(SEEDS[3])).count("\n") + line


def test_strict_mode_clean_documents(document: Path) -> None:
    assert asalee.parse(read(document), strict=True) == asalee.parse(read(document))
    assert list(asalee.parse_file(document, strict=True)) == [asalee.parse(read(document))]


def test_threads() -> None:
    """The GIL is released while Rust parses: threads share the work and get the same records."""
    texts = [read(s) for s in SEEDS] * 20
    expected = [asalee.parse(t) for t in texts]
    results: dict[int, asalee.Question] = {}

    def work(start: int) -> None:
        for i in range(start, len(texts), 4):
            results[i] = asalee.parse(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(len(texts))] == expected


def test_shared_parse_all_iterator_across_threads() -> None:
    texts = [read(s) for s in SEEDS] * 10
    it = asalee.parse_all(joined(*texts))
    seen: list[Union[asalee.Question, asalee.ParseError]] = []
    lock = threading.Lock()

    def work() -> None:
        for item in it:
            with lock:
                seen.append(item)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == len(texts)
    assert all(isinstance(q, asalee.Question) for q in seen)
