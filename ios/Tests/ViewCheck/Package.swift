// swift-tools-version:6.0
// Type-checks PasskeyHelpView (SwiftUI) and the Combine lines of PasskeyHelpModel on Linux,
// against Sources/SwiftUI and Sources/Combine: stubs of only the API they use, with the
// signatures of the iOS 18 SDK as far as known. It catches the view falling behind the model
// (a renamed intent, a changed type, an isolation error); it does not prove the real SDK
// accepts the code. Run by check.sh next to this file, which assembles the sources.
import PackageDescription
let package = Package(
    name: "ViewCheck",
    targets: [
        .target(name: "PasskeyReadyFFIC", path: "Sources/PasskeyReadyFFIC"),
        .target(name: "PasskeyReadyFFI", dependencies: ["PasskeyReadyFFIC"], path: "Sources/PasskeyReadyFFI"),
        .target(name: "Combine"),
        .target(name: "SwiftUI", dependencies: ["Combine"]),
        .target(name: "PasskeyReady", dependencies: ["PasskeyReadyFFI", "Combine", "SwiftUI"],
                swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
