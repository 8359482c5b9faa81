#!/usr/bin/env bash
# Renders the demo's HTML digest in headless Chromium (Debian package `chromium`) and checks it
# the way a reader sees it, at phone width (375 px) and on a desktop (1280 px), in light and dark
# mode:
#   - no horizontal scrolling: the page is no wider than the window (a copy of the page, with
#     its Content-Security-Policy lifted, measures document.documentElement.scrollWidth against
#     innerWidth and names any element that sticks out);
#   - every section and both charts present in the rendered DOM;
#   - no console message (a Content-Security-Policy violation or a script error would show as
#     one) on the page as written;
#   - screenshots of the whole page in the four combinations.
# The README's two pictures are written to bench/digest/ (desktop light, phone dark); all four
# screenshots go to $SHOTS (default: a temporary folder, deleted at the end).
#
#   bash bench/digest/screenshot.sh                    # writes bench/digest/digest-demo*.png
#   SHOTS=/somewhere bash bench/digest/screenshot.sh   # keeps all four screenshots there
#   SCRATCH=.build-x bash bench/digest/screenshot.sh   # build in another scratch folder
#   PAGE=Tests/KazazDigestTests/Golden/digest.html SHOTS=/somewhere bash bench/digest/screenshot.sh
#                                                      # check another digest instead of the demo
#
# The CI does not run it (no browser there); run it after changing the HTML or its style.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
out="bench/digest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=${SHOTS:-$work/shots}
mkdir -p "$shots"

if [ -n "${PAGE:-}" ]; then
  # Another HTML digest (the golden one, say): checked and photographed, the README's pictures
  # left alone.
  html=$(cd "$(dirname "$PAGE")" && pwd)/$(basename "$PAGE")
  out=$shots
else
  # The demo cycle, from an empty state, with every digest format.
  rm -rf demo-state
  swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --product kazaz-monitor >/dev/null
  binary="$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/kazaz-monitor"
  written=$("$binary" run --once --config config/demo.yaml 2>/dev/null)
  html=$(echo "$written" | grep '\.html$' | head -n 1)
fi
test -s "$html" || { echo "FAIL: no HTML digest (is html in digest.formats?)"; exit 1; }
echo "HTML digest: $html"

browse() {
  # --no-sandbox: CI containers run as root; the page has no script and a CSP forbidding any.
  local page=$1
  shift
  timeout 120 chromium --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@" "file://$page" \
    2>>"$work/chromium.log"
}

# ImageMagick crops the screenshots and makes small palette PNGs for the README; without it the
# screenshots are kept as taken (at least 500 px wide).
magick=""
for candidate in convert-im6.q16 /usr/bin/convert convert; do
  if "$candidate" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
    magick=$candidate
    break
  fi
done

scheme_flags() {
  if [ "$1" = dark ]; then
    echo "--force-dark-mode --blink-settings=preferredColorScheme=0"
  else
    echo "--blink-settings=preferredColorScheme=1"
  fi
}

# Headless Chromium's window is at least 500 px wide, so the page is measured, and photographed,
# in a frame of the width under test: a wrapper page (no CSP of its own) reads the framed page as
# written — its scrollWidth against the frame's width, and which elements stick out — and writes
# the result where --dump-dom shows it.
frame() {
  local width=$1 height=$2
  cat <<FRAME
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:#888}
iframe{display:block;border:0;width:${width}px;height:${height}px}
</style></head><body><iframe id="page" src="file://$html"></iframe>
<pre id="measure"></pre>
<script>
const frame = document.getElementById("page");
frame.addEventListener("load", () => {
  const doc = frame.contentDocument;
  const width = frame.contentWindow.innerWidth;
  const out = [];
  // Elements outside the frame, and elements whose content is wider than they are (a word or a
  // table too wide for its box): the innermost ones are listed last.
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.split(" ").join(".") : "");
  for (const e of doc.querySelectorAll("body *")) {
    const box = e.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
      out.push(name(e) + " reaches x=" + Math.round(box.right));
    } else if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 &&
               getComputedStyle(e).overflowX === "visible") {
      out.push(name(e) + " holds content " + e.scrollWidth + " px wide in " + e.clientWidth);
    }
  }
  document.getElementById("measure").textContent = "scrollWidth=" + doc.documentElement.scrollWidth +
    " innerWidth=" + width + " height=" + doc.documentElement.scrollHeight + "\\n" +
    out.slice(-8).join("\\n");
});
</script></body></html>
FRAME
}

failed=0
for width in 375 1280; do
  window=$((width > 500 ? width : 500))
  for scheme in light dark; do
    frame "$width" 900 >"$work/measure-frame.html"
    # shellcheck disable=SC2046
    browse "$work/measure-frame.html" --allow-file-access-from-files --window-size="$window,900" \
      --virtual-time-budget=3000 $(scheme_flags $scheme) --dump-dom >"$work/measure.html"
    report=$(sed -n '/<pre id="measure">/,/<\/pre>/p' "$work/measure.html" | sed 's/<[^>]*>//g')
    read -r scroll inner height <<<"$(echo "$report" | head -n 1 |
      sed -E 's/.*scrollWidth=([0-9]+) innerWidth=([0-9]+) height=([0-9]+).*/\1 \2 \3/')"
    if [ -z "${scroll:-}" ] || [ -z "${inner:-}" ] || [ "$inner" != "$width" ]; then
      echo "FAIL: no measurement at $width px ($scheme): $report"; failed=1; continue
    fi
    if [ "$scroll" -gt "$inner" ]; then
      echo "FAIL: $width px, $scheme: the page scrolls sideways (scrollWidth $scroll > $inner):"
      echo "$report" | tail -n +2 | sed 's/^/    /'
      failed=1
    else
      echo "ok: $width px, $scheme: no horizontal scrolling (scrollWidth $scroll = width $inner), page $height px high"
    fi
    frame "$width" "$height" >"$work/shot-frame.html"
    # shellcheck disable=SC2046
    browse "$work/shot-frame.html" --allow-file-access-from-files \
      --window-size="$window,$height" --virtual-time-budget=3000 $(scheme_flags $scheme) \
      --screenshot="$work/frame-$width-$scheme.png" >/dev/null
    if [ -n "$magick" ]; then
      "$magick" "$work/frame-$width-$scheme.png" -crop "${width}x${height}+0+0" +repage \
        "$shots/digest-$width-$scheme.png"
    else
      cp "$work/frame-$width-$scheme.png" "$shots/digest-$width-$scheme.png"
    fi
  done
done
[ "$failed" = 0 ] || exit 1
echo "screenshots: $shots/digest-{375,1280}-{light,dark}.png"

# The rendered page (as written, CSP included) has every part a reader expects.
: >"$work/chromium.log"
browse "$html" --dump-dom >"$work/dom.html"
for part in 'id="top"' 'id="charts"' 'id="chart-topics"' 'id="chart-trend"' '<polyline' \
  'id="statistics"' 'id="feeds"' 'class="story"' 'class="figures"' '<details class="why">'; do
  grep -q "$part" "$work/dom.html" || { echo "FAIL: the rendered page lacks $part"; exit 1; }
done

# No console message at all: errors, CSP refusals, uncaught exceptions.
if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$work/chromium.log"; then
  echo "FAIL: console errors (above)"
  exit 1
fi
echo "console: no errors ($(wc -l <"$work/chromium.log") lines of browser log checked)"

# Small palette PNGs for the README (flat colours compress well).
desktop="$shots/digest-1280-light.png"
phone="$shots/digest-375-dark.png"
if [ -n "$magick" ]; then
  "$magick" "$desktop" -trim +repage -bordercolor '#f6f7f9' -border 12 +dither -colors 96 \
    "$out/digest-demo.png"
  "$magick" "$phone" +dither -colors 96 "$out/digest-demo-phone-dark.png"
else
  cp "$desktop" "$out/digest-demo.png"
  cp "$phone" "$out/digest-demo-phone-dark.png"
fi
ls -l "$out"/digest-demo*.png
