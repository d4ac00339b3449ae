/// A 1-based line and column in a narrative file; columns count characters (grapheme clusters).
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
    public var description: String { "\(line):\(column)" }
}

/// Maps string indices of a source text to 1-based line and column positions.
struct LineIndex: Sendable {
    let text: String
    /// The start index of every line.
    let lineStarts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if c == "\n" || c == "\r\n" { starts.append(i) }
        }
        lineStarts = starts
    }

    /// The position of `index` in the text.
    func position(of index: String.Index) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        let column = text.distance(from: lineStarts[lo], to: index) + 1
        return SourcePosition(line: lo + 1, column: column)
    }

    /// The text of 1-based line `line`, without its line break.
    func line(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : text.endIndex
        if end > start, line < lineStarts.count { end = text.index(before: end) }
        return String(text[start..<end]).trimmingCharacters(in: "\r")
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
