import FolioCharts
import FolioScene

/// Inline content of a paragraph, heading, list item, table cell or caption.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case strong([Inline])
    case emphasis([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// A hard line break.
    case lineBreak
    /// `@fig-<id>` in prose: printed "Figure N", linked to the figure.
    case figureReference(id: String, number: Int)
    /// `@tbl-<id>` in prose: printed "Table N", linked to the table.
    case tableReference(id: String, number: Int)
    /// A note marker after a cited value with a caveat, or an author's `[^x]` footnote:
    /// number N of `Report.notes`, drawn as a superscript linked to the note.
    case noteReference(number: Int)

    /// The text without formatting (`Figure N` for references).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .strong(let c), .emphasis(let c), .strikethrough(let c), .link(_, let c): c.plainText
        case .lineBreak: "\n"
        case .figureReference(_, let n): "Figure \(n)"
        case .tableReference(_, let n): "Table \(n)"
        case .noteReference: ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { map(\.plainText).joined() }
}

/// A section heading.
public struct Heading: Hashable, Sendable {
    /// 1...6, as in Markdown.
    public var level: Int
    public var content: [Inline]
    /// A stable, unique anchor (`sec-missing-children`), used as the PDF destination.
    public var anchor: String
    public var line: Int
}

/// A bullet or numbered list; each item is a list of blocks.
public struct ListBlock: Hashable, Sendable {
    public var ordered: Bool
    /// The first number of an ordered list.
    public var start: Int
    public var items: [[Block]]
}

/// A GitHub-flavoured Markdown table.
public struct TableBlock: Hashable, Sendable {
    /// Alignment of a column.
    public enum Alignment: Hashable, Sendable { case none, left, center, right }
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var alignments: [Alignment]
    /// Columns whose body cells all look like numbers; drawn right-aligned.
    public var numericColumns: Set<Int>

    /// True when column `c` is drawn right-aligned (explicitly, or because it holds numbers).
    public func isRightAligned(_ c: Int) -> Bool {
        (c < alignments.count && alignments[c] == .right) || numericColumns.contains(c)
    }
}

/// A chart placed in the report, numbered in order of appearance.
public struct Figure: Hashable, Sendable {
    public var chartID: String
    public var number: Int
    public var caption: [Inline]
    public var chart: Chart
    public var line: Int
    /// The PDF destination name (`fig-<id>`).
    public var anchor: String { "fig-\(chartID)" }
}

/// A `.table` chart placed as a real table with `![caption](table:<id>)`, numbered "Table N"
/// separately from figures.
public struct TableFigure: Hashable, Sendable {
    public var chartID: String
    public var number: Int
    public var caption: [Inline]
    public var chart: Chart
    public var table: TableMark
    public var line: Int
    /// The PDF destination and HTML id (`tbl-<id>`).
    public var anchor: String { "tbl-\(chartID)" }
    /// The chart's source and note, printed under the table.
    public var sourceLine: String { [chart.note, chart.source].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") }

    /// The table as a GFM-style table block (header, rows, numeric columns right-aligned).
    public var block: TableBlock {
        let columns = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        var numeric = table.numericColumns
        for c in 0..<columns where !table.rows.isEmpty {
            let values = table.rows.map { c < $0.count ? $0[c] : "" }
            if values.contains(where: { !$0.isEmpty }),
               values.allSatisfy({ $0.isEmpty || MarkdownBodyParser.looksNumeric($0) }) { numeric.insert(c) }
        }
        return TableBlock(header: table.columns.map { [.text($0)] }, rows: table.rows.map { $0.map { [.text($0)] } },
                          alignments: Array(repeating: .none, count: columns), numericColumns: numeric)
    }
}

/// A headline number for page 1 (`key-figures:` in the front matter), resolved like other text.
public struct KeyFigure: Hashable, Sendable {
    /// The number as printed, e.g. "4,546".
    public var value: String
    /// What it counts, e.g. "penguins in the study".
    public var label: String
    /// Numbers of the notes (caveats) attached to values cited in `value`.
    public var notes: [Int]
    public init(value: String, label: String, notes: [Int] = []) {
        self.value = value; self.label = label; self.notes = notes
    }
}

/// A block of the report body.
public indirect enum Block: Hashable, Sendable {
    case heading(Heading)
    case paragraph([Inline])
    case list(ListBlock)
    case table(TableBlock)
    case figure(Figure)
    /// A `.table` chart placed with `![caption](table:<id>)`.
    case tableFigure(TableFigure)
    /// A Markdown block quote, drawn as a tinted callout box.
    case callout([Block])
    case codeBlock(String)
    case thematicBreak
}

/// A narrative with every value filled in, ready for the Markdown, PDF and HTML writers.
public struct Report: Hashable, Sendable {
    public var title: String
    public var subtitle: String?
    /// The date as written in the front matter (display text, e.g. "March 2024").
    public var date: String?
    public var author: String?
    public var keywords: [String]
    public var paper: PaperSize
    public var blocks: [Block]
    /// The figures in order (number 1, 2, ...).
    public var figures: [Figure]
    /// The tables placed with `table:` directives, in order (Table 1, 2, ...).
    public var tables: [TableFigure]
    /// Headline numbers shown under the title block.
    public var keyFigures: [KeyFigure]
    /// Notes in order: note N is `notes[N - 1]`. Writers print them after every block.
    public var notes: [String]
    /// The front matter's `pages:`, which the PDF must fit in.
    public var pageLimit: PageLimit?
    /// Every condition of the narrative, which branch it took and why, in source order.
    public var conditions: [ConditionOutcome] = []
    /// The value names the printed text cites and the conditions read, in order (with repeats).
    public var citedNames: [String] = []

    public init(title: String, subtitle: String? = nil, date: String? = nil, author: String? = nil,
                keywords: [String] = [], paper: PaperSize = .letter, blocks: [Block], figures: [Figure] = [],
                tables: [TableFigure] = [], keyFigures: [KeyFigure] = [], notes: [String] = [],
                pageLimit: PageLimit? = nil) {
        self.title = title; self.subtitle = subtitle; self.date = date; self.author = author
        self.keywords = keywords; self.paper = paper; self.blocks = blocks; self.figures = figures
        self.tables = tables; self.keyFigures = keyFigures; self.notes = notes; self.pageLimit = pageLimit
    }

    /// PDF metadata; `date` is the deterministic `YYYY-MM-DDThh:mm:ss` stamp chosen by the caller.
    public func metadata(date: String) -> DocumentMetadata {
        DocumentMetadata(title: title, author: author ?? "", subject: subtitle ?? "", keywords: keywords, date: date)
    }
}
