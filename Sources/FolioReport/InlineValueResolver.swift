/// Supplies the formatted values that a narrative's `{{ }}` expressions name.
///
/// FolioReport does not know the analysis module; the runner adapts analysis results to this.
public protocol InlineValueResolver: Sendable {
    /// Formats `name` through `filters` (in order), or throws InlineResolutionError.
    func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String
    /// Every name that can be referenced (for near-miss suggestions).
    var availableNames: [String] { get }
    /// A caveat to print as a numbered note wherever `name` is cited (a comparison that is not
    /// like-for-like), or nil.
    func note(for name: String) -> String?
    /// The value `name` as a condition reads it (`::: when name > 0`), or `.unknownName`.
    func operand(name: String) throws(InlineResolutionError) -> ConditionOperand
}

extension InlineValueResolver {
    /// No notes unless the resolver says otherwise.
    public func note(for name: String) -> String? { nil }
}

/// Why an inline value could not be produced; the assembler turns it into a located diagnostic.
public enum InlineResolutionError: Error, Hashable, Sendable {
    /// No value has this name.
    case unknownName
    /// No filter has this name; `known` lists the filters that exist, for suggestions.
    case unknownFilter(name: String, known: [String])
    /// The filter exists but does not apply to this value or argument (`message` says why).
    case filterMismatch(filter: String, message: String)
}
