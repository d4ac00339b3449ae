import Testing
import TestSupport
@testable import FolioReport

/// The YAML composer over libyaml: order, styles, marks, anchors, and the errors it reports.
struct YAMLComposerTests {
    @Test func mappingsKeepTheirOrderAndEveryNodeItsMark() throws {
        let node = try require(try YAMLComposer.compose("b: 1\na: 'two'\nlist:\n  - x\n  - \"y z\"\n"))
        let pairs = try require(node.mapping)
        expectEqual(pairs.map { $0.key.string ?? "" }, ["b", "a", "list"])
        expectEqual(pairs[0].value.int, 1)
        expectEqual(pairs[1].value.scalar?.style, .singleQuoted)
        expectEqual(pairs[1].value.mark, YAMLNode.Mark(line: 2, column: 4))
        let items = try require(pairs[2].value.sequence)
        expectEqual(items.map { $0.string ?? "" }, ["x", "y z"])
        expectEqual(items[1].scalar?.style, .doubleQuoted)
        expectEqual(items[1].mark, YAMLNode.Mark(line: 5, column: 5))
        expect(pairs[1].value.int == nil, "a word is not a whole number")
    }

    @Test func emptyTextHoldsNoDocumentAndAliasesReadTheirAnchor() throws {
        expect(try YAMLComposer.compose("") == nil)
        expect(try YAMLComposer.compose("# only a comment\n") == nil)
        let node = try require(try YAMLComposer.compose("a: &v text\nb: *v\n"))
        expectEqual(node.mapping?.map { $0.value.string ?? "" }, ["text", "text"])
        expectEqual(node.mapping?[1].value.mark, YAMLNode.Mark(line: 2, column: 4))
    }

    /// The problem and the 1-based place of a YAML text that cannot be read.
    static func failure(_ yaml: String) -> String {
        do {
            _ = try YAMLComposer.compose(yaml)
            return "no error"
        } catch {
            return "\(error.mark.line):\(error.mark.column) \(error.problem)"
        }
    }

    @Test func errorsSayWhatAndWhere() {
        let unclosed = Self.failure("title: ok\nlist: [a, b\n")
        expect(unclosed.hasPrefix("3:1 ") && unclosed.contains("expected ',' or ']'"), "\(unclosed)")
        // libyaml's context, placed in the file: here the YAML's line 1 is the file's line 2.
        do {
            _ = try YAMLComposer.compose("title: ok\nlist: [a, b\n")
            Issue.record("no error")
        } catch {
            expectEqual(error.description(lineOffset: 1), "did not find expected ',' or ']' (while parsing a flow sequence from line 3, column 7)")
        }
        let tab = Self.failure("a:\n\tb: 1\n")
        expectEqual(tab, "2:1 found character that cannot start any token")
        expectEqual(Self.failure("a: 1\nb: 2\na: 3\n"), "3:1 the key `a` is given twice in this mapping")
        expectEqual(Self.failure("a: *nowhere\n"), "1:4 found undefined alias `nowhere`")
        // Deep nesting is refused where it goes too deep, not with a stack overflow.
        expectEqual(Self.failure(String(repeating: "[", count: 100_000)), "1:101 lists and mappings nest more than 100 deep")
        expect(try YAMLComposer.compose(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
        expect(Self.failure("a: 1\n---\nb: 2\n").hasPrefix("2:1 expected a single document"), "\(Self.failure("a: 1\n---\nb: 2\n"))")
    }
}
