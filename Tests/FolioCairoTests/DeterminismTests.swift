import Foundation
import Testing
import TestSupport
import FolioScene
@testable import FolioCharts
@testable import FolioCairo

/// Renders the same scene in two separate processes (this test binary, re-run with an env var)
/// and compares bytes, so nothing process-global (ids, clocks, addresses) leaks into files.
@Suite struct DeterminismTests {
    static let dumpEnv = "FOLIO_DETERMINISM_DUMP"

    /// Hashes of every sample chart (each mark kind) as laid out (the scene's description) and
    /// as PNG, PDF and SVG, and of a tagged multi-page PDF.
    static func digests() throws -> String {
        let r = try CairoSceneRenderer()
        let engine = ChartLayoutEngine(measurer: try PangoTextMeasurer())
        let meta = DocumentMetadata(title: "T", date: "2024-03-01T00:00:00")
        func h(_ b: [UInt8]) -> String { String(b.reduce(UInt64(14695981039346656037)) { ($0 ^ UInt64($1)) &* 1099511628211 }, radix: 16) }
        var out: [String] = []
        for chart in SampleCharts.all {
            let scene = try engine.layout(chart)
            out.append("\(chart.id) \(h(Array(SceneDescription.describe(scene).utf8))) \(h(try r.png(scene))) "
                       + "\(h(try r.pdf(scene, metadata: meta))) \(h(try r.svg(scene)))")
        }
        let page = Scene(size: Size(300, 300), background: .white, items: [
            .beginStructure(StructureElement(.heading1)),
            .text(TextItem(.plain("Title"), font: FontSpec(size: 14), origin: Point(20, 20))), .endStructure,
            .beginStructure(StructureElement(.figure, alternativeText: "A chart")),
            .group(Placement(offset: Point(20, 60), scale: 0.5), clip: nil, items: try engine.layout(SampleCharts.stacked).items),
            .endStructure,
        ])
        out.append("tagged \(h(try r.pdf(PagedDocument(pages: [page, page], metadata: meta))))")
        return out.joined(separator: "\n")
    }

    /// The child's half of `sameBytesAcrossProcesses`: runs only in the processes it starts.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[dumpEnv] != nil, "runs in the child processes of sameBytesAcrossProcesses"))
    func childProcessDump() throws {
        let path = try require(ProcessInfo.processInfo.environment[Self.dumpEnv])
        try Data(try Self.digests().utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[dumpEnv] == nil, "this process is a child"))
    func sameBytesAcrossProcesses() throws {
        // Re-run this test binary for just the dump test, twice, in fresh processes.
        let exe = URL(fileURLWithPath: CommandLine.arguments[0])
        var results: [String] = []
        for _ in 0..<2 {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-det-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            let p = Process()
            p.executableURL = exe
            p.arguments = ["--testing-library", "swift-testing", "--filter", "childProcessDump"]
            p.environment = ProcessInfo.processInfo.environment.merging([Self.dumpEnv: out.path]) { $1 }
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run(); p.waitUntilExit()
            guard let s = try? String(contentsOf: out, encoding: .utf8) else {
                Issue.record("child process wrote no digests (exit \(p.terminationStatus))"); return
            }
            results.append(s)
        }
        expectEqual(results[0], results[1])
        expectEqual(results[0], (try Self.digests()))
        expectEqual(results[0].split(separator: "\n").count, SampleCharts.all.count + 1)
    }
}
