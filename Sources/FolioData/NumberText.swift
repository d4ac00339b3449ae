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
              let value = wholeValue(digits: digits, scale: scale) ?? decimalValue(digits: digits, scale: scale) else {
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

    /// `digits` ("4546", "36.2") times `scale` when that is a whole number below 2^53, computed
    /// in integers; nil otherwise (then `decimalValue` reads it). Whole numbers in that range are
    /// exact in a `Double`, so this is the value `Decimal` gives, without its locale lookups.
    public static func wholeValue(digits: String, scale: UInt64) -> Double? {
        var whole: UInt64 = 0, fraction: UInt64 = 0, fractionScale: UInt64 = 1
        var inFraction = false
        for byte in digits.utf8 {
            if byte == UInt8(ascii: "."), !inFraction { inFraction = true; continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = UInt64(byte - UInt8(ascii: "0"))
            if inFraction {
                let (shifted, o1) = fraction.multipliedReportingOverflow(by: 10)
                let (scaled, o2) = fractionScale.multipliedReportingOverflow(by: 10)
                guard !o1, !o2 else { return nil }
                fraction = shifted + digit
                fractionScale = scaled
            } else {
                let (shifted, overflow) = whole.multipliedReportingOverflow(by: 10)
                guard !overflow, shifted <= UInt64.max - digit else { return nil }
                whole = shifted + digit
            }
        }
        // whole · scale + fraction · scale / fractionScale, when the last part is whole.
        let (fractionPart, o1) = fraction.multipliedReportingOverflow(by: scale)
        guard !o1, fractionPart % fractionScale == 0 else { return nil }
        let (wholePart, o2) = whole.multipliedReportingOverflow(by: scale)
        let (total, o3) = wholePart.addingReportingOverflow(fractionPart / fractionScale)
        guard !o2, !o3, total <= 1 << 53 else { return nil }
        return Double(total)
    }

    /// "18,400" → "18400"; nil when separators are misplaced or other characters appear.
    public static func plainDigits(_ token: String) -> String? {
        token.utf8.allSatisfy({ $0 < 0x80 }) ? plainDigits(ascii: Array(token.utf8)) : plainDigits(characters: token)
    }

    /// `plainDigits` character by character, for any text.
    public static func plainDigits(characters token: String) -> String? {
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

    /// `plainDigits` on ASCII bytes, where each character is one byte, in one pass: digit groups
    /// separated by commas (the first of one to three digits, the others of three), then
    /// optionally a point and at least one digit.
    public static func plainDigits(ascii bytes: [UInt8]) -> String? {
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var groups = 1, groupLength = 0, firstGroupLength = 0
        var i = 0
        while i < bytes.count, bytes[i] != 0x2E { // "."
            let byte = bytes[i]
            if byte == 0x2C { // ","
                guard groupLength > 0, groups == 1 || groupLength == 3 else { return nil }
                if groups == 1 { firstGroupLength = groupLength }
                groups += 1
                groupLength = 0
            } else {
                guard isDigit(byte) else { return nil }
                out.append(byte)
                groupLength += 1
            }
            i += 1
        }
        guard groupLength > 0 else { return nil }
        if groups > 1 {
            guard firstGroupLength <= 3, groupLength == 3 else { return nil }
        }
        if i < bytes.count {
            out.append(0x2E)
            i += 1
            guard i < bytes.count else { return nil }
            while i < bytes.count {
                guard isDigit(bytes[i]) else { return nil }
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
