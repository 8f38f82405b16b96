# Stubs of the extension module (asalee-py/src/lib.rs); checked by `mypy.stubtest` (make test).
import os
from typing import IO, Iterable, Optional, Tuple, Union, final

from typing_extensions import Buffer

from ._model import ParseError, Question

__all__ = [
    "__version__",
    "parse",
    "parse_all",
    "parse_file",
    "ParseAll",
    "ParseFile",
    "ParseFiles",
    "_parse_files",
    "_folder_skip",
    "_from_json",
    "_rust_json",
    "_rust_row",
    "_to_json",
    "_count",
]

__version__: str

_Input = Union[str, Buffer]
"""`str`, `bytes`, or any bytes-like object (`bytearray`, `memoryview`, `mmap`)."""

def parse(text: _Input, *, strict: bool = False) -> Question:
    """Parses one document (`str`, or `bytes` in UTF-8 or Windows-1252) into a `Question`; raises
    `ParseError`."""

def parse_all(text: _Input, *, strict: bool = False) -> ParseAll:
    """Parses every document of an input: a lazy iterator of `Question | ParseError`, one per
    document, in order."""

def parse_file(
    source: Union[str, os.PathLike[str], IO[bytes]], *, strict: bool = False
) -> ParseFile:
    """Reads every document of one file or binary stream: a lazy iterator of `Question |
    ParseError`, one per document, in order. The GIL is released while the file is read and parsed."""

@final
class ParseAll:
    """The iterator `parse_all` returns: one `Question` or `ParseError` per document, in order."""

    def __iter__(self) -> ParseAll: ...
    def __next__(self) -> Question | ParseError: ...
    @property
    def byte_offset(self) -> int:
        """The byte offset, in the decoded text, where the document last yielded began."""

@final
class ParseFile:
    """The iterator `parse_file` returns: one `Question` or `ParseError` per document, in order."""

    def __iter__(self) -> ParseFile: ...
    def __next__(self) -> Question | ParseError: ...

@final
class ParseFiles:
    """The iterator of `parse_files` (one thread iterates it at a time)."""

    def __iter__(self) -> ParseFiles: ...
    def __next__(self) -> Tuple[object, Question | ParseError]: ...

def _parse_files(
    paths: Iterable[Union[str, os.PathLike[str]]], *, strict: bool = False, jobs: int = 1
) -> ParseFiles:
    """`parse_files`' engine: `(path, Question | ParseError)` for every document of every file of
    `paths`, in order, the files read and parsed by `jobs` threads (a few files ahead)."""

def _folder_skip(path: Union[str, os.PathLike[str]], in_assets: bool) -> Optional[str]:
    """Why a file found in a folder by `parse_files` is not read (the kind `asalee parse DIR`
    counts it under: `.png`, `.DS_Store`, ``in `_files/` folders``), or `None`: the core's rule."""

# Test and benchmark support (private).
def _from_json(json: str) -> Question: ...
def _rust_json(json: str) -> str: ...
def _rust_row(json: str) -> list[tuple[str, str]]: ...
def _to_json(text: _Input, *, strict: bool = False) -> str: ...
def _count(text: _Input, *, strict: bool = False) -> int: ...
