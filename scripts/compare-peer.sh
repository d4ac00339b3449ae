#!/usr/bin/env bash
# Folio against the peer (Python + matplotlib, Quarto stand-in), timed in the same run as whole
# processes: min / median / max wall time (hyperfine), peak RSS (GNU time), and the ratios.
#   scripts/compare-peer.sh [N]     N repetitions (default 5)
#   PEER_DIR=…                      the peer folder (default ../shared/bench/peer beside the repo)
#   PEER_VENV=…                     its virtual environment (created with pip if missing)
#   FOLIO=… / NO_BUILD=1            as in scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}
REPO=$(pwd)
PEER_DIR=$(realpath "${PEER_DIR:-$REPO/../shared/bench/peer}")
[[ -f $PEER_DIR/charts.py ]] || { echo "no peer at $PEER_DIR (set PEER_DIR)" >&2; exit 1; }
export PEER_VENV=${PEER_VENV:-${TMPDIR:-/tmp}/folio-peer-venv}
if [[ ! -x $PEER_VENV/bin/python ]] || ! "$PEER_VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
  echo "setting up $PEER_VENV (pip install -r $PEER_DIR/requirements.txt)…"
  python3 -m venv "$PEER_VENV"
  "$PEER_VENV/bin/pip" install -q -r "$PEER_DIR/requirements.txt"
fi
PY=$PEER_VENV/bin/python
[[ -z ${NO_BUILD:-} && -z ${FOLIO:-} ]] && swift build -c release --product folio >/dev/null
FOLIO=$(realpath "${FOLIO:-.build/release/folio}")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-compare.XXXXXX"); trap 'rm -rf "$TMP"' EXIT
RESULTS=$TMP/results; mkdir -p "$RESULTS"
source scripts/lib-timing.sh
export PEER_OUT=$TMP/peer QRENDER_QUIET=1 SOURCE_DATE_EPOCH=1700000000

echo "== machine: $(nproc) cores, $(uname -srm); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
header
"$FOLIO" run --quiet --output "$TMP/folio"   # compiles any notebook that changed, once
measure folio-run "$N" "rm -rf $TMP/folio" -- "$FOLIO" run --quiet --output "$TMP/folio"
# The peer renders the state briefing only: the same job is Folio's state briefings (the briefing
# and its one-pager), without the penguins notebook.
measure folio-run-state-briefings "$N" "rm -rf $TMP/folio" -- "$FOLIO" run --quiet --output "$TMP/folio" --data Analyses/Data/ncmec-2023-mississippi.txt
"$FOLIO" run --quiet --output "$TMP/folio"
measure folio-rerun-unchanged "$N" "" -- "$FOLIO" run --quiet --output "$TMP/folio"
(cd "$PEER_DIR" && measure peer-charts "$N" "rm -rf $TMP/peer/charts" -- "$PY" charts.py --out "$TMP/peer/charts")
typst=0
if (cd "$PEER_DIR" && bash run.sh typst >/dev/null 2>&1); then
  (cd "$PEER_DIR" && measure peer-briefing-typst "$N" "" -- bash run.sh typst) && typst=1
else
  echo "peer-briefing-typst                (run.sh typst does not render here; skipped)"
fi

echo
python3 - "$RESULTS" "$typst" <<'PY'
import json, sys, os
R, typst = sys.argv[1], sys.argv[2] == "1"
def med(n): return json.load(open(f"{R}/{n}.json"))["results"][0]["median"]
def rss(n): return int(open(f"{R}/{n}.rss").read().split()[-1]) / 1024
f = "folio-run-state-briefings"
print(f"peer 6 charts (PNG+PDF) / folio's state briefings (briefing + one-pager: PDF, HTML, MD, 7 charts PNG+PDF+SVG, figures.csv):")
print(f"  time   {med('peer-charts')/med(f):6.1f}x faster   ({med('peer-charts')*1000:.0f} ms vs {med(f)*1000:.0f} ms)")
print(f"  memory {rss(f)/rss('peer-charts')*100:6.1f}% of the peer's peak ({rss(f):.1f} MiB vs {rss('peer-charts'):.1f} MiB)")
print(f"every notebook (adds penguins): {med('peer-charts')/med('folio-run'):.1f}x faster than the peer's charts ({med('folio-run')*1000:.0f} ms)")
if typst:
    print(f"peer briefing (typst PDF) / folio run: {med('peer-briefing-typst')/med(f):.1f}x faster, "
          f"{rss(f)/rss('peer-briefing-typst')*100:.1f}% of its peak memory")
PY
