// A stub of the Combine API that PasskeyHelpView/PasskeyHelpModel use, for type-checking
// them on Linux (see ../../Package.swift). Never linked into anything.

public protocol ObservableObject: AnyObject {}

@propertyWrapper
public struct Published<Value> {
    public var wrappedValue: Value
    public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }
}
