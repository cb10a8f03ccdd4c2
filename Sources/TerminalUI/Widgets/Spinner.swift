/// The frames of the activity indicator shown while calls are in flight.
public enum Spinner {
    /// The frame for animation step `tick`.
    public static func frame(_ tick: Int, glyphs: Glyphs) -> Character {
        let frames = glyphs.spinner
        guard !frames.isEmpty else { return " " }
        return frames[((tick % frames.count) + frames.count) % frames.count]
    }
}
