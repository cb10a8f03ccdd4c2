import Foundation
/// A value that is loaded from the API: the last good value (kept while reloading), whether a
/// load is running, and the last failure for people.
public struct Loadable<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value?
    public var isLoading: Bool
    public var error: String?

    public init(value: Value? = nil, isLoading: Bool = false, error: String? = nil) {
        self.value = value
        self.isLoading = isLoading
        self.error = error
    }

    public static var loading: Loadable { Loadable(isLoading: true) }

    mutating func start() { isLoading = true; error = nil }
    mutating func finish(_ v: Value) { value = v; isLoading = false; error = nil }
    mutating func fail(_ message: String) { isLoading = false; error = message }
}
