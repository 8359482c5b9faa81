#!/usr/bin/env bash
# Fuzzes one target (or every target) with libFuzzer and AddressSanitizer.
#
#   bench/fuzz/run.sh TARGET|all [SECONDS] [JOBS]      env: OUT (default: a new temporary folder)
#
# Each target is a folder bench/fuzz/TARGET/ holding
#   Fuzz.swift  the LLVMFuzzerTestOneInput entry point; it reaches internal API through
#               `@testable import` of the modules it names
#   modules     the project modules it needs, in build order (e.g. "KazazModel KazazParse")
#   corpus/     seed inputs, kept in the repository (optional; more seeds may come from `seeds`)
#   seeds       optional: one path per line, relative to the repository, of more seed files or
#               folders (test fixtures)
#   sources     optional: one path per line, relative to the repository, of source files
#               compiled into the fuzz executable itself: single files of a module the runner
#               cannot build alone (KazazService), importing only modules listed in `modules`
#   dict        optional: tokens for libFuzzer's mutator
#
# The modules are built once per run as instrumented static libraries outside SwiftPM (with
# -enable-testing), each target as its own executable over them. SECONDS (default 600) is the
# time per target. Crashes, leaks and timeouts go to $OUT/TARGET/crashes/; replay one with
# `$OUT/TARGET/fuzz FILE`, then make it a test and a corpus file before fixing it. Exits non-zero
# when any target found one in this run (crash files of an earlier run in the same OUT are moved
# to crashes/earlier/ first). Nothing outside OUT is written, so it runs from a clean clone.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${1:?usage: bench/fuzz/run.sh TARGET|all [SECONDS] [JOBS]}
SECONDS_TO_RUN=${2:-600}
JOBS=${3:-1}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/kazaz-fuzz.XXXXXX")}
echo "fuzzing in $OUT" >&2
# Swift's own backtracer, under AddressSanitizer, can take minutes per crash; libFuzzer reports
# the crash and keeps the input, and the targets say which promise broke.
export SWIFT_BACKTRACE=enable=no
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -enable-testing -package-name kazaz_monitor)
BUILD="$OUT/build"
mkdir -p "$BUILD"

if [ "$TARGET" = all ]; then
  targets=()
  for dir in "$ROOT"/bench/fuzz/*/; do
    [ -f "$dir/Fuzz.swift" ] && targets+=("$(basename "$dir")")
  done
else
  targets=("$TARGET")
fi

# The C library flags each project module needs (compile, then link).
cflags_for() {
  case "$1" in
    KazazParse | KazazWeb)
      echo "-I $ROOT/Sources/CLibXML2 $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g')"
      ;;
    KazazFetch)
      echo "-I $ROOT/Sources/CCurl $(pkg-config --cflags-only-I libcurl | sed 's/-I/-Xcc -I/g')"
      ;;
  esac
}
libs_for() {
  case "$1" in
    KazazParse | KazazWeb) echo "-lxml2" ;;
    KazazFetch) echo "-lcurl" ;;
  esac
}

# Builds a project module once per run: $BUILD/libNAME.a and its .swiftmodule.
built=" "
build_module() {
  local module=$1
  case "$built" in *" $module "*) return ;; esac
  echo "building $module" >&2
  # Every source file of the module, subfolders (KazazFetch/Curl) included.
  local files=()
  mapfile -t files < <(find "$ROOT/Sources/$module" -name '*.swift' | sort)
  # shellcheck disable=SC2046
  swiftc "${FLAGS[@]}" -module-name "$module" -I "$BUILD" $(cflags_for "$module") \
    -emit-module -emit-module-path "$BUILD/" -emit-library -static \
    -o "$BUILD/lib$module.a" "${files[@]}"
  built+="$module "
}

failed=()
for target in "${targets[@]}"; do
  dir="$ROOT/bench/fuzz/$target"
  [ -f "$dir/Fuzz.swift" ] || { echo "no fuzz target $target" >&2; exit 64; }
  read -r -a modules <"$dir/modules"
  cflags=() libs=() archives=()
  for module in "${modules[@]}"; do
    build_module "$module"
    # shellcheck disable=SC2207
    cflags+=($(cflags_for "$module")) libs+=($(libs_for "$module"))
  done
  # Link order: dependents before their dependencies.
  for ((i = ${#modules[@]} - 1; i >= 0; i--)); do archives+=("$BUILD/lib${modules[i]}.a"); done
  work="$OUT/$target"
  mkdir -p "$work/corpus" "$work/crashes"
  if compgen -G "$work/crashes/*-*" >/dev/null; then
    mkdir -p "$work/crashes/earlier"
    mv "$work"/crashes/*-* "$work/crashes/earlier/"
  fi
  sources=()
  if [ -f "$dir/sources" ]; then
    while read -r source; do
      [ -n "$source" ] && [ "${source#\#}" = "$source" ] || continue
      sources+=("$ROOT/$source")
    done <"$dir/sources"
  fi
  swiftc "${FLAGS[@]}" -module-name "Fuzz_$target" -I "$BUILD" "${cflags[@]}" \
    "$dir/Fuzz.swift" "${sources[@]}" "${archives[@]}" "${libs[@]}" -o "$work/fuzz"

  # Seeds: the committed corpus, then any listed fixtures. libFuzzer adds what it finds to the
  # first folder ($work/corpus), never to the repository.
  [ -d "$dir/corpus" ] && cp -r "$dir/corpus/." "$work/corpus/"
  if [ -f "$dir/seeds" ]; then
    while read -r seed; do
      [ -n "$seed" ] && [ "${seed#\#}" = "$seed" ] || continue
      if [ -d "$ROOT/$seed" ]; then
        find "$ROOT/$seed" -maxdepth 1 -type f -exec cp {} "$work/corpus/" \;
      else
        cp "$ROOT/$seed" "$work/corpus/"
      fi
    done <"$dir/seeds"
  fi
  dict=()
  [ -f "$dir/dict" ] && dict=(-dict="$dir/dict")
  echo "fuzzing $target for ${SECONDS_TO_RUN}s" >&2
  # libFuzzer writes its fuzz-N.log files to the working directory.
  if ! (cd "$work" && ./fuzz -max_total_time="$SECONDS_TO_RUN" -jobs="$JOBS" -workers="$JOBS" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 "${dict[@]}" \
    -artifact_prefix="$work/crashes/" -print_final_stats=1 corpus); then
    failed+=("$target")
  fi
  # libFuzzer's own summary and, on a crash, the promise a target says was broken.
  grep -ah -e '^stat::' -e 'DONE' -e 'broken promise' -e 'ERROR: ' "$work"/fuzz-*.log >&2 || true
  if compgen -G "$work/crashes/*-*" >/dev/null; then
    case " ${failed[*]-} " in *" $target "*) ;; *) failed+=("$target") ;; esac
  fi
done

if ((${#failed[@]})); then
  echo "fuzzing found crashes in: ${failed[*]} (see $OUT/<target>/crashes/)" >&2
  exit 1
fi
echo "fuzzing: no crash in ${targets[*]}" >&2
