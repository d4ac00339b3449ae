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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CPango", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libfontconfig-dev"])]),
        // Streaming DEFLATE for PNG (Intel ISA-L's igzip): 6× faster than libdeflate on charts.
        .systemLibrary(
            name: "CIsal", pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]),
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
        // The one place that calls Cairo and Pango.
        .target(name: "FolioCairo", dependencies: ["FolioScene", "CCairo", "CPango", "CIsal"]),
        // Narrative parsing, inline values, report model, PDF/HTML/Markdown writers.
        .target(name: "FolioReport", dependencies: [
            "FolioScene", "FolioCharts", "FolioFormat", "CMark", .product(name: "Yams", package: "Yams"),
        ]),
        // The analyses users write, compiled into the runner; narrative and data are read at run time.
        .target(
            name: "StateBriefing", dependencies: ["FolioAnalysis", "FolioData", "FolioCharts", "FolioScene"],
            path: "Analyses/StateBriefing", exclude: ["briefing.md"]),
        // Runs analyses and writes outputs: project discovery, pipeline, files.
        .target(name: "FolioRunner", dependencies: [
            "FolioData", "FolioAnalysis", "FolioCharts", "FolioCairo", "FolioReport", "StateBriefing",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "folio", dependencies: [
            "FolioRunner", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "FolioDataTests", dependencies: ["FolioData"]),
        .testTarget(name: "FolioAnalysisTests", dependencies: ["FolioAnalysis"]),
        .testTarget(name: "FolioChartsTests", dependencies: ["FolioCharts", "FolioScene"]),
        .testTarget(name: "FolioCairoTests", dependencies: ["FolioCairo", "FolioCharts"], exclude: ["__Snapshots__"]),
        .testTarget(name: "FolioReportTests", dependencies: ["FolioReport", "FolioCairo"]),
        .testTarget(name: "StateBriefingTests", dependencies: ["StateBriefing", "FolioAnalysis", "FolioData"]),
        .testTarget(name: "FolioEndToEndTests", dependencies: ["FolioRunner"]),
    ],
    swiftLanguageModes: [.v6]
)
