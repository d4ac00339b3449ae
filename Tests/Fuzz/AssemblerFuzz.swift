import FolioCharts
import FolioReport

/// libFuzzer target: the whole narrative assembler (parse, resolve, substitute, Markdown → blocks,
/// figure references) with a fake resolver that knows a few names and filters; what it writes
/// must hold no reference left unfilled.
struct FakeResolver: InlineValueResolver {
    let values = ["a": "4,546", "b": "69.9%", "state.name": "Mississippi", "t": "a *b* [c](d) {{ e }}"]
    var availableNames: [String] { Array(values.keys).sorted() }
    func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String {
        guard let v = values[name] else { throw .unknownName }
        for f in filters {
            switch f.name {
            case "count", "percent", "label": continue
            case "mismatch": throw .filterMismatch(filter: f.name, message: "does not fit")
            default: throw .unknownFilter(name: f.name, known: ["count", "percent", "label"])
            }
        }
        return v
    }
    /// `a` is a count, `b` a proportion, the rest text.
    func operand(name: String) throws(InlineResolutionError) -> ConditionOperand {
        guard let v = values[name] else { throw .unknownName }
        switch name {
        case "a": return ConditionOperand(kind: .number(description: "a count"), number: 4546, shown: v)
        case "b": return ConditionOperand(kind: .proportion, number: 0.699, shown: v)
        default: return ConditionOperand(kind: .text, text: v, shown: v)
        }
    }
}

let charts = [
    Chart(id: "counts", title: "Counts", source: "fuzz", mark: .table(TableMark(columns: ["a", "b"], rows: [["1", "2"]])),
          altText: "counts"),
    Chart(id: "empty", title: "Empty", source: "fuzz", mark: .table(TableMark(columns: [], rows: [])), altText: "empty"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssembler(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let assembler = ReportAssembler(resolver: FakeResolver(), charts: charts)
    guard let report = try? assembler.assemble(source: source, file: "fuzz.md") else { return 0 }
    // Every reference was filled: the Markdown written holds no `{{ }}` a second parse would find
    // (values that contain braces, like "t", must come out escaped).
    let markdown = MarkdownWriter(chartsDirectory: "charts").write(report)
    if let again = try? Narrative.parse(source: markdown, file: "out.md"), let left = again.expressions.first {
        fatalError("the written Markdown still holds \(left.text) at \(left.position)")
    }
    return 0
}
