/// Checks a condition's names and types against the resolver and evaluates it, diagnosing every
/// unknown name and every comparison of values that measure different things.
///
/// A test on a value with no number (not reported, or not defined) is false, except
/// `is not reported`; the reason says so.
struct ConditionEvaluator {
    let resolver: any InlineValueResolver

    /// Whether `condition` holds and the values it read, or nil after diagnosing a problem.
    func evaluate(_ condition: Condition, sink: inout DiagnosticSink) -> (holds: Bool, reason: String)? {
        var failed = false
        var reasons: [String] = []
        func holds(_ c: Condition) -> Bool {
            switch c {
            case .test(let t):
                guard let (h, reason) = evaluate(t, sink: &sink) else { failed = true; return false }
                if !reasons.contains(reason) { reasons.append(reason) }
                return h
            case .all(let parts):
                // Evaluate every part, so every part is checked.
                return parts.map(holds).allSatisfy { $0 }
            case .any(let parts):
                return parts.map(holds).contains(true)
            }
        }
        let result = holds(condition)
        return failed ? nil : (result, reasons.joined(separator: "; "))
    }

    private func operand(_ term: ConditionTerm, sink: inout DiagnosticSink) -> ConditionOperand? {
        guard case .name(let name, let position) = term else { return nil }
        do {
            return try resolver.operand(name: name)
        } catch {
            sink.error("unknown value `\(name)` in the condition", at: position, length: name.count,
                       suggestion: NearMiss.suggestion(for: name, among: resolver.availableNames))
            return nil
        }
    }

    private func evaluate(_ test: ConditionTest, sink: inout DiagnosticSink) -> (Bool, String)? {
        guard case .name(let name, let position) = test.subject else {
            // `10 < name`: the parser guarantees a name on the other side; turn it around.
            guard case .compare(let op, let other) = test.check else { return nil }
            return evaluate(ConditionTest(subject: other, check: .compare(op.mirrored, test.subject)), sink: &sink)
        }
        guard let value = operand(test.subject, sink: &sink) else { return nil }
        let said = "\(name) is \(value.shown)"
        switch test.check {
        case .reported(let wanted):
            return (value.isReported == wanted, said)
        case .zero(let wanted):
            guard value.kind != .text else {
                sink.error("`is zero` needs a number, but `\(name)` is text", at: position, length: name.count)
                return nil
            }
            guard let n = value.number else { return (false, said) }
            return ((n == 0) == wanted, said)
        case .compare(let op, let other):
            switch other {
            case .name(let otherName, let otherPosition):
                guard let b = operand(other, sink: &sink) else { return nil }
                guard b.kind == value.kind else {
                    sink.error("cannot compare `\(name)` (\(value.kindDescription)) with `\(otherName)` (\(b.kindDescription))",
                               at: otherPosition, length: otherName.count)
                    return nil
                }
                let both = "\(said) and \(otherName) is \(b.shown)"
                if value.kind == .text {
                    guard let r = textComparison(op, value.text, b.text, at: test.subject.position, sink: &sink) else { return nil }
                    return (r, both)
                }
                guard let x = value.number, let y = b.number else { return (false, both) }
                return (op.holds(x, y), both)
            case .number(let y, let percent, let written, let p):
                switch value.kind {
                case .text:
                    sink.error("`\(name)` is text: compare it with quoted text, such as `'\(written)'`", at: p, length: written.count)
                    return nil
                case .proportion where !percent && y != 0:
                    sink.error("`\(name)` is a proportion: write the number as a percentage, such as `\(Self.percentSpelling(y))`",
                               at: p, length: written.count)
                    return nil
                case .number(let d) where percent:
                    sink.error("`\(name)` is \(d), not a proportion: write the number without `%`", at: p, length: written.count)
                    return nil
                default:
                    guard let x = value.number else { return (false, said) }
                    return (op.holds(x, y), said)
                }
            case .text(let t, let p):
                guard value.kind == .text else {
                    sink.error("`\(name)` is \(value.kindDescription): compare it with a number, not text", at: p, length: t.count + 2)
                    return nil
                }
                guard let r = textComparison(op, value.text, t, at: position, sink: &sink) else { return nil }
                return (r, said)
            }
        }
    }

    private func textComparison(_ op: ComparisonOperator, _ a: String?, _ b: String?, at position: SourcePosition,
                                sink: inout DiagnosticSink) -> Bool? {
        switch op {
        case .equal: return a != nil && a == b
        case .notEqual: return a != nil && a != b
        default:
            sink.error("text compares only with `=` or `!=`, not `\(op.rawValue)`", at: position)
            return nil
        }
    }

    /// `0.5` → `50%`, the way a writer would put the number they meant.
    private static func percentSpelling(_ fraction: Double) -> String {
        let p = fraction * 100
        return p == p.rounded() && abs(p) < 1e15 ? "\(Int(p))%" : "\(p)%"
    }
}

extension ComparisonOperator {
    /// The operator with its sides swapped (`<` becomes `>`).
    var mirrored: ComparisonOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }
}
