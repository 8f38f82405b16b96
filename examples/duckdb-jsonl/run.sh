#!/usr/bin/env bash
# Runs the example from a fresh clone: creates .venv here the first time, installs DuckDB into it
# (pinned: its tables are printed as they are) when missing, writes the JSON Lines of the
# fixtures with the command line, and queries them.
set -euo pipefail
cd "$(dirname "$0")"
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import duckdb; assert duckdb.__version__ == '2.0.1'" 2>/dev/null ||
    .venv/bin/python -m pip install --quiet "duckdb==2.0.1"
# The records of every fixture folder, one JSON object a line (the failures go to stderr).
(cd ../.. && cargo run -q -p asalee-cli -- parse fixtures/seeds fixtures/real fixtures/written) \
    > .venv/questions.jsonl 2> .venv/errors.txt || true
.venv/bin/python query.py .venv/questions.jsonl
