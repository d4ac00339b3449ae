import FolioData
/// The UTF-16 units the fast fact-sheet path handles, and what each one is.
///
/// Plain text is ASCII plus a few typographic characters PDF extraction produces (no-break
/// space, en and em dashes, curly quotes, bullet, ellipsis). On such text each unit is one
/// `Character` (bar a CR LF pair), one Unicode scalar and one ICU code point, no unit changes
/// under case folding except the ASCII letters, and the properties below are all the matching
/// and the paragraph rules need. They restate Unicode's definitions for these units only;
/// `PlainTextTests` checks each of them against ICU, Foundation and the Swift standard library.
/// Text with any other unit goes the general (and slower) way.
enum PlainText {
    /// The non-ASCII units of plain text, in the order `UnitSet` numbers them.
    static let extras: [UInt16] = [0x00A0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026]

    /// The no-break space: the one non-ASCII unit that is white space.
    static let noBreakSpace: UInt16 = 0x00A0

    /// The position of `unit` in `extras`, or nil for ASCII and for units outside plain text.
    @inline(__always)
    static func extraIndex(_ unit: UInt16) -> Int? {
        switch unit {
        case 0x00A0: return 0
        case 0x2013: return 1
        case 0x2014: return 2
        case 0x2018: return 3
        case 0x2019: return 4
        case 0x201C: return 5
        case 0x201D: return 6
        case 0x2022: return 7
        case 0x2026: return 8
        default: return nil
        }
    }

    /// Whether `unit` belongs to plain text.
    @inline(__always)
    static func contains(_ unit: UInt16) -> Bool { unit < 0x80 || extraIndex(unit) != nil }

    /// The string of plain `units`, built from UTF-8 (which Swift strings store) rather than
    /// transcoded from UTF-16.
    static func string<Units: Collection<UInt16>>(_ units: Units) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count + 8)
        for unit in units {
            if unit < 0x80 {
                bytes.append(UInt8(unit))
            } else if unit < 0x800 {
                bytes.append(UInt8(0xC0 | (unit >> 6)))
                bytes.append(UInt8(0x80 | (unit & 0x3F)))
            } else {
                bytes.append(UInt8(0xE0 | (unit >> 12)))
                bytes.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (unit & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether every unit is plain.
    static func accepts(_ units: [UInt16]) -> Bool {
        for unit in units where !contains(unit) { return false }
        return true
    }

    /// White space: Unicode's White_Space property, which is ICU's `\s`, `Character.isWhitespace`
    /// and (for these units) what `split(whereSeparator: \.isWhitespace)` splits on.
    @inline(__always)
    static func isSpace(_ unit: UInt16) -> Bool { (0x09...0x0D).contains(unit) || unit == 0x20 || unit == noBreakSpace }

    /// A line terminator: `Character.isNewline`, and what ICU's multi-line `^` and `$` look for.
    @inline(__always)
    static func isNewline(_ unit: UInt16) -> Bool { (0x0A...0x0D).contains(unit) }

    /// A member of `CharacterSet.whitespaces` (general category Zs and the tab).
    @inline(__always)
    static func isHorizontalSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == noBreakSpace }

    /// A word character for ICU's `\b`: letters, digits and the underscore.
    @inline(__always)
    static func isWord(_ unit: UInt16) -> Bool { isLetter(unit) || isDigit(unit) || unit == 0x5F }

    /// An ASCII letter (the only letters in plain text).
    @inline(__always)
    static func isLetter(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) }

    /// An ASCII digit: ICU's `\d` on plain text.
    @inline(__always)
    static func isDigit(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) }

    /// A lower-case letter: `Character.isLowercase` on plain text.
    @inline(__always)
    static func isLowercase(_ unit: UInt16) -> Bool { (0x61...0x7A).contains(unit) }
}
