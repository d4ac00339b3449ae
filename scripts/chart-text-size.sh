#!/bin/sh
# Print the smallest chart text a reader sees in a briefing's HTML at given window widths:
# headless Chromium lays the page out, and a script measures every visible <text> of the
# inline SVG charts as rendered (its font size times the SVG's scale on screen, in CSS px).
# Headless Chromium keeps windows at least 500 px wide, so the page is laid out in an iframe
# of WIDTH px, whose media queries see that width as a phone's browser would; several widths
# are several iframes in one Chromium (each launch costs about a CPU-second).
#
#   scripts/chart-text-size.sh [HTML] [WIDTH...]
#
# HTML defaults to Output/state-briefing/mississippi-2023/briefing.html, WIDTH to 390.
# Prints, for each width in the order given, `smallest chart text: N.N px (K texts in C charts)
# at WIDTH px (layout viewport W px)`. Exit 77 without Chromium.
set -eu
html=${1:-Output/state-briefing/mississippi-2023/briefing.html}
[ $# -gt 0 ] && shift
widths=${*:-390}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "chart-text-size: chromium not found (apt-get install -y chromium)" >&2; exit 77; }
[ -f "$html" ] || { echo "chart-text-size: no such file: $html" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The page with a measuring script appended (the page itself has none).
cat "$html" > "$dir/page.html"
cat >> "$dir/page.html" <<'JS'
<script>
window.addEventListener('load', () => {
  let min = Infinity, count = 0, charts = 0;
  for (const svg of document.querySelectorAll('figure.chart svg')) {
    if (svg.getClientRects().length === 0) continue;   // display: none (the other layout)
    charts++;
    for (const t of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      if (size > 0) { min = Math.min(min, size); count++; }
    }
  }
  parent.postMessage('FOLIO-MEASURE ' + min.toFixed(1) + ' ' + count + ' ' + charts + ' ' + window.innerWidth, '*');
});
</script>
JS
frames=""; widest=500
for width in $widths; do
  frames="$frames<iframe src=\"page.html\" style=\"width:${width}px;height:4000px;border:0;display:block\"></iframe>"
  [ "$width" -gt "$widest" ] && widest=$width
done
cat > "$dir/host.html" <<HOST
<!DOCTYPE html><html><body style="margin:0">
$frames
<script>
window.addEventListener('message', e => {
  const out = document.createElement('pre'); out.textContent = e.data; document.body.appendChild(out);
});
</script>
</body></html>
HOST
# A minute at most: a browser that hangs fails the measurement instead of holding up CI.
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$dir/profile" --virtual-time-budget=2000 --window-size="$widest,2000" \
  --dump-dom "file://$dir/host.html" 2>/dev/null > "$dir/dom.html"
for width in $widths; do
  line=$(grep -o "FOLIO-MEASURE [0-9.]* [0-9]* [0-9]* $width\b" "$dir/dom.html" | head -1 || true)
  [ -n "$line" ] || { echo "chart-text-size: chromium gave no measurement at $width px" >&2; exit 1; }
  set -- $line
  echo "smallest chart text: $2 px ($3 texts in $4 charts) at $width px (layout viewport $5 px)"
done
