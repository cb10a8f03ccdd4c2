/// Faults to inject, for every action (`all`) and per action wire name (`actions["apply_credit"]`,
/// `actions["login"]` for auth.php). A per-action fault is laid over `all` (see `Fault.combined`).
public struct FaultPlan: Sendable, Equatable, Codable {
    public var all: Fault
    public var actions: [String: Fault]

    public init(all: Fault = .none, actions: [String: Fault] = [:]) {
        self.all = all
        self.actions = actions
    }

    /// No faults.
    public static let none = FaultPlan()

    /// The fault that applies to `action`.
    public func fault(for action: String) -> Fault {
        guard let specific = actions[action] else { return all }
        return all.combined(with: specific)
    }

    /// Sets the fault of one action.
    public subscript(action: String) -> Fault {
        get { actions[action] ?? .none }
        set { actions[action] = newValue.isNone ? nil : newValue }
    }
}
