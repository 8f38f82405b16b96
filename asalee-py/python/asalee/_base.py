"""What the record classes of ``_model.py`` share, and the error.

Records are immutable (``__slots__``, no ``__dict__``, assignment raises ``AttributeError``; the
SPEC's lists are tuples), compare equal field by field, are hashable, pickle, and support
``copy.replace`` (Python 3.13) and ``match``. The extension module builds them by calling their
classes with every field by keyword; they can also be built by hand.

They are written out rather than made with ``dataclasses``: importing ``dataclasses`` and
``typing`` and generating the classes would take most of the 50 ms that ``import asalee`` may
take. Annotations are for type checkers only (``TYPE_CHECKING``).
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar, Dict, Tuple, TypeVar

    from ._types import ErrorKind

    _R = TypeVar("_R", bound="_Record")

__all__ = ["ParseError"]

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


def _iso(value: Any) -> str:
    isoformat = getattr(value, "isoformat", None)
    if isoformat is None:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    iso: str = isoformat()
    return iso


def _json(value: Any) -> str:
    """One line of JSON, as serde_json writes it (dates as ISO strings)."""
    import json  # here, not at the top: keeps `import asalee` fast

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_iso)


class _Root(_Record):
    """The record itself (``Question``): JSON and a short ``repr``."""

    __slots__ = ()

    def to_dict(self) -> Any:
        raise NotImplementedError

    def to_json(self) -> str:
        """The record as one line of JSON: the same text as Rust's ``Question::to_json()``."""
        return _json(self.to_dict())

    def __repr__(self) -> str:
        title = getattr(self, "title")
        if title is not None and len(title) > 60:
            title = title[:59] + "…"
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in ("uid", "chamber", "legislature", "kind", "number")
        )
        return f"{type(self).__name__}({shown}, title={title!r}, layout={getattr(self, 'layout')!r}, ...)"


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
