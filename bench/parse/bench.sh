#!/usr/bin/env bash
# Parser throughput, whole process: `kazaz-monitor parse --json` against feedparser and
# fastfeedparser (bench/parse/py_parse.py), in the same run, with hyperfine. Wall time is the
# median; CPU time (user + system, mean) is printed beside it.
#
#   bench/parse/bench.sh [CORPUS_DIR...]
#   env: SHARED=../shared/bench (genfeed.py)  RUNS=5  OUT=/tmp/kazaz-parse-bench
#        BIN=<kazaz-monitor>  (default: a release build with the static Swift runtime, made here)
#
# Inputs: the 10 MB synthetic feed of genfeed.py (seed 1) in UTF-8 and in windows-1251, and
# every feed file of each CORPUS_DIR (one process for the whole directory on every side).
# Needs: hyperfine, python3 with feedparser and fastfeedparser.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared/bench}
RUNS=${RUNS:-5}
OUT=${OUT:-/tmp/kazaz-parse-bench}
mkdir -p "$OUT"
if [ -z "${BIN:-}" ]; then
  (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path .build-bench \
    --product kazaz-monitor >&2)
  BIN="$ROOT/.build-bench/release/kazaz-monitor"
fi
PY="$ROOT/bench/parse/py_parse.py"

python3 "$SHARED/genfeed.py" --items 10000 --target-mb 10 --seed 1 -o "$OUT/big-utf8.xml" >&2
python3 "$SHARED/genfeed.py" --items 10000 --target-mb 10 --seed 1 --encoding windows-1251 \
  -o "$OUT/big-cp1251.xml" >&2

# label<TAB>list file, one per input.
: >"$OUT/inputs.tsv"
for feed in big-utf8 big-cp1251; do
  echo "$OUT/$feed.xml" >"$OUT/$feed.list"
  printf '%s\t%s\n' "$feed" "$OUT/$feed.list" >>"$OUT/inputs.tsv"
done
for dir in "$@"; do
  name=$(basename "$dir")
  find "$dir" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' \) |
    sort >"$OUT/$name.list"
  printf '%s\t%s\n' "corpus:$name" "$OUT/$name.list" >>"$OUT/inputs.tsv"
done

while IFS=$'\t' read -r label list; do
  # Items and bytes, from our own output (one JSON line per feed).
  "$BIN" parse --json --files-from "$list" 2>/dev/null >"$OUT/$label.jsonl" || true
  hyperfine -N -i -w 1 -r "$RUNS" --export-json "$OUT/$label.json" \
    -n kazaz-monitor "$BIN parse --json --files-from $list" \
    -n feedparser "python3 $PY feedparser @$list" \
    -n fastfeedparser "python3 $PY fastfeedparser @$list" >&2
done <"$OUT/inputs.tsv"

python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| input | files | MB | items | engine | median s | CPU s | MB/s | items/s | kazaz-monitor speed-up |")
print("|---|---|---|---|---|---|---|---|---|---|")
for line in open(os.path.join(out, "inputs.tsv")):
    label, listfile = line.rstrip("\n").split("\t")
    paths = [p.rstrip("\n") for p in open(listfile)]
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    items = 0
    for row in open(os.path.join(out, label + ".jsonl")):
        items += len(json.loads(row).get("items", []))
    results = {r["command"]: r for r in json.load(open(os.path.join(out, label + ".json")))["results"]}
    ours = results["kazaz-monitor"]["median"]
    for engine in ("kazaz-monitor", "feedparser", "fastfeedparser"):
        t = results[engine]["median"]
        cpu = results[engine]["user"] + results[engine]["system"]
        print("| %s | %d | %.2f | %d | %s | %.3f | %.3f | %.1f | %.0f | %s |" % (
            label, len(paths), size, items, engine, t, cpu, size / t, items / t,
            "—" if engine == "kazaz-monitor" else "%.1f×" % (t / ours)))
PY
