# Stubs of the extension module (asalee-py/src/lib.rs); checked by `mypy.stubtest` (make test).
from typing import final

from ._model import ParseError, Question

__all__ = [
    "__version__",
    "parse",
    "parse_all",
    "ParseAll",
    "_from_json",
    "_rust_json",
    "_to_json",
    "_count",
]

__version__: str

def parse(text: str | bytes, *, strict: bool = False) -> Question:
    """Parses one document (`str`, or `bytes` in UTF-8 or Windows-1252) into a `Question`; raises
    `ParseError`."""

def parse_all(text: str | bytes, *, strict: bool = False) -> ParseAll:
    """Parses every document of an input: a lazy iterator of `Question | ParseError`, one per
    document, in order."""

@final
class ParseAll:
    """The iterator `parse_all` returns: one `Question` or `ParseError` per document, in order."""

    def __iter__(self) -> ParseAll: ...
    def __next__(self) -> Question | ParseError: ...
    @property
    def byte_offset(self) -> int:
        """The byte offset, in the decoded text, where the document last yielded began."""

# Test and benchmark support (private).
def _from_json(json: str) -> Question: ...
def _rust_json(json: str) -> str: ...
def _to_json(text: str | bytes, *, strict: bool = False) -> str: ...
def _count(text: str | bytes, *, strict: bool = False) -> int: ...
