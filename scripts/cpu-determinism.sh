#!/usr/bin/env bash
# Renders Output under emulated older CPUs (qemu-user) and compares every byte with a native run,
# so SIMD dispatch in cairo, pixman and zlib cannot silently change outputs between machines.
#   scripts/cpu-determinism.sh [CPU ...]     default: Nehalem (SSE4.2) Haswell-noTSX (AVX2)
# Needs Debian's qemu-user. A development aid, not part of `make test` (it takes about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v qemu-x86_64 >/dev/null || { echo "needs qemu-user (apt-get install qemu-user)" >&2; exit 77; }
[[ -z ${NO_BUILD:-} ]] && swift build -c release --product folio >/dev/null
FOLIO=$(realpath "${FOLIO_BIN:-.build/release/folio}")
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
"$FOLIO" run -q --force --output "$TMP/native"
status=0
for cpu in "${@:-Nehalem Haswell-noTSX}"; do
  for c in $cpu; do
    qemu-x86_64 -cpu "$c" "$FOLIO" run -q --force --output "$TMP/$c" 2> >(grep -v "TCG doesn't support" >&2)
    differ=$(cd "$TMP/native" && find . -type f ! -name .folio-build.json | sort | while read -r f; do
      cmp -s "$f" "$TMP/$c/$f" || echo "$f"; done)
    if [[ -z $differ ]]; then echo "$c: every file identical to the native run"
    else echo "$c: differs:"; echo "$differ" | sed 's/^/  /'; status=1; fi
  done
done
exit $status
