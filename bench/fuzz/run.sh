#!/usr/bin/env bash
# Fuzzes the feed parser with libFuzzer (+ AddressSanitizer).
#   bench/fuzz/run.sh [SECONDS] [JOBS]        env: OUT=/tmp/kazaz-fuzz
# Builds KazazModel and KazazParse with -sanitize=fuzzer,address outside SwiftPM, seeds the
# corpus from the test fixtures, and runs for SECONDS (default 600). Crashes are written to
# $OUT/crashes/ as crash-<sha1>; reproduce one with `$OUT/fuzz-parse $OUT/crashes/crash-…`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_TO_RUN=${1:-600}
JOBS=${2:-1}
OUT=${OUT:-/tmp/kazaz-fuzz}
mkdir -p "$OUT/corpus" "$OUT/crashes" "$OUT/build"
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6)

swiftc "${FLAGS[@]}" -module-name KazazModel -emit-module -emit-module-path "$OUT/build/" \
  -emit-library -static -o "$OUT/build/libKazazModel.a" "$ROOT"/Sources/KazazModel/*.swift
swiftc "${FLAGS[@]}" -module-name KazazParse -I "$OUT/build" -I "$ROOT/Sources/CLibXML2" \
  $(pkg-config --cflags-only-I libxml-2.0 | sed "s/-I/-Xcc -I/g") \
  "$ROOT"/Sources/KazazParse/*.swift "$ROOT/bench/fuzz/FuzzParse.swift" \
  "$OUT/build/libKazazModel.a" -lxml2 -o "$OUT/fuzz-parse"

# Seed: every fixture (feeds, JSON Feed, entity bombs), plus the dictionary of feed tokens.
find "$ROOT/Tests/KazazParseTests/Fixtures" -maxdepth 1 -type f -exec cp {} "$OUT/corpus/" \;
cd "$OUT"  # libFuzzer writes its fuzz-N.log files here
"$OUT/fuzz-parse" -max_total_time="$SECONDS_TO_RUN" -jobs="$JOBS" -workers="$JOBS" \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -dict="$ROOT/bench/fuzz/feed.dict" \
  -artifact_prefix="$OUT/crashes/" -print_final_stats=1 "$OUT/corpus"
