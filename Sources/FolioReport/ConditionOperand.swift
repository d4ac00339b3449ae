/// A value as a condition reads it: its number or text, and what it measures, so that a
/// condition comparing a count with a share is an error before anything is written.
public struct ConditionOperand: Hashable, Sendable {
    /// What the value is, for type checks.
    public enum Kind: Hashable, Sendable {
        case text
        /// A share: compared with percentages (`50%`) or other shares.
        case proportion
        /// Any other number; `description` ("a count", "a rate per 100,000 children") says what it
        /// measures, and two values compare only when it is the same.
        case number(description: String)
    }
    public var kind: Kind
    /// The number; nil for text, and for a figure not reported or not defined.
    public var number: Double?
    /// The words, for text values.
    public var text: String?
    /// How the value prints by default ("13", "69.9%", "not reported"), for explanations.
    public var shown: String

    public init(kind: Kind, number: Double? = nil, text: String? = nil, shown: String) {
        self.kind = kind; self.number = number; self.text = text; self.shown = shown
    }

    /// Whether the value has a number (or, for text, words).
    var isReported: Bool { kind == .text ? text != nil : number != nil }

    /// "a count", "a proportion", "text", for messages.
    var kindDescription: String {
        switch kind {
        case .text: "text"
        case .proportion: "a proportion"
        case .number(let d): d
        }
    }
}
