import Foundation

/// Finds a theme by name in a list of directories (the first that has `NAME.theme` wins) and
/// reads it. It never fails: a missing or bad file gives a warning and the built-in default, so
/// the console always starts. `NO_COLOR` (set and not empty) turns the result monochrome.
public struct ThemeLoader: Sendable {
    /// What loading gave: the theme to use, where it came from, and warnings to show the user.
    public struct Result: Sendable {
        public var theme: Theme
        /// The file read, or nil for the built-in default.
        public var path: String?
        public var warnings: [String]
    }

    /// Directories searched in order.
    public var directories: [String]
    public var environment: [String: String]

    public init(directories: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directories = directories
        self.environment = environment
    }

    /// The usual search order: the user's themes (`$XDG_CONFIG_HOME/hkbill/themes`, else
    /// `~/.config/hkbill/themes`), the installed share directory beside the executable
    /// (`<prefix>/share/hkbill/themes`), then a source checkout's `themes/` next to the
    /// executable, above a `.build/<config>/` directory, or in the current directory.
    public static func standardDirectories(environment: [String: String], executablePath: String?,
                                           currentDirectory: String) -> [String] {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            dirs.append(xdg + "/hkbill/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/hkbill/themes")
        }
        if let exe = executablePath, !exe.isEmpty {
            let exeDir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            dirs.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/hkbill/themes").path)
            dirs.append(exeDir.appendingPathComponent("themes").path)
            // .build/debug/hkbill or .build/<triple>/debug/hkbill inside a checkout.
            var up = exeDir
            for _ in 0..<3 {
                up = up.deletingLastPathComponent()
                if up.lastPathComponent == ".build" {
                    dirs.append(up.deletingLastPathComponent().appendingPathComponent("themes").path)
                    break
                }
            }
        }
        dirs.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("themes").path)
        var seen = Set<String>()
        return dirs.filter { seen.insert($0).inserted }
    }

    /// Loads the theme called `name` (or a file, when `name` contains a `/`). "default" that is not
    /// found on disk is the built-in one without a warning.
    public func load(named name: String) -> Result {
        var result = loadWithoutEnvironment(named: name)
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            result.theme = result.theme.monochrome()
        }
        return result
    }

    /// The theme names available in the search directories (plus the built-in ones), sorted.
    public func availableThemeNames() -> [String] {
        var names = Set(BuiltInThemes.all.keys)
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files where f.hasSuffix(".theme") { names.insert(String(f.dropLast(6))) }
        }
        return names.sorted()
    }

    /// The path `NAME.theme` would be read from, if any directory has it.
    public func path(forTheme name: String) -> String? {
        for dir in directories {
            let candidate = (dir as NSString).appendingPathComponent(name + ".theme")
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func loadWithoutEnvironment(named rawName: String) -> Result {
        let name = rawName.trimmingCharacters(in: .whitespaces)
        let fallback = BuiltInThemes.defaultTheme
        if name.contains("/") {
            return read(path: name, name: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
              !name.hasPrefix(".") else {
            return Result(theme: fallback, path: nil,
                          warnings: ["theme name '\(name)' is not valid; using the built-in default theme"])
        }
        if let path = path(forTheme: name) { return read(path: path, name: name) }
        if let builtIn = BuiltInThemes.all[name] {
            let theme = (try? ThemeParser.parse(builtIn, file: "built-in \(name)"))?.theme(name: name, base: fallback)
            return Result(theme: theme ?? fallback, path: nil, warnings: [])
        }
        let searched = directories.isEmpty ? "no theme directories" : directories.joined(separator: ", ")
        return Result(theme: fallback, path: nil,
                      warnings: ["theme '\(name)' not found (searched \(searched)); using the built-in default theme"])
    }

    private func read(path: String, name: String) -> Result {
        let fallback = BuiltInThemes.defaultTheme
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(theme: fallback, path: nil,
                          warnings: ["\(path): cannot read the theme file; using the built-in default theme"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Result(theme: fallback, path: nil,
                          warnings: ["\(path): the theme file is not UTF-8 text; using the built-in default theme"])
        }
        do {
            let definition = try ThemeParser.parse(text, file: path)
            return Result(theme: definition.theme(name: name, base: fallback), path: path, warnings: [])
        } catch {
            return Result(theme: fallback, path: nil,
                          warnings: [error.description, "theme '\(name)' not used; using the built-in default theme"])
        }
    }
}
