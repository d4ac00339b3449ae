import FolioCairo
import FolioCharts
import FolioScene
import Foundation

/// Renders a briefing's charts (PNG, PDF, SVG each) and its PDF on two threads, and returns the
/// files in the order the sequential loop gave them.
///
/// Each thread draws with its own Pango context (see `PangoEngine`), so both cores work. Every
/// output depends only on its own scene (SVG ids are renumbered, PDFs carry their own fonts), so
/// the bytes do not depend on which thread made them or the order tasks finish in.
enum ParallelRender {
    final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var files: [[RenderedFile]]
        var error: (any Error)?
        /// The charts' scenes, written by lane 0 before it signals `scenesReady`.
        var laidOut: [Scene] = []
        let scenesReady = DispatchSemaphore(value: 0)
        /// The next chart whose PDF and SVG nobody has taken yet.
        var nextVector = 0
        init(_ n: Int) { files = Array(repeating: [], count: n) }
        func set(_ i: Int, _ value: [RenderedFile]) { lock.lock(); files[i] = value; lock.unlock() }
        func fail(_ e: any Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
        func takeVector(below n: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard nextVector < n, error == nil else { return nil }
            nextVector += 1
            return nextVector - 1
        }
    }

    static func charts(_ charts: [Chart], engine: ChartLayoutEngine, scenes: CairoSceneRenderer, pixelsPerPoint: Double,
                       author: String, date: String,
                       document: @Sendable () throws -> PagedDocument) throws -> [RenderedFile] {
        // Lane 0 lays the charts out and draws the PNGs one after the other (so only one
        // full-size pixel buffer exists at a time: peak memory); lane 1 lays out and encodes the
        // briefing PDF. Then both take charts' PDFs and SVGs from a shared queue until none are
        // left, so the lanes finish together whichever is slower on this machine.
        let slots = Slots(charts.count * 3 + 1)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            do {
                if lane == 0 {
                    do {
                        slots.laidOut = try charts.map { try engine.layout($0) }
                    } catch {
                        slots.fail(error)
                    }
                    Trace.mark("charts laid out")
                    slots.scenesReady.signal()
                    for (i, (chart, scene)) in zip(charts, slots.laidOut).enumerated() {
                        slots.set(3 * i, [RenderedFile(path: "charts/\(chart.id).png",
                                                       bytes: try scenes.png(scene, pixelsPerPoint: pixelsPerPoint))])
                        Trace.mark("png \(chart.id)")
                    }
                } else {
                    let doc = try document()
                    Trace.mark("briefing laid out")
                    slots.set(charts.count * 3, [RenderedFile(path: "briefing.pdf", bytes: try scenes.pdf(doc))])
                    Trace.mark("briefing pdf")
                    slots.scenesReady.wait()
                }
                while let i = slots.takeVector(below: slots.laidOut.count) {
                    let chart = charts[i], scene = slots.laidOut[i]
                    let metadata = DocumentMetadata(title: chart.title, author: author,
                                                    subject: chart.subtitle ?? "", keywords: [], date: date)
                    slots.set(3 * i + 1, [RenderedFile(path: "charts/\(chart.id).pdf", bytes: try scenes.pdf(scene, metadata: metadata))])
                    Trace.mark("pdf \(chart.id)")
                    slots.set(3 * i + 2, [RenderedFile(path: "charts/\(chart.id).svg", bytes: try scenes.svg(scene))])
                    Trace.mark("svg \(chart.id)")
                }
            } catch {
                slots.fail(error)
            }
        }
        if let error = slots.error { throw error }
        return slots.files.flatMap { $0 }
    }
}
