"""Shared fixtures: the documents of ../fixtures (relative to asalee-py) and their records."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any, Dict, List

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
AUTHORED = sorted(p for p in (FIXTURES / "authored").iterdir() if p.suffix in (".txt", ".json"))
# Every document whose exact record is in expected/NAME.json.
DOCUMENTS = SEEDS + AUTHORED
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))

# `match` is Python 3.10 syntax.
collect_ignore = ["test_match.py"] if sys.version_info < (3, 10) else []

assert len(SEEDS) == 5, f"the five seeds are missing from {FIXTURES}"
assert AUTHORED, f"the authored documents are missing from {FIXTURES}"


def expected_path(document: Path) -> Path:
    return FIXTURES / "expected" / (document.stem + ".json")


def expected_text(document: Path) -> str:
    return expected_path(document).read_text(encoding="utf-8")


def pairs(text: str) -> Any:
    """JSON text as nested lists of (key, value) pairs: compares values and key order."""
    return json.loads(text, object_pairs_hook=list)


def compact(text: str) -> str:
    """JSON text as one line, the way serde_json writes it."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


_DATE_FIELDS = ("flagged_on",)
_DATE_LISTS = ("reassigned_on", "renewed_on")
_WITH_DATE = ("question_published", "answer_published", "closed")


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def with_dates(record: Dict[str, Any]) -> Dict[str, Any]:
    """A record read from JSON with its ISO dates as datetime.date (what to_dict gives)."""
    out = dict(record)
    for key in _DATE_FIELDS:
        out[key] = _date(out[key])
    for key in _DATE_LISTS:
        out[key] = [_date(d) for d in out[key]]
    for key in _WITH_DATE:
        if out[key] is not None:
            out[key] = {**out[key], "date": _date(out[key]["date"])}
    errata: List[Dict[str, Any]] = [{**e, "date": _date(e["date"])} for e in out["errata"]]
    out["errata"] = errata
    return out


def key_orders(value: Any) -> Any:
    """The key order of every dict inside a value (dicts compare equal whatever their order)."""
    if isinstance(value, dict):
        return [(k, key_orders(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [key_orders(v) for v in value]
    return None
