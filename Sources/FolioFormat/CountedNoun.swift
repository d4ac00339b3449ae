/// A noun that follows a count in prose, in the right number: "1 engagement", "13 engagements",
/// "no engagements".
///
/// Written here because Foundation's automatic grammar agreement (`^[…](inflect: true)`) exists
/// on Apple platforms only, not in swift-corelibs-foundation; the regular English rules plus an
/// explicit plural after a slash cover every noun the briefings use.
public struct CountedNoun: Hashable, Sendable {
    public var singular: String
    public var plural: String

    /// Reads `engagement` (plural by the regular English rules: engagements, matches, agencies) or
    /// `survivor or family/survivors and families` (singular, a slash, plural).
    public init(_ written: String) {
        let parts = written.split(separator: "/", maxSplits: 1).map { String($0).trimmed }
        singular = parts.first ?? ""
        plural = parts.count > 1 ? parts[1] : Self.regularPlural(of: singular)
    }

    /// `number` (already formatted, e.g. "1,024" or "three") with the noun; zero reads "no …".
    public func phrase(_ value: Double, written number: String) -> String {
        if value == 0 { return "no \(plural)" }
        return "\(number) \(value == 1 ? singular : plural)"
    }

    /// The regular plural of the last word: +s, +es after s/x/z/ch/sh, consonant + y → ies.
    static func regularPlural(of noun: String) -> String {
        guard let last = noun.last else { return noun }
        let lower = noun.lowercased()
        if ["s", "x", "z"].contains(String(last).lowercased()) || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return noun + "es"
        }
        if last == "y", let before = noun.dropLast().last, !"aeiouAEIOU".contains(before) {
            return noun.dropLast() + "ies"
        }
        return noun + "s"
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
