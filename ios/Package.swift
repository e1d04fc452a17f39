// swift-tools-version:6.0
//
// PasskeyReady for iOS: the Swift shell over the Rust core (UniFFI 0.32.2).
//
//   PasskeyReadyFFIC   the C module of the native library: the generated header and
//                      module.modulemap (Sources/PasskeyReadyFFIC/include/), linked against
//                      libpasskey_ready_ffi; on Apple platforms the xcframework replaces it
//   PasskeyReadyFFI    the generated Swift bindings (Sources/PasskeyReadyFFI/PasskeyReadyFFI.swift)
//   PasskeyReady       the public API (library product `PasskeyReady`)
//
// The generated files are not in git: `cargo xtask swift` (or `cargo xtask bindings`) writes
// them from the host library before `swift test`. See docs/ios.md.
//
// Where the native library comes from, first match wins:
// 1. PASSKEY_READY_LIB_DIR is set (`cargo xtask swift` sets it to target/debug): the host
//    library there is linked (`-L`, plus an rpath so a Mac's `swift test` finds the dylib
//    without DYLD_LIBRARY_PATH). Unsafe flags only then: a package that depends on this one
//    never sees them.
// 2. PasskeyReadyFFIC.xcframework is next to this file (copied from target/ios-release/,
//    which `cargo xtask ios-release` writes): a binary target with the static library for
//    iOS devices, the iOS simulator and Mac Catalyst. The published package is generated from
//    ios/release/Package.swift.template instead (docs/ios.md, "Releasing").
// 3. Otherwise the C target links `passkey_ready_ffi` from the linker's default search path.

import Foundation
import PackageDescription

let hostLibraryDirectory = Context.environment["PASSKEY_READY_LIB_DIR"].flatMap { $0.isEmpty ? nil : $0 }
let xcframework = "PasskeyReadyFFIC.xcframework"
let useXCFramework = hostLibraryDirectory == nil
    && FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + xcframework)

let ffiC: Target
if useXCFramework {
    ffiC = .binaryTarget(name: "PasskeyReadyFFIC", path: xcframework)
} else {
    var linker: [LinkerSetting] = [.linkedLibrary("passkey_ready_ffi")]
    if let dir = hostLibraryDirectory {
        linker.append(.unsafeFlags(["-L", dir, "-Xlinker", "-rpath", "-Xlinker", dir]))
    }
    ffiC = .target(
        name: "PasskeyReadyFFIC",
        path: "Sources/PasskeyReadyFFIC",
        linkerSettings: linker
    )
}

/// Our own code: Swift 6 language mode (complete concurrency checking) plus `any` spelled out.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "PasskeyReady",
    // iOS 15: customers on iOS 15 must still be told that passkeys need iOS 16.
    // macOS: only so that `swift test` runs on a maintainer's Mac.
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "PasskeyReady", targets: ["PasskeyReady"]),
    ],
    targets: [
        ffiC,
        .target(
            name: "PasskeyReadyFFI",
            dependencies: ["PasskeyReadyFFIC"],
            path: "Sources/PasskeyReadyFFI"
        ),
        .target(
            name: "PasskeyReady",
            dependencies: ["PasskeyReadyFFI"],
            // The privacy manifest: Xcode adds it to the app's privacy report (docs/ios.md).
            resources: [.copy("PrivacyInfo.xcprivacy")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PasskeyReadyTests",
            dependencies: ["PasskeyReady", "PasskeyReadyFFI"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
