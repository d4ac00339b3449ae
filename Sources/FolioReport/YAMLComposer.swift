import CYAML

/// Why a YAML text could not be read: libyaml's problem, or the composer's, and where.
public struct YAMLError: Error, Sendable {
    public var problem: String
    public var mark: YAMLNode.Mark
    /// What libyaml was reading when it met the problem ("while parsing a flow sequence"), and where that began.
    public var context: (text: String, mark: YAMLNode.Mark)?

    public init(problem: String, mark: YAMLNode.Mark, context: (text: String, mark: YAMLNode.Mark)? = nil) {
        self.problem = problem; self.mark = mark; self.context = context
    }

    /// The problem, and the context with its place, for a YAML text whose line 1 is line
    /// `lineOffset + 1` of its file: "did not find expected ',' or ']' (while parsing a flow
    /// sequence from line 7, column 11)".
    public func description(lineOffset: Int) -> String {
        guard let context else { return problem }
        return "\(problem) (\(context.text) from line \(context.mark.line + lineOffset), column \(context.mark.column))"
    }
}

/// Builds a `YAMLNode` tree from libyaml's parse events: one document, anchors and aliases
/// resolved, a key given twice in one mapping reported.
///
/// Stands in for Yams (`Yams.compose`), which wraps the same C parser: Folio used only its
/// composer, and Yams cost every cold build ~5,000 lines of Swift and its own copy of libyaml's
/// C (about 10 CPU-seconds of a 125-CPU-second test build, measured with a per-module `swiftc`
/// wrapper), where Debian's `libyaml-dev` builds in no time. Tags are not resolved: a front
/// matter reads text, lists and mappings, and `int` reads whole numbers from a scalar's text.
public enum YAMLComposer {
    /// The one document in `yaml`, or nil when the text holds none (empty, or only comments).
    public static func compose(_ yaml: String) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(problem: "out of memory", mark: YAMLNode.Mark(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }  // libyaml asserts on a null input
        return try withUnsafeMutablePointer(to: &parser) { parser throws(YAMLError) -> YAMLNode? in
            try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) -> YAMLNode? in
                yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
                var reader = EventReader(parser: parser)
                return try reader.stream()
            }
        }
    }
}

/// Reads events one at a time and composes nodes from them.
private struct EventReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    var anchors: [String: YAMLNode] = [:]

    init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

    /// One parse event, copied out of libyaml's.
    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(String)
        case scalar(String, YAMLNode.ScalarStyle, anchor: String?)
        case sequenceStart(anchor: String?), sequenceEnd
        case mappingStart(anchor: String?), mappingEnd
    }

    mutating func next() throws(YAMLError) -> (Event, YAMLNode.Mark) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            let p = parser.pointee
            let problem = p.problem.map { String(cString: $0) } ?? "unreadable YAML"
            let context = p.context.map { (text: String(cString: $0), mark: Self.mark(p.context_mark)) }
            throw YAMLError(problem: problem, mark: Self.mark(p.problem_mark), context: context)
        }
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_ALIAS_EVENT: return (.alias(Self.text(event.data.alias.anchor)), mark)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            return (.scalar(value, Self.style(s.style), anchor: s.anchor.map { Self.text($0) }), mark)
        case YAML_SEQUENCE_START_EVENT: return (.sequenceStart(anchor: event.data.sequence_start.anchor.map { Self.text($0) }), mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT: return (.mappingStart(anchor: event.data.mapping_start.anchor.map { Self.text($0) }), mark)
        default: return (.mappingEnd, mark)
        }
    }

    /// The stream: nothing, or exactly one document.
    mutating func stream() throws(YAMLError) -> YAMLNode? {
        _ = try next()  // stream start
        if case .streamEnd = try next().0 { return nil }  // else a document starts
        let root = try node(after: next())
        _ = try next()  // document end
        let (event, mark) = try next()
        if case .documentStart = event {
            throw YAMLError(problem: "expected a single document, but found another document", mark: mark)
        }
        return root
    }

    /// How deep lists and mappings may nest: composing recurses once a level, and a front matter
    /// of a hundred thousand `[` must be an error, not a stack overflow.
    static let maximumDepth = 100
    private var depth = 0

    /// The node that starts with `start`.
    mutating func node(after start: (Event, YAMLNode.Mark)) throws(YAMLError) -> YAMLNode {
        let (event, mark) = start
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw YAMLError(problem: "lists and mappings nest more than \(Self.maximumDepth) deep", mark: mark)
        }
        switch event {
        case .alias(let name):
            guard let node = anchors[name] else { throw YAMLError(problem: "found undefined alias `\(name)`", mark: mark) }
            return YAMLNode(node.content, mark: mark)
        case let .scalar(value, style, anchor):
            return remember(YAMLNode(.scalar(.init(string: value, style: style)), mark: mark), as: anchor)
        case .sequenceStart(let anchor):
            var items: [YAMLNode] = []
            while true {
                let next = try next()
                if case .sequenceEnd = next.0 { break }
                items.append(try node(after: next))
            }
            return remember(YAMLNode(.sequence(items), mark: mark), as: anchor)
        case .mappingStart(let anchor):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while true {
                let next = try next()
                if case .mappingEnd = next.0 { break }
                let key = try node(after: next)
                if let name = key.string, pairs.contains(where: { $0.key.string == name }) {
                    throw YAMLError(problem: "the key `\(name)` is given twice in this mapping", mark: key.mark)
                }
                pairs.append((key, try node(after: self.next())))
            }
            return remember(YAMLNode(.mapping(pairs), mark: mark), as: anchor)
        default:
            throw YAMLError(problem: "unexpected end of the YAML", mark: mark)
        }
    }

    mutating func remember(_ node: YAMLNode, as anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    static func mark(_ m: yaml_mark_t) -> YAMLNode.Mark { YAMLNode.Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }

    static func text(_ p: UnsafeMutablePointer<yaml_char_t>) -> String { String(cString: UnsafePointer(p)) }

    static func style(_ s: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
