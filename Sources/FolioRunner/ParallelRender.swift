import FolioCairo
import FolioCharts
import FolioScene
import Foundation

/// Renders a briefing's charts (PNG, PDF, SVG each) and its PDF on two threads, and returns the
/// files in the order the sequential loop gave them.
///
/// Pango work stays serialised by FolioCairo's lock, but PNG encoding, cairo's PDF/SVG finishing
/// (font subsetting, compression) and SVG id renumbering run outside it, so a second core helps.
/// Every output depends only on its own scene (SVG ids are renumbered, PDFs carry their own
/// fonts), so the bytes do not depend on the order tasks finish in.
enum ParallelRender {
    final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var files: [[RenderedFile]]
        var error: (any Error)?
        init(_ n: Int) { files = Array(repeating: [], count: n) }
        func set(_ i: Int, _ value: [RenderedFile]) { lock.lock(); files[i] = value; lock.unlock() }
        func fail(_ e: any Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    }

    static func charts(_ charts: [Chart], engine: ChartLayoutEngine, scenes: CairoSceneRenderer, pixelsPerPoint: Double,
                       author: String, date: String,
                       document: @Sendable () throws -> PagedDocument) throws -> [RenderedFile] {
        // Scenes first (under a millisecond each), then two lanes: the PNGs one after the other
        // (so only one full-size pixel buffer exists at a time: peak memory), and the vector
        // outputs (briefing PDF, chart PDFs and SVGs). The lanes take about as long as each other.
        let scenes_ = try charts.map { try engine.layout($0) }
        let slots = Slots(charts.count * 3 + 1)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            do {
                if lane == 0 {
                    for (i, (chart, scene)) in zip(charts, scenes_).enumerated() {
                        slots.set(3 * i, [RenderedFile(path: "charts/\(chart.id).png",
                                                       bytes: try scenes.png(scene, pixelsPerPoint: pixelsPerPoint))])
                    }
                    return
                }
                let doc = try document()
                slots.set(charts.count * 3, [RenderedFile(path: "briefing.pdf", bytes: try scenes.pdf(doc))])
                for (i, (chart, scene)) in zip(charts, scenes_).enumerated() {
                    let metadata = DocumentMetadata(title: chart.title, author: author,
                                                    subject: chart.subtitle ?? "", keywords: [], date: date)
                    slots.set(3 * i + 1, [RenderedFile(path: "charts/\(chart.id).pdf", bytes: try scenes.pdf(scene, metadata: metadata))])
                    slots.set(3 * i + 2, [RenderedFile(path: "charts/\(chart.id).svg", bytes: try scenes.svg(scene))])
                }
            } catch {
                slots.fail(error)
            }
        }
        if let error = slots.error { throw error }
        return slots.files.flatMap { $0 }
    }
}
