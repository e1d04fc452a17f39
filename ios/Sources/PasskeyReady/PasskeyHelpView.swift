// The help screen in SwiftUI: draws `PasskeyHelpModel.state` and calls its intents, nothing
// else. Every text is the model's (the core's content); which rows have a button, a
// question or steps is the core's. System text styles only (Dynamic Type); headings carry
// the header trait, each row's texts are read by VoiceOver as one element, and its buttons,
// whose labels repeat from row to row, are hinted with the row's title or question.
//
// Never compiled in this repository: Linux has no SwiftUI (see docs/ios.md), and a Mac's
// `swift test` builds for macOS, where it is left out too (`os(iOS)`: inset grouped lists
// are iOS-only). Kept small and declarative; the model it draws is compiled and tested on
// Linux. iOS 15 APIs only (the package's deployment target).

#if canImport(SwiftUI) && os(iOS)
import SwiftUI

/// The ready-made help screen. Make it with the SDK, or with a model the app keeps (to read
/// `state.error`, for instance); it checks when it appears and again whenever the scene
/// becomes active (back from Settings).
public struct PasskeyHelpView: View {
    @StateObject private var model: PasskeyHelpModel
    @Environment(\.scenePhase) private var scenePhase

    public init(readiness: PasskeyReadiness) {
        _model = StateObject(wrappedValue: PasskeyHelpModel(readiness: readiness))
    }

    public init(model: PasskeyHelpModel) {
        _model = StateObject(wrappedValue: model)
    }

    public var body: some View {
        List {
            if let screen = model.state.screen {
                Section {
                    Text(screen.title).font(.title2).accessibilityAddTraits(.isHeader)
                    VStack(alignment: .leading, spacing: 4) {
                        Text(screen.banner.heading).font(.headline).accessibilityAddTraits(.isHeader)
                        Text(screen.banner.text)
                    }
                }
                if let row = screen.alreadyUsing {
                    Section { HelpRowView(row: row, model: model) }
                }
                Section {
                    ForEach(screen.rows) { HelpRowView(row: $0, model: model) }
                } header: {
                    Text(screen.findingsHeading).textCase(nil).accessibilityAddTraits(.isHeader)
                }
                Section {
                    ForEach(screen.troubleshooting.faqs) { faq in
                        DisclosureGroup {
                            Text(faq.answer)
                        } label: {
                            Text(faq.question)
                        }
                    }
                } header: {
                    Text(screen.troubleshooting.heading).textCase(nil).accessibilityAddTraits(.isHeader)
                }
            } else if model.state.isLoading {
                ProgressView()
            }
        }
        .listStyle(.insetGrouped)
        .onAppear { model.refresh() }
        .onChange(of: scenePhase) { phase in
            if phase == .active { model.sceneBecameActive() }
        }
    }
}

private struct HelpRowView: View {
    let row: HelpRow
    @ObservedObject var model: PasskeyHelpModel

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            VStack(alignment: .leading, spacing: 4) {
                Text(row.title).font(.headline)
                Text(row.statusLabel).font(.subheadline).foregroundStyle(.secondary)
                Text(row.reason)
            }
            .accessibilityElement(children: .combine)
            if let question = row.question {
                Text(question.text)
                // Every question has the same two labels: the hint says which one they answer.
                HStack {
                    Button(question.yesLabel) { model.answer(question.check, yes: true) }
                        .accessibilityHint(Text(question.text))
                    Button(question.noLabel) { model.answer(question.check, yes: false) }
                        .accessibilityHint(Text(question.text))
                }
                .buttonStyle(.bordered)
            }
            if let button = row.button {
                Button(button.label) { model.openSettings(row) }
                    .buttonStyle(.borderedProminent)
                    .accessibilityHint(Text(row.title))
            }
            if let section = row.section {
                DisclosureGroup(isExpanded: Binding(
                    get: { model.showsSteps(row) },
                    set: { _ in model.toggleSteps(row) }
                )) {
                    HelpSectionView(section: section)
                } label: {
                    Text(section.label)
                }
                .accessibilityHint(Text(row.title))
            }
        }
        .padding(.vertical, 4)
    }
}

private struct HelpSectionView: View {
    let section: HelpSection

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(section.heading).font(.subheadline.weight(.semibold)).accessibilityAddTraits(.isHeader)
            Text(section.intro)
            if let writtenFor = section.writtenFor {
                Text(writtenFor).font(.footnote)
            }
            HelpStepsView(steps: section.steps)
            ForEach(section.variants, id: \.label) { variant in
                Text(variant.label).font(.subheadline.weight(.semibold)).accessibilityAddTraits(.isHeader)
                HelpStepsView(steps: variant.steps)
            }
        }
    }
}

private struct HelpStepsView: View {
    let steps: [HelpStep]

    var body: some View {
        // A step's number is unique in its list; the model writes it as the locale does.
        ForEach(steps, id: \.number) { step in
            VStack(alignment: .leading, spacing: 4) {
                Text(step.number + step.text)
                HelpNotesView(notes: step.notes)
                ForEach(step.substeps, id: \.number) { substep in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(substep.number + substep.text)
                        HelpNotesView(notes: substep.notes)
                    }
                    .padding(.leading)
                }
            }
            .accessibilityElement(children: .combine)
        }
    }
}

private struct HelpNotesView: View {
    let notes: [HelpNote]

    var body: some View {
        ForEach(Array(notes.enumerated()), id: \.offset) { _, note in
            Text(note.mark + note.text).font(.footnote)
        }
    }
}
#endif
