import FolioCairo
import FolioCharts
import FolioScene
import Foundation

/// Renders a briefing's charts (PNG, PDF, SVG each) and its PDF concurrently, one task per chart
/// plus one for the document, and returns the files in the order the sequential loop gave them.
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
        let slots = Slots(charts.count + 1)
        // The document first: it is the longest task.
        DispatchQueue.concurrentPerform(iterations: charts.count + 1) { k in
            do {
                if k == 0 {
                    let doc = try document()
                    slots.set(charts.count, [RenderedFile(path: "briefing.pdf", bytes: try scenes.pdf(doc))])
                    return
                }
                let chart = charts[k - 1]
                let scene = try engine.layout(chart)
                let metadata = DocumentMetadata(title: chart.title, author: author,
                                                subject: chart.subtitle ?? "", keywords: [], date: date)
                slots.set(k - 1, [
                    RenderedFile(path: "charts/\(chart.id).png", bytes: try scenes.png(scene, pixelsPerPoint: pixelsPerPoint)),
                    RenderedFile(path: "charts/\(chart.id).pdf", bytes: try scenes.pdf(scene, metadata: metadata)),
                    RenderedFile(path: "charts/\(chart.id).svg", bytes: try scenes.svg(scene)),
                ])
            } catch {
                slots.fail(error)
            }
        }
        if let error = slots.error { throw error }
        return slots.files.flatMap { $0 }
    }
}
