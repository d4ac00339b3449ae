import Foundation
import Testing
import FolioScene
@testable import FolioCharts
@testable import FolioCairo

/// Renders the same scene in two separate processes (this test binary, re-run with an env var)
/// and compares bytes, so nothing process-global (ids, clocks, addresses) leaks into files.
@Suite struct DeterminismTests {
    static let dumpEnv = "FOLIO_DETERMINISM_DUMP"

    /// In a child process (env set), writes hashes of PNG/PDF/SVG for a fixed chart to stdout.
    static func digests() throws -> String {
        let r = try CairoSceneRenderer()
        let scene = try ChartLayoutEngine(measurer: try PangoTextMeasurer()).layout(SampleCharts.stacked)
        let meta = DocumentMetadata(title: "T", date: "2024-03-01T00:00:00")
        func h(_ b: [UInt8]) -> String { String(b.reduce(UInt64(14695981039346656037)) { ($0 ^ UInt64($1)) &* 1099511628211 }, radix: 16) }
        return [h(try r.png(scene)), h(try r.pdf(scene, metadata: meta)), h(try r.svg(scene))].joined(separator: " ")
    }

    @Test func childProcessDump() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.dumpEnv] else { return }
        try Data(try Self.digests().utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func sameBytesAcrossProcesses() throws {
        guard ProcessInfo.processInfo.environment[Self.dumpEnv] == nil else { return }
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
        #expect(results[0] == results[1])
        #expect(results[0] == (try Self.digests()))
    }
}
