import Foundation
/// A modal form (apply credit, add funds, profile edit, contact, ...): fields, the focused one,
/// a note above them and a general error below. Submitting turns it into a `PendingWrite` for the
/// confirm dialog, or attaches errors to fields.
public struct DialogForm: Sendable, Equatable {
    /// What the form is for; decides validation and the write it becomes.
    public enum Purpose: Sendable, Equatable {
        case applyCredit(invoiceID: Int)
        case addFunds
        case generateDueInvoice
        case editProfile(clientID: Int)
        case addContact
        case editContact(id: Int)
        case resetPassword
        case subscriptionCancellation(serverID: Int)
    }
    public var purpose: Purpose
    public var title: String
    public var notes: [String]
    public var fields: [FormField]
    public var focused: Int
    public var error: String?

    public init(purpose: Purpose, title: String, notes: [String] = [], fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.notes = notes
        self.fields = fields
        self.focused = 0
    }

    public func value(_ name: String) -> String {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespaces) ?? ""
    }

    mutating func setError(_ name: String, _ message: String?) {
        if let i = fields.firstIndex(where: { $0.name == name }) { fields[i].error = message }
    }

    mutating func clearErrors() {
        for i in fields.indices { fields[i].error = nil }
        error = nil
    }

    var hasFieldErrors: Bool { fields.contains { $0.error != nil } }

    mutating func input(_ c: Character) {
        guard fields.indices.contains(focused) else { return }
        switch fields[focused].kind {
        case .text, .secret:
            fields[focused].value.append(c)
        case .toggle:
            if c == " " { fields[focused].value = fields[focused].isOn ? "no" : "yes" }
        case .choice(let options):
            if c == " ", let i = options.firstIndex(of: fields[focused].value) {
                fields[focused].value = options[(i + 1) % options.count]
            } else if c == " ", let first = options.first {
                fields[focused].value = first
            }
        }
        fields[focused].error = nil
    }

    mutating func deleteBackward() {
        guard fields.indices.contains(focused) else { return }
        switch fields[focused].kind {
        case .text, .secret: if !fields[focused].value.isEmpty { fields[focused].value.removeLast() }
        case .toggle, .choice: break
        }
    }

    mutating func moveFocus(_ delta: Int) {
        guard !fields.isEmpty else { return }
        focused = (focused + delta + fields.count) % fields.count
    }
}
