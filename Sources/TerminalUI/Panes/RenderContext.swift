/// What drawing needs besides the console state: the spinner's animation step, the theme's name
/// and how the header names the profile. Kept apart from `Console` because none of it is business
/// state, and passed in so a frame stays a pure function of its inputs.
public struct RenderContext: Sendable {
    /// Advances while `console.inFlight > 0`; picks the spinner frame.
    public var spinnerTick: Int
    public var themeName: String
    /// `demo (sandbox)` or the profile's name.
    public var profileLabel: String

    public init(spinnerTick: Int = 0, themeName: String = "default", profileLabel: String) {
        self.spinnerTick = spinnerTick
        self.themeName = themeName
        self.profileLabel = profileLabel
    }
}
