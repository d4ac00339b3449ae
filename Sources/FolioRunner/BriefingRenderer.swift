import Foundation
import FolioAnalysis
import FolioCairo
import FolioCharts
import FolioReport
import FolioScene

/// Turns a finished analysis run and its narrative into every output file, in memory:
/// charts (PNG, PDF, SVG), the PDF briefing, the Markdown briefing and `figures.csv`.
/// The narrative is checked in full before any chart is drawn.
struct BriefingRenderer: Sendable {
    let measurer: PangoTextMeasurer
    let scenes: CairoSceneRenderer
    /// PNG resolution: 200 dpi, so a 468-point chart is 1300 pixels wide.
    var pixelsPerPoint = 200.0 / 72.0

    /// Starts `CairoSceneRenderer.warmUp` on a background thread the first time it is called
    /// (setting up the fonts there too, when nothing has yet).
    static func warmUpOnce(pixelsPerPoint: Double) {
        let charts = ChartTheme.standard.fontsInUse, pages = PDFStyle.standard.fontsInUse + ChartTheme.narrow.fontsInUse
        warmUpStarted.run {
            DispatchQueue.global(qos: .userInitiated).async {
                guard let scenes = try? CairoSceneRenderer() else { return }  // the session reports it
                // qpdf only once a render has begun: a run with nothing to render exits while
                // the warm-up goes on, and an exit waits for a `dlopen` in progress (up to 8 ms).
                scenes.warmUp(fonts: pages, rasterFonts: charts, pixelsPerPoint: pixelsPerPoint,
                              loadPDFFinisher: { renderStarted.hasRun })
            }
        }
    }
    private static let warmUpStarted = OnceFlag()
    private static let renderStarted = OnceFlag()

    /// Says a run is about to compute and render (so the warm-up may load what only rendering
    /// needs), starting the warm-up if nothing has.
    static func willRender(pixelsPerPoint: Double) {
        renderStarted.run {}
        warmUpOnce(pixelsPerPoint: pixelsPerPoint)
    }

    init() throws {
        do {
            measurer = try PangoTextMeasurer()
            scenes = try CairoSceneRenderer()
        } catch {
            throw FolioError.internal("cannot set up text rendering: \(error)")
        }
    }

    /// The report of the narrative with the methods appendix, or an input error naming the
    /// narrative's file, line and column.
    static func assemble(run: AnalysisRun, source: String, file: String) throws -> Report {
        do {
            var report = try ReportAssembler(resolver: ResultResolver(run: run), charts: run.charts)
                .assemble(source: source, file: file)
            report.blocks += MethodsAppendix.blocks(for: report, run: run)
            return report
        } catch {
            throw FolioError.input(String(describing: error))
        }
    }

    /// The pages of `report`, held to its front matter's `pages:`: when the full methods section
    /// makes the PDF too long, the PDF gets the compact one (a list of sources); when even that
    /// is too long, an error at the `pages:` line says by how much.
    static func pages(of report: Report, run: AnalysisRun, source: String, file: String,
                      layout: (Report) throws -> PagedDocument) throws -> PagedDocument {
        let full = try layout(report)
        guard let limit = report.pageLimit, full.pages.count > limit.count else { return full }
        var compact = report
        compact.blocks = MethodsAppendix.replacingSection(
            in: report.blocks, with: MethodsAppendix.blocks(for: report, run: run, detail: .compact))
        let document = try layout(compact)
        guard document.pages.count > limit.count else { return document }
        let line = NotebookDocument.lines(of: source).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        throw FolioError.input(Diagnostic(
            file: file, position: limit.position, length: "pages".count,
            message: "the PDF needs \(document.pages.count) pages on \(report.paper.rawValue) paper, even with the methods "
                + "condensed; the front matter allows \(limit.count)",
            sourceLine: limit.position.line <= line.count ? String(line[limit.position.line - 1]) : "").description)
    }

    /// The Markdown briefing of `report`, its charts linked under `charts/`.
    static func markdown(_ report: Report) -> String {
        MarkdownWriter(chartsDirectory: "charts").write(report)
    }

    /// The PDF's pages of `report`, held to its front matter's `pages:` (see `pages(of:…)`).
    func document(of report: Report, run: AnalysisRun, source: String, file: String,
                  chartEngine: ChartLayoutEngine, date: String) throws -> PagedDocument {
        try Self.pages(of: report, run: run, source: source, file: file) {
            try PDFLayout(measurer: measurer, chartEngine: chartEngine).layout($0, date: date)
        }
    }

    /// - Parameter citedChartsOnly: write chart files only for the charts the narrative places
    ///   (narrative-only analyses reuse another analysis's steps and need not repeat its charts).
    func render(run: AnalysisRun, narrative source: String, narrativeFile: String, citedChartsOnly: Bool = false,
                progress: (String) -> Void) throws -> [RenderedFile] {
        let date = DocumentDate.make(for: run)
        let charts: [Chart]
        let preassembled: Report?
        if citedChartsOnly {
            // Which charts to draw depends on the narrative: assemble it first.
            let report = try Self.assemble(run: run, source: source, file: narrativeFile)
            let placed = Set(report.figures.map(\.chartID) + report.tables.map(\.chartID))
            charts = run.charts.filter { placed.contains($0.id) }
            preassembled = report
        } else {
            charts = run.charts
            preassembled = nil
        }
        let chartEngine = ChartLayoutEngine(measurer: measurer)
        let files: [RenderedFile]
        do {
            files = try ParallelRender.charts(
                charts, engine: chartEngine, scenes: scenes, pixelsPerPoint: pixelsPerPoint, date: date,
                narrative: { try preassembled ?? Self.assemble(run: run, source: source, file: narrativeFile) },
                author: { $0.author ?? "" },
                texts: { report in
                    [RenderedFile(path: "briefing.md", text: Self.markdown(report)),
                     RenderedFile(path: "figures.csv", text: FiguresTable.csv(run.orderedResults))]
                },
                pageFonts: PDFStyle.standard.fontsInUse,
                document: { [self] report in
                    try document(of: report, run: run, source: source, file: narrativeFile, chartEngine: chartEngine, date: date)
                },
                html: { report, svgs, narrow in
                    // The HTML inlines the SVGs just rendered.
                    RenderedFile(path: "briefing.html", text: HTMLWriter(
                        chartSVGs: svgs.mapValues { String(decoding: $0, as: UTF8.self) },
                        narrowChartSVGs: narrow.mapValues { String(decoding: $0, as: UTF8.self) }, date: date).write(report))
                })
            progress("\(run.displayName): drew \(charts.count) charts and laid out the briefing")
        } catch let error as FolioError {
            throw error
        } catch {
            throw FolioError.internal("rendering failed: \(error)")
        }
        return files
    }
}
