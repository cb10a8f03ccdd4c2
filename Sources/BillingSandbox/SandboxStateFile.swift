/// The `--state` file: a version and the state, so an older file is refused rather than misread.
struct SandboxStateFile: Codable {
    static let currentVersion = 1
    var version: Int
    var state: SandboxState
}
