import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner

/// The notebook reader: cells and their options, and the front-matter keys the runner reads.
struct NotebookDocumentTests {
    let text = """
        ---
        title: "Trees, {{ params.block }}"
        data: Analyses/Orchard/trees.csv
        keywords: [a, b]
        key-figures:
          - value: "{{ x | count }}"
            label: "x"
        params:
          block: north
          year: '2024'
        echo: true
        ---
        Prose.

        ```swift
        //| step: load
        //| include: false
        let a = 1
        ```

        ````markdown
        ```swift
        not a cell: inside another fence
        ```
        ````

        ```swift
        //| echo: false
        let b = 2
        ```
        """

    @Test func cellsOptionsAndDefaults() throws {
        let d = try NotebookDocument.parse(text, path: "n.md")
        expectEqual(d.cells.map(\.step), ["load", "cell-2"])
        expectEqual(d.cells.map(\.include), [false, true])
        expectEqual(d.cells.map(\.echo), [true, false], "front matter echo: true is the default")
        expectEqual(d.cells[0].fenceLine, 15)
        expectEqual(d.cells[1].displayedCode, "let b = 2")
        expectEqual(d.defaultData, "Analyses/Orchard/trees.csv")
        expectEqual(d.parameters.map(\.name), ["block", "year"])
        expectEqual(d.parameters.map(\.defaultValue), ["north", "2024"])
    }

    /// A notebook saved with Windows line ends reads as the same notebook: its lines were once
    /// cut only at a lone `\n`, and a `\r\n` (one character to Swift) cut nothing.
    @Test func windowsLineEndsReadTheSame() throws {
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let d = try NotebookDocument.parse(crlf, path: "n.md"), unix = try NotebookDocument.parse(text, path: "n.md")
        expectEqual(d.cells.map(\.step), unix.cells.map(\.step))
        expectEqual(d.cells.map(\.fenceLine), unix.cells.map(\.fenceLine))
        expectEqual(d.cells.map(\.displayedCode), unix.cells.map(\.displayedCode))
        expectEqual(d.parameters.map(\.name), ["block", "year"])
        expectEqual(d.narrative(from: crlf).replacingOccurrences(of: "\r", with: ""), unix.narrative(from: text))
    }

    /// Every entry's children as `name=value@line:column`, in order.
    static func children(_ entries: [RunnerFrontMatter.Entry]) -> [String] {
        var out: [String] = []
        for entry in entries {
            for child in entry.children { out.append("\(child.name)=\(child.value)@\(child.line):\(child.column)") }
        }
        return out
    }

    static func entries(_ yaml: [String]) throws -> [RunnerFrontMatter.Entry] {
        var problems: [String] = []
        let read = RunnerFrontMatter.read(yaml) { message, line, column, _, _ in problems.append("\(line):\(column) \(message)") }
        expectEqual(problems, [])
        return try require(read)
    }

    @Test func theRunnerReadsItsKeysWithTheirFileLinesAndSkipsTheRest() throws {
        let yaml = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[1..<11]
        let entries = try Self.entries(Array(yaml))
        expectEqual(entries.map(\.key), ["title", "data", "params", "echo"])
        expectEqual(entries.map(\.line), [2, 3, 8, 11])
        expectEqual(entries.map(\.value), ["Trees, {{ params.block }}", "Analyses/Orchard/trees.csv", "", "true"])
        expectEqual(Self.children(entries), ["block=north@9:3", "year=2024@10:3"])
        // YAML's own forms: escapes, flow mappings, comments.
        expectEqual(try Self.entries(["data: \"a\\\"b\""]).map(\.value), ["a\"b"])
        expectEqual(Self.children(try Self.entries(["params: {a: 1}"])), ["a=1@2:10"])
        expectEqual(try Self.entries(["title: a # note"]).map(\.value), ["a"])
    }

    @Test func malformedFrontMatterIsReportedAtItsFileLine() {
        var problems: [String] = []
        let read = RunnerFrontMatter.read(["title: ok", "data: [unclosed"]) { message, line, column, _, _ in
            problems.append("\(line):\(column) \(message)")
        }
        expect(read == nil)
        expectEqual(problems.count, 1)
        // The flow list runs to the end of the text: libyaml reports it there, past the last line.
        expectEqual(problems, ["4:1 bad front matter: did not find expected ',' or ']' (while parsing a flow sequence from line 3, column 7)"])
    }

    @Test func aHiddenCellBecomesBlankLinesAndAnEchoedOneLosesItsOptions() throws {
        let d = try NotebookDocument.parse(text, path: "n.md")
        let narrative = d.narrative(from: text)
        let lines = narrative.split(separator: "\n", omittingEmptySubsequences: false)
        expectEqual(lines.count, text.split(separator: "\n", omittingEmptySubsequences: false).count, "line numbers kept")
        expect(!narrative.contains("let a = 1") && !narrative.contains("let b = 2"))
        expect(narrative.contains("not a cell: inside another fence"))
    }
}
