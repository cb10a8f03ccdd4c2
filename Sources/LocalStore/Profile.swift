import Foundation

/// One billing account the console can talk to. The secret that goes with it lives in its own
/// credentials file, never here.
public struct Profile: Codable, Sendable, Equatable {
    public static let defaultAPIURL = "https://invapi.hostkey.com"

    public var name: String
    public var apiURL: String
    /// The WHMCS billing location sent with calls that need one (`whmcs_ru`, `whmcs_com`).
    public var billingLocation: String?
    /// A read-only profile never sends a mutating action.
    public var readOnly: Bool

    public init(name: String, apiURL: String = Profile.defaultAPIURL, billingLocation: String? = nil,
                readOnly: Bool = false) {
        self.name = name
        self.apiURL = apiURL
        self.billingLocation = billingLocation
        self.readOnly = readOnly
    }

    /// Names become file names under `credentials/`, so they are limited to `[A-Za-z0-9._-]+`,
    /// and names made only of dots (`.`, `..`) are refused because they name directories.
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 64 else { return false }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "." || $0 == "_" || $0 == "-"
        }
        return allowed && !name.allSatisfy { $0 == "." }
    }

    private enum CodingKeys: String, CodingKey { case name, apiURL, billingLocation, readOnly }

    /// Missing keys take their defaults, so a hand-written profile needs only its name.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        apiURL = try c.decodeIfPresent(String.self, forKey: .apiURL) ?? Profile.defaultAPIURL
        billingLocation = try c.decodeIfPresent(String.self, forKey: .billingLocation)
        readOnly = try c.decodeIfPresent(Bool.self, forKey: .readOnly) ?? false
    }
}
