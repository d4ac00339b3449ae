#!/bin/sh
# Screenshot a briefing's HTML with headless Chromium, at desktop and phone widths.
# A development aid, not part of `make test` (Chromium may be absent in CI).
#
#   scripts/screenshot-html.sh OUT.png [HTML] [WIDTH] [HEIGHT]
#
# HTML defaults to Output/state-briefing/mississippi-2023/briefing.html. Without WIDTH it writes
# OUT.png at 1280 px and OUT-phone.png at 390 px; with WIDTH only OUT.png at that width.
set -eu
out=${1:?usage: scripts/screenshot-html.sh OUT.png [HTML] [WIDTH] [HEIGHT]}
html=${2:-Output/state-briefing/mississippi-2023/briefing.html}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "screenshot-html: chromium not found (apt-get install -y chromium)" >&2
  exit 77
fi
[ -f "$html" ] || { echo "screenshot-html: no such file: $html" >&2; exit 1; }
case "$html" in /*) url="file://$html" ;; *) url="file://$(pwd)/$html" ;; esac
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
shot() {  # width height file
  # A throwaway profile keeps runs independent; --virtual-time-budget lets layout settle.
  profile=$(mktemp -d)
  target=$url window=$1
  if [ "$1" -lt 500 ]; then
    # Headless Chromium keeps windows at least 500 px wide: lay the page out in an iframe of
    # the phone's width (its media queries see that width); the shot is 500 px wide.
    printf '<!DOCTYPE html><body style="margin:0"><iframe src="%s" style="width:%spx;height:%spx;border:0"></iframe>' \
      "$url" "$1" "$2" > "$profile/host.html"
    target="file://$profile/host.html" window=500
  fi
  # A minute at most: a browser that hangs fails the shot instead of holding up CI.
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile/data" --virtual-time-budget=2000 \
    --window-size="$window,$2" --screenshot="$3" "$target" >/dev/null 2>&1
  rm -rf "$profile"
  [ -s "$3" ] || { echo "screenshot-html: chromium wrote no $3" >&2; exit 1; }
  echo "$3"
}
if [ $# -ge 3 ]; then
  shot "$3" "${4:-4000}" "$out"
else
  shot 1280 "${4:-4000}" "$out"
  shot 390 "${4:-9000}" "${out%.png}-phone.png"
fi
