"""asalee: French parliamentary questions (Assemblée nationale, Sénat) as typed records.

Reads a question page (saved HTML, a fragment, Markdown, text copied from a PDF, bytes in UTF-8
or Windows-1252, many documents in one file) and returns one :class:`Question` per document::

    import asalee
    q = asalee.parse(open("question.html", "rb").read())
    print(q.uid, q.number, q.author.name if q.author else None, q.question_published)

All parsing is done by the Rust crate asalee-core, with the GIL released.
"""

from __future__ import annotations

from ._asalee import ParseAll, __version__, parse, parse_all
from ._model import Author, Closed, Erratum, JoRef, OtherField, ParseError, Question, Warning

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from typing import Iterable, Iterator, Tuple, TypeVar, Union

    from ._types import (
        AuthorDict,
        Chamber,
        ClosedDict,
        ErratumDict,
        ErratumOf,
        ErrorKind,
        JoRefDict,
        Kind,
        Layout,
        OtherFieldDict,
        QuestionDict,
        WarningDict,
    )

    _StrPath = Union[str, "os.PathLike[str]"]
    """A path as ``open()`` takes it."""
    _P = TypeVar("_P", bound=_StrPath)

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
    "Warning",
    "WarningDict",
    "__version__",
    "parse",
    "parse_all",
    "parse_file",
    "parse_files",
]

_TYPING_NAMES = frozenset(
    (
        "AuthorDict",
        "Chamber",
        "ClosedDict",
        "ErratumDict",
        "ErratumOf",
        "ErrorKind",
        "JoRefDict",
        "Kind",
        "Layout",
        "OtherFieldDict",
        "QuestionDict",
        "WarningDict",
    )
)


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all __getattr__

    def __getattr__(name):
        # The Literal and TypedDict names need `typing`, which `import asalee` does not pay for.
        if name in _TYPING_NAMES:
            from . import _types

            value = getattr(_types, name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'asalee' has no attribute {name!r}")


def parse_file(path: _StrPath, *, strict: bool = False) -> Question:
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
