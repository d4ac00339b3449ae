/// The YAML header of a narrative: title block, PDF metadata and paper size.
public struct FrontMatter: Hashable, Sendable {
    public var title: TemplateText?
    public var subtitle: TemplateText?
    public var date: TemplateText?
    public var author: TemplateText?
    public var keywords: [TemplateText]
    public var paper: PaperSize
    /// `key-figures:` items, shown as headline numbers under the title block.
    public var keyFigures: [KeyFigureTemplate]
    /// `pages: N`: the most pages the PDF may take.
    public var pageLimit: PageLimit?

    public init(title: TemplateText? = nil, subtitle: TemplateText? = nil, date: TemplateText? = nil,
                author: TemplateText? = nil, keywords: [TemplateText] = [], paper: PaperSize = .letter,
                keyFigures: [KeyFigureTemplate] = []) {
        self.title = title; self.subtitle = subtitle; self.date = date; self.author = author
        self.keywords = keywords; self.paper = paper; self.keyFigures = keyFigures
    }

    /// The keys a front matter may use.
    public static let knownKeys = ["title", "subtitle", "date", "author", "keywords", "paper", "pages", "key-figures", "uses",
                                     "params", "echo", "data", "summary", "methods-code"]
}

/// `pages: N` in a front matter: the PDF must fit in `count` pages. When it does not, the
/// methods section is condensed to a list of its sources; when it still does not, the run fails
/// with an error at `position`.
public struct PageLimit: Hashable, Sendable {
    public var count: Int
    public var position: SourcePosition
    public init(count: Int, position: SourcePosition) { self.count = count; self.position = position }
}

/// One `key-figures:` item before resolution: `value: "{{ missing.cases | count }}"`, `label: "..."`,
/// and optionally `when: "missing.cases > 0"`, shown only when the condition holds.
public struct KeyFigureTemplate: Hashable, Sendable {
    public var value: TemplateText
    public var label: TemplateText
    public var when: WrittenCondition?
    public init(value: TemplateText, label: TemplateText, when: WrittenCondition? = nil) {
        self.value = value; self.label = label; self.when = when
    }
}

/// A condition with the text and place it was written.
public struct WrittenCondition: Hashable, Sendable {
    public var text: String
    /// Where the condition's first character is.
    public var start: SourcePosition
}

/// Parses the YAML between the `---` lines, with expressions already replaced by placeholders of
/// the same length so YAML marks keep their columns.
struct FrontMatterParser {
    /// The YAML text (placeholders in place of expressions).
    let yaml: String
    /// The source line of the YAML's first line.
    let firstLine: Int
    /// Expressions by placeholder number.
    let expressions: [InlineExpression]

    static let placeholderStart: Character = "\u{E000}"
    static let placeholderFill: Character = "\u{E001}"

    /// A run of characters as long as `expression.text` that stands for expression number `index`.
    static func placeholder(index: Int, length: Int) -> String {
        let digits = String(index)
        let fill = max(1, length - 1 - digits.count)
        return String(placeholderStart) + digits + String(repeating: placeholderFill, count: fill)
    }

    func parse(into sink: inout DiagnosticSink) -> FrontMatter {
        var result = FrontMatter()
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(yaml)
        } catch {
            sink.error("bad front matter: \(error.description(lineOffset: firstLine - 1))", at: position(error.mark))
            return result
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            sink.error("bad front matter: expected `key: value` lines", at: position(node.mark))
            return result
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keyPosition = position(keyNode.mark)
            switch key {
            case "title": result.title = text(value, key: key, sink: &sink)
            case "subtitle": result.subtitle = text(value, key: key, sink: &sink)
            case "date": result.date = text(value, key: key, sink: &sink)
            case "author": result.author = text(value, key: key, sink: &sink)
            case "keywords":
                if let items = value.sequence {
                    result.keywords = items.compactMap { text($0, key: key, sink: &sink) }
                } else if let t = text(value, key: key, sink: &sink) {
                    result.keywords = Self.split(t)
                }
            case "key-figures":
                result.keyFigures = keyFigures(value, sink: &sink)
            case "uses", "params", "echo", "data", "summary", "methods-code":
                // Read by the runner: which analysis's steps a narrative-only analysis uses, and a
                // notebook's parameters, default for showing code, data file and one-line summary.
                break
            case "pages":
                if let n = value.int, n >= 1 {
                    result.pageLimit = PageLimit(count: n, position: keyPosition)
                } else {
                    sink.error("bad front matter: `pages` must be a whole number of pages, 1 or more, not `\(value.string ?? "")`",
                               at: position(value.mark), length: max(1, (value.string ?? "").count))
                }
            case "paper":
                let raw = (value.string ?? "").lowercased()
                if let paper = PaperSize(rawValue: raw) {
                    result.paper = paper
                } else {
                    sink.error("bad front matter: `paper` must be `letter` or `a4`, not `\(value.string ?? "")`",
                               at: position(value.mark), length: max(1, (value.string ?? "").count),
                               suggestion: NearMiss.suggestion(for: raw, among: PaperSize.allCases.map(\.rawValue)))
                }
            default:
                sink.error("unknown front matter key `\(key)`", at: keyPosition, length: key.count,
                           suggestion: NearMiss.suggestion(for: key, among: FrontMatter.knownKeys))
            }
        }
        return result
    }

    /// A list of `{value:, label:}` mappings; anything else is diagnosed where it was written.
    private func keyFigures(_ node: YAMLNode, sink: inout DiagnosticSink) -> [KeyFigureTemplate] {
        guard let items = node.sequence else {
            sink.error("bad front matter: `key-figures` must be a list of items with `value:` and `label:`",
                       at: position(node.mark))
            return []
        }
        var result: [KeyFigureTemplate] = []
        for item in items {
            guard let mapping = item.mapping else {
                sink.error("bad front matter: a key figure must have `value:` and `label:`", at: position(item.mark))
                continue
            }
            var value: TemplateText?, label: TemplateText?, when: WrittenCondition?
            for (k, v) in mapping {
                let key = k.string ?? ""
                switch key {
                case "value": value = text(v, key: "value", sink: &sink)
                case "label": label = text(v, key: "label", sink: &sink)
                case "when":
                    guard let scalar = v.scalar else {
                        sink.error("bad front matter: `when` must be a condition, such as `missing.cases > 0`", at: position(v.mark))
                        continue
                    }
                    var start = position(v.mark)
                    if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start.column += 1 }
                    when = WrittenCondition(text: scalar.string, start: start)
                default:
                    sink.error("unknown key figure key `\(key)`", at: position(k.mark), length: key.count,
                               suggestion: NearMiss.suggestion(for: key, among: ["value", "label", "when"]))
                }
            }
            for (missing, name) in [(value == nil, "value"), (label == nil, "label")] where missing
                && !mapping.contains(where: { $0.key.string == name }) {
                sink.error("bad front matter: this key figure has no `\(name):`", at: position(item.mark))
            }
            if let value, let label { result.append(KeyFigureTemplate(value: value, label: label, when: when)) }
        }
        return result
    }

    private func position(_ mark: YAMLNode.Mark) -> SourcePosition {
        return SourcePosition(line: firstLine + mark.line - 1, column: mark.column)
    }

    /// A scalar value as template text; other kinds of value are diagnosed.
    private func text(_ node: YAMLNode, key: String, sink: inout DiagnosticSink) -> TemplateText? {
        guard let scalar = node.scalar else {
            sink.error("bad front matter: `\(key)` must be text", at: position(node.mark))
            return nil
        }
        return TemplateText(segments: segments(scalar.string), position: position(node.mark))
    }

    /// Splits placeholder runs back into expressions.
    private func segments(_ s: String) -> [TemplateText.Segment] {
        var out: [TemplateText.Segment] = []
        var literal = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == Self.placeholderStart {
                i = s.index(after: i)
                var digits = ""
                while i < s.endIndex, s[i].isASCII, s[i].isNumber { digits.append(s[i]); i = s.index(after: i) }
                while i < s.endIndex, s[i] == Self.placeholderFill { i = s.index(after: i) }
                if let n = Int(digits), expressions.indices.contains(n) {
                    if !literal.isEmpty { out.append(.literal(literal)); literal = "" }
                    out.append(.expression(expressions[n]))
                }
            } else {
                literal.append(c)
                i = s.index(after: i)
            }
        }
        if !literal.isEmpty { out.append(.literal(literal)) }
        return out
    }

    /// Splits `"a, b, c"` keywords on commas (literal segments only).
    private static func split(_ t: TemplateText) -> [TemplateText] {
        var result: [TemplateText] = []
        var current: [TemplateText.Segment] = []
        func flush() {
            let trimmed = current.compactMap { seg -> TemplateText.Segment? in
                if case .literal(let s) = seg {
                    let v = s.trimmingWhitespace
                    return v.isEmpty ? nil : .literal(v)
                }
                return seg
            }
            if !trimmed.isEmpty { result.append(TemplateText(segments: trimmed, position: t.position)) }
            current = []
        }
        for seg in t.segments {
            if case .literal(let s) = seg {
                let parts = s.split(separator: ",", omittingEmptySubsequences: false)
                for (k, p) in parts.enumerated() {
                    if k > 0 { flush() }
                    current.append(.literal(String(p)))
                }
            } else {
                current.append(seg)
            }
        }
        flush()
        return result
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
