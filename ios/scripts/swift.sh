#!/usr/bin/env bash
# Run the Swift toolchain: ios/scripts/swift.sh ARGS...  (same arguments as `swift`)
#
#   ios/scripts/swift.sh test --package-path ios
#   ios/scripts/swift.sh build --package-path ios -c release
#
# * If a native `swift` is on PATH (macOS, Linux with Swift installed) and
#   PASSKEY_READY_SWIFT_CHROOT is not 1, this is just `exec swift "$@"`.
# * Otherwise (Linux, root) it bootstraps once a Debian trixie chroot holding
#   Debian's Swift 6 (`swiftlang`) and runs `swift "$@"` inside it, in the
#   same working directory.
#
# Environment:
#   PASSKEY_READY_SWIFT_CHROOT=1     use the chroot even if a native swift exists
#   PASSKEY_READY_SWIFT_ROOT=DIR     chroot location (default
#                                    /var/cache/passkey-ready/swift-trixie);
#                                    must be outside the repository
#   PASSKEY_READY_SWIFT_BIND=A:B     extra host directories to make visible in
#                                    the chroot at the same path (e.g. a cargo
#                                    target dir outside the repo, a -L dir)
#   PASSKEY_READY_SWIFT_ENV="X Y"    extra environment variables to pass in
#                                    (LD_LIBRARY_PATH is always passed)
#   PASSKEY_READY_DEBIAN_MIRROR=URL  Debian mirror for the bootstrap (default:
#                                    the one the host's apt uses)
#
# What is visible inside the chroot (each at the same absolute path as on the
# host): the git top-level of the current directory (or the current directory
# if it is not in a git work tree), every directory given to
# --package-path/--scratch-path/--build-path/--cache-path/--config-path/
# --security-path/--swift-sdks-path/--chdir/-C, and every PASSKEY_READY_SWIFT_BIND
# entry; plus /proc and /dev. Nothing else of the host is.

set -euo pipefail

# ---- 1. native toolchain -------------------------------------------------
# (Kept first and free of bash-4 syntax so it works with macOS's bash 3.2.)
if [ "${PASSKEY_READY_SWIFT_CHROOT:-0}" != 1 ] && command -v swift >/dev/null 2>&1; then
  exec swift "$@"
fi

# ---- 2. Debian trixie chroot ---------------------------------------------
SUITE=trixie
# Debian's Swift 6 package, the C headers Swift's Glibc module imports
# (libc6-dev also comes with swiftlang's gcc dependency) and the C++ headers
# that only C++ interop (`import CxxStdlib`, C++ targets) needs.
PACKAGES="swiftlang libc6-dev libstdc++-14-dev"
ROOT=${PASSKEY_READY_SWIFT_ROOT:-/var/cache/passkey-ready/swift-trixie}
ROOT=${ROOT%/}
LOCK="$ROOT.lock"
LOG="$ROOT.bootstrap.log"
STAMP_BASE="$ROOT/.passkey-ready-debootstrap.done"
STAMP_PKGS="$ROOT/.passkey-ready-packages.done"
# HOME inside the chroot: chroot-private (never a bind target), so SwiftPM's
# caches and the clang/swift module caches get an absolute, writable path.
CHROOT_HOME=/var/lib/passkey-ready-swift/home

say() { printf 'swift: %s\n' "$*" >&2; }
die() { printf 'swift: error: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || die "no native swift on PATH and the chroot fallback needs Linux"
[ "$(id -u)" = 0 ] || die "no native swift on PATH; the chroot fallback needs root (debootstrap, mount, chroot): re-run as root"
case "$ROOT" in
  /?*) ;;
  *) die "PASSKEY_READY_SWIFT_ROOT must be an absolute path other than / (got '$ROOT')" ;;
esac

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo_top=$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$repo_top" ]; then
  case "$ROOT/" in
    "$repo_top"/*) die "PASSKEY_READY_SWIFT_ROOT ($ROOT) must be outside the repository ($repo_top)" ;;
  esac
fi

# Run "$@" in the chroot from a private mount namespace (why: see section 3).
# $1 = newline-separated host directories to bind at the same path.
chroot_exec() {
  local binds=$1
  shift
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  exec unshare --mount --propagation private -- /bin/bash -c '
    set -euo pipefail
    root=$1 binds=$2
    shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    while IFS= read -r d; do
      [ -n "$d" ] || continue
      mkdir -p "$root$d"
      mount --rbind "$d" "$root$d"
    done <<<"$binds"
    exec chroot "$root" "$@"
  ' passkey-ready-swift "$ROOT" "$binds" "$@"
}

# Candidate Debian mirrors, in the order the host's apt lists them (security
# archives excluded): deb822 *.sources first, then one-line *.list files.
host_mirrors() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && enabled != "no" && suites !~ /security/)
          for (i = 1; i <= n; i++) print uris[i]
        types = ""; suites = ""; enabled = ""; n = 0
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        key = tolower($1); sub(/:$/, "", key)
        val = $0; sub(/^[^:]*:[ \t]*/, "", val)
        if (key == "types") types = val
        else if (key == "suites") suites = val
        else if (key == "enabled") enabled = tolower(val)
        else if (key == "uris") n = split(val, uris, /[ \t]+/)
      }
      END { flush() }
    ' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # deb [opts] URI SUITE COMPONENTS...
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" |
      awk '$1 == "deb" && $3 !~ /security/ { print $2 }'
  done
}

pick_mirror() {
  if [ -n "${PASSKEY_READY_DEBIAN_MIRROR:-}" ]; then
    echo "${PASSKEY_READY_DEBIAN_MIRROR%/}"
    return
  fi
  local m
  while IFS= read -r m; do
    m=${m%/}
    case "$m" in http://* | https://* | file://*) ;; *) continue ;; esac
    # Only a Debian archive that actually carries the suite will do (an Ubuntu
    # host's mirror or a third-party repository will not).
    if wget -q --spider --tries=2 --timeout=30 "$m/dists/$SUITE/Release"; then
      echo "$m"
      return
    fi
  done < <(host_mirrors | awk '!seen[$0]++')
  # Debian's official redirector, used when the host's apt has no Debian
  # archive (e.g. an Ubuntu host).
  echo "http://deb.debian.org/debian"
}

host_apt_install() {
  say "installing $* on the host (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y "$@" >>"$LOG" 2>&1; then
    apt-get update >>"$LOG" 2>&1 || true
    apt-get install -y "$@" >>"$LOG" 2>&1 || fail_bootstrap "apt-get install $* on the host failed"
  fi
}

fail_bootstrap() {
  say "last lines of $LOG:"
  tail -n 40 "$LOG" >&2 || true
  die "$1 (full log: $LOG)"
}

bootstrap() {
  : >"$LOG"
  local t0=$SECONDS
  say "bootstrapping Debian $SUITE chroot at $ROOT (first run only, ~3 GB)…"

  if [ ! -f "$STAMP_BASE" ]; then
    command -v debootstrap >/dev/null 2>&1 || host_apt_install debootstrap
    command -v wget >/dev/null 2>&1 || host_apt_install wget
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    [ -f "$keyring" ] || host_apt_install debian-archive-keyring
    local mirror script=()
    mirror=$(pick_mirror)
    # An older debootstrap may not know the suite by name yet; trixie is
    # bootstrapped exactly like sid.
    if [ ! -e "/usr/share/debootstrap/scripts/$SUITE" ] && [ -e /usr/share/debootstrap/scripts/sid ]; then
      script=(/usr/share/debootstrap/scripts/sid)
    fi
    if [ -e "$ROOT" ]; then
      say "removing the unfinished chroot left by an interrupted bootstrap"
      rm -rf --one-file-system "$ROOT"
    fi
    mkdir -p "$ROOT"
    say "step 1/2: debootstrap --variant=minbase $SUITE from $mirror (log: $LOG)"
    debootstrap --variant=minbase --keyring="$keyring" "$SUITE" "$ROOT" "$mirror" "${script[@]}" \
      >>"$LOG" 2>&1 || fail_bootstrap "debootstrap failed"
    touch "$STAMP_BASE"
  fi

  say "step 2/2: apt-get install $PACKAGES in the chroot (log: $LOG)"
  # No daemons may start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
  chmod 755 "$ROOT/usr/sbin/policy-rc.d"
  # shellcheck disable=SC2086 # $PACKAGES is a word list
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  (chroot_exec "" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 /bin/sh -c '
      set -e
      dpkg --configure -a
      apt-get update
      apt-get install -y --no-install-recommends "$@"
      apt-get clean
    ' sh $PACKAGES) >>"$LOG" 2>&1 || fail_bootstrap "installing $PACKAGES in the chroot failed"
  mkdir -p "$ROOT$CHROOT_HOME"
  echo "$PACKAGES" >"$STAMP_PKGS"
  say "bootstrap done in $((SECONDS - t0)) s ($(du -sh --one-file-system "$ROOT" 2>/dev/null | cut -f1))"
}

bootstrapped() {
  [ -f "$STAMP_BASE" ] && [ -f "$STAMP_PKGS" ] && [ "$(cat "$STAMP_PKGS")" = "$PACKAGES" ]
}

# Locking: every run holds a shared flock on $LOCK for its whole life (fd 9
# stays open through the exec below, so swift itself keeps holding it); a
# bootstrap needs the exclusive lock. So two first runs never bootstrap
# together (the second waits and then finds the stamps), and a re-bootstrap
# never pulls the chroot from under a running swift.
mkdir -p "$(dirname "$ROOT")"
exec 9>>"$LOCK"
flock -s 9
if ! bootstrapped; then
  flock -u 9
  flock -x 9
  bootstrapped || bootstrap
  flock -s 9
fi

# ---- 3. run swift in the chroot ------------------------------------------
# Mounts: they are made in a private mount namespace (unshare --mount
# --propagation private) that exists only as long as this swift process and
# its children. The kernel drops every mount in it when the last of them
# exits, however they exit (even SIGKILL), so no unmount trap is needed and
# nothing is left behind on the host; and since each run has its own
# namespace, concurrent runs can never unmount each other's /proc or binds, so
# no reference counting is needed either. The host mount table is never
# touched (mkdir of empty mount points inside $ROOT is the only trace).

forbidden_bind() { # system directories that must come from the chroot
  case "$1" in
    / | /proc | /proc/* | /sys | /sys/* | /dev | /dev/* | /run | /run/* | \
      /usr | /usr/* | /bin | /bin/* | /sbin | /sbin/* | /lib | /lib/* | /lib32 | /lib32/* | \
      /lib64 | /lib64/* | /libx32 | /libx32/* | /etc | /etc/* | /boot | /boot/*)
      return 0 ;;
  esac
  case "$1/" in "$ROOT"/*) return 0 ;; esac
  return 1
}

cwd=$(pwd -P)
bind_list=()
add_bind() { # DIR (absolute or relative to cwd) [strict|create|optional]
  local d=$1 mode=${2:-strict}
  case "$d" in /*) ;; *) d="$cwd/$d" ;; esac
  if [ "$mode" = create ]; then mkdir -p "$d" 2>/dev/null || true; fi
  if [ ! -d "$d" ]; then
    # optional: a command-line path that does not exist; swift will say so.
    [ "$mode" = optional ] && return 0
    die "cannot make '$1' visible in the chroot: not a directory"
  fi
  d=$(cd "$d" && pwd -P)
  forbidden_bind "$d" && die "refusing to bind-mount '$d' into the chroot (it is a system directory or the chroot itself)"
  bind_list+=("$d")
}

top=$(git -C "$cwd" rev-parse --show-toplevel 2>/dev/null || true)
run_dir=$cwd
if forbidden_bind "${top:-$cwd}"; then
  # e.g. run from / or /usr/...: nothing of it is bound; swift starts in /.
  say "warning: $cwd is not made visible in the chroot; running swift from /"
  run_dir=/
else
  add_bind "${top:-$cwd}"
fi
# A package outside the work tree (e.g. `--package-path /tmp/pkg`) and
# build/cache dirs given on the command line must be visible too.
want_path=""
for a in "$@"; do
  if [ -n "$want_path" ]; then
    add_bind "$a" "$want_path"
    want_path=""
    continue
  fi
  case "$a" in
    # Existing inputs.
    --package-path | --chdir | -C) want_path=optional ;;
    --package-path=* | --chdir=*) add_bind "${a#*=}" optional ;;
    # Outputs/state SwiftPM would create anyway: created on the host first.
    --scratch-path | --build-path | --cache-path | --config-path | --security-path | --swift-sdks-path)
      want_path=create ;;
    --scratch-path=* | --build-path=* | --cache-path=* | --config-path=* | --security-path=* | --swift-sdks-path=*)
      add_bind "${a#*=}" create ;;
    --) break ;; # what follows is for the program being run
  esac
done
if [ -n "${PASSKEY_READY_SWIFT_BIND:-}" ]; then
  IFS=: read -r -a extra <<<"$PASSKEY_READY_SWIFT_BIND"
  for d in "${extra[@]}"; do
    [ -n "$d" ] && add_bind "$d"
  done
fi

# Parents before children, and drop what an ancestor's (recursive) bind
# already covers.
binds=""
while IFS= read -r d; do
  covered=0
  while IFS= read -r b; do
    [ -n "$b" ] || continue
    case "$d/" in "$b"/*) covered=1 ;; esac
  done <<<"$binds"
  if [ "$covered" = 0 ]; then
    # The mount point must not cross a symlink inside the chroot (/var/run,
    # /lib, …), or mkdir/mount would follow it out of the chroot.
    p=$ROOT
    IFS=/ read -r -a parts <<<"${d#/}"
    for c in "${parts[@]}"; do
      p="$p/$c"
      [ -L "$p" ] && die "cannot bind '$d' into the chroot: '${p#"$ROOT"}' is a symlink there"
    done
    binds+="$d"$'\n'
  fi
done < <(printf '%s\n' "${bind_list[@]}" | awk '{ print length($0) "\t" $0 }' | sort -n -k1,1 -s | cut -f2- | awk '!seen[$0]++')

envs=(
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  HOME="$CHROOT_HOME"
  TMPDIR=/tmp
  LANG=C.UTF-8
)
[ -n "${TERM:-}" ] && envs+=(TERM="$TERM")
[ -n "${LD_LIBRARY_PATH:-}" ] && envs+=(LD_LIBRARY_PATH="$LD_LIBRARY_PATH")
for name in ${PASSKEY_READY_SWIFT_ENV:-}; do
  [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "PASSKEY_READY_SWIFT_ENV: '$name' is not a variable name"
  [ -n "${!name+x}" ] && envs+=("$name=${!name}")
done

mkdir -p "$ROOT$CHROOT_HOME"
# swift-driver leaves a few TemporaryDirectory.* (tiny dummy inputs) in /tmp on
# every run; drop the ones older than a day (never a live run's) so the
# chroot's /tmp does not grow without bound.
find "$ROOT/tmp" -xdev -mindepth 1 -maxdepth 1 -type d -name 'TemporaryDirectory.*' -mmin +1440 \
  -exec rm -rf --one-file-system {} + 2>/dev/null || true
# swift's exit status is this script's: chroot_exec execs all the way down
# (unshare → bash → chroot → env → swift are one process).
chroot_exec "$binds" /usr/bin/env -i --chdir="$run_dir" "${envs[@]}" swift "$@"
