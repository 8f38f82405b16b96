"""The record of the SPEC as Python objects: one immutable class per part, and the error.

Records are immutable (``__slots__``, no ``__dict__``, assignment raises ``AttributeError``; the
SPEC's lists are tuples), compare equal field by field, are hashable, pickle, and support
``copy.replace`` (Python 3.13) and ``match``. The extension module builds them by calling these
classes with every field in SPEC order; they can also be built by hand.

They are written out rather than made with ``dataclasses``: importing ``dataclasses`` and
``typing`` and generating the classes would take most of the 50 ms that ``import asalee`` may
take. Annotations are for type checkers only (``TYPE_CHECKING``).
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime
    from typing import Any, Callable, ClassVar, Dict, Optional, Tuple, TypeVar

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

    _R = TypeVar("_R", bound="_Record")

__all__ = [
    "Author",
    "Closed",
    "Erratum",
    "JoRef",
    "OtherField",
    "ParseError",
    "Question",
    "Warning",
]

_set = object.__setattr__
_FIELDS: Dict[type, Callable[[Any], Tuple[Any, ...]]] = {}


class _Record:
    """What every part of the record shares; ``__slots__`` lists the fields in SPEC order."""

    __slots__: ClassVar[Tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if cls.__slots__:
            _FIELDS[cls] = attrgetter(*cls.__slots__)

    def _astuple(self) -> Tuple[Any, ...]:
        return _FIELDS[type(self)](self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Record) or type(other) is not type(self):
            return NotImplemented
        return self._astuple() == other._astuple()

    def __hash__(self) -> int:
        return hash(self._astuple())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (type(self), self._astuple())

    def __replace__(self: _R, **changes: Any) -> _R:
        """``copy.replace(record, field=value)``: a copy with some fields changed."""
        values = dict(zip(self.__slots__, self._astuple()))
        values.update(changes)
        return type(self)(**values)


class Author(_Record):
    """The author of a question; any part the document does not give is ``None``."""

    __slots__ = __match_args__ = (
        "civility",
        "name",
        "group",
        "department",
        "constituency",
        "region",
        "ref",
    )
    civility: Optional[str]
    """``"M."`` or ``"Mme"``."""
    name: Optional[str]
    """The name as the page writes it (``Pontier Jean``, ``Charles de Courson``)."""
    group: Optional[str]
    department: Optional[str]
    constituency: Optional[int]
    """``1re circonscription`` gives 1."""
    region: Optional[str]
    ref: Optional[str]
    """The AN's identifier of the deputy (``PA720892``), where the document gives it."""

    def __init__(
        self,
        civility: Optional[str],
        name: Optional[str],
        group: Optional[str],
        department: Optional[str],
        constituency: Optional[int],
        region: Optional[str],
        ref: Optional[str],
    ) -> None:
        _set(self, "civility", civility)
        _set(self, "name", name)
        _set(self, "group", group)
        _set(self, "department", department)
        _set(self, "constituency", constituency)
        _set(self, "region", region)
        _set(self, "ref", ref)

    def to_dict(self) -> AuthorDict:
        return {
            "civility": self.civility,
            "name": self.name,
            "group": self.group,
            "department": self.department,
            "constituency": self.constituency,
            "region": self.region,
            "ref": self.ref,
        }


class JoRef(_Record):
    """A publication in the Journal officiel: a date and, where given, a page."""

    __slots__ = __match_args__ = ("date", "page")
    date: datetime.date
    page: Optional[int]

    def __init__(self, date: datetime.date, page: Optional[int]) -> None:
        _set(self, "date", date)
        _set(self, "page", page)

    def to_dict(self) -> JoRefDict:
        return {"date": self.date, "page": self.page}


class Closed(_Record):
    """How a question was closed (withdrawn, lapsed, end of mandate)."""

    __slots__ = __match_args__ = ("date", "reason")
    date: Optional[datetime.date]
    reason: Optional[str]
    """As written, without surrounding parentheses or a final period."""

    def __init__(self, date: Optional[datetime.date], reason: Optional[str]) -> None:
        _set(self, "date", date)
        _set(self, "reason", reason)

    def to_dict(self) -> ClosedDict:
        return {"date": self.date, "reason": self.reason}


class Erratum(_Record):
    """An erratum of the question or of the answer, published in the Journal officiel."""

    __slots__ = __match_args__ = ("of", "date", "page")
    of: ErratumOf
    date: datetime.date
    page: Optional[int]

    def __init__(self, of: ErratumOf, date: datetime.date, page: Optional[int]) -> None:
        _set(self, "of", of)
        _set(self, "date", date)
        _set(self, "page", page)

    def to_dict(self) -> ErratumDict:
        return {"of": self.of, "date": self.date, "page": self.page}


class OtherField(_Record):
    """A labelled line the parser does not know, kept so that nothing is dropped silently."""

    __slots__ = __match_args__ = ("label", "value")
    label: str
    value: str

    def __init__(self, label: str, value: str) -> None:
        _set(self, "label", label)
        _set(self, "value", value)

    def to_dict(self) -> OtherFieldDict:
        return {"label": self.label, "value": self.value}


class Warning(_Record):  # noqa: A001 - the SPEC's name; `asalee.Warning` is not `builtins.Warning`
    """Something odd but not fatal, at a 1-based line of the whole input."""

    __slots__ = __match_args__ = ("line", "message")
    line: int
    message: str
    """Free text, not part of the contract."""

    def __init__(self, line: int, message: str) -> None:
        _set(self, "line", line)
        _set(self, "message", message)

    def to_dict(self) -> WarningDict:
        return {"line": self.line, "message": self.message}


def _iso(value: Any) -> str:
    isoformat = getattr(value, "isoformat", None)
    if isoformat is None:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    iso: str = isoformat()
    return iso


class Question(_Record):
    """One parliamentary question: the SPEC record, one attribute per field, in SPEC order.

    Immutable and hashable; ``==`` compares every field. The SPEC's lists are tuples here
    (:meth:`to_dict` gives lists).
    """

    __slots__ = __match_args__ = (
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

    def __init__(
        self,
        uid: Optional[str],
        chamber: Optional[Chamber],
        legislature: Optional[int],
        kind: Optional[Kind],
        number: int,
        title: Optional[str],
        author: Optional[Author],
        ministry_asked: Optional[str],
        ministry_answering: Optional[str],
        rubric: Optional[str],
        analysis_heading: Optional[str],
        analysis: Optional[str],
        question_published: Optional[JoRef],
        answer_published: Optional[JoRef],
        flagged_on: Optional[datetime.date],
        reassigned_on: Tuple[datetime.date, ...],
        renewed_on: Tuple[datetime.date, ...],
        closed: Optional[Closed],
        errata: Tuple[Erratum, ...],
        question_text: Optional[str],
        answer_text: Optional[str],
        other_fields: Tuple[OtherField, ...],
        warnings: Tuple[Warning, ...],
        layout: Layout,
    ) -> None:
        _set(self, "uid", uid)
        _set(self, "chamber", chamber)
        _set(self, "legislature", legislature)
        _set(self, "kind", kind)
        _set(self, "number", number)
        _set(self, "title", title)
        _set(self, "author", author)
        _set(self, "ministry_asked", ministry_asked)
        _set(self, "ministry_answering", ministry_answering)
        _set(self, "rubric", rubric)
        _set(self, "analysis_heading", analysis_heading)
        _set(self, "analysis", analysis)
        _set(self, "question_published", question_published)
        _set(self, "answer_published", answer_published)
        _set(self, "flagged_on", flagged_on)
        _set(self, "reassigned_on", reassigned_on)
        _set(self, "renewed_on", renewed_on)
        _set(self, "closed", closed)
        _set(self, "errata", errata)
        _set(self, "question_text", question_text)
        _set(self, "answer_text", answer_text)
        _set(self, "other_fields", other_fields)
        _set(self, "warnings", warnings)
        _set(self, "layout", layout)

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
        import json  # here, not at the top: keeps `import asalee` fast

        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"), default=_iso)

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
    ``str(error)`` is ``"{message} at line {line} column {column}"``, as in Rust.
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
