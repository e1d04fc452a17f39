import Foundation

/// A value behind a lock. `Synchronization.Mutex` would do, but on Apple platforms it needs
/// iOS 18 / macOS 15, and the SDK supports iOS 15.
final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
