#!/usr/bin/env bash
# Type-checks the help screen's SwiftUI view on Linux against a stub SwiftUI (see Package.swift
# here): ios/Tests/ViewCheck/check.sh, after `cargo xtask swift` (or `cargo xtask bindings`)
# generated the bindings. Builds in a temporary copy: the package's own sources plus the view
# with its `os(iOS)` condition lifted. PasskeyHelpViewController.swift (UIKit, `@objc`) is left
# out: Linux has no Objective-C runtime. Exit status 0 when everything type-checks.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ios=$(cd "$here/../.." && pwd)
[ -f "$ios/Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift" ] \
  || { echo "view-check: no generated bindings; run cargo xtask swift first" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/passkey-ready-view-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/PasskeyReady"
cp "$here/Package.swift" "$work/"
cp -R "$here/Sources/Combine" "$here/Sources/SwiftUI" "$work/Sources/"
cp -R "$ios/Sources/PasskeyReadyFFIC" "$ios/Sources/PasskeyReadyFFI" "$work/Sources/"
for file in "$ios"/Sources/PasskeyReady/*.swift; do
  name=$(basename "$file")
  [ "$name" = PasskeyHelpViewController.swift ] && continue
  sed 's/^#if canImport(SwiftUI) && os(iOS)$/#if canImport(SwiftUI)/' "$file" > "$work/Sources/PasskeyReady/$name"
done
grep -q '^#if canImport(SwiftUI)$' "$work/Sources/PasskeyReady/PasskeyHelpView.swift" \
  || { echo "view-check: PasskeyHelpView.swift's #if line changed; update check.sh" >&2; exit 1; }

log="$work/build.log"
if ! "$ios/scripts/swift.sh" build --package-path "$work" >"$log" 2>&1; then
  grep -E 'error:' "$log" | sort -u >&2 || cat "$log" >&2
  exit 1
fi
if grep -q 'warning:' "$log"; then
  grep 'warning:' "$log" | sort -u >&2
  exit 1
fi
echo "view-check: PasskeyHelpView and the model's Combine lines type-check against the stub"
