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

    init() throws {
        do {
            measurer = try PangoTextMeasurer()
            scenes = try CairoSceneRenderer()
        } catch {
            throw FolioError.internal("cannot set up text rendering: \(error)")
        }
    }

    func render(run: AnalysisRun, narrative source: String, narrativeFile: String,
                progress: (String) -> Void) throws -> [RenderedFile] {
        let report: Report
        do {
            report = try ReportAssembler(resolver: ResultResolver(run: run), charts: run.charts)
                .assemble(source: source, file: narrativeFile)
        } catch {
            throw FolioError.input(error.description)
        }
        let date = DocumentDate.make(for: run)
        let chartEngine = ChartLayoutEngine(measurer: measurer)
        var files: [RenderedFile]
        do {
            files = try ParallelRender.charts(run.charts, engine: chartEngine, scenes: scenes, pixelsPerPoint: pixelsPerPoint,
                                              author: report.author ?? "", date: date) {
                try PDFLayout(measurer: measurer, chartEngine: chartEngine).layout(report, date: date)
            }
            progress("\(run.displayName): drew \(run.charts.count) charts")
            progress("\(run.displayName): laid out the briefing PDF")
        } catch let error as FolioError {
            throw error
        } catch {
            throw FolioError.internal("rendering failed: \(error)")
        }
        files.append(RenderedFile(path: "briefing.md", text: MarkdownWriter(chartsDirectory: "charts").write(report)))
        files.append(RenderedFile(path: "figures.csv", text: FiguresTable.csv(run.orderedResults)))
        return files
    }
}
