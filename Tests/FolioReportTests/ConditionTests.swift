import FolioCharts
import Testing
import TestSupport
@testable import FolioReport

/// Conditions in the narrative: every form chooses the right text, every mistake is an error at
/// its line and column before anything is written, and the outcomes say why.
///
/// FakeResolver's values: `missing.cases` 412 (count of cases), `trafficking.engagements` 0,
/// `byState.reports` not reported (count of reports), `missing.socialServicesShare` 69.9%,
/// `national.socialServicesShare` 77.7%, `state.name` "Mississippi".
@Suite struct ConditionTests {
    let assembler = ReportAssembler(resolver: FakeResolver(), charts: Fixtures.charts)

    func text(_ source: String) throws -> String {
        let report = try assembler.assemble(source: source, file: "b.md")
        return report.blocks.map { block -> String in
            switch block {
            case .paragraph(let inlines): inlines.plainText
            case .heading(let h): "# " + h.content.plainText
            default: "<block>"
            }
        }.joined(separator: "\n")
    }

    func diagnostics(_ source: String) throws -> [Diagnostic] {
        try require(throws: NarrativeError.self) { try assembler.assemble(source: source, file: "b.md") }.diagnostics
    }

    // MARK: Choosing text

    @Test(arguments: [
        ("missing.cases is reported", true), ("missing.cases is not reported", false),
        ("byState.reports is reported", false), ("byState.reports is not reported", true),
        ("trafficking.engagements is zero", true), ("trafficking.engagements is not zero", false),
        ("missing.cases is zero", false),
        ("missing.cases > 0", true), ("missing.cases >= 412", true), ("missing.cases > 412", false),
        ("missing.cases < 1,000", true), ("missing.cases <= 411", false), ("missing.cases = 412", true),
        ("missing.cases == 412", true), ("missing.cases != 412", false), ("0 < missing.cases", true),
        ("missing.socialServicesShare > 50%", true), ("missing.socialServicesShare > 0", true),
        ("missing.socialServicesShare < national.socialServicesShare", true),
        ("state.name = 'Mississippi'", true), ("state.name = \"Alabama\"", false), ("state.name != 'Alabama'", true),
        // A comparison with a figure that is not reported is false, whichever way it is put.
        ("byState.reports > 0", false), ("byState.reports = 0", false), ("byState.reports < 10", false),
        ("missing.cases > 0 and trafficking.engagements is zero", true),
        ("missing.cases > 1000 and trafficking.engagements is zero", false),
        ("missing.cases > 1000 or trafficking.engagements is zero", true),
        ("byState.reports is reported or missing.cases > 1000 or state.name = 'Mississippi'", true),
        // `and` binds tighter than `or`: false or (true and true).
        ("missing.cases > 1000 or missing.cases > 0 and trafficking.engagements is zero", true),
    ])
    func eachTestHoldsOrNot(condition: String, holds: Bool) throws {
        expectEqual(try text("A{{ when \(condition) }}B{{ otherwise }}C{{ end }}D"), (holds ? "ABD" : "ACD"), "\(condition)")
        expectEqual(try text("::: when \(condition)\nYes.\n::: otherwise\nNo.\n:::\n"), (holds ? "Yes." : "No."), "\(condition)")
    }

    @Test func withoutOtherwiseTheTextIsLeftOut() throws {
        expectEqual(try text("A{{ when trafficking.engagements > 0 }} and more{{ end }}."), "A.")
        expectEqual(try text("One.\n\n::: when trafficking.engagements > 0\nTwo.\n:::\n\nThree.\n"), "One.\nThree.")
    }

    @Test func conditionsNestAndInlineOnesWorkInsideBlocks() throws {
        let source = """
            ::: when missing.cases > 0
            Cases{{ when trafficking.engagements is zero }}, no engagements{{ otherwise }}, engagements{{ end }}.

            ::: when byState.reports is reported
            By state.
            ::: otherwise
            No by-state row.
            :::
            ::: otherwise
            None{{ when missing.cases > 0 }} never{{ end }}.
            :::
            """
        expectEqual(try text(source), "Cases, no engagements.\nNo by-state row.")
        let report = try assembler.assemble(source: source, file: "b.md")
        expectEqual(report.conditions.map(\.holds), [true, true, false, true])
        // The last one sits in the otherwise text the first condition left out.
        expectEqual(report.conditions.map(\.reached), [true, true, true, false])
        expectEqual(report.conditions.map(\.position.line), [1, 2, 4, 10])
    }

    @Test func inlineConditionsNestOnALine() throws {
        let line = "A{{ when missing.cases > 0 }}B{{ when byState.reports is reported }}C{{ otherwise }}D{{ end }}E{{ otherwise }}F{{ end }}G"
        expectEqual(try text(line), "ABDEG")
    }

    @Test func valuesInTheChosenTextAreFilledAndTheirNotesNumbered() throws {
        let source = "{{ when missing.cases > 0 }}Cases: {{ missing.cases | count }}.{{ otherwise }}{{ cybertipline.reports | count }}{{ end }}"
        expectEqual(try text(source), "Cases: 412.")
        // The value in the text left out is not cited.
        let report = try assembler.assemble(source: source, file: "b.md")
        expectEqual(report.citedNames, ["missing.cases", "missing.cases"])
    }

    @Test func aDroppedBlockKeepsLaterLineNumbers() throws {
        let source = "::: when byState.reports is reported\nOne.\nTwo.\n:::\n\n## After\n"
        let report = try assembler.assemble(source: source, file: "b.md")
        guard case .heading(let h) = try require(report.blocks.first) else { Issue.record("expected the heading"); return }
        expectEqual(h.line, 6)
    }

    @Test func aChartInTheTextLeftOutIsNotPlaced() throws {
        let id = try require(Fixtures.charts.keys.sorted().first)
        let source = "::: when byState.reports is reported\n![Caption](chart:\(id))\n\nSee @fig-\(id).\n:::\n"
        let report = try assembler.assemble(source: source, file: "b.md")
        expect(report.figures.isEmpty)
    }

    @Test func outcomesSayWhatWasReadAndWhichTextWasUsed() throws {
        let report = try assembler.assemble(source: "Text.\n\n{{ when byState.reports is reported }}x{{ otherwise }}y{{ end }}\n",
                                            file: "b.md")
        let c = try require(report.conditions.first)
        expectEqual(c.position, SourcePosition(line: 3, column: 1))
        expect(!c.holds && c.reached && c.form == .inline)
        expectEqual(c.reason, "byState.reports is not reported")
        expectEqual(c.names, ["byState.reports"])
        expectEqual(c.sentence, "b.md:3:1: `byState.reports is reported` is false (byState.reports is not reported), so the \"otherwise\" text is used")
        let alone = try assembler.assemble(source: "{{ when byState.reports is reported }}x{{ end }}", file: "b.md")
        expectEqual(alone.conditions.first?.chosen, "its text is left out")
        let both = try assembler.assemble(source: "{{ when missing.socialServicesShare < national.socialServicesShare }}x{{ end }}", file: "b.md")
        expectEqual(both.conditions.first?.reason, "missing.socialServicesShare is 69.9% and national.socialServicesShare is 77.7%")
    }

    @Test func aKeyFigureWithAFalseConditionIsLeftOut() throws {
        let source = """
            ---
            title: T
            key-figures:
              - value: "{{ missing.cases | count }}"
                label: "cases"
                when: "missing.cases > 0"
              - value: "{{ byState.reports | count }}"
                label: "reports by state"
                when: byState.reports is reported
            ---
            Text.
            """
        let report = try assembler.assemble(source: source, file: "b.md")
        expectEqual(report.keyFigures.map(\.label), ["cases"])
        expectEqual(report.conditions.map(\.form), [.keyFigure, .keyFigure])
        expectEqual(report.conditions.map(\.position), [SourcePosition(line: 6, column: 12), SourcePosition(line: 9, column: 11)])
        expectEqual(report.citedNames, ["missing.cases", "missing.cases", "byState.reports"])
    }

    // MARK: Mistakes

    @Test(arguments: [
        // (source, line, column, message fragment, suggestion)
        ("{{ when missing.case > 0 }}x{{ end }}", 1, 9, "unknown value `missing.case` in the condition", "missing.cases"),
        ("{{ when trafficking.engagements is zero }}{{ missing.case }}{{ end }}", 1, 46, "unknown value `missing.case`", "missing.cases"),
        ("{{ when missing.cases > missing.socialServicesShare }}x{{ end }}", 1, 25,
         "cannot compare `missing.cases` (a count of cases) with `missing.socialServicesShare` (a proportion)", nil),
        ("{{ when missing.cases > byState.reports }}x{{ end }}", 1, 25,
         "cannot compare `missing.cases` (a count of cases) with `byState.reports` (a count of reports)", nil),
        ("{{ when missing.socialServicesShare > 0.5 }}x{{ end }}", 1, 39, "write the number as a percentage, such as `50%`", nil),
        ("{{ when missing.cases > 5% }}x{{ end }}", 1, 25, "`missing.cases` is a count of cases, not a proportion", nil),
        ("{{ when state.name = 3 }}x{{ end }}", 1, 22, "`state.name` is text: compare it with quoted text", nil),
        ("{{ when missing.cases = 'many' }}x{{ end }}", 1, 25, "compare it with a number, not text", nil),
        ("{{ when state.name < 'N' }}x{{ end }}", 1, 9, "text compares only with `=` or `!=`", nil),
        ("{{ when state.name is zero }}x{{ end }}", 1, 9, "`is zero` needs a number, but `state.name` is text", nil),
        ("{{ when missing.cases is reportd }}x{{ end }}", 1, 26, "expected `reported` or `zero` after `is`", "reported"),
        ("{{ when missing.cases }}x{{ end }}", 1, 22, "expected `is reported`, `is zero` or a comparison", nil),
        ("{{ when missing.cases ~ 3 }}x{{ end }}", 1, 23, "unexpected `~` in the condition", nil),
        ("{{ when missing.cases ! 3 }}x{{ end }}", 1, 23, "expected `!=`", nil),
        ("{{ when state.name = 'Miss }}x{{ end }}", 1, 22, "unclosed ' in the condition", nil),
        ("{{ when 1 < 2 }}x{{ end }}", 1, 9, "a comparison needs a value name on one side", nil),
        ("{{ when missing.cases > 0 trafficking.engagements }}x{{ end }}", 1, 27, "expected `and`, `or` or the end of the condition", nil),
        ("{{ when }}x{{ end }}", 1, 9, "expected a condition after `when`", nil),
        ("{{ when missing.cases > 0 }}x", 1, 1, "unclosed `{{ when … }}`: expected `{{ end }}` later on the same line", nil),
        ("x{{ end }}", 1, 2, "`{{ end }}` without a `{{ when … }}`", nil),
        ("x{{ otherwise }}y", 1, 2, "`{{ otherwise }}` without a `{{ when … }}`", nil),
        ("{{ when missing.cases > 0 }}a{{ otherwise }}b{{ otherwise }}c{{ end }}", 1, 46, "a second `{{ otherwise }}`", nil),
        ("::: when missing.cases > 0\nText.\n", 1, 1, "unclosed `::: when` block: expected a closing `:::` line", nil),
        ("Text.\n:::\n", 2, 1, "`:::` closes no `::: when` block", nil),
        ("::: otherwise\n", 1, 1, "`::: otherwise` outside a `::: when` block", nil),
        ("::: when missing.cases > 0\na\n::: otherwise\nb\n::: otherwise\nc\n:::\n", 5, 1, "a second `::: otherwise`", nil),
        ("::: {.note}\n", 1, 5, "expected `::: when CONDITION`, `::: otherwise` or a closing `:::`", nil),
        ("::: wen missing.cases > 0\nx\n:::\n", 1, 5, "expected `::: when CONDITION`", "when"),
        ("---\ntitle: \"{{ when missing.cases > 0 }}T{{ end }}\"\n---\nx\n", 2, 9, "`{{ when }}` chooses text in the body", nil),
        ("---\ntitle: T\nkey-figures:\n  - value: \"1\"\n    label: \"x\"\n    when: \"missing.cases >\"\n---\nx\n", 6, 27,
         "expected a value name, a number or quoted text", nil),
        ("::: when byState.reports is reported\n![x](chart:no-such-chart)\n:::\n", 2, 12, "unknown chart `no-such-chart`", nil),
    ] as [(String, Int, Int, String, String?)])
    func mistakesAreLocatedErrors(source: String, line: Int, column: Int, message: String, suggestion: String?) throws {
        let d = try diagnostics(source)
        let hit = d.first { $0.message.contains(message) }
        expect(hit != nil, "no diagnostic says \(message); got \(d.map(\.message))")
        expectEqual(hit?.position, SourcePosition(line: line, column: column), "\(d.map(\.description))")
        if let suggestion { expectEqual(hit?.suggestion, suggestion) }
        expectEqual(hit?.description.hasPrefix("b.md:\(line):\(column): error: "), true)
    }

    @Test func everyNameIsCheckedWhicheverTextIsChosen() throws {
        // Both branches hold a misspelt name; only one can be printed, both are errors.
        let d = try diagnostics("{{ when missing.cases > 0 }}{{ missing.casse }}{{ otherwise }}{{ byState.report }}{{ end }}")
        expectEqual(d.map(\.message), ["unknown value `missing.casse`", "unknown value `byState.report`"])
    }

    @Test func anAndChecksEveryPart() throws {
        let d = try diagnostics("{{ when missing.cases > 1000 and state.nam = 'x' }}y{{ end }}")
        expectEqual(d.map(\.message), ["unknown value `state.nam` in the condition"])
    }

    @Test func codeIsLeftAlone() throws {
        expect(try text("```\n:::\n```\n").contains("<block>"))
    }
}
