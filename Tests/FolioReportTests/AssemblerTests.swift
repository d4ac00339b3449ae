import FolioCharts
import Testing
import TestSupport
@testable import FolioReport

@Suite struct AssemblerTests {
    let assembler = ReportAssembler(resolver: FakeResolver(), charts: Fixtures.charts)

    func diagnostics(_ source: String) throws -> [Diagnostic] {
        try require(throws: NarrativeError.self) { try assembler.assemble(source: source, file: "briefing.md") }.diagnostics
    }

    @Test func frontMatterIsParsedAndResolved() throws {
        let report = try assembler.assemble(source: Fixtures.briefing, file: "briefing.md")
        expectEqual(report.title, "Missing and exploited children in Mississippi, 2023")
        expectEqual(report.subtitle, "What NCMEC's 2023 fact sheet says about Mississippi")
        expectEqual(report.date, "March 2024")
        expectEqual(report.author, "Folio briefing desk")
        expectEqual(report.keywords, ["NCMEC", "Mississippi", "missing children"])
        expectEqual(report.paper, .letter)
        let meta = report.metadata(date: "2024-03-01T00:00:00")
        expectEqual(meta.subject, report.subtitle)
    }

    @Test func paperA4() throws {
        let report = try assembler.assemble(source: "---\ntitle: T\npaper: a4\n---\nText.\n", file: "b.md")
        expectEqual(report.paper, .a4)
    }

    @Test func aPageLimitIsAWholeNumberAtItsLine() throws {
        let report = try assembler.assemble(source: "---\ntitle: T\npages: 1\n---\nText.\n", file: "b.md")
        expectEqual(report.pageLimit, PageLimit(count: 1, position: SourcePosition(line: 3, column: 1)))
        for bad in ["0", "one", "1.5"] {
            expect {
                _ = try assembler.assemble(source: "---\ntitle: T\npages: \(bad)\n---\nText.\n", file: "b.md")
            } throws: { error in
                "\(error)".contains("b.md:3:8: error: bad front matter: `pages` must be a whole number of pages, 1 or more, not `\(bad)`")
            }
        }
    }

    @Test func valuesAreFilledAndFigureIsNumberedAndReferenced() throws {
        let report = try assembler.assemble(source: Fixtures.briefing, file: "briefing.md")
        expectEqual(report.figures.count, 1)
        let figure = try require(report.figures.first)
        expect(figure.number == 1 && figure.chartID == "missing-composition")
        expectEqual(figure.caption.plainText, "Most missing children in Mississippi had run from care")
        guard case .paragraph(let p) = report.blocks[1] else { Issue.record("expected paragraph"); return }
        expect(p.contains(.strong([.text("412")])))
        expect(p.contains(.figureReference(id: "missing-composition", number: 1)))
        expect(p.plainText.contains("69.9% of them (95% CI 65.2%–74.3%) were endangered"))
        expect(p.plainText.contains("(see Figure 1)."))
    }

    @Test func tableListAndCalloutAreKept() throws {
        let report = try assembler.assemble(source: Fixtures.briefing, file: "briefing.md")
        let table = try require(report.blocks.lazy.compactMap { b -> TableBlock? in
            if case .table(let t) = b { return t }; return nil
        }.first)
        expectEqual(table.header.map(\.plainText), ["Measure", "Mississippi"])
        expectEqual(table.rows.map { $0.map(\.plainText) }, [["CyberTipline reports", "4,546"], ["Per 1,000 children", "6.7"]])
        expect(table.isRightAligned(1) && !table.isRightAligned(0))
        expect(report.blocks.contains { if case .list(let l) = $0 { return !l.ordered && l.items.count == 2 }; return false })
        expect(report.blocks.contains { if case .callout = $0 { return true }; return false })
    }

    @Test func valuesWithMarkdownCharactersStayLiteral() throws {
        struct Odd: InlineValueResolver {
            var availableNames: [String] { ["odd"] }
            func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String { "*1* [x] 2." }
            func operand(name: String) throws(InlineResolutionError) -> ConditionOperand { .init(kind: .text, text: "*1*", shown: "*1*") }
        }
        let report = try ReportAssembler(resolver: Odd(), charts: [:]).assemble(source: "A {{ odd }} b", file: "b.md")
        expectEqual(report.blocks, [.paragraph([.text("A *1* [x] 2. b")])])
    }

    @Test func unknownNameIsLocatedWithSuggestion() throws {
        let source = "---\ntitle: T\n---\n## Missing\n\nNCMEC handled **{{ missing.case | count }}** cases.\n"
        let d = try diagnostics(source)
        expectEqual(d.count, 1)
        expectEqual(d[0].position, SourcePosition(line: 6, column: 20))
        expectEqual(d[0].suggestion, "missing.cases")
        expectEqual(d[0].description, """
        briefing.md:6:20: error: unknown value `missing.case`
        NCMEC handled **{{ missing.case | count }}** cases.
                           ^~~~~~~~~~~~
        briefing.md:6:20: note: did you mean `missing.cases`?
        """)
    }

    @Test func unknownFilterAndMismatchAreLocatedAtTheFilter() throws {
        let d = try diagnostics("{{ missing.cases | percnt }} and {{ state.name | percent }}")
        expectEqual(d.count, 2)
        expectEqual(d[0].position, SourcePosition(line: 1, column: 20))
        expectEqual(d[0].message, "unknown filter `percnt`")
        expectEqual(d[0].suggestion, "percent")
        expectEqual(d[1].position, SourcePosition(line: 1, column: 50))
        expect(d[1].message.contains("is text, not a number"))
    }

    @Test func unknownChartAndFigureReference() throws {
        let source = "See @fig-missing-compositon.\n\n![Caption](chart:missing-compositon)\n"
        let d = try diagnostics(source)
        expectEqual(d.count, 2)
        expectEqual(d[0].position, SourcePosition(line: 1, column: 5))
        expect(d[0].message.contains("unknown figure reference"))
        expectEqual(d[1].position, SourcePosition(line: 3, column: 18))
        expectEqual(d[1].message, "unknown chart `missing-compositon`")
        expectEqual(d[1].suggestion, "missing-composition")
    }

    @Test func allErrorsAreReportedTogether() throws {
        let source = """
        ---
        title: "{{ state.nam }}"
        subtitel: x
        ---
        {{ missing.cases | count }} cases, {{ }} and {{ unknown.thing }}.

        Unclosed {{ state.name here.

        ![C](chart:nope)
        """
        let error = try require(throws: NarrativeError.self) { try assembler.assemble(source: source, file: "briefing.md") }
        let positions = error.diagnostics.map { "\($0.position)" }
        expectEqual(positions, ["2:12", "3:1", "5:36", "5:49", "7:10", "9:12"])
        expect(error.description.hasSuffix("6 errors generated."))
        expectEqual(error.diagnostics[1].suggestion, "subtitle")
    }

    @Test func badYAMLIsAnError() throws {
        let d = try diagnostics("---\ntitle: [unclosed\n---\nBody\n")
        expectEqual(d.count, 1)
        expect(d[0].message.hasPrefix("bad front matter"))
    }

    @Test func referencesBeforeAndAfterFiguresAreNumberedByAppearance() throws {
        let source = """
        As @fig-cybertipline-rank and @fig-missing-composition show:

        ![First](chart:missing-composition)

        ![Second](chart:cybertipline-rank)
        """
        let report = try assembler.assemble(source: source, file: "b.md")
        expectEqual(report.figures.map(\.number), [1, 2])
        guard case .paragraph(let p) = report.blocks[0] else { Issue.record("paragraph"); return }
        expectEqual(p.plainText, "As Figure 2 and Figure 1 show:")
    }
}
