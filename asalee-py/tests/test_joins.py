"""Issue 19's three inputs, as users make them, from Python: every record, nothing else.

The same fixtures as the command line's tests (asalee-cli/tests/faults.rs): two saved pages joined
without a line break, a Windows-1252 page among UTF-8 documents, a folder saved by a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple, Union

from conftest import FIXTURES

import asalee

Item = Union[asalee.Question, asalee.ParseError]

MIXED = "decoded as windows-1252: these bytes are not UTF-8, unlike text before them in the input"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def records(items: List[Item]) -> List[asalee.Question]:
    """The items, all records (a ParseError fails the test with its message)."""
    errors = [i for i in items if isinstance(i, asalee.ParseError)]
    assert errors == [], errors
    return [i for i in items if isinstance(i, asalee.Question)]


def summary(q: asalee.Question) -> Tuple[object, ...]:
    return (q.uid, q.number, q.layout)


def test_two_pages_joined_without_a_line_break(tmp_path: Path) -> None:
    # `cat an-legacy-l14-qe-3200.html an-fiche-l11-qe-450.html`: the first ends with `</html>`.
    first = fixture("real/an-legacy-l14-qe-3200.html")
    assert not first.endswith(b"\n")
    joined = first + fixture("real/an-fiche-l11-qe-450.html")
    path = tmp_path / "joined.html"
    path.write_bytes(joined)
    for items in (list(asalee.parse_all(joined)), list(asalee.parse_file(path))):
        got = records(items)
        assert [summary(q) for q in got] == [
            ("QANR5L14QE3200", 3200, "an-legacy"),
            ("QANR5L11QE450", 450, "an-fiche"),
        ]
        assert got[0].rubric == "État"
        assert got[1].rubric == "logement : aides et prêts"
        # Nothing merged: no "given twice with different values" warning.
        assert [q.warnings for q in got] == [(), ()]
        # Each is the record of its page read alone.
        assert got == [
            asalee.parse(fixture("real/an-legacy-l14-qe-3200.html")),
            asalee.parse(fixture("real/an-fiche-l11-qe-450.html")),
        ]


def test_a_windows_1252_page_among_utf8_documents(tmp_path: Path) -> None:
    latin = fixture("real/an-fiche-l08-qosd-176-retiree.html")
    # The page is ISO-8859-1 (Windows-1252), the texts around it UTF-8.
    assert b"sant\xe9" in latin
    before = fixture("seeds/002_3668855410b903a6.txt")
    joined = before + latin + fixture("seeds/003_70cf9cf3550011d2.txt")
    path = tmp_path / "mixed.txt"
    path.write_bytes(joined)
    for items in (list(asalee.parse_all(joined)), list(asalee.parse_file(path))):
        got = records(items)
        assert [summary(q) for q in got] == [
            ("QANR5L17QE2621", 2621, "an-current"),
            ("QANR5L8QOSD176", 176, "an-fiche"),
            ("QANR5L17QE14939", 14939, "an-current"),
        ]
        # Every part decoded by its own bytes: no mojibake, no U+FFFD.
        assert got[0].title == "Situation des professionnels de santé membres de l'association Asalée"
        assert got[1].ministry_asked == "santé et famille"
        assert got[2].title == "Dispositif Asalée - financement"
        assert "\ufffd" not in "".join(q.to_json() for q in got)
        # The page read as Windows-1252 after UTF-8 text says so, at the line where it starts
        # (docs/decisions.md); the UTF-8 documents say nothing.
        first_line = before.count(b"\n") + 1
        assert [[(w.line, w.message) for w in q.warnings] for q in got] == [
            [],
            [(first_line, MIXED)],
            [],
        ]


def test_a_windows_1252_page_then_a_utf8_page() -> None:
    # Only UTF-8 text *before* a Windows-1252 part makes the warning (docs/decisions.md): here
    # nothing comes before the ISO-8859-1 page, and the UTF-8 page after it is UTF-8.
    joined = fixture("real/an-fiche-l08-qosd-176-retiree.html") + fixture(
        "real/an-fiche-l11-qe-450.html"
    )
    got = records(list(asalee.parse_all(joined)))
    assert [summary(q) for q in got] == [
        ("QANR5L8QOSD176", 176, "an-fiche"),
        ("QANR5L11QE450", 450, "an-fiche"),
    ]
    assert got[0].ministry_asked == "santé et famille"
    assert got[1].rubric == "logement : aides et prêts"
    assert [q.warnings for q in got] == [(), ()]


def browser_folder(root: Path) -> Path:
    """A page saved by a browser ("page, complete"), with its assets and a Finder file."""
    folder = root / "saved"
    (folder / "page_files").mkdir(parents=True)
    (folder / "page.html").write_bytes(fixture("real/an-dyn-l16-qe-200.html"))
    for name, data in [
        ("app.js", b"var x = 1;"),
        ("style.css", b"body { color: red }"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\0\0"),
        ("frame.html", b"<html><body>menu</body></html>"),
    ]:
        (folder / "page_files" / name).write_bytes(data)
    (folder / ".DS_Store").write_bytes(b"\0\0\0\x01Bud1")
    (folder / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    return folder


def test_a_folder_saved_by_a_browser(tmp_path: Path) -> None:
    folder = browser_folder(tmp_path)
    page = asalee.parse(fixture("real/an-dyn-l16-qe-200.html"))
    assert summary(page) == ("QANR5L16QE200", 200, "an-dyn")
    for jobs in (1, 2):
        # The page's record and nothing else: the assets, the `.DS_Store` and the image are
        # not documents (as `asalee parse DIR` skips them).
        assert list(asalee.parse_files(folder, jobs=jobs)) == [(folder / "page.html", page)]
        assert list(asalee.parse_files(str(folder))) == [(str(folder / "page.html"), page)]
    # `all_files=True` reads everything: the page's record, and one error per other file.
    items = list(asalee.parse_files(folder, all_files=True))
    assert [p.relative_to(folder).as_posix() for p, _ in items] == [
        ".DS_Store",
        "page.html",
        "page_files/app.js",
        "page_files/frame.html",
        "page_files/logo.png",
        "page_files/style.css",
        "photo.JPG",
    ]
    assert [q for _, q in items if isinstance(q, asalee.Question)] == [page]
    assert sum(isinstance(q, asalee.ParseError) for _, q in items) == 6
    # A file named is always read, whatever its name.
    asset = folder / "page_files" / "app.js"
    [(path, error)] = list(asalee.parse_files([asset]))
    assert path == asset and isinstance(error, asalee.ParseError)


def test_a_folder_keeps_its_documents_of_other_names(tmp_path: Path) -> None:
    # A file of another extension is read when it is text (a page saved as `.asp`), not when
    # it is binary; a file with no extension is read.
    (tmp_path / "question.asp").write_bytes(fixture("real/an-fiche-l11-qe-450.html"))
    (tmp_path / "QUESTION").write_bytes(fixture("seeds/003_70cf9cf3550011d2.txt"))
    (tmp_path / "blob.bin").write_bytes(b"\0\x01\x02")
    items = list(asalee.parse_files(tmp_path))
    got = [(p.name, q.number) for p, q in items if isinstance(q, asalee.Question)]
    assert got == [("QUESTION", 14939), ("question.asp", 450)]
    assert [p.name for p, _ in asalee.parse_files(tmp_path)] == ["QUESTION", "question.asp"]
