import Foundation

/// Placeholder until the sandbox lands (replaced by the BillingSandbox work).
enum SandboxServeCommand {
    static func run(_ arguments: [String]) -> Int32 { 2 }
}
