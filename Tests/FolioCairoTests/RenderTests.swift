import Foundation
import Testing
import TestSupport
import FolioScene
@testable import FolioCharts
@testable import FolioCairo

/// Runs a command-line tool on `input` bytes (written to a temp file for the tool only).
func runTool(_ tool: String, _ args: [String], input: [UInt8]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString).pdf")
    try Data(input).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
    p.arguments = args + [url.path] + (tool == "pdftotext" ? ["-"] : [])
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// PNG width and height from the IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
    guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4e, 0x47]) else { return nil }
    func be(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

@Suite(.serialized) struct RenderTests {
    let measurer: PangoTextMeasurer
    let renderer: CairoSceneRenderer
    let engine: ChartLayoutEngine
    let metadata = DocumentMetadata(title: "Mississippi briefing", author: "Folio", subject: "NCMEC 2023",
                                    keywords: ["NCMEC", "Mississippi"], date: "2024-03-01T00:00:00")
    init() throws {
        measurer = try PangoTextMeasurer()
        renderer = try CairoSceneRenderer()
        engine = ChartLayoutEngine(measurer: measurer)
    }

    @Test func fontLibraryPinsInter() throws {
        expect(try FontLibrary.pin() >= 4)
        expect(try FontLibrary.pin() >= 4) // idempotent
    }

    @Test func measurerGrowsWithTextAndWeight() {
        let f = FontSpec(size: 10)
        let short = measurer.measure(TextItem(.plain("Mississippi"), font: f, origin: .zero))
        let long = measurer.measure(TextItem(.plain("Mississippi and Alabama"), font: f, origin: .zero))
        var boldFont = f; boldFont.weight = .bold
        let bold = measurer.measure(TextItem(.plain("Mississippi"), font: boldFont, origin: .zero))
        expect(short.width > 20 && long.width > short.width && bold.width > short.width)
        expect(short.height > 10 && short.height < 16 && short.lineCount == 1)
        let wrapped = measurer.measure(TextItem(.plain("Mississippi and Alabama and Louisiana"), font: f, origin: .zero, width: 60))
        expect(wrapped.lineCount >= 2 && wrapped.width <= 60)
    }

    @Test func tabularFiguresAreEvenWidth() {
        let tab = FontSpec(size: 10, tabularFigures: true)
        let a = measurer.measure(TextItem(.plain("111"), font: tab, origin: .zero)).width
        let b = measurer.measure(TextItem(.plain("888"), font: tab, origin: .zero)).width
        expect(abs(a - b) < 0.01)
    }

    @Test(arguments: SampleCharts.all)
    func everyKindRendersCleanly(chart: Chart) throws {
        let scene = try engine.layout(chart)
        // Layout checked with the real measurer too.
        expect(SceneTexts.overlaps(in: scene, measurer: measurer).isEmpty,
                "\(SceneTexts.overlaps(in: scene, measurer: measurer).map { "\($0.0.string) × \($0.1.string)" })")
        expect(SceneTexts.outside(in: scene, measurer: measurer).isEmpty,
                "\(SceneTexts.outside(in: scene, measurer: measurer).map(\.string))")
        expect(SceneTexts.crossings(in: scene, measurer: measurer).isEmpty,
                "\(SceneTexts.crossings(in: scene, measurer: measurer).map(\.text.string))")
        let png = try renderer.png(scene, pixelsPerPoint: 200.0 / 72.0)
        let size = try require(pngSize(png))
        expect(size.0 == 1300 && size.0 >= 1200)
        let svg = try renderer.svg(scene)
        expect(String(decoding: svg.prefix(200), as: UTF8.self).contains("<svg"))
        let pdf = try renderer.pdf(scene, metadata: metadata)
        expect(pdf.starts(with: Array("%PDF".utf8)))
        let text = try runTool("pdftotext", [], input: pdf)
        expect(text.contains(chart.title.split(separator: " ").prefix(3).joined(separator: " ")))
        let fonts = try runTool("pdffonts", [], input: pdf)
        expect(fonts.contains("Inter") && fonts.contains("yes"))
    }

    @Test func pdfHasTickLabelsAndMetadata() throws {
        let pdf = try renderer.pdf(try engine.layout(SampleCharts.shares), metadata: metadata)
        let text = try runTool("pdftotext", [], input: pdf)
        for tick in ["0.0%", "0.5%", "1.0%"] { expect(text.contains(tick), "missing \(tick)") }
        let info = try runTool("pdfinfo", [], input: pdf)
        expect(info.contains("Mississippi briefing"))
        expect(info.contains("2024"))
    }

    @Test func sameBytesTwiceInOneProcess() throws {
        let scene = try engine.layout(SampleCharts.dots)
        expectEqual(try renderer.png(scene), try renderer.png(scene))
        expectEqual(try renderer.pdf(scene, metadata: metadata), try renderer.pdf(scene, metadata: metadata))
        expectEqual(try renderer.svg(scene), try renderer.svg(scene))
    }

    @Test func pagedDocumentHasOutlineAndLinks() throws {
        let chart = try engine.layout(SampleCharts.counts)
        let page1 = Scene(size: Size(612, 792), background: .white, items: [
            .destination(name: "intro", at: Point(72, 72)),
            .text(TextItem(.plain("Introduction"), font: FontSpec(size: 14, weight: .bold), origin: Point(72, 72))),
            .internalLink(Rect(x: 72, y: 100, width: 100, height: 14), destination: "chart"),
            .text(TextItem(.markup("See <b>the chart</b>"), font: FontSpec(size: 10), origin: Point(72, 100))),
            .link(Rect(x: 72, y: 120, width: 100, height: 14), uri: "https://www.missingkids.org"),
        ])
        let page2 = Scene(size: Size(612, 792), background: .white, items: [
            .destination(name: "chart", at: Point(72, 72)),
            .group(Placement(offset: Point(72, 72), scale: 1), clip: nil, items: chart.items),
        ])
        let doc = PagedDocument(pages: [page1, page2], metadata: metadata,
                                outline: [OutlineEntry(title: "Introduction", level: 1, destination: "intro"),
                                          OutlineEntry(title: "Report counts", level: 2, destination: "chart")])
        let pdf = try renderer.pdf(doc)
        expect(try runTool("pdfinfo", [], input: pdf).split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 2") })
        let raw = String(decoding: pdf, as: UTF8.self)
        expect(raw.contains("/Outlines"))
        expect(raw.contains("missingkids"))
        expectEqual(try renderer.pdf(doc), pdf)
        expect(try runTool("pdftotext", [], input: pdf).contains("Nearly all Mississippi"))
    }
}
