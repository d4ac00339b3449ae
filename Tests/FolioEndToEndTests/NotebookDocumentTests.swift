import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner

/// The notebook reader: cells and their options, front matter read without Yams when it is
/// plain, and the same answer as Yams when it is.
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

    /// Every entry's children as `name=value@line:column`, in order (typed out: as one closure
    /// inside `#expect` this took the type checker 6 s).
    static func children(_ entries: [FlatFrontMatter.Entry]) -> [String] {
        var out: [String] = []
        for entry in entries {
            for child in entry.children { out.append("\(child.name)=\(child.value)@\(child.line):\(child.column)") }
        }
        return out
    }

    @Test func theFlatReaderAgreesWithYams() throws {
        for file in ["Analyses/Penguins/penguins.md", "Analyses/StateBriefing/briefing.md"] {
            let source = try String(contentsOfFile: TestProject.repositoryRoot + "/" + file, encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let end = try require(lines.indices.dropFirst().first { lines[$0] == "---" })
            let yaml = Array(lines[1..<end])
            let flat = try require(FlatFrontMatter.read(yaml, firstLine: 2), "\(file) is plain enough")
            let viaYams = try require(NotebookDocument.yamlEntries(yaml) { _, _, _, _, _ in })
            expectEqual(flat.map(\.key), viaYams.map(\.key), "\(file)")
            expectEqual(flat.map(\.value), viaYams.map(\.value), "\(file)")
            expectEqual(flat.map(\.line), viaYams.map(\.line), "\(file)")
            expectEqual(Self.children(flat), Self.children(viaYams))
        }
        // What it cannot be sure of goes to Yams.
        expect(FlatFrontMatter.read(["data: \"a\\\"b\""], firstLine: 2) == nil)
        expect(FlatFrontMatter.read(["params: {a: 1}"], firstLine: 2) == nil)
        expect(FlatFrontMatter.read(["title: a # note"], firstLine: 2) == nil)
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
