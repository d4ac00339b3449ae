#!/usr/bin/env bash
# Folio's benchmark: in-process per-chart timings, then whole processes (hyperfine for wall time,
# GNU time for peak RSS). Prints min / median / max over N repetitions.
#   scripts/bench.sh [N]            N repetitions (default 10; batches use max(3, N/3))
#   FOLIO=path/to/folio             binary to time (default: build and use .build/release/folio)
#   NO_BUILD=1                      skip `swift build -c release`
#   SKIP_BATCHES=1                  leave out the 13/26/51-sheet batches
# Needs hyperfine and GNU time (Debian packages hyperfine, time). Writes only under a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
NB=$(( N / 3 > 3 ? N / 3 : 3 ))
[[ -z ${NO_BUILD:-} && -z ${FOLIO:-} ]] && swift build -c release --product folio >/dev/null
FOLIO=$(realpath "${FOLIO:-.build/release/folio}")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX"); trap 'rm -rf "$TMP"' EXIT
RESULTS=$TMP/results; mkdir -p "$RESULTS"
source scripts/lib-timing.sh

echo "== machine: $(nproc) cores, $(uname -srm); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== in process: Mississippi, $N runs (layout = chart layout; png/pdf/svg = draw + encode)"
"$FOLIO" bench timings --analysis state-briefing --runs "$N"

echo
echo "== whole processes"
header
OUT=$TMP/out
"$FOLIO" run --quiet --output "$OUT"   # compiles any notebook that changed, once
measure full-fresh "$N" "rm -rf $OUT" -- "$FOLIO" run --quiet --output "$OUT"
measure full-fresh-state-briefings "$N" "rm -rf $OUT" -- "$FOLIO" run --quiet --output "$OUT" --data Analyses/Data/ncmec-2023-mississippi.txt
"$FOLIO" run --quiet --output "$OUT"
measure rerun-unchanged "$N" "" -- "$FOLIO" run --quiet --output "$OUT"
if "$FOLIO" run --help | grep -q -- '--force'; then
  measure rerun-force "$N" "" -- "$FOLIO" run --quiet --force --output "$OUT"
fi
measure help-only "$N" "" -- "$FOLIO" help
measure list "$N" "" -- "$FOLIO" list

echo
echo "== notebooks: edits in a copy of the project (its own compile cache), then folio run"
PROJ=$TMP/project; mkdir -p "$PROJ"; cp -r Analyses "$PROJ/"; echo "// bench copy" > "$PROJ/Package.swift"
export FOLIO_NOTEBOOK_CACHE=$TMP/notebook-cache
(cd "$PROJ" && /usr/bin/time -f "first run, compiling every notebook: %e s, peak %M KiB" "$FOLIO" run --quiet --output "$PROJ/out")
# Each edit is new (scripts/bench-edit.py: a random comment in a cell, or a word in a heading).
edit="python3 $(pwd)/scripts/bench-edit.py"
(cd "$PROJ" && measure edit-cell-penguins "$NB" "$edit $PROJ/Analyses/Penguins/penguins.md cell 'let species = try penguins.values(of: \"species\")'" -- "$FOLIO" run --quiet --output "$PROJ/out")
(cd "$PROJ" && measure edit-cell-state-briefing "$NB" "$edit $PROJ/Analyses/StateBriefing/briefing.md cell 'try MissingChildrenStep.run(inputs, &run)'" -- "$FOLIO" run --quiet --output "$PROJ/out")
(cd "$PROJ" && measure edit-prose-penguins "$N" "$edit $PROJ/Analyses/Penguins/penguins.md prose '## Who was measured'" -- "$FOLIO" run --quiet --output "$PROJ/out")
unset FOLIO_NOTEBOOK_CACHE
[[ -n ${SKIP_BATCHES:-} ]] && exit 0

python3 scripts/synthetic-sheets.py "$TMP/sheets" >/dev/null
ls "$TMP"/sheets/*.txt | head -13 > "$TMP/13"; ls "$TMP"/sheets/*.txt | head -26 > "$TMP/26"
data_args() { sed 's/^/--data\n/' "$1"; }
mapfile -t D13 < <(data_args "$TMP/13"); mapfile -t D26 < <(data_args "$TMP/26")
for j in 1 2; do
  measure "batch-51-jobs$j" "$NB" "rm -rf $TMP/b$j" -- "$FOLIO" run --quiet --jobs $j --data "$TMP/sheets/*.txt" --output "$TMP/b$j"
done
measure batch-13-jobs2 "$NB" "rm -rf $TMP/c13" -- "$FOLIO" run --quiet --jobs 2 "${D13[@]}" --output "$TMP/c13"
measure batch-26-jobs2 "$NB" "rm -rf $TMP/c26" -- "$FOLIO" run --quiet --jobs 2 "${D26[@]}" --output "$TMP/c26"
if diff -r "$TMP/b1" "$TMP/b2" >/dev/null; then echo "batch outputs: byte-identical with --jobs 1 and --jobs 2"
else echo "batch outputs DIFFER between --jobs 1 and --jobs 2" >&2; exit 1; fi
