import FolioAnalysis
import FolioCairo
import FolioCharts
import FolioReport
import FolioScene
import Foundation

/// In-process timings for `folio bench`: each measured job runs `runs` times and is reported as
/// min / median / max in milliseconds. The first repetition of a job is its cold run (Pango's
/// measurement cache empty); later ones are warm.
public enum Benchmark {
    public struct Row: Sendable {
        public var name: String
        public var samples: [Double]  // milliseconds
        public var bytes: Int?
        public var sorted: [Double] { samples.sorted() }
        public var median: Double {
            let s = sorted
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        public var line: String {
            let s = sorted
            let size = bytes.map { String(format: "%9.1f KiB", Double($0) / 1024) } ?? ""
            return Benchmark.pad(name) + String(format: " %8.2f %8.2f %8.2f ms", s.first ?? 0, median, s.last ?? 0) + size
        }
    }

    public static func pad(_ s: String, _ width: Int = 44) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }

    /// Per-chart layout and encoding times, then the whole briefing rendered in memory.
    public static func inProcess(session: FolioSession, dataFile: String?, runs: Int) throws -> [Row] {
        let renderer = session.renderer
        let run = try session.compute(dataFile: dataFile)
        let engine = ChartLayoutEngine(measurer: renderer.measurer)
        let meta = DocumentMetadata(title: "", author: "", subject: "", keywords: [], date: "2024-01-01")
        var rows: [Row] = []
        var compute = Row(name: "compute (parse + steps)", samples: [])
        for _ in 0..<runs { compute.samples.append(try time { try session.compute(dataFile: dataFile) }.1) }
        rows.append(compute)
        var totals: [String: Row] = [:]
        for format in ["layout", "png", "pdf", "svg"] { totals[format] = Row(name: "all 6 charts: \(format)", samples: []) }
        for chart in run.charts {
            var layout = Row(name: "\(chart.id): layout", samples: [])
            var png = Row(name: "\(chart.id): png (draw + encode)", samples: [])
            var pdf = Row(name: "\(chart.id): pdf (draw + encode)", samples: [])
            var svg = Row(name: "\(chart.id): svg (draw + encode)", samples: [])
            for _ in 0..<runs {
                let (scene, l) = try time { try engine.layout(chart) }
                layout.samples.append(l)
                let (p, tp) = try time { try renderer.scenes.png(scene, pixelsPerPoint: renderer.pixelsPerPoint) }
                png.samples.append(tp); png.bytes = p.count
                let (d, td) = try time { try renderer.scenes.pdf(scene, metadata: meta) }
                pdf.samples.append(td); pdf.bytes = d.count
                let (s, ts) = try time { try renderer.scenes.svg(scene) }
                svg.samples.append(ts); svg.bytes = s.count
            }
            rows += [layout, png, pdf, svg]
            for (k, r) in [("layout", layout), ("png", png), ("pdf", pdf), ("svg", svg)] {
                var t = totals[k]!
                if t.samples.isEmpty { t.samples = r.samples } else { t.samples = zip(t.samples, r.samples).map(+) }
                t.bytes = (t.bytes ?? 0) + (r.bytes ?? 0)
                totals[k] = t
            }
        }
        rows += ["layout", "png", "pdf", "svg"].map { totals[$0]! }
        var whole = Row(name: "whole briefing in memory (all formats)", samples: [])
        for _ in 0..<runs {
            let (files, t) = try time { try session.render(dataFile: dataFile).files }
            whole.samples.append(t); whole.bytes = files.reduce(0) { $0 + $1.bytes.count }
        }
        rows.append(whole)
        return rows
    }
}
