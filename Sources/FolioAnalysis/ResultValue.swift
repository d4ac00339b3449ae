import FolioData

/// A value an analysis step produced: its number (or text), kind, interval, caveat and provenance.
public struct ResultValue: Hashable, Sendable {
    public var kind: ValueKind
    /// The number; `nil` for text values and for figures the source did not report.
    public var number: Double?
    /// The words, for text values.
    public var text: String?
    /// The interval; a deferred one (see `IntervalRecipe`) is computed on every read until resolved.
    public var interval: Interval? {
        get { intervalRecipe.interval }
        set { intervalRecipe = .known(newValue) }
    }
    /// The interval, or how to compute it.
    var intervalRecipe: IntervalRecipe
    /// Lower bound or rounded inputs make the result a lower bound or approximate.
    public var qualifier: Qualifier
    /// A caveat the briefing must print beside the number (a comparison that is not like-for-like).
    public var caveat: String?
    /// A short human label for tables and the methods appendix.
    public var label: String
    public var provenance: Provenance
    /// True for a share or rate whose whole is zero: it has no number, and prints "not defined"
    /// rather than "not reported".
    public var isUndefined = false

    public init(kind: ValueKind, number: Double?, text: String? = nil, interval: Interval? = nil,
                qualifier: Qualifier = .exact, caveat: String? = nil, label: String, provenance: Provenance) {
        self.init(kind: kind, number: number, text: text, intervalRecipe: .known(interval), qualifier: qualifier,
                  caveat: caveat, label: label, provenance: provenance)
    }

    /// A value whose interval may be deferred until it is read or the value is stored in a run.
    init(kind: ValueKind, number: Double?, text: String? = nil, intervalRecipe: IntervalRecipe,
         qualifier: Qualifier = .exact, caveat: String? = nil, label: String, provenance: Provenance) {
        self.kind = kind; self.number = number; self.text = text; self.intervalRecipe = intervalRecipe
        self.qualifier = qualifier; self.caveat = caveat; self.label = label; self.provenance = provenance
    }

    /// The same value with its interval computed and kept.
    var resolvingInterval: ResultValue {
        var resolved = self
        resolved.intervalRecipe = intervalRecipe.resolved
        return resolved
    }

    /// A text value (names, labels) with the figure or file it came from.
    public static func text(_ words: String, label: String, provenance: Provenance) -> ResultValue {
        ResultValue(kind: .text, number: nil, text: words, label: label, provenance: provenance)
    }
}
