import FolioData
import Foundation

/// One match of a template pattern: its range and its named groups' ranges, in UTF-16 offsets of
/// the text searched (as `NSRegularExpression` reports them, so positions map back the same way).
struct PatternMatch: Equatable {
    /// The whole match.
    var range: NSRange
    /// Each named group's range; a group that took no part has location `NSNotFound`.
    var groups: [String: NSRange]

    /// The range of the group called `name` (location `NSNotFound` when it did not take part).
    func range(_ name: String) -> NSRange { groups[name] ?? PatternMatch.none }

    /// The range of a group that took no part in a match.
    static let none = NSRange(location: NSNotFound, length: 0)
}
