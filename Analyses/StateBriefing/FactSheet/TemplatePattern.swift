import FolioData
import Foundation

/// One expanded template pattern and the two ways of matching it: `SheetPattern` on plain text,
/// `NSRegularExpression` (the reference, any text) otherwise.
struct TemplatePattern: Sendable {
    /// Which matcher to use.
    enum Engine: Sendable {
        /// `SheetPattern` when the text is plain and the pattern compiles, ICU otherwise.
        case automatic
        /// Always `NSRegularExpression`: the behaviour the fast path must reproduce.
        case reference
    }

    /// The `NSRegularExpression` pattern.
    let source: String
    /// The compiled form; nil when the pattern uses syntax `SheetPattern` declines.
    let compiled: SheetPattern?
    /// The names of the pattern's named groups.
    let groupNames: [String]

    /// The pattern, compiled ahead of time when it is one of the template's, else now.
    init(_ source: String) {
        self.source = source
        compiled = FactSheetTemplate.precompiled(source) ?? (try? SheetPattern(source))
        groupNames = compiled.map { $0.groupNames.compactMap { $0 } } ?? Self.namedGroups(in: source)
    }

    /// Every match in `range` of `text` (whose UTF-16 units are `units`), left to right.
    func matches(in text: String, units: [UInt16], range: NSRange, plain: Bool, engine: Engine) throws -> [PatternMatch] {
        if engine == .automatic, plain, let compiled {
            return compiled.matches(in: units, region: range.location..<(range.location + range.length))
        }
        return try expression().matches(in: text, range: range).map(convert)
    }

    /// The first match in `text`, or nil.
    func firstMatch(in text: String, units: [UInt16], plain: Bool, engine: Engine) throws -> PatternMatch? {
        if engine == .automatic, plain, let compiled {
            return compiled.firstMatch(in: units, region: 0..<units.count)
        }
        return try expression().firstMatch(in: text, range: NSRange(location: 0, length: units.count)).map(convert)
    }

    private func expression() throws -> NSRegularExpression {
        try NSRegularExpression(pattern: source, options: [.caseInsensitive, .anchorsMatchLines])
    }

    private func convert(_ result: NSTextCheckingResult) -> PatternMatch {
        var groups: [String: NSRange] = [:]
        for name in groupNames { groups[name] = result.range(withName: name) }
        return PatternMatch(range: result.range, groups: groups)
    }

    /// The names in `(?<name>` openings (not look-behinds).
    static func namedGroups(in pattern: String) -> [String] {
        let bytes = Array(pattern.utf8)
        var names: [String] = []
        var i = 0
        while i + 3 < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == UInt8(ascii: "("), bytes[i + 1] == UInt8(ascii: "?"), bytes[i + 2] == UInt8(ascii: "<"),
               let close = bytes[(i + 3)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(i + 3)..<close].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) }),
               close > i + 3 {
                names.append(String(decoding: bytes[(i + 3)..<close], as: UTF8.self))
                i = close + 1
                continue
            }
            i += 1
        }
        return names
    }
}
