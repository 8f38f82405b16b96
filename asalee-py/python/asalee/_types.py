"""The typing-only names of asalee: the `Literal` types of the codes and the `TypedDict`s of
`to_dict()`. Imported on first use (``asalee.QuestionDict``), not by ``import asalee``: the
`typing` module alone would take a large part of the import time budget."""

from __future__ import annotations

import datetime
from typing import List, Literal, Optional, TypedDict

__all__ = [
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
]

Chamber = Literal["AN", "SENAT"]
"""``"AN"`` (Assemblée nationale) or ``"SENAT"``."""
Kind = Literal["QE", "QOSD", "QG"]
"""The AN open-data code of the kind of question."""
Layout = Literal[
    "an-fiche", "an-legacy", "an-dyn", "an-current", "plain", "senat", "an-opendata", "an-xml"
]
"""The layout the document was recognised as (SPEC, "The documents")."""
ErratumOf = Literal["question", "answer"]
"""What an erratum corrects."""
ErrorKind = Literal["not-a-question", "missing-number", "missing-text", "strict"]
"""What kind of failure a ParseError is."""


class AuthorDict(TypedDict):
    """`Author.to_dict()`."""

    civility: Optional[str]
    name: Optional[str]
    group: Optional[str]
    department: Optional[str]
    constituency: Optional[int]
    region: Optional[str]
    ref: Optional[str]


class JoRefDict(TypedDict):
    """`JoRef.to_dict()`."""

    date: datetime.date
    page: Optional[int]


class ClosedDict(TypedDict):
    """`Closed.to_dict()`."""

    date: Optional[datetime.date]
    reason: Optional[str]


class ErratumDict(TypedDict):
    """`Erratum.to_dict()`."""

    of: ErratumOf
    date: datetime.date
    page: Optional[int]


class OtherFieldDict(TypedDict):
    """`OtherField.to_dict()`."""

    label: str
    value: str


class WarningDict(TypedDict):
    """`Warning.to_dict()`."""

    line: int
    message: str


class QuestionDict(TypedDict):
    """`Question.to_dict()`: the SPEC record, keys in SPEC order, dates as `datetime.date`."""

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
