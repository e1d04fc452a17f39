// `CheckId`, `Finding` and `Question` are Identifiable by the core's check id, so a SwiftUI
// list of findings or questions has stable, unique ids that match the content and the CLI.

import Foundation
import PasskeyReady
import PasskeyReadyFFI
import Testing

/// Every check, with the id the core's JSON uses for it (core/src/readiness/check.rs).
let checkIds: [(CheckId, String)] = [
    (.alreadyUsesPasskeys, "already_uses_passkeys"), (.osVersion, "os_version"),
    (.standardBrowser, "standard_browser"), (.biometrics, "biometrics"),
    (.screenLock, "screen_lock"), (.googleAccount, "google_account"),
    (.googleAutofill, "google_autofill"), (.passcode, "passcode"),
    (.appleAccount, "apple_account"), (.icloudKeychainSync, "icloud_keychain_sync"),
    (.autofillPasswordsPasskeys, "autofill_passwords_passkeys"), (.twoFactorAuth, "two_factor_auth"),
    (.windowsHello, "windows_hello"), (.devicePassword, "device_password"),
    (.chromeSignedIn, "chrome_signed_in"), (.chromeSync, "chrome_sync"),
    (.googlePasswordManager, "google_password_manager"),
]

/// Fails to compile when the core gains a check that `checkIds` does not list.
private func listed(_ check: CheckId) -> Bool {
    switch check {
    case .alreadyUsesPasskeys, .osVersion, .standardBrowser, .biometrics, .screenLock,
         .googleAccount, .googleAutofill, .passcode, .appleAccount, .icloudKeychainSync,
         .autofillPasswordsPasskeys, .twoFactorAuth, .windowsHello, .devicePassword,
         .chromeSignedIn, .chromeSync, .googlePasswordManager:
        checkIds.contains { $0.0 == check }
    }
}

@Suite("Identifiable")
struct IdentifiableTests {
    @Test("a check's id is the core's string for it")
    func checkId() throws {
        for (check, expected) in checkIds {
            #expect(listed(check))
            #expect(check.id == expected)
            #expect(try check.id == checkIdString(check: check))
        }
        #expect(Set(checkIds.map(\.1)).count == checkIds.count)
    }

    @Test("the ids are the names the core reads in a snapshot's signals")
    func snapshotNames() throws {
        for (check, id) in checkIds {
            let platform = ["passcode", "apple_account", "icloud_keychain_sync", "autofill_passwords_passkeys"].contains(id) ? "ios"
                : ["screen_lock", "google_account", "google_autofill"].contains(id) ? "android"
                : id == "two_factor_auth" ? "macos"
                : ["windows_hello", "device_password", "chrome_signed_in", "chrome_sync", "google_password_manager"].contains(id) ? "windows"
                : "ios"
            let snapshot = try PasskeyReadiness.snapshot(json: #"{"platform": "\#(platform)", "signals": {"\#(id)": "yes"}}"#)
            #expect(snapshot.signals.keys.map(\.id) == [id])
            #expect(snapshot.signals.keys.first == check)
        }
    }

    @Test("findings and questions are identified by their check, uniquely within a report")
    func reportIds() throws {
        let device = FakeDevice { $0.passcode = .passcodeNotSet; $0.ubiquityToken = false }
        let report = try readiness(device).check()
        #expect(!report.findings.isEmpty)
        #expect(!report.questions.isEmpty)
        for finding in report.findings {
            #expect(finding.id == finding.check.id)
        }
        for question in report.questions {
            #expect(question.id == question.check.id)
        }
        #expect(Set(report.findings.map(\.id)).count == report.findings.count)
        #expect(Set(report.questions.map(\.id)).count == report.questions.count)
        #expect(report.findings.map(\.id).contains("passcode"))
    }
}
