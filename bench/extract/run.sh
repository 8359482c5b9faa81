#!/bin/sh
# Extracts every page of the page set with the release binary and scores it (score.py).
#
#   bench/extract/run.sh CORPUS [LABEL]
#
# CORPUS is the folder build_corpus.py wrote (pages/ and manifest.tsv). Results go to
# CORPUS/results-LABEL.jsonl; the scores of the full pages (tuning part, held-out part, whole set)
# are printed, then those of the reduced pages (if the set has any) per language and site, then
# the throughput: pages per second of CPU time for one process extracting every
# page (best of 3 runs), reading the files included.
set -eu
corpus=${1:?usage: run.sh CORPUS [LABEL]}
label=${2:-current}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
swift build -c release --product kazaz-monitor >/dev/null
binary="$root/.build/release/kazaz-monitor"
pages=$(ls "$corpus"/pages/*.html)
count=$(echo "$pages" | wc -l)
results="$corpus/results-$label.jsonl"
# shellcheck disable=SC2086
"$binary" extract --json $pages >"$results"
for split in tune holdout all; do
  python3 "$here/score.py" "$corpus/manifest.tsv" "$corpus/pages" "$results" --split "$split" \
    --kind full --worst "$([ "$split" = all ] && echo 10 || echo 0)"
done
if grep -q "$(printf '\t')reduced\$" "$corpus/manifest.tsv"; then
  python3 "$here/score.py" "$corpus/manifest.tsv" "$corpus/pages" "$results" --split all \
    --kind reduced --by-site --worst 10
fi
best=""
for _ in 1 2 3; do
  # shellcheck disable=SC2086
  cpu=$( { /usr/bin/time -f "%U %S" "$binary" extract --json $pages >/dev/null; } 2>&1 |
    awk '{print $1 + $2}')
  best=$(echo "$best $cpu" | awk '{m=$1; for (i=2;i<=NF;i++) if ($i<m) m=$i; print m}')
done
echo "throughput: $count pages in $best s CPU: $(echo "$count $best" | awk '{printf "%.0f", $1/$2}') pages/s"
