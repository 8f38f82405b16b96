#!/usr/bin/env python3
"""What a Python user would write instead of asalee, timed on the same HTML documents.

    python benches/baselines/selectolax_baseline.py DIR [ROUNDS]

DIR holds one document per file (`gen files 30M DIR`); only the saved HTML pages (`*.html`) are
read, since the alternatives read HTML only. Three passes over the same bytes, each the median of
ROUNDS (default 5) rounds, CPU time of this process:

- `selectolax-text`: Lexbor's parse and `body.text(separator="\n")`, no field extracted: the least
  any HTML-reading tool does;
- `selectolax+regex`: the same text, then the fields a user's script would pull out with regular
  expressions (number, kind, legislature, author and group, ministries, rubric, the two JO dates
  with pages, the question and answer texts);
- `asalee`: `asalee.parse` of each file's bytes (the whole record), when the package is importable.

Prints MB/s and documents/s for each, and asalee's ratio to each baseline.
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
DATE = rf"(\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}(?:er)? (?:{MONTHS}) \d{{4}})"
PATTERNS = {
    "number": re.compile(r"Question\s+(?:écrite\s+|orale\s+|au\s+Gouvernement\s+)?N°\s*:?\s*(\d+)", re.I),
    "kind": re.compile(r"Question (écrite|orale sans débat|au Gouvernement)", re.I),
    "legislature": re.compile(r"(\d+)(?:e|ème) législature", re.I),
    "author": re.compile(r"(?:Question de|De)\s*:?\s*(M\.|Mme)\s+([^(\n]+?)\s*\(([^)\n]*)\)"),
    "ministry_asked": re.compile(r"Ministère interrogé\s*[:>]\s*(.+)"),
    "ministry_answering": re.compile(r"Ministère (?:attributaire|répondant)\s*[:>]\s*(.+)"),
    "rubric": re.compile(r"Rubrique\s*[:>]\s*(.+)"),
    "question_published": re.compile(
        rf"(?:Question publiée au JO le|Publication de la question au Journal Officiel du)\s*:?\s*{DATE}(?:,?\s*page\s*:?\s*(\d+))?",
        re.I,
    ),
    "answer_published": re.compile(
        rf"(?:Réponse publiée au JO le|Publication de la réponse au Journal Officiel du)\s*:?\s*{DATE}(?:,?\s*page\s*:?\s*(\d+))?",
        re.I,
    ),
    "question_text": re.compile(r"Texte de la question\s*:?\s*(.+?)(?=Texte de la réponse|Réponse publiée|$)", re.S | re.I),
    "answer_text": re.compile(r"Texte de la réponse\s*:?\s*(.+)", re.S | re.I),
}


def text_only(html: bytes) -> str:
    tree = LexborHTMLParser(html)
    body = tree.body or tree.root
    return body.text(separator="\n") if body is not None else ""


def with_regex(html: bytes) -> dict:
    text = text_only(html)
    record = {}
    for field, pattern in PATTERNS.items():
        m = pattern.search(text)
        record[field] = m.groups() if m else None
    return record


def timed(fn, docs, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for d in docs:
            fn(d)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    folder = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    docs = [p.read_bytes() for p in sorted(folder.rglob("*.html"))]
    if not docs:
        sys.exit(f"no .html file under {folder}")
    size = sum(map(len, docs))
    print(f"{len(docs)} HTML documents, {size / 1e6:.1f} MB, median of {rounds} rounds (CPU time)")
    passes = {"selectolax-text": text_only, "selectolax+regex": with_regex}
    try:
        import asalee

        passes["asalee"] = asalee.parse
    except ImportError:
        print("asalee is not importable here: its line is left out")
    seconds = {}
    for name, fn in passes.items():
        seconds[name] = timed(fn, docs, rounds)
        s = seconds[name]
        print(f"{name:18} {size / 1e6 / s:9.1f} MB/s {len(docs) / s:10.0f} documents/s")
    if "asalee" in seconds:
        for name in ("selectolax-text", "selectolax+regex"):
            print(f"asalee / {name}: {seconds[name] / seconds['asalee']:.1f}x")


if __name__ == "__main__":
    main()
