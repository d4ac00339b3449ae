#!/usr/bin/env bash
# Times CI as it runs: `make test` in a fresh clone of this repository (cold: no .build), then
# again in the same clone (warm: .build kept, as the cache in .ci/github-workflow-example.yml
# restores it on a hit). Debian packages must already be installed (`make deps`). Prints the
# two wall times in seconds, each split into the build and the tests (from their logs).
#   scripts/ci-time.sh            # clone of HEAD into a temporary folder
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/folio-ci-time.XXXXXX)"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
# The notebook cache lives in .build too, so a cold run compiles every notebook.
unset FOLIO_NOTEBOOK_CACHE
seconds() { local start=$SECONDS; "$@" > "$work/log" 2>&1 || { tail -40 "$work/log"; exit 1; }; echo $((SECONDS - start)); }
# Where a run's time went, from SwiftPM's and Swift Testing's own summary lines in its log.
split() {
  local build tests
  build=$(sed -n 's/^Build complete! (\([0-9.]*\)s)$/\1/p' "$work/log" | tail -1)
  tests=$(sed -n 's/^.*Test run with [0-9]* tests.* after \([0-9.]*\) seconds.*$/\1/p' "$work/log" | tail -1)
  awk -v t="$1" -v b="${build:-0}" -v s="${tests:-0}" \
    'BEGIN { printf "  build %.0f s, tests %.0f s, the rest (test discovery, folio check) %.0f s\n", b, s, t - b - s }'
}
cold=$(seconds make test)
echo "cold make test: ${cold} s"; split "$cold"
# A warm run: the cache restored .build (compiled package and notebooks).
warm=$(seconds make test)
echo "warm make test: ${warm} s"; split "$warm"
