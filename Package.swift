// swift-tools-version:6.0
import PackageDescription

/// Folio: a literate-analysis notebook runner. See README.md for the layout and the two commands.
let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CPango", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libfontconfig-dev"])]),
        // Streaming DEFLATE and CRC-32 for PNG.
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // SHA-256 for content hashes (OpenSSL 3's libcrypto: builds in no time, unlike swift-crypto's BoringSSL).
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // Rewrites cairo's tagged PDFs with what cairo 1.16 cannot write (figure alt text, language).
        // Declarations only: FolioCairo loads libqpdf when it first needs it (QPDFLibrary), and
        // TestSupport links it.
        .systemLibrary(
            name: "CQPDF",
            providers: [.apt(["libqpdf-dev"])]),
        // YAML front matter, read by FolioReport's small composer (YAMLComposer) over libyaml's events.
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CMark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Drawing primitives shared by charts and pages; knows nothing of Cairo.
        .target(name: "FolioScene"),
        // US-style number formatting shared by prose, tables and chart axes.
        .target(name: "FolioFormat"),
        // Figures, units, periods and provenance; fact-sheet and CSV ingestion.
        .target(name: "FolioData", dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Chart specifications, scales, ticks and layout into a Scene.
        .target(name: "FolioCharts", dependencies: ["FolioScene", "FolioFormat"]),
        // Measures, intervals, number formats, the Analysis protocol and its results.
        .target(name: "FolioAnalysis", dependencies: ["FolioData", "FolioCharts", "FolioFormat"]),
        // The one place that calls Cairo and Pango (and qpdf, to finish cairo's tagged PDFs).
        .target(name: "FolioCairo", dependencies: ["FolioScene", "CCairo", "CPango", "CZlib", "CQPDF"],
                // Optimized in debug builds too: its pixel loops ran a quarter of every debug `folio run`
                // the end-to-end tests start (perf), several times slower unoptimized. `-Xcc -O0` keeps
                // the C headers it imports (cairo, pango, glib) unoptimized as in every other module, so
                // their precompiled modules are built once per build, not twice.
                swiftSettings: [.unsafeFlags(["-O", "-Xcc", "-O0"], .when(configuration: .debug))]),
        // Narrative parsing, inline values, report model, PDF/HTML/Markdown writers.
        .target(name: "FolioReport", dependencies: [
            "FolioScene", "FolioCharts", "FolioFormat", "CMark", "CYAML",
        ]),
        // The state briefing notebook's Swift files as a module, for their unit tests only: folio
        // compiles the notebook itself at run time, and links none of this.
        .target(name: "StateBriefingKit",
                dependencies: ["FolioAnalysis", "FolioCharts", "FolioData", "FolioFormat", "FolioScene", "FolioKit"],
                path: "Analyses/StateBriefing", exclude: ["briefing.md"]),
        // The one module notebooks import: Folio's public API for analyses, re-exported.
        .target(name: "FolioKit", dependencies: ["FolioAnalysis", "FolioCharts", "FolioData", "FolioFormat", "FolioScene"]),
        // Runs analyses and writes outputs: project discovery, notebooks, pipeline, files.
        .target(name: "FolioRunner", dependencies: [
            "FolioData", "FolioAnalysis", "FolioCharts", "FolioCairo", "FolioReport",
            "CCrypto",
        ]),
        // The command line: options, arguments, usage errors and `--help`, read from one spec per command.
        .target(name: "FolioCommandLine"),
        // Exports its symbols (`--export-dynamic`) so the notebook libraries it loads at run time
        // resolve Folio's types from the executable itself: one copy of each, shared.
        .executableTarget(name: "folio", dependencies: [
            "FolioRunner", "FolioKit", "FolioCommandLine",
        ], linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),

        // What the test targets share: assertion functions, the repository's paths, a seeded generator, a PDF inspector.
        .target(name: "TestSupport", dependencies: ["CQPDF"], path: "Tests/TestSupport",
                linkerSettings: [.linkedLibrary("qpdf")]),
        .testTarget(name: "FolioDataTests", dependencies: ["FolioData", "TestSupport"]),
        .testTarget(name: "FolioAnalysisTests", dependencies: ["FolioAnalysis", "TestSupport"]),
        .testTarget(name: "FolioChartsTests", dependencies: ["FolioCharts", "FolioScene", "TestSupport"]),
        .testTarget(name: "FolioCairoTests", dependencies: ["FolioCairo", "FolioCharts", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "FolioCommandLineTests", dependencies: ["FolioCommandLine", "TestSupport"]),
        .testTarget(name: "FolioReportTests", dependencies: ["FolioReport", "FolioCairo", "TestSupport"]),
        // Some end-to-end tests load notebooks in process: the test executable exports its
        // symbols for them as `folio` does.
        .testTarget(name: "StateBriefingTests", dependencies: ["StateBriefingKit", "FolioData", "TestSupport"]),
        // What the two end-to-end targets share: a throwaway copy of the project, running `folio`.
        .target(name: "EndToEndSupport", dependencies: ["TestSupport"], path: "Tests/EndToEndSupport"),
        // Two end-to-end targets, not one, so the build's last step (they need FolioRunner, the
        // last library) compiles on both cores: the commands as processes (runs, checks, shards,
        // kills, bad input), and notebooks and narratives through sessions.
        .testTarget(name: "FolioCommandTests", dependencies: ["FolioRunner", "FolioKit", "StateBriefingKit", "EndToEndSupport", "TestSupport"],
                    linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),
        .testTarget(name: "FolioEndToEndTests", dependencies: ["FolioRunner", "FolioKit", "StateBriefingKit", "EndToEndSupport", "TestSupport"],
                    linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),
    ],
    swiftLanguageModes: [.v6]
)
