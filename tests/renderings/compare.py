#!/usr/bin/env python3
"""Compares each rendering of the matrix with its page's record, field by field.

    python3 tests/renderings/compare.py OUT_DIR path/to/asalee

Each rendering must give exactly one record, equal to the page's own on every field (a field
holding an object, such as `author`, is compared member by member: `author.ref`), warnings
compared by message (their line numbers differ between renderings by nature; a cell's field is
then `warnings: MESSAGE`; a text whose words are the same and only its paragraphs differ is
`FIELD: paragraph breaks`). A difference is excused only by the exceptions table of
tests/renderings/README.md: a converter that drops what the page had (a link's URL), or shows
what it hid, named with the field (for a warning, its message's first words) and the reason.

Prints the matrix's size, the failing cells per converter with their fields, and the exceptions
used. Exit status 1 when any cell fails, or when an exception is never used (the table must stay
the contract, not a list of excuses that no longer apply).
"""
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def exceptions() -> dict[tuple[str, str], str]:
    """(converter, field) -> reason, from the README's table."""
    table = {}
    text = (ROOT / "tests" / "renderings" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exceptions", 1)[1]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        converters, fields, reason = cells
        for conv in re.findall(r"`([^`]+)`", converters):
            for field in re.findall(r"`([^`]+)`", fields):
                table[(conv, field)] = reason
    return table


def records(cli: str, path: str) -> tuple[list[dict], str]:
    p = subprocess.run([cli, "parse", path], capture_output=True)
    lines = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    return lines, p.stderr.decode()


def diff(want: dict, got: dict) -> list[str]:
    """The fields (`name` or `name.member`) where `got` differs from `want`."""
    out = []
    for k, w in want.items():
        g = got.get(k)
        if k == "warnings":
            # Each message one has and the other has not (as many times as it differs).
            a = collections.Counter(x["message"] for x in w)
            b = collections.Counter(x["message"] for x in g or [])
            for m in sorted((a - b) + (b - a)):
                out.append(f"warnings: {m}")
        elif isinstance(w, dict) and isinstance(g, dict):
            out += [f"{k}.{m}" for m in w if w[m] != g.get(m)]
        elif w != g and isinstance(w, str) and isinstance(g, str) and w.split() == g.split():
            # The same words, paragraphs broken otherwise.
            out.append(f"{k}: paragraph breaks")
        elif w != g:
            out.append(k)
    return out


def main() -> None:
    out, cli = sys.argv[1], sys.argv[2]
    man = json.load(open(f"{out}/manifest.json"))
    excused = exceptions()
    used = set()
    base = {}
    fails = collections.defaultdict(list)
    for r in man["renderings"]:
        page = str(ROOT / r["page"])
        if page not in base:
            base[page] = records(cli, page)[0][0]
        got, err = records(cli, f"{out}/{r['rendering']}")
        conv = r["converter"]
        if len(got) != 1:
            fails[conv].append((r["rendering"], f"{len(got)} records: {err.strip()[:160]}"))
            continue
        left = []
        for field in diff(base[page], got[0]):
            # A warning is excused by an entry that gives its message's start.
            hit = next((e for e in excused if e[0] == conv and field.startswith(e[1])), None)
            if hit and (hit[1] == field or hit[1].startswith("warnings: ")):
                used.add(hit)
            else:
                left.append(field)
        if left:
            fails[conv].append((r["rendering"], " ".join(left)))
    total = sum(len(v) for v in fails.values())
    pages = len(base)
    convs = len({r["converter"] for r in man["renderings"]})
    cells = len(man["renderings"])
    print(f"{cells} cells ({pages} pages x {convs} converters x 3 variants), {total} failing")
    if man.get("missing"):
        print(f"converters not installed (left out): {', '.join(man['missing'])}")
    for conv, v in sorted(fails.items()):
        print(f"{conv}: {len(v)} failing")
        for name, what in v:
            print(f"    {name}: {what}")
    unused = sorted(set(excused) - used)
    installed = {r["converter"] for r in man["renderings"]}
    unused = [u for u in unused if u[0] in installed]
    for conv, field in unused:
        print(f"exception never used: {conv} {field}")
    print(f"{len(used)} exceptions used of {len(excused)}")
    sys.exit(1 if total or unused else 0)


if __name__ == "__main__":
    main()
