#!/usr/bin/env bash
# Batch scaling: state briefings per second (and per core) for batches of 51, 510 and 2,040
# synthetic sheets, and what that predicts for 10,000 briefings on N workers like this machine.
#   scripts/scaling.sh [ROUNDS...]   rounds of the 51 synthetic sheets (default: 1 10 40)
#   NO_BUILD=1                       skip `swift build -c release`
# The synthetic sheets are the 50 states and DC (scripts/synthetic-sheets.py), so a batch larger
# than 51 is ROUNDS rounds of them, each round into its own output folder (one folder per
# briefing, as a real batch of distinct sheets writes). Writes only under a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=("${@:-1 10 40}"); ROUNDS=(${ROUNDS[*]})
[[ -z ${NO_BUILD:-} ]] && swift build -c release --product folio >/dev/null
FOLIO=$(realpath .build/release/folio)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-scaling.XXXXXX"); trap 'rm -rf "$TMP"' EXIT
python3 scripts/synthetic-sheets.py "$TMP/sheets" >/dev/null
CORES=$(nproc)
"$FOLIO" run --quiet --analysis state-briefing --data "$TMP/sheets/alabama.txt" --output "$TMP/warm"  # compile once
echo "== $CORES cores, $(uname -srm); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %10s %14s %16s\n' briefings seconds "briefings/s" "per core/s"
for r in "${ROUNDS[@]}"; do
  start=$(date +%s.%N)
  for ((i = 1; i <= r; i++)); do
    "$FOLIO" run --quiet --analysis state-briefing --data "$TMP/sheets/*.txt" --output "$TMP/out-$i"
  done
  end=$(date +%s.%N)
  rm -rf "$TMP"/out-*
  n=$((51 * r))
  python3 - "$n" "$start" "$end" "$CORES" <<'PY'
import sys
n, start, end, cores = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
s = end - start
print(f"{n:<10} {s:10.1f} {n / s:14.1f} {n / s / cores:16.2f}")
open("/tmp/folio-scaling-last", "w").write(f"{n / s}\n")
PY
done
rate=$(cat /tmp/folio-scaling-last)
echo "== 10,000 briefings at the last rate ($rate per second per $CORES-core worker):"
for w in 1 8 64 256; do
  python3 -c "import sys; r=float('$rate'); w=$w; s=10000/(r*w); print(f'  {w:>3} workers: {s/60:6.1f} min' if s >= 120 else f'  {w:>3} workers: {s:6.0f} s')"
done
echo "  (plus each worker's build and the merge; a shard's share differs from 10,000/N by a few per cent)"
