"""asalee: French parliamentary questions (Assemblée nationale, Sénat) as typed records.

Reads a question page (saved HTML, a fragment, Markdown, text copied from a PDF, bytes in UTF-8
or Windows-1252, many documents in one file) and returns one :class:`Question` per document::

    import asalee
    q = asalee.parse(open("question.html", "rb").read())
    print(q.uid, q.number, q.author.name if q.author else None, q.question_published)

All parsing is done by the Rust crate asalee-core, with the GIL released.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, Tuple, TypeVar, Union

from ._asalee import ParseAll, __version__, parse, parse_all
from ._model import (
    Author,
    AuthorDict,
    Chamber,
    Closed,
    ClosedDict,
    Erratum,
    ErratumDict,
    ErratumOf,
    ErrorKind,
    JoRef,
    JoRefDict,
    Kind,
    Layout,
    OtherField,
    OtherFieldDict,
    ParseError,
    Question,
    QuestionDict,
    Warning,
    WarningDict,
)

__all__ = [
    "Author",
    "AuthorDict",
    "Chamber",
    "Closed",
    "ClosedDict",
    "Erratum",
    "ErratumDict",
    "ErratumOf",
    "ErrorKind",
    "JoRef",
    "JoRefDict",
    "Kind",
    "Layout",
    "OtherField",
    "OtherFieldDict",
    "ParseAll",
    "ParseError",
    "Question",
    "QuestionDict",
    "StrPath",
    "Warning",
    "WarningDict",
    "__version__",
    "parse",
    "parse_all",
    "parse_file",
    "parse_files",
]

StrPath = Union[str, "os.PathLike[str]"]
"""A path as ``open()`` takes it."""

_P = TypeVar("_P", bound=StrPath)


def parse_file(path: StrPath, *, strict: bool = False) -> Question:
    """Reads the file at ``path`` as bytes and parses it like :func:`parse`.

    Raises :class:`ParseError` when the file is not a question document, and ``OSError`` when it
    cannot be read.
    """
    with open(path, "rb") as f:
        data = f.read()
    return parse(data, strict=strict)


def parse_files(
    paths: Iterable[_P], *, strict: bool = False
) -> Iterator[Tuple[_P, Union[Question, ParseError]]]:
    """Parses every document of every file: a lazy iterator of ``(path, Question | ParseError)``.

    Files are read as bytes, one at a time, in order, and each is read like :func:`parse_all`:
    one item per document, so a file holding several questions gives several items and a file
    that holds no question gives one ``ParseError``. ``path`` is the object given in ``paths``.
    A file that cannot be read raises ``OSError`` when the iteration reaches it.
    """
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        for item in parse_all(data, strict=strict):
            yield path, item
