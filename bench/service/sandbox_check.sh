#!/usr/bin/env bash
# Runs the service steps of docs/operations.md against a real systemd: installs kazaz-monitor
# with systemd/install.sh into a systemd 252 booted in Linux namespaces (the shared
# systemd-sandbox tool), starts it, drives it as an operator (refresh --wait, status, reading a
# digest, search), reloads it, signals it, reads its journal, stops it and uninstalls it. Exits non-zero on the first
# check that fails. Everything it starts is stopped on exit (the sandbox is powered off).
#
#   bench/service/sandbox_check.sh [SANDBOX_TOOL]
#
# SANDBOX_TOOL defaults to ../shared/tools/systemd-sandbox beside the repository. Needs root
# (namespaces) and, the first time, debootstrap and the Debian mirror (the sandbox builds its
# root filesystem once). The feeds are the seed feeds, served by python3 on 127.0.0.1 inside
# the sandbox's own network namespace. Env: SANDBOX_DIR (default /var/tmp/kazaz-monitor-sandbox),
# SCRATCH_PATH (the build folder, default .build).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOL=$(readlink -f "${1:-$ROOT/../shared/tools/systemd-sandbox}")
export SANDBOX_DIR=${SANDBOX_DIR:-/var/tmp/kazaz-monitor-sandbox}
export SANDBOX_PACKAGES="python3 libcurl4 libsqlite3-0 libxml2 ca-certificates"
export SANDBOX_NETWORK=private
export SCRATCH_PATH=${SCRATCH_PATH:-.build}
SRC=/opt/kazaz-monitor-src           # the repository's install files, inside the sandbox

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
in_sandbox() { "$TOOL" exec "$@"; }
as_operator() { in_sandbox runuser -u alice -- "$@"; }
cleanup() { "$TOOL" down >/dev/null 2>&1 || true; }
trap cleanup EXIT

step "build the release binary on this machine (systemd/install.sh build)"
(cd "$ROOT" && systemd/install.sh build | tail -1)

step "boot the sandbox"
"$TOOL" up
in_sandbox systemctl --version | head -1

step "stage the repository's install files and the binary in $SRC"
in_sandbox mkdir -p "$SRC/.build/release"
(cd "$ROOT" && tar -cf - systemd config/kazaz-monitor.example.yaml config/profile.override.example.yaml \
  config/profiles) \
  | in_sandbox tar -C "$SRC" -xf -
"$TOOL" cp "$ROOT/$SCRATCH_PATH/release/kazaz-monitor" "$SRC/.build/release/kazaz-monitor"

step "serve the seed feeds on 127.0.0.1:8080 inside the sandbox"
in_sandbox mkdir -p /srv/kazaz-feeds
(cd "$ROOT/seeds/feeds" && tar -cf - .) | in_sandbox tar -C /srv/kazaz-feeds -xf -
in_sandbox systemd-run --unit=kazaz-feeds --property=DynamicUser=yes \
  python3 -m http.server 8080 --bind 127.0.0.1 --directory /srv/kazaz-feeds >/dev/null

step "1. install: systemd/install.sh install --binary .build/release/kazaz-monitor"
in_sandbox sh -c "cd $SRC && systemd/install.sh install --binary .build/release/kazaz-monitor"

step "2. configure: list the feeds in /etc/kazaz-monitor/config.yaml"
in_sandbox tee /etc/kazaz-monitor/config.yaml >/dev/null <<'YAML'
state_dir: /var/lib/kazaz-monitor
control_socket: /run/kazaz-monitor/control.sock
log_level: info
feeds:
  - url: http://127.0.0.1:8080/seeds.rss
  - url: http://127.0.0.1:8080/seeds-ru.atom
YAML
in_sandbox sh -c "cd $SRC && systemd/install.sh install --binary .build/release/kazaz-monitor" \
  | grep "config.yaml" || true
in_sandbox grep -q "127.0.0.1:8080" /etc/kazaz-monitor/config.yaml \
  || fail "installing again overwrote the config"

step "3. start: systemctl enable --now kazaz-monitor"
in_sandbox systemctl enable --now kazaz-monitor
state=$(in_sandbox systemctl is-active kazaz-monitor || true)
echo "kazaz-monitor is $state"
[ "$state" = active ] || { in_sandbox journalctl -u kazaz-monitor --no-pager; fail "not active"; }
in_sandbox systemctl show -p Type -p NotifyAccess -p WatchdogUSec -p StatusText kazaz-monitor
in_sandbox ls -l /run/kazaz-monitor/

step "4. operators: usermod -aG kazaz-operators alice"
in_sandbox useradd --create-home alice
in_sandbox useradd --create-home bob
in_sandbox usermod -aG kazaz-operators alice
in_sandbox id alice

step "5. refresh as the operator: kazaz-monitor refresh --wait"
output=$(as_operator kazaz-monitor refresh --wait)
echo "$output"
grep -q "2 feeds polled" <<<"$output" || fail "refresh --wait did not report 2 feeds polled"
if in_sandbox runuser -u bob -- kazaz-monitor refresh 2>&1; then
  fail "a user outside kazaz-operators could use the control socket"
else
  echo "(bob, not an operator, is refused)"
fi

step "6. status as the operator: kazaz-monitor status"
output=$(as_operator kazaz-monitor status)
echo "$output"
grep -q "daemon: running" <<<"$output" || fail "status did not reach the daemon"

step "6b. the operator reads what the daemon wrote: a digest, and the store through search"
as_operator kazaz-monitor digest --now | tail -1
digest=$(as_operator sh -c 'ls /var/lib/kazaz-monitor/digests/latest.md')
as_operator grep -q "Top stories" "$digest" || fail "the operator cannot read the digest"
echo "alice reads $digest: $(as_operator head -n 1 "$digest")"
output=$(as_operator kazaz-monitor search --relevant kazakhstan)
echo "$output" | head -4
grep -q "★" <<<"$output" || fail "search as the operator found no relevant item"
in_sandbox stat -c '%U:%G %a %n' /var/lib/kazaz-monitor /var/lib/kazaz-monitor/kazaz-monitor.sqlite
if in_sandbox runuser -u bob -- ls /var/lib/kazaz-monitor/digests >/dev/null 2>&1; then
  fail "a user outside kazaz-operators can read the state directory"
else
  echo "(bob, not an operator, cannot read the state directory)"
fi

step "7. reload: systemctl reload kazaz-monitor"
in_sandbox systemctl reload kazaz-monitor
# ExecReload only sends SIGHUP; the unit shows "reloading" until the daemon's READY=1.
for _ in $(seq 1 100); do
  state=$(in_sandbox systemctl is-active kazaz-monitor || true)
  [ "$state" = reloading ] || break
  sleep 0.1
done
[ "$state" = active ] || fail "$state after reload"
sleep 0.3
in_sandbox journalctl -u kazaz-monitor --no-pager -o cat | grep -q "configuration reloaded" \
  || fail "no reload in the journal"
echo "reloaded; MainPID unchanged: $(in_sandbox systemctl show -p MainPID --value kazaz-monitor)"

step "8. poll by signal: systemctl kill -s USR1 --kill-who=main kazaz-monitor"
in_sandbox systemctl kill -s USR1 --kill-who=main kazaz-monitor
sleep 1
in_sandbox systemctl status kazaz-monitor --no-pager --lines=0 || true

step "9. the journal: journalctl -u kazaz-monitor"
sleep 0.3
in_sandbox journalctl -u kazaz-monitor --no-pager -o short-monotonic
echo "-- warnings and worse (journalctl -p warning):"
in_sandbox journalctl -u kazaz-monitor --no-pager -o cat -p warning || true

step "10. stop: systemctl stop kazaz-monitor"
in_sandbox systemctl stop kazaz-monitor
state=$(in_sandbox systemctl is-active kazaz-monitor || true)
result=$(in_sandbox systemctl show -p Result --value kazaz-monitor)
status=$(in_sandbox systemctl show -p ExecMainStatus --value kazaz-monitor)
echo "state $state, result $result, exit status $status"
[ "$state" = inactive ] && [ "$result" = success ] && [ "$status" = 0 ] || fail "unclean stop"

step "11. uninstall: systemd/install.sh uninstall"
in_sandbox sh -c "cd $SRC && systemd/install.sh uninstall"
in_sandbox test ! -e /usr/local/bin/kazaz-monitor || fail "binary left behind"
in_sandbox test -e /etc/kazaz-monitor/config.yaml || fail "config removed without --purge"
in_sandbox systemctl stop kazaz-feeds

step "sandbox check: ok"
