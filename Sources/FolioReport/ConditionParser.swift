/// Parses the text of a condition (what follows `when`) into a `Condition`, diagnosing mistakes
/// at their column.
///
/// Grammar: `condition := conjunction ("or" conjunction)*`, `conjunction := test ("and" test)*`,
/// `test := term ("is" ["not"] ("reported" | "zero") | operator term)`, where a term is a value
/// name, a number (`10`, `2.5`, `50%`) or text in quotes (`'Biscoe'` or `"Biscoe"`).
///
/// Hand-written rather than an expression library: the grammar is six words and six operators,
/// every mistake must be reported at its column in the narrative, and a general evaluator would
/// accept arithmetic the type checks (count against share, share against a bare number) cannot follow.
struct ConditionParser {
    /// A word, number, quoted text or operator, with its column offset in the condition.
    private struct Token {
        enum Kind: Equatable { case word, number, text, symbol }
        var kind: Kind
        var text: String
        var offset: Int
        var length: Int
    }

    let text: String
    /// Where the condition's first character is in the source.
    let start: SourcePosition

    /// The condition, or nil after diagnosing why it cannot be read.
    func parse(into sink: inout DiagnosticSink) -> Condition? {
        guard let tokens = tokenize(into: &sink) else { return nil }
        guard !tokens.isEmpty else {
            sink.error("expected a condition after `when`, such as `name is reported` or `name > 0`", at: start)
            return nil
        }
        var i = 0
        guard let condition = disjunction(tokens, &i, &sink) else { return nil }
        if i < tokens.count {
            let t = tokens[i]
            sink.error("expected `and`, `or` or the end of the condition, not `\(t.text)`", at: position(t), length: t.length)
            return nil
        }
        return condition
    }

    private func position(_ t: Token) -> SourcePosition { position(offset: t.offset) }
    private func position(offset: Int) -> SourcePosition { SourcePosition(line: start.line, column: start.column + offset) }

    private func disjunction(_ tokens: [Token], _ i: inout Int, _ sink: inout DiagnosticSink) -> Condition? {
        var parts: [Condition] = []
        repeat {
            if !parts.isEmpty { i += 1 }
            guard let part = conjunction(tokens, &i, &sink) else { return nil }
            parts.append(part)
        } while i < tokens.count && tokens[i].kind == .word && tokens[i].text == "or"
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private func conjunction(_ tokens: [Token], _ i: inout Int, _ sink: inout DiagnosticSink) -> Condition? {
        var parts: [Condition] = []
        repeat {
            if !parts.isEmpty { i += 1 }
            guard let t = test(tokens, &i, &sink) else { return nil }
            parts.append(.test(t))
        } while i < tokens.count && tokens[i].kind == .word && tokens[i].text == "and"
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func test(_ tokens: [Token], _ i: inout Int, _ sink: inout DiagnosticSink) -> ConditionTest? {
        let endOffset = text.count
        guard let subject = term(tokens, &i, &sink) else { return nil }
        guard i < tokens.count else {
            sink.error("expected `is reported`, `is zero` or a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`) after `\(subject.written)`",
                       at: position(offset: endOffset))
            return nil
        }
        let t = tokens[i]
        if t.kind == .word, t.text == "is" {
            i += 1
            var negated = false
            if i < tokens.count, tokens[i].kind == .word, tokens[i].text == "not" { negated = true; i += 1 }
            guard i < tokens.count, tokens[i].kind == .word, ["reported", "zero"].contains(tokens[i].text) else {
                let at = i < tokens.count ? position(tokens[i]) : position(offset: endOffset)
                sink.error("expected `reported` or `zero` after `is\(negated ? " not" : "")`", at: at,
                           length: i < tokens.count ? tokens[i].length : 1,
                           suggestion: i < tokens.count ? NearMiss.suggestion(for: tokens[i].text, among: ["reported", "zero"]) : nil)
                return nil
            }
            guard case .name = subject else {
                sink.error("`is \(tokens[i].text)` asks about a value name, not `\(subject.written)`", at: subject.position,
                           length: subject.written.count)
                return nil
            }
            let check: ConditionTest.Check = tokens[i].text == "reported" ? .reported(!negated) : .zero(!negated)
            i += 1
            return ConditionTest(subject: subject, check: check)
        }
        let symbol = t.text == "==" ? "=" : t.text
        guard t.kind == .symbol, let op = ComparisonOperator(rawValue: symbol) else {
            sink.error("expected `is reported`, `is zero` or a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`) after `\(subject.written)`, not `\(t.text)`",
                       at: position(t), length: t.length)
            return nil
        }
        i += 1
        guard let other = term(tokens, &i, &sink) else { return nil }
        if case .name = subject {} else if case .name = other {} else {
            sink.error("a comparison needs a value name on one side", at: subject.position, length: subject.written.count)
            return nil
        }
        return ConditionTest(subject: subject, check: .compare(op, other))
    }

    private func term(_ tokens: [Token], _ i: inout Int, _ sink: inout DiagnosticSink) -> ConditionTerm? {
        guard i < tokens.count else {
            sink.error("expected a value name, a number or quoted text", at: position(offset: text.count))
            return nil
        }
        let t = tokens[i]
        let p = position(t)
        switch t.kind {
        case .word:
            if Self.keywords.contains(t.text) {
                sink.error("expected a value name, a number or quoted text, not `\(t.text)`", at: p, length: t.length)
                return nil
            }
            i += 1
            return .name(t.text, p)
        case .number:
            let percent = t.text.hasSuffix("%")
            guard let n = Double(percent ? String(t.text.dropLast()) : t.text) else {
                sink.error("`\(t.text)` is not a number", at: p, length: t.length)
                return nil
            }
            i += 1
            return .number(percent ? n / 100 : n, percent: percent, written: t.text, p)
        case .text:
            i += 1
            return .text(t.text, p)
        case .symbol:
            sink.error("expected a value name, a number or quoted text, not `\(t.text)`", at: p, length: t.length)
            return nil
        }
    }

    static let keywords: Set<String> = ["is", "not", "reported", "zero", "and", "or"]

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "." || c == "-"
    }

    private func tokenize(into sink: inout DiagnosticSink) -> [Token]? {
        let chars = Array(text)
        var tokens: [Token] = []
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c.isWhitespace { k += 1; continue }
            let begin = k
            if c == "'" || c == "\"" {
                k += 1
                while k < chars.count, chars[k] != c { k += 1 }
                guard k < chars.count else {
                    sink.error("unclosed \(c == "'" ? "'" : "\"") in the condition", at: position(offset: begin))
                    return nil
                }
                tokens.append(Token(kind: .text, text: String(chars[(begin + 1)..<k]), offset: begin, length: k - begin + 1))
                k += 1
            } else if c.isNumber || (c == "-" && k + 1 < chars.count && chars[k + 1].isNumber) {
                k += 1
                while k < chars.count, chars[k].isNumber || chars[k] == "." || chars[k] == "," { k += 1 }
                if k < chars.count, chars[k] == "%" { k += 1 }
                let written = String(chars[begin..<k].filter { $0 != "," })
                tokens.append(Token(kind: .number, text: written, offset: begin, length: k - begin))
            } else if Self.isNameCharacter(c) {
                while k < chars.count, Self.isNameCharacter(chars[k]) { k += 1 }
                tokens.append(Token(kind: .word, text: String(chars[begin..<k]), offset: begin, length: k - begin))
            } else if "=!<>".contains(c) {
                k += 1
                if k < chars.count, chars[k] == "=" { k += 1 }
                let op = String(chars[begin..<k])
                guard op != "!" else {
                    sink.error("expected `!=`; write `is not` to negate a test", at: position(offset: begin))
                    return nil
                }
                tokens.append(Token(kind: .symbol, text: op, offset: begin, length: k - begin))
            } else {
                sink.error("unexpected `\(c)` in the condition", at: position(offset: begin))
                return nil
            }
        }
        return tokens
    }
}
