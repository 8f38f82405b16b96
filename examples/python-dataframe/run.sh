#!/usr/bin/env bash
# Runs the example from a fresh clone: creates .venv here the first time, installs pandas,
# matplotlib and maturin into it when missing, builds the `asalee` package from ../../asalee-py
# into it (incremental: seconds when nothing changed), writes the corpus and draws the chart.
set -euo pipefail
cd "$(dirname "$0")"
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import pandas, matplotlib, maturin" 2>/dev/null ||
    .venv/bin/python -m pip install --quiet pandas matplotlib "maturin>=1.9.4,<2"
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --release --quiet -m ../../asalee-py/Cargo.toml >&2
.venv/bin/python make_corpus.py corpus
.venv/bin/python plot.py corpus
