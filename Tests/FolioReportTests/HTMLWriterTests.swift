import FolioCharts
import FolioScene
import Foundation
import Testing
import TestSupport
@testable import FolioReport

/// A resolver whose `cybertipline.reports` carries a caveat, for the notes feature.
struct NotedResolver: InlineValueResolver {
    let base = FakeResolver()
    var availableNames: [String] { base.availableNames }
    func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String {
        try base.resolve(name: name, filters: filters)
    }
    func operand(name: String) throws(InlineResolutionError) -> ConditionOperand { try base.operand(name: name) }
    func note(for name: String) -> String? {
        name == "cybertipline.reports" ? "reports made available to law enforcement, not where the upload resolved" : nil
    }
}

enum HTMLFixtures {
    static let table = Chart(
        id: "counts", title: "Counts with intervals", source: "Source: NCMEC <fact sheet> & Census",
        mark: .table(TableMark(columns: ["Measure", "Count"], rows: [["Cases", "412"], ["Reports", "4,546"]],
                               numericColumns: [1])),
        altText: "Table of counts")
    static let dots = Chart(
        id: "rates", title: "Rates & <intervals>", source: "Source: NCMEC",
        mark: .dots(DotMark(categories: ["Cases", "Reports"],
                            series: [Series(name: "Mississippi", values: [0.1234, nil],
                                            intervals: [0.1...0.15, nil], emphasized: true)],
                            axis: ValueAxis(title: "Share", style: .percent(places: 1)),
                            referenceLines: [ReferenceLine(value: 0.2, label: "US share")])),
        altText: "Dots for \"rates\" & <things>")
    static var charts: [String: Chart] {
        var c = Fixtures.charts
        c[table.id] = table
        c[dots.id] = dots
        return c
    }
    /// Minimal SVGs shaped like cairo's: a prolog, colliding ids, references to them.
    static func svg(_ n: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="468pt" height="200pt" viewBox="0 0 468 200" version="1.1">
        <defs><g><symbol overflow="visible" id="glyph0-1"><path d="M 0 0 L \(n) 1 Z"/></symbol></g>
        <clipPath id="clip1"><path d="M 0 0 L 1 1 Z"/></clipPath></defs>
        <g clip-path="url(#clip1)"><use xlink:href="#glyph0-1" x="1" y="2"/></g>
        </svg>
        """
    }
    static let source = """
    ---
    title: "Children & <families> in {{ state.name }}"
    key-figures:
      - value: "{{ missing.cases | count }}"
        label: "cases from {{ state.name }}"
      - value: "{{ cybertipline.reports | count }}"
        label: "reports"
    ---
    ## Overview

    There were {{ cybertipline.reports | count }} reports & <more>, see @fig-missing-composition, @fig-rates and @tbl-counts.
    Again {{ cybertipline.reports | count }} reports; an author's note.[^a]

    ![Missing <cases> by type](chart:missing-composition)

    ![Rates](chart:rates)

    ![Counts & intervals](table:counts)

    - one `code <b>`
    - two

    > A callout.

    [^a]: Written by the author.
    """

    static func report() throws -> Report {
        try ReportAssembler(resolver: NotedResolver(), charts: charts).assemble(source: source, file: "b.md")
    }
    static func html() throws -> String {
        let svgs = Dictionary(uniqueKeysWithValues: charts.keys.sorted().enumerated().map { ($1, svg($0)) })
        return HTMLWriter(chartSVGs: svgs, date: "2024-03-01T00:00:00").write(try report())
    }
}

/// Checks that every non-void element is closed in order; returns the first problem.
func tagProblem(_ html: String) -> String? {
    let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    var stack: [String] = []
    var i = html.startIndex
    while let open = html[i...].firstIndex(of: "<") {
        guard let close = html[open...].firstIndex(of: ">") else { return "unterminated tag" }
        let tag = html[html.index(after: open)..<close]
        i = html.index(after: close)
        if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
        if tag.hasSuffix("/") { continue }
        let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace }.lowercased()
        if tag.hasPrefix("/") {
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
        } else if !void.contains(name) {
            stack.append(name)
        }
    }
    return stack.isEmpty ? nil : "unclosed: \(stack)"
}

@Suite struct HTMLWriterTests {
    @Test func aPhoneLayoutOfAChartIsShownInsteadOfTheWideOneOnNarrowScreens() throws {
        let svgs = Dictionary(uniqueKeysWithValues: HTMLFixtures.charts.keys.sorted().enumerated().map { ($1, HTMLFixtures.svg($0)) })
        let narrow = ["rates": HTMLFixtures.svg(9)]
        let html = HTMLWriter(chartSVGs: svgs, narrowChartSVGs: narrow, date: "2024-03-01T00:00:00").write(try HTMLFixtures.report())
        expect(tagProblem(html) == nil, "\(tagProblem(html) ?? "")")
        // Only the chart with a phone layout gets both, each labelled for screen readers, ids apart.
        expectEqual(html.components(separatedBy: "<div class=\"chart-wide\">").count, 2)
        expectEqual(html.components(separatedBy: "<div class=\"chart-narrow\">").count, 2)
        let figure = try require(html.range(of: "<figure class=\"chart\" id=\"fig-rates\">"))
        let inside = html[figure.upperBound...].prefix { _ in true }.components(separatedBy: "</figure>")[0]
        expectEqual(inside.components(separatedBy: "role=\"img\"").count, 3)
        expect(inside.contains("id=\"c2n-") && inside.contains("id=\"c2-"))
        // The wide layout by default, the phone one below 30rem.
        expect(html.contains(".chart-narrow { display: none; }"))
        expect(html.contains("@media (max-width: 30rem) {") && html.contains(".chart-wide { display: none; }"))
    }

    @Test func everyElementIsClosed() throws {
        let html = try HTMLFixtures.html()
        expect(tagProblem(html) == nil, "\(tagProblem(html) ?? "")")
        expect(tagProblem("<p><b>x</p></b>") != nil, "the checker itself catches misnesting")
        expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }

    @Test func nothingIsFetched() throws {
        let html = try HTMLFixtures.html()
        for bad in ["src=\"http", "src='http", "<link", "@import", "url(http", "<script"] {
            expect(!html.contains(bad), "found \(bad)")
        }
        expect(html.contains("<style>") && html.contains("@media print") && html.contains("size: letter"))
        expect(html.contains("max-width: 44rem") && html.contains("width: 100%; height: auto"))
    }

    @Test func everyChartHasAltTextAndADataTable() throws {
        let html = try HTMLFixtures.html()
        let report = try HTMLFixtures.report()
        expectEqual(report.figures.count, 2)
        for f in report.figures {
            let start = try require(html.range(of: "<figure class=\"chart\" id=\"fig-\(f.chartID)\">"))
            let end = try require(html[start.upperBound...].range(of: "</figure>"))
            let figure = html[start.lowerBound..<end.upperBound]
            expect(figure.contains("role=\"img\""))
            expect(figure.contains("aria-label=\"\(HTMLWriter.escape(f.chart.altText))\""))
            expect(figure.contains("<title id=\"c\(f.number)-title\">"))
            expect(figure.contains("<summary>Data for Figure \(f.number)</summary>"))
            expect(figure.contains("<table class=\"data\">"))
            expect(figure.contains("<figcaption><strong>Figure \(f.number).</strong>"))
            expect(!figure.contains("<?xml"))
        }
        // The dots chart's data: values and intervals in the axis style, gaps said in words.
        expect(html.contains("<td class=\"num\">12.3%</td><td class=\"num\">10.0% to 15.0%</td>"))
        expect(html.contains("<td class=\"num\">not reported</td>"))
        expect(html.contains("Reference line: US share (20.0%)."))
    }

    @Test func svgIDsArePrefixedPerChart() throws {
        let html = try HTMLFixtures.html()
        expect(!html.contains("id=\"glyph0-1\""))
        expect(html.contains("id=\"c1-glyph0-1\"") && html.contains("id=\"c2-glyph0-1\""))
        expect(html.contains("xlink:href=\"#c2-glyph0-1\"") && html.contains("url(#c2-clip1)"))
        // No id twice in the document.
        var ids: [String: Int] = [:]
        var i = html.startIndex
        while let r = html[i...].range(of: " id=\"") {
            let end = html[r.upperBound...].firstIndex(of: "\"")!
            ids[String(html[r.upperBound..<end]), default: 0] += 1
            i = end
        }
        expect(ids.filter { $0.value > 1 }.isEmpty, "\(ids.filter { $0.value > 1 })")
        expect(!html.contains("width=\"468pt\""), "fixed sizes give way to CSS")
    }

    @Test func textIsEscaped() throws {
        let html = try HTMLFixtures.html()
        expect(html.contains("<title>Children &amp; &lt;families&gt; in Mississippi</title>"))
        expect(html.contains("reports &amp; &lt;more&gt;"))
        expect(html.contains("<code>code &lt;b&gt;</code>"))
        expect(html.contains("Missing &lt;cases&gt; by type"))
        expect(html.contains("Source: NCMEC &lt;fact sheet&gt; &amp; Census"))
        expect(!html.contains("<more>") && !html.contains("<families>") && !html.contains("<intervals>"))
        let unsafe = Report(title: "T", blocks: [.paragraph([.link(url: "javascript:alert(1)", [.text("x")])])])
        expect(!HTMLWriter().write(unsafe).contains("javascript:"))
    }

    @Test func semanticStructure() throws {
        let html = try HTMLFixtures.html()
        for part in ["<header class=\"title-block\">", "<main>", "<h2 id=\"sec-overview\">Overview</h2>",
                     "<a href=\"#fig-missing-composition\">Figure 1</a>", "<a href=\"#tbl-counts\">Table 1</a>",
                     "<aside class=\"callout\">", "<ul>", "<figure class=\"table-figure\" id=\"tbl-counts\">",
                     "<figcaption><strong>Table 1.</strong> Counts &amp; intervals</figcaption>",
                     "<section class=\"key-figures\"", "<meta name=\"dcterms.date\" content=\"2024-03-01T00:00:00\">"] {
            expect(html.contains(part), "missing \(part)")
        }
    }

    @Test func deterministic() throws {
        expectEqual(try HTMLFixtures.html(), try HTMLFixtures.html())
    }
}

@Suite struct KeyFigureNoteAndTableTests {
    @Test func keyFiguresAreParsedAndResolved() throws {
        let report = try HTMLFixtures.report()
        expectEqual(report.keyFigures.map(\.value), ["412", "4,546"])
        expectEqual(report.keyFigures.map(\.label), ["cases from Mississippi", "reports"])
        expectEqual(report.keyFigures[1].notes, [1], "the caveated value's note, numbered first")
    }

    @Test func badKeyFigureReferenceIsDiagnosedAtItsLineAndColumn() throws {
        let source = """
        ---
        title: T
        key-figures:
          - value: "{{ missing.casez | count }}"
            label: "cases"
          - value: "1"
            lable: "x"
        ---
        Text.
        """
        let error = try require(throws: NarrativeError.self) {
            try ReportAssembler(resolver: FakeResolver(), charts: [:]).assemble(source: source, file: "b.md")
        }
        let unknown = try require(error.diagnostics.first { $0.message.contains("missing.casez") })
        expectEqual(unknown.position, SourcePosition(line: 4, column: 16), "the name, 3 after `{{`")
        expectEqual(unknown.suggestion, "missing.cases")
        expect(error.diagnostics.contains { $0.message.contains("unknown key figure key `lable`") && $0.line == 7 })
        expect(error.diagnostics.contains { $0.message.contains("no `label:`") })
    }

    @Test func notesAreNumberedOncePerNameAndFootnotesShareTheSequence() throws {
        let report = try HTMLFixtures.report()
        expectEqual(report.notes, ["Reports made available to law enforcement, not where the upload resolved.",
                                 "Written by the author."])
        let refs = report.blocks.flatMap { b -> [Inline] in
            if case .paragraph(let p) = b { return p }
            return []
        }.filter { if case .noteReference = $0 { return true }; return false }
        expectEqual(refs, [.noteReference(number: 1), .noteReference(number: 1), .noteReference(number: 2)])
    }

    @Test func valuesInCodeGetNoMarkerAndPlainResolversNoNotes() throws {
        let report = try ReportAssembler(resolver: NotedResolver(), charts: [:])
            .assemble(source: "A {{ cybertipline.reports | upper }} and `{{ cybertipline.reports }}`.", file: "b.md")
        expectEqual(report.notes.count, 1)
        let plain = try ReportAssembler(resolver: FakeResolver(), charts: [:])
            .assemble(source: "A {{ cybertipline.reports | count }}.", file: "b.md")
        expect(plain.notes.isEmpty, "resolvers without notes print none")
    }

    @Test func notesAreRenderedByAllThreeWriters() throws {
        let report = try HTMLFixtures.report()
        let html = try HTMLFixtures.html()
        expect(html.contains("<sup class=\"note-ref\"><a href=\"#note-1\" id=\"noteref-1\""))
        expect(html.contains("id=\"noteref-1-2\""), "later citations get their own ids")
        expect(html.contains("<li id=\"note-1\">Reports made available"))
        expect(html.contains("href=\"#noteref-2\""), "back-link from the note to the text")
        let notes = try require(html.range(of: "<section class=\"notes\""))
        expect(html.range(of: "</figure>", options: .backwards)!.lowerBound < notes.lowerBound, "notes come last")

        let md = MarkdownWriter().write(report)
        expect(md.contains("4,546[^1] reports"))
        expect(md.contains("[^1]: Reports made available to law enforcement, not where the upload resolved."))
        expect(md.contains("[^2]: Written by the author."))
        expect(md.contains("- **4,546**[^1] reports"))

        let doc = try PDFLayout(measurer: FakeMeasurer()).layout(report, date: "2024-03-01T00:00:00")
        let texts = doc.pages.flatMap { PDFLayoutTests.texts($0.items) }
        let strings = texts.map(PDFLayoutTests.string)
        expect(texts.contains { if case .markup(let m) = $0.content { return m.contains("<sup>") }; return false })
        expect(strings.contains("Notes"))
        expect(strings.contains { $0.hasPrefix("Reports made available") })
        let last = try require(doc.pages.last)
        expect(last.items.contains { if case .destination("note-2", _) = $0 { return true }; return false })
    }

    @Test func keyFiguresAreOnPageOneOfThePDF() throws {
        let doc = try PDFLayout(measurer: FakeMeasurer()).layout(try HTMLFixtures.report(), date: "2024-03-01T00:00:00")
        let first = PDFLayoutTests.texts(doc.pages[0].items).map(PDFLayoutTests.string)
        expect(first.contains("412") && first.contains("cases from Mississippi"))
    }

    @Test func tablesAreNumberedApartFromFigures() throws {
        let report = try HTMLFixtures.report()
        expectEqual(report.figures.map(\.number), [1, 2])
        let table = try require(report.tables.first)
        expect(report.tables.count == 1 && table.number == 1 && table.anchor == "tbl-counts")
        expect(table.block.isRightAligned(1) && !table.block.isRightAligned(0))
        let md = MarkdownWriter().write(report)
        expect(md.contains("*Table 1\\. Counts & intervals*") || md.contains("*Table 1. Counts & intervals*"))
        expect(md.contains("| Measure | Count |\n| --- | ---: |\n| Cases | 412 |"))
        let doc = try PDFLayout(measurer: FakeMeasurer()).layout(report, date: "2024-03-01T00:00:00")
        let strings = doc.pages.flatMap { PDFLayoutTests.texts($0.items) }.map(PDFLayoutTests.string)
        expect(strings.contains("Table 1. Counts & intervals") && strings.contains("4,546"))
    }

    @Test func tableDirectiveErrorsAreLocated() throws {
        let source = """
        Intro @tbl-nope.

        ![A](table:countz)

        ![B](table:missing-composition)
        """
        let error = try require(throws: NarrativeError.self) {
            try ReportAssembler(resolver: FakeResolver(), charts: HTMLFixtures.charts).assemble(source: source, file: "b.md")
        }
        let d = error.diagnostics
        expect(d.contains { $0.message == "unknown table `countz`" && $0.position == SourcePosition(line: 3, column: 12)
            && $0.suggestion == "counts" })
        expect(d.contains { $0.message.hasPrefix("chart `missing-composition` is not a table") && $0.line == 5 && $0.column == 12 })
        expect(d.contains { $0.message == "unknown table reference `@tbl-nope`" && $0.position == SourcePosition(line: 1, column: 7) })
    }
}

/// Renders the fixture HTML with headless Chromium through `scripts/screenshot-html.sh`, when
/// Chromium is installed (a development check; CI machines without it skip this).
@Suite struct HTMLScreenshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let chromium = HeadlessChromium.path

    @Test(.enabled(if: chromium != nil, "chromium is not installed; skipping the HTML screenshot"))
    func phoneScreenshotRenders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-shot-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("b.html"), png = dir.appendingPathComponent("b.png")
        try HTMLFixtures.html().write(to: html, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [Self.root + "/scripts/screenshot-html.sh", png.path, html.path, "390", "800"]
        try process.run()
        process.waitUntilExit()
        expectEqual(process.terminationStatus, 0)
        let bytes = try Data(contentsOf: png)
        expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
    }
}
