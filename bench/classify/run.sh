#!/usr/bin/env bash
# Classification throughput on one core, against a plain Python regex baseline on the same text.
#
#   bench/classify/run.sh [CORPUS_DIR] [MEGABYTES]
#
# Builds a corpus of at least MEGABYTES (default 50) MB by repeating the documents of CORPUS_DIR
# (default ../shared/corpus/dev, beside the repository) into a temporary folder outside the
# repository, then times, pinned to CPU 0 with taskset, in the same run:
#   1. `kazaz-monitor classify --files-from LIST` (release build) — plain and --json output;
#   2. a Python baseline: one compiled regular expression, the alternation of the profile's
#      side terms, searched in every document ("does it name both sides?").
# Prints documents/s, MB/s (1 MB = 10^6 bytes of UTF-8 input) and the ratios.
# Set KAZAZ_BIN to use another binary; otherwise it runs `swift build -c release` first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/../shared/corpus/dev}
megabytes=${2:-50}
if [ -z "${KAZAZ_BIN:-}" ]; then
  (cd "$root" && swift build -c release --product kazaz-monitor >&2)
  KAZAZ_BIN=$(cd "$root" && swift build -c release --show-bin-path)/kazaz-monitor
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kazaz-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/classify/bench.py" --corpus "$corpus" --megabytes "$megabytes" \
  --work "$work" --binary "$KAZAZ_BIN" --profile "$root/config/profiles/kazaz.yaml"
