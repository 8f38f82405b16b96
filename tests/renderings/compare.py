#!/usr/bin/env python3
"""Compares each rendering of the matrix with its page's record, field by field.

    python3 tests/renderings/compare.py OUT_DIR path/to/asalee

Prints the number of cells (page x converter x variant), the failing ones per converter, and for
each failing as-is rendering the fields that differ from the page's (warnings compared by message,
their line numbers differ between renderings by nature). Exit status 1 when any cell fails.
"""
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
out = sys.argv[1]; cli = sys.argv[2]
man = json.load(open(f"{out}/manifest.json"))
def rec(path):
    p = subprocess.run([cli, "parse", path], capture_output=True)
    lines = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    return lines, p.stderr.decode()
base = {}
fails = collections.defaultdict(list)
cells = 0
for r in man["renderings"]:
    page = str(ROOT / r["page"])
    if page not in base:
        base[page] = rec(page)[0][0]
    got, err = rec(f"{out}/{r['rendering']}")
    cells += 1
    want = base[page]
    if len(got) != 1:
        fails[(r["converter"])].append((r["rendering"], f"{len(got)} records", err.strip()[:100]))
        continue
    g = got[0]
    diff = [k for k in want if k != "warnings" and g.get(k) != want.get(k)]
    if [w["message"] for w in g["warnings"]] != [w["message"] for w in want["warnings"]]:
        diff.append("warnings")
    if diff:
        fails[r["converter"]].append((r["rendering"], diff))
total = sum(len(v) for v in fails.values())
print(f"{cells} cells, {total} failing")
for c, v in sorted(fails.items()):
    print(c, len(v))
    for x in v:
        if "as-is" in x[0]: print("   ", x)
sys.exit(1 if total else 0)
