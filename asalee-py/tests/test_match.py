"""`match` on records (Python 3.10+ syntax: conftest.py skips this file on 3.9)."""

from __future__ import annotations

import json

import pytest
from test_records import rich_record

import asalee
from asalee import _asalee


def test_match() -> None:
    q = _asalee._from_json(json.dumps(rich_record()))
    match q:
        case asalee.Question(author=asalee.Author(name=name), closed=asalee.Closed(_, reason)):
            assert (name, reason) == ("Charles de Courson", "fin de mandat")
        case _:
            pytest.fail("no match")
