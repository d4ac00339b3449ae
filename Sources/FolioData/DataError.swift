/// A problem with an input file, worded like a compiler diagnostic so editors and CI logs link it.
///
/// Every case names the file (and, when known, the line and column) and says what was expected,
/// e.g. `Analyses/Data/ms.txt:21:24: error: expected a count after "handled", found "abc"`.
public enum DataError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file could not be read at all (missing, a directory, no permission).
    case unreadableFile(file: String, reason: String)
    /// The file has no content (zero bytes, or only whitespace).
    case emptyFile(file: String)
    /// The bytes are not valid UTF-8; `at` is the first offending byte.
    case invalidUTF8(at: SourceLocation, byte: UInt8)
    /// The bytes look binary (a NUL byte), not text.
    case binaryInput(at: SourceLocation)
    /// The text lacks the markers of the format it should have (`format` names it).
    case wrongFormat(file: String, format: String, expected: String)
    /// A figure the format always carries was not found; names the measure key.
    case missingFigure(file: String, measure: String, expected: String)
    /// A figure exists for the place but the source does not report a value for it.
    case figureNotReported(at: SourceLocation, measure: String, geography: String)
    /// A value that should be a number is not one.
    /// `expected` says what, e.g. `a count after "handled"`.
    case unparsableNumber(at: SourceLocation, expected: String, found: String)
    /// A number that reads as one but lies outside what the figure can be (a count above
    /// `PublishedNumber.largest`, a percentage above 100, a population of zero).
    case numberOutOfRange(at: SourceLocation, expected: String, found: String)
    /// A source states the same figure twice; `at` is the second occurrence.
    case duplicateFigure(at: SourceLocation, measure: String, firstLine: Int)
    /// Parts that should sum to a total do not.
    /// - Parameters:
    ///   - parts: what the parts are, e.g. "the three missing-case rows".
    ///   - partLines: the lines the parts were read from.
    ///   - partsSum: the sum of the parts.
    ///   - total: where the total was read.
    ///   - totalValue: the total the source states.
    case partsDoNotAddUp(parts: String, partLines: [Int], partsSum: Double, total: SourceLocation, totalValue: Double)
    /// A sentence names a different place than the source's heading.
    case placeMismatch(at: SourceLocation, what: String, expected: String, found: String)
    /// A place the source names is not in the reference table that lists the places it may name;
    /// `name` is as the message should show it (`state "Narnia"`).
    case placeNotFound(at: SourceLocation, name: String, table: String, expected: String)
    /// A CSV header differs from the expected one.
    case csvHeader(at: SourceLocation, expected: [String], found: [String])
    /// A CSV row has the wrong number of fields.
    case csvFieldCount(at: SourceLocation, expected: Int, found: Int)
    /// A CSV field could not be read (bad quoting, unknown unit or period, ...).
    case csvInvalidField(at: SourceLocation, column: String, expected: String, found: String)
    /// The CSV text is malformed (e.g. an unterminated quote).
    case csvMalformed(at: SourceLocation, reason: String)
    /// The same key appears twice; `at` is the second occurrence.
    case duplicateRow(at: SourceLocation, key: String, firstLine: Int)
    /// A row every table of this kind must have (e.g. `US`) is absent.
    case missingRow(file: String, key: String)

    /// Where the problem is, as precisely as known.
    public var location: SourceLocation? {
        switch self {
        case .invalidUTF8(let at, _), .binaryInput(let at), .figureNotReported(let at, _, _),
             .unparsableNumber(let at, _, _), .numberOutOfRange(let at, _, _), .placeMismatch(let at, _, _, _), .placeNotFound(let at, _, _, _),
             .csvHeader(let at, _, _), .csvFieldCount(let at, _, _), .csvInvalidField(let at, _, _, _),
             .csvMalformed(let at, _), .duplicateRow(let at, _, _), .duplicateFigure(let at, _, _):
            return at
        case .partsDoNotAddUp(_, _, _, let total, _):
            return total
        case .unreadableFile, .emptyFile, .wrongFormat, .missingFigure, .missingRow:
            return nil
        }
    }

    /// The file the problem is in.
    public var file: String {
        if let location { return location.file }
        switch self {
        case .unreadableFile(let file, _), .emptyFile(let file), .wrongFormat(let file, _, _),
             .missingFigure(let file, _, _), .missingRow(let file, _):
            return file
        default:
            return ""
        }
    }

    /// The message without the location prefix.
    public var message: String {
        switch self {
        case .unreadableFile(_, let reason):
            return "cannot read the file: \(reason)"
        case .emptyFile:
            return "the file is empty; expected text"
        case .invalidUTF8(_, let byte):
            return "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); expected UTF-8 text"
        case .binaryInput:
            return "found a NUL byte; expected text, not binary data"
        case .wrongFormat(_, let format, let expected):
            return "not \(format): expected \(expected)"
        case .missingFigure(_, let measure, let expected):
            return "missing required figure \"\(measure)\": expected \(expected)"
        case .figureNotReported(_, let measure, let geography):
            return "figure \"\(measure)\" for \(geography) is not reported in the source"
        case .unparsableNumber(_, let expected, let found):
            return "expected \(expected), found \"\(found)\""
        case .numberOutOfRange(_, let expected, let found):
            return "number out of range: expected \(expected), found \"\(found)\""
        case .duplicateFigure(_, let measure, let firstLine):
            return "figure \"\(measure)\" is stated twice; first on line \(firstLine)"
        case .partsDoNotAddUp(let parts, let partLines, let partsSum, let total, let totalValue):
            let lines = partLines.count == 1 ? "line \(partLines[0])" : "lines " + partLines.map(String.init).joined(separator: ", ")
            return "\(parts) (\(lines)) sum to \(DataError.number(partsSum)) but the total on line \(total.line) says \(DataError.number(totalValue))"
        case .placeMismatch(_, let what, let expected, let found):
            return "expected \(what) \"\(expected)\", found \"\(found)\""
        case .placeNotFound(_, let name, let table, let expected):
            return "\(name) not found in \(table); expected \(expected)"
        case .csvHeader(_, let expected, let found):
            return "expected the header \"\(expected.joined(separator: ","))\", found \"\(found.joined(separator: ","))\""
        case .csvFieldCount(_, let expected, let found):
            return "expected \(expected) fields, found \(found)"
        case .csvInvalidField(_, let column, let expected, let found):
            return "expected \(expected) in column \"\(column)\", found \"\(found)\""
        case .csvMalformed(_, let reason):
            return "malformed CSV: \(reason)"
        case .duplicateRow(_, let key, let firstLine):
            return "duplicate row \"\(key)\"; first given on line \(firstLine)"
        case .missingRow(_, let key):
            return "missing the required row \"\(key)\""
        }
    }

    /// `path:line:column: error: message`, or `path: error: message` when there is no position.
    public var description: String {
        let prefix = location.map(\.description) ?? file
        return "\(prefix): error: \(message)"
    }

    /// Whole numbers without a fraction, others as given.
    public static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
