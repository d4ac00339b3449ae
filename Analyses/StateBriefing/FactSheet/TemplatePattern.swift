import FolioData
import Foundation

/// One expanded template pattern, compiled once with `NSRegularExpression` (case-insensitive,
/// `^`/`$` at line breaks) and matched against a sheet's lines and paragraphs.
///
/// Compiling all the template's patterns takes a few milliseconds once per process; matching a
/// whole sheet about 10 ms more than the hand-written matcher this replaced, a trade taken for
/// code a reader knows (issue #14).
struct TemplatePattern: Sendable {
    /// The `NSRegularExpression` pattern.
    let source: String
    /// The names of the pattern's named groups.
    let groupNames: [String]
    /// The compiled pattern (immutable, and `Sendable` in Foundation).
    private let expression: NSRegularExpression

    /// Compiles `source`; the template's own patterns always compile (tested).
    init(_ source: String) {
        self.source = source
        groupNames = Self.namedGroups(in: source)
        do {
            expression = try NSRegularExpression(pattern: source, options: [.caseInsensitive, .anchorsMatchLines])
        } catch {
            preconditionFailure("the fact-sheet template's pattern /\(source)/ does not compile: \(error)")
        }
    }

    /// Every match in `range` of `text`, left to right.
    func matches(in text: String, range: NSRange) -> [PatternMatch] {
        expression.matches(in: text, range: range).map(convert)
    }

    /// Every match in the whole of `text`, left to right.
    func matches(in text: String) -> [PatternMatch] {
        matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
    }

    /// The first match in `text`, or nil.
    func firstMatch(in text: String) -> PatternMatch? {
        expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(convert)
    }

    private func convert(_ result: NSTextCheckingResult) -> PatternMatch {
        var groups: [String: NSRange] = [:]
        for name in groupNames { groups[name] = result.range(withName: name) }
        return PatternMatch(range: result.range, groups: groups)
    }

    /// `(?<name>` not after a backslash, compiled once for every pattern's `namedGroups`.
    private static let groupOpening = try! NSRegularExpression(pattern: #"(?<!\\)\(\?<([A-Za-z][A-Za-z0-9]*)>"#)

    /// The names in `(?<name>` openings (not look-behinds such as `(?<!`).
    static func namedGroups(in pattern: String) -> [String] {
        groupOpening.matches(in: pattern, range: NSRange(location: 0, length: pattern.utf16.count)).compactMap {
            Range($0.range(at: 1), in: pattern).map { String(pattern[$0]) }
        }
    }
}
