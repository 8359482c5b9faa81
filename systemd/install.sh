#!/usr/bin/env bash
# Installs kazaz-monitor as a systemd service, or removes it.
#
#   systemd/install.sh [install]             build a release binary, then install everything
#   systemd/install.sh build                 only build the release binary (no root needed)
#   systemd/install.sh install --binary FILE install a binary built elsewhere (no toolchain needed)
#   systemd/install.sh paths                 after changing state_dir or digest.directory in the
#                                            config: let the service write there (see below)
#   systemd/install.sh uninstall [--purge]   remove binary, shipped profile and units; --purge
#                                            also removes the config and override, the state
#                                            (store, digests), the user and the group
#
# Installs /usr/local/bin/kazaz-monitor; the shipped classifier profile
# /usr/local/share/kazaz-monitor/profiles/kazaz.yaml, replaced on every install, where the binary
# finds it without configuration; /etc/kazaz-monitor/config.yaml (from
# config/kazaz-monitor.example.yaml) and /etc/kazaz-monitor/profile.override.yaml (the operator's
# changes to the profile, from config/profile.override.example.yaml), each only when absent (an
# existing config or override is never overwritten); the units kazaz-monitor.service,
# kazaz-monitor-once.service and kazaz-monitor-once.timer in /etc/systemd/system; the system
# group kazaz-operators, whose members may use the control socket and read the state directory
# (digests, and the store for search and status); and the system user kazaz-monitor the service
# runs as (no login, no home of its own, primary group kazaz-operators). It does not start
# anything: `systemctl enable --now kazaz-monitor` does.
#
# The units' sandbox (ProtectSystem=strict) lets the service write only its state directory
# /var/lib/kazaz-monitor. When the installed config puts state_dir or digest.directory elsewhere,
# install (and `paths`, run after such a change) creates each such folder when missing (owner
# kazaz-monitor, group kazaz-operators, mode 0750) and writes the drop-in
# /etc/systemd/system/kazaz-monitor{,-once}.service.d/writable-paths.conf with ReadWritePaths= for
# them; with no such folder the drop-ins are removed. The paths are read from the config by the
# installed binary (`kazaz-monitor config`), with the daemon's own loader.
#
# An older install copied the profile to /etc/kazaz-monitor/profiles/kazaz.yaml, and its config
# names it (profile: profiles/kazaz.yaml). It is left alone and still used while the config names
# it, but upgrades then never reach the classifier: install says so and suggests moving the
# changes made to it into profile.override.yaml and removing the profile: line (docs/profile.md).
#
# With DESTDIR set, install and paths write under it (packaging, tests): no root needed, and no
# user, group or systemctl.
#
# The binary is built with `swift build -c release --static-swift-stdlib` (the host then needs
# only libcurl4, libsqlite3-0 and libxml2). SCRATCH_PATH chooses the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=/usr/local/bin/kazaz-monitor
SHARE=/usr/local/share/kazaz-monitor
ETC=/etc/kazaz-monitor
UNITS=/etc/systemd/system
UNIT_FILES=(kazaz-monitor.service kazaz-monitor-once.service kazaz-monitor-once.timer)
SERVICES=(kazaz-monitor.service kazaz-monitor-once.service)
DROPIN=writable-paths.conf
# install and paths read and write under $DESTDIR when it is set (packaging, tests).
PREFIX=${DESTDIR:-}
GROUP=kazaz-operators
USER_NAME=kazaz-monitor
STATE=/var/lib/kazaz-monitor
SCRATCH_PATH=${SCRATCH_PATH:-.build}

say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 $*)"; }
have_systemd() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }

build() {
  bash .ci/setup
  swift build -c release --static-swift-stdlib --product kazaz-monitor --scratch-path "$SCRATCH_PATH"
  built="$SCRATCH_PATH/release/kazaz-monitor"
  say "built $built"
}

# install_once SRC DEST: installs SRC unless DEST exists; a differing SRC goes beside it as .dist.
install_once() {
  if [ ! -e "$2" ]; then
    install -m 0644 "$1" "$2"
    say "installed $2"
  elif cmp -s "$1" "$2"; then
    say "kept $2 (unchanged)"
  else
    install -m 0644 "$1" "$2.dist"
    say "kept your $2; the shipped version is $2.dist"
  fi
}

# install_replace SRC DEST: installs SRC as DEST, replacing it (a new name renamed over it, so a
# reader sees the old file or the new one).
install_replace() {
  install -d -m 0755 "$(dirname "$2")"
  install -m 0644 "$1" "$2.new"
  mv -f "$2.new" "$2"
  say "installed $2"
}

# check_old_profile: an older install's /etc copy of the profile, and whether the config uses it.
check_old_profile() {
  local old="$PREFIX$ETC/profiles/kazaz.yaml" used
  [ -e "$old" ] || return 0
  used=$("$PREFIX$BIN" config --config "$PREFIX$ETC/config.yaml" 2>/dev/null \
    | sed -n 's/^profile=//p') || true
  if [ "$used" = "$old" ]; then
    say "warning: $PREFIX$ETC/config.yaml names $old, an older install's copy of the profile:"
    say "  it is still used, so the profile shipped in $PREFIX$SHARE/profiles (kept current by"
    say "  every upgrade) is not. Move the changes you made to it into"
    say "  $PREFIX$ETC/profile.override.yaml (see docs/profile.md; diff it against the shipped"
    say "  profile), then delete the 'profile:' line from the config and reload the service."
    if cmp -s "$old" "$PREFIX$SHARE/profiles/kazaz.yaml"; then
      say "  (it is identical to the shipped profile: just delete the 'profile:' line)"
    fi
  else
    say "note: $old is no longer used (the config does not name it); remove it once any"
    say "  changes you made to it are in $PREFIX$ETC/profile.override.yaml"
  fi
}

install_files() {
  local binary=$1
  [ -x "$binary" ] || die "no executable binary at $binary"
  install -D -m 0755 "$binary" "$PREFIX$BIN.new"
  mv -f "$PREFIX$BIN.new" "$PREFIX$BIN"
  say "installed $PREFIX$BIN"
  install_replace config/profiles/kazaz.yaml "$PREFIX$SHARE/profiles/kazaz.yaml"
  install -d -m 0755 "$PREFIX$ETC"
  install_once config/kazaz-monitor.example.yaml "$PREFIX$ETC/config.yaml"
  install_once config/profile.override.example.yaml "$PREFIX$ETC/profile.override.yaml"
  check_old_profile
  if [ -n "$PREFIX" ]; then
    install -d -m 0755 "$PREFIX$UNITS"
    for unit in "${UNIT_FILES[@]}"; do install -m 0644 "systemd/$unit" "$PREFIX$UNITS/$unit"; done
    say "installed the units in $PREFIX$UNITS (DESTDIR: no user, group or systemctl)"
    return 0
  fi
  if getent group "$GROUP" >/dev/null; then
    say "group $GROUP exists"
  else
    groupadd --system "$GROUP"
    say "created group $GROUP"
  fi
  if getent passwd "$USER_NAME" >/dev/null; then
    say "user $USER_NAME exists"
  else
    useradd --system --gid "$GROUP" --no-create-home --home-dir "$STATE" \
      --shell /usr/sbin/nologin --comment "kazaz-monitor news monitor" "$USER_NAME"
    say "created system user $USER_NAME"
  fi
  for unit in "${UNIT_FILES[@]}"; do
    install -m 0644 "systemd/$unit" "$UNITS/$unit"
    say "installed $UNITS/$unit"
  done
  write_dropins
  if have_systemd; then systemctl daemon-reload; fi
  say "done. Start it with: systemctl enable --now kazaz-monitor"
  say "let a user run refresh/status/search and read the digests: usermod -aG $GROUP USER"
  say "(then log in again)"
}

# writable_paths: the folders of the installed config the service must write, outside its
# state directory, one per line.
writable_paths() {
  local listing key value dir
  listing=$("$PREFIX$BIN" config --config "$PREFIX$ETC/config.yaml") \
    || die "$PREFIX$ETC/config.yaml does not load (above); fix it, then run: $0 paths"
  while IFS='=' read -r key value; do
    case "$key" in state_dir | digest_directory) ;; *) continue ;; esac
    dir=$(realpath -m -- "$value")
    # systemd reads ReadWritePaths= as a space-separated list: keep to plain path characters.
    [[ "$dir" =~ ^/[A-Za-z0-9._@+:,/-]*$ ]] \
      || die "$key $value: only letters, digits and ._@+:,/- are supported in this path"
    case "$dir/" in "$STATE/"*) continue ;; esac
    case "$dir" in
      / | /bin | /boot | /dev | /etc | /lib* | /proc | /run | /sbin | /sys | /usr | /var | /var/lib)
        die "$key $dir: refusing to make a system folder writable for the service" ;;
      /home | /home/* | /root | /root/*)
        die "$key $dir: the units' ProtectHome=yes hides home folders from the service" ;;
    esac
    printf '%s\n' "$dir"
  done <<<"$listing" | sort -u
}

# write_dropins: lets the service write the config's folders outside its state directory.
write_dropins() {
  local dirs dir unit folder
  dirs=$(writable_paths)
  for dir in $dirs; do
    if [ ! -d "$PREFIX$dir" ]; then
      install -d -o "$USER_NAME" -g "$GROUP" -m 0750 "$PREFIX$dir"
      say "created $PREFIX$dir ($USER_NAME:$GROUP 0750)"
    elif [ -z "$PREFIX" ] && ! runuser -u "$USER_NAME" -- test -w "$dir" 2>/dev/null; then
      say "warning: $USER_NAME cannot write $dir ($(stat -c '%U:%G %a' "$dir")):" \
        "chown $USER_NAME:$GROUP $dir && chmod 0750 $dir"
    else
      say "kept $PREFIX$dir ($(stat -c '%U:%G %a' "$PREFIX$dir"))"
    fi
  done
  for unit in "${SERVICES[@]}"; do
    folder="$PREFIX$UNITS/$unit.d"
    if [ -z "$dirs" ]; then
      if [ -e "$folder/$DROPIN" ]; then
        rm -f "$folder/$DROPIN"
        rmdir "$folder" 2>/dev/null || true
        say "removed $folder/$DROPIN (every folder is in $STATE)"
      fi
      continue
    fi
    install -d -m 0755 "$folder"
    {
      echo "# Written by systemd/install.sh from $ETC/config.yaml: the folders outside the state"
      echo "# directory that the service writes. Run systemd/install.sh paths after changing them."
      echo "[Service]"
      echo "ReadWritePaths=$(echo $dirs)"
    } >"$folder/$DROPIN.tmp"
    chmod 0644 "$folder/$DROPIN.tmp"
    mv "$folder/$DROPIN.tmp" "$folder/$DROPIN"
    say "installed $folder/$DROPIN (ReadWritePaths=$(echo $dirs))"
  done
}

uninstall() {
  local purge=$1
  if have_systemd; then
    systemctl disable --now kazaz-monitor.service kazaz-monitor-once.timer 2>/dev/null || true
    systemctl stop kazaz-monitor-once.service 2>/dev/null || true
  fi
  for unit in "${UNIT_FILES[@]}"; do rm -f "$UNITS/$unit"; done
  for unit in "${SERVICES[@]}"; do
    rm -f "$UNITS/$unit.d/$DROPIN"
    rmdir "$UNITS/$unit.d" 2>/dev/null || true
  done
  if have_systemd; then systemctl daemon-reload; fi
  rm -f "$BIN"
  rm -rf "$SHARE"
  say "removed $BIN, the shipped profile in $SHARE and the units"
  if [ "$purge" = yes ]; then
    rm -rf "$ETC" "$STATE" /var/lib/private/kazaz-monitor
    if getent passwd "$USER_NAME" >/dev/null; then userdel "$USER_NAME"; fi
    if getent group "$GROUP" >/dev/null; then groupdel "$GROUP"; fi
    say "purged $ETC, the state in $STATE, the user $USER_NAME and the group $GROUP"
  else
    say "kept $ETC and /var/lib/kazaz-monitor (remove them with: $0 uninstall --purge)"
  fi
}

command=${1:-install}
[ $# -gt 0 ] && shift
case "$command" in
  build)
    build
    ;;
  install)
    binary=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --binary) binary=${2:?--binary needs a file}; shift 2 ;;
        *) die "unknown option $1" ;;
      esac
    done
    [ -n "$PREFIX" ] || need_root install
    if [ -z "$binary" ]; then build; binary=$built; fi
    install_files "$binary"
    ;;
  paths)
    need_root paths
    [ -x "$PREFIX$BIN" ] || die "$PREFIX$BIN is not installed; run $0 install first"
    write_dropins
    if [ -z "$PREFIX" ] && have_systemd; then
      systemctl daemon-reload
      say "restart the service to apply: systemctl restart kazaz-monitor"
    fi
    ;;
  uninstall)
    purge=no
    [ "${1:-}" = --purge ] && purge=yes
    need_root uninstall
    uninstall "$purge"
    ;;
  *)
    die "usage: $0 [build | install [--binary FILE] | paths | uninstall [--purge]]"
    ;;
esac
