// swift-tools-version:6.0
// hkbill: a terminal billing console for HOSTKEY's invapi whmcs.php API.
// The target graph mirrors ../shared/ARCHITECTURE.md; nothing imports upward.
import PackageDescription

let package = Package(
    name: "hkbill",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hkbill", targets: ["hkbill"]),
    ],
    targets: [
        // C shims: non-variadic wrappers and accessors for what Swift cannot import directly.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),

        // The shared API client: wire format, models, Money, transports. Only target importing CCurl.
        .target(name: "BillingAPI", dependencies: ["CCurl"]),
        // The WHMCS simulator (in-process transport and loopback HTTP server).
        .target(name: "BillingSandbox", dependencies: ["BillingAPI"]),
        // Settings, profiles, credentials, theme files and the action journal.
        .target(name: "LocalStore", dependencies: ["BillingAPI"]),
        // View-models: state + intents + effects. No terminal, no sockets.
        .target(name: "ConsoleCore", dependencies: ["BillingAPI", "LocalStore"]),
        // The ncurses front end. Only target importing CNCurses.
        .target(name: "TerminalUI", dependencies: ["ConsoleCore", "CNCurses"]),
        // The executable: argument parsing, wiring, exit codes.
        .executableTarget(name: "hkbill",
                          dependencies: ["BillingAPI", "BillingSandbox", "LocalStore", "ConsoleCore", "TerminalUI"]),
        // `make bench`: prints figures; never part of `make test`.
        .executableTarget(name: "HkbillBench",
                          dependencies: ["BillingAPI", "BillingSandbox", "LocalStore", "ConsoleCore", "TerminalUI"],
                          path: "Benchmarks/HkbillBench"),

        .testTarget(name: "BillingAPITests", dependencies: ["BillingAPI", "BillingSandbox"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "BillingSandboxTests", dependencies: ["BillingSandbox", "BillingAPI"]),
        .testTarget(name: "LocalStoreTests", dependencies: ["LocalStore"]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "BillingSandbox", "LocalStore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "ConsoleCore", "BillingSandbox"],
                    resources: [.copy("Snapshots")]),
        .testTarget(name: "HkbillEndToEndTests", dependencies: ["hkbill", "BillingSandbox", "BillingAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
