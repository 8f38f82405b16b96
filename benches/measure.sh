#!/usr/bin/env bash
# Reproduces every figure of benches/README.md and writes them under benches/data/results/.
#
#   bash benches/measure.sh            everything (about 15-25 minutes on 2 cores)
#   bash benches/measure.sh quick      the divan benches and the 10 MB figures only
#
# Needs valgrind (callgrind) and /usr/bin/time (GNU time) for their parts; skips them when absent.
# Run it from the workspace root; CARGO_TARGET_DIR is honoured.
set -uo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-full}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release
DATA=benches/data
OUT=$DATA/results
mkdir -p "$OUT"
log() { echo "== $*" | tee -a "$OUT/summary.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
: > "$OUT/summary.txt"

log "date $(date -u '+%Y-%m-%d %H:%M UTC'); nproc $(nproc); CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) (family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), model $(grep -m1 '^model\s' /proc/cpuinfo | cut -d: -f2 | xargs)); load $(load)"
# ASALEE_CORE_COMMIT names the core when the tree is an export (`git archive`) without .git.
core=${ASALEE_CORE_COMMIT:-$(git log -1 --format='%h %cs' -- asalee-core)$(git diff --quiet HEAD -- asalee-core || echo ' + uncommitted changes')}
log "asalee-core at $core"

cargo build --release -q -p asalee-benches --bins -p asalee-cli || exit 1
cargo bench -q -p asalee-benches --no-run 2>/dev/null || exit 1

"$BIN/gen" mixed 10M "$DATA/mixed-10M.txt"
log "divan benches (load before: $(load))"
cargo bench -q -p asalee-benches --bench parse 2>/dev/null | tee "$OUT/parse.txt"
log "load after: $(load)"

log "parse-file on the 10 MB corpus, CPU time, with the baselines (load $(load))"
"$BIN/parse-file" "$DATA/mixed-10M.txt" 7 --baselines | tail -3 | tee -a "$OUT/summary.txt"

if command -v valgrind >/dev/null; then
  log "callgrind: instructions per byte (startup, measured on an empty file, subtracted)"
  : > "$DATA/empty.txt"
  ir() {
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$2.out" "$BIN/parse-file" "$1" \
      2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  base=$(ir "$DATA/empty.txt" empty)
  corpora=("mixed-10M")
  for layout in an-fiche an-legacy an-dyn an-current plain senat; do
    "$BIN/gen" "$layout" 3M "$DATA/$layout-3M.txt" 2>/dev/null
    corpora+=("$layout-3M")
  done
  for c in "${corpora[@]}"; do
    n=$(ir "$DATA/$c.txt" "$c")
    bytes=$(stat -c %s "$DATA/$c.txt")
    echo "$c: $bytes bytes, $n instructions, $(( (n - base) / bytes )).$(( (n - base) * 10 / bytes % 10 )) per byte" \
      | tee -a "$OUT/summary.txt"
  done
fi
[ "$MODE" = quick ] && exit 0

"$BIN/gen" mixed 300M "$DATA/mixed-300M.txt"
log "parse-file on the 300 MB corpus, CPU time (load $(load))"
"$BIN/parse-file" "$DATA/mixed-300M.txt" 3 | tail -1 | tee -a "$OUT/summary.txt"

if [ -x /usr/bin/time ]; then
  rm -rf "$DATA/files-300M" "$DATA/files-10M"
  "$BIN/gen" files 300M "$DATA/files-300M"
  "$BIN/gen" files 10M "$DATA/files-10M"
  log "asalee parse over the corpus split into files, 3 rounds"
  for round in 1 2 3; do
    for spec in "files-300M 1" "files-300M 2" "files-10M 1" "files-10M 2"; do
      set -- $spec
      l=$(load)
      /usr/bin/time -v "$BIN/asalee" parse --jobs "$2" "$DATA/$1" > "$DATA/out.jsonl" 2> "$OUT/time.txt"
      rc=$?
      field() { grep "$1" "$OUT/time.txt" | awk '{print $NF}'; }
      echo "round $round $1 --jobs $2: exit $rc, wall $(field 'Elapsed (wall')," \
        "user $(field 'User time') s, sys $(field 'System time') s," \
        "peak $(( $(field 'Maximum resident') / 1024 )) MB, $(wc -l < "$DATA/out.jsonl") records, load $l" \
        | tee -a "$OUT/summary.txt"
    done
  done
  rm -f "$DATA/out.jsonl"
fi

if [ -x /usr/bin/time ]; then
  "$BIN/gen" opendata-zip 10K "$DATA/questions-10k.json.zip"
  log "asalee parse over a zip of 10,000 per-question JSON files, 21 interleaved rounds (medians)"
  python3 - "$BIN/asalee" "$DATA/questions-10k.json.zip" 21 <<'PY' | tee -a "$OUT/summary.txt"
import statistics, subprocess, sys, time
binary, archive, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall = {1: [], 2: []}
for _ in range(rounds):
    for jobs in (1, 2):
        start = time.perf_counter()
        subprocess.run([binary, "parse", "--jobs", str(jobs), archive], stdout=subprocess.DEVNULL, check=True)
        wall[jobs].append(time.perf_counter() - start)
one, two = statistics.median(wall[1]), statistics.median(wall[2])
print(f"zip: --jobs 1 {one:.3f} s, --jobs 2 {two:.3f} s: {one / two:.2f}x")
PY
fi

log "adversarial (load before: $(load))"
cargo bench -q -p asalee-benches --bench adversarial 2>/dev/null | tee "$OUT/adversarial.txt"
log "load after: $(load)"
