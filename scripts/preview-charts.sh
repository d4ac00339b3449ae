#!/bin/sh
# Draw every sample chart (each mark kind) to PNGs for a human to look at.
#   scripts/preview-charts.sh [DIR]     DIR defaults to /tmp/folio-previews
set -eu
cd "$(dirname "$0")/.."
dir=${1:-/tmp/folio-previews}
mkdir -p "$dir"
FOLIO_PREVIEW_DIR=$(cd "$dir" && pwd) swift test --filter writePreviews >/dev/null
ls "$dir"/*.png
