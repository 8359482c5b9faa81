#!/usr/bin/env bash
# Renders the demo's HTML digest in headless Chromium (Debian package `chromium`) and checks it:
# screenshots (desktop in light mode, phone width in dark mode), the sections and charts present
# in the rendered DOM, and no console errors (a Content-Security-Policy violation or a script
# error would show as one).
#
#   bash bench/digest/screenshot.sh            # writes bench/digest/digest-demo*.png
#   SCRATCH=.build-x bash bench/digest/screenshot.sh   # build in another scratch folder
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
out="bench/digest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The demo cycle, from an empty state, with every digest format.
rm -rf demo-state
swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --product kazaz-monitor >/dev/null
binary="$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/kazaz-monitor"
written=$("$binary" run --once --config config/demo.yaml 2>/dev/null)
html=$(echo "$written" | grep '\.html$' | head -n 1)
test -s "$html" || { echo "FAIL: the demo wrote no HTML digest (is html in digest.formats?)"; exit 1; }
echo "HTML digest: $html"

browse() {
  # --no-sandbox: CI containers run as root; the page has no script and a CSP forbidding any.
  timeout 120 chromium --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@" "file://$html" \
    2>>"$work/chromium.log"
}

browse --window-size=900,3000 --screenshot="$work/desktop.png" >/dev/null
browse --window-size=390,1400 --force-dark-mode --blink-settings=preferredColorScheme=0 \
  --screenshot="$work/phone-dark.png" >/dev/null
browse --dump-dom >"$work/dom.html"

# The rendered page has every part a reader expects.
for part in 'id="top"' 'id="charts"' 'id="chart-topics"' 'id="chart-trend"' '<polyline' \
  'id="statistics"' 'id="feeds"' 'class="story"'; do
  grep -q "$part" "$work/dom.html" || { echo "FAIL: the rendered page lacks $part"; exit 1; }
done

# No console message at all: errors, CSP refusals, uncaught exceptions.
if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$work/chromium.log"; then
  echo "FAIL: console errors (above)"
  exit 1
fi
echo "console: no errors ($(wc -l <"$work/chromium.log") lines of browser log checked)"

# Small palette PNGs for the README when ImageMagick is there (flat colours compress well);
# otherwise the screenshots as taken.
magick=""
for candidate in convert-im6.q16 /usr/bin/convert convert; do
  if "$candidate" -version 2>/dev/null | grep -q ImageMagick; then magick=$candidate; break; fi
done
if [ -n "$magick" ]; then
  "$magick" "$work/desktop.png" -trim -bordercolor '#f6f7f9' -border 12 -colors 96 \
    "$out/digest-demo.png"
  "$magick" "$work/phone-dark.png" -colors 96 "$out/digest-demo-phone-dark.png"
else
  cp "$work/desktop.png" "$out/digest-demo.png"
  cp "$work/phone-dark.png" "$out/digest-demo-phone-dark.png"
fi
ls -l "$out"/digest-demo*.png
