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

from ._asalee import ParseAll, ParseFile, ParseFiles, __version__, parse, parse_all, parse_file
from ._asalee import _folder_skip, _parse_files
from ._model import (
    _TYPING_NAMES,
    COLUMNS,
    Author,
    Closed,
    Erratum,
    JoRef,
    OtherField,
    ParseError,
    ParseWarning,
    Question,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Iterator, Tuple, TypeVar, Union

    from ._types import (
        AuthorDict,
        Chamber,
        Civility,
        ClosedDict,
        ErratumDict,
        ErratumOf,
        ErrorKind,
        JoRefDict,
        Kind,
        Layout,
        OtherFieldDict,
        ParseWarningDict,
        QuestionDict,
        QuestionRow,
    )

    _StrPath = Union[str, "os.PathLike[str]"]
    """A path as ``open()`` takes it."""
    _P = TypeVar("_P", bound=_StrPath)
    _Results = Iterable[Union[Question, ParseError, Tuple[Any, Union[Question, ParseError]]]]

__all__ = [
    "COLUMNS",
    "Author",
    "AuthorDict",
    "Chamber",
    "Civility",
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
    "ParseFile",
    "ParseFiles",
    "ParseWarning",
    "ParseWarningDict",
    "Question",
    "QuestionDict",
    "QuestionRow",
    "__version__",
    "parse",
    "parse_all",
    "parse_file",
    "parse_files",
    "to_pandas",
    "to_polars",
]

# Old names, kept working with a DeprecationWarning (and out of `__all__`: `from asalee import *`
# must not shadow Python's built-in `Warning`).
_DEPRECATED = {"Warning": "ParseWarning", "WarningDict": "ParseWarningDict"}


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all __getattr__

    def __getattr__(name):
        # The Literal and TypedDict names need `typing`, which `import asalee` does not pay for.
        if name in _TYPING_NAMES:
            from . import _types

            value = getattr(_types, name)
            globals()[name] = value
            return value
        if name in _DEPRECATED:
            import warnings

            new = _DEPRECATED[name]
            warnings.warn(
                f"asalee.{name} is deprecated: use asalee.{new} (the name of Python's built-in "
                f"`Warning` is not shadowed by it)",
                DeprecationWarning,
                stacklevel=2,
            )
            return ParseWarning if new == "ParseWarning" else __getattr__(new)
        raise AttributeError(f"module 'asalee' has no attribute {name!r}")


def _files(paths: Iterable[_P], all_files: bool = False) -> Iterator[_P]:
    """The files of ``paths``: a folder gives the documents below it, each folder's entries in
    name order, depth first, and leaves out what is not a document (a page's ``_files/`` assets,
    images, style sheets, scripts, hidden files: the core's rule, as ``asalee parse DIR`` reads
    a folder) unless ``all_files``. A path given is always read."""
    for path in paths:
        if isinstance(path, (str, os.PathLike)) and os.path.isdir(path):
            yield from _folder(path, False, all_files)
        else:
            yield path


def _folder(folder: Any, assets: bool, all_files: bool) -> Iterator[Any]:
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries)
    for name in names:
        # A `pathlib.Path` gives paths of its own type; a str (or another os.PathLike) gives str.
        path = folder / name if hasattr(folder, "joinpath") else os.path.join(folder, name)
        if os.path.isdir(path):
            yield from _folder(path, assets or name.endswith("_files"), all_files)
        elif os.path.isfile(path) and (all_files or _folder_skip(path, assets) is None):
            yield path


def parse_files(
    paths: Union[_P, Iterable[_P]],
    *,
    strict: bool = False,
    jobs: int = 1,
    all_files: bool = False,
) -> Iterator[Tuple[_P, Union[Question, ParseError]]]:
    """Parses every document of every file: a lazy iterator of ``(path, Question | ParseError)``.

    ``paths`` is one path or an iterable of paths; a folder gives every document below it, in
    name order, as ``asalee parse DIR`` reads it: files that are not documents (the ``_files/``
    folder a browser saves a page's assets in, images, style sheets, scripts, fonts, PDFs,
    hidden files such as ``.DS_Store``, files of another extension that are not text) are left
    out, unless ``all_files=True``; a path given is always read. Each file is read like
    :func:`parse_all`: one item per document, so a file holding several questions gives several
    items and a file that holds no question gives one ``ParseError``. ``path`` is the object given in ``paths`` (or the file's path in a folder).
    ``jobs`` threads read and parse the files, with the GIL released, a few files ahead of the
    iteration; the items still come in order. A file that cannot be read raises ``OSError`` when
    the iteration reaches it.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"parse_files() argument 'jobs' must be an int, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"parse_files() argument 'jobs' must be at least 1, not {jobs}")
    if not isinstance(strict, bool):
        raise TypeError(
            f"parse_files() argument 'strict' must be a bool, not {type(strict).__name__}"
        )
    if not isinstance(all_files, bool):
        raise TypeError(
            f"parse_files() argument 'all_files' must be a bool, not {type(all_files).__name__}"
        )
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = (paths,)
    elif not hasattr(paths, "__iter__"):
        raise TypeError(
            "parse_files() argument 'paths' must be a path or an iterable of paths, "
            f"not {type(paths).__name__}"
        )
    return _parse_files(_files(paths, all_files), strict=strict, jobs=jobs)  # type: ignore[return-value]


def _rows(results: _Results) -> Iterator[Dict[str, Any]]:
    for item in results:
        source = None
        if isinstance(item, tuple):
            source, item = item
        if isinstance(item, ParseError):
            continue
        if not isinstance(item, Question):
            raise TypeError(
                "expected Question, ParseError or (path, Question | ParseError) items, "
                f"not {type(item).__name__}"
            )
        row: Dict[str, Any] = dict(item.to_row())
        if source is not None:
            row["source"] = os.fspath(source) if isinstance(source, os.PathLike) else source
        yield row


def to_pandas(results: _Results) -> Any:
    """A ``pandas.DataFrame`` with one row per record and the CSV's columns (:data:`COLUMNS`).

    ``results`` is what :func:`parse_all`, :func:`parse_file` or :func:`parse_files` give (or
    any iterable of records): a ``ParseError`` has no row, and the ``(path, item)`` pairs of
    ``parse_files`` add a last column, ``source``. Integer columns are ``Int64`` (they may be
    empty) and dates ``datetime64``. pandas is not a dependency of asalee: install it to use this.
    """
    try:
        import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as e:
        raise ImportError(
            "asalee.to_pandas() needs pandas, which is not installed: pip install pandas"
        ) from e
    from ._model import _COLUMN_KINDS

    rows = list(_rows(results))
    columns = list(COLUMNS) + (["source"] if any("source" in r for r in rows) else [])
    frame = pandas.DataFrame.from_records(rows, columns=columns)
    for name, kind in _COLUMN_KINDS.items():
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "date":
            frame[name] = pandas.to_datetime(frame[name])
    return frame


def to_polars(results: _Results) -> Any:
    """A ``polars.DataFrame`` with one row per record and the CSV's columns (:data:`COLUMNS`),
    typed (``Int64``, ``Date``, ``Utf8``); see :func:`to_pandas` for ``results``. polars is not
    a dependency of asalee: install it to use this."""
    try:
        import polars  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as e:
        raise ImportError(
            "asalee.to_polars() needs polars, which is not installed: pip install polars"
        ) from e
    from ._model import _COLUMN_KINDS

    types = {"int": polars.Int64, "date": polars.Date, "text": polars.Utf8}
    rows = list(_rows(results))
    schema = {name: types[_COLUMN_KINDS.get(name, "text")] for name in COLUMNS}
    if any("source" in r for r in rows):
        schema["source"] = polars.Utf8
    return polars.DataFrame(rows, schema=schema)
