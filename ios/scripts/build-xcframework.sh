#!/usr/bin/env bash
# The Mac part of an iOS release (see docs/ios.md, "Releasing"). The XCFramework itself is
# built the same way everywhere, Linux CI included, by `cargo xtask ios-release`; this script
# runs it, then does what only a Mac can: compare the layout with xcodebuild's, sign, zip.
#
#   ios/scripts/build-xcframework.sh [--sign IDENTITY] [--base-url URL]
#
# 1. `cargo xtask ios-release [--base-url URL]`: the slices ios-arm64,
#    ios-arm64_x86_64-simulator and ios-arm64_x86_64-maccatalyst (nightly -Zbuild-std for the
#    simulator and Catalyst targets, as in CI), every check, and under target/ios-release/:
#    PasskeyReadyFFIC.xcframework (headers in Headers/PasskeyReadyFFIC/), dist/ with the
#    reproducible zip, its checksum and the symbols zip, package/ with the release Package.swift;
# 2. `xcodebuild -create-xcframework` from the same slice libraries and headers, and a diff of
#    its Info.plist and file list against the xtask's (the order of AvailableLibraries aside);
# 3. with --sign: `codesign --timestamp` of the XCFramework with IDENTITY (an "Apple
#    Distribution" or "Developer ID Application" certificate in the keychain), `ditto` zip,
#    `swift package compute-checksum`, and that checksum written into package/Package.swift.
#    A signed zip is not reproducible (the signature has a timestamp): publish the checksum the
#    script prints.
#
# Environment: CARGO_TARGET_DIR is honoured; PASSKEY_READY_IOS_BASE_URL as --base-url.

set -euo pipefail

identity=
base_url=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sign)
      identity=${2:?--sign needs an identity}
      shift 2
      ;;
    --base-url)
      base_url=(--base-url "${2:?--base-url needs a URL}")
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-xcframework: unknown argument '$1' (see --help)" >&2
      exit 2
      ;;
  esac
done

die() {
  printf 'build-xcframework: error: %s\n' "$*" >&2
  exit 1
}
say() { printf 'build-xcframework: %s\n' "$*" >&2; }

[ "$(uname -s)" = Darwin ] || die "this needs macOS with Xcode; on Linux run: cargo xtask ios-release"
for tool in cargo rustup xcodebuild codesign ditto swift plutil; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH"
done

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(dirname "$(dirname "$script_dir")")
cd "$repo"
target_dir=${CARGO_TARGET_DIR:-$repo/target}
release=$target_dir/ios-release
name=PasskeyReadyFFIC
xcframework=$release/$name.xcframework
library=libpasskey_ready_ffi.a

# 1. Build and check.
say "cargo xtask ios-release ${base_url[*]}"
cargo xtask ios-release "${base_url[@]}"

# 2. The same slices through xcodebuild: the layout must be the one Xcode makes.
work=$(mktemp -d "${TMPDIR:-/tmp}/passkey-ready-xcframework.XXXXXX")
trap 'rm -rf "$work"' EXIT
args=()
for slice in "$xcframework"/*/; do
  args+=(-library "$slice$library" -headers "${slice}Headers")
done
xcodebuild -create-xcframework "${args[@]}" -output "$work/$name.xcframework" >/dev/null
list() { (cd "$1" && find . -type f | sort); }
diff <(list "$xcframework") <(list "$work/$name.xcframework") ||
  die "xcodebuild lays the XCFramework out differently (above: ours <, xcodebuild's >)"
libraries() { # the AvailableLibraries entries as sorted JSON lines
  plutil -extract AvailableLibraries json -o - "$1/Info.plist" |
    python3 -c 'import json,sys; [print(json.dumps(l, sort_keys=True)) for l in sorted(json.load(sys.stdin), key=lambda l: l["LibraryIdentifier"])]'
}
diff <(libraries "$xcframework") <(libraries "$work/$name.xcframework") ||
  die "xcodebuild writes a different Info.plist (above: ours <, xcodebuild's >)"
say "xcodebuild -create-xcframework gives the same files and Info.plist"

# 3. Sign, zip, checksum.
if [ -z "$identity" ]; then
  say "unsigned: $release/dist/$name.xcframework.zip, checksum $(cat "$release/dist/$name.xcframework.zip.sha256")"
  exit 0
fi
codesign --timestamp --sign "$identity" "$xcframework"
codesign --verify --verbose "$xcframework"
signed=$release/dist/$name.xcframework.zip
rm -f "$signed"
ditto -c -k --sequesterRsrc --keepParent "$xcframework" "$signed"
checksum=$(swift package compute-checksum "$signed")
echo "$checksum" >"$signed.sha256"
old=$(grep -o 'checksum: "[0-9a-f]*"' "$release/package/Package.swift")
sed -i '' "s/$old/checksum: \"$checksum\"/" "$release/package/Package.swift"
say "signed: $signed"
say "checksum: $checksum (written into $release/package/Package.swift)"
