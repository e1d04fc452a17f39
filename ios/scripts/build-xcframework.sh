#!/usr/bin/env bash
# Build PasskeyReadyFFIC.xcframework: the native library for Apple platforms, which replaces
# the PasskeyReadyFFIC C target of ios/Package.swift (see docs/ios.md, "Releasing").
#
#   ios/scripts/build-xcframework.sh [--no-macos]
#
# Runs on a Mac with Xcode and rustup. It cannot run on Linux (no Apple SDK, no xcodebuild).
#
# 1. `cargo build --release` of the static library for iOS devices (aarch64-apple-ios), the
#    iOS simulator (aarch64-apple-ios-sim, x86_64-apple-ios) and, unless --no-macos, macOS
#    (aarch64-apple-darwin, x86_64-apple-darwin: for `swift test` and SwiftUI previews on a
#    Mac), with the deployment targets of Package.swift;
# 2. `cargo xtask bindings-shipped`: the Swift bindings, header and module map, generated from the
#    unstripped host build (uniffi-bindgen reads the library's metadata symbols) into
#    ios/Sources/PasskeyReadyFFI and ios/Sources/PasskeyReadyFFIC/include;
# 3. `lipo` the simulator and macOS architectures together, then `xcodebuild
#    -create-xcframework` → ios/PasskeyReadyFFIC.xcframework (Package.swift then uses it:
#    a binary target instead of the C target);
# 4. a zip for a release and its SwiftPM checksum → ios/dist/.
#
# Environment: IPHONEOS_DEPLOYMENT_TARGET (default 15.0) and MACOSX_DEPLOYMENT_TARGET
# (default 12.0) must match `platforms:` in Package.swift; CARGO_TARGET_DIR is honoured.

set -euo pipefail

with_macos=1
for arg in "$@"; do
  case "$arg" in
    --no-macos) with_macos=0 ;;
    -h | --help)
      sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-xcframework: unknown argument '$arg' (see --help)" >&2
      exit 2
      ;;
  esac
done

die() {
  printf 'build-xcframework: error: %s\n' "$*" >&2
  exit 1
}
say() { printf 'build-xcframework: %s\n' "$*" >&2; }

[ "$(uname -s)" = Darwin ] || die "this needs macOS with Xcode (xcodebuild, lipo, the Apple SDKs)"
for tool in cargo rustup xcodebuild lipo ditto swift; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH"
done

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ios_dir=$(dirname "$script_dir")
repo=$(dirname "$ios_dir")
cd "$repo"

export IPHONEOS_DEPLOYMENT_TARGET=${IPHONEOS_DEPLOYMENT_TARGET:-15.0}
export MACOSX_DEPLOYMENT_TARGET=${MACOSX_DEPLOYMENT_TARGET:-12.0}
target_dir=${CARGO_TARGET_DIR:-$repo/target}
library=libpasskey_ready_ffi.a
name=PasskeyReadyFFIC

device=(aarch64-apple-ios)
simulator=(aarch64-apple-ios-sim x86_64-apple-ios)
macos=(aarch64-apple-darwin x86_64-apple-darwin)
targets=("${device[@]}" "${simulator[@]}")
[ "$with_macos" = 1 ] && targets+=("${macos[@]}")

installed=$(rustup target list --installed)
missing=()
for t in "${targets[@]}"; do
  grep -qx "$t" <<<"$installed" || missing+=("$t")
done
[ "${#missing[@]}" = 0 ] || die "missing Rust targets; run: rustup target add ${missing[*]}"

# 1. The static library, once per target.
for t in "${targets[@]}"; do
  say "cargo build --release --target $t"
  cargo build --release --locked -p passkey-ready-ffi --lib --target "$t"
done

# 2. Bindings, header and module map (from the host's unstripped debug build).
say "cargo xtask bindings-shipped"
cargo xtask bindings-shipped
headers_src=$ios_dir/Sources/$name/include
for f in "$name.h" module.modulemap; do
  [ -f "$headers_src/$f" ] || die "$headers_src/$f was not generated"
done

# 3. One library per platform, then the xcframework.
work=$(mktemp -d "${TMPDIR:-/tmp}/passkey-ready-xcframework.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/headers"
cp "$headers_src/$name.h" "$headers_src/module.modulemap" "$work/headers/"

fat() { # OUT_DIR TARGET...
  local out=$1
  shift
  local inputs=()
  for t in "$@"; do
    inputs+=("$target_dir/$t/release/$library")
  done
  mkdir -p "$out"
  lipo -create "${inputs[@]}" -output "$out/$library"
}

fat "$work/ios" "${device[@]}"
fat "$work/ios-simulator" "${simulator[@]}"
args=(-library "$work/ios/$library" -headers "$work/headers"
  -library "$work/ios-simulator/$library" -headers "$work/headers")
if [ "$with_macos" = 1 ]; then
  fat "$work/macos" "${macos[@]}"
  args+=(-library "$work/macos/$library" -headers "$work/headers")
fi

out=$ios_dir/$name.xcframework
rm -rf "$out"
say "xcodebuild -create-xcframework → ${out#"$repo"/}"
xcodebuild -create-xcframework "${args[@]}" -output "$out" >/dev/null

# 4. The release archive and the checksum a `.binaryTarget(url:checksum:)` needs.
mkdir -p "$ios_dir/dist"
zip=$ios_dir/dist/$name.xcframework.zip
rm -f "$zip"
ditto -c -k --sequesterRsrc --keepParent "$out" "$zip"
checksum=$(swift package compute-checksum "$zip")
say "done: ${out#"$repo"/}"
say "release archive: ${zip#"$repo"/}"
say "checksum: $checksum"
