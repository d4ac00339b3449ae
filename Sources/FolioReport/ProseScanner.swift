/// Finds chart and table directives and `@fig-` / `@tbl-` references in the raw body, outside
/// code, with positions.
struct ProseScanner {
    /// A `![...](chart:<id>)` or `![...](table:<id>)` target found in the source.
    struct ChartDirective { var id: String; var position: SourcePosition; var kind: String = "chart"; var index: String.Index }
    /// An `@fig-<id>` or `@tbl-<id>` reference found in the source.
    struct FigureReference {
        var id: String; var position: SourcePosition; var length: Int; var prefix: String = "@fig-"; var index: String.Index
    }

    let lines: LineIndex
    let firstLine: Int

    /// Ranges of fenced code blocks and inline code spans, where nothing is substituted or referenced.
    func codeRanges() -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var fence: (marker: Character, count: Int, start: String.Index)?
        let text = lines.text
        for n in firstLine...max(firstLine, lines.lineStarts.count) where n <= lines.lineStarts.count {
            let start = lines.lineStarts[n - 1]
            let end = n < lines.lineStarts.count ? lines.lineStarts[n] : text.endIndex
            let line = text[start..<end]
            let trimmed = line.drop { $0 == " " }
            if let f = fence {
                let run = trimmed.prefix { $0 == f.marker }.count
                if run >= f.count, trimmed.dropFirst(run).allSatisfy(\.isWhitespace) {
                    ranges.append(f.start..<end); fence = nil
                }
                continue
            }
            if let m = trimmed.first, m == "`" || m == "~" {
                let run = trimmed.prefix { $0 == m }.count
                if run >= 3 { fence = (m, run, start); continue }
            }
            // Inline code spans: a run of n backticks opens, the next run of n closes.
            var i = line.startIndex
            var open: (Int, String.Index)?
            while i < line.endIndex {
                guard line[i] == "`" else { i = line.index(after: i); continue }
                let runStart = i
                while i < line.endIndex, line[i] == "`" { i = line.index(after: i) }
                let run = line.distance(from: runStart, to: i)
                if let (count, s) = open {
                    if count == run { ranges.append(s..<i); open = nil }
                } else {
                    open = (run, runStart)
                }
            }
        }
        if let f = fence { ranges.append(f.start..<text.endIndex) }
        return ranges
    }

    /// Every `](chart:<id>)` (or `](<kind>:<id>)`) target outside code, in order.
    func chartDirectives(outside code: [Range<String.Index>], from start: String.Index,
                         kind: String = "chart") -> [ChartDirective] {
        let text = lines.text
        var result: [ChartDirective] = []
        var i = start
        while let r = text[i...].range(of: "](\(kind):") {
            i = r.upperBound
            if code.contains(where: { $0.contains(r.lowerBound) }) { continue }
            let id = text[r.upperBound...].prefix { $0 != ")" && !$0.isWhitespace }
            result.append(ChartDirective(id: String(id), position: lines.position(of: r.upperBound), kind: kind, index: r.lowerBound))
        }
        return result
    }

    /// Every `@fig-<id>` (or other `prefix`) outside code, in order.
    func figureReferences(outside code: [Range<String.Index>], from start: String.Index,
                          prefix: String = "@fig-") -> [FigureReference] {
        let text = lines.text
        var result: [FigureReference] = []
        for (range, id) in Self.references(in: text[start...], prefix: prefix)
        where !code.contains(where: { $0.contains(range.lowerBound) }) {
            result.append(FigureReference(id: id, position: lines.position(of: range.lowerBound),
                                          length: text.distance(from: range.lowerBound, to: range.upperBound),
                                          prefix: prefix, index: range.lowerBound))
        }
        return result
    }

    /// `@fig-<id>` occurrences in `text`: `@` not preceded by a letter or digit, id of letters,
    /// digits, `-` and `_`, not ending in `-` or `_` (so "see @fig-a." ends before the period).
    static func references(in text: Substring, prefix: String = "@fig-") -> [(Range<String.Index>, String)] {
        var result: [(Range<String.Index>, String)] = []
        var i = text.startIndex
        while let r = text[i...].range(of: prefix) {
            i = r.upperBound
            if r.lowerBound > text.startIndex {
                let before = text[text.index(before: r.lowerBound)]
                if before.isLetter || before.isNumber { continue }
            }
            var id = text[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            while let last = id.last, last == "-" || last == "_" { id = id.dropLast() }
            guard !id.isEmpty else { continue }
            result.append((r.lowerBound..<id.endIndex, String(id)))
            i = id.endIndex
        }
        return result
    }
}
