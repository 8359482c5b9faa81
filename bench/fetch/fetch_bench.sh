#!/usr/bin/env bash
# Fetch benchmark: one cold cycle (nothing cached: every feed 200, parsed, classified, stored) and
# one warm cycle (nothing changed: every feed 304) of `kazaz-monitor run --once`, against
# newsboat's `newsboat -x reload` and the Python requests+feedparser baseline, on the same N
# generated feeds served by nginx on loopback addresses, with the same concurrency, in one run.
#
#   bench/fetch/fetch_bench.sh [SHARED_BENCH_DIR]
#
# SHARED_BENCH_DIR holds genfeed.py, serve_feeds.sh and py_fetch_bench.py (default: the shared
# bench folder beside the repository, ../shared/bench). Env knobs: NS="200 1000" RUNS=5
# CONCURRENCY=16 HOSTS=8 ITEMS=30 PORT=18080 OUT=/tmp/kazaz-fetch-bench.
# Needs: apt-get install -y nginx-light newsboat hyperfine time ; pip install feedparser requests
# Every server it starts is stopped on exit. Only loopback addresses are used.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=$(cd "${1:-$ROOT/../shared/bench}" && pwd)
NS=${NS:-"200 1000"}; RUNS=${RUNS:-5}; CONCURRENCY=${CONCURRENCY:-16}; HOSTS=${HOSTS:-8}
ITEMS=${ITEMS:-30}; PORT=${PORT:-18080}; OUT=${OUT:-/tmp/kazaz-fetch-bench}
WORK=$(mktemp -d /tmp/kazaz-fetch.XXXXXX)
mkdir -p "$OUT"; rm -f "$OUT"/*.json "$OUT"/*.time
RUN=""
cleanup() { [ -n "$RUN" ] && "$SHARED/serve_feeds.sh" stop "$RUN" >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export HOME="$WORK/home"; mkdir -p "$HOME"
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }

# Built as systemd/install.sh builds what users run: release, Swift runtime linked in.
(cd "$ROOT" && swift build -c release --static-swift-stdlib --product kazaz-monitor \
  --scratch-path .build-static >/dev/null)
KAZAZ="$ROOT/.build-static/release/kazaz-monitor"
log "kazaz-monitor $("$KAZAZ" --version); newsboat: $(newsboat --version | head -1); cores: $(nproc)"

hosts=""; for i in $(seq 1 "$HOSTS"); do hosts+="127.0.0.$i "; done

for N in $NS; do
  FEEDS="$WORK/feeds-$N"
  python3 "$SHARED/genfeed.py" --many "$N" --items "$ITEMS" --seed 1 --dir "$FEEDS" \
    --base-url "http://127.0.0.1:$PORT/" >/dev/null 2>>"$OUT/log.txt"
  touch -d '2024-11-20 12:00:00' "$FEEDS"/*.xml
  # Spread the feeds over the loopback hosts, so a per-host limit of 2 does not throttle.
  awk -v hosts="$hosts" -v port="$PORT" 'BEGIN { n = split(hosts, h, " ") }
    { sub("http://127.0.0.1:" port, "http://" h[(NR - 1) % n + 1] ":" port); print }' \
    "$FEEDS/urls.txt" > "$WORK/urls-$N.txt"
  RUN=$(LISTEN_HOSTS="$hosts" "$SHARED/serve_feeds.sh" start "$FEEDS" "$PORT")
  log "N=$N: $(du -sb "$FEEDS" | cut -f1) bytes over $HOSTS loopback hosts"

  # kazaz-monitor
  CFG="$WORK/kazaz-$N.yaml"
  { echo "state_dir: $WORK/kazaz-state-$N"; echo "profile: $ROOT/config/profiles/kazaz.yaml"
    echo "log_level: warning"
    echo "fetch: { concurrency: $CONCURRENCY, per_host: 2 }"; echo "feeds:"
    # Feeds only, like the peers: no article pages (their links point at hosts that do not exist).
    sed 's/^\(.*\)$/  - { url: "\1", full_text: never }/' "$WORK/urls-$N.txt"; } > "$CFG"
  K="$KAZAZ run --once --config $CFG"
  hyperfine -N --runs "$RUNS" --prepare "rm -rf $WORK/kazaz-state-$N" "$K" \
    --export-json "$OUT/kazaz-cold-N$N.json" >>"$OUT/log.txt" 2>&1
  log "kazaz cold N=$N: $("$SHARED/serve_feeds.sh" stats "$RUN")"
  rm -rf "$WORK/kazaz-state-$N"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/kazaz-cold-N$N.time" $K >/dev/null
  hyperfine -N --runs "$RUNS" --warmup 1 "$K" --export-json "$OUT/kazaz-warm-N$N.json" >>"$OUT/log.txt" 2>&1
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/kazaz-warm-N$N.time" $K >/dev/null
  log "kazaz warm N=$N: $("$SHARED/serve_feeds.sh" stats "$RUN"); items stored: $(sqlite3 "$WORK/kazaz-state-$N/kazaz-monitor.sqlite" 'select count(*) from item')"

  # newsboat, same concurrency; it sends validators only from its third reload of a fresh cache.
  NBCFG="$WORK/newsboat-config"; printf 'reload-threads %s\n' "$CONCURRENCY" > "$NBCFG"
  DB="$WORK/newsboat-$N.db"
  NB="newsboat -u $WORK/urls-$N.txt -c $DB -C $NBCFG -x reload"
  hyperfine -N --runs "$RUNS" --prepare "rm -f $DB $DB.lock" "$NB" \
    --export-json "$OUT/newsboat-cold-N$N.json" >>"$OUT/log.txt" 2>&1
  rm -f "$DB" "$DB.lock"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/newsboat-cold-N$N.time" $NB
  $NB; $NB
  "$SHARED/serve_feeds.sh" stats "$RUN" >/dev/null
  hyperfine -N --runs "$RUNS" "$NB" --export-json "$OUT/newsboat-warm-N$N.json" >>"$OUT/log.txt" 2>&1
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/newsboat-warm-N$N.time" $NB
  log "newsboat warm N=$N: $("$SHARED/serve_feeds.sh" stats "$RUN")"

  # Python requests + feedparser, 16 workers
  ST="$WORK/py-$N.json"
  PY="python3 $SHARED/py_fetch_bench.py $WORK/urls-$N.txt --workers $CONCURRENCY --state $ST"
  hyperfine -N --runs 3 --prepare "rm -f $ST" "$PY" --export-json "$OUT/python-cold-N$N.json" >>"$OUT/log.txt" 2>&1
  rm -f "$ST"; /usr/bin/time -f "%e %U %S %M" -o "$OUT/python-cold-N$N.time" $PY >/dev/null
  hyperfine -N --runs 3 "$PY --warm" --export-json "$OUT/python-warm-N$N.json" >>"$OUT/log.txt" 2>&1
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/python-warm-N$N.time" $PY --warm >/dev/null
  log "python warm N=$N: $("$SHARED/serve_feeds.sh" stats "$RUN")"

  "$SHARED/serve_feeds.sh" stop "$RUN" >/dev/null; RUN=""
done
python3 "$ROOT/bench/fetch/summarize.py" "$OUT" "$NS" | tee "$OUT/summary.md"
