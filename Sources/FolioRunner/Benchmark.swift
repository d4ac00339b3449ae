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
        for format in ["layout", "png", "pdf", "svg"] { totals[format] = Row(name: "all \(run.charts.count) charts: \(format)", samples: []) }
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
        rows += try reportStages(session: session, run: run, runs: runs)
        var whole = Row(name: "whole briefing in memory (all formats)", samples: [])
        for _ in 0..<runs {
            let (files, t) = try time { try session.render(dataFile: dataFile).files }
            whole.samples.append(t); whole.bytes = files.reduce(0) { $0 + $1.bytes.count }
        }
        rows.append(whole)
        return rows
    }

    /// The report's own stages: assembling the narrative, laying out and encoding the PDF, and
    /// writing HTML and Markdown (charts inside the PDF are laid out again, as a run does).
    static func reportStages(session: FolioSession, run: AnalysisRun, runs: Int) throws -> [Row] {
        let renderer = session.renderer
        let source = try String(contentsOfFile: session.projectRoot + "/" + session.target.narrative, encoding: .utf8)
        let assembler = ReportAssembler(resolver: ResultResolver(run: run), charts: run.charts)
        let engine = ChartLayoutEngine(measurer: renderer.measurer)
        var assemble = Row(name: "narrative: assemble", samples: [])
        var layout = Row(name: "briefing PDF: page layout", samples: [])
        var encode = Row(name: "briefing PDF: encode", samples: [])
        var html = Row(name: "briefing HTML (with chart SVGs)", samples: [])
        var svgs: [String: String] = [:]
        for chart in run.charts {
            svgs[chart.id] = String(decoding: try renderer.scenes.svg(try engine.layout(chart)), as: UTF8.self)
        }
        var markdown = Row(name: "briefing Markdown", samples: [])
        for _ in 0..<runs {
            let (report, ta) = try time { try assembler.assemble(source: source, file: session.target.narrative) }
            assemble.samples.append(ta)
            let (document, tl) = try time { try PDFLayout(measurer: renderer.measurer, chartEngine: engine).layout(report, date: "2024-01-01T00:00:00") }
            layout.samples.append(tl)
            let (pdf, te) = try time { try renderer.scenes.pdf(document) }
            encode.samples.append(te); encode.bytes = pdf.count
            let (h, th) = time { HTMLWriter(chartSVGs: svgs, date: "2024-01-01T00:00:00").write(report) }
            html.samples.append(th); html.bytes = h.utf8.count
            let (m, tm) = time { MarkdownWriter(chartsDirectory: "charts").write(report) }
            markdown.samples.append(tm); markdown.bytes = m.utf8.count
        }
        return [assemble, layout, encode, html, markdown]
    }
}
