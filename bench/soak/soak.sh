#!/usr/bin/env bash
# Soak and chaos run: the real daemon against the fault-injecting feed server, with SIGKILLs and
# restarts at random moments, a SIGHUP reload with a changed feed list, and the state directory
# filling up and recovering. At the end it checks the invariants and prints the figures.
#
#   bench/soak/soak.sh            full length: 1,000 feeds, 12 minutes
#   bench/soak/soak.sh --short    CI length: 120 feeds, 3 minutes
#
# Env: FEEDS, DURATION (seconds), KILLS, PORT, OUT (results folder), KAZAZ (binary to test),
# STATE_MB (size of the state directory's tmpfs).
# Loopback addresses only; bounded in time; stops everything it started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/soak"
if [ "${1:-}" = "--short" ]; then
  FEEDS=${FEEDS:-120}; DURATION=${DURATION:-180}; KILLS=${KILLS:-4}; PERIOD=${PERIOD:-8}
  STATE_MB=${STATE_MB:-96}
else
  FEEDS=${FEEDS:-1000}; DURATION=${DURATION:-720}; KILLS=${KILLS:-12}; PERIOD=${PERIOD:-30}
  # About 20,000 items with their article text: roughly 8 KB each in the store, plus the WAL.
  STATE_MB=${STATE_MB:-512}
fi
PORT=${PORT:-18180}; OUT=${OUT:-$(mktemp -d /tmp/kazaz-soak.XXXXXX)}
KAZAZ=${KAZAZ:-}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/kazaz-soak-work.XXXXXX)
STATE="$WORK/state"
mkdir -p "$STATE"
SERVER_PID=""; DAEMON_PID=""; SAMPLER_PID=""; MOUNTED=0
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$DAEMON_PID" ] && kill -9 "$DAEMON_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  # Keep the store and the config with the results, for a look after the run.
  cp "$STATE"/kazaz-monitor.sqlite* "$WORK/config.yaml" "$OUT/" 2>/dev/null || true
  [ "$MOUNTED" = 1 ] && umount "$STATE" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -z "$KAZAZ" ]; then
  (cd "$ROOT" && swift build -c release --product kazaz-monitor >/dev/null)
  KAZAZ="$ROOT/.build/release/kazaz-monitor"
fi

# A size-limited state directory, so the disk can fill up for real (needs root; else skipped).
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o "size=${STATE_MB}m,mode=0755" kazaz-soak "$STATE" 2>/dev/null; then
  MOUNTED=1; log "state directory: a $STATE_MB MiB tmpfs"
else
  log "state directory: plain folder (not root or no tmpfs): the disk-full phase is skipped"
fi

hosts="127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.5 127.0.0.6 127.0.0.7 127.0.0.8"
python3 "$HERE/fault_server.py" --hosts "$hosts" --port "$PORT" --feeds "$FEEDS" --urls "$WORK/urls.txt"
python3 "$HERE/fault_server.py" --hosts "$hosts" --port "$PORT" --feeds "$FEEDS" \
  --item-period "$PERIOD" --stall 40 --published "$OUT/published.jsonl" \
  --stats "$OUT/requests.json" > "$OUT/server.txt" &
SERVER_PID=$!
sleep 4
log "fault server: $(head -1 "$OUT/server.txt")"

# The daily digest falls due once during the run, at the first full minute after a quarter of it
# (the same time across the reload), and the disk fills up just before it: the write fails and the
# daemon must write that digest once space is back (it retries after a minute, then backs off).
digest_epoch=$(( ($(date +%s) + DURATION / 4 + 59) / 60 * 60 ))
digest_at=$(TZ=Asia/Almaty date -d "@$digest_epoch" +%H:%M)
digest_day=$(TZ=Asia/Almaty date -d "@$digest_epoch" +%F)
write_config() {  # $1 = how many of the feeds (from the start of the list)
  { echo "state_dir: $STATE"; echo "profile: $ROOT/config/profiles/kazaz.yaml"
    echo "log_level: notice"; echo "poll_interval: 60s"
    echo "digest: { time: \"$digest_at\", timezone: Asia/Almaty, formats: [markdown, json] }"
    echo "fetch: { timeout: 20s, connect_timeout: 5s, concurrency: 16, per_host: 2 }"
    echo "feeds:"; head -n "$1" "$WORK/urls.txt" | sed 's/^/  - /'; } > "$WORK/config.yaml"
}
write_config "$((FEEDS * 9 / 10))"

start_daemon() {
  "$KAZAZ" run --config "$WORK/config.yaml" >> "$OUT/daemon.log" 2>&1 &
  DAEMON_PID=$!
}
sample() {  # RSS (KiB) and open descriptors of the daemon, every 5 s
  echo "seconds,pid,rss_kib,fds" > "$OUT/resources.csv"
  local begin=$SECONDS pid rss fds
  while true; do
    pid=$(cat "$WORK/daemon.pid" 2>/dev/null || true)
    # The daemon may be killed between two reads: a failed read skips the sample, never the sampler.
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    fds=$( (ls "/proc/$pid/fd" 2>/dev/null || true) | wc -l)
    if [ -n "$pid" ] && [ -n "$rss" ]; then
      echo "$((SECONDS - begin)),$pid,$rss,$fds" >> "$OUT/resources.csv"
    fi
    sleep 5
  done
}

start_daemon; echo "$DAEMON_PID" > "$WORK/daemon.pid"
sample & SAMPLER_PID=$!
log "daemon started (pid $DAEMON_PID) with $((FEEDS * 9 / 10)) feeds; soak for ${DURATION}s"

kills=0; restarts=0; reloads=0; crashes=0; disk_full=0
kill_at=(); for i in $(seq 1 "$KILLS"); do kill_at+=($((RANDOM % (DURATION - 20) + 10))); done
begin=$SECONDS
reload_at=$((DURATION / 2))
# The disk is full from 5 s before the digest time for an eighth of the run (at least 20 s).
full_at=$((digest_epoch - 5 - $(date +%s))); [ "$full_at" -ge 0 ] || full_at=0
full_until=$((full_at + (DURATION / 8 > 20 ? DURATION / 8 : 20)))
if [ $((digest_epoch - $(date +%s) + 70)) -gt "$DURATION" ]; then
  log "warning: DURATION=$DURATION leaves no time to retry the digest after the disk-full phase"
fi
while [ $((SECONDS - begin)) -lt "$DURATION" ]; do
  now=$((SECONDS - begin))
  if ! kill -0 "$DAEMON_PID" 2>/dev/null; then
    wait "$DAEMON_PID" 2>/dev/null && status=0 || status=$?
    log "daemon exited by itself (status $status): a crash"; crashes=$((crashes + 1))
    start_daemon; echo "$DAEMON_PID" > "$WORK/daemon.pid"; restarts=$((restarts + 1))
  fi
  # A loop turn can take longer than a second on a loaded machine: an event fires at the first
  # turn at or after its moment, once.
  for i in "${!kill_at[@]}"; do
    if [ "${kill_at[$i]}" -le "$now" ]; then
      unset "kill_at[$i]"
      kill -9 "$DAEMON_PID" 2>/dev/null || true; wait "$DAEMON_PID" 2>/dev/null || true
      kills=$((kills + 1)); log "SIGKILL #$kills at ${now}s"
      start_daemon; echo "$DAEMON_PID" > "$WORK/daemon.pid"; restarts=$((restarts + 1))
    fi
  done
  if [ "$reloads" = 0 ] && [ "$now" -ge "$reload_at" ]; then
    write_config "$FEEDS"
    kill -HUP "$DAEMON_PID"; reloads=$((reloads + 1)); log "SIGHUP: the feed list grew to $FEEDS"
  fi
  if [ "$MOUNTED" = 1 ] && [ "$disk_full" = 0 ] && [ "$now" -ge "$full_at" ]; then
    dd if=/dev/zero of="$STATE/filler" bs=1M 2>/dev/null || true
    disk_full=1; log "disk full: $(df -h "$STATE" | tail -1 | awk '{print $4}') left"
  fi
  if [ "$disk_full" = 1 ] && [ "$now" -ge "$full_until" ]; then
    rm -f "$STATE/filler"; disk_full=2; log "disk space back"
  fi
  sleep 1
done

kill -TERM "$DAEMON_PID"; wait "$DAEMON_PID" && term=0 || term=$?
stopped=$(date +%s)
log "SIGTERM: daemon exited with status $term"
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
# One last cycle picks up what is still on the feeds.
"$KAZAZ" run --once --config "$WORK/config.yaml" > "$OUT/final-once.txt" 2>>"$OUT/daemon.log" || true
kill "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

python3 "$HERE/check.py" --store "$STATE/kazaz-monitor.sqlite" --published "$OUT/published.jsonl" \
  --resources "$OUT/resources.csv" --digests "$STATE/digests" --log "$OUT/daemon.log" \
  --kills "$kills" --restarts "$restarts" --reloads "$reloads" --crashes "$crashes" \
  --term-status "$term" --server "$OUT/server.txt" --requests "$OUT/requests.json" \
  --feeds "$FEEDS" --duration "$DURATION" --digest-day "$digest_day" --digest-formats markdown,json \
  --daemon-stopped "$stopped" | tee "$OUT/summary.md"
