// A stub of the SwiftUI API that PasskeyHelpView/PasskeyHelpModel use, for type-checking
// them on Linux (see ../../Package.swift). Never linked into anything.

import Combine
import Foundation

@MainActor @preconcurrency
public protocol View {
    associatedtype Body: View
    @ViewBuilder var body: Body { get }
}

extension Never: View {
    public var body: Never { fatalError() }
}

public struct EmptyView: View { public var body: Never { fatalError() } }
public struct TupleView<T>: View { public var body: Never { fatalError() } }
public struct ConditionalContent<T: View, F: View>: View { public var body: Never { fatalError() } }
extension Optional: View where Wrapped: View { public var body: Never { fatalError() } }
public struct Modified<V: View>: View { public var body: Never { fatalError() } }

@resultBuilder
public enum ViewBuilder {
    public static func buildBlock() -> EmptyView { EmptyView() }
    public static func buildBlock<C: View>(_ c: C) -> C { c }
    public static func buildBlock<each C: View>(_ c: repeat each C) -> TupleView<(repeat each C)> { TupleView() }
    public static func buildIf<C: View>(_ c: C?) -> C? { c }
    public static func buildEither<T: View, F: View>(first: T) -> ConditionalContent<T, F> { ConditionalContent() }
    public static func buildEither<T: View, F: View>(second: F) -> ConditionalContent<T, F> { ConditionalContent() }
}

public struct Font: Sendable {
    public static let title2 = Font(), headline = Font(), subheadline = Font(), footnote = Font()
    public enum Weight: Sendable { case semibold }
    public func weight(_ w: Weight) -> Font { self }
}

public struct Text: View {
    public init<S: StringProtocol>(_ content: S) {}
    public var body: Never { fatalError() }
    public enum Case: Sendable { case uppercase, lowercase }
}

public struct AccessibilityTraits: Sendable { public static let isHeader = AccessibilityTraits() }
public enum AccessibilityChildBehavior: Sendable { case combine, contain, ignore }
public struct Edge { public struct Set: Sendable { public static let all = Set(), vertical = Set(), leading = Set() } }
public struct HorizontalAlignment: Sendable { public static let leading = HorizontalAlignment(), center = HorizontalAlignment() }
public struct HierarchicalShapeStyle: Sendable { public static let secondary = HierarchicalShapeStyle() }
public protocol PrimitiveButtonStyle {}
public struct BorderedButtonStyle: PrimitiveButtonStyle {}
public struct BorderedProminentButtonStyle: PrimitiveButtonStyle {}
extension PrimitiveButtonStyle where Self == BorderedButtonStyle { public static var bordered: BorderedButtonStyle { BorderedButtonStyle() } }
extension PrimitiveButtonStyle where Self == BorderedProminentButtonStyle { public static var borderedProminent: BorderedProminentButtonStyle { BorderedProminentButtonStyle() } }
public protocol ListStyle {}
public struct InsetGroupedListStyle: ListStyle {}
extension ListStyle where Self == InsetGroupedListStyle { public static var insetGrouped: InsetGroupedListStyle { InsetGroupedListStyle() } }

extension View {
    public func font(_ font: Font?) -> Modified<Self> { Modified() }
    public func accessibilityAddTraits(_ traits: AccessibilityTraits) -> Modified<Self> { Modified() }
    public func accessibilityHint(_ hint: Text) -> Modified<Self> { Modified() }
    public func accessibilityElement(children: AccessibilityChildBehavior = .ignore) -> Modified<Self> { Modified() }
    public func textCase(_ textCase: Text.Case?) -> Modified<Self> { Modified() }
    public func foregroundStyle(_ style: HierarchicalShapeStyle) -> Modified<Self> { Modified() }
    public func padding(_ edges: Edge.Set = .all, _ length: CGFloat? = nil) -> Modified<Self> { Modified() }
    public func buttonStyle<S: PrimitiveButtonStyle>(_ style: S) -> Modified<Self> { Modified() }
    public func listStyle<S: ListStyle>(_ style: S) -> Modified<Self> { Modified() }
    public func onAppear(perform action: (() -> Void)? = nil) -> Modified<Self> { Modified() }
    public func onChange<V: Equatable>(of value: V, perform action: @escaping (_ newValue: V) -> Void) -> Modified<Self> { Modified() }
}

public struct List<Content: View>: View {
    public init(@ViewBuilder content: () -> Content) {}
    public var body: Never { fatalError() }
}

public struct Section<Parent: View, Content: View>: View {
    public var body: Never { fatalError() }
}
extension Section where Parent == EmptyView {
    public init(@ViewBuilder content: () -> Content) {}
}
extension Section {
    public init(@ViewBuilder content: () -> Content, @ViewBuilder header: () -> Parent) {}
}

public struct ForEach<Data: RandomAccessCollection, ID: Hashable, Content: View>: View {
    public var body: Never { fatalError() }
    public init(_ data: Data, id: KeyPath<Data.Element, ID>, @ViewBuilder content: @escaping (Data.Element) -> Content) {}
}
extension ForEach where Data.Element: Identifiable, ID == Data.Element.ID {
    public init(_ data: Data, @ViewBuilder content: @escaping (Data.Element) -> Content) {}
}

public struct VStack<Content: View>: View {
    public init(alignment: HorizontalAlignment = .center, spacing: CGFloat? = nil, @ViewBuilder content: () -> Content) {}
    public var body: Never { fatalError() }
}
public struct HStack<Content: View>: View {
    public init(@ViewBuilder content: () -> Content) {}
    public var body: Never { fatalError() }
}
public struct Button<Label: View>: View {
    public var body: Never { fatalError() }
}
extension Button where Label == Text {
    public init<S: StringProtocol>(_ title: S, action: @escaping @MainActor () -> Void) {}
}
public struct ProgressView: View {
    public init() {}
    public var body: Never { fatalError() }
}

@propertyWrapper
public struct Binding<Value> {
    public var wrappedValue: Value { get { fatalError() } nonmutating set {} }
    public init(get: @escaping () -> Value, set: @escaping (Value) -> Void) {}
}

public struct DisclosureGroup<Label: View, Content: View>: View {
    public init(@ViewBuilder content: @escaping () -> Content, @ViewBuilder label: () -> Label) {}
    public init(isExpanded: Binding<Bool>, @ViewBuilder content: @escaping () -> Content, @ViewBuilder label: () -> Label) {}
    public var body: Never { fatalError() }
}

@MainActor @preconcurrency @propertyWrapper
public struct StateObject<ObjectType: ObservableObject> {
    public init(wrappedValue thunk: @autoclosure @escaping () -> ObjectType) {}
    public var wrappedValue: ObjectType { fatalError() }
}

@MainActor @preconcurrency @propertyWrapper
public struct ObservedObject<ObjectType: ObservableObject> {
    public init(wrappedValue: ObjectType) { self.wrappedValue = wrappedValue }
    public var wrappedValue: ObjectType
}

public enum ScenePhase: Equatable, Sendable { case background, inactive, active }
public struct EnvironmentValues { public var scenePhase: ScenePhase { .active } }

@propertyWrapper
public struct Environment<Value> {
    public init(_ keyPath: KeyPath<EnvironmentValues, Value>) {}
    public var wrappedValue: Value { fatalError() }
}
