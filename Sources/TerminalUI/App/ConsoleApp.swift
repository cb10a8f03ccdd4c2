import BillingAPI
import ConsoleCore
import Foundation

/// The running console: one thread owns ncurses and waits in `poll()` (EventLoop); effects run on
/// the runner's worker threads and come back as intents through the loop's wake-up pipe. This type
/// only moves values between those parts; what anything means is ConsoleCore's business, and what
/// it looks like is ConsoleRenderer's.
public final class ConsoleApp {
    private var console: Console
    private var runner: EffectRunner
    private let loop: EventLoop<Intent>
    private let screen: NCursesScreen
    private let themes: ThemeLoader
    private let launch: ConsoleLaunch
    private var profileLabel: String
    private var themeName: String
    private var spinnerTick = 0
    private var lastSize: (width: Int, height: Int) = (0, 0)
    private var lastPageSize = -1

    /// Runs the console until the agent quits or a signal ends it; returns the exit status.
    public static func run(_ launch: ConsoleLaunch) -> Int32 {
        let themes = ThemeLoader(directories: launch.themeDirectories, environment: launch.processEnvironment)
        let loaded = themes.load(named: launch.themeName)
        let loop: EventLoop<Intent>
        do { loop = try EventLoop<Intent>() } catch {
            FileHandle.standardError.write(Data("hkbill: \(error)\n".utf8))
            return 1
        }
        TerminalGuard.install()
        let screen = NCursesScreen(theme: loaded.theme)
        do { try screen.start() } catch {
            TerminalGuard.uninstall()
            FileHandle.standardError.write(Data("hkbill: cannot start the terminal: \(error)\n".utf8))
            return 1
        }
        TerminalGuard.chainResizeWakeup()
        let app = ConsoleApp(launch: launch, loop: loop, screen: screen, themes: themes, themeName: loaded.theme.name)
        let warnings = loaded.warnings + launch.startupWarnings
        let exit = app.runLoop(startupWarnings: warnings)
        screen.end()
        TerminalGuard.uninstall()
        switch exit {
        case .stopped: return 0
        case .signal(let sig): return 128 + sig
        case .inputClosed: return 0
        case .failed(let e):
            FileHandle.standardError.write(Data("hkbill: terminal input failed: \(String(cString: strerror(e)))\n".utf8))
            return 1
        }
    }

    private init(launch: ConsoleLaunch, loop: EventLoop<Intent>, screen: NCursesScreen, themes: ThemeLoader, themeName: String) {
        self.launch = launch
        self.loop = loop
        self.screen = screen
        self.themes = themes
        self.themeName = themeName
        self.profileLabel = launch.connection.profileLabel
        self.console = Console(environment: launch.connection.environment)
        self.runner = Self.makeRunner(launch.connection, loop: loop)
        if !launch.unresolvedWrites.isEmpty { console.setUnresolvedWrites(launch.unresolvedWrites) }
    }

    private static func makeRunner(_ connection: ConsoleLaunch.Connection, loop: EventLoop<Intent>) -> EffectRunner {
        EffectRunner(client: connection.client, journal: connection.journal, deliver: { intent in loop.post(intent) })
    }

    private func runLoop(startupWarnings: [String]) -> EventLoopExit {
        updatePageSize()
        dispatch(.open)
        if let warning = startupWarnings.first { console.notify(warning, .warning) }
        return loop.run(keys: screen, onKey: { [self] key in handleKey(key) },
                        onMessage: { [self] intent in dispatch(intent) },
                        onTick: { [self] in spinnerTick &+= 1 },
                        draw: { [self] in draw() })
    }

    // MARK: - Input

    private func handleKey(_ key: Key) {
        switch key {
        case .resize:
            screen.invalidate()
            updatePageSize()
        case .mouse(let event):
            let size = screen.size
            for intent in ConsoleRenderer.intents(for: event, width: size.width, height: size.height, console: console) {
                dispatch(intent)
            }
        default:
            dispatch(.key(key))
        }
    }

    /// The one place intents enter the console: state changes, then effects go out.
    private func dispatch(_ intent: Intent) {
        let effects = console.handle(intent)
        var runnerEffects: [Effect] = []
        for effect in effects {
            if case .frontEnd(let request) = effect { perform(request) } else { runnerEffects.append(effect) }
        }
        if !runnerEffects.isEmpty { runner.run(runnerEffects) }
        loop.tickInterval = console.inFlight > 0 ? .milliseconds(120) : nil
    }

    private func perform(_ request: FrontEndRequest) {
        switch request {
        case .quit:
            loop.stop()
        case .copy(let text):
            if Clipboard.copy(text, environment: launch.processEnvironment) {
                console.notify("copied: \(DisplayWidth.truncate(text, toWidth: 40))")
            }
            screen.invalidate()
        case .applyTheme(let name):
            let loaded = themes.load(named: name)
            screen.setTheme(loaded.theme)
            themeName = loaded.theme.name
            if let warning = loaded.warnings.first { console.notify(warning, .warning) } else { console.notify("theme: \(loaded.theme.name)") }
        case .switchProfile(let name):
            switch launch.reconnect(name) {
            case .success(let connection):
                runner = Self.makeRunner(connection, loop: loop)
                profileLabel = connection.profileLabel
                dispatch(.reopen(connection.environment))
            case .failure(let error):
                console.notify(error.message, .warning)
            }
        }
    }

    // MARK: - Drawing

    private func updatePageSize() {
        let size = screen.size
        lastSize = size
        let rows = ConsoleRenderer.listPageSize(width: size.width, height: size.height, console: console)
        if rows != lastPageSize {
            lastPageSize = rows
            dispatch(.setPageSize(max(1, rows)))
        }
    }

    private func draw() {
        let size = screen.size
        if size.width != lastSize.width || size.height != lastSize.height { updatePageSize() }
        var canvas = screen.makeCanvas()
        let context = RenderContext(spinnerTick: spinnerTick, themeName: themeName, profileLabel: profileLabel)
        let cursor = ConsoleRenderer.draw(console, into: &canvas, context: context)
        screen.draw(canvas, cursor: cursor)
    }
}
