import FolioData

/// A plain ratio of two results (one group's share of a total over its share of the population,
/// say), with no interval of its own: its inputs carry theirs.
public struct Ratio: Measure {
    public var numerator: (name: String, value: ResultValue)
    public var denominator: (name: String, value: ResultValue)
    public var label: String
    public var caveat: String?

    public init(_ numerator: (name: String, value: ResultValue), over denominator: (name: String, value: ResultValue),
                label: String, caveat: String? = nil) {
        self.numerator = numerator; self.denominator = denominator; self.label = label; self.caveat = caveat
    }

    public var resultKind: ValueKind { .ratio }
    public var resultLabel: String { label }

    public func evaluate(step: String) throws -> ResultValue {
        guard let a = numerator.value.number, let b = denominator.value.number else {
            throw RatioError.missingValue(numerator.value.number == nil ? numerator.name : denominator.name)
        }
        guard b != 0 else { throw RatioError.zeroDenominator(denominator.name) }
        let qualifiers = [numerator.value.qualifier, denominator.value.qualifier]
        return ResultValue(
            kind: .ratio, number: a / b,
            qualifier: qualifiers.contains(.lowerBound) ? .lowerBound : (qualifiers.contains(.rounded) ? .rounded : .exact),
            caveat: caveat, label: label,
            provenance: Provenance(step: step, formula: "\(numerator.name) / \(denominator.name)",
                                   inputs: [.result(numerator.name), .result(denominator.name)]))
    }
}

/// Why a ratio of results could not be taken.
public enum RatioError: Error, CustomStringConvertible, Equatable {
    case missingValue(String)
    case zeroDenominator(String)
    public var description: String {
        switch self {
        case .missingValue(let n): return "\(n) has no number (not reported), so no ratio can be taken"
        case .zeroDenominator(let n): return "\(n) is zero, so it cannot be a denominator"
        }
    }
}
