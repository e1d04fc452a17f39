#!/usr/bin/env bash
# Builds the Android library archive (AAR) and its POM.
#
#   android/scripts/build-aar.sh               on a maintainer's machine: needs the Android NDK,
#                                              cargo-ndk and the rustup targets
#                                              aarch64-linux-android armv7-linux-androideabi
#                                              x86_64-linux-android
#   android/scripts/build-aar.sh --layout-only no NDK needed: everything but the native
#                                              libraries, then the same checks of the archive
#
# Output: android/target/aar/passkey-ready-android-<version>.aar and .pom
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
android="$root/android"
out="$android/target/aar"
abis=(arm64-v8a armeabi-v7a x86_64)
layout_only=false
case "${1:-}" in
  --layout-only) layout_only=true ;;
  "") ;;
  *) echo "usage: $0 [--layout-only]" >&2; exit 2 ;;
esac

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$android/pom.xml" | head -n 1)
jna_version=$(sed -n 's:.*<jna.version>\(.*\)</jna.version>.*:\1:p' "$android/pom.xml")
kotlin_version=$(sed -n 's:.*<kotlin.version>\(.*\)</kotlin.version>.*:\1:p' "$android/pom.xml")
name="passkey-ready-android-$version"
stage="$out/stage"
rm -rf "$stage" && mkdir -p "$stage"

step() { printf '\n==> aar: %s\n' "$*"; }

if ! $layout_only; then
  step "native libraries for ${abis[*]} (release, stripped)"
  command -v cargo-ndk >/dev/null || { echo "cargo-ndk not found: cargo install cargo-ndk" >&2; exit 1; }
  : "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to the Android NDK}"
  ndk_args=()
  for abi in "${abis[@]}"; do ndk_args+=(-t "$abi"); done
  (cd "$root" && cargo ndk "${ndk_args[@]}" -o "$stage/jni" build -p passkey-ready-ffi --release)
  strip_tool=$(find "$ANDROID_NDK_HOME/toolchains/llvm/prebuilt" -name llvm-strip -type f | head -n 1)
  for abi in "${abis[@]}"; do
    "$strip_tool" --strip-unneeded "$stage/jni/$abi/libpasskey_ready_ffi.so"
  done
fi

# The Kotlin bindings come from the unstripped host library of the same source and version,
# with exactly the exports of the release library (no test-only ones).
step "Kotlin bindings and classes.jar"
(cd "$root" && cargo xtask bindings-shipped)
if grep -q panic_probe "$android/target/generated-sources/uniffi/com/passkeyready/ffi/passkey_ready_core.kt"; then
  echo "the bindings have test-only exports: the release library would fail to load" >&2; exit 1
fi
# The tests need the test-only exports; they ran against the test library already.
mvn --batch-mode --no-transfer-progress -q -f "$android/pom.xml" -Dmaven.test.skip=true package
cp "$android/target/$name.jar" "$stage/classes.jar"
# An AAR's classes.jar holds classes only; Maven's descriptors stay in the POM.
zip -q -d "$stage/classes.jar" 'META-INF/maven/*' >/dev/null || true

step "archive"
cp "$android/src/main/AndroidManifest.xml" "$stage/AndroidManifest.xml"
: > "$stage/R.txt"
cat > "$stage/proguard.txt" <<'RULES'
# Consumer rules: JNA and the generated bindings are reached by reflection.
-keep class com.sun.jna.** { *; }
-keep class * implements com.sun.jna.** { *; }
-keep class com.passkeyready.ffi.** { *; }
-dontwarn java.awt.**
RULES
rm -f "$out/$name.aar"
(cd "$stage" && zip -q -r -X "$out/$name.aar" .)

cat > "$out/$name.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.passkeyready</groupId>
  <artifactId>passkey-ready-android</artifactId>
  <version>$version</version>
  <packaging>aar</packaging>
  <dependencies>
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-stdlib</artifactId>
      <version>$kotlin_version</version>
    </dependency>
    <dependency>
      <groupId>net.java.dev.jna</groupId>
      <artifactId>jna</artifactId>
      <version>$jna_version</version>
      <type>aar</type>
    </dependency>
  </dependencies>
</project>
POM

step "checks"
listing=$(unzip -Z1 "$out/$name.aar")
required=(AndroidManifest.xml classes.jar R.txt proguard.txt)
if ! $layout_only; then
  for abi in "${abis[@]}"; do required+=("jni/$abi/libpasskey_ready_ffi.so"); done
fi
for entry in "${required[@]}"; do
  grep -qx "$entry" <<<"$listing" || { echo "missing in the AAR: $entry" >&2; exit 1; }
done
classes=$(unzip -Z1 "$stage/classes.jar")
for class in com/passkeyready/PasskeyReadiness.class com/passkeyready/ffi/PasskeyReady.class; do
  grep -qx "$class" <<<"$classes" || { echo "missing in classes.jar: $class" >&2; exit 1; }
done
if grep -q '^jni/' <<<"$listing" && $layout_only; then
  echo "unexpected native libraries in a layout-only build" >&2; exit 1
fi
grep -q 'package="com.passkeyready"' "$stage/AndroidManifest.xml" || { echo "manifest has no package" >&2; exit 1; }
python3 - "$out/$name.pom" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
pom = ET.parse(sys.argv[1]).getroot()
assert pom.findtext("m:packaging", namespaces=ns) == "aar", "packaging is not aar"
jna = [d for d in pom.iterfind("m:dependencies/m:dependency", ns)
       if d.findtext("m:artifactId", namespaces=ns) == "jna"]
assert jna and jna[0].findtext("m:type", namespaces=ns) == "aar", "JNA must be the @aar variant"
PY
echo "aar: $out/$name.aar ($($layout_only && echo 'layout only, no native libraries' || echo "${abis[*]}"))"
