import FolioData
/// Compiles the subset of ICU regular-expression syntax the fact-sheet template uses into
/// `SheetPatternNode`s, matching case-insensitively and with multi-line anchors.
///
/// Supported: literal ASCII characters; `\s \S \d \D \w \W \b \B` and escaped punctuation;
/// classes `[…]` and `[^…]` of characters, ranges and those escapes; groups `(…)`, `(?:…)`,
/// `(?<name>…)`, `(?=…)`, `(?!…)`, and `(?<=x)`, `(?<!x)` for one-unit `x`; alternation `|`;
/// `^`, `$`; the quantifiers `? * + {n} {n,} {n,m}`, lazy with a trailing `?`. Anything else
/// (`.`, possessive quantifiers, nested classes, flags, back-references, other escapes, a
/// repeated group) throws, so a pattern this engine cannot match exactly as ICU does is never
/// matched by it.
struct SheetPatternParser {
    /// Why a pattern was refused.
    struct Unsupported: Error, CustomStringConvertible {
        var pattern: String
        var offset: Int
        var reason: String
        var description: String { "unsupported pattern at offset \(offset) (\(reason)): \(pattern)" }
    }

    private let source: String
    private let bytes: [UInt8]
    private var index = 0
    /// Capture group names by index (nil for unnamed groups).
    private(set) var groupNames: [String?] = []

    init(_ pattern: String) {
        source = pattern
        bytes = Array(pattern.utf8)
    }

    /// Parses the whole pattern.
    mutating func parse() throws -> SheetPatternNode {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { throw refuse("non-ASCII pattern text") }
        let node = try alternation()
        guard index == bytes.count else { throw refuse("unbalanced parenthesis") }
        return node
    }

    // MARK: Structure

    private mutating func alternation() throws -> SheetPatternNode {
        var branches = [try sequence()]
        while peek == UInt8(ascii: "|") {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// Atoms in a row; consecutive single units become one `literal`.
    private mutating func sequence() throws -> SheetPatternNode {
        var nodes: [SheetPatternNode] = []
        var word: [UnitSet] = []
        func endWord() {
            if word.count == 1 { nodes.append(.unit(word[0])) } else if word.count > 1 { nodes.append(.literal(word)) }
            word = []
        }
        while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            let node = try quantified(try atom())
            if case .unit(let set) = node {
                if word.isEmpty { word.reserveCapacity(24) }
                word.append(set)
            } else {
                endWord()
                nodes.append(node)
            }
        }
        endWord()
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    private mutating func atom() throws -> SheetPatternNode {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "("): return try group()
        case UInt8(ascii: "["): return .unit(try characterClass())
        case UInt8(ascii: "\\"): return try escape()
        case UInt8(ascii: "^"): return .lineStart
        case UInt8(ascii: "$"): return .lineEnd
        case UInt8(ascii: "."), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"),
             UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            index -= 1
            throw refuse("'\(Character(Unicode.Scalar(byte)))' here")
        default:
            return .unit(UnitSet(UInt16(byte)).closedOverCase)
        }
    }

    private mutating func group() throws -> SheetPatternNode {
        if peek != UInt8(ascii: "?") {
            let number = groupNames.count
            groupNames.append(nil)
            return .capture(number, try body())
        }
        index += 1
        switch peek {
        case UInt8(ascii: ":"):
            index += 1
            return try body()
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            let negative = peek == UInt8(ascii: "!")
            index += 1
            return .lookahead(try body(), negative: negative)
        case UInt8(ascii: "<"):
            index += 1
            if peek == UInt8(ascii: "=") || peek == UInt8(ascii: "!") {
                let negative = peek == UInt8(ascii: "!")
                index += 1
                return try lookbehind(negative: negative)
            }
            let name = try groupName()
            guard !groupNames.contains(name) else { throw refuse("a repeated group name") }
            let number = groupNames.count
            groupNames.append(name)
            return .capture(number, try body())
        default:
            throw refuse("group flags or an unknown group kind")
        }
    }

    private mutating func lookbehind(negative: Bool) throws -> SheetPatternNode {
        let inner = try body()
        guard case .unit(let set) = inner else { throw refuse("a look-behind longer than one character") }
        return .lookbehind(set, negative: negative)
    }

    private mutating func groupName() throws -> String {
        let start = index
        while let byte = peek, isAlphanumeric(byte) { index += 1 }
        guard index > start, isLetter(bytes[start]), peek == UInt8(ascii: ">") else { throw refuse("a group name") }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return name
    }

    /// A group's contents up to and including its closing parenthesis.
    private mutating func body() throws -> SheetPatternNode {
        let inner = try alternation()
        guard peek == UInt8(ascii: ")") else { throw refuse("an unclosed group") }
        index += 1
        return inner
    }

    // MARK: Quantifiers

    private mutating func quantified(_ atom: SheetPatternNode) throws -> SheetPatternNode {
        guard let byte = peek else { return atom }
        var bounds: (min: Int, max: Int?)
        switch byte {
        case UInt8(ascii: "?"): bounds = (0, 1); index += 1
        case UInt8(ascii: "*"): bounds = (0, nil); index += 1
        case UInt8(ascii: "+"): bounds = (1, nil); index += 1
        case UInt8(ascii: "{"): index += 1; bounds = try interval()
        default: return atom
        }
        var greedy = true
        if peek == UInt8(ascii: "?") { greedy = false; index += 1 }
        else if peek == UInt8(ascii: "+") { throw refuse("a possessive quantifier") }
        if let max = bounds.max, max < bounds.min { throw refuse("an interval with max below min") }
        switch atom {
        case .unit:
            break
        case .lookahead, .lookbehind, .wordBoundary, .lineStart, .lineEnd:
            throw refuse("a quantified assertion")
        default:
            // Repeating a group raises ICU's rules for empty iterations; optional is all the template needs.
            guard byte == UInt8(ascii: "?") else { throw refuse("a repeated group") }
        }
        if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "*") || peek == UInt8(ascii: "+") || peek == UInt8(ascii: "{") {
            throw refuse("a quantifier on a quantifier")
        }
        if case .unit(let set) = atom {
            return .run(set, min: bounds.min, max: bounds.max, greedy: greedy)
        }
        return .optional(atom, greedy: greedy)
    }

    /// `{n}`, `{n,}` or `{n,m}` after the opening brace.
    private mutating func interval() throws -> (min: Int, max: Int?) {
        let min = try number()
        var max: Int? = min
        if peek == UInt8(ascii: ",") {
            index += 1
            max = peek == UInt8(ascii: "}") ? nil : try number()
        }
        guard peek == UInt8(ascii: "}") else { throw refuse("an interval") }
        index += 1
        return (min, max)
    }

    private mutating func number() throws -> Int {
        var value = 0, digits = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 6 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw refuse("a number in an interval") }
        return value
    }

    // MARK: Escapes and classes

    private mutating func escape() throws -> SheetPatternNode {
        guard let byte = peek else { throw refuse("a trailing backslash") }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): return .wordBoundary(negated: false)
        case UInt8(ascii: "B"): return .wordBoundary(negated: true)
        default:
            index -= 1
            return .unit(try escapedSet())
        }
    }

    /// The set an escape stands for (`\s`, `\d`, an escaped punctuation character…), after the backslash.
    private mutating func escapedSet() throws -> UnitSet {
        guard let byte = peek else { throw refuse("a trailing backslash") }
        index += 1
        switch byte {
        case UInt8(ascii: "s"): return .space
        case UInt8(ascii: "S"): return UnitSet.space.complement
        case UInt8(ascii: "d"): return .digit
        case UInt8(ascii: "D"): return UnitSet.digit.complement
        case UInt8(ascii: "w"): return .word
        case UInt8(ascii: "W"): return UnitSet.word.complement
        default:
            guard !isAlphanumeric(byte), byte >= 0x20, byte < 0x7F else {
                index -= 1
                throw refuse("the escape \\\(Character(Unicode.Scalar(byte)))")
            }
            return UnitSet(UInt16(byte)).closedOverCase
        }
    }

    /// A bracketed class after its opening bracket: its members, case-closed, then negated if `^`.
    private mutating func characterClass() throws -> UnitSet {
        var negated = false
        if peek == UInt8(ascii: "^") { negated = true; index += 1 }
        if peek == UInt8(ascii: ":") { throw refuse("a POSIX-style property class") }
        var members = UnitSet.empty
        var count = 0
        while let byte = peek, byte != UInt8(ascii: "]") {
            count += 1
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "&"), UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                throw refuse("a nested class, a set operation or a character with a meaning in sets")
            case UInt8(ascii: "\\"):
                index += 1
                if let next = peek, isAlphanumeric(next) {
                    members = members.union(try escapedSet())
                } else {
                    let literal = try classLiteral()
                    members = members.union(try rangeOrSingle(from: literal))
                }
            case UInt8(ascii: "-"):
                throw refuse("an unescaped '-' outside a range")
            default:
                let literal = try classLiteral()
                members = members.union(try rangeOrSingle(from: literal))
            }
        }
        guard peek == UInt8(ascii: "]"), count > 0 else { throw refuse("an unclosed or empty class") }
        index += 1
        let closed = members.closedOverCase
        return negated ? closed.complement : closed
    }

    /// One literal character in a class (after a backslash, if any).
    private mutating func classLiteral() throws -> UInt16 {
        guard let byte = peek else { throw refuse("an unclosed class") }
        index += 1
        return UInt16(byte)
    }

    /// `literal` alone, or the range `literal-x` when a range follows.
    private mutating func rangeOrSingle(from literal: UInt16) throws -> UnitSet {
        guard peek == UInt8(ascii: "-"), let after = peek(1), after != UInt8(ascii: "]") else { return UnitSet(literal) }
        index += 1
        guard literal < 0x80, isAlphanumeric(UInt8(literal)), isAlphanumeric(after) else {
            throw refuse("a range between other than letters or digits")
        }
        let last = try classLiteral()
        guard literal <= last else { throw refuse("a reversed range") }
        return UnitSet(from: literal, through: last)
    }

    // MARK: Helpers

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    private func peek(_ ahead: Int) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }
    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }
    private func refuse(_ reason: String) -> Unsupported { Unsupported(pattern: source, offset: index, reason: reason) }
}
