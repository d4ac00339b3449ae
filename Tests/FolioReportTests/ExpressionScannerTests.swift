import Testing
import TestSupport
@testable import FolioReport

@Suite struct ExpressionScannerTests {
    @Test func findsExpressionsWithExactPositions() throws {
        let source = """
        ---
        title: "Children in {{ state.name }}"
        ---
        Cases: {{ missing.cases | count }} and {{ x | decimals(2) | upper }}.
        """
        let n = try Narrative.parse(source: source, file: "b.md")
        expectEqual(n.expressions.count, 3)
        let title = n.expressions[0]
        expectEqual(title.position, SourcePosition(line: 2, column: 21))
        expectEqual(title.namePosition, SourcePosition(line: 2, column: 24))
        let cases = n.expressions[1]
        expectEqual(cases.name, "missing.cases")
        expectEqual(cases.position, SourcePosition(line: 4, column: 8))
        expectEqual(cases.namePosition, SourcePosition(line: 4, column: 11))
        expectEqual(cases.filters.map(\.name), ["count"])
        expectEqual(cases.filters[0].position, SourcePosition(line: 4, column: 27))
        let x = n.expressions[2]
        expectEqual(x.filters, [FilterCall(name: "decimals", argument: "2", position: SourcePosition(line: 4, column: 47)),
                              FilterCall(name: "upper", argument: nil, position: SourcePosition(line: 4, column: 61))])
    }

    /// The scanner looks for `{{` in bytes; braces joined to a mark into one character are no opening.
    @Test func bracesInsideACharacterAreNotAnOpening() throws {
        // U+0301 after the second brace combines with it; U+0600 (a prepended mark) joins the first.
        for source in ["a {{\u{301} x }} b", "a \u{600}{{ x }} b"] {
            let n = try Narrative.parse(source: source, file: "b.md")
            expect(n.expressions.isEmpty, "\(source.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let n = try Narrative.parse(source: "é{{ x }} and {{y}}", file: "b.md")
        expectEqual(n.expressions.map(\.name), ["x", "y"])
        expectEqual(n.expressions.map(\.position), [SourcePosition(line: 1, column: 2), SourcePosition(line: 1, column: 14)])
    }

    @Test func countsColumnsInCharactersAfterMultiByteText() throws {
        // 12 characters (flag = one character, 8 bytes) precede the braces.
        let source = "Él niño — 🇺🇸 {{ state.name }}"
        let n = try Narrative.parse(source: source, file: "b.md")
        let e = try require(n.expressions.first)
        expectEqual(e.position, SourcePosition(line: 1, column: 13))
        expectEqual(e.namePosition, SourcePosition(line: 1, column: 16))
    }

    @Test func quotedArgumentsAreUnquoted() throws {
        let n = try Narrative.parse(source: "{{ a | pad(\"x y\") }}", file: "b.md")
        expectEqual(n.expressions.first?.filters.first?.argument, "x y")
    }

    @Test func escapedBracesAreNotExpressions() throws {
        let n = try Narrative.parse(source: "Write \\{{ name }} literally.", file: "b.md")
        expect(n.expressions.isEmpty)
    }

    @Test func unclosedBracesPointAtTheOpening() {
        let source = "First line\nNCMEC handled {{ missing.cases | count cases.\n"
        expect {
            try Narrative.parse(source: source, file: "b.md")
        } throws: { error in
            guard let e = error as? NarrativeError, e.diagnostics.count == 1 else { return false }
            let d = e.diagnostics[0]
            return d.position == SourcePosition(line: 2, column: 15) && d.message.contains("unclosed")
        }
    }

    @Test func emptyExpressionIsAnError() throws {
        let error = try require(throws: NarrativeError.self) { try Narrative.parse(source: "a {{  }} b", file: "b.md") }
        expectEqual(error.diagnostics.map(\.position), [SourcePosition(line: 1, column: 3)])
        expect(error.diagnostics[0].message.contains("empty"))
    }
}
