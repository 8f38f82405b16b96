"""The record of the SPEC as Python types: one frozen dataclass per part, and the error.

Records are immutable (frozen dataclasses whose lists are tuples), compare equal field by field,
and are hashable. The extension module builds them by calling these classes with every field in
SPEC order; they can also be built by hand (e.g. in tests) or with ``dataclasses.replace``.
"""

# Python 3.9: `X | None` only in annotations, which stay strings; no `slots=True` (3.10), so each
# class spells its `__slots__` (in field order) and `_Record.__reduce__` makes them picklable.
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, ClassVar, List, Literal, Optional, Tuple, TypedDict

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
    "ParseError",
    "Question",
    "QuestionDict",
    "Warning",
    "WarningDict",
]

Chamber = Literal["AN", "SENAT"]
"""``"AN"`` (Assemblée nationale) or ``"SENAT"``."""
Kind = Literal["QE", "QOSD", "QG"]
"""The AN open-data code of the kind of question."""
Layout = Literal["an-fiche", "an-legacy", "an-dyn", "an-current", "plain", "senat"]
"""The layout the document was recognised as (SPEC, "The documents")."""
ErratumOf = Literal["question", "answer"]
"""What an erratum corrects."""
ErrorKind = Literal["not-a-question", "missing-number", "missing-text", "strict"]
"""What kind of failure a :class:`ParseError` is."""


class AuthorDict(TypedDict):
    """:meth:`Author.to_dict`."""

    civility: Optional[str]
    name: Optional[str]
    group: Optional[str]
    department: Optional[str]
    constituency: Optional[int]
    region: Optional[str]


class JoRefDict(TypedDict):
    """:meth:`JoRef.to_dict`."""

    date: datetime.date
    page: Optional[int]


class ClosedDict(TypedDict):
    """:meth:`Closed.to_dict`."""

    date: Optional[datetime.date]
    reason: Optional[str]


class ErratumDict(TypedDict):
    """:meth:`Erratum.to_dict`."""

    of: ErratumOf
    date: datetime.date
    page: Optional[int]


class OtherFieldDict(TypedDict):
    """:meth:`OtherField.to_dict`."""

    label: str
    value: str


class WarningDict(TypedDict):
    """:meth:`Warning.to_dict`."""

    line: int
    message: str


class QuestionDict(TypedDict):
    """:meth:`Question.to_dict`: the SPEC record, dates as :class:`datetime.date`."""

    uid: Optional[str]
    chamber: Optional[Chamber]
    legislature: Optional[int]
    kind: Optional[Kind]
    number: int
    title: Optional[str]
    author: Optional[AuthorDict]
    ministry_asked: Optional[str]
    ministry_answering: Optional[str]
    rubric: Optional[str]
    analysis_heading: Optional[str]
    analysis: Optional[str]
    question_published: Optional[JoRefDict]
    answer_published: Optional[JoRefDict]
    flagged_on: Optional[datetime.date]
    reassigned_on: List[datetime.date]
    renewed_on: List[datetime.date]
    closed: Optional[ClosedDict]
    errata: List[ErratumDict]
    question_text: Optional[str]
    answer_text: Optional[str]
    other_fields: List[OtherFieldDict]
    warnings: List[WarningDict]
    layout: Layout


class _Record:
    """Pickling (and copying) for frozen dataclasses with ``__slots__``."""

    __slots__: ClassVar[Tuple[str, ...]] = ()

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (type(self), tuple(getattr(self, name) for name in self.__slots__))


@dataclass(frozen=True)
class Author(_Record):
    """The author of a question; any part the document does not give is ``None``."""

    __slots__ = ("civility", "name", "group", "department", "constituency", "region")
    civility: Optional[str]
    """``"M."`` or ``"Mme"``."""
    name: Optional[str]
    """The name as the page writes it (``Pontier Jean``, ``Charles de Courson``)."""
    group: Optional[str]
    department: Optional[str]
    constituency: Optional[int]
    """``1re circonscription`` gives 1."""
    region: Optional[str]

    def to_dict(self) -> AuthorDict:
        return {
            "civility": self.civility,
            "name": self.name,
            "group": self.group,
            "department": self.department,
            "constituency": self.constituency,
            "region": self.region,
        }


@dataclass(frozen=True)
class JoRef(_Record):
    """A publication in the Journal officiel: a date and, where given, a page."""

    __slots__ = ("date", "page")
    date: datetime.date
    page: Optional[int]

    def to_dict(self) -> JoRefDict:
        return {"date": self.date, "page": self.page}


@dataclass(frozen=True)
class Closed(_Record):
    """How a question was closed (withdrawn, lapsed, end of mandate)."""

    __slots__ = ("date", "reason")
    date: Optional[datetime.date]
    reason: Optional[str]
    """As written, without surrounding parentheses or a final period."""

    def to_dict(self) -> ClosedDict:
        return {"date": self.date, "reason": self.reason}


@dataclass(frozen=True)
class Erratum(_Record):
    """An erratum of the question or of the answer, published in the Journal officiel."""

    __slots__ = ("of", "date", "page")
    of: ErratumOf
    date: datetime.date
    page: Optional[int]

    def to_dict(self) -> ErratumDict:
        return {"of": self.of, "date": self.date, "page": self.page}


@dataclass(frozen=True)
class OtherField(_Record):
    """A labelled line the parser does not know, kept so that nothing is dropped silently."""

    __slots__ = ("label", "value")
    label: str
    value: str

    def to_dict(self) -> OtherFieldDict:
        return {"label": self.label, "value": self.value}


@dataclass(frozen=True)
class Warning(_Record):  # noqa: A001 - the SPEC's name; `asalee.Warning` is not `builtins.Warning`
    """Something odd but not fatal, at a 1-based line of the whole input."""

    __slots__ = ("line", "message")
    line: int
    message: str
    """Free text, not part of the contract."""

    def to_dict(self) -> WarningDict:
        return {"line": self.line, "message": self.message}


def _iso(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


@dataclass(frozen=True, repr=False)
class Question(_Record):
    """One parliamentary question: the SPEC record, one attribute per field, in SPEC order.

    Immutable and hashable; ``==`` compares every field. Lists of the SPEC are tuples here
    (:meth:`to_dict` gives lists).
    """

    __slots__ = (
        "uid",
        "chamber",
        "legislature",
        "kind",
        "number",
        "title",
        "author",
        "ministry_asked",
        "ministry_answering",
        "rubric",
        "analysis_heading",
        "analysis",
        "question_published",
        "answer_published",
        "flagged_on",
        "reassigned_on",
        "renewed_on",
        "closed",
        "errata",
        "question_text",
        "answer_text",
        "other_fields",
        "warnings",
        "layout",
    )
    uid: Optional[str]
    """The AN open-data identifier ``QANR5L{legislature}{kind}{number}``."""
    chamber: Optional[Chamber]
    legislature: Optional[int]
    kind: Optional[Kind]
    number: int
    title: Optional[str]
    author: Optional[Author]
    ministry_asked: Optional[str]
    ministry_answering: Optional[str]
    rubric: Optional[str]
    analysis_heading: Optional[str]
    analysis: Optional[str]
    question_published: Optional[JoRef]
    answer_published: Optional[JoRef]
    flagged_on: Optional[datetime.date]
    reassigned_on: Tuple[datetime.date, ...]
    renewed_on: Tuple[datetime.date, ...]
    closed: Optional[Closed]
    errata: Tuple[Erratum, ...]
    question_text: Optional[str]
    """Paragraphs separated by ``\\n``."""
    answer_text: Optional[str]
    """Paragraphs separated by ``\\n``."""
    other_fields: Tuple[OtherField, ...]
    warnings: Tuple[Warning, ...]
    layout: Layout

    def to_dict(self) -> QuestionDict:
        """The record as plain dicts and lists, keys in SPEC order, dates as ``datetime.date``."""
        author = self.author
        question_published = self.question_published
        answer_published = self.answer_published
        closed = self.closed
        return {
            "uid": self.uid,
            "chamber": self.chamber,
            "legislature": self.legislature,
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "author": None if author is None else author.to_dict(),
            "ministry_asked": self.ministry_asked,
            "ministry_answering": self.ministry_answering,
            "rubric": self.rubric,
            "analysis_heading": self.analysis_heading,
            "analysis": self.analysis,
            "question_published": (
                None if question_published is None else question_published.to_dict()
            ),
            "answer_published": None if answer_published is None else answer_published.to_dict(),
            "flagged_on": self.flagged_on,
            "reassigned_on": list(self.reassigned_on),
            "renewed_on": list(self.renewed_on),
            "closed": None if closed is None else closed.to_dict(),
            "errata": [e.to_dict() for e in self.errata],
            "question_text": self.question_text,
            "answer_text": self.answer_text,
            "other_fields": [f.to_dict() for f in self.other_fields],
            "warnings": [w.to_dict() for w in self.warnings],
            "layout": self.layout,
        }

    def to_json(self) -> str:
        """The record as one line of JSON: the same text as Rust's ``Question::to_json()``."""
        import json  # only when needed: keeps `import asalee` fast

        return json.dumps(
            self.to_dict(), ensure_ascii=False, separators=(",", ":"), default=_iso
        )

    def __repr__(self) -> str:
        title = self.title
        if title is not None and len(title) > 60:
            title = title[:59] + "…"
        return (
            f"Question(uid={self.uid!r}, chamber={self.chamber!r}, "
            f"legislature={self.legislature!r}, kind={self.kind!r}, number={self.number!r}, "
            f"title={title!r}, layout={self.layout!r}, ...)"
        )


class ParseError(ValueError):
    """Why a document could not be read as a question, and where.

    ``line`` and ``column`` are 1-based and count characters of the original input;
    ``str(error)`` is ``"{message} at line {line} column {column}"``.
    """

    message: str
    """What went wrong, without the position."""
    line: int
    column: int
    kind: ErrorKind
    """``"not-a-question"``, ``"missing-number"``, ``"missing-text"`` or ``"strict"``."""

    def __init__(self, message: str, line: int, column: int, kind: ErrorKind) -> None:
        super().__init__(message, line, column, kind)
        self.message = message
        self.line = line
        self.column = column
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.message} at line {self.line} column {self.column}"

    def __repr__(self) -> str:
        return (
            f"ParseError({self.message!r}, line={self.line!r}, column={self.column!r}, "
            f"kind={self.kind!r})"
        )
