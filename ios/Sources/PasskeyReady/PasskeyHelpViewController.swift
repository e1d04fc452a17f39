// The help screen for UIKit apps: `PasskeyHelpView` in a hosting controller.
//
// Never compiled in this repository (no UIKit or SwiftUI on Linux; see docs/ios.md).

#if canImport(UIKit) && canImport(SwiftUI) && os(iOS)
import SwiftUI
import UIKit

/// Push or present it like any view controller. It checks when it appears and again
/// whenever the app becomes active: besides the view's scene phase, it listens to UIKit's
/// `didBecomeActiveNotification` itself, so that the check on return from Settings does not
/// depend on how the app's lifecycle reaches a hosted SwiftUI view (a second check at the
/// same moment costs a few milliseconds and changes nothing).
public final class PasskeyHelpViewController: UIHostingController<PasskeyHelpView> {
    /// The screen's model, e.g. to read `state.error` or set `onChange`.
    public let model: PasskeyHelpModel

    public init(model: PasskeyHelpModel) {
        self.model = model
        super.init(rootView: PasskeyHelpView(model: model))
        NotificationCenter.default.addObserver(
            self,
            selector: #selector(appBecameActive),
            name: UIApplication.didBecomeActiveNotification,
            object: nil
        )
    }

    public convenience init(readiness: PasskeyReadiness) {
        self.init(model: PasskeyHelpModel(readiness: readiness))
    }

    @available(*, unavailable, message: "make it in code with init(model:) or init(readiness:)")
    public required init?(coder: NSCoder) {
        nil
    }

    @objc private func appBecameActive() {
        model.sceneBecameActive()
    }
}
#endif
