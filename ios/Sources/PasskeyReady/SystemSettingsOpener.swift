// The real opener: public APIs only. Not compiled on Linux; the choice of targets is in
// SettingsOpener.swift and tested there.

#if canImport(UIKit) && canImport(AuthenticationServices) && os(iOS)
import AuthenticationServices
import Foundation
import UIKit

/// Opens settings screens with `ASSettingsHelper` (iOS 17+) and
/// `UIApplication.openSettingsURLString`, on the main actor. Not for app extensions
/// (`UIApplication.shared` is unavailable there).
@available(iOSApplicationExtension, unavailable)
@available(macCatalystApplicationExtension, unavailable)
public struct SystemSettingsOpener: SettingsOpener {
    public init() {}

    public func open(_ target: SettingsTarget) async -> Bool {
        await Self.openOnMainActor(target)
    }

    @MainActor
    private static func openOnMainActor(_ target: SettingsTarget) async -> Bool {
        switch target {
        case .credentialProviderSettings:
            guard #available(iOS 17.0, macCatalyst 17.0, *) else { return false }
            do {
                try await ASSettingsHelper.openCredentialProviderAppSettings()
                return true
            } catch {
                return false
            }
        case .appSettings:
            guard let url = URL(string: UIApplication.openSettingsURLString) else { return false }
            return await UIApplication.shared.open(url)
        }
    }
}
#endif
