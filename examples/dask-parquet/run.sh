#!/usr/bin/env bash
# Runs the example from a fresh clone: creates .venv beside this script the first time, installs
# dask, distributed, pyarrow and maturin into it when missing, builds the `asalee` package of this
# clone into it (incremental: seconds when nothing changed), then parses the folders given (from
# the current folder; default: three folders of the repository's fixtures) on a local cluster
# of two worker processes into questions.parquet/ beside this script.
#
#     bash examples/dask-parquet/run.sh [FOLDER...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
"$here/.venv/bin/python" -c "import dask.bag, dask.dataframe, distributed, pyarrow, maturin" 2>/dev/null ||
    "$here/.venv/bin/python" -m pip install --quiet "dask[bag,dataframe]" distributed pyarrow "maturin>=1.9.4,<2"
VIRTUAL_ENV="$here/.venv" "$here/.venv/bin/maturin" develop --release --quiet -m "$here/../../asalee-py/Cargo.toml" >&2
if [ $# -eq 0 ]; then
    cd "$here/../.."
    set -- fixtures/real fixtures/seeds fixtures/written
fi
"$here/.venv/bin/python" "$here/parse_folder.py" --out "$here/questions.parquet" "$@"
