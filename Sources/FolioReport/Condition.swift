/// A condition that chooses narrative text, as written after `when`: `byState.reports is reported`,
/// `missing.cases > 0`, `share.missingCases > share.children`, `params.island = 'Biscoe'`, joined
/// by `and` / `or` (`and` binds tighter).
public indirect enum Condition: Hashable, Sendable {
    case test(ConditionTest)
    /// Every part holds (`a and b`).
    case all([Condition])
    /// At least one part holds (`a or b`).
    case any([Condition])

    /// The tests, in the order written.
    var tests: [ConditionTest] {
        switch self {
        case .test(let t): [t]
        case .all(let parts), .any(let parts): parts.flatMap(\.tests)
        }
    }

    /// The value names the condition reads, in the order written.
    public var names: [String] {
        tests.flatMap { t -> [String] in
            var names: [String] = []
            if case .name(let n, _) = t.subject { names.append(n) }
            if case .compare(_, .name(let n, _)) = t.check { names.append(n) }
            return names
        }
    }
}

/// One test of a condition: `subject is reported`, `subject is not zero`, `subject >= 10`.
public struct ConditionTest: Hashable, Sendable {
    /// What is asked of the subject.
    public enum Check: Hashable, Sendable {
        /// `is reported` (true) or `is not reported` (false): whether the value has a number.
        case reported(Bool)
        /// `is zero` (true) or `is not zero` (false).
        case zero(Bool)
        /// `=`, `!=`, `<`, `<=`, `>`, `>=` against another term.
        case compare(ComparisonOperator, ConditionTerm)
    }
    public var subject: ConditionTerm
    public var check: Check
}

/// A comparison operator of a condition.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}

/// A side of a comparison: a value name, a number (`10`, `50%`) or quoted text (`'Biscoe'`).
public enum ConditionTerm: Hashable, Sendable {
    case name(String, SourcePosition)
    /// `value` is the number as a fraction when written with `%` (`50%` is 0.5).
    case number(Double, percent: Bool, written: String, SourcePosition)
    case text(String, SourcePosition)

    var position: SourcePosition {
        switch self {
        case .name(_, let p), .number(_, _, _, let p), .text(_, let p): p
        }
    }

    /// The term as written, for messages.
    var written: String {
        switch self {
        case .name(let n, _): n
        case .number(_, _, let w, _): w
        case .text(let t, _): "'\(t)'"
        }
    }
}
