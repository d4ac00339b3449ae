import Foundation

/// A number as published in prose: "4,546", "36.2 million", "more than 18,400", "19".
public struct PublishedNumber: Equatable, Sendable {
    public var value: Double
    public var qualifier: Qualifier

    /// The largest figure Folio accepts: every whole number up to it is exact in a `Double`, and
    /// sums, rates and intervals built on it stay finite. No published figure of this kind comes close.
    public static let largest: Double = 1e15
    /// `largest` as written in messages.
    public static let largestText = "1,000,000,000,000,000"

    /// Whether `value` is a finite number from 0 to `largest`.
    public static func inRange(_ value: Double) -> Bool { value.isFinite && value >= 0 && value <= largest }

    /// Reads `text` (the number, with an optional scale word) and `isLowerBound` ("more than" before it).
    ///
    /// Accepts digits with correctly placed thousands separators and an optional decimal part,
    /// followed by `thousand`, `million` or `billion`; also `no`/`zero`/`none` for 0.
    /// Returns nil for anything else. Rounded = a scale word was used; lower bound wins over rounded.
    public static func parse(_ text: String, isLowerBound: Bool = false) -> PublishedNumber? {
        let words = text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard let first = words.first, words.count <= 2 else { return nil }
        if words.count == 1, ["no", "zero", "none"].contains(first) {
            return PublishedNumber(value: 0, qualifier: isLowerBound ? .lowerBound : .exact)
        }
        var scale: UInt64 = 1
        if words.count == 2 {
            switch words[1] {
            case "thousand": scale = 1_000
            case "million": scale = 1_000_000
            case "billion": scale = 1_000_000_000
            default: return nil
            }
        }
        guard let digits = plainDigits(first),
              let value = decimalValue(digits: digits, scale: scale) else {
            return nil
        }
        let qualifier: Qualifier = isLowerBound ? .lowerBound : (words.count == 2 ? .rounded : .exact)
        return PublishedNumber(value: value, qualifier: qualifier)
    }

    /// `digits` (as `plainDigits` gives them) times `scale` through `Decimal`, which reads any
    /// decimal exactly; nil when `Decimal` cannot read them.
    public static func decimalValue(digits: String, scale: UInt64) -> Double? {
        guard let number = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return NSDecimalNumber(decimal: number * Decimal(scale)).doubleValue
    }

    /// "18,400" → "18400"; nil when separators are misplaced or other characters appear.
    public static func plainDigits(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard let head = groups.first, head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
