/// What is wrong with a theme file, naming the file and each line with a problem, so the person
/// editing it can go straight there.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem on one line (line 0: the file as a whole, e.g. it could not be read).
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// `path:3: unknown colour 'grey'`, one line per problem.
    public var description: String {
        problems.map { p in p.line > 0 ? "\(file):\(p.line): \(p.message)" : "\(file): \(p.message)" }
            .joined(separator: "\n")
    }
}
