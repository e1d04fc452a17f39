// The core's types under the names apps use. `import PasskeyReady` is all an app needs: the
// generated module is not re-exported as a whole, because its class `PasskeyReady` would clash
// with this module's own name in every file of the app that names it: apps use
// `PasskeyReadiness`, which wraps it. The core's language enum (`Locale` in Rust) is generated
// as `GuideLocale` (bindings/uniffi.toml), the same name as in Kotlin, so it never clashes with
// `Foundation.Locale`.

import PasskeyReadyFFI

/// The languages of the guide: `.ja` (the source) and `.en`.
public typealias GuideLocale = PasskeyReadyFFI.GuideLocale

// Readiness
public typealias DeviceSnapshot = PasskeyReadyFFI.DeviceSnapshot
public typealias Signal = PasskeyReadyFFI.Signal
public typealias Platform = PasskeyReadyFFI.Platform
public typealias CheckId = PasskeyReadyFFI.CheckId
public typealias SettingsAction = PasskeyReadyFFI.SettingsAction
public typealias ReadinessReport = PasskeyReadyFFI.ReadinessReport
public typealias ReadinessStatus = PasskeyReadyFFI.ReadinessStatus
public typealias Finding = PasskeyReadyFFI.Finding
public typealias FindingStatus = PasskeyReadyFFI.FindingStatus
public typealias Question = PasskeyReadyFFI.Question

// Browsers
public typealias UserAgentInfo = PasskeyReadyFFI.UserAgentInfo
public typealias Browser = PasskeyReadyFFI.Browser
public typealias InAppBrowser = PasskeyReadyFFI.InAppBrowser

// Diagnosis
public typealias DiagnosisMatch = PasskeyReadyFFI.DiagnosisMatch
public typealias MatchSource = PasskeyReadyFFI.MatchSource
public typealias DiagnosisCause = PasskeyReadyFFI.DiagnosisCause

// The guide
public typealias Guide = PasskeyReadyFFI.Guide
public typealias Troubleshooting = PasskeyReadyFFI.Troubleshooting
public typealias Faq = PasskeyReadyFFI.Faq
public typealias Explanation = PasskeyReadyFFI.Explanation
public typealias Preparation = PasskeyReadyFFI.Preparation
public typealias DeviceTable = PasskeyReadyFFI.DeviceTable
public typealias TableHeader = PasskeyReadyFFI.TableHeader
public typealias DeviceRow = PasskeyReadyFFI.DeviceRow
public typealias Cell = PasskeyReadyFFI.Cell
public typealias Footnote = PasskeyReadyFFI.Footnote
public typealias DeviceGuide = PasskeyReadyFFI.DeviceGuide
public typealias WrittenFor = PasskeyReadyFFI.WrittenFor
public typealias OsRange = PasskeyReadyFFI.OsRange
public typealias Part = PasskeyReadyFFI.Part
public typealias OsVariant = PasskeyReadyFFI.OsVariant
public typealias Step = PasskeyReadyFFI.Step
public typealias Substep = PasskeyReadyFFI.Substep
public typealias Note = PasskeyReadyFFI.Note
public typealias NoteKind = PasskeyReadyFFI.NoteKind
public typealias CheckText = PasskeyReadyFFI.CheckText
public typealias ReportText = PasskeyReadyFFI.ReportText
public typealias ScreenText = PasskeyReadyFFI.ScreenText

// The help screen (`PasskeyReadiness.screen()`, drawn by `PasskeyHelpView`)
public typealias HelpScreen = PasskeyReadyFFI.HelpScreen
public typealias HelpBanner = PasskeyReadyFFI.HelpBanner
public typealias BannerKind = PasskeyReadyFFI.BannerKind
public typealias HelpRow = PasskeyReadyFFI.HelpRow
public typealias RowKind = PasskeyReadyFFI.RowKind
public typealias HelpButton = PasskeyReadyFFI.HelpButton
public typealias HelpQuestion = PasskeyReadyFFI.HelpQuestion
public typealias HelpSection = PasskeyReadyFFI.HelpSection
public typealias HelpStep = PasskeyReadyFFI.HelpStep
public typealias HelpSubstep = PasskeyReadyFFI.HelpSubstep
public typealias HelpNote = PasskeyReadyFFI.HelpNote
public typealias HelpVariant = PasskeyReadyFFI.HelpVariant
public typealias HelpTroubleshooting = PasskeyReadyFFI.HelpTroubleshooting
public typealias HelpFaq = PasskeyReadyFFI.HelpFaq

extension GuideLocale {
    /// `.ja` when the first preferred language is Japanese (`ja`, `ja-JP`, `ja_JP`, `ja-Jpan-JP`…),
    /// else `.en`. Only the first language counts: it is the one the customer reads first.
    public static func preferred(from languages: [String]) -> GuideLocale {
        guard let first = languages.first else { return .en }
        let language = first.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return language == "ja" ? .ja : .en
    }

    /// `ja` or `en`, as in the content and the CLI.
    public var code: String {
        switch self {
        case .ja: "ja"
        case .en: "en"
        }
    }
}

/// A check is identified by its id as in the content, reports and the CLI (`screen_lock`).
extension CheckId: Identifiable {
    /// The core's string for this check (`screen_lock`). The core cannot fail here (it matches
    /// on the enum); its export is fallible only so that a panic could never trap the app. If
    /// it ever did fail, the case's Swift name stands in: still unique, so identity holds.
    public var id: String {
        (try? checkIdString(check: self)) ?? String(describing: self)
    }
}

/// A finding is identified by its check's id, not its guide section: the core reports each
/// check at most once per report, while a section may be shared by several checks or be
/// absent (`section` is optional). So `ForEach(report.findings)` has stable, unique ids.
extension Finding: Identifiable {
    public var id: String { check.id }
}

/// A question is identified by the id of the check it asks about, for the same reason as
/// `Finding`: one question per check in a report, and the answer is recorded by check.
extension Question: Identifiable {
    public var id: String { check.id }
}

/// A help screen row is identified by its check's id: one row per check on a screen (the
/// "already using passkeys" row included), whatever its kind, so a row keeps its identity
/// (and its steps stay open) when an answer changes it.
extension HelpRow: Identifiable {
    public var id: String { check.id }
}

/// A troubleshooting answer is identified by its FAQ id (`faq.in_app_browser`).
extension HelpFaq: Identifiable {}
