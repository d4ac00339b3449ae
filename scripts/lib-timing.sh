# Shared helpers for bench.sh and compare-peer.sh (sourced, not run).
# measure NAME RUNS [PREPARE] -- CMD...   whole-process wall time with hyperfine (min/median/max)
#                                         and peak RSS with GNU time (largest process, KiB -> MiB).
# Results land in $RESULTS/NAME.{json,rss}; a line is printed per job.
set -euo pipefail
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

measure() {
  local name=$1 runs=$2 prepare=$3; shift 4
  local cmd; printf -v cmd '%q ' "$@"
  local args=(-N --warmup 1 --runs "$runs" --export-json "$RESULTS/$name.json" --style none)
  [[ -n $prepare ]] && args=(--warmup 1 --runs "$runs" --export-json "$RESULTS/$name.json" --style none --prepare "$prepare")
  hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$RESULTS/$name.err" || { cat "$RESULTS/$name.err" >&2; return 1; }
  [[ -n $prepare ]] && bash -c "$prepare"
  /usr/bin/time -f %M -o "$RESULTS/$name.rss" "$@" >/dev/null 2>&1
  python3 - "$RESULTS/$name.json" "$RESULTS/$name.rss" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = sorted(r["times"])
rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(f"{sys.argv[3]:<34} {t[0]*1000:9.1f} {r['median']*1000:9.1f} {t[-1]*1000:9.1f} ms   peak {rss:6.1f} MiB   ({len(t)} runs)")
PY
}

median_ms() { python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['results'][0]['median']*1000)" "$RESULTS/$1.json"; }
rss_mib() { python3 -c "import sys;print(int(open(sys.argv[1]).read().split()[-1])/1024)" "$RESULTS/$1.rss"; }
header() { printf '%-34s %9s %9s %9s\n' "job (whole process)" min median max; }
