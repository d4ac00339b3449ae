import FolioCairo
import FolioCharts
import FolioScene
import Foundation

/// Renders a briefing's charts (PNG, PDF, SVG each) and its PDF on two threads, and returns the
/// files in a fixed order (each chart's PNG, PDF, SVG, then the briefing, the HTML and the texts).
///
/// Lane 0 lays the charts out while lane 1 assembles the narrative (which checks every
/// reference) and writes the Markdown and CSV; nothing is drawn until that check passes. Lane 1
/// then lays out and encodes the briefing PDF while lane 0 draws chart files, and both lanes
/// take chart files from one queue until it is empty, so they finish together whichever is
/// slower. (A second font map, so page layout could run beside chart layout, loaded every face
/// twice and gained nothing measurable.)
///
/// The queue starts with the PNGs, then the phone layouts, largest first. Every output depends
/// only on its own scene, so the bytes do not depend on which thread made them or the order
/// tasks finish in; a file this process already rendered from an identical scene is reused.
enum ParallelRender {
    /// One chart file to make.
    enum Task {
        case png(Int), pdf(Int), svg(Int)
        /// The chart laid out again for phone screens (`ChartTheme.narrow`), for the HTML only.
        case narrowSVG(Int)
    }

    final class Work<Report>: @unchecked Sendable {
        let lock = NSLock()
        var files: [RenderedFile?]
        /// The phone-width SVG of each chart that has one, by chart index.
        var narrowSVGs: [Int: [UInt8]] = [:]
        var error: (any Error)?
        /// The charts' scenes and the task queue, written by lane 0 before it signals `laidOut`.
        var scenes: [Scene] = []
        var tasks: [Task] = []
        let laidOut = DispatchSemaphore(value: 0)
        /// The assembled narrative, written by lane 1 before it signals `checked`.
        var report: Report?
        /// Files made from the report alone, written by lane 1.
        var texts: [RenderedFile] = []
        let checked = DispatchSemaphore(value: 0)
        private var next = 0
        private var finished = 0
        init(_ n: Int) { files = Array(repeating: nil, count: n) }
        /// Counts a finished chart task; true for the one that finishes the last.
        func finishTask() -> Bool {
            lock.lock(); defer { lock.unlock() }
            finished += 1
            return finished == tasks.count
        }
        func set(_ i: Int, _ file: RenderedFile) { lock.lock(); files[i] = file; lock.unlock() }
        func fail(_ e: any Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
        var failed: Bool { lock.lock(); defer { lock.unlock() }; return error != nil }
        /// The next task nobody has taken, or nil when none is left or a task failed.
        func take() -> Task? {
            lock.lock(); defer { lock.unlock() }
            guard next < tasks.count, error == nil else { return nil }
            next += 1
            return tasks[next - 1]
        }
    }

    /// - Parameters:
    ///   - narrative: assembles and checks the report (lane 1, while lane 0 lays out charts).
    ///   - author: the chart PDFs' author, from the report.
    ///   - texts: files made from the report alone (Markdown, CSV), written by lane 1 while it
    ///     waits for the charts' layout.
    ///   - pageFonts: fonts lane 1 loads next, still waiting (see `PDFStyle.fontsInUse`).
    ///   - document: lays out the briefing's pages from the report.
    ///   - html: the HTML page from the report, every chart's SVG and its phone-width SVG (by
    ///     chart id), made by the lane that finishes the last chart file.
    static func charts<Report>(_ charts: [Chart], engine: ChartLayoutEngine, scenes renderer: CairoSceneRenderer,
                               pixelsPerPoint: Double, date: String,
                               narrative: @escaping @Sendable () throws -> Report, author: @escaping @Sendable (Report) -> String,
                               texts: @escaping @Sendable (Report) -> [RenderedFile], pageFonts: [FontSpec],
                               document: @escaping @Sendable (Report) throws -> PagedDocument,
                               html: @escaping @Sendable (Report, [String: [UInt8]], [String: [UInt8]]) -> RenderedFile)
        throws -> [RenderedFile] {
        // Files: each chart's PNG, PDF, SVG; the briefing PDF; the HTML; then `texts`.
        let n = charts.count * 3
        let work = Work<Report>(n + 2)
        @Sendable func makeHTML(_ report: Report) {
            var svgs: [String: [UInt8]] = [:], narrow: [String: [UInt8]] = [:]
            work.lock.lock()
            for (i, chart) in charts.enumerated() {
                svgs[chart.id] = work.files[3 * i + 2]?.bytes
                narrow[chart.id] = work.narrowSVGs[i]
            }
            work.lock.unlock()
            work.set(n + 1, html(report, svgs, narrow))
            Trace.mark("html")
        }
        renderer.endWarmUp()
        let narrowEngine = ChartLayoutEngine(theme: .narrow, measurer: engine.measurer)
        @Sendable func lane(_ lane: Int) {
            do {
                if lane == 0 {
                    do {
                        work.scenes = try charts.map { try engine.layout($0) }
                        Trace.mark("charts laid out")
                        let bySize = work.scenes.indices.sorted {
                            let a = work.scenes[$0].size, b = work.scenes[$1].size
                            return (a.width * a.height, $1) > (b.width * b.height, $0)
                        }
                        // Long tasks first, so the short ones even out the lanes' finish: PNGs and
                        // phone layouts largest first, then the PDFs and SVGs.
                        work.tasks = bySize.map(Task.png) + bySize.filter { !charts[$0].mark.isTable }.map(Task.narrowSVG)
                            + charts.indices.flatMap { [Task.pdf($0), Task.svg($0)] }
                    } catch {
                        work.fail(error)
                    }
                    work.laidOut.signal()
                    work.checked.wait()
                } else {
                    do {
                        let report = try narrative()
                        work.report = report
                        Trace.mark("assembled")
                        work.checked.signal()
                        work.texts = texts(report)
                        Trace.mark("texts")
                        // Then, while lane 0 still lays charts out, load the pages' fonts.
                        renderer.preload(pageFonts)
                        Trace.mark("page fonts")
                    } catch {
                        work.fail(error)
                        work.checked.signal()
                    }
                    // Pages after charts: both need Pango's lock, which is not fair, and a lane
                    // measuring paragraphs starved the one shaping chart labels (35 ms, not 7).
                    work.laidOut.wait()
                    guard !work.failed, let report = work.report else { return }
                    let doc = try document(report)
                    Trace.mark("briefing laid out")
                    work.set(n, RenderedFile(path: "briefing.pdf", bytes: try renderer.pdf(doc)))
                    Trace.mark("briefing pdf")
                }
                guard let report = work.report else { return }
                while let task = work.take() {
                    switch task {
                    case .png(let i):
                        let bytes = try RenderCache.shared.bytes(for: work.scenes[i], as: .png(pixelsPerPoint)) {
                            try renderer.png(work.scenes[i], pixelsPerPoint: pixelsPerPoint)
                        }
                        work.set(3 * i, RenderedFile(path: "charts/\(charts[i].id).png", bytes: bytes))
                    case .pdf(let i):
                        let metadata = DocumentMetadata(title: charts[i].title, author: author(report),
                                                        subject: charts[i].subtitle ?? "", keywords: [], date: date)
                        let bytes = try RenderCache.shared.bytes(for: work.scenes[i], as: .pdf(metadata)) {
                            try renderer.pdf(work.scenes[i], metadata: metadata)
                        }
                        work.set(3 * i + 1, RenderedFile(path: "charts/\(charts[i].id).pdf", bytes: bytes))
                    case .svg(let i):
                        let bytes = try RenderCache.shared.bytes(for: work.scenes[i], as: .svg) { try renderer.svg(work.scenes[i]) }
                        work.set(3 * i + 2, RenderedFile(path: "charts/\(charts[i].id).svg", bytes: bytes))
                    case .narrowSVG(let i):
                        // A chart that cannot be laid out this narrow keeps its one layout in the HTML.
                        var chart = charts[i]
                        chart.size = Size(ChartTheme.narrowWidth, chart.size.height)
                        if let scene = try? narrowEngine.layout(chart) {
                            let bytes = try RenderCache.shared.bytes(for: scene, as: .svg) { try renderer.svg(scene) }
                            work.lock.lock(); work.narrowSVGs[i] = bytes; work.lock.unlock()
                        }
                    }
                    Trace.mark("\(task)")
                    if work.finishTask() { makeHTML(report) }
                }
            } catch {
                work.fail(error)
            }
        }
        // Lane 1 on a thread of its own, lane 0 on this one. Not `concurrentPerform`: on one
        // CPU it runs its iterations one after the other, and lane 0 waits for lane 1.
        let laneOneDone = DispatchSemaphore(value: 0)
        let laneOne = Thread { lane(1); laneOneDone.signal() }
        laneOne.stackSize = 1 << 22
        laneOne.start()
        lane(0)
        laneOneDone.wait()
        if let error = work.error { throw error }
        guard let report = work.report else { throw FolioError.internal("the narrative was not assembled") }
        if work.files[n + 1] == nil { makeHTML(report) }  // no chart tasks ran
        return work.files.compactMap { $0 } + work.texts
    }
}
